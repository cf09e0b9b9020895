"""--fix is atomic (issue 11): a --fix run over 300 files is killed by its PID
(SIGKILL) at random moments, 30 times. Afterwards every file holds either its
original bytes or its fully fixed bytes, with its permission bits, line
endings (LF, CRLF, lone CR) and BOM kept."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import REPO

FILES = 300
KILLS = int(os.environ.get("NEWSLINT_FIX_KILLS", "30"))
ENDINGS = ("\n", "\r\n", "\r")
MODES = (0o644, 0o600, 0o664, 0o640)


def _write_originals(directory: Path) -> dict[Path, tuple[bytes, int]]:
    originals = {}
    for i in range(FILES):
        nl = ENDINGS[i % 3]
        text = nl.join(
            [
                f"Harbour fire {i}",
                "",
                f"A fire occured at the harbour on Monday, officials said. It destroyed {i} boats.",
                "",
                f"Crews will recieve new equipment, the fire chief said.{nl}",
            ]
        )
        data = ("\ufeff" if i % 5 == 0 else "").encode() + text.encode()
        path = directory / f"story-{i:03}.txt"
        path.write_bytes(data)
        path.chmod(MODES[i % 4])
        originals[path] = (data, MODES[i % 4])
    return originals


def _fix_command(directory: Path) -> list[str]:
    select = "spelling.misspelled"  # safe fixes; a small rule set keeps each run short
    return [sys.executable, "-m", "newslint", "check", str(directory), "--fix",
            "--select", select, "--format", "concise", "-j", "2"]  # fmt: skip


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}


def test_killed_fix_runs_leave_every_file_original_or_fully_fixed(tmp_path: Path) -> None:
    reference, target = tmp_path / "reference", tmp_path / "copy"
    reference.mkdir()
    target.mkdir()
    _write_originals(reference)
    started = time.monotonic()
    subprocess.run(_fix_command(reference), env=_env(), capture_output=True, timeout=300)
    duration = time.monotonic() - started
    fixed = {p.name: p.read_bytes() for p in reference.iterdir()}
    originals = _write_originals(target)
    for path, (data, mode) in originals.items():
        ref = reference / path.name
        assert fixed[path.name] != data  # every file has something to fix
        assert (ref.stat().st_mode & 0o777) == mode  # an uninterrupted run keeps the mode
        # Line endings and BOM kept: only the misspelt words change.
        assert fixed[path.name] == data.replace(b"occured", b"occurred").replace(
            b"recieve", b"receive"
        )

    rng = random.Random(11)
    killed = mixed = 0
    interrupted: set[str] = set()
    for _ in range(KILLS):
        for path, (data, mode) in originals.items():
            if path.read_bytes() != data or (path.stat().st_mode & 0o777) != mode:
                path.write_bytes(data)
                path.chmod(mode)
        proc = subprocess.Popen(
            _fix_command(target), env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        # Within the first part of an uninterrupted run's time: a run on a machine
        # whose load drops after the timed run may finish sooner than it did.
        time.sleep(rng.uniform(0.05, 0.6 * duration))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed += 1
        proc.wait(timeout=60)
        time.sleep(0.05)  # workers die with the parent (PR_SET_PDEATHSIG)
        states = set()
        for path, (data, mode) in originals.items():
            now = path.read_bytes()
            assert now in (data, fixed[path.name]), f"{path.name} is half-written: {now!r}"
            assert (path.stat().st_mode & 0o777) == mode, path.name
            states.add(now == data)
        mixed += len(states) == 2  # killed in the middle of writing fixes
        interrupted |= {p.name for p in target.glob(".*.newslint-tmp")}
    # A run that finishes removes the temporary copies the killed runs left.
    for path, (data, _mode) in originals.items():
        path.write_bytes(data)
    subprocess.run(_fix_command(target), env=_env(), check=False, capture_output=True)
    assert list(target.glob(".*.newslint-tmp")) == []
    print(
        f"kills survived: {killed} of {KILLS} runs; {mixed} killed mid-way through the files; "
        f"{len(interrupted)} temporary copies left by kills, removed by the next run"
    )
    assert killed >= KILLS * 2 // 3
    assert mixed >= 1


def test_a_write_removes_temporary_copies_of_dead_writers_only(tmp_path: Path) -> None:
    from newslint.fix import write_atomically

    story = tmp_path / "story.md"
    story.write_text("Old text.\n", encoding="utf-8")
    dead = subprocess.Popen(["true"])  # a process id that is no longer alive
    dead.wait()
    stale = tmp_path / f".story.md.{dead.pid}.abc123.newslint-tmp"
    live = tmp_path / f".story.md.{os.getpid()}.def456.newslint-tmp"
    other = tmp_path / f".other.md.{dead.pid}.abc123.newslint-tmp"
    reused = tmp_path / f".story.md.{os.getpid()}.old789.newslint-tmp"
    for temp in (stale, live, other, reused):
        temp.write_text("partial", encoding="utf-8")
    day_ago = time.time() - 86400  # written long before this process started
    os.utime(reused, (day_ago, day_ago))
    write_atomically(story, "New text.\n")
    assert story.read_text(encoding="utf-8") == "New text.\n"
    assert not stale.exists()  # its writer is dead
    assert live.exists()  # a writer still running (this test) keeps its file
    assert other.exists()  # another story's copies are that story's business
    assert not reused.exists()  # its number now belongs to a later process
