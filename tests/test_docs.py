"""The README stays in step with the code."""

from __future__ import annotations

from pathlib import Path

from scrapelint.explain import rules_markdown

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_rule_table_matches_the_registry() -> None:
    text = README.read_text(encoding="utf-8")
    start = text.index("<!-- rules-table -->\n") + len("<!-- rules-table -->\n")
    end = text.index("<!-- /rules-table -->")
    assert text[start:end] == rules_markdown(), (
        "README rule table is stale: paste `scrapelint rules --output-format markdown` into it"
    )


def test_readme_names_every_output_format_and_the_two_fresh_machine_commands() -> None:
    text = README.read_text(encoding="utf-8")
    for fmt in ("full", "concise", "json", "json-lines", "sarif", "github"):
        assert f"`{fmt}`" in text
    assert "python -m pip install . && scrapelint check examples/" in text
    assert 'python -m pip install -e ".[test]" && python -m pytest' in text
