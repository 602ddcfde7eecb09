"""An EPUB book in, a :class:`Document` out: chapters in spine order become sections.

ebooklib reads the container (the zip, its package file, the spine and the metadata);
each spine document is XHTML, whose headings and paragraphs lxml walks. A chapter's first
heading (else its entry in the table of contents) is its section's title; a later heading
in it starts a section of its own. The book's title, author (creator) and date are the
document's. Nothing in the book is executed: its scripts are never read.
"""

from __future__ import annotations

import io
import warnings

from .encodings import SourceError
from .models import Document, check_date

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: Elements whose text is one paragraph (a <p> inside a <blockquote> or <li> is taken alone).
_BLOCKS = ("p", "blockquote", "li", "dd", "pre", *_HEADINGS)


def parse_epub(data: bytes, name: str) -> Document:
    """The book in ``data`` as a Document; ``SourceError`` if it is no readable EPUB."""
    import zipfile

    from ebooklib import epub

    from . import formats
    from .html_input import _clean
    from .script import detect_script

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ebooklib warns about options it will change
            book = epub.read_epub(io.BytesIO(data), options={"ignore_ncx": True})
    except (zipfile.BadZipFile, epub.EpubException, KeyError, ValueError, OSError, AttributeError,
            TypeError, IndexError) as exc:  # a damaged container or package file: ebooklib's and lxml's kinds
        raise SourceError(f"{name}: not a readable EPUB book ({_reason(exc)})") from None
    toc_titles = _toc_titles(book.toc)
    builder = formats._Builder()
    chapters = 0
    for idref, _linear in book.spine:
        item = book.get_item_with_id(idref)
        if item is None or isinstance(item, epub.EpubNav) or not isinstance(item, epub.EpubHtml):
            continue
        blocks = _chapter_blocks(item.get_content())
        if not any(tag not in _HEADINGS for tag, _ in blocks):
            continue  # a cover, a title page, an empty chapter
        chapters += 1
        if blocks[0][0] not in _HEADINGS:
            builder.heading(toc_titles.get(item.file_name) or _clean(item.title or "") or f"Chapter {chapters}")
        for tag, text in blocks:
            text = _clean(text)
            if not text:
                continue
            if tag in _HEADINGS:
                builder.heading(text)
            else:
                builder.paragraph(text)
    if not builder.paragraphs:
        raise SourceError(f"{name}: this EPUB book has no text to read")
    meta = {"title": _first(book, "title")}
    date = _book_date(_first(book, "date"))
    if date:
        meta["date"] = date
    document = builder.document(meta, "mixed")
    return document._replace(script=detect_script(p.text for p in document.paragraphs),
                             title=document.title or name, named=not document.title,
                             author=_first(book, "creator"), site=_first(book, "publisher"), source=name)


def _chapter_blocks(content: bytes) -> list[tuple[str, str]]:
    """(tag, text) of a chapter's headings and paragraphs, in reading order."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(content)
    except (lxml.etree.ParserError, ValueError):
        return []
    for bad in list(root.iter("script", "style", "head")):
        if bad.getparent() is not None:
            bad.drop_tree()
    blocks = []
    for element in root.iter(*_BLOCKS):
        if any(child.tag in _BLOCKS for child in element.iterdescendants()):
            continue  # a container: its inner blocks are taken one by one
        blocks.append((element.tag, " ".join(element.itertext())))
    return blocks


def _toc_titles(toc) -> dict[str, str]:
    """File name → title of the table of contents' entries (nested sections included)."""
    titles: dict[str, str] = {}
    for entry in toc or ():
        if isinstance(entry, tuple | list) and len(entry) == 2:
            section, children = entry
            titles.update(_toc_titles([section, *children]))
            continue
        href = getattr(entry, "href", None) or getattr(entry, "file_name", None)
        title = getattr(entry, "title", None)
        if href and title:
            titles.setdefault(href.split("#", 1)[0], str(title))
    return titles


def _first(book, field: str) -> str:
    from .html_input import _clean

    values = book.get_metadata("DC", field)
    return _clean(str(values[0][0])) if values and values[0] and values[0][0] else ""


def _book_date(value: str) -> str | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` from an OPF date (often a full timestamp)."""
    for size in (10, 7, 4):
        date = check_date(value[:size]) if len(value) >= size else None
        if date and len(date) == size:
            return date
    return None


def _reason(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
