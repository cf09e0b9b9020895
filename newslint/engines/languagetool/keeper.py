"""Stop a shared LanguageTool server once nobody has used it for a while.

A server that ``newslint check`` starts for later runs to share (``[languagetool]
autostart``) must not hold a gigabyte of memory forever. Every process that uses
it touches a usage file (:func:`newslint.engines.languagetool.server.mark_used`);
this small detached process, started beside the server, stops it when that file
has not been touched for the idle time, and removes the discovery file so that
the next run starts a fresh one. It exits by itself when the server dies.

    python -m newslint.engines.languagetool.keeper PID IDLE_SECONDS CACHE_DIR [START_TIME]

START_TIME (the server process's start, epoch seconds) tells the server from a
later process that happens to get the same pid.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from newslint.engines.languagetool import server as lt_server

POLL_CEILING = 30.0  # seconds between looks at most: cheap, and a stop is never late by more


def idle_for(usage: Path, since: float) -> float:
    """Seconds since the usage file was last touched (``since`` if it never was)."""
    try:
        last = usage.stat().st_mtime
    except OSError:
        last = since
    return time.time() - max(last, since)


def keep(pid: int, idle: float, root: Path, process_started: float | None = None) -> str:
    """Watch the server until it stops or idles out; say which."""
    started = time.time()
    usage = lt_server.usage_path(root)
    while True:
        if not lt_server.is_languagetool_pid(pid, process_started):
            _forget(pid, root)
            return "the server exited"
        # Starting is not idling: LanguageTool's first check alone can take longer
        # than a short idle time. A starter that died never advertises it; then
        # the idle clock runs from the start.
        if not _advertised(pid, root) and time.time() - started < lt_server.READY_TIMEOUT:
            time.sleep(0.5)
            continue
        waited = idle_for(usage, started)
        if waited >= idle:
            server = lt_server.Server(url="", version="", pid=pid, process_started=process_started)
            lt_server.stop(server)
            _forget(pid, root)
            return f"stopped after {waited:.0f} s idle"
        time.sleep(min(max(idle - waited, 0.2), POLL_CEILING))


def _advertised(pid: int, root: Path) -> bool:
    found = lt_server.read_discovery_record(root)
    return found is not None and found.pid == pid


def _forget(pid: int, root: Path) -> None:
    """Remove the discovery file if it still names this server (not a newer one)."""
    if _advertised(pid, root):
        lt_server.remove_discovery(root)


def main(argv: list[str]) -> int:
    pid, idle, root = int(argv[0]), float(argv[1]), Path(argv[2])
    process_started = float(argv[3]) if len(argv) > 3 and argv[3] else None
    print(f"newslint keeper: {keep(pid, idle, root, process_started)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
