from __future__ import annotations

import os
from pathlib import Path

import pytest

from scrapelint.atomic import atomic_write


def test_interrupted_write_leaves_the_original_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "article.txt"
    target.write_text("original text")

    def boom(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(str(target), b"new text")
    assert target.read_text() == "original text"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"]


def test_write_through_a_symlink_replaces_the_target(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write(str(link), b"new")
    assert link.is_symlink() and real.read_text() == "new"
