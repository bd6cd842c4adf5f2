"""Byte-exact editing of one field of a JSONL record.

A fix on JSONL input must leave every other field, and every other record,
byte-identical. Instead of re-serialising the object, we locate the raw
bytes of the top-level field's value and replace only them.
"""

from __future__ import annotations

import json
from json.decoder import scanstring  # type: ignore[attr-defined]

_WS = " \t\n\r"
_DECODER = json.JSONDecoder()


def _skip_ws(s: str, i: int) -> int:
    while i < len(s) and s[i] in _WS:
        i += 1
    return i


def field_value_span(line: str, field: str) -> tuple[int, int] | None:
    """Character span of the value of top-level ``field`` in a JSON object line.

    The last occurrence wins, as it does for ``json.loads``.
    """
    i = _skip_ws(line, 0)
    if i >= len(line) or line[i] != "{":
        return None
    i = _skip_ws(line, i + 1)
    found: tuple[int, int] | None = None
    if i < len(line) and line[i] == "}":
        return None
    while i < len(line):
        if line[i] != '"':
            return None
        key, i = scanstring(line, i + 1)
        i = _skip_ws(line, i)
        if i >= len(line) or line[i] != ":":
            return None
        i = _skip_ws(line, i + 1)
        _, end = _DECODER.raw_decode(line, i)
        if key == field:
            found = (i, end)
        i = _skip_ws(line, end)
        if i < len(line) and line[i] == ",":
            i = _skip_ws(line, i + 1)
            continue
        break
    return found


def replace_field(raw: bytes, field: str, value: str) -> bytes:
    """Return ``raw`` (one JSONL line, terminator included) with ``field`` set to ``value``."""
    body = raw.rstrip(b"\r\n")
    terminator = raw[len(body) :]
    line = body.decode("utf-8")
    span = field_value_span(line, field)
    if span is None:
        raise ValueError(f"field {field!r} not found")
    # Keep the line's style: an all-ASCII line was written with escapes.
    encoded = json.dumps(value, ensure_ascii=line.isascii())
    return (line[: span[0]] + encoded + line[span[1] :]).encode("utf-8") + terminator


def set_field_raw(raw: bytes, field: str, json_value: str) -> bytes:
    """Set top-level ``field`` to an already-encoded JSON value, keeping all other bytes.

    An existing field is replaced in place; a new one is appended before the
    closing brace.
    """
    body = raw.rstrip(b"\r\n")
    terminator = raw[len(body) :] or b"\n"
    line = body.decode("utf-8")
    span = field_value_span(line, field)
    if span is not None:
        return (line[: span[0]] + json_value + line[span[1] :]).encode("utf-8") + terminator
    close = line.rstrip().rfind("}")
    if close < 0:
        raise ValueError("not a JSON object")
    inner = line[:close].rstrip()
    sep = "" if inner.endswith("{") else ", "
    key = json.dumps(field, ensure_ascii=line.isascii())
    return (inner + sep + key + ": " + json_value + line[close:]).encode("utf-8") + terminator
