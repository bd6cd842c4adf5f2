"""OT vocabulary: the chunk tokeniser must find exactly the words of the word pattern."""

from __future__ import annotations

import re

import pytest

from scrapelint.document import Document
from scrapelint.lexicon import STOPWORDS
from scrapelint_rules.offtopic import vocabulary as vocabulary_module
from scrapelint_rules.offtopic.vocabulary import (
    content_term,
    paragraph_vocabularies,
    stem,
    vocabulary,
)

# The definition of a word, written out plainly: a letter, then letters and digits, with
# inner apostrophes or hyphens, in lower-cased text.
WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’\-][^\W_]+)*")


def reference(text: str) -> tuple[dict[str, float], int, int]:
    """Terms (heaviest form per stem), word count and function-word count, the slow way."""
    words = WORD.findall(text.lower())
    terms: dict[str, float] = {}
    for word in words:
        term = content_term(word)
        if term is not None and term[1] > terms.get(term[0], 0.0):
            terms[term[0]] = term[1]
    return terms, len(words), sum(word in STOPWORDS for word in words)


TRICKY = [
    "Plain words about the harbour lighthouse and its keeper.",
    "In 1962 the keeper left; 3.5 tonnes of glass, 12 panes, 24/7 watch and a 9am start.",
    "Well-known keeper's log -- written 'by hand' -- and the keeper--now retired--smiled.",
    "“Curly quotes” around the lantern’s brass, the keepers’ cottage and don’t-stop signs.",
    "Words—joined by em dashes—and en–dashes, ellipses… and bullets • between them.",
    "Ünïcödé façades in Zürich: Straße, naïve café, and ΟΔΟΣ in Greek capitals.",
    "İstanbul İzmir: a dotted capital I that lower-cases to two characters.",
    "Digits mixed: covid-19, mp3, a1b2c3, 2x4 timber, -leading and trailing- hyphens.",
    "snake_case_words, e-mail, x'y, rock'n'roll, ''quoted'' and - lone - marks.",
    "Non\u00a0breaking\u2009thin\u3000ideographic spaces and tabs\tbetween words.",
    "Years of work: the year, the years, talks, talking and talked at length.",
    "",
]


@pytest.mark.parametrize("text", TRICKY)
def test_chunk_tokeniser_finds_the_words_of_the_pattern(text: str) -> None:
    doc = Document(text + "\n")
    vocabularies = paragraph_vocabularies(doc)
    terms, tokens, function_words = reference(text)
    assert vocabulary(text) == terms
    assert vocabularies.terms == ((terms,) if text else ())
    assert (vocabularies.tokens, vocabularies.function_words) == (tokens, function_words)


def test_paragraphs_of_a_document_are_tokenised_separately() -> None:
    paragraphs = [TRICKY[2], TRICKY[6], TRICKY[4]]  # İ changes the length when lower-cased
    doc = Document("\n\n".join(paragraphs) + "\n")
    vocabularies = paragraph_vocabularies(doc)
    expected = [reference(p) for p in paragraphs]
    assert vocabularies.terms == tuple(e[0] for e in expected)
    assert vocabularies.tokens == sum(e[1] for e in expected)
    assert vocabularies.function_words == sum(e[2] for e in expected)


def test_a_stem_keeps_the_weight_of_its_rarest_form() -> None:
    forms = ["talk", "talks", "talked", "talking"]
    weights = {form: content_term(form) for form in forms}
    assert {term[0] for term in weights.values() if term} == {stem("talks")}
    heaviest = max(term[1] for term in weights.values() if term)
    for order in (forms, forms[::-1]):
        assert vocabulary(" ".join(order)) == {"talk": heaviest}


def test_numbers_and_punctuation_are_not_words() -> None:
    doc = Document("1962 -- 3.5 … 24/7 'the' —\n")
    vocabularies = paragraph_vocabularies(doc)
    assert vocabularies.terms == ({},)
    assert (vocabularies.tokens, vocabularies.function_words) == (1, 1)


def test_a_full_chunk_cache_gives_the_same_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vocabulary_module, "_CHUNKS_LIMIT", 0)  # nothing new is stored any more
    text = "Zyxwv qwertyish flumbergast—glorp, 1987 and 'zyxwv' again: flumbergasts!"
    for _ in range(2):
        terms, tokens, function_words = reference(text)
        assert vocabulary(text) == terms
        vocabularies = paragraph_vocabularies(Document(text + "\n"))
        assert (vocabularies.tokens, vocabularies.function_words) == (tokens, function_words)
    assert "zyxwv" not in vocabulary_module._CHUNKS
