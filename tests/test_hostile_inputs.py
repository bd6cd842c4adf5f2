"""Whatever the scraper produced: nothing crashes, hangs or loses data.

Each hostile input is reported with its location, the rest of the input is
still processed, and the exit code stays 0, 1 or 2.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

CLI = Callable[..., CompletedProcess[str]]
WRITE = Callable[[str, "str | bytes"], Path]
HEADLINE_ARTICLE = (
    "Pier closes after storm damage\n\nPier closes after storm damage\n\nThe pier shut on Sunday.\n"
)


def concise(cli: CLI, *args: str, input: str | bytes | None = None) -> CompletedProcess[str]:
    proc = cli("check", "--select", "DUP001", "--output-format", "concise", *args, input=input)
    assert proc.returncode in (0, 1, 2), proc
    assert "Traceback" not in proc.stderr
    return proc


def test_empty_file_is_fine(cli: CLI, write: WRITE) -> None:
    proc = concise(cli, str(write("empty.txt", "")))
    assert proc.returncode == 0


def test_binary_and_nul_files_are_reported_and_others_still_checked(
    cli: CLI, write: WRITE, tmp_path: Path
) -> None:
    write("d/a-binary.txt", bytes(range(256)))
    write("d/b-nul.txt", b"Some text\x00with a NUL byte")
    write("d/c-good.txt", HEADLINE_ARTICLE)
    proc = concise(cli, str(tmp_path / "d"))
    assert proc.returncode == 2
    assert "a-binary.txt: invalid UTF-8 at byte offset 128" in proc.stderr
    assert "b-nul.txt: binary file (NUL byte at character 9)" in proc.stderr
    assert "c-good.txt:3:1: DUP001" in proc.stdout


def test_utf16_with_bom_is_read_and_fixed_in_its_encoding(cli: CLI, write: WRITE) -> None:
    path = write("u16.txt", b"\xff\xfe" + HEADLINE_ARTICLE.encode("utf-16-le"))
    assert "u16.txt:3:1: DUP001" in concise(cli, str(path)).stdout
    concise(cli, "--fix", str(path))
    data = path.read_bytes()
    assert data.startswith(b"\xff\xfe")
    assert data[2:].decode("utf-16-le").count("Pier closes") == 1


def test_lone_cr_line_endings_keep_offsets_and_fixes(cli: CLI, write: WRITE) -> None:
    path = write("cr.txt", HEADLINE_ARTICLE.replace("\n", "\r"))
    assert "cr.txt:3:1: DUP001" in concise(cli, str(path)).stdout
    concise(cli, "--fix", str(path))
    assert path.read_bytes() == b"Pier closes after storm damage\r\rThe pier shut on Sunday.\r"


def test_odd_unicode_columns_count_code_points(cli: CLI) -> None:
    text = "Ca\u0301fe\u0301 owners protest the new rules 👩\u200d👩\u200d👧\n\nCa\u0301fe\u0301 owners protest the new rules 👩\u200d👩\u200d👧\n\nمرحبا بالعالم\n"
    proc = cli("check", "--select", "DUP001", "--output-format", "json-lines", "-", input=text)
    row = json.loads(proc.stdout.splitlines()[0])
    assert (row["line"], row["column"]) == (3, 1)
    assert text[row["start"] : row["end"]].startswith("Ca\u0301fe\u0301")


def test_huge_single_line_file(cli: CLI, write: WRITE) -> None:
    big = ("All quiet on the quay today and the boats stayed in. " * 600_000)[:30_000_000]
    proc = cli("check", "--output-format", "concise", "--exit-zero", str(write("big.txt", big)))
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_many_tiny_records_keep_their_order(cli: CLI, write: WRITE) -> None:
    n = 20_000
    lines = "".join(
        json.dumps({"id": i, "title": "Storm closes pier", "text": "Storm closes pier"}) + "\n"
        for i in range(n)
    )
    proc = cli(
        "check",
        "--select",
        "DUP001",
        "--output-format",
        "json-lines",
        "--jobs",
        "2",
        str(write("tiny.jsonl", lines)),
    )
    assert proc.returncode == 1
    ids = [json.loads(line)["id"] for line in proc.stdout.splitlines()]
    assert ids == [str(i) for i in range(n)]


def test_invalid_utf8_inside_a_jsonl_line(cli: CLI, write: WRITE) -> None:
    data = (
        b'{"text": "fine"}\n{"text": "bad \xff byte"}\n'
        + json.dumps({"title": "Storm closes pier", "text": "Storm closes pier"}).encode()
        + b"\n"
    )
    proc = concise(cli, str(write("mixed.jsonl", data)))
    assert proc.returncode == 2
    assert "mixed.jsonl:2: invalid UTF-8 at byte offset 14 of the line" in proc.stderr
    assert "mixed.jsonl:3:text:1:1: DUP001" in proc.stdout


def test_deeply_nested_json_is_an_error_not_a_crash(cli: CLI, write: WRITE) -> None:
    proc = concise(cli, str(write("deep.jsonl", "[" * 100_000 + "]" * 100_000 + "\n")))
    assert proc.returncode == 2
    assert "deep.jsonl:1" in proc.stderr


def test_truncated_gzip_is_reported(cli: CLI, write: WRITE) -> None:
    import gzip

    data = gzip.compress(b'{"text": "A line of text"}\n' * 1000)[:-30]
    proc = concise(cli, str(write("cut.jsonl.gz", data)))
    assert proc.returncode == 2
    assert "cut.jsonl.gz" in proc.stderr


def test_symlink_loop_is_reported(cli: CLI, write: WRITE, tmp_path: Path) -> None:
    write("d/a.txt", HEADLINE_ARTICLE)
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    proc = concise(cli, str(tmp_path / "d"))
    assert "symlink loop" in proc.stderr
    assert proc.stdout.count("a.txt:3:1") == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read unreadable files")
def test_unreadable_file_is_reported(cli: CLI, write: WRITE, tmp_path: Path) -> None:
    locked = write("d/locked.txt", "text")
    write("d/open.txt", HEADLINE_ARTICLE)
    os.chmod(locked, 0)
    try:
        proc = concise(cli, str(tmp_path / "d"))
    finally:
        os.chmod(locked, 0o644)
    assert "locked.txt: cannot read" in proc.stderr
    assert "open.txt:3:1" in proc.stdout


def test_dangling_symlink_is_reported(cli: CLI, tmp_path: Path) -> None:
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    proc = concise(cli, str(tmp_path / "dangling.txt"))
    assert proc.returncode == 2
    assert "dangling.txt: cannot read" in proc.stderr


def test_catastrophic_user_pattern_is_reported_not_hung(cli: CLI, tmp_path: Path) -> None:
    (tmp_path / "scrapelint.yaml").write_text("phrase-packs: [slow.yaml]\n")
    (tmp_path / "slow.yaml").write_text(
        "name: slow\ngroups:\n  - name: slow\n    scope: anywhere\n    regexes:\n      - '(a|aa)+$'\n"
    )
    (tmp_path / "article.txt").write_text("The harbour story. " + "a" * 60 + "b\n")
    (tmp_path / "other.txt").write_text(HEADLINE_ARTICLE)
    proc = cli("check", "--output-format", "concise", "--select", "BP001,DUP001", str(tmp_path))
    assert proc.returncode == 2
    assert "slow.yaml:6: groups[0].regexes[0]: pattern '(a|aa)+$' took longer than" in proc.stderr
    assert "internal error" not in proc.stderr
    assert "other.txt:3:1: DUP001" in proc.stdout  # the rest of the run goes on


def test_invalid_user_regex_is_a_config_error_with_line(cli: CLI, tmp_path: Path) -> None:
    (tmp_path / "scrapelint.yaml").write_text("phrase-packs: [bad.yaml]\n")
    (tmp_path / "bad.yaml").write_text(
        "name: bad\ngroups:\n  - name: broken\n    scope: whole-line\n    regexes:\n      - 'Read (more'\n"
    )
    (tmp_path / "a.txt").write_text("Body.\n")
    proc = cli("check", str(tmp_path / "a.txt"))
    assert proc.returncode == 2
    assert "bad.yaml:6" in proc.stderr and "Traceback" not in proc.stderr


def test_unreadable_files_and_directories_are_reported_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root reads everything, so permission errors are simulated where the runner meets them."""
    import io

    from scrapelint import inputs, runner
    from scrapelint.config import Config
    from scrapelint.linter import Linter
    from scrapelint.reporters import make_reporter

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(HEADLINE_ARTICLE)
    (tmp_path / "secret.txt").write_text(HEADLINE_ARTICLE)
    (tmp_path / "open.txt").write_text(HEADLINE_ARTICLE)
    real_scandir, real_read = os.scandir, inputs.read_bytes

    def scandir(path: str) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    def read_bytes(path: str) -> bytes:
        if path.endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real_read(path)

    monkeypatch.setattr(inputs.os, "scandir", scandir)
    monkeypatch.setattr(runner, "read_bytes", read_bytes)
    out = io.StringIO()
    linter = Linter(Config(select=("DUP001",)))
    run = runner.Runner(
        linter, runner.RunOptions(paths=[str(tmp_path)]), make_reporter("concise", out)
    )
    summary = run.run()
    assert any("locked: cannot read directory: Permission denied" in p for p in summary.problems)
    assert any("secret.txt: cannot read: Permission denied" in p for p in summary.problems)
    assert "open.txt:3:1: DUP001" in out.getvalue()
