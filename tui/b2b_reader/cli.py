"""Command line: argument parsing, subcommands and exit codes.

Errors are one line on stderr starting ``b2b-reader:``; status 1 for unusable input,
2 for bad usage; never a traceback.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING

from .options import PROG, UsageError

if TYPE_CHECKING:
    from argparse import Namespace

SUBCOMMANDS = ("analyze", "excerpt", "export", "library")
#: What ``options.build_parser()`` gives for an empty command line (a test checks it).
NO_ARGUMENTS = {"path": None, "script": None, "variant": None, "encoding": None, "date": None}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``b2b-reader`` console script; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if not argv:  # the usual start: nothing to parse, so argparse is not even imported
            return _read(SimpleNamespace(**NO_ARGUMENTS))
        from . import options

        if argv[0] == "analyze":
            return _analyze(options.build_analyze_parser().parse_args(argv[1:]))
        if argv[0] == "excerpt":
            return _excerpt(options.build_excerpt_parser().parse_args(argv[1:]))
        if argv[0] == "export":
            return _export(options.build_export_parser().parse_args(argv[1:]))
        if argv[0] == "library":
            options.build_library_parser().parse_args(argv[1:])
            return _library()
        return _read(options.build_parser().parse_args(argv))
    except UsageError as error:
        say(f"{error} (see '{PROG} --help')")
        return 2
    except _InputError as error:
        say(str(error))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def say(message: str, stream=None) -> None:
    """One line ``b2b-reader: message`` on stderr; the message (it names files, quotes
    overlays and exceptions) is made inert first, so it can neither drive the terminal
    nor forge a second line."""
    from .core.inert import inert

    print(f"{PROG}: {inert(message, line=True)}", file=stream or sys.stderr)


class _InputError(Exception):
    """Input that cannot be used (exit status 1)."""


def _validate(args: Namespace) -> None:
    if args.date is not None:
        from .core.models import check_date

        checked = check_date(args.date)
        if checked is None:
            raise UsageError(f"--date: expected YYYY, YYYY-MM or YYYY-MM-DD, got '{args.date}'")
        args.date = checked
    if args.encoding is not None:
        from .core.source import EncodingError, check_encoding

        try:
            args.encoding = check_encoding(args.encoding)
        except EncodingError as error:
            raise UsageError(f"--encoding: {error}") from None
    if args.variant and args.script not in (None, "traditional"):
        raise UsageError("--variant applies to --script traditional")


def _load(args: Namespace, meanwhile=None):
    """The document asked for; ``meanwhile`` (the reader's import) runs while a web page
    given is extracted in a child (``core/aside``), else not at all."""
    from .core import pipeline

    path = args.path
    if path is None and not sys.stdin.isatty() and _stdin_has_data():
        path = "-"
    if path is None:
        loaded = pipeline.load_default()  # no file to read: core.source is not needed
    else:
        from .core.source import SourceError

        try:
            loaded = pipeline.load_path(path, encoding=args.encoding, meanwhile=meanwhile)
        except SourceError as error:
            raise _InputError(str(error)) from None
    if args.date:
        loaded = loaded._replace(document=loaded.document._replace(date=args.date, date_inferred=False))
    return loaded


def _stdin_has_data() -> bool:
    """Piped or redirected stdin (not an idle terminal or /dev/null)."""
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError):
        return False
    import stat

    return stat.S_ISFIFO(mode) or (stat.S_ISREG(mode) and os.fstat(sys.stdin.fileno()).st_size > 0)


def _analyze(args: Namespace) -> int:
    _validate(args)
    from .core import pipeline

    loaded = _load(args)
    views = pipeline.make_views(loaded.document)
    analysis = pipeline.analyze(loaded.document, views, date=args.date)
    script = args.script or "simplified"
    variant = args.variant or "tw"
    for warning in (*loaded.warnings, *analysis.warnings):
        say(f"warning: {warning}")
    from .core.inert import inert_json

    # Inert: JSON escapes C0 controls but not C1 (U+009B), and a decoded string must be as
    # harmless as the text shown in the reader. Encoded once and written once.
    sys.stdout.write(inert_json(pipeline.analysis_json(loaded, views, analysis, script, variant)) + "\n")
    return 0


def _analysed(args: Namespace, loaded):
    """Views and analysis of a loaded document (warnings to stderr), views cut at the annotations."""
    from .core import pipeline

    views = pipeline.make_views(loaded.document)
    analysis = pipeline.analyze(loaded.document, views, date=args.date)
    views = pipeline.analysed_views(views, analysis)
    for warning in (*loaded.warnings, *analysis.warnings):
        say(f"warning: {warning}")
    return loaded, views, analysis


def _excerpt(args: Namespace) -> int:
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


def _export(args: Namespace) -> int:
    _validate(args)
    from .core import export

    fmt = args.format
    if fmt is None and args.output is not None:
        fmt = export.format_for(args.output)
        if fmt is None:  # never Markdown in a .pdf
            raise UsageError(f"{export.unknown_extension(args.output)} (or give --format)")
    fmt = fmt or "md"

    loaded, views, analysis = _analysed(args, _load(args))
    text = export.export(loaded, views, analysis, fmt, args.script or "simplified", args.variant or "tw")
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        path = export.save_text(args.output, text)
    except OSError as error:
        raise _InputError(f"cannot write {args.output}: {error.strerror or error}") from None
    say(f"wrote {fmt} export to {path}", sys.stdout)
    return 0


def _library() -> int:
    """``b2b-reader library``: the documents opened in the reader, last read first."""
    from .core import library
    from .core.store import StateStore

    store = StateStore()
    shelf = library.entries(store)
    for warning in store.drain_warnings():
        say(f"warning: {warning}")
    sys.stdout.write(library.listing(shelf))
    return 0


def _import_reader() -> None:
    from . import app  # noqa: F401 (imported now, while a child extracts a web page)


def _read(args: Namespace) -> int:
    # Start-up allocates ~10^5 long-lived objects (Textual, the document): the collector
    # ran ~400 times before the first frame, one full pass alone ~18 ms. It stays off until
    # the first frame is shown (then collector.resume freezes what exists and re-enables it).
    gc.disable()
    _validate(args)
    plain = not sys.stdout.isatty() or os.environ.get("TERM") == "dumb"
    loaded = _load(args, meanwhile=None if plain else _import_reader)  # a page is extracted meanwhile
    if not loaded.document.paragraphs:
        raise _InputError(f"{loaded.name}: no text to read (the document is empty)")
    if plain:
        # No terminal, or one that cannot place the cursor (TERM=dumb, e.g. an editor's
        # shell buffer): the reader's screen would be escape-sequence noise; print the text.
        return _print_plain(loaded, args)
    if not sys.stdin.isatty():
        _reattach_terminal()
    import asyncio

    from .app import ReaderApp
    from .core import pipeline

    app = ReaderApp(loaded, script=args.script, variant=args.variant, date=args.date)
    # An own loop: asyncio.run() would wait, after the screen is restored, for the worker
    # threads (an analysis cannot be interrupted), 3-100 s on a large document.
    app.run(loop=asyncio.new_event_loop())
    pipeline.terminate_children()
    code = app.return_code or 0
    # Positions and settings were written when the reader closed; what a worker thread may
    # still be computing is a cache entry, recomputed next time. Leave without joining it.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _print_plain(loaded, args: Namespace) -> int:
    """No terminal to draw on: print the cleaned text in the chosen script and exit."""
    from .core import pipeline
    from .core.inert import inert

    views = pipeline.make_views(loaded.document)
    script = args.script or "original"
    variant = args.variant or "tw"
    out = sys.stdout
    for warning in loaded.warnings:  # a too-large or damaged file says so here too
        say(f"warning: {warning}")
    out.write(inert(views.title(script, variant), line=True) + "\n")
    for section in loaded.document.sections:
        if section.title:
            out.write("\n## " + inert(views.heading(script, variant, section.index), line=True) + "\n")
        for index in section.paragraphs:
            out.write("\n" + inert(views.get(script, variant, index).text) + "\n")
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
