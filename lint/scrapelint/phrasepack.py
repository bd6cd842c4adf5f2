"""Phrase packs: YAML lists of boilerplate phrases and patterns, strictly validated.

A pack is a YAML file with a ``groups`` list. Each group names a match scope
and holds literal ``phrases`` and/or ``regexes``::

    name: my-site
    timeout: 0.05            # seconds per user regex and line (optional)
    groups:
      - name: navigation
        scope: whole-line    # whole-line | line-start | line-end | anywhere
        phrases: ["Latest News", "Back to top"]
        regexes: ['Image \\d+ of \\d+']

Literal phrases match case-insensitively, ignoring punctuation and spacing,
on word boundaries; a whole-line phrase also matches with a trailing count
("Comments (12)"). Optional group keys: ``max-words`` (longest line the group
applies to) and ``requires`` (words or single characters, one of which must
occur in a line before the group's regexes run; a cheap gate that keeps big
packs fast). Every user regex runs with the ``regex`` module's ``timeout=``
so a catastrophic pattern ends in a clear :class:`PhraseTimeoutError`
(naming the file, line and key of the pattern) instead of hanging the run;
``trusted`` packs (the built-in catalogue, reviewed with the code) skip the
timer. Errors in a pack are :class:`scrapelint.errors.ConfigError` with
file, line and key.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from scrapelint.errors import ConfigError
from scrapelint.yamlsource import Located, load_with_lines

#: Default time budget of one user regex on one line, in seconds.
DEFAULT_TIMEOUT = 0.05

_PACK_KEYS = {"name", "description", "language", "timeout", "groups"}
_GROUP_KEYS = {"name", "scope", "phrases", "regexes", "max-words", "requires"}


class Scope(str, enum.Enum):
    """Where in a line a phrase must stand to count."""

    WHOLE_LINE = "whole-line"
    LINE_START = "line-start"
    LINE_END = "line-end"
    ANYWHERE = "anywhere"


class PhraseTimeoutError(ConfigError):
    """A user pattern exceeded its time budget on a line."""


@dataclass(frozen=True)
class Pattern:
    """One compiled phrase or regex with the place it was defined."""

    pattern: Any  # a compiled ``regex`` pattern
    body: str
    #: the normalised phrase for literal entries, None for regexes
    literal: str | None
    source: str
    scope: Scope
    group: str
    max_words: int | None
    #: lower-case substrings of which one must occur in a line before the regex runs
    requires: tuple[str, ...]
    path: str
    line: int | None
    key: str


@dataclass(frozen=True)
class PhraseMatch:
    """A match of a pattern on a line: offsets are relative to the line text."""

    start: int
    end: int
    pattern: Pattern


@dataclass(frozen=True)
class PhrasePack:
    name: str
    path: str
    language: str | None
    timeout: float
    patterns: tuple[Pattern, ...]


_NON_WORD = re.compile(r"[\W_]+")  # stdlib re: faster than ``regex`` for this simple class


def normalize_phrase(text: str) -> str:
    """Case- and punctuation-insensitive form used to match literal phrases."""
    return _NON_WORD.sub(" ", text.casefold().replace("’", "'").replace("'", "")).strip()


def literal_to_regex(phrase: str) -> str:
    """A literal phrase as a regex: escaped, flexible white space, word boundaries."""
    parts = [regex.escape(p) for p in phrase.split()]
    body = r"\s+".join(parts)
    head = r"\b" if phrase[:1].isalnum() else ""
    tail = r"\b" if phrase[-1:].isalnum() else ""
    return head + body + tail


def _anchor(body: str, scope: Scope) -> str:
    # Lines are matched stripped; allow trailing punctuation/bullets around the phrase.
    lead = r"^[\s\-–—•·*»>|:#\[(]*"
    trail = r"[\s\-–—•·*»<|:.!?…)\]]*$"
    if scope is Scope.WHOLE_LINE:
        return f"{lead}(?:{body}){trail}"
    if scope is Scope.LINE_START:
        return f"{lead}(?:{body})"
    if scope is Scope.LINE_END:
        # a line-end phrase ends a fragment (a credit), not a sentence
        return f"(?:{body})" + r"[\s\-–—•·*»<|)\]]*$"
    return f"(?:{body})"


def parse_pack(text: str, path: str = "<phrase-pack>") -> PhrasePack:
    """Validate the YAML text of a pack and compile its patterns."""
    data, lines = load_with_lines(text, path)
    where = Located(path, lines)
    if not isinstance(data, dict):
        raise ConfigError("a phrase pack must be a mapping with a 'groups' list", path, 1)
    for key in data:
        if key not in _PACK_KEYS:
            raise where.error(str(key), f"unknown key; expected one of {sorted(_PACK_KEYS)}")
    name = data.get("name", Path(path).stem)
    if not isinstance(name, str) or not name.strip():
        raise where.error("name", "expected a non-empty string")
    language = data.get("language")
    if language is not None and not isinstance(language, str):
        raise where.error("language", "expected a language code such as 'en'")
    timeout = data.get("timeout", DEFAULT_TIMEOUT)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout <= 10:
        raise where.error("timeout", "expected a number of seconds in (0, 10]")
    groups = data.get("groups")
    if not isinstance(groups, list) or not groups:
        raise where.error("groups", "expected a non-empty list of groups")
    patterns: list[Pattern] = []
    for gi, group in enumerate(groups):
        patterns.extend(_parse_group(group, f"groups[{gi}]", where))
    return PhrasePack(name, path, language, float(timeout), tuple(patterns))


def _parse_group(group: Any, key: str, where: Located) -> list[Pattern]:
    if not isinstance(group, dict):
        raise where.error(key, "expected a mapping with scope and phrases/regexes")
    for k in group:
        if k not in _GROUP_KEYS:
            raise where.error(f"{key}.{k}", f"unknown key; expected one of {sorted(_GROUP_KEYS)}")
    gname = group.get("name", key)
    if not isinstance(gname, str):
        raise where.error(f"{key}.name", "expected a string")
    raw_scope = group.get("scope")
    try:
        scope = Scope(raw_scope)
    except ValueError:
        choices = ", ".join(s.value for s in Scope)
        raise where.error(f"{key}.scope", f"expected one of {choices}, got {raw_scope!r}") from None
    max_words = group.get("max-words")
    if max_words is not None and (
        isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 1
    ):
        raise where.error(f"{key}.max-words", "expected a positive integer")
    requires = group.get("requires", [])
    if not isinstance(requires, list) or not all(isinstance(r, str) and r for r in requires):
        raise where.error(f"{key}.requires", "expected a list of non-empty strings")
    hints = tuple(r.casefold() for r in requires)
    if "phrases" not in group and "regexes" not in group:
        raise where.error(key, "a group needs 'phrases' or 'regexes'")
    out: list[Pattern] = []
    for field, is_regex in (("phrases", False), ("regexes", True)):
        items = group.get(field, [])
        if not isinstance(items, list):
            raise where.error(f"{key}.{field}", "expected a list of strings")
        for i, item in enumerate(items):
            ikey = f"{key}.{field}[{i}]"
            if not isinstance(item, str) or not item.strip():
                raise where.error(ikey, "expected a non-empty string")
            body = item if is_regex else literal_to_regex(item)
            try:
                if is_regex:  # report errors at positions of the user's own pattern
                    regex.compile(body, regex.IGNORECASE | regex.V0)
                compiled = regex.compile(_anchor(body, scope), regex.IGNORECASE | regex.V0)
            except regex.error as exc:
                raise where.error(ikey, f"invalid regex {item!r}: {exc}") from None
            if compiled.match("") is not None and is_regex and scope is not Scope.WHOLE_LINE:
                raise where.error(ikey, f"regex {item!r} matches the empty string")
            line = where.lines.get(ikey)
            literal = None if is_regex else normalize_phrase(item)
            if literal == "":
                raise where.error(ikey, "phrase has no letters or digits")
            out.append(
                Pattern(
                    compiled,
                    body,
                    literal,
                    item,
                    scope,
                    gname,
                    max_words,
                    hints,
                    where.path,
                    line,
                    ikey,
                )
            )
    return out


def load_pack(path: str | Path) -> PhrasePack:
    """Read and validate one pack file."""
    p = str(path)
    try:
        text = Path(p).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read phrase pack: {exc.strerror}", p) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"phrase pack is not UTF-8 (byte offset {exc.start})", p) from None
    return parse_pack(text, p)


class _LiteralIndex:
    """Literal phrases of one scope, indexed so a line costs a few dict look-ups."""

    def __init__(self) -> None:
        self.exact: dict[str, Pattern] = {}
        self.by_first: dict[str, list[Pattern]] = {}
        self.by_last: dict[str, list[Pattern]] = {}

    def add(self, p: Pattern) -> None:
        assert p.literal is not None
        words = p.literal.split()
        if p.scope is Scope.WHOLE_LINE:
            self.exact.setdefault(p.literal, p)
        elif p.scope is Scope.LINE_END:
            self.by_last.setdefault(words[-1], []).append(p)
        else:
            self.by_first.setdefault(words[0], []).append(p)

    def find(self, norm: str, tokens: list[str], n_words: int) -> Pattern | None:
        if not tokens:
            return None
        hit = self.exact.get(norm)
        if hit is None and tokens[-1].isdigit() and len(tokens) > 1:
            # a label with a count: "Comments 12", "View all (4)"
            hit = self.exact.get(norm.rsplit(" ", 1)[0])
        if hit is not None:
            return hit
        padded = f" {norm} "
        for p in self.by_first.get(tokens[0], ()):
            if _fits(p, n_words) and (padded.startswith(f" {p.literal} ")):
                return p
        for p in self.by_last.get(tokens[-1], ()):
            if _fits(p, n_words) and padded.endswith(f" {p.literal} "):
                return p
        return None

    def find_anywhere(self, norm: str, tokens: set[str], n_words: int) -> Pattern | None:
        padded = f" {norm} "
        for token in sorted(self.by_first.keys() & tokens):
            for p in self.by_first[token]:
                if _fits(p, n_words) and f" {p.literal} " in padded:
                    return p
        return None


def _word_limit(patterns: Sequence[Pattern]) -> int | None:
    """The longest line (in words) any pattern may match; None when unbounded."""
    limit = 0
    for p in patterns:
        if p.scope is Scope.WHOLE_LINE and p.literal is not None:
            size = len(p.literal.split()) + 2
        elif p.max_words is None:
            return None
        else:
            size = p.max_words
        limit = max(limit, size)
    return limit


def _fits(p: Pattern, n_words: int) -> bool:
    return p.max_words is None or n_words <= p.max_words


class PhraseMatcher:
    """Matches lines against the patterns of one or more packs.

    Literal phrases are matched on a normalised line through dictionaries,
    so the catalogue's size costs nothing per line. Regexes sit in groups
    behind their ``requires`` gate; user regexes each run with their pack's
    timeout so an error can name them. A literal match reports the whole
    line as its span.
    """

    def __init__(self, packs: Sequence[PhrasePack], trusted: bool = False) -> None:
        self.packs = tuple(packs)
        self.patterns = tuple(p for pack in packs for p in pack.patterns)
        self.trusted = trusted
        self._timeouts = {id(p): pack.timeout for pack in packs for p in pack.patterns}
        self._lines = _LiteralIndex()
        self._anywhere = _LiteralIndex()
        self._regexes: list[Pattern] = []
        for p in self.patterns:
            if p.literal is None:
                self._regexes.append(p)
            elif p.scope is Scope.ANYWHERE:
                self._anywhere.add(p)
            else:
                self._lines.add(p)
        # regexes that share a `requires` list form a group behind one gate; per line, the
        # open groups are found from the line's words (set look-ups) and a few characters
        grouped: dict[tuple[str, ...], list[Pattern]] = {}
        for p in self._regexes:
            grouped.setdefault(p.requires, []).append(p)
        self._groups: list[list[Pattern]] = list(grouped.values())
        self._ungated: frozenset[int] = frozenset(
            gid for gid, hints in enumerate(grouped) if not hints
        )
        self._gate_words: dict[str, set[int]] = {}
        self._gate_chars: dict[str, set[int]] = {}
        for gid, hints in enumerate(grouped):
            for hint in hints:
                norm = normalize_phrase(hint) if len(hint.strip()) > 1 else ""
                if norm:
                    self._gate_words.setdefault(norm.split()[0], set()).add(gid)
                else:
                    self._gate_chars.setdefault(hint.strip() or hint, set()).add(gid)
        #: lines longer than this many words cannot match any pattern
        self._limit = _word_limit(self.patterns)

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def match(self, line: str, words: int | None = None) -> PhraseMatch | None:
        """The first pattern matching a stripped line (scope-aware), or None."""
        if words is not None and self._limit is not None and words > self._limit:
            return None
        norm = normalize_phrase(line)
        tokens = norm.split()
        n_words = len(tokens) if words is None else words
        token_set = set(tokens)
        hit = self._lines.find(norm, tokens, n_words) or self._anywhere.find_anywhere(
            norm, token_set, n_words
        )
        if hit is not None:
            return PhraseMatch(0, len(line), hit)
        return self._match_regex(line, token_set, n_words)

    def _open_groups(self, line: str, tokens: set[str]) -> list[int]:
        open_ids = set(self._ungated)
        for word in self._gate_words.keys() & tokens:
            open_ids |= self._gate_words[word]
        for char, ids in self._gate_chars.items():
            if char in line:
                open_ids |= ids
        return sorted(open_ids)

    def _match_regex(self, line: str, tokens: set[str], n_words: int) -> PhraseMatch | None:
        for gid in self._open_groups(line, tokens):
            for p in self._groups[gid]:
                if not _fits(p, n_words):
                    continue
                m = p.pattern.search(line) if self.trusted else self._search(p, line)
                if m is not None:
                    return PhraseMatch(m.start(), m.end(), p)
        return None

    def _search(self, p: Pattern, line: str) -> Any:
        timeout = self._timeouts.get(id(p), DEFAULT_TIMEOUT)
        try:
            return p.pattern.search(line, timeout=timeout)
        except TimeoutError:
            raise PhraseTimeoutError(
                f"pattern {p.source!r} took longer than {timeout:g}s on a line of "
                f"{len(line)} characters; simplify it (avoid nested repetition)",
                p.path,
                p.line,
                p.key,
            ) from None
