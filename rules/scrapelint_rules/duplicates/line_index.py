"""Shared per-document view of normalised lines, so every DUP rule hashes each line once.

Exact copies are found by grouping lines on their normalised form (a hash map, linear in the
number of lines), never by comparing lines pairwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from scrapelint.document import Document, Line, Sentence
from scrapelint.text import ends_with_terminal, normalize_for_compare

VIEW_KEY = "dup.line-index"


@dataclass(frozen=True, slots=True)
class KeyedLine:
    """A non-blank line with its comparison key and its rank among non-blank lines."""

    rank: int
    line: Line
    key: str


@dataclass(frozen=True)
class LineIndex:
    """Non-blank lines of a document grouped by normalised text."""

    lines: tuple[KeyedLine, ...]
    groups: dict[str, list[int]]

    def count(self, key: str) -> int:
        return len(self.groups.get(key, ()))

    def is_repeat(self, rank: int) -> bool:
        """Whether the line at ``rank`` repeats an earlier line exactly."""
        occurrences = self.groups[self.lines[rank].key]
        return occurrences[0] != rank


def _build(doc: Document) -> LineIndex:
    keyed: list[KeyedLine] = []
    groups: dict[str, list[int]] = {}
    for line in doc.lines:
        if line.is_blank:
            continue
        key = normalize_for_compare(line.text)
        if not key:
            continue
        rank = len(keyed)
        keyed.append(KeyedLine(rank, line, key))
        groups.setdefault(key, []).append(rank)
    return LineIndex(tuple(keyed), groups)


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
    """Normalised headline: the record's title, else the first line unless it is body prose."""
    if doc.title and doc.title.strip():
        return normalize_for_compare(doc.title)
    lines = line_index(doc).lines
    return lines[0].key if lines and not reads_as_prose(lines[0]) else ""


SENTENCE_VIEW_KEY = "dup.sentence-keys"


@dataclass(frozen=True, slots=True)
class KeyedSentence:
    """A sentence with its comparison key and word count."""

    sentence: Sentence
    key: str
    words: int


def _build_sentences(doc: Document) -> tuple[KeyedSentence, ...]:
    out: list[KeyedSentence] = []
    for sentence in doc.sentences:
        key = normalize_for_compare(sentence.text)
        if key:
            out.append(KeyedSentence(sentence, key, key.count(" ") + 1))
    return tuple(out)


def sentence_keys(doc: Document) -> tuple[KeyedSentence, ...]:
    """The shared normalised sentences of ``doc`` (built once per document)."""
    return doc.view(SENTENCE_VIEW_KEY, _build_sentences)
