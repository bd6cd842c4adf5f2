"""Third-party rule packs through the entry-point group, as pip would install them."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from scrapelint.diagnostics import Category
from scrapelint.errors import PluginError
from scrapelint.linter import default_registry
from scrapelint.registry import Registry, validate_rule_class
from scrapelint.rule import DOC_SECTIONS, Rule

CLI = Callable[..., CompletedProcess[str]]

DOC = '''"""A test rule.

    ## What it does
    Something.

    ## Why is this bad
    Because.

    ## Example
    An example.

    ## Options
    None.

    ## Fix
    None.
    """'''

PACK = f"""
from scrapelint import Category, Rule


class Crashy(Rule):
    {DOC}

    code = "BP999"
    name = "crashy"
    category = Category.BOILERPLATE

    def check(self, doc):
        if "boom" in doc.text:
            raise ValueError("kaboom")
        return ()


RULES = (Crashy,)
"""


def install_pack(root: Path, source: str, entry: str = "testpack:RULES") -> dict[str, str]:
    """Make an importable distribution with a scrapelint.rules entry point under ``root``."""
    (root / "testpack").mkdir(parents=True)
    (root / "testpack" / "__init__.py").write_text(source)
    info = root / "testpack-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: testpack\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[scrapelint.rules]\ntestpack = {entry}\n")
    return {"PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])}


def test_third_party_rule_is_listed_and_a_crash_exits_2(cli: CLI, tmp_path: Path) -> None:
    env = install_pack(tmp_path / "site", PACK)
    assert "BP999" in cli("rules", env=env).stdout
    (tmp_path / "a.txt").write_text("all fine here\n")
    (tmp_path / "b.txt").write_text("this one goes boom\n")
    proc = cli(
        "check",
        "--select",
        "BP999",
        "--output-format",
        "concise",
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        env=env,
    )
    assert proc.returncode == 2
    assert (
        "rule BP999 (crashy) crashed on" in proc.stderr
        and "b.txt: ValueError: kaboom" in proc.stderr
    )
    assert "Traceback" not in proc.stderr


def test_invalid_plugin_is_a_clear_error(cli: CLI, tmp_path: Path) -> None:
    bad = PACK.replace('code = "BP999"', 'code = "XX1"')
    env = install_pack(tmp_path / "site", bad)
    proc = cli("rules", env=env)
    assert proc.returncode == 2
    assert "entry point 'testpack'" in proc.stderr and "XX1" in proc.stderr


def test_plugin_that_fails_to_import(cli: CLI, tmp_path: Path) -> None:
    env = install_pack(tmp_path / "site", "raise RuntimeError('broken pack')\n")
    proc = cli("rules", env=env)
    assert proc.returncode == 2
    assert "failed to load: RuntimeError: broken pack" in proc.stderr


def test_every_builtin_rule_is_documented_and_valid() -> None:
    registry = default_registry()
    assert len(registry) >= 1
    for rule in registry:
        validate_rule_class(rule)
        sections = rule.doc_sections()
        for name in DOC_SECTIONS:
            assert sections.get(name), f"{rule.code} lacks {name}"
        assert rule.summary()


def make_rule(**attrs: object) -> type[Rule]:
    base = {
        "__doc__": DOC.strip('"'),
        "code": "DUP998",
        "name": "fine-rule",
        "category": Category.DUPLICATE,
    }
    base.update(attrs)
    return type("R", (Rule,), base)


@pytest.mark.parametrize(
    "attrs, message",
    [
        ({"code": "DUP12"}, "3 digits"),
        ({"code": "BP998"}, "does not match category"),
        ({"name": "Not_Kebab"}, "kebab-case"),
        ({"__doc__": "Just a line."}, "lacks section"),
        ({"fixable": "maybe"}, "fixable"),
    ],
)
def test_rule_validation(attrs: dict[str, object], message: str) -> None:
    with pytest.raises(PluginError, match=message):
        validate_rule_class(make_rule(**attrs))


def test_duplicate_codes_are_rejected() -> None:
    registry = Registry([make_rule()])
    with pytest.raises(PluginError, match="already registered"):
        registry.add(make_rule(name="other-name"))
