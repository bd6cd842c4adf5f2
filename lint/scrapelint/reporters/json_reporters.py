"""``json`` (one array) and ``json-lines`` (one object per line) output."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from scrapelint.diagnostics import Diagnostic
from scrapelint.document import Document
from scrapelint.reporters.base import Reporter

if TYPE_CHECKING:
    from scrapelint.runner import Summary


class JsonLinesReporter(Reporter):
    def document(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        for d in diagnostics:
            self.out.write(json.dumps(d.to_dict(), ensure_ascii=False) + "\n")


class JsonReporter(Reporter):
    def start(self) -> None:
        self._first = True
        self.out.write("[")

    def document(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        for d in diagnostics:
            self.out.write("\n  " if self._first else ",\n  ")
            self._first = False
            self.out.write(json.dumps(d.to_dict(), ensure_ascii=False))

    def finish(self, summary: Summary) -> None:
        self.out.write("]\n" if self._first else "\n]\n")
