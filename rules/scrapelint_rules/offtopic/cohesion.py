"""Lexical cohesion: how much of a text's rare vocabulary the rest of the article shares.

Each content stem weighs by its rarity in English. A text's coverage is the
weight of its stems found elsewhere in the article (other paragraphs or the
title) beyond what chance would give, over its total weight beyond chance:
in a long article even an unrelated paragraph meets common words such as
"Tuesday" somewhere, so each stem's chance of turning up in that many words
of unrelated text is subtracted. A stem found in fewer than ``spread`` other
places counts in proportion, so that two injected paragraphs cannot fully
vouch for each other and the article's recurring words count most.

Block scores are shrunk toward the article's pooled coverage with a
pseudo-weight, so a short paragraph needs more evidence to look unusual.
TF-IDF cosine and neighbour similarity were tried first and flagged short
on-topic paragraphs; coverage with shrinkage did not.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import chain, repeat
from operator import mul, sub
from typing import NamedTuple

from scrapelint_rules.offtopic.vocabulary import WEIGHTS, Terms, frequency


class Coverage(NamedTuple):
    """Shared and total weight of a text's stems, both net of chance (a cheap named tuple)."""

    shared: float
    total: float
    terms: int

    @property
    def raw(self) -> float:
        """Unshrunk coverage (0 when there is no weight to judge)."""
        return self.shared / self.total if self.total > 0 else 0.0

    def shrunk(self, prior: float, pseudo_weight: float) -> float:
        return (self.shared + pseudo_weight * prior) / (self.total + pseudo_weight)


class Article:
    """Where each stem occurs in an article: the index for coverage queries.

    Chance is computed against the whole article's length; a left-out block is
    a small part of it, so the difference does not matter. The per-paragraph
    sums run through ``map`` so that long articles stay cheap.
    """

    def __init__(
        self,
        paragraphs: Sequence[Terms],
        title: Terms,
        *,
        tokens: int,
        title_places: int,
        spread: float,
    ) -> None:
        self.paragraphs = paragraphs
        counts = Counter(chain.from_iterable(paragraphs))
        for stem in title:
            counts[stem] += title_places
        self.places: dict[str, int] = dict(counts)
        # Weight of a stem expected to turn up in unrelated text as long as the article, for
        # every possible weight: fewer than collecting the article's distinct weights.
        self._chance = {w: -w * math.expm1(-frequency(w) * tokens) for w in WEIGHTS}
        # Credit of a stem by its number of places, this paragraph included.
        most = max(self.places.values(), default=0) + 1
        self._credit = [min(1.0, max(0.0, (n - 1) / spread)) for n in range(most + 1)]

    def _net(self, weights: Sequence[float]) -> tuple[float, float]:
        """Total weight and weight expected by chance."""
        return sum(weights), sum(map(self._chance.__getitem__, weights))

    def coverage(self, texts: range, excluded: range) -> Coverage:
        """Coverage of paragraphs ``texts`` by the article without paragraphs ``excluded``."""
        if len(texts) == 1 and texts[0] in excluded:
            return self._coverage_of(texts[0], excluded)
        own: Counter[str] = Counter()
        for index in excluded:
            own.update(self.paragraphs[index])
        terms: dict[str, float] = {}
        for index in texts:
            for stem, w in self.paragraphs[index].items():
                terms.setdefault(stem, w)
        credit = self._credit
        shared = sum(w * credit[self.places[s] - own[s] + 1] for s, w in terms.items())
        total, chance = self._net(tuple(terms.values()))
        return Coverage(shared - chance, total - chance, len(terms))

    def text_coverage(self, vocabulary: Terms, excluded: range) -> Coverage:
        """Coverage of a piece of text inside paragraphs ``excluded`` (a heading line glued
        to its paragraph) by the rest of the article."""
        own = Counter(chain.from_iterable(self.paragraphs[i] for i in excluded))
        credit = self._credit
        shared = sum(
            w * credit[max(0, self.places.get(s, 0) - own[s]) + 1] for s, w in vocabulary.items()
        )
        total, chance = self._net(tuple(vocabulary.values()))
        return Coverage(shared - chance, total - chance, len(vocabulary))

    def _coverage_of(self, text: int, excluded: range) -> Coverage:
        """Coverage of one paragraph by the article without ``excluded`` (which holds it).

        Its stems are distinct, so each one's places outside ``excluded`` are its places less
        those of the other excluded paragraphs (headings, a neighbour): set lookups in C for
        the common case of a paragraph scored on its own or with its headings.
        """
        stems = self.paragraphs[text]
        weights = stems.values()
        places: Iterator[int] = map(self.places.__getitem__, stems)
        if len(excluded) > 1:
            others = [self.paragraphs[i] for i in excluded if i != text]
            # Usually one heading: its stems each count once.
            minus: dict[str, int] = (
                dict.fromkeys(others[0], 1)
                if len(others) == 1
                else Counter(chain.from_iterable(others))
            )
            places = map(sub, places, map(minus.get, stems, repeat(0)))
        # Places outside ``excluded`` plus one is ``places`` less this paragraph plus one.
        shared = sum(map(mul, weights, map(self._credit.__getitem__, places)))
        total = sum(weights)
        chance = sum(map(self._chance.__getitem__, weights))
        return Coverage(shared - chance, total - chance, len(stems))


def pooled(coverages: Sequence[Coverage]) -> float:
    """The article's mean coverage, pooled by weight."""
    total = sum(c.total for c in coverages)
    return sum(c.shared for c in coverages) / total if total > 0 else 0.0
