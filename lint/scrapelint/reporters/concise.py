"""``concise``: one line per diagnostic, ``path:line:col: CODE message``."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from scrapelint.diagnostics import Diagnostic
from scrapelint.document import Document
from scrapelint.reporters.base import Reporter
from scrapelint.reporters.full import applicable
from scrapelint.reporters.summary import summary_lines

if TYPE_CHECKING:
    from scrapelint.runner import Summary


def location(d: Diagnostic) -> str:
    """``path:line:col``, or ``path:record:field:line:col`` for a JSONL record."""
    if d.record is not None:
        return f"{d.path}:{d.record}:{d.field}:{d.line}:{d.column}"
    return f"{d.path}:{d.line}:{d.column}"


class ConciseReporter(Reporter):
    """One line per diagnostic; ``[*]`` marks fixes that ``--fix`` would apply."""

    def __init__(self, out: IO[str], *, unsafe_fixes: bool = False, **kwargs: Any) -> None:
        super().__init__(out, **kwargs)
        self.unsafe_fixes = unsafe_fixes

    def document(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        for d in diagnostics:
            mark = " [*]" if applicable(d, self.unsafe_fixes) else ""
            self.out.write(f"{location(d)}: {d.rule}{mark} {d.message}\n")

    def finish(self, summary: Summary) -> None:
        if not self.quiet:
            for line in summary_lines(summary, self.statistics, self.registry, self.unsafe_fixes):
                self.out.write(line + "\n")
