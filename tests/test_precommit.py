"""The real pre-commit runs our hooks from this repository on a temporary
git repository holding a flawed and a clean article."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, need_executable

FLAWED = "# Storm update\n\nThe goverment said roads were closed.\n\nYou may also like\n"
CLEAN = "# Storm update\n\nThe government said roads were closed on Monday.\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    need_executable("git")
    need_executable("pre-commit")
    root = tmp_path_factory.mktemp("newsroom")
    (root / "flawed.md").write_text(FLAWED, encoding="utf-8")
    (root / "clean.md").write_text(CLEAN, encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(root.parent / "pre-commit-home"), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    for cmd in (["git", "init", "-q"], ["git", "add", "."]):
        subprocess.run(cmd, cwd=root, check=True, env=env)
    return root, env


def try_repo(
    project: tuple[Path, dict[str, str]], hook: str, *files: str
) -> subprocess.CompletedProcess[str]:
    root, env = project
    return subprocess.run(
        ["pre-commit", "try-repo", str(REPO), hook, "--files", *files],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_hook_fails_on_flawed_article(project: tuple[Path, dict[str, str]]) -> None:
    run = try_repo(project, "newslint", "flawed.md")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "spelling.misspelled" in run.stdout and "filler.web-leftover" in run.stdout


def test_hook_passes_on_clean_article(project: tuple[Path, dict[str, str]]) -> None:
    run = try_repo(project, "newslint", "clean.md")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout


def test_fix_hook_rewrites_the_file(project: tuple[Path, dict[str, str]]) -> None:
    root, _ = project
    run = try_repo(project, "newslint-fix", "flawed.md")
    assert run.returncode == 1  # files were modified (and a leftover remains)
    assert "The government said" in (root / "flawed.md").read_text(encoding="utf-8")


def test_the_projects_own_hooks_pass_on_the_whole_tree(tmp_path: Path) -> None:
    """Issue 13: the repository's .pre-commit-config.yaml (ruff, mypy --strict,
    docs up to date, newslint on its own docs and clean examples) passes on
    every tracked file, run by the real pre-commit. With --all-files nothing is
    stashed: the working tree is what is checked."""
    need_executable("git")
    need_executable("pre-commit")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    run = subprocess.run(
        ["pre-commit", "run", "--all-files", "--show-diff-on-failure"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    for hook in ("ruff check", "mypy", "docs/ generated", "newslint (docs and clean examples)"):
        assert hook in run.stdout, run.stdout
