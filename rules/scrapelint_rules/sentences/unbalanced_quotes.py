"""SEN006 unbalanced-quotes."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from scrapelint.diagnostics import Category, Diagnostic, Severity
from scrapelint.document import Document, Paragraph
from scrapelint.rule import Rule
from scrapelint_rules.sentences._shared import is_english

# Double quotes and round brackets. Two apostrophes typed as a closing quote ('' or ’’) are
# rewritten to a closing quote of the same length before scanning (see _quote_view).
_MARKS = re.compile(r"[\"“”()]")
_MARK_CHARS = '"“”()'
_OPENING_QUOTE_START = re.compile(r"\s*[\"“]")
# Code: braces, tags, assignments, calls, escapes, and semicolons that end a line. Tested with
# ``in`` (a fast C search) for the literals, the semicolon pattern only where a ";" occurs.
_CODE_CHARS = ("{", "}", "<", ">", "=", "\\")
#: Two-character code marks, each looked for only where its first character occurs (a
#: one-character search is several times faster than a two-character one).
_CODE_PAIRS = ("::", "&&")
_CODE_SEMICOLON = re.compile(r";\s*(?:$|\n|})")
_SPACE_BEFORE = " \t\n([{—–-/"
_ENUMERATOR = re.compile(r"(?:^|[\s.;:—–-])(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})\.?$")
_SMILEY = re.compile(r"[:;8=]-?$")
#: Both patterns end at the mark and are at most this long (with a line break before the
#: end), so they are searched in this many characters before it, not from the paragraph start.
_ENUMERATOR_REACH = 8
_SMILEY_REACH = 4
#: More problems than this in one paragraph means it is not prose (tables, code, sizes).
_MAX_PROBLEMS = 2
#: A quotation opening a paragraph (or after a colon) this long may run on without a close.
_LONG_QUOTE_WORDS = 8
#: How many paragraphs a quotation may run over.
_QUOTE_SPAN = 4


def _straight_quote_role(text: str, index: int, inside: bool) -> str | None:
    """'open', 'close' or None for a straight double quote, judged by its neighbours."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if before.isdigit():
        # An inch mark (5'10") unless it ends a quotation: "Top 10" List.
        return "close" if inside and not after.isalnum() else None
    if (before.isspace() or before in _SPACE_BEFORE or before in "\"'“‘") and not after.isspace():
        return "open"
    if not after.isalnum() and after not in "([{" and not before.isspace():
        return "close"
    return None


def _quote_view(text: str) -> str:
    """The text with doubled apostrophes ('' and ’’) turned into a closing quote, same length."""
    if "’’" in text:
        text = text.replace("’’", "’”")
    if "''" in text:
        text = text.replace("''", "'”")
    return text


def _unmatched(text: str, offsets: list[int]) -> tuple[list[int], list[int]]:
    """Offsets of unclosed opening marks and of closing marks without an opening one.

    ``offsets`` are those of the marks in ``text``, in order. Quotes nest (a straight
    quote inside a straight quotation opens a nested one); brackets are counted
    separately from quotes.
    """
    quotes: list[int] = []
    brackets: list[int] = []
    stray: list[int] = []
    for index in offsets:
        mark = text[index]
        if mark == "(":
            brackets.append(index)
        elif mark == ")":
            if brackets:
                brackets.pop()
            elif not (
                _ENUMERATOR.search(text, max(0, index - _ENUMERATOR_REACH), index)
                or _SMILEY.search(text, max(0, index - _SMILEY_REACH), index)
            ):
                stray.append(index)  # not "1)", "a)" or ":)"
        else:
            if mark == "“":
                role: str | None = "open"
            elif mark == "”":
                before = text[index - 1] if index > 0 else " "
                after = text[index + 1] if index + 1 < len(text) else " "
                inch = before.isdigit() and not quotes
                # A ” typed where a quotation opens (” word) still opens it.
                wrong_way = before.isspace() and after.isalnum() and not quotes
                role = None if inch else "open" if wrong_way else "close"
            else:
                role = _straight_quote_role(text, index, bool(quotes))
            if role == "open":
                quotes.append(index)
            elif role == "close":
                if quotes:
                    quotes.pop()
                else:
                    stray.append(index)
    # A bracket opened in the last words of a paragraph lost its link text; not a sentence break.
    unclosed = quotes + [i for i in brackets if len(text[i:].split()) > 3]
    return sorted(unclosed), stray


def _looks_like_code(text: str, marks: list[int]) -> bool:
    """True when ``text`` has braces, tags, assignments, calls or line-ending semicolons.

    ``marks`` are the offsets of the paragraph's quotes and brackets: an empty call "()"
    starts at one of them. Plain loops: a generator per paragraph costs more than the tests.
    """
    for mark in _CODE_CHARS:
        if mark in text:
            return True
    for offset in marks:
        if text.startswith("()", offset):
            return True
    for pair in _CODE_PAIRS:
        if pair[0] in text and pair in text:
            return True
    return ";" in text and _CODE_SEMICOLON.search(text) is not None


def _marks_by_paragraph(doc: Document) -> dict[int, list[int]]:
    """The offsets of quotes and brackets in each paragraph holding any, by paragraph index.

    Marks are rare, so they are found with ``str.find`` over the whole text and mapped
    to paragraphs by their start offsets; paragraphs without marks are never visited.
    Offsets are relative to the paragraph and in order.
    """
    text = doc.text
    offsets: list[int] = []
    for mark in _MARK_CHARS:
        index = text.find(mark)
        while index >= 0:
            offsets.append(index)
            index = text.find(mark, index + 1)
    if not offsets:
        return {}
    offsets.sort()
    paragraphs = doc.paragraphs
    starts = [paragraph.start for paragraph in paragraphs]
    out: dict[int, list[int]] = {}
    for offset in offsets:
        index = bisect_right(starts, offset) - 1
        if index >= 0 and offset < paragraphs[index].end:
            out.setdefault(index, []).append(offset - starts[index])
    return out


def _paragraph_marks(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """The paragraph as scanned (see _quote_view) and the offsets of its marks."""
    view = _quote_view(text)
    if view is text:
        return view, offsets
    return view, [match.start() for match in _MARKS.finditer(view)]


def _introduces_long_quotation(text: str, offset: int) -> bool:
    """True for a quote that opens its paragraph or follows a colon and runs to its end.

    News pages quote whole paragraphs this way; when the quotation goes on in paragraphs
    without marks (or an extractor dropped them) its closing mark is legitimately absent.
    """
    if text[offset] not in '"“':
        return False
    before = text[:offset].rstrip()
    return (not before or before.endswith(":")) and len(text[offset:].split()) >= _LONG_QUOTE_WORDS


def _is_quote(mark: str) -> bool:
    return mark not in "()"


def _continues(
    paragraphs: tuple[Paragraph, ...],
    found: dict[int, tuple[list[int], list[int]]],
    index: int,
    mark: str,
) -> bool:
    """True when a mark left open goes on in the next paragraphs.

    Either the next paragraph opens with a quotation mark (the usual style for
    quotations of several paragraphs) or one of the next few paragraphs closes
    a mark of the same kind that it never opened.
    """
    following = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
    if _is_quote(mark) and _OPENING_QUOTE_START.match(following):
        return True
    for later in range(index + 1, min(index + 1 + _QUOTE_SPAN, len(paragraphs))):
        if later in found:
            stray = found[later][1]
            if stray and _is_quote(paragraphs[later].text[stray[0]]) == _is_quote(mark):
                return True
    return False


def _opened_before(found: dict[int, tuple[list[int], list[int]]], index: int) -> bool:
    """True when one of the previous few paragraphs left a mark open.

    Extractors split quotations and asides across paragraphs in many ways, so any mark
    left open nearby excuses a stray closing mark, whatever its kind.
    """
    for earlier in range(max(0, index - _QUOTE_SPAN), index):
        if earlier in found and found[earlier][0]:
            return True
    return False


class UnbalancedQuotes(Rule):
    """Flags a quotation or bracket opened and never closed, or closed and never opened.

    ## What it does
    Pairs double quotes (straight and curly) and round brackets within each
    paragraph. An opening mark left open at the end of the paragraph, or a
    closing mark with nothing to close, is reported. A paragraph whose
    quotation stays open is accepted when the next paragraph opens with a
    quote (the convention for quotations that run over several paragraphs).
    Straight quotes are told apart by their neighbours; inch marks (5'10"),
    apostrophes and single quotes ('90s, rock 'n' roll) are left alone, and
    so are list enumerators ("1)", "a)"), smileys and code. Only English
    documents are checked.

    ## Why is this bad
    A lost quotation mark changes who is speaking: the reader can no longer
    tell the quotation from the reporter's text. It is a typical trace of
    text rewriting or clumsy extraction.

    ## Example
    ```text
    She called the claim a completely made-up thing".
    ```
    The closing quote has no opening quote and is flagged.

    ## Options
    None.

    ## Fix
    None: where the missing mark belongs cannot be known.
    """

    code = "SEN006"
    name = "unbalanced-quotes"
    category = Category.BROKEN_SENTENCE
    severity = Severity.WARNING
    fixable = "never"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if not is_english(doc):
            return
        marked = _marks_by_paragraph(doc)
        if not marked:
            return
        paragraphs = doc.paragraphs
        found: dict[int, tuple[list[int], list[int]]] = {}
        for index, offsets in marked.items():
            text = paragraphs[index].text
            if not _looks_like_code(text, offsets):
                found[index] = _unmatched(*_paragraph_marks(text, offsets))
        for index, (unclosed, stray) in sorted(found.items()):
            if len(unclosed) + len(stray) > _MAX_PROBLEMS:
                continue  # a table, a list of sizes or markup: not prose quotations
            paragraph = paragraphs[index]
            text = paragraph.text
            for offset in unclosed:
                if _continues(paragraphs, found, index, text[offset]):
                    continue  # a quotation running on into the next paragraphs
                if _introduces_long_quotation(text, offset):
                    continue  # 'She said: "...' may run on over paragraphs the page lost
                yield self._report(paragraph, offset, "is never closed in its paragraph", True)
            for offset in stray:
                if offset == stray[0] and _opened_before(found, index):
                    continue  # closes what an earlier paragraph opened
                yield self._report(
                    paragraph, offset, "closes nothing: no opening mark before it", False
                )

    def _report(self, paragraph: Paragraph, offset: int, problem: str, opening: bool) -> Diagnostic:
        text = paragraph.text
        mark = text[offset]
        # Report the mark with the word it touches, so the spot is easy to find.
        if opening:
            end = offset + 1
            while end < len(text) and end - offset < 40 and not text[end].isspace():
                end += 1
            start = offset
        else:
            start = offset
            while start > 0 and offset - start < 40 and not text[start - 1].isspace():
                start -= 1
            end = offset + 1
        return self.diagnostic(
            paragraph.start + start,
            paragraph.start + end,
            f"{'quotation mark' if mark not in '()' else 'bracket'} {mark!r} {problem}",
            confidence=0.7,
        )
