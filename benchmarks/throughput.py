#!/usr/bin/env python3
"""Throughput of scrapelint on a large JSONL corpus.

Builds (once, cached under benchmarks/out/) a corpus of at least ``--mb``
megabytes by tiling the article texts of ../shared/eval/*.jsonl (or any JSONL
given with --source), then reports:

- documents/s and MB/s per core with the default rule set (``--jobs 1``);
- the time each rule family adds (run with only that family selected);
- the speed-up of ``--jobs 2`` over ``--jobs 1``;
- with ``--corpus-mode``, the default corpus mode of a JSONL file too (a collect pass for
  BP101 before the check pass); the other figures are single-document (``--corpus off``).

``--repeat N`` runs each timing N times and reports the median and the range (a shared
VM varies by several percent from one run to the next). ``--python`` runs the CLI under
another interpreter that has scrapelint installed: CPython builds differ in speed by
20% or more (a build without profile-guided optimisation, as pyenv makes by default,
is slower than a distribution's optimised build), so say which one a figure is for.

MB are megabytes of article text (UTF-8), not of the JSONL file. Timings run the
real CLI in a subprocess with json-lines output to /dev/null, so start-up, reading,
parsing and reporting are all included. Tiled copies of a text are distinct
documents to scrapelint: no cache keyed on a document's or paragraph's text may
exist, or the tiling would fake a speed-up.

    python benchmarks/throughput.py [--mb 50] [--source a.jsonl ...] [--families]
                                    [--jobs 2] [--corpus-mode] [--repeat 3]
                                    [--python /usr/bin/python3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
DEFAULT_SOURCES = sorted((ROOT.parent / "shared" / "eval").glob("*.jsonl"))
FAMILIES = ("BP", "DUP", "OT", "SEN")


def build_corpus(sources: list[Path], mb: float) -> Path:
    target = OUT / f"corpus-{int(mb)}mb.jsonl"
    if target.exists() and target.stat().st_size >= mb * 1e6:
        return target
    OUT.mkdir(parents=True, exist_ok=True)
    records = []
    for src in sources:
        with open(src, encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                records.append({k: r[k] for k in ("id", "title", "url", "text") if k in r})
    if not records:
        sys.exit("no source records")
    size = 0
    copy = 0
    with open(target, "w", encoding="utf-8") as out:
        while size < mb * 1e6:
            for r in records:
                rec = dict(r, id=f"{r.get('id')}#{copy}")
                line = json.dumps(rec, ensure_ascii=False) + "\n"
                out.write(line)
                size += len(line.encode("utf-8"))
            copy += 1
    return target


def run(corpus: Path, *args: str, corpus_mode: str = "off", python: str = sys.executable) -> float:
    cmd = [
        python,
        "-m",
        "scrapelint",
        "check",
        "--isolated",
        "--exit-zero",
        "--output-format",
        "json-lines",
        "--corpus",
        corpus_mode,
        *args,
        str(corpus),
    ]
    t0 = time.perf_counter()
    with open(os.devnull, "w") as devnull:
        proc = subprocess.run(cmd, stdout=devnull, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.exit(f"scrapelint failed: {proc.stderr[-2000:]}")
    return dt


class Timer:
    """Runs the CLI ``repeat`` times per figure; reports the median and the range."""

    def __init__(self, corpus: Path, python: str, repeat: int) -> None:
        self.corpus, self.python, self.repeat = corpus, python, repeat

    def __call__(self, *args: str, corpus_mode: str = "off") -> float:
        times = [
            run(self.corpus, *args, corpus_mode=corpus_mode, python=self.python)
            for _ in range(self.repeat)
        ]
        self.last = times
        return statistics.median(times)

    def spread(self, mb: float) -> str:
        """The range of the last figure's runs in MB/s, when it was run more than once."""
        if len(self.last) < 2:
            return ""
        return f" (runs: {mb / max(self.last):.2f}-{mb / min(self.last):.2f} MB/s)"


def text_megabytes(corpus: Path) -> tuple[int, float]:
    docs, chars = 0, 0
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            docs += 1
            chars += len(json.loads(line)["text"].encode("utf-8"))
    return docs, chars / 1e6


def precompile(python: str) -> None:
    """Byte-compile scrapelint's modules for ``python``, as installing a wheel does.

    An editable install compiles them on first import, but where PYTHONDONTWRITEBYTECODE is
    set (as on this project's machines) every run would compile them again: 0.3-0.4 s of
    start-up that an installed copy never pays.
    """
    probe = (
        "import os, scrapelint, scrapelint_rules; "
        "print(*(os.path.dirname(m.__file__) for m in (scrapelint, scrapelint_rules)), sep='\\n')"
    )
    proc = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=True)
    dirs = proc.stdout.split()
    subprocess.run([python, "-m", "compileall", "-q", *dirs], check=True, capture_output=True)


def interpreter_version(python: str) -> str:
    """Version of ``python`` and how its core is linked: a core in a shared libpython built
    with -fPIC (pyenv's default) runs this workload about 20% slower than one linked into
    the executable (Debian's python3)."""
    probe = (
        "import platform, sys; "
        "maps = open('/proc/self/maps').read() if sys.platform == 'linux' else None; "
        "print(platform.python_version(), "
        "'linking unknown' if maps is None else "
        "'core in a shared libpython' if 'libpython' in maps else 'core linked in')"
    )
    proc = subprocess.run([python, "-c", probe], capture_output=True, text=True)
    return proc.stdout.strip() or "unknown"


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    ap.add_argument("--source", nargs="*", type=Path, default=DEFAULT_SOURCES)
    ap.add_argument("--families", action="store_true", help="also time each rule family alone")
    ap.add_argument("--jobs", type=int, default=2, help="worker count for the speed-up figure")
    ap.add_argument(
        "--corpus-mode",
        action="store_true",
        help="also time the default corpus mode of a JSONL file (BP101's collect pass)",
    )
    ap.add_argument("--repeat", type=int, default=1, help="runs per figure (median reported)")
    ap.add_argument(
        "--python",
        default=sys.executable,
        help="interpreter to run the CLI with (it must have scrapelint installed)",
    )
    args = ap.parse_args()
    corpus = build_corpus(list(args.source), args.mb)
    docs, mb = text_megabytes(corpus)
    file_mb = corpus.stat().st_size / 1e6
    print(f"corpus: {corpus} ({docs} documents, {mb:.1f} MB of text, {file_mb:.1f} MB file)")
    print(f"python: {args.python} ({interpreter_version(args.python)})")
    precompile(args.python)
    run = Timer(corpus, args.python, max(1, args.repeat))
    t1 = run("--jobs", "1")
    print(
        f"default rules, --jobs 1: {t1:.1f} s  {docs / t1:,.0f} docs/s  "
        f"{mb / t1:.2f} MB/s per core{run.spread(mb)}"
    )
    if args.corpus_mode:
        tc = run("--jobs", "1", corpus_mode="auto")
        print(
            f"default rules with corpus mode (BP101, two passes), --jobs 1: {tc:.1f} s  "
            f"{mb / tc:.2f} MB/s per core{run.spread(mb)}"
        )
    if args.families:
        base = run("--jobs", "1", "--select", "DUP001", "--ignore", "DUP001")
        print(f"  reading and parsing only: {base:.1f} s")
        for fam in FAMILIES:
            try:
                t = run("--jobs", "1", "--select", fam)
            except SystemExit as exc:
                print(f"  {fam}: skipped ({str(exc)[:80]})")
                continue
            print(f"  {fam:<4} adds {t - base:6.1f} s  ({mb / max(t - base, 1e-9):.2f} MB/s alone)")
    if args.jobs > 1:
        tj = run("--jobs", str(args.jobs))
        speedup = t1 / tj
        rate = mb / tj
        print(
            f"default rules, --jobs {args.jobs}: {tj:.1f} s  {rate:.2f} MB/s  x{speedup:.2f}"
            f"{run.spread(mb)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
