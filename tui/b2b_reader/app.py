"""The App: thin. Loads styles, pushes the reader screen, offers every action by name."""

from __future__ import annotations

from collections.abc import Iterable
from textual.app import App, SystemCommand
from textual.screen import Screen

from dataclasses import replace

from . import collector
from .core import pipeline, state
from .core.inert import inert
from .core.pipeline import Loaded
from .core.script import VARIANT_NAMES, VARIANTS
from .screens.reader import ReaderScreen
from .screens.workers import background, report_failure
from .styles import APP_CSS
from .widgets.highlight_colours import HighlightColours


class ReaderApp(HighlightColours, App[None]):
    """b2b-reader: one document, read in a terminal."""

    CSS_PATH = APP_CSS
    TITLE = "b2b-reader"
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, loaded: Loaded, script: str | None = None, variant: str | None = None,
                 date: str | None = None) -> None:
        super().__init__()
        self.loaded = loaded
        #: ``--date``: it wins over the date remembered for the document (``D``).
        self.date_given = date
        self.views = pipeline.make_views(loaded.document)
        self.settings, self.setting_warnings = state.load_settings()
        default_script, default_variant = self.settings.view_for(loaded.document.script)
        self.initial_script = script or default_script
        self.initial_variant = variant or default_variant
        pipeline.restore_view(self.views, self.initial_script, self.initial_variant)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = True) -> None:
        """Every notification (warnings name files, overlays, exceptions): made inert first,
        and never read as markup, since what it says comes from data."""
        super().notify(inert(str(message)), title=inert(title, line=True), severity=severity,
                       timeout=timeout, markup=False)

    # The app's default screen is Textual's own, empty: the reader is pushed on it, so that
    # reopening from the library can switch one reader for another (the old one is freed).

    def _new_reader(self, loaded: Loaded, views, script: str, variant: str) -> ReaderScreen:
        return ReaderScreen(loaded, views, script, variant, punctuation=self.settings.punctuation)

    def on_mount(self) -> None:
        self.push_screen(self._new_reader(self.loaded, self.views, self.initial_script, self.initial_variant))
        for warning in (*self.loaded.warnings, *self.setting_warnings):
            self.notify(warning, severity="warning", markup=False)

    def on_ready(self) -> None:
        # Textual sends Ready after the first frame (the reader pushed from on_mount is in
        # it: tests/tui/test_deferred_imports.py): now the rest may be mounted, analysed.
        if isinstance(self.screen, ReaderScreen):
            self._shown(self.screen)
        self.call_after_refresh(collector.resume)

    def _shown(self, reader: ReaderScreen) -> None:
        """A reader is shown (the first: its first frame is out): now the outline's list is
        mounted, the analysis thread may compete for the GIL, the document goes on the shelf."""
        reader.mount_deferred()
        reader.call_after_refresh(reader.analyse)
        self._shelve(reader)

    # -- the shelf (L): documents opened so far ----------------------------------------------

    def _shelve(self, screen: ReaderScreen) -> None:
        """Put the document shown on the shelf (after its first frame: a write to the state)."""
        from .core import library

        library.record(screen.remembered.store, screen.loaded)

    def _reader(self) -> ReaderScreen | None:
        return next((s for s in reversed(self.screen_stack) if isinstance(s, ReaderScreen)), None)

    def action_library(self) -> None:
        """The library: documents opened so far; enter reopens one where it was left."""
        from .core import library
        from .screens.library import LibraryScreen

        reader = self._reader()
        if reader is not None:
            shelf = library.entries(reader.remembered.store)
            self.push_screen(LibraryScreen(shelf, reader.remembered.doc_key, reader.remembered.store.forget), self._reopen)

    def _reopen(self, entry) -> None:
        reader = self._reader()
        if entry is None or (reader is not None and entry.key == reader.remembered.doc_key):
            return  # closed, or the document being read: nothing to open
        self.notify(f"Opening {entry.title}…")
        self._load_entry(entry)

    @background(group="reopen", name="Opening the document")
    def _load_entry(self, entry) -> None:
        """Load a shelf entry off the UI thread (a link may be fetched), then show it."""
        from .core import library
        from .core.source import SourceError

        try:
            loaded, notes = library.reopen(entry)
        except SourceError as error:
            self.call_from_thread(self.notify, str(error), severity="error", timeout=8)
            return
        self.call_from_thread(self.open_document, loaded, notes)

    async def open_document(self, loaded: Loaded, notes: Iterable[str] = ()) -> None:
        """Replace the reader by one of ``loaded``, at its remembered position."""
        old = self._reader()
        if old is None:
            return
        while self.screen is not old:  # a dialog opened while a link was fetched (help, say) goes too
            await self.pop_screen()
        views = pipeline.make_views(loaded.document)
        script, variant = self.settings.view_for(loaded.document.script)
        pipeline.restore_view(views, script, variant)
        self.date_given = None  # --date was for the document given on the command line
        reader = self._new_reader(loaded, views, script, variant)
        await self.switch_screen(reader)  # the old reader is removed: it saves its position, settings
        self.loaded, self.views = loaded, views
        collector.reader_replaced(old)  # frozen with its analysis: let it be collected
        del old
        self._shown(reader)
        for note in notes:
            self.notify(note, severity="warning")

    def on_worker_state_changed(self, event) -> None:
        report_failure(self, event)  # the app's own workers (reopening a document)

    def remember(self, script: str, variant: str, punctuation: bool) -> None:
        """Keep the user's view choices and theme for next time (settings.toml)."""
        view = self.settings.view_changes(self.loaded.document.script, script, variant)
        self.save_setting(**view, punctuation=punctuation, theme=self.theme)

    def save_setting(self, **changes) -> None:
        """Save the settings this reader changed, merged into what is on disk (another
        reader may have changed others meanwhile); failures are warnings."""
        changed = {key: value for key, value in changes.items() if getattr(self.settings, key) != value}
        if changed:
            self.settings = replace(self.settings, **changed)
            for warning in state.update_settings(changed):
                self.notify(warning, severity="warning")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, ReaderScreen):
            return
        yield SystemCommand("Simplified Chinese", "Show the text in simplified script", lambda: screen.set_view("simplified"))
        for variant in VARIANTS:
            yield SystemCommand(
                f"Traditional Chinese ({VARIANT_NAMES[variant]})",
                f"Show the text in traditional script, {VARIANT_NAMES[variant]} variant",
                lambda v=variant: screen.set_view("traditional", v),
            )
        yield SystemCommand("Source as given", "Show the text as the file gave it (cleaned)", lambda: screen.set_view("original"))
        yield SystemCommand("Library", "Documents opened so far: reopen one where it was left (key: L)",
                            self.action_library)
        yield SystemCommand("Export annotated document…", "Write the document with its entities, terms and dates "
                            "to a Markdown, HTML or JSON file", screen.action_export)
        from .widgets.status import key_label

        for binding in screen.BINDINGS:
            if binding.action.startswith("app."):
                continue
            yield SystemCommand(binding.description, f"Key: {key_label(binding.key)}",
                                lambda a=binding.action: screen.run_action(a))
        from .widgets.article import ArticleView

        for binding in ArticleView.BINDINGS:
            yield SystemCommand(binding.description, f"Key: {key_label(binding.key)}",
                                lambda a=binding.action: screen.article.run_action(a))

    def get_key_display(self, binding) -> str:
        """Keys as people write them (``]``, ``'``, ``?``, ctrl+d), in the palette too."""
        from .widgets.status import key_label

        return binding.key_display or key_label(binding.key)
