"""Run proselint's checks fast and with exactly proselint's findings.

proselint runs each of its ~120 checks as its own scan (several are slow:
one Python-regex alternation of 74 look-behind branches took 60% of its time
on news copy). Here one compiled RE2 set, built from every selected check's
own patterns, scans a document once and tells which checks can match at all;
only those run, through proselint's own code, so messages, spans, exceptions,
thresholds and result order stay proselint's. Two slow Python-regex checks are
swapped for equivalent, faster patterns, proven equal by the parity tests.

The detectors come from a :class:`Plan` worked out by
:mod:`newslint.engines.proselint.detectors` and kept on disk, so a text on
which no detector fires is linted without importing proselint at all (a
third of a one-file run's proselint cost).

Compiling the set of all ~3,000 detectors costs more than linting a short
article, and every process pays it (a compiled RE2 set cannot be stored). Most
detectors are a literal phrase, which can only match where its *anchor*, a
run of ASCII letters and digits in it, occurs in the text (as in
``newslint.packs.prefilter``). So the first texts a process lints get a set of
just the detectors whose anchor they contain (and those without one); a
process that goes on to lint more builds the full set once.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import re2

from newslint import regexcache
from newslint.engines.proselint.plan import Key, Plan
from newslint.packs.prefilter import FOLDED, text_words

if TYPE_CHECKING:
    from proselint.registry.checks import Check, CheckResult

# proselint's default configuration caps results per file (taken in check order).
MAX_ERRORS = 1000
# Detector memory: generous, so that the set's DFA never gives up (a give-up is
# detected by the always-matching canary and then every check runs).
_SET_MAX_MEM = 256 << 20
_CANARY = "(?:)"

# Texts linted with sets of just the detectors they may need; then the full sets.
FILTERED_TEXTS = 2


def _re2_options() -> re2.Options:
    # proselint's Fast engine options, case handled per pattern with (?i:...).
    opts = re2.Options()
    opts.perl_classes = True
    opts.word_boundary = True
    opts.never_capture = True
    opts.case_sensitive = True
    opts.one_line = True
    opts.max_mem = _SET_MAX_MEM
    opts.log_errors = False
    return opts


def cached_plan(paths: frozenset[str], checks: Callable[[], Sequence[Check]]) -> Plan:
    """The plan for the checks with these paths, from the disk cache; ``checks()``
    (which imports proselint) is called only when it is missing. Keyed by this
    module's and the planner's code, proselint's and RE2's versions and the paths."""
    from newslint.distinfo import version
    from newslint.metacache import cached_parse

    def build() -> Plan:
        from newslint.engines.proselint.detectors import build_plan

        return build_plan(checks())

    digest = hashlib.sha256("\n".join(sorted(paths)).encode()).hexdigest()[:16]
    context = f"proselint {version('proselint')} google-re2 {version('google-re2')} {digest}"
    planners = tuple(Path(__file__).with_name(n) for n in ("detectors.py", "plan.py"))
    try:
        return cached_parse("proselint", Path(__file__), planners, build, context)
    except OSError:  # the sources cannot be read: nothing to key the cache by
        return build()


def _a_pair(tags: set[int]) -> bool:
    return any(tag % 2 == 0 and tag + 1 in tags for tag in tags)


@dataclass
class CompiledChecks:
    """Some proselint checks (in proselint's order) behind one RE2 set.

    ``load`` returns the checks whose paths are ``paths``, in proselint's order;
    it is called (importing proselint) only when a check must run."""

    paths: frozenset[str]
    load: Callable[[], Sequence[Check]]
    runs: int = 0  # checks actually run (for tests and benchmarks)
    texts: int = 0  # texts linted
    _plan: Plan = field(init=False)
    _sets: list[tuple[Any, list[Key]]] = field(default_factory=list)
    _loaded: tuple[list[Check], list[Check]] | None = None

    def __post_init__(self) -> None:
        self._plan = cached_plan(self.paths, self.load)

    @classmethod
    def of(cls, checks: Iterable[Check]) -> CompiledChecks:
        """For checks already at hand (proselint imported)."""
        found = list(checks)
        return cls(frozenset(c.path for c in found), lambda: found)

    def _checks_and_runnable(self) -> tuple[list[Check], list[Check]]:
        """The checks, and the forms they run in (two slow patterns swapped for
        equivalent ones), loaded on first use: this imports proselint."""
        if self._loaded is None:
            from newslint.engines.proselint.detectors import faster

            checks = list(self.load())
            self._loaded = checks, [faster(check) for check in checks]
        return self._loaded

    @property
    def checks(self) -> list[Check]:
        return self._checks_and_runnable()[0]

    @staticmethod
    def _compiled(members: Sequence[tuple[str, Key]]) -> tuple[Any, list[Key]]:
        matcher = re2.Set.SearchSet(_re2_options())
        matcher.Add(_CANARY)
        for pattern, _ in members:
            matcher.Add(pattern)
        matcher.Compile()
        return matcher, [(-1, -1)] + [key for _, key in members]

    def _sets_for(self, content: str) -> list[tuple[Any, list[Key]]]:
        """The full sets, or for one of a process's first texts, sets of the
        detectors whose anchor ``content`` contains."""
        self.texts += 1
        if self._sets or self.texts > FILTERED_TEXTS or any(ch in content for ch in FOLDED):
            if not self._sets:
                self._sets = [self._compiled(m) for m in self._plan.groups.values()]
            return self._sets
        lowered = content.lower()
        words = text_words(lowered)
        sets = []
        for name, members in self._plan.groups.items():
            kept = [
                member
                for member, anchor in zip(members, self._plan.anchors[name], strict=True)
                if anchor is None or (anchor[0] in words if anchor[1] else anchor[0] in lowered)
            ]
            if kept:
                sets.append(self._compiled(kept))
        return sets

    def _hits(self, content: str) -> dict[int, set[int]] | None:
        """Check index -> detector tags hit; None: run every check."""
        hits: dict[int, set[int]] = {}
        for matcher, keys in self._sets_for(content):
            found = matcher.Match(content)
            if not found or 0 not in found:
                return None  # the DFA gave up (the canary always matches): run everything
            for set_index in found:
                index, tag = keys[set_index]
                if index >= 0:
                    hits.setdefault(index, set()).add(tag)
        for index, (pattern, flags) in self._plan.searches.items():
            if regexcache.compile(pattern, flags).search(content):
                hits.setdefault(index, set()).add(-1)
        return hits

    def _results(self, content: str) -> Iterator[tuple[int, CheckResult]]:
        plan = self._plan
        hits = self._hits(content)
        # Only the checks that can find something, in proselint's order.
        if hits is None:
            order: Sequence[int] = range(len(self.checks))
        else:  # a consistency check needs both terms of a pair
            order = sorted(
                {i for i, tags in hits.items() if i not in plan.pairs or _a_pair(tags)}
                | plan.always
            )
        if not order:
            return  # no check can fire: proselint is not even imported
        from proselint.registry.checks import types

        runnable = self._checks_and_runnable()[1]
        for index in order:
            check = runnable[index]
            if hits is not None and index not in plan.always:
                tags = hits.get(index)
                if not tags:
                    continue
                kind = check.check_type
                if isinstance(kind, types.Consistency):
                    pairs = tuple(
                        pair
                        for i, pair in enumerate(kind.term_pairs)
                        if 2 * i in tags and 2 * i + 1 in tags
                    )
                    if not pairs:
                        continue
                    check = check._replace(check_type=kind._replace(term_pairs=pairs))
                elif -1 not in tags:
                    items = list(kind.items.items())
                    chosen = {k: v for i, (k, v) in enumerate(items) if i in tags}
                    check = check._replace(check_type=kind._replace(items=chosen))
            self.runs += 1
            for result in check.check_with_flags(content):
                yield index, result

    def lint(self, text: str) -> list[CheckResult]:
        """proselint's findings for a file whose (newline-normalised) text is
        ``text``, in proselint's order, with spans in proselint's padded content
        (``"\\n" + text + "\\n"``: offset 1 is ``text[0]``)."""
        content = f"\n{text}\n"
        results = list(self._results(content))
        if not results:
            return []
        from proselint.tools import QUOTE_PATTERN, check_matching_quotes, find_spans

        quotes = [
            pos
            for span in find_spans(content, QUOTE_PATTERN, check_matching_quotes)
            for pos in span
        ]

        def kept(item: tuple[int, CheckResult]) -> bool:
            index, result = item
            if self.checks[index].flags.allow_quotes:
                return True
            return bisect_left(quotes, result.span[0]) % 2 == 0  # outside quotes

        return [result for _, result in islice(filter(kept, results), MAX_ERRORS)]
