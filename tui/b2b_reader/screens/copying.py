"""Copying annotated excerpts (c, C, v) and exporting the document, owned by the reader screen.

The excerpt and export texts come from the core (``core.excerpt``, ``core.export``); the
routes to the clipboard from ``clipboard``. What is here is only the glue: which passage,
which format, running the clipboard tools off the UI thread, and honest messages.
"""

from __future__ import annotations

import os
from functools import partial
from typing import TYPE_CHECKING

from ..core.state import EXCERPT_FORMATS

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..core.pipeline import Analysis, Loaded
    from ..core.script import Views
    from ..widgets.article import ArticleView

FORMAT_NAMES = {"md": "Markdown", "md-both": "Markdown, both scripts", "plain": "plain text",
                "plain-both": "plain text, both scripts", "json": "JSON"}


class Copier:
    """``c`` copies, ``C`` changes the format, and the export: owned by the reader screen.

    ``host`` is the screen: its notifications, dialogs and workers (whose failures it
    reports) are used, never its own logic; what to copy is passed in.
    """

    def __init__(self, host: Screen, loaded: Loaded, views: Views) -> None:
        self.host = host
        self.loaded = loaded
        self.views = views

    def passage(self, article: ArticleView) -> tuple[int, int, int | None, int | None]:
        """First and last paragraph of what ``c`` copies, and offsets when it cuts inside them."""
        selected = article.selection.range()
        if selected is None:
            return article.cursor, article.cursor, None, None
        (first, start), (last, end) = selected
        return (first, last, start or None,
                end if end < len(self.views.canonical(last)) else None)

    def excerpt_text(self, article: ArticleView, analysis: Analysis | None, fmt: str | None = None) -> str:
        """The passage as an annotated excerpt in the chosen format (default: the setting)."""
        from ..core.excerpt import build_excerpt, render

        fmt = fmt or self.host.app.settings.excerpt_format
        first, last, start, end = self.passage(article)
        runs = [[first, last]]
        only = article.only
        if only is not None:  # a filtered view copies what it shows: each run of shown paragraphs
            runs = []
            for index in range(first, last + 1):
                if index in only:
                    if runs and runs[-1][1] == index - 1:
                        runs[-1][1] = index
                    else:
                        runs.append([index, index])
        parts = []
        for a, b in runs:
            excerpt = build_excerpt(self.loaded, self.views, analysis, a, b, article.script, article.variant,
                                    start=start if a == first else None, end=end if b == last else None)
            parts.append(render(excerpt, fmt.removesuffix("-both"), both=fmt.endswith("-both")))
        return "\n".join(parts)

    def copy(self, article: ArticleView, analysis: Analysis | None) -> None:
        """Copy the current paragraph, or the selection, as an annotated excerpt."""
        first, last, _, _ = self.passage(article)
        text = self.excerpt_text(article, analysis)
        article.selection.clear()
        where = f"¶{first + 1}" if first == last else f"¶{first + 1}–{last + 1}"
        self.host.run_worker(partial(self._copy_text, text, where), thread=True, group="copy", exit_on_error=False)

    def cycle_format(self) -> None:
        """Markdown → Markdown with both scripts → plain → plain with both → JSON."""
        app = self.host.app
        current = app.settings.excerpt_format
        fmt = EXCERPT_FORMATS[(EXCERPT_FORMATS.index(current) + 1) % len(EXCERPT_FORMATS)]
        app.save_setting(excerpt_format=fmt)
        self.host.notify(f"c copies as {FORMAT_NAMES[fmt]}", timeout=2)

    def tmux_state(self) -> str | None:
        """tmux's set-clipboard option when running inside tmux, asked again each time:
        after ``tmux set -g set-clipboard on`` the next copy knows (a few ms, in the copy's
        worker)."""
        from ..clipboard import tmux_clipboard_state

        return tmux_clipboard_state()

    def _copy_text(self, text: str, where: str) -> None:
        """Native clipboard tool (may take a moment) and OSC 52, off the UI thread."""
        from ..clipboard import copy

        app = self.host.app
        # Textual's copy_to_clipboard writes the same OSC 52 sequence, and keeps app.clipboard.
        result = copy(text, lambda _sequence: app.call_from_thread(app.copy_to_clipboard, text),
                      tmux_state=self.tmux_state())
        app.call_from_thread(self._copied, text, where, result)

    def _copied(self, text: str, where: str, result) -> None:
        if result.ok:
            self.host.notify(f"{where}: {result.message}", timeout=3, markup=False)
            return
        self.host.notify(f"{where}: {result.message}", severity="error", timeout=6, markup=False)
        self._save_to_file(text, f"excerpt-{where.strip('¶').replace('–', '-')}.md",
                           "The excerpt could not be copied. Save it to this file instead?")

    def _save_to_file(self, text: str, default: str, message: str) -> None:
        from .dialogs import PathScreen

        def chosen(path: str | None) -> None:
            if path:
                self._write(path, text)

        self.host.app.push_screen(PathScreen("Save", message, default), chosen)

    def _write(self, path: str, text: str) -> bool:
        from ..core.export import save_text

        try:
            written = save_text(path, text)
        except OSError as error:
            self.host.notify(f"Not saved: {path}: {error.strerror or error}", severity="error", markup=False)
            return False
        self.host.notify(f"Saved to {written}", timeout=4, markup=False)
        return True

    def export(self, analysis: Analysis | None, script: str, variant: str) -> None:
        """Write the annotated document to a file (.md, .html or .json, by the name given)."""
        from .dialogs import PathScreen

        stem = os.path.splitext(os.path.basename(self.loaded.name or "document"))[0] or "document"
        message = "File to write (the extension picks the format: .md, .html or .json):"

        def chosen(path: str | None) -> None:
            from ..core.export import format_for, unknown_extension

            if path and format_for(path) is None:  # never Markdown in a .pdf
                self.host.notify(f"Not exported: {unknown_extension(path)}", severity="error", timeout=6, markup=False)
            elif path:
                self.host.run_worker(partial(self._export_to, path, analysis, script, variant), thread=True,
                                     group="export", exit_on_error=False)

        self.host.app.push_screen(PathScreen("Export annotated document", message, f"{stem}.html"), chosen)

    def _export_to(self, path: str, analysis: Analysis | None, script: str, variant: str) -> None:
        """Export in a worker: converting and annotating a long document takes a while."""
        from ..core import pipeline
        from ..core.export import export

        from ..core.export import format_for

        fmt = format_for(path)
        views = pipeline.make_views(self.loaded.document)  # export cuts its views: not the screen's
        text = export(self.loaded, views, analysis, fmt, script, variant)
        self.host.app.call_from_thread(self._write, path, text)
