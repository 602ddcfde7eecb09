"""The reader's keys (bindings with ids: the help screen, the command palette and a
keymap in settings.toml use them) and the script a key switches to."""

from __future__ import annotations

from textual.binding import Binding

from ..core.entity_types import HIGHLIGHTS
from ..core.script import VARIANT_NAMES, VARIANTS

#: The reader screen's keys; the article's own (moving, selecting) are ``ArticleView.BINDINGS``.
READER_KEYS = [
    Binding("t", "view('script')", "简/繁", id="toggle_script"),
    Binding("T", "view('variant')", "Variant", id="cycle_variant", show=False),
    Binding("s", "view('source')", "Source ⇄ back", id="show_source", show=False),
    Binding("right_square_bracket", "nav('section', 1)", "Next §", id="next_section"),
    Binding("left_square_bracket", "nav('section', -1)", "Prev §", id="previous_section"),
    Binding("o", "nav('outline')", "Outline", id="toggle_outline"),
    Binding("f", "aid('toggle_punctuation')", "Full-width punct.", id="toggle_punctuation", show=False),
    Binding("i", "nav('toggle_side')", "Panels", id="toggle_side"),
    Binding("E", "nav('panel', 'entities')", "Entities panel", id="panel_entities", show=False),
    Binding("W", "nav('panel', 'glossary')", "Glossary (words) panel", id="panel_glossary", show=False),
    Binding("Y", "nav('panel', 'timeline')", "Timeline (years) panel", id="panel_timeline", show=False),
    Binding("n", "mention(1)", "Next mention", id="next_mention", show=False),
    Binding("N", "mention(-1)", "Prev mention", id="previous_mention", show=False),
    Binding("slash", "search", "Search", id="search"),
    Binding("F", "filter", "Filter to target", id="filter", show=False),
    Binding("p", "aid('toggle_pinyin')", "Pinyin", id="toggle_pinyin"),
    Binding("P", "aid('cycle_pinyin')", "Pinyin style", id="cycle_pinyin", show=False),
    Binding("w", "aid('toggle_spacing')", "Spaces between words", id="toggle_spacing", show=False),
    Binding("enter", "lookup", "Look up", id="lookup"),
    Binding("c", "copy", "Copy", id="copy"),
    Binding("C", "cycle_copy_format", "Copy format", id="cycle_copy_format", show=False),
    Binding("v", "select", "Select", id="select", show=False),
    Binding("d", "nav('date_to_timeline')", "Date → timeline", id="date_to_timeline", show=False),
    Binding("D", "set_date", "Document date…", id="set_date", show=False),
    Binding("m", "toggle_bookmark", "Bookmark ¶", id="toggle_bookmark", show=False),
    Binding("apostrophe", "bookmarks", "Bookmarks", id="bookmarks", show=False),
    Binding("H", "aid('toggle_type')", "Highlights on/off", id="toggle_highlight", show=False),
    *(Binding(kind.digit, f"aid('toggle_type', '{kind.key}')", f"Show/hide {kind.key}", id=f"toggle_{kind.key}",
              show=False) for kind in HIGHLIGHTS),
    Binding("ctrl+d", "nav('scroll', 0.5)", "Half page down", id="half_page_down", show=False),
    Binding("ctrl+u", "nav('scroll', -0.5)", "Half page up", id="half_page_up", show=False),
    Binding("ctrl+f", "nav('scroll', 1)", "Page down", id="page_forward", show=False),
    Binding("ctrl+b", "nav('scroll', -1)", "Page up", id="page_back", show=False),
    Binding("colon", "nav('ask')", "Go to ¶ N or N%", id="nav('ask')", show=False),
    Binding("L", "app.library", "Library", id="library", show=False),
    Binding("question_mark,f1", "help", "Help", id="help"),
    Binding("q", "app.quit", "Quit", id="quit"),
]


#: The keys line, most important first: as many as fit the width are shown (in this
#: order), then help and quit, always. Moving (j/k, space) comes last: people try those anyway.
KEY_BAR = ("toggle_side", "search", "toggle_pinyin", "lookup", "toggle_script", "toggle_outline",
           "next_section", "copy", "bookmarks", "cursor_down", "page_down")

#: A key's id → how the keys line draws it there (shorter than the help's description).
BAR_LABELS = {"help": "All keys", "toggle_script": "简/繁", "toggle_pinyin": "Pinyin", "lookup": "Look up",
              "toggle_side": "Panels", "search": "Search", "toggle_outline": "Outline", "next_section": "Next §",
              "copy": "Copy", "bookmarks": "Bookmarks", "cursor_down": "Next ¶", "page_down": "Page", "quit": "Quit"}


def next_view(change: str, script: str, variant: str, document_script: str,
              came_from: tuple[str, str] | None = None) -> tuple[str, str]:
    """The view ``t`` (``script``), ``T`` (``variant``) or ``s`` (``source``) switches to.

    ``s`` from the source goes back to ``came_from``, the view ``s`` left (else the
    script the document is not in)."""
    if change == "variant":
        return "traditional", VARIANTS[(VARIANTS.index(variant) + 1) % len(VARIANTS)]
    if change == "source":
        if script != "original":
            return "original", variant
        return came_from if came_from is not None else (other_script(script, document_script), variant)
    return other_script(script, document_script), variant


def other_script(script: str, document_script: str) -> str:
    """Simplified ⇄ traditional; from the source view, the script the document is not in."""
    if script == "original":
        return "simplified" if document_script == "traditional" else "traditional"
    return "traditional" if script == "simplified" else "simplified"


def view_label(script: str, variant: str) -> str:
    """Human name of a view."""
    if script == "original":
        return "Source as given"
    if script == "simplified":
        return "简体 Simplified"
    return f"繁體 Traditional ({VARIANT_NAMES[variant]})"
