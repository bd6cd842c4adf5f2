"""BP006 glued-boilerplate: page furniture fused to article text without a space."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from scrapelint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from scrapelint.document import Document
from scrapelint.lexicon import zipf
from scrapelint.rule import Rule
from scrapelint_rules.boilerplate.layout import layout

# Labels that open a line and run straight into the next sentence ("Latest NewsXi ...").
_LEADING_LABELS = (
    "Latest News|Breaking News|Top Stories|Top News|More News|Related News|Related Articles|"
    "Related Stories|Related Content|Read More|Read more|Read Next|See Also|Also Read|"
    "Most Popular|Most Read|Trending Now|Advertisement|ADVERTISEMENT|Skip to content|"
    "Skip to main content|Share this article|Editor's Picks|Editors' Picks|Recommended for you"
)
_LEADING = regex.compile(rf"^(?:{_LEADING_LABELS})(?=\p{{Lu}}\p{{Ll}})")
# A credit fused to the end of a word: "rabbitCredit: Getty Images".
_TRAILING_CREDIT = regex.compile(
    r"(?<=\p{Ll}[.!?\"”’)]?)(?:Photo|Image|Picture|Credit|Source|Illustration)s?"
    r"(?:\s+(?:credit|by))?\s*:\s*[^.!?]{2,60}$"
)
# A byline fused to the end of a headline: "...a big rocketby Jeff Foust".
_TRAILING_BYLINE = regex.compile(
    r"(?<=(\p{Ll}+))by\s+(?:\p{Lu}[\p{Ll}.'’\-]+)(?:\s+\p{Lu}[\p{L}.'’\-]+){1,3}$"
)
# A credit fused to the start of the next sentence: "... Getty ImagesThe minister said".
_CREDIT_THEN_TEXT = regex.compile(
    r"^(?:(?:Photo|Image|Picture|Credit)s?\s*:\s*)?[^.!?]{0,60}?"
    r"(?:Getty Images|AFP|AP Photo|Reuters|Shutterstock|EPA|Bloomberg)(?=\p{Lu}\p{Ll})"
)


_AGENCY_HINTS = ("Getty", "AFP", "AP Photo", "Reuters", "Shutterstock", "EPA", "Bloomberg")
# Cheap pre-tests, run before the patterns above (stdlib ``re`` and str methods, in C): a
# leading label can only match a line that starts with one, a glued credit only one that
# names an agency.
_LABEL_PREFIXES = tuple(_LEADING_LABELS.split("|"))
_AGENCY_NAMED = re.compile("|".join(map(re.escape, _AGENCY_HINTS)))
_HEAD = 140
_TAIL = 90


@dataclass(frozen=True)
class GluedOptions:
    #: Zipf frequency above which a word ending in "by" is a real word ("nearby").
    real_word_zipf: float = 2.0


class GluedBoilerplate(Rule):
    """Flags boilerplate fused to article text without a space.

    ## What it does
    Finds page furniture glued to the words around it by a lost line break:
    a navigation label running into the first sentence ("Latest NewsXi
    Jinping said..."), a photo credit fused to the last word
    ("...a rabbitCredit: Getty Images"), a byline fused to a headline
    ("...a big rocketby Jeff Foust") or a credit running into the next
    sentence ("Photo: ReutersThe talks..."). The finding spans only the
    glued fragment.

    ## Why is this bad
    The fragment corrupts two words at once: the boilerplate stays in the
    text and the word it is fused to no longer matches anything, which
    breaks search, deduplication and spelling checks.

    ## Example
    ```text
    Latest NewsXi Jinping met the delegation on Tuesday.
    ```
    "Latest News" is flagged.

    ## Options
    - `real_word_zipf` (float, default 2.0): a word ending in "by" that is
      this frequent ("nearby", "lobby") is not a fused byline.

    ## Fix
    Safe: the glued fragment is removed, leaving the article text.
    """

    code = "BP006"
    name = "glued-boilerplate"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fixable = "always"
    Options = GluedOptions

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        lay = layout(doc)
        for info in lay.lines:
            text = info.text
            m = _LEADING.match(text[:_HEAD]) if text.startswith(_LABEL_PREFIXES) else None
            if m is None and _AGENCY_NAMED.search(text, 0, _HEAD) is not None:
                m = _CREDIT_THEN_TEXT.match(text[:_HEAD])
            if m is not None and m.end() < len(text):
                yield self._report(info.start, info.start + m.end(), text[: m.end()], "start")
                continue
            # only the tail of a line can hold a fused credit or byline
            cut = max(0, len(text) - _TAIL)
            if text.find(":", cut) >= 0:
                m = _TRAILING_CREDIT.search(text[cut:])
                if m is not None:
                    yield self._report(info.start + cut + m.start(), info.end, m.group(), "end")
                    continue
            if text.find("by ", cut) >= 0:
                m = _TRAILING_BYLINE.search(text[cut:])
                if m is not None and self._fused_byline(m.group(1)):
                    yield self._report(info.start + cut + m.start(), info.end, m.group(), "end")

    def _fused_byline(self, prefix: str) -> bool:
        opts: GluedOptions = self.options
        word = (prefix + "by").lower()
        return zipf(word) < opts.real_word_zipf

    def _report(self, start: int, end: int, fragment: str, side: str) -> Diagnostic:
        joined = "the following text" if side == "start" else "the preceding word"
        return self.diagnostic(
            start,
            end,
            f"boilerplate {fragment.strip()!r} is glued to {joined} without a space",
            fix=Fix.safe("Remove the glued boilerplate", Edit(start, end, "")),
        )
