"""Running a check over inputs: reading, corpus passes, fixing and reporting.

The runner walks the inputs once per pass. Corpus rules get a first pass
that collects per-document summaries and merges them (optionally with a
saved baseline); the second pass checks every document. Documents from all
inputs flow through :func:`scrapelint.parallel.process`, in order, so
``--jobs`` parallelises across files and records alike. Inputs that cannot
be read are reported with their location and the run goes on.
"""

from __future__ import annotations

import difflib
import gzip
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from scrapelint.atomic import atomic_write
from scrapelint.baseline import load_baseline, save_baseline
from scrapelint.diagnostics import Diagnostic, Severity
from scrapelint.document import Document
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
from scrapelint.parallel import Job, Result, Task, process
from scrapelint.suppressions import Suppressions, SuppressionWriter


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
    jobs: int = 1
    progress: bool = False
    suppressions: str | None = None
    write_suppressions: str | None = None


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
    suppressed: int = 0
    notes: list[str] = field(default_factory=list)

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


@dataclass
class _Item:
    """Where a document (or a pass-through JSONL line) came from."""

    path: str
    kind: str  # "text" | "record" | "raw"
    doc: Document | None = None
    raw: bytes = b""
    number: int = 0
    encoding: str = "utf-8"
    bom: bytes = b""
    ignore: tuple[str, ...] = ()


class _Stdin:
    """Standard input read once and kept, so several passes can read it."""

    def __init__(self) -> None:
        self._data: bytes | None = None

    def read(self) -> bytes:
        if self._data is None:
            self._data = sys.stdin.buffer.read()
        return self._data


class _JsonlWriter:
    """Streams a fixed copy of a JSONL file to a temporary file, then swaps it in."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.changed = False
        directory = os.path.dirname(os.path.realpath(path)) or "."
        self.tmp = tempfile.SpooledTemporaryFile(max_size=64 << 20, dir=directory)  # noqa: SIM115

    def write(self, data: bytes, changed: bool = False) -> None:
        self.tmp.write(data)
        self.changed = self.changed or changed

    def finish(self, to_stdout: bool) -> bool:
        """Replace the file (or print to stdout) if anything changed; True when written."""
        try:
            if not self.changed:
                return False
            self.tmp.seek(0)
            data = self.tmp.read()
            if to_stdout:
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
                return True
            if self.path.endswith(".gz"):
                data = gzip.compress(data, mtime=0)
            atomic_write(self.path, data)
            return True
        finally:
            self.tmp.close()


class Runner:
    def __init__(
        self, linter: Linter, options: RunOptions, reporter: Any, diff_out: IO[str] | None = None
    ) -> None:
        self.linter = linter
        self.options = options
        self.reporter = reporter
        self.fields: FieldNames = linter.config.fields
        self.summary = Summary()
        self.stdin = _Stdin()
        self.diff_out = diff_out or sys.stdout
        self.fail_rank = Severity(options.fail_level).rank
        self._files_cache: list[str] | None = None
        self.suppressions = (
            Suppressions.load(options.suppressions) if options.suppressions else None
        )
        self.suppression_writer = (
            SuppressionWriter(options.write_suppressions) if options.write_suppressions else None
        )

    # -- inputs ---------------------------------------------------------------

    def files(self) -> list[str]:
        if self._files_cache is None:
            files: list[str] = []
            for item in discover(
                self.options.paths, self.linter.config.include, self.linter.config.exclude
            ):
                if isinstance(item, InputProblem):
                    self.summary.problems.append(str(item))
                else:
                    files.append(item)
            self._files_cache = files
        return self._files_cache

    def _display(self, path: str) -> str:
        return (self.options.stdin_filename or "-") if path == STDIN else path

    def _is_jsonl(self, path: str) -> bool:
        if path != STDIN:
            return is_jsonl(path)
        if self.options.stdin_filename:
            return is_jsonl(self.options.stdin_filename)
        return self.stdin.read().lstrip().startswith(b"{")

    def _items(self, report: bool, passthrough: bool) -> Iterator[_Item]:
        """Every document of every input, in order; with ``passthrough`` also
        the JSONL lines that are not documents (so a fix can keep them)."""
        for path in self.files():
            if self._is_jsonl(path):
                yield from self._record_items(path, report, passthrough)
            else:
                yield from self._text_items(path, report)

    def _problem(self, report: bool, message: str) -> None:
        if report:
            self.summary.problems.append(message)

    def _text_items(self, path: str, report: bool) -> Iterator[_Item]:
        shown = self._display(path)
        try:
            raw = self.stdin.read() if path == STDIN else read_bytes(path)
        except OSError as exc:
            self._problem(report, f"{shown}: cannot read: {exc.strerror}")
            return
        decoded = decode_text(shown, raw)
        if isinstance(decoded, InputProblem):
            self._problem(report, str(decoded))
            return
        text, encoding, bom = decoded
        yield _Item(path, "text", Document(text, path=shown), encoding=encoding, bom=bom)

    def _record_items(self, path: str, report: bool, passthrough: bool) -> Iterator[_Item]:
        shown = self._display(path)
        try:
            lines: Any = (
                self.stdin.read().splitlines(keepends=True) if path == STDIN else open_jsonl(path)
            )
        except OSError as exc:
            self._problem(report, f"{shown}: cannot read: {exc.strerror}")
            return
        try:
            for number, raw in enumerate(lines, 1):
                parsed = parse_record(shown, number, raw, self.fields)
                if isinstance(parsed, tuple):
                    obj, doc = parsed
                    ignore = obj.get(self.fields.ignore)
                    codes = (
                        tuple(c for c in ignore if isinstance(c, str))
                        if isinstance(ignore, list)
                        else ((ignore,) if isinstance(ignore, str) else ())
                    )
                    yield _Item(path, "record", doc, raw=raw, number=number, ignore=codes)
                    continue
                if isinstance(parsed, InputProblem):
                    self._problem(report, str(parsed))
                if passthrough:
                    yield _Item(path, "raw", raw=raw, number=number)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            self._problem(report, f"{shown}: read error: {exc}")
        finally:
            if hasattr(lines, "close"):
                lines.close()

    @staticmethod
    def _job(item: _Item) -> Job | None:
        return None if item.doc is None else Job.of(item.doc, item.ignore)

    # -- corpus pass ------------------------------------------------------------

    def corpus_state(self) -> CorpusState | None:
        linter = self.linter
        if not linter.has_corpus_rules or self.options.corpus == "off":
            return None
        state = linter.empty_corpus()
        if self.options.baseline and os.path.exists(self.options.baseline):
            state = linter.merge(state, load_baseline(self.options.baseline, linter))
        task = Task("collect")
        items = (
            (self._job(item), None)
            for item in self._counted(self._items(report=False, passthrough=False))
        )
        for _, result in process(linter, task, items, self.options.jobs):
            if result is None:
                continue
            if result.error:
                self.summary.problems.append(str(result.error))
                continue
            assert result.corpus is not None
            state = linter.merge(state, result.corpus)
        count = self.summary.corpus_documents = self._count
        if self.options.write_baseline:
            save_baseline(self.options.write_baseline, linter, state)
        if self.options.corpus == "auto" and count < 2 and not self.options.baseline:
            return None
        return state

    def _counted(self, items: Iterator[_Item]) -> Iterator[_Item]:
        self._count = 0
        for item in items:
            self._count += 1
            yield item

    # -- main pass --------------------------------------------------------------

    @property
    def _fixing(self) -> bool:
        return self.options.fix or self.options.diff

    def run(self) -> Summary:
        self.files()
        corpus = self.corpus_state()
        task = Task(
            "fix" if self._fixing else "check",
            unsafe=self.options.unsafe_fixes,
            also_check=self.options.diff,
            corpus=corpus,
        )
        self.reporter.start()
        writer: _JsonlWriter | None = None
        passthrough = self.options.fix
        items = (
            (self._job(item), item) for item in self._items(report=True, passthrough=passthrough)
        )
        progress = _Progress(self.options.progress)
        try:
            for item, result in process(self.linter, task, items, self.options.jobs):
                progress.advance(item)
                if writer is not None and writer.path != item.path:
                    self._finish_writer(writer)
                    writer = None
                if item.kind != "text" and self.options.fix and writer is None:
                    writer = _JsonlWriter(item.path)
                self._handle(item, result, writer)
            if writer is not None:
                self._finish_writer(writer)
        finally:
            progress.stop()
        if self.suppression_writer is not None:
            n = self.suppression_writer.save()
            self.summary.notes.append(f"wrote {n} suppressions to {self.suppression_writer.path}")
        if self.suppressions is not None:
            stale = self.suppressions.stale
            if stale:
                self.summary.notes.append(
                    f"{len(stale)} suppressions in {self.suppressions.path} no longer match "
                    f"anything (first: {stale[0].get('rule')} in {stale[0].get('path')})"
                )
        self.reporter.finish(self.summary)
        return self.summary

    def _finish_writer(self, writer: _JsonlWriter) -> None:
        try:
            if writer.finish(to_stdout=writer.path == STDIN):
                self.summary.files_changed += 1
        except OSError as exc:
            self.summary.problems.append(f"{writer.path}: cannot write fix: {exc.strerror}")

    def _handle(self, item: _Item, result: Result | None, writer: _JsonlWriter | None) -> None:
        if result is None or item.doc is None:  # a pass-through line
            if writer is not None:
                writer.write(item.raw)
            return
        if result.error:
            self.summary.problems.append(str(result.error))
            if writer is not None:
                writer.write(item.raw)
            return
        doc = item.doc
        outcome = result.outcome
        if outcome is None:
            assert result.diagnostics is not None
            self._emit(doc, result.diagnostics)
            return
        self.summary.fixed += len(outcome.applied) if self.options.fix else 0
        self._emit(doc, outcome.remaining if self.options.fix else (result.diagnostics or []))
        if self.options.diff:
            if outcome.changed:
                name = f"{doc.path}:{item.number}" if item.kind == "record" else doc.path
                self._print_diff(name, doc.text, outcome.text)
            return
        if item.kind == "record":
            assert writer is not None
            if outcome.changed:
                writer.write(replace_field(item.raw, self.fields.text, outcome.text), changed=True)
            else:
                writer.write(item.raw)
            return
        if not outcome.changed:
            return
        if item.path == STDIN:
            sys.stdout.write(outcome.text)
            sys.stdout.flush()
            return
        try:
            atomic_write(item.path, item.bom + outcome.text.encode(item.encoding))
            self.summary.files_changed += 1
        except OSError as exc:
            self.summary.problems.append(f"{item.path}: cannot write fix: {exc.strerror}")

    def _emit(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        if self.suppression_writer is not None:
            self.suppression_writer.add(doc, diagnostics)
        if self.suppressions is not None:
            before = len(diagnostics)
            diagnostics = self.suppressions.filter(doc, diagnostics)
            self.summary.suppressed += before - len(diagnostics)
        self.summary.documents += 1
        self.summary.add(diagnostics, self.fail_rank)
        self.reporter.document(doc, diagnostics)

    def _print_diff(self, name: str, before: str, after: str) -> None:
        diff = difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
        for line in diff:
            self.diff_out.write(
                line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
            )


class _Progress:
    """A rich progress display on stderr, only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self._progress: Any = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.completed} documents"),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._progress.add_task("", total=None)
        self._progress.start()

    def advance(self, item: _Item) -> None:
        if self._progress is not None and item.doc is not None:
            self._progress.update(self._task, advance=1, description=item.path)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
