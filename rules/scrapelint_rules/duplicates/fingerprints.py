"""Stable hashes and MinHash sketches for finding copies without pairwise comparison.

Hashes must be the same in every process (parallel workers, a baseline written yesterday), so
Python's salted ``hash()`` is not used: everything is built from CRC-32 (in C) and integer
arithmetic.
"""

from __future__ import annotations

from collections.abc import Sequence
from zlib import crc32

_MASK32 = 0xFFFFFFFF
_MASK64 = 0xFFFFFFFFFFFFFFFF
_EMPTY_BIN = _MASK32 + 1
# Odd multipliers that spread each word's hash before the three are combined.
_M1, _M2, _M3 = 0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D
_BAND_SALT = 0x9E3779B97F4A7C15
_SECOND_SEED = 0x5BD1E995


def stable_hash(text: str) -> int:
    """A 64-bit hash of a normalised text, identical across processes and runs."""
    data = text.encode("utf-8")
    return (crc32(data) << 32) | crc32(data, _SECOND_SEED)


def shingle_hashes(words: Sequence[str]) -> set[int]:
    """32-bit hashes of the overlapping word 3-grams of a text (one CRC per word)."""
    hashes = [crc32(w.encode("utf-8")) for w in words]
    if len(hashes) < 3:
        return {sum(hashes) & _MASK32} if hashes else set()
    return {
        ((a * _M1) ^ (b * _M2) ^ (c * _M3)) & _MASK32
        for a, b, c in zip(hashes, hashes[1:], hashes[2:], strict=False)
    }


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def minhash(shingles: set[int], bins: int) -> tuple[int, ...]:
    """One-permutation MinHash: the smallest shingle hash falling in each of ``bins`` bins.

    One pass over the shingles instead of one pass per hash function; two texts agree on a
    bin with probability close to their Jaccard similarity.
    """
    mins = [_EMPTY_BIN] * bins
    for h in shingles:
        b = h % bins
        if h < mins[b]:
            mins[b] = h
    return tuple(mins)


def band_keys(signature: tuple[int, ...], rows: int) -> list[int]:
    """LSH band keys: each band of ``rows`` bins folded into 64 bits with its band number."""
    keys = []
    for band, start in enumerate(range(0, len(signature) - rows + 1, rows)):
        key = 0
        for value in signature[start : start + rows]:
            key = ((key << 33) ^ value) & _MASK64
        keys.append(key ^ ((band + 1) * _BAND_SALT & _MASK64))
    return keys
