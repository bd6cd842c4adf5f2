from __future__ import annotations

from scrapelint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from scrapelint.fixer import apply_edits, fix_text


def diag(start: int, end: int, fix: Fix | None) -> Diagnostic:
    return Diagnostic("DUP001", "x", Category.DUPLICATE, Severity.WARNING, "m", start, end, fix)


def test_applies_non_overlapping_edits_from_the_end() -> None:
    text = "aaa bbb ccc"
    ds = [diag(0, 3, Fix.safe("x", Edit(0, 4, ""))), diag(8, 11, Fix.safe("y", Edit(8, 11, "CCC")))]
    out, chosen = apply_edits(text, ds, unsafe=False)
    assert out == "bbb CCC"
    assert len(chosen) == 2


def test_unsafe_fixes_need_opt_in() -> None:
    ds = [diag(0, 3, Fix.unsafe("x", Edit(0, 3, "zzz")))]
    assert apply_edits("aaa", ds, unsafe=False)[0] == "aaa"
    assert apply_edits("aaa", ds, unsafe=True)[0] == "zzz"


def test_overlapping_fix_waits_for_next_round() -> None:
    ds = [diag(0, 5, Fix.safe("a", Edit(0, 5, "X"))), diag(2, 7, Fix.safe("b", Edit(2, 7, "Y")))]
    out, chosen = apply_edits("0123456789", ds, unsafe=False)
    assert out == "X56789"
    assert len(chosen) == 1


def test_fix_text_loops_until_stable() -> None:
    # Each round removes one leading "x"; the relint callback reports the next one.
    def lint(text: str) -> list[Diagnostic]:
        return [diag(0, 1, Fix.safe("drop x", Edit(0, 1, "")))] if text.startswith("x") else []

    outcome = fix_text("xxxabc", lint("xxxabc"), lint)
    assert outcome.text == "abc"
    assert len(outcome.applied) == 3
    assert outcome.remaining == []
