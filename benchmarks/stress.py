#!/usr/bin/env python3
"""Stress run: a million tiny JSONL records through ``scrapelint check``.

Shows that memory stays bounded (streaming, a bounded window of chunks in
flight) and that every record comes out, in order. Prints wall time, records
per second and the peak resident memory of the whole process tree.

    python benchmarks/stress.py [--records 1000000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def build(n: int) -> Path:
    path = OUT / f"tiny-{n}.jsonl"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = (
                f"Record {i} of the stress run.\nIt has two short lines." if i % 10 else "Read more"
            )
            fh.write(json.dumps({"id": i, "text": text}) + "\n")
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    path = build(args.records)
    cmd = [
        sys.executable,
        "-m",
        "scrapelint",
        "check",
        "--isolated",
        "--exit-zero",
        "--corpus",
        "off",
        "--output-format",
        "json-lines",
        "--jobs",
        str(args.jobs),
        str(path),
    ]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    last = -1
    rows = 0
    in_order = True
    assert proc.stdout is not None
    for line in proc.stdout:
        record = json.loads(line)["record"]
        in_order = in_order and record >= last
        last = record
        rows += 1
    proc.wait()
    dt = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rate = args.records / dt
    print(f"{args.records:,} records, --jobs {args.jobs}: {dt:.1f} s, {rate:,.0f} records/s")
    print(f"diagnostics: {rows:,} (in record order: {in_order})", end="; ")
    print(f"peak RSS of one process: {peak_mb:.0f} MB")
    print(
        f"exit code {proc.returncode}; stderr: {proc.stderr.read()[-300:] if proc.stderr else ''}"
    )
    return 0 if proc.returncode == 0 and in_order else 1


if __name__ == "__main__":
    sys.exit(main())
