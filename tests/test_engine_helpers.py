"""Unit tests of the engine's small helpers: normalisation, edits, corpus map/reduce, baseline."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from scrapelint.baseline import dumps, load_baseline, save_baseline
from scrapelint.config import Config
from scrapelint.diagnostics import Category, Diagnostic
from scrapelint.document import Document
from scrapelint.edits import remove_lines
from scrapelint.errors import InputError
from scrapelint.explain import render_rule, rule_info
from scrapelint.linter import Linter, quality_score
from scrapelint.registry import Registry
from scrapelint.rule import CorpusRule
from scrapelint.text import ends_with_terminal, normalize_for_compare


def test_normalize_ignores_case_quotes_punctuation_and_space() -> None:
    a = normalize_for_compare("“Kim’s   train” — LEAVES Beijing!")
    b = normalize_for_compare('"kim\'s train" - leaves beijing')
    assert a == b == "kim s train leaves beijing"


def test_ends_with_terminal() -> None:
    assert ends_with_terminal('He said "no."')
    assert ends_with_terminal("Really?")
    assert not ends_with_terminal("Latest News")
    assert not ends_with_terminal("")


def test_remove_lines_takes_one_separator_and_handles_the_end() -> None:
    doc = Document("Head\n\nCopy\n\nBody.\n\nFooter")
    e = remove_lines(doc, 2, 2)
    assert doc.text[: e.start] + doc.text[e.end :] == "Head\n\nBody.\n\nFooter"
    last = remove_lines(doc, 6, 6)
    assert doc.text[: last.start] + doc.text[last.end :] == "Head\n\nCopy\n\nBody."


@dataclass(frozen=True)
class _NoOpts:
    pass


class RecurringLine(CorpusRule[Counter[str]]):
    """Flags lines that occur in more than one document.

    ## What it does
    Counts lines across documents.

    ## Why is this bad
    Test rule.

    ## Example
    None.

    ## Options
    None.

    ## Fix
    None.
    """

    code = "BP990"
    name = "recurring-line-test"
    category = Category.BOILERPLATE
    Options = _NoOpts

    def empty(self) -> Counter[str]:
        return Counter()

    def collect(self, doc: Document) -> Counter[str]:
        return Counter({line.text for line in doc.lines if line.text})

    def merge(self, a: Counter[str], b: Counter[str]) -> Counter[str]:
        a.update(b)
        return a

    def check_corpus(self, doc: Document, corpus: Counter[str]) -> Iterator[Diagnostic]:
        for line in doc.lines:
            if corpus[line.text] > 1:
                yield self.diagnostic(
                    line.start, line.end, f"appears in {corpus[line.text]} documents"
                )

    def dump(self, state: Counter[str]) -> Any:
        return dict(sorted(state.items()))

    def load(self, data: Any) -> Counter[str]:
        return Counter(data)


def corpus_linter() -> Linter:
    return Linter(Config(select=("BP990",)), registry=Registry([RecurringLine]))


def test_map_reduce_then_check() -> None:
    linter = corpus_linter()
    docs = [Document("Story one.\nLatest News"), Document("Story two.\nLatest News")]
    state = linter.empty_corpus()
    for d in docs:
        state = linter.merge(state, linter.collect(d))
    found = linter.check(docs[0], state)
    assert [(d.line, d.message) for d in found] == [(2, "appears in 2 documents")]
    assert linter.check(docs[0]) == []  # without corpus statistics the rule stays quiet


def test_baseline_round_trip_is_deterministic(tmp_path: Path) -> None:
    linter = corpus_linter()
    state = linter.merge(linter.collect(Document("b\na")), linter.collect(Document("a")))
    path = tmp_path / "baseline.json"
    save_baseline(str(path), linter, state)
    data = json.loads(path.read_text())
    assert data["format"] == "scrapelint-baseline" and data["rules"]["BP990"] == {"a": 2, "b": 1}
    assert load_baseline(str(path), linter) == state
    assert dumps(linter, state) == path.read_text()


def test_bad_baseline_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text('{"format": "other"}')
    with pytest.raises(InputError, match="not a scrapelint baseline"):
        load_baseline(str(path), corpus_linter())


def test_rule_info_and_render() -> None:
    info = rule_info(RecurringLine)
    assert info["code"] == "BP990" and info["corpus"] is True
    text = render_rule(RecurringLine)
    assert text.startswith("# recurring-line-test (BP990)")
    assert "## Why is this bad" in text and "Scope: corpus" in text


def test_quality_score_falls_with_flagged_text() -> None:
    text = "x" * 1000
    clean = quality_score(text, [])
    d = Diagnostic("BP001", "n", Category.BOILERPLATE, RecurringLine.severity, "m", 0, 500)
    assert clean == 100.0
    small = Diagnostic("BP001", "n", Category.BOILERPLATE, RecurringLine.severity, "m", 0, 10)
    assert 0 <= quality_score(text, [d]) < quality_score(text, [small]) < clean
