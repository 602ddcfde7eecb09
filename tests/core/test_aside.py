"""On the command line's first open of a saved page, the article is extracted in a forked
child while the reader is imported (``core/aside``): the same document comes out, a page
without an article is refused with the same message, and the parent's work still runs."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from b2b_reader.core import aside, html_input
from b2b_reader.core.source import SourceError

from .test_html_input import CATL_BODY, encoded_page, texts

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


def test_a_page_extracted_beside_the_parents_work_is_the_same_document():
    page = encoded_page("portal_gbk.html", "gbk")
    done: list[int] = []
    with aside.meanwhile(lambda: done.append(os.getpid())):
        beside = html_input.parse_html(page, "portal.html")
    assert done == [os.getpid()]  # the parent's own work ran, here, once
    assert texts(beside) == CATL_BODY
    assert beside == html_input.parse_html(page, "portal.html")  # title, author, date, sections alike
    assert beside.author == "王晓明" and beside.date == "2024-10-18"


def test_a_page_without_an_article_is_refused_by_the_child_in_one_line():
    page = "<html><head><title>首页</title></head><body><nav><a href='/'>首页</a></nav></body></html>".encode()
    with aside.meanwhile(lambda: None), pytest.raises(SourceError, match="empty.html: no article text found"):
        html_input.parse_html(page, "empty.html")


def test_the_extractor_is_imported_by_the_child_only_and_only_once_asked():
    """The parent never pays trafilatura's import; outside :func:`aside.meanwhile` (a reader
    reopening a page, threads running) nothing is forked and the work is done in place."""
    script = textwrap.dedent("""
        import os, sys
        from b2b_reader.core import aside, html_input
        from tests.core.test_html_input import encoded_page
        page = encoded_page("portal_gbk.html", "gbk")
        with aside.meanwhile(lambda: None):
            document = html_input.parse_html(page, "portal.html")
        print(len(document.paragraphs), "trafilatura" in sys.modules)
        html_input.parse_html(page, "portal.html")  # no work given: in place
        print("trafilatura" in sys.modules)
    """)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=root, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["4", "False", "True"]
