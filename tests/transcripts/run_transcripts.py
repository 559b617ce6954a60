#!/usr/bin/env python3
"""Transcript tests: JSON-RPC sessions fed to the real pulumi-token-lsp binary through pipes.

Usage: run_transcripts.py PATH/TO/pulumi-token-lsp [-k SUBSTRING] [-j JOBS]

Each case is a sentence; one line is printed per case, and a failing case prints the transcript
diff. The cases live in cases_*.py next to this file (lifecycle, documents and positions, bad
input, secret hygiene, the project config file). Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import lsp_harness  # noqa: E402
import cases_lifecycle  # noqa: E402,F401
import cases_documents  # noqa: E402,F401
import cases_bad_input  # noqa: E402,F401
import cases_hygiene  # noqa: E402,F401
import cases_project_config  # noqa: E402,F401
import cases_workspace  # noqa: E402,F401
import cases_encoded  # noqa: E402,F401
import cases_history  # noqa: E402,F401


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("-k", dest="filter", default="", help="run only cases whose name contains this")
    ap.add_argument("-j", dest="jobs", type=int, default=4)
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    cases = [(n, f) for n, f in lsp_harness.CASES if args.filter.lower() in n.lower()]
    if not cases:
        print("no cases selected", file=sys.stderr)
        return 2

    def run(fn):
        try:
            fn(binary)
            return None
        except lsp_harness.CaseFailure as e:
            return str(e)
        except Exception:  # a harness error is a failure too, never a pass
            return lsp_harness.mask(traceback.format_exc())

    started = time.monotonic()
    failures = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(run, fn) for _, fn in cases]
        for (name, _), fut in zip(cases, futures):
            err = fut.result()
            if err is None:
                print(f"ok   {name}", flush=True)
            else:
                failures += 1
                print(f"FAIL {name}\n  " + err.replace("\n", "\n  "), flush=True)
    print(f"{len(cases) - failures} of {len(cases)} transcript cases passed in {time.monotonic() - started:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
