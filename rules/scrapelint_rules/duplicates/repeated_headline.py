"""DUP001 repeated-headline."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from scrapelint.diagnostics import Category, Diagnostic, Fix, Severity
from scrapelint.document import Document
from scrapelint.edits import remove_lines
from scrapelint.rule import Rule
from scrapelint_rules.duplicates.line_index import (
    KeyedLine,
    LineIndex,
    comparison_key,
    line_index,
    reads_as_prose,
    trimmed_span,
)

#: Separators between a headline and a site name or section in a page title.
_TITLE_SEPARATOR = regex.compile(r"\s+[|·•»–—-]{1,2}\s+|\s+::\s+")


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
            headlines = _headline_forms(doc.title)
            origin = "the title"
            candidates = index.lines
        elif not reads_as_prose(index.lines[0], opts.body_words):
            headlines = [index.lines[0].key]
            origin = f"line {index.lines[0].line.number}"
            candidates = index.lines[1:]
        else:
            return
        headlines = [h for h in headlines if len(h) >= opts.min_chars]
        if not headlines:
            return
        head_words = [h.split() for h in headlines]
        # The word-count bounds of ``_match``, applied here first: most lines fail them.
        longest = max(len(head) for head in head_words)
        most = longest + opts.max_extra_words
        matches: dict[int, _Match] = {}
        for keyed in candidates:
            if keyed.key not in headlines:
                count = keyed.key.count(" ") + 1
                if count > most or count * 2 < longest // 2:
                    continue
            found = self._match(keyed.key, headlines, head_words)
            if found is not None:
                matches[keyed.rank] = found
        if not matches:
            return
        body = self._body_span(index, matches)
        for rank in sorted(matches):
            in_body = body is not None and body[0] < rank < body[1]
            if in_body and not _among_repeats(index, rank, matches):
                continue
            yield self._report(doc, index.lines[rank], origin, matches[rank])

    def _match(self, key: str, headlines: list[str], head_words: list[list[str]]) -> _Match | None:
        opts: RepeatedHeadlineOptions = self.options
        if key in headlines:
            return _Match(1.0)
        # Body lines are far longer than a headline: count words before splitting them.
        count = key.count(" ") + 1
        longest = max(len(head) for head in head_words)
        if count > longest + opts.max_extra_words or count * 2 < longest // 2:
            return None
        words = key.split()
        best: _Match | None = None
        for head in head_words:
            if len(head) >= 4:
                similarity = _word_similarity(head, words)
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
        prose = [
            keyed.rank
            for keyed in index.lines
            if keyed.rank not in matches and reads_as_prose(keyed, min_words)
        ]
        return (prose[0], prose[-1]) if prose else None

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


def _headline_forms(title: str) -> list[str]:
    """The normalised title, plus its longest part when it carries a site or section suffix."""
    forms = [comparison_key(title)]
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


def _word_similarity(a: list[str], b: list[str]) -> float:
    """Similarity of two word sequences: matched words over the longer length (order-aware)."""
    if not a or not b:
        return 0.0
    longer = max(len(a), len(b))
    # Longest common subsequence, bounded: headlines are short.
    if longer > 60 or min(len(a), len(b)) < longer * 0.5:
        return 0.0
    # Shared distinct words bound the subsequence from above: most lines stop here.
    if len(set(a) & set(b)) < longer * 0.5:
        return 0.0
    prev = [0] * (len(b) + 1)
    for wa in a:
        cur = [0]
        for j, wb in enumerate(b):
            cur.append(prev[j] + 1 if wa == wb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1] / longer
