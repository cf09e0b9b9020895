"""The ``newslint`` entry point: ``check`` goes to a warm daemon when one can
take it (see ``newslint.daemon``); everything else, and ``check`` without a
daemon, runs in this process. Imports stay light until the choice is made."""

from __future__ import annotations

import sys

from newslint.daemon.address import mode as daemon_mode


def main() -> None:
    argv = sys.argv[1:]
    if argv[:1] == ["check"] and daemon_mode() != "off":
        from newslint.daemon.client import run_in_daemon

        code = run_in_daemon(argv)
        if code is not None:
            raise SystemExit(code)
    from newslint.cli import main as command_line

    if argv[:1] != ["check"]:
        command_line()
        return
    try:
        command_line()
    except SystemExit as done:
        exit_without_teardown(done)


def exit_without_teardown(done: SystemExit) -> None:
    """End a ``check`` run as Python would, minus the interpreter's teardown.

    Tearing down frees every object the run made, one by one: the imported
    modules, the word lists and the compiled patterns, about 7% of a one-file
    run. The operating system reclaims them at once. What the teardown does
    that matters is done first: the exit handlers (caches saved, a LanguageTool
    server this run started stopped, worker pools closed) and the output
    streams flushed. Anything unusual (another thread still running, an exit
    message rather than a code, an output that cannot be flushed, a profiler
    or tracer that writes its results after the program returns) takes the
    ordinary way out."""
    import threading

    code = done.code
    if code is None:
        code = 0
    watched = sys.getprofile() is not None or sys.gettrace() is not None
    if not isinstance(code, int) or threading.active_count() > 1 or watched:
        raise done
    import atexit
    import os

    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: let Python report it as usual
        raise done from None
    os._exit(code)
