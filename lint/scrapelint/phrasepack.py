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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import not_
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

    pattern: Any  # a compiled ``regex`` pattern (a :class:`LazyRegex` for a literal phrase)
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


_FLAGS = regex.IGNORECASE | regex.V0


class LazyRegex:
    """The regex of a literal phrase (escaped, so always valid), compiled on first use.

    The matcher finds literal phrases through dictionaries and never runs these; compiling
    the few hundred of a catalogue up front would cost every process a third of a second.
    It stands in for the compiled pattern: attributes are those of ``regex.compile(source)``.
    """

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: Any = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name == "source":  # not set yet (copy, unpickling)
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = regex.compile(self.source, _FLAGS)
        return getattr(self._compiled, name)

    def __reduce__(self) -> tuple[type[LazyRegex], tuple[str]]:
        return LazyRegex, (self.source,)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LazyRegex) and other.source == self.source

    def __hash__(self) -> int:
        return hash(self.source)


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
            compiled: Any
            if is_regex:
                try:  # report errors at positions of the user's own pattern
                    regex.compile(body, _FLAGS)
                    compiled = regex.compile(_anchor(body, scope), _FLAGS)
                except regex.error as exc:
                    raise where.error(ikey, f"invalid regex {item!r}: {exc}") from None
                if compiled.match("") is not None and scope is not Scope.WHOLE_LINE:
                    raise where.error(ikey, f"regex {item!r} matches the empty string")
            else:
                compiled = LazyRegex(_anchor(body, scope))
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


#: Bytes of a casefolded line: ASCII letters and digits stay, other ASCII bytes separate
#: words; bytes from 0x80 (UTF-8 of the non-ASCII letters, separators are replaced first) stay.
_FOLD_BYTES = bytes(b if b >= 0x80 or chr(b).isalnum() else 0x20 for b in range(256))
_FOLD_ASCII_BYTES = _FOLD_BYTES.translate(
    bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
)
#: A non-ASCII character that is not a letter or digit (``\w`` is ``str.isalnum`` or "_").
_NON_ASCII_MARK = re.compile(r"[^\x00-\x7f\w]")


def phrase_words(line: str) -> list[bytes]:
    """The words of ``normalize_phrase(line)``, UTF-8 encoded.

    Built with C-level string operations (casefold, translate, split) instead of a regex
    substitution over the line, since the matcher runs on every short line of every text.
    """
    if line.isascii():  # casefolding ASCII is lower-casing, which the table does
        return line.encode().translate(_FOLD_ASCII_BYTES, b"'").split()
    folded = line.casefold()
    if not folded.isascii():
        # "’" joins the letters around it, as an apostrophe; other non-ASCII characters that
        # are not letters or digits separate words
        folded = _NON_ASCII_MARK.sub(" ", folded.replace("’", ""))
    return folded.encode().translate(_FOLD_BYTES, b"'").split()


#: As the tables above, but a line break stays one, to split a batch of lines.
_FOLD_BYTES_NL = _FOLD_BYTES[:10] + b"\n" + _FOLD_BYTES[11:]
_FOLD_ASCII_BYTES_NL = _FOLD_ASCII_BYTES[:10] + b"\n" + _FOLD_ASCII_BYTES[11:]


def phrase_words_lines(lines: Sequence[str]) -> list[list[bytes]]:
    """``[phrase_words(line) for line in lines]`` for lines without a line break, with the
    string operations run once per batch of lines (ASCII lines, and the others) instead of
    once per line."""
    ascii_lines = list(map(str.isascii, lines))
    if all(ascii_lines):
        return _fold_ascii_batch(lines)
    if not any(ascii_lines):
        return _fold_batch(lines)
    plain = iter(_fold_ascii_batch(list(compress(lines, ascii_lines))))
    other = iter(_fold_batch(list(compress(lines, map(not_, ascii_lines)))))
    return [next(plain) if a else next(other) for a in ascii_lines]


def _fold_ascii_batch(lines: Sequence[str]) -> list[list[bytes]]:
    if not lines:
        return []
    folded = "\n".join(lines).encode().translate(_FOLD_ASCII_BYTES_NL, b"'")
    return list(map(bytes.split, folded.split(b"\n")))


def _fold_batch(lines: Sequence[str]) -> list[list[bytes]]:
    # casefolding and the substitutions act on each character alone: on the joined lines
    # they do what they do on each line (and nothing on an ASCII one)
    text = "\n".join(lines).casefold()
    if not text.isascii():
        text = _NON_ASCII_MARK.sub(" ", text.replace("’", ""))
    folded = text.encode().translate(_FOLD_BYTES_NL, b"'")
    return list(map(bytes.split, folded.split(b"\n")))


def _is_digits(word: bytes) -> bool:
    """``str.isdigit`` of a UTF-8 word (which also accepts non-ASCII digits)."""
    return word.isdigit() if word.isascii() else word.decode().isdigit()


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


#: A literal phrase keyed for look-up: `` phrase `` (padded with spaces), UTF-8 encoded.
_Keyed = tuple[bytes, Pattern]


@dataclass(frozen=True)
class _Plan:
    """The patterns that may match a line of a given length: those whose ``max-words``
    it fits, by the first (or last) word of the phrase; and the regex groups holding one,
    with their gates as bit masks over ``groups`` (bit i opens ``groups[i]``)."""

    starts: dict[bytes, tuple[_Keyed, ...]]
    ends: dict[bytes, tuple[_Keyed, ...]]
    #: by anchor word, sorted by the phrase's (first word, catalogue order)
    anywhere: dict[bytes, tuple[tuple[tuple[bytes, int], bytes, Pattern], ...]]
    #: the anchor words of ``anywhere``
    anchors: frozenset[bytes]
    groups: tuple[tuple[Pattern, ...], ...]
    always: int
    by_word: dict[bytes, int]
    #: gate characters and strings without letters (":", " - "), each tested with ``in``
    #: (a loop of ``in`` tests beats one character-class search), and the groups they open
    by_text: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class _Gate:
    """A regex group's ``requires`` gate: a word of the line or a character in it."""

    open: bool
    words: frozenset[bytes]
    chars: tuple[str, ...]


class PhraseMatcher:
    """Matches lines against the patterns of one or more packs.

    Literal phrases are matched on the words of a normalised line through
    dictionaries, so the catalogue's size costs nothing per line. Regexes sit
    in groups behind their ``requires`` gate; user regexes each run with their
    pack's timeout so an error can name them. A literal match reports the
    whole line as its span. Patterns a line is too long for (``max-words``)
    are left out before any look-up, through a plan per line length.
    """

    def __init__(self, packs: Sequence[PhrasePack], trusted: bool = False) -> None:
        self.packs = tuple(packs)
        self.patterns = tuple(p for pack in packs for p in pack.patterns)
        self.trusted = trusted
        self._timeouts = {id(p): pack.timeout for pack in packs for p in pack.patterns}
        self._exact: dict[bytes, Pattern] = {}
        self._starts: dict[bytes, list[Pattern]] = {}
        self._ends: dict[bytes, list[Pattern]] = {}
        self._anywhere: dict[bytes, list[Pattern]] = {}
        regexes: list[Pattern] = []
        for p in self.patterns:
            if p.literal is None:
                regexes.append(p)
                continue
            words = p.literal.encode().split()
            if p.scope is Scope.WHOLE_LINE:
                self._exact.setdefault(p.literal.encode(), p)
            elif p.scope is Scope.LINE_END:
                self._ends.setdefault(words[-1], []).append(p)
            elif p.scope is Scope.ANYWHERE:
                self._anywhere.setdefault(words[0], []).append(p)
            else:
                self._starts.setdefault(words[0], []).append(p)
        # anywhere phrases are looked up by their longest (most selective) word; the
        # first match in (first word, catalogue order) wins, as a scan by first words would
        self._anchored: dict[bytes, list[tuple[tuple[bytes, int], Pattern]]] = {}
        for first, patterns in self._anywhere.items():
            for i, p in enumerate(patterns):
                assert p.literal is not None
                anchor = max(p.literal.encode().split(), key=len)
                self._anchored.setdefault(anchor, []).append(((first, i), p))
        #: a line of more words than this cannot be a whole-line phrase (with a count)
        self._exact_words = max((len(k.split()) + 1 for k in self._exact), default=0)
        # regexes that share a `requires` list form a group behind one gate
        grouped: dict[tuple[str, ...], list[Pattern]] = {}
        for p in regexes:
            grouped.setdefault(p.requires, []).append(p)
        self._groups: list[list[Pattern]] = list(grouped.values())
        self._gates = [_gate(hints) for hints in grouped]
        #: the words a line is looked up by: anchors of anywhere phrases, gate words
        self._watched = frozenset(self._anchored).union(*(g.words for g in self._gates))
        #: lines longer than this many words cannot match any pattern
        self._limit = _word_limit(self.patterns)
        #: above this many words, only patterns without ``max-words`` fit
        self._bounded = max((p.max_words or 0 for p in self.patterns), default=0)
        self._plans: dict[int, _Plan] = {}

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def _plan(self, n_words: int) -> _Plan:
        key = min(n_words, self._bounded + 1)
        plan = self._plans.get(key)
        if plan is None:
            # built once per line length; a race only builds an equal plan twice
            plan = self._plans[key] = self._build_plan(key)
        return plan

    def _build_plan(self, n_words: int) -> _Plan:
        groups: list[tuple[Pattern, ...]] = []
        always = 0
        by_word: dict[bytes, int] = {}
        by_char: dict[str, int] = {}
        for gid, group in enumerate(self._groups):
            fitting = tuple(p for p in group if _fits(p, n_words))
            if not fitting:
                continue
            bit = 1 << len(groups)
            groups.append(fitting)
            gate = self._gates[gid]
            always |= bit if gate.open else 0
            for word in gate.words:
                by_word[word] = by_word.get(word, 0) | bit
            for char in gate.chars:
                by_char[char] = by_char.get(char, 0) | bit
        anywhere = _anchored(self._anchored, n_words)
        return _Plan(
            _keyed(self._starts, n_words),
            _keyed(self._ends, n_words),
            anywhere,
            frozenset(anywhere),
            tuple(groups),
            always,
            by_word,
            tuple(by_char.items()),
        )

    def match(
        self, line: str, words: int | None = None, tokens: list[bytes] | None = None
    ) -> PhraseMatch | None:
        """The first pattern matching a stripped line (scope-aware), or None.

        ``tokens`` are the line's :func:`phrase_words` when the caller has them already.
        """
        if tokens is None:
            tokens = phrase_words(line)
        if words is None:
            # no word count to skip long lines by: the look-ups below find nothing there
            words = len(tokens)
        for _, found in self.scan((line,), (words,), (tokens,)):
            return found
        return None

    def scan(
        self,
        lines: Iterable[str],
        words: Iterable[int],
        tokens: Iterable[list[bytes] | None],
    ) -> Iterator[tuple[int, PhraseMatch]]:
        """``(position, match)`` for every stripped line a pattern matches, in line order.

        ``words`` are the lines' word counts (lines longer than any pattern allows are
        skipped), ``tokens`` their :func:`phrase_words` or None (then computed here). One
        loop over a document's lines, with the look-ups bound once: this runs on every
        short line of every text.
        """
        limit = self._limit if self._limit is not None else -1
        plans = self._plans
        capped = self._bounded + 1
        watched = self._watched.intersection
        exact_words = self._exact_words
        exact = self._exact.get
        trusted = self.trusted
        for pos, (line, n_words, toks) in enumerate(zip(lines, words, tokens, strict=True)):
            if n_words > limit >= 0:
                continue
            if toks is None:
                toks = phrase_words(line)
            plan = plans.get(n_words if n_words < capped else capped)
            if plan is None:
                plan = self._plan(n_words)
            present = watched(toks)
            if toks:
                # literal phrases: whole-line (with an optional count), line-start, line-end,
                # then anywhere (the first by first word, then catalogue order)
                hit: Pattern | None = None
                if len(toks) <= exact_words:
                    norm = b" ".join(toks)
                    hit = exact(norm)
                    if hit is None and len(toks) > 1 and _is_digits(toks[-1]):
                        # a label with a count: "Comments 12", "View all (4)"
                        hit = exact(norm.rsplit(b" ", 1)[0])
                if hit is None and (
                    toks[0] in plan.starts
                    or toks[-1] in plan.ends
                    or (present and not plan.anchors.isdisjoint(present))
                ):
                    hit = _match_keyed(toks, plan, present)
                if hit is not None:
                    yield pos, PhraseMatch(0, len(line), hit)
                    continue
            if not plan.groups:
                continue
            # regex groups, in pack order, behind the gates the line opens
            opened = plan.always
            by_word = plan.by_word
            for word in present:
                opened |= by_word.get(word, 0)
            for text, bits in plan.by_text:
                if text in line:
                    opened |= bits
            while opened:
                bit = opened & -opened
                opened ^= bit
                for p in plan.groups[bit.bit_length() - 1]:
                    m = p.pattern.search(line) if trusted else self._search(p, line)
                    if m is not None:
                        yield pos, PhraseMatch(m.start(), m.end(), p)
                        break
                else:
                    continue
                break

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


def _match_keyed(tokens: list[bytes], plan: _Plan, present: frozenset[bytes]) -> Pattern | None:
    """The first line-start, then line-end, then anywhere phrase of ``plan`` in a line."""
    starts = plan.starts.get(tokens[0])
    ends = plan.ends.get(tokens[-1])
    anywhere = plan.anywhere
    anchors = [word for word in present if word in anywhere] if present else None
    if not (starts or ends or anchors):
        return None
    padded = b" " + b" ".join(tokens) + b" "
    for key, p in starts or ():
        if padded.startswith(key):
            return p
    for key, p in ends or ():
        if padded.endswith(key):
            return p
    best: Pattern | None = None
    best_order = (b"", 0)
    for word in anchors or ():
        for order, key, p in anywhere[word]:
            if best is not None and order >= best_order:
                break
            if key in padded:
                best, best_order = p, order
                break
    return best


def _keyed(index: dict[bytes, list[Pattern]], n_words: int) -> dict[bytes, tuple[_Keyed, ...]]:
    """The phrases of an index that a line of ``n_words`` words fits, padded for look-up."""
    out: dict[bytes, tuple[_Keyed, ...]] = {}
    for word, patterns in index.items():
        fitting = tuple(
            (b" " + p.literal.encode() + b" ", p)
            for p in patterns
            if p.literal is not None and _fits(p, n_words)
        )
        if fitting:
            out[word] = fitting
    return out


def _anchored(
    index: dict[bytes, list[tuple[tuple[bytes, int], Pattern]]], n_words: int
) -> dict[bytes, tuple[tuple[tuple[bytes, int], bytes, Pattern], ...]]:
    """The anywhere phrases a line of ``n_words`` words fits, by anchor, in match order."""
    out: dict[bytes, tuple[tuple[tuple[bytes, int], bytes, Pattern], ...]] = {}
    for anchor, entries in index.items():
        fitting = sorted(
            (order, b" " + p.literal.encode() + b" ", p)
            for order, p in entries
            if p.literal is not None and _fits(p, n_words)
        )
        if fitting:
            out[anchor] = tuple(fitting)
    return out


def _gate(hints: tuple[str, ...]) -> _Gate:
    """A hint of two or more characters gates on the first word of its normalised form
    (" of " on the word "of"); a shorter one, or one without letters, on the character."""
    words: set[bytes] = set()
    chars: list[str] = []
    for hint in hints:
        norm = normalize_phrase(hint) if len(hint.strip()) > 1 else ""
        if norm:
            words.add(norm.split()[0].encode())
        else:
            chars.append(hint.strip() or hint)
    return _Gate(not hints, frozenset(words), tuple(dict.fromkeys(chars)))
