"""``sarif``: one SARIF 2.1.0 log, for code-scanning dashboards.

Results are buffered because each one points into the run's rule array by
index, and the array lists only the rules that produced results (so the log
does not change when an unrelated rule is added to the pack). Columns count
code points (``columnKind: unicodeCodePoints``). A JSONL record has no
region of its own inside the file that matches the field's coordinates, so
its physical location is the record's line and the position within the field
goes into a logical location and the result's properties.
"""

from __future__ import annotations

import inspect
import json
from collections import Counter
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import quote

from scrapelint import __version__
from scrapelint.diagnostics import Diagnostic, Edit, Severity
from scrapelint.document import Document
from scrapelint.reporters.base import Reporter
from scrapelint.suppressions import fingerprint

if TYPE_CHECKING:
    from scrapelint.rule import Rule
    from scrapelint.runner import Summary

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://pypi.org/project/scrapelint/"
FINGERPRINT_KEY = "scrapelintSpanHash/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def level(severity: Severity) -> str:
    return LEVELS.get(severity, "warning")


def rule_descriptor(rule: type[Rule] | None, d: Diagnostic) -> dict[str, Any]:
    """A ``reportingDescriptor`` from the rule's class (its docstring is the description)."""
    if rule is None:
        return {
            "id": d.rule,
            "name": d.name,
            "shortDescription": {"text": d.name},
            "defaultConfiguration": {"level": level(d.severity)},
            "properties": {"category": d.category.value, "tags": [d.category.value]},
        }
    doc = inspect.cleandoc(rule.__doc__ or "")
    summary = doc.split("\n", 1)[0].strip() or rule.name
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc, "markdown": doc},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {
            "level": level(rule.severity),
            "enabled": bool(rule.enabled_by_default),
        },
        "properties": {
            "category": rule.category.value,
            "fixable": rule.fixable,
            "tags": [rule.category.value],
        },
    }


def _artifact(path: str) -> dict[str, Any]:
    """A relative path stays relative to the checkout (``%SRCROOT%``); absolute is a file URI."""
    uri = quote(path.replace("\\", "/"), safe="/")
    if uri.startswith("/"):
        return {"uri": "file://" + uri}
    return {"uri": uri, "uriBaseId": "%SRCROOT%"}


def _region(doc: Document, start: int, end: int) -> dict[str, Any]:
    line, column = doc.position(start)
    if end > start and doc.text[end - 1] in "\r\n":  # ends with a line break: next line, col 1
        end_line, end_column = doc.position(end - 1)[0] + 1, 1
    else:
        end_line, end_column = doc.end_position(start, end)
    return {
        "startLine": line,
        "startColumn": column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": start,
        "charLength": end - start,
    }


def _field_text(doc: Document, field: str) -> str:
    value = doc.text if field == "text" else getattr(doc, field, None)
    return value if isinstance(value, str) else ""


class SarifReporter(Reporter):
    """Collects results per document and writes the whole log at the end."""

    def __init__(self, out: IO[str], **kwargs: Any) -> None:
        super().__init__(out, **kwargs)
        self._results: list[dict[str, Any]] = []
        self._rules: dict[str, dict[str, Any]] = {}

    def document(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        seen: Counter[tuple[str, str, str]] = Counter()
        for d in diagnostics:
            if d.rule not in self._rules:
                rule = self.registry.get(d.rule) if self.registry is not None else None
                self._rules[d.rule] = rule_descriptor(rule, d)
            flagged = _field_text(doc, d.field)[d.start : d.end]
            key = (d.rule, d.field, " ".join(flagged.split()).casefold())
            seen[key] += 1
            self._results.append(self._result(doc, d, flagged, seen[key]))

    def _result(
        self, doc: Document, d: Diagnostic, flagged: str, occurrence: int
    ) -> dict[str, Any]:
        properties: dict[str, Any] = {"category": d.category.value, "name": d.name}
        if d.confidence is not None:
            properties["confidence"] = d.confidence
        location: dict[str, Any] = {"physicalLocation": {"artifactLocation": _artifact(d.path)}}
        in_file = d.record is None and d.field == "text"
        if in_file:
            location["physicalLocation"]["region"] = _region(doc, d.start, d.end)
        else:
            if d.record is not None:
                location["physicalLocation"]["region"] = {"startLine": d.record}
            properties.update(self._field_position(d))
            location["logicalLocations"] = [self._logical(d)]
        result: dict[str, Any] = {
            "ruleId": d.rule,
            "ruleIndex": -1,  # set in finish(), once every rule in use is known
            "level": level(d.severity),
            "message": {"text": d.message},
            "locations": [location],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint(d, flagged, occurrence)},
            "properties": properties,
        }
        if d.fix is not None:
            if in_file:
                result["fixes"] = [self._fix(doc, d)]
            else:  # field offsets are not file offsets: keep the fix as data
                properties["fix"] = d.fix.to_dict()
        return result

    @staticmethod
    def _field_position(d: Diagnostic) -> dict[str, Any]:
        out: dict[str, Any] = {"field": d.field}
        if d.record is not None:
            out["record"] = d.record
        if d.id is not None:
            out["id"] = d.id
        out.update(
            start=d.start,
            end=d.end,
            line=d.line,
            column=d.column,
            endLine=d.end_line,
            endColumn=d.end_column,
        )
        return out

    @staticmethod
    def _logical(d: Diagnostic) -> dict[str, Any]:
        record = "" if d.record is None else f"record {d.record}"
        ident = "" if d.id is None else f"id {d.id}"
        name = " ".join(p for p in (record, ident, d.field) if p)
        return {
            "name": name,
            "fullyQualifiedName": f"{d.path}:{name}:{d.line}:{d.column}",
            "kind": "element",
        }

    def _fix(self, doc: Document, d: Diagnostic) -> dict[str, Any]:
        assert d.fix is not None
        suffix = "" if d.fix.is_safe else " (unsafe fix)"
        return {
            "description": {"text": d.fix.message + suffix},
            "artifactChanges": [
                {
                    "artifactLocation": _artifact(d.path),
                    "replacements": [self._replacement(doc, e) for e in d.fix.edits],
                }
            ],
        }

    @staticmethod
    def _replacement(doc: Document, edit: Edit) -> dict[str, Any]:
        # An insertion is a zero-length region (end_position of an empty span is its start).
        out: dict[str, Any] = {"deletedRegion": _region(doc, edit.start, edit.end)}
        if edit.content:
            out["insertedContent"] = {"text": edit.content}
        return out

    def finish(self, summary: Summary) -> None:
        codes = sorted(self._rules)
        index = {code: i for i, code in enumerate(codes)}
        for result in self._results:
            result["ruleIndex"] = index[result["ruleId"]]
        invocation: dict[str, Any] = {"executionSuccessful": not summary.problems}
        if summary.problems:
            invocation["toolExecutionNotifications"] = [
                {"level": "error", "message": {"text": problem}} for problem in summary.problems
            ]
        log = {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "scrapelint",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI,
                            "rules": [self._rules[code] for code in codes],
                        }
                    },
                    "invocations": [invocation],
                    "columnKind": "unicodeCodePoints",
                    "results": self._results,
                }
            ],
        }
        json.dump(log, self.out, indent=2, ensure_ascii=False)
        self.out.write("\n")
