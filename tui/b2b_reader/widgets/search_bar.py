"""The reader's search bar, imported and mounted on the first ``/`` (not at start-up)."""

from __future__ import annotations

from textual.widgets import Input


class SearchBar(Input):
    """The one-line search input: searches as you type; enter keeps the result, escape cancels."""

    # Parsed when the bar is first mounted (the first /), not before the first frame. Not
    # scoped: a scoped rule is rewritten under SearchBar, and "SearchBar ReaderScreen
    # .-searching SearchBar" never matched, so the bar stayed hidden while one typed.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    SearchBar { display: none; height: 1; border: none; padding: 0 1; background: $panel; }
    SearchBar:focus { border: none; }
    ReaderScreen.-searching SearchBar { display: block; }
    """
    BINDINGS = [("escape", "cancel", "Cancel search")]

    def action_cancel(self) -> None:
        self.screen.cancel_search()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.screen.run_search(event.value, jump=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.finish_search()
