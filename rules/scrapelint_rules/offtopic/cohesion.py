"""Lexical cohesion: how much of a text's rare vocabulary the rest of the article shares.

Each content stem weighs by its rarity in English. A text's coverage is the
weight of its stems found elsewhere in the article (other paragraphs or the
title) beyond what chance would give, over its total weight beyond chance:
in a long article even an unrelated paragraph meets common words such as
"Tuesday" somewhere, so each stem's chance of turning up in that many words
of unrelated text is subtracted. A stem found in one place only counts half,
so two injected paragraphs cannot fully vouch for each other.

Block scores are shrunk toward the article's pooled coverage with a
pseudo-weight, so a short paragraph needs more evidence to look unusual.
TF-IDF cosine and neighbour similarity were tried first and flagged short
on-topic paragraphs; coverage with shrinkage did not.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from scrapelint_rules.offtopic.vocabulary import Vocabulary

#: Zipf value at and above which a word carries no topical weight.
COMMON_ZIPF = 7.0
#: Weight bounds of a content word.
MIN_WEIGHT = 0.25
MAX_WEIGHT = 6.0
#: Places (paragraphs, title) a stem must occur in to count fully as shared.
SPREAD = 2


@dataclass(frozen=True, slots=True)
class Coverage:
    """Shared and total weight of a text's stems, both net of chance."""

    shared: float
    total: float
    terms: int

    @property
    def raw(self) -> float:
        """Unshrunk coverage (0 when there is no weight to judge)."""
        return self.shared / self.total if self.total > 0 else 0.0

    def shrunk(self, prior: float, pseudo_weight: float) -> float:
        return (self.shared + pseudo_weight * prior) / (self.total + pseudo_weight)


def weight(zipf_value: float) -> float:
    """Rarity weight of a word from its Zipf frequency."""
    return min(MAX_WEIGHT, max(MIN_WEIGHT, COMMON_ZIPF - zipf_value))


class Article:
    """Where each stem occurs in an article: the index for coverage queries."""

    def __init__(
        self, paragraphs: Sequence[Vocabulary], title: Vocabulary, title_places: int
    ) -> None:
        self.paragraphs = paragraphs
        self.places: Counter[str] = Counter()
        for vocabulary in paragraphs:
            self.places.update(vocabulary.terms.keys())
        for stem in title.terms:
            self.places[stem] += title_places
        self.tokens = sum(v.tokens for v in paragraphs)

    def coverage(self, texts: range, excluded: range) -> Coverage:
        """Coverage of paragraphs ``texts`` by the article without paragraphs ``excluded``."""
        paragraphs = self.paragraphs
        terms: dict[str, float] = {}
        for index in texts:
            for stem, value in paragraphs[index].terms.items():
                if value < terms.get(stem, 99.0):
                    terms[stem] = value
        own: Counter[str] = Counter()
        for index in excluded:
            own.update(paragraphs[index].terms.keys())
        rest_tokens = max(1, self.tokens - sum(paragraphs[i].tokens for i in excluded))
        shared = total = chance = 0.0
        for stem, value in terms.items():
            w = weight(value)
            total += w
            # Expected weight found by chance in that many words of unrelated text.
            chance += w * -math.expm1(-(10.0 ** (value - 9.0)) * rest_tokens)
            elsewhere = self.places[stem] - own[stem]
            if elsewhere > 0:
                shared += w * min(1.0, elsewhere / SPREAD)
        return Coverage(shared - chance, total - chance, len(terms))


def pooled(coverages: Sequence[Coverage]) -> float:
    """The article's mean coverage, pooled by weight."""
    total = sum(c.total for c in coverages)
    return sum(c.shared for c in coverages) / total if total > 0 else 0.0
