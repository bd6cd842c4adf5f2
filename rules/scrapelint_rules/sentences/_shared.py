"""Document views shared by the SEN rules, built once per document via ``doc.view``.

Every SEN rule is English-specific, so they share one cheap language check; several
rules also ask whether a word occurs elsewhere in the article, so word counts are
shared too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import islice
from pathlib import Path

import yaml

from scrapelint.document import Document
from scrapelint.lexicon import STOPWORDS

_DATA_DIR = Path(__file__).resolve().parent

#: English prose has 25-55% stopwords from our list; other languages stay far below.
_MIN_STOPWORD_SHARE = 0.14
_MIN_WORDS_FOR_VERDICT = 12
#: Characters sampled for the language check; enough to be stable, cheap on long texts.
_LANGUAGE_SAMPLE_CHARS = 10_000


def load_word_list(name: str) -> frozenset[str]:
    """Read a word list shipped beside the rules (``name`` without extension).

    The file is YAML with one key, ``words``: a string of white-space separated
    words (a string, because YAML reads bare words such as no/on as booleans).
    """
    with open(_DATA_DIR / f"{name}.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return frozenset(str(data["words"]).split())


#: Frequent function words of other European languages that are not English words.
_FOREIGN_STOPWORDS = load_word_list("foreign_stopwords")


def _variants(words: frozenset[str]) -> frozenset[str]:
    return frozenset(form for word in words for form in (word, word.capitalize(), word.upper()))


_STOPWORD_FORMS = _variants(STOPWORDS)
_FOREIGN_STOPWORD_FORMS = _variants(_FOREIGN_STOPWORDS)
#: What a token adds to the counts: 1 for an English stopword, ``_FOREIGN_UNIT`` for a
#: foreign one (one integer sum counts both kinds in one pass, and ``sum`` adds plain
#: integers in C; a few words are both). A sample has far fewer tokens than the unit.
_FOREIGN_UNIT = 1 << 16
_STOPWORD_WEIGHTS: dict[str, int] = {
    form: (form in _STOPWORD_FORMS) + _FOREIGN_UNIT * (form in _FOREIGN_STOPWORD_FORMS)
    for form in _STOPWORD_FORMS | _FOREIGN_STOPWORD_FORMS
}
#: Where the verdict is first checked, in 64ths of the tokens: English prose is certain
#: after about 72% of them (its stopwords outnumber any foreign words the rest could hold).
_CHECKPOINTS = (46, 50, 64)


def _english_verdict(doc: Document) -> bool:
    # A bounded sample, white-space tokens and one dict look-up per token through ``map``
    # keep this in C. Counting stops once the rest of the tokens cannot change the verdict.
    tokens = doc.text[:_LANGUAGE_SAMPLE_CHARS].split()
    total = len(tokens)
    if total < _MIN_WORDS_FOR_VERDICT:
        return True  # too little text to judge; short English snippets are the norm
    weight = _STOPWORD_WEIGHTS.get
    counts = done = 0
    for checkpoint in _CHECKPOINTS:
        end = total * checkpoint // 64
        counts += sum(filter(None, map(weight, islice(tokens, done, end))))
        done = end
        stop, foreign = counts % _FOREIGN_UNIT, counts // _FOREIGN_UNIT
        rest = total - done  # each could be an English or a foreign stopword
        if stop / total >= _MIN_STOPWORD_SHARE and stop > foreign + rest:
            return True
        if (stop + rest) / total < _MIN_STOPWORD_SHARE or foreign >= stop + rest:
            return False
    raise AssertionError("unreachable: with no tokens left, one of the tests holds")


def _token_counts(doc: Document) -> Counter[str]:
    return Counter(doc.text.split())


#: Above this many characters, word questions are answered from token counts, not scans.
_SCAN_LIMIT = 100_000
# Punctuation a word token may carry in running text.
_OPENERS = ("", '"', "(", "“")
_CLOSERS = ("", ",", ".", ":", ";", "?", ")", '"', "”", "’s")


def occurs(doc: Document, word: str, at_least: int = 1) -> bool:
    """True when ``word`` occurs at least ``at_least`` times as a word of its own.

    An article is scanned with ``str.find`` (fast, stops early); a huge document is
    answered from its white-space token counts (built once and shared), so rules that
    ask about many words never become quadratic.
    """
    text = doc.text
    if len(text) > _SCAN_LIMIT:
        counts = doc.view("sen.token-counts", _token_counts)
        found = sum(
            counts.get(f"{before}{word}{after}", 0) for before in _OPENERS for after in _CLOSERS
        )
        return found >= at_least
    size = len(word)
    found = 0
    index = text.find(word)
    while index >= 0:
        before = text[index - 1] if index > 0 else " "
        after = text[index + size] if index + size < len(text) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            found += 1
            if found >= at_least:
                return True
        index = text.find(word, index + size)
    return False


def _class_table() -> bytes:
    table = bytearray(b" " * 256)
    for code in range(ord("a"), ord("z") + 1):
        table[code] = ord("a")
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = ord("A")
    return bytes(table)


_CLASS_TABLE = _class_table()


def _letter_classes(doc: Document) -> bytes:
    # "replace" turns each non-ASCII character into one "?", so offsets stay the same.
    return doc.text.encode("ascii", "replace").translate(_CLASS_TABLE)


def letter_classes(doc: Document) -> bytes:
    """The text as one byte per character: b"a" lower-case, b"A" capital ASCII letter, b" " else.

    Searching this with ``bytes.find`` or a literal-led pattern is far faster than a
    character-class regex over the text; SEN004 and SEN005 find their candidates in it.
    """
    return doc.view("sen.letter-classes", _letter_classes)


def is_english(doc: Document) -> bool:
    """True when the document reads as English (stopword share of its words)."""
    return doc.view("sen.is-english", _english_verdict)


#: A semicolon that ends a line or closes a block: code, not a prose semicolon.
CODE_SEMICOLON = re.compile(r";\s*(?:$|\n|})")


def _line_verdicts(doc: Document) -> dict[tuple[Callable[[str], bool], int, int], bool]:
    return {}


def line_verdict(doc: Document, start: int, end: int, judge: Callable[[str], bool]) -> bool:
    """``judge`` applied to the text from the line start before ``start`` to the line end after
    ``end``, remembered per document (by the judge itself and the span).

    Rules judge each candidate's line (does it look like code?); a document that is one
    long line would otherwise be scanned once per candidate.
    """
    text = doc.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    verdicts = doc.view("sen.line-verdicts", _line_verdicts)
    key = (judge, line_start, line_end)
    verdict = verdicts.get(key)
    if verdict is None:
        verdict = verdicts[key] = judge(text[line_start:line_end])
    return verdict
