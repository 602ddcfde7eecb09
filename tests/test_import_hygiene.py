"""The core never imports Textual (it is usable from the command line and in tests alone)."""

import subprocess
import sys


def test_core_does_not_import_textual():
    code = (
        "import sys, pkgutil, importlib, b2b_reader.core as core\n"
        "for m in pkgutil.iter_modules(core.__path__):\n"
        "    importlib.import_module('b2b_reader.core.' + m.name)\n"
        "from b2b_reader.core import pipeline\n"
        "l = pipeline.load_default(); v = pipeline.make_views(l.document)\n"
        "pipeline.analysis_json(l, v, pipeline.analyze(l.document, v))\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"core imported: {result.stdout}"
