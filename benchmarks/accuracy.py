#!/usr/bin/env python3
"""Accuracy of scrapelint on the labelled evaluation data in ../shared/eval.

Runs ``scrapelint check --output-format json-lines`` on each cases file and
prints the scorer's per-category figures (recall, precision, F1, fp/1k) for
each file and for both together. Extra arguments go to scrapelint, e.g.
``python benchmarks/accuracy.py --select BP`` or ``--corpus on``.

    python benchmarks/accuracy.py [--eval DIR] [--files a.jsonl ...] [-- SCRAPELINT ARGS]
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--eval", default=os.environ.get("SCRAPELINT_EVAL", str(DEFAULT_EVAL)))
    ap.add_argument("--files", nargs="*", help="cases files (default: every *.jsonl in --eval)")
    ap.add_argument(
        "--min", nargs="*", default=[], help="bars passed to score.py, e.g. boilerplate:f1:0.7"
    )
    ap.add_argument("--separate", action="store_true", help="also score each file on its own")
    args, extra = ap.parse_known_args()
    if extra and extra[0] == "--":
        extra = extra[1:]
    eval_dir = Path(args.eval)
    scorer = eval_dir / "score.py"
    if not scorer.exists():
        print(f"no scorer at {scorer}; pass --eval DIR", file=sys.stderr)
        return 2
    files = [Path(f) for f in args.files] if args.files else sorted(eval_dir.glob("*.jsonl"))
    cmd = " ".join(
        [
            shlex.quote(sys.executable),
            "-m",
            "scrapelint",
            "check",
            "--output-format",
            "json-lines",
            "--exit-zero",
            "--isolated",
            *map(shlex.quote, extra),
        ]
    )
    groups = [[f] for f in files] if args.separate or len(files) > 1 else []
    groups.append(files)
    rc = 0
    for group in groups:
        print(f"== {' + '.join(f.name for f in group)}", flush=True)
        p = subprocess.run(
            [
                sys.executable,
                str(scorer),
                *map(str, group),
                "--cmd",
                cmd,
                *(["--min", *args.min] if args.min else []),
            ]
        )
        rc = rc or p.returncode
        print(flush=True)
    return rc


if __name__ == "__main__":
    sys.exit(main())
