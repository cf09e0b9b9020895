"""benchmarks/cold_paired.py: one interleaved round of this tree against HEAD.

Speed figures come from the benchmark itself, never from this test: it checks
that both trees ran the command and were reported, and that the temporary
worktree is gone afterwards."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import REPO

SCRIPT = REPO / "benchmarks" / "cold_paired.py"


def _worktrees() -> list[str]:
    listing = subprocess.run(
        ["git", "-C", str(REPO), "worktree", "list", "--porcelain"],
        capture_output=True,
        text=True,
        check=True,
    )
    return [line for line in listing.stdout.splitlines() if line.startswith("worktree ")]


def test_one_round_against_head_reports_both_trees() -> None:
    before = _worktrees()
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--base", "HEAD", "--runs", "1", "--", "--select", "dates"],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "--select dates" in proc.stdout
    rows = [line.split() for line in proc.stdout.splitlines() if line.startswith(("HEAD", "this"))]
    assert [row[0] for row in rows] == ["HEAD", "this"]
    for row in rows:
        seconds = [float(cell.rstrip("s")) for cell in row[-4:]]
        assert all(0 < s < 60 for s in seconds)
    assert _worktrees() == before
