"""The terminal boundary's one rule: text the program did not write is made inert.

Document text, file names, paths, user overlays (lexicon, glossary), settings values and
exception messages can carry escape sequences: an ``ESC ] 52 ; c ; … ESC \\`` in a file
name sets the terminal's clipboard, an OSC 2 its window title, a C1 ``U+009B`` is a CSI
on terminals that read 8-bit controls. Every such string passes :func:`inert` before it
is drawn (title bar, status, article, panels, dialogs, notifications) or printed (plain
output, stderr, JSON), so no control character ever reaches a terminal from data.

What is replaced: C0 controls (tab and newline are kept unless ``line=True``), DEL, C1
controls and lone surrogates (a file name that is not UTF-8 arrives as surrogate escapes;
printed, it would raise ``UnicodeEncodeError``) become U+FFFD, visible and one cell wide.
Bidirectional controls, which can reorder what a terminal shows, are dropped.
"""

from __future__ import annotations

import re

#: What a removed control becomes: visible, harmless, and one cell wide.
REPLACEMENT = "\ufffd"

_BIDI_RE = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: C0 except tab and newline, DEL, C1, lone surrogates.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
#: The same for one-line output (a message, a title): tab, newline and the Unicode line
#: and paragraph separators too, so a name cannot forge a second line.
_LINE_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def inert(text: str, *, line: bool = False) -> str:
    """``text`` with every control character replaced (bidi controls dropped).

    ``line``: the result is shown on one line (a title, a message on stderr), so tab and
    newline are replaced as well.
    """
    if text.isprintable():  # no control, format or surrogate character: at C speed
        return text
    text = _BIDI_RE.sub("", text)
    return (_LINE_CONTROL_RE if line else _CONTROL_RE).sub(REPLACEMENT, text)


def inert_data(value):
    """``value`` (JSON-shaped: dicts, lists, strings, numbers) with every string, key
    included, made inert; what ``analyze --json`` and the exports print."""
    if isinstance(value, str):
        return inert(value)
    if isinstance(value, list | tuple):
        return [inert_data(v) for v in value]
    if isinstance(value, dict):
        return {inert(str(k)) if isinstance(k, str) else k: inert_data(v) for k, v in value.items()}
    return value


#: JSON's escapes of what :func:`inert` replaces (C0 controls but tab and newline), or an
#: escaped backslash (matched as one, so ``\\\\r`` is a backslash and an ``r``).
_JSON_CONTROL_RE = re.compile(r"\\(?:u00[01][0-9a-fA-F]|[rbf]|\\)")


def inert_json(data: dict) -> str:
    """``data`` as JSON text whose every string decodes to its :func:`inert` form (as
    ``json.dumps(inert_data(data))``), one item of each top-level list per line.

    Encoded once by the C encoder (an ``indent`` runs the pure-Python one: 2M writes for a
    1M-character document), then made inert as one text: JSON's syntax is ASCII, so what
    :func:`inert` changes is inside strings; controls JSON escaped are replaced as escapes.
    """
    import json

    encode = json.JSONEncoder(ensure_ascii=False).encode
    parts = []
    for key, value in data.items():
        body = ("[\n  " + ",\n  ".join(map(encode, value)) + "\n ]") if isinstance(value, list) and value else encode(value)
        parts.append(f" {encode(key)}: {body}")
    text = inert("{\n" + ",\n".join(parts) + "\n}")
    return _JSON_CONTROL_RE.sub(lambda m: m.group() if m.group() == "\\\\" else REPLACEMENT, text)
