"""Broken-sentence rules (SEN): each rule's defect and the traps it must not fall into.

Every article here is invented for the tests, with defects planted on purpose.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from scrapelint.diagnostics import Diagnostic
from scrapelint.document import Document
from scrapelint.fixer import apply_edits, fix_text
from scrapelint.rule import Rule
from scrapelint_rules.sentences import RULES
from scrapelint_rules.sentences.article_agreement import ArticleSoundMismatch
from scrapelint_rules.sentences.doubled_word import DoubledWord
from scrapelint_rules.sentences.fused_words import (
    _MAX_TEXT_SEARCHES,
    FusedCamelCase,
    FusedLowercaseWords,
)
from scrapelint_rules.sentences.lowercase_start import LowercaseSentenceStart
from scrapelint_rules.sentences.markup import EncodingDamage, MarkupLeftover
from scrapelint_rules.sentences.missing_space import MissingSpaceAfterStop
from scrapelint_rules.sentences.truncated import TruncatedSentence
from scrapelint_rules.sentences.unbalanced_quotes import UnbalancedQuotes

FILLER = (
    "The council met on Tuesday evening to discuss the plan for the harbour. "
    "Residents said they were worried about the cost of the work and the noise it would bring."
)


def check(rule: type[Rule], text: str, title: str | None = None) -> list[Diagnostic]:
    return list(rule().check(Document(text, title=title)))


def flagged(rule: type[Rule], text: str, title: str | None = None) -> list[str]:
    """The texts of the spans a rule reports."""
    return [text[d.start : d.end] for d in check(rule, text, title)]


def fixed(rule: type[Rule], text: str, unsafe: bool = False) -> str:
    out, _ = apply_edits(text, check(rule, text), unsafe)
    return out


def test_family_codes_and_names_are_unique() -> None:
    assert len({r.code for r in RULES}) == len(RULES) == 10
    assert all(r.code.startswith("SEN") for r in RULES)
    assert len({r.name for r in RULES}) == len(RULES)


# -- SEN001 lowercase-sentence-start ---------------------------------------------


def test_lowercase_after_full_stop_is_flagged() -> None:
    text = "The two sides must come to terms on that. if the talks are to be held, both must move."
    assert flagged(LowercaseSentenceStart, text) == [". if"]


@pytest.mark.parametrize(
    "text",
    [
        "He met Mr. smith and Dr. jones at the station.",
        "Troops left the U.S. on Monday and the U.K. later.",
        "The meeting ended at 5 p.m. and everyone went home.",
        "She lives at No. 5 on the high street, near the bridge.",
        "The report was written by J. k. rowling herself.",
        "Prices vary, e.g. the small one is cheaper, i.e. cheaper by far.",
        "He paused... and then he left the room without a word.",
        "He waited… then he left the room without a word.",
        '"Are you coming?" she asked. He said nothing at all.',
        "Apple sold a lot. iPhone sales were up, and eBay listings rose too.",
        "Visit the website. www.example.org has the full schedule.",
        "Details are at example.com. https://example.com/page has more.",
        "Tools, hammers, nails, etc. and other supplies were sold.",
    ],
)
def test_lowercase_start_traps(text: str) -> None:
    assert flagged(LowercaseSentenceStart, text) == []


def test_writer_who_never_capitalises_is_left_alone() -> None:
    text = "hi, i'm sam. i write code. this is my blog. i like trains. they are fast."
    assert flagged(LowercaseSentenceStart, text) == []


# -- SEN002 truncated-sentence ---------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "evidence"),
    [
        (
            "The bridge reopened on Monday after repairs. Work on the northern approach will begin "
            "later this month, the council said, and it would",
            "would",
        ),
        (
            "Officials gave few details about the plan. The money will be spent on new buses and on "
            "the",
            "the",
        ),
        (
            "Officials gave few details about the plan. The money will be spent on new buses, more "
            "staff,",
            ",",
        ),
        (
            "The museum opened a new wing this spring. Visitors can now see the collection of "
            "paintings that the family donated…",
            "ellipsis",
        ),
        (
            "The museum opened a new wing this spring. Visitors who come early in the morning can "
            "see the paintings without the usual crowds of tourists",
            "punctuation",
        ),
    ],
)
def test_paragraph_cut_mid_sentence_is_flagged(paragraph: str, evidence: str) -> None:
    text = f"{FILLER}\n\n{paragraph}\n\n{FILLER}"
    diagnostics = check(TruncatedSentence, text)
    assert len(diagnostics) == 1
    assert evidence in diagnostics[0].message


@pytest.mark.parametrize(
    "paragraph",
    [
        "How the harbour plan will change the town centre",
        "LONDON, March 3",
        "- Fresh bread from the bakery on the corner of the square",
        "1. Book your tickets early for the summer season",
        "A view of the harbour from the hill above the old town (Photo: Jane Doe)",
        "Key facts: population 12,000, founded 1820, mayor Ann Lee",
        "But first…",
        "He walked to the door. And then he was gone, and …",
    ],
)
def test_truncation_traps(paragraph: str) -> None:
    text = f"{FILLER}\n\n{paragraph}\n\n{FILLER}"
    assert check(TruncatedSentence, text) == []


# -- SEN003 missing-space-after-stop ---------------------------------------------


def test_glued_sentences_are_flagged_and_fixed() -> None:
    text = "The road was dangerous.The council closed it on Monday."
    assert flagged(MissingSpaceAfterStop, text) == ["dangerous.The"]
    assert fixed(MissingSpaceAfterStop, text) == (
        "The road was dangerous. The council closed it on Monday."
    )
    assert check(MissingSpaceAfterStop, fixed(MissingSpaceAfterStop, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Write to press@example.com or visit www.Example.Com for details.",
        "See https://example.org/News.Today for the full story today.",
        "The firm One.Tel collapsed in 2001. One.Tel had many customers.",
        "Call response.Should() in the test and then check header.Key values.",
        "He earned a Ph.D in physics and moved to St.Louis in the spring.",
    ],
)
def test_missing_space_traps(text: str) -> None:
    assert flagged(MissingSpaceAfterStop, text) == []


# -- SEN004 fused-camel-case / SEN005 fused-lowercase-words ------------------------


def test_camel_case_fusion_with_evidence_is_flagged() -> None:
    text = (
        "Monday was cold across the region. The mayor saidMonday that the bridge would reopen, "
        "and the trip to Zermatt is easier now. Hotels nearZermatt are full this winter."
    )
    assert flagged(FusedCamelCase, text) == ["saidMonday", "nearZermatt"]
    assert "said Monday" in fixed(FusedCamelCase, text, unsafe=True)


def test_function_word_fused_to_a_capitalised_word_needs_no_other_evidence() -> None:
    # "Volunteers" and "Norwegians" occur nowhere else: a prose function word glued to a
    # capitalised word is evidence enough.
    text = (
        "The harbour master thanked the crews andVolunteers who worked through the night. "
        "Why didNorwegians start building boats like these? " + FILLER
    )
    assert flagged(FusedCamelCase, text) == ["andVolunteers", "didNorwegians"]


@pytest.mark.parametrize(
    "text",
    [
        "Call isValid on the form, then loop with forEach over the rows. " + FILLER,
        "Set alwaysApply to false and neverExpire to true for the cache. " + FILLER,
        "The handler runs onClick and returns toString of the result. " + FILLER,
    ],
)
def test_identifiers_opening_with_a_function_word_are_left_alone(text: str) -> None:
    assert flagged(FusedCamelCase, text) == []


def test_capitalised_fusion_needs_the_spaced_pair_elsewhere() -> None:
    text = "Learn with Rosetta Stone today. We compared RosettaStone with other language apps."
    assert flagged(FusedCamelCase, text) == ["RosettaStone"]


@pytest.mark.parametrize(
    "text",
    [
        "I bought an iPhone and sold my old one on eBay last week.",
        "We ate at McDonald's and then watched YouTube on the PlayStation.",
        "The file came over BitTorrent, and FlowGuard pipes were fitted.",
        "Call formatName() and set orderAmount = 5 before the loop starts.",
        "Our partner FlowGuard is great. FlowGuard makes pipes for homes.",
    ],
)
def test_camel_case_traps(text: str) -> None:
    assert flagged(FusedCamelCase, text) == []


def test_fused_lowercase_words_are_flagged_with_unsafe_fix() -> None:
    text = "The plan was approved by thegovernment on Friday after a long debate."
    diagnostics = check(FusedLowercaseWords, text)
    assert [text[d.start : d.end] for d in diagnostics] == ["thegovernment"]
    assert diagnostics[0].fix is not None and not diagnostics[0].fix.is_safe
    assert fixed(FusedLowercaseWords, text) == text  # unsafe: not applied by default
    assert "the government" in fixed(FusedLowercaseWords, text, unsafe=True)


@pytest.mark.parametrize(
    "text",
    [
        "Our underquilt kept us warm. The underquilt hooks held all night long.",
        "Visit www.thegovernmentsite.org or mail info@newsletterdesk.com today.",
        "The auditability of the system matters to the regulators in charge.",
        "She likes the unmodelled look and the waterproofness of the jacket.",
    ],
)
def test_fused_lowercase_traps(text: str) -> None:
    assert flagged(FusedLowercaseWords, text) == []


def test_fused_lowercase_budget_goes_to_the_first_words_in_text_order() -> None:
    # More fused words than the search budget: the ones judged are the first in the text,
    # whatever the hash seed (a set's order would pick a different few in every process).
    nouns = [
        *("government", "committee", "hospital", "building", "minister", "business"),
        *("election", "teachers", "students", "children", "evidence", "decision"),
        *("document", "football", "software", "material", "investor", "question"),
        *("position", "producer", "customer", "engineer", "director", "festival"),
    ]
    assert len(nouns) > _MAX_TEXT_SEARCHES
    text = " ".join(f"We met the{n} on Monday and talked about it for an hour." for n in nouns)
    assert flagged(FusedLowercaseWords, text) == [f"the{n}" for n in nouns[:_MAX_TEXT_SEARCHES]]


# -- SEN006 unbalanced-quotes -----------------------------------------------------


def test_closing_quote_without_opening_is_flagged() -> None:
    text = f'{FILLER}\n\nHe called the whole thing a completely made-up thing".\n\n{FILLER}'
    assert flagged(UnbalancedQuotes, text) == ['thing"']


def test_opening_quote_never_closed_is_flagged() -> None:
    text = (
        f"{FILLER}\n\nThe framework, pronounced “view, is easy to learn for beginners.\n\n{FILLER}"
    )
    assert flagged(UnbalancedQuotes, text) == ["“view,"]


@pytest.mark.parametrize(
    "text",
    [
        # a quotation running over two paragraphs: the first stays open, the second reopens
        '"We will rebuild the pier this year," she said. "The money is there.\n\n'
        '"Work starts in May, and it will be done by the autumn," she added.',
        "He is 5'10\" tall and wore rock 'n' roll boots from the '90s to the party.",
        "The council's plan isn't new; it's the residents' choice now.",
        "The steps are: 1) book a ticket, 2) pack a bag, and a) relax.",
        'She said "the pier is safe" and the crowd said "good" in reply.',
        "Nobody expected it :) and the party went on (as planned) until late.",
        # a long quotation after a colon, continued in paragraphs the page did not keep
        'The mayor said: "We will rebuild the pier this year and open it in May.',
    ],
)
def test_quote_traps(text: str) -> None:
    assert flagged(UnbalancedQuotes, text) == []


# -- SEN007 doubled-word ---------------------------------------------------------


def test_doubled_word_is_flagged_and_fixed() -> None:
    text = "The council voted to to close the road near the the harbour."
    assert flagged(DoubledWord, text) == ["to to", "the the"]
    assert fixed(DoubledWord, text) == "The council voted to close the road near the harbour."


def test_capitalised_function_word_doubled_at_sentence_start() -> None:
    text = "It rained all day. The the crowd stayed at home."
    assert flagged(DoubledWord, text) == ["The the"]


@pytest.mark.parametrize(
    "text",
    [
        "He said that that was the end, and he had had enough of it.",
        "They drove from Walla Walla to see Bafana Bafana play on Sunday.",
        "The very very long queue moved slowly; bye bye, summer.",
        "We need a carry-on on board and an in in-person meeting.",
        "Layers layers layers! That is the rule for winter walks.",
    ],
)
def test_doubled_word_traps(text: str) -> None:
    assert flagged(DoubledWord, text) == []


# -- SEN008 article-sound-mismatch ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Shi, an global relations professor, said the trip mattered.", "an global", "a"),
        ("She ate a apple on the bus to school.", "a apple", "an"),
        ("He waited for a hour at the gate.", "a hour", "an"),
        ("The girl is a 8-year-old pupil at the school.", "a 8", "an"),
        ("It was a honest mistake by the clerk.", "a honest", "an"),
    ],
)
def test_article_mismatch_is_flagged(text: str, span: str, expected: str) -> None:
    diagnostics = check(ArticleSoundMismatch, text)
    assert [text[d.start : d.end] for d in diagnostics] == [span]
    assert diagnostics[0].fix is not None and not diagnostics[0].fix.is_safe
    assert f"expected {expected!r}" in diagnostics[0].message


@pytest.mark.parametrize(
    "text",
    [
        "It took an hour to reach a university in a one-time deal.",
        "An FBI agent with an MBA read a UN report about a European union.",
        "The British guide booked an hotel near an historic church.",
        "She earned an MSc and drove a NASA rover in an X-ray lab.",
        "Blood type A is common, and Plan A worked for a user.",
        "He bought a once-famous car and a eucalyptus tree for a euro.",
        "It was an 11-year-old car from an 1828 design by an 18th-century firm.",
    ],
)
def test_article_traps(text: str) -> None:
    assert flagged(ArticleSoundMismatch, text) == []


# -- SEN009 markup-leftover / SEN010 encoding-damage ------------------------------


def test_entities_and_tags_are_flagged_and_decoded() -> None:
    text = "Smith &amp; Sons said it&#39;s open<br>on Monday and&nbsp;Tuesday."
    assert flagged(MarkupLeftover, text) == ["&amp;", "&#39;", "<br>", "&nbsp;"]
    assert fixed(MarkupLeftover, text) == "Smith & Sons said it's open on Monday and\xa0Tuesday."


@pytest.mark.parametrize(
    "text",
    [
        "AT&T and Q&A sessions were held for R&D staff at B&Q.",
        "Use the <p> tag to start a paragraph in HTML markup.",
        "The XML sample has <Target Name='Build'> and <T> in it.",
        "Profits rose 5% & sales < 10% of the target, so x > 3.",
    ],
)
def test_markup_traps(text: str) -> None:
    assert flagged(MarkupLeftover, text) == []


def test_mojibake_is_flagged_and_repaired() -> None:
    text = "The company said itâ€™s ready to pay Â£50 for the cafÃ© sign."
    assert flagged(EncodingDamage, text) == ["â€™", "Â£", "Ã©"]
    assert (
        fixed(EncodingDamage, text) == "The company said it’s ready to pay £50 for the café sign."
    )
    assert check(EncodingDamage, fixed(EncodingDamage, text)) == []


def test_replacement_and_zero_width_characters() -> None:
    text = "The caf\ufffd was open and the ro\u200bad was closed; a family 👨\u200d👩\u200d👧 came."
    diagnostics = check(EncodingDamage, text)
    assert [text[d.start : d.end] for d in diagnostics] == ["\ufffd", "\u200b"]
    assert diagnostics[0].fix is None
    assert fixed(EncodingDamage, text).startswith("The caf\ufffd was open and the road was")


@pytest.mark.parametrize(
    "text",
    ["ATENÇÃO: SÃO PAULO is big.", "The naïve café served crème brûlée and jalapeño."],
)
def test_encoding_traps(text: str) -> None:
    assert flagged(EncodingDamage, text) == []


# -- language ---------------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES)
def test_every_rule_is_quiet_on_portuguese(rule: type[Rule]) -> None:
    text = (
        "A equipe do serviço de atendimento registrou nesta manhã o caso. o veículo estava "
        "na rua e a polícia não foi chamada. Os moradores da cidade dizem que a situação "
        "é grave e que o governo do estado precisa agir com urgência para a segurança de "
        "todos, mas"
    )
    assert check(rule, text) == []


def test_bracket_left_open_is_flagged() -> None:
    text = f"{FILLER}\n\nThe council (which met on Tuesday voted to close the road for a week.\n\n{FILLER}"
    assert flagged(UnbalancedQuotes, text) == ["(which"]


# -- end to end --------------------------------------------------------------------


def test_cli_fix_repairs_safe_defects_and_is_stable(
    cli: Callable[..., subprocess.CompletedProcess[str]], write: Callable[[str, str], Path]
) -> None:
    article = write(
        "article.txt",
        "Smith &amp; Sons opened the shop.The council voted to to close the road.\n\n"
        "The company said itâ€™s ready to pay for the new sign on the harbour wall.\n",
    )
    result = cli("check", str(article), "--select", "SEN", "--isolated", "--fix")
    assert result.returncode == 0, result.stdout + result.stderr
    assert article.read_text(encoding="utf-8") == (
        "Smith & Sons opened the shop. The council voted to close the road.\n\n"
        "The company said it’s ready to pay for the new sign on the harbour wall.\n"
    )
    again = cli("check", str(article), "--select", "SEN", "--isolated")
    assert again.returncode == 0, again.stdout


DEFECTS = (
    "Smith &amp; Sons opened the shop.The council voted to to close the road<br>today. "
    "The company said itâ€™s ready, and the ro\u200bad was an global mess near thegovernment "
    "office, where the mayor saidMonday that Monday was fine."
)


def _lint_all(text: str) -> list[Diagnostic]:
    return [d for rule in RULES for d in rule().check(Document(text))]


def test_fixes_stay_inside_their_reports() -> None:
    for diagnostic in _lint_all(DEFECTS):
        for edit in diagnostic.fix.edits if diagnostic.fix else ():
            assert diagnostic.start <= edit.start <= edit.end <= diagnostic.end, diagnostic


@pytest.mark.parametrize("unsafe", [False, True])
def test_fixing_twice_is_fixing_once(unsafe: bool) -> None:
    once = fix_text(DEFECTS, _lint_all(DEFECTS), _lint_all, unsafe=unsafe).text
    twice = fix_text(once, _lint_all(once), _lint_all, unsafe=unsafe).text
    assert once == twice
    assert "&amp;" not in once and "to to" not in once and "\u200b" not in once
    assert ("a global" in once) is unsafe


def test_long_documents_give_the_same_answers() -> None:
    # Past 100,000 characters word questions are answered from token counts, not scans.
    padding = "\n\n".join([FILLER] * 700)
    text = (
        f"{padding}\n\nOn Monday the firm One.Tel said it would close. The mayor saidMonday "
        f"that One.Tel had debts.\n\n{padding}"
    )
    assert len(text) > 100_000
    assert flagged(FusedCamelCase, text) == ["saidMonday"]
    assert flagged(MissingSpaceAfterStop, text) == []
