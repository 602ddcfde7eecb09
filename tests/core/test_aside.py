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


@pytest.fixture
def core_free(monkeypatch):
    """A core free for the child, whatever the machine's load while the tests run."""
    monkeypatch.setattr(aside, "core_free", lambda: True)


def test_a_page_extracted_beside_the_parents_work_is_the_same_document(core_free):
    page = encoded_page("portal_gbk.html", "gbk")
    done: list[int] = []
    beside = html_input.parse_html(page, "portal.html", meanwhile=lambda: done.append(os.getpid()))
    assert done == [os.getpid()]  # the parent's own work ran, here, once
    assert texts(beside) == CATL_BODY
    assert beside == html_input.parse_html(page, "portal.html")  # title, author, date, sections alike
    assert beside.author == "王晓明" and beside.date == "2024-10-18"


def test_a_page_without_an_article_is_refused_by_the_child_in_one_line(core_free):
    page = "<html><head><title>首页</title></head><body><nav><a href='/'>首页</a></nav></body></html>".encode()
    with pytest.raises(SourceError, match="empty.html: no article text found"):
        html_input.parse_html(page, "empty.html", meanwhile=lambda: None)


def test_the_extractor_is_imported_by_the_child_only_and_only_once_asked():
    """The parent never pays trafilatura's import; without ``meanwhile`` (a reader reopening
    a page, threads running) nothing is forked and the work is done in place."""
    script = textwrap.dedent("""
        import os, sys
        from b2b_reader.core import aside, html_input
        from tests.core.test_html_input import encoded_page
        aside.core_free = lambda: True  # whatever the machine's load while the tests run
        page = encoded_page("portal_gbk.html", "gbk")
        document = html_input.parse_html(page, "portal.html", meanwhile=lambda: None)
        print(len(document.paragraphs), "trafilatura" in sys.modules)
        html_input.parse_html(page, "portal.html")  # no work given: in place
        print("trafilatura" in sys.modules)
    """)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=root, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["4", "False", "True"]


def test_on_a_busy_machine_the_page_is_extracted_in_place_and_the_next_step_follows(monkeypatch):
    """No core free: no child (it would take turns with the parent on one core and both would
    import what they share); the same document, then the parent's step, in this process."""
    monkeypatch.setattr(aside, "core_free", lambda: False)
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked on a busy machine"))
    page = encoded_page("portal_gbk.html", "gbk")
    order: list[str] = []
    real_extract = html_input._extract

    def extract(*args):
        order.append("extract")
        return real_extract(*args)

    monkeypatch.setattr(html_input, "_extract", extract)
    document = html_input.parse_html(page, "portal.html", meanwhile=lambda: order.append("next step"))
    assert order == ["extract", "next step"]
    assert texts(document) == CATL_BODY and document.author == "王晓明"


def test_a_free_core_is_read_from_the_kernels_count_of_runnable_tasks():
    """``/proc/loadavg`` counts this process among the runnable ones: with every core this
    process may use running something, none is free."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    if cores is None or not os.path.exists("/proc/loadavg"):
        pytest.skip("no /proc/loadavg here")
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(cores)]
    try:
        import time

        time.sleep(0.3)  # the spinners running
        assert not any(aside.core_free() for _ in range(5))
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


def test_the_next_step_runs_beside_a_first_extraction_only(tmp_path, core_free):
    """``load_path`` hands ``meanwhile`` to a page's extraction; a page already extracted
    (the parsed-document cache) and a text file run no child, and leave the step to the caller."""
    from b2b_reader.core import pipeline

    page = tmp_path / "portal.html"
    page.write_bytes(encoded_page("portal_gbk.html", "gbk"))
    article = tmp_path / "article.txt"
    article.write_text("\n\n".join(CATL_BODY), encoding="utf-8")
    ran: list[str] = []
    first = pipeline.load_path(str(page), meanwhile=lambda: ran.append("page"))
    again = pipeline.load_path(str(page), meanwhile=lambda: ran.append("cached page"))
    text = pipeline.load_path(str(article), meanwhile=lambda: ran.append("text"))
    assert ran == ["page"]
    assert texts(first.document) == texts(again.document) == texts(text.document) == CATL_BODY
