"""benchmarks/compare.py: a tiny paired run on the BBC corpus, and a clean skip without it.

The corpus is read from ../shared/corpora (or NEWSLINT_CORPORA) and is absent in
CI, where the corpus test skips. Speed figures come from the benchmark itself,
never from these tests: they only check that every tool ran and was counted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))

import compare
from corpus import DEFAULT_BBC

SCRIPT = REPO / "benchmarks" / "compare.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_skips_cleanly_without_the_corpus(tmp_path):
    proc = run("--corpus", str(tmp_path / "absent.jsonl"))
    assert proc.returncode == 0, proc.stderr
    assert "corpus not found" in proc.stdout


def test_three_articles_one_round(tmp_path):
    if not DEFAULT_BBC.is_file():
        pytest.skip(f"BBC corpus not found: {DEFAULT_BBC}")
    out = tmp_path / "figures.json"
    proc = run("-n", "3", "-r", "1", "--warmup", "0", "--no-vale", "--json-out", str(out))
    assert proc.returncode == 0, proc.stderr
    figures = json.loads(out.read_text())
    assert figures["files"] == 3 and figures["words"] > 0
    tools = figures["tools"]
    assert set(tools) == {"floor", "newslint -j1", "newslint", "proselint"}
    for name, tool in tools.items():
        assert tool["median_wall_s"] > 0 and tool["median_cpu_s"] is not None, name
    # The same files and rules at one job or many: the same findings.
    assert tools["newslint -j1"]["findings"] == tools["newslint"]["findings"]
    assert "vale: left out" in proc.stdout
    assert "newslint / proselint" in proc.stdout


def test_vale_alerts_are_counted_by_check_and_level():
    output = json.dumps(
        {
            "a.txt": [
                {"Check": "Vale.Spelling", "Severity": "error"},
                {"Check": "write-good.E-Prime", "Severity": "suggestion"},
            ],
            "b.txt": [{"Check": "Vale.Spelling", "Severity": "warning"}],
        }
    )
    rules, serious = compare.vale_counts(output)
    assert rules == {"Vale.Spelling": 2, "write-good.E-Prime": 1}
    assert serious == 2


def test_vale_config_uses_the_built_in_style_without_a_styles_folder(tmp_path):
    config = compare.write_vale_config(tmp_path, None, [])
    text = config.read_text()
    assert config.parent == tmp_path
    assert "BasedOnStyles = Vale\n" in text
    assert f"StylesPath = {(tmp_path / 'vale-styles').resolve()}" in text
