"""The corpus baseline file: saved corpus statistics, so a single-file run
(pre-commit) still knows what recurs across a site's documents.

The file is JSON with sorted keys and one entry per line inside each rule's
section, so it is deterministic, diff-friendly and easy to merge:
``scrapelint baseline merge a.json b.json -o out.json`` combines two files
with each rule's own ``merge``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapelint.atomic import atomic_write
from scrapelint.errors import InputError
from scrapelint.jsonfile import dumps_tagged, read_tagged

if TYPE_CHECKING:
    from scrapelint.linter import CorpusState, Linter

FORMAT = "scrapelint-baseline"
VERSION = 1


def dumps(linter: Linter, state: CorpusState) -> str:
    rules = {r.code: r.dump(state[r.code]) for r in linter.corpus_rules if r.code in state}
    return dumps_tagged(FORMAT, VERSION, {"rules": rules})


def save_baseline(path: str, linter: Linter, state: CorpusState) -> None:
    atomic_write(path, dumps(linter, state).encode("utf-8"))


def load_baseline(path: str, linter: Linter) -> CorpusState:
    data = read_tagged(path, FORMAT, "baseline")
    if data.get("version") != VERSION:
        raise InputError(f"{path}: baseline version {data.get('version')!r} is not supported")
    rules = data.get("rules", {})
    state: CorpusState = {}
    for r in linter.corpus_rules:
        if r.code in rules:
            try:
                state[r.code] = r.load(rules[r.code])
            except (KeyError, TypeError, ValueError) as exc:
                raise InputError(f"{path}: section {r.code} is malformed: {exc}") from None
    return state
