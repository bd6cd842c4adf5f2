"""DUP001 repeated-headline."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from scrapelint.diagnostics import Category, Diagnostic, Fix, Severity
from scrapelint.document import Document, Line
from scrapelint.edits import remove_lines
from scrapelint.rule import Rule
from scrapelint.text import normalize_for_compare


@dataclass(frozen=True)
class RepeatedHeadlineOptions:
    #: Word-level similarity (0-1) from which a line counts as a near-exact copy.
    similarity: float = 0.9
    #: Headlines shorter than this many normalised characters are not checked.
    min_chars: int = 12


class RepeatedHeadline(Rule):
    """Flags the headline repeated inside the article text.

    ## What it does
    Finds lines of the text that repeat the headline: the record's title when
    the input has one, otherwise the first non-blank line. Copies are matched
    after normalising case, punctuation, white space and quote styles, and a
    near-exact copy (one word changed or missing) matches too.

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
    - `similarity` (float, default 0.9): word-overlap ratio for a near-exact copy.
    - `min_chars` (int, default 12): shorter headlines are not checked.

    ## Fix
    Safe: the copy line is removed. Without a title field the first line is
    the headline itself and is kept.
    """

    code = "DUP001"
    name = "repeated-headline"
    category = Category.DUPLICATE
    severity = Severity.WARNING
    fixable = "always"
    Options = RepeatedHeadlineOptions

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        opts: RepeatedHeadlineOptions = self.options
        lines = [line for line in doc.lines if not line.is_blank]
        if not lines:
            return
        if doc.title and doc.title.strip():
            headline = normalize_for_compare(doc.title)
            origin = "the title"
            candidates = lines
        else:
            headline = normalize_for_compare(lines[0].text)
            origin = f"line {lines[0].number}"
            candidates = lines[1:]
        if len(headline) < opts.min_chars:
            return
        head_words = headline.split()
        for line in candidates:
            norm = normalize_for_compare(line.text)
            if not norm:
                continue
            similarity = 1.0 if norm == headline else _word_similarity(head_words, norm.split())
            if similarity < opts.similarity:
                continue
            yield self._report(doc, line, origin, similarity)

    def _report(self, doc: Document, line: Line, origin: str, similarity: float) -> Diagnostic:
        start = line.start + (len(line.text) - len(line.text.lstrip()))
        end = line.start + len(line.text.rstrip())
        how = "repeats" if similarity >= 1.0 else f"nearly repeats ({similarity:.0%} similar to)"
        threshold = "" if similarity >= 1.0 else f", threshold {self.options.similarity:.0%}"
        return self.diagnostic(
            start,
            end,
            f"headline {how} {origin}{threshold}",
            fix=Fix.safe("Remove the repeated headline", remove_lines(doc, line.index, line.index)),
        )


def _word_similarity(a: list[str], b: list[str]) -> float:
    """Similarity of two word sequences: matched words over the longer length (order-aware)."""
    if not a or not b:
        return 0.0
    longer = max(len(a), len(b))
    # Longest common subsequence, bounded: headlines are short.
    if longer > 60:
        return 0.0
    prev = [0] * (len(b) + 1)
    for wa in a:
        cur = [0]
        for j, wb in enumerate(b):
            cur.append(prev[j] + 1 if wa == wb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1] / longer
