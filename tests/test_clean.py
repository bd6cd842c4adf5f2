"""``scrapelint clean`` and the Python API's clean()."""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from subprocess import CompletedProcess

from scrapelint import Linter, config_from_mapping
from test_plugins import PACK, install_pack

CLI = Callable[..., CompletedProcess[str]]
WRITE = Callable[[str, "str | bytes"], Path]

REPEATED = {
    "id": "a",
    "title": "Storm closes the old pier",
    "text": "Storm closes the old pier\nThe pier shut on Sunday after waves tore away planks.",
    "meta": {"crawl": 3, "price": 1.50},
}
CLEAN = {
    "id": "b",
    "title": "Quiet week at the harbour",
    "text": "Nothing happened at the harbour.",
}


def line(obj: dict[str, object]) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


def test_clean_fixes_text_adds_score_and_keeps_other_bytes(
    cli: CLI, write: WRITE, tmp_path: Path
) -> None:
    first_line = line(REPEATED).replace('"price": 1.5}', '"price": 1.50}')
    src = write("in.jsonl", first_line + line(CLEAN))
    out = tmp_path / "out.jsonl"
    proc = cli("clean", "--select", "DUP001", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = out.read_text().splitlines()
    first, second = json.loads(rows[0]), json.loads(rows[1])
    assert first["text"] == "The pier shut on Sunday after waves tore away planks."
    assert first["scrapelint"]["fixed"] == 1 and first["scrapelint"]["diagnostics"] == []
    assert first["scrapelint"]["score"] == 100.0
    assert '"meta": {"crawl": 3, "price": 1.50}' in rows[0]  # the other fields, byte for byte
    assert second["text"] == CLEAN["text"]
    assert rows[1].startswith(line(CLEAN).rstrip("\n")[:-1])
    assert "cleaned 2 records: 1 fixes applied, 0 dropped" in proc.stderr


FLAGGER = (
    PACK.replace('"BP999"', '"BP998"')
    .replace('"crashy"', '"flag-pier"')
    .replace(
        """        if "boom" in doc.text:
            raise ValueError("kaboom")
        return ()""",
        """        i = doc.text.find("pier")
        return [self.diagnostic(i, i + 4, "mentions the pier")] if i >= 0 else []""",
    )
)


def test_drop_below_sends_records_to_rejects_never_lost(
    cli: CLI, write: WRITE, tmp_path: Path
) -> None:
    env = install_pack(tmp_path / "site", FLAGGER)
    src = write("in.jsonl", line(REPEATED) + line(CLEAN))
    out, rej = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    proc = cli(
        "clean",
        "--select",
        "BP998",
        str(src),
        "-o",
        str(out),
        "--drop-below",
        "99",
        "--rejects",
        str(rej),
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    kept = [json.loads(r) for r in out.read_text().splitlines()]
    dropped = [json.loads(r) for r in rej.read_text().splitlines()]
    assert [r["id"] for r in kept] == ["b"] and [r["id"] for r in dropped] == ["a"]
    assert dropped[0]["scrapelint"]["score"] < 99
    assert dropped[0]["scrapelint"]["diagnostics"][0]["rule"] == "BP998"
    assert "1 dropped" in proc.stderr
    assert cli("clean", str(src), "--drop-below", "50").returncode == 2  # no --rejects: refused


def test_clean_stdin_to_stdout_keeps_order_and_bad_lines(cli: CLI) -> None:
    records = [dict(REPEATED, id=str(i)) for i in range(150)]
    data = (
        "".join(line(r) for r in records[:75])
        + "not json\n"
        + "".join(line(r) for r in records[75:])
    )
    proc = cli("clean", "--select", "DUP001", "--jobs", "2", input=data)
    assert proc.returncode == 2  # the bad line is reported...
    assert "-:76:1: not valid JSON" in proc.stderr
    rows = proc.stdout.splitlines()
    assert rows[75] == "not json"  # ...and passed through in place
    ids = [json.loads(r)["id"] for r in rows if r.startswith("{")]
    assert ids == [str(i) for i in range(150)]


def test_api_clean_and_lint_share_one_linter_across_threads() -> None:
    linter = Linter(config_from_mapping({"select": ["DUP001"]}))
    texts = [
        f"Headline number {i} for the pier story\nHeadline number {i} for the pier story\nBody."
        for i in range(40)
    ]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda t: linter.clean(t), texts))
    assert all(r.text.count("Headline number") == 1 for r in results)
    assert all(len(r.fixed) == 1 and r.diagnostics == [] for r in results)
    diags = linter.lint("Harbour story headline here\n\nHarbour story headline here\n\nBody.")
    assert [d.rule for d in diags] == ["DUP001"]
    assert linter.lint("x", title="x") == []
