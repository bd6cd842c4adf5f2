"""Shared word statistics: English word frequencies and stopwords.

Frequencies come from the ``wordfreq`` package (code Apache-2.0, data
CC-BY-SA 4.0), which ships its tables inside the wheel, so nothing is
downloaded at run time. The table is loaded once per process, on first use.
"""

from __future__ import annotations

import math
import threading
from functools import lru_cache

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
                from wordfreq import get_frequency_dict

                _table = get_frequency_dict("en", wordlist="best")
    return _table


def frequency(word: str) -> float:
    """Frequency of a lower-case word (0.0 when unknown)."""
    return frequency_table().get(word, 0.0)


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency (log10 of occurrences per billion words) of a lower-case word."""
    f = frequency_table().get(word, 0.0)
    return math.log10(f * 1e9) if f > 0 else UNKNOWN_ZIPF
