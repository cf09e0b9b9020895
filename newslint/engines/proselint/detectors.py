"""What can make each proselint check fire: the detector plan behind
:mod:`newslint.engines.proselint.match`.

Reading proselint's checks means importing them (about 30 ms), so a plan is
built here once, cached on disk by ``match``, and this module is imported only
when a plan is missing or a check must actually run.

A detector may be a superset of its check (it may fire where the check finds
nothing), never a subset: a check whose matches cannot be predicted exactly
is always run, unless it is a single Python-regex pattern, which is its own
exact detector (searched with Python's ``re``, as proselint does).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import re2
from proselint.registry.checks import Check, Padding, types
from proselint.registry.checks.engine import Fast

from newslint import regexcache
from newslint.engines.proselint.plan import Plan
from newslint.packs.prefilter import phrase_anchor

# Python's re (proselint's "Fancy" engine) folds these into ASCII "i" under
# IGNORECASE; RE2 does not, so literals for Python-semantics checks spell them out.
_PY_I = r"[iI\x{130}\x{131}]"

# lexical_illusions, rewritten with atomic words: every word of a match must end
# at a word's end (whitespace follows it), so the pruned backtracking never
# loses a match and the first match found is the same. Three times faster.
_LEXICAL_ORIGINAL = r"(?<![A-Za-z'-])(\w+(?:\s+\w+){0,3})(\s+\1)+(?![A-Za-z'-])"
_LEXICAL_ATOMIC = r"(?<![A-Za-z'-])(\w++(?:\s++\w++){0,3})(\s++\1)+(?![A-Za-z'-])"

_LITERAL_WRAPPERS = ("(?i:", "(?:")
# Padding.STRICT_WORDS_IN_TEXT's look-arounds as RE2 groups. The class is case
# sensitive: Python's IGNORECASE also counts "ſ" and the Kelvin sign as letters
# there, so this detector fires wherever the check can (and a little more).
_STRICT_BEFORE = r"(?:^|[^A-Za-z'\-])"
_STRICT_AFTER = r"(?:$|[^A-Za-z'\-])"
_PY_I_LITERAL = "[iI\\x{130}\\x{131}]"


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
    if None in found:
        return None
    if getattr(kind, "padding", None) == Padding.STRICT_WORDS_IN_TEXT:
        # Its ASCII look-arounds, as RE2 can write them: "ne" (for née) then
        # fires on a word "ne", not inside every "new" and "one".
        return [f"{_STRICT_BEFORE}{literal}{_STRICT_AFTER}" for literal in found]
    return found  # type: ignore[return-value]


def faster(check: Check) -> Check:
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
    if pattern.startswith(_STRICT_BEFORE) and pattern.endswith(_STRICT_AFTER):
        # Bounded by ASCII letters only: a digit may touch the phrase ("1ne"),
        # so its anchor is a substring, never a whole word.
        inner = literal_anchor(pattern[len(_STRICT_BEFORE) : -len(_STRICT_AFTER)])
        return None if inner is None else (inner[0], False)
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


def build_plan(checks: Sequence[Check]) -> Plan:
    """The detectors of ``checks`` (in their order), grouped, with their anchors."""
    plan = Plan({}, {}, set())
    for index, check in enumerate(checks):
        found = _detectors(check)
        if found is None:
            search = _own_search(check)
            if search is None:
                plan.always.add(index)
            else:
                plan.searches[index] = search
            continue
        if isinstance(check.check_type, types.Consistency):
            plan.pairs.add(index)
        for pattern, tag in found:
            plan.groups.setdefault(_group_of(pattern), []).append((pattern, (index, tag)))
    for name, members in plan.groups.items():
        plan.anchors[name] = [literal_anchor(pattern) for pattern, _ in members]
    return plan


def _own_search(check: Check) -> tuple[str, int] | None:
    """A single Python-regex pattern (lexical_illusions' back-reference, which
    RE2 cannot run) as its own exact detector: (pattern, ``re`` flags). The
    check finds something only where a search for its pattern does."""
    kind = faster(check).check_type
    if isinstance(check.engine, Fast) or not isinstance(kind, types.ExistenceSimple):
        return None
    return kind.pattern, int(check.engine.opts.re_flag)
