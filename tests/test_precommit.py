"""The real pre-commit runs our hooks from this repository on a temporary
git repository holding a flawed and a clean article."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from conftest import REPO, need_executable

from newslint.daemon import protocol
from newslint.daemon.client import connect

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


def test_hook_runs_after_the_first_are_served_by_the_warm_daemon(tmp_path: Path) -> None:
    """Issue 12: the first hook run starts a daemon in the background; the next
    commit's run is handed to it, with the same output and exit code."""
    need_executable("git")
    need_executable("pre-commit")
    need_executable("newslint")
    root = tmp_path / "desk"
    root.mkdir()
    (root / "clean.md").write_text(CLEAN, encoding="utf-8")
    (root / ".pre-commit-config.yaml").write_text(
        "repos:\n  - repo: local\n    hooks:\n      - id: newslint\n        name: newslint\n"
        "        entry: newslint check --no-progress --ignore grammar\n"
        "        language: system\n        files: \\.md$\n",
        encoding="utf-8",
    )
    run_dir = tmp_path / "run"
    run_dir.mkdir(mode=0o700)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "NO_COLOR": "1",
        "NEWSLINT_DAEMON": "on",
        "NEWSLINT_RUNTIME_DIR": str(run_dir),
    }
    env.pop("GITHUB_ACTIONS", None)
    for cmd in (["git", "init", "-q"], ["git", "add", "."]):
        subprocess.run(cmd, cwd=root, check=True, env=env)

    def hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["pre-commit", "run", "--files", "clean.md"],
            cwd=root, env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip

    try:
        first = hook()
        assert first.returncode == 0, first.stdout + first.stderr
        deadline = time.monotonic() + 120
        while not _served_counts(run_dir):
            assert time.monotonic() < deadline, "the first hook run started no daemon"
            time.sleep(0.2)
        second = hook()
        assert second.returncode == 0, second.stdout + second.stderr
        assert sum(_served_counts(run_dir)) == 1
    finally:
        _stop_daemons(run_dir)


def _served_counts(run_dir: Path) -> list[int]:
    """Runs served by each daemon answering in ``run_dir``."""
    counts = []
    for path in run_dir.glob("*.sock"):
        sock = connect(path)
        if sock is None:
            continue
        with sock:
            protocol.send(sock, {"op": "status"})
            counts.append(int(protocol.receive(sock)[0]["served"]))
    return counts


def _stop_daemons(run_dir: Path) -> None:
    for path in run_dir.glob("*.sock"):
        sock = connect(path)
        if sock is not None:
            with sock:
                protocol.send(sock, {"op": "stop"})
