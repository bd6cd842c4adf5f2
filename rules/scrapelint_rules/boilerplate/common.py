"""Helpers shared by the BP rules: whole-line findings and their fixes."""

from __future__ import annotations

from scrapelint.diagnostics import Diagnostic, Fix
from scrapelint.document import Document
from scrapelint.edits import remove_lines
from scrapelint.rule import Rule
from scrapelint_rules.boilerplate.layout import Layout


def line_fix(doc: Document, lay: Layout, first: int, last: int, what: str) -> Fix:
    """Remove layout lines ``first..last``: safe above or below the core, unsafe inside it."""
    edit = remove_lines(doc, lay.lines[first].index, lay.lines[last].index)
    message = f"Remove the {what}"
    if lay.core_first >= 0 and (last < lay.core_first or first > lay.core_last):
        return Fix.safe(message, edit)
    return Fix.unsafe(message, edit)


def line_diagnostic(
    rule: Rule, doc: Document, lay: Layout, pos: int, message: str, what: str
) -> Diagnostic:
    """``rule``'s finding on the whole layout line ``pos``, with the fix removing the ``what``."""
    info = lay.lines[pos]
    return rule.diagnostic(info.start, info.end, message, fix=line_fix(doc, lay, pos, pos, what))


def where(lay: Layout, pos: int) -> str:
    """A short phrase for a line's position relative to the article core."""
    if lay.core_first < 0:
        return "in a text without body paragraphs"
    if pos < lay.core_first:
        return "above the article body"
    if pos > lay.core_last:
        return "below the article body"
    return "inside the article body"
