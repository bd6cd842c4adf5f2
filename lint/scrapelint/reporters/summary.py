"""The closing summary shared by the human-readable formats."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapelint.registry import Registry
    from scrapelint.runner import Summary


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_lines(
    summary: Summary,
    statistics: bool = False,
    registry: Registry | None = None,
    unsafe_fixes: bool = False,
) -> list[str]:
    """Per-rule counts (with ``--statistics``), then "Found N problems (...) in M documents".

    With ``--unsafe-fixes`` the unsafe fixes count as fixable; without, they are
    named as the extra that flag would apply.
    """
    lines: list[str] = []
    if statistics and summary.by_rule:
        for code, count in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            rule = registry.get(code) if registry else None
            name = rule.name if rule else ""
            lines.append(f"{count:>6}  {code:<7} {name}")
        lines.append("")
    if summary.fixed:
        lines.append(f"Fixed {_plural(summary.fixed, 'problem')}.")
    if summary.diagnostics:
        cats = ", ".join(f"{n} {c}" for c, n in sorted(summary.by_category.items()))
        lines.append(
            f"Found {_plural(summary.diagnostics, 'problem')} ({cats}) "
            f"in {_plural(summary.documents, 'document')}."
        )
        hints = []
        fixable = summary.fixable + (summary.unsafe_fixable if unsafe_fixes else 0)
        if fixable:
            hints.append(f"{fixable} fixable with --fix")
        if summary.unsafe_fixable and not unsafe_fixes:
            hints.append(f"{summary.unsafe_fixable} more with --unsafe-fixes")
        if summary.suppressed:
            hints.append(f"{summary.suppressed} suppressed")
        if hints:
            lines[-1] = lines[-1][:-1] + "; " + ", ".join(hints) + "."
    elif not summary.problems:
        suppressed = f", {summary.suppressed} suppressed" if summary.suppressed else ""
        lines.append(f"All checks passed ({_plural(summary.documents, 'document')}{suppressed}).")
    return lines
