"""Shared per-document view of normalised lines, so every DUP rule hashes each line once.

Exact copies are found by grouping lines on their normalised form (a hash map, linear in the
number of lines), never by comparing lines pairwise.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import attrgetter, ne
from typing import NamedTuple

from scrapelint.document import Document, Line, Sentence, tuple_maker
from scrapelint.text import ends_with_terminal

VIEW_KEY = "dup.line-index"

# Letters and digits (str.isalnum), without the underscore that \w also matches.
_WORD_RUN = re.compile(r"[^\W_]+")


def comparison_key(text: str) -> str:
    """Case-, punctuation-, quote- and space-insensitive form of a text.

    The same string as :func:`scrapelint.text.normalize_for_compare` (quotes and dashes are
    punctuation, so mapping their styles first changes nothing), computed about three times
    faster: NFKC only for non-ASCII text and the standard library's C regex engine. Every
    line and sentence of every document goes through it.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return " ".join(_WORD_RUN.findall(text.casefold()))


# ASCII letters to lower case, digits kept, line breaks kept, every other byte to a space:
# same length, and the folded text splits into lines where the original does.
_ASCII_FOLD = bytes(
    (b + 32 if 65 <= b <= 90 else b) if chr(b).isalnum() or b in (10, 13) else 32
    for b in range(256)
)
FOLDED_KEY = "dup.ascii-folded"


# Characters that are not letters, digits or underscores, except the plain spaces that need
# no change (fewer matches to replace: about three times fewer in prose) and the line breaks
# kept. A single character set scans faster than an alternation with "_".
_NOT_WORD_CHAR = re.compile(r"[^\w \n\r]")
# The same for Latin-1 text, as a byte table (a translation instead of a regex pass).
_LATIN1_FOLD = bytes(b if chr(b).isalnum() or b in (10, 13, 32) else 32 for b in range(256))
# Characters outside ASCII that are no letter or digit (punctuation, symbols, marks).
_NON_ASCII_SYMBOL = re.compile(r"[^\x00-\x7f\w]")
_ASCII_BYTES = bytes(range(128))


@lru_cache(maxsize=4096)
def _blanks_safely(char: str) -> bool:
    """Whether a character reads as a separator whatever the normalisation: it is no letter,
    digit or combining mark (which NFKC may join to the letter before it), and neither is
    anything NFKC makes of it (unlike "™" -> "TM")."""
    if char.isalnum() or unicodedata.category(char).startswith("M"):
        return False
    return not any(c.isalnum() for c in unicodedata.normalize("NFKC", char))


def _blank_symbols(text: str) -> str:
    """``text`` with every non-ASCII character that :func:`_blanks_safely` a space.

    Most texts hold few characters outside ASCII (curly quotes, dashes): their distinct
    ones are found by deleting the ASCII bytes of the UTF-8 form (in C), and each is
    replaced throughout. Texts mostly outside ASCII find them with a regex.
    """
    data = text.encode("utf-8", "surrogatepass")
    if len(data) - len(text) > len(text) >> 3:
        chars = set(_NON_ASCII_SYMBOL.findall(text))
    else:
        chars = set(data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))
    for char in chars:
        if _blanks_safely(char):
            text = text.replace(char, " ")
    return text


def _fold_span(text: str) -> str | None:
    """``text`` case-folded, every other character than a letter or digit a space; None when
    that would move offsets (NFKC changes it, or case folding expands).

    Punctuation becomes a space whatever NFKC makes of it (curly quotes, "…", no-break
    spaces), so only the letters left need to be normal already; text with no letter outside
    ASCII then takes the byte translation.
    """
    if not text.isascii():
        text = _blank_symbols(text)
    return _fold_blanked(text)


def _fold_blanked(text: str) -> str | None:
    """:func:`_fold_span` of a text whose symbols are blanked already."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_FOLD).decode("ascii")
    if not unicodedata.is_normalized("NFKC", text):
        return None
    folded = text.casefold()
    if len(folded) != len(text):  # casefold only ever expands, so equal length means aligned
        return None
    try:
        return folded.encode("latin-1").translate(_LATIN1_FOLD).decode("latin-1")
    except UnicodeEncodeError:
        return _NOT_WORD_CHAR.sub(" ", folded.replace("_", " "))


@dataclass(frozen=True, slots=True)
class FoldedText:
    """The text folded in place (same offsets), except lines that cannot be (``dirty``).

    Line breaks are kept, so the folded text splits into the document's lines. Lines are
    folded one by one only when the whole text cannot be folded at once, so most texts have
    no dirty line; a span inside a clean line is keyed from ``text``.
    """

    text: str
    #: The original text with the non-ASCII symbols blanked but "…" a full stop (the step
    #: before case folding; DUP004 finds sentence openings in it).
    blanked: str
    #: Starts and ends of the dirty lines, in text order.
    dirty_starts: tuple[int, ...] = ()
    dirty_ends: tuple[int, ...] = ()

    def covers(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is folded (the span overlaps no dirty line)."""
        if not self.dirty_ends:
            return True
        i = bisect.bisect_right(self.dirty_ends, start)
        return i >= len(self.dirty_starts) or self.dirty_starts[i] >= end


def fold_text(doc: Document) -> FoldedText:
    """The text case-folded with every non-alphanumeric character a space, offsets kept.

    Most texts fold at once (see :func:`_fold_span`). Otherwise a line that NFKC changes, or
    whose case folding expands, stays unfolded (blanked) and is recorded as dirty, and the
    rest of the text is folded at once.
    """
    text = doc.text
    blanked = text
    if not text.isascii():
        # "…" would be blanked like "." is folded: as a full stop it keeps telling DUP004
        # where a sentence may open.
        blanked = _blank_symbols(text.replace("…", ".") if "…" in text else text)
    whole = _fold_blanked(blanked)
    if whole is not None:
        return FoldedText(whole, blanked)
    # Blanking is per character, so the text is blanked once. A line's NFKC form and case
    # folding do not reach across the line break, so with the dirty lines blanked the rest
    # folds at once, as each line would alone.
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for line in doc.lines:
        span = blanked[line.start : line.end]
        if span.isascii() or (
            unicodedata.is_normalized("NFKC", span) and len(span.casefold()) == len(span)
        ):
            continue
        pieces.append(blanked[pos : line.start])
        pieces.append(" " * len(span))
        starts.append(line.start)
        ends.append(line.end)
        pos = line.end
    end = doc.lines[-1].end
    pieces.append(blanked[pos:end])
    pieces.append(" " * (len(text) - end))  # a final line break
    whole = _fold_blanked("".join(pieces))
    if whole is not None:
        return FoldedText(whole, blanked, tuple(starts), tuple(ends))
    return _fold_by_line(doc, blanked)


def _fold_by_line(doc: Document, blanked: str) -> FoldedText:
    """:func:`fold_text` line by line (a safety net: folding the clean lines at once fails)."""
    text = doc.text
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for line in doc.lines:
        if line.start > pos:
            pieces.append(text[pos : line.start])  # the line break
        folded = _fold_span(line.text)
        if folded is None:
            folded = " " * len(line.text)
            starts.append(line.start)
            ends.append(line.end)
        pieces.append(folded)
        pos = line.end
    pieces.append(" " * (len(text) - pos))
    return FoldedText("".join(pieces), blanked, tuple(starts), tuple(ends))


def span_key(doc: Document, start: int, end: int) -> str:
    """``comparison_key`` of ``doc.text[start:end]``, sliced from one folding of the text.

    When folding keeps offsets (ASCII text, or NFKC-normal text whose case folding does not
    expand), every line and sentence key is a slice and a split instead of a regex pass of
    its own; spans in lines that cannot be folded fall back to :func:`comparison_key`.
    """
    folded = doc.view(FOLDED_KEY, fold_text)
    if not folded.covers(start, end):
        return comparison_key(doc.text[start:end])
    return " ".join(folded.text[start:end].split())


class KeyedLine(NamedTuple):
    """A non-blank line with its comparison key and its rank among non-blank lines.

    A named tuple, like the engine's units: one is built per line, and tuples build fastest.
    """

    rank: int
    line: Line
    key: str


#: Builds a KeyedLine in C (one per line).
_new_keyed = tuple_maker(KeyedLine)


@dataclass(frozen=True)
class LineIndex:
    """Non-blank lines of a document grouped by normalised text."""

    lines: tuple[KeyedLine, ...]
    groups: dict[str, list[int]]
    #: The key of every line of the document by line index ("" for a blank line).
    line_keys: list[str]
    #: The keys of ``lines``, by rank.
    keys: list[str]

    def count(self, key: str) -> int:
        return len(self.groups.get(key, ()))

    def is_repeat(self, rank: int) -> bool:
        """Whether the line at ``rank`` repeats an earlier line exactly."""
        occurrences = self.groups[self.lines[rank].key]
        return occurrences[0] != rank


# Two spaces or more: folded text holds no other white space than spaces and line breaks.
_SPACE_RUN = re.compile("  +")


def _build(doc: Document) -> LineIndex:
    folded = doc.view(FOLDED_KEY, fold_text)
    lines = doc.lines
    # The folded text splits into the document's lines as ``Document.lines`` does (after
    # "\r\n" and "\r" become "\n"); one squeeze of its space runs leaves each line a strip
    # from its key.
    squeezed = _SPACE_RUN.sub(" ", folded.text)
    if "\r" in squeezed:
        squeezed = squeezed.replace("\r\n", "\n").replace("\r", "\n")
    keys = [part.strip() for part in squeezed.split("\n")]
    for start in folded.dirty_starts:  # blanked in the folded text
        i = doc.line_index_at(start)
        keys[i] = comparison_key(lines[i].text)
    del keys[len(lines) :]  # the empty "line" after a final line break
    line_keys = keys
    # A blank line has an empty key, like a line of punctuation: both are skipped. The
    # index is built by C iterators (a Python loop over lines costs about twice as much).
    kept = list(compress(lines, keys))
    keys = list(filter(None, keys))
    ranks = range(len(keys))
    keyed = tuple(map(_new_keyed, zip(ranks, kept, keys, strict=True)))
    groups = dict(zip(keys, map(list, zip(ranks)), strict=True))
    if len(groups) < len(keys):
        # Repeated keys kept only their last rank: collect all of theirs, in order.
        repeated = {key for key, n in Counter(keys).items() if n > 1}
        for key in repeated:
            groups[key] = []
        for rank in compress(ranks, map(repeated.__contains__, keys)):
            groups[keys[rank]].append(rank)
    return LineIndex(keyed, groups, line_keys, keys)


def line_index(doc: Document) -> LineIndex:
    """The shared line index of ``doc`` (built once per document)."""
    return doc.view(VIEW_KEY, _build)


def trimmed_span(line: Line) -> tuple[int, int]:
    """Offsets of a line without its leading and trailing white space."""
    text = line.text
    return line.start + (len(text) - len(text.lstrip())), line.start + len(text.rstrip())


#: A line of at least this many words that ends a sentence reads as body prose.
BODY_WORDS = 12


def reads_as_prose(keyed: KeyedLine, min_words: int = BODY_WORDS) -> bool:
    """Whether a line reads as a full sentence of the body rather than a heading or caption."""
    return keyed.key.count(" ") + 1 >= min_words and ends_with_terminal(keyed.line.text)


def headline_key(doc: Document) -> str:
    """Normalised headline: the record's title, else the first line unless it is body prose.

    A shared view: DUP002, DUP003 and DUP004 all leave the headline to DUP001.
    """
    return doc.view("dup.headline-key", _headline_key)


def _headline_key(doc: Document) -> str:
    if doc.title and doc.title.strip():
        return comparison_key(doc.title)
    lines = line_index(doc).lines
    return lines[0].key if lines and not reads_as_prose(lines[0]) else ""


SENTENCE_VIEW_KEY = "dup.sentence-keys"


class KeyedSentence(NamedTuple):
    """A sentence with its comparison key and word count."""

    sentence: Sentence
    key: str
    words: int


def _build_sentences(doc: Document) -> tuple[KeyedSentence, ...]:
    out: list[KeyedSentence] = []
    for sentence in doc.sentences:
        key = span_key(doc, sentence.start, sentence.end)
        if key:
            out.append(KeyedSentence(sentence, key, key.count(" ") + 1))
    return tuple(out)


def sentence_keys(doc: Document) -> tuple[KeyedSentence, ...]:
    """The shared normalised sentences of ``doc`` (built once per document)."""
    return doc.view(SENTENCE_VIEW_KEY, _build_sentences)


def letter_run(doc: Document, start: int, end: int) -> str:
    """Letters and digits of a span, case-folded, without separators: a cheap pre-key.

    Two spans with the same :func:`span_key` have the same letter run, so grouping on it
    first leaves the full key to the few spans that collide. Spans lie within one line (the
    folded text keeps line breaks).
    """
    folded = doc.view(FOLDED_KEY, fold_text)
    if not folded.covers(start, end):
        return comparison_key(doc.text[start:end]).replace(" ", "")
    return folded.text[start:end].replace(" ", "")


def paragraph_keys(doc: Document) -> list[str]:
    """Comparison keys of the paragraphs, joined from the shared line keys (no second pass).

    Most paragraphs are one line: their keys are looked up at once.
    """
    return doc.view(PARAGRAPH_KEYS_KEY, _paragraph_keys)


PARAGRAPH_KEYS_KEY = "dup.paragraph-keys"
_FIRST_LINE = attrgetter("first_line")
_LAST_LINE = attrgetter("last_line")


def _paragraph_keys(doc: Document) -> list[str]:
    line_keys = line_index(doc).line_keys
    paragraphs = doc.paragraphs
    keys = list(map(line_keys.__getitem__, map(_FIRST_LINE, paragraphs)))
    several = map(ne, map(_FIRST_LINE, paragraphs), map(_LAST_LINE, paragraphs))
    for i in compress(range(len(paragraphs)), several):
        paragraph = paragraphs[i]
        lines = line_keys[paragraph.first_line : paragraph.last_line + 1]
        keys[i] = " ".join(filter(None, lines))
    return keys
