"""BP001 boilerplate-phrase: lines matched by a phrase pack."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from scrapelint.diagnostics import Category, Diagnostic, Severity
from scrapelint.document import Document
from scrapelint.phrasepack import PhraseMatch, PhraseMatcher, PhrasePack, load_pack
from scrapelint.rule import Rule, RuleSettings
from scrapelint_rules.boilerplate.common import line_diagnostic, where
from scrapelint_rules.boilerplate.layout import Layout, layout, line_words

_TEXT = itemgetter(3)  # LineInfo.text
_WORDS = itemgetter(4)  # LineInfo.words

BUILTIN_PACK = Path(__file__).with_name("phrases_en.yaml")
#: Symbols, numbers and agency names: the same on pages in any language.
UNIVERSAL_PACK = Path(__file__).with_name("phrases_any.yaml")


@lru_cache(maxsize=4)
def builtin_pack(path: str = str(BUILTIN_PACK)) -> PhrasePack:
    """Our English catalogue, parsed once per process (it never changes at run time)."""
    return load_pack(path)


@dataclass(frozen=True)
class BoilerplatePhraseOptions:
    #: Use the built-in packs (the English one on English-looking texts only).
    builtin: bool = True


class BoilerplatePhrase(Rule):
    """Flags lines matched by a boilerplate phrase pack.

    ## What it does
    Matches every line against the built-in English catalogue (navigation,
    share/subscribe prompts, notices, credits) and any phrase packs the
    configuration adds, globally (`phrase-packs:`) or per site (`sites:`).
    Each pack entry states its scope: the whole line, its start, its end or
    anywhere in it. The English catalogue only runs on English-looking
    texts; a small language-neutral pack (copyright signs, slide counters,
    picture-agency credits) and user packs run everywhere.

    ## Why is this bad
    "Latest News", "Share this article" or a copyright notice is page
    furniture, not article text. It pollutes summaries, search snippets and
    training data, and repeats across every page of a site.

    ## Example
    ```text
    ...the minister said on Tuesday.

    Latest News
    ```
    The last line is flagged.

    ## Options
    - `builtin` (bool, default true): use the built-in packs.

    ## Fix
    Safe when the line stands above or below the article body; unsafe inside
    it, where a matched phrase may be part of the story.
    """

    code = "BP001"
    name = "boilerplate-phrase"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    fixable = "always"
    Options = BoilerplatePhraseOptions

    def __init__(self, options: Any = None, settings: RuleSettings | None = None) -> None:
        super().__init__(options, settings)
        opts: BoilerplatePhraseOptions = self.options
        # one matcher per language case, so each line is normalised once
        self._builtin: PhraseMatcher | None = None
        self._universal: PhraseMatcher | None = None
        if opts.builtin:
            universal = builtin_pack(str(UNIVERSAL_PACK))
            self._builtin = PhraseMatcher([builtin_pack(), universal], trusted=True)
            self._universal = PhraseMatcher([universal], trusted=True)
        self._user = PhraseMatcher([load_pack(p) for p in self.settings.phrase_packs])
        self._sites: list[tuple[str, PhraseMatcher]] = []
        for site in self.settings.sites:
            if site.phrase_packs:
                packs = [load_pack(p) for p in site.phrase_packs]
                self._sites.append((site.pattern, PhraseMatcher(packs)))

    def _matchers(self, doc: Document, english: bool) -> list[PhraseMatcher]:
        from scrapelint.linter import site_matches

        builtin = self._builtin if english else self._universal
        out = [builtin] if builtin is not None else []
        if self._user:
            out.append(self._user)
        out.extend(m for pattern, m in self._sites if site_matches(pattern, doc))
        return out

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        lay = layout(doc)
        matchers = self._matchers(doc, lay.english)
        if not matchers:
            return
        words_of = line_words(doc)
        if len(matchers) == 1:
            # the usual case: one matcher scans the lines in one loop
            texts = map(_TEXT, lay.lines)
            counts = map(_WORDS, lay.lines)
            for pos, found in matchers[0].scan(texts, counts, words_of):
                yield self._report(doc, lay, pos, found)
            return
        for pos, info in enumerate(lay.lines):
            tokens = words_of[pos]
            for matcher in matchers:
                hit = matcher.match(info.text, info.words, tokens)
                if hit is not None:
                    yield self._report(doc, lay, pos, hit)
                    break

    def _report(self, doc: Document, lay: Layout, pos: int, found: PhraseMatch) -> Diagnostic:
        p = found.pattern
        message = (
            f"line matches boilerplate phrase {p.source!r} ({p.scope.value}, "
            f"group {p.group!r} of {Path(p.path).name}) {where(lay, pos)}"
        )
        return line_diagnostic(self, doc, lay, pos, message, "boilerplate line")
