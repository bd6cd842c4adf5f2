"""Phrase packs: strict validation with file/line/key, scopes, and user regex timeouts."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from scrapelint.errors import ConfigError
from scrapelint.phrasepack import (
    PhraseMatcher,
    PhraseTimeoutError,
    Scope,
    load_pack,
    parse_pack,
    phrase_words,
    phrase_words_lines,
)

PACK = """\
name: harbour-gazette
groups:
  - name: nav
    scope: whole-line
    phrases: ["More From The Quay", "Tide Tables"]
  - name: prompts
    scope: line-start
    max-words: 12
    phrases: ["Dock Talk:"]
  - name: credits
    scope: line-end
    regexes: ['/\\s*Harbour Photo Desk']
  - name: notices
    scope: anywhere
    max-words: 30
    phrases: ["reprinted with permission"]
"""


def matcher(text: str = PACK) -> PhraseMatcher:
    return PhraseMatcher([parse_pack(text, "pack.yaml")])


def test_whole_line_scope_ignores_case_bullets_and_punctuation() -> None:
    m = matcher()
    assert m.match("• more from the quay »") is not None
    assert m.match("Tide Tables:") is not None
    # the phrase inside a sentence is not a whole-line match
    assert m.match("We published more from the quay on Monday.") is None


def test_line_start_and_max_words() -> None:
    m = matcher()
    assert m.match("Dock Talk: the ferry timetable changes") is not None
    long_line = "Dock Talk: " + "word " * 20
    assert m.match(long_line.strip()) is None
    assert m.match("The Dock Talk: column returns") is None


def test_line_end_regex_and_anywhere() -> None:
    m = matcher()
    found = m.match("Fishermen unload the catch at dawn / Harbour Photo Desk")
    assert found is not None and found.pattern.scope is Scope.LINE_END
    assert m.match("This column is reprinted with permission of the author.") is not None


def test_unknown_key_reports_file_line_and_key() -> None:
    bad = PACK.replace("    max-words: 12\n", "    max-word: 12\n")
    with pytest.raises(ConfigError) as err:
        parse_pack(bad, "site/pack.yaml")
    assert err.value.path == "site/pack.yaml"
    assert err.value.line == 8
    assert err.value.key == "groups[1].max-word"


def test_bad_scope_names_choices() -> None:
    bad = PACK.replace("scope: line-end", "scope: end-of-line")
    with pytest.raises(ConfigError) as err:
        parse_pack(bad, "p.yaml")
    assert err.value.key == "groups[2].scope"
    assert "whole-line" in str(err.value)


def test_invalid_regex_points_at_the_entry() -> None:
    bad = PACK.replace("'/\\s*Harbour Photo Desk'", "'(unclosed'")
    with pytest.raises(ConfigError) as err:
        parse_pack(bad, "p.yaml")
    assert err.value.key == "groups[2].regexes[0]"
    assert err.value.line == 12
    assert "position 9" in str(err.value)


def test_empty_phrase_and_wrong_types_are_rejected() -> None:
    with pytest.raises(ConfigError, match="non-empty string"):
        parse_pack("groups:\n  - scope: anywhere\n    phrases: ['']\n", "p.yaml")
    with pytest.raises(ConfigError, match="list of strings"):
        parse_pack("groups:\n  - scope: anywhere\n    phrases: oops\n", "p.yaml")
    with pytest.raises(ConfigError, match="groups"):
        parse_pack("name: x\n", "p.yaml")


def test_malformed_yaml_has_a_line() -> None:
    with pytest.raises(ConfigError) as err:
        parse_pack("groups:\n  - scope: [whole-line\n", "p.yaml")
    assert err.value.line is not None
    assert "malformed YAML" in str(err.value)


def test_catastrophic_user_regex_times_out_with_a_clear_error() -> None:
    pack = parse_pack(
        "timeout: 0.01\ngroups:\n  - scope: anywhere\n    regexes: ['(x+x+)+y']\n", "slow.yaml"
    )
    with pytest.raises(PhraseTimeoutError) as err:
        PhraseMatcher([pack]).match("x" * 5000)
    assert err.value.path == "slow.yaml"
    assert err.value.key == "groups[0].regexes[0]"
    assert "took longer than" in str(err.value)


def test_load_pack_reads_files_and_reports_missing(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(PACK, encoding="utf-8")
    assert len(load_pack(path).patterns) == 5
    with pytest.raises(ConfigError, match="cannot read"):
        load_pack(tmp_path / "missing.yaml")


def test_builtin_catalogue_is_valid_and_trusted_matching_agrees() -> None:
    from scrapelint_rules.boilerplate.phrase_line import BUILTIN_PACK, UNIVERSAL_PACK

    assert load_pack(UNIVERSAL_PACK).patterns
    pack = load_pack(BUILTIN_PACK)
    fast = PhraseMatcher([pack], trusted=True)
    slow = PhraseMatcher([pack])
    for line in ("Latest News", "Read more: the council's budget", "Image 3 of 7", "The end."):
        assert (fast.match(line) is None) == (slow.match(line) is None)


def test_requires_gates_a_group_without_changing_its_matches() -> None:
    text = (
        "groups:\n  - scope: line-end\n    requires: ['desk', '/']\n"
        "    regexes: ['/\\s*\\w+ Photo Desk']\n"
    )
    m = PhraseMatcher([parse_pack(text, "p.yaml")])
    assert m.match("Boats at dawn / Harbour Photo Desk") is not None
    assert m.match("Boats at dawn and nothing else") is None
    with pytest.raises(ConfigError) as err:
        parse_pack(text.replace("['desk', '/']", "desk"), "p.yaml")
    assert err.value.key == "groups[0].requires"


def test_whole_line_label_with_a_count() -> None:
    m = matcher("groups:\n  - scope: whole-line\n    phrases: ['Comments']\n")
    assert m.match("Comments (12)") is not None
    assert m.match("Comments on the plan") is None


SCAN_PACK = """\
name: scan-check
groups:
  - name: nav
    scope: whole-line
    phrases: ["Tide Tables"]
  - name: prompts
    scope: line-start
    max-words: 12
    phrases: ["Dock Talk:"]
  - name: notices
    scope: anywhere
    max-words: 30
    phrases: ["reprinted with permission"]
  - name: counters
    scope: anywhere
    max-words: 12
    requires: [' of ']
    regexes: ['buoy\\s+\\d+\\s+of\\s+\\d+', 'mooring\\s+\\d+\\s+of\\s+\\d+']
"""


@pytest.mark.parametrize("trusted", [False, True])
def test_scan_reports_what_match_reports_line_by_line(trusted: bool) -> None:
    m = PhraseMatcher([parse_pack(SCAN_PACK, "scan.yaml")], trusted=trusted)
    lines = [
        "Tide Tables (12)",
        "The quay reopened on Monday after the storm.",
        "Dock Talk: the new crane",
        "This story is reprinted with permission of the owners.",
        "Mooring 3 of 40 and buoy 2 of 9",  # both regexes match: the first one is reported
        "Mooring 3 of 40 was repainted",  # only the second regex matches
        "buoy 4 of 4 " + "word " * 20,  # too long for the regex group (max-words 12)
    ]
    words = [len(line.split()) for line in lines]
    scanned = dict(m.scan(lines, words, [None] * len(lines)))
    for pos, line in enumerate(lines):
        assert scanned.get(pos) == m.match(line, words[pos]), line
    assert sorted(scanned) == [0, 2, 3, 4, 5]
    assert scanned[4].pattern.source.startswith("buoy") and scanned[4].start == 20
    assert scanned[5].pattern.source.startswith("mooring") and scanned[5].start == 0


def test_batch_of_lines_normalises_as_each_line_alone() -> None:
    # the batch joins lines once per kind (ASCII or not): the words must not change
    rng = random.Random(11)
    alphabet = "abcXYZ 09'’-.,:;()“”—…_éßİıΣκ\t"
    lines = [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))).strip()
        for _ in range(2000)
    ]
    lines += ["Read more", "Don't miss it", "CAFÉ ÜBER", "", "’tis the day’s news"]
    for batch in (lines, [line for line in lines if line.isascii()], lines[-5:]):
        assert phrase_words_lines(batch) == [phrase_words(line) for line in batch]
