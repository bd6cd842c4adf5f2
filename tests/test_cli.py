"""The command line, run as a user would: in a subprocess."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

CLI = Callable[..., CompletedProcess[str]]
WRITE = Callable[[str, "str | bytes"], Path]

ARTICLE = (
    "Harbour bridge to be rebuilt after long dispute\n\n"
    "Harbour bridge to be rebuilt after long dispute\n\n"
    "Councillors voted on Tuesday to rebuild the swing bridge that links the two quays.\n\n"
    "Work will start in the spring and last about eighteen months.\n"
)
CLEAN = "Councillors voted on Tuesday to rebuild the bridge.\n\nWork starts in spring.\n"


def test_check_reports_and_exits_1(cli: CLI, write: WRITE) -> None:
    path = write("a.txt", ARTICLE)
    proc = cli("check", "--select", "DUP001", "--output-format", "concise", str(path))
    assert proc.returncode == 1, proc.stderr
    assert f"{path}:3:1: DUP001 [*] headline repeats line 1" in proc.stdout
    assert "1 fixable with --fix" in proc.stdout


def test_clean_file_exits_0(cli: CLI, write: WRITE) -> None:
    proc = cli("check", "--select", "DUP001", str(write("ok.txt", CLEAN)))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "All checks passed" in proc.stdout


def test_exit_zero_and_fail_level(cli: CLI, write: WRITE) -> None:
    path = str(write("a.txt", ARTICLE))
    assert cli("check", "--select", "DUP001", "--exit-zero", path).returncode == 0
    # DUP001 is a warning: failing only on errors lets the run pass
    assert cli("check", "--select", "DUP001", "--fail-level", "error", path).returncode == 0
    assert cli("check", "--select", "DUP001", "--fail-level", "warning", path).returncode == 1


def test_missing_path_is_exit_2_with_message(cli: CLI, tmp_path: Path) -> None:
    proc = cli("check", str(tmp_path / "nope.txt"))
    assert proc.returncode == 2
    assert "nope.txt: no such file or directory" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_bad_config_is_exit_2_naming_file_line_key(cli: CLI, write: WRITE) -> None:
    cfg = write("scrapelint.yaml", "select: [DUP]\nbogus: 1\n")
    art = write("a.txt", CLEAN)
    proc = cli("check", str(art))
    assert proc.returncode == 2
    assert f"{cfg}:2: bogus: unknown key" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_usage_error_is_exit_2(cli: CLI) -> None:
    proc = cli("check", "--output-format", "xml", "x.txt")
    assert proc.returncode == 2
    assert "invalid choice" in proc.stderr


def test_fix_removes_headline_copies_atomically_and_keeps_mode(cli: CLI, write: WRITE) -> None:
    path = write("a.txt", ARTICLE.replace("\n", "\r\n"))
    os.chmod(path, 0o640)
    proc = cli("check", "--select", "DUP001", "--fix", str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    fixed = path.read_bytes().decode()
    assert fixed.count("Harbour bridge to be rebuilt") == 1
    assert "\r\n" in fixed and "\n" not in fixed.replace("\r\n", "")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".scrapelint-")]
    # fixing again changes nothing
    before = path.read_bytes()
    cli("check", "--select", "DUP001", "--fix", str(path))
    assert path.read_bytes() == before


def test_diff_prints_and_changes_nothing(cli: CLI, write: WRITE) -> None:
    path = write("a.txt", ARTICLE)
    proc = cli("check", "--select", "DUP001", "--diff", str(path))
    assert proc.returncode == 0
    assert "-Harbour bridge to be rebuilt after long dispute" in proc.stdout
    assert path.read_text() == ARTICLE


def test_stdin_text_and_fix_to_stdout(cli: CLI) -> None:
    proc = cli("check", "--select", "DUP001", "--output-format", "concise", "-", input=ARTICLE)
    assert proc.returncode == 1
    assert "-:3:1: DUP001" in proc.stdout
    fixed = cli("check", "--select", "DUP001", "--fix", "-", input=ARTICLE)
    assert fixed.stdout.count("Harbour bridge") == 1


def jsonl(records: list[dict[str, object]]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def test_jsonl_records_fields_and_renames(cli: CLI, write: WRITE) -> None:
    recs = [
        {
            "doc": "r1",
            "headline": "Ferry timetable adds late sailings",
            "body": "Ferry timetable adds late sailings\nThe operator adds two sailings.",
        },
        {
            "doc": "r2",
            "headline": "Nothing repeated here at all",
            "body": "Only body text in this one.",
        },
    ]
    path = write("recs.jsonl", jsonl(recs))
    proc = cli(
        "check",
        "--select",
        "DUP001",
        "--output-format",
        "json-lines",
        "--text-field",
        "body",
        "--title-field",
        "headline",
        "--id-field",
        "doc",
        str(path),
    )
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 1
    assert rows[0]["record"] == 1 and rows[0]["id"] == "r1" and rows[0]["field"] == "text"
    assert (rows[0]["start"], rows[0]["end"], rows[0]["line"], rows[0]["column"]) == (0, 34, 1, 1)


def test_jsonl_fix_keeps_other_records_and_fields_byte_identical(cli: CLI, write: WRITE) -> None:
    lines = [
        '{"id": 1, "title": "Ferry timetable adds late sailings", "text": "Ferry timetable adds late sailings\\nThe operator adds two sailings.", "extra": {"k": [1, 2.50]}}\n',
        '{"text": "untouched record", "zzz": "caf\u00e9"}\n',
        "not json at all\n",
    ]
    path = write("recs.jsonl", "".join(lines))
    proc = cli("check", "--select", "DUP001", "--fix", str(path))
    assert proc.returncode == 2  # the malformed line is reported...
    assert "recs.jsonl:3" in proc.stderr and "not valid JSON" in proc.stderr
    out = path.read_text().splitlines(keepends=True)
    assert len(out) == 3  # ...and kept, never lost
    assert out[0] == lines[0].replace('"Ferry timetable adds late sailings\\nThe', '"The')
    assert out[1:] == lines[1:]


def test_jsonl_malformed_lines_are_reported_and_others_checked(cli: CLI, write: WRITE) -> None:
    path = write(
        "bad.jsonl",
        '[1,2]\n{"title": "x"}\n{"text": 5}\n\n{"title": "A long enough headline", "text": "A long enough headline"}\n',
    )
    proc = cli("check", "--select", "DUP001", "--output-format", "json-lines", str(path))
    assert proc.returncode == 2
    assert "bad.jsonl:1: expected a JSON object, got list" in proc.stderr
    assert "bad.jsonl:2: record has no 'text' field" in proc.stderr
    assert "bad.jsonl:3: field 'text' is int, not a string" in proc.stderr
    assert json.loads(proc.stdout.splitlines()[0])["record"] == 5


def test_gzip_jsonl_is_read(cli: CLI, write: WRITE) -> None:
    import gzip

    data = gzip.compress(
        jsonl(
            [{"title": "A long enough headline", "text": "A long enough headline\nBody."}]
        ).encode()
    )
    proc = cli(
        "check",
        "--select",
        "DUP001",
        "--output-format",
        "json-lines",
        str(write("r.jsonl.gz", data)),
    )
    assert proc.returncode == 1 and json.loads(proc.stdout)["record"] == 1


def test_directory_walk_with_include_exclude(cli: CLI, write: WRITE, tmp_path: Path) -> None:
    write("d/a.txt", ARTICLE)
    write("d/sub/b.md", ARTICLE)
    write("d/skip/c.txt", ARTICLE)
    write("d/notes.rst", ARTICLE)
    proc = cli(
        "check",
        "--select",
        "DUP001",
        "--output-format",
        "concise",
        "--exclude",
        "skip",
        str(tmp_path / "d"),
    )
    assert "a.txt:3:1" in proc.stdout and "b.md:3:1" in proc.stdout
    assert "c.txt" not in proc.stdout and "notes.rst" not in proc.stdout


def test_invalid_utf8_reports_byte_offset_and_continues(
    cli: CLI, write: WRITE, tmp_path: Path
) -> None:
    write("d/bad.txt", b"Good start \xff\xfe then bad")
    write("d/good.txt", ARTICLE)
    proc = cli("check", "--select", "DUP001", "--output-format", "concise", str(tmp_path / "d"))
    assert proc.returncode == 2
    assert "bad.txt: invalid UTF-8 at byte offset 11" in proc.stderr
    assert "good.txt:3:1: DUP001" in proc.stdout


def test_utf8_bom_is_kept_by_fix(cli: CLI, write: WRITE) -> None:
    path = write("bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode())
    cli("check", "--select", "DUP001", "--fix", str(path))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"Harbour bridge") == 1


def test_rule_and_rules_commands(cli: CLI) -> None:
    proc = cli("rule", "DUP001")
    assert proc.returncode == 0
    for section in ("What it does", "Why is this bad", "Example", "Options", "Fix"):
        assert section in proc.stdout
    listing = cli("rules")
    assert "DUP001" in listing.stdout and "repeated-headline" in listing.stdout
    assert cli("rule", "NOPE999").returncode == 2
    data = json.loads(cli("rules", "--output-format", "json").stdout)
    assert {"code", "name", "category", "enabled_by_default", "fixable"} <= set(data[0])


def test_markup_in_text_is_printed_verbatim(cli: CLI, write: WRITE) -> None:
    text = "Headline with [red]markup[/red] and [/tmp/x]\n\nHeadline with [red]markup[/red] and [/tmp/x]\n\nBody.\n"
    proc = cli("check", "--select", "DUP001", str(write("m.txt", text)))
    assert proc.returncode == 1, proc.stderr
    assert "[red]markup[/red] and [/tmp/x]" in proc.stdout
    assert "\x1b[" not in proc.stdout


@pytest.mark.parametrize("fmt", ["full", "concise", "json", "json-lines", "sarif", "github"])
def test_every_format_runs(cli: CLI, write: WRITE, fmt: str) -> None:
    proc = cli("check", "--select", "DUP001", "--output-format", fmt, str(write("a.txt", ARTICLE)))
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.strip()


def test_suppressions_hide_known_problems_and_report_stale_ones(
    cli: CLI, write: WRITE, tmp_path: Path
) -> None:
    path = write("a.txt", ARTICLE)
    sup = tmp_path / "sup.json"
    first = cli("check", "--select", "DUP001", "--write-suppressions", str(sup), str(path))
    assert first.returncode == 1 and f"wrote 1 suppressions to {sup}" in first.stderr
    # an unrelated edit above the problem keeps the suppression valid
    path.write_text(ARTICLE.replace("Councillors voted", "Councillors of the town voted"))
    again = cli("check", "--select", "DUP001", "--suppressions", str(sup), str(path))
    assert again.returncode == 0, again.stdout + again.stderr
    assert "1 suppressed" in again.stdout
    path.write_text(CLEAN)
    stale = cli("check", "--select", "DUP001", "--suppressions", str(sup), str(path))
    assert stale.returncode == 0
    assert "1 suppressions in" in stale.stderr and "no longer match anything" in stale.stderr
    assert cli("check", "--suppressions", str(write("bad.json", "[]")), str(path)).returncode == 2
