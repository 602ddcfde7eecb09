"""The shape the reader gives real articles: titles found, the source's line breaks kept.

For each of the 9 articles of ``../shared/eval/articles_dev.jsonl`` (saved as a file would
be: the title, a blank line, the text) and each of the 12 ``.txt`` files of
``../shared/eval/news_business_dev/``, prints: the line breaks of the source, how many of
them the document keeps as a boundary (between title, headings and paragraphs), the
paragraphs and headings produced, and the title found next to the one expected.

A break is kept when the text before it ends a title, heading or paragraph of the
document (positions compared on the text with whitespace removed, so a line joined with
a space still lines up). Expected title: the article's own for ``articles_dev``; for a
news file, its first line when a blank line follows it (else none: the file name is
shown). The ``articles_dev`` titles are also tried with no blank line after them.
Nothing is asserted; run ``python bench/structure.py [--show ID]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tui"))

from b2b_reader.core import pipeline  # noqa: E402

EVAL = HERE.parent / ".." / "shared" / "eval"
_SPACE = re.compile(r"\s+")


def _boundaries(pieces: list[str]) -> tuple[str, set[int]]:
    """The whitespace-free concatenation of ``pieces`` and the offsets where each ends."""
    stream, ends = "", set()
    for piece in pieces:
        stream += _SPACE.sub("", piece)
        ends.add(len(stream))
    return stream, ends


def measure(text: str, name: str, expected_title: str | None) -> dict:
    """Break and title figures for one input text."""
    document = pipeline._parse(text, name)
    lines = [line for line in text.split("\n") if line.strip()]
    source, breaks = _boundaries(lines)
    breaks.discard(len(source))
    has_title = document.title != Path(name).name
    units = ([document.title] if has_title else []) + [
        piece
        for section in document.sections
        for piece in ([section.title] if section.title else []) + [document.paragraphs[i].text for i in section.paragraphs]
    ]
    produced, ends = _boundaries(units)
    same = produced == source
    return {
        "breaks": len(breaks),
        "kept": len(breaks & ends) if same else None,
        "paragraphs": len(document.paragraphs),
        "headings": sum(1 for s in document.sections if s.title),
        "title": document.title if has_title else None,
        "expected": expected_title,
        "title_ok": (document.title if has_title else None) == expected_title,
    }


def cases() -> list[tuple[str, str, str, str | None]]:
    """(set, id, text, expected title) for every article measured."""
    out = []
    for line in (EVAL / "articles_dev.jsonl").read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        out.append(("articles_dev", article["id"], f"{article['title']}\n\n{article['text']}", article["title"]))
    for path in sorted((EVAL / "news_business_dev").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        first, *rest = text.split("\n")
        expected = first.strip() if rest and not rest[0].strip() and "".join(rest).strip() else None
        out.append(("news_business_dev", path.stem, text, expected))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", help="print the title, headings and paragraph starts of one article")
    args = parser.parse_args()
    totals: dict[str, list[int]] = {}
    print(f"{'article':42} {'breaks':>6} {'kept':>5} {'paras':>5} {'heads':>5}  title")
    for group, ident, text, expected in cases():
        row = measure(text, f"{ident}.txt", expected)
        kept = "n/a" if row["kept"] is None else str(row["kept"])
        mark = "ok" if row["title_ok"] else f"WRONG (expected {(expected or '(none)')[:30]!r})"
        print(f"{ident[:42]:42} {row['breaks']:6} {kept:>5} {row['paragraphs']:5} {row['headings']:5}  "
              f"{(row['title'] or '(none: file name)')[:30]!r} {mark}")
        total = totals.setdefault(group, [0, 0, 0, 0, 0])
        total[0] += row["breaks"]
        total[1] += row["kept"] or 0
        total[2] += 1
        total[3] += row["title_ok"]
        total[4] += row["paragraphs"]
        if args.show == ident:
            document = pipeline._parse(text, f"{ident}.txt")
            print("  title:", document.title)
            for section in document.sections:
                print("  §", section.title)
                for i in section.paragraphs:
                    print("     ¶", document.paragraphs[i].text[:60])
    for group, (breaks, kept, n, titles, paragraphs) in totals.items():
        print(f"{group}: {kept}/{breaks} source line breaks kept; titles right {titles}/{n}; {paragraphs} paragraphs")
    # The same articles with no blank line between title and text: the title must then
    # come before a sentence (a text that opens with its own headline does not).
    tight = [(ident, text.replace("\n\n", "\n", 1), title) for group, ident, text, title in cases()
             if group == "articles_dev"]
    right = [ident for ident, text, title in tight if pipeline._parse(text, f"{ident}.txt").title == title]
    missed = sorted({ident for ident, _, _ in tight} - set(right))
    print(f"articles_dev, title and text on consecutive lines: titles right {len(right)}/{len(tight)}"
          + (f" (missed: {', '.join(missed)})" if missed else ""))


if __name__ == "__main__":
    main()
