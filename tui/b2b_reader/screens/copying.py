"""Copying annotated excerpts (c, C, v) and exporting the document, for the reader screen.

The excerpt and export texts come from the core (``core.excerpt``, ``core.export``); the
routes to the clipboard from ``clipboard``. What is here is only the glue: which passage,
which format, running the clipboard tools off the UI thread, and honest messages.
"""

from __future__ import annotations

import os

from textual import work

from ..core.state import EXCERPT_FORMATS

FORMAT_NAMES = {"md": "Markdown", "md-both": "Markdown, both scripts", "plain": "plain text",
                "plain-both": "plain text, both scripts", "json": "JSON"}


class CopyActions:
    """Mixed into ReaderScreen: ``c`` copies, ``C`` changes the format, ``v`` selects."""

    _tmux_state: str | None = None
    _tmux_checked = False

    def action_select(self) -> None:
        """Start a selection (j/k grow it by paragraph, l/h by sentence), or leave it."""
        article = self.article
        if article.anchor is not None:
            article.clear_selection()
        else:
            article.start_selection()

    def passage(self) -> tuple[int, int, int | None, int | None]:
        """First and last paragraph of what ``c`` copies, and offsets when it cuts inside them."""
        article = self.article
        selected = article.selection_range()
        if selected is None:
            return article.cursor, article.cursor, None, None
        (first, start), (last, end) = selected
        return (first, last, start or None,
                end if end < len(self.views.canonical(last)) else None)

    def excerpt_text(self, fmt: str | None = None) -> str:
        """The passage as an annotated excerpt in the chosen format (default: the setting)."""
        from ..core.excerpt import build_excerpt, render

        fmt = fmt or self.app.settings.excerpt_format
        first, last, start, end = self.passage()
        runs = [[first, last]]
        only = self.article.only
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
            excerpt = build_excerpt(self.loaded, self.views, self.analysis, a, b, self.script, self.variant,
                                    start=start if a == first else None, end=end if b == last else None)
            parts.append(render(excerpt, fmt.removesuffix("-both"), both=fmt.endswith("-both")))
        return "\n".join(parts)

    def action_copy(self) -> None:
        """Copy the current paragraph, or the selection, as an annotated excerpt."""
        first, last, _, _ = self.passage()
        text = self.excerpt_text()
        self.article.clear_selection()
        where = f"¶{first + 1}" if first == last else f"¶{first + 1}–{last + 1}"
        self.copy_text(text, where)

    def action_cycle_copy_format(self) -> None:
        """Markdown → Markdown with both scripts → plain → plain with both → JSON."""
        current = self.app.settings.excerpt_format
        fmt = EXCERPT_FORMATS[(EXCERPT_FORMATS.index(current) + 1) % len(EXCERPT_FORMATS)]
        self.app.save_setting(excerpt_format=fmt)
        self.notify(f"c copies as {FORMAT_NAMES[fmt]}", timeout=2)

    def tmux_state(self) -> str | None:
        """tmux's set-clipboard option when running inside tmux (asked once)."""
        if not self._tmux_checked:
            from ..clipboard import tmux_clipboard_state

            self._tmux_state = tmux_clipboard_state()
            self._tmux_checked = True
        return self._tmux_state

    @work(thread=True, group="copy", exit_on_error=False)  # failures: workers.report_failure
    def copy_text(self, text: str, where: str) -> None:
        """Native clipboard tool (may take a moment) and OSC 52, off the UI thread."""
        from ..clipboard import copy

        # Textual's copy_to_clipboard writes the same OSC 52 sequence, and keeps app.clipboard.
        result = copy(text, lambda _sequence: self.app.call_from_thread(self.app.copy_to_clipboard, text),
                      tmux_state=self.tmux_state())
        self.app.call_from_thread(self._copied, text, where, result)

    def _copied(self, text: str, where: str, result) -> None:
        if result.ok:
            self.notify(f"{where}: {result.message}", timeout=3, markup=False)
            return
        self.notify(f"{where}: {result.message}", severity="error", timeout=6, markup=False)
        self._save_to_file(text, f"excerpt-{where.strip('¶').replace('–', '-')}.md",
                           "The excerpt could not be copied. Save it to this file instead?")

    def _save_to_file(self, text: str, default: str, message: str) -> None:
        from .dialogs import PathScreen

        def chosen(path: str | None) -> None:
            if path:
                self._write(path, text)

        self.app.push_screen(PathScreen("Save", message, default), chosen)

    def _write(self, path: str, text: str) -> bool:
        from ..core.export import save_text

        try:
            written = save_text(path, text)
        except OSError as error:
            self.notify(f"Not saved: {path}: {error.strerror or error}", severity="error", markup=False)
            return False
        self.notify(f"Saved to {written}", timeout=4, markup=False)
        return True

    def action_export(self) -> None:
        """Write the annotated document to a file (.md, .html or .json, by the name given)."""
        from .dialogs import PathScreen

        stem = os.path.splitext(os.path.basename(self.loaded.name or "document"))[0] or "document"
        message = "File to write (the extension picks the format: .md, .html or .json):"
        self.app.push_screen(PathScreen("Export annotated document", message, f"{stem}.html"), self.export_to)

    @work(thread=True, group="export", exit_on_error=False)
    def export_to(self, path: str | None) -> None:
        """Export in a worker: converting and annotating a long document takes a while."""
        if not path:
            return
        from ..core.export import export

        fmt = {".json": "json", ".md": "md", ".markdown": "md", ".txt": "md"}.get(os.path.splitext(path)[1].lower(), "html")
        text = export(self.loaded, self.views, self.analysis, fmt, self.script, self.variant)
        self.app.call_from_thread(self._write, path, text)
