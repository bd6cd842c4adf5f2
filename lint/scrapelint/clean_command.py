"""``scrapelint clean``: stream JSONL records out with fixes applied and a quality score.

Each record keeps every field byte-for-byte except ``text`` (fixed) and a
``scrapelint`` object that is added: ``{"score": 0-100, "fixed": N,
"diagnostics": [...]}``. With ``--drop-below`` low-scoring records go to
``--rejects`` instead of the output: never silently lost. Lines that are not
valid records are reported on stderr and passed through unchanged (to the
rejects file when there is one), so record order and data are preserved.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import IO, Any, cast

from scrapelint.errors import UsageError
from scrapelint.inputs import STDIN, InputProblem, open_jsonl, parse_record


def add_clean_parser(
    sub: Any, add_input: Callable[..., None], add_selection: Callable[..., None]
) -> None:
    clean = sub.add_parser("clean", help="write cleaned JSONL records with a quality score")
    clean.add_argument("input", nargs="?", default="-", help="JSONL input (default: stdin)")
    add_input(clean, paths=False)
    add_selection(clean)
    clean.add_argument("-o", "--output", default="-", help="JSONL output (default: stdout)")
    clean.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    clean.add_argument(
        "--drop-below", type=float, metavar="SCORE", help="drop records scoring below this (0-100)"
    )
    clean.add_argument(
        "--rejects", metavar="FILE", help="where dropped records go (required with --drop-below)"
    )


def _open_out(path: str, stack: ExitStack) -> IO[bytes]:
    if path == "-":
        return sys.stdout.buffer
    if path.endswith(".gz"):
        import gzip

        return cast(IO[bytes], stack.enter_context(gzip.open(path, "wb")))
    return stack.enter_context(open(path, "wb"))


def cmd_clean(args: argparse.Namespace) -> int:
    from scrapelint.cli import config_from_args, resolve_jobs
    from scrapelint.jsonl import replace_field, set_field_raw
    from scrapelint.linter import Linter, annotation
    from scrapelint.parallel import Job, Task, process

    if args.drop_below is not None and not args.rejects:
        raise UsageError("--drop-below needs --rejects FILE, so dropped records are kept somewhere")
    if args.drop_below is not None and not 0 <= args.drop_below <= 100:
        raise UsageError("--drop-below takes a score from 0 to 100")
    args.paths = [args.input]
    config = config_from_args(args)
    linter = Linter(config)
    fields = config.fields
    shown = "-" if args.input == STDIN else args.input
    problems: list[str] = []
    counts = {"records": 0, "dropped": 0, "fixed": 0}

    def items(lines: Any) -> Iterator[tuple[Job | None, tuple[int, bytes, Any]]]:
        for number, raw in enumerate(lines, 1):
            parsed = parse_record(shown, number, raw, fields)
            if isinstance(parsed, tuple):
                yield Job.of(parsed[1]), (number, raw, parsed[1])
            else:
                if isinstance(parsed, InputProblem):
                    problems.append(str(parsed))
                yield None, (number, raw, None)

    task = Task("fix", unsafe=args.unsafe_fixes)
    with ExitStack() as stack:
        try:
            source = (
                sys.stdin.buffer
                if args.input == STDIN
                else stack.enter_context(open_jsonl(args.input))
            )
        except OSError as exc:
            raise UsageError(f"{args.input}: cannot read: {exc.strerror}") from None
        out = _open_out(args.output, stack)
        rejects = _open_out(args.rejects, stack) if args.rejects else None
        for (_, raw, doc), result in process(linter, task, items(source), resolve_jobs(args.jobs)):
            if result is None or doc is None:
                (rejects or out).write(raw if raw.endswith(b"\n") else raw + b"\n")
                continue
            if result.error or result.outcome is None:
                problems.append(str(result.error))
                (rejects or out).write(raw)
                continue
            outcome = result.outcome
            note = annotation(outcome)
            score = note["score"]
            line = replace_field(raw, fields.text, outcome.text) if outcome.changed else raw
            line = set_field_raw(line, "scrapelint", json.dumps(note, ensure_ascii=line.isascii()))
            counts["records"] += 1
            counts["fixed"] += len(outcome.applied)
            if args.drop_below is not None and score < args.drop_below:
                counts["dropped"] += 1
                assert rejects is not None
                rejects.write(line)
            else:
                out.write(line)
    for p in problems:
        print(f"scrapelint: error: {p}", file=sys.stderr)
    print(
        f"cleaned {counts['records']} records: {counts['fixed']} fixes applied, "
        f"{counts['dropped']} dropped",
        file=sys.stderr,
    )
    return 2 if problems else 0
