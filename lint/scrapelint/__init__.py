"""scrapelint: a content-quality linter for scraped articles."""

from __future__ import annotations

__version__ = "0.1.0"

from scrapelint.config import Config, config_from_mapping, load_config
from scrapelint.diagnostics import Applicability, Category, Diagnostic, Edit, Fix, Severity
from scrapelint.document import Document
from scrapelint.linter import CleanResult, Linter
from scrapelint.rule import CorpusRule, Rule, RuleSettings

__all__ = [
    "Applicability",
    "Category",
    "CleanResult",
    "Config",
    "CorpusRule",
    "Diagnostic",
    "Document",
    "Edit",
    "Fix",
    "Linter",
    "Rule",
    "RuleSettings",
    "Severity",
    "__version__",
    "config_from_mapping",
    "load_config",
]
