"""Issue 13, item 4: the package type-checks under `mypy --strict` (configured in
pyproject.toml: [tool.mypy], files = newslint)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from conftest import REPO, need


def test_mypy_strict_passes() -> None:
    need(importlib.util.find_spec("mypy") is not None, "mypy (pip install -e '.[test]')")
    run = subprocess.run(
        [sys.executable, "-m", "mypy"],  # the [tool.mypy] settings, from the repository root
        cwd=REPO, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert run.returncode == 0, (
        "mypy --strict must pass with zero errors; fix the annotations (cast() only "
        "where a library returns Any, `# type: ignore[code]  # reason` only for a "
        f"third-party limitation):\n{run.stdout}{run.stderr}"
    )
