"""DUP003 near-duplicate-paragraph."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress, repeat
from operator import ge, itemgetter

from scrapelint.diagnostics import Category, Diagnostic, Fix, Severity
from scrapelint.document import Document, Paragraph
from scrapelint.edits import remove_lines
from scrapelint.rule import Rule
from scrapelint_rules.duplicates.line_index import headline_key, paragraph_keys

#: Words in the opening and closing shingle used as index keys inside one document. Two
#: paragraphs become a candidate pair when they open or close with the same words: a near
#: copy changed in a word or two keeps at least one end intact. Every candidate is then
#: verified on its full word 3-gram sets.
_ANCHOR_WORDS = 6
#: Characters sliced off each end of a paragraph to find its anchor words.
_ANCHOR_CHARS = 120
#: Candidate pairs verified per document at most, so a pathological page stays linear.
_MAX_CANDIDATES = 20000


@dataclass(frozen=True)
class NearDuplicateOptions:
    #: Word 3-gram Jaccard similarity from which two paragraphs are near copies.
    similarity: float = 0.8
    #: Paragraphs with fewer words are not compared (one changed word weighs too much).
    min_words: int = 15
    #: A paragraph with this many near copies or more is a template (listing entries).
    max_family: int = 3


Shingle = tuple[str, str, str]


@dataclass(slots=True)
class _Unit:
    paragraph: Paragraph
    #: The normalised text: words separated by single spaces.
    key: str
    _shingles: set[Shingle] | None = None

    @property
    def shingles(self) -> set[Shingle]:
        """Word 3-grams, built only for paragraphs that are candidates."""
        if self._shingles is None:
            w = self.key.split(" ")
            self._shingles = set(zip(w, w[1:], w[2:], strict=False))
        return self._shingles


def _anchors(keys: list[str]) -> tuple[list[str], list[str]]:
    """The opening and the closing ``_ANCHOR_WORDS`` words of each key.

    Built by C iterators: each key's bounded end slice is split at its first (last) spaces
    only; a slice holding fewer than ``_ANCHOR_WORDS`` whole words is widened to the key.
    """
    heads = list(map(str.split, map(_HEAD_SLICE, keys), repeat(" "), repeat(_ANCHOR_WORDS)))
    tails = list(map(str.rsplit, map(_TAIL_SLICE, keys), repeat(" "), repeat(_ANCHOR_WORDS)))
    for parts, widen in ((heads, str.split), (tails, str.rsplit)):
        for i in compress(range(len(keys)), map(ge, repeat(_ANCHOR_WORDS), map(len, parts))):
            parts[i] = widen(keys[i], " ", _ANCHOR_WORDS)
    return (
        list(map(" ".join, map(_FIRST_WORDS, heads))),
        list(map(" ".join, map(_LAST_WORDS, tails))),
    )


_HEAD_SLICE = itemgetter(slice(None, _ANCHOR_CHARS))
_TAIL_SLICE = itemgetter(slice(-_ANCHOR_CHARS, None))
_FIRST_WORDS = itemgetter(slice(None, _ANCHOR_WORDS))
_LAST_WORDS = itemgetter(slice(-_ANCHOR_WORDS, None))


class NearDuplicateParagraph(Rule):
    """Flags a paragraph that nearly repeats an earlier one.

    ## What it does
    Compares the paragraphs of at least `min_words` words by the Jaccard
    similarity of their word 3-grams (after normalising case, punctuation and
    quotes) and flags a later paragraph that reaches `similarity` with an
    earlier one, or differs from it in a single word, without being an exact
    copy (DUP002 reports those). Candidate pairs come from an index of each
    paragraph's opening and closing shingles (six words each), so long
    documents are not compared pair by pair; a near copy changed in a word or
    two keeps at least one end.

    Paragraphs that belong to a family of `max_family` or more mutual near
    copies, and pairs whose differing words recur in another pair (the same
    description filled in with another product name), are entries of a
    template (product cards, comparisons, event listings) and are left alone.

    ## Why is this bad
    Scrapers keep two renderings of the same paragraph (a teaser and the full
    text, a desktop and a mobile version that differ by a word or a link).

    ## Example
    ```text
    The museum will reopen in March after a two-year renovation of its east wing and the
    main hall, the director said on Friday.

    The museum will reopen in April after a two-year renovation of its east wing and the
    main hall, the director said on Friday.
    ```
    The second paragraph is flagged as a near copy of the first.

    ## Options
    - `similarity` (float, default 0.8): Jaccard similarity of word 3-grams for a near copy.
    - `min_words` (int, default 15): shorter paragraphs are not compared.
    - `max_family` (int, default 3): a paragraph with this many near copies is a template.

    ## Fix
    Unsafe: the later paragraph is removed; check which wording should stay.
    """

    code = "DUP003"
    name = "near-duplicate-paragraph"
    category = Category.DUPLICATE
    severity = Severity.WARNING
    fixable = "always"
    Options = NearDuplicateOptions

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        opts: NearDuplicateOptions = self.options
        headline = headline_key(doc)
        keys = paragraph_keys(doc)
        # Long enough: at least ``min_words - 1`` spaces (counted in C for all paragraphs).
        long = map(ge, map(str.count, keys, repeat(" ")), repeat(opts.min_words - 1))
        units = [
            _Unit(paragraph, key)
            for paragraph, key in compress(zip(doc.paragraphs, keys, strict=True), long)
            if key != headline
        ]
        if len(units) < 2:
            return
        similar = _drop_substitution_templates(self._similar_pairs(units), units)
        family: dict[int, int] = {}
        for a, b, _ in similar:
            family[a] = family.get(a, 0) + 1
            family[b] = family.get(b, 0) + 1
        reported: set[int] = set()
        for a, b, score in sorted(similar, key=lambda pair: (pair[1], pair[0])):
            if b in reported or family[a] >= opts.max_family or family[b] >= opts.max_family:
                continue
            reported.add(b)
            yield self._report(doc, units[a].paragraph, units[b].paragraph, score)

    def _similar_pairs(self, units: list[_Unit]) -> list[tuple[int, int, float]]:
        """Pairs (earlier, later, similarity) at or above the threshold, exact copies excluded."""
        heads, tails = _anchors([unit.key for unit in units])
        if len(set(heads)) == len(heads) and len(set(tails)) == len(tails):
            return []  # no two paragraphs share an end: no candidate
        buckets: dict[tuple[bool, str], list[int]] = {}
        for i, (head, tail) in enumerate(zip(heads, tails, strict=True)):
            buckets.setdefault((True, head), []).append(i)
            buckets.setdefault((False, tail), []).append(i)
        candidates: set[tuple[int, int]] = set()
        for members in buckets.values():
            if len(members) < 2:
                continue
            for x, a in enumerate(members):
                for b in members[x + 1 :]:
                    candidates.add((a, b))
                if len(candidates) > _MAX_CANDIDATES:
                    break
        threshold = self.options.similarity
        pairs = []
        for a, b in sorted(candidates):
            if units[a].key == units[b].key:
                continue
            score = _jaccard(units[a].shingles, units[b].shingles)
            if score >= threshold or _one_word_changed(units[a].key, units[b].key):
                pairs.append((a, b, score))
        return pairs

    def _report(self, doc: Document, first: Paragraph, copy: Paragraph, score: float) -> Diagnostic:
        line, _ = doc.position(first.start)
        return self.diagnostic(
            copy.start,
            copy.end,
            f"paragraph nearly repeats line {line} ({score:.0%} of word 3-grams shared, "
            f"threshold {self.options.similarity:.0%})",
            fix=Fix.unsafe(
                "Remove the near-duplicate paragraph",
                remove_lines(doc, copy.first_line, copy.last_line),
            ),
        )


def _jaccard(a: set[Shingle], b: set[Shingle]) -> float:
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) if shared else 0.0


def _one_word_changed(a: str, b: str) -> bool:
    """Whether two texts of the same length differ in exactly one word position."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    return sum(x != y for x, y in zip(words_a, words_b, strict=True)) == 1


def _drop_substitution_templates(
    pairs: list[tuple[int, int, float]], units: list[_Unit]
) -> list[tuple[int, int, float]]:
    """Drop pairs whose differing words recur in another pair (one text filled in per item).

    Comparison pages describe each product with the same sentences and a different name:
    the same word swap between several pairs marks a template, not a scraping copy.
    """
    if len(pairs) < 2:
        return pairs
    signatures: dict[tuple[frozenset[str], frozenset[str]], int] = {}
    keyed: list[tuple[frozenset[str], frozenset[str]]] = []
    for a, b, _ in pairs:
        words_a, words_b = set(units[a].key.split()), set(units[b].key.split())
        signature = (frozenset(words_a - words_b), frozenset(words_b - words_a))
        keyed.append(signature)
        signatures[signature] = signatures.get(signature, 0) + 1
    return [pair for pair, sig in zip(pairs, keyed, strict=True) if signatures[sig] < 2]
