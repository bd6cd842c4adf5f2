"""BP002 link-list: runs of short, title-like lines (menus, related-article lists)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from scrapelint.diagnostics import Category, Diagnostic, Severity
from scrapelint.document import Document
from scrapelint.rule import Rule
from scrapelint.text import normalize_for_compare
from scrapelint_rules.boilerplate.common import line_fix, where
from scrapelint_rules.boilerplate.layout import Layout, LineInfo, is_dateline, layout

#: Longest stretch of neighbours inspected around a line (bounds the work per line).
_RUN_CAP = 12


@dataclass(frozen=True)
class LinkListOptions:
    #: A title-like line has at most this many words.
    max_words: int = 16
    #: Headline-length titles a run inside the article body needs to count as a link list.
    min_run_inside: int = 4


def is_title_like(info: LineInfo, max_words: int) -> bool:
    """Short, mostly capitalised, without a closing full stop: a headline or menu entry."""
    if not 2 <= info.words <= max_words or info.letters_words < 2:
        return False
    text = info.text
    if (
        text.endswith((".", ":", ";", ",", "…", "—", "-"))
        or text.endswith(".”")
        or text.endswith('."')
    ):
        return False
    if text.count(",") > 1:
        return False
    return info.cap_share >= 0.5


def is_short_fragment(info: LineInfo, max_words: int) -> bool:
    """A short line that does not end a sentence: a menu entry, headline or label."""
    if not 1 <= info.words <= max_words or info.letters_words < 1:
        return False
    return not info.terminal or (info.text.endswith("?") and info.cap_share >= 0.5)


def _introduces_more_text(lay: Layout, pos: int) -> bool:
    """True when a long prose paragraph follows, as under a subheading."""
    if pos + 1 >= len(lay.lines):
        return False
    nxt = lay.lines[pos + 1]
    return nxt.terminal and nxt.words >= 18 and nxt.stop_share >= 0.1


class LinkList(Rule):
    """Flags runs of short, title-like lines: menus and related-article lists.

    ## What it does
    Finds runs of consecutive short lines that read like headlines or menu
    entries (few words, no closing full stop). Above the article body (the
    first to the last clearly-body paragraph) such lines are flagged, except
    a first line that reads as the headline; below it, headline-like lines
    and runs of two or more, except a subheading followed by a long
    paragraph. Inside the body it takes a run of four headline-length titles,
    so subheadings are never flagged. Lines that share a punctuation
    skeleton with others (list items, table rows) and datelines
    ("WASHINGTON (AP) —") are left alone.

    ## Why is this bad
    Extractors keep "related stories" lists and navigation menus as if they
    were paragraphs. Their headlines belong to other articles.

    ## Example
    ```text
    ...and the vote is expected next week.

    Senate Passes Budget After Long Night
    Five Things To Know About The New Tax Rules
    ```
    Both headline lines are flagged as one block.

    ## Options
    - `max_words` (int, default 16): longest title-like line.
    - `min_run_inside` (int, default 4): headline-length titles a run inside the body needs.

    ## Fix
    Safe above or below the article body (the whole run is removed); unsafe
    inside it.
    """

    code = "BP002"
    name = "link-list"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fixable = "always"
    Options = LinkListOptions

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        lay = layout(doc)
        if lay.core_first < 0:
            return
        headline: str | None = None  # normalised when a line first needs it
        max_words = self.options.max_words
        flagged: list[int] = []
        for pos, info in enumerate(lay.lines):
            # a cheap pre-test of `is_short_fragment`, which `_is_listed` starts with
            if not (
                1 <= info.words <= max_words
                and (not info.terminal or info.text.endswith("?"))
                and self._is_listed(doc, lay, pos)
            ):
                continue
            if headline is None:
                headline = normalize_for_compare(doc.title or lay.lines[0].text)
            # a repeated headline is DUP001's finding, not a menu
            if normalize_for_compare(info.text) != headline:
                flagged.append(pos)
        block: list[int] = []
        for pos in flagged:
            if block and pos != block[-1] + 1:
                yield self._report(doc, lay, block)
                block = []
            block.append(pos)
        if block:
            yield self._report(doc, lay, block)

    def _is_listed(self, doc: Document, lay: Layout, pos: int) -> bool:
        opts: LinkListOptions = self.options
        info = lay.lines[pos]
        if not is_short_fragment(info, opts.max_words) or pos in lay.structured:
            return False
        if is_dateline(info.text):
            return False
        if not lay.english and (pos == 0 or 2 * info.letters_words < info.words):
            return False  # without case to go by, the first line may be the headline
        if lay.before_core(pos):
            # the first line is usually the headline itself (DUP001's concern)
            if pos > 0 or not is_title_like(info, opts.max_words) or info.words < 3:
                return True
            # a title-like first line followed by more fragments is a menu, not the headline
            return pos + 1 < lay.core_first and self._fragment(lay, pos + 1)
        if not lay.english:
            return False
        if lay.after_core(pos):
            if _introduces_more_text(lay, pos):
                return False  # a subheading or list heading: the story goes on below it
            return is_title_like(info, opts.max_words) or any(
                is_short_fragment(lay.lines[n], opts.max_words) and n not in lay.structured
                for n in (pos - 1, pos + 1)
                if lay.after_core(n) and n < len(lay.lines)
            )
        # inside the body: a run of fragments holding at least two headline-length titles
        run = [pos]
        for step in (-1, 1):
            n = pos + step
            while 0 <= n < len(lay.lines) and len(run) < _RUN_CAP and self._fragment(lay, n):
                run.append(n)
                n += step
        headlines = sum(1 for n in run if self._headline(lay.lines[n]))
        return len(run) >= opts.min_run_inside and headlines >= opts.min_run_inside

    def _fragment(self, lay: Layout, pos: int) -> bool:
        info = lay.lines[pos]
        return (
            is_short_fragment(info, self.options.max_words)
            and pos not in lay.structured
            and not is_dateline(info.text)
        )

    def _headline(self, info: LineInfo) -> bool:
        return info.words >= 5 and is_title_like(info, self.options.max_words)

    def _report(self, doc: Document, lay: Layout, block: list[int]) -> Diagnostic:
        first, last = block[0], block[-1]
        n = len(block)
        what = (
            f"{n} short lines without closing punctuation"
            if n > 1
            else ("a short line without closing punctuation")
        )
        return self.diagnostic(
            lay.lines[first].start,
            lay.lines[last].end,
            f"{what} {where(lay, first)} (a link list, menu or page furniture; "
            f"at most {self.options.max_words} words a line)",
            fix=line_fix(doc, lay, first, last, "link list"),
        )
