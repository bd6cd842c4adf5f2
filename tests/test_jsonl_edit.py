from __future__ import annotations

import json

import pytest

from scrapelint.jsonl import field_value_span, replace_field


def test_replaces_only_the_field_bytes() -> None:
    raw = b'{"id": 7,  "text" : "old \\u00e9 text", "meta": {"text": "keep"}, "n": 1.50}\n'
    out = replace_field(raw, "text", "new text")
    assert out == b'{"id": 7,  "text" : "new text", "meta": {"text": "keep"}, "n": 1.50}\n'


def test_non_ascii_line_keeps_raw_unicode_and_crlf() -> None:
    raw = '{"text": "café\\nx", "title": "Ünïcode"}\r\n'.encode()
    out = replace_field(raw, "text", "café")
    assert out == '{"text": "café", "title": "Ünïcode"}\r\n'.encode()


def test_last_duplicate_key_wins_like_json_loads() -> None:
    line = '{"text": "a", "text": "b"}'
    span = field_value_span(line, "text")
    assert span is not None and line[span[0] : span[1]] == '"b"'
    assert json.loads(replace_field(line.encode(), "text", "c"))["text"] == "c"


def test_missing_field_raises() -> None:
    with pytest.raises(ValueError):
        replace_field(b'{"body": "x"}', "text", "y")
