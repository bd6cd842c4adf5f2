"""SEN007 doubled-word."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrapelint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from scrapelint.document import Document
from scrapelint.lexicon import STOPWORDS
from scrapelint.rule import Rule
from scrapelint_rules.sentences._shared import is_english, load_word_list

#: Words English legitimately doubles ("that that", "had had") and reduplications.
ALLOWED_DOUBLES = load_word_list("allowed_doubles")

# A word, one space, the same word again (any case). Led by a literal space or line break so
# the standard ``re`` engine finds candidates fast; the word itself is checked afterwards.
# Lower-case copies are found case-sensitively (cheapest); "The the" only occurs where a
# sentence or line starts, so that case is checked after ". " and line breaks only, and
# capitalised pairs elsewhere are names ("Walla Walla") the rule leaves alone anyway.
# The word is taken possessively (``++``): a shorter copy could never be followed by the
# space, so giving letters back is wasted work on every space of the text.
# Each pattern comes with the character it starts with: a one-character ``in`` test is far
# cheaper than a pattern scan, and "!" and "?" are missing from most articles.
_CANDIDATES = (
    (" ", re.compile(r" ([a-z]++) \1\b")),
    ("-", re.compile(r"-([a-z]++) \1\b")),
    ("\n", re.compile(r"\n(\w++) \1\b", re.IGNORECASE)),
    *((mark, re.compile(re.escape(mark) + r" (\w++) \1\b", re.IGNORECASE)) for mark in ".!?"),
)
_AT_START = re.compile(r"(\w++) \1\b", re.IGNORECASE)
_AFTER_WORD = re.compile(r"['’]?\w")
#: Lines with these marks are code, where "git git" and "sz sz" are fine.
_CODE_HINT = re.compile(r"[{}=]|\(\)|::|&&|^\s*(?:sudo|import|from) ", re.MULTILINE)


class DoubledWord(Rule):
    """Flags a word written twice in a row ("the the", "to to").

    ## What it does
    Finds the same word repeated with one space between (ignoring case where a
    sentence or line starts, "The the"). Doublings that English allows are
    skipped ("that that", "had had", "very very"), as are reduplicated names
    in which both copies are capitalised ("Walla Walla", "Bafana Bafana",
    "Baden Baden") unless the word is a function word ("The the"). Only
    English documents are checked.

    ## Why is this bad
    A doubled word is a classic trace of careless rewriting, of joining text
    from two blocks, or of a spinner; readers notice it at once.

    ## Example
    ```text
    The council voted to to close the road.
    ```
    "to to" is flagged.

    ## Options
    None.

    ## Fix
    Safe: the second copy and the space before it are removed.
    """

    code = "SEN007"
    name = "doubled-word"
    category = Category.BROKEN_SENTENCE
    severity = Severity.WARNING
    fixable = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if not is_english(doc):
            return
        matches = [
            m for lead, pattern in _CANDIDATES if lead in text for m in pattern.finditer(text)
        ]
        first = _AT_START.match(text)
        if first is not None:
            matches.append(first)
        seen: set[int] = set()
        for match in sorted(matches, key=lambda m: m.start(1)):
            if match.start(1) in seen:
                continue
            seen.add(match.start(1))
            diagnostic = self._judge(doc, match.start(1), match.end())
            if diagnostic is not None:
                yield diagnostic

    def _judge(self, doc: Document, first_start: int, end: int) -> Diagnostic | None:
        text = doc.text
        length = (end - first_start - 1) // 2
        first = text[first_start : first_start + length]
        second = text[end - length : end]
        lower = first.lower()
        if not first.isalpha() or _AFTER_WORD.match(text, end):
            return None  # numbers, "that that's"
        hyphen_before = text.startswith("-", first_start - 1)
        if hyphen_before != text.startswith("-", end):
            return None  # "carry-on on board", "in in-person": one copy belongs to a compound
        if first[0].islower() and second[0].isupper():
            return None  # "for For Hire": a word runs into a capitalised name or heading
        if first[0].isupper() and second[0].islower() and lower not in STOPWORDS:
            return None  # "Zee zee plant": a name; "The the" is still caught
        tripled = text[end : end + length + 1].lower() == " " + lower or (
            text[max(0, first_start - length - 1) : first_start].lower() == lower + " "
        )
        if tripled or lower in ALLOWED_DOUBLES:
            return None  # "layers layers layers" is emphasis; "that that", "had had"
        if len(first) == 1 and lower not in ("a", "i"):
            return None  # single letters are list marks or initials
        if first[0].isupper() and second[0].isupper() and lower not in STOPWORDS:
            return None  # "Walla Walla", "Bora Bora": a reduplicated name
        line_start = text.rfind("\n", 0, first_start) + 1
        line_end = text.find("\n", end)
        if _CODE_HINT.search(text[line_start : line_end if line_end >= 0 else len(text)]):
            return None
        return self.diagnostic(
            first_start,
            end,
            f"{first!r} is written twice in a row",
            fix=Fix.safe(f"Remove the second {second!r}", Edit(first_start + length, end, "")),
            confidence=0.9,
        )
