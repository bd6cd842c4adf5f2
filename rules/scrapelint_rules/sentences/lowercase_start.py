"""SEN001 lowercase-sentence-start."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from scrapelint.diagnostics import Category, Diagnostic, Severity
from scrapelint.document import Document
from scrapelint.lexicon import zipf
from scrapelint.rule import Rule
from scrapelint_rules.sentences._shared import is_english, line_verdict, load_word_list

ABBREVIATIONS = load_word_list("abbreviations")

# A full stop (not part of an ellipsis), one space, then a plain lower-case word: not a
# domain ("pic.twitter.com"), a URL scheme, an identifier (snake_case, n8n) or a letter ("p.").
# Scanned with the standard ``re`` engine: a pattern led by a literal is found fast.
_STOP_THEN_LOWER = re.compile(r"\.[ \u00a0](?P<word>[a-z][\w'’\-]+)(?![\w/@]|[.:][\w/])")
_TOKEN_BEFORE = regex.compile(r"[\p{L}\p{N}.\-'’&/@#_]+$")
_CLOSERS = "\"'”’)]»"
#: Above this share of lower-case starts the writer does not capitalise: a style, not damage.
_MAX_LOWERCASE_STYLE_SHARE = 0.2
#: A lower-case word rarer than this (Zipf scale) is taken for a name or a command.
_MIN_WORD_ZIPF = 3.5
# Code on a line: braces, "=>", "()", "&&", "::", "$ " (a shell prompt); tested with ``in``.
_CODE_MARKS = ("{", "}", "=>", "()", "&&", "::", "$ ")
_APOSTROPHE = re.compile(r"['’]")
_ANY_START = re.compile(r"\. [A-Za-z]")
_LOWER_START = re.compile(r"\. [a-z]")
_HAS_UPPER = regex.compile(r"\p{Lu}")


def _code_line(line: str) -> bool:
    """True when a line carries one of the code marks."""
    return any(mark in line for mark in _CODE_MARKS)


def _is_abbreviation(token: str) -> bool:
    """True when ``token`` (the text before the full stop) reads as an abbreviation."""
    bare = token.rstrip(".")
    lowered = bare.lower()
    if not bare or not bare[-1].isalpha() or any(ch.isdigit() for ch in bare):
        return True  # numbers ("No. 5.", "1. item"), units ("7-in."): not a sentence end
    if "." in bare or "/" in bare or "@" in bare:
        return True  # U.S., e.g., p.m., domains and paths
    if len(bare) == 1:
        return bare != "a"  # initials ("J. Smith") and list letters ("b."), not the article
    if lowered in ABBREVIATIONS:
        return True
    # All-capital short tokens are usually abbreviations of their own (approx. "ST.", "CO.").
    return bare.isupper() and len(bare) <= 3


def _previous_token(text: str, stop: int) -> str | None:
    """The token ending at the full stop, or None when the stop belongs to an abbreviation."""
    end = stop
    while end > 0 and text[end - 1] in _CLOSERS:
        end -= 1
    if end < stop:
        return text[end:stop]  # 'fraud". the': a quotation or bracket ended the sentence
    before = _TOKEN_BEFORE.search(text, max(0, stop - 40), stop)
    if before is None:
        return None
    token = str(before.group())
    return None if _is_abbreviation(token) else token


class LowercaseSentenceStart(Rule):
    """Flags a full stop followed by a lower-case word, a sentence broken in two.

    ## What it does
    Finds a full stop followed by white space and a word that starts with a
    lower-case letter ("...come to terms on that. if the talks..."). Full stops
    of abbreviations (Mr., U.S., e.g., p.m., No.), initials, numbers,
    ellipses and domains are skipped, and so are words that carry a capital
    letter inside them (iPhone, eBay). Only English documents are checked.

    ## Why is this bad
    A stray full stop inside a sentence, or a lost capital at the start of
    the next one, is a typical trace of text rewriting or bad extraction; it
    breaks sentence splitting for every downstream consumer.

    ## Example
    ```text
    The two sides must come to terms on that. if the talks are to be held.
    ```
    The full stop before "if" is flagged.

    ## Options
    None.

    ## Fix
    None: whether to drop the full stop or capitalise the next word depends
    on the sentence.
    """

    code = "SEN001"
    name = "lowercase-sentence-start"
    category = Category.BROKEN_SENTENCE
    severity = Severity.WARNING
    fixable = "never"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if "." not in text or not is_english(doc):
            return
        found: list[tuple[int, int, str, str]] = []
        for match in _STOP_THEN_LOWER.finditer(text):
            word = match.group("word")
            stop = match.start()
            if (stop > 0 and text[stop - 1] in ".…") or any(
                ch.isdigit() or ch == "_" for ch in word
            ):
                continue  # an ellipsis; identifiers (n8n, snake_case)
            if _HAS_UPPER.search(word, 1):
                continue  # iPhone, eBay, mRNA: lower-case by design
            if zipf(_APOSTROPHE.split(word.lower())[0]) < _MIN_WORD_ZIPF:
                continue  # rare words after a stop are mostly names and commands (git, qntm)
            if line_verdict(doc, stop, stop, _code_line):
                continue  # code samples: "cache. let mut x = ..."
            found_before = _previous_token(text, stop)
            if found_before is None:
                continue
            found.append((stop, match.end("word"), word, found_before))
        if not found:
            return
        starts = len(_ANY_START.findall(text))
        lower_starts = len(_LOWER_START.findall(text))
        if lower_starts > 2 and lower_starts > _MAX_LOWERCASE_STYLE_SHARE * starts:
            return  # the whole text is written without capitals
        for start, end, word, before in found:
            yield self.diagnostic(
                start,
                end,
                f"sentence starts with lower-case {word!r} after a full stop that follows "
                f"{before!r}, which is no abbreviation",
                confidence=0.8,
            )
