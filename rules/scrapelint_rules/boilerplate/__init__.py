"""Boilerplate rules (BP): page furniture left in scraped article text."""

from __future__ import annotations

from scrapelint.rule import Rule
from scrapelint_rules.boilerplate.link_list import LinkList
from scrapelint_rules.boilerplate.phrase_line import BoilerplatePhrase

RULES: tuple[type[Rule], ...] = (BoilerplatePhrase, LinkList)
