"""The rule API: what a rule plugin implements.

A rule is a class with a code, a kebab-case name, a category, a default
severity, typed options and a docstring with the sections What it does / Why
is this bad / Example / Options / Fix. Rules are instantiated once per linter
with their resolved options and must keep no per-document state on ``self``,
so one instance can serve many threads.

Rules that need the whole corpus subclass :class:`CorpusRule` and follow a
map/reduce shape: ``collect`` summarises one document, ``merge`` combines
summaries (from many documents, workers or a saved baseline), and
``check_corpus`` checks a document against the merged summary.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, ClassVar, Generic, TypeVar

from scrapelint.diagnostics import Category, Diagnostic, Fix, Severity
from scrapelint.document import Document

DOC_SECTIONS = ("What it does", "Why is this bad", "Example", "Options", "Fix")


@dataclasses.dataclass(frozen=True)
class NoOptions:
    """Options of a rule that has none."""


@dataclasses.dataclass(frozen=True)
class RuleSettings:
    """Run-wide settings a rule may read when it is built.

    ``phrase_packs`` are paths of user phrase packs that apply everywhere;
    ``sites`` hold per-site (url domain or path glob) packs and ignores, as
    :class:`scrapelint.config.SiteConfig` objects.
    """

    phrase_packs: tuple[str, ...] = ()
    sites: tuple[Any, ...] = ()


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity] = Severity.WARNING
    enabled_by_default: ClassVar[bool] = True
    #: "never", "sometimes" or "always": whether diagnostics carry a fix.
    fixable: ClassVar[str] = "never"
    Options: ClassVar[type] = NoOptions

    def __init__(self, options: Any = None, settings: RuleSettings | None = None) -> None:
        self.options = options if options is not None else self.Options()
        self.settings = settings or RuleSettings()

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        """Yield the diagnostics of one document."""
        raise NotImplementedError

    def diagnostic(
        self,
        start: int,
        end: int,
        message: str,
        *,
        fix: Fix | None = None,
        field: str = "text",
        confidence: float | None = None,
    ) -> Diagnostic:
        """Build a diagnostic carrying this rule's metadata."""
        return Diagnostic(
            rule=self.code,
            name=self.name,
            category=self.category,
            severity=self.severity,
            message=message,
            start=start,
            end=end,
            fix=fix,
            field=field,
            confidence=confidence,
        )

    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        """The rule's docstring split into its named sections."""
        return parse_doc_sections(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The docstring's first line (its one-line summary)."""
        import inspect

        head = inspect.cleandoc(cls.__doc__ or "").split("\n\n")[0]
        if head.startswith("## "):  # no summary line: fall back on What it does
            head = cls.doc_sections().get("What it does", "").split("\n\n")[0]
        return " ".join(head.split())


S = TypeVar("S")


class CorpusRule(Rule, Generic[S]):
    """A rule that also checks documents against statistics of the whole run."""

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        return ()

    def empty(self) -> S:
        """An empty summary."""
        raise NotImplementedError

    def collect(self, doc: Document) -> S:
        """Summarise one document (map)."""
        raise NotImplementedError

    def merge(self, a: S, b: S) -> S:
        """Combine two summaries (reduce). May mutate and return ``a``."""
        raise NotImplementedError

    def check_corpus(self, doc: Document, corpus: S) -> Iterable[Diagnostic]:
        """Check one document against the merged summary of the run."""
        raise NotImplementedError

    def dump(self, state: S) -> Any:
        """A JSON-serialisable, deterministic form of a summary for the baseline file."""
        raise NotImplementedError

    def load(self, data: Any) -> S:
        """The inverse of :meth:`dump`."""
        raise NotImplementedError


def parse_doc_sections(doc: str) -> dict[str, str]:
    """Split a docstring on ``## Heading`` lines (ruff's layout) into sections."""
    import inspect

    text = inspect.cleandoc(doc)
    sections: dict[str, str] = {}
    current: str | None = None
    buf: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("## "):
            if current is not None:
                sections[current] = "\n".join(buf).strip()
            current = stripped[3:].strip().rstrip("?").strip()
            buf = []
        elif current is not None:
            buf.append(line)
    if current is not None:
        sections[current] = "\n".join(buf).strip()
    return sections
