"""Shared word statistics: English word frequencies and stopwords.

Frequencies come from the ``wordfreq`` package (code Apache-2.0, data
CC-BY-SA 4.0), which ships its tables inside the wheel, so nothing is
downloaded at run time. The table is loaded once per process, on first use.

Its English table is read straight from the package's data file, in the "cBpack"
format wordfreq documents (a gzipped msgpack list: a header, then one list of words
per centibel of frequency). Importing wordfreq itself would also load its language
tables and tokenisers, which cost more than the table (about 0.25 s of every run's
start-up, which a pre-commit hook or an editor feels). Should the file not be where
or what we expect, the public ``get_frequency_dict`` gives the same table.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

_lock = threading.Lock()
_table: dict[str, float] | None = None

#: Zipf value given to a word that the table does not know.
UNKNOWN_ZIPF = 0.0

# A compact English stopword list (function words), written for scrapelint.
STOPWORDS = frozenset(
    """a about above after again against all almost also although always am among an and
    another any anyone anything are around as at away back be became because become been
    before being below between both but by can cannot could did do does doing done down
    during each either else enough even ever every few for from further get gets got had has
    have having he her here hers herself him himself his how however i if in into is it its
    itself just least less like made make many may me might more most much must my myself
    neither never no nor not now of off often on once one only onto or other others our ours
    ourselves out over own per perhaps put rather really said same say says see seem seemed
    several shall she should since so some someone something still such than that the their
    theirs them themselves then there these they this those though through thus to together
    too toward towards under until up upon us very via was we well were what whatever when
    where whether which while who whom whose why will with within without would yet you your
    yours yourself yourselves""".split()
)


def frequency_table() -> dict[str, float]:
    """The English word-frequency table (word -> frequency per word)."""
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                _table = _packed_table() or _public_table()
    return _table


def _packed_table() -> dict[str, float] | None:
    """The English table from wordfreq's data file, or None when it cannot be read."""
    try:
        import msgpack

        spec = importlib.util.find_spec("wordfreq")
        if spec is None or not spec.submodule_search_locations:
            return None
        path = Path(next(iter(spec.submodule_search_locations))) / "data" / "large_en.msgpack.gz"
        with gzip.open(path, "rb") as fh:
            pack: Any = msgpack.load(fh, raw=False)
    except (ImportError, OSError, ValueError, StopIteration):
        return None
    header = pack[0] if isinstance(pack, list) and pack else None
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        return None
    table: dict[str, float] = {}
    for centibels, words in enumerate(pack[1:]):
        # A word in list i occurs with probability 10 ** (-i / 100).
        table.update(dict.fromkeys(words, 10 ** (-centibels / 100)))
    return table


def _public_table() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", wordlist="best")


def frequency(word: str) -> float:
    """Frequency of a lower-case word (0.0 when unknown)."""
    return frequency_table().get(word, 0.0)


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency (log10 of occurrences per billion words) of a lower-case word."""
    f = frequency_table().get(word, 0.0)
    return math.log10(f * 1e9) if f > 0 else UNKNOWN_ZIPF
