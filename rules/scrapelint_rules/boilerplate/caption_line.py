"""BP004 caption-line: photo captions left between the paragraphs of an article."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from scrapelint.diagnostics import Category, Diagnostic, Severity
from scrapelint.document import Document
from scrapelint.rule import Rule
from scrapelint_rules.boilerplate.common import line_fix, where
from scrapelint_rules.boilerplate.layout import layout

# Each cue is written in the way captions, and rarely article sentences, phrase things.
_CUES: tuple[tuple[str, str], ...] = (
    (
        "a position marker such as ', left,'",
        r",\s+(?:left|right|center|centre|top|bottom|far\s+(?:left|right)|"
        r"(?:second|third)\s+(?:from\s+)?(?:left|right)|front|rear|back\s+row)\s*[,)]",
    ),
    ("a '(L-R)' marker", r"\((?:L-R|R-L|from\s+left|from\s+right|left\s+to\s+right)\)"),
    ("a 'file photo' label", r"(?:^|\s)(?:FILE\s+PHOTO|[Ff]ile\s+photo|[Hh]andout\s+photo)\b"),
    ("'pictured'", r"\((?:pictured|above|below|inset)\)|\b(?:is|are)\s+pictured\b"),
    (
        "a picture description",
        r"^(?:An?|The|This|These)\s+(?:[\p{L}\-]+\s+){0,3}(?:image|photo|photograph|"
        r"picture|illustration|screengrab|screenshot|rendering|graphic|(?:aerial|general)\s+view|"
        r"map|chart)s?\s+"
        r"(?:of|shows|showing|from|taken|provided|released|depicts|depicting|courtesy)\b",
    ),
    (
        "names and a year only",
        r"^\p{Lu}[\p{L}.'’\-]*(?:\s+(?:\p{Lu}[\p{L}.'’\-]*|and|&|,))*,?\s+in\s+\d{4}\.$",
    ),
    ("an artist's impression", r"\bartist['’]s\s+(?:concept|impression|rendering|illustration)\b"),
    (
        "a present-tense action with a date",
        r"\b(?:speaks|arrives|attends|listens|reacts|celebrates|looks\s+on|sits|departs|"
        r"dunks|delivers|greets|shakes\s+hands|prays|testifies|inspects|sings|performs|"
        r"gestures|poses|smiles|waves)\b[^.]{0,160}?\b"
        r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Feb|March|April|May|June|July|"
        r"Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4})",
    ),
    ("'(photo/image) shows'", r"\b(?:photo|image|picture|photograph)\s+(?:shows|showing)\b"),
)
#: Words one of which must occur (lower-cased) before a cue's regex runs: keeps the rule cheap.
_GATES: dict[str, tuple[str, ...]] = {
    "a position marker such as ', left,'": (
        "left",
        "right",
        "center",
        "centre",
        "top",
        "bottom",
        "front",
        "rear",
        "back",
    ),
    "a '(L-R)' marker": ("(",),
    "a 'file photo' label": ("photo",),
    "'pictured'": ("pictured", "(above)", "(below)", "(inset)"),
    "a picture description": (
        "image",
        "photo",
        "picture",
        "illustration",
        "screen",
        "rendering",
        "graphic",
        "view",
        "map",
        "chart",
    ),
    "names and a year only": (" in ",),
    "an artist's impression": ("artist",),
    "a present-tense action with a date": (
        "day",
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
    ),
    "'(photo/image) shows'": ("shows", "showing"),
}
_CUE_RES = tuple(
    (label, _GATES[label], regex.compile(pattern, regex.V0)) for label, pattern in _CUES
)


@dataclass(frozen=True)
class CaptionLineOptions:
    #: Longest caption, in words.
    max_words: int = 60


class CaptionLine(Rule):
    """Flags photo captions left in the article text.

    ## What it does
    Looks for the phrasing of captions, which article sentences rarely use:
    position markers ("Jane Doe, left, speaks with..."), "(L-R)", a "file
    photo" label, "(pictured)", descriptions of the picture itself ("An
    aerial view of...", "This image shows...", "An artist's impression
    of..."), a present-tense action with a date ("...speaks during a rally
    on Tuesday, Nov. 19, 2019") and names with a year only ("Jane Doe and
    John Roe in 2002."). Only lines of at most `max_words` words are
    considered, since captions are short.

    ## Why is this bad
    A caption describes a picture that is not there. In the text it
    interrupts the story, often repeats it, and reads like a non-sequitur.

    ## Example
    ```text
    The mayor, right, speaks with residents in Springfield on Tuesday.
    ```
    The line is flagged.

    ## Options
    - `max_words` (int, default 60): longest line considered.

    ## Fix
    Safe above or below the article body; unsafe inside it.
    """

    code = "BP004"
    name = "caption-line"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fixable = "always"
    Options = CaptionLineOptions

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        lay = layout(doc)
        if not lay.english:
            return
        opts: CaptionLineOptions = self.options
        for pos, info in enumerate(lay.lines):
            if not 4 <= info.words <= opts.max_words or info.text.startswith(("“", '"')):
                continue
            lowered = info.text.lower()
            for label, gate, cue in _CUE_RES:
                if not any(word in lowered for word in gate) or cue.search(info.text) is None:
                    continue
                yield self.diagnostic(
                    info.start,
                    info.end,
                    f"line reads like a photo caption ({label}; {info.words} words, at most "
                    f"{opts.max_words}) {where(lay, pos)}",
                    fix=line_fix(doc, lay, pos, pos, "caption"),
                )
                break
