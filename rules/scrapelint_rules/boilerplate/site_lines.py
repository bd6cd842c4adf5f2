"""BP101 site-boilerplate: lines that recur across many pages of one site (corpus mode).

The corpus state is a bounded, mergeable summary per site:

- a page is a distinct url (documents without a url are pages of their own,
  grouped under the run rather than a site), so the same page scraped twice
  is not evidence of a template;
- pages are counted with a k-minimum-values sketch of 64-bit page hashes
  (exact up to k distinct pages, an unbiased estimate beyond), which merges
  by union and is the same whatever the merge order;
- each candidate line (short, normalised) is keyed by a 64-bit blake2b hash
  and keeps its own small sketch of the pages it appears on, plus a
  normalised text sample so the baseline file stays readable;
- memory is bounded: once a site holds more than ``2 * max_lines_per_site``
  lines, the lines seen on the fewest pages are dropped (ties broken by hash)
  down to ``max_lines_per_site``, so a site costs at most about
  ``2 * max_lines_per_site * (k_line * 8 + 150)`` bytes (about 9 MB per site
  at the defaults).
  Pruning is the only step that can depend on merge order, and it only
  drops lines too rare to be reported.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from scrapelint.diagnostics import Category, Diagnostic, Severity
from scrapelint.document import Document, tuple_maker
from scrapelint.phrasepack import normalize_phrase
from scrapelint.rule import CorpusRule
from scrapelint_rules.boilerplate.common import line_diagnostic
from scrapelint_rules.boilerplate.layout import is_dateline, layout, line_infos, line_words

#: Sketch sizes: distinct pages are exact up to these counts.
K_SITE = 256
K_LINE = 16
_HASH_SPACE = float(2**64)
_RUN = ""  # the pseudo-site of documents without a url


def stable_hash(text: str) -> int:
    """A 64-bit hash that is the same in every process (unlike ``hash``)."""
    return _hash_utf8(text.encode("utf-8"))


def _hash_utf8(data: bytes) -> int:
    """:func:`stable_hash` of the text whose UTF-8 form is ``data``."""
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def merge_sketch(a: list[int], b: Sequence[int], k: int) -> list[int]:
    """The k smallest distinct values of two sketches (order-independent).

    Sketches are sorted and distinct, as this returns them and ``load`` reads them. Most
    merges add one page to a line's sketch: that one value is placed by bisection (the
    corpus pass does this for every line of every document); the rest go through a heap.
    """
    if len(b) == 1 and len(a) <= k:
        value = b[0]
        i = bisect.bisect_left(a, value)
        if i >= k or (i < len(a) and a[i] == value):
            return a  # beyond the k smallest, or already in
        return [*a[:i], value, *a[i : k - 1]]
    return heapq.nsmallest(k, set(a).union(b))


def sketch_count(sketch: list[int], k: int) -> int:
    """Distinct values behind a k-minimum-values sketch: exact below k, estimated above."""
    if len(sketch) < k:
        return len(sketch)
    return max(k, round((k - 1) * _HASH_SPACE / (sketch[-1] + 1)))


@dataclass
class SiteStats:
    pages: list[int] = field(default_factory=list)
    #: line hash -> (normalised text sample, sketch of page hashes)
    lines: dict[int, tuple[str, list[int]]] = field(default_factory=dict)


CorpusState = dict[str, SiteStats]


@dataclass(frozen=True)
class SiteBoilerplateOptions:
    #: Share of a site's pages a line must appear on.
    min_share: float = 0.5
    #: Pages a short line (at most `short_words` words) must appear on.
    min_pages_short: int = 2
    #: Pages a longer line must appear on.
    min_pages_long: int = 5
    #: Longest line counted as "short".
    short_words: int = 12
    #: Longest line tracked at all, in words (longer repeats are DUP's business).
    max_words: int = 40
    #: Lines kept per site before the rarest are dropped (memory bound).
    max_lines_per_site: int = 20000


class _Candidate(NamedTuple):
    """A short line of a document: its position among the line features, hash, sample and
    word count (a named tuple built in C: the corpus pass makes one per short line)."""

    pos: int
    key: int
    text: str
    words: int


_new_candidate = tuple_maker(_Candidate)


def _candidates(doc: Document) -> list[_Candidate]:
    out: list[_Candidate] = []
    seen: set[int] = set()
    words_of = line_words(doc)
    for pos, info in enumerate(line_infos(doc)):
        if info.words > 40 or info.words == 0:
            continue
        tokens = words_of[pos]
        # the normalised line (``normalize_phrase``) in UTF-8, from the shared words
        norm = normalize_phrase(info.text).encode() if tokens is None else b" ".join(tokens)
        if not norm:
            continue
        key = _hash_utf8(norm)
        if key in seen:
            continue  # a document counts a line once
        seen.add(key)
        out.append(_new_candidate((pos, key, norm.decode()[:80], info.words)))
    return out


def corpus_lines(doc: Document) -> list[_Candidate]:
    """The shared candidate view: from the line features alone, so the corpus pass does not
    build the whole layout."""
    return doc.view("bp.corpus-lines", _candidates)


def _site_key(doc: Document) -> str:
    return doc.site or _RUN


def _page_key(doc: Document) -> int:
    if doc.url:
        return stable_hash("url:" + doc.url.strip())
    return stable_hash(f"doc:{doc.path}:{doc.record}:{doc.id}")


class SiteBoilerplate(CorpusRule[CorpusState]):
    """Flags lines that recur on many pages of the same site.

    ## What it does
    In corpus mode (a directory, a JSONL file or a saved baseline), counts on
    how many distinct pages of each site (the url's domain; all documents of
    the run when there is no url) every short line appears, and flags the
    lines that appear on at least half of the site's pages: two pages for a
    line of up to 12 words, five for a longer one. Each document counts a
    line once, and copies of the same url count as one page. The counts can
    be saved with `--write-baseline` and reused with `--baseline`, so a
    single-file run still knows a site's template lines.

    ## Why is this bad
    A line that closes every article of a site ("Latest News", a newsletter
    prompt, a copyright notice) is template, not content, even when no phrase
    list knows it.

    ## Example
    ```text
    ...talks are expected to resume in March.

    Latest News
    ```
    With 40 pages of example.com in the run, "Latest News" is reported as
    appearing in 37 of 40 documents from example.com.

    ## Options
    - `min_share` (float, default 0.5): share of the site's pages.
    - `min_pages_short` (int, default 2) and `min_pages_long` (int, default 5):
      pages needed for a short and a longer line.
    - `short_words` (int, default 12): longest "short" line.
    - `max_words` (int, default 40): longer lines are not tracked.
    - `max_lines_per_site` (int, default 20000): memory bound per site.

    ## Fix
    Safe above or below the article body; unsafe inside it.
    """

    code = "BP101"
    name = "site-boilerplate"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fixable = "always"
    Options = SiteBoilerplateOptions

    # -- map / reduce ------------------------------------------------------

    def empty(self) -> CorpusState:
        return {}

    def collect(self, doc: Document) -> CorpusState:
        opts: SiteBoilerplateOptions = self.options
        page = _page_key(doc)
        stats = SiteStats(pages=[page])
        for cand in corpus_lines(doc):
            if cand.words <= opts.max_words:
                stats.lines[cand.key] = (cand.text, [page])
        return {_site_key(doc): stats}

    def merge(self, a: CorpusState, b: CorpusState) -> CorpusState:
        opts: SiteBoilerplateOptions = self.options
        for site, theirs in b.items():
            ours = a.get(site)
            if ours is None:
                a[site] = ours = SiteStats()
            ours.pages = merge_sketch(ours.pages, theirs.pages, K_SITE)
            for key, (text, pages) in theirs.lines.items():
                mine = ours.lines.get(key)
                if mine is None:
                    ours.lines[key] = (text, list(pages))
                else:
                    sample = min(mine[0], text)
                    ours.lines[key] = (sample, merge_sketch(mine[1], pages, K_LINE))
            if len(ours.lines) > 2 * opts.max_lines_per_site:
                # prune in batches (hysteresis) so the cost stays O(n log n) over a run
                _prune(ours, opts.max_lines_per_site)
        return a

    # -- checking ------------------------------------------------------------

    def check_corpus(self, doc: Document, corpus: CorpusState) -> Iterator[Diagnostic]:
        opts: SiteBoilerplateOptions = self.options
        site = _site_key(doc)
        stats = corpus.get(site)
        if stats is None:
            return
        total = sketch_count(stats.pages, K_SITE)
        if total < 2:
            return
        lay = layout(doc)
        where = f"documents from {site}" if site else "documents of the run"
        for cand in corpus_lines(doc):
            entry = stats.lines.get(cand.key)
            if entry is None:
                continue
            count = min(sketch_count(entry[1], K_LINE), total)
            short = cand.words <= opts.short_words
            need = max(
                opts.min_pages_short if short else opts.min_pages_long,
                math.ceil(opts.min_share * total),
            )
            if count < need or cand.words > opts.max_words:
                continue
            info = lay.lines[cand.pos]
            if is_dateline(info.text):
                continue  # "LONDON (Reuters) —" opens many stories and belongs to each
            message = f"line appears in {count} of {total} {where} (threshold {need})"
            yield line_diagnostic(self, doc, lay, cand.pos, message, "site boilerplate line")

    # -- baseline ------------------------------------------------------------

    def dump(self, state: CorpusState) -> Any:
        return {
            "format": "scrapelint-site-lines/1",
            "k_site": K_SITE,
            "k_line": K_LINE,
            "sites": {
                site: {
                    "pages": [f"{h:016x}" for h in sorted(stats.pages)],
                    "lines": {
                        f"{key:016x}": {
                            "text": text,
                            "pages": [f"{h:016x}" for h in sorted(pages)],
                        }
                        for key, (text, pages) in sorted(stats.lines.items())
                    },
                }
                for site, stats in sorted(state.items())
            },
        }

    def load(self, data: Any) -> CorpusState:
        if not isinstance(data, dict) or data.get("format") != "scrapelint-site-lines/1":
            raise ValueError("not a BP101 baseline section (format scrapelint-site-lines/1)")
        state: CorpusState = {}
        for site, raw in data.get("sites", {}).items():
            # sketches are sorted and distinct (``merge_sketch`` relies on it)
            stats = SiteStats(pages=sorted({int(h, 16) for h in raw.get("pages", [])}))
            for key, entry in raw.get("lines", {}).items():
                pages = sorted({int(h, 16) for h in entry.get("pages", [])})
                stats.lines[int(key, 16)] = (str(entry.get("text", "")), pages[:K_LINE])
            stats.pages = stats.pages[:K_SITE]
            state[str(site)] = stats
        return state


def _prune(stats: SiteStats, cap: int) -> None:
    """Keep the ``cap`` lines seen on most pages (ties: smaller hash first)."""
    ranked = sorted(stats.lines.items(), key=lambda kv: (-len(kv[1][1]), kv[0]))
    stats.lines = dict(ranked[:cap])
