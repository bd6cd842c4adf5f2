"""Reading articles: text files, directories, stdin and JSONL records.

Every input becomes a stream of :class:`Document` objects or
:class:`InputProblem` objects. A problem names the file and the position (line
of a JSONL file, byte offset of invalid UTF-8) and never stops the rest of the
input from being read.
"""

from __future__ import annotations

import codecs
import fnmatch
import gzip
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from scrapelint.document import Document

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.jsonl", "*.jsonl.gz")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv", ".tox")
STDIN = "-"


@dataclass(frozen=True)
class FieldNames:
    text: str = "text"
    title: str = "title"
    id: str = "id"
    url: str = "url"
    ignore: str = "scrapelint_ignore"


@dataclass(frozen=True)
class InputProblem:
    """Something in the input that could not be read as an article."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


def is_jsonl(path: str) -> bool:
    return path.endswith(".jsonl") or path.endswith(".jsonl.gz")


def discover(
    paths: Sequence[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
) -> Iterator[str | InputProblem]:
    """Expand paths and directories into files, in a stable (sorted) order.

    Files named explicitly are always read; files found in directories must
    match ``include`` and not ``exclude``. Symlink loops and unreadable
    directories are reported and skipped.
    """
    excl = tuple(DEFAULT_EXCLUDE) + tuple(exclude)
    for p in paths:
        if p == STDIN:
            yield p
            continue
        if not os.path.lexists(p):
            yield InputProblem(p, "no such file or directory")
            continue
        if os.path.isdir(p):
            yield from _walk(p, include, excl)
        elif _excluded(p, excl):
            continue
        else:
            yield p


def _excluded(path: str, exclude: Sequence[str]) -> bool:
    parts = Path(path).parts
    norm = path.replace(os.sep, "/")
    for pat in exclude:
        if fnmatch.fnmatch(norm, pat) or any(fnmatch.fnmatch(part, pat) for part in parts):
            return True
    return False


def _walk(
    root: str, include: Sequence[str], exclude: Sequence[str]
) -> Iterator[str | InputProblem]:
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        d = stack.pop()
        try:
            st = os.stat(d)
        except OSError as exc:
            yield InputProblem(d, f"cannot read directory: {exc.strerror}")
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            yield InputProblem(d, "symlink loop: directory already visited")
            continue
        seen.add(key)
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as exc:
            yield InputProblem(d, f"cannot read directory: {exc.strerror}")
            continue
        subdirs: list[str] = []
        for entry in entries:
            rel = entry.path
            if _excluded(rel, exclude):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                subdirs.append(entry.path)
            elif any(fnmatch.fnmatch(entry.name, pat) for pat in include):
                yield entry.path
        stack.extend(reversed(subdirs))


def read_bytes(path: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read()
    with open(path, "rb") as fh:
        return fh.read()


def decode_text(path: str, raw: bytes) -> tuple[str, str, bytes] | InputProblem:
    """Decode a text article, honouring UTF-8 and UTF-16 byte-order marks.

    Returns (text, encoding, bom) or a problem naming the byte offset of the
    first invalid sequence. NUL bytes mark binary files.
    """
    if raw.startswith(codecs.BOM_UTF8):
        bom, encoding, body = codecs.BOM_UTF8, "utf-8", raw[3:]
    elif raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        bom, encoding = (
            raw[:2],
            ("utf-16-le" if raw.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"),
        )
        body = raw[2:]
    else:
        bom, encoding, body = b"", "utf-8", raw
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + len(bom)
        return InputProblem(
            path, f"invalid {encoding.upper()} at byte offset {offset}; file skipped"
        )
    if "\x00" in text:
        return InputProblem(
            path, f"binary file (NUL byte at character {text.index(chr(0))}); skipped"
        )
    return text, encoding, bom


def open_jsonl(path: str) -> BinaryIO:
    if path == STDIN:
        return sys.stdin.buffer
    if path.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def parse_record(
    path: str, number: int, raw: bytes, fields: FieldNames
) -> tuple[dict[str, Any], Document] | InputProblem | None:
    """Parse one JSONL line into a document; blank lines give None."""
    stripped = raw.strip()
    if not stripped:
        return None
    try:
        line = stripped.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputProblem(path, f"invalid UTF-8 at byte offset {exc.start} of the line", number)
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputProblem(path, f"not valid JSON: {exc.msg}", number, exc.colno)
    except RecursionError:
        return InputProblem(path, "not valid JSON: nested too deeply", number)
    if not isinstance(obj, dict):
        return InputProblem(path, f"expected a JSON object, got {type(obj).__name__}", number)
    text = obj.get(fields.text)
    if text is None:
        return InputProblem(path, f"record has no {fields.text!r} field", number)
    if not isinstance(text, str):
        return InputProblem(
            path, f"field {fields.text!r} is {type(text).__name__}, not a string", number
        )
    title = obj.get(fields.title)
    url = obj.get(fields.url)
    rid = obj.get(fields.id)
    doc = Document(
        text,
        title=title if isinstance(title, str) else None,
        url=url if isinstance(url, str) else None,
        path=path,
        record=number,
        id=None if rid is None else str(rid),
    )
    return obj, doc
