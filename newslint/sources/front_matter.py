"""Front matter is data, never code or a bomb.

YAML is parsed with PyYAML's BaseLoader: every scalar stays a string (no
timestamps that raise on 2026-02-30, no booleans, no Python tags) and dates
are parsed by :func:`front_matter_date`, which says why an impossible one is
impossible. The composer is bounded: nesting depth, the size of the document
once aliases are expanded (the "billion laughs" shape), and the text's size.
Front matter over a bound is reported and ignored; the prose is still linted.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from typing import TYPE_CHECKING, Any

from newslint import regexcache

if TYPE_CHECKING:
    import yaml

MAX_CHARS = 64_000  # a news story's metadata is a few hundred characters
MAX_DEPTH = 32  # nesting of mappings and lists
MAX_NODES = 20_000  # scalars, lists and mappings with every alias expanded


class FrontMatterError(Exception):
    """Front matter that is ignored; the message says why (and ``line``, 0-based
    within the front-matter text, says where when known)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


@functools.cache
def _bounded_loader() -> type[yaml.BaseLoader]:
    """The loader class (PyYAML is imported when an article has front matter)."""
    import yaml

    class _BoundedLoader(yaml.BaseLoader):
        """BaseLoader (strings, lists, mappings only) with a depth bound."""

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self._depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            self._depth += 1
            try:
                if self._depth > MAX_DEPTH:
                    # types-PyYAML leaves Parser.peek_event unannotated
                    mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                    raise FrontMatterError(
                        f"front matter is nested more than {MAX_DEPTH} levels deep", mark.line
                    )
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1

    return _BoundedLoader


def _expanded_size(root: yaml.Node) -> int:
    """Nodes in the document with every alias expanded, without expanding them:
    a node's size is computed once and shared by each alias to it."""
    import yaml

    sizes: dict[int, int] = {}
    in_progress: set[int] = set()

    def size(node: yaml.Node) -> int:  # depth is bounded by MAX_DEPTH
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in in_progress:
            raise FrontMatterError("front matter has an alias that refers to itself")
        in_progress.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        in_progress.discard(key)
        sizes[key] = min(total, MAX_NODES + 1)
        return sizes[key]

    return size(root)


def parse_front_matter(text: str) -> dict[str, Any]:
    """The front matter as a mapping of strings, lists and mappings.

    Raises FrontMatterError when it is over a bound or not YAML; an empty or
    non-mapping document gives ``{}``."""
    if len(text) > MAX_CHARS:
        raise FrontMatterError(
            f"front matter is {len(text):,} characters, over the {MAX_CHARS:,} limit"
        )
    import yaml

    try:
        loader = _bounded_loader()(text)  # the reader rejects control characters here
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not valid YAML ({exc})") from None
    try:
        node = loader.get_single_node()
        if node is None:
            return {}
        if _expanded_size(node) > MAX_NODES:
            raise FrontMatterError(
                f"front matter expands to more than {MAX_NODES:,} values "
                "(aliases repeated inside aliases)"
            )
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(
            f"front matter is not valid YAML ({reason})", mark.line if mark else 0
        ) from None
    finally:
        loader.dispose()
    return data if isinstance(data, dict) else {}


_NUMERIC_DATE = regexcache.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[Tt\s])")


def front_matter_date(value: str) -> tuple[dt.date | None, str | None]:
    """``(date, None)``, or ``(None, why)`` for a date that cannot exist, or
    ``(None, None)`` when ``value`` holds no date at all."""
    from newslint.sources.common import _DATE, _MONTHS, parse_date

    m = _NUMERIC_DATE.match(value)
    if m:
        year, month, day = (int(g) for g in m.groups())
    else:
        found = _DATE.search(value)
        if found is None or found.group("iso"):
            return parse_date(value), None
        if found.group("day"):
            year, day = int(found.group("year")), int(found.group("day"))
            month = _MONTHS[found.group("month").lower()]
        else:
            year, day = int(found.group("year2")), int(found.group("day2"))
            month = _MONTHS[found.group("month2").lower()]
    return _checked(year, month, day, value.strip())


def _checked(year: int, month: int, day: int, written: str) -> tuple[dt.date | None, str | None]:
    if not 1 <= month <= 12:
        return None, f"'{written}' is not a real date: there is no month {month}"
    if not 1 <= year <= 9999:
        return None, f"'{written}' is not a real date: year {year} is out of range"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        name = calendar.month_name[month]
        return None, f"'{written}' is not a real date: {name} {year} has {days} days"
    return dt.date(year, month, day), None
