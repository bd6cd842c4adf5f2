"""``scrapelint clean``: stream JSONL records out with safe fixes applied and a score."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def add_clean_parser(sub: Any, add_input: Callable[..., None], add_selection: Callable[..., None]) -> None:
    clean = sub.add_parser("clean", help="write cleaned JSONL records with a quality score")
    clean.add_argument("input", nargs="?", default="-", help="JSONL input (default: stdin)")
    add_input(clean, paths=False)
    add_selection(clean)
    clean.add_argument("-o", "--output", default="-", help="JSONL output (default: stdout)")
    clean.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    clean.add_argument("--drop-below", type=float, help="drop records scoring below this (0-100)")
    clean.add_argument("--rejects", help="write dropped records here")


def cmd_clean(args: argparse.Namespace) -> int:
    from scrapelint.errors import UsageError

    raise UsageError("scrapelint clean is not available yet")
