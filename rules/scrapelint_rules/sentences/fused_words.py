"""SEN004 fused-camel-case and SEN005 fused-lowercase-words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from scrapelint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from scrapelint.document import Document
from scrapelint.lexicon import STOPWORDS, UNKNOWN_ZIPF, frequency_table, zipf
from scrapelint.rule import Rule
from scrapelint_rules.sentences._shared import (
    CODE_SEMICOLON,
    is_english,
    letter_classes,
    line_verdict,
    load_word_list,
    occurs,
)

AFFIXES = load_word_list("word_affixes")


_TOKEN_CHAR = re.compile(r"[\w'’.@/#:\-]")
_TOKEN_HEAD = re.compile(r"[\w'’.@/#:\-]+")
#: Besides letters, digits and "_" (what ``\w`` matches), a token holds these marks.
_TOKEN_MARKS = "_'’.@/#:-"
#: How far back a token is followed from a capital hump.
_TOKEN_REACH = 80
_CAMEL = re.compile(r"(?P<left>[A-Z]?[a-z]+)(?P<right>[A-Z][a-z]+)")
# Runs of eight or more lower-case letters in the letter classes (a literal-led pattern).
_LONG_LOWER = re.compile(rb"aaaaaaaa+")
#: Searches through the whole text allowed per document: an article has a handful of
#: candidates, and the cap keeps huge documents from making the rule quadratic.
_MAX_TEXT_SEARCHES = 20
_TOKEN_PUNCTUATION = "\"'“”‘’()[]{}.,:;!?*…-–—"
#: Known words and brands (youtube, iphone, mcdonald) are at least this common (Zipf).
_MAX_FUSED_ZIPF = 1.0
#: Web text is full of "morethan"; with a function word inside, rarer spellings still count.
_MAX_FUSED_WITH_STOPWORD_ZIPF = 2.0
#: Without the spaced pair in the article, both capitalised halves must be this common.
_MIN_SPACED_PART_ZIPF = 3.5
#: Each half of a fusion must be a word at least this common (Zipf scale).
_MIN_PART_ZIPF = 3.0
# Code on a line: braces, assignments, "()", "::", "&&", "[]", a word before "(", or a
# semicolon ending the line; the literals are tested with ``in`` (a fast C search).
_CODE_MARKS = ("{", "}", "=", "()", "::", "&&", "[]")
_CODE_AROUND = re.compile(r"[(=<>\[{\"]")
_NAME_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "O"})
#: Function words that prose glues to a capitalised word ("andFittings", "didAmericans").
#: Those that often open an identifier (isValid, toString, forEach, onClick, getName, myList,
#: newItem, asObject, ofType, inReach, withStyles, canEdit, doSomething, and configuration
#: flags such as alwaysApply, neverExpire, allowAll, moreItems...) are left out.
_IDENTIFIER_PREFIXES = frozenset(
    """a all always an any as at be by can could do does each every for from get gets has have
    if in into is it its may me might more most must my never new no not of off on one only
    or other our out over own per set should so some that this to up us via was we were what
    when where which while who will with would you your""".split()
)
_PROSE_FUNCTION_WORDS = STOPWORDS - _IDENTIFIER_PREFIXES


def _is_token_char(char: str) -> bool:
    return char.isalnum() or char in _TOKEN_MARKS


def _token_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow ``start:end`` to the whole token (letters, digits, URL and code marks) around it.

    The token reaches back at most ``_TOKEN_REACH`` characters. A token that starts a line
    takes in a token ending the line before (the behaviour of the pattern search this walk
    replaced, kept so that reports do not change).
    """
    limit = max(0, start - _TOKEN_REACH)
    left = start
    while left > limit and _is_token_char(text[left - 1]):
        left -= 1
    if left == start and left > limit and text[left - 1] == "\n":
        before = left - 1
        while before > limit and _is_token_char(text[before - 1]):
            before -= 1
        if before < left - 1:
            left = before
    right = _TOKEN_HEAD.match(text, end)
    return left, (right.end() if right else end)


def _code_line(line: str) -> bool:
    """True when a line has braces, assignments, calls, ``[]`` or a line-ending semicolon."""
    if any(mark in line for mark in _CODE_MARKS):
        return True
    if ";" in line and CODE_SEMICOLON.search(line):
        return True
    call = line.find("(")
    while call >= 0:
        if call > 0 and (line[call - 1].isalnum() or line[call - 1] == "_"):
            return True  # a word right before a bracket: format(...)
        call = line.find("(", call + 1)
    return False


def _looks_like_code(doc: Document, start: int, end: int) -> bool:
    """True when the token sits in code: brackets or operators around it or on its line."""
    text = doc.text
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if _CODE_AROUND.match(before) or _CODE_AROUND.match(after):
        return True
    return line_verdict(doc, start, end, _code_line)


@lru_cache(maxsize=50_000)
def best_split(word: str, min_part_zipf: float) -> int | None:
    """The split point whose rarer half is the most common, if both halves are common."""
    best: tuple[float, int] | None = None
    # A half the table does not know has Zipf 0: when that cannot pass, a dict look-up
    # rules the cut out before any (cached, but far slower) Zipf call.
    known = frequency_table() if min_part_zipf > UNKNOWN_ZIPF else None
    for cut in range(3, len(word) - 2):
        left, right = word[:cut], word[cut:]
        if known is not None and (left not in known or right not in known):
            continue
        if left in AFFIXES or right in AFFIXES:
            continue
        score = min(zipf(left), zipf(right))
        if score >= min_part_zipf and (best is None or score > best[0]):
            best = (score, cut)
    return None if best is None else best[1]


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The table's words with a Zipf value of at least ``_MAX_FUSED_WITH_STOPWORD_ZIPF``.

    Built once per process, so SEN005 drops the known words of a document with one set
    difference in C instead of a Zipf look-up per word. ``zipf`` depends on a word's
    frequency only, so it is asked once per distinct frequency, for one word having it.
    """
    table = frequency_table()
    word_with = dict(zip(table.values(), table.keys(), strict=True))  # a word per frequency
    common = frozenset(
        frequency
        for frequency, word in word_with.items()
        if zipf(word) >= _MAX_FUSED_WITH_STOPWORD_ZIPF
    )
    # ``map``, ``compress`` and ``frozenset`` keep the pass over the whole table in C.
    return frozenset(compress(table.keys(), map(common.__contains__, table.values())))


def _spaced_elsewhere(doc: Document, left: str, right: str, searches: list[int]) -> bool:
    """Evidence that two capitalised halves are words of the article in their own right."""
    pair = f"{left} {right}"
    if doc.title is not None and pair in doc.title:
        return True
    if not (occurs(doc, left) and occurs(doc, right)):
        return False  # checked first: cheap, and the pair needs both words anyway
    if searches[0] > 0:
        searches[0] -= 1
        if pair in doc.text:
            return True
    # Both halves are common words that the article also uses on their own, capitalised.
    return min(zipf(left.lower()), zipf(right.lower())) >= _MIN_SPACED_PART_ZIPF


@dataclass(frozen=True)
class FusedOptions:
    #: Each half must be at least this common an English word (Zipf scale, 0-8).
    min_part_zipf: float = _MIN_PART_ZIPF


class FusedCamelCase(Rule):
    """Flags two words fused at a capital letter ("saidMonday", "RosettaStone").

    ## What it does
    Finds a token made of two words where the second starts with a capital
    letter and no space separates them. It is reported only when the fusion is
    not itself a known word or brand (iPhone, eBay, YouTube, McDonald,
    PlayStation, BitTorrent are all in the word list or start with a one-
    letter or name prefix), occurs once in the article, contains no digits,
    dots or slashes (code, URLs, handles), and both halves are common words; a
    lower-case first half needs the second half to occur on its own elsewhere
    (unless it is a function word that rarely opens an identifier: "andFittings",
    "didAmericans", but not "isValid" or "forEach"),
    a capitalised first half needs the two words with a space, or both halves
    on their own, elsewhere in the article or its title. Only English
    documents are checked.

    ## Why is this bad
    Extraction that drops the space between inline elements, or between a
    link and the text after it, leaves fused words that no tokeniser or
    reader recognises.

    ## Example
    ```text
    The mayor saidMonday that the bridge would reopen.
    ```
    "saidMonday" is flagged.

    ## Options
    - `min_part_zipf` (float, default 3.0): how common (Zipf scale) each half
      must be.

    ## Fix
    Unsafe: a space is inserted at the capital letter; a rare brand spelt in
    camel case could still be split wrongly.
    """

    code = "SEN004"
    name = "fused-camel-case"
    category = Category.BROKEN_SENTENCE
    severity = Severity.WARNING
    fixable = "always"
    Options = FusedOptions

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if not is_english(doc):
            return
        found: list[Diagnostic] = []
        seen: set[int] = set()
        searches = [_MAX_TEXT_SEARCHES]
        classes = letter_classes(doc)
        hump = classes.find(b"aA")
        while hump >= 0:
            start, end = _token_span(text, hump, hump + 2)
            hump = classes.find(b"aA", hump + 2)
            if start in seen:
                continue  # one token, several humps
            seen.add(start)
            diagnostic = self._judge(doc, start, end, searches)
            if diagnostic is not None:
                found.append(diagnostic)
        yield from sorted(found, key=lambda d: d.start)

    def _judge(self, doc: Document, start: int, end: int, searches: list[int]) -> Diagnostic | None:
        opts: FusedOptions = self.options
        text = doc.text
        token = text[start:end]
        # Trim sentence punctuation and quotes around the token.
        core = token.strip(_TOKEN_PUNCTUATION)
        match = _CAMEL.fullmatch(core)
        if match is None:
            return None  # digits, dots, several humps, all-capital parts: code or a name
        left, right = match.group("left"), match.group("right")
        if left in _NAME_PREFIXES or len(left) < 2:
            return None  # McDonald, iPhone, eBay
        if zipf(core.lower()) >= _MAX_FUSED_ZIPF or occurs(doc, core, 2):
            return None  # YouTube, PlayStation; a spelling that recurs is meant that way
        if _looks_like_code(doc, start, end):
            return None  # formatName(), orderAmount = 5, <Target Name=...>
        if left.islower():
            # "saidMonday", "nearZermatt": the capitalised word stands alone elsewhere.
            if zipf(left) < opts.min_part_zipf or right.lower() in STOPWORDS:
                return None
            if not occurs(doc, right) and not (left in _PROSE_FUNCTION_WORDS and len(right) >= 4):
                return None
        elif not _spaced_elsewhere(doc, left, right, searches):
            return None  # "FlowGuard", "EnergySage": no sign that these were two words
        cut = start + token.index(core) + len(left)
        return self.diagnostic(
            cut - len(left),
            cut + len(right),
            f"{core!r} looks like {left!r} and {right!r} fused without a space",
            fix=Fix.unsafe(f"Insert a space before {right!r}", Edit(cut, cut, " ")),
            confidence=0.7,
        )


class FusedLowercaseWords(Rule):
    """Flags two lower-case words fused into one unknown token ("thegovernment").

    ## What it does
    Finds lower-case words of eight letters or more that are not in the
    English word-frequency table (the `wordfreq` package's data) and that
    split into two common words ("your" + "skin"). Words the table knows
    (compounds, brands, jargon) are never reported, nor tokens that are part
    of URLs, e-mail addresses, handles or code. Only English documents are
    checked.

    ## Why is this bad
    A lost space between two words is a typical trace of extraction across
    inline tags or line breaks; the fused token is unreadable to tokenisers,
    search and spell checkers.

    ## Example
    ```text
    The plan was approved by thegovernment on Friday.
    ```
    "thegovernment" is flagged; "the government" is suggested.

    ## Options
    - `min_part_zipf` (float, default 3.0): how common (Zipf scale) each half
      must be.

    ## Fix
    Unsafe: a space is inserted at the best split; an unknown technical term
    could split into two words by accident.
    """

    code = "SEN005"
    name = "fused-lowercase-words"
    category = Category.BROKEN_SENTENCE
    severity = Severity.WARNING
    fixable = "always"
    Options = FusedOptions

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if not is_english(doc):
            return
        # Unique candidates first: most long words are known, and each is looked up once.
        found: list[Diagnostic] = []
        searches = [_MAX_TEXT_SEARCHES]
        classes = letter_classes(doc)
        words = {text[run.start() : run.end()] for run in _LONG_LOWER.finditer(classes)}
        rare = words - _common_words()  # the word list knows the others
        ordered: Iterable[str] = rare
        if len(rare) > _MAX_TEXT_SEARCHES:
            # The search budget may run out, so the order matters: judge by first occurrence
            # (a set's order changes with the hash seed), as ``_judge`` finds each word.
            ordered = sorted(rare, key=lambda word: (text.find(word), word))
        for word in ordered:
            diagnostic = self._judge(doc, word, searches)
            if diagnostic is not None:
                found.append(diagnostic)
        yield from sorted(found, key=lambda d: d.start)

    def _judge(self, doc: Document, word: str, searches: list[int]) -> Diagnostic | None:
        opts: FusedOptions = self.options
        text = doc.text
        split = best_split(word, opts.min_part_zipf)
        if split is None or occurs(doc, word, 2):
            return None  # no split into two words; a compound used on purpose recurs
        left, right = word[:split], word[split:]
        if left not in STOPWORDS and right not in STOPWORDS:
            # Two content words: only when unknown and both stand alone in the article.
            if zipf(word) >= _MAX_FUSED_ZIPF:
                return None
            if not (occurs(doc, left) and occurs(doc, right)):
                return None
        if searches[0] <= 0:
            return None
        searches[0] -= 1
        start = text.find(word)
        end = start + len(word)
        if (start > 0 and _TOKEN_CHAR.match(text, start - 1) and text[start - 1] not in "'’-") or (
            end < len(text) and _TOKEN_CHAR.match(text, end) and text[end] not in ".,:;'’-"
        ):
            return None  # part of a longer token: URL, identifier, mixed case
        return self.diagnostic(
            start,
            end,
            f"{word!r} is no English word but splits into {left!r} and {right!r}",
            fix=Fix.unsafe(
                f"Split into {left!r} and {right!r}", Edit(start + split, start + split, " ")
            ),
            confidence=0.6,
        )
