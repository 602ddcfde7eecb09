"""A link in, a page's bytes out: fetched with urllib3, kept in the cache to reopen offline.

What a fetch may do is bounded: a connect and a read timeout, an overall deadline, a size
cap (``Content-Length`` over it is refused before reading, a body that grows past it is
cut off), at most :data:`MAX_REDIRECTS` redirects, http and https only. Nothing is run:
the bytes go to ``core/html_input``, which extracts text.

Every fetched page is stored in the cache (``cache/pages``), keyed by the URL asked for.
When the network cannot be reached (offline, refused, timed out) the stored copy opens,
with a warning saying when it was fetched. An HTTP error (404, 500) is an error: the page
is gone or broken now, and the user is told so, whatever the cache holds.
"""

from __future__ import annotations

import base64
import time
from typing import NamedTuple

from .encodings import SourceError

#: Seconds to connect and between bytes; the whole fetch has :data:`DEADLINE`.
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 20.0
DEADLINE = 60.0
#: Largest page accepted: news pages are a few hundred KB; this leaves room for heavy ones.
MAX_BYTES = 10 * 2**20
MAX_REDIRECTS = 5
USER_AGENT = "b2b-reader (terminal reader for Chinese articles)"


class Page(NamedTuple):
    """A fetched page: its bytes, the URL they came from (after redirects), its
    ``Content-Type`` and what the user should know (an offline copy was used)."""

    data: bytes
    url: str
    content_type: str
    warnings: tuple[str, ...] = ()


def fetch(url: str, *, timeout: float | None = None, max_bytes: int | None = None, use_cache: bool = True) -> Page:
    """The page at ``url``, or its cached copy when the network cannot be reached.

    ``timeout`` overrides the connect and read timeouts, ``max_bytes`` :data:`MAX_BYTES`;
    raises ``SourceError`` with a one-line message for anything that cannot be used.
    """
    _check_url(url)
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    try:
        page = _download(url, timeout, max_bytes)
    except _Unreachable as error:
        cached = _cached(url) if use_cache else None
        if cached is None:
            raise SourceError(f"{url}: {error}") from None
        page, fetched = cached
        return page._replace(warnings=(f"{url}: {error}; showing the copy fetched {fetched}",))
    if use_cache:
        _store(url, page)
    return page


class _Unreachable(Exception):
    """The server could not be reached or did not answer in time (a cached copy may do)."""


def _check_url(url: str) -> None:
    from urllib3.util import parse_url
    from urllib3.exceptions import LocationParseError

    try:
        parsed = parse_url(url)
    except LocationParseError:
        raise SourceError(f"{url}: not a valid link") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise SourceError(f"{url}: not a valid link (http:// or https:// and a host)")


def _download(url: str, timeout: float | None, max_bytes: int) -> Page:
    import urllib3
    from urllib3.exceptions import HTTPError, MaxRetryError, ProtocolError, TimeoutError

    connect, read = (timeout, timeout) if timeout is not None else (CONNECT_TIMEOUT, READ_TIMEOUT)
    deadline = time.monotonic() + (DEADLINE if timeout is None else 3 * timeout)  # a server that trickles
    http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=connect, read=read),
                               retries=urllib3.Retry(total=MAX_REDIRECTS, connect=0, read=0, status=0,
                                                     redirect=MAX_REDIRECTS, raise_on_redirect=True),
                               headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.5"})
    try:
        response = http.request("GET", url, preload_content=False, redirect=True)
    except MaxRetryError as error:
        reason = error.reason
        if reason is not None and "redirect" in str(reason).lower() or reason is None:
            raise SourceError(f"{url}: too many redirects (more than {MAX_REDIRECTS})") from None
        raise _Unreachable(_reason(reason)) from None
    except (TimeoutError, ProtocolError, HTTPError) as error:
        raise _Unreachable(_reason(error)) from None
    try:
        if response.status >= 400:
            raise SourceError(f"{url}: the server answered {response.status} {response.reason or ''}".rstrip())
        length = response.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise SourceError(f"{url}: the page is too large ({_mib(int(length))}; the limit is {_mib(max_bytes)})")
        parts, got = [], 0
        try:
            for chunk in response.stream(64 * 1024):
                parts.append(chunk)
                got += len(chunk)
                if got > max_bytes:
                    raise SourceError(f"{url}: the page is too large (more than {_mib(max_bytes)})")
                if time.monotonic() > deadline:
                    raise _Unreachable("the page took too long to arrive")
        except (TimeoutError, ProtocolError, HTTPError) as error:
            raise _Unreachable(_reason(error)) from None
        final = response.geturl() or url
        return Page(b"".join(parts), final, response.headers.get("Content-Type", ""))
    finally:
        response.release_conn()
        http.clear()


def _reason(error: BaseException | None) -> str:
    """What went wrong, in words a reader can act on (no exception reprs)."""
    from urllib3.exceptions import NameResolutionError, NewConnectionError, ReadTimeoutError, TimeoutError

    # NameResolutionError and NewConnectionError are kinds of TimeoutError in urllib3 2
    if isinstance(error, NameResolutionError):
        return "cannot find the server (offline, or the address is wrong)"
    if isinstance(error, NewConnectionError) and "timed out" not in str(error).lower():
        return "cannot connect to the server (offline, or it is down)"
    if isinstance(error, ReadTimeoutError | TimeoutError) or "timed out" in str(error).lower():
        return "no answer in time (timed out)"
    if error is not None and "ssl" in type(error).__name__.lower():
        return "the secure connection failed (certificate or TLS error)"
    return "the connection failed"


def _mib(n: int) -> str:
    return f"{n / 2**20:.1f} MiB"


# --------------------------------------------------------------------------- the cache


def _key(url: str) -> str:
    from . import cache

    return cache.cache_key("page", url)


def _store(url: str, page: Page) -> None:
    """Keep the page for offline reopening (a cache that cannot be written is no error)."""
    from . import cache

    cache.store("pages", _key(url), {"url": page.url, "content_type": page.content_type,
                                     "fetched": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                                     "data": base64.b64encode(page.data).decode("ascii")})


def _cached(url: str) -> tuple[Page, str] | None:
    """The stored copy of ``url`` and when it was fetched, or None."""
    from . import cache

    entry = cache.load("pages", _key(url))
    try:
        page = Page(base64.b64decode(entry["data"], validate=True), str(entry["url"]), str(entry["content_type"]))
        return page, str(entry["fetched"])
    except (TypeError, KeyError, ValueError):
        return None


def is_cached(url: str) -> bool:
    """Whether a copy of ``url`` is kept (the shelf says whether a link reopens offline)."""
    from . import cache

    return cache.has("pages", _key(url))
