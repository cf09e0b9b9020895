"""What /proc says about another process: is it alive, and since when.

A process id alone does not name a process for long: ids are reused (pid_max
is often 32,768), so a file that records a pid must also record when that
process started, and a later reader compares both. Both ``--fix`` (temporary
files named by their writer's pid) and the shared LanguageTool server (a
discovery file and its keeper) rely on this.
"""

from __future__ import annotations

import os
from pathlib import Path

START_TOLERANCE = 1.0  # seconds: /proc gives clock ticks after a boot time in whole seconds


def exists(pid: int) -> bool:
    """True when some process has this id (ours or another user's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        pass  # it exists but is someone else's
    return True


def _stat_fields(pid: int) -> list[str] | None:
    """Fields of /proc/<pid>/stat after the command name (which may hold spaces)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()
    except (OSError, IndexError):
        return None


def is_zombie(pid: int) -> bool:
    """Killed but not yet reaped by its parent: gone in every way that matters."""
    fields = _stat_fields(pid)
    return fields is not None and fields[:1] == ["Z"]


def start_time(pid: int) -> float | None:
    """When process ``pid`` started, in seconds since the epoch (None without /proc)."""
    fields = _stat_fields(pid)
    if fields is None or len(fields) < 20:
        return None
    try:
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
        return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, StopIteration, IndexError, ValueError):
        return None


def is_same_process(pid: int, started: float | None) -> bool:
    """Is ``pid`` still the process that started at ``started``?

    False when the id is free, a zombie, or now names a process that started
    at another time (a reused id). With no recorded or readable start time,
    only the id's existence can be checked."""
    if not exists(pid) or is_zombie(pid):
        return False
    if started is None:
        return True
    now_started = start_time(pid)
    return now_started is None or abs(now_started - started) <= START_TOLERANCE
