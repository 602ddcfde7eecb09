"""The embedded default article and the reviewed marks it is built with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import Document, Pinyin

if TYPE_CHECKING:
    from .formats import Marks

# ``formats`` (the cleaning code) is imported by the functions that parse: with the parsed
# article in the disk cache, a start-up reads only the texts (pipeline.load_default).

DEFAULT_NAME = "article-1688"


def _data(name: str) -> str:
    from .. import data

    return data.read_text(name)


def load_marks(text: str) -> Marks:
    """Read a marks TOML (meta, repairs, headings)."""
    import tomllib  # only when rebuilding the article from the seed: not at start-up

    from .formats import Marks

    data = tomllib.loads(text)
    return Marks(
        repairs=[(r["find"], r["replace"]) for r in data.get("repair", [])],
        headings=[(h["glued"], h["title"]) for h in data.get("heading", [])],
        meta={k: str(v) for k, v in data.get("meta", {}).items()},
    )


#: The seed was converted from simplified character by character (后臺, 采購, 于, 余): not a
#: traditional source as its writer wrote it, so the reader opens it converted, as a
#: simplified source (a traditional source opens as written).
DEFAULT_SCRIPT = "mixed"


def build_default_article(raw: str) -> tuple[str, str]:
    """From the raw seed, the shipped Markdown and its pinyin hints (TSV)."""
    from .formats import parse_run_together, render_markdown

    marks = load_marks(_data(f"{DEFAULT_NAME}.marks.toml"))
    document = parse_run_together(raw, marks, script=DEFAULT_SCRIPT)
    hints = "".join(f"{p.paragraph}\t{p.offset}\t{p.syllable}\n" for p in document.pinyin)
    return render_markdown(document), hints


def default_article_text() -> str:
    """The shipped Markdown of the default article."""
    return _data(f"{DEFAULT_NAME}.md")


def default_pinyin_text() -> str:
    """The shipped pinyin hints (TSV: paragraph, offset, syllable)."""
    return _data(f"{DEFAULT_NAME}.pinyin.tsv")


def default_document(text: str, hints: str) -> Document:
    """The default article parsed from its Markdown, with the pinyin hints the seed had
    glued after characters."""
    from .formats import parse_markdown

    rows = (line.split("\t") for line in hints.splitlines())
    pinyin = tuple(Pinyin(int(p), int(o), s) for p, o, s in rows)
    return parse_markdown(text, script=DEFAULT_SCRIPT)._replace(pinyin=pinyin)
