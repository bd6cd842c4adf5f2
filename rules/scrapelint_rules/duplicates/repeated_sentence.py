"""DUP004 repeated-sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from scrapelint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from scrapelint.document import Document, Paragraph, Sentence
from scrapelint.edits import remove_lines
from scrapelint.rule import Rule
from scrapelint.sentences import split_sentences
from scrapelint_rules.duplicates.line_index import (
    FOLDED_KEY,
    KeyedSentence,
    fold_text,
    headline_key,
    letter_run,
    line_index,
    sentence_keys,
    span_key,
)
from scrapelint_rules.duplicates.refrains import is_lead_in

_QUOTE_OPENERS = "\"'“‘«„"


@dataclass(frozen=True)
class RepeatedSentenceOptions:
    #: Sentences with fewer words are never reported.
    min_words: int = 8
    #: A sentence seen 3+ times whose copies are on average further apart than this many
    #: sentences recurs on purpose (a slogan, a refrain).
    refrain_gap: float = 8.0
    #: Also report copies in another paragraph (real articles often restate a sentence in a
    #: summary or recap, so this is off by default).
    across_paragraphs: bool = False


class RepeatedSentence(Rule):
    """Flags a sentence repeated within a paragraph or across paragraphs.

    ## What it does
    Groups sentences of at least `min_words` words by their normalised form
    and flags every later copy in the same paragraph as the previous one (with
    `across_paragraphs`, in any paragraph) that sits in a line which is not
    itself a copy of an earlier line (DUP002 reports those) or of the headline
    (DUP001).

    Questions and lead-ins, quotations (a sentence opening with a quote mark
    is often quoted again on purpose), sentences recurring three times or
    more spread through the text (a slogan, a refrain) and, within
    paragraphs, a sentence doubled in several paragraphs (a template such as
    the days of a training plan) are left alone.

    ## Why is this bad
    A sentence stuttered by the scraper (a teaser fused with the first
    paragraph, a paragraph that ends with the start of the next one) reads
    as an error and doubles that sentence's weight in any analysis.

    ## Example
    ```text
    The council approved the budget on Tuesday. The council approved the budget on Tuesday.
    ```
    The second sentence repeats the first and is flagged.

    ## Options
    - `min_words` (int, default 8): shorter sentences are never reported.
    - `refrain_gap` (float, default 8): a sentence seen three times or more whose copies are
      on average further apart than this many sentences is a refrain, not a copy.
    - `across_paragraphs` (bool, default false): also report a copy in another paragraph.
      Articles restate sentences in recaps and summaries, so this is opt-in.

    ## Fix
    Safe when the copy directly follows the first occurrence (a stutter), and when the copy
    fills its whole line; unsafe otherwise. The copy is removed with the space before it.
    """

    code = "DUP004"
    name = "repeated-sentence"
    category = Category.DUPLICATE
    severity = Severity.WARNING
    fixable = "always"
    Options = RepeatedSentenceOptions

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        opts: RepeatedSentenceOptions = self.options
        if not opts.across_paragraphs:
            suspects = suspect_paragraphs(doc, opts.min_words - 2)
            if suspects is not None:
                # Sentences of the other paragraphs cannot repeat within their paragraph. They
                # can only spoil a group (a copy in another paragraph), never make one: no
                # finding among the suspects means no finding at all.
                if not suspects:
                    return
                partial = self._candidates_among(doc, _sentences_of(doc, suspects))
                if not any(True for _ in self._findings(doc, partial)):
                    return
        yield from self._findings(doc, self._candidates(doc))

    def _findings(self, doc: Document, candidates: Iterable[KeyedSentence]) -> Iterator[Diagnostic]:
        opts: RepeatedSentenceOptions = self.options
        groups: dict[str, list[KeyedSentence]] = {}
        for keyed in candidates:
            if keyed.words >= opts.min_words:
                groups.setdefault(keyed.key, []).append(keyed)
        index = line_index(doc)
        headline = headline_key(doc)
        for key, copies in groups.items():
            if len(copies) < 2 or key == headline or _deliberate(copies, opts.refrain_gap):
                continue
            if not opts.across_paragraphs and _in_several_paragraphs(copies):
                # The same sentence doubled in several paragraphs is the paragraphs' template
                # (each day of a training plan repeats its warm-up), not a stutter.
                continue
            first = copies[0].sentence
            for previous, keyed in pairwise(copies):
                sentence = keyed.sentence
                if not opts.across_paragraphs and sentence.paragraph != previous.sentence.paragraph:
                    continue
                line_no = doc.line_index_at(sentence.start)
                line_key = index.line_keys[line_no]
                if index.count(line_key) > 1:
                    continue
                yield self._report(doc, first, previous.sentence, sentence, line_key == key)

    def _candidates(self, doc: Document) -> Iterable[KeyedSentence]:
        """Keyed sentences that could repeat: all of them, or those sharing a paragraph."""
        if self.options.across_paragraphs:
            return sentence_keys(doc)
        return self._candidates_among(doc, doc.sentences)

    def _candidates_among(
        self, doc: Document, sentences: Iterable[Sentence]
    ) -> list[KeyedSentence]:
        """Keyed sentences whose letters and digits occur twice in the same paragraph.

        Equal keys imply equal letter runs, so only the sentences that collide are keyed.
        """
        min_tokens = self.options.min_words // 2
        by_paragraph: dict[int, dict[str, list[Sentence]]] = {}
        for sentence in sentences:
            if sentence.text.count(" ") + 1 >= min_tokens:
                groups = by_paragraph.setdefault(sentence.paragraph, {})
                groups.setdefault(letter_run(doc, sentence.start, sentence.end), []).append(
                    sentence
                )
        out: list[KeyedSentence] = []
        for groups in by_paragraph.values():
            for sentences in groups.values():
                if len(sentences) < 2:
                    continue
                for sentence in sentences:
                    key = span_key(doc, sentence.start, sentence.end)
                    out.append(KeyedSentence(sentence, key, key.count(" ") + 1))
        out.sort(key=lambda keyed: keyed.sentence.index)
        return out

    def _report(
        self,
        doc: Document,
        first: Sentence,
        previous: Sentence,
        copy: Sentence,
        whole_line: bool,
    ) -> Diagnostic:
        line, _ = doc.position(first.start)
        stutter = previous.index + 1 == copy.index
        where = "the sentence before" if stutter else f"a sentence of line {line}"
        if whole_line:
            copy_line = doc.line_index_at(copy.start)
            edit = remove_lines(doc, copy_line, copy_line)
        else:
            start = copy.start
            while start > 0 and doc.text[start - 1] in " \t":
                start -= 1
            edit = Edit(start, copy.end, "")
        make_fix = Fix.safe if stutter or whole_line else Fix.unsafe
        fix = make_fix("Remove the repeated sentence", edit)
        return self.diagnostic(
            copy.start,
            copy.end,
            f"sentence repeats {where} ({len(copy.text.split())} words, identical after "
            "normalisation)",
            fix=fix,
        )


def suspect_paragraphs(doc: Document, run: int) -> list[Paragraph] | None:
    """Paragraphs that may hold two equal sentences of ``run + 2`` words or more; None when
    unknown.

    Every other paragraph is skipped, which spares splitting it into sentences. The test is
    a necessary condition, cheap because it looks only where a sentence can open:

    - Words are runs of letters and digits (``[^\\W_]+``). A sentence opens at the start of
      a line or after a candidate boundary of ``scrapelint.sentences`` (a stop ``.!?…``,
      then closing quotes, space, an opening quote and space: nothing but non-words), so
      its first word follows a stop or a line break with no word in between: an *opening*.
      Lines are boundaries too, so a copy that fills its line opens one as well.
    - The normalised key (``span_key``) of a sentence is its words, case-folded: a sentence
      begins and ends at white space, so it holds whole words. In a line folded in place,
      a character is a letter or digit exactly when its case folding is one, except U+0345
      (the test file checks this over all of Unicode), and folds to that case folding. So
      the words of the key are the case-folded words of the original text.
    - Two equal sentences of ``run + 2`` words are therefore two openings followed by the
      same ``run + 2`` case-folded words. Few paragraphs repeat even their first opening
      word (about one in ten); only those are read further, three words, then all.

    A paragraph with a line that cannot be folded in place (see ``span_key``), or with
    U+0345, is always a suspect.
    """
    if run < 1:
        return None
    words = run + 2
    shortest = 4 * words - 1  # two sentences of ``words`` words: a word and a separator each
    folded = doc.view(FOLDED_KEY, fold_text)
    stopped = doc.view(_STOPPED_KEY, _stopped_text)
    odd = bool(folded.dirty_starts) or _ODD_FOLD in doc.text
    suspects: list[Paragraph] = []
    for paragraph in doc.paragraphs:
        unknown = odd and (
            not folded.covers(paragraph.start, paragraph.end) or _ODD_FOLD in paragraph.text
        )
        if unknown or (
            paragraph.end - paragraph.start >= shortest
            and (
                _repeats_an_opening(paragraph.text, words)
                if stopped is None
                else _opening_repeats_in(stopped, paragraph, words)
            )
        ):
            suspects.append(paragraph)
    return suspects


# The one character whose case folding is a letter although it is none (or the reverse).
_ODD_FOLD = "\u0345"
_STOPS = ("!", "?", "…", "\r", "\n")

_STOPPED_KEY = "dup.stopped"
# ASCII letters to lower case, digits kept, stops and line breaks to ".", every other byte
# to a space: in ASCII text, the openings regex then needs no Unicode classes.
_ASCII_STOPPED = bytes(
    (b + 32 if 65 <= b <= 90 else b) if chr(b).isalnum() else 46 if chr(b) in ".!?\r\n" else 32
    for b in range(256)
)


def _stopped_text(doc: Document) -> str | None:
    """ "." and the text case-folded, every stop and line break a full stop; None when case
    folding moves offsets.

    The text of paragraph ``p`` is at ``[p.start + 1, p.end + 1)``, after a full stop (the
    line break before it, or the first character). Built from the text the fold blanked, in
    which "…" is a full stop already and other symbols are spaces (no word in either case).
    """
    blanked = doc.view(FOLDED_KEY, fold_text).blanked
    if blanked.isascii():
        return "." + blanked.encode("ascii").translate(_ASCII_STOPPED).decode("ascii")
    stopped = blanked.casefold()
    if len(stopped) != len(blanked):
        return None
    for stop in _STOPS:
        stopped = stopped.replace(stop, ".")
    return "." + stopped


@lru_cache(maxsize=8)
def _openings(words: int) -> re.Pattern[str]:
    """The first ``words`` words after each full stop, one group per word.

    A lookahead, so that a stop among those words still opens a match of its own; the
    pattern starts with a literal, which the regex engine scans for quickly.
    """
    word = r"([^\W_]+)"
    return re.compile(r"\.[\W_]*(?=" + r"[\W_]+".join([word] * words) + ")")


@lru_cache(maxsize=8)
def _ascii_openings(words: int) -> re.Pattern[str]:
    """:func:`_openings` for the ASCII stopped text (``[a-z0-9]`` letters, " " and ".")."""
    word = "([a-z0-9]+)"
    return re.compile(r"\.[ .]*(?=" + "[ .]+".join([word] * words) + ")")


def _opening_repeats_in(stopped: str, paragraph: Paragraph, words: int) -> bool:
    """:func:`_repeats_an_opening` of a paragraph, read from the stopped text.

    The stopped text is case-folded already (equal words are equal strings); a paragraph
    with U+0345 never comes here.
    """
    start, end = paragraph.start, paragraph.end + 1
    openings = _ascii_openings if stopped.isascii() else _openings
    for size in (1, 3, words) if words > 3 else (1, words):
        keys = openings(size).findall(stopped, start, end)
        if len(set(keys)) == len(keys):
            return False
    return True


def _repeats_an_opening(text: str, words: int) -> bool:
    """Whether two openings of ``text`` (see above) start with the same ``words`` words.

    Every stop and line break becomes a full stop, so one literal finds them all. Each
    stage looks at more words than the one before; ASCII text is lower-cased once (case
    folding is lower-casing there), other text folds the words found.
    """
    for stop in _STOPS:
        text = text.replace(stop, ".")
    text = "." + text  # the paragraph's first word opens a sentence too
    first = _openings(1).findall(text)
    if len(set(map(str.casefold, first))) == len(first):
        return False
    lowered = text.lower() if text.isascii() else None
    for size in (3, words) if words > 3 else (words,):
        if lowered is not None:
            keys = _openings(size).findall(lowered)
        else:
            keys = [tuple(map(str.casefold, key)) for key in _openings(size).findall(text)]
        if len(set(keys)) == len(keys):
            return False
    return True


def _sentences_of(doc: Document, paragraphs: list[Paragraph]) -> list[Sentence]:
    """The sentences of some paragraphs, as ``doc.sentences`` splits them.

    Indices count within these paragraphs only: differences inside a paragraph, all the
    check uses, are those of ``doc.sentences``.
    """
    out: list[Sentence] = []
    text = doc.text
    lines = doc.lines
    for para in paragraphs:
        for line in lines[para.first_line : para.last_line + 1]:
            for start, end in split_sentences(line.text):
                s, e = line.start + start, line.start + end
                out.append(Sentence(len(out), s, e, para.index, text[s:e]))
    return out


def _in_several_paragraphs(copies: list[KeyedSentence]) -> bool:
    first = copies[0].sentence.paragraph
    return any(keyed.sentence.paragraph != first for keyed in copies)


def _deliberate(copies: list[KeyedSentence], refrain_gap: float) -> bool:
    """Questions, quotations and spread-out refrains are repeated on purpose."""
    text = copies[0].sentence.text.strip()
    if is_lead_in(text) or text[:1] in _QUOTE_OPENERS:
        return True
    if len(copies) >= 3:
        span = copies[-1].sentence.index - copies[0].sentence.index
        return span / (len(copies) - 1) > refrain_gap
    return False
