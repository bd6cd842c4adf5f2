"""``scrapelint rule CODE`` and ``scrapelint rules``: documentation from docstrings."""

from __future__ import annotations

import dataclasses
import inspect
import json
import typing
from typing import Any

from scrapelint.errors import UsageError
from scrapelint.linter import default_registry
from scrapelint.rule import CorpusRule, Rule


def rule_info(rule: type[Rule]) -> dict[str, Any]:
    hints = typing.get_type_hints(rule.Options)
    options = [
        {"name": f.name, "type": _type_name(hints.get(f.name)), "default": _default(f)}
        for f in dataclasses.fields(rule.Options)
    ]
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category.value,
        "severity": rule.severity.value,
        "enabled_by_default": rule.enabled_by_default,
        "fixable": rule.fixable,
        "corpus": issubclass(rule, CorpusRule),
        "summary": rule.summary(),
        "options": options,
        "explanation": inspect.cleandoc(rule.__doc__ or ""),
    }


def _type_name(hint: Any) -> str:
    if hint is None:
        return "?"
    return getattr(hint, "__name__", None) or str(hint).replace("typing.", "")


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        value = f.default
    elif f.default_factory is not dataclasses.MISSING:
        value = f.default_factory()
    else:
        return None
    return list(value) if isinstance(value, tuple) else value


def render_rule(rule: type[Rule]) -> str:
    info = rule_info(rule)
    head = f"# {rule.name} ({rule.code})"
    meta = [
        f"Category: {info['category']}",
        f"Default severity: {info['severity']}",
        f"Enabled by default: {'yes' if info['enabled_by_default'] else 'no'}",
        f"Fix: {info['fixable']}",
    ]
    if info["corpus"]:
        meta.append("Scope: corpus (cross-document) as well as per document")
    body = inspect.cleandoc(rule.__doc__ or "")
    first, _, rest = body.partition("\n")
    return "\n".join([head, "", first, "", *meta, "", rest.strip(), ""])


def explain_rule(code: str, fmt: str) -> int:
    registry = default_registry()
    rule = registry.get(code)
    if rule is None:
        raise UsageError(f"no rule {code!r}; see 'scrapelint rules'")
    if fmt == "json":
        print(json.dumps(rule_info(rule), indent=2))
    else:
        print(render_rule(rule))
    return 0


def explain_all(fmt: str) -> int:
    rules = list(default_registry())
    if fmt == "json":
        print(json.dumps([rule_info(r) for r in rules], indent=2))
    else:
        print("\n".join(render_rule(r) for r in rules))
    return 0


def rules_markdown() -> str:
    """The rule table of the README, generated so that docs and code stay in step."""
    rows = [
        ("code", "name", "category", "default", "fix", "what it finds"),
        ("---",) * 6,
    ]
    for r in default_registry():
        default = "on" if r.enabled_by_default else "off"
        summary = r.summary().replace("|", "\\|")
        rows.append((f"`{r.code}`", f"`{r.name}`", r.category.value, default, r.fixable, summary))
    return "".join("| " + " | ".join(row) + " |\n" for row in rows)


def list_rules(fmt: str) -> int:
    rules = list(default_registry())
    if fmt == "markdown":
        print(rules_markdown(), end="")
        return 0
    if fmt == "json":
        print(
            json.dumps(
                [{k: v for k, v in rule_info(r).items() if k != "explanation"} for r in rules],
                indent=2,
            )
        )
        return 0
    rows = [("CODE", "NAME", "CATEGORY", "DEFAULT", "FIX", "SUMMARY")]
    for r in rules:
        rows.append(
            (
                r.code,
                r.name,
                r.category.value,
                "on" if r.enabled_by_default else "off",
                r.fixable,
                r.summary(),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5])
    return 0
