"""The daemon: warm up once, then fork a worker per ``newslint check``.

    python -m newslint.daemon.server --socket PATH [--idle-stop MINUTES]

Warming up runs the real command line on a few short articles of each format,
so that every import, word list, model and matcher a run loads is loaded here,
before any fork: each worker starts with all of it, shared copy-on-write. A
worker takes over the client's standard streams, working directory,
environment, umask and arguments, runs the command line as a local run would,
reports the exit code and ends. The daemon stops after ``--idle-stop``
minutes without a request (default 30), as the LanguageTool server does.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import gc
import io
import os
import signal
import socket
import struct
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any, NoReturn

from newslint import __version__
from newslint.daemon import address, protocol

_REAP_EVERY = 5.0  # seconds between looks for ended workers while idle

# Short articles, our own words, one per format: enough to load every rule family.
_WARM_UP = {
    "warm.md": (
        "---\ntitle: Harbour council approves ferry timetable\ndate: 2026-03-02\n---\n\n"
        "# Harbour council approves ferry timetable\n\nBy Nell Ashdown\n\n"
        "Portwell, March 2 - The harbour council voted 7-2 on Monday to add two evening "
        "ferries from April, the council leader, Iris Penhale, said.\n\n"
        '"We listened to the people who work late," Ms Penhale told reporters. Analysts '
        "say the change could cost about £40,000 a year.\n\n## What happens next\n\n"
        "- The first evening sailing leaves at 7.40pm.\n- Tickets go on sale on Friday.\n"
    ),
    "warm.html": (
        '<html lang="en"><head><title>Library reopens</title></head><body><article>'
        "<h1>Library reopens after roof repairs</h1><p>By Tom Keverne</p>"
        "<p>The town library reopened on Tuesday after six weeks of repairs, the "
        "county said in a statement.</p><p>Share this article</p></article></body></html>"
    ),
    "warm.txt": (
        "Bus fares to rise in June\n\nBus fares in the county will rise by 5% in June, the "
        "operator said on Wednesday. It is said that drivers were not consulted.\n"
    ),
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m newslint.daemon.server")
    parser.add_argument("--socket", required=True, type=Path)
    parser.add_argument(
        "--idle-stop", type=float, default=address.IDLE_STOP_MINUTES, metavar="MINUTES"
    )
    args = parser.parse_args(argv)
    serve(args.socket, args.idle_stop * 60)


def serve(path: Path, idle_seconds: float) -> None:
    """Bind ``path`` (unless a live daemon holds it), warm up, answer requests."""
    lock = _lock(path)
    if lock is None:
        return  # another daemon is starting for this key
    with lock:
        if _alive(path):
            return
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # left by a daemon that died
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(str(path))
        # Clients that connect while we warm up wait in the backlog.
        listener.listen(64)
    _stop_outdated_siblings(path)
    _warm_up()
    gc.freeze()  # what warming loaded stays shared: the collector never touches its pages
    _Daemon(listener, path, idle_seconds).run()


class _Daemon:
    def __init__(self, listener: socket.socket, path: Path, idle_seconds: float) -> None:
        self.listener = listener
        self.path = path
        self.idle_seconds = idle_seconds
        self.started = time.time()
        self.last_request = time.monotonic()
        self.served = 0
        self.workers: set[int] = set()
        self.inode = os.stat(path).st_ino
        self.package_stamp = address.package_stamp()

    def run(self) -> None:
        signal.signal(signal.SIGTERM, lambda *_: self.stop())
        self.listener.settimeout(min(_REAP_EVERY, max(self.idle_seconds, 0.1)))
        while True:
            self._reap()
            idle = time.monotonic() - self.last_request
            if idle >= self.idle_seconds and not self.workers:
                self.stop()
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                self.stop()  # the socket file was removed under us: we are unreachable
            conn.settimeout(None)
            with conn:
                self._answer(conn)

    def _answer(self, conn: socket.socket) -> None:
        if not _same_user(conn):
            return
        try:
            request, fds = protocol.receive(conn, max_fds=3)
        except (OSError, protocol.ProtocolError):
            return
        op = request.get("op")
        if op == "check" and len(fds) == 3:
            self.last_request = time.monotonic()
            self.served += 1
            pid = os.fork()
            if pid == 0:
                self.listener.close()
                _work(conn, request, fds)
            self.workers.add(pid)
        elif op == "status":
            with contextlib.suppress(OSError):
                protocol.send(conn, self.status())
        elif op == "stop":
            with contextlib.suppress(OSError):
                protocol.send(conn, {"stopping": True})
            self.stop()
        for fd in fds:
            os.close(fd)

    def status(self) -> dict[str, Any]:
        return {
            "pid": os.getpid(),
            "version": __version__,
            "executable": sys.executable,
            "package": str(Path(__file__).resolve().parent.parent),
            "package_stamp": self.package_stamp,
            "started": self.started,
            "served": self.served,
            "workers": len(self.workers),
            "idle_stop_seconds": self.idle_seconds,
            "idle_seconds": time.monotonic() - self.last_request,
        }

    def _reap(self) -> None:
        for pid in list(self.workers):
            with contextlib.suppress(ChildProcessError):
                done, _ = os.waitpid(pid, os.WNOHANG)
                if not done:
                    continue
            self.workers.discard(pid)

    def stop(self) -> NoReturn:
        self.listener.close()
        # Only our own socket file: a successor may already have bound a new one there.
        with contextlib.suppress(OSError):
            if os.stat(self.path).st_ino == self.inode:
                self.path.unlink()
        os._exit(0)


def _work(conn: socket.socket, request: dict[str, Any], fds: list[int]) -> NoReturn:
    """In the forked worker: become the client's run, then exit with its code."""
    code = 1
    try:
        for signum in (signal.SIGTERM, signal.SIGCHLD, signal.SIGHUP):
            signal.signal(signum, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(request["cwd"])
        os.umask(int(request["umask"]))
        os.environ.clear()
        os.environ.update(request["env"])
        sys.argv = ["newslint", *request["argv"]]
        _reopen_streams()
        protocol.send(conn, {"pid": os.getpid()})
        code = _run_command_line(list(request["argv"]), str(request.get("prog", "newslint")))
    except BaseException:  # the worker must report, whatever happened
        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        with contextlib.suppress(OSError):
            protocol.send(conn, {"exit": code})
        os._exit(code)


def _run_command_line(argv: list[str], prog: str) -> int:
    from newslint.cli import main

    try:
        main(args=argv, prog_name=prog)
    except SystemExit as exc:
        return _exit_code(exc.code)
    except KeyboardInterrupt:
        return 130
    return 0


def _exit_code(code: object) -> int:
    """What Python makes of ``sys.exit(code)``."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _reopen_streams() -> None:
    """New stdin/stdout/stderr on the client's descriptors, buffered as Python
    would buffer them there (line by line on a terminal); the encoding is this
    process's, which the daemon key ties to the client's locale."""
    template = sys.__stdout__ or sys.stdout

    def stream(fd: int, mode: str, line_buffering: bool) -> io.TextIOWrapper:
        raw = open(fd, mode + "b", closefd=False)  # noqa: SIM115 - lives as long as the worker
        return io.TextIOWrapper(
            raw,
            encoding=template.encoding,
            errors=template.errors,
            line_buffering=line_buffering,
        )

    sys.stdin = stream(0, "r", False)
    sys.stdout = stream(1, "w", os.isatty(1))
    sys.stderr = stream(2, "w", True)


def _warm_up() -> None:
    """Run the real command line once on each warm-up article (output dropped)."""
    from newslint.cli import main

    with tempfile.TemporaryDirectory(prefix="newslint-warm-") as directory:
        for name, text in _WARM_UP.items():
            Path(directory, name).write_text(text, encoding="utf-8")
        for language in ("en-US", "en-GB"):
            args = [
                "check",
                "--ignore",
                "grammar",
                "--no-cache",
                "--no-progress",
                "-j",
                "1",
                "--format",
                "json",
                "--language",
                language,
                directory,
            ]
            sink = io.StringIO()
            with (
                contextlib.redirect_stdout(sink),
                contextlib.redirect_stderr(sink),
                # Whatever fails here fails the same way in the worker, which reports
                # it as a local run would; a daemon that died warming up would be
                # started again by every later run.
                contextlib.suppress(SystemExit, Exception),
            ):
                main(args=args, prog_name="newslint")


def _same_user(conn: socket.socket) -> bool:
    """The socket directory is private; this is the second lock on the door."""
    try:
        creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    except (OSError, AttributeError):
        return True  # no SO_PEERCRED here: the directory's permissions still hold
    _pid, uid, _gid = struct.unpack("3i", creds)
    return bool(uid == os.getuid())


def _lock(path: Path) -> contextlib.AbstractContextManager[Any] | None:
    """An exclusive lock beside the socket while it is checked and bound."""
    handle = open(path.with_suffix(".lock"), "a")  # noqa: SIM115 - closed by the context
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return contextlib.closing(handle)


def _alive(path: Path) -> bool:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with sock:
        try:
            sock.connect(str(path))
        except OSError:
            return False
    return True


def _stop_outdated_siblings(path: Path) -> None:
    """Stop daemons of this same install and Python that run other versions of its
    files: after an edit or upgrade they can serve no one, and would only wait out
    their idle time. (Daemons for other environments of the same files stay.)"""
    from newslint.daemon.client import connect

    ours = (sys.executable, str(Path(__file__).resolve().parent.parent))
    stamp = address.package_stamp()
    for other in path.parent.glob("*.sock"):
        if other == path:
            continue
        sock = connect(other)
        if sock is None:
            continue
        with sock:
            try:
                protocol.send(sock, {"op": "status"})
                status, _ = protocol.receive(sock)
                same_install = (status.get("executable"), status.get("package")) == ours
                if same_install and status.get("package_stamp") != stamp:
                    stopper = connect(other)
                    if stopper is not None:
                        with stopper:
                            protocol.send(stopper, {"op": "stop"})
            except (OSError, protocol.ProtocolError):
                continue


if __name__ == "__main__":
    main()
