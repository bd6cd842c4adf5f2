"""The fast scans of the SEN rules behave exactly like the plain patterns they stand for.

The rules find candidates with string searches, set operations and per-line memos
instead of character-class patterns; these tests pin each shortcut to the pattern it
replaces (on generated text full of the awkward cases) and check the rules' limits.
Every text here is invented.
"""

from __future__ import annotations

import random
import re

import pytest

from scrapelint.document import Document
from scrapelint.lexicon import frequency_table, zipf
from scrapelint_rules.sentences import (
    _shared,
    article_agreement,
    fused_words,
    lowercase_start,
    missing_space,
    unbalanced_quotes,
)
from scrapelint_rules.sentences.fused_words import FusedLowercaseWords
from scrapelint_rules.sentences.missing_space import MissingSpaceAfterStop
from scrapelint_rules.sentences.truncated import TruncatedSentence, TruncatedSentenceOptions
from scrapelint_rules.sentences.unbalanced_quotes import UnbalancedQuotes

# Characters that matter to the scans: letters, digits, token marks, code marks, quotes,
# brackets, several kinds of white space and line breaks, non-ASCII letters.
_ALPHABET = "abcXY19_'’.@/#:-;{}=<>\\()[]&$\"“” \t\n\r\u00a0éß"


def _random_texts(count: int, length: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(length)) for _ in range(count)]


# -- SEN004 token spans -------------------------------------------------------------

_TOKEN_TAIL = re.compile(r"[\w'’.@/#:\-]+$")


def _token_start_by_pattern(text: str, start: int) -> int:
    found = _TOKEN_TAIL.search(text, max(0, start - 80), start)
    return found.start() if found else start


def test_token_span_walk_matches_the_pattern_search() -> None:
    texts = _random_texts(300, 60, seed=4)
    texts += ["x" * 100 + "aB", "end.\niPhone", "word\n\nxY", "\naB", "ab\n" + "c" * 90 + "dE"]
    for text in texts:
        for start in range(1, len(text)):
            left, _ = fused_words._token_span(text, start, start)
            assert left == _token_start_by_pattern(text, start), (text, start)


def test_token_span_reaches_back_at_most_80_characters() -> None:
    text = "a" * 200 + "Bc"
    assert fused_words._token_span(text, 199, 201) == (119, 202)


# -- SEN003 / SEN004 / SEN006 code tests ----------------------------------------------

_SEN001_CODE = re.compile(r"[{}]|=>|\(\)|&&|::|\$ ")
_SEN003_CODE = re.compile(r"[{}=]|\(\)|::|&&|;\s*(?:$|\n|})")
_SEN004_CODE = re.compile(r"[{}=]|\(\)|::|&&|\w\(|\[\]|;\s*(?:$|\n|})")
_SEN006_CODE = re.compile(r"[{}<>=\\]|\(\)|::|&&|;\s*(?:$|\n|})")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_code_line_tests_match_their_patterns(seed: int) -> None:
    for text in [*_random_texts(400, 30, seed=seed), "a;  ", "a; b", "f(x)", "x[] y", "a;\n b"]:
        assert lowercase_start._code_line(text) == bool(_SEN001_CODE.search(text)), text
        assert missing_space._code_line(text) == bool(_SEN003_CODE.search(text)), text
        assert fused_words._code_line(text) == bool(_SEN004_CODE.search(text)), text
        marks = [m.start() for m in unbalanced_quotes._MARKS.finditer(text)]
        expected = bool(_SEN006_CODE.search(text))
        assert unbalanced_quotes._looks_like_code(text, marks) == expected, text


def test_code_verdict_is_per_line() -> None:
    text = (
        "The road was dangerous.The council closed it.\n"
        "value = config.Get() if ready.Then stop;\n"
        "The bridge was shut.Traffic was diverted."
    )
    found = [text[d.start : d.end] for d in MissingSpaceAfterStop().check(Document(text))]
    assert found == ["dangerous.The", "shut.Traffic"]


# -- SEN008 article candidates ---------------------------------------------------------

_ARTICLE_PIECES = ["a", "an", "A", "An", "apple", "hour", "pear", "8", "11", "'", "“", "(", "x"]


def _article_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        pieces = [rng.choice(_ARTICLE_PIECES) for _ in range(12)]
        texts.append("".join(piece + rng.choice("  \n") for piece in pieces))
    return [*texts, " a a a apple", " A A B A C", " an an pear", " a an pear an a apple"]


def test_article_candidates_rebuild_each_patterns_matches() -> None:
    finders = (
        (article_agreement._A_OR_AN_FINDER, "a", article_agreement._SPACE_A),
        (article_agreement._A_OR_AN_FINDER, "an", article_agreement._SPACE_AN),
        (article_agreement._CAPITAL_A_FINDER, "An?", article_agreement._SPACE_CAPITAL_A),
    )
    for text in _article_texts(500, seed=8):
        for finder, article, pattern in finders:
            rebuilt: list[re.Match[str]] = []
            for hit in finder.finditer(text):
                is_an = text[hit.start() + 1] == "n"
                if article == "An?" or is_an == (article == "an"):
                    article_agreement._add_unless_overlapping(
                        rebuilt, pattern, text, hit.start() - 1
                    )
            expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in rebuilt] == expected, text


def test_line_verdicts_are_kept_apart_per_judge() -> None:
    text = "The road was dangerous.The mayor said call(it) works.\nNext line here."
    doc = Document(text)
    # Both rules name their judge _code_line; "call(" is code only for SEN004's.
    assert not _shared.line_verdict(doc, 5, 10, missing_space._code_line)
    assert _shared.line_verdict(doc, 5, 10, fused_words._code_line)
    assert not _shared.line_verdict(doc, 5, 10, missing_space._code_line)


# -- SEN006 marks ---------------------------------------------------------------------


def test_marks_are_mapped_to_their_paragraphs() -> None:
    paragraphs = [
        'He said "yes" (twice).',
        "No marks in this one at all.",
        "“Curly” and (round) marks",
        '"',
    ]
    text = "\n\n".join(paragraphs) + '\n\n\n(\n"tail'
    doc = Document(text)
    by_paragraph = unbalanced_quotes._marks_by_paragraph(doc)
    expected = {
        index: [m.start() for m in unbalanced_quotes._MARKS.finditer(paragraph.text)]
        for index, paragraph in enumerate(doc.paragraphs)
        if unbalanced_quotes._MARKS.search(paragraph.text)
    }
    assert by_paragraph == expected
    assert 1 not in by_paragraph


def test_doubled_apostrophe_closes_a_quotation() -> None:
    # '' is read as a closing quote although the whole-text scan does not list it as a mark
    text = "He called it “a fine day'' for the harbour and the town, and left."
    assert list(UnbalancedQuotes().check(Document(text))) == []
    unclosed = "He called it “a fine day for the harbour and the town, and left."
    assert len(list(UnbalancedQuotes().check(Document(unclosed)))) == 1


def test_enumerator_far_into_a_paragraph_is_still_excused() -> None:
    text = (
        "The council published its plan for the harbour this week, and the steps are "
        "simple enough for everyone: 1) book a ticket, 2) pack a bag, and 3) come early."
    )
    assert list(UnbalancedQuotes().check(Document(text))) == []


# -- SEN005 word table --------------------------------------------------------------


def test_common_words_agree_with_zipf() -> None:
    table = frequency_table()
    words = [*list(table)[::97], "thegovernment", "qqqqzzzz", "underquilt"]
    common = fused_words._common_words()
    for word in words:
        assert (word in common) == (zipf(word) >= fused_words._MAX_FUSED_WITH_STOPWORD_ZIPF), word


def test_best_split_ignores_unknown_halves() -> None:
    assert fused_words.best_split("thegovernment", 3.0) == 3
    assert fused_words.best_split("qqqqzzzzxx", 3.0) is None


def test_fused_lowercase_reports_are_capped_per_document() -> None:
    nouns = (
        "government council hospital station building business children teacher "
        "question morning evening weekend company minister football training "
        "industry painting election festival mountain daughter prisoner customer "
        "audience"
    ).split()
    sentences = [f"They talked about the{noun} for a while." for noun in nouns]
    text = " ".join(sentences)
    found = list(FusedLowercaseWords().check(Document(text)))
    assert len(nouns) > fused_words._MAX_TEXT_SEARCHES
    assert len(found) == fused_words._MAX_TEXT_SEARCHES


# -- English check --------------------------------------------------------------------


def _two_counts(text: str) -> tuple[int, int]:
    tokens = text[: _shared._LANGUAGE_SAMPLE_CHARS].split()
    stop = sum(token in _shared._STOPWORD_FORMS for token in tokens)
    foreign = sum(token in _shared._FOREIGN_STOPWORD_FORMS for token in tokens)
    return stop, foreign


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Tuesday and the residents said that they were worried about it.",
        "A equipe do serviço registrou o caso e a polícia não foi chamada para a rua hoje.",
        "per per per per per per per per per per per per per the the",
        "Per la città e per il paese la gente del posto dice che il governo deve agire.",
    ],
)
def test_english_verdict_counts_both_lists(text: str) -> None:
    stop, foreign = _two_counts(text)
    total = len(text.split())
    expected = stop / total >= _shared._MIN_STOPWORD_SHARE and stop > foreign
    assert _shared._english_verdict(Document(text)) == expected


def test_english_verdict_stopping_early_agrees_with_counting_everything() -> None:
    # random mixes near the thresholds: the early answers must be the full counts' answers
    rng = random.Random(3)
    english = ["the", "and", "of", "The", "AND"]
    foreign = ["der", "und", "les", "per", "que"]
    other = ["harbour", "ferry", "Tuesday", "council", "42"]
    for _ in range(400):
        shares = [rng.random() for _ in range(3)]
        words = rng.choices([english, foreign, other], weights=shares, k=rng.randint(12, 400))
        text = " ".join(rng.choice(kind) for kind in words)
        stop, foreign_count = _two_counts(text)
        expected = stop / len(text.split()) >= _shared._MIN_STOPWORD_SHARE and stop > foreign_count
        assert _shared._english_verdict(Document(text)) == expected, text


# -- SEN002 word count ----------------------------------------------------------------


@pytest.mark.parametrize(("words", "flagged"), [(7, False), (8, True), (12, True)])
def test_truncation_needs_min_words(words: int, flagged: bool) -> None:
    body = " ".join(["word"] * (words - 1)) + " the"
    text = f"Opening line of the piece.\n\n{body}\n\nClosing line of the piece."
    rule = TruncatedSentence(TruncatedSentenceOptions(min_words=8))
    assert bool(list(rule.check(Document(text)))) == flagged
