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

    command_line()
