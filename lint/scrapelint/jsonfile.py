"""The project's own JSON files (baseline, suppressions): tagged with a format name,
written deterministically (sorted keys, one entry per line) and atomically."""

from __future__ import annotations

import json
from typing import Any

from scrapelint.atomic import atomic_write
from scrapelint.errors import InputError


def read_tagged(path: str, fmt: str, what: str) -> dict[str, Any]:
    """Load a JSON object whose ``format`` is ``fmt``; errors name the file and ``what`` it is."""
    try:
        with open(path, encoding="utf-8") as fh:
            data: Any = json.load(fh)
    except OSError as exc:
        raise InputError(f"{path}: cannot read {what}: {exc.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: {what} is not valid JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != fmt:
        raise InputError(f"{path}: not a scrapelint {what} file")
    return data


def dumps_tagged(fmt: str, version: int, body: dict[str, Any]) -> str:
    data = {"format": fmt, "version": version, **body}
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def write_tagged(path: str, fmt: str, version: int, body: dict[str, Any]) -> None:
    atomic_write(path, dumps_tagged(fmt, version, body).encode("utf-8"))
