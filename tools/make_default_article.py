"""Regenerate tui/b2b_reader/data/article-1688.md (and its pinyin hints) from the raw seed.

Usage: python tools/make_default_article.py [path/to/article-raw.txt]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tui"))

from b2b_reader.core.articles import DEFAULT_NAME, build_default_article  # noqa: E402


def main() -> None:
    raw_path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/seed/article-raw.txt"
    markdown, hints = build_default_article(raw_path.read_text(encoding="utf-8"))
    data = ROOT / "tui/b2b_reader/data"
    (data / f"{DEFAULT_NAME}.md").write_text(markdown, encoding="utf-8")
    (data / f"{DEFAULT_NAME}.pinyin.tsv").write_text(hints, encoding="utf-8")
    print(f"wrote {DEFAULT_NAME}.md ({len(markdown)} chars) and {hints.count(chr(10))} pinyin hints")


if __name__ == "__main__":
    main()
