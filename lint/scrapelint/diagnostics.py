"""Diagnostics, fixes and edits: the one model every reporter renders."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import Enum
from typing import Any


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Category(str, Enum):
    BOILERPLATE = "boilerplate"
    DUPLICATE = "duplicate"
    OFF_TOPIC = "off-topic"
    BROKEN_SENTENCE = "broken-sentence"


#: The code prefix each category's rules must use.
CATEGORY_PREFIX: dict[Category, str] = {
    Category.BOILERPLATE: "BP",
    Category.DUPLICATE: "DUP",
    Category.OFF_TOPIC: "OT",
    Category.BROKEN_SENTENCE: "SEN",
}


class Applicability(str, Enum):
    """Whether a fix is applied by ``--fix`` (safe) or needs ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``content`` (code-point offsets)."""

    start: int
    end: int
    content: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "content": self.content}


@dataclass(frozen=True, slots=True)
class Fix:
    message: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    @classmethod
    def safe(cls, message: str, *edits: Edit) -> Fix:
        return cls(message, tuple(edits), Applicability.SAFE)

    @classmethod
    def unsafe(cls, message: str, *edits: Edit) -> Fix:
        return cls(message, tuple(edits), Applicability.UNSAFE)

    @property
    def is_safe(self) -> bool:
        return self.applicability is Applicability.SAFE

    def to_dict(self) -> dict[str, Any]:
        return {
            "applicability": self.applicability.value,
            "message": self.message,
            "edits": [e.to_dict() for e in self.edits],
        }


@dataclass(slots=True)
class Diagnostic:
    """One finding. Rules fill the first block; the runner fills the location.

    ``start``/``end`` are 0-based code-point offsets into ``field`` of the
    document; ``line``/``column``/``end_line``/``end_column`` are 1-based.
    """

    rule: str
    name: str
    category: Category
    severity: Severity
    message: str
    start: int
    end: int
    fix: Fix | None = None
    field: str = "text"
    confidence: float | None = None
    # Filled in by the runner:
    path: str = "<string>"
    record: int | None = None
    id: str | None = None
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)
    #: Codes of other rules that flagged exactly this span for the same category.
    also: list[str] = dataclasses.field(default_factory=list)

    @property
    def sort_key(self) -> tuple[Any, ...]:
        return (self.path, self.record or 0, self.field != "text", self.start, self.end, self.rule)

    def to_dict(self) -> dict[str, Any]:
        """The json-lines object, exactly the documented fields."""
        return {
            "path": self.path,
            "record": self.record,
            "id": self.id,
            "field": self.field,
            "rule": self.rule,
            "name": self.name,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fix": self.fix.to_dict() if self.fix else None,
        }
