"""The command line's parsers: ``b2b-reader [PATH|-]`` and its subcommands.

argparse is imported only when a parser is built: importing it (with the gettext it
loads) and building the reader's parser cost ~4.5 ms (``python -X importtime``), and a
bare ``b2b-reader`` has nothing to parse (``cli.NO_ARGUMENTS``, checked by a test).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    import argparse

PROG = "b2b-reader"


class UsageError(Exception):
    """Bad command-line usage (exit status 2)."""


def _Parser(**kwargs) -> argparse.ArgumentParser:  # noqa: N802  (it stands for the class)
    """An argparse parser that reports errors in one line instead of printing usage and exiting."""
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> None:  # type: ignore[override]
            raise UsageError(message)

    return Parser(**kwargs)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", metavar="PATH", help="file (text, Markdown, HTML, EPUB) or http(s) link to read, - for standard input (default: the embedded article)")
    parser.add_argument("--script", choices=("original", "simplified", "traditional"), help="script to show")
    parser.add_argument("--variant", choices=("std", "tw", "twp", "hk"), help="traditional variant: standard, Taiwan, Taiwan with Taiwanese phrasing (changes words), or Hong Kong")
    parser.add_argument("--encoding", help="decode the input with this encoding instead of detecting it")
    parser.add_argument("--date", help="the document's date (YYYY, YYYY-MM or YYYY-MM-DD), for relative dates")


def build_parser() -> argparse.ArgumentParser:
    """The reader's parser (``b2b-reader [PATH|-]``)."""
    parser = _Parser(
        prog=PROG,
        description=("A terminal reader for Chinese business articles. Subcommands: "
                     "analyze (JSON analysis), excerpt (an annotated passage: text, citation, entities, "
                     "terms, dates), export (the whole annotated document as md, html or json), "
                     "library (the documents opened so far); PATH may be a text, Markdown, HTML or EPUB "
                     "file or an http(s) link; "
                     "see 'b2b-reader SUBCOMMAND --help'."),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _common(parser)
    return parser


def build_analyze_parser() -> argparse.ArgumentParser:
    """``b2b-reader analyze [PATH|-] [--json]``: JSON is the default (and only) output."""
    parser = _Parser(prog=f"{PROG} analyze", description="Print the document's analysis as JSON.")
    _common(parser)
    parser.add_argument("--json", action="store_true", help="print the analysis as JSON (the default; accepted)")
    return parser


def build_excerpt_parser() -> argparse.ArgumentParser:
    """``b2b-reader excerpt [PATH|-] --paragraph N [--to M] [--format md|plain|json]``."""
    parser = _Parser(
        prog=f"{PROG} excerpt",
        description=("Print an annotated excerpt: the passage, a citation (title, section, paragraph "
                     "numbers, source, date), its entities, glossary terms and resolved dates. "
                     "Paragraphs are numbered from 1, as the reader's status line shows them (¶ N)."),
    )
    _common(parser)
    parser.add_argument("--paragraph", "-p", type=int, required=True, metavar="N",
                        help="first paragraph, numbered from 1 (as shown in the reader)")
    parser.add_argument("--to", type=int, metavar="M", help="last paragraph, numbered from 1 (default: N)")
    parser.add_argument("--format", "-f", choices=("md", "plain", "json"), default="md",
                        help="Markdown with the passage quoted (default), plain text, or JSON")
    parser.add_argument("--both", action="store_true",
                        help="give the passage in simplified and traditional script, one after the other")
    return parser


def build_export_parser() -> argparse.ArgumentParser:
    """``b2b-reader export [PATH|-] --format md|html|json [-o FILE]``."""
    parser = _Parser(
        prog=f"{PROG} export",
        description=("Export the whole annotated document: Markdown with notes per section and a glossary, "
                     "one self-contained HTML file (styled entities and terms, legend, glossary), or JSON "
                     "(as 'analyze')."),
    )
    _common(parser)
    parser.add_argument("--format", "-f", choices=("md", "html", "json"),
                        help="output format (default: from the -o file's extension: .md, .markdown, .html, "
                             ".htm or .json, any other is refused; md on standard output)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    return parser


def build_library_parser() -> argparse.ArgumentParser:
    """``b2b-reader library``."""
    return _Parser(prog=f"{PROG} library",
                   description=("List the documents opened in the reader, last read first: title, source "
                                "(path or link), date, progress and when last read; a file that moved or "
                                "vanished says so. In the reader, L opens this shelf."))
