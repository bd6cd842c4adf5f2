"""SEN008 article-sound-mismatch."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrapelint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from scrapelint.document import Document
from scrapelint.lexicon import STOPWORDS
from scrapelint.rule import Rule
from scrapelint_rules.sentences._shared import is_english, load_word_list

BRITISH_H_WORDS = load_word_list("british_h_words")

# Lower-case articles anywhere; capitalised ones only count where a sentence starts, since
# "Type A blood" or "Plan A" use the letter. All patterns are led by a literal (fast scan).
_ARTICLE_AND_WORD = (
    r"(?P<article>{}) {}(?P<quote>[\"'“‘(]?)(?P<word>[A-Za-z0-9][\w'’]*)(?P<after>.?)"
)
# "a" is only checked before what may sound like a vowel, "an" before what may sound like a
# consonant: the lookaheads drop the common, correct cases before any Python code runs.
_A_SUSPECT = r"(?=[\"'“‘(]?(?:[aeiouAEIOUhH8]|1[18]))"
_AN_SUSPECT = r"(?=[\"'“‘(]?[^aeiouAEIOU\W])"
_SPACE_A = re.compile(" " + _ARTICLE_AND_WORD.format("a", _A_SUSPECT))
_SPACE_AN = re.compile(" " + _ARTICLE_AND_WORD.format("an", _AN_SUSPECT))
_SPACE_CAPITAL_A = re.compile(" " + _ARTICLE_AND_WORD.format("An?", ""))
_LINE_START_A = re.compile("\n" + _ARTICLE_AND_WORD.format("An?", ""))
# Where the three space-led patterns match, found from the article's first letter: a scan
# led by "a" or "A" checks far fewer places than one led by a space. Each finder matches at
# the article exactly where its pattern matches at the space before it, and only consumes
# the article's letters, so no candidate is skipped; _space_led_matches turns the
# candidates back into what ``finditer`` of each pattern yields.
_WORD_AHEAD = r"(?=[\"'“‘(]?[A-Za-z0-9])"
_A_OR_AN_FINDER = re.compile(
    "a(?: (?<= a )" + _A_SUSPECT + _WORD_AHEAD + "|n (?<= an )" + _AN_SUSPECT + _WORD_AHEAD + ")"
)
_CAPITAL_A_FINDER = re.compile("A(?<= A)(?=n? " + _WORD_AHEAD[3:])
_AT_START = re.compile(_ARTICLE_AND_WORD.format("An?", ""))
_ELEVEN_EIGHTEEN = re.compile(r"1[18](?:\d\d)?(?!\d)")
_SENTENCE_OPENERS = ".!?:\"“”'‘’(\n"

# Spellings that sound like a consonant although they start with a vowel letter
# (one, once, uni-, use, eu-, ...), and silent-h words that sound like a vowel.
_CONSONANT_SOUND_VOWELS = re.compile(
    r"(?:one(?![a-z]*r)|once|uni(?![nmd])|us[aeu]|ut[eio]|ur[aeiou]|uku|ubiq|ukr|uga|eu|ew|oui)"
)
_VOWEL_SOUND_H = re.compile(r"(?:hour|honest|honor|honour|heir)")
_AMBIGUOUS_H = re.compile(r"(?:herb)")
#: Letters whose spoken name starts with a vowel sound: "an F", "an MBA", "an X-ray".
_VOWEL_LETTER_NAMES = frozenset("AEFHILMNORSX")
#: Capital letters that can start an acronym read as a word ("a NASA", "a UNESCO").
_AMBIGUOUS_ACRONYM_START = frozenset("FHLMNRSXU")


def expects_an(word: str, after: str) -> bool | None:
    """Whether ``word`` takes "an" (True) or "a" (False); None when it cannot be told."""
    first = word[0]
    if first.isdigit():
        # eight..., eleven, eighteen, "an 1828 edition"
        return first == "8" or _ELEVEN_EIGHTEEN.match(word) is not None
    if len(word) == 1:
        if first.isupper() and after in "-.'’":
            return first in _VOWEL_LETTER_NAMES  # a letter read by its name: "an X-ray"
        return None
    if word.isupper() or word[:2].isupper():
        if first in _AMBIGUOUS_ACRONYM_START:
            return None  # read as letters ("an NHS") or as a word ("a NASA")
        return first in "AEIO"
    lower = word.lower()
    if lower[0] == "x" or (first == "U" and len(word) > 1):
        return None  # "an Xbox", "an Uber" / "a Udemy": names starting with these vary
    if lower[0] in "aeiou":
        return _CONSONANT_SOUND_VOWELS.match(lower) is None
    if lower[0] == "h":
        if _VOWEL_SOUND_H.match(lower):
            return True
        if _AMBIGUOUS_H.match(lower):
            return None
    return False


class ArticleSoundMismatch(Rule):
    """Flags "a" before a vowel sound and "an" before a consonant sound ("an global").

    ## What it does
    Checks each indefinite article against the sound, not the letter, of the
    next word: "an hour", "an FBI agent", "an MBA", "an 8-year-old" and "a
    university", "a one-time", "a UN report", "a European" are all correct.
    Acronyms that may be read as words ("a NASA", "an NHS"), "herb", and the
    British "an hotel" / "an historic" are accepted either way. A capital
    "A" counts only at a sentence start, so "Type A blood" is left alone.
    Only English documents are checked.

    ## Why is this bad
    A wrong article is a typical trace of automatic rewriting (a word swapped
    for a synonym without fixing the article) and reads as an error.

    ## Example
    ```text
    Shi, an global relations professor, said the trip mattered.
    ```
    "an global" is flagged; "a global" is expected.

    ## Options
    None.

    ## Fix
    Unsafe: the article is replaced ("an" -> "a", "a" -> "an"); the sound of
    names and acronyms can still fool the rule.
    """

    code = "SEN008"
    name = "article-sound-mismatch"
    category = Category.BROKEN_SENTENCE
    severity = Severity.WARNING
    fixable = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if not is_english(doc):
            return
        a_matches: list[re.Match[str]] = []
        an_matches: list[re.Match[str]] = []
        for hit in _A_OR_AN_FINDER.finditer(text):
            if text[hit.start() + 1] == "n":
                _add_unless_overlapping(an_matches, _SPACE_AN, text, hit.start() - 1)
            else:
                _add_unless_overlapping(a_matches, _SPACE_A, text, hit.start() - 1)
        capital_matches: list[re.Match[str]] = []
        for hit in _CAPITAL_A_FINDER.finditer(text):
            _add_unless_overlapping(capital_matches, _SPACE_CAPITAL_A, text, hit.start() - 1)
        matches = [*a_matches, *an_matches, *capital_matches, *_LINE_START_A.finditer(text)]
        head = _AT_START.match(text)
        if head is not None:
            matches.append(head)
        for match in sorted(matches, key=lambda m: m.start("article")):
            diagnostic = self._judge(text, match)
            if diagnostic is not None:
                yield diagnostic

    def _judge(self, text: str, match: re.Match[str]) -> Diagnostic | None:
        article, word = match.group("article"), match.group("word")
        start = match.start("article")
        if article[0] == "A" and start > 0 and not _starts_sentence(text, start):
            return None  # "Type A personality", "Plan A"
        want_an = expects_an(word.split("'")[0].split("’")[0], match.group("after"))
        has_an = article.lower() == "an"
        if want_an is None or want_an == has_an:
            return None
        if not has_an and word.lower() in STOPWORDS:
            return None  # "the a and o": the letter a, not the article
        if has_an and word.lower() in BRITISH_H_WORDS:
            return None  # British "an hotel"
        wanted = ("an" if want_an else "a") if article[0] == "a" else ("An" if want_an else "A")
        sound = "a vowel" if want_an else "a consonant"
        return self.diagnostic(
            start,
            match.end("word"),
            f"{article!r} before {word!r}, which starts with {sound} sound; expected {wanted!r}",
            fix=Fix.unsafe(
                f"Replace {article!r} with {wanted!r}", Edit(start, match.end("article"), wanted)
            ),
            confidence=0.8,
        )


def _add_unless_overlapping(
    found: list[re.Match[str]], pattern: re.Pattern[str], text: str, start: int
) -> None:
    """Add ``pattern``'s match at ``start`` unless it overlaps the last one in ``found``.

    Called with the pattern's match places in order, this rebuilds ``pattern.finditer``:
    a match that begins inside the previous one is not reported.
    """
    if found and start < found[-1].end():
        return
    match = pattern.match(text, start)
    if match is not None:
        found.append(match)


def _starts_sentence(text: str, start: int) -> bool:
    """True when only white space separates ``start`` from sentence punctuation or a line start."""
    index = start - 1
    while index >= 0 and text[index] in " \t\u00a0":
        index -= 1
    return index < 0 or text[index] in _SENTENCE_OPENERS
