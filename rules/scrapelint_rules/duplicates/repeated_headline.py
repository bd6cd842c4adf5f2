"""DUP001 repeated-headline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress, repeat
from operator import or_

import regex

from scrapelint.diagnostics import Category, Diagnostic, Fix, Severity
from scrapelint.document import Document
from scrapelint.edits import remove_lines
from scrapelint.rule import Rule
from scrapelint_rules.duplicates.line_index import (
    KeyedLine,
    LineIndex,
    comparison_key,
    headline_key,
    line_index,
    reads_as_prose,
    trimmed_span,
)

#: Separators between a headline and a site name or section in a page title.
_TITLE_SEPARATOR = regex.compile(r"\s+[|·•»–—-]{1,2}\s+|\s+::\s+")
#: A character every separator holds.
_SEPARATOR_CHAR = re.compile(r"[|·•»–—:-]")


@dataclass(frozen=True)
class RepeatedHeadlineOptions:
    #: Word-level similarity (0-1) from which a line counts as a near-exact copy.
    similarity: float = 0.8
    #: Headlines shorter than this many normalised characters are not checked.
    min_chars: int = 8
    #: Most words a line may add around the whole headline (a breadcrumb, a site name).
    max_extra_words: int = 6
    #: A line of at least this many words ending a sentence starts the article body.
    body_words: int = 12


@dataclass(frozen=True, slots=True)
class _Match:
    similarity: float
    extra_words: int = 0


class RepeatedHeadline(Rule):
    """Flags the headline repeated inside the article text.

    ## What it does
    Finds lines of the text that repeat the headline: the record's title when
    the input has one, otherwise the first non-blank line (unless that line
    already reads as body prose). Copies are matched
    after normalising case, punctuation, white space and quote styles. A
    near-exact copy (a word changed, added or missing), a copy wrapped in a
    short breadcrumb or site name, and the headline part of a title with a
    site suffix ("Headline | Site") match too.

    Copies are reported outside the article body (before the first or after
    the last line that reads as a full sentence of `body_words` words or more)
    and, inside it, when they sit next to other repeated lines (a gallery block
    repeating its captions). A section heading deep in the body that happens to equal the
    title is left alone.

    ## Why is this bad
    Extractors often emit the headline once or more above the body. The copy
    duplicates the title in search snippets, summaries and training text, and
    skews any measure of the article's content.

    ## Example
    ```text
    Train carrying Kim leaves Beijing

    Train carrying Kim leaves Beijing

    The train left on Wednesday...
    ```
    Line 3 repeats line 1 and is flagged.

    ## Options
    - `similarity` (float, default 0.8): share of headline words, in order, for a near copy.
    - `min_chars` (int, default 8): shorter headlines are not checked.
    - `max_extra_words` (int, default 6): words a line may add around the whole headline.
    - `body_words` (int, default 12): words of the first sentence line that starts the body.

    ## Fix
    Safe: an exact or near copy line is removed. Unsafe: a line that wraps the
    headline in extra words is removed with them. Without a title field the
    first line is the headline itself and is kept.
    """

    code = "DUP001"
    name = "repeated-headline"
    category = Category.DUPLICATE
    severity = Severity.WARNING
    fixable = "always"
    Options = RepeatedHeadlineOptions

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        opts: RepeatedHeadlineOptions = self.options
        index = line_index(doc)
        if not index.lines:
            return
        if doc.title and doc.title.strip():
            # The shared headline key is the normalised title.
            headlines = _headline_forms(doc.title, headline_key(doc))
            origin = "the title"
            first = 0
        elif not reads_as_prose(index.lines[0], opts.body_words):
            headlines = [index.lines[0].key]
            origin = f"line {index.lines[0].line.number}"
            first = 1
        else:
            return
        headlines = [h for h in headlines if len(h) >= opts.min_chars]
        if not headlines:
            return
        head_words = [h.split() for h in headlines]
        longest = max(map(len, head_words))
        most = longest + opts.max_extra_words
        # Lines are compared only within word-count bounds (most fail them), or when equal
        # to a headline: both tests run in C over all lines, on the spaces of each key.
        spaces = {n - 1 for n in range(1, most + 1) if n * 2 >= longest // 2}
        keys = index.keys[first:]
        tested = map(
            or_,
            map(set(headlines).__contains__, keys),
            map(spaces.__contains__, map(str.count, keys, repeat(" "))),
        )
        head_sets = [set(head) for head in head_words]
        matches: dict[int, _Match] = {}
        for rank in compress(range(first, first + len(keys)), tested):
            found = self._match(index.keys[rank], headlines, head_words, head_sets)
            if found is not None:
                matches[rank] = found
        if not matches:
            return
        body = self._body_span(index, matches)
        for rank in sorted(matches):
            in_body = body is not None and body[0] < rank < body[1]
            if in_body and not _among_repeats(index, rank, matches):
                continue
            yield self._report(doc, index.lines[rank], origin, matches[rank])

    def _match(
        self,
        key: str,
        headlines: list[str],
        head_words: list[list[str]],
        head_sets: list[set[str]],
    ) -> _Match | None:
        """How ``key`` repeats a headline, if it does; its word count is within the bounds
        (at most ``max_extra_words`` more than the longest headline, and at least a quarter
        of it), which the caller checks."""
        opts: RepeatedHeadlineOptions = self.options
        if key in headlines:
            return _Match(1.0)
        words = key.split()
        best: _Match | None = None
        for head, head_set in zip(head_words, head_sets, strict=True):
            if len(head) >= 4:
                similarity = _word_similarity(head, words, head_set)
                if similarity >= opts.similarity and (best is None or similarity > best.similarity):
                    best = _Match(similarity)
            extra = len(words) - len(head)
            if (
                best is None
                and len(head) >= 4
                and 0 < extra <= min(opts.max_extra_words, len(head) // 2)
                and _contains(words, head)
            ):
                best = _Match(1.0, extra)
        return best

    def _body_span(self, index: LineIndex, matches: dict[int, _Match]) -> tuple[int, int] | None:
        """Ranks of the first and last lines, other than headline copies, that read as prose."""
        min_words = self.options.body_words

        def prose(keyed: KeyedLine) -> bool:
            return keyed.rank not in matches and reads_as_prose(keyed, min_words)

        # The first from the start and the first from the end: prose is usually near both.
        first = next((keyed.rank for keyed in index.lines if prose(keyed)), None)
        if first is None:
            return None
        last = next(keyed.rank for keyed in reversed(index.lines) if prose(keyed))
        return first, last

    def _report(self, doc: Document, keyed: KeyedLine, origin: str, match: _Match) -> Diagnostic:
        line = keyed.line
        start, end = trimmed_span(line)
        removal = remove_lines(doc, line.index, line.index)
        if match.extra_words:
            return self.diagnostic(
                start,
                end,
                f"line repeats the headline of {origin} with {match.extra_words} extra "
                f"word{'s' if match.extra_words > 1 else ''} "
                f"(at most {self.options.max_extra_words})",
                fix=Fix.unsafe("Remove the line holding the headline", removal),
            )
        if match.similarity >= 1.0:
            message = f"headline repeats {origin}"
        else:
            message = (
                f"headline nearly repeats {origin} ({match.similarity:.0%} of words in order, "
                f"threshold {self.options.similarity:.0%})"
            )
        return self.diagnostic(
            start, end, message, fix=Fix.safe("Remove the repeated headline", removal)
        )


def _headline_forms(title: str, key: str) -> list[str]:
    """The normalised title (``key``), plus its longest part when it carries a site or
    section suffix."""
    forms = [key]
    if _SEPARATOR_CHAR.search(title) is None:
        return forms  # no separator: the title is its only part
    parts = [comparison_key(p) for p in _TITLE_SEPARATOR.split(title)]
    parts = [p for p in parts if p]
    if len(parts) > 1:
        longest = max(parts, key=len)
        if longest.count(" ") >= 2:
            forms.append(longest)
    return forms


def _among_repeats(index: LineIndex, rank: int, matches: dict[int, _Match]) -> bool:
    """Whether a neighbouring line is itself a copy (of an earlier line or of the headline)."""
    for near in (rank - 1, rank + 1):
        if 0 <= near < len(index.lines) and (near in matches or index.is_repeat(near)):
            return True
    return False


def _contains(words: list[str], part: list[str]) -> bool:
    """Whether ``part`` occurs as a contiguous run of ``words``."""
    n = len(part)
    first = part[0]
    return any(words[i] == first and words[i : i + n] == part for i in range(len(words) - n + 1))


def _word_similarity(a: list[str], b: list[str], a_set: set[str] | None = None) -> float:
    """Similarity of two word sequences: matched words over the longer length (order-aware).

    ``a_set``: the words of ``a``, when the caller has them.
    """
    if not a or not b:
        return 0.0
    longer = max(len(a), len(b))
    # Longest common subsequence, bounded: headlines are short.
    if longer > 60 or min(len(a), len(b)) < longer * 0.5:
        return 0.0
    # Shared distinct words bound the subsequence from above: most lines stop here.
    if len((set(a) if a_set is None else a_set).intersection(b)) < longer * 0.5:
        return 0.0
    prev = [0] * (len(b) + 1)
    for wa in a:
        cur = [0]
        for j, wb in enumerate(b):
            cur.append(prev[j] + 1 if wa == wb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1] / longer
