"""Suppression directives: ``newslint-disable``, ``-enable``, ``-disable-next-line``,
``-disable-file``.

Source loaders find the comments (``<!-- newslint-... -->`` in Markdown and
HTML, ``[[ newslint-... ]]`` lines in plain text) and hand over
:class:`~newslint.document.Directive` objects; this module gives them meaning
by source line. Ids are rule-id prefixes separated by commas and/or spaces;
no ids means every rule.

Regions: a ``disable`` takes effect from its own line, an ``enable`` after
its last line, and the latest directive that matches a rule wins, so
``disable`` + ``enable filler`` leaves everything but ``filler.*`` off, and a
bare ``enable`` switches everything back on. ``disable-next-line`` covers the
next line that is neither blank nor another directive; ``disable-file``
anywhere covers the whole file.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newslint import regexcache
from newslint.diagnostics import Diagnostic
from newslint.document import Directive
from newslint.registry import matches_prefix

WORDS = ("disable", "enable", "disable-next-line", "disable-file")
_ALL = ""  # the prefix that matches every rule id
_ID = regexcache.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")
_SEPARATORS = regexcache.compile(r"[\s,]+")


@dataclass(frozen=True)
class ParsedDirective:
    directive: Directive
    word: str  # one of WORDS
    ids: tuple[str, ...]  # empty: all rules

    def matches(self, rule_id: str) -> bool:
        return not self.ids or any(matches_prefix(rule_id, p) for p in self.ids)


@dataclass(frozen=True)
class _Entry:
    prefix: str  # _ALL or an id prefix
    disabled: bool
    source: ParsedDirective


@dataclass
class Suppressions:
    """Decides which diagnostics the directives of one file suppress."""

    directives: list[ParsedDirective] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, message)
    source_lines: Sequence[str] | None = None  # lets disable-next-line skip blank lines
    _file: list[ParsedDirective] = field(default_factory=list)
    _pending_next: list[ParsedDirective] = field(default_factory=list)
    _next_line: dict[int, list[ParsedDirective]] | None = None  # target line -> directives
    # Region state after each change: thresholds[i] is the first line at which
    # states[i] holds. A state is an ordered list of entries, last match wins.
    _thresholds: list[int] = field(default_factory=list)
    _states: list[tuple[_Entry, ...]] = field(default_factory=list)
    _used: set[int] = field(default_factory=set)  # ids of ParsedDirectives that did work

    def suppressing(self, rule_id: str, line: int | None) -> list[ParsedDirective]:
        """Directives that suppress ``rule_id`` on source ``line`` (None: unknown line)."""
        found = [d for d in self._file if d.matches(rule_id)]
        if line is None:
            return found
        found.extend(d for d in self._targets().get(line, ()) if d.matches(rule_id))
        index = bisect.bisect_right(self._thresholds, line) - 1
        if index >= 0:
            for entry in reversed(self._states[index]):
                if matches_prefix(rule_id, entry.prefix):
                    if entry.disabled:
                        found.append(entry.source)
                    break
        return found

    def filter(
        self, diagnostics: Sequence[Diagnostic], source_lines: Sequence[str] | None = None
    ) -> list[Diagnostic]:
        """The diagnostics no directive suppresses; records which directives were used.

        ``source_lines`` may be given here instead of to :func:`parse_directives`.
        """
        if source_lines is not None and source_lines is not self.source_lines:
            self.source_lines = source_lines
            self._next_line = None
        if not self.directives:
            return list(diagnostics)
        kept = []
        for diagnostic in diagnostics:
            line = diagnostic.range.start.line if diagnostic.range else None
            by = self.suppressing(diagnostic.rule, line)
            if by:
                self._used.update(id(d) for d in by)
            else:
                kept.append(diagnostic)
        return kept

    def _targets(self) -> dict[int, list[ParsedDirective]]:
        if self._next_line is None:
            taken = {n for p in self.directives for n in _lines_of(p.directive)}
            self._next_line = {}
            for parsed in self._pending_next:
                target = _next_line(parsed.directive.end_line, taken, self.source_lines)
                if target is not None:
                    self._next_line.setdefault(target, []).append(parsed)
        return self._next_line

    def unused(self) -> list[Directive]:
        """Directives that suppressed nothing (or, for ``enable``, re-enabled nothing).

        Meaningful after :meth:`filter` has seen all of the file's diagnostics.
        """
        return [d.directive for d in self.directives if id(d) not in self._used]


def parse_directives(
    directives: Sequence[Directive], source_lines: Sequence[str] | None = None
) -> Suppressions:
    """Interpret a file's directives.

    ``source_lines`` (the source split into lines) lets ``disable-next-line``
    skip blank lines; without it the target is simply the following line.
    Malformed directives land in ``Suppressions.errors`` and are otherwise ignored.
    """
    result = Suppressions(source_lines=source_lines)
    ordered = sorted(directives, key=lambda d: (d.line, d.end_line))
    changes: list[tuple[int, ParsedDirective]] = []  # (threshold line, directive)
    for directive in ordered:
        parsed = _parse_one(directive, result.errors)
        if parsed is None:
            continue
        result.directives.append(parsed)
        if parsed.word == "disable-file":
            result._file.append(parsed)
        elif parsed.word == "disable-next-line":
            result._pending_next.append(parsed)
        elif parsed.word == "disable":
            changes.append((directive.line, parsed))
        else:  # enable: lines up to and including the directive stay disabled
            changes.append((directive.end_line + 1, parsed))
    _build_regions(result, sorted(changes, key=lambda c: c[0]))
    return result


def _parse_one(directive: Directive, errors: list[tuple[int, str]]) -> ParsedDirective | None:
    body = directive.body.strip()
    # Loaders should strip the comment delimiters; tolerate ones that don't.
    for closer in ("-->", "]]"):
        if body.endswith(closer):
            body = body[: -len(closer)].rstrip()
    word, *tail = _SEPARATORS.split(body, maxsplit=1)
    word, rest = word.lower(), (tail[0] if tail else "")
    if word not in WORDS:
        import difflib  # only for a mistyped directive: not on every run's start

        close = difflib.get_close_matches(word, WORDS, n=1)
        hint = f" (did you mean 'newslint-{close[0]}'?)" if close else ""
        known = ", ".join(f"newslint-{w}" for w in WORDS)
        message = f"unknown directive 'newslint-{word}'{hint}; expected one of: {known}"
        errors.append((directive.line, message))
        return None
    ids = tuple(t for t in _SEPARATORS.split(rest) if t)
    bad = [t for t in ids if not _ID.fullmatch(t)]
    if bad:
        errors.append((directive.line, f"malformed rule id {bad[0]!r} in 'newslint-{word}'"))
        return None
    ids = tuple(i.rstrip(".") for i in ids)
    if any(i.lower() == "all" for i in ids):
        ids = ()
    return ParsedDirective(directive, word, ids)


def _lines_of(directive: Directive) -> range:
    return range(directive.line, directive.end_line + 1)


def _next_line(
    end_line: int, directive_lines: set[int], source_lines: Sequence[str] | None
) -> int | None:
    line = end_line + 1
    if source_lines is None:
        return line
    while line <= len(source_lines):
        if source_lines[line - 1].strip() and line not in directive_lines:
            return line
        line += 1
    return None  # nothing follows: the directive can only be unused


def _build_regions(result: Suppressions, changes: Iterable[tuple[int, ParsedDirective]]) -> None:
    state: tuple[_Entry, ...] = ()
    for threshold, parsed in changes:
        prefixes = parsed.ids or (_ALL,)
        if parsed.word == "disable":
            state = (*state, *(_Entry(p, True, parsed) for p in prefixes))
        else:
            if _reenables(state, parsed):
                result._used.add(id(parsed))
            # A bare enable forgets everything; enable with ids overrides just those.
            state = (
                () if not parsed.ids else (*state, *(_Entry(p, False, parsed) for p in prefixes))
            )
        if result._thresholds and result._thresholds[-1] == threshold:
            result._states[-1] = state
        else:
            result._thresholds.append(threshold)
            result._states.append(state)


def _reenables(state: tuple[_Entry, ...], enable: ParsedDirective) -> bool:
    """Whether an ``enable`` switches anything back on (else it is unused)."""
    disabled = [e for e in state if e.disabled]
    if not enable.ids:
        return bool(disabled)
    return any(
        matches_prefix(i, e.prefix) or matches_prefix(e.prefix, i)
        for e in disabled
        for i in enable.ids
    )
