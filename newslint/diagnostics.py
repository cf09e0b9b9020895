"""The values every stage passes along: severities, fixes and diagnostics.

A check reports a :class:`Diagnostic` with a span in the document's *prose
text*; the engine maps it back to the source (``Diagnostic.range``) in one
place, so no check ever deals with source offsets.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= fail_on`` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (expected one of: error, warning, info)"
            ) from None


FAIL_ON_NEVER = "never"


def parse_fail_on(value: str) -> Severity | None:
    """The ``fail-on`` setting: a severity, or None for "never fail on findings"."""
    if value.strip().lower() == FAIL_ON_NEVER:
        return None
    try:
        return Severity.parse(value)
    except ValueError:
        raise ValueError(
            f"unknown fail-on level {value!r} (expected one of: error, warning, info, never)"
        ) from None


class Applicability(str, enum.Enum):
    """How far a suggestion may be trusted (the JSON contract's values)."""

    SAFE = "safe"  # applied by --fix
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes
    DISPLAY = "display"  # shown, never applied

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Suggestion:
    replacement: str
    applicability: Applicability = Applicability.DISPLAY


@dataclass(frozen=True)
class Location:
    """A point in the decoded source: 1-based line and column, 0-based offset.

    Columns and offsets count code points; a BOM is not counted.
    """

    line: int
    column: int
    offset: int


@dataclass(frozen=True)
class Range:
    start: Location
    end: Location  # exclusive


@dataclass(frozen=True)
class Diagnostic:
    """One finding.

    ``start``/``end`` index the Document's prose text (end exclusive).
    ``range`` is filled in by the engine when it maps the span to the source.
    """

    rule: str
    message: str
    start: int
    end: int
    severity: Severity = Severity.WARNING
    suggestions: tuple[Suggestion, ...] = ()
    source: str = "newslint"
    range: Range | None = None
    text: str = ""  # the flagged source text, filled in with ``range``
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def located(self, range_: Range, text: str) -> Diagnostic:
        return replace(self, range=range_, text=text)

    def with_severity(self, severity: Severity) -> Diagnostic:
        return replace(self, severity=severity)

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        offset = self.range.start.offset if self.range else self.start
        end = self.range.end.offset if self.range else self.end
        return (offset, end, self.rule, self.message)


class InputError(Exception):
    """A file that could not be linted: names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ConfigError(Exception):
    """A malformed configuration or pack: the message names file and key."""
