"""Running a check over inputs: reading, corpus passes, fixing and reporting.

The runner walks the inputs once per pass. Corpus rules get a first pass
that collects per-document summaries and merges them (optionally with a
saved baseline); the second pass checks every document. Inputs that cannot
be read are reported with their location and the run goes on.
"""

from __future__ import annotations

import difflib
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from scrapelint.baseline import load_baseline, save_baseline
from scrapelint.diagnostics import Diagnostic, Severity
from scrapelint.document import Document
from scrapelint.errors import RuleCrash
from scrapelint.fixer import FixOutcome
from scrapelint.inputs import (
    STDIN,
    FieldNames,
    InputProblem,
    decode_text,
    discover,
    is_jsonl,
    open_jsonl,
    parse_record,
    read_bytes,
)
from scrapelint.jsonl import replace_field
from scrapelint.linter import CorpusState, Linter
from scrapelint.atomic import atomic_write


@dataclass
class RunOptions:
    paths: list[str]
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    fail_level: str = "info"
    corpus: str = "auto"
    baseline: str | None = None
    write_baseline: str | None = None
    stdin_filename: str | None = None


@dataclass
class Summary:
    documents: int = 0
    diagnostics: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_severity: Counter[str] = field(default_factory=Counter)
    fixable: int = 0
    unsafe_fixable: int = 0
    fixed: int = 0
    problems: list[str] = field(default_factory=list)
    files_changed: int = 0
    corpus_documents: int = 0
    failing: int = 0

    def add(self, diagnostics: list[Diagnostic], fail_rank: int) -> None:
        for d in diagnostics:
            self.diagnostics += 1
            self.by_rule[d.rule] += 1
            self.by_category[d.category.value] += 1
            self.by_severity[d.severity.value] += 1
            if d.fix is not None:
                if d.fix.is_safe:
                    self.fixable += 1
                else:
                    self.unsafe_fixable += 1
            if d.severity.rank >= fail_rank:
                self.failing += 1


class _Stdin:
    """Standard input read once and kept, so several passes can read it."""

    def __init__(self) -> None:
        self._data: bytes | None = None

    def read(self) -> bytes:
        if self._data is None:
            self._data = sys.stdin.buffer.read()
        return self._data


class Runner:
    def __init__(self, linter: Linter, options: RunOptions, reporter: Any, diff_out: IO[str] | None = None) -> None:
        self.linter = linter
        self.options = options
        self.reporter = reporter
        self.fields: FieldNames = linter.config.fields
        self.summary = Summary()
        self.stdin = _Stdin()
        self.diff_out = diff_out or sys.stdout
        self.fail_rank = Severity(options.fail_level).rank

    # -- documents ----------------------------------------------------------

    def _files(self) -> list[str]:
        files: list[str] = []
        for item in discover(self.options.paths, self.linter.config.include, self.linter.config.exclude):
            if isinstance(item, InputProblem):
                self.summary.problems.append(str(item))
            else:
                files.append(item)
        return files

    def _display(self, path: str) -> str:
        if path == STDIN:
            return self.options.stdin_filename or "-"
        return path

    def _stdin_is_jsonl(self) -> bool:
        name = self.options.stdin_filename
        if name:
            return is_jsonl(name)
        data = self.stdin.read().lstrip()
        return data.startswith(b"{")

    def _is_jsonl(self, path: str) -> bool:
        return self._stdin_is_jsonl() if path == STDIN else is_jsonl(path)

    def iter_documents(self, path: str, report: bool) -> Iterator[tuple[Document, Any]]:
        """Documents of one input, with what a fix needs to write them back."""
        shown = self._display(path)
        if self._is_jsonl(path):
            yield from self._iter_records(path, shown, report)
            return
        try:
            raw = self.stdin.read() if path == STDIN else read_bytes(path)
        except OSError as exc:
            if report:
                self.summary.problems.append(f"{shown}: cannot read: {exc.strerror}")
            return
        decoded = decode_text(shown, raw)
        if isinstance(decoded, InputProblem):
            if report:
                self.summary.problems.append(str(decoded))
            return
        text, encoding, bom = decoded
        yield Document(text, path=shown), (encoding, bom)

    def _iter_records(self, path: str, shown: str, report: bool) -> Iterator[tuple[Document, Any]]:
        try:
            if path == STDIN:
                lines: Any = self.stdin.read().splitlines(keepends=True)
            else:
                lines = open_jsonl(path)
        except OSError as exc:
            if report:
                self.summary.problems.append(f"{shown}: cannot read: {exc.strerror}")
            return
        try:
            for number, raw in enumerate(lines, 1):
                parsed = parse_record(shown, number, raw, self.fields)
                if parsed is None:
                    continue
                if isinstance(parsed, InputProblem):
                    if report:
                        self.summary.problems.append(str(parsed))
                    continue
                obj, doc = parsed
                ignore = obj.get(self.fields.ignore)
                codes = tuple(ignore) if isinstance(ignore, list) else ((ignore,) if isinstance(ignore, str) else ())
                yield doc, (number, raw, codes)
        except (OSError, EOFError) as exc:
            if report:
                self.summary.problems.append(f"{shown}: read error: {exc}")
        finally:
            if hasattr(lines, "close"):
                lines.close()

    # -- corpus pass ----------------------------------------------------------

    def _corpus_state(self, files: list[str]) -> CorpusState | None:
        linter = self.linter
        if not linter.has_corpus_rules or self.options.corpus == "off":
            return None
        state = linter.empty_corpus()
        if self.options.baseline and os.path.exists(self.options.baseline):
            state = linter.merge(state, load_baseline(self.options.baseline, linter))
        count = 0
        for path in files:
            for doc, _ in self.iter_documents(path, report=False):
                state = linter.merge(state, linter.collect(doc))
                count += 1
        self.summary.corpus_documents = count
        if self.options.write_baseline:
            save_baseline(self.options.write_baseline, linter, state)
        if self.options.corpus == "auto" and count < 2 and not self.options.baseline:
            return None
        return state

    # -- main pass -------------------------------------------------------------

    def run(self) -> Summary:
        files = self._files()
        corpus = self._corpus_state(files)
        self.reporter.start()
        for path in files:
            if self._is_jsonl(path):
                self._run_jsonl(path, corpus)
            else:
                self._run_text(path, corpus)
        self.reporter.finish(self.summary)
        return self.summary

    def _check(self, doc: Document, corpus: CorpusState | None, ignore: tuple[str, ...] = ()) -> list[Diagnostic] | None:
        try:
            return self.linter.check(doc, corpus, ignore)
        except RuleCrash as exc:
            self.summary.problems.append(f"internal error: {exc}")
            return None

    def _fix(self, doc: Document, corpus: CorpusState | None, ignore: tuple[str, ...] = ()) -> FixOutcome | None:
        try:
            return self.linter.fix(doc, unsafe=self.options.unsafe_fixes, corpus=corpus, ignore=ignore)
        except RuleCrash as exc:
            self.summary.problems.append(f"internal error: {exc}")
            return None

    def _emit(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        self.summary.documents += 1
        self.summary.add(diagnostics, self.fail_rank)
        self.reporter.document(doc, diagnostics)

    @property
    def _fixing(self) -> bool:
        return self.options.fix or self.options.diff

    def _run_text(self, path: str, corpus: CorpusState | None) -> None:
        for doc, (encoding, bom) in self.iter_documents(path, report=True):
            if not self._fixing:
                diags = self._check(doc, corpus)
                if diags is not None:
                    self._emit(doc, diags)
                continue
            outcome = self._fix(doc, corpus)
            if outcome is None:
                continue
            self.summary.fixed += len(outcome.applied)
            self._emit(doc, outcome.remaining if self.options.fix else self._check(doc, corpus) or [])
            if not outcome.changed:
                continue
            if self.options.diff:
                self._print_diff(doc.path, doc.text, outcome.text)
            elif path == STDIN:
                sys.stdout.write(outcome.text)
            else:
                data = bom + outcome.text.encode(encoding)
                try:
                    atomic_write(path, data)
                    self.summary.files_changed += 1
                except OSError as exc:
                    self.summary.problems.append(f"{path}: cannot write fix: {exc.strerror}")

    def _run_jsonl(self, path: str, corpus: CorpusState | None) -> None:
        if not self._fixing:
            for doc, (_, _, ignore) in self.iter_documents(path, report=True):
                diags = self._check(doc, corpus, ignore)
                if diags is not None:
                    self._emit(doc, diags)
            return
        changed: dict[int, bytes] = {}
        for doc, (number, raw, ignore) in self.iter_documents(path, report=True):
            outcome = self._fix(doc, corpus, ignore)
            if outcome is None:
                continue
            self.summary.fixed += len(outcome.applied)
            self._emit(doc, outcome.remaining if self.options.fix else self._check(doc, corpus, ignore) or [])
            if outcome.changed:
                if self.options.diff:
                    self._print_diff(f"{doc.path}:{number}", doc.text, outcome.text)
                else:
                    changed[number] = replace_field(raw, self.fields.text, outcome.text)
        if changed and self.options.fix:
            self._rewrite_jsonl(path, changed)

    def _rewrite_jsonl(self, path: str, changed: dict[int, bytes]) -> None:
        if path == STDIN:
            for number, raw in enumerate(self.stdin.read().splitlines(keepends=True), 1):
                sys.stdout.buffer.write(changed.get(number, raw))
            sys.stdout.flush()
            return
        try:
            with open_jsonl(path) as src, tempfile.SpooledTemporaryFile(max_size=64 << 20) as tmp:
                for number, raw in enumerate(src, 1):
                    tmp.write(changed.get(number, raw))
                tmp.seek(0)
                data = tmp.read()
            if path.endswith(".gz"):
                import gzip

                data = gzip.compress(data, mtime=0)
            atomic_write(path, data)
            self.summary.files_changed += 1
        except OSError as exc:
            self.summary.problems.append(f"{path}: cannot write fix: {exc.strerror}")

    def _print_diff(self, name: str, before: str, after: str) -> None:
        diff = difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
        for line in diff:
            self.diff_out.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
