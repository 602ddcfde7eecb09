"""The application's Textual stylesheets (installed as b2b_reader.styles)."""

from pathlib import Path

#: The application stylesheet, found next to this module in both kinds of install.
APP_CSS = str(Path(__file__).with_name("app.tcss"))

#: The article's annotation styles (entities, terms, search, selection, pinyin).
ANNOTATIONS_CSS = Path(__file__).with_name("annotations.tcss")
