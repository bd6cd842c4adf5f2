"""The embeddings method: off-topic blocks by semantic similarity to the rest of the article.

Every paragraph is embedded with all-MiniLM-L6-v2 (see ``encoder``). A block
body scores the cosine similarity between its embedding and the centroid of
all other blocks plus the title; it is flagged below ``ratio`` times the
median block, like the lexical method. Two adjacent low blocks are scored
again against the centroid without both. Headings are too short for stable
embeddings, so they join a finding by the lexical method's test.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

from scrapelint.document import Document
from scrapelint_rules.offtopic.blocks import document_blocks
from scrapelint_rules.offtopic.encoder import shared_encoder
from scrapelint_rules.offtopic.lexical import (
    Finding,
    LexicalSettings,
    block_scores,
    is_english_prose,
    leading_headings,
    question_answers,
    trailing_heading,
)
from scrapelint_rules.offtopic.vocabulary import paragraph_vocabularies


@dataclass(frozen=True)
class SemanticSettings:
    ratio: float
    heading_ratio: float
    min_blocks: int
    min_terms: int
    #: Share of the lexical method's relative score blended into each block's score.
    lexical: LexicalSettings
    lexical_share: float = 0.0
    min_function_share: float = 0.2


def find_off_topic_semantic(doc: Document, settings: SemanticSettings) -> list[Finding]:
    blocks = document_blocks(doc)
    if len(blocks) < settings.min_blocks or not is_english_prose(doc, settings.min_function_share):
        return []
    encoder = shared_encoder()
    np = encoder.numpy
    vectors = doc.view("ot.embeddings", _embed)
    bodies = np.stack([_unit(np, vectors[b.body : b.last + 1].sum(axis=0)) for b in blocks])
    everything = bodies.sum(axis=0) + (vectors[-1] if doc.title else 0.0)
    scores = [_cosine(np, bodies[i], everything - bodies[i]) for i in range(len(blocks))]
    median = statistics.median(scores)
    article, _, _, lexical = block_scores(doc, blocks, settings.lexical)
    lexical_median = statistics.median(lexical)
    if settings.lexical_share > 0 and median > 0 and lexical_median > 0:
        # Blend relative scores: a block must look foreign in words and in meaning.
        share = settings.lexical_share
        scores = [
            median * ((1 - share) * s / median + share * x / lexical_median)
            for s, x in zip(scores, lexical, strict=True)
        ]
    threshold = settings.ratio * median
    vocabularies = paragraph_vocabularies(doc).terms
    sizes = [sum(map(len, vocabularies[b.body : b.last + 1])) for b in blocks]
    answers = question_answers(doc, blocks)
    flagged = {
        i: s
        for i, s in enumerate(scores)
        if s < threshold and sizes[i] >= settings.min_terms and i not in answers
    }
    for i in range(len(blocks) - 1):
        if scores[i] >= median or scores[i + 1] >= median:
            continue
        if min(sizes[i], sizes[i + 1]) < settings.min_terms or answers & {i, i + 1}:
            continue
        rest = everything - bodies[i] - bodies[i + 1]
        upper, lower = _cosine(np, bodies[i], rest), _cosine(np, bodies[i + 1], rest)
        if upper < threshold and lower < threshold:
            flagged.setdefault(i, upper)
            flagged.setdefault(i + 1, lower)
    # Headings are too short for a stable embedding: they join by the lexical test.
    heading_threshold = settings.heading_ratio * lexical_median
    findings = []
    for i in sorted(flagged):
        block = blocks[i]
        first = leading_headings(article, block, heading_threshold)
        last = trailing_heading(article, blocks, i, heading_threshold)
        findings.append(Finding(first, last, block.body - first, flagged[i], threshold, median))
    return findings


def _embed(doc: Document) -> Any:
    """One embedding per paragraph, then the title's when there is one."""
    texts = [p.text for p in doc.paragraphs]
    if doc.title:
        texts.append(doc.title)
    return shared_encoder().encode(texts)


def _unit(np: Any, vector: Any) -> Any:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def _cosine(np: Any, a: Any, b: Any) -> float:
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b) / norm if norm > 0 else 0.0
