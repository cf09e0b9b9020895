"""Run proselint's checks fast and with exactly proselint's findings.

proselint runs each of its ~120 checks as its own scan (several are slow:
one Python-regex alternation of 74 look-behind branches took 60% of its time
on news copy). Here one compiled RE2 set, built from every selected check's
own patterns, scans a document once and tells which checks can match at all;
only those run, through proselint's own code, so messages, spans, exceptions,
thresholds and result order stay proselint's. Two slow Python-regex checks are
swapped for equivalent, faster patterns (see ``_faster``), proven equal by the
parity tests.

A detector may be a superset of its check (it may fire where the check finds
nothing), never a subset: a check whose matches cannot be predicted exactly
is always run.

Compiling the set of all ~3,000 detectors costs more than linting a short
article, and every process pays it (a compiled RE2 set cannot be stored). Most
detectors are a literal phrase, which can only match where its *anchor*, a
run of ASCII letters and digits in it, occurs in the text (as in
``newslint.packs.prefilter``). So the first texts a process lints get a set of
just the detectors whose anchor they contain (and those without one); a
process that goes on to lint more builds the full set once.
"""

from __future__ import annotations

import sys
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import re2
from proselint.registry.checks import Check, CheckResult, types
from proselint.registry.checks.engine import Fast
from proselint.tools import QUOTE_PATTERN, check_matching_quotes, find_spans

from newslint import regexcache
from newslint.packs.prefilter import FOLDED, phrase_anchor, text_words

# proselint's default configuration caps results per file (taken in check order).
MAX_ERRORS = 1000
# Detector memory: generous, so that the set's DFA never gives up (a give-up is
# detected by the always-matching canary and then every check runs).
_SET_MAX_MEM = 256 << 20
_CANARY = "(?:)"

# Python's re (proselint's "Fancy" engine) folds these into ASCII "i" under
# IGNORECASE; RE2 does not, so literals for Python-semantics checks spell them out.
_PY_I = r"[iI\x{130}\x{131}]"

# lexical_illusions, rewritten with atomic words: every word of a match must end
# at a word's end (whitespace follows it), so the pruned backtracking never
# loses a match and the first match found is the same. Three times faster.
_LEXICAL_ORIGINAL = r"(?<![A-Za-z'-])(\w+(?:\s+\w+){0,3})(\s+\1)+(?![A-Za-z'-])"
_LEXICAL_ATOMIC = r"(?<![A-Za-z'-])(\w++(?:\s++\w++){0,3})(\s++\1)+(?![A-Za-z'-])"

Key = tuple[int, int]  # (check index, term-pair index or -1 for the whole check)
# Texts linted with sets of just the detectors they may need; then the full sets.
FILTERED_TEXTS = 2
_LITERAL_WRAPPERS = ("(?i:", "(?:")
_PY_I_LITERAL = "[iI\\x{130}\\x{131}]"


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


def _fast(pattern: str, case_insensitive: bool) -> str:
    return f"(?i:{pattern})" if case_insensitive else f"(?:{pattern})"


def _python_literal(text: str, case_insensitive: bool) -> str | None:
    """An RE2 pattern matching wherever Python's re finds the literal ``text``
    (None when that cannot be guaranteed)."""
    if not text.isascii() or any(ch in text for ch in "\\.^$*+?{}[]()|"):
        return None
    escaped = "".join(_PY_I if case_insensitive and ch in "iI" else re2.escape(ch) for ch in text)
    return _fast(escaped, case_insensitive)


def _module(check: Check) -> Any:
    return sys.modules[check.check_type.__module__]


def _function_detectors(check: Check) -> list[str] | None:
    """Detectors for proselint's few checks written as functions."""
    name = getattr(check.check_type, "__name__", "")
    ci = check.engine.opts.case_insensitive
    try:
        mod = _module(check)
        if name == "_check_but_paragraphs":
            return [_fast(mod.PATTERN, ci)]
        if name == "_check_greylist":  # runs its terms with a default (case-insensitive) engine
            return [_fast(term, True) for term in mod.GREYLISTED_TERMS]
        if name == "_check_waxed":  # nothing without one of these words
            return [_fast(word, ci) for word in mod.WAXES]
        if name == "_check_venery":
            return [_fast(word, ci) for word in mod.GENERIC_TERMS]
        if name == "_check_uncomparables":  # the union of its "\b{comp}\s+{adj}\b" items
            comps, adjs = "|".join(mod.COMPARATORS), "|".join(mod.UNCOMPARABLES)
            return [_fast(rf"\b(?:{comps})\s+(?:{adjs})\b", ci)]
        if name == "_check_fancy_uncomparables":
            # Python-regex items "(?<!at\s)\b{comp}\s+{adj}\b": drop the look-behind and
            # boundaries; RE2's \W covers every character Python's \s does.
            found_comps = [_python_literal(c, ci) for c in mod.FANCY_COMPARATORS]
            found_adjs = [_python_literal(a, ci) for a in mod.UNCOMPARABLES]
            fancy_comps = [c for c in found_comps if c is not None]
            fancy_adjs = [a for a in found_adjs if a is not None]
            if len(fancy_comps) < len(found_comps) or len(fancy_adjs) < len(found_adjs):
                return None
            return [f"(?:{'|'.join(fancy_comps)})\\W+(?:{'|'.join(fancy_adjs)})"]
    except AttributeError:
        return None
    return None


def detectors(check: Check) -> list[str] | None:
    """RE2 patterns, one of which matches wherever ``check`` can find something;
    None when the check must always run."""
    kind = check.check_type
    ci = check.engine.opts.case_insensitive
    fast = isinstance(check.engine, Fast)
    if isinstance(kind, types.Existence):
        patterns = [kind.padding.format(item) for item in kind.items]
        literals = list(kind.items)
    elif isinstance(kind, types.ExistenceSimple):
        patterns, literals = [kind.pattern], [kind.pattern]
    elif isinstance(kind, (types.PreferredForms, types.PreferredFormsSimple)):
        patterns = [kind.padding.format(item) for item in kind.items]
        literals = list(kind.items)
    elif isinstance(kind, (types.ReverseExistence, types.Consistency)):
        return None  # every word counts / handled per term pair
    elif callable(kind):
        return _function_detectors(check)
    else:
        return None
    if fast:
        return [_fast(p, ci) for p in patterns]
    if check.path == "weasel_words.very":  # Python-regex "\bvery(?! well)\b"
        return [_python_literal("very", ci)]  # type: ignore[list-item]
    found = [_python_literal(item, ci) for item in literals]
    return None if None in found else found  # type: ignore[return-value]


def _faster(check: Check) -> Check:
    """An equivalent, faster version of a slow Python-regex check."""
    kind = check.check_type
    if getattr(kind, "__name__", "") == "_check_fancy_uncomparables":
        mod = _module(check)
        comps, adjs = "|".join(mod.FANCY_COMPARATORS), "|".join(mod.UNCOMPARABLES)
        # One alternation of (?<!at\s)\b{comp}\s+{adj}\b items: at any position at
        # most one comparator and one adjective (followed by \b) can match, so
        # factoring them out finds the same matches.
        merged = rf"(?<!at\s)\b(?:{comps})\s+(?:{adjs})\b"
        return check._replace(check_type=types.ExistenceSimple(pattern=merged))
    if isinstance(kind, types.ExistenceSimple) and kind.pattern == _LEXICAL_ORIGINAL:
        return check._replace(check_type=kind._replace(pattern=_LEXICAL_ATOMIC))
    return check


# Patterns that can stretch over a long run of text ('"[\w\s]+"') multiply the
# states of a DFA they share with others; word-bounded literals are many and
# cheap together. Three sets warm up three times faster than one.
_OPEN_ENDED = regexcache.compile(r"(?<!\\)[+*]|\{\d*,\}")


def _group_of(pattern: str) -> str:
    if _OPEN_ENDED.search(pattern):
        return "open"
    return "words" if "\\b" in pattern else "other"


def _narrowable(check: Check) -> bool:
    return not isinstance(check.engine, Fast) and isinstance(
        check.check_type, types.PreferredFormsSimple
    )


def literal_anchor(pattern: str) -> tuple[str, bool] | None:
    """:func:`newslint.packs.prefilter.phrase_anchor` of a detector that is a
    literal phrase, ``(?i:\\bwords\\b)`` or ``(?i:esc\\ aped)``; None for any
    other pattern (it always goes in the set). RE2's ``\\b`` is ASCII: the
    character beyond it is not an ASCII letter or digit, as the anchor needs."""
    wrapper = next((w for w in _LITERAL_WRAPPERS if pattern.startswith(w)), None)
    if wrapper is None or not pattern.endswith(")"):
        return None
    body = pattern[len(wrapper) : -1]
    literal: list[str] = []
    edges = 0  # \b at the start and at the end
    i = 0
    while i < len(body):
        if body.startswith(_PY_I_LITERAL, i):
            literal.append("i")
            i += len(_PY_I_LITERAL)
            continue
        ch = body[i]
        if ch == "\\":
            code = body[i + 1 : i + 2]
            if code == "b" and (i == 0 or i + 2 == len(body)):
                edges += 1
            elif not code or (code.isascii() and code.isalnum()):
                return None  # \d, \w, \b inside, \x{..}: not a literal
            else:
                literal.append(code)
            i += 2
            continue
        if ch in ".^$*+?{}[]()|":
            return None
        literal.append(ch)
        i += 1
    text = "".join(literal)
    if not text or text != " ".join(text.split()):
        return None  # phrase_anchor reads runs of spaces as one
    return phrase_anchor(text, edges == 2)


def _detectors(check: Check) -> list[tuple[str, int]] | None:
    """(pattern, tag) pairs for one check; tag -1 stands for the whole check.
    None: the check must always run."""
    if isinstance(check.check_type, types.Consistency):
        # A pair reports only when both its terms occur: one detector per term.
        ci = check.engine.opts.case_insensitive
        return [
            (_fast(term, ci), 2 * pair_index + term_index)
            for pair_index, pair in enumerate(check.check_type.term_pairs)
            for term_index, term in enumerate(pair)
        ]
    found = detectors(check)
    if found is None:
        return None
    # A slow Python-regex check of many items runs with only the items found
    # (an item that occurs nowhere can neither match nor block another).
    per_item = _narrowable(check) and len(found) == len(check.check_type.items)
    return [(p, i if per_item else -1) for i, p in enumerate(found)]


@dataclass
class _Plan:
    """The detectors of some checks, grouped, with their anchors."""

    groups: dict[str, list[tuple[str, Key]]]
    anchors: dict[str, list[tuple[str, bool] | None]]
    always: set[int]


def _plan(checks: Sequence[Check]) -> _Plan:
    plan = _Plan({}, {}, set())
    for index, check in enumerate(checks):
        found = _detectors(check)
        if found is None:
            plan.always.add(index)
            continue
        for pattern, tag in found:
            plan.groups.setdefault(_group_of(pattern), []).append((pattern, (index, tag)))
    for name, members in plan.groups.items():
        plan.anchors[name] = [literal_anchor(pattern) for pattern, _ in members]
    return plan


def _cached_plan(checks: Sequence[Check]) -> _Plan:
    """:func:`_plan`, kept on disk: working out 3,000 detectors and their anchors
    costs a one-file run more than matching them. Keyed by this module's
    code, proselint's and RE2's versions and the checks."""
    import hashlib
    from pathlib import Path

    from newslint.distinfo import version
    from newslint.metacache import cached_parse

    paths = hashlib.sha256("\n".join(c.path for c in checks).encode()).hexdigest()[:16]
    context = f"proselint {version('proselint')} google-re2 {version('google-re2')} {paths}"
    try:
        return cached_parse("proselint", Path(__file__), (), lambda: _plan(checks), context)
    except OSError:  # this module's source cannot be read: nothing to key the cache by
        return _plan(checks)


@dataclass
class CompiledChecks:
    """Some proselint checks (in proselint's order) behind one RE2 set."""

    checks: Sequence[Check]
    always: set[int] = field(default_factory=set)
    runs: int = 0  # checks actually run (for tests and benchmarks)
    texts: int = 0  # texts linted
    _groups: dict[str, list[tuple[str, Key]]] = field(default_factory=dict)
    _anchors: dict[str, list[tuple[str, bool] | None]] = field(default_factory=dict)
    _sets: list[tuple[Any, list[Key]]] = field(default_factory=list)
    _runnable: list[Check] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._runnable.extend(_faster(check) for check in self.checks)
        plan = _cached_plan(self.checks)
        self.always.update(plan.always)
        self._groups, self._anchors = plan.groups, plan.anchors

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
                self._sets = [self._compiled(m) for m in self._groups.values()]
            return self._sets
        lowered = content.lower()
        words = text_words(lowered)
        sets = []
        for name, members in self._groups.items():
            kept = [
                member
                for member, anchor in zip(members, self._anchors[name], strict=True)
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
        return hits

    def _results(self, content: str) -> Iterator[tuple[int, CheckResult]]:
        hits = self._hits(content)
        # Only the checks that can find something, in proselint's order.
        order = range(len(self._runnable)) if hits is None else sorted({*hits, *self.always})
        for index in order:
            check = self._runnable[index]
            if hits is not None and index not in self.always:
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
