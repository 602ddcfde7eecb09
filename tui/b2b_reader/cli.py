"""Command line: argument parsing, subcommands and exit codes.

Errors are one line on stderr starting ``b2b-reader:``; status 1 for unusable input,
2 for bad usage; never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Sequence

from . import __version__

PROG = "b2b-reader"
SUBCOMMANDS = ("analyze", "excerpt", "export")


class UsageError(Exception):
    """Bad command-line usage (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports errors in one line instead of printing usage and exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", metavar="PATH", help="file to read, - for standard input (default: the embedded article)")
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
                     "terms, dates), export (the whole annotated document as md, html or json); "
                     "see 'b2b-reader SUBCOMMAND --help'."),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _common(parser)
    return parser


def build_analyze_parser() -> argparse.ArgumentParser:
    """``b2b-reader analyze [PATH|-] --json``."""
    parser = _Parser(prog=f"{PROG} analyze", description="Print the document's analysis.")
    _common(parser)
    parser.add_argument("--json", action="store_true", required=True, help="print the analysis as JSON")
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
                     "(as 'analyze --json')."),
    )
    _common(parser)
    parser.add_argument("--format", "-f", choices=("md", "html", "json"),
                        help="output format (default: from the -o file's extension, else md)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``b2b-reader`` console script; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "analyze":
            return _analyze(build_analyze_parser().parse_args(argv[1:]))
        if argv and argv[0] == "excerpt":
            return _excerpt(build_excerpt_parser().parse_args(argv[1:]))
        if argv and argv[0] == "export":
            return _export(build_export_parser().parse_args(argv[1:]))
        return _read(build_parser().parse_args(argv))
    except UsageError as error:
        print(f"{PROG}: {error} (see '{PROG} --help')", file=sys.stderr)
        return 2
    except _InputError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


class _InputError(Exception):
    """Input that cannot be used (exit status 1)."""


def _validate(args: argparse.Namespace) -> None:
    if args.date is not None:
        from .core.models import check_date

        checked = check_date(args.date)
        if checked is None:
            raise UsageError(f"--date: expected YYYY, YYYY-MM or YYYY-MM-DD, got '{args.date}'")
        args.date = checked
    if args.variant and args.script not in (None, "traditional"):
        raise UsageError("--variant applies to --script traditional")


def _load(args: argparse.Namespace):
    from .core import pipeline

    path = args.path
    if path is None and not sys.stdin.isatty() and _stdin_has_data():
        path = "-"
    if path is None:
        loaded = pipeline.load_default()  # no file to read: core.source is not needed
    else:
        from .core.source import SourceError

        try:
            loaded = pipeline.load_path(path, encoding=args.encoding)
        except SourceError as error:
            raise _InputError(str(error)) from None
    if args.date:
        from dataclasses import replace

        loaded = replace(loaded, document=replace(loaded.document, date=args.date, date_inferred=False))
    return loaded


def _stdin_has_data() -> bool:
    """Piped or redirected stdin (not an idle terminal or /dev/null)."""
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError):
        return False
    import stat

    return stat.S_ISFIFO(mode) or (stat.S_ISREG(mode) and os.fstat(sys.stdin.fileno()).st_size > 0)


def _analyze(args: argparse.Namespace) -> int:
    _validate(args)
    from .core import pipeline

    loaded = _load(args)
    views = pipeline.make_views(loaded.document)
    analysis = pipeline.analyze(loaded.document, views, date=args.date)
    script = args.script or "simplified"
    variant = args.variant or "tw"
    for warning in (*loaded.warnings, *analysis.warnings):
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    data = pipeline.analysis_json(loaded, views, analysis, script, variant)
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _analysed(args: argparse.Namespace, loaded):
    """Views and analysis of a loaded document (warnings to stderr), views cut at the annotations."""
    from .core import pipeline

    views = pipeline.make_views(loaded.document)
    analysis = pipeline.analyze(loaded.document, views, date=args.date)
    views.set_cuts(analysis.cuts())
    for warning in (*loaded.warnings, *analysis.warnings):
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    return loaded, views, analysis


def _excerpt(args: argparse.Namespace) -> int:
    _validate(args)
    last = args.paragraph if args.to is None else args.to
    if args.to is not None and args.to < args.paragraph:
        raise UsageError(f"--to {args.to} comes before --paragraph {args.paragraph}")
    loaded = _load(args)
    count = len(loaded.document.paragraphs)
    for option, number in (("--paragraph", args.paragraph), ("--to", last)):
        if not 1 <= number <= count:
            valid = f"valid paragraphs are 1 to {count}" if count else "this document has no paragraphs"
            raise UsageError(f"{option} {number}: {valid}")
    from .core import excerpt

    loaded, views, analysis = _analysed(args, loaded)
    built = excerpt.build_excerpt(loaded, views, analysis, args.paragraph - 1, last - 1,
                                  args.script or "simplified", args.variant or "tw")
    sys.stdout.write(excerpt.render(built, args.format, both=args.both))
    if args.format == "json":
        sys.stdout.write("\n")
    return 0


def _export(args: argparse.Namespace) -> int:
    _validate(args)
    fmt = args.format
    if fmt is None:
        suffix = os.path.splitext(args.output or "")[1].lower()
        fmt = {".html": "html", ".htm": "html", ".json": "json"}.get(suffix, "md")
    from .core import export

    loaded, views, analysis = _analysed(args, _load(args))
    text = export.export(loaded, views, analysis, fmt, args.script or "simplified", args.variant or "tw")
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        path = export.save_text(args.output, text)
    except OSError as error:
        raise _InputError(f"cannot write {args.output}: {error.strerror or error}") from None
    print(f"{PROG}: wrote {fmt} export to {path}")
    return 0


def _read(args: argparse.Namespace) -> int:
    # Start-up allocates ~10^5 long-lived objects (Textual, the document): the collector
    # ran ~400 times before the first frame, one full pass alone ~18 ms. It stays off until
    # the first frame is shown (ReaderApp.on_ready freezes what exists, then re-enables it).
    gc.disable()
    _validate(args)
    loaded = _load(args)
    if not sys.stdout.isatty() or os.environ.get("TERM") == "dumb":
        # No terminal, or one that cannot place the cursor (TERM=dumb, e.g. an editor's
        # shell buffer): the reader's screen would be escape-sequence noise; print the text.
        return _print_plain(loaded, args)
    if not sys.stdin.isatty():
        _reattach_terminal()
    from .app import ReaderApp

    app = ReaderApp(loaded, script=args.script, variant=args.variant)
    app.run()
    return app.return_code or 0


def _print_plain(loaded, args: argparse.Namespace) -> int:
    """No terminal to draw on: print the cleaned text in the chosen script and exit."""
    from .core import pipeline

    views = pipeline.make_views(loaded.document)
    script = args.script or "original"
    variant = args.variant or "tw"
    out = sys.stdout
    out.write(views.title(script, variant) + "\n")
    for section in loaded.document.sections:
        if section.title:
            out.write("\n## " + views.heading(script, variant, section.index) + "\n")
        for index in section.paragraphs:
            out.write("\n" + views.get(script, variant, index).text + "\n")
    out.flush()
    return 0


def _reattach_terminal() -> None:
    """After reading a document from a pipe, take keys from the controlling terminal."""
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise _InputError("standard input was the document and there is no terminal to read keys from") from None
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.__stdin__ = sys.stdin
