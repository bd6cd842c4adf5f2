"""OT001 off-topic-paragraph on invented articles with planted foreign paragraphs."""

from __future__ import annotations

import dataclasses

import pytest

from scrapelint.config import Config
from scrapelint.diagnostics import Diagnostic
from scrapelint.document import Document
from scrapelint.linter import Linter
from scrapelint_rules import offtopic
from scrapelint_rules.offtopic.blocks import build_blocks
from scrapelint_rules.offtopic.off_topic_paragraph import (
    OffTopicParagraph,
    OffTopicParagraphOptions,
)
from scrapelint_rules.offtopic.vocabulary import stem, vocabulary

TITLE = "Volunteers restore the Harwick Point lighthouse lantern"

# An invented, cohesive article: every paragraph is about the lighthouse restoration.
LIGHTHOUSE = [
    "Volunteers on the Harwick Point coast have finished restoring the lighthouse lantern, "
    "a glass room at the top of the tower that had been dark since the keeper left in 1962.",
    "The restoration began three years ago when the Harwick Lighthouse Trust bought the "
    "tower from the coastguard for a symbolic single pound and promised to relight the lamp.",
    "Inside the lantern, the volunteers removed rusted iron glazing bars, repaired the brass "
    "vents and fitted new curved panes cut to the shape of the original glazing.",
    "The Fresnel lens, a beehive of prisms made in Paris in 1871, was cleaned prism by prism "
    "by a specialist who compared the lighthouse lens to a fragile cathedral window.",
    'Trust chair Maren Oakes said the work had tested everyone. "We climbed the tower stairs '
    'hundreds of times with buckets of putty and glass, and nobody complained," she said.',
    "But the money ran out twice.",
    "Local fishermen, who still navigate by the Harwick Point light, donated wages from a "
    "winter of crab catches to pay for the lens cleaning and the new lantern glazing.",
    "The keeper's cottage at the foot of the tower will become a small museum about the "
    "keepers, their logbooks and the storms that battered the Harwick coast.",
    "The coastguard has agreed that the restored lantern can shine again as a private "
    "navigation light, visible for twelve miles, from the first night of spring.",
    "Oakes said the trust now hopes to repaint the tower in its original red and white "
    "bands before the lighthouse reopens to visitors next summer.",
]

# Invented paragraphs from an unrelated article about baking bread.
BREAD = (
    "A sourdough starter needs feeding with equal weights of rye flour and water every "
    "morning, and the dough should rest overnight before it is shaped into a loaf."
)
BREAD_MORE = (
    "Bakers score the dough with a razor so the crust opens evenly, then bake the loaf in "
    "a hot cast-iron pot until the crumb is airy and the sourdough crust crackles."
)
BREAD_HEADING = "Sourdough Secrets From A Country Bakery"


def article(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


def lint(text: str, title: str | None = TITLE, **options: object) -> list[Diagnostic]:
    rules = {"OT001": dict(options)} if options else {}
    linter = Linter(Config(select=("OT001",), rules=rules))
    return linter.check(Document(text, title=title))


def flagged_text(text: str, diagnostics: list[Diagnostic]) -> list[str]:
    return [text[d.start : d.end] for d in diagnostics]


def with_inserted(position: int, *paragraphs: str) -> list[str]:
    return LIGHTHOUSE[:position] + list(paragraphs) + LIGHTHOUSE[position:]


def test_rule_is_exported_with_its_code() -> None:
    assert OffTopicParagraph in offtopic.RULES
    assert OffTopicParagraph.code == "OT001"
    assert OffTopicParagraph.name == "off-topic-paragraph"


def test_cohesive_article_is_clean() -> None:
    # Covers the traps: a short on-topic paragraph sharing few words ("But the money ran
    # out twice."), a quote, and the first and last paragraphs.
    assert lint(article(*LIGHTHOUSE)) == []


def test_injected_paragraph_is_flagged_alone() -> None:
    text = article(*with_inserted(5, BREAD))
    diagnostics = lint(text)
    assert flagged_text(text, diagnostics) == [BREAD]
    message = diagnostics[0].message
    assert "rare vocabulary" in message and "threshold" in message and "median" in message


def test_injection_reports_confidence() -> None:
    diagnostics = lint(article(*with_inserted(5, BREAD)))
    confidence = diagnostics[0].confidence
    assert confidence is not None and 0.5 <= confidence <= 1.0


def test_injected_heading_is_flagged_with_its_paragraph() -> None:
    text = article(*with_inserted(6, BREAD_HEADING, BREAD))
    assert flagged_text(text, lint(text)) == [f"{BREAD_HEADING}\n\n{BREAD}"]


def test_heading_glued_to_its_paragraph_is_flagged_as_one_block() -> None:
    text = article(*with_inserted(6, f"{BREAD_HEADING}\n{BREAD}"))
    assert flagged_text(text, lint(text)) == [f"{BREAD_HEADING}\n{BREAD}"]


# An invented teaser of another story that shares a few words with the lighthouse article.
TEASER_HEADING = "Ferry Fares Rise On Northern Routes"
TEASER = (
    "Ferry fares on the northern routes will rise next winter after the operator blamed fuel "
    "costs, and the coastguard warned of fewer winter crossings."
)


def test_glued_on_headline_is_second_evidence_for_a_weak_block() -> None:
    glued = article(*with_inserted(6, f"{TEASER_HEADING}\n{TEASER}"))
    found = lint(glued)
    assert flagged_text(glued, found) == [f"{TEASER_HEADING}\n{TEASER}"]
    assert "glued-on headline shares" in found[0].message and "0.6 x median" in found[0].message
    # The same paragraph with its headline set apart as a heading is within the article's range.
    apart = article(*with_inserted(6, TEASER_HEADING, TEASER))
    assert lint(apart) == []


def test_the_articles_own_glued_heading_is_not_evidence() -> None:
    own = (
        "Relighting The Harwick Lantern\nThe volunteers will relight the Harwick lantern at dusk "
        "on the first night of spring, and the trust hopes the coast will watch it shine."
    )
    text = article(*with_inserted(6, own))
    assert lint(text) == []


def test_article_heading_above_injection_stays_out() -> None:
    heading = "Relighting The Harwick Lantern"
    paragraphs = with_inserted(4, heading, BREAD)
    text = article(*paragraphs)
    assert flagged_text(text, lint(text)) == [BREAD]


def test_two_adjacent_injected_paragraphs_are_both_flagged() -> None:
    text = article(*with_inserted(4, BREAD, BREAD_MORE))
    assert flagged_text(text, lint(text)) == [BREAD, BREAD_MORE]


@pytest.mark.parametrize("position", [0, len(LIGHTHOUSE)])
def test_injection_at_either_end_is_flagged(position: int) -> None:
    text = article(*with_inserted(position, BREAD))
    assert flagged_text(text, lint(text)) == [BREAD]


def test_title_counts_as_context() -> None:
    # Without the title the article is still cohesive and the injection still stands out.
    text = article(*with_inserted(5, BREAD))
    assert flagged_text(text, lint(text, title=None)) == [BREAD]


def test_article_with_few_paragraphs_is_not_checked() -> None:
    text = article(LIGHTHOUSE[0], BREAD, LIGHTHOUSE[1])
    assert lint(text) == []


def test_round_up_whose_sections_change_subject_is_clean() -> None:
    # A round-up: each section is a different trail, by design.
    roundup = [
        "These five coastal walks show the best of the northern cliffs in autumn, from easy "
        "harbour strolls to steep scrambles above the sea.",
        "Gull Ridge Walk",
        "The Gull Ridge walk follows the cliff edge for four miles, past nesting colonies and "
        "a ruined signal station, and ends at a harbour cafe.",
        "Saltmarsh Loop",
        "Flat and sheltered, the saltmarsh loop crosses boardwalks over reed beds where "
        "wading birds feed at low tide, which makes this walk ideal for families.",
        "Hermit's Cove",
        "A steep path drops to the cove, where a hermit is said to have lived in a cave; "
        "check the tide times, because the beach floods quickly on this walk.",
        "Beacon Hill",
        "The climb to the old fire beacon is short but relentless, and the view of the cliffs "
        "and the harbour from the summit repays every step of the walk.",
        "Fisherman's Path",
        "Once used by crews walking to their boats, the path links two harbour villages along "
        "the cliffs and passes a chapel built for drowned sailors.",
    ]
    assert lint(article(*roundup), title="Five coastal walks for autumn") == []


def test_interview_answers_may_change_subject() -> None:
    # An interview: the question before each answer sets its subject, by design.
    interview = [
        "Maren Oakes has chaired the Harwick Lighthouse Trust since the restoration of the "
        "lighthouse lantern began three years ago.",
        "Q: Why restore the lighthouse?",
        "A: The lighthouse tower and its lantern guided the Harwick fishing fleet for a "
        "century, and the coast felt dark without the light.",
        "Q: What was the hardest part of the restoration?",
        "A: Replacing the lantern glazing, because every curved pane of the lighthouse had to "
        "be cut by hand and carried up the tower stairs.",
        "Q: What do you cook on a Sunday?",
        "A: A slow risotto with saffron, parmesan and a glass of dry vermouth, stirred for "
        "forty minutes while the radio plays jazz.",
        "Q: What comes next for the trust?",
        "A: Repainting the lighthouse tower in red and white bands before the lantern shines "
        "again over the Harwick coast.",
    ]
    assert lint(article(*interview), title="Five questions for the lighthouse trust chair") == []


def test_non_english_article_is_not_checked() -> None:
    german = [
        "Die Freiwilligen haben die Laterne des Leuchtturms nach drei Jahren Arbeit wieder "
        "in Betrieb genommen, und die Gemeinde feiert das mit einem Fest.",
        "Die Restaurierung begann, als der Verein den Turm von der Küstenwache kaufte und "
        "versprach, die Lampe wieder anzuzünden.",
        "Ein Sauerteig braucht jeden Morgen Mehl und Wasser, und der Teig ruht über Nacht, "
        "bevor er zu einem Laib geformt wird.",
        "Die Fischer, die noch immer nach dem Licht navigieren, spendeten Geld für die "
        "Reinigung der Linse und das neue Glas der Laterne.",
        "Das Haus des Wärters am Fuß des Turms wird ein kleines Museum über die Wärter und "
        "die Stürme an der Küste.",
    ]
    assert lint(article(*german), title="Der Leuchtturm leuchtet wieder") == []


def test_no_fix_by_default_and_unsafe_fix_removes_the_block() -> None:
    text = article(*with_inserted(6, BREAD_HEADING, BREAD))
    [plain] = lint(text)
    assert plain.fix is None
    [fixable] = lint(text, fix=True)
    assert fixable.fix is not None and not fixable.fix.is_safe
    [edit] = fixable.fix.edits
    assert text[: edit.start] + edit.content + text[edit.end :] == article(*LIGHTHOUSE)


def test_unknown_method_is_rejected() -> None:
    with pytest.raises(ValueError, match="method"):
        OffTopicParagraphOptions(method="magic")


def test_options_are_frozen_dataclass() -> None:
    options = OffTopicParagraphOptions()
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.ratio = 1.0  # type: ignore[misc]


def test_headings_attach_to_the_paragraph_below() -> None:
    doc = Document(article("Intro paragraph that ends here.", "A Heading", "Body text below it."))
    blocks = build_blocks(doc)
    assert [(b.first, b.last, b.headings) for b in blocks] == [(0, 0, 0), (1, 2, 1)]


def test_stems_join_inflections() -> None:
    assert stem("talks") == stem("talked") == stem("talking") == "talk"
    assert stem("stories") == "story"


def test_vocabulary_keeps_content_words_weighted_by_rarity() -> None:
    weights = vocabulary("The lighthouse keeper and the people of the town")
    assert "the" not in weights and "and" not in weights
    assert weights["lighthouse"] > weights["people"]
