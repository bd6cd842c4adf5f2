"""``concise``: one line per diagnostic, ``path:line:col: CODE message``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapelint.diagnostics import Diagnostic
from scrapelint.document import Document
from scrapelint.reporters.base import Reporter
from scrapelint.reporters.summary import summary_lines

if TYPE_CHECKING:
    from scrapelint.runner import Summary


def location(d: Diagnostic) -> str:
    """``path:line:col``, or ``path:record:field:line:col`` for a JSONL record."""
    if d.record is not None:
        return f"{d.path}:{d.record}:{d.field}:{d.line}:{d.column}"
    return f"{d.path}:{d.line}:{d.column}"


class ConciseReporter(Reporter):
    def document(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        for d in diagnostics:
            mark = " [*]" if d.fix is not None and d.fix.is_safe else ""
            self.out.write(f"{location(d)}: {d.rule}{mark} {d.message}\n")

    def finish(self, summary: Summary) -> None:
        if not self.quiet:
            for line in summary_lines(summary, self.statistics, self.registry):
                self.out.write(line + "\n")
