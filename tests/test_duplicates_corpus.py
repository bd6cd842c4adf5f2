"""DUP005 cross-document-copy: map/reduce state, baseline round trip and the CLI corpus run."""

from __future__ import annotations

import json
import random
import subprocess
from collections.abc import Callable
from pathlib import Path

from scrapelint.config import Config
from scrapelint.diagnostics import Diagnostic
from scrapelint.document import Document
from scrapelint.linter import Linter
from scrapelint_rules.duplicates.cross_document import CopyIndex, CrossDocumentCopy
from scrapelint_rules.duplicates.fingerprints import jaccard, minhash, shingle_hashes

SHARED = (
    "Engineers replaced the signalling cables along the northern line during the weekend, "
    "and the first trains ran on time on Monday morning."
)
LONG_SHARED = (
    "The regional transport board said the new timetable adds four evening services on "
    "weekdays, extends the night bus to the airport and cuts the wait between trains at the "
    "central station to eight minutes during the busiest hours of the morning."
)
OWN_A = "Commuters in the valley welcomed the news after months of delays and cancelled services."
OWN_B = "The mayor thanked the crews who worked through two nights of heavy rain to finish."
OWN_C = "Ticket prices will stay the same until the end of the year, the operator confirmed."


def doc(path: str, *paragraphs: str, url: str | None = None) -> Document:
    return Document("\n\n".join(paragraphs) + "\n", path=path, url=url)


def run_corpus(
    *docs: Document, rule: CrossDocumentCopy | None = None
) -> dict[str, list[Diagnostic]]:
    rule = rule or CrossDocumentCopy()
    state = rule.empty()
    for d in docs:
        state = rule.merge(state, rule.collect(d))
    return {d.path: list(rule.check_corpus(d, state)) for d in docs}


def test_shared_paragraph_is_reported_once_in_the_later_document_with_its_path() -> None:
    found = run_corpus(doc("a.txt", OWN_A, SHARED), doc("b.txt", OWN_B, SHARED, OWN_C))
    assert found["a.txt"] == []
    [copy] = found["b.txt"]
    assert "a.txt" in copy.message and "paragraph" in copy.message
    text = doc("b.txt", OWN_B, SHARED, OWN_C).text
    assert text[copy.start : copy.end] == SHARED


def test_copied_sentence_inside_a_fused_paragraph_is_reported_alone() -> None:
    fused = f"{SHARED} {OWN_C} {OWN_B}"
    found = run_corpus(doc("a.txt", OWN_A, SHARED), doc("b.txt", fused))
    [copy] = found["b.txt"]
    assert copy.message.startswith("sentence also appears in a.txt")
    assert fused[copy.start : copy.end] == SHARED


def test_near_copy_with_one_changed_word_is_found_through_minhash_bands() -> None:
    changed = LONG_SHARED.replace("four evening", "five evening")
    found = run_corpus(doc("a.txt", LONG_SHARED), doc("b.txt", changed, OWN_B))
    [copy] = found["b.txt"]
    assert "near copy" in copy.message and "MinHash bands" in copy.message


def test_documents_with_the_same_url_are_versions_of_one_page() -> None:
    url = "https://news.example/valley-trains"
    found = run_corpus(
        doc("a.txt", OWN_A, SHARED, url=url), doc("b.txt", SHARED, OWN_B, url=url + "/")
    )
    assert found == {"a.txt": [], "b.txt": []}


def test_copies_within_one_document_are_not_cross_document() -> None:
    found = run_corpus(doc("a.txt", SHARED, OWN_A, SHARED), doc("b.txt", OWN_B))
    assert found == {"a.txt": [], "b.txt": []}


def test_merge_is_deterministic_whatever_the_order() -> None:
    rule = CrossDocumentCopy()
    docs = [
        doc("c.txt", OWN_C, SHARED),
        doc("a.txt", OWN_A, SHARED, LONG_SHARED),
        doc("b.txt", LONG_SHARED, OWN_B),
    ]
    dumps = set()
    for seed in range(5):
        order = docs[:]
        random.Random(seed).shuffle(order)
        parts = [rule.collect(d) for d in order]
        # merge pairwise like parallel workers would, then combine the halves
        left = rule.merge(rule.merge(rule.empty(), parts[0]), parts[1])
        right = rule.merge(rule.empty(), parts[2])
        merged = rule.merge(right, left) if seed % 2 else rule.merge(left, right)
        dumps.add(json.dumps(rule.dump(merged), sort_keys=True))
    assert len(dumps) == 1


def test_baseline_dump_and_load_round_trip() -> None:
    rule = CrossDocumentCopy()
    state = rule.merge(rule.collect(doc("a.txt", OWN_A, SHARED)), rule.collect(doc("b.txt", OWN_B)))
    data = json.loads(json.dumps(rule.dump(state), sort_keys=True))
    loaded = rule.load(data)
    assert isinstance(loaded, CopyIndex) and loaded.entries == state.entries
    later = doc("new.txt", SHARED, OWN_C)
    [copy] = rule.check_corpus(later, rule.merge(loaded, rule.collect(later)))
    assert "a.txt" in copy.message


def test_sampling_bounds_the_index_deterministically() -> None:
    full = CrossDocumentCopy()
    sampled = CrossDocumentCopy(CrossDocumentCopy.Options(sample_rate=0.25))
    d = doc("a.txt", OWN_A, OWN_B, OWN_C, SHARED, LONG_SHARED)
    kept = sampled.collect(d).entries
    assert set(kept) <= set(full.collect(d).entries)
    assert kept == sampled.collect(d).entries


def test_off_by_default_and_selected_explicitly() -> None:
    assert "DUP005" not in {r.code for r in Linter(Config()).rules}
    assert "DUP005" in {r.code for r in Linter(Config(select=("DUP005",))).rules}


def test_minhash_agrees_on_identical_text_and_tracks_similarity() -> None:
    words = LONG_SHARED.lower().split()
    a, b = shingle_hashes(words), shingle_hashes([*words[:-3], "x", "y", "z"])
    assert minhash(a, 20) == minhash(set(a), 20)
    agree = sum(x == y for x, y in zip(minhash(a, 20), minhash(b, 20), strict=True)) / 20
    assert abs(agree - jaccard(a, b)) < 0.35
    assert jaccard(a, shingle_hashes("completely different words here today".split())) == 0.0


def test_cli_corpus_run_and_baseline(
    cli: Callable[..., subprocess.CompletedProcess[str]],
    write: Callable[[str, str], Path],
    tmp_path: Path,
) -> None:
    a = write("a.txt", "\n\n".join([OWN_A, SHARED]) + "\n")
    b = write("b.txt", "\n\n".join([OWN_B, SHARED]) + "\n")
    args = ("check", "--isolated", "--select", "DUP005", "--output-format", "concise")
    both = cli(*args, str(a), str(b))
    assert "b.txt:3:1: DUP005" in both.stdout and "a.txt:" not in both.stdout
    baseline = tmp_path / "baseline.json"
    cli(*args, "--write-baseline", str(baseline), str(a))
    alone = cli(*args, "--baseline", str(baseline), str(b))
    assert "b.txt:3:1: DUP005" in alone.stdout
    assert json.loads(baseline.read_text())["rules"]["DUP005"]["refs"][0][0].endswith("a.txt")


def test_bounded_index_is_the_same_whatever_the_merge_order() -> None:
    rule = CrossDocumentCopy(CrossDocumentCopy.Options(max_entries=5))
    docs = [
        doc(f"{name}.txt", text, SHARED)
        for name, text in zip("abc", (OWN_A, OWN_B, OWN_C), strict=True)
    ]
    dumps = set()
    for order in (docs, docs[::-1], [docs[1], docs[0], docs[2]]):
        state = rule.empty()
        for d in order:
            state = rule.merge(state, rule.collect(d))
        dumped = rule.dump(state)
        assert len(dumped["entries"]) <= 5
        dumps.add(json.dumps(dumped, sort_keys=True))
    assert len(dumps) == 1
