"""Single-document duplicate rules (DUP001-DUP004) on invented articles with planted copies."""

from __future__ import annotations

from scrapelint.config import Config
from scrapelint.diagnostics import Diagnostic
from scrapelint.document import Document
from scrapelint.linter import Linter

BODY = [
    "The harbour authority approved a plan on Monday to dredge the eastern channel before "
    "the winter storms arrive.",
    "Fishing crews have complained for years that silt makes the entrance dangerous at low "
    "tide, and two boats ran aground last spring.",
    "The work will cost about four million euros and should take eleven weeks, the authority "
    "said in a statement.",
    "Local shops expect a quieter season while the dredgers operate, but most owners said "
    "they supported the project.",
]


def lint(code: str, text: str, title: str | None = None, **options: object) -> list[Diagnostic]:
    rules = {code: dict(options)} if options else {}
    linter = Linter(Config(select=(code,), rules=rules))
    return linter.check(Document(text, title=title))


def fixed(code: str, text: str, title: str | None = None, unsafe: bool = False) -> str:
    linter = Linter(Config(select=(code,)))
    return linter.fix(Document(text, title=title), unsafe=unsafe).text


def lines_of(diagnostics: list[Diagnostic]) -> list[int | None]:
    return [d.line for d in diagnostics]


def article(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


# -- DUP001 repeated-headline --------------------------------------------------------


def test_headline_repeated_twice_under_the_first_line_points_at_line_one() -> None:
    head = "Harbour channel to be dredged before winter"
    found = lint("DUP001", article(head, head, head, *BODY))
    assert lines_of(found) == [3, 5]
    assert all("repeats line 1" in d.message for d in found)


def test_title_copy_is_flagged_even_as_the_first_line() -> None:
    title = "Harbour channel to be dredged before winter"
    found = lint("DUP001", article(title, *BODY), title=title)
    assert lines_of(found) == [1]
    assert "repeats the title" in found[0].message


def test_near_copy_with_a_missing_word_matches() -> None:
    title = "Harbour channel to be dredged before the winter storms"
    found = lint(
        "DUP001", article("Harbour channel to be dredged before winter storms", *BODY), title=title
    )
    assert lines_of(found) == [1]
    assert "nearly repeats" in found[0].message and "threshold" in found[0].message


def test_breadcrumb_before_the_headline_and_site_suffix_in_the_title() -> None:
    title = "Harbour channel to be dredged before winter | Coast Herald"
    text = article("Home News Local Harbour channel to be dredged before winter", *BODY)
    found = lint("DUP001", text, title=title)
    assert lines_of(found) == [1]
    assert "extra words" in found[0].message
    assert found[0].fix is not None and not found[0].fix.is_safe


def test_title_equal_section_heading_deep_in_the_body_is_not_flagged() -> None:
    title = "Dredging the eastern channel"
    text = article(BODY[0], BODY[1], "Dredging the eastern channel", BODY[2], BODY[3])
    assert lint("DUP001", text, title=title) == []


def test_headline_copy_inside_a_repeated_gallery_block_is_flagged() -> None:
    title = "Harbour channel to be dredged before winter"
    caption = "A dredger waits at the harbour entrance on Monday morning, officials said."
    text = article(BODY[0], caption, BODY[1], caption, title, BODY[2], BODY[3])
    assert lines_of(lint("DUP001", text, title=title)) == [9]


def test_headline_fix_removes_copies_and_is_idempotent() -> None:
    head = "Harbour channel to be dredged before winter"
    text = article(head, head, *BODY)
    once = fixed("DUP001", text)
    assert once == article(head, *BODY)
    assert fixed("DUP001", once) == once


# -- DUP002 repeated-line -------------------------------------------------------------


def test_paragraph_repeated_far_apart_is_flagged_with_a_pointer() -> None:
    text = article(BODY[0], BODY[1], BODY[2], BODY[1].upper(), BODY[3])
    found = lint("DUP002", text)
    assert lines_of(found) == [7]
    assert "repeats line 3" in found[0].message


def test_repeated_caption_lines_in_one_paragraph_per_line_text() -> None:
    caption = "The dredger Maria arrives from Rotterdam, Monday, Nov. 4."
    text = "\n".join([caption, caption, *BODY]) + "\n"
    assert lines_of(lint("DUP002", text, title="Harbour channel to be dredged")) == [2]


def test_short_repeated_lines_do_not_flood_the_report() -> None:
    text = article(BODY[0], "Read more", BODY[1], "Read more", BODY[2], "Share this", "Share this")
    assert lint("DUP002", text) == []


def test_interview_question_asked_twice_is_a_refrain() -> None:
    question = "What made you choose the sea as a career in the first place?"
    text = article(
        "Anna Berg, skipper", question, BODY[0], "Tom Reyes, harbour pilot", question, BODY[1]
    )
    assert lint("DUP002", text) == []


def test_chorus_repeated_between_verses_is_a_refrain() -> None:
    chorus = [
        "Row the boat home through the grey and the rain",
        "Row the boat home to the harbour again",
    ]
    verses = [
        "We left at dawn when the tide was running low and the gulls were still asleep",
        "The nets came up heavy with silver and the skipper was singing all the way",
        "By evening the lights of the town were shining out across the water for us",
    ]
    text = article(verses[0], *chorus, verses[1], *chorus, verses[2], *chorus)
    assert lint("DUP002", text) == []


def test_field_labels_recurring_through_a_listing_are_a_template() -> None:
    parts: list[str] = []
    for n in range(4):
        parts += [
            f"Boat hook model {n} is made of anodised aluminium and floats when it is dropped.",
            "Availability: ships within two working days",
            "Material: anodised aluminium with a rubber grip",
        ]
    assert lint("DUP002", article(*parts)) == []


def test_line_recurring_spread_through_a_long_page_is_a_refrain() -> None:
    slogan = "Support independent harbour news with a subscription"
    parts = [slogan]
    for n in range(3):
        parts += [f"{sentence} (part {n}, note {k})" for k in range(3) for sentence in BODY]
        parts.append(slogan)
    assert lint("DUP002", article(*parts), title="Harbour news") == []


def test_listing_field_repeated_with_other_values_for_the_same_label_is_not_a_copy() -> None:
    text = article(
        "Harbour Tour",
        "Departure point: the old fish market on the north quay",
        BODY[0],
        "Island Ferry",
        "Departure point: the ferry terminal beside the lighthouse",
        BODY[1],
        "Sunset Cruise",
        "Departure point: the old fish market on the north quay",
        BODY[2],
    )
    assert lint("DUP002", text, title="Boat trips this summer") == []


def test_repeated_field_line_without_other_values_is_still_a_copy() -> None:
    field = "Departure point: the old fish market on the north quay"
    text = article(BODY[0], field, BODY[1], field, BODY[2])
    assert lines_of(lint("DUP002", text, title="Boat trips this summer")) == [7]


def test_table_of_contents_headings_repeated_in_the_body_are_structure() -> None:
    text = article(
        "Choosing a Dredging Contractor",
        BODY[0],
        "Choosing a Dredging Contractor",
        BODY[1],
        BODY[2],
    )
    assert lint("DUP002", text, title="Harbour works explained") == []


def test_heading_stuttered_on_the_next_line_is_still_a_copy() -> None:
    text = article(
        BODY[0], "Choosing a Dredging Contractor", "Choosing a Dredging Contractor", BODY[1]
    )
    assert lines_of(lint("DUP002", text, title="Harbour works explained")) == [5]


def test_repeated_line_fix_keeps_the_first_occurrence() -> None:
    text = article(BODY[0], BODY[1], BODY[0], BODY[2])
    once = fixed("DUP002", text)
    assert once == article(BODY[0], BODY[1], BODY[2])
    assert fixed("DUP002", once) == once


def test_headline_copies_are_left_to_dup001() -> None:
    title = "Harbour channel to be dredged before winter"
    assert lint("DUP002", article(title, title, *BODY), title=title) == []


# -- DUP003 near-duplicate-paragraph ------------------------------------------------------


def test_paragraph_with_one_changed_word_is_a_near_copy() -> None:
    changed = BODY[2].replace("eleven", "twelve")
    text = article(BODY[0], BODY[1], BODY[2], BODY[3], changed)
    found = lint("DUP003", text)
    assert lines_of(found) == [9]
    assert "nearly repeats line 5" in found[0].message
    assert found[0].fix is not None and not found[0].fix.is_safe


def test_exact_copies_and_different_paragraphs_are_not_near_copies() -> None:
    assert lint("DUP003", article(*BODY, BODY[1])) == []
    assert lint("DUP003", article(*BODY)) == []


def test_product_cards_filled_in_with_other_names_are_a_template() -> None:
    card = (
        "{name} supports the newer tunnel protocol, which uses modern cryptography and "
        "connects faster than the older protocols on most networks."
    )
    source = "{name} publishes the source code of its desktop and mobile clients so anyone can audit them."
    text = article(
        card.format(name="Alpha"),
        source.format(name="Alpha"),
        BODY[0],
        card.format(name="Bravo"),
        source.format(name="Bravo"),
    )
    assert lint("DUP003", text) == []


def test_near_copy_unsafe_fix_removes_the_later_paragraph() -> None:
    changed = BODY[2].replace("eleven", "twelve")
    text = article(BODY[2], BODY[0], changed)
    assert fixed("DUP003", text) == text
    # The copy closed the text, so the separator before it goes with it.
    assert fixed("DUP003", text, unsafe=True) == f"{BODY[2]}\n\n{BODY[0]}"


# -- DUP004 repeated-sentence ---------------------------------------------------------------


def test_sentence_stuttered_inside_a_paragraph_is_flagged_with_a_safe_fix() -> None:
    sentence = "The authority approved the dredging plan on Monday after a long debate."
    text = article(f"{sentence} {sentence} Work starts next week.", BODY[1])
    found = lint("DUP004", text)
    assert len(found) == 1 and "the sentence before" in found[0].message
    assert found[0].fix is not None and found[0].fix.is_safe
    assert fixed("DUP004", text) == article(f"{sentence} Work starts next week.", BODY[1])


def test_quotation_repeated_on_purpose_is_not_flagged() -> None:
    quote = "\u201cWe cannot wait another winter for this channel to be cleared,\u201d she said."
    text = article(f"{quote} The vote was close.", BODY[0], f"The mayor agreed. {quote} {quote}")
    assert lint("DUP004", text) == []


def test_sentence_restated_in_a_later_paragraph_is_opt_in() -> None:
    sentence = "The work will cost about four million euros and take eleven weeks."
    text = article(f"{sentence} Crews are ready.", BODY[1], f"{sentence} That is the plan.")
    assert lint("DUP004", text) == []
    found = lint("DUP004", text, across_paragraphs=True)
    assert lines_of(found) == [5]
    assert found[0].fix is not None and not found[0].fix.is_safe


def test_sentence_doubled_in_every_paragraph_of_a_plan_is_a_template() -> None:
    warm_up = "Warm up with ten minutes of easy rowing before every main session."
    days = [
        f"Row {n * 2} kilometres today. {warm_up} Then rest for an hour. {warm_up}"
        for n in range(1, 4)
    ]
    assert lint("DUP004", article(*days)) == []
    # The same stutter in a single paragraph is reported.
    assert len(lint("DUP004", article(days[0], BODY[0]))) == 1


def test_short_sentences_repeated_are_ignored() -> None:
    text = article("It was cold. The boats waited. It was cold.", BODY[0])
    assert lint("DUP004", text) == []


# -- shared keys ------------------------------------------------------------------------


def test_fast_span_keys_equal_the_engine_normalisation() -> None:
    from scrapelint.text import normalize_for_compare
    from scrapelint_rules.duplicates.line_index import comparison_key, line_index, span_key

    texts = [
        "Plain ASCII line, with punctuation -- and_underscores!\nSecond line.",
        "Curly \u201cquotes\u201d and \u2018apostrophes\u2019 \u2014 dashes\u00a0and no-break spaces.",
        "Stra\u00dfe und Gr\u00fc\u00dfe \u2026 the \ufb01nal \u2460 items.\r\nNext line",
        "Cr\u00e8me br\u00fbl\u00e9e at the caf\u00e9\rAnother line",
        # Symbols that NFKC turns into letters, and a combining accent it joins to its letter.
        "The Widget\u2122 costs 5\u2009\u20ac \u2026 at 30\u2103.\nCafe\u0301 au lait\nN\u00ba \u2116 7",
        # Punctuation only outside ASCII in one line, a letter with a no-break space in another.
        "\u201cWe won\u201d \u2014 she said\u2026\n\nNa\u00efve\u00a0plan\u00a0\u2014 again",
    ]
    for text in texts:
        doc = Document(text)
        index = line_index(doc)
        keys = {keyed.line.index: keyed.key for keyed in index.lines}
        for line in doc.lines:
            expected = normalize_for_compare(line.text)
            assert span_key(doc, line.start, line.end) == expected
            assert comparison_key(line.text) == expected
            assert keys.get(line.index, "") == expected
