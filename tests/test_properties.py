"""Property-based tests over the document model, every registered rule and the fixer.

Random articles are built from invented sentences with randomly planted defects
(repeated headlines, boilerplate lines, doubled words, glued sentences, a/an
swaps, entities, mojibake, odd Unicode and line endings). Whatever arrives:
no exception, spans within bounds and on character boundaries, line/column
consistent with the offsets, fixes confined to the flagged lines, and fixing
twice equal to fixing once.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrapelint.config import config_from_mapping
from scrapelint.document import Document
from scrapelint.fixer import apply_edits
from scrapelint.linter import Linter

LINTER = Linter(config_from_mapping({"select": ["ALL"]}))

SUBJECTS = [
    "The council",
    "A spokesperson",
    "Local traders",
    "The harbour master",
    "Engineers",
    "Residents of Port Ellery",
    "The ferry operator",
    "Volunteers",
]
VERBS = ["said on Tuesday that", "warned that", "confirmed that", "argued that", "expect that"]
CLAUSES = [
    "the bridge would reopen in the spring",
    "fares would rise by four percent",
    "the quay needed urgent repairs",
    "an inquiry would begin next month",
    "the old pier could not be saved",
    "a new timetable was being drafted",
]
DEFECTS = [
    "the the",
    "to to",
    "an harbour",
    "a inquiry",
    "spring.The",
    "News&amp;Views",
    "cafÃ© owners",
    "don\u2019t",
    "\u200bhidden",
    "\ufffd",
    "<b>bold</b>",
    "[red]x[/red]",
    "e\u0301te\u0301",
    "مرحبا",
    "👩\u200d👩\u200d👧",
    "U.S. officials",
    "at 9 a.m. today",
]
BOILER = [
    "Read more",
    "Share this article",
    "Latest News",
    "Advertisement",
    "Photo: Harbour Gazette",
    "Subscribe to our newsletter",
    "Home | News | Sport | Weather",
]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    s = f"{draw(st.sampled_from(SUBJECTS))} {draw(st.sampled_from(VERBS))} {draw(st.sampled_from(CLAUSES))}"
    if draw(st.booleans()):
        words = s.split()
        i = draw(st.integers(0, len(words)))
        words.insert(i, draw(st.sampled_from(DEFECTS)))
        s = " ".join(words)
    end = draw(st.sampled_from([".", ".", ".", "!", "?", "", ",", "…", '."', ". if"]))
    return s + end


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, str | None]:
    headline = draw(
        st.sampled_from(
            [
                "Harbour bridge to be rebuilt",
                "Ferry fares rise again",
                "Pier closes after storm damage",
            ]
        )
    )
    paras = [
        " ".join(draw(st.lists(sentences(), min_size=1, max_size=4)))
        for _ in range(draw(st.integers(0, 7)))
    ]
    if draw(st.booleans()):
        paras.insert(0, headline)
    for _ in range(draw(st.integers(0, 2))):
        paras.insert(draw(st.integers(0, len(paras))), headline)
    for _ in range(draw(st.integers(0, 3))):
        paras.insert(draw(st.integers(0, len(paras))), draw(st.sampled_from(BOILER)))
    if paras and draw(st.booleans()):
        paras.insert(draw(st.integers(0, len(paras))), draw(st.sampled_from(paras)))
    sep = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\r", "\n \n"]))
    text = sep.join(paras) + draw(st.sampled_from(["", "\n", "\r\n"]))
    title = draw(st.sampled_from([None, headline]))
    return text, title


def check_located(doc: Document) -> None:
    for d in LINTER.check(doc):
        assert 0 <= d.start <= d.end <= len(doc.text), d
        if d.field != "text":
            continue
        assert (d.line, d.column) == doc.position(d.start), d
        assert (d.end_line, d.end_column) == doc.end_position(d.start, d.end), d
        line = doc.lines[d.line - 1]
        assert line.start + d.column - 1 == d.start or d.start > line.end, d
        if d.fix is not None:
            for e in d.fix.edits:
                assert 0 <= e.start <= e.end <= len(doc.text), d


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_rules_never_crash_and_spans_are_consistent(article: tuple[str, str | None]) -> None:
    text, title = article
    check_located(Document(text, title=title, url="https://harbour-gazette.example/a"))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    doc = Document(text)
    for unit in (*doc.lines, *doc.paragraphs, *doc.sentences, *doc.words):
        assert text[unit.start : unit.end] == unit.text
    check_located(doc)


def confined_range(text: str, start: int, end: int) -> tuple[int, int]:
    """The lines holding a span, widened over adjacent blank lines and line breaks."""
    lo = start
    while lo > 0 and text[lo - 1].isspace():
        lo -= 1
    lo = max(text.rfind("\n", 0, lo), text.rfind("\r", 0, lo)) + 1
    hi = end
    while hi < len(text) and text[hi].isspace():
        hi += 1
    nl = [i for i in (text.find("\n", hi), text.find("\r", hi)) if i >= 0]
    hi = min(nl) + 1 if nl else len(text)
    return lo, hi


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.booleans())
def test_fixes_are_confined_to_flagged_lines(article: tuple[str, str | None], unsafe: bool) -> None:
    text, title = article
    diags = LINTER.check(Document(text, title=title))
    new_text, chosen = apply_edits(text, diags, unsafe=unsafe)
    kept = list(range(len(text)))
    for d in chosen:
        assert d.fix is not None
        lo, hi = confined_range(text, d.start, d.end)
        for e in d.fix.edits:
            assert lo <= e.start <= e.end <= hi, (d, e, lo, hi)
            kept = [i for i in kept if not e.start <= i < e.end]
    # every character outside the edits survives, in order
    survivors = "".join(text[i] for i in kept)
    it = iter(new_text)
    assert all(ch in it for ch in survivors)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.booleans())
def test_fixing_twice_equals_fixing_once(article: tuple[str, str | None], unsafe: bool) -> None:
    text, title = article
    once = LINTER.fix(Document(text, title=title), unsafe=unsafe).text
    twice = LINTER.fix(Document(once, title=title), unsafe=unsafe).text
    assert twice == once
