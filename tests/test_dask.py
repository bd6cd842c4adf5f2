"""scrapelint.dask on a dask.distributed LocalCluster: results equal the serial Linter's."""
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

import dask.bag as db
from distributed import Client, LocalCluster

import scrapelint.dask as sd
from scrapelint.config import config_from_mapping
from scrapelint.diagnostics import Category, Diagnostic, Fix, Severity
from scrapelint.document import Document
from scrapelint.edits import remove_lines
from scrapelint.linter import CorpusState, Linter, default_registry, quality_score
from scrapelint.registry import Registry
from scrapelint.rule import CorpusRule
from scrapelint.text import normalize_for_compare

# -- a corpus rule of our own, so the corpus passes are exercised whatever packs exist --


@dataclass(frozen=True)
class _RecurringOptions:
    min_documents: int = 3
    remove: bool = True


class RecurringLine(CorpusRule[dict[str, int]]):
    """Flags lines that recur word for word across the documents of a run.

    ## What it does
    Counts, for every normalised line, how many documents contain it.

    ## Why is this bad
    A line shared by many articles is template text, not content.

    ## Example
    ```text
    Sign up for the Harbour Gazette morning digest
    ```

    ## Options
    - `min_documents` (int, default 3): documents that must share the line.
    - `remove` (bool, default true): offer the fix.

    ## Fix
    Safe: the line is removed.
    """

    code = "DUP990"
    name = "test-recurring-line"
    category = Category.DUPLICATE
    severity = Severity.WARNING
    fixable = "always"
    Options = _RecurringOptions

    def empty(self) -> dict[str, int]:
        return {}

    def collect(self, doc: Document) -> dict[str, int]:
        return {key: 1 for key in {normalize_for_compare(line.text) for line in doc.lines} if key}

    def merge(self, a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
        for key, count in b.items():
            a[key] = a.get(key, 0) + count
        return a

    def check_corpus(self, doc: Document, corpus: dict[str, int]) -> Iterator[Diagnostic]:
        for line in doc.lines:
            count = corpus.get(normalize_for_compare(line.text), 0)
            if line.text.strip() and count >= self.options.min_documents:
                yield self.diagnostic(
                    line.start,
                    line.end,
                    f"line appears in {count} documents, threshold {self.options.min_documents}",
                    fix=Fix.safe("Remove the line", remove_lines(doc, line.index, line.index))
                    if self.options.remove
                    else None,
                )

    def dump(self, state: dict[str, int]) -> Any:
        return dict(sorted(state.items()))

    def load(self, data: Any) -> dict[str, int]:
        return {str(k): int(v) for k, v in data.items()}


def with_recurring_line() -> Registry:
    """The installed packs plus the test corpus rule (module level: workers import it)."""
    return Registry([*default_registry(), RecurringLine])


CONFIG = {"select": ["DUP001", "DUP990"]}
PROMO = "Sign up for the Harbour Gazette morning digest"


def _article(n: int, headline_copy: bool, promo: bool) -> dict[str, Any]:
    title = f"Ferry number {n} resumes its winter crossing"
    body = [
        f"The crossing to island {n} reopened on Monday after the storm damage was repaired.",
        f"Passengers waited about {n + 20} minutes at the pier while crews checked the ramps.",
    ]
    if headline_copy:
        body.insert(0, title)
    if promo:
        body.append(PROMO)
    return {
        "id": f"ferry-{n}",
        "title": title,
        "url": f"https://harbour.example/ferry/{n}",
        "text": "\n\n".join(body),
        "section": "transport",
    }


ARTICLES = [_article(n, headline_copy=n % 3 == 0, promo=n % 2 == 0) for n in range(1, 10)]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address="127.0.0.1:0"
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def _serial_linter(config: dict[str, Any] = CONFIG) -> Linter:
    return Linter(config_from_mapping(config), with_recurring_line())


def _doc(record: dict[str, Any]) -> Document:
    return Document(
        record["text"], title=record["title"], url=record["url"], path=sd.PATH, id=record["id"]
    )


def _serial_state(linter: Linter, records: Iterable[dict[str, Any]]) -> CorpusState:
    state = linter.empty_corpus()
    for record in records:
        state = linter.merge(state, linter.collect(_doc(record)))
    return state


def _serial_diagnostics(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    linter = _serial_linter()
    state = _serial_state(linter, records)
    return [d.to_dict() for r in records for d in linter.check(_doc(r), state)]


def test_lint_bag_equals_the_serial_linter_with_corpus_rule(client: Client) -> None:
    bag = db.from_sequence(ARTICLES, npartitions=3)
    got = sd.lint_bag(bag, CONFIG, registry=with_recurring_line).compute()
    assert got == _serial_diagnostics(ARTICLES)
    rules = {d["rule"] for d in got}
    assert rules == {"DUP001", "DUP990"}
    promo_ids = {d["id"] for d in got if d["rule"] == "DUP990"}
    assert promo_ids == {r["id"] for r in ARTICLES if PROMO in r["text"]}


def test_corpus_state_tree_merge_equals_a_single_pass(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sd, "SPLIT_EVERY", 2)  # several levels of merging for 9 partitions
    bag = db.from_sequence(ARTICLES, npartitions=9)
    merged = sd.corpus_state(bag, CONFIG, registry=with_recurring_line).compute()
    single = _serial_state(_serial_linter(), ARTICLES)
    assert merged == single
    assert merged["DUP990"][normalize_for_compare(PROMO)] == 4


def test_auto_corpus_mode_needs_two_documents_and_off_disables_it(client: Client) -> None:
    bag = db.from_sequence(ARTICLES, npartitions=3)
    off = sd.lint_bag(bag, {**CONFIG, "corpus": "off"}, registry=with_recurring_line).compute()
    assert {d["rule"] for d in off} == {"DUP001"}
    passed_off = sd.lint_bag(bag, CONFIG, corpus=None, registry=with_recurring_line).compute()
    assert passed_off == off
    # one document alone is single-document mode, even with a low threshold
    low = {**CONFIG, "rules": {"DUP990": {"min_documents": 1}}}
    one = db.from_sequence(ARTICLES[1:2], npartitions=1)
    assert sd.lint_bag(one, low, registry=with_recurring_line).compute() == []
    forced = sd.lint_bag(one, {**low, "corpus": "on"}, registry=with_recurring_line).compute()
    assert {d["rule"] for d in forced} == {"DUP990"}


def test_a_precomputed_corpus_state_is_reused(client: Client) -> None:
    bag = db.from_sequence(ARTICLES, npartitions=3)
    lazy = sd.corpus_state(bag, CONFIG, registry=with_recurring_line)
    eager = lazy.compute()
    expected = _serial_diagnostics(ARTICLES)
    assert sd.lint_bag(bag, CONFIG, corpus=lazy, registry=with_recurring_line).compute() == expected
    assert (
        sd.lint_bag(bag, CONFIG, corpus=eager, registry=with_recurring_line).compute() == expected
    )


def test_clean_bag_fixes_annotates_and_drops_like_the_serial_linter(client: Client) -> None:
    bag = db.from_sequence(ARTICLES, npartitions=3)
    linter = _serial_linter()
    state = _serial_state(linter, ARTICLES)
    outcomes = [linter.fix(_doc(r), corpus=state) for r in ARTICLES]
    got = sd.clean_bag(bag, CONFIG, registry=with_recurring_line).compute()
    assert [r["id"] for r in got] == [r["id"] for r in ARTICLES]
    for record, cleaned, outcome in zip(ARTICLES, got, outcomes, strict=True):
        assert cleaned["text"] == outcome.text
        assert cleaned["section"] == record["section"]
        note = cleaned["scrapelint"]
        assert note["score"] == quality_score(outcome.text, outcome.remaining)
        assert note["fixed"] == len(outcome.applied)
        assert "path" not in json.dumps(note["diagnostics"])
    fixed_ids = {r["id"] for r in got if r["scrapelint"]["fixed"]}
    assert fixed_ids == {r["id"] for r in ARTICLES if PROMO in r["text"] or r["title"] in r["text"]}
    assert all(PROMO not in r["text"] for r in got)
    assert ARTICLES[1]["text"].count(PROMO) == 1  # the input records are not mutated


def test_clean_bag_drop_below_leaves_out_low_scores(client: Client) -> None:
    keep_promo = {**CONFIG, "rules": {"DUP990": {"remove": False}}}
    linter = _serial_linter(keep_promo)
    state = _serial_state(linter, ARTICLES)
    scores = {
        r["id"]: quality_score(o.text, o.remaining)
        for r in ARTICLES
        for o in [linter.fix(_doc(r), corpus=state)]
    }
    bag = db.from_sequence(ARTICLES, npartitions=3)
    kept = sd.clean_bag(bag, keep_promo, drop_below=100, registry=with_recurring_line).compute()
    assert [r["id"] for r in kept] == [i for i, score in scores.items() if score >= 100]
    assert {r["id"] for r in ARTICLES} - {r["id"] for r in kept} == {
        r["id"] for r in ARTICLES if PROMO in r["text"]
    }


def test_linter_is_built_once_per_worker_process(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[int] = []

    class CountingLinter(Linter):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            built.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(sd, "Linter", CountingLinter)
    monkeypatch.setattr(sd, "_LINTERS", type(sd._LINTERS)())
    bag = db.from_sequence(ARTICLES, npartitions=5)
    sd.lint_bag(bag, {"select": ["DUP001"]}).compute()
    sd.clean_bag(bag, {"select": ["DUP001"]}).compute()
    assert len(built) == 1  # both in-process workers share the one module cache


def test_field_names_come_from_the_config(client: Client) -> None:
    renamed = [
        {"key": r["id"], "headline": r["title"], "link": r["url"], "body": r["text"]}
        for r in ARTICLES
    ]
    config = {
        "select": ["DUP001"],
        "text-field": "body",
        "title-field": "headline",
        "url-field": "link",
        "id-field": "key",
    }
    got = sd.lint_bag(db.from_sequence(renamed, npartitions=2), config).compute()
    linter = Linter(config_from_mapping(config))
    expected = [d.to_dict() for r in ARTICLES for d in linter.check(_doc(r))]
    assert got == expected
    assert {d["id"] for d in got} == {r["id"] for r in ARTICLES if r["title"] in r["text"]}


def test_a_record_without_text_is_an_error_naming_it(client: Client) -> None:
    bag = db.from_sequence([{"id": "no-body", "title": "Empty"}], npartitions=1)
    with pytest.raises(ValueError, match="no-body"):
        sd.lint_bag(bag, {"select": ["DUP001"]}).compute()


def test_per_record_ignore_field_is_honoured(client: Client) -> None:
    records = [dict(r, scrapelint_ignore=["DUP001"]) for r in ARTICLES]
    got = sd.lint_bag(db.from_sequence(records, npartitions=2), {"select": ["DUP001"]}).compute()
    assert got == []


# -- dataframes --------------------------------------------------------------


def test_lint_dataframe_rows_equal_the_serial_diagnostics(client: Client) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = dd.from_pandas(pd.DataFrame(ARTICLES), npartitions=3)
    got = sd.lint_dataframe(frame, CONFIG, registry=with_recurring_line).compute()
    expected = _serial_diagnostics(ARTICLES)
    assert len(got) == len(expected)
    rows = got.to_dict(orient="records")
    for row, want in zip(rows, expected, strict=True):
        assert row["id"] == want["id"]
        assert (row["rule"], row["start"], row["end"], row["message"]) == (
            want["rule"],
            want["start"],
            want["end"],
            want["message"],
        )
        assert json.loads(row["fix"]) == want["fix"]


def test_clean_dataframe_adds_score_columns_and_fixes_text(client: Client) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    source = pd.DataFrame(ARTICLES).drop(columns=["id"])  # the index labels become the ids
    frame = dd.from_pandas(source, npartitions=3)
    got = sd.clean_dataframe(frame, CONFIG, registry=with_recurring_line).compute()
    linter = _serial_linter()
    records = [dict(r, id=i) for i, r in enumerate(ARTICLES)]
    state = _serial_state(linter, records)
    outcomes = [linter.fix(_doc(r), corpus=state) for r in records]
    assert list(got["text"]) == [o.text for o in outcomes]
    assert list(got["scrapelint_score"]) == [quality_score(o.text, o.remaining) for o in outcomes]
    assert list(got["scrapelint_fixed"]) == [len(o.applied) for o in outcomes]
    assert all(json.loads(d) == [] for d in got["scrapelint_diagnostics"])
    assert list(got["section"]) == ["transport"] * len(ARTICLES)
    dropped = sd.clean_dataframe(frame, CONFIG, drop_below=101, registry=with_recurring_line)
    assert len(dropped.compute()) == 0


def _cached_linter_keys() -> list[str]:
    return list(sd._LINTERS)


def test_worker_processes_build_one_linter_each_and_agree_with_serial() -> None:
    """Separate processes: the spec pickles, and each worker caches a single linter."""
    records = [dict(r, scrapelint_ignore=[]) for r in ARTICLES]
    config = {"select": ["DUP001"]}
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        ) as cluster,
        Client(cluster) as c,
    ):
        bag = db.from_sequence(records, npartitions=4)
        got = sd.lint_bag(bag, config).compute()
        cleaned = sd.clean_bag(bag, config).compute()
        keys = c.run(_cached_linter_keys)
    linter = Linter(config_from_mapping(config))
    assert got == [d.to_dict() for r in ARTICLES for d in linter.check(_doc(r))]
    assert [r["text"] for r in cleaned] == [linter.fix(_doc(r)).text for r in ARTICLES]
    assert len(keys) == 2 and all(len(k) == 1 for k in keys.values())


def test_registered_corpus_rules_merge_and_check_like_the_serial_linter(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever corpus rules the installed packs register behave the same across partitions."""
    codes = [r.code for r in Linter().corpus_rules]
    if not codes:
        pytest.skip("no corpus rule is registered")
    config = {"select": codes}
    linter = Linter(config_from_mapping(config))
    records = [
        r if PROMO in r["text"] else dict(r, text=f"{r['text']}\n\n{PROMO}") for r in ARTICLES
    ]
    monkeypatch.setattr(sd, "SPLIT_EVERY", 2)
    bag = db.from_sequence(records, npartitions=5)
    merged = sd.corpus_state(bag, config).compute()
    single = _serial_state(linter, records)
    for rule in linter.corpus_rules:
        assert rule.dump(merged[rule.code]) == rule.dump(single[rule.code])
    got = sd.lint_bag(bag, config).compute()
    assert got == [d.to_dict() for r in records for d in linter.check(_doc(r), single)]
    if "BP101" in codes:  # site-boilerplate: the closing line shared by every page
        assert {d["id"] for d in got if d["rule"] == "BP101"} == {r["id"] for r in records}
