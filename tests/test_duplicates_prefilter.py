"""DUP004's paragraph prefilter never skips a paragraph that holds two equal sentences.

Paragraphs are generated with planted copies (case, punctuation, quote and spacing variants,
abbreviations, decimals, non-ASCII punctuation and letters, several lines) and checked
against the rule's own grouping of the sentences the document splitter finds.
"""

from __future__ import annotations

import random
import sys

from scrapelint.document import Document
from scrapelint_rules.duplicates.repeated_sentence import (
    RepeatedSentence,
    suspect_paragraphs,
)

MIN_WORDS = RepeatedSentence.Options().min_words

WORDS = (
    "council harbour budget approved the a of in on Tuesday storms channel crews said "
    "Mr. Dr. U.S. e.g. 3.5 1,200 don't it's well-known co-op café Zürich naïve São "
    "Москва город über straße_free twenty-one 2024 A.I. No. etc. Inc. vs. St."
).split()
OPENERS = ("", "", "", '"', "“", "‘", "(", "«", "' ")
CLOSERS = ("", "", "", '"', "”", "’", ")", "»")
STOPS = ("", ".", ".", ".", "!", "?", "…", "...", "?!", " .")
GAPS = (" ", " ", " ", "  ", "\u00a0", "\t", " \u2009")
INNER = (" ", " ", " ", ", ", " - ", " — ", "; ", ": ", " / ", " (", ") ", " “", "” ")


def sentence(rng: random.Random, size: int) -> list[str]:
    words = [rng.choice(WORDS) for _ in range(size)]
    words[0] = words[0][:1].upper() + words[0][1:]
    return words


def render(rng: random.Random, words: list[str], case: str = "keep") -> str:
    """One spelling of a sentence: the words with random punctuation between them."""
    text = words[0]
    for word in words[1:]:
        text += rng.choice(INNER) + word
    if case == "upper":
        text = text.upper()
    elif case == "lower":
        text = text.lower()
    return rng.choice(OPENERS) + text + rng.choice(STOPS) + rng.choice(CLOSERS)


def paragraph(rng: random.Random) -> str:
    """Sentences on one or more lines, often with a copy of one of them."""
    sentences = [sentence(rng, rng.randint(2, 12)) for _ in range(rng.randint(1, 6))]
    spelled = [render(rng, words) for words in sentences]
    if rng.random() < 0.7:
        copied = rng.choice(sentences)
        case = rng.choice(("keep", "keep", "upper", "lower"))
        spelled.insert(rng.randint(0, len(spelled)), render(rng, copied, case))
    text = spelled[0]
    for part in spelled[1:]:
        text += rng.choice(("\n", *GAPS)) + part
    return text


def document(rng: random.Random) -> str:
    paragraphs = [paragraph(rng) for _ in range(rng.randint(1, 5))]
    if rng.random() < 0.5:
        text = "\n\n".join(paragraphs)  # paragraphs of several lines
    else:
        text = "\n".join(p.replace("\n", " ") for p in paragraphs)  # one paragraph a line
    return text.replace("\n", "\r\n") if rng.random() < 0.2 else text


def paragraphs_with_equal_sentences(doc: Document) -> set[int]:
    """Paragraphs where the rule itself groups two sentences of ``MIN_WORDS`` words."""
    seen: dict[tuple[int, str], int] = {}
    found: set[int] = set()
    for keyed in RepeatedSentence()._candidates_among(doc, doc.sentences):
        if keyed.words >= MIN_WORDS:
            slot = (keyed.sentence.paragraph, keyed.key)
            seen[slot] = seen.get(slot, 0) + 1
            if seen[slot] > 1:
                found.add(keyed.sentence.paragraph)
    return found


def suspects(doc: Document) -> set[int]:
    found = suspect_paragraphs(doc, MIN_WORDS - 2)
    assert found is not None
    return {p.index for p in found}


def test_every_paragraph_with_two_equal_sentences_is_a_suspect() -> None:
    rng = random.Random(20261122)
    holding = 0
    for _ in range(1500):
        doc = Document(document(rng))
        expected = paragraphs_with_equal_sentences(doc)
        holding += len(expected)
        assert expected <= suspects(doc), doc.text
    assert holding > 200  # the generator plants copies the splitter really finds


def test_variants_of_one_sentence_are_found() -> None:
    variants = (
        "The council approved Mr. Smith's budget for the harbour on Tuesday.",
        "THE COUNCIL APPROVED MR SMITH'S BUDGET, FOR THE HARBOUR ON TUESDAY!",
        "“The council approved Mr Smith’s budget — for the harbour on Tuesday…”",
        "(The council approved Mr. Smith's budget for the harbour on Tuesday.)",
    )
    for first in variants:
        for second in variants:
            text = f"Work starts soon. {first} Crews agree. {second}"
            doc = Document(text)
            assert paragraphs_with_equal_sentences(doc) == {0}
            assert suspects(doc) == {0}


def test_copy_filling_a_line_of_the_paragraph_is_found() -> None:
    # No stop ends the line before the copy: only the line break opens it.
    for brk in ("\n", "\r\n", "\r"):
        lines = (
            "The council approved the budget for the harbour on Tuesday",
            "Crews agree, and so do the shops",
            "the council approved the budget for the harbour on Tuesday",
        )
        text = brk.join(lines) + brk + brk + "Another paragraph follows here."
        doc = Document(text)
        assert paragraphs_with_equal_sentences(doc) == {0}
        assert suspects(doc) == {0}


def test_shortest_paragraph_holding_a_pair_is_found() -> None:
    shortest = "A b c d e f g h\nA b c d e f g h"  # two lines of one-letter words
    assert len(shortest) == 4 * MIN_WORDS - 1
    doc = Document(shortest + "\n\nAnother paragraph follows here.")
    assert paragraphs_with_equal_sentences(doc) == {0}
    assert suspects(doc) == {0}


def test_paragraphs_without_a_repeated_opening_are_skipped() -> None:
    text = (
        "The council approved the budget for the harbour on Tuesday. Crews said the channel "
        "was dangerous at low tide. Work will take eleven weeks and cost four million euros.\n"
        "\n"
        "The council approved the budget. The mayor said the harbour needs the work soon."
    )
    assert suspects(Document(text)) == set()


def test_cyrillic_and_accented_copies_are_found() -> None:
    first = "Москва город большой, и в нём живут миллионы людей каждый день."
    second = "МОСКВА ГОРОД БОЛЬШОЙ И В НЁМ ЖИВУТ МИЛЛИОНЫ ЛЮДЕЙ КАЖДЫЙ ДЕНЬ!"
    doc = Document(f"{first} Zürich ist schön. {second}")
    assert paragraphs_with_equal_sentences(doc) == {0}
    assert suspects(doc) == {0}


def test_paragraphs_that_cannot_be_folded_in_place_are_always_suspects() -> None:
    # "ß" folds to "ss" (the line cannot be folded in place); U+0345 folds to a letter.
    for odd in ("Straße", "A\u0345"):
        doc = Document(f"{odd} is here. Nothing repeats in this paragraph at all.")
        assert suspects(doc) == {0}


def test_only_u0345_changes_letterhood_when_case_folded() -> None:
    """The prefilter reads words from the original text: a character must be a letter or
    digit exactly when its (single-character) case folding is, U+0345 aside."""
    odd = [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if len(folded := chr(code).casefold()) == 1 and chr(code).isalnum() != folded.isalnum()
    ]
    assert odd == ["\u0345"]
