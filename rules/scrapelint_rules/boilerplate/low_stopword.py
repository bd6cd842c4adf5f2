"""BP005 low-stopword-line: short lines outside the body with almost no function words."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from scrapelint.diagnostics import Category, Diagnostic, Severity
from scrapelint.document import Document
from scrapelint.rule import Rule
from scrapelint_rules.boilerplate.common import line_diagnostic, where
from scrapelint_rules.boilerplate.layout import is_dateline, layout


@dataclass(frozen=True)
class LowStopwordOptions:
    #: Highest share of stopwords (function words) for a line to count as furniture.
    max_share: float = 0.1
    #: Fewest and most words of a line considered.
    min_words: int = 3
    max_words: int = 30


class LowStopwordLine(Rule):
    """Flags short lines outside the article body that have almost no function words.

    ## What it does
    Applies jusText's observation to plain text: prose is dense in function
    words ("the", "of", "and"), while menus, tag lists, credits and link
    labels are not. Lines of 3 to 30 words above or below the article body
    whose stopword share is at most `max_share` are flagged; lines inside the
    body, list and table rows and datelines are left alone.

    Off by default: on our measurements the lines it finds outside the body
    are already caught by BP002 and BP003, and inside the body the cue is
    too noisy (headings, product names). Enable it with `extend-select`
    for texts without line structure to lean on.

    ## Why is this bad
    A line such as "Politics World Business Tech Science Health" is a menu,
    not part of the story.

    ## Example
    ```text
    ...the minister said on Tuesday.

    Politics World Business Tech Science Health
    ```
    The last line has no function word and is flagged.

    ## Options
    - `max_share` (float, default 0.1): highest stopword share.
    - `min_words` (int, default 3) and `max_words` (int, default 30): line length.

    ## Fix
    Safe: the line stands above or below the article body.
    """

    code = "BP005"
    name = "low-stopword-line"
    category = Category.BOILERPLATE
    severity = Severity.INFO
    enabled_by_default = False
    fixable = "always"
    Options = LowStopwordOptions

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        lay = layout(doc)
        if not lay.english or lay.core_first < 0:
            return
        opts: LowStopwordOptions = self.options
        for pos, info in enumerate(lay.lines):
            if not lay.outside_core(pos) or pos in lay.structured:
                continue
            if not opts.min_words <= info.words <= opts.max_words:
                continue
            if info.stop_share > opts.max_share or is_dateline(info.text):
                continue
            message = (
                f"{info.stop_share:.0%} of the line's {info.words} words are function words, "
                f"threshold {opts.max_share:.0%} ({where(lay, pos)})"
            )
            yield line_diagnostic(self, doc, lay, pos, message, "line")
