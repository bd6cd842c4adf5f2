"""scrapelint's built-in rule pack, registered via the ``scrapelint.rules`` entry point."""

from __future__ import annotations

from scrapelint.rule import Rule
from scrapelint_rules import boilerplate, duplicates, offtopic, sentences

RULES: tuple[type[Rule], ...] = (
    *boilerplate.RULES,
    *duplicates.RULES,
    *offtopic.RULES,
    *sentences.RULES,
)

__all__ = ["RULES"]
