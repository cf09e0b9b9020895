"""Run the real newslint CLI with faults injected by marker text (issue 11).

A file holding ``CRASH-IN-LOADING`` makes the Markdown loader raise, one
holding ``CRASH-IN-LINTING`` makes a check raise, one holding
``KILL-MY-WORKER`` makes the process linting it SIGKILL itself (as the
kernel's OOM killer would). Everything else is the real program.
"""

from __future__ import annotations

import os
import signal
import sys

from newslint import cli
from newslint.checks import structure
from newslint.sources import markdown

_load = markdown.load


def _faulty_load(path: str, source: str):  # type: ignore[no-untyped-def]
    if "CRASH-IN-LOADING" in source:
        raise RuntimeError("injected loader fault")
    if "KILL-MY-WORKER" in source and os.environ.get("FAULT_PARENT") != str(os.getpid()):
        os.kill(os.getpid(), signal.SIGKILL)
    doc = _load(path, source)
    if "CRASH-IN-LINTING" in source:
        doc.paragraphs = None  # type: ignore[assignment]  # a check will trip over it
    return doc


markdown.load = _faulty_load
assert structure  # imported so that its rules are registered before the run

if __name__ == "__main__":
    os.environ["FAULT_PARENT"] = str(os.getpid())
    sys.argv[0] = "newslint"
    cli.main()
