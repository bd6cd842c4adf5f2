"""Parallel, order-preserving, memory-bounded processing of documents.

Documents travel to worker processes in chunks; results come back in input
order. At most ``2 * jobs`` chunks are in flight, so memory stays bounded
however long the input is. Each worker builds its linter once (or inherits
it through ``fork``), so rules, patterns and word tables load once per
process, not per document.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from scrapelint.config import Config
from scrapelint.diagnostics import Diagnostic
from scrapelint.document import Document
from scrapelint.fixer import FixOutcome
from scrapelint.linter import CorpusState, Linter

CHUNK_DOCS = 64
CHUNK_CHARS = 1 << 20


@dataclass(frozen=True, slots=True)
class Job:
    """What a worker needs to check one document (picklable, no rule objects)."""

    text: str
    title: str | None
    url: str | None
    path: str
    record: int | None
    id: str | None
    ignore: tuple[str, ...] = ()

    @classmethod
    def of(cls, doc: Document, ignore: tuple[str, ...] = ()) -> Job:
        return cls(doc.text, doc.title, doc.url, doc.path, doc.record, doc.id, ignore)

    def document(self) -> Document:
        return Document(
            self.text,
            title=self.title,
            url=self.url,
            path=self.path,
            record=self.record,
            id=self.id,
        )


@dataclass(slots=True)
class Result:
    diagnostics: list[Diagnostic] | None = None
    outcome: FixOutcome | None = None
    error: str | None = None
    corpus: CorpusState | None = None


@dataclass(frozen=True)
class Task:
    """The kind of work: check, fix, or collect corpus statistics."""

    mode: str  # "check" | "fix" | "collect"
    unsafe: bool = False
    also_check: bool = False
    corpus: CorpusState | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def run_job(linter: Linter, task: Task, job: Job) -> Result:
    """Do one document's work with a ready linter; rule crashes become errors."""
    from scrapelint.errors import RuleCrash, ScrapelintError

    doc = job.document()
    try:
        if task.mode == "collect":
            return Result(corpus=linter.collect(doc))
        if task.mode == "fix":
            outcome = linter.fix(doc, unsafe=task.unsafe, corpus=task.corpus, ignore=job.ignore)
            diags = linter.check(doc, task.corpus, job.ignore) if task.also_check else None
            return Result(diagnostics=diags, outcome=outcome)
        return Result(diagnostics=linter.check(doc, task.corpus, job.ignore))
    except RuleCrash as exc:
        return Result(error=f"internal error: {exc}")
    except ScrapelintError as exc:
        where = doc.path + (f":{doc.record}" if doc.record is not None else "")
        return Result(error=f"{where}: {exc}")


# -- worker side -------------------------------------------------------------

_worker_linter: Linter | None = None
_worker_task: Task | None = None


def _init_worker(config: Config | None, linter: Linter | None, task: Task) -> None:
    global _worker_linter, _worker_task
    _worker_linter = linter if linter is not None else Linter(config)
    _worker_task = task


def _run_chunk(jobs: list[Job]) -> list[Result]:
    assert _worker_linter is not None and _worker_task is not None
    if _worker_task.mode == "collect":
        # Merge inside the worker: one summary per chunk crosses the process boundary.
        state = _worker_linter.empty_corpus()
        for job in jobs:
            r = run_job(_worker_linter, _worker_task, job)
            if r.error:
                return [r]
            assert r.corpus is not None
            state = _worker_linter.merge(state, r.corpus)
        return [Result(corpus=state)]
    return [run_job(_worker_linter, _worker_task, job) for job in jobs]


def process(
    linter: Linter,
    task: Task,
    items: Iterable[tuple[Job | None, Any]],
    jobs: int,
) -> Iterator[tuple[Any, Result | None]]:
    """Run ``task`` on every job; yield ``(context, result)`` in input order.

    Items whose job is None pass straight through (with a None result), so a
    caller can interleave lines that are not documents, keeping their order.
    In ``collect`` mode each chunk yields one merged result instead.
    """
    iterator = iter(items)
    if jobs > 1:
        # Small inputs are not worth starting workers for: look ahead one chunk.
        head = list(itertools.islice(iterator, CHUNK_DOCS))
        if len(head) == CHUNK_DOCS:
            yield from _process_pool(linter, task, itertools.chain(head, iterator), jobs)
            return
        iterator = iter(head)
    for job, ctx in iterator:
        yield ctx, (None if job is None else run_job(linter, task, job))


def _process_pool(
    linter: Linter, task: Task, items: Iterable[tuple[Job | None, Any]], jobs: int
) -> Iterator[tuple[Any, Result | None]]:
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        ctx: multiprocessing.context.BaseContext = multiprocessing.get_context("fork")
        initargs: tuple[Any, ...] = (None, linter, task)
    else:  # pragma: no cover - not Linux
        ctx = multiprocessing.get_context("spawn")
        initargs = (linter.config, None, task)
    window: deque[tuple[list[Any], Future[list[Result]] | None]] = deque()
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=initargs
    ) as pool:

        def drain(limit: int) -> Iterator[tuple[Any, Result | None]]:
            while len(window) > limit:
                contexts, future = window.popleft()
                if future is None:
                    for c in contexts:
                        yield c, None
                    continue
                results = future.result()
                if task.mode == "collect":
                    yield contexts[-1] if contexts else None, results[0]
                else:
                    yield from zip(contexts, results, strict=True)

        pending_jobs: list[Job] = []
        pending_ctx: list[Any] = []
        chars = 0
        for job, c in items:
            if job is None:
                if pending_jobs:
                    window.append((pending_ctx, pool.submit(_run_chunk, pending_jobs)))
                    pending_jobs, pending_ctx, chars = [], [], 0
                window.append(([c], None))
            else:
                pending_jobs.append(job)
                pending_ctx.append(c)
                chars += len(job.text)
                if len(pending_jobs) >= CHUNK_DOCS or chars >= CHUNK_CHARS:
                    window.append((pending_ctx, pool.submit(_run_chunk, pending_jobs)))
                    pending_jobs, pending_ctx, chars = [], [], 0
            yield from drain(2 * jobs)
        if pending_jobs:
            window.append((pending_ctx, pool.submit(_run_chunk, pending_jobs)))
        yield from drain(0)
