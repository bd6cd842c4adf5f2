"""Small text helpers shared by rules: normalisation for comparison."""

from __future__ import annotations

import unicodedata

import regex

_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")


def normalize_for_compare(text: str) -> str:
    """Case-, punctuation-, quote- and whitespace-insensitive form of a text.

    Two lines that differ only in quote style, case, punctuation or spacing
    normalise to the same string.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _NON_WORD.sub(" ", text).strip()


def ends_with_terminal(text: str) -> bool:
    """True when a text ends with sentence-final punctuation (quotes allowed after it)."""
    stripped = text.rstrip().rstrip("\"'”’»)]")
    return bool(stripped) and stripped[-1] in ".!?…:;"
