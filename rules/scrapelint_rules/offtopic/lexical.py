"""The lexical method: find off-topic blocks by cohesion scores relative to the article.

Each block body (the paragraph under any headings) is scored against the
article without the block, shrunk toward the article's pooled coverage, and
flagged below ``ratio`` times the median block score. Two adjacent blocks
that only vouch for each other are scored once more with both left out.
A flagged block then takes along the heading lines right above it, and the
first heading below it, when they are not supported by the rest of the
article either: an injected headline comes with its paragraph, while the
article's own section heading stays out. Blocks that open with a question
(interviews, FAQs) are left alone: their subject changes by design.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from scrapelint.document import Document
from scrapelint.text import ends_with_terminal
from scrapelint_rules.offtopic.blocks import HEADING_MAX_WORDS, Block, document_blocks
from scrapelint_rules.offtopic.cohesion import Article, Coverage, pooled
from scrapelint_rules.offtopic.vocabulary import paragraph_vocabularies, vocabulary


@dataclass(frozen=True)
class LexicalSettings:
    ratio: float
    pair_ratio: float
    heading_ratio: float
    shrink_weight: float
    min_terms: int
    min_blocks: int
    glued_ratio: float = 0.6
    glued_heading_ratio: float = 1.0
    spread: float = 2.5
    title_places: int = 1
    min_function_share: float = 0.2


@dataclass(frozen=True, slots=True)
class Finding:
    """Paragraphs ``first..last`` look off-topic: ``score`` against ``threshold``."""

    first: int
    last: int
    headings: int
    score: float
    threshold: float
    median: float
    #: The fraction of the median behind ``threshold`` when it is not the rule's ``ratio``.
    ratio: float | None = None
    #: Further evidence, for the message.
    note: str = ""


def is_english_prose(doc: Document, share: float) -> bool:
    """Whether English function words make up at least ``share`` of the words."""
    vocabularies = paragraph_vocabularies(doc)
    tokens = vocabularies.tokens
    return tokens > 0 and vocabularies.function_words >= share * tokens


def block_scores(
    doc: Document, blocks: Sequence[Block], settings: LexicalSettings
) -> tuple[Article, list[Coverage], float, list[float]]:
    """The article index, each block body's coverage, the pooled prior and shrunk scores."""
    vocabularies = paragraph_vocabularies(doc)
    article = Article(
        vocabularies.terms,
        vocabulary(doc.title or ""),
        tokens=vocabularies.tokens,
        title_places=settings.title_places,
        spread=settings.spread,
    )
    # A block's body is its last paragraph: the headings above it are left out with it.
    singles = article.under_headings([b.body for b in blocks], [b.first for b in blocks])
    prior = pooled(singles)
    k = settings.shrink_weight
    # Coverage.shrunk, inlined (one call per block).
    return article, singles, prior, [(c.shared + k * prior) / (c.total + k) for c in singles]


def find_off_topic(doc: Document, settings: LexicalSettings) -> list[Finding]:
    blocks = document_blocks(doc)
    if len(blocks) < settings.min_blocks:
        return []
    if not is_english_prose(doc, settings.min_function_share):
        return []
    article, singles, prior, scores = block_scores(doc, blocks, settings)
    k = settings.shrink_weight
    median = statistics.median(scores)
    threshold = settings.ratio * median
    flagged: dict[int, float] = {}
    glued: dict[int, str] = {}
    answers = question_answers(doc, blocks)
    for i, (coverage, score) in enumerate(zip(singles, scores, strict=True)):
        if score < threshold and coverage.terms >= settings.min_terms and i not in answers:
            flagged[i] = score
    pair_threshold = settings.pair_ratio * median
    for i in range(len(blocks) - 1):
        # Leaving a neighbour out only lowers a score: pairs above the median cannot qualify.
        if scores[i] >= median or scores[i + 1] >= median or answers & {i, i + 1}:
            continue
        # A pair score counts the same words as the single one: too few terms cannot qualify.
        if singles[i].terms < settings.min_terms or singles[i + 1].terms < settings.min_terms:
            continue
        both = range(blocks[i].first, blocks[i + 1].last + 1)
        upper = article.coverage(_body(blocks[i]), both)
        if upper.shrunk(prior, k) >= pair_threshold:
            continue  # the lower block's score is not needed
        lower = article.coverage(_body(blocks[i + 1]), both)
        if all(
            c.terms >= settings.min_terms and c.shrunk(prior, k) < pair_threshold
            for c in (upper, lower)
        ):
            flagged.setdefault(i, upper.shrunk(prior, k))
            flagged.setdefault(i + 1, lower.shrunk(prior, k))
    heading_threshold = settings.heading_ratio * median
    # Second evidence: a headline glued on top of its paragraph (no blank line between them,
    # in a text that separates paragraphs with blank lines) that shares less with the rest
    # of the article than a typical paragraph does, where the article's own headings share
    # more. That is how a teaser of another article arrives; it allows a looser threshold.
    glued_threshold = settings.glued_ratio * median
    glued_heading_threshold = settings.glued_heading_ratio * median
    for i, block in enumerate(blocks):
        if i in flagged or i in answers or scores[i] >= glued_threshold:
            continue
        if singles[i].terms < settings.min_terms:
            continue
        heading = glued_heading(doc, block)
        if heading is None:
            continue
        support = article.text_coverage(vocabulary(heading), _span(block))
        if _unsupported(support, glued_heading_threshold):
            flagged[i] = scores[i]
            glued[i] = (
                f"; its glued-on headline shares {max(support.raw, 0.0):.0%}, "
                f"below the median {median:.0%}"
            )
    findings = []
    for i in sorted(flagged):
        block = blocks[i]
        first = leading_headings(article, block, heading_threshold)
        last = trailing_heading(article, blocks, i, heading_threshold)
        if i in glued:
            finding = Finding(
                first,
                last,
                block.body - first,
                flagged[i],
                glued_threshold,
                median,
                settings.glued_ratio,
                glued[i],
            )
        else:
            finding = Finding(first, last, block.body - first, flagged[i], threshold, median)
        findings.append(finding)
    return findings


def glued_heading(doc: Document, block: Block) -> str | None:
    """The first line of the block's body when it reads as a headline glued to the paragraph.

    Only in texts that separate paragraphs with blank lines: where every line is its own
    paragraph, a line break says nothing.
    """
    para = doc.paragraphs[block.body]
    if para.line_count < 2:
        return None
    first = doc.lines[para.first_line].text.strip()
    words = first.split()
    if not 2 <= len(words) <= HEADING_MAX_WORDS or ends_with_terminal(first):
        return None
    if sum(w[0].isupper() for w in words) * 2 < len(words):
        return None  # a headline is (mostly) capitalised
    return first


def question_answers(doc: Document, blocks: Sequence[Block]) -> set[int]:
    """Blocks that open with a question: interviews and FAQs change subject by design."""
    out: set[int] = set()
    paragraphs = doc.paragraphs
    for block in blocks:
        text = paragraphs[block.first].text
        opening = text.lstrip()
        asks = "?" in text and opening.split("\n", 1)[0].rstrip().endswith("?")
        if asks or opening[:2] in ("Q:", "Q.", "A:"):
            out.add(block.index)
    return out


def _body(block: Block) -> range:
    return range(block.body, block.last + 1)


def _span(block: Block) -> range:
    return range(block.first, block.last + 1)


def _unsupported(coverage: Coverage, threshold: float) -> bool:
    """A heading joins the finding when the rest of the article does not share its words."""
    return coverage.terms > 0 and coverage.raw < threshold


def leading_headings(article: Article, block: Block, threshold: float) -> int:
    """The first paragraph of the finding: headings above the body, nearest first."""
    first = block.body
    while first > block.first:
        heading = first - 1
        if not _unsupported(article.coverage(range(heading, first), _span(block)), threshold):
            break
        first = heading
    return first


def trailing_heading(
    article: Article, blocks: Sequence[Block], index: int, threshold: float
) -> int:
    """The last paragraph of the finding: the block's own, or a stray heading below it."""
    block = blocks[index]
    if index + 1 >= len(blocks) or not blocks[index + 1].headings:
        return block.last
    heading = blocks[index + 1].first
    excluded = range(block.first, heading + 1)
    if _unsupported(article.coverage(range(heading, heading + 1), excluded), threshold):
        return heading
    return block.last
