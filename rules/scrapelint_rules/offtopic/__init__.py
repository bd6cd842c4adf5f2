"""Off-topic rules (OT): paragraphs that belong to a different article."""

from __future__ import annotations

from scrapelint.rule import Rule
from scrapelint_rules.offtopic.off_topic_paragraph import OffTopicParagraph

RULES: tuple[type[Rule], ...] = (OffTopicParagraph,)
