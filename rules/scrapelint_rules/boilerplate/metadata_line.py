"""BP003 metadata-line: lines made only of dates, times, bylines and counters."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from scrapelint.diagnostics import Category, Diagnostic, Severity
from scrapelint.document import Document
from scrapelint.rule import Rule
from scrapelint_rules.boilerplate.common import line_diagnostic, where
from scrapelint_rules.boilerplate.layout import Layout, LineInfo, layout

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri "
    "sat sun"
).split()
_ZONES = (
    "am pm a.m p.m gmt utc bst cet cest est edt cst cdt mst mdt pst pdt et pt ist aest amt".split()
)
#: Words that may stand in a metadata line besides dates, times and names.
_META_WORDS = frozenset(
    """updated update published posted modified last first created edited written filed
    by on at in ago today yesterday now just hour hours hr hrs minute minutes min mins second
    seconds day days week weeks month months year years read reads reading time views view
    comments comment shares share likes like replies reply votes vote followers subscribers
    photos photo images image videos video of and the staff reporter correspondent writer
    editor contributor desk bureau news""".split()
)
_DATE_WORDS = frozenset([*_MONTHS, *_WEEKDAYS, *_ZONES, "ago", "today", "yesterday"])
_COUNTER_WORDS = frozenset(
    """views comments shares likes replies votes followers subscribers reads photos images
    videos""".split()
)
_TOKEN = regex.compile(
    r"@[\w.]+|\p{N}+(?:st|nd|rd|th)\b|\p{N}[\p{N}:.,/\-]*[kKmM]?|[\p{L}][\p{L}.’'\-]*"
)
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ORDINAL = regex.compile(r"^\d{1,2}(?:st|nd|rd|th)$")
_TIME = regex.compile(r"^\d{1,2}[:.]\d{2}(?:[:.]\d{2})?$")
_NUMERIC_DATE = regex.compile(r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}$")
_YEAR = regex.compile(r"^(?:19|20)\d{2}$")


@dataclass(frozen=True)
class MetadataLineOptions:
    #: Longest metadata line, in words.
    max_words: int = 14
    #: Most name words (a byline) allowed besides the date, time or counter.
    max_name_words: int = 4


def classify_metadata(info: LineInfo, max_words: int, max_names: int) -> str | None:
    """'date', 'byline' or 'counter' when a line holds only such metadata, else None."""
    if not 1 <= info.words <= max_words or info.text.endswith(("?", "!")):
        return None
    tokens = _TOKEN.findall(info.text)
    if not tokens:
        return None
    dates = counters = numbers = names = handles = times = years = 0
    has_by = False
    for token in tokens:
        low = token.lower().rstrip(".")
        # Ordinals, times, numeric dates, numbers and handles never start with a letter (and
        # every date, counter and meta word does): letter tokens skip those patterns.
        if token[0] not in _ASCII_LETTERS:
            if _ORDINAL.match(low):
                numbers += 1
                continue
            if _TIME.match(token) or _NUMERIC_DATE.match(token):
                dates += 1
                times += bool(_TIME.match(token))
                continue
            if token[0].isdigit():
                if _YEAR.match(token):
                    years += 1
                else:
                    numbers += 1
                continue
            if token.startswith("@"):
                handles += 1
                continue
        if low in _DATE_WORDS:
            dates += 1
        elif low in _COUNTER_WORDS:
            counters += 1
        elif low in _META_WORDS:
            has_by = has_by or low == "by"
        elif token[0].isupper():
            names += 1
        else:
            return None
    if names > max_names or times > 1:
        return None
    if numbers == len(tokens) == 1 and len(info.text) <= 8:
        return "counter"  # a bare count: comments, shares, slide numbers
    if counters and numbers and not names and counters + numbers >= len(tokens) - 1:
        return "counter"
    if (dates and (dates + numbers + years) >= 2) or (dates and numbers and _has_time_word(tokens)):
        return "byline" if names else "date"
    starts_by = tokens[0].lower() == "by"
    if ((names >= 2 and starts_by) or (names and handles)) and info.words <= max_names + 2:
        return "byline"
    return None


_STAMP = regex.compile(
    r"\b(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}[:h]\d{2})\b"
)
_LETTER_WORD = regex.compile(r"\p{L}{2,}")


def _numeric_timestamp(text: str) -> bool:
    """A numeric date or time with at most five words around it, in any language."""
    return len(text) <= 80 and bool(_STAMP.search(text)) and len(_LETTER_WORD.findall(text)) <= 5


def _has_time_word(tokens: list[str]) -> bool:
    return any(t.lower() in ("ago", "today", "yesterday") for t in tokens)


class MetadataLine(Rule):
    """Flags lines that hold only a date, time, byline or counter.

    ## What it does
    Reads each short line token by token: dates (month and weekday names,
    numeric dates, years), times and time zones, relative times ("3 hours
    ago"), counters ("12K views", "5 comments"), a few metadata words
    ("Updated", "Published", "By") and at most a few capitalised name words.
    A line made of nothing else, with a real date, time or counter in it, is
    metadata. A sentence that mentions a date has other words and is left
    alone, and so is a dateline such as "WASHINGTON (AP) —" that opens a
    paragraph.

    ## Why is this bad
    Timestamps, bylines and view counters belong to the page template. In
    the article text they break summaries and inflate near-duplicate scores.

    ## Example
    ```text
    By Jane Doe | Updated Nov 19, 2019, 8:15 pm EST
    12K views
    ```
    Both lines are flagged.

    ## Options
    - `max_words` (int, default 14): longest line considered.
    - `max_name_words` (int, default 4): name words allowed in a byline.

    ## Fix
    Safe above or below the article body; unsafe inside it.
    """

    code = "BP003"
    name = "metadata-line"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fixable = "always"
    Options = MetadataLineOptions

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        lay = layout(doc)
        opts: MetadataLineOptions = self.options
        for pos, info in enumerate(lay.lines):
            if info.words > opts.max_words or info.text.count("|") >= 3 or "(@" in info.text:
                continue
            if not lay.english:
                # no word lists to go by: only a numeric timestamp with a few words around it
                if lay.outside_core(pos) and _numeric_timestamp(info.text):
                    yield self._report(doc, lay, pos, "timestamp")
                continue
            if not lay.outside_core(pos) and (pos in lay.structured or info.letters_words == 0):
                continue  # a dated list, a timeline or a number inside the story
            kind = classify_metadata(info, opts.max_words, opts.max_name_words)
            if kind is not None:
                yield self._report(doc, lay, pos, kind)

    def _report(self, doc: Document, lay: Layout, pos: int, kind: str) -> Diagnostic:
        opts: MetadataLineOptions = self.options
        message = (
            f"line holds only a {kind} ({lay.lines[pos].words} words, at most "
            f"{opts.max_name_words} name words) {where(lay, pos)}"
        )
        return line_diagnostic(self, doc, lay, pos, message, f"{kind} line")
