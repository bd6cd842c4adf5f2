"""YAML with line numbers: strict config and phrase-pack errors point at the line.

``load_with_lines`` parses a document and remembers the line of every key
path (``rules.DUP001.similarity``, ``groups[2].phrases[0]``); ``Located``
turns a key path and a message into a :class:`ConfigError` naming the file,
the line (of the key, or of its nearest parent that has one) and the key.
"""

from __future__ import annotations

from typing import Any

import yaml

from scrapelint.errors import ConfigError


class Located:
    """Where the keys of one file are, for error messages."""

    def __init__(self, path: str, lines: dict[str, int]) -> None:
        self.path = path
        self.lines = lines

    def line_of(self, key: str) -> int | None:
        line = self.lines.get(key)
        probe = key
        while line is None and ("." in probe or "[" in probe):
            probe = probe.rsplit(".", 1)[0] if "." in probe else probe.rsplit("[", 1)[0]
            line = self.lines.get(probe)
        return line

    def error(self, key: str, message: str) -> ConfigError:
        return ConfigError(message, self.path, self.line_of(key), key)


# libyaml's safe loader when PyYAML was built with it (about twenty times faster on the
# phrase packs every run loads), else the pure-Python one; both build the same data.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose_and_construct(text: str) -> tuple[Any, Any]:
    """The document's node tree and its data, from one parse."""
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


def load_with_lines(text: str, path: str) -> tuple[Any, dict[str, int]]:
    """Parse YAML (safe loader) and return the data with the line of every key path."""
    try:
        node, data = _compose_and_construct(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"malformed YAML: {problem}", path, line) from None
    lines: dict[str, int] = {}

    def walk(n: Any, prefix: str) -> None:
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                key = f"{prefix}.{k.value}" if prefix else str(k.value)
                lines[key] = k.start_mark.line + 1
                walk(v, key)
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                key = f"{prefix}[{i}]"
                lines[key] = item.start_mark.line + 1
                walk(item, key)

    if node is not None:
        walk(node, "")
    return data, lines
