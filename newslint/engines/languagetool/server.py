"""Start, find, reuse and stop LanguageTool's Java HTTP server.

A server started for one ``newslint check`` is *owned* by that process: it
is stopped at exit (atexit), on SIGTERM/SIGHUP (handlers below) and on
Ctrl-C (KeyboardInterrupt reaches atexit); on Linux the kernel also sends it
SIGTERM if its parent dies without cleaning up (PR_SET_PDEATHSIG), so a
killed ``newslint`` never leaves an orphan JVM. A server started by
``newslint languagetool serve`` lives on its own and is advertised in a
discovery file that later processes read. So does a *shared* server, which
the first run that needs grammar starts (``[languagetool] autostart``): it is
started under a lock, so that parallel runs start one, and a keeper process
(``keeper.py``) stops it after an idle time.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from newslint import processes
from newslint.cachedir import cache_root
from newslint.engines.languagetool.java import find_java

READY_TIMEOUT = 120.0  # a cold JVM on a loaded CI machine can be slow
PROBE_TEXT = "She go to the office every days."
DISCOVERY_NAME = "languagetool-server.json"
USAGE_NAME = "languagetool-server.used"  # touched by every user of a shared server
LOCK_NAME = "languagetool-server.lock"
LOG_NAME = "languagetool-server.log"
MAIN_CLASS = "org.languagetool.server.HTTPServer"
# Serial GC: smallest footprint and fastest start for a single-user server.
# The heap is capped so a server per run stays modest; English needs ~300 MB.
JVM_OPTIONS = ("-Xms64m", "-Xmx1g", "-XX:+UseSerialGC", "-Xshare:auto")


class ServerError(Exception):
    """The server could not be started or does not answer."""


@dataclass
class Server:
    url: str  # e.g. "http://127.0.0.1:8123/"
    version: str
    pid: int
    port: int = 0
    log: str | None = None
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False, compare=False)
    owner_pid: int = 0  # the process that started it (0: discovered, not ours)
    idle_stop: float = 0.0  # seconds idle after which its keeper stops it (0: never)
    # When the process started (epoch seconds): with the pid, it names the process
    # even after the pid is reused. None where /proc cannot tell.
    process_started: float | None = None

    def alive(self) -> bool:
        # Popen.poll() only works in the parent: a forked worker must not call it.
        if self.process is not None and self.owner_pid == os.getpid():
            return self.process.poll() is None
        return is_languagetool_pid(self.pid, self.process_started)

    def to_json(self) -> str:
        data = {"url": self.url, "version": self.version, "pid": self.pid, "port": self.port}
        return json.dumps(
            {
                **data,
                "log": self.log,
                "idle_stop": self.idle_stop,
                "process_started": self.process_started,
                "started": time.time(),
            }
        )


# -- starting ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_server_config(path: Path) -> Path:
    """LanguageTool's server properties: reuse pipelines, one thread per core."""
    cores = os.cpu_count() or 1
    path.write_text(
        "# written by newslint\n"
        "pipelineCaching=true\n"
        f"maxPipelinePoolSize={max(4, cores * 2)}\n"
        "pipelineExpireTimeInSeconds=3600\n"
        f"maxCheckThreads={cores}\n"
        "cacheSize=2000\n",
        encoding="utf-8",
    )
    return path


def command(install: Path, port: int, config: Path, java: str = "java") -> list[str]:
    return [
        java, *JVM_OPTIONS, "-cp", str(install / "lib" / "*"), MAIN_CLASS,
        "--port", str(port), "--config", str(config),
    ]  # fmt: skip


def launch(
    install: Path,
    version: str,
    *,
    port: int | None = None,
    detach: bool = False,
    log_path: Path | None = None,
) -> Server:
    """Start the server without waiting for it (see :func:`wait_ready`).

    ``detach`` puts it in its own session so that it outlives this process;
    otherwise it dies with its parent.
    """
    java = find_java()
    if java is None:
        raise ServerError("Java was not found")
    port = port or free_port()
    runtime = install / "run"
    runtime.mkdir(exist_ok=True)
    config = write_server_config(runtime / f"server-{port}.properties")
    log_path = log_path or runtime / f"server-{port}.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command(install, port, config, java),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=runtime,
            start_new_session=detach,
            preexec_fn=None if detach else _die_with_parent,
        )
    return Server(
        url=f"http://127.0.0.1:{port}/",
        version=version,
        pid=process.pid,
        port=port,
        log=str(log_path),
        process=process,
        owner_pid=os.getpid(),
        process_started=processes.start_time(process.pid),
    )


def _die_with_parent() -> None:
    """In the child before exec: ask Linux to SIGTERM it when the parent dies."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the parent is already gone
            os._exit(1)


def probe(url: str, timeout: float = 10.0) -> str | None:
    """The server's version when it answers a real check, else None."""
    import urllib.error
    import urllib.parse
    import urllib.request  # not at the top: it costs ~15 ms of start-up

    data = urllib.parse.urlencode({"language": "en-US", "text": PROBE_TEXT}).encode()
    try:
        with urllib.request.urlopen(  # a loopback or configured URL
            urllib.parse.urljoin(url, "v2/check"), data=data, timeout=timeout
        ) as response:
            body = json.loads(response.read(1024 * 1024))  # a probe's answer is small
    except (OSError, ValueError, urllib.error.URLError):
        return None
    software = body.get("software") if isinstance(body, dict) else None
    if not isinstance(software, dict) or "matches" not in body:
        return None
    return str(software.get("version", "?"))


def wait_ready(server: Server, timeout: float = READY_TIMEOUT) -> str:
    """Poll until the server answers a real check; its version. Raises ServerError."""
    deadline = time.monotonic() + timeout
    delay = 0.05
    while True:
        if not server.alive():
            code = server.process.returncode if server.process is not None else "?"
            raise ServerError(f"java exited with code {code}{_log_tail(server)}")
        # A refused connection fails at once; a slow first check (LanguageTool
        # loads its English rules on it) must not be abandoned and resent.
        found = probe(server.url, timeout=max(1.0, deadline - time.monotonic()))
        if found is not None:
            return found
        if time.monotonic() > deadline:
            raise ServerError(
                f"no answer from {server.url} after {timeout:.0f} s{_log_tail(server)}"
            )
        time.sleep(delay)
        delay = min(0.25, delay * 1.5)


def _log_tail(server: Server, lines: int = 8) -> str:
    if not server.log:
        return ""
    try:
        text = Path(server.log).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    useful = [line for line in text.splitlines() if not line.lstrip().startswith("at ")]
    return "\n" + "\n".join(useful[-lines:]) if useful else ""


# -- stopping -----------------------------------------------------------------------


def stop(server: Server, timeout: float = 10.0) -> None:
    """SIGTERM, then SIGKILL if it lingers; for owned and discovered servers."""
    if server.process is not None and server.owner_pid == os.getpid():
        proc = server.process
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout)
        _remove_run_files(server)
        return
    if not is_languagetool_pid(server.pid, server.process_started):
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(server.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and is_languagetool_pid(server.pid, server.process_started):
        time.sleep(0.05)
    if is_languagetool_pid(server.pid, server.process_started):
        with contextlib.suppress(ProcessLookupError):
            os.kill(server.pid, signal.SIGKILL)


def _remove_run_files(server: Server) -> None:
    """A per-run server leaves nothing behind in ``run/`` (one pair per port)."""
    if server.log and Path(server.log).parent.name == "run":
        run = Path(server.log).parent
        for name in (f"server-{server.port}.properties", f"server-{server.port}.log"):
            with contextlib.suppress(OSError):
                (run / name).unlink()


def is_languagetool_pid(pid: int, started: float | None = None) -> bool:
    """True when ``pid`` is alive and is a LanguageTool server, and, when its
    start time was recorded, the same process (not a reused pid)."""
    if not processes.is_same_process(pid, started):
        return False
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not cmdline.parent.is_dir():
        return True  # no /proc (macOS): trust the pid
    try:
        argv = cmdline.read_bytes().split(b"\0")
    except OSError:
        return False
    return MAIN_CLASS.encode() in argv


# Servers this process owns, stopped at exit and on termination signals.
_OWNED: list[Server] = []
_OWNER_PID = os.getpid()
_HANDLED: dict[int, object] = {}


def own(server: Server) -> None:
    """Make ``server`` die with this process (exit, Ctrl-C, SIGTERM, SIGHUP)."""
    global _OWNER_PID
    if not _OWNED:
        _OWNER_PID = os.getpid()
        atexit.register(stop_owned)
        _install_signal_handlers()
    _OWNED.append(server)


def stop_owned() -> None:
    # Forked workers inherit this list; only the process that started them stops them.
    if os.getpid() != _OWNER_PID:
        return
    while _OWNED:
        with contextlib.suppress(Exception):
            stop(_OWNED.pop())


def _install_signal_handlers() -> None:
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in (signal.SIGTERM, signal.SIGHUP):
        with contextlib.suppress(ValueError, OSError):
            _HANDLED[signum] = signal.signal(signum, _on_signal)


def _on_signal(signum: int, frame: FrameType | None) -> None:
    stop_owned()
    previous = _HANDLED.get(signum)
    if callable(previous):
        previous(signum, frame)
        return
    # Fall back to what the signal would have done without us: usually die.
    signal.signal(signum, previous if previous is not None else signal.SIG_DFL)  # type: ignore[arg-type]
    os.kill(os.getpid(), signum)


# -- discovery (``newslint languagetool serve``) ---------------------------------------


def discovery_path(root: Path | None = None) -> Path:
    return (root or cache_root()) / DISCOVERY_NAME


def read_discovery(root: Path | None = None) -> Server | None:
    """The advertised long-lived server, if its process is still alive."""
    found = read_discovery_record(root)
    alive = found is not None and is_languagetool_pid(found.pid, found.process_started)
    return found if alive else None


def read_discovery_record(root: Path | None = None) -> Server | None:
    """What the discovery file says, alive or not."""
    path = discovery_path(root)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Server(
            url=str(data["url"]),
            version=str(data["version"]),
            pid=int(data["pid"]),
            port=int(data.get("port", 0)),
            log=data.get("log"),
            idle_stop=float(data.get("idle_stop") or 0.0),
            process_started=_optional_float(data.get("process_started")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _optional_float(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) else None


def write_discovery(server: Server, root: Path | None = None) -> Path:
    path = discovery_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(server.to_json(), encoding="utf-8")
    tmp.replace(path)
    return path


def remove_discovery(root: Path | None = None) -> None:
    with contextlib.suppress(FileNotFoundError):
        discovery_path(root).unlink()


# -- a shared server, started on first need ----------------------------------------------


def usage_path(root: Path | None = None) -> Path:
    return (root or cache_root()) / USAGE_NAME


_LAST_MARK: list[float] = [0.0]
MARK_INTERVAL = 5.0  # seconds: one touch per interval is plenty against minutes of idle time


def mark_used(root: Path | None = None) -> None:
    """Tell a shared server's keeper that it is in use (cheap; never fails)."""
    now = time.monotonic()
    if now - _LAST_MARK[0] < MARK_INTERVAL:
        return
    _LAST_MARK[0] = now
    path = usage_path(root)
    with contextlib.suppress(OSError):
        path.touch()


def start_shared(
    install: Path, version: str, idle_stop: float, *, port: int | None = None
) -> Server:
    """The shared server: the advertised one if it answers, else a new detached
    one that outlives this process, advertised once it is ready and stopped by
    its keeper after ``idle_stop`` idle seconds (0: never).

    A lock makes parallel runs start one server: the others wait for it and
    then find it advertised. Raises ServerError (or OSError) when it cannot
    start."""
    root = cache_root()
    root.mkdir(parents=True, exist_ok=True)
    with _locked(root / LOCK_NAME, READY_TIMEOUT + 30):
        served = read_discovery(root)
        if served is not None:
            found = probe(served.url)
            if found is not None:
                served.version = found
                mark_used(root)
                return served
        server = launch(install, version, port=port, detach=True, log_path=root / LOG_NAME)
        server.idle_stop = idle_stop
        usage_path(root).touch()
        if idle_stop > 0:  # before waiting: a run killed now must not leave it forever
            _start_keeper(server, idle_stop, root)
        try:
            server.version = wait_ready(server)
            write_discovery(server, root)
        except BaseException:
            stop(server)
            raise
        return server


def _start_keeper(server: Server, idle_stop: float, root: Path) -> None:
    subprocess.Popen(
        [sys.executable, "-m", "newslint.engines.languagetool.keeper",
         str(server.pid), str(idle_stop), str(root), str(server.process_started or "")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # outlives this run, as the server does
        close_fds=True,
    )  # fmt: skip


@contextlib.contextmanager
def _locked(path: Path, timeout: float) -> Iterator[None]:
    """An exclusive lock on ``path`` (released by the kernel if we die)."""
    import fcntl

    with open(path, "a+b") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ServerError(
                        f"another newslint has been starting LanguageTool for "
                        f"{timeout:.0f} s ({path} is locked)"
                    ) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
