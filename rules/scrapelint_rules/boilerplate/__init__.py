"""Rule family (to be filled in)."""

from __future__ import annotations

from scrapelint.rule import Rule

RULES: tuple[type[Rule], ...] = ()
