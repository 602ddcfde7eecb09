"""Extraction from web pages, measured on whole real articles.

Each article of ``shared/eval/news_business_dev`` is opened as text (the reader's own
paragraphs and title), then written into a news page of a common shape around it: a
navigation bar, breadcrumbs, a byline, the paragraphs, related links, a comment thread,
a sidebar with an ad, a footer. The page is served in UTF-8 (meta charset), GBK (declared in
http-equiv as gb2312) and GBK with no declaration, extracted with ``core/html_input`` and
compared with the text's paragraphs (runs of spaces collapsed, as HTML does): how many come out exactly, how many lines of page
furniture leak in, whether title and date survive, and how long extraction takes.

    python bench/html_pages.py
"""

from __future__ import annotations

import html
import statistics
import sys
import time
from pathlib import Path

ARTICLES = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "news_business_dev"
#: Furniture of the page (each also checked for in what is extracted).
CHROME = ["首页", "财经要闻", "相关阅读", "网友评论", "热门推荐", "广告", "版权所有", "分享到", "责任编辑"]


def page_for(document, date: str = "2019-06-30", charset_tag: str = '<meta charset="utf-8">') -> str:
    """A news page around ``document``'s title and paragraphs, in the shape portals use."""
    esc = html.escape
    paragraphs = "\n".join(f"<p>{esc(p.text)}</p>" for p in document.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head>{charset_tag}
<title>{esc(document.title)}_财经要闻_示例财经网</title>
<meta property="og:title" content="{esc(document.title)}">
<meta property="og:site_name" content="示例财经网">
<meta property="article:published_time" content="{date}T08:00:00+08:00">
<link rel="canonical" href="https://finance.example.com/{date}/article.html">
<script>window.ads = ["<p>广告位</p>"];</script>
</head><body>
<div class="nav"><a href="/">首页</a> <a href="/stock">股票</a> <a href="/fund">基金</a> <a href="/news">财经要闻</a></div>
<div class="main"><div class="article">
<h1>{esc(document.title)}</h1>
<div class="meta">{date} 08:00 来源：示例财经网</div>
{paragraphs}
<div class="editor">责任编辑：张三</div>
<div class="share">分享到：微博 微信</div>
</div>
<div class="related"><h3>相关阅读</h3><ul><li><a href="/1">多家银行下调存款利率</a></li><li><a href="/2">A股三大指数集体收涨</a></li></ul></div>
<div id="comments" class="comments"><h3>网友评论</h3><div class="comment"><p>写得不错，支持一下！</p></div></div>
</div>
<div class="sidebar"><h3>热门推荐</h3><ul><li><a href="/3">央行开展逆回购操作</a></li></ul><div class="ad">广告：理财产品限时优惠</div></div>
<div class="footer">版权所有 示例财经网</div>
</body></html>
"""


def articles():
    from b2b_reader.core import pipeline

    for path in sorted(ARTICLES.glob("*.txt")):
        yield path, pipeline.load_path(str(path)).document


def main() -> None:
    from b2b_reader.core import html_input

    if not ARTICLES.is_dir():
        sys.exit(f"{ARTICLES} is not here")
    shapes = {
        "utf-8, meta charset": ('<meta charset="utf-8">', "utf-8"),
        "gbk, http-equiv gb2312": ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "gb18030"),
        "gbk, no declaration": ("", "gb18030"),
    }
    html_input.parse_html(b"<html><body><p>warm up the extractor's imports</p></body></html>", "warm.html")
    print(f"{len(list(ARTICLES.glob('*.txt')))} articles of {ARTICLES.name}, each in {len(shapes)} page shapes")
    for label, (tag, encoding) in shapes.items():
        exact = total = leaked = extra = titles = dates = 0
        times = []
        for _path, document in articles():
            data = page_for(document, charset_tag=tag).encode(encoding)
            started = time.perf_counter()
            got = html_input.parse_html(data, "page.html")
            times.append(time.perf_counter() - started)
            # a browser collapses runs of spaces in HTML too (the articles' Markdown tables)
            want = [" ".join(p.text.split()) for p in document.paragraphs]
            have = [" ".join(p.text.split()) for p in got.paragraphs]
            original = "".join(want)
            total += len(want)
            exact += sum(1 for text in want if text in have)
            extra += sum(1 for text in have if text not in want)
            leaked += sum(1 for word in CHROME for text in have if word in text and word not in original)
            titles += got.title == document.title
            dates += (got.date, got.date_inferred) == ("2019-06-30", False)
        n = len(times)
        print(f"  {label:24s} paragraphs exact {exact}/{total} ({100 * exact / total:.1f}%), "
              f"extra paragraphs {extra}, furniture leaked {leaked}, titles {titles}/{n}, dates {dates}/{n}, "
              f"extraction median {statistics.median(times) * 1000:.1f} ms (max {max(times) * 1000:.1f})")


if __name__ == "__main__":
    main()
