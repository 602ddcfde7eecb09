"""Reviewed data shipped with the package: the default article, lexicon, glossary."""

from pathlib import Path

#: The folder of these files, installed or editable (plain files, never zipped): cheaper at
#: start-up than importlib.resources, which costs ~8 ms of imports before the first frame.
HERE = Path(__file__).parent


def read_text(name: str) -> str:
    """The text of the packaged data file ``name``."""
    return (HERE / name).read_text(encoding="utf-8")
