"""Shared test helpers: run the real CLI in a subprocess, find shared corpora,
and turn a missing component into a skip locally but a failure under CI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# Every CLI run a test starts runs in its own process: a warm daemon (on by
# default outside CI) would outlive the tests. tests/test_daemon.py turns it on.
os.environ["NEWSLINT_DAEMON"] = "off"


def need(condition: bool, component: str) -> None:
    """Skip when a component is missing, except under CI, where it must be there."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{component} is required under CI but is missing")
    pytest.skip(f"{component} is not available")


def need_executable(name: str) -> str:
    found = shutil.which(name)
    need(found is not None, f"the '{name}' executable")
    assert found is not None
    return found


@dataclass
class CliRun:
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> dict[str, Any]:
        return json.loads(self.stdout)

    def rules(self) -> list[str]:
        return [d["rule"] for f in self.json()["files"] for d in f["diagnostics"]]


def run_cli(
    *args: str | Path,
    cwd: Path | None = None,
    input: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> CliRun:
    """Run ``python -m newslint`` for real and capture what it prints."""
    # Tests must not pick up the GitHub format when CI itself runs on Actions.
    full_env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    full_env.update({"NO_COLOR": "1", **(env or {})})
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", *map(str, args)],
        cwd=cwd or REPO,
        input=input,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=timeout,
    )
    return CliRun(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def cli():
    return run_cli


SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html"}


def lint_snippet(text: str, fmt: str = "text", select: tuple[str, ...] | None = None):
    """Lint a snippet in-process with default settings (no config discovery
    above a throwaway directory), selecting the given rules."""
    import tempfile

    from newslint.config import CliOverrides, ConfigResolver
    from newslint.engine import RuleSet, build_providers, lint_source

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"snippet{SUFFIX[fmt]}"
        config = ConfigResolver(None, CliOverrides(select=select)).for_path(path)
        rules = RuleSet(config, build_providers(config))
        return lint_source(path, path.name, text, rules)
