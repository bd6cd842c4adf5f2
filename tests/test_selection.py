from __future__ import annotations

import pytest

from scrapelint.config import config_from_mapping
from scrapelint.errors import UsageError
from scrapelint.linter import Linter, default_registry
from scrapelint.selection import select_rules


def codes(select: list[str] | None, extend: list[str] = [], ignore: list[str] = []) -> set[str]:
    return {r.code for r in select_rules(default_registry(), select, extend, ignore)}


def test_select_by_code_prefix_name_and_category() -> None:
    assert codes(["DUP001"]) == {"DUP001"}
    assert "DUP001" in codes(["DUP"])
    assert codes(["repeated-headline"]) == {"DUP001"}
    assert "DUP001" in codes(["duplicate"])
    assert all(c.startswith("DUP") for c in codes(["duplicate"]))


def test_more_specific_selector_wins() -> None:
    assert "DUP001" not in codes(["DUP"], ignore=["DUP001"])
    assert codes(["DUP001"], ignore=["DUP"]) == {"DUP001"}


def test_all_includes_every_rule() -> None:
    assert codes(["ALL"]) == set(default_registry().codes)


def test_unknown_selector_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="NOPE"):
        Linter(config_from_mapping({"select": ["NOPE"]}))


def test_severity_override_applies() -> None:
    linter = Linter(config_from_mapping({"select": ["DUP001"], "severity": {"DUP001": "error"}}))
    diags = linter.lint(
        "A headline about the harbour\n\nA headline about the harbour\n\nBody text."
    )
    assert diags and all(d.severity.value == "error" for d in diags)
