"""``newslint daemon start|stop|status``."""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path
from typing import Any

import click

from newslint.daemon import address, protocol
from newslint.daemon.client import connect, start_in_background

_START_TIMEOUT = 120.0  # warming up takes a few seconds; a loaded machine, more


@click.group()
def daemon() -> None:
    """A warm process that runs `newslint check` without the start-up cost.

    By default the first `check` starts one in the background and later runs
    use it (not under CI; NEWSLINT_DAEMON=off turns it off, =on forces it).
    It stops after an idle time and never serves a changed install."""


def _here() -> tuple[Path, Path]:
    directory = address.runtime_dir()
    if directory is None:
        raise click.ClickException(
            "no private socket directory (set NEWSLINT_RUNTIME_DIR to a directory "
            "only you can read)"
        )
    return directory, address.socket_path(directory, address.daemon_key())


@daemon.command()
@click.option(
    "--idle-stop",
    type=click.FloatRange(min=0.01),
    default=address.IDLE_STOP_MINUTES,
    show_default=True,
    metavar="MINUTES",
    help="Stop after this many minutes with no request.",
)
def start(idle_stop: float) -> None:
    """Start a daemon for this install and environment, and wait until it answers."""
    _, path = _here()
    if _status(path) is not None:
        click.echo(f"daemon already running at {path}")
        return
    start_in_background(path, idle_stop)
    deadline = time.monotonic() + _START_TIMEOUT
    while time.monotonic() < deadline:
        found = _status(path)
        if found is not None:
            click.echo(f"daemon {found['pid']} ready at {path}")
            return
        time.sleep(0.1)
    raise click.ClickException(f"the daemon did not answer within {_START_TIMEOUT:.0f} s")


@daemon.command()
@click.option("--all", "every", is_flag=True, help="Stop every daemon of this user.")
def stop(every: bool) -> None:
    """Stop the daemon for this install and environment (or all of them)."""
    directory, path = _here()
    targets = sorted(directory.glob("*.sock")) if every else [path]
    stopped = 0
    for target in targets:
        sock = connect(target)
        if sock is None:
            continue
        with sock, contextlib.suppress(OSError, protocol.ProtocolError):
            protocol.send(sock, {"op": "stop"})
            protocol.receive(sock)
            stopped += 1
    click.echo(f"stopped {stopped} daemon{'s' if stopped != 1 else ''}")


@daemon.command()
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def status(as_json: bool) -> None:
    """Whether a daemon serves this install and environment, and what it has done."""
    _, path = _here()
    found = _status(path)
    if as_json:
        click.echo(json.dumps({"socket": str(path), "running": found is not None, **(found or {})}))
        return
    if found is None:
        click.echo(f"no daemon for this install and environment ({path})")
        return
    idle_left = max(found["idle_stop_seconds"] - found["idle_seconds"], 0) / 60
    click.echo(
        f"daemon {found['pid']} at {path}: newslint {found['version']}, "
        f"{found['served']} runs served, stops after {idle_left:.0f} more idle minutes"
    )


def _status(path: Path) -> dict[str, Any] | None:
    sock = connect(path)
    if sock is None:
        return None
    with sock:
        try:
            protocol.send(sock, {"op": "status"})
            found, _ = protocol.receive(sock)
        except (OSError, protocol.ProtocolError):
            return None
    return found
