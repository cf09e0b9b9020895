"""Which pack rules can match a text at all, from one RE2 set scan.

The shipped packs compile into one large ``re`` alternation (``packs.compile``).
Building it costs more than linting a short article, and scanning with it
tries every branch at every position. RE2 compiles a set of the same rules
in C++ in a few milliseconds and scans a text in one linear pass, but it
has no look-arounds and its ``\\b``, ``\\w``, ``\\s`` and case folding are
narrower than Python's. So each rule gets a *detector*: its regex widened
until it matches everywhere the rule could (never narrower), and only the
rules whose detector fires go into the exact ``re`` pattern, which is then
small. A rule whose detector RE2 cannot read is always run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newslint.packs.compile import rule_alternatives
from newslint.packs.schema import PackRule

# Python's \s, \w and \d are Unicode-wide; RE2's are ASCII. Each is widened to
# its ASCII members plus every non-ASCII character: a superset, and a small
# class (Unicode property classes made one detector 20 times slower to build).
# Written as class contents so that they also work inside a [...] of a pattern.
_NON_ASCII = r"\x{80}-\x{10ffff}"
_WIDE = {
    "s": rf"\s\x{{0b}}\x{{1c}}-\x{{1f}}{_NON_ASCII}",
    "w": rf"0-9A-Za-z_{_NON_ASCII}",
    "d": rf"0-9{_NON_ASCII}",
}
# Letters Python's re folds together under IGNORECASE beyond RE2's folding;
# the text the detectors see folds them first (it is never reported).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_CANARY = "(?:)"  # always matches: its absence means RE2's DFA gave up
_MAX_MEM = 64 << 20


_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


def widen(pattern: str) -> str:
    """``pattern`` with Python-only assertions (look-arounds, word boundaries)
    dropped and classes widened, so that RE2 matches at least wherever Python's
    ``re`` does."""
    out: list[str] = []
    in_class = negated = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if not in_class and pattern.startswith(_LOOKAROUNDS, i):
            i = _group_end(pattern, i)  # an assertion: dropping it only widens
            continue
        if ch == "\\" and i + 1 < len(pattern):
            code = pattern[i + 1]
            if code in "bB" and not in_class:
                pass  # a word-boundary assertion: dropping it only widens
            elif code in _WIDE and not negated:  # in [^...] the narrow class is wider
                out.append(_WIDE[code] if in_class else f"[{_WIDE[code]}]")
            else:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
            out.append(ch)
            # A ] right after [ or [^ is a literal member.
            negated = pattern.startswith("^", i + 1)
            if negated:
                out.append("^")
                i += 1
            if pattern.startswith("]", i + 1):
                out.append(r"\]")
                i += 1
        elif ch == "]" and in_class:
            in_class = negated = False
            out.append(ch)
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _group_end(pattern: str, start: int) -> int:
    """The index after the group opening at ``start`` (escapes and classes skipped)."""
    depth, in_class, i = 0, False, start
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern.startswith("]", i + 1):
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(pattern)


def detector(rule: PackRule) -> str:
    """A pattern that matches wherever ``rule`` could (before RE2 reads it)."""
    body = widen(rule_alternatives(rule))
    return f"(?m)(?:{body})" if rule.case_sensitive else f"(?im)(?:{body})"


class RulePrefilter:
    """``rules[k]`` is rule ``indices[k]`` of the caller's numbering."""

    def __init__(self, rules: Sequence[PackRule], indices: Sequence[int]) -> None:
        import re2

        options = re2.Options()
        options.never_capture = True
        options.log_errors = False
        options.max_mem = _MAX_MEM
        self._set: Any = re2.Set.SearchSet(options)
        self._set.Add(_CANARY)
        self._keys: list[int] = [-1]
        self.always: list[int] = []  # rules RE2 cannot read: never filtered out
        for rule, index in zip(rules, indices, strict=True):
            try:
                self._set.Add(detector(rule))
            except Exception:  # re2 raises its own error type for unsupported syntax
                self.always.append(index)
                continue
            self._keys.append(index)
        self._set.Compile()

    def possible(self, text: str) -> set[int] | None:
        """Rules that may match ``text``; None when every rule must run."""
        folded = text.translate(_FOLD)
        found = set(self._set.Match(folded))
        if folded != text:
            found |= set(self._set.Match(text))
        if 0 not in found:
            return None  # the DFA ran out of memory: no verdict
        return {self._keys[k] for k in found if k} | set(self.always)
