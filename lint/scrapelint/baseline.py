"""The corpus baseline file: saved corpus statistics, so a single-file run
(pre-commit) still knows what recurs across a site's documents.

The file is JSON with sorted keys and one entry per line inside each rule's
section, so it is deterministic, diff-friendly and easy to merge:
``scrapelint baseline merge a.json b.json -o out.json`` combines two files
with each rule's own ``merge``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from scrapelint.atomic import atomic_write
from scrapelint.errors import InputError

if TYPE_CHECKING:
    from scrapelint.linter import CorpusState, Linter

FORMAT = "scrapelint-baseline"
VERSION = 1


def dumps(linter: Linter, state: CorpusState) -> str:
    rules = {r.code: r.dump(state[r.code]) for r in linter.corpus_rules if r.code in state}
    doc = {"format": FORMAT, "version": VERSION, "rules": rules}
    return json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def save_baseline(path: str, linter: Linter, state: CorpusState) -> None:
    atomic_write(path, dumps(linter, state).encode("utf-8"))


def load_baseline(path: str, linter: Linter) -> CorpusState:
    try:
        with open(path, encoding="utf-8") as fh:
            data: Any = json.load(fh)
    except OSError as exc:
        raise InputError(f"{path}: cannot read baseline: {exc.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: baseline is not valid JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"{path}: not a scrapelint baseline file")
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
