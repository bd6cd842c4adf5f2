"""Applying fixes: non-overlapping edits, repeated until the text is stable.

Edits are applied from the end of the text backwards so offsets stay valid.
Fixes whose edits overlap an already accepted fix wait for the next round,
when the text is linted again; a few rounds reach a fixed point, which makes
fixing twice the same as fixing once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from scrapelint.diagnostics import Diagnostic, Edit

MAX_ROUNDS = 8


@dataclass
class FixOutcome:
    text: str
    applied: list[Diagnostic] = field(default_factory=list)
    remaining: list[Diagnostic] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def applicable(d: Diagnostic, unsafe: bool) -> bool:
    return d.fix is not None and bool(d.fix.edits) and (d.fix.is_safe or unsafe)


def apply_edits(
    text: str, diagnostics: Sequence[Diagnostic], unsafe: bool
) -> tuple[str, list[Diagnostic]]:
    """Apply one round of fixes; returns the new text and the diagnostics fixed."""
    chosen: list[Diagnostic] = []
    taken: list[tuple[int, int]] = []
    for d in sorted((d for d in diagnostics if applicable(d, unsafe)), key=lambda d: d.sort_key):
        assert d.fix is not None
        spans = [(e.start, e.end) for e in d.fix.edits]
        if any(_overlaps(s, t) for s in spans for t in taken):
            continue
        if any(e.start < 0 or e.end > len(text) or e.start > e.end for e in d.fix.edits):
            continue
        chosen.append(d)
        taken.extend(spans)
    edits: list[Edit] = sorted(
        (e for d in chosen for e in d.fix.edits),  # type: ignore[union-attr]
        key=lambda e: (e.start, e.end),
        reverse=True,
    )
    out = text
    for e in edits:
        out = out[: e.start] + e.content + out[e.end :]
    return out, chosen


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # insertions touch but do not overlap
        return (a[0] < b[1] and b[0] < a[1]) or a == b
    return a[0] < b[1] and b[0] < a[1]


def fix_text(
    text: str,
    diagnostics: list[Diagnostic],
    relint: Callable[[str], list[Diagnostic]],
    unsafe: bool = False,
) -> FixOutcome:
    """Fix until no applicable fix remains or the text stops changing."""
    applied: list[Diagnostic] = []
    current = diagnostics
    for _ in range(MAX_ROUNDS):
        new_text, chosen = apply_edits(text, current, unsafe)
        if not chosen or new_text == text:
            break
        applied.extend(chosen)
        text = new_text
        current = relint(text)
    return FixOutcome(text, applied, current)
