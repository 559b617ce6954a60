"""What the scan tests (scan_test.py, hooks_test.py) share: tokens built at run time (the
repository holds none) and remembered so that no output may contain one, and cases that print
an ok/FAIL line each and a summary."""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path

TOKENS: list[str] = []
results = {"passed": 0, "failed": 0}


def token(seed: str) -> str:
    t = "pul-" + hashlib.sha1(seed.encode()).hexdigest()
    TOKENS.append(t)
    return t


def case(fn, fixture=Path):
    """Runs fn(fixture(a fresh temporary directory)) at once, as a decorator; its docstring names it."""
    with tempfile.TemporaryDirectory() as d:
        try:
            fn(fixture(Path(d)))
            results["passed"] += 1
            print(f"ok   {fn.__doc__}")
        except AssertionError as e:
            results["failed"] += 1
            print(f"FAIL {fn.__doc__}: {e}")
    return fn


def finish(name: str):
    print(f"{name}: {results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)
