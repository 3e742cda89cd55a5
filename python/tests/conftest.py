"""Shared fixtures: the default pipeline, the workspace's fixture texts and
the `byline` binary the package must agree with."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Dict

import pytest

import byline

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def nlp() -> byline.Pipeline:
    return byline.Pipeline()


@pytest.fixture(scope="session")
def fixture_texts() -> Dict[str, str]:
    """tests/fixtures/*.txt by file name, read as byline reads them (bytes
    decoded as UTF-8, line endings kept)."""
    texts = {p.name: p.read_bytes().decode("utf-8") for p in sorted((ROOT / "tests" / "fixtures").glob("*.txt"))}
    assert texts, "the workspace fixtures are missing"
    return texts


@pytest.fixture(scope="session")
def byline_bin() -> str:
    """The CLI: $BYLINE_BIN, else a built one in target/, else `byline` on
    PATH. Under CI its absence fails the run; elsewhere it skips."""
    candidates = [os.environ.get("BYLINE_BIN", "")]
    candidates += [str(ROOT / "target" / profile / "byline") for profile in ("release", "quick", "debug")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    found = shutil.which("byline")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("no byline binary: build it (cargo build -p byline-cli) or set BYLINE_BIN")
    pytest.skip("no byline binary: build it (cargo build -p byline-cli) or set BYLINE_BIN")
