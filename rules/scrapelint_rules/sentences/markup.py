"""SEN009 markup-leftover and SEN010 encoding-damage."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.entities import html5

from scrapelint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from scrapelint.document import Document
from scrapelint.rule import Rule
from scrapelint_rules.sentences._shared import is_english, load_word_list

HTML_TAGS = load_word_list("html_tags")

# "&amp;", "&#39;", "&#x2019;": the closing ";" is required, so AT&T and Q&A never match.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]{0,9})(?:\s[^<>]{0,300}?)?\s*/?>")
_ATTRIBUTE = re.compile(r"\s(?:href|src|class|style|id|alt|title|width|height|target|rel)\s*=")
#: Words around a tag that show the text is about HTML rather than damaged by it.
_TALKS_ABOUT_HTML = re.compile(r"`|\b(?:tag|tags|element|elements|HTML|markup|attribute)\b")
_INLINE_TAGS = frozenset({"b", "i", "em", "strong", "span", "a", "u", "sup", "sub"})
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"})

# A byte-level mojibake lead (UTF-8 read as Latin-1 or Windows-1252) followed by the
# characters continuation bytes turn into: "â€™", "Ã©", "Â£", "Ã¢â‚¬â„¢".
_MOJIBAKE = re.compile(
    "(?:[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac"
    "\u2122]+)+"
)
#: Cheap gate before the pattern runs: these pairs or letters almost never occur in English
#: text except as mojibake (accented capitals such as Ä, Ñ or Ø alone do not open a scan).
_MOJIBAKE_LEADS = ("Ã", "Â", "â€", "Å", "Ð")
#: Their first characters: a one-character ``in`` test is a fast scan, a two-character one
#: is several times slower, so "â€" is only looked for where an "â" occurs.
_MOJIBAKE_LEAD_CHARS = tuple(dict.fromkeys(lead[0] for lead in _MOJIBAKE_LEADS))
_REPLACEMENT = re.compile("\ufffd+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]+")
_WORD_CHAR = re.compile(r"\w")


class MarkupLeftover(Rule):
    """Flags HTML entities and tags left in the text ("&amp;", "&#39;", "<br>").

    ## What it does
    Finds character references that were never decoded (`&amp;`, `&nbsp;`,
    `&#8217;`; the closing `;` is required, so AT&T and Q&A pass) and tags of
    known HTML elements. A tag counts when it carries attributes (`<a
    href=...>`) or is a common text-level tag (`<br>`, `</p>`, `<strong>`),
    and its paragraph does not discuss HTML (mentions of "tag", "element",
    code in backticks). Only English documents are checked.

    ## Why is this bad
    Leftover markup shows the text was taken from HTML without being decoded
    or stripped; readers see noise and downstream tools count it as words.

    ## Example
    ```text
    Smith &amp; Sons opened their doors<br>on Monday.
    ```
    `&amp;` and `<br>` are flagged.

    ## Options
    None.

    ## Fix
    Safe: an entity is replaced by the character it stands for; a tag is
    removed (replaced by a space where removing it would join two words).
    """

    code = "SEN009"
    name = "markup-leftover"
    category = Category.BROKEN_SENTENCE
    severity = Severity.WARNING
    fixable = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if ("&" not in text and "<" not in text) or not is_english(doc):
            return
        found: list[Diagnostic] = []
        for match in _ENTITY.finditer(text):
            entity = match.group()
            decoded = html.unescape(entity)
            if decoded == entity or (not entity.startswith("&#") and entity[1:] not in html5):
                continue
            found.append(
                self.diagnostic(
                    match.start(),
                    match.end(),
                    f"HTML entity {entity} was never decoded (it stands for {decoded!r})",
                    fix=Fix.safe(f"Decode {entity}", Edit(match.start(), match.end(), decoded)),
                    confidence=0.95,
                )
            )
        for match in _TAG.finditer(text):
            diagnostic = self._judge_tag(doc, match)
            if diagnostic is not None:
                found.append(diagnostic)
        yield from sorted(found, key=lambda d: d.start)

    def _judge_tag(self, doc: Document, match: re.Match[str]) -> Diagnostic | None:
        name = match.group(1).lower()
        if name not in HTML_TAGS:
            return None
        tag = match.group()
        plain_text_tag = name in _BLOCK_TAGS or name in _INLINE_TAGS or tag.startswith("</")
        if not (plain_text_tag or _ATTRIBUTE.search(tag)):
            return None
        text = doc.text
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if _TALKS_ABOUT_HTML.search(line):
            return None  # an article about HTML quotes its tags on purpose
        start, end = match.start(), match.end()
        joins_words = (
            start > 0
            and end < len(text)
            and _WORD_CHAR.match(text, start - 1) is not None
            and _WORD_CHAR.match(text, end) is not None
        )
        replacement = " " if joins_words else ""
        return self.diagnostic(
            start,
            end,
            f"HTML tag {tag[:40]!r} left in the text",
            fix=Fix.safe("Remove the tag", Edit(start, end, replacement)),
            confidence=0.9,
        )


class EncodingDamage(Rule):
    """Flags mojibake, U+FFFD replacement characters and stray zero-width characters.

    ## What it does
    Finds text decoded with the wrong character set ("â€™" for "’", "Ã©"
    for "é", "Â£" for "£", and double-encoded forms). Candidates are found
    with a cheap pattern on the telltale characters and confirmed with
    `ftfy`'s badness measure, which knows real words such as "SÃO" or
    "ATENÇÃO" from damage. It also reports U+FFFD replacement characters
    (bytes that could not be decoded) and zero-width spaces, joiners and
    byte-order marks inside the text (a zero-width joiner inside an emoji
    sequence is left alone).

    ## Why is this bad
    Encoding damage makes words unreadable and unsearchable and is a sure
    sign of a broken pipeline; invisible characters break tokenisation and
    deduplication.

    ## Example
    ```text
    The company said itâ€™s ready.
    ```
    "â€™" is flagged and repaired to "’".

    ## Options
    None.

    ## Fix
    Safe: mojibake is repaired with `ftfy.fix_encoding`, zero-width characters
    are removed. Replacement characters cannot be repaired and have no fix.
    """

    code = "SEN010"
    name = "encoding-damage"
    category = Category.BROKEN_SENTENCE
    severity = Severity.WARNING
    fixable = "sometimes"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        found: list[Diagnostic] = []
        if any(char in text for char in _MOJIBAKE_LEAD_CHARS) and any(
            lead in text for lead in _MOJIBAKE_LEADS
        ):
            found.extend(self._mojibake(text))
        if "\ufffd" in text:
            for match in _REPLACEMENT.finditer(text):
                found.append(
                    self.diagnostic(
                        match.start(),
                        match.end(),
                        f"{len(match.group())} U+FFFD replacement character(s): "
                        "bytes that could not be decoded",
                        confidence=0.95,
                    )
                )
        if any(ch in text for ch in "\u200b\u200c\u200d\u2060\ufeff"):
            found.extend(self._zero_width(text))
        yield from sorted(found, key=lambda d: d.start)

    def _mojibake(self, text: str) -> Iterator[Diagnostic]:
        from ftfy import fix_encoding
        from ftfy.badness import is_bad

        for match in _MOJIBAKE.finditer(text):
            start, end = match.start(), match.end()
            # Repair the whole word: mojibake is decoded together with its neighbours.
            while start > 0 and not text[start - 1].isspace() and match.start() - start < 30:
                start -= 1
            while end < len(text) and not text[end].isspace() and end - match.end() < 30:
                end += 1
            span = text[start:end]
            if not is_bad(span):
                continue
            repaired = fix_encoding(span)
            if repaired == span:
                continue
            # Edit only the characters that change, so the fix stays inside the report.
            head = 0
            while head < min(len(span), len(repaired)) and span[head] == repaired[head]:
                head += 1
            tail = 0
            while (
                tail < min(len(span), len(repaired)) - head
                and span[len(span) - 1 - tail] == repaired[len(repaired) - 1 - tail]
            ):
                tail += 1
            edit = Edit(start + head, end - tail, repaired[head : len(repaired) - tail])
            yield self.diagnostic(
                min(match.start(), edit.start),
                max(match.end(), edit.end),
                f"mojibake {match.group()!r}: text decoded with the wrong character set "
                f"({span!r} should read {repaired!r})",
                fix=Fix.safe(f"Repair to {repaired!r}", edit),
                confidence=0.9,
            )

    def _zero_width(self, text: str) -> Iterator[Diagnostic]:
        for match in _ZERO_WIDTH.finditer(text):
            start, end = match.start(), match.end()
            before = text[start - 1] if start > 0 else " "
            after = text[end] if end < len(text) else " "
            if "\u200d" in match.group() and not before.isalnum() and not after.isalnum():
                continue  # a zero-width joiner inside an emoji sequence
            names = ", ".join(f"U+{ord(ch):04X}" for ch in sorted(set(match.group())))
            yield self.diagnostic(
                start,
                end,
                f"invisible zero-width character(s) {names} inside the text",
                fix=Fix.safe("Remove the zero-width characters", Edit(start, end, "")),
                confidence=0.9,
            )
