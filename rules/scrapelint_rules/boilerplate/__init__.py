"""Boilerplate rules (BP): page furniture left in scraped article text."""

from __future__ import annotations

from scrapelint.rule import Rule
from scrapelint_rules.boilerplate.caption_line import CaptionLine
from scrapelint_rules.boilerplate.glued import GluedBoilerplate
from scrapelint_rules.boilerplate.link_list import LinkList
from scrapelint_rules.boilerplate.low_stopword import LowStopwordLine
from scrapelint_rules.boilerplate.metadata_line import MetadataLine
from scrapelint_rules.boilerplate.phrase_line import BoilerplatePhrase
from scrapelint_rules.boilerplate.site_lines import SiteBoilerplate

RULES: tuple[type[Rule], ...] = (
    BoilerplatePhrase,
    LinkList,
    MetadataLine,
    CaptionLine,
    LowStopwordLine,
    GluedBoilerplate,
    SiteBoilerplate,
)
