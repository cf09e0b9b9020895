"""Running the declarative rule packs (``rules/*.toml``) as one compiled matcher.

:class:`PackProvider` loads and validates pack files (``newslint.packs.schema``),
compiles the selected rules into one regex (``newslint.packs.compile``) and
runs a single ``finditer`` per document. The kind logic (substitution lookup,
first-variant-wins consistency, occurrence counts, antecedents) then works on
the candidates. The matcher runs under a timeout; a rule that exhausts it is
reported through :class:`PackTimeout` rather than hanging the run.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from newslint.diagnostics import Diagnostic, InputError, Suggestion
from newslint.document import Document
from newslint.metacache import cached_parse
from newslint.packs.compile import compile_rules, group_name, rule_regex, word_edges
from newslint.packs.prefilter import Part, RulePlan, RulePrefilter, rule_plan
from newslint.packs.schema import (
    PATTERN_FLAGS,
    PackError,
    PackRule,
    display_path,
    load_pack_file,
    normalise,
)
from newslint.registry import CheckContext, RuleMeta
from newslint.spans import Span

# Matcher time budget per document: a base plus an allowance per character,
# far above what a sane pattern needs (about a millisecond per 1,000 words).
TIMEOUT_BASE = 1.0
TIMEOUT_PER_MILLION_CHARS = 10.0


class PackTimeout(InputError):
    """Pack rules that ran out of time on a file.

    ``diagnostics`` holds what the other pack rules found in the file, so the
    engine can report both the failure and the findings.
    """

    def __init__(self, path: str, rule_ids: Sequence[str], diagnostics: Sequence[Diagnostic]):
        names = ", ".join(rule_ids)
        super().__init__(path, f"pack rule {names} timed out (catastrophic regex?) and was skipped")
        self.rule_ids = tuple(rule_ids)
        self.diagnostics = list(diagnostics)


# -- locating packs ----------------------------------------------------------------


@functools.cache
def _shipped_dir() -> Path:
    """Where the shipped packs are (fixed for a process: Python checks ask on
    every document)."""
    package = Path(__file__).resolve().parent.parent  # newslint/
    installed = package / "_packs"  # the wheel force-includes rules/ here
    if installed.is_dir():
        return installed
    return package.parent / "rules"  # a source checkout


def shipped_pack_paths() -> list[Path]:
    """The packs that come with newslint, sorted by file name."""
    return list(_shipped_paths())


@functools.cache
def _shipped_paths() -> tuple[Path, ...]:
    # Listed once per process: the shipped files change only with newslint.
    return tuple(sorted(_shipped_dir().glob("*.toml")))


_FAST_PATTERNS_KEPT = 512  # distinct rule choices kept compiled per matcher
_NO_BREAK_SPACES = str.maketrans({"\xa0": " ", "\u202f": " ", "\u2007": " "})


def _spaced(text: str) -> str:
    """``text`` with no-break spaces made plain: translate() only when there is
    one (it costs ~0.2 ms on a story with curly quotes, and most have none)."""
    if "\xa0" in text or "\u202f" in text or "\u2007" in text:
        return text.translate(_NO_BREAK_SPACES)
    return text


# -- loading, cached by file identity ------------------------------------------------


@dataclass
class PackSet:
    """The validated rules of some pack files, and their compiled matchers."""

    rules: list[PackRule]
    shipped: frozenset[str] = frozenset()  # ids of rules from the packs newslint ships
    plans: dict[str, RulePlan] = field(default_factory=dict)  # by rule id (prefilter.rule_plan)
    _matchers: dict[frozenset[str], _Matcher] = field(default_factory=dict)
    compiled: int = 0  # how many matchers were built (for tests)
    _prefilter: RulePrefilter | None = None
    _last: tuple[str, tuple[Part, ...]] | None = None  # the last text's choice

    @property
    def prefilter(self) -> RulePrefilter:
        """What of the shipped rules can match a text (numbered as ``rules``)."""
        if self._prefilter is None:
            shipped = [i for i, r in enumerate(self.rules) if r.id in self.shipped]
            self._prefilter = RulePrefilter(
                [self.rules[i] for i in shipped],
                shipped,
                [self.plans.get(self.rules[i].id) for i in shipped],
            )
        return self._prefilter

    def choose(self, text: str) -> tuple[Part, ...]:
        """The parts of the shipped rules that can match ``text``, worked out
        once for a document that several matchers scan."""
        last = self._last  # one read: another thread may be choosing for its text
        if last is None or last[0] != text:
            last = (text, self.prefilter.choose(text))
            self._last = last
        return last[1]

    def matcher(self, selected: frozenset[str]) -> _Matcher:
        chosen = frozenset(r.id for r in self.rules if r.id in selected)
        found = self._matchers.get(chosen)
        if found is None:
            numbers = [i for i, r in enumerate(self.rules) if r.id in chosen]
            rules = [self.rules[i] for i in numbers]
            trusted = [k for k, r in enumerate(rules) if r.id in self.shipped]
            guarded = [k for k, r in enumerate(rules) if r.id not in self.shipped]
            found = _Matcher(
                rules,
                compile_rules([rules[k] for k in guarded]),
                trusted,
                guarded,
                self.choose,
                {numbers[k]: k for k in trusted},
            )
            self.compiled += 1
            self._matchers[chosen] = found
        return found


_CACHE: dict[tuple[tuple[str, int, int], ...], PackSet] = {}


# The modules whose code decides what a pack file parses to, and its rules' plans.
_PACK_PARSERS = (
    Path(__file__).with_name("schema.py"),
    Path(__file__).parent.parent / "regex_safety.py",
    Path(__file__).with_name("compile.py"),
    Path(__file__).with_name("prefilter.py"),
)


def _parse_pack_file(path: Path, shown: str) -> tuple[list[PackRule], list[RulePlan]]:
    rules = load_pack_file(path, shown)
    return rules, [rule_plan(rule) for rule in rules]


def _load_pack_file(path: Path, shown: str) -> tuple[list[PackRule], list[RulePlan]]:
    """The file's rules and their prefilter plans (parsing the patterns costs
    a one-file run more than linting), cached while nothing they depend on changes."""
    try:
        return cached_parse(
            "pack", path, _PACK_PARSERS, lambda: _parse_pack_file(path, shown), context=shown
        )
    except OSError:
        return _parse_pack_file(path, shown)  # says that it cannot be read


def load_packs(paths: Sequence[Path]) -> PackSet:
    """Load and validate pack files; cached while no file changes."""
    key_parts = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            stat = None
        key_parts.append(
            (_resolved(path), stat.st_mtime_ns if stat else -1, stat.st_size if stat else -1)
        )
    key = tuple(key_parts)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    shipped = _shipped_dir()
    rules: list[PackRule] = []
    origins: dict[str, str] = {}
    shipped_ids: set[str] = set()
    plans: dict[str, RulePlan] = {}
    for path in paths:
        shown = display_path(path, shipped)
        is_shipped = path.resolve().parent == shipped.resolve()
        file_rules, file_plans = _load_pack_file(path, shown)
        for rule, plan in zip(file_rules, file_plans, strict=True):
            if is_shipped:
                shipped_ids.add(rule.id)
                plans[rule.id] = plan
            if rule.id in origins:
                raise PackError(
                    shown, f"rule id already defined in {origins[rule.id]}", rule.id, "id"
                )
            origins[rule.id] = shown
            rules.append(rule)
    pack_set = PackSet(rules, frozenset(shipped_ids), plans)
    _CACHE[key] = pack_set
    return pack_set


_RESOLVED: dict[Path, str] = {}


def _resolved(path: Path) -> str:
    """``path`` resolved, remembered: a pack file's identity is its stat, and
    resolving every path again (a system call per directory level) on every
    document cost more than the look-up it keys."""
    if not path.is_absolute():  # relative to a working directory that may change
        return str(path.resolve())
    found = _RESOLVED.get(path)
    if found is None:
        if len(_RESOLVED) > 1024:
            _RESOLVED.clear()
        found = _RESOLVED[path] = str(path.resolve())
    return found


def meta_of(rule: PackRule) -> RuleMeta:
    return RuleMeta(
        id=rule.id,
        summary=rule.summary,
        why=rule.why,
        severity=rule.severity,
        fix=rule.fix,
        examples=rule.examples,
        default_enabled=rule.default_enabled,
        origin=rule.origin,
        options={
            "kind": rule.kind,
            "case-sensitive": rule.case_sensitive,
            "word-boundaries": rule.word_boundaries,
            "skip-quotations": rule.skip_quotations,
            "scope": sorted(rule.scope),
        },
    )


# -- matching ----------------------------------------------------------------------


def preserve_case(matched: str, replacement: str) -> str:
    """Give ``replacement`` the capitalisation pattern of ``matched``."""
    letters = [ch for ch in matched if ch.isalpha()]
    if not letters:
        return replacement
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return replacement.upper()
    if letters[0].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@dataclass
class _Matcher:
    """Users' rules in one ``regex`` pattern run under a timeout; shipped rules
    in fast ``re`` patterns of just the phrases and patterns that can match the
    text (``packs.prefilter``: building one pattern of every shipped rule would
    cost more than linting a short article). Group ``r<i>`` is ``rules[i]`` in
    every pattern."""

    rules: list[PackRule]
    pattern: regex.Pattern[str]  # the guarded rules (users' packs)
    trusted: list[int] = field(default_factory=list)  # indices of the shipped rules
    guarded: list[int] = field(default_factory=list)  # indices in ``pattern``'s order
    choose: Callable[[str], tuple[Part, ...]] | None = None  # PackSet.choose
    local: dict[int, int] = field(default_factory=dict)  # pack set's index -> ours
    scans: int = 0  # finditer calls made (for tests)
    _singles: dict[int, regex.Pattern[str]] = field(default_factory=dict)
    _fast: dict[tuple[Part, ...], re.Pattern[str] | regex.Pattern[str]] = field(
        default_factory=dict
    )
    _edges: dict[int, str | None] = field(default_factory=dict)
    _last_parts: tuple[str, tuple[Part, ...]] | None = None

    def _parts(self, scope: str) -> tuple[Part, ...]:
        """This matcher's rules among the parts chosen for ``scope``, worked out
        once for a document whose paragraphs are scanned one by one."""
        last = self._last_parts  # one read: another thread may be scanning its text
        if last is None or last[0] != scope:
            local = self.local
            chosen = self.choose(_spaced(scope)) if self.choose is not None else ()
            parts = tuple((local[i], ph, pa) for i, ph, pa in chosen if i in local)
            last = (scope, parts)
            self._last_parts = last
        return last[1]

    def candidates(
        self, text: str, timeout: float, within: str | None = None
    ) -> tuple[list[tuple[int, int, int]], list[str]]:
        """(rule index, start, end) of every match, and ids of rules that timed out.

        ``within``: a text that contains ``text`` (the document of a
        paragraph), so that its paragraphs share the document's pattern."""
        self.scans += 1
        # Pattern rules write a space as " ": let a no-break space from HTML's &nbsp;
        # match it too (same length, so the offsets stay right).
        text = _spaced(text)
        found: list[tuple[int, int, int]] = []
        if self.trusted and self.choose is not None:
            parts = self._parts(text if within is None else within)
            if parts:
                found = [
                    (int(m.lastgroup[1:]), m.start(), m.end())  # type: ignore[index]
                    for m in self._fast_pattern(parts).finditer(text)
                ]
        if not self.guarded:
            return found, []
        remap = self.guarded
        try:
            guarded = [
                (remap[int(m.lastgroup[1:])], m.start(), m.end())  # type: ignore[index]
                for m in self.pattern.finditer(text, timeout=timeout)
            ]
            failed: list[str] = []
        except TimeoutError:
            guarded, failed = self._one_by_one(text, timeout)
        found.extend(guarded)
        found.sort(key=lambda item: (item[1], item[0]))
        return found, failed

    def _fast_pattern(self, parts: tuple[Part, ...]) -> re.Pattern[str] | regex.Pattern[str]:
        """The given parts of shipped rules as one pattern, built once per choice.

        A phrase or pattern that cannot match a text cannot change what the
        others match in an alternation, so leaving it out gives the same matches."""
        pattern = self._fast.get(parts)
        if pattern is None:
            if len(self._fast) >= _FAST_PATTERNS_KEPT:
                self._fast.clear()
            branches = []
            for index, phrases, positions in parts:
                rule = self.rules[index]
                if index not in self._edges:
                    self._edges[index] = word_edges(rule)
                patterns = [rule.patterns[p] for p in positions]
                body = rule_regex(rule, phrases, patterns, self._edges[index])
                branches.append(f"(?P<{group_name(index)}>{body})")
            source = "|".join(branches)
            # Shipped rules are written for ``re`` (a test proves it); ``regex``
            # reads any pattern, so a house copy of a shipped pack still runs.
            try:
                pattern = re.compile(source, re.MULTILINE)
            except re.error:
                pattern = regex.compile(source, PATTERN_FLAGS)
            self._fast[parts] = pattern
        return pattern

    def _one_by_one(
        self, text: str, timeout: float
    ) -> tuple[list[tuple[int, int, int]], list[str]]:
        # Slow path after a timeout: run each rule alone to find the culprit(s)
        # and keep the results of the others.
        found: list[tuple[int, int, int]] = []
        failed: list[str] = []
        for index in self.guarded:
            rule = self.rules[index]
            single = self._singles.get(index)
            if single is None:
                single = regex.compile(rule_regex(rule), PATTERN_FLAGS)
                self._singles[index] = single
            try:
                found.extend(
                    (index, m.start(), m.end()) for m in single.finditer(text, timeout=timeout)
                )
            except TimeoutError:
                failed.append(rule.id)
        found.sort(key=lambda item: (item[1], item[0]))
        return found, failed


class PackProvider:
    """Runs the rules of some pack files (a :class:`newslint.registry.Provider`)."""

    def __init__(self, pack_paths: Sequence[Path], timeout: float | None = None) -> None:
        self.paths = [Path(p) for p in pack_paths]
        self.pack_set = load_packs(self.paths)
        self.timeout = timeout
        self._metas = [meta_of(r) for r in self.pack_set.rules]

    def rules(self) -> list[RuleMeta]:
        return list(self._metas)

    def check(
        self, doc: Document, selected: frozenset[str], ctx: CheckContext
    ) -> Iterator[Diagnostic]:
        matcher = self.pack_set.matcher(selected)
        if not matcher.rules or not doc.text:
            return iter(())
        timeout = self.timeout
        if timeout is None:
            timeout = TIMEOUT_BASE + TIMEOUT_PER_MILLION_CHARS * len(doc.text) / 1_000_000
        found, failed = matcher.candidates(doc.text, timeout)
        run = _Run(doc, ctx, matcher.rules, timeout)
        diagnostics = run.diagnostics(found)
        failed += run.failed
        if failed:
            raise PackTimeout(doc.path, failed, diagnostics)
        return iter(diagnostics)


class _Run:
    """The kind logic for one document."""

    def __init__(
        self, doc: Document, ctx: CheckContext, rules: list[PackRule], timeout: float
    ) -> None:
        self.doc = doc
        self.ctx = ctx
        self.rules = rules
        self.timeout = timeout
        self.accept = ctx.accept_words | {w.lower() for w in ctx.accept_words}
        self.failed: list[str] = []

    def diagnostics(self, found: Iterable[tuple[int, int, int]]) -> list[Diagnostic]:
        out: list[Diagnostic] = []
        first_variant: dict[tuple[int, int], str] = {}  # (rule, group) -> first text
        counted: dict[int, list[tuple[int, int]]] = {}
        introduced: dict[int, set[str]] = {}
        text = self.doc.text
        for index, start, end in found:
            rule = self.rules[index]
            if not self.wanted(rule, start, end):
                continue
            matched = text[start:end]
            kind = rule.kind
            if kind == "existence":
                out.append(self.report(rule, start, end, match=matched))
            elif kind == "substitution":
                if matched in self.accept or matched.lower() in self.accept:
                    continue
                right = rule.swap.get(normalise(matched, rule.case_sensitive))
                if right is not None:
                    replacement = preserve_case(matched, right)
                    out.append(
                        self.report(
                            rule, start, end, replacement, match=matched, replacement=replacement
                        )
                    )
            elif kind == "consistency":
                self.consistency(rule, index, start, end, first_variant, out)
            elif kind == "occurrence":
                counted.setdefault(index, []).append((start, end))
            else:
                key = normalise(matched, rule.case_sensitive)
                seen = introduced.setdefault(index, set())
                if key not in seen:
                    seen.add(key)
                    if not self.antecedent_before(rule, matched, start):
                        out.append(self.report(rule, start, end, match=matched))
        for index, spans in counted.items():
            out.extend(self.occurrences(self.rules[index], spans))
        out.sort(key=lambda d: (d.start, d.end, d.rule))
        return out

    def wanted(self, rule: PackRule, start: int, end: int) -> bool:
        doc = self.doc
        span = Span(start, end)
        if doc.skipped and doc.in_skipped(span):
            return False
        if doc.sic and any(s.overlaps(span) for s in doc.sic):
            return False
        if len(rule.scope) < 3 and doc.scope_of(span) not in rule.scope:
            return False
        return not (rule.skip_quotations and doc.in_quotation(span))

    def report(
        self, rule: PackRule, start: int, end: int, fix_with: str | None = None, **fields: object
    ) -> Diagnostic:
        message = rule.message.format(summary=rule.summary, id=rule.id, **fields)
        suggestions: tuple[Suggestion, ...] = ()
        if fix_with is not None and rule.fix is not None:
            suggestions = (Suggestion(fix_with, rule.fix),)
        return Diagnostic(
            rule=rule.id,
            message=message,
            start=start,
            end=end,
            severity=rule.severity,
            suggestions=suggestions,
            extra={"origin": rule.origin},
        )

    def consistency(
        self,
        rule: PackRule,
        index: int,
        start: int,
        end: int,
        first_variant: dict[tuple[int, int], str],
        out: list[Diagnostic],
    ) -> None:
        matched = self.doc.text[start:end]
        key = normalise(matched, rule.case_sensitive)
        for group_index, group in enumerate(rule.variants):
            forms = {normalise(v, rule.case_sensitive): v for v in group}
            if key not in forms:
                continue
            first = first_variant.setdefault((index, group_index), forms[key])
            if normalise(first, rule.case_sensitive) != key:
                replacement = preserve_case(matched, first)
                out.append(
                    self.report(
                        rule,
                        start,
                        end,
                        replacement,
                        match=matched,
                        replacement=replacement,
                        first=first,
                    )
                )
            return

    def occurrences(self, rule: PackRule, spans: list[tuple[int, int]]) -> list[Diagnostic]:
        limit = rule.max
        if rule.per_words:
            # Short texts count as per_words long, so one use in a brief isn't "too many".
            limit = int(rule.max * max(self.doc.word_count, rule.per_words) / rule.per_words)
        if len(spans) <= limit:
            return []
        text = self.doc.text
        return [
            self.report(rule, s, e, match=text[s:e], count=len(spans), max=limit)
            for s, e in spans[limit:]
        ]

    def antecedent_before(self, rule: PackRule, matched: str, start: int) -> bool:
        assert rule.antecedent is not None
        source = rule.antecedent.replace("{match}", regex.escape(matched))
        flags = PATTERN_FLAGS | (0 if rule.case_sensitive else regex.IGNORECASE)
        # The antecedent may enclose the match ("Federal Reserve (Fed)"), so it
        # counts when it *starts* at or before the match.
        try:
            found = regex.compile(source, flags).search(self.doc.text, timeout=self.timeout)
        except TimeoutError:
            self.failed.append(rule.id)
            return True
        return found is not None and found.start() <= start


def shipped_rule_spans(
    doc: Document,
    spans: Iterable[Span],
    rule_ids: frozenset[str],
    selected: frozenset[str] | None = None,
) -> list[Span]:
    """Where the shipped pack rules ``rule_ids`` match inside ``spans``.

    Python checks use it to leave a sentence to the phrase rule that already
    names it. ``selected`` (the run's selection) lets them share the matcher the
    pack provider compiled instead of compiling one of their own."""
    spans = list(spans)
    if not spans:
        return []
    matcher = load_packs(shipped_pack_paths()).matcher(selected or rule_ids)
    wanted = {i for i, r in enumerate(matcher.rules) if r.id in rule_ids}
    if not wanted:
        return []
    found: list[Span] = []
    for span in spans:
        hits, _ = matcher.candidates(doc.span_text(span), 1.0, within=doc.text)
        found.extend(
            Span(span.start + start, span.start + end) for i, start, end in hits if i in wanted
        )
    return found
