"""Stable hashes and MinHash sketches for finding copies without pairwise comparison.

Hashes must be the same in every process (parallel workers, a baseline written yesterday), so
Python's salted ``hash()`` is not used: exact keys go through BLAKE2b, word shingles through
CRC-32 with a multiplicative mix, both in C.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from hashlib import blake2b

_MIX = 0x9E3779B1
_MASK32 = 0xFFFFFFFF
_EMPTY_BIN = _MASK32 + 1


def stable_hash(text: str) -> int:
    """A 64-bit hash of a normalised text, identical across processes and runs."""
    return int.from_bytes(blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def shingle_hashes(words: Sequence[str], size: int = 3) -> set[int]:
    """32-bit hashes of the overlapping word ``size``-grams of a text."""
    if len(words) < size:
        return {_mix(" ".join(words))} if words else set()
    return {_mix(" ".join(words[i : i + size])) for i in range(len(words) - size + 1)}


def _mix(shingle: str) -> int:
    return (zlib.crc32(shingle.encode("utf-8")) * _MIX) & _MASK32


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
    """LSH band keys: each band of ``rows`` bins hashed with its band number."""
    keys = []
    for band, start in enumerate(range(0, len(signature) - rows + 1, rows)):
        chunk = ",".join(map(str, signature[start : start + rows]))
        keys.append(stable_hash(f"band{band}:{chunk}"))
    return keys
