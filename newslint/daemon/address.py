"""Where a daemon listens, and which clients it may serve.

A daemon keeps the modules, word lists and matchers it loaded at start. It
must never serve a client that would have loaded different ones, so its socket
is named by a key over everything that decides them: the newslint files on
disk, the Python running it, the import path (a ``pip install`` changes
site-packages' mtime) and the environment variables read while loading
(``NEWSLINT_*``, ``PYTHON*``, the locale, which fixes the stream encodings).
A client whose key differs finds no socket and starts its own daemon.

Only light standard modules are imported here: every client pays for them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
from pathlib import Path

MODE_ENV = "NEWSLINT_DAEMON"  # auto (default), on, off
RUNTIME_ENV = "NEWSLINT_RUNTIME_DIR"  # where sockets live (tests, unusual systems)
IDLE_STOP_MINUTES = 30.0  # a daemon with no request for this long stops
_PACKAGE = Path(__file__).resolve().parent.parent
# Read while modules load or the daemon warms up; anything else a run reads
# from the client's own environment, which the worker takes over whole.
_KEY_PREFIXES = ("NEWSLINT_", "PYTHON", "LC_")
_KEY_NAMES = ("LANG", "HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")


def mode(environ: dict[str, str] | os._Environ[str] = os.environ) -> str:
    """``off``, ``on`` or ``auto``. Under CI ``auto`` means off: a fresh runner
    gains nothing from a process that outlives the job."""
    value = environ.get(MODE_ENV, "auto").strip().lower() or "auto"
    if value in ("0", "false", "no", "off"):
        return "off"
    if value in ("1", "true", "yes", "on"):
        return "on"
    in_ci = environ.get("CI", "").strip().lower() in ("1", "true", "yes")
    return "off" if in_ci else "auto"


def runtime_dir(create: bool = True) -> Path | None:
    """This user's socket directory, or None when it is not private.

    ``$NEWSLINT_RUNTIME_DIR``, else ``$XDG_RUNTIME_DIR/newslint``, else
    ``/tmp/newslint-<uid>``. Whoever can connect can run newslint as this user
    (``--fix`` writes files), so the directory must be ours and closed to others.
    """
    override = os.environ.get(RUNTIME_ENV)
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if override:
        path = Path(override)
    elif xdg:
        path = Path(xdg) / "newslint"
    else:
        path = Path("/tmp") / f"newslint-{os.getuid()}"
    try:
        if create:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.lstat()
    except OSError:
        return None
    private = stat.S_ISDIR(info.st_mode) and not info.st_mode & 0o077
    return path if info.st_uid == os.getuid() and private else None


def daemon_key() -> str:
    """A short hash of everything a warm daemon has loaded (see the module doc)."""
    return _digest([sys.executable, sys.version, *_file_stamps(), *_path_stamps(), *_env_stamps()])


def package_stamp() -> str:
    """A short hash of the package's files alone: two daemons of one install
    whose stamps differ are old code and new."""
    return _digest(_file_stamps())


def _digest(parts: list[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
    return digest.hexdigest()[:20]


def socket_path(directory: Path, key: str) -> Path:
    return directory / f"{key}.sock"


def _file_stamps() -> list[str]:
    """Every file of the package (code, data, packs) by size and mtime: an edit,
    a checkout or an upgrade makes a new key. About 3 ms for 170 files."""
    stamps = []
    for root, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            path = os.path.join(root, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            stamps.append(f"{path}:{info.st_size}:{info.st_mtime_ns}")
    return stamps


def _path_stamps() -> list[str]:
    """The import path; installed-package directories also by mtime, which a
    ``pip install`` or uninstall changes. Other entries (the working directory
    under ``python -m``) by name only: their mtime moves with every file saved."""
    stamps = []
    for entry in sys.path:
        stamp = entry
        if entry.endswith(("site-packages", "dist-packages")):
            with contextlib.suppress(OSError):
                stamp = f"{entry}:{os.stat(entry).st_mtime_ns}"
        stamps.append(stamp)
    return stamps


def _env_stamps() -> list[str]:
    return sorted(
        f"{name}={value}"
        for name, value in os.environ.items()
        if (name.startswith(_KEY_PREFIXES) or name in _KEY_NAMES) and not name.startswith(MODE_ENV)
    )
