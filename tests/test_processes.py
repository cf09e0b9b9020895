"""A pid names a process only together with its start time (ids are reused)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from newslint import processes

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def test_a_live_process_is_itself_and_not_a_later_one() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        started = processes.start_time(child.pid)
        assert started is not None
        assert abs(started - time.time()) < 30
        assert processes.is_same_process(child.pid, started)
        assert processes.is_same_process(child.pid, None)
        # The same id recorded for a process that started ten minutes earlier: reused.
        assert not processes.is_same_process(child.pid, started - 600)
    finally:
        child.kill()
        child.wait()


def test_a_killed_process_is_gone_even_before_it_is_reaped() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    started = processes.start_time(child.pid)
    child.kill()
    deadline = time.monotonic() + 10
    while not processes.is_zombie(child.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert processes.is_zombie(child.pid)
    assert not processes.is_same_process(child.pid, started)
    child.wait()
    assert not processes.exists(child.pid)
    assert processes.start_time(child.pid) is None
