"""Links: a page served by a local HTTP server (127.0.0.1, no outside network) opens,
is cached, reopens with the server stopped; 404, timeouts and huge bodies are clear errors."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from b2b_reader.core import fetch, pipeline
from b2b_reader.core.source import SourceError

PAGE = (Path(__file__).resolve().parents[1] / "data" / "pages" / "portal_gbk.html").read_text("utf-8")
#: Served without its <meta> charset: the HTTP header alone says GBK.
GBK_PAGE = PAGE.replace('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "").encode("gbk")
FIRST = "10月18日晚间，宁德时代发布2024年第三季度报告"


class Handler(BaseHTTPRequestHandler):
    """Routes of a small news site and of the ways a site fails."""

    slow = 1.5  # seconds /slow waits before answering

    def log_message(self, *args) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        if self.path == "/news/catl.html":
            self._send(200, GBK_PAGE, "text/html; charset=GBK")
        elif self.path == "/old-link":
            self.send_response(301)
            self.send_header("Location", "/news/catl.html")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(self.slow)
            self._send(200, GBK_PAGE, "text/html; charset=GBK")
        elif self.path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(500 * 2**20))
            self.end_headers()
        elif self.path == "/huge-stream":  # no Content-Length: the body just goes on
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"<p>" + "很长的页面。".encode() * 2000 + b"</p>")
            except OSError:
                pass
        elif self.path == "/notes.txt":
            self._send(200, "央行宣布降准\n\n此次降准共计释放长期资金超过5000亿元。\n".encode("gbk"), "text/plain; charset=gbk")
        elif self.path == "/book":
            self._send(200, self.server.book, "application/epub+zip")
        elif self.path == "/broken":
            self._send(500, b"<h1>Internal Server Error</h1>", "text/html")
        else:
            self._send(404, b"<h1>Not Found</h1>", "text/html")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Server:
    """A threaded HTTP server on 127.0.0.1 that the test can stop."""

    def __init__(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    running = Server()
    yield running
    running.stop()


def test_a_link_opens_is_cached_and_reopens_with_the_server_stopped(server):
    url = f"{server.base}/news/catl.html"
    loaded = pipeline.load_path(url)
    assert loaded.document.paragraphs[0].text.startswith(FIRST)
    assert loaded.document.title == "宁德时代三季度净利润同比增长25%"
    assert loaded.origin == url and not loaded.warnings
    assert fetch.is_cached(url)
    server.stop()
    with pytest.raises(SourceError):  # really offline now
        fetch.fetch(url, use_cache=False)
    again = pipeline.load_path(url)
    assert again.document == loaded.document
    assert len(again.warnings) == 1 and "showing the copy fetched" in again.warnings[0]


def test_redirects_are_followed_and_a_redirect_loop_is_an_error(server):
    page = fetch.fetch(f"{server.base}/old-link")
    assert page.url.endswith("/news/catl.html") and page.data == GBK_PAGE
    with pytest.raises(SourceError, match="too many redirects"):
        fetch.fetch(f"{server.base}/loop")


@pytest.mark.parametrize("path, message", [("/missing", "the server answered 404 Not Found"),
                                           ("/broken", "the server answered 500")])
def test_http_errors_are_one_line_errors(server, path, message):
    with pytest.raises(SourceError, match=message) as caught:
        fetch.fetch(server.base + path)
    assert "\n" not in str(caught.value)


def test_a_server_slower_than_the_timeout_is_an_error(server, monkeypatch):
    monkeypatch.setattr(fetch, "READ_TIMEOUT", 0.3)
    started = time.monotonic()
    with pytest.raises(SourceError, match="timed out"):
        fetch.fetch(f"{server.base}/slow")
    assert time.monotonic() - started < Handler.slow  # gave up before the server answered


@pytest.mark.parametrize("path", ["/huge-declared", "/huge-stream"])
def test_a_body_over_the_size_cap_is_refused(server, monkeypatch, path):
    monkeypatch.setattr(fetch, "MAX_BYTES", 2**20)
    with pytest.raises(SourceError, match="the page is too large"):
        fetch.fetch(server.base + path)


@pytest.mark.parametrize("url", ["ftp://example.com/a.html", "https://", "http://[::1"])
def test_what_is_no_web_link_is_refused(url):
    with pytest.raises(SourceError, match="not a valid link"):
        fetch.fetch(url)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "b2b_reader", *args], capture_output=True, timeout=120)


def test_cli_analyze_a_link_and_fail_cleanly_on_404_and_offline(server):
    import json

    result = run("analyze", f"{server.base}/news/catl.html", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["paragraphs"][0]["text"].startswith(FIRST)
    assert data["document"]["source"] == "https://finance.example.com/stock/2024-10-18/doc-123.shtml"
    exported = run("export", f"{server.base}/news/catl.html", "--format", "md")
    assert exported.returncode == 0, exported.stderr
    assert "海外业务加速扩张" in exported.stdout.decode() and "doc-123.shtml" in exported.stdout.decode()
    missing = run("analyze", f"{server.base}/missing", "--json")
    assert missing.returncode == 1 and missing.stdout == b""
    assert missing.stderr.decode() == f"b2b-reader: {server.base}/missing: the server answered 404 Not Found\n"
    server.stop()
    offline = run("excerpt", f"{server.base}/never-fetched", "--paragraph", "1")
    assert offline.returncode == 1
    line = offline.stderr.decode()
    assert line.startswith("b2b-reader: ") and "cannot connect" in line and line.count("\n") == 1


def test_a_link_to_plain_text_or_to_a_book_opens_as_that(server, tmp_path):
    from .test_epub_input import build_book

    notes = pipeline.load_path(f"{server.base}/notes.txt")
    assert [p.text for p in notes.document.paragraphs] == ["此次降准共计释放长期资金超过5000亿元。"]
    assert notes.document.title == "央行宣布降准"
    build_book(tmp_path / "book.epub")
    server.httpd.book = (tmp_path / "book.epub").read_bytes()
    book = pipeline.load_path(f"{server.base}/book")
    assert [s.title for s in book.document.sections][0] == "第一章 产业转移"
    assert book.document.author == "李华" and book.origin == f"{server.base}/book"
