"""The entry point ends a ``check`` run without the interpreter's teardown
(newslint.daemon.launcher): what the teardown would have done that matters,
the exit code, the whole output and the exit handlers, must still happen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO, run_cli

from newslint.daemon.launcher import exit_without_teardown

_OWN_PROCESS = {"NEWSLINT_DAEMON": "off"}


def test_a_check_run_keeps_its_exit_code_and_whole_output(tmp_path: Path) -> None:
    env = {**_OWN_PROCESS, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    examples = sorted(EXAMPLES.glob("*.md")) + sorted(EXAMPLES.glob("*.txt"))
    flawed = run_cli("check", "--format", "json", "--ignore", "grammar", *examples, env=env)
    assert flawed.returncode == 1, flawed.stderr
    report = json.loads(flawed.stdout)  # all of it written: it parses
    assert len(report["files"]) == len(examples)
    assert report["summary"]["diagnostics"] > 20
    clean = run_cli(
        "check", "--ignore", "grammar", EXAMPLES / "clean-central-bank-rates.md", env=env
    )
    assert clean.returncode == 0 and clean.stdout == "", clean.stderr
    # The exit handlers ran: the compiled patterns were saved for the next run.
    assert list((tmp_path / "cache").glob("regex-*.marshal"))


def test_a_usage_error_keeps_its_code(tmp_path: Path) -> None:
    run = run_cli("check", "--format", "nonsense", EXAMPLES, env=_OWN_PROCESS)
    assert run.returncode == 2 and "nonsense" in run.stderr


def test_output_to_a_closed_pipe_ends_quietly() -> None:
    """A reader that stops early (``| head -1``) gets its line; newslint exits
    without a traceback, as before."""
    command = [sys.executable, "-m", "newslint", "check", "--ignore", "grammar", str(EXAMPLES)]
    newslint = subprocess.Popen(
        command,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **_OWN_PROCESS},
    )
    assert newslint.stdout is not None and newslint.stderr is not None
    first = newslint.stdout.readline()
    newslint.stdout.close()
    errors = newslint.stderr.read().decode()
    newslint.wait(timeout=120)
    assert first.strip()
    assert "Traceback" not in errors


def test_a_running_thread_or_a_message_takes_the_ordinary_way_out() -> None:
    """Only an integer code with no other thread alive skips the teardown: a
    thread would be killed mid-work, and a message must still be printed."""
    with pytest.raises(SystemExit) as message:
        exit_without_teardown(SystemExit("newslint: stopped"))
    assert message.value.code == "newslint: stopped"
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        with pytest.raises(SystemExit) as coded:
            exit_without_teardown(SystemExit(1))
        assert coded.value.code == 1
    finally:
        stop.set()
        worker.join()


def test_a_profiled_run_still_writes_its_profile(tmp_path: Path) -> None:
    """cProfile (and coverage's tracer) write their results after the program
    returns: a watched run must take the ordinary way out, or the benchmark's
    profile of the cold start is never written."""
    profile = tmp_path / "run.prof"
    article = EXAMPLES / "clean-central-bank-rates.md"
    command = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "newslint"]
    run = subprocess.run(
        [*command, "check", "--ignore", "grammar", str(article)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, **_OWN_PROCESS},
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert profile.stat().st_size > 0
