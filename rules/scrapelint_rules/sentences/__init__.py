"""Broken-sentence rules (SEN): stray stops, truncation, glued words, quotes, a/an, markup."""

from __future__ import annotations

from scrapelint.rule import Rule
from scrapelint_rules.sentences.article_agreement import ArticleSoundMismatch
from scrapelint_rules.sentences.doubled_word import DoubledWord
from scrapelint_rules.sentences.fused_words import FusedCamelCase, FusedLowercaseWords
from scrapelint_rules.sentences.lowercase_start import LowercaseSentenceStart
from scrapelint_rules.sentences.markup import EncodingDamage, MarkupLeftover
from scrapelint_rules.sentences.missing_space import MissingSpaceAfterStop
from scrapelint_rules.sentences.truncated import TruncatedSentence
from scrapelint_rules.sentences.unbalanced_quotes import UnbalancedQuotes

RULES: tuple[type[Rule], ...] = (
    LowercaseSentenceStart,
    TruncatedSentence,
    MissingSpaceAfterStop,
    FusedCamelCase,
    FusedLowercaseWords,
    UnbalancedQuotes,
    DoubledWord,
    ArticleSoundMismatch,
    MarkupLeftover,
    EncodingDamage,
)
