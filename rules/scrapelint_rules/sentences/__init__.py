"""Broken-sentence rules (SEN): stray stops, truncation, glued words, quotes, a/an, markup."""

from __future__ import annotations

from scrapelint.rule import Rule
from scrapelint_rules.sentences.lowercase_start import LowercaseSentenceStart

RULES: tuple[type[Rule], ...] = (LowercaseSentenceStart,)
