"""Paragraph blocks: a paragraph together with the heading lines that introduce it."""

from __future__ import annotations

from typing import NamedTuple

from scrapelint.document import Document, Paragraph, tuple_maker
from scrapelint.text import ends_with_terminal

#: A heading has at most this many words ...
HEADING_MAX_WORDS = 14
#: ... and at most this many characters.
HEADING_MAX_CHARS = 120


class Block(NamedTuple):
    """Paragraphs ``first..last`` (inclusive); the first ``headings`` of them are headings.

    A named tuple, like the engine's units: one is built per paragraph.
    """

    index: int  # type: ignore[assignment]  # shadows tuple.index
    first: int
    last: int
    headings: int
    start: int
    end: int

    @property
    def body(self) -> int:
        """Index of the paragraph the headings introduce."""
        return self.first + self.headings


def is_heading_like(paragraph: Paragraph) -> bool:
    """A short single line without sentence-final punctuation, as headings are."""
    if paragraph.first_line != paragraph.last_line:
        return False
    text = paragraph.text.strip()
    if not text or len(text) > HEADING_MAX_CHARS:
        return False
    if len(text.split(None, HEADING_MAX_WORDS)) > HEADING_MAX_WORDS:
        return False
    return not ends_with_terminal(text) or text.endswith(":")


#: Builds a Block in C (one per paragraph).
_new_block = tuple_maker(Block)


def build_blocks(doc: Document) -> tuple[Block, ...]:
    """Group each run of heading-like paragraphs with the paragraph that follows it."""
    paragraphs = doc.paragraphs
    last = len(paragraphs) - 1
    blocks: list[Block] = []
    new_block = _new_block
    pending: int | None = None
    for para in paragraphs:
        index = para.index
        text = para.text
        # Quick test first: a heading is at most HEADING_MAX_CHARS long, space around aside.
        short = len(text) <= HEADING_MAX_CHARS or text[0].isspace() or text[-1].isspace()
        if short and index < last and is_heading_like(para):
            if pending is None:
                pending = index
            continue
        first = index if pending is None else pending
        start = para.start if pending is None else paragraphs[first].start
        blocks.append(new_block((len(blocks), first, index, index - first, start, para.end)))
        pending = None
    return tuple(blocks)


def document_blocks(doc: Document) -> tuple[Block, ...]:
    """The shared block view of ``doc``."""
    return doc.view("ot.blocks", build_blocks)
