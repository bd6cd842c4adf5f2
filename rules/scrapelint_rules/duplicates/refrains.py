"""Telling deliberate repetition (refrains, templates, list labels) from scraping copies.

Real articles repeat some lines on purpose: an interview asks every guest the same questions,
a song repeats its chorus, a listing repeats its field labels. Those repetitions come in
parallel: two or more distinct lines recur the same number of times, taking turns, each
round separated by new text. A scraper's copy is a single line (or a block) that recurs
without that structure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, pairwise, repeat
from operator import contains

#: Lines ending like this introduce what follows (a question, a list lead-in).
LEAD_IN_ENDINGS = ("?", ":", "？", "：")

#: Groups of the same size compared with each other at most this many times per size.
_MAX_PAIRINGS = 4000


def is_lead_in(text: str) -> bool:
    """A question or a list lead-in: repeating one introduces new content each time."""
    return text.rstrip().rstrip("\"'”’»)]").endswith(LEAD_IN_ENDINGS)


def alternate(a: Sequence[int], b: Sequence[int]) -> bool:
    """Whether two equally long sorted position lists take turns (a1<b1<a2<b2... or b first)."""
    if len(a) != len(b):
        return False
    first, second = (a, b) if a[0] < b[0] else (b, a)
    for i, pos in enumerate(first):
        if not pos < second[i]:
            return False
        if i + 1 < len(first) and not second[i] < first[i + 1]:
            return False
    return True


def template_groups(
    groups: dict[str, list[int]],
    eligible: set[str],
    keys: Sequence[str],
    substantial: int = 30,
) -> set[str]:
    """Keys of repeated lines that recur in parallel with another repeated line.

    ``groups`` maps every key to its sorted positions and ``keys`` gives the key at each
    position. Only keys in ``eligible`` are considered, as patterns and as partners. A
    pattern needs new text between rounds: a line of ``substantial`` characters seen once
    between every two occurrences (an answer, a verse); a block copied twice with only
    captions or credits between is not a template.
    """
    by_size: dict[int, list[str]] = {}
    for key in eligible:
        positions = groups[key]
        if len(positions) >= 2 and _new_text_between(positions, groups, keys, substantial):
            by_size.setdefault(len(positions), []).append(key)
    found: set[str] = set()
    for members in by_size.values():
        if len(members) < 2:
            continue
        members.sort()
        budget = _MAX_PAIRINGS
        for i, key in enumerate(members):
            if key in found:
                continue
            for other in members[:i] + members[i + 1 :]:
                budget -= 1
                if alternate(groups[key], groups[other]):
                    found.add(key)
                    found.add(other)
                    break
                if budget <= 0:
                    break
            if budget <= 0:
                # A page with this many parallel repeats is a structured listing.
                found.update(members)
                break
    return found & eligible


def _new_text_between(
    positions: Sequence[int], groups: dict[str, list[int]], keys: Sequence[str], substantial: int
) -> bool:
    for a, b in pairwise(positions):
        if not any(
            len(keys[i]) >= substantial and len(groups[keys[i]]) == 1 for i in range(a + 1, b)
        ):
            return False
    return True


_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to vs with".split())


def is_heading(text: str, max_words: int = 8) -> bool:
    """A short Title Case line without digits or sentence punctuation: a section heading.

    Comparison articles repeat the same sub-heading in every section ("Typical work
    environment" under each job), and tables of contents repeat every heading.
    """
    stripped = text.strip()
    words = stripped.split()
    if not 1 <= len(words) <= max_words or stripped[-1] in ".!?…,;:":
        return False
    if any(c.isdigit() for c in stripped) or "," in stripped:
        return False
    content = [w for w in words if w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised == len(content)


_FIELD = re.compile(r"^\s*[-•*]?\s*([^\W\d][^:]{0,30}?)\s*:\s*\S")


def field_label(text: str) -> str | None:
    """The label of a "Label: value" line (at most three words), case-folded, else None."""
    match = _FIELD.match(text)
    if match is None or match.group(1).count(" ") > 2:
        return None
    return match.group(1).casefold()


def field_labels_with_several_values(lines: Sequence[str]) -> set[str]:
    """Labels that introduce two or more different values in one text: a record listing."""
    values: dict[str, set[str]] = {}
    # Only a line with a colon can be a field (tested in C, before the regex).
    for text in compress(lines, map(contains, lines, repeat(":"))):
        label = field_label(text)
        if label is not None:
            values.setdefault(label, set()).add(text.strip().casefold())
    return {label for label, seen in values.items() if len(seen) >= 2}
