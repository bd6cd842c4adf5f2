"""Content vocabulary of paragraphs: light stems with their background frequency.

Rarity comes from the English word-frequency table of ``scrapelint.lexicon``
(the wordfreq package: code Apache-2.0, data CC-BY-SA 4.0), never from the
document itself: one article is far too small to say which words are rare.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from scrapelint.document import Document
from scrapelint.lexicon import STOPWORDS, zipf

#: Words shorter than this are never content words.
MIN_LETTERS = 3
#: Zipf value assumed for words the table does not know (names, jargon, typos).
UNKNOWN_ZIPF = 1.0

# Candidate words: a letter, then letters, digits and inner apostrophes or hyphens.
_WORD = regex.compile(r"\p{L}[\p{L}\p{N}]*(?:['’\-][\p{L}\p{N}]+)*")
# Tokens already classified (stem and Zipf value, or None); bounded, shared by threads.
_TERMS: dict[str, tuple[str, float] | None] = {}
_TERMS_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Distinct content stems of a text (stem -> Zipf value) and its word counts."""

    terms: dict[str, float]
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


def content_term(word: str) -> tuple[str, float] | None:
    """The (stem, Zipf value) of a lower-case word, or None for a function word."""
    if len(word) < MIN_LETTERS or word in STOPWORDS:
        return None
    if sum(c.isdigit() for c in word) * 2 >= len(word):
        return None
    return stem(word), max(UNKNOWN_ZIPF, zipf(word))


def vocabulary(text: str) -> Vocabulary:
    """The content vocabulary of a text; a stem keeps the Zipf value of its rarest form."""
    tokens = _WORD.findall(text.lower())
    terms: dict[str, float] = {}
    cache = _TERMS
    function_words = 0
    for token in tokens:
        if token in STOPWORDS:
            function_words += 1
    for token in set(tokens):
        try:
            term = cache[token]
        except KeyError:
            if len(cache) >= _TERMS_LIMIT:
                cache.clear()
            term = cache[token] = content_term(token)
        if term is not None:
            key, value = term
            if value < terms.get(key, 99.0):
                terms[key] = value
    return Vocabulary(terms, len(tokens), function_words)


def paragraph_vocabularies(doc: Document) -> tuple[Vocabulary, ...]:
    """The vocabulary of each paragraph of ``doc`` (a shared view)."""
    return doc.view("ot.vocabularies", _build)


def _build(doc: Document) -> tuple[Vocabulary, ...]:
    return tuple(vocabulary(para.text) for para in doc.paragraphs)
