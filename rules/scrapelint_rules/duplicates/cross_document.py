"""DUP005 cross-document-copy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from scrapelint.diagnostics import Category, Diagnostic, Severity
from scrapelint.document import Document, Paragraph
from scrapelint.rule import CorpusRule
from scrapelint_rules.duplicates.fingerprints import (
    band_keys,
    minhash,
    shingle_hashes,
    stable_hash,
)
from scrapelint_rules.duplicates.line_index import KeyedSentence, sentence_keys

#: (path, record, id, group): ordered so the smallest reference is the canonical holder.
DocRef = tuple[str, int, str, str]

_HASH_SPACE = 1 << 64


@dataclass(frozen=True)
class CrossDocumentOptions:
    #: Sentences with fewer words are not indexed (too common to mean a copy).
    min_sentence_words: int = 8
    #: Paragraphs with at least this many words also get a MinHash sketch for near copies.
    min_sketch_words: int = 25
    #: MinHash bins; split into bands of `band_rows` for the LSH index.
    sketch_bins: int = 24
    band_rows: int = 2
    #: LSH bands a paragraph must share with one document to count as a near copy: with 12
    #: bands of 2 rows about 12 * J^2 bands match at Jaccard similarity J, so 4 is about 0.6.
    min_bands: int = 4
    #: Share of units kept in the index (deterministic by hash), to shrink it on huge runs.
    sample_rate: float = 1.0
    #: Most index entries kept (about 80 bytes each): beyond it only the entries with the
    #: smallest hashes stay, a uniform sample that any merge order reproduces exactly.
    max_entries: int = 2_000_000


@dataclass
class CopyIndex:
    """Unit hash (sentence or LSH band) -> smallest document reference holding it."""

    entries: dict[int, DocRef] = field(default_factory=dict)

    def bound(self, max_entries: int) -> None:
        """Keep the ``max_entries`` smallest hashes.

        A hash outside the smallest ``max_entries`` of some documents can never be inside
        them once more documents are added, so pruning at any time during the merges gives
        the same final index, with the same (smallest) reference for every kept hash.
        """
        if len(self.entries) > max_entries:
            keep = sorted(self.entries)[:max_entries]
            self.entries = {key: self.entries[key] for key in keep}


class CrossDocumentCopy(CorpusRule[CopyIndex]):
    """Flags paragraphs and sentences copied from another document of the run.

    ## What it does
    In corpus mode, indexes every sentence of at least `min_sentence_words`
    words by a stable hash and every long paragraph by MinHash bands (LSH),
    keeping for each the smallest document reference (path, record) that holds
    it; the index holds at most `max_entries` hashes, so memory stays bounded
    on any number of documents. A document is then checked against the index: a paragraph whose
    sentences all come from an earlier document, or whose sketch shares
    `min_bands` bands with one, is reported as a copy, pointing at that
    document; otherwise copied sentences are reported one by one. The
    smallest document keeps its text unreported, so each copy is reported
    once, in the later documents. Documents with the same url are versions
    of one page, not copies of each other.

    Off by default: in collections that hold several extractions of the same
    page under different urls, or that syndicate on purpose, nearly every
    paragraph would be reported. Enable it (`--extend-select DUP005`) to
    deduplicate a crawl.

    ## Why is this bad
    Syndicated and spun articles repeat the same paragraphs across a corpus.
    Left in, they over-weight that text in training data and search results.

    ## Example
    Two files of one run, `a.txt` with the paragraph "Officials said the
    line would reopen on Monday after repairs to the signals." and `b.txt`
    with the same paragraph: `b.txt` is flagged, pointing at `a.txt`.

    ## Options
    - `min_sentence_words` (int, default 8): shorter sentences are not indexed.
    - `min_sketch_words` (int, default 25): paragraphs sketched for near copies.
    - `sketch_bins` (int, default 24) and `band_rows` (int, default 2): MinHash size and bands.
    - `min_bands` (int, default 4): shared bands that make a near copy (about 0.6 Jaccard
      similarity of word 3-grams).
    - `sample_rate` (float, default 1.0): share of units indexed, to shrink the index.
    - `max_entries` (int, default 2,000,000, about 160 MB): bound on the index; past it a
      uniform sample of units (the smallest hashes) is kept, whatever the merge order.

    ## Fix
    None: which copy to keep is an editorial decision for the corpus.
    """

    code = "DUP005"
    name = "cross-document-copy"
    category = Category.DUPLICATE
    severity = Severity.WARNING
    enabled_by_default = False
    fixable = "never"
    Options = CrossDocumentOptions

    # -- map / reduce -----------------------------------------------------------

    def empty(self) -> CopyIndex:
        return CopyIndex()

    def collect(self, doc: Document) -> CopyIndex:
        ref = _doc_ref(doc)
        entries: dict[int, DocRef] = {}
        for paragraph, sentences in _paragraph_units(doc, self.options.min_sentence_words):
            for keyed in sentences:
                self._keep(entries, stable_hash(keyed.key), ref)
            for band in self._bands(paragraph, sentences):
                self._keep(entries, band, ref)
        return CopyIndex(entries)

    def merge(self, a: CopyIndex, b: CopyIndex) -> CopyIndex:
        target = a.entries
        for key, ref in b.entries.items():
            held = target.get(key)
            if held is None or ref < held:
                target[key] = ref
        # Prune lazily (at twice the bound) so merging stays linear; dump and check prune
        # to the exact bound.
        if len(target) > 2 * self.options.max_entries:
            a.bound(self.options.max_entries)
        return a

    def dump(self, state: CopyIndex) -> Any:
        state.bound(self.options.max_entries)
        refs = sorted(set(state.entries.values()))
        position = {ref: i for i, ref in enumerate(refs)}
        entries = {f"{key:016x}": position[ref] for key, ref in sorted(state.entries.items())}
        return {"refs": [list(ref) for ref in refs], "entries": entries}

    def load(self, data: Any) -> CopyIndex:
        refs: list[DocRef] = [(str(p), int(r), str(i), str(g)) for p, r, i, g in data["refs"]]
        return CopyIndex({int(key, 16): refs[int(i)] for key, i in data["entries"].items()})

    # -- checking -----------------------------------------------------------------

    def check_corpus(self, doc: Document, corpus: CopyIndex) -> Iterator[Diagnostic]:
        corpus.bound(self.options.max_entries)
        own_group = _doc_ref(doc)[3]
        entries = corpus.entries

        def elsewhere(key: int) -> DocRef | None:
            ref = entries.get(key)
            return ref if ref is not None and ref[3] != own_group else None

        for paragraph, sentences in _paragraph_units(doc, self.options.min_sentence_words):
            found = [(keyed, elsewhere(stable_hash(keyed.key))) for keyed in sentences]
            copied = [(keyed, ref) for keyed, ref in found if ref is not None]
            if sentences and len(copied) == len(sentences):
                source = min(ref for _, ref in copied)
                yield self.diagnostic(
                    paragraph.start,
                    paragraph.end,
                    f"paragraph also appears in {_describe(source)} "
                    f"({len(copied)} of {len(sentences)} sentences identical)",
                )
                continue
            votes = Counter(
                ref
                for band in self._bands(paragraph, sentences)
                if (ref := elsewhere(band)) is not None
            )
            if votes:
                source, shared = min(votes.items(), key=lambda item: (-item[1], item[0]))
                if shared >= self.options.min_bands:
                    total = self.options.sketch_bins // self.options.band_rows
                    yield self.diagnostic(
                        paragraph.start,
                        paragraph.end,
                        f"paragraph is a near copy of one in {_describe(source)} "
                        f"({shared} of {total} MinHash bands shared, threshold "
                        f"{self.options.min_bands})",
                    )
                    continue
            for keyed, ref in copied:
                yield self.diagnostic(
                    keyed.sentence.start,
                    keyed.sentence.end,
                    f"sentence also appears in {_describe(ref)} ({keyed.words} words)",
                )

    # -- helpers ------------------------------------------------------------------

    def _bands(self, paragraph: Paragraph, sentences: list[KeyedSentence]) -> list[int]:
        words = [w for keyed in sentences for w in keyed.key.split()]
        if len(words) < self.options.min_sketch_words:
            return []
        signature = minhash(shingle_hashes(words), self.options.sketch_bins)
        return band_keys(signature, self.options.band_rows)

    def _keep(self, entries: dict[int, DocRef], key: int, ref: DocRef) -> None:
        rate = self.options.sample_rate
        if rate < 1.0 and key >= rate * _HASH_SPACE:
            return
        held = entries.get(key)
        if held is None or ref < held:
            entries[key] = ref


def _paragraph_units(
    doc: Document, min_words: int
) -> Iterator[tuple[Paragraph, list[KeyedSentence]]]:
    """Each paragraph with its sentences long enough to index."""
    by_paragraph: dict[int, list[KeyedSentence]] = {}
    for keyed in sentence_keys(doc):
        if keyed.words >= min_words:
            by_paragraph.setdefault(keyed.sentence.paragraph, []).append(keyed)
    for paragraph in doc.paragraphs:
        sentences = by_paragraph.get(paragraph.index)
        if sentences:
            yield paragraph, sentences


def _doc_ref(doc: Document) -> DocRef:
    """The document's reference; its group is the page url, so versions of a page are one."""
    record = doc.record or 0
    group = (doc.url or "").strip().split("#")[0].rstrip("/") or f"{doc.path}#{record}"
    return (doc.path, record, doc.id or "", group)


def _describe(ref: DocRef) -> str:
    path, record, doc_id, _ = ref
    where = path + (f" record {record}" if record else "")
    return where + (f" ({doc_id})" if doc_id else "")
