"""SEN002 truncated-sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from scrapelint.diagnostics import Category, Diagnostic, Severity
from scrapelint.document import Document, Paragraph
from scrapelint.lexicon import STOPWORDS
from scrapelint.rule import Rule
from scrapelint_rules.sentences._shared import is_english, load_word_list

DANGLING_WORDS = load_word_list("dangling_words")

_TERMINAL = ".!?:;"
_CLOSERS = "\"'”’)]»"
_ELLIPSES = ("...", "…")
# The end of the last complete sentence inside a paragraph.
_BOUNDARY = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_LIST_MARK = re.compile(r"\s*(?:[-•*▪►–—]|\d{1,2}[.)]|[a-z][.)])\s")
_NOT_PROSE = re.compile(r"[|{}<>=@#]|\s[-–•]\s|https?:|www\.")
_OPENS_QUOTE = re.compile(r"\s*[\"“‘'«]")
_WORD = re.compile(r"[A-Za-z][\w'’\-]*|\d[\w.,]*")


@dataclass(frozen=True)
class TruncatedSentenceOptions:
    #: A paragraph shorter than this many words is a heading, caption or list item.
    min_words: int = 8
    #: Words the cut-off fragment needs before an unpunctuated content word counts as a cut.
    min_fragment_words: int = 8


class TruncatedSentence(Rule):
    """Flags a paragraph that stops in the middle of a sentence.

    ## What it does
    Looks at how each paragraph ends. Headings, captions, datelines and list
    items legitimately lack a full stop, so a missing stop alone is not
    enough; the rule reports a paragraph of at least `min_words` words whose
    last sentence
    - ends on a word that cannot end a sentence ("the", "of", "and", "would")
      or on a comma or dash;
    - ends with an ellipsis glued to a word ("...will begin on the…"), the
      mark of a teaser or paywall cut, after complete sentences; or
    - ends on a plain lower-case word with no punctuation, when the paragraph
      is prose (complete sentences before, a fragment of at least
      `min_fragment_words` words, no list marks, tables or code).
    Only English documents are checked.

    ## Why is this bad
    A cut-off sentence is a trace of truncation by the scraper, a paywall or a
    teaser block; the text no longer says what the article said.

    ## Example
    ```text
    The bridge reopened on Monday. Repairs to the northern approach will begin on
    ```
    The second sentence is flagged: it ends on "on" with no full stop.

    ## Options
    - `min_words` (int, default 8): shorter paragraphs are not checked.
    - `min_fragment_words` (int, default 8): length of an unpunctuated last
      sentence ending on a content word before it counts as cut.

    ## Fix
    None: the missing words cannot be recovered.
    """

    code = "SEN002"
    name = "truncated-sentence"
    category = Category.BROKEN_SENTENCE
    severity = Severity.WARNING
    fixable = "never"
    Options = TruncatedSentenceOptions

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if not is_english(doc):
            return
        paragraphs = doc.paragraphs
        for index, paragraph in enumerate(paragraphs):
            diagnostic = self._judge(paragraph)
            if diagnostic is None:
                continue
            following = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
            if paragraph.text.rstrip().endswith(_ELLIPSES) and _OPENS_QUOTE.match(following):
                continue  # "Here is what he had to say…" leads into a quotation
            yield diagnostic

    def _judge(self, paragraph: Paragraph) -> Diagnostic | None:
        opts: TruncatedSentenceOptions = self.options
        text = paragraph.text.rstrip()
        if not text or (text[-1] in _TERMINAL and not text.endswith(_ELLIPSES)):
            return None
        if text[-1] in _CLOSERS:
            return None  # quotations and brackets close on their own terms
        if len(text.split(None, opts.min_words)) < opts.min_words:
            return None  # (at most min_words splits: enough to tell, without splitting it all)
        fragment_start = _last_sentence_start(text)
        fragment = text[fragment_start:]
        fragment_words = _WORD.findall(fragment)
        if len(fragment_words) < 4:
            return None
        reason = _cut_reason(text, fragment, fragment_words, fragment_start > 0, opts)
        if reason is None:
            return None
        start = paragraph.start + fragment_start
        return self.diagnostic(
            start,
            paragraph.start + len(text),
            f"paragraph ends mid-sentence: {reason}",
            confidence=0.7,
        )


def _last_sentence_start(text: str) -> int:
    last = 0
    for match in _BOUNDARY.finditer(text):
        last = match.end()
    return last


def _cut_reason(
    text: str,
    fragment: str,
    fragment_words: list[str],
    has_complete_sentence: bool,
    opts: TruncatedSentenceOptions,
) -> str | None:
    """Why the paragraph reads as cut off, or None when it may end this way."""
    if text.endswith(_ELLIPSES):
        bare = text.rstrip(".…")
        if not bare or not (bare[-1].isalnum() or bare[-1] == ","):
            return None  # "and …": a stylistic trailing ellipsis
        if not has_complete_sentence:
            return None  # a teaser line or a rhetorical "But first…" standing alone
        return "it breaks off with an ellipsis after a word"
    last_char = text[-1]
    if last_char in ",-–—":
        return f"it ends on {last_char!r}"
    last_word = fragment_words[-1]
    if not text[-1].isalpha() or not last_word.isalpha() or not last_word.islower():
        return None  # numbers, names, acronyms: a caption, credit or table cell
    if last_word in DANGLING_WORDS:
        return f"it ends on the function word {last_word!r}"
    if not has_complete_sentence or len(fragment_words) < opts.min_fragment_words:
        return None
    if _LIST_MARK.match(text) or _NOT_PROSE.search(fragment) or ":" in fragment:
        return None  # lists, tables, code and label-value lines end without stops
    capitalised = sum(1 for word in fragment_words[1:] if word[0].isupper())
    function_words = sum(1 for word in fragment_words if word.lower() in STOPWORDS)
    if capitalised * 4 > len(fragment_words) or function_words < 2:
        return None  # a list of names or a title, not a sentence
    return f"its last sentence ({len(fragment_words)} words) has no closing punctuation"
