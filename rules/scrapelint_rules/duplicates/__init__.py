"""Duplicate rules (DUP): repeated headlines, paragraphs, sentences and cross-document copies."""

from __future__ import annotations

from scrapelint.rule import Rule
from scrapelint_rules.duplicates.cross_document import CrossDocumentCopy
from scrapelint_rules.duplicates.near_duplicate import NearDuplicateParagraph
from scrapelint_rules.duplicates.repeated_headline import RepeatedHeadline
from scrapelint_rules.duplicates.repeated_line import RepeatedLine
from scrapelint_rules.duplicates.repeated_sentence import RepeatedSentence

RULES: tuple[type[Rule], ...] = (
    RepeatedHeadline,
    RepeatedLine,
    NearDuplicateParagraph,
    RepeatedSentence,
    CrossDocumentCopy,
)
