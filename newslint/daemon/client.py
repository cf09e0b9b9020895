"""Hand ``newslint check`` to a warm daemon, or say there is none.

:func:`run_in_daemon` returns the command's exit code when a daemon ran it,
and None when the caller must run it in-process: no daemon for this install
and environment (one is then started in the background for the next run,
unless ``NEWSLINT_DAEMON=off`` or CI), a socket directory that is not
private, or a platform without Unix sockets and fork.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
from pathlib import Path
from types import FrameType

from newslint.daemon import address, protocol

_FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def run_in_daemon(argv: list[str]) -> int | None:
    if not (hasattr(os, "fork") and hasattr(socket, "send_fds")):
        return None
    mode = address.mode()
    if mode == "off":
        return None
    directory = address.runtime_dir()
    if directory is None:
        return None
    path = address.socket_path(directory, address.daemon_key())
    sock = connect(path)
    if sock is None:
        start_in_background(path)  # for the next run; this one runs in-process
        return None
    with sock:
        return _hand_over(sock, argv)


def connect(path: Path) -> socket.socket | None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(str(path))
    except OSError:  # no daemon, or a socket left by one that died
        sock.close()
        return None
    return sock


def _hand_over(sock: socket.socket, argv: list[str]) -> int:
    umask = os.umask(0)
    os.umask(umask)
    request = {
        "op": "check",
        "argv": argv,
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        "umask": umask,
        "prog": program_name(),
    }
    worker: list[int] = []

    def forward(signum: int, _frame: FrameType | None) -> None:
        if not worker:  # the worker has not started: stop here, as a local run would
            raise KeyboardInterrupt
        os.kill(worker[0], signum)

    previous = {s: signal.signal(s, forward) for s in _FORWARDED}
    try:
        protocol.send(sock, request, [0, 1, 2])
        while True:
            reply, _ = protocol.receive(sock)
            if "exit" in reply:
                return int(reply["exit"])
            worker.append(int(reply["pid"]))
    except (OSError, protocol.ProtocolError, KeyError, ValueError) as exc:
        # The worker died (killed, out of memory) before it could say how it ended.
        message = f"the daemon's worker ended without an exit code ({exc})"
        print(f"newslint: error: {message}", file=sys.stderr)
        return 2
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def program_name() -> str:
    """What click calls this program in usage lines, by click's own rule:
    ``python -m newslint`` under ``-m``, else the script's name."""
    main_module = sys.modules.get("__main__")
    package = getattr(main_module, "__package__", None)
    if not package:
        return os.path.basename(sys.argv[0])
    name = os.path.splitext(os.path.basename(sys.argv[0]))[0]
    module = package if name == "__main__" else f"{package}.{name}"
    return f"python -m {module.lstrip('.')}"


def start_in_background(path: Path, idle_stop_minutes: float | None = None) -> None:
    """Start a daemon on ``path``, detached; the caller does not wait for it.
    Parallel first runs may each try: the daemon that binds the socket first
    stays, the others see it and leave."""
    import subprocess

    command = [sys.executable, "-m", "newslint.daemon.server", "--socket", str(path)]
    if idle_stop_minutes is not None:
        command += ["--idle-stop", str(idle_stop_minutes)]
    with contextlib.suppress(OSError):  # speed only: the runs go on in-process
        subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # not in the terminal's group: Ctrl-C stays with the client
            close_fds=True,
        )
