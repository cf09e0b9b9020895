"""``newslint languagetool install|serve|status|stop``."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path
from types import FrameType

import click

from newslint.cachedir import cache_root
from newslint.engines.languagetool import server as lt_server
from newslint.engines.languagetool.install import (
    LT_VERSION,
    InstallError,
    install,
    install_dir,
    installed,
    java_problem,
)


@click.group("languagetool")
def languagetool() -> None:
    """Install and run the LanguageTool server behind the grammar.* rules."""


@languagetool.command("install")
@click.option("--force", is_flag=True, help="Fetch and check again even if installed.")
def install_command(force: bool) -> None:
    """Fetch LanguageTool from Maven Central with mvn (needs Java 17+ and Maven)."""
    try:
        install(LT_VERSION, echo=click.echo, force=force)
    except InstallError as exc:
        click.echo(f"newslint: error: {exc}", err=True)
        sys.exit(2)


@languagetool.command("serve")
@click.option("--port", type=click.IntRange(1, 65535), help="Port [default: a free one].")
@click.option("--detach", is_flag=True, help="Start it in the background and return.")
@click.option(
    "--idle-stop",
    type=click.FloatRange(0, 10080),
    default=0,
    show_default=True,
    metavar="MINUTES",
    help="With --detach: stop it after this many minutes unused (0: never).",
)
def serve(port: int | None, detach: bool, idle_stop: float) -> None:
    """Keep a LanguageTool server running for editors, pre-commit and later runs.

    It listens on 127.0.0.1 only and is advertised in a discovery file in the
    cache directory, which every newslint process reads. (Without one, the
    first run that needs grammar starts one itself: `[languagetool] autostart`.)
    """
    running = lt_server.read_discovery()
    if running is not None and lt_server.probe(running.url) is not None:
        click.echo(
            f"LanguageTool {running.version} is already serving at {running.url} "
            f"(pid {running.pid})"
        )
        return
    directory = _installed_or_exit()
    log = cache_root() / lt_server.LOG_NAME
    began = time.monotonic()
    if detach:
        try:
            server = lt_server.start_shared(directory, LT_VERSION, idle_stop * 60, port=port)
        except (lt_server.ServerError, OSError) as exc:
            click.echo(f"newslint: error: LanguageTool did not start: {exc}", err=True)
            sys.exit(2)
        until = f", stops after {idle_stop:g} min unused" if idle_stop else ""
        click.echo(
            f"LanguageTool {server.version} is serving at {server.url} (pid {server.pid}, "
            f"ready in {time.monotonic() - began:.1f} s{until})"
        )
        click.echo(f"Log: {log}\nStop it with `newslint languagetool stop`.")
        return
    server = lt_server.launch(directory, LT_VERSION, port=port, log_path=log)
    lt_server.own(server)  # Ctrl-C or SIGTERM stops it
    try:
        server.version = lt_server.wait_ready(server)
        lt_server.write_discovery(server)
    except (lt_server.ServerError, OSError) as exc:
        lt_server.stop(server)
        click.echo(f"newslint: error: LanguageTool did not start: {exc}", err=True)
        sys.exit(2)
    click.echo(
        f"LanguageTool {server.version} is serving at {server.url} (pid {server.pid}, "
        f"ready in {time.monotonic() - began:.1f} s)"
    )
    click.echo("Press Ctrl-C to stop it.")
    _wait_in_foreground(server)


def _wait_in_foreground(server: lt_server.Server) -> None:
    def on_term(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    try:
        assert server.process is not None
        server.process.wait()
        click.echo("LanguageTool exited.", err=True)
    except KeyboardInterrupt:
        click.echo("Stopping LanguageTool...", err=True)
    finally:
        lt_server.stop(server)
        if _discovery_is(server):
            lt_server.remove_discovery()


def _discovery_is(server: lt_server.Server) -> bool:
    found = lt_server.read_discovery()
    return found is None or found.pid == server.pid


@languagetool.command("status")
def status() -> None:
    """Say what is installed and whether a server is serving. Exit 1 when none is."""
    directory = installed()
    click.echo(f"install: {directory or f'not installed (expected {install_dir()})'}")
    problem = java_problem()
    click.echo(f"java: {'ok' if problem is None else problem}")
    running = lt_server.read_discovery()
    version = lt_server.probe(running.url) if running else None
    if running is None or version is None:
        click.echo("server: not running (start one with `newslint languagetool serve --detach`)")
        sys.exit(1)
    until = f", stops after {running.idle_stop / 60:g} min unused" if running.idle_stop else ""
    click.echo(f"server: LanguageTool {version} at {running.url} (pid {running.pid}{until})")


@languagetool.command("stop")
def stop() -> None:
    """Stop the server started by `newslint languagetool serve`."""
    running = lt_server.read_discovery()
    if running is None:
        lt_server.remove_discovery()  # stale file, if any
        click.echo("No LanguageTool server is running.")
        return
    lt_server.stop(running)
    lt_server.remove_discovery()
    click.echo(f"Stopped LanguageTool (pid {running.pid}).")


def _installed_or_exit() -> Path:
    directory = installed()
    if directory is None:
        click.echo(
            f"newslint: error: LanguageTool {LT_VERSION} is not installed; "
            "run `newslint languagetool install`",
            err=True,
        )
        sys.exit(2)
    problem = java_problem()
    if problem:
        click.echo(f"newslint: error: {problem}", err=True)
        sys.exit(2)
    return directory
