"""Suppressions kept outside the data, keyed by a fingerprint.

An article is data, so no ``noqa`` comment can go into it. Instead a
suppressions file lists the fingerprints of accepted diagnostics (the same
value as SARIF's ``partialFingerprints``): a hash of the rule, the path, the
record id, the field and the flagged text, plus an occurrence counter. Line
numbers are left out, so a suppression survives unrelated edits. Entries that
no longer match anything are reported, so the file does not rot.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from typing import Any

from scrapelint.diagnostics import Diagnostic
from scrapelint.document import Document
from scrapelint.errors import InputError
from scrapelint.jsonfile import read_tagged, write_tagged

FORMAT = "scrapelint-suppressions"
VERSION = 1


def fingerprint(d: Diagnostic, flagged: str, occurrence: int) -> str:
    """A hash stable when unrelated lines move: rule, normalised span text, path and id."""
    normalised = " ".join(flagged.split()).casefold()
    key = "\x1f".join([d.rule, d.path, d.id or "", d.field, normalised])
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    return f"{digest}:{occurrence}"


def field_text(doc: Document, field: str) -> str:
    return doc.text if field == "text" else (doc.title or "")


def fingerprints(doc: Document, diagnostics: Iterable[Diagnostic]) -> list[str]:
    """Fingerprints of a document's diagnostics, numbering identical spans in order."""
    seen: Counter[tuple[str, str, str]] = Counter()
    out: list[str] = []
    for d in diagnostics:
        flagged = field_text(doc, d.field)[d.start : d.end]
        key = (d.rule, d.field, " ".join(flagged.split()).casefold())
        seen[key] += 1
        out.append(fingerprint(d, flagged, seen[key]))
    return out


class Suppressions:
    """Loaded fingerprints, with a record of which ones matched during the run."""

    def __init__(self, path: str, entries: dict[str, dict[str, Any]]) -> None:
        self.path = path
        self.entries = entries
        self.used: set[str] = set()

    @classmethod
    def load(cls, path: str) -> Suppressions:
        data = read_tagged(path, FORMAT, "suppressions")
        items = data.get("suppressions")
        if not isinstance(items, list) or not all(
            isinstance(i, dict) and isinstance(i.get("fingerprint"), str) for i in items
        ):
            raise InputError(f"{path}: 'suppressions' must be a list of objects with a fingerprint")
        return cls(path, {i["fingerprint"]: i for i in items})

    def filter(self, doc: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        kept: list[Diagnostic] = []
        for d, fp in zip(diagnostics, fingerprints(doc, diagnostics), strict=True):
            if fp in self.entries:
                self.used.add(fp)
            else:
                kept.append(d)
        return kept

    @property
    def stale(self) -> list[dict[str, Any]]:
        return [e for fp, e in sorted(self.entries.items()) if fp not in self.used]


class SuppressionWriter:
    """Collects every diagnostic of a run and writes them as suppressions."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.entries: dict[str, dict[str, Any]] = {}

    def add(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        for d, fp in zip(diagnostics, fingerprints(doc, diagnostics), strict=True):
            self.entries[fp] = {
                "fingerprint": fp,
                "rule": d.rule,
                "path": d.path,
                "id": d.id,
                "message": d.message,
            }

    def save(self) -> int:
        items = [self.entries[k] for k in sorted(self.entries)]
        write_tagged(self.path, FORMAT, VERSION, {"suppressions": items})
        return len(items)
