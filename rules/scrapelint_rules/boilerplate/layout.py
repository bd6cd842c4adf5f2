"""The shared per-line view of the BP family: line features and the article's core.

Every BP rule reads the same :class:`Layout`, built once per document through
``doc.view("bp.layout", ...)``. It holds, per non-blank line, the cheap
features the heuristics need (word count, stopword share, capitalisation,
terminal punctuation, punctuation skeleton) and, per document, the "core":
the span from the first to the last clearly-body paragraph. Lines outside
the core (above or below it) are where page furniture collects, so position
weighs in most heuristics, and only there is removing a line a safe fix.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import NamedTuple

import regex

from scrapelint.document import Document, tuple_maker
from scrapelint.lexicon import STOPWORDS
from scrapelint.phrasepack import phrase_words_lines

_LIST_MARK = regex.compile(
    r"^(?:[-*•·–—▪◦»>]|\(?\d{1,3}[.)]|\d{1,2}\s+(?=\p{Lu})|\(?[a-z][.)]\s)\s*"
)

_DATELINE = regex.compile(
    r"^(?-i:\p{Lu}[\p{Lu}.'’\- ]{1,40})(?:,\s*(?-i:\p{Lu}[\p{L}.'’\- ]{1,40}))?"
    r"\s*(?:\((?:AP|AFP|Reuters|UPI|CNN|dpa|IANS|PTI|ANI|Xinhua|Bloomberg)\))?\s*[-–—:]*\s*$"
)


def is_dateline(text: str) -> bool:
    """An upper-case place name on its own ("BAAR, SWITZERLAND", "WASHINGTON (AP) —")."""
    head = text.split(",", 1)[0]
    marked = "," in text or "(" in text or text.endswith(("—", "–", "-", ":"))
    return marked and head.isupper() and bool(_DATELINE.match(text))


#: A clearly-body line has at least this many words and ends a sentence.
CORE_MIN_WORDS = 18
#: ... and at least this share of stopwords (prose, not a list of names).
CORE_MIN_STOP_SHARE = 0.18


class LineInfo(NamedTuple):
    """Features of one non-blank line; ``start``/``end`` span the stripped text.

    A named tuple rather than a dataclass: one is built for every line of every
    document, and a tuple is several times cheaper to construct. The stopword count is
    computed on demand (:attr:`stopwords`): few lines need it once the layout is built.
    """

    index: int  # type: ignore[assignment]  # shadows tuple.index
    start: int
    end: int
    text: str
    words: int
    capitalised: int
    letters_words: int
    terminal: bool
    list_item: bool

    @property
    def stopwords(self) -> int:
        return stopword_count(self.text, self.words)

    @property
    def stop_share(self) -> float:
        return stopword_count(self.text, self.words) / self.words if self.words else 0.0

    @property
    def cap_share(self) -> float:
        return self.capitalised / self.letters_words if self.letters_words else 0.0


@dataclass(frozen=True)
class Layout:
    """Line features plus document-level cues shared by the BP rules."""

    lines: tuple[LineInfo, ...]
    #: positions (into ``lines``) of the first and last clearly-body line; -1 when none
    core_first: int
    core_last: int
    #: True when the text reads as English (stopword share over the whole text)
    english: bool
    #: positions of lines that belong to list or table structure
    structured: frozenset[int]

    def outside_core(self, pos: int) -> bool:
        return self.core_first < 0 or pos < self.core_first or pos > self.core_last

    def before_core(self, pos: int) -> bool:
        return self.core_first >= 0 and pos < self.core_first

    def after_core(self, pos: int) -> bool:
        return self.core_first >= 0 and pos > self.core_last


def layout(doc: Document) -> Layout:
    """The shared layout view of a document."""
    return doc.view("bp.layout", _build)


def line_infos(doc: Document) -> tuple[LineInfo, ...]:
    """The features of every non-blank line (``Layout.lines``), without the document-wide
    judgements of the layout: all that BP101's corpus pass needs."""
    return doc.view("bp.line-infos", _line_infos)


#: Lines of at most this many words get their phrase words (no built-in pattern or cue
#: reads a longer line).
WORDS_MAX = 60


def line_words(doc: Document) -> tuple[list[bytes] | None, ...]:
    """The words of each layout line as :func:`scrapelint.phrasepack.phrase_words` gives
    them (normalised, UTF-8), or None for a line of more than ``WORDS_MAX`` words.

    Shared by BP001 (phrase look-ups), BP004 (its word gate) and BP101 (line keys), so the
    lines are normalised once.
    """
    return doc.view("bp.line-words", _build_words)


def _build_words(doc: Document) -> tuple[list[bytes] | None, ...]:
    infos = line_infos(doc)
    short = [info.text for info in infos if info.words <= WORDS_MAX]
    if len(short) == len(infos):
        return tuple(phrase_words_lines(short))
    words = iter(phrase_words_lines(short))
    return tuple(next(words) if info.words <= WORDS_MAX else None for info in infos)


_PUNCT_MARKS = regex.compile(r"[^\p{L}\p{N}\s'’\-]")


#: ASCII bytes that are not punctuation marks: letters, digits, white space (as ``regex``'s
#: ``\s`` has it: not \x1c-\x1f), apostrophe and hyphen.
_NOT_MARK_BYTES = bytes(
    b for b in range(128) if chr(b).isalnum() or chr(b) in " \t\n\x0b\x0c\r'-"
) + bytes(range(128, 256))


def skeleton(text: str) -> str:
    """The punctuation skeleton of a line: its first two punctuation marks ("", ":", ":,")."""
    head = text[:120]
    if head.isascii():  # the same marks, found by deleting every other byte
        return head.encode().translate(None, _NOT_MARK_BYTES)[:2].decode()
    marks = _PUNCT_MARKS.findall(text, 0, 120)
    return "".join(marks[:2])


# a whitespace token from its first letter or digit on (leading quotes and brackets dropped);
# only that first character is captured (a cached one-character string, no allocation)
_WORD_FIRST = re.compile(r"(?<!\S)[^\w\s]*(\w)\S*")  # stdlib re: faster for this simple class
#: Features of a long line are read from its first characters only (bounded cost per line).
_FEATURE_CHARS = 240
_STOP = STOPWORDS.__contains__
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
#: As in ``scrapelint.text.ends_with_terminal``: closing quotes and brackets after the mark.
_CLOSERS = "\"'”’»)]"
_TERMINALS = frozenset(".!?…:;")
_FIRST_CHAR = itemgetter(0)


def stopword_count(text: str, words: int) -> int:
    """Stopword tokens of a stripped line (lower-cased white-space tokens); for a line longer
    than ``_FEATURE_CHARS`` characters, estimated from its head and scaled to ``words``.

    Never more than ``words``, which lets :func:`_reads_english` stop counting early.
    """
    if len(text) <= _FEATURE_CHARS:
        return sum(map(_STOP, text.lower().split()))
    # lower-casing the head before splitting gives the same tokens as splitting first
    head = text[:_FEATURE_CHARS].lower().split()
    return sum(map(_STOP, head)) * words // len(head)


def _byte_class(byte: int) -> int:
    char = chr(byte)
    if char in _TOKEN_SPACE:
        return 0x20
    if char.isupper():
        return ord("U")
    if char.isalpha():
        return ord("l")
    return ord("d") if char.isalnum() or char == "_" else 0


#: White space to ``str.split`` and to the pattern's ``\s`` among ASCII characters.
_TOKEN_SPACE = " \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"
#: An ASCII line as classes: "U" upper-case letter, "l" other letter, "d" digit or "_", " "
#: white space; other bytes (marks, neither word character nor space) are deleted, so each
#: white-space token starts with its first word character, as ``_WORD_FIRST`` finds it.
_CLASS_BYTES = bytes(_byte_class(b) if b < 128 else 0 for b in range(256))
_NOT_CLASSED = bytes(b for b in range(128) if not _byte_class(b))
#: Marks of English text outside ASCII; without them most of its lines are ASCII.
_COMMON_MARKS = re.compile("[‘’“”–—…•«»·]")
#: The characters ``_LIST_MARK`` can match first (besides digits and ASCII lower case).
_LIST_FIRSTS = frozenset("-*•·–—▪◦»>(")


#: ``LineInfo(*fields)``, built in C (one per line)
_new_info = tuple_maker(LineInfo)


def _line_infos(doc: Document) -> tuple[LineInfo, ...]:
    """Features of every non-blank line, in one loop (this runs for every line of every
    document, so the work per line is a few C-level calls)."""
    infos: list[LineInfo] = []
    append = infos.append
    find_firsts = _WORD_FIRST.findall
    first_char = _FIRST_CHAR
    drop_marks = _COMMON_MARKS.sub
    for index, start, _end, raw in doc.lines:
        text = raw.strip()
        if not text:
            continue
        if len(text) <= _FEATURE_CHARS:
            plain = text if text.isascii() else drop_marks("", text)
            if plain.isascii():
                # token starts without splitting: marks deleted, every other byte turned
                # into its class (see ``_CLASS_BYTES``); a token starts after a space
                classes = plain.encode().translate(_CLASS_BYTES, _NOT_CLASSED)
                cap = classes.count(b" U")
                letters = cap + classes.count(b" l")
                words = letters + classes.count(b" d")
                head = classes[:1]
                if head != b" " and head:
                    words += 1
                    if head != b"d":
                        letters += 1
                        cap += head == b"U"
            else:
                # the first characters of the white-space tokens; when all are letters or
                # digits they are the tokens' first word characters, else the pattern
                # finds those
                firsts = "".join(map(first_char, text.split()))
                if not firsts.isalnum():
                    firsts = "".join(find_firsts(text))
                words = len(firsts)
                letters = words if firsts.isalpha() else sum(map(str.isalpha, firsts))
                cap = sum(map(str.isupper, firsts))
        else:
            words = text.count(" ") + 1
            letters, cap = words, 0
        if text is not raw:
            start += len(raw) - len(raw.lstrip())
        # as ``scrapelint.text.ends_with_terminal`` (the text is stripped already); and a
        # pre-test of ``_LIST_MARK``: a line can only match it from one of its first
        # characters
        closed = text.rstrip(_CLOSERS)
        first = text[0]
        append(
            _new_info(
                (
                    index,
                    start,
                    start + len(text),
                    text,
                    words,
                    cap,
                    letters,
                    closed[-1:] in _TERMINALS,
                    (
                        first in _LIST_FIRSTS
                        or first.isdecimal()
                        or (first in _ASCII_LOWER and text[1:2] in (".", ")"))
                    )
                    and _LIST_MARK.match(text) is not None,
                )
            )
        )
    return tuple(infos)


def _is_body(info: LineInfo, english: bool = True, stops: dict[int, int] | None = None) -> bool:
    """A clearly-body line: long, ending a sentence, reading as prose (not a list of names).

    ``stops`` holds the stopword counts already known, by ``info.index``."""
    if info.words < CORE_MIN_WORDS or not info.terminal or info.cap_share >= 0.6:
        return False
    # long lines full of names and numbers (sports results, lists of people) are still prose
    if not english:
        return True
    need = CORE_MIN_STOP_SHARE if info.words < 2 * CORE_MIN_WORDS else CORE_MIN_STOP_SHARE / 2
    stop = stops.get(info.index) if stops is not None else None
    if stop is None:
        stop = stopword_count(info.text, info.words)
    return stop / info.words >= need


#: Share of stopwords among all words from which a text reads as English.
ENGLISH_MIN_STOP_SHARE = 0.25


def _reads_english(infos: Sequence[LineInfo], stops: dict[int, int]) -> bool:
    """Whether the stopwords are at least ``ENGLISH_MIN_STOP_SHARE`` of all words.

    Lines are counted longest first and only until the answer is certain: a line has at
    most as many stopwords as words, so the lines not yet counted bound the total. The
    counts made are left in ``stops`` (by ``LineInfo.index``) for the body test.
    """
    sizes: list[int] = list(map(_WORDS, infos))
    total: int = sum(sizes)
    if not total:
        return False
    counted = 0
    left = total
    for pos in sorted(range(len(infos)), key=sizes.__getitem__, reverse=True):
        info = infos[pos]
        stop = stops[info.index] = stopword_count(info.text, info.words)
        counted += stop
        left -= info.words
        if counted / total >= ENGLISH_MIN_STOP_SHARE:
            return True
        if (counted + left) / total < ENGLISH_MIN_STOP_SHARE:
            return False
    return counted / total >= ENGLISH_MIN_STOP_SHARE


def _structured(infos: Sequence[LineInfo]) -> frozenset[int]:
    """Lines in list or table structure: a skeleton shared by 3+ short lines, or list markers."""
    shapes = [skeleton(i.text) if i.words <= 20 else "" for i in infos]
    counts = Counter(shapes)
    out: set[int] = set()
    for pos, info in enumerate(infos):
        shape = shapes[pos]
        if info.list_item or (shape and counts[shape] >= 3) or info.text.count("|") >= 2:
            out.add(pos)
    return frozenset(out)


_WORDS = attrgetter("words")


def _build(doc: Document) -> Layout:
    infos = line_infos(doc)
    stops: dict[int, int] = {}
    english = _reads_english(infos, stops)
    # the core runs from the first to the last body line: look for each from its end
    first = next((pos for pos, info in enumerate(infos) if _is_body(info, english, stops)), -1)
    last = first
    if first >= 0:
        last = next(
            pos
            for pos in range(len(infos) - 1, first - 1, -1)
            if _is_body(infos[pos], english, stops)
        )
    return Layout(
        lines=infos,
        core_first=first,
        core_last=last,
        english=english,
        structured=_structured(infos),
    )
