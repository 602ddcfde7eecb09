"""From input to a cleaned ``Document`` (split from ``core.pipeline``): files, standard input,
links, web pages and EPUB books, each parsed once and cached on disk by what it reads.

Nothing after this knows the input's format; ``core.pipeline`` re-exports these names.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from .models import Document
from .script import detect_script

#: The origin (``Loaded.origin``) of the embedded article.
EMBEDDED = "embedded:article-1688"


class Loaded(NamedTuple):
    """A cleaned document and where it came from."""

    document: Document
    name: str
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    truncated: bool = False  # only the first part of a too-large input was read
    #: Where to open it again: an absolute path or a URL ("" for standard input and the
    #: embedded article); what the shelf (``core/library``) records.
    origin: str = ""


def _parsed(parse: Callable[[], Document], *key: str) -> Document:
    """``parse()``, or what it gave before for the same ``key`` (texts it reads, name).

    Cleaning a document is pure, so its result is cached on disk like the analysis: a second
    open skips it (and the import of the cleaning code, part of every start-up; a
    1M-character book took ~100 ms to clean, more than its cached form takes to read).
    """
    from . import cache
    from .pipeline import PIPELINE_VERSION
    from .provenance import packaged_digest

    digest = cache.cache_key(PIPELINE_VERSION, packaged_digest(), "document", *key)
    data = cache.load("documents", digest)
    document = None if data is None else Document.from_json(data)
    if document is None:
        document = parse()
        cache.store("documents", digest, document.to_json())
    return document


def load_default() -> Loaded:
    """The embedded article, cleaned, with the pinyin hints the seed carried."""
    from . import articles

    text, hints = articles.default_article_text(), articles.default_pinyin_text()
    document = _parsed(lambda: articles.default_document(text, hints), text, hints)
    return Loaded(document, "article-1688.md", origin=EMBEDDED)


def load_text(text: str, name: str) -> Loaded:
    """Clean and structure already decoded text."""
    document = _parsed(lambda: _parse(text, name), text, name)
    return Loaded(document, name, warnings=document.warnings)


def _parse(text: str, name: str) -> Document:
    from . import formats

    document = formats.parse(text, name)
    document = document._replace(script=detect_script(p.text for p in document.paragraphs))
    if not document.title:
        document = document._replace(title=Path(name).name if name and name != "-" else "<stdin>", named=True)
    return document


def load_path(path: str | None, encoding: str | None = None, meanwhile: Callable[[], object] | None = None) -> Loaded:
    """Read and clean a file, a link (``http(s)://``), ``-`` for standard input, or ``None``
    for the default article. Web pages and EPUB books become Documents by their own
    extractors (``core/html_input``, ``core/epub_input``); nothing after this knows the format.
    ``meanwhile``: the caller's next step, run while a web page is extracted (``core/aside``).

    Raises ``source.SourceError`` (a one-line message) for input that cannot be used.
    """
    if path is None:
        return load_default()
    import os

    from . import html_input, source

    if path.lower().startswith(("http://", "https://")):
        from . import fetch

        page = fetch.fetch(path)
        kind = page.content_type.split(";", 1)[0].strip().lower()
        if kind == "application/epub+zip" or page.data[:2] == b"PK" and b"application/epub+zip" in page.data[:100]:
            loaded = load_epub(page.data, path)
        elif kind in ("text/plain", "text/markdown") and not html_input.looks_like_html(page.data):
            declared = encoding or html_input.declared_charset(b"", page.content_type)
            text = source.decode_bytes(page.data, path, declared)
            loaded = load_text(text.text, path)
            loaded = loaded._replace(warnings=(*text.warnings, *loaded.warnings))
        else:
            loaded = load_page(page.data, path, url=page.url, header=page.content_type, encoding=encoding,
                               meanwhile=meanwhile)
        return loaded._replace(origin=path, warnings=(*page.warnings, *loaded.warnings))
    if path == "-":
        import sys

        if encoding is not None:
            source.check_encoding(encoding)  # a bad name fails before waiting for input
        name, origin, total = "<stdin>", "", -1
        data = source.read_stream_bytes(sys.stdin.buffer, name)
        if html_input.looks_like_html(data, name):
            return load_page(data[:source.DEFAULT_MAX_BYTES], name, encoding=encoding, meanwhile=meanwhile)
        text = source._finish(data, name, encoding, source.DEFAULT_MAX_BYTES, total=total)
    else:
        name, origin = str(path), os.path.abspath(path)
        kind = _file_kind(path)
        if kind != "text":
            data, _ = source.read_path_bytes(path)
            if kind == "epub":
                return load_epub(data, name)._replace(origin=origin)
            page = load_page(data[:source.DEFAULT_MAX_BYTES], name, encoding=encoding, meanwhile=meanwhile)
            return page._replace(origin=origin)
        text = source.read_path(path, encoding=encoding)
    loaded = load_text(text.text, text.name)
    return loaded._replace(encoding=text.encoding, warnings=(*text.warnings, *loaded.warnings),
                           truncated=text.truncated, origin=origin)


def _file_kind(path: str) -> str:
    """``html``, ``epub`` or ``text``: by the name, else by the first bytes of a regular file
    (a FIFO is not peeked at: what is read from it is gone). A file that cannot be opened is
    ``text``, whose reader reports why."""
    import os
    import stat

    from .html_input import HTML_SUFFIXES, looks_like_html

    lower = path.lower()
    if lower.endswith(".epub"):
        return "epub"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    try:
        with open(path, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return "text"
            head = handle.read(1024)
    except OSError:
        return "text"
    if head[:2] == b"PK" and b"application/epub+zip" in head[:100]:
        return "epub"
    return "html" if looks_like_html(head) else "text"


def load_page(data: bytes, name: str, url: str | None = None, header: str | None = None,
              encoding: str | None = None, meanwhile: Callable[[], object] | None = None) -> Loaded:
    """A web page's article (``core/html_input``), cleaned; cached like any parsed input
    (``meanwhile`` runs only if the page is extracted: a cached one needs no child)."""
    import hashlib

    from . import html_input

    key = ("html", hashlib.sha256(data).hexdigest(), name, url or "", header or "", encoding or "")
    document = _parsed(lambda: html_input.parse_html(data, name, url=url, header=header, encoding=encoding,
                                                     meanwhile=meanwhile), *key)
    return Loaded(document, name, warnings=document.warnings)


def load_epub(data: bytes, name: str) -> Loaded:
    """An EPUB book's chapters as sections (``core/epub_input``), cached like any parsed input."""
    import hashlib

    from . import epub_input

    document = _parsed(lambda: epub_input.parse_epub(data, name), "epub", hashlib.sha256(data).hexdigest(), name)
    return Loaded(document, name, warnings=document.warnings)
