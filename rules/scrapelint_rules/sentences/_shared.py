"""Document views shared by the SEN rules, built once per document via ``doc.view``.

Every SEN rule is English-specific, so they share one cheap language check; several
rules also ask whether a word occurs elsewhere in the article, so word counts are
shared too.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from scrapelint.document import Document
from scrapelint.lexicon import STOPWORDS

_DATA_DIR = Path(__file__).resolve().parent

#: English prose has 25-55% stopwords from our list; other languages stay far below.
_MIN_STOPWORD_SHARE = 0.14
_MIN_WORDS_FOR_VERDICT = 12


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


def _count_tokens(doc: Document) -> Counter[str]:
    return Counter(doc.text.split())


def token_counts(doc: Document) -> Counter[str]:
    """Counts of the document's white-space separated tokens, punctuation attached.

    ``str.split`` plus a ``Counter`` is the cheapest full pass over the text; the
    language check and the fused-word rules read their candidates from it.
    """
    return doc.view("sen.token-counts", _count_tokens)


def _variants(words: frozenset[str]) -> tuple[str, ...]:
    return tuple({form for word in words for form in (word, word.capitalize(), word.upper())})


_STOPWORD_FORMS = _variants(STOPWORDS)
_FOREIGN_STOPWORD_FORMS = _variants(_FOREIGN_STOPWORDS)


def _english_verdict(doc: Document) -> bool:
    counts = token_counts(doc)
    total = sum(counts.values())
    if total < _MIN_WORDS_FOR_VERDICT:
        return True  # too little text to judge; short English snippets are the norm
    # Look the (few hundred) stopwords up in the counts instead of walking every token.
    stop = sum(counts.get(word, 0) for word in _STOPWORD_FORMS)
    foreign = sum(counts.get(word, 0) for word in _FOREIGN_STOPWORD_FORMS)
    return stop / total >= _MIN_STOPWORD_SHARE and stop > foreign


def is_english(doc: Document) -> bool:
    """True when the document reads as English (stopword share of its words)."""
    return doc.view("sen.is-english", _english_verdict)
