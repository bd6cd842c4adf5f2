"""Duplicate rules (DUP): repeated headlines, paragraphs, sentences and cross-document copies."""

from __future__ import annotations

from scrapelint.rule import Rule
from scrapelint_rules.duplicates.cross_document import CrossDocumentCopy
from scrapelint_rules.duplicates.repeated_headline import RepeatedHeadline
from scrapelint_rules.duplicates.repeated_line import RepeatedLine

RULES: tuple[type[Rule], ...] = (RepeatedHeadline, RepeatedLine, CrossDocumentCopy)
