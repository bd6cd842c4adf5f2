"""SEN003 missing-space-after-stop."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from scrapelint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from scrapelint.document import Document
from scrapelint.lexicon import zipf
from scrapelint.rule import Rule
from scrapelint_rules.sentences._shared import (
    CODE_SEMICOLON,
    is_english,
    line_verdict,
    load_word_list,
    occurs,
)

ABBREVIATIONS = load_word_list("abbreviations")

# Sentence punctuation (optionally a closing quote) glued to a capitalised word. One pattern
# per mark, each led by a literal, so the standard ``re`` engine scans fast.
_GLUED = tuple(
    (
        mark,  # a one-character ``in`` test skips the scan where the mark is missing
        re.compile(
            re.escape(mark) + r"(?P<quote>[\"”’]?)(?P<right>[A-Z][a-z]+)(?![\w@(\[]|[./:]\w)"
        ),
    )
    for mark in ".!?"
)
# The word before the mark: letters only, not part of a domain, path, handle or identifier.
_LEFT = regex.compile(r"(?<![\p{L}\p{N}_./@:\-])\p{L}[\p{Ll}\p{M}'’]+$")
# Code: braces, assignments, calls, and semicolons that end a line (not prose semicolons).
# The literals are tested with ``in`` (a fast C search), see _code_line.
_CODE_MARKS = ("{", "}", "=", "()", "::", "&&")
#: Top-level domains and file extensions that are written capitalised now and then.
_DOMAIN_LIKE = frozenset(
    {"com", "net", "org", "gov", "edu", "io", "ai", "co", "uk", "us", "de", "fr", "info", "biz"}
)
#: The opening word must be a real English word this common (Zipf scale)...
_MIN_RIGHT_ZIPF = 3.0


def _code_line(line: str) -> bool:
    """True when a line has braces, assignments, "()", "::", "&&" or a line-ending semicolon."""
    if any(mark in line for mark in _CODE_MARKS):
        return True
    return ";" in line and CODE_SEMICOLON.search(line) is not None


class MissingSpaceAfterStop(Rule):
    """Flags a sentence end glued to the next sentence ("York.Reuters", "dangerous.The").

    ## What it does
    Finds a word, a full stop, question or exclamation mark (optionally with a
    closing quote), and a capitalised common word with no space between them.
    URLs, e-mail addresses, domains, file names and code (anything glued to a
    slash, @, digit or a further dot) are skipped, and so are names that are
    spelt this way on purpose: a glued token that occurs more than once in the
    article ("One.Tel") is taken for a name. Only English documents are
    checked.

    ## Why is this bad
    Extraction that joins two HTML blocks, or a rewrite that drops a space,
    leaves two sentences fused into one token. Tokenisers and sentence
    splitters then see one unknown word instead of a sentence boundary.

    ## Example
    ```text
    The bridge was closed.Traffic was diverted through the town.
    ```
    "closed.Traffic" is flagged.

    ## Options
    None.

    ## Fix
    Safe: a space is inserted after the punctuation.
    """

    code = "SEN003"
    name = "missing-space-after-stop"
    category = Category.BROKEN_SENTENCE
    severity = Severity.WARNING
    fixable = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if not is_english(doc):
            return
        for mark, pattern in _GLUED:
            if mark not in text:
                continue
            for match in pattern.finditer(text):
                diagnostic = self._judge(doc, match)
                if diagnostic is not None:
                    yield diagnostic

    def _judge(self, doc: Document, match: re.Match[str]) -> Diagnostic | None:
        text = doc.text
        right = match.group("right")
        if right.lower() in _DOMAIN_LIKE or zipf(right.lower()) < _MIN_RIGHT_ZIPF:
            return None
        stop = match.start()
        left_match = _LEFT.search(text, max(0, stop - 40), stop)
        if left_match is None:
            return None
        left = str(left_match.group())
        if left.lower() in ABBREVIATIONS:
            return None
        start, end = left_match.start(), match.end()
        token = text[start:end]
        if occurs(doc, token, 2):
            return None  # a name spelt with a stop ("One.Tel") recurs as it is
        if line_verdict(doc, start, end, _code_line):
            return None  # code: "response.Should()", "header.Key"
        cut = match.start("right")
        return self.diagnostic(
            start,
            end,
            f"no space between {text[start:cut]!r} and {right!r}: two sentences glued together",
            fix=Fix.safe("Insert a space after the punctuation", Edit(cut, cut, " ")),
            confidence=0.9,
        )
