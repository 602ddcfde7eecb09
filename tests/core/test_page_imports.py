"""trafilatura is imported without the modules reading a saved page never calls
(``core/page_imports``): a saved page comes out the same, and a function deferred so is
the real one when called."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from b2b_reader.core.models import Document

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(script: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


PAGES = """
    import json, sys
    from b2b_reader.core import html_input
    from tests.core.test_html_input import encoded_page
    pages = [("portal_gbk.html", "gbk"), ("hk_big5.html", "big5"), ("meta_date.html", "utf-8"), ("ipo_table.html", "utf-8")]
    print(json.dumps([html_input.parse_html(encoded_page(n, e), n).to_json() for n, e in pages], ensure_ascii=False))
    deferred = ("dateutil.parser", "charset_normalizer", "trafilatura.downloads", "lxml.html.clean", "pycurl")
    print(" ".join(name for name in deferred if name in sys.modules) or "none")
"""


def test_saved_pages_come_out_the_same_with_the_unused_modules_left_unimported():
    plain = run("import trafilatura\n" + textwrap.dedent(PAGES))
    deferred = run(PAGES)
    assert deferred[1] == "none"  # none was imported to read these four pages
    assert plain[1].startswith("dateutil.parser charset_normalizer trafilatura.downloads lxml.html.clean")
    documents = json.loads(deferred[0])
    assert documents == json.loads(plain[0])
    portal = Document.from_json(documents[0])
    assert portal.paragraphs[0].text.startswith("10月18日晚间，宁德时代发布2024年第三季度报告")
    assert (portal.date, portal.author) == ("2024-10-18", "王晓明")


def test_a_deferred_function_imports_the_real_module_when_called():
    lines = run("""
        import sys
        from b2b_reader.core.page_imports import import_trafilatura
        import_trafilatura()
        import htmldate.extractors, trafilatura.utils
        print(htmldate.extractors.dateutil_parse("2024-10-18 09:30").isoformat())
        import dateutil.parser
        real = sys.modules["dateutil.parser"]
        print(type(real).__name__, real.parse("2024-10-18 09:30").isoformat())
        data = "宁德时代发布第三季度报告，公司前三季度实现营业收入2590亿元，同比下降12%。".encode("gb18030")
        best = trafilatura.utils.from_bytes(data).best()
        import charset_normalizer
        print(type(best).__module__.split(".")[0], best.encoding == charset_normalizer.from_bytes(data).best().encoding)
        import justext.core, trafilatura
        cleaner = justext.core.Cleaner(scripts=True, page_structure=False)
        cleaned = cleaner.clean_html("<div><script>x()</script><p>净利润增长</p></div>")
        print(cleaned, trafilatura.fetch_url.__module__, "trafilatura.downloads" in sys.modules)
    """)
    assert lines == ["2024-10-18T09:30:00", "module 2024-10-18T09:30:00", "charset_normalizer True",
                     "<div><p>净利润增长</p></div> trafilatura.downloads False"]
