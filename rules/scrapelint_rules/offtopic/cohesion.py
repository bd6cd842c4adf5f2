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
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain, repeat
from operator import mul
from typing import NamedTuple

from scrapelint.document import tuple_maker
from scrapelint_rules.offtopic.vocabulary import WEIGHTS, Terms, frequency

#: -w and -frequency(w) for every weight, for the article's chance table.
_NEGATED_WEIGHTS = tuple(-w for w in WEIGHTS)
_NEGATED_FREQUENCIES = tuple(-frequency(w) for w in WEIGHTS)


@lru_cache(maxsize=64)
def _credit_table(spread: float, size: int) -> tuple[float, ...]:
    return tuple(min(1.0, max(0.0, (n - 1) / spread)) for n in range(size))


def _credits(spread: float, size: int) -> tuple[float, ...]:
    """Credit of a stem by its number of places (index), for at least ``size`` places.

    The table for a power of two at least ``size`` long is shared between articles.
    """
    return _credit_table(spread, max(64, 1 << (size - 1).bit_length()))


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


#: Builds a ``Coverage`` in C (one per block and query).
_coverage = tuple_maker(Coverage)


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
        places = Counter(chain.from_iterable(paragraphs))
        for stem in title:
            places[stem] += title_places
        self.places: dict[str, int] = places
        # Weight of a stem expected to turn up in unrelated text as long as the article, for
        # every possible weight (-w * expm1(-frequency(w) * tokens), computed in C).
        self._chance = dict(
            zip(
                WEIGHTS,
                map(
                    mul,
                    _NEGATED_WEIGHTS,
                    map(math.expm1, map(mul, _NEGATED_FREQUENCIES, repeat(tokens))),
                ),
                strict=True,
            )
        )
        # Credit of a stem by its number of places, this paragraph included: a stem is in at
        # most every paragraph and the title.
        self._credit = _credits(spread, len(paragraphs) + max(title_places, 0) + 2)

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
        return _coverage((shared - chance, total - chance, len(terms)))

    def text_coverage(self, vocabulary: Terms, excluded: range) -> Coverage:
        """Coverage of a piece of text inside paragraphs ``excluded`` (a heading line glued
        to its paragraph) by the rest of the article."""
        own = Counter(chain.from_iterable(self.paragraphs[i] for i in excluded))
        credit = self._credit
        shared = sum(
            w * credit[max(0, self.places.get(s, 0) - own[s]) + 1] for s, w in vocabulary.items()
        )
        total, chance = self._net(tuple(vocabulary.values()))
        return _coverage((shared - chance, total - chance, len(vocabulary)))

    def under_headings(self, bodies: Iterable[int], firsts: Iterable[int]) -> list[Coverage]:
        """Coverage of each paragraph ``bodies[i]`` by the article without the paragraphs
        ``firsts[i]..bodies[i]`` (its headings): what ``coverage`` gives, for every block at
        once, with the common case of no headings inlined."""
        paragraphs = self.paragraphs
        places = self.places.__getitem__
        credit = self._credit.__getitem__
        chance = self._chance.__getitem__
        new = _coverage
        out = []
        for body, first in zip(bodies, firsts, strict=True):
            if first != body:
                out.append(self._coverage_of(body, range(first, body + 1)))
                continue
            stems = paragraphs[body]
            weights = stems.values()
            shared = sum(map(mul, weights, map(credit, map(places, stems))))
            total = sum(weights)
            expected = sum(map(chance, weights))
            out.append(new((shared - expected, total - expected, len(stems))))
        return out

    def _coverage_of(self, text: int, excluded: range) -> Coverage:
        """Coverage of one paragraph by the article without ``excluded`` (which holds it).

        Its stems are distinct, so each one's places outside ``excluded`` are its places less
        one for each other excluded paragraph (headings, a neighbour) that holds it: only the
        few stems they share are corrected, by position, and the sums stay in C.
        """
        stems = self.paragraphs[text]
        weights = stems.values()
        keys = stems.keys()
        # Usually a heading shares no stem with its paragraph: nothing to correct.
        shares = [keys & self.paragraphs[i].keys() for i in excluded if i != text]
        places: Iterable[int] = map(self.places.__getitem__, stems)
        if any(shares):
            places = list(places)
            order = list(stems)
            for stem in chain.from_iterable(shares):
                places[order.index(stem)] -= 1
        # Places outside ``excluded`` plus one is ``places`` less this paragraph plus one.
        shared = sum(map(mul, weights, map(self._credit.__getitem__, places)))
        total = sum(weights)
        chance = sum(map(self._chance.__getitem__, weights))
        return _coverage((shared - chance, total - chance, len(stems)))


def pooled(coverages: Sequence[Coverage]) -> float:
    """The article's mean coverage, pooled by weight."""
    total = sum(c.total for c in coverages)
    return sum(c.shared for c in coverages) / total if total > 0 else 0.0
