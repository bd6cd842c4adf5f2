"""Helpers that build common edits, so every rule removes lines the same way."""

from __future__ import annotations

from scrapelint.diagnostics import Edit
from scrapelint.document import Document


def remove_lines(doc: Document, first: int, last: int) -> Edit:
    """Delete lines ``first..last`` (0-based, inclusive) with their terminators.

    When the removed block is followed by a blank separator line, the separator
    goes too, so paragraph spacing stays regular. At the end of the text the
    preceding terminator and blank lines are removed instead.
    """
    lines = doc.lines
    start = lines[first].start
    if last + 1 < len(lines):
        end_line = last + 1
        # swallow one blank separator line after the block
        if lines[end_line].is_blank and end_line + 1 < len(lines):
            end_line += 1
        end = lines[end_line].start
        return Edit(start, end, "")
    # last line(s) of the text: remove back to the end of the previous non-blank line
    prev = first - 1
    while prev >= 0 and lines[prev].is_blank:
        prev -= 1
    start = lines[prev].end if prev >= 0 else 0
    return Edit(start, len(doc.text), "")
