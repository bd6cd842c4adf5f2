"""Content vocabulary of paragraphs: light stems weighted by background rarity.

Rarity comes from the English word-frequency table of ``scrapelint.lexicon``
(the wordfreq package: code Apache-2.0, data CC-BY-SA 4.0), never from the
document itself: one article is far too small to say which words are rare.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import repeat
from typing import NamedTuple

from scrapelint.document import Document
from scrapelint.lexicon import STOPWORDS, zipf

#: Words shorter than this are never content words.
MIN_LETTERS = 3
#: Zipf value assumed for words the table does not know (names, jargon, typos).
UNKNOWN_ZIPF = 1.0
#: Zipf value at and above which a word carries no topical weight.
COMMON_ZIPF = 7.0
#: Weight bounds of a content word.
MIN_WEIGHT = 0.25
MAX_WEIGHT = COMMON_ZIPF - UNKNOWN_ZIPF
#: Weights are rounded to this step, so an article holds few distinct values.
WEIGHT_STEP = 0.05
#: Every weight ``weight`` can return (the same floats: a whole number times the step).
WEIGHTS = tuple(
    k * WEIGHT_STEP
    for k in range(round(MIN_WEIGHT / WEIGHT_STEP), round(MAX_WEIGHT / WEIGHT_STEP) + 1)
)

# Candidate words: a letter, then letters and digits, with inner apostrophes or hyphens.
# The stdlib engine is faster than ``regex`` here and its \w is Unicode-aware too.
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’\-][^\W_]+)*")
# The same pattern for lower-case ASCII text, where its classes are plain ranges (faster).
_ASCII_WORD = re.compile(r"[a-z][a-z0-9]*(?:['\-][a-z0-9]+)*")
# Tokens already classified: (stem, weight), or None for a non-content word. Shared by
# threads; it stops growing at the limit rather than being cleared under a reader. The
# function words are in it from the start, so a text's tokens need no separate filtering.
_TERMS: dict[str, tuple[str, float] | None] = dict.fromkeys(STOPWORDS)
_TERMS_LIMIT = 300_000 + len(STOPWORDS)
# Stands for a token not classified yet in lookups (never stored).
_UNKNOWN = ("", 0.0)


class Vocabulary(NamedTuple):
    """Distinct content stems of a text with their rarity weights, and its word counts.

    A named tuple: one is built per paragraph, and a tuple is the cheapest to build.
    """

    stems: tuple[str, ...]
    weights: tuple[float, ...]
    tokens: int
    function_words: int


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A light English stem so that "talks", "talking" and "talked" meet."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    n = len(word)
    if n > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if n > 5 and word.endswith("ing"):
        return word[:-3]
    if n > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    if n > 3 and word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    if n > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def weight(zipf_value: float) -> float:
    """Rarity weight of a word from its Zipf frequency (rounded to ``WEIGHT_STEP``)."""
    raw = min(MAX_WEIGHT, max(MIN_WEIGHT, COMMON_ZIPF - zipf_value))
    return round(raw / WEIGHT_STEP) * WEIGHT_STEP


@lru_cache(maxsize=1024)
def frequency(weight_value: float) -> float:
    """The English frequency per word that a weight stands for (inverse of ``weight``).

    Cached: weights are multiples of ``WEIGHT_STEP``, so there are few of them.
    """
    return math.pow(10.0, COMMON_ZIPF - weight_value - 9.0)


def content_term(word: str) -> tuple[str, float] | None:
    """The (stem, weight) of a lower-case word, or None for a function word."""
    if len(word) < MIN_LETTERS or word in STOPWORDS:
        return None
    if not word.isalpha() and sum(c.isdigit() for c in word) * 2 >= len(word):
        return None
    return stem(word), weight(max(UNKNOWN_ZIPF, zipf(word)))


def vocabulary(text: str) -> Vocabulary:
    """The content vocabulary of a text; a stem keeps the weight of its rarest form."""
    lowered = text.lower()
    tokens = (_ASCII_WORD if lowered.isascii() else _WORD).findall(lowered)
    candidates = set(tokens)
    cache = _TERMS
    # Nearly every token is known after the first articles: look them up in one pass, and
    # classify the new ones (marked ``_UNKNOWN``) only when there are some.
    found: list[tuple[str, float]] = list(
        filter(None, map(cache.get, candidates, repeat(_UNKNOWN)))
    )
    if _UNKNOWN not in found:
        return _vocabulary(found, tokens)
    missing = candidates.difference(cache)
    found = list(filter(None, map(cache.get, candidates)))
    for token in missing:
        term = content_term(token)
        if len(cache) < _TERMS_LIMIT:
            cache[token] = term
        if term is not None:
            found.append(term)
    return _vocabulary(found, tokens)


def _vocabulary(found: list[tuple[str, float]], tokens: list[str]) -> Vocabulary:
    terms = dict(found)
    if len(terms) < len(found):
        # Forms of one stem met: sorted, the dict keeps the highest weight whatever the order.
        terms = dict(sorted(found))
    function_words = sum(map(STOPWORDS.__contains__, tokens))
    return Vocabulary(tuple(terms), tuple(terms.values()), len(tokens), function_words)


def paragraph_vocabularies(doc: Document) -> tuple[Vocabulary, ...]:
    """The vocabulary of each paragraph of ``doc`` (a shared view)."""
    return doc.view("ot.vocabularies", _build)


def _build(doc: Document) -> tuple[Vocabulary, ...]:
    return tuple(vocabulary(para.text) for para in doc.paragraphs)
