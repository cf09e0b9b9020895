"""Output formats, one module each behind one small interface.

A formatter writes a whole :class:`RunResult` to a text stream. Formatters
with ``includes_notices = False`` leave the run's notices to the caller
(which should print them on stderr).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Protocol, TextIO

from newslint.formatters.statistics import write_statistics
from newslint.results import RunResult

__all__ = [
    "FORMATTERS",
    "Formatter",
    "default_format",
    "get_formatter",
    "use_color",
    "write_statistics",
]


class Formatter(Protocol):
    name: str
    includes_notices: bool

    def write(self, result: RunResult, out: TextIO, *, color: bool) -> None: ...


def _lazy(module: str, name: str) -> Callable[[], Formatter]:
    """A formatter's class, imported when a run asks for that format (the html
    one brings the whole audit report along)."""

    def make() -> Formatter:
        formatter: Formatter = getattr(importlib.import_module(module), name)()
        return formatter

    return make


FORMATTERS: dict[str, Callable[[], Formatter]] = {
    "text": _lazy("newslint.formatters.text", "TextFormatter"),
    "concise": _lazy("newslint.formatters.concise", "ConciseFormatter"),
    "json": _lazy("newslint.formatters.json_format", "JsonFormatter"),
    "jsonl": _lazy("newslint.formatters.jsonl", "JsonlFormatter"),
    "sarif": _lazy("newslint.formatters.sarif", "SarifFormatter"),
    "github": _lazy("newslint.formatters.github", "GithubFormatter"),
    # the audit report (newslint report) for this run
    "html": _lazy("newslint.formatters.html", "HtmlFormatter"),
}


def get_formatter(name: str) -> Formatter:
    try:
        return FORMATTERS[name]()
    except KeyError:
        raise ValueError(
            f"unknown output format {name!r} (expected one of: {', '.join(FORMATTERS)})"
        ) from None


def default_format(is_tty: bool, env: Mapping[str, str]) -> str:
    """github under GitHub Actions, text on a terminal, concise in a pipe."""
    if env.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "text" if is_tty else "concise"


def use_color(is_tty: bool, env: Mapping[str, str]) -> bool:
    """Colour on a terminal unless NO_COLOR is set (https://no-color.org)."""
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return is_tty
