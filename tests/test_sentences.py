from __future__ import annotations

import pytest

from scrapelint.sentences import split_sentences


def texts(s: str) -> list[str]:
    return [s[a:b] for a, b in split_sentences(s)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Brown spoke. Then he left.", ["Mr. Brown spoke.", "Then he left."]),
        ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
        (
            "Prices rose 3.5 percent. Analysts were surprised.",
            ["Prices rose 3.5 percent.", "Analysts were surprised."],
        ),
        ("J. K. Rowling wrote it. Fans cheered.", ["J. K. Rowling wrote it.", "Fans cheered."]),
        ("Use tools, e.g. Hammers and saws. Done.", ["Use tools, e.g. Hammers and saws.", "Done."]),
        ('"We will win." The crowd cheered.', ['"We will win."', "The crowd cheered."]),
        (
            "It ended at 5 p.m. The next day was calm.",
            ["It ended at 5 p.m.", "The next day was calm."],
        ),
        ("Is it true? Yes! Absolutely.", ["Is it true?", "Yes!", "Absolutely."]),
        ("He lives on No. 5 Main Street. Nice.", ["He lives on No. 5 Main Street.", "Nice."]),
        ("Dr. Who? No idea.", ["Dr. Who?", "No idea."]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_lowercase_continuation_is_not_split() -> None:
    # A rule, not the splitter, decides whether ". if" is a broken sentence.
    assert texts("They must agree on that. if talks go ahead.") == [
        "They must agree on that. if talks go ahead."
    ]


def test_spans_trim_whitespace() -> None:
    text = "  First one.   Second one.  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one."]
