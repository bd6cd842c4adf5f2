"""Configuration: ``scrapelint.yaml``, ``.scrapelint.yaml`` or ``[tool.scrapelint]``.

The file is found upward from the first checked path (or given with
``--config``). Validation is strict: an unknown key or a value of the wrong
type is an error naming the file, the line and the key, in the manner of
Vale's rule definitions.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapelint.diagnostics import Severity
from scrapelint.errors import ConfigError
from scrapelint.inputs import DEFAULT_INCLUDE, FieldNames
from scrapelint.yamlsource import Located, load_with_lines

CONFIG_NAMES = ("scrapelint.yaml", ".scrapelint.yaml", "pyproject.toml")
FAIL_LEVELS = ("info", "warning", "error")
CORPUS_MODES = ("auto", "on", "off")


@dataclass(frozen=True)
class SiteConfig:
    """Settings that apply only to documents of one site (url domain) or path glob."""

    pattern: str
    phrase_packs: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_path_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    phrase_packs: tuple[str, ...] = ()
    sites: tuple[SiteConfig, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    fields: FieldNames = field(default_factory=FieldNames)
    fail_level: str = "info"
    corpus: str = "auto"
    baseline: str | None = None
    suppressions: str | None = None
    source: str | None = None
    #: key -> line, for error messages raised after loading (rule options)
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def replace(self, **changes: Any) -> Config:
        return dataclasses.replace(self, **changes)


# -- schema --------------------------------------------------------------

_STR_LIST = "list of strings"
_SCHEMA: dict[str, str] = {
    "select": _STR_LIST,
    "extend-select": _STR_LIST,
    "ignore": _STR_LIST,
    "per-path-ignores": "mapping of glob to list of codes",
    "severity": "mapping of rule to severity",
    "rules": "mapping of rule to options",
    "phrase-packs": _STR_LIST,
    "sites": "mapping of site or glob to settings",
    "include": _STR_LIST,
    "exclude": _STR_LIST,
    "text-field": "string",
    "title-field": "string",
    "id-field": "string",
    "url-field": "string",
    "ignore-field": "string",
    "fail-level": "one of info, warning, error",
    "corpus": "one of auto, on, off",
    "baseline": "string",
    "suppressions": "string",
}
_SITE_SCHEMA = {"phrase-packs": _STR_LIST, "ignore": _STR_LIST}


def _toml_lines(text: str) -> dict[str, int]:
    """Best-effort key lines for ``[tool.scrapelint]`` tables (tomllib keeps none)."""
    lines: dict[str, int] = {}
    table = ""
    for number, raw in enumerate(text.splitlines(), 1):
        s = raw.strip()
        if s.startswith("[") and s.endswith("]"):
            table = s.strip("[]").strip()
            prefix = "tool.scrapelint"
            if table == prefix or table.startswith(prefix + "."):
                sub = table[len(prefix) + 1 :]
                if sub:
                    lines.setdefault(sub, number)
            continue
        if "=" in s and table.startswith("tool.scrapelint"):
            key = s.split("=", 1)[0].strip().strip('"')
            sub = table[len("tool.scrapelint") + 1 :]
            lines.setdefault(f"{sub}.{key}" if sub else key, number)
    return lines


def find_config(start: str | None) -> str | None:
    """The nearest config file at or above ``start`` (a file or directory)."""
    here = Path(start or ".").resolve()
    if not here.is_dir():
        here = here.parent
    for d in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = d / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _has_tool_table(candidate):
                    continue
                return str(candidate)
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False
    return "scrapelint" in data.get("tool", {})


def load_config(path: str) -> Config:
    """Read and validate one config file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read config: {exc.strerror}", path) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"config is not UTF-8 (byte offset {exc.start})", path) from None
    if path.endswith(".toml"):
        try:
            data = tomllib.loads(text).get("tool", {}).get("scrapelint", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"malformed TOML: {exc}", path) from None
        lines = _toml_lines(text)
    else:
        data, lines = load_with_lines(text, path)
    if data is None:
        data = {}
    return config_from_mapping(data, path, lines)


def config_from_mapping(
    data: Any, path: str = "<config>", lines: dict[str, int] | None = None
) -> Config:
    """Validate a plain mapping (from YAML, TOML or the Python API) into a Config."""
    loc = Located(path, lines or {})
    if not isinstance(data, dict):
        raise ConfigError("the top level must be a mapping", path, 1)
    for key in data:
        if key not in _SCHEMA:
            hint = _suggest(str(key), _SCHEMA)
            raise loc.error(str(key), f"unknown key{hint}")
    base = Path(path).parent if path and not path.startswith("<") else Path(".")
    kw: dict[str, Any] = {"source": path, "lines": dict(lines or {})}

    def str_list(key: str) -> tuple[str, ...]:
        value = data[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise loc.error(key, f"expected a {_STR_LIST}")
        return tuple(value)

    for key, attr in (
        ("select", "select"),
        ("extend-select", "extend_select"),
        ("ignore", "ignore"),
        ("include", "include"),
        ("exclude", "exclude"),
    ):
        if key in data:
            kw[attr] = str_list(key)
    if "phrase-packs" in data:
        kw["phrase_packs"] = tuple(str(base / p) for p in str_list("phrase-packs"))
    if "per-path-ignores" in data:
        ppi = data["per-path-ignores"]
        if not isinstance(ppi, dict):
            raise loc.error("per-path-ignores", "expected a mapping of glob to list of codes")
        out: dict[str, tuple[str, ...]] = {}
        for glob, codes in ppi.items():
            if isinstance(codes, str):
                codes = [codes]
            if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
                raise loc.error(f"per-path-ignores.{glob}", "expected a list of rule selectors")
            out[str(glob)] = tuple(codes)
        kw["per_path_ignores"] = out
    if "severity" in data:
        sev = data["severity"]
        if not isinstance(sev, dict):
            raise loc.error("severity", "expected a mapping of rule to severity")
        sevs: dict[str, Severity] = {}
        for rule, level in sev.items():
            try:
                sevs[str(rule)] = Severity(str(level).lower())
            except ValueError:
                raise loc.error(
                    f"severity.{rule}", f"{level!r} is not one of info, warning, error"
                ) from None
        kw["severity"] = sevs
    if "rules" in data:
        rules = data["rules"]
        if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
            raise loc.error(
                "rules", "expected a mapping of rule code or name to a mapping of options"
            )
        kw["rules"] = {str(k): dict(v) for k, v in rules.items()}
    if "sites" in data:
        sites = data["sites"]
        if not isinstance(sites, dict):
            raise loc.error("sites", "expected a mapping of site or glob to settings")
        built: list[SiteConfig] = []
        for pattern, settings in sites.items():
            if not isinstance(settings, dict):
                raise loc.error(
                    f"sites.{pattern}", "expected a mapping with phrase-packs and/or ignore"
                )
            for k in settings:
                if k not in _SITE_SCHEMA:
                    raise loc.error(
                        f"sites.{pattern}.{k}", f"unknown key{_suggest(str(k), _SITE_SCHEMA)}"
                    )
            packs = settings.get("phrase-packs", [])
            ign = settings.get("ignore", [])
            for k, v in (("phrase-packs", packs), ("ignore", ign)):
                if isinstance(v, str):
                    v = [v]
                if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                    raise loc.error(f"sites.{pattern}.{k}", f"expected a {_STR_LIST}")
            packs = [packs] if isinstance(packs, str) else packs
            ign = [ign] if isinstance(ign, str) else ign
            built.append(SiteConfig(str(pattern), tuple(str(base / p) for p in packs), tuple(ign)))
        kw["sites"] = tuple(built)
    names = {}
    for key in ("text", "title", "id", "url", "ignore"):
        k = f"{key}-field"
        if k in data:
            if not isinstance(data[k], str) or not data[k]:
                raise loc.error(k, "expected a non-empty string")
            names[key] = data[k]
    if names:
        kw["fields"] = FieldNames(**names)
    for key, attr, choices in (
        ("fail-level", "fail_level", FAIL_LEVELS),
        ("corpus", "corpus", CORPUS_MODES),
    ):
        if key in data:
            value = data[key]
            if value not in choices:
                raise loc.error(key, f"{value!r} is not one of {', '.join(choices)}")
            kw[attr] = value
    for key in ("baseline", "suppressions"):
        if key in data:
            if not isinstance(data[key], str):
                raise loc.error(key, "expected a path string")
            kw[key] = str(base / data[key])
    return Config(**kw)


def _suggest(key: str, known: dict[str, str]) -> str:
    import difflib

    close = difflib.get_close_matches(key, list(known), n=1)
    if close:
        return f" (did you mean {close[0]!r}?)"
    return f" (known keys: {', '.join(sorted(known))})"


# -- rule options --------------------------------------------------------


def build_options(
    options_cls: type, values: dict[str, Any], where: Located | None, key: str
) -> Any:
    """Validate a mapping against a rule's options dataclass."""
    hints = typing.get_type_hints(options_cls)
    known = {f.name: f for f in dataclasses.fields(options_cls)}
    kwargs: dict[str, Any] = {}
    for raw_name, value in values.items():
        name = str(raw_name).replace("-", "_")
        full = f"{key}.{raw_name}"
        if name not in known:
            msg = "unknown option" + (
                f" (options: {', '.join(sorted(known))})"
                if known
                else " (this rule has no options)"
            )
            raise where.error(full, msg) if where else ConfigError(msg, key=full)
        try:
            kwargs[name] = coerce(value, hints[name])
        except (TypeError, ValueError) as exc:
            raise (
                where.error(full, str(exc)) if where else ConfigError(str(exc), key=full)
            ) from None
    try:
        return options_cls(**kwargs)
    except (TypeError, ValueError) as exc:  # the options class's own validation
        raise (where.error(key, str(exc)) if where else ConfigError(str(exc), key=key)) from None


def coerce(value: Any, hint: Any) -> Any:
    """Check ``value`` against a simple type hint (bool, int, float, str, lists, tuples, dicts)."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is bool:
        if not isinstance(value, bool):
            raise TypeError(f"expected true or false, got {value!r}")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"expected an integer, got {value!r}")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"expected a number, got {value!r}")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise TypeError(f"expected a string, got {value!r}")
        return value
    if origin in (list, tuple, Sequence):
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            raise TypeError(f"expected a list, got {value!r}")
        inner = args[0] if args else Any
        items = [coerce(v, inner) if inner is not Any else v for v in value]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        if not isinstance(value, dict):
            raise TypeError(f"expected a mapping, got {value!r}")
        return dict(value)
    if origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
        if value is None and type(None) in args:
            return None
        errors = []
        for a in args:
            if a is type(None):
                continue
            try:
                return coerce(value, a)
            except (TypeError, ValueError) as exc:
                errors.append(str(exc))
        raise TypeError("; ".join(errors))
    if hint is Any:
        return value
    return value


def resolve_config(explicit: str | None, first_path: str | None, isolated: bool = False) -> Config:
    if explicit:
        if not os.path.exists(explicit):
            raise ConfigError("config file not found", explicit)
        return load_config(explicit)
    if isolated:
        return Config()
    found = find_config(first_path if first_path and first_path != "-" else None)
    return load_config(found) if found else Config()


def option_error_context(config: Config) -> Located:
    return Located(config.source or "<config>", config.lines)
