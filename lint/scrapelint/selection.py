"""Rule selectors: a code (DUP001), a prefix (DUP, DUP0), a name or a category.

``ALL`` selects every rule, including those off by default. As in ruff, the
more specific selector wins when ``select`` and ``ignore`` disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from scrapelint.errors import UsageError
from scrapelint.registry import Registry
from scrapelint.rule import Rule


def matches(selector: str, rule: type[Rule]) -> bool:
    s = selector.strip()
    if s.upper() == "ALL":
        return True
    if s.lower() in (rule.name, rule.category.value):
        return True
    return rule.code.startswith(s.upper())


def specificity(selector: str, rule: type[Rule]) -> int:
    s = selector.strip()
    if s.upper() == "ALL":
        return 0
    if s.lower() == rule.category.value:
        return 1
    if s.lower() == rule.name:
        return 100
    return 1 + len(s)


def validate_selectors(selectors: Iterable[str], registry: Registry, where: str) -> None:
    for s in selectors:
        if not any(matches(s, r) for r in registry):
            raise UsageError(f"{where}: selector {s!r} matches no rule (see 'scrapelint rules')")


def select_rules(
    registry: Registry,
    select: Sequence[str] | None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[type[Rule]]:
    """The rules enabled by the selectors, in code order."""
    chosen: list[type[Rule]] = []
    for rule in registry:
        best_on = -1
        if select is None:
            best_on = 0 if rule.enabled_by_default else -1
        else:
            for s in select:
                if matches(s, rule):
                    best_on = max(best_on, specificity(s, rule))
        for s in extend_select:
            if matches(s, rule):
                best_on = max(best_on, specificity(s, rule))
        best_off = max((specificity(s, rule) for s in ignore if matches(s, rule)), default=-1)
        if best_on >= 0 and best_on > best_off:
            chosen.append(rule)
    return chosen


def is_ignored(code: str, name: str, category: str, selectors: Iterable[str]) -> bool:
    for s in selectors:
        t = s.strip()
        if t.upper() == "ALL" or t.lower() in (name, category) or code.startswith(t.upper()):
            return True
    return False
