"""Reading aids of the reader: pinyin (``p``, ``P``), spaces between words (``w``),
full-width punctuation (``f``) and which highlights show (``H``, the digits). They are
display options of the article (its reactives); this owns the choice of pinyin style and
the loading of pypinyin's tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..widgets.article import ArticleView

PINYIN_MODES = ("word", "tones", "source")
PINYIN_NAMES = {"word": "tone marks", "tones": "tone colours", "source": "the source's own pinyin"}


class ReadingAids:
    """Owned by the reader screen (``host``: its notifications and workers)."""

    def __init__(self, host: Screen, article: ArticleView) -> None:
        self.host = host
        self.article = article
        self.pinyin_style = "word"
        self.pinyin_ready = False

    def toggle_pinyin(self) -> None:
        """Pinyin after each word, on or off (style: P)."""
        if self.article.pinyin:
            self.article.pinyin = None
        elif not self.pinyin_ready:
            self.host.notify("Loading pinyin…", timeout=1)
            self._load_pinyin(self.pinyin_style)
        else:
            self.article.pinyin = self.pinyin_style

    def cycle_pinyin(self) -> None:
        """Tone marks → tone colours → the source's own pinyin (when it has some)."""
        modes = [m for m in PINYIN_MODES if m != "source" or self.article.views.document.pinyin]
        current = self.pinyin_style if self.pinyin_style in modes else modes[0]
        self.pinyin_style = modes[(modes.index(current) + 1) % len(modes)]
        if not self.pinyin_ready:
            self._load_pinyin(self.pinyin_style)
        else:
            self.article.pinyin = self.pinyin_style
        self.host.notify(f"Pinyin: {PINYIN_NAMES[self.pinyin_style]}", timeout=1.5)

    def _load_pinyin(self, mode: str) -> None:
        """Load pypinyin's tables (~0.5 s) in a worker, then show pinyin: keys are answered meanwhile."""
        def load() -> None:
            from ..core import pinyin

            pinyin.warm_up()
            self.host.app.call_from_thread(self._pinyin_loaded, mode)

        self.host.run_worker(load, thread=True, exclusive=True, group="warm-pinyin", exit_on_error=False)

    def _pinyin_loaded(self, mode: str) -> None:
        self.pinyin_ready = True
        self.article.pinyin = mode

    def toggle_spacing(self) -> None:
        """A half-width space between words (word-segmented reading)."""
        self.article.spacing = not self.article.spacing
        self.host.notify("Spaces between words " + ("on" if self.article.spacing else "off"), timeout=1.5)

    def toggle_type(self, kind: str = "") -> None:
        """Show or hide one kind of highlight; without a kind, all of them (``H``)."""
        self.article.highlight = not self.article.highlight if not kind else True
        if kind:
            self.article.hidden_types ^= {kind}

    def toggle_punctuation(self) -> None:
        """Half-width punctuation in Chinese text shown full width, or as given."""
        self.article.punctuation = not self.article.punctuation
        self.host.notify("Full-width punctuation " + ("on" if self.article.punctuation else "off"), timeout=1.5)
