"""The README's test command ends with pytest's summary line, with or without an extra -q."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_the_readme_gives_the_test_command():
    assert "$ python3 -m pip install -e '.[test]' && python3 -m pytest\n" in README


@pytest.mark.parametrize("extra", [[], ["-q"]])
def test_the_test_command_ends_with_a_summary_line(extra):
    # One small test file stands in for the suite: the summary line is the same.
    done = subprocess.run([sys.executable, "-m", "pytest", *extra, "tests/core/test_cleaning.py"],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:]
    last = done.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"=*\s*\d+ passed.* in [\d.]+s.*", last), last
