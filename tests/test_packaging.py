"""The wheel carries everything a run needs: build it, install it into a
fresh virtual environment, and lint with the shipped packs."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

from conftest import REPO

ARTICLE = """Ferry service resumes

By Tomas Keane

Passengers recieved refunds after the storm, the operator said on Monday.

Leave a Comment
"""


def test_wheel_installs_and_lints_with_shipped_packs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(REPO)],
        check=True,
    )
    wheel = next(dist.glob("newslint-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)  # no system site-packages: deps must be declared
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        check=True,
    )
    article = tmp_path / "work" / "ferry.txt"
    article.parent.mkdir()
    article.write_text(ARTICLE, encoding="utf-8")
    run = subprocess.run(
        [str(env_dir / "bin" / "newslint"), "check", "--format", "json", "ferry.txt"],
        cwd=article.parent,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1, run.stderr
    rules = {d["rule"] for d in json.loads(run.stdout)["files"][0]["diagnostics"]}
    assert {"spelling.misspelled", "filler.web-leftover"} <= rules
    listing = subprocess.run(
        [str(python), "-m", "newslint", "rules"],
        cwd=article.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "filler.reader-address" in listing.stdout
