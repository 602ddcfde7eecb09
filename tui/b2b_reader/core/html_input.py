"""A web page in, a :class:`Document` out: the article's main text and the page's metadata.

trafilatura (with htmldate for the publication date) finds the article in the page and
leaves navigation, sidebars, ads, comments and related links out; this module decodes the
page's bytes, walks the extracted headings and paragraphs into sections, and takes the
title, author, site, publication date and canonical URL from the page.

Encoding: the charset the server declared (HTTP ``Content-Type``), then the page's own
(``<meta charset>`` or ``http-equiv``), then the project's detection (``core/encodings``),
which reads GBK and Big5 pages that declare nothing or declare it wrongly.

Nothing is executed: scripts are never run and page text is data (the reader and the
command line make every string inert before it reaches the terminal).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .encodings import SourceError, _codec_name, _decode, detect_encoding
from .models import Document

#: How far into a page the ``<meta charset>`` may come (the HTML standard says 1024 bytes;
#: real pages put a long ``<title>`` or scripts first, so a little more is read).
META_SCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*"
                         rb"<(?:!doctype\s+html|html|head|meta|title)[\s>]",
                         re.IGNORECASE | re.DOTALL)
#: Labels of the line under a headline that says when, from where and by whom (a byline):
#: 2024年10月18日 09:30 来源：新浪财经 作者：王小明. Such a line is metadata, not body text.
_BYLINE_LABELS = re.compile(r"(来源|來源|作者|编辑|編輯|责任编辑|責任編輯|记者|記者|发布时间|發布時間|发布|發布|时间|時間)\s*[:：]")
_AUTHOR = re.compile(r"(?:作者|记者|記者)\s*[:：]\s*([^\s:：|｜/]{2,12})")
_DATE_ONLY = re.compile(r"^[\d\s年月日:：\-/.·|｜]+$")
#: A byline is a short line: a sentence of the article is longer.
BYLINE_MAX = 80
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def looks_like_html(data: bytes, name: str = "") -> bool:
    """Whether ``data`` (a file named ``name``) is a web page: by its suffix, or by how it begins."""
    if name.lower().endswith(HTML_SUFFIXES):
        return True
    head = data[:1024]
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head[2:].decode(codec, "ignore").encode("ascii", "ignore")
    return bool(_HTML_START.match(head))


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """The codec a page declares: the HTTP header's charset first, then its ``<meta>``.

    A name Python does not know is ignored (detection decides); GB2312 and GBK are read as
    GB18030, their superset, since pages that say GB2312 routinely use GBK characters.
    """
    candidates = []
    if header:
        match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", header, re.IGNORECASE)
        if match:
            candidates.append(match.group(1))
    match = _META_CHARSET.search(data[:META_SCAN_BYTES])
    if match:
        candidates.append(match.group(1).decode("ascii", "ignore"))
    for name in candidates:
        try:
            codec = _codec_name(name)
        except SourceError:
            continue
        if codec in ("gb2312", "gbk"):
            return "gb18030"
        if codec == "big5":
            return "cp950"  # Big5 as Windows writes it (the superset pages really use)
        return codec
    return None


def decode_page(data: bytes, name: str, header: str | None = None, encoding: str | None = None) -> tuple[str, str, int]:
    """The page's text, the codec used and how many bytes could not be decoded.

    ``encoding`` (``--encoding``) wins; then the declaration; then detection. A declared
    charset that leaves more bad bytes than the detected one is a wrong declaration
    (a GBK page saying UTF-8 happens), and detection wins.
    """
    if encoding is not None:
        codec = _codec_name(encoding)
        text, replaced, _ = _decode(data, codec)
        return text, codec, replaced
    declared = declared_charset(data, header)
    if declared is not None:
        text, replaced, _ = _decode(data, declared)
        if not replaced:
            return text, declared, 0
    try:
        codec = detect_encoding(data)
    except SourceError as exc:
        if declared is None:
            raise SourceError(f"{name}: {exc}") from None
        return text, declared, replaced
    detected, bad, _ = _decode(data, codec)
    if declared is not None and replaced <= bad:
        return text, declared, replaced
    return detected, codec, bad


def parse_html(data: bytes, name: str, url: str | None = None, header: str | None = None,
               encoding: str | None = None, meanwhile: Callable[[], object] | None = None) -> Document:
    """The article of a page as a Document (sections at its headings), with its metadata.

    ``url`` is where the page was fetched from (its canonical URL, if it gives one, is the
    source); ``header`` the HTTP ``Content-Type``. Raises ``SourceError`` when the page
    holds no article text. ``meanwhile``: the caller's next step (the command line's import
    of the reader), run while a forked child extracts the page (``core/aside``).
    """
    if meanwhile is None:
        return _extract(data, name, url, header, encoding)
    # cleaning, formats and script: the reader imports them too; imported once, before the fork
    from . import aside, cleaning, formats, script  # noqa: F401

    found = aside.beside(lambda: _extract(data, name, url, header, encoding).to_json(), meanwhile)
    document = Document.from_json(found) if isinstance(found, dict) else None
    return document if document is not None else _extract(data, name, url, header, encoding)


def _extract(data: bytes, name: str, url: str | None, header: str | None, encoding: str | None) -> Document:
    text, codec, replaced = decode_page(data, name, header, encoding)
    from . import cleaning, formats
    from .page_imports import import_trafilatura
    from .script import detect_script

    trafilatura = import_trafilatura()
    tree = trafilatura.load_html(text)
    if tree is None:
        raise SourceError(f"{name}: cannot be read as a web page")
    stated_author = _meta_author(tree)  # read before extraction, which prunes the tree
    extracted = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, deduplicate=False)
    body = getattr(extracted, "body", None) if extracted is not None else None
    if body is None:
        raise SourceError(f"{name}: no article text found in this page")
    title = _clean(extracted.title or "")
    blocks = [(tag, block) for tag, block in _blocks(body) if block]
    if blocks and blocks[0][0] == "head" and _same(blocks[0][1], title):
        blocks = blocks[1:]  # the headline repeated above the text: it is the title
    author = _clean(extracted.author or stated_author)
    kept: list[tuple[str, str]] = []
    for tag, block in blocks:
        if not kept and tag == "p" and _is_byline(block):
            found = _AUTHOR.search(block)
            author = author or (found.group(1) if found else "")
            continue
        kept.append((tag, block))
    builder = formats._Builder()
    for tag, block in kept:
        if tag == "head":
            builder.heading(block)
        else:
            builder.paragraph(cleaning.scrub_controls(block))
    if not builder.paragraphs:
        raise SourceError(f"{name}: no article text found in this page")
    source = extracted.url or url or name
    meta = {"title": title, "source": source}
    if extracted.date:
        meta["date"] = extracted.date  # stated by the page: an anchor, not an inference
    warnings = (f"{name}: {replaced} invalid byte{'s' if replaced != 1 else ''} replaced ({codec})",) if replaced else ()
    document = builder.document(meta, "mixed", warnings)
    script = detect_script(p.text for p in document.paragraphs)
    return document._replace(script=script, author=author, site=_clean(extracted.sitename or ""),
                             title=title or document.title or name, named=not title)


def _blocks(body) -> list[tuple[str, str]]:
    """(``head`` or ``p``, text) of the extracted body in reading order: a list's items and
    a table's rows (``| cell | cell |``, as in Markdown) are paragraphs of their own."""
    for br in body.iter("lb"):
        br.text = "\n"  # a <br>: a line break inside the paragraph, joined like wrapped lines
    out: list[tuple[str, str]] = []
    for element in body:
        if element.tag == "head":
            out.append(("head", _clean("".join(element.itertext()))))
        elif element.tag == "list":
            out.extend(("p", _clean("".join(item.itertext()))) for item in element.iter("item"))
        elif element.tag == "table":
            for row in element.iter("row"):
                cells = [_clean("".join(cell.itertext())) for cell in row.iter("cell")]
                if any(cells):
                    out.append(("p", "| " + " | ".join(cells) + " |"))
        else:  # p, quote, code and what a later trafilatura may add: text
            out.append(("p", _clean("".join(element.itertext()))))
    return out


def _clean(text: str) -> str:
    """Whitespace of markup collapsed: runs of spaces become one, none between hanzi."""
    from . import cleaning, shape

    text = cleaning.scrub_controls(text.replace("\u00a0", " ").replace("\u3000", " "))
    return shape.join_lines([part for part in re.split(r"\s*\n\s*", text.strip())]) if "\n" in text else \
        re.sub(r"[ \t]+", " ", text).strip()


def _same(heading: str, title: str) -> bool:
    return bool(title) and (heading == title or title.startswith(heading) or heading.startswith(title))


def _is_byline(text: str) -> bool:
    """A short line of date, source and author labels under the headline."""
    if len(text) > BYLINE_MAX or "。" in text:
        return False
    return bool(_BYLINE_LABELS.search(text)) or bool(_DATE_ONLY.match(text))


def _meta_author(tree) -> str:
    """The author a page's ``<meta>`` names (trafilatura keeps only Latin-script names)."""
    for xpath in ('//meta[@name="author"]/@content', '//meta[@property="article:author"]/@content',
                  '//meta[@name="byl"]/@content'):
        for value in tree.xpath(xpath):
            value = _clean(str(value))
            if value and not value.startswith(("http://", "https://")):
                return value
    return ""
