"""Is a document valid for its format? Problems the loaders forgive silently
but an editor should show: front matter that is not YAML (its title, author
and date are then ignored) and an HTML comment that never closes (it hides
the rest of the page)."""

from __future__ import annotations

import re

from newslint import regexcache
from newslint.lsp.problems import Problem
from newslint.sources.front_matter import FrontMatterError, parse_front_matter

_FRONT = regexcache.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M
)


def format_problems(text: str, fmt: str) -> list[Problem]:
    if fmt == "markdown":
        return _front_matter(text)
    if fmt == "html":
        return _html_comments(text)
    return []


def _front_matter(text: str) -> list[Problem]:
    match = _FRONT.match(text)
    if match is None:
        return []
    try:
        parse_front_matter(match.group(1))  # bounded: aliases, depth, size
    except FrontMatterError as exc:
        return [
            Problem(
                f"{exc}; its title, author and date are ignored",
                1 + exc.line,  # +1: the opening ---
                "warning",
            )
        ]
    return []


def _html_comments(text: str) -> list[Problem]:
    position = 0
    while True:
        start = text.find("<!--", position)
        if start < 0:
            return []
        end = text.find("-->", start + 4)
        if end < 0:
            line = text.count("\n", 0, start)
            return [
                Problem(
                    "this HTML comment is never closed ('-->'): it hides the rest of the page",
                    line,
                    "error",
                )
            ]
        position = end + 3
