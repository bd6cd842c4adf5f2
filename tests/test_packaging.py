"""The wheel a user installs carries the rule pack's data and registers it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {proc.stderr[-500:]}")
    (path,) = out.glob("scrapelint-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_ships_every_yaml_data_file(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    expected = {str(p.relative_to(ROOT / "rules")) for p in (ROOT / "rules").rglob("*.yaml")}
    assert expected and expected <= names


def test_wheel_registers_the_builtin_pack_and_the_command(wheel: zipfile.ZipFile) -> None:
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    text = wheel.read(entry_points).decode()
    assert "[scrapelint.rules]" in text and "scrapelint_rules:RULES" in text
    assert "scrapelint = scrapelint.cli:main" in text
    assert "scrapelint/py.typed" in wheel.namelist()
