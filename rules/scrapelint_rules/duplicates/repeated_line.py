"""DUP002 repeated-line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter

from scrapelint.diagnostics import Category, Diagnostic, Fix, Severity
from scrapelint.document import Document
from scrapelint.edits import remove_lines
from scrapelint.rule import Rule
from scrapelint_rules.duplicates.line_index import (
    LineIndex,
    headline_key,
    line_index,
    trimmed_span,
)
from scrapelint_rules.duplicates.refrains import (
    field_label,
    field_labels_with_several_values,
    is_heading,
    is_lead_in,
    template_groups,
)

_LINE_TEXT = attrgetter("line.text")

#: Repeated lines at least this long can reveal a template (a field label, a question).
PARTNER_CHARS = 10


@dataclass(frozen=True)
class RepeatedLineOptions:
    #: Lines shorter than this many normalised characters are never reported.
    min_chars: int = 20
    #: Skip lines repeated in parallel with other repeated lines (interviews, listings) and
    #: repeated "Label: value" fields whose label also has other values.
    skip_templates: bool = True
    #: Skip repeated questions and list lead-ins (lines ending in "?" or ":").
    skip_lead_ins: bool = True
    #: Skip a Title Case heading seen twice apart (a table of contents, parallel sections).
    skip_headings: bool = True
    #: A line seen 3+ times whose copies lie further apart than this many lines on average
    #: recurs through the page like a list label; bunched copies are a scraper's stutter.
    refrain_gap: float = 8.0


class RepeatedLine(Rule):
    """Flags a line or paragraph that repeats an earlier one exactly.

    ## What it does
    Groups the non-blank lines of the text by their normalised form (case, punctuation,
    quote styles and white space ignored) and flags every later copy of a line with a
    pointer to the first. In one-paragraph-per-line text a line is a paragraph.

    Short lines (under `min_chars` normalised characters) and deliberate repetition are left
    alone:
    - a question or list lead-in asked again (an interview);
    - lines that recur in parallel with other repeated lines, each round separated by new
      text (a chorus, the labels of a listing);
    - a "Label: value" line whose label also carries other values in the text (the fields
      of a product or event listing);
    - a Title Case heading seen twice apart (a table of contents, the same sub-heading in
      parallel sections);
    - a line that recurs three times or more spread through the page.

    Copies of the headline are left to DUP001.

    ## Why is this bad
    Scrapers emit captions, credits and whole paragraphs twice when a page shows them twice
    (gallery and body, mobile and desktop markup). The copies inflate the text and bias
    anything trained or measured on it.

    ## Example
    ```text
    The mayor opened the new bridge on Saturday morning.

    Traffic is expected to ease within weeks.

    The mayor opened the new bridge on Saturday morning.
    ```
    Line 5 repeats line 1 and is flagged.

    ## Options
    - `min_chars` (int, default 20): shorter lines are never reported.
    - `skip_templates` (bool, default true): ignore lines repeated in parallel with others
      and listing fields.
    - `skip_lead_ins` (bool, default true): ignore repeated questions and lead-ins.
    - `skip_headings` (bool, default true): ignore a Title Case heading seen twice, apart.
    - `refrain_gap` (float, default 8): a line seen three times or more whose copies are on
      average further apart than this many lines is a recurring label, not a copy.

    ## Fix
    Safe: the later copy is removed; the first occurrence stays.
    """

    code = "DUP002"
    name = "repeated-line"
    category = Category.DUPLICATE
    severity = Severity.WARNING
    fixable = "always"
    Options = RepeatedLineOptions

    @staticmethod
    def _listing_fields(index: LineIndex, candidates: set[str]) -> set[str]:
        """Repeated "Label: value" lines whose label also carries other values (a listing)."""
        labels = field_labels_with_several_values(list(map(_LINE_TEXT, index.lines)))
        if not labels:
            return set()
        out = set()
        for key in candidates:
            label = field_label(index.lines[index.groups[key][0]].line.text)
            if label is not None and label in labels:
                out.add(key)
        return out

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        opts: RepeatedLineOptions = self.options
        index = line_index(doc)
        headline = headline_key(doc)
        candidates: set[str] = set()
        partners: set[str] = set()
        for key, ranks in index.groups.items():
            if len(ranks) < 2:
                continue
            if len(key) >= PARTNER_CHARS:
                partners.add(key)
            if len(key) < opts.min_chars or key == headline:
                continue
            if len(ranks) >= 3 and (ranks[-1] - ranks[0]) / (len(ranks) - 1) > opts.refrain_gap:
                continue
            first_text = index.lines[ranks[0]].line.text
            if opts.skip_lead_ins and is_lead_in(first_text):
                continue
            if (
                opts.skip_headings
                and len(ranks) == 2
                and ranks[1] - ranks[0] > 1
                and is_heading(first_text)
            ):
                continue
            candidates.add(key)
        if candidates and opts.skip_templates:
            candidates -= template_groups(index.groups, partners, index.keys)
            candidates -= self._listing_fields(index, candidates)
        for key in sorted(candidates, key=lambda k: index.groups[k][1]):
            ranks = index.groups[key]
            first = index.lines[ranks[0]].line
            for occurrence, rank in enumerate(ranks[1:], 2):
                line = index.lines[rank].line
                start, end = trimmed_span(line)
                yield self.diagnostic(
                    start,
                    end,
                    f"line repeats line {first.number} (occurrence {occurrence} of "
                    f"{len(ranks)}, identical after normalisation)",
                    fix=Fix.safe(
                        "Remove the repeated line", remove_lines(doc, line.index, line.index)
                    ),
                )
