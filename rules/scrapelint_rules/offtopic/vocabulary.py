"""Content vocabulary of paragraphs: light stems weighted by background rarity.

Rarity comes from the English word-frequency table of ``scrapelint.lexicon``
(the wordfreq package: code Apache-2.0, data CC-BY-SA 4.0), never from the
document itself: one article is far too small to say which words are rare.

Tokenising is the hot path of the OT family, so it runs in C as far as it can:
ASCII punctuation becomes spaces by one byte translation of the document, the
text is split on white space, and each chunk is looked up in a cache that
already knows how the word pattern splits it. Only chunks never seen before
(or the rare ones holding several words) meet the regular expression.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import compress, repeat
from operator import is_, itemgetter
from typing import NamedTuple, cast

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

#: A text's content vocabulary: each distinct stem with the weight of its rarest form.
Terms = dict[str, float]

# Candidate words: a letter, then letters and digits, with inner apostrophes or hyphens.
# The stdlib engine is faster than ``regex`` here and its \w is Unicode-aware too.
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’\-][^\W_]+)*")
# The same pattern for lower-case ASCII text, where its classes are plain ranges (faster).
_ASCII_WORD = re.compile(r"[a-z][a-z0-9]*(?:['\-][a-z0-9]+)*")
# Lower-cases ASCII letters and turns every other ASCII byte that ``_WORD`` can never take
# into a space; bytes of other characters (UTF-8) stay. No word spans a space afterwards,
# so splitting on white space and matching ``_WORD`` in each chunk finds the same words.
_KEPT = b"abcdefghijklmnopqrstuvwxyz0123456789'-"
_FOLD = bytes(
    c if c in _KEPT or c >= 0x80 else c + 32 if 0x41 <= c <= 0x5A else 0x20 for c in range(256)
)

# What a chunk of text between spaces holds. Most chunks are one word, classified as
# None (not a content word), ``_FUNCTION`` (a stopword: falsy, and counted) or a content
# (key, weight) pair. The rest are pairs under keys no stem can have ("\0" never reaches
# a chunk), so that one dict look-up tells whether a paragraph holds any of them.
_FUNCTION = ""
_NO_WORD = ("\0none", 0.0)  # numbers and lone punctuation: no word at all
_SEVERAL = ("\0several", 0.0)  # e.g. "one—two": words joined by other punctuation
_UNSEEN = ("\0unseen", 0.0)  # the look-up default: not classified yet (never stored)

Chunk = tuple[str, float] | str | None

# Chunks already classified. Shared by threads; it stops growing at the limit rather than
# being cleared under a reader. The function words are in it from the start.
_CHUNKS: dict[str, Chunk] = dict.fromkeys(STOPWORDS, _FUNCTION)
_CHUNKS_LIMIT = 300_000 + len(STOPWORDS)
# Pairs sorted by this before they become a dict: the last, heaviest form of a stem wins.
_BY_WEIGHT = itemgetter(1)


class ParagraphVocabularies(NamedTuple):
    """The terms of each paragraph, and the document's word and function-word counts."""

    terms: tuple[Terms, ...]
    tokens: int
    function_words: int


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
    raw = COMMON_ZIPF - zipf_value
    raw = MAX_WEIGHT if raw > MAX_WEIGHT else MIN_WEIGHT if raw < MIN_WEIGHT else raw
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
    zipf_value = zipf(word)
    return stem(word), weight(zipf_value if zipf_value > UNKNOWN_ZIPF else UNKNOWN_ZIPF)


def _word_kind(word: str) -> Chunk:
    return _FUNCTION if word in STOPWORDS else content_term(word)


def _words(chunk: str) -> list[str]:
    return (_ASCII_WORD if chunk.isascii() else _WORD).findall(chunk)


def _chunk_kind(chunk: str) -> Chunk:
    if chunk.isalpha():  # letters only: one whole word
        return _FUNCTION if chunk in STOPWORDS else content_term(chunk)
    words = _words(chunk)
    if len(words) == 1:  # a word with a digit, or with punctuation around it
        known = _CHUNKS.get(words[0], _UNSEEN)
        return _word_kind(words[0]) if known is _UNSEEN else known
    return _SEVERAL if words else _NO_WORD


def _classify(chunks: list[str], values: list[Chunk]) -> list[Chunk]:
    """``values`` with the unseen chunks classified (and cached while there is room)."""
    unseen = dict.fromkeys(compress(chunks, map(is_, values, repeat(_UNSEEN))))
    new = {chunk: _chunk_kind(chunk) for chunk in unseen}
    if len(_CHUNKS) < _CHUNKS_LIMIT:
        _CHUNKS.update(new)
    # Cached chunks keep their value; the new ones take theirs.
    return list(map(new.get, chunks, values))


def _pairs(values: list[Chunk]) -> Terms:
    """Content pairs and markers of ``values`` as a dict, each stem with its highest weight.

    The falsy kinds (None, function words) drop out. Sorting by weight alone is cheap
    (floats compare fast) and does the work of a max per stem in C.
    """
    pairs = cast("Iterable[tuple[str, float]]", filter(None, values))
    return dict(sorted(pairs, key=_BY_WEIGHT))


def _terms(chunks: list[str]) -> tuple[Terms, int, int]:
    """The terms of a text split into chunks, its number of words and of function words."""
    try:
        values = list(map(_CHUNKS.__getitem__, chunks))
    except KeyError:  # some chunks are new
        values = _classify(chunks, list(map(_CHUNKS.get, chunks, repeat(_UNSEEN))))
    terms = _pairs(values)
    tokens = len(values)
    if _NO_WORD[0] in terms:
        tokens -= values.count(_NO_WORD)
        del terms[_NO_WORD[0]]
    if _SEVERAL[0] in terms:
        several = [chunk for chunk, kind in zip(chunks, values, strict=True) if kind == _SEVERAL]
        words = [word for chunk in several for word in _words(chunk)]
        tokens += len(words) - len(several)
        values += map(_word_kind, words)
        terms = _pairs(values)
        terms.pop(_NO_WORD[0], None)
        del terms[_SEVERAL[0]]
    return terms, tokens, values.count(_FUNCTION)


def _chunks(text: str) -> list[str]:
    """Lower-cased chunks of ``text`` between white space and ASCII punctuation."""
    if text.isascii():
        return text.encode("ascii").translate(_FOLD).decode("ascii").split()
    return text.lower().encode("utf-8").translate(_FOLD).decode("utf-8").split()


def vocabulary(text: str) -> Terms:
    """The content vocabulary of a text; a stem keeps the weight of its rarest form."""
    return _terms(_chunks(text))[0]


def paragraph_vocabularies(doc: Document) -> ParagraphVocabularies:
    """The vocabulary of each paragraph of ``doc`` (a shared view)."""
    return doc.view("ot.vocabularies", _build)


def _build(doc: Document) -> ParagraphVocabularies:
    text = doc.text
    # Folded once for the whole text, then sliced: lower-casing never looks across the line
    # breaks that bound paragraphs, and only changes lengths for a few characters.
    folded: str | None = None
    if text.isascii():
        folded = text.encode("ascii").translate(_FOLD).decode("ascii")
    else:
        lowered = text.lower()
        if len(lowered) == len(text):
            folded = lowered.encode("utf-8").translate(_FOLD).decode("utf-8")
    out: list[Terms] = []
    tokens = function_words = 0
    for para in doc.paragraphs:
        chunks = folded[para.start : para.end].split() if folded is not None else _chunks(para.text)
        terms, count, functions = _terms(chunks)
        out.append(terms)
        tokens += count
        function_words += functions
    return ParagraphVocabularies(tuple(out), tokens, function_words)
