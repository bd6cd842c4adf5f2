"""The reusable linter: rules built once, then applied to any number of documents.

``Linter`` is what the CLI, the Python API, the Dask and Scrapy integrations
all share. It holds no per-document state, so one instance may serve many
threads; rules, patterns and word tables load once, at construction.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from scrapelint.config import Config, build_options, option_error_context
from scrapelint.diagnostics import Diagnostic, Severity
from scrapelint.document import Document
from scrapelint.errors import ConfigError, RuleCrash, ScrapelintError
from scrapelint.fixer import FixOutcome, fix_text
from scrapelint.registry import Registry, load_registry
from scrapelint.rule import CorpusRule, Rule, RuleSettings
from scrapelint.selection import is_ignored, matches, select_rules, validate_selectors

_REGISTRY: Registry | None = None


def default_registry() -> Registry:
    """The installed rule packs, loaded once per process."""
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = load_registry()
    return _REGISTRY


CorpusState = dict[str, Any]


@dataclass(frozen=True)
class CleanResult:
    text: str
    diagnostics: list[Diagnostic]
    score: float
    fixed: list[Diagnostic]


class Linter:
    """Lint documents with the rules a config enables."""

    def __init__(self, config: Config | None = None, registry: Registry | None = None) -> None:
        self.config = config or Config()
        self.registry = registry or default_registry()
        cfg = self.config
        where = cfg.source or "configuration"
        validate_selectors(
            [*(cfg.select or ()), *cfg.extend_select, *cfg.ignore], self.registry, where
        )
        self.rule_classes = select_rules(self.registry, cfg.select, cfg.extend_select, cfg.ignore)
        settings = RuleSettings(phrase_packs=cfg.phrase_packs, sites=cfg.sites)
        options_by_code = self._options_by_code()
        self.rules: list[Rule] = []
        for cls in self.rule_classes:
            values = options_by_code.get(cls.code)
            opts = None
            if values is not None:
                key, raw = values
                opts = build_options(cls.Options, raw, option_error_context(cfg), f"rules.{key}")
            self.rules.append(_build_rule(cls, opts, settings))
        self.doc_rules = [r for r in self.rules if not isinstance(r, CorpusRule)]
        self.corpus_rules: list[CorpusRule[Any]] = [
            r for r in self.rules if isinstance(r, CorpusRule)
        ]
        self._severity = {cls.code: self._severity_for(cls) for cls in self.rule_classes}

    # -- construction helpers -------------------------------------------

    def _options_by_code(self) -> dict[str, tuple[str, dict[str, Any]]]:
        out: dict[str, tuple[str, dict[str, Any]]] = {}
        where = option_error_context(self.config)
        for key, values in self.config.rules.items():
            cls = self.registry.get(key)
            if cls is None:
                raise where.error(f"rules.{key}", "no rule with this code or name")
            out[cls.code] = (key, values)
        # options for rules that exist but are not selected are still validated
        for code, (key, values) in out.items():
            cls = self.registry.get(code)
            assert cls is not None
            build_options(cls.Options, values, where, f"rules.{key}")
        return out

    def _severity_for(self, cls: type[Rule]) -> Severity:
        best: tuple[int, Severity] | None = None
        for selector, level in self.config.severity.items():
            if matches(selector, cls):
                rank = len(selector)
                if best is None or rank > best[0]:
                    best = (rank, level)
        if best is None:
            return cls.severity
        return best[1]

    @property
    def has_corpus_rules(self) -> bool:
        return bool(self.corpus_rules)

    # -- checking ---------------------------------------------------------

    def check(
        self,
        doc: Document,
        corpus: CorpusState | None = None,
        ignore: Sequence[str] = (),
    ) -> list[Diagnostic]:
        """All diagnostics of one document, located, filtered and sorted."""
        ignored = (*self._ignores_for(doc), *ignore)
        out: list[Diagnostic] = []
        for rule in self.rules:
            if ignored and is_ignored(rule.code, rule.name, rule.category.value, ignored):
                continue
            try:
                if isinstance(rule, CorpusRule):
                    if corpus is None or rule.code not in corpus:
                        continue
                    found: Iterable[Diagnostic] = rule.check_corpus(doc, corpus[rule.code])
                else:
                    found = rule.check(doc)
                out.extend(found)
            except ScrapelintError:
                raise  # a user's problem (a timed-out pattern), already explained
            except Exception as exc:
                raise RuleCrash(_crash_message(rule, doc, exc)) from exc
        return self._finish(doc, out)

    def _ignores_for(self, doc: Document) -> list[str]:
        out: list[str] = []
        for glob, codes in self.config.per_path_ignores.items():
            if _path_matches(doc.path, glob):
                out.extend(codes)
        for site in self.config.sites:
            if site.ignore and site_matches(site.pattern, doc):
                out.extend(site.ignore)
        return out

    def _finish(self, doc: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        n = len(doc.text)
        seen: set[tuple[str, int, int]] = set()
        out: list[Diagnostic] = []
        for d in diagnostics:
            d.start = max(0, min(d.start, n))
            d.end = max(d.start, min(d.end, n))
            key = (d.rule, d.start, d.end)
            if key in seen:
                continue
            seen.add(key)
            d.severity = self._severity.get(d.rule, d.severity)
            d.path, d.record, d.id = doc.path, doc.record, doc.id
            if d.field == "text":
                d.line, d.column = doc.position(d.start)
                d.end_line, d.end_column = doc.end_position(d.start, d.end)
            else:
                d.line, d.column, d.end_line, d.end_column = 1, d.start + 1, 1, d.end + 1
            out.append(d)
        out.sort(key=lambda d: (d.field != "text", d.start, d.end, d.rule))
        return _merge_agreeing(out)

    # -- corpus (map/reduce) ---------------------------------------------

    def collect(self, doc: Document) -> CorpusState:
        """Per-document summaries of every corpus rule (the map step)."""
        return {r.code: r.collect(doc) for r in self.corpus_rules}

    def empty_corpus(self) -> CorpusState:
        return {r.code: r.empty() for r in self.corpus_rules}

    def merge(self, a: CorpusState, b: CorpusState) -> CorpusState:
        """Merge two corpus states (the reduce step); mutates and returns ``a``."""
        for r in self.corpus_rules:
            if r.code in b:
                a[r.code] = r.merge(a[r.code], b[r.code]) if r.code in a else b[r.code]
        return a

    # -- Python API -------------------------------------------------------

    def lint(self, text: str, title: str | None = None, url: str | None = None) -> list[Diagnostic]:
        """Diagnostics of one article (single-document mode)."""
        return self.check(Document(text, title=title, url=url))

    def fix(
        self,
        doc: Document,
        unsafe: bool = False,
        corpus: CorpusState | None = None,
        ignore: Sequence[str] = (),
    ) -> FixOutcome:
        """Apply fixes repeatedly until the text is stable (at most a few rounds)."""

        def relint(text: str) -> list[Diagnostic]:
            again = Document(
                text, title=doc.title, url=doc.url, path=doc.path, record=doc.record, id=doc.id
            )
            return self.check(again, corpus, ignore)

        return fix_text(doc.text, self.check(doc, corpus, ignore), relint, unsafe=unsafe)

    def clean(
        self,
        text: str,
        title: str | None = None,
        url: str | None = None,
        unsafe: bool = False,
        corpus: CorpusState | None = None,
    ) -> CleanResult:
        """Fixed text, remaining diagnostics and a 0-100 quality score."""
        doc = Document(text, title=title, url=url)
        outcome = self.fix(doc, unsafe=unsafe, corpus=corpus)
        return CleanResult(
            outcome.text,
            outcome.remaining,
            quality_score(outcome.text, outcome.remaining),
            outcome.applied,
        )


def _merge_agreeing(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """One finding per span and category: rules that flag exactly the same text for the
    same reason ("Latest News" as a phrase, a short trailing line and a line recurring
    across the site) are reported once, by the first rule, naming the others.

    ``diagnostics`` is sorted by span then rule, so agreeing ones are adjacent.
    """
    out: list[Diagnostic] = []
    for d in diagnostics:
        prev = out[-1] if out else None
        if prev is not None and (prev.field, prev.category, prev.start, prev.end) == (
            d.field,
            d.category,
            d.start,
            d.end,
        ):
            prev.also.append(d.rule)
            continue
        out.append(d)
    for d in out:
        if d.also:
            d.message += f" (also {', '.join(d.also)})"
    return out


def _build_rule(cls: type[Rule], options: Any, settings: RuleSettings) -> Rule:
    """Instantiate a rule; a rule that cannot set itself up is a configuration error."""
    try:
        return cls(options, settings)
    except ScrapelintError:
        raise
    except Exception as exc:
        raise ConfigError(f"rule {cls.code} ({cls.name}) cannot be set up: {exc}") from None


def annotation(outcome: FixOutcome) -> dict[str, Any]:
    """The ``scrapelint`` object of a cleaned record: score, fixes applied, diagnostics left.

    ``scrapelint clean``, the Dask and the Scrapy integrations all write this shape.
    The diagnostics leave out path, record and id: the record itself is their location.
    """
    return {
        "score": quality_score(outcome.text, outcome.remaining),
        "fixed": len(outcome.applied),
        "diagnostics": [
            {k: v for k, v in d.to_dict().items() if k not in ("path", "record", "id")}
            for d in outcome.remaining
        ],
    }


def quality_score(text: str, diagnostics: Sequence[Diagnostic]) -> float:
    """100 for a clean article, lower as more of its text is flagged."""
    n = max(1, len(text))
    weight = {Severity.ERROR: 1.0, Severity.WARNING: 0.6, Severity.INFO: 0.2}
    covered = 0.0
    for d in diagnostics:
        covered += weight[d.severity] * max(1, d.end - d.start) / n
    penalty = min(1.0, covered) * 70 + min(30.0, 3.0 * sum(weight[d.severity] for d in diagnostics))
    return round(max(0.0, 100.0 - penalty), 1)


def site_matches(pattern: str, doc: Document) -> bool:
    """A site pattern matches the url's domain (and its subdomains) or the path glob."""
    site = doc.site
    if site and (site == pattern or site.endswith("." + pattern)):
        return True
    return _path_matches(doc.path, pattern)


def _path_matches(path: str, glob: str) -> bool:
    norm = path.replace("\\", "/")
    if norm.startswith("./"):
        norm = norm[2:]
    return fnmatch.fnmatch(norm, glob) or fnmatch.fnmatch(norm.rsplit("/", 1)[-1], glob)


def _crash_message(rule: Rule, doc: Document, exc: BaseException) -> str:
    where = doc.path + (f" record {doc.record}" if doc.record else "")
    return f"rule {rule.code} ({rule.name}) crashed on {where}: {type(exc).__name__}: {exc}"


__all__ = ["CleanResult", "ConfigError", "Linter", "quality_score"]
