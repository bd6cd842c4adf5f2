"""Document views shared by the SEN rules, built once per document via ``doc.view``.

Every SEN rule is English-specific, so they share one cheap language check; several
rules also ask whether a word occurs elsewhere in the article, so word counts are
shared too.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import regex
import yaml

from scrapelint.document import Document
from scrapelint.lexicon import STOPWORDS

_DATA_DIR = Path(__file__).resolve().parent

#: Characters sampled for the language check; enough to be stable, cheap on long texts.
_LANGUAGE_SAMPLE_CHARS = 20_000
#: English prose has 25-55% stopwords from our list; other languages stay far below.
_MIN_STOPWORD_SHARE = 0.14
_MIN_WORDS_FOR_VERDICT = 12

_LATIN_WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)?")


def load_word_list(name: str) -> frozenset[str]:
    """Read a word list shipped beside the rules (``name`` without extension).

    The file is YAML with one key, ``words``: a string of white-space separated
    words (a string, because YAML reads bare words such as no/on as booleans).
    """
    with open(_DATA_DIR / f"{name}.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return frozenset(str(data["words"]).split())


#: Frequent function words of other European languages that are not English words.
_FOREIGN_STOPWORDS = load_word_list("foreign_stopwords")


def _english_verdict(doc: Document) -> bool:
    # Counting whole white-space tokens of a bounded sample keeps this check cheap; tokens
    # with punctuation attached simply do not count as stopwords.
    counts = Counter(doc.text[:_LANGUAGE_SAMPLE_CHARS].lower().split())
    total = sum(counts.values())
    if total < _MIN_WORDS_FOR_VERDICT:
        return True  # too little text to judge; short English snippets are the norm
    stop = foreign = 0
    for word, count in counts.items():
        if word in STOPWORDS:
            stop += count
        elif word in _FOREIGN_STOPWORDS:
            foreign += count
    return stop / total >= _MIN_STOPWORD_SHARE and stop > foreign


def is_english(doc: Document) -> bool:
    """True when the document reads as English (stopword share of its words)."""
    return doc.view("sen.is-english", _english_verdict)


def _count_words(doc: Document) -> Counter[str]:
    counts = Counter(match.group() for match in _LATIN_WORD.finditer(doc.text))
    if doc.title:
        counts.update(match.group() for match in _LATIN_WORD.finditer(doc.title))
    return counts


def word_counts(doc: Document) -> Counter[str]:
    """Case-sensitive counts of the document's letter-only words (and the title's)."""
    return doc.view("sen.word-counts", _count_words)
