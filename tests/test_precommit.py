"""The pre-commit hooks, exercised the way a user adopts them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

DEFECTIVE = (
    "Lighthouse keepers return to Skerry Point\n\n"
    "Lighthouse keepers return to Skerry Point\n\n"
    "Two keepers moved back into the lighthouse cottage this week after a gap of forty years.\n"
)
CLEAN = "Two keepers moved back into the lighthouse cottage this week after a gap of forty years.\n"


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_manifest_is_valid(tmp_path: Path) -> None:
    proc = pre_commit(
        "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml"), cwd=tmp_path, home=tmp_path
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A throwaway git repo of articles, and a shared PRE_COMMIT_HOME (the hook env installs once)."""
    if not (ROOT / ".git").exists():
        pytest.skip("try-repo needs the project as a git repository")
    repo = tmp_path_factory.mktemp("articles")
    git("init", "-q", cwd=repo)
    git("config", "user.email", "t@example.invalid", cwd=repo)
    git("config", "user.name", "t", cwd=repo)
    return repo, tmp_path_factory.mktemp("pre-commit-home")


def test_try_repo_fails_on_defective_and_passes_on_clean(hook_repo: tuple[Path, Path]) -> None:
    repo, home = hook_repo
    (repo / "bad.txt").write_text(DEFECTIVE)
    (repo / "good.txt").write_text(CLEAN)
    git("add", ".", cwd=repo)
    bad = pre_commit("try-repo", str(ROOT), "scrapelint", "--files", "bad.txt", cwd=repo, home=home)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "DUP001" in bad.stdout
    good = pre_commit(
        "try-repo", str(ROOT), "scrapelint", "--files", "good.txt", cwd=repo, home=home
    )
    assert good.returncode == 0, good.stdout + good.stderr


def test_try_repo_jsonl_hook(hook_repo: tuple[Path, Path]) -> None:
    repo, home = hook_repo
    (repo / "recs.jsonl").write_text(
        '{"id": "a", "title": "Lighthouse keepers return to Skerry Point", '
        '"text": "Lighthouse keepers return to Skerry Point\\nTwo keepers moved back."}\n'
    )
    git("add", ".", cwd=repo)
    proc = pre_commit(
        "try-repo", str(ROOT), "scrapelint-jsonl", "--files", "recs.jsonl", cwd=repo, home=home
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "DUP001" in proc.stdout
