"""An abbreviation-aware sentence splitter for English news text.

It returns spans rather than strings so that every sentence maps back into
the original text. A boundary is a run of ``.``, ``!`` or ``?`` (optionally
followed by closing quotes or brackets), then white space, then something
that can open a sentence (an upper-case letter, a digit or an opening quote).
Abbreviations (Mr., U.S., e.g., a.m.), initials (J. K. Rowling) and decimals
(3.5) do not end a sentence. Lower-case continuations never start a new
sentence here; a rule that looks for broken sentences inspects those itself.
"""

from __future__ import annotations

import re

# Titles and other abbreviations that are (almost) never the end of a sentence.
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms mx dr prof sr jr st mt ft gen lt col maj capt cmdr adm sgt cpl pvt gov
    sen rep pres supt insp det rev fr hon messrs mme mlle no nos vol vols art fig figs
    op ch sec pp p para approx ca cf vs v e.g i.e viz al jan feb mar apr jun jul aug
    sep sept oct nov dec""".split()
)
# Abbreviations that often stand at the end of a sentence too (a.m., U.S., Inc.).
WEAK_ABBREVIATIONS = frozenset(
    """a.m p.m u.s u.k u.n e.u inc ltd co corp llc plc bros etc est ave blvd rd dept univ
    assn govt mfg n.y d.c l.a""".split()
)
# Capitalised words that usually open a new sentence after a weak abbreviation.
SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i you his her its their our my this that these those
    but and or so yet in on at for if when while after before as there here what who
    how why where then however meanwhile still also""".split()
)

# stdlib ``re`` is markedly faster than ``regex`` for these simple patterns.
_CANDIDATE = re.compile(
    r"""(?P<stop>[.!?…]+)(?P<close>["'”’)\]»]*)(?P<space>\s+)["'“‘(\[«]?\s*(?P<next>\w)"""
)
_NEXT_WORD = re.compile(r"[\"'“‘(\[«]?\s*([^\W_]+)")


def _is_abbreviation(text: str, stop_start: int, next_start: int) -> bool:
    """True when the full stop at ``stop_start`` belongs to an abbreviation."""
    before = text[max(0, stop_start - 32) : stop_start].rsplit(None, 1)
    if not before:
        return False
    token = before[-1].lstrip("\"'“‘([«")
    if not token or not token[0].isalnum():
        return False
    lowered = token.lower()
    if len(token) == 1 and token.isalpha() and token.isupper():
        return True  # an initial: "J. K. Rowling"
    if lowered in TITLE_ABBREVIATIONS or lowered + "." in TITLE_ABBREVIATIONS:
        return True
    is_weak = lowered in WEAK_ABBREVIATIONS
    dotted = "." in token and all(len(part) <= 2 for part in token.split(".") if part)
    if is_weak or dotted:
        nm = _NEXT_WORD.match(text, next_start)
        nxt = nm.group(1).lower() if nm else ""
        return nxt not in SENTENCE_OPENERS
    return False


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split one line (or paragraph) of text into sentence spans, trimmed of white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    if "." not in text and "!" not in text and "?" not in text and "…" not in text:
        stripped = text.strip()
        if not stripped:
            return []
        lead = len(text) - len(text.lstrip())
        return [(lead, lead + len(stripped))]
    for m in _CANDIDATE.finditer(text):
        nxt = m.group("next")
        if not (nxt.isupper() or nxt.isdigit()):
            continue
        stop = m.group("stop")
        if stop == "." and _is_abbreviation(text, m.start("stop"), m.end("space")):
            continue
        end = m.end("close")
        spans.append((start, end))
        start = m.end("space")
    if start < n:
        spans.append((start, n))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
