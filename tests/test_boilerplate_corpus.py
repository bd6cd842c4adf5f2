"""BP101 site-boilerplate: cross-document template lines, baseline round trips, bounds."""

from __future__ import annotations

import json
import random
import subprocess
from collections.abc import Callable
from pathlib import Path

from scrapelint.config import Config
from scrapelint.diagnostics import Diagnostic
from scrapelint.document import Document
from scrapelint.linter import CorpusState, Linter
from scrapelint_rules.boilerplate.site_lines import SiteBoilerplate, merge_sketch

STORIES = [
    (
        "The ferry company added a second evening crossing after complaints from commuters, "
        "who said the last boat left too early for people working late shifts in town.",
        "A spokesman said the extra crossing would run until the end of March at least.",
    ),
    (
        "Volunteers cleared four tonnes of plastic from the north beach on Saturday, the largest "
        "haul since the clean-up group was founded by two teachers eleven years ago.",
        "Most of the waste was fishing rope and broken crates, the organisers said.",
    ),
    (
        "The lighthouse keeper's cottage will open as a small museum in the spring after the "
        "council agreed to pay for a new roof and for repairs to the crumbling chimney.",
        "Local historians have offered to lend photographs and logbooks for the displays.",
    ),
]
FOOTER = "Get the Harbour Gazette every morning"


def docs(site: str = "gazette.example", footer: bool = True) -> list[Document]:
    out = []
    for i, (a, b) in enumerate(STORIES):
        lines = [a, b, FOOTER] if footer else [a, b]
        out.append(Document("\n".join(lines), url=f"https://www.{site}/news/{i}", path=f"d{i}"))
    return out


def linter() -> Linter:
    return Linter(Config(select=("BP101",)))


def state_of(lint: Linter, documents: list[Document]) -> CorpusState:
    state = lint.empty_corpus()
    for doc in documents:
        state = lint.merge(state, lint.collect(doc))
    return state


def footer_hits(lint: Linter, state: CorpusState, doc: Document) -> list[Diagnostic]:
    return [d for d in lint.check(doc, state) if doc.text[d.start : d.end] == FOOTER]


def test_line_on_every_page_of_a_site_is_reported_with_counts() -> None:
    lint = linter()
    documents = docs()
    state = state_of(lint, documents)
    for doc in documents:
        found = lint.check(doc, state)
        assert [doc.text[d.start : d.end] for d in found] == [FOOTER]
        assert "appears in 3 of 3 documents from gazette.example" in found[0].message
        assert found[0].fix is not None


def test_sites_are_counted_apart_and_story_lines_are_not_reported() -> None:
    lint = linter()
    documents = docs("gazette.example") + docs("other.example", footer=False)
    state = state_of(lint, documents)
    for doc in documents[3:]:
        assert lint.check(doc, state) == []


def test_datelines_shared_by_every_story_are_not_boilerplate() -> None:
    lint = linter()
    documents = [
        Document(f"KILRUSH, Ireland —\n{a}\n{b}", url=f"https://gazette.example/{i}")
        for i, (a, b) in enumerate(STORIES)
    ]
    state = state_of(lint, documents)
    assert lint.check(documents[0], state) == []


def test_copies_of_one_page_count_once() -> None:
    lint = linter()
    first = docs()[0]
    copies = [Document(first.text, url=first.url, path=f"copy{i}") for i in range(5)]
    state = state_of(lint, copies)
    assert lint.check(copies[0], state) == []


def test_a_document_counts_a_line_once() -> None:
    lint = linter()
    twice = Document(f"{STORIES[0][0]}\n{FOOTER}\n{FOOTER}", url="https://gazette.example/x")
    other = Document(f"{STORIES[1][0]}\n{STORIES[1][1]}", url="https://gazette.example/y")
    state = state_of(lint, [twice, other])
    assert footer_hits(lint, state, twice) == []


def test_documents_without_url_form_the_run() -> None:
    lint = linter()
    plain = [Document(d.text, path=f"f{i}.txt") for i, d in enumerate(docs())]
    state = state_of(lint, plain)
    (d,) = lint.check(plain[0], state)
    assert "of 3 documents of the run" in d.message


def test_merge_is_order_independent_and_dump_is_deterministic() -> None:
    lint = linter()
    rule = lint.corpus_rules[0]
    documents = docs() + docs("other.example")
    forward = state_of(lint, documents)
    backward = state_of(lint, list(reversed(documents)))
    # split in two workers and merged
    left, right = state_of(lint, documents[:2]), state_of(lint, documents[2:])
    split = lint.merge(right, left)
    dumps = [json.dumps(rule.dump(s["BP101"]), sort_keys=True) for s in (forward, backward, split)]
    assert dumps[0] == dumps[1] == dumps[2]
    assert FOOTER.lower() in dumps[0]  # human-readable sample


def test_baseline_round_trip_keeps_the_evidence() -> None:
    lint = linter()
    rule = lint.corpus_rules[0]
    state = state_of(lint, docs())
    restored = {"BP101": rule.load(json.loads(json.dumps(rule.dump(state["BP101"]))))}
    new = Document(f"{STORIES[2][0]}\n{FOOTER}", url="https://gazette.example/news/new")
    merged = lint.merge(restored, lint.collect(new))
    (d,) = footer_hits(lint, merged, new)
    assert "appears in 4 of 4" in d.message


def test_sketch_merge_is_the_k_smallest_distinct_values() -> None:
    # the one-value fast path and the heap agree with the definition, sizes around k
    rng = random.Random(7)
    for _ in range(3000):
        k = rng.choice([1, 2, 4, 16])
        a = sorted(rng.sample(range(40), rng.randint(0, k)))
        b = sorted(rng.sample(range(40), rng.choice([1, 1, 1, 2, 5])))
        assert merge_sketch(a, b, k) == sorted(set(a) | set(b))[:k]


def test_baseline_sketches_are_read_sorted_and_distinct() -> None:
    rule = SiteBoilerplate()
    raw = {
        "format": "scrapelint-site-lines/1",
        "sites": {
            "x.example": {"pages": ["0b", "0a", "0b"], "lines": {"01": {"pages": ["02"] * 3}}}
        },
    }
    stats = rule.load(raw)["x.example"]
    assert stats.pages == [10, 11]
    assert stats.lines[1][1] == [2]
    assert merge_sketch(stats.pages, [10], 4) == [10, 11]


def test_memory_bound_keeps_the_most_shared_lines() -> None:
    rule = SiteBoilerplate(SiteBoilerplate.Options(max_lines_per_site=5))
    state = rule.empty()
    for i in range(20):
        lines = [f"unique line number {i} about the harbour", FOOTER]
        doc = Document("\n".join(lines), url=f"https://gazette.example/{i}")
        state = rule.merge(state, rule.collect(doc))
    stats = state["gazette.example"]
    assert len(stats.lines) <= 2 * 5
    assert any(text == FOOTER.lower() for text, _ in stats.lines.values())


def test_cli_reports_and_reuses_a_baseline(
    tmp_path: Path, cli: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    records = [
        json.dumps({"id": f"r{i}", "url": d.url, "text": d.text}) for i, d in enumerate(docs())
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(records) + "\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    first = cli(
        "check",
        str(corpus),
        "--isolated",
        "--select",
        "BP101",
        "--corpus",
        "on",
        "--write-baseline",
        str(baseline),
        "--output-format",
        "json-lines",
        "--exit-zero",
    )
    assert first.returncode == 0, first.stderr
    assert len([ln for ln in first.stdout.splitlines() if '"BP101"' in ln]) == 3
    single = tmp_path / "single.jsonl"
    single.write_text(records[0] + "\n", encoding="utf-8")
    again = cli(
        "check",
        str(single),
        "--isolated",
        "--select",
        "BP101",
        "--baseline",
        str(baseline),
        "--output-format",
        "json-lines",
        "--exit-zero",
    )
    assert again.returncode == 0, again.stderr
    assert "appears in 3 of 3 documents from gazette.example" in again.stdout
