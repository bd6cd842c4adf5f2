"""Discovers rule plugins through the ``scrapelint.rules`` entry-point group.

Every pack, the built-in one included, registers an entry point whose object
is a sequence of rule classes (or a module with a ``RULES`` sequence). Each
class is validated before use: a code of its category's prefix plus three
digits, a kebab-case name, a known category and severity, options given as a
dataclass, and a docstring with every required section. Plugins that fail to
load are reported with the entry point's name, never as a traceback.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from importlib.metadata import entry_points
from types import ModuleType
from typing import Any

from scrapelint.diagnostics import CATEGORY_PREFIX, Category, Severity
from scrapelint.errors import PluginError
from scrapelint.rule import DOC_SECTIONS, Rule

ENTRY_POINT_GROUP = "scrapelint.rules"
_CODE = re.compile(r"^(BP|DUP|OT|SEN)\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class Registry:
    """All known rules, by code, in code order."""

    def __init__(self, rules: Iterable[type[Rule]] = ()) -> None:
        self._by_code: dict[str, type[Rule]] = {}
        self._by_name: dict[str, type[Rule]] = {}
        self.origin: dict[str, str] = {}
        for rule in rules:
            self.add(rule)

    def add(self, rule: type[Rule], origin: str = "<direct>") -> None:
        validate_rule_class(rule)
        if rule.code in self._by_code:
            raise PluginError(
                f"rule code {rule.code} from {origin} is already registered by "
                f"{self.origin[rule.code]}"
            )
        if rule.name in self._by_name:
            raise PluginError(f"rule name {rule.name!r} from {origin} is already registered")
        self._by_code[rule.code] = rule
        self._by_name[rule.name] = rule
        self.origin[rule.code] = origin

    def __iter__(self) -> Any:
        return iter(sorted(self._by_code.values(), key=lambda r: _code_key(r.code)))

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, code_or_name: str) -> type[Rule] | None:
        key = code_or_name.strip()
        return self._by_code.get(key.upper()) or self._by_name.get(key.lower())

    @property
    def codes(self) -> list[str]:
        return [r.code for r in self]


def _code_key(code: str) -> tuple[str, int]:
    m = re.match(r"([A-Z]+)(\d+)", code)
    return (m.group(1), int(m.group(2))) if m else (code, 0)


def validate_rule_class(rule: Any) -> None:
    """Raise PluginError when a rule class does not follow the rule API."""
    where = getattr(rule, "__qualname__", repr(rule))
    if not (isinstance(rule, type) and issubclass(rule, Rule)):
        raise PluginError(f"{where} is not a scrapelint Rule subclass")
    for attr in ("code", "name", "category"):
        if not hasattr(rule, attr):
            raise PluginError(f"rule {where} has no {attr!r}")
    if not _CODE.match(rule.code):
        raise PluginError(f"rule {where}: code {rule.code!r} must be BP/DUP/OT/SEN plus 3 digits")
    if not isinstance(rule.category, Category):
        raise PluginError(f"rule {rule.code}: category must be a scrapelint Category")
    if (
        not rule.code.startswith(CATEGORY_PREFIX[rule.category])
        or rule.code[len(CATEGORY_PREFIX[rule.category])].isalpha()
    ):
        raise PluginError(
            f"rule {rule.code}: code prefix does not match category {rule.category.value!r}"
        )
    if not _NAME.match(rule.name):
        raise PluginError(f"rule {rule.code}: name {rule.name!r} is not kebab-case")
    if not isinstance(rule.severity, Severity):
        raise PluginError(f"rule {rule.code}: severity must be a scrapelint Severity")
    if rule.fixable not in ("never", "sometimes", "always"):
        raise PluginError(f"rule {rule.code}: fixable must be never, sometimes or always")
    if not dataclasses.is_dataclass(rule.Options):
        raise PluginError(f"rule {rule.code}: Options must be a dataclass")
    sections = rule.doc_sections()
    missing = [s for s in DOC_SECTIONS if not sections.get(s)]
    if missing:
        raise PluginError(f"rule {rule.code}: docstring lacks section(s) {', '.join(missing)}")


def _rules_from_object(obj: Any) -> Sequence[Any]:
    if isinstance(obj, ModuleType):
        obj = getattr(obj, "RULES", None)
    if callable(obj) and not isinstance(obj, type):
        obj = obj()
    if isinstance(obj, type):
        return [obj]
    if isinstance(obj, (list, tuple)):
        return obj
    raise PluginError("entry point must name a rule class, a sequence of them, or a module")


def load_registry() -> Registry:
    """Load every installed rule pack."""
    registry = Registry()
    eps = sorted(
        entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: (ep.name != "builtin", ep.name)
    )
    seen: set[str] = set()
    for ep in eps:
        key = f"{ep.name}={ep.value}"
        if key in seen:  # the same distribution visible twice on sys.path
            continue
        seen.add(key)
        origin = f"entry point {ep.name!r} ({ep.value})"
        try:
            obj = ep.load()
            rules = _rules_from_object(obj)
        except PluginError as exc:
            raise PluginError(f"{origin}: {exc}") from None
        except Exception as exc:  # a broken third-party pack must not crash us
            raise PluginError(f"{origin} failed to load: {type(exc).__name__}: {exc}") from None
        for rule in rules:
            try:
                registry.add(rule, origin)
            except PluginError as exc:
                raise PluginError(f"{origin}: {exc}") from None
    return registry
