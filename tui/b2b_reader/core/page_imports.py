"""trafilatura imported without what reading a saved page never calls.

Importing trafilatura (with htmldate) is most of a saved page's first open (~130 ms of CPU
of ~140 with the extraction). It imports, at module level, modules that reading a saved
page never calls:

- dateutil's parser (~35 ms): htmldate's last resort for a date string its own patterns do
  not read, never reached when the page states its date in ``<meta>`` or in a form
  htmldate's patterns read;
- charset_normalizer (~6 ms), for pages given as bytes: ``core/html_input`` decodes the
  page itself and hands over text;
- ``trafilatura.downloads`` (~5 ms: pycurl if installed, urllib3's SOCKS support, a thread
  pool): trafilatura's own fetching; ``core/fetch`` fetches links;
- ``lxml.html.clean`` (~5 ms, the separate lxml_html_clean package): jusText's
  preprocessor, which trafilatura's use of jusText does not call.

While trafilatura is imported, those modules are stood for by :class:`_Deferred`: each
function (or class, only ever called) taken from one imports the real module when first
called, and calls it. The result is the same either way (``tests/core/test_page_imports.py``);
only the time of the import moves, to the one call that needs it, usually none.

Only names used by trafilatura, htmldate and jusText as plain callables are deferred
(:data:`DEFERRED`): a class subclassed or checked with ``isinstance``, or a module used at
import time, cannot be stood for. The stand-ins are in ``sys.modules`` only while
trafilatura is imported; another thread importing one of those modules at that moment
would get the stand-in, and nothing in the reader imports them.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable
from typing import Any

#: Modules trafilatura, htmldate and jusText take only callables from, called during an
#: extraction if at all: ``from dateutil.parser import parse`` (htmldate.extractors),
#: ``from charset_normalizer import from_bytes`` (trafilatura.utils, htmldate.utils),
#: ``from .downloads import fetch_response, fetch_url`` (trafilatura/__init__),
#: ``from lxml.html.clean import Cleaner`` (justext.core, called in its preprocessor).
DEFERRED = ("dateutil.parser", "charset_normalizer", "trafilatura.downloads", "lxml.html.clean")


class _Deferred(types.ModuleType):
    """Stands for module ``name`` during an import: its attributes are functions that
    import the real module on their first call."""

    def __getattr__(self, attr: str) -> Callable[..., Any]:
        if attr.startswith("__"):
            raise AttributeError(attr)
        name = self.__name__
        real: list[Callable[..., Any]] = []

        def deferred(*args: Any, **kwargs: Any) -> Any:
            if not real:
                real.append(getattr(importlib.import_module(name), attr))
            return real[0](*args, **kwargs)

        deferred.__name__ = deferred.__qualname__ = attr
        deferred.__module__ = name
        return deferred


def import_trafilatura() -> types.ModuleType:
    """The ``trafilatura`` package, imported with :data:`DEFERRED` standing in."""
    if "trafilatura" in sys.modules:
        return sys.modules["trafilatura"]
    placed = [name for name in DEFERRED if name not in sys.modules]
    for name in placed:
        sys.modules[name] = _Deferred(name)
    try:
        import trafilatura
    finally:
        for name in placed:  # later imports, the deferred functions' own included, get the real one
            if isinstance(sys.modules.get(name), _Deferred):
                del sys.modules[name]
    return trafilatura
