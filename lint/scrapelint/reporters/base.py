"""The reporter interface (flake8's start/handle/stop life)."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from scrapelint.diagnostics import Diagnostic
from scrapelint.document import Document

if TYPE_CHECKING:
    from scrapelint.registry import Registry
    from scrapelint.runner import Summary


class Reporter:
    """Receives each document's diagnostics as they are found, then a summary."""

    def __init__(
        self,
        out: IO[str],
        *,
        color: bool = False,
        registry: Registry | None = None,
        statistics: bool = False,
        quiet: bool = False,
        fix_hint: bool = True,
        **_: Any,
    ) -> None:
        self.out = out
        self.color = color
        self.registry = registry
        self.statistics = statistics
        self.quiet = quiet
        self.fix_hint = fix_hint

    def start(self) -> None:
        """Called once before the first document."""

    def document(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        """Called once per document, in input order."""

    def finish(self, summary: Summary) -> None:
        """Called once after the last document."""
