"""BP004 caption-line: photo captions left between the paragraphs of an article."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from scrapelint.diagnostics import Category, Diagnostic, Severity
from scrapelint.document import Document
from scrapelint.phrasepack import normalize_phrase
from scrapelint.rule import Rule
from scrapelint_rules.boilerplate.common import line_diagnostic, where
from scrapelint_rules.boilerplate.layout import layout, line_words

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
#: Words of which one must occur in a caption line (or a year after "in"): most lines have
#: none of them and skip the cue regexes, which keeps the rule cheap on long texts.
_GATE_WORDS = frozenset(
    """left right center centre top bottom front rear back l-r r-l photo photograph pictured
    inset image picture illustration screenshot screengrab rendering graphic aerial map chart artist
    artist's artist’s speaks arrives attends listens reacts celebrates looks sits departs
    dunks delivers greets shakes prays testifies inspects sings performs gestures poses
    smiles waves""".split()
)
_CUE_RES = tuple((label, regex.compile(pattern, regex.V0)) for label, pattern in _CUES)


#: The verbs of the "present-tense action with a date" cue, as phrase words.
_ACTION_WORDS = frozenset(
    b"""speaks arrives attends listens reacts celebrates looks sits departs dunks delivers
    greets shakes prays testifies inspects sings performs gestures poses smiles waves""".split()
)
_ACTION_TEXTS = tuple(word.decode() for word in sorted(_ACTION_WORDS))
#: The words of the position-marker cue; each stands between white space and "," or ")".
_POSITION_WORDS = frozenset(b"left right center centre top bottom front rear back".split())


def _cue_may_match(text: str, words: list[bytes] | None = None) -> tuple[bool, ...]:
    """For each cue, in order, whether a line has the characters it needs (the cues are
    case-sensitive): a cheap pre-test in C that spares most of the regex searches.

    With the line's phrase words, the position cue also needs one of its words among them,
    and the action cue one of its verbs: a verb the cue matches stands between non-word
    characters, which split phrase words, unless an apostrophe (which joins them) touches
    it: then the verb is looked for in the text itself."""
    comma = "," in text
    bracket = "(" in text
    action = comma or "day" in text
    position = comma
    if words is not None:
        position = comma and not _POSITION_WORDS.isdisjoint(words)
        if action and _ACTION_WORDS.isdisjoint(words):
            action = ("'" in text or "’" in text) and any(map(text.__contains__, _ACTION_TEXTS))
    return (
        position,
        bracket,
        "photo" in text or "PHOTO" in text,
        bracket or "pictured" in text,
        text.startswith(("A", "The", "This", "These")),
        # "... in 2002.": four decimal digits (``\d``) and a full stop end the line
        text.endswith(".") and text[-5:-1].isdecimal() and "in" in text,
        "artist" in text,
        action,
        "show" in text,
    )


_WHITESPACE_OR_MARK = "".join(chr(b) for b in range(128) if chr(b).isspace()) + ",().:;/"
#: ASCII lines: lower-case letters and turn the marks ",().:;/" (and all ASCII white space,
#: so that ``bytes.split`` splits where ``str.split`` does) into spaces, in one pass.
_GATE_BYTES = bytes(
    0x20 if chr(b) in _WHITESPACE_OR_MARK else ord(chr(b).lower()) for b in range(128)
) + bytes(range(128, 256))
_GATE_WORD_BYTES = frozenset(word.encode() for word in _GATE_WORDS)


#: The gate words as normalised phrase words ("l-r" gives "l" and "r", "artist's"
#: "artists"): a line whose phrase words have none of them has no gate word either.
_GATE_PHRASE_WORDS = frozenset(
    word.encode() for gate in _GATE_WORDS for word in normalize_phrase(gate).split()
)


def _may_have_year(text: str) -> bool:
    """Whether ``text.lower()`` may hold " in 1" or " in 2" (only "n" and "N" lower to "n")."""
    return "n 1" in text or "N 1" in text or "n 2" in text or "N 2" in text


#: ... and "in": " in 1" or " in 2" in a lower-cased line makes "in" one of its phrase words.
_GATE_OR_IN_WORDS = _GATE_PHRASE_WORDS | {b"in"}


def _may_be_caption(text: str, words: list[bytes] | None = None) -> bool:
    if words is not None and (
        _GATE_OR_IN_WORDS.isdisjoint(words)
        or (_GATE_PHRASE_WORDS.isdisjoint(words) and not _may_have_year(text))
    ):
        return False  # the test below would say no, at a fraction of the cost
    lowered = text.lower()
    if " in 1" in lowered or " in 2" in lowered:
        return True
    if lowered.isascii():
        return not _GATE_WORD_BYTES.isdisjoint(lowered.encode().translate(_GATE_BYTES).split())
    for mark in ",().:;/":
        lowered = lowered.replace(mark, " ")
    return not _GATE_WORDS.isdisjoint(lowered.split())


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
        words_of = line_words(doc)
        for pos, info in enumerate(lay.lines):
            if not 4 <= info.words <= opts.max_words or info.text.startswith(("“", '"')):
                continue
            if not _may_be_caption(info.text, words_of[pos]):
                continue
            possible_cues = _cue_may_match(info.text, words_of[pos])
            for (label, cue), possible in zip(_CUE_RES, possible_cues, strict=True):
                if not possible or cue.search(info.text) is None:
                    continue
                message = (
                    f"line reads like a photo caption ({label}; {info.words} words, at most "
                    f"{opts.max_words}) {where(lay, pos)}"
                )
                yield line_diagnostic(self, doc, lay, pos, message, "caption")
                break
