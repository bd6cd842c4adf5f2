"""The document model: one parse per document, shared by every rule.

A :class:`Document` wraps the original text and exposes lazily built views
(lines, paragraphs, sentences, words). Each view is computed at most once and
every unit carries code-point offsets into the original text, which is never
modified during a check. Rules that need a derived view of their own (for
example normalised lines) should build it through :meth:`Document.view` so
that other rules asking for the same key reuse it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from functools import cached_property, partial
from typing import Any, NamedTuple, TypeVar, cast
from urllib.parse import urlsplit

from scrapelint.sentences import split_sentences

T = TypeVar("T")
U = TypeVar("U", bound=tuple[Any, ...])


def tuple_maker(cls: type[U]) -> Callable[[Iterable[Any]], U]:
    """``cls(*fields)`` of a named tuple as one C call taking the fields as one iterable.

    A named tuple's generated ``__new__`` is Python code: views that build a unit per line,
    paragraph or word build them this way instead.
    """
    return cast(Callable[[Iterable[Any]], U], partial(tuple.__new__, cls))


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Letters and digits (not "_"), joined by inner apostrophes or hyphens.
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


class Line(NamedTuple):
    """One physical line; ``end`` excludes the line terminator."""

    index: int  # type: ignore[assignment]  # shadows tuple.index
    start: int
    end: int
    text: str

    @property
    def number(self) -> int:
        """1-based line number."""
        return self.index + 1

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


class Paragraph(NamedTuple):
    """A block of non-blank lines (or a single line when the text has no blank lines)."""

    index: int  # type: ignore[assignment]  # shadows tuple.index
    start: int
    end: int
    first_line: int
    last_line: int
    text: str

    @property
    def line_count(self) -> int:
        return self.last_line - self.first_line + 1


class Sentence(NamedTuple):
    index: int  # type: ignore[assignment]  # shadows tuple.index
    start: int
    end: int
    paragraph: int
    text: str


class Word(NamedTuple):
    index: int  # type: ignore[assignment]  # shadows tuple.index
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


class Document:
    """Article text plus metadata, with lazily built, shared views.

    ``path``, ``record`` and ``id`` locate the document for reporting; ``title``
    and ``url`` come from the record when the input provides them.
    """

    def __init__(
        self,
        text: str,
        *,
        title: str | None = None,
        url: str | None = None,
        path: str = "<string>",
        record: int | None = None,
        id: str | None = None,
        field: str = "text",
    ) -> None:
        self.text = text
        self.title = title
        self.url = url
        self.path = path
        self.record = record
        self.id = id
        self.field = field
        self._views: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, record={self.record!r}, chars={len(self.text)})"

    # -- metadata ---------------------------------------------------------

    @cached_property
    def site(self) -> str | None:
        """The url's host without ``www.``; ``None`` without a url."""
        if not self.url:
            return None
        try:
            host = urlsplit(self.url.strip()).hostname
        except ValueError:
            return None
        if not host:
            return None
        return host[4:] if host.startswith("www.") else host

    # -- views ------------------------------------------------------------

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        text = self.text
        out: list[Line] = []
        pos = 0
        if "\r" not in text:  # the common case: split in C, offsets by running sum
            parts = text.split("\n")
            if len(parts) > 1 and not parts[-1]:
                parts.pop()  # a final line break does not open another line
            for index, part in enumerate(parts):
                end = pos + len(part)
                out.append(Line(index, pos, end, part))
                pos = end + 1
            return tuple(out)
        for m in _LINE_BREAK.finditer(text):
            out.append(Line(len(out), pos, m.start(), text[pos : m.start()]))
            pos = m.end()
        if pos < len(text) or not out:
            out.append(Line(len(out), pos, len(text), text[pos:]))
        return tuple(out)

    @cached_property
    def line_starts(self) -> list[int]:
        return [line.start for line in self.lines]

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        lines = self.lines
        text = self.text
        # Blank or not, decided once per line (``Line.is_blank`` strips the text each time).
        blank = [not line.text or line.text.isspace() for line in lines]
        out: list[Paragraph] = []
        if not any(blank[:-1]):
            # No blank line inside the text: one paragraph per line, its text the line's.
            for line, is_blank in zip(lines, blank, strict=True):
                if not is_blank:
                    out.append(
                        Paragraph(len(out), line.start, line.end, line.index, line.index, line.text)
                    )
            return tuple(out)

        def add(first: int, last: int) -> None:
            start, end = lines[first].start, lines[last].end
            body = lines[first].text if first == last else text[start:end]
            out.append(Paragraph(len(out), start, end, first, last, body))

        first: int | None = None
        for line, is_blank in zip(lines, blank, strict=True):
            if is_blank:
                if first is not None:
                    add(first, line.index - 1)
                    first = None
            elif first is None:
                first = line.index
        if first is not None:
            add(first, lines[-1].index)
        return tuple(out)

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        out: list[Sentence] = []
        text = self.text
        for para in self.paragraphs:
            for line_index in range(para.first_line, para.last_line + 1):
                line = self.lines[line_index]
                if line.is_blank:
                    continue
                for start, end in split_sentences(line.text):
                    s, e = line.start + start, line.start + end
                    out.append(Sentence(len(out), s, e, para.index, text[s:e]))
        return tuple(out)

    @cached_property
    def words(self) -> tuple[Word, ...]:
        return tuple(
            Word(i, m.start(), m.end(), m.group()) for i, m in enumerate(_WORD.finditer(self.text))
        )

    @cached_property
    def tokens(self) -> list[str]:
        """Lower-cased word strings without positions: the cheap view for word statistics."""
        return _WORD.findall(self.text.lower())

    def view(self, key: str, build: Callable[[Document], T]) -> T:
        """Return the shared derived view ``key``, building it once with ``build``.

        A builder may itself ask for other views. No lock is held while it runs
        (a builder that needs another view would deadlock on one); if two
        threads race, both build and the first stored value wins for everyone.
        """
        try:
            return self._views[key]  # type: ignore[no-any-return]
        except KeyError:
            value = build(self)
            return self._views.setdefault(key, value)  # type: ignore[no-any-return]

    # -- positions --------------------------------------------------------

    def line_index_at(self, offset: int) -> int:
        """0-based index of the line holding ``offset``."""
        return max(0, bisect.bisect_right(self.line_starts, offset) - 1)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; column counts code points."""
        index = self.line_index_at(offset)
        line = self.lines[index]
        return index + 1, min(offset, max(line.end, line.start)) - line.start + 1

    def end_position(self, start: int, end: int) -> tuple[int, int]:
        """1-based (line, column) just past a span, kept on the span's last line."""
        if end <= start:
            return self.position(start)
        line, col = self.position(end - 1)
        return line, col + 1

    def paragraph_of_line(self, line_index: int) -> Paragraph | None:
        """The paragraph containing a given line, or None for blank lines."""
        mapping = self.view("paragraph-of-line", _paragraph_of_line)
        return mapping.get(line_index)


def _paragraph_of_line(doc: Document) -> dict[int, Paragraph]:
    out: dict[int, Paragraph] = {}
    for para in doc.paragraphs:
        for i in range(para.first_line, para.last_line + 1):
            out[i] = para
    return out
