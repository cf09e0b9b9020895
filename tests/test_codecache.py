"""newslint.codecache: the code @dataclass generates, compiled once and kept on
disk, is the code compiling its source gives; a later process uses it."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

from newslint import codecache

_SCRIPT = (
    "from dataclasses import dataclass, field\n"
    "from newslint import codecache\n"
    "codecache.install()\n"
    "@dataclass(frozen=True, order=True)\n"
    "class Ferry:\n"
    "    name: str\n"
    "    berths: tuple = field(default_factory=tuple)\n"
    "    knots: float = 12.5\n"
    "a, b = Ferry('Skye', (1,)), Ferry('Skye', (1,), 9.0)\n"
    "assert a != b and b < a and repr(a) == \"Ferry(name='Skye', berths=(1,), knots=12.5)\"\n"
    "assert hash(Ferry('Mull')) == hash(Ferry('Mull'))\n"
    "print(len(codecache._load()))\n"
)


def test_cached_dataclass_code_is_what_compiling_gives(tmp_path: Path) -> None:
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert all(run.returncode == 0 for run in runs), [run.stderr for run in runs]
    assert int(runs[1].stdout) >= 5  # __init__, __repr__, __eq__, __hash__, order ... from disk
    data = marshal.loads((tmp_path / codecache.cache_path().name).read_bytes())
    assert data["python"] == sys.version and data["entries"]
    for source, code in data["entries"].items():
        assert code == compile(source, "<string>", "exec"), source[:80]


def test_a_damaged_code_cache_is_ignored(tmp_path: Path) -> None:
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}
    (tmp_path / codecache.cache_path().name).write_bytes(b"\x00not marshal data")
    run = subprocess.run([sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
