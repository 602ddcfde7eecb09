"""Make a ~1M-character Chinese Markdown document from the eval articles (benchmark input)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def make(target: int = 1_000_000) -> str:
    articles = [json.loads(line) for line in (SHARED / "eval/articles_dev.jsonl").open(encoding="utf-8")]
    texts = [a.get("text") or a.get("content") or next(v for v in a.values() if isinstance(v, str) and len(v) > 200) for a in articles]
    parts = ["---\ntitle: 大文檔\n---\n"]
    size = 0
    n = 0
    while size < target:
        for text in texts:
            n += 1
            parts.append(f"\n## 第{n}節\n")
            for para in text.replace("\r", "").split("\n"):
                if para.strip():
                    parts.append("\n" + para.strip() + "\n")
                    size += len(para)
    return "".join(parts)


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/b2b-big.md")
    out.write_text(make(), encoding="utf-8")
    print(out, out.stat().st_size)
