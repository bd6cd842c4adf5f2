from __future__ import annotations

from pathlib import Path

import pytest

from scrapelint.config import Config, config_from_mapping, find_config, load_config
from scrapelint.diagnostics import Severity
from scrapelint.errors import ConfigError
from scrapelint.linter import Linter


def test_yaml_config_is_loaded_and_paths_resolved(tmp_path: Path) -> None:
    cfg = tmp_path / "scrapelint.yaml"
    cfg.write_text(
        "select: [DUP]\n"
        "ignore: [DUP002]\n"
        "severity:\n  DUP001: error\n"
        "rules:\n  repeated-headline:\n    similarity: 0.8\n"
        "phrase-packs: [packs/site.yaml]\n"
        "per-path-ignores:\n  'drafts/*.txt': [DUP]\n"
        "text-field: body\n"
    )
    config = load_config(str(cfg))
    assert config.select == ("DUP",)
    assert config.ignore == ("DUP002",)
    assert config.severity == {"DUP001": Severity.ERROR}
    assert config.rules == {"repeated-headline": {"similarity": 0.8}}
    assert config.phrase_packs == (str(tmp_path / "packs" / "site.yaml"),)
    assert config.per_path_ignores == {"drafts/*.txt": ("DUP",)}
    assert config.fields.text == "body"


def test_unknown_key_names_file_line_and_key(tmp_path: Path) -> None:
    cfg = tmp_path / ".scrapelint.yaml"
    cfg.write_text("select: [DUP]\n\nignroe: [BP]\n")
    with pytest.raises(ConfigError) as err:
        load_config(str(cfg))
    msg = str(err.value)
    assert f"{cfg}:3" in msg
    assert "ignroe" in msg
    assert "did you mean 'ignore'" in msg


def test_wrong_type_is_an_error_with_line(tmp_path: Path) -> None:
    cfg = tmp_path / "scrapelint.yaml"
    cfg.write_text("select: DUP\nfail-level: loud\n")
    with pytest.raises(ConfigError) as err:
        load_config(str(cfg))
    assert ":2" in str(err.value) and "fail-level" in str(err.value)


def test_malformed_yaml_reports_line(tmp_path: Path) -> None:
    cfg = tmp_path / "scrapelint.yaml"
    cfg.write_text("select: [DUP\nignore: x\n")
    with pytest.raises(ConfigError, match="malformed YAML"):
        load_config(str(cfg))


def test_rule_option_types_are_checked_against_the_rule(tmp_path: Path) -> None:
    cfg = tmp_path / "scrapelint.yaml"
    cfg.write_text("rules:\n  DUP001:\n    similarity: high\n")
    with pytest.raises(ConfigError) as err:
        Linter(load_config(str(cfg)))
    assert "rules.DUP001.similarity" in str(err.value)
    assert ":3" in str(err.value)
    assert "expected a number" in str(err.value)


def test_unknown_rule_option_is_an_error() -> None:
    config = config_from_mapping({"rules": {"DUP001": {"similarty": 0.5}}})
    with pytest.raises(ConfigError, match="unknown option"):
        Linter(config)


def test_unknown_rule_in_rules_section_is_an_error() -> None:
    with pytest.raises(ConfigError, match="no rule"):
        Linter(config_from_mapping({"rules": {"XYZ999": {}}}))


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname="x"\n\n[tool.scrapelint]\nselect = ["DUP001"]\n'
    )
    sub = tmp_path / "articles"
    sub.mkdir()
    found = find_config(str(sub))
    assert found == str(tmp_path / "pyproject.toml")
    assert load_config(found).select == ("DUP001",)


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname="x"\n')
    assert find_config(str(tmp_path)) is None


def test_yaml_is_preferred_and_found_upward(tmp_path: Path) -> None:
    (tmp_path / "scrapelint.yaml").write_text("select: [DUP]\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(str(deep)) == str(tmp_path / "scrapelint.yaml")


def test_empty_config_file_gives_defaults(tmp_path: Path) -> None:
    cfg = tmp_path / "scrapelint.yaml"
    cfg.write_text("")
    assert load_config(str(cfg)).select is None
    assert isinstance(load_config(str(cfg)), Config)


def test_site_section_validated(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"sites\.example\.com\.packs"):
        config_from_mapping({"sites": {"example.com": {"packs": ["x.yaml"]}}})
    config = config_from_mapping({"sites": {"example.com": {"ignore": ["DUP001"]}}})
    assert config.sites[0].pattern == "example.com"
    assert config.sites[0].ignore == ("DUP001",)


def test_option_validation_inside_the_options_class_is_a_config_error(tmp_path: Path) -> None:
    cfg = tmp_path / "scrapelint.yaml"
    cfg.write_text("rules:\n  OT001:\n    method: magic\n")
    with pytest.raises(ConfigError) as err:
        Linter(load_config(str(cfg)))
    assert "rules.OT001" in str(err.value) and "magic" in str(err.value)
