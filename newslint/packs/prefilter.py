"""Which pack rules, and which of their phrases and patterns, can match a text.

The shipped packs would compile into one large ``re`` alternation
(``packs.compile``). Building it costs more than linting a short article,
every process builds it again (a compiled pattern cannot be cached on disk),
and scanning with it tries every branch at every position. So only the parts
that can match the text at hand are compiled:

- a phrase can match only where its *anchor* occurs: a run of ASCII letters
  and digits in it, which every match contains too. Where the phrase (or the
  rule's word boundaries) delimits the run, it is a whole word of the text,
  and a document's words are checked against every anchor at once;
  otherwise it is looked for as a substring of the lowercased text;
- a pattern gets a *detector*: its regex widened until it matches everywhere
  the pattern could (never narrower). The detectors form one RE2 set, which
  scans a text in one linear pass. A pattern RE2 cannot read always runs.
  Building the set costs a few milliseconds, so a process's first texts
  check each pattern's literal *requirements* instead (runs of letters that
  every match contains, read from ``re``'s own parse of the pattern).

Leaving out a phrase or pattern that matches nowhere in a text changes no
match of the alternation. RE2 has no look-arounds and its ``\\b``, ``\\w``,
``\\s`` and case folding are narrower than Python's, hence the widening.
Four letters that Python's ``re`` folds into ASCII ones under IGNORECASE
(İ ı ſ K) would defeat the anchors: in a text with any of them, every phrase
may match.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newslint import regexcache
from newslint.packs.compile import rule_alternatives, rule_phrases
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
# The only letters Python's re matches with an ASCII letter under IGNORECASE
# (and the only ones whose lower() is ASCII); the text the detectors see folds
# them first (it is never reported).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
FOLDED = ("\u0130", "\u0131", "\u017f", "\u212a")
_CANARY = "(?:)"  # always matches: its absence means RE2's DFA gave up
_MAX_MEM = 64 << 20
_ASCII_WORD = regexcache.compile(r"[a-z0-9]+")

_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
# Texts checked with the patterns' literal requirements before the RE2 set of
# their detectors (more precise, but a few milliseconds to build) is worth it.
FILTERED_TEXTS = 2

# (rule index in the caller's numbering, phrases, positions in rule.patterns)
Part = tuple[int, tuple[str, ...], tuple[int, ...]]


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
    return _flagged(rule, widen(rule_alternatives(rule)))


def _flagged(rule: PackRule, body: str) -> str:
    return f"(?m)(?:{body})" if rule.case_sensitive else f"(?im)(?:{body})"


def text_words(lowered: str) -> set[str]:
    """The runs of ASCII letters and digits of a lowercased text: the words
    whole-word anchors are looked up in (valid when the text has none of
    :data:`FOLDED`)."""
    return set(_ASCII_WORD.findall(lowered))


Requirement = frozenset[str]  # a match contains one of these (lowercase) strings


def pattern_requirements(pattern: str) -> tuple[Requirement, ...]:
    """What every match of a Python ``re`` pattern contains: each requirement
    is a set of lowercase runs of ASCII letters and digits, one of which is in
    the match (or, for a look-ahead, beside it). Empty when nothing is certain.

    Read from ``re``'s own parse: a run of literal characters is required
    unless it is optional (inside ``?``, ``*``, an alternation); an alternation
    requires one of its branches' requirements when every branch has one."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(pattern, 0)
    except Exception:  # not a pattern re reads: nothing is certain
        return ()
    return tuple(_requirements(parsed))


def _requirements(items: Any) -> list[Requirement]:
    from re import _constants as c  # type: ignore[attr-defined]

    found: list[Requirement] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            found.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is c.LITERAL and av < 128 and chr(av).isalnum():
            run.append(chr(av).lower())
            continue
        flush()
        if op is c.SUBPATTERN:
            found.extend(_requirements(av[3]))
        elif op is c.ATOMIC_GROUP:
            found.extend(_requirements(av))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            found.extend(_requirements(av[2]))
        elif op is c.BRANCH:
            best = [_best(_requirements(branch)) for branch in av[1]]
            if all(best):
                found.append(frozenset().union(*best))  # type: ignore[arg-type]
        # Anything else (classes, any character, assertions, references)
        # requires nothing certain and ends the run.
    flush()
    return found


def _best(requirements: list[Requirement]) -> Requirement | None:
    """The most selective requirement: the one whose shortest string is longest."""
    return max(requirements, key=lambda r: min(map(len, r)), default=None)


def phrase_anchor(phrase: str, word_boundaries: bool) -> tuple[str, bool] | None:
    """``(anchor, whole_word)``: a lowercase run of ASCII letters and digits
    that every match of ``phrase`` contains, and whether it is a whole word of
    the text there (delimited on both sides by the phrase or by the rule's
    word boundaries). None when the phrase has no such run.

    Every other character of a phrase matches only characters that are not
    ASCII letters or digits (spaces match whitespace, quotes match quotes), and
    Python's word boundaries stop at them too, so a delimited run is a word."""
    if any(ch in phrase for ch in FOLDED):
        return None
    runs = phrase_runs(phrase, word_boundaries)
    if not runs:
        return None
    words = [run for run, whole in runs if whole]
    if words:
        return max(words, key=len), True
    return max((run for run, _ in runs), key=len), False


def phrase_runs(phrase: str, word_boundaries: bool) -> tuple[tuple[str, bool], ...]:
    """``(run, whole_word)`` for every lowercase run of ASCII letters and digits
    of ``phrase``: each is in every match, and where the phrase (or the rule's
    word boundaries) delimits it, as a whole word of the text
    (:func:`phrase_anchor` picks one of them)."""
    text = " ".join(phrase.split()).lower()
    return tuple(
        (m.group(), (m.start() > 0 or word_boundaries) and (m.end() < len(text) or word_boundaries))
        for m in _ASCII_WORD.finditer(text)
    )


# A rule's phrase anchors and pattern requirements, in its own order: worked out
# once per pack file and kept with the parsed pack (newslint.metacache).
RulePlan = tuple[tuple[tuple[str, bool] | None, ...], tuple[tuple[Requirement, ...], ...]]


def rule_plan(rule: PackRule) -> RulePlan:
    return (
        tuple(phrase_anchor(phrase, rule.word_boundaries) for phrase in rule_phrases(rule)),
        tuple(pattern_requirements(pattern) for pattern in rule.patterns),
    )


class RulePrefilter:
    """``rules[k]`` is rule ``indices[k]`` of the caller's numbering; ``plans[k]``,
    when given, is :func:`rule_plan` of it."""

    def __init__(
        self,
        rules: Sequence[PackRule],
        indices: Sequence[int],
        plans: Sequence[RulePlan | None] | None = None,
    ) -> None:
        self.rules = list(rules)
        self.indices = list(indices)
        self._plans = [
            (plans[k] if plans is not None else None) or rule_plan(rule)
            for k, rule in enumerate(self.rules)
        ]
        self._phrases = [rule_phrases(rule) for rule in self.rules]
        self._words: dict[str, list[tuple[int, int]]] = {}  # anchor -> (rule k, phrase j)
        self._substrings: list[tuple[str, int, int]] = []
        self._unanchored: list[list[int]] = [[] for _ in self.rules]
        self._runs: dict[tuple[int, int], tuple[tuple[str, bool], ...]] = {}
        for k, (anchors, _) in enumerate(self._plans):
            for j, found in enumerate(anchors):
                if found is None:
                    self._unanchored[k].append(j)
                elif found[1]:
                    self._words.setdefault(found[0], []).append((k, j))
                else:
                    self._substrings.append((found[0], k, j))
        self._set: Any = None  # the patterns' RE2 set, built on first use
        self._keys: list[tuple[int, int]] = [(-1, -1)]  # set index -> (rule k, pattern p)
        self.always: list[tuple[int, int]] = []  # patterns RE2 cannot read: always run
        self._requirements = [
            (k, p, required)
            for k, (_, requirements) in enumerate(self._plans)
            for p, required in enumerate(requirements)
        ]
        self.texts = 0  # texts seen: the first few are spared the RE2 set

    def _pattern_set(self) -> Any:
        if self._set is None:
            import re2

            options = re2.Options()
            options.never_capture = True
            options.log_errors = False
            options.max_mem = _MAX_MEM
            matcher = re2.Set.SearchSet(options)
            matcher.Add(_CANARY)
            keys: list[tuple[int, int]] = [(-1, -1)]
            always: list[tuple[int, int]] = []
            for k, rule in enumerate(self.rules):
                for p, pattern in enumerate(rule.patterns):
                    try:
                        matcher.Add(_flagged(rule, widen(f"(?:{pattern})")))
                    except Exception:  # re2 raises its own error type for unsupported syntax
                        always.append((k, p))
                        continue
                    keys.append((k, p))
            matcher.Compile()
            # Published whole, the set last: a thread never sees half of them.
            self._keys, self.always, self._set = keys, always, matcher
        return self._set

    def _phrase_hits(self, lowered: str, folded: bool) -> list[set[int]]:
        hits: list[set[int]] = [set(found) for found in self._unanchored]
        if folded:
            return [set(range(len(phrases))) for phrases in self._phrases]
        words = text_words(lowered)
        for word in self._words.keys() & words:
            for k, j in self._words[word]:
                if self._has_runs(k, j, words, lowered):
                    hits[k].add(j)
        for anchor, k, j in self._substrings:
            if anchor in lowered and self._has_runs(k, j, words, lowered):
                hits[k].add(j)
        return hits

    def _has_runs(self, k: int, j: int, words: set[str], lowered: str) -> bool:
        """The text has every run of the phrase, not just its anchor (the
        anchor's word alone let nine phrases in ten through on news copy)."""
        runs = self._runs.get((k, j))
        if runs is None:  # worked out on the phrase's first anchor hit, not at start-up
            runs = phrase_runs(self._phrases[k][j], self.rules[k].word_boundaries)
            self._runs[(k, j)] = runs
        return all(run in words if whole else run in lowered for run, whole in runs)

    def _required_hits(self, lowered: str, folded: bool) -> list[set[int]]:
        """Patterns whose requirements (:func:`pattern_requirements`) the text
        meets: cheaper than building the RE2 set for a process's first texts."""
        hits: list[set[int]] = [set() for _ in self.rules]
        for k, p, requirements in self._requirements:
            if folded or all(any(s in lowered for s in alts) for alts in requirements):
                hits[k].add(p)
        return hits

    def _pattern_hits(self, text: str) -> list[set[int]]:
        hits: list[set[int]] = [set() for _ in self.rules]
        if not any(rule.patterns for rule in self.rules):
            return hits
        matcher = self._pattern_set()
        # translate() costs ~0.2 ms on a story with curly quotes: only when needed.
        folded = text.translate(_FOLD) if any(ch in text for ch in FOLDED) else text
        found = set(matcher.Match(folded))
        if folded != text:
            found |= set(matcher.Match(text))
        if 0 not in found:  # the DFA ran out of memory: no verdict
            return [set(range(len(rule.patterns))) for rule in self.rules]
        for k, p in [*(self._keys[i] for i in found if i), *self.always]:
            hits[k].add(p)
        return hits

    def choose(self, text: str) -> tuple[Part, ...]:
        """The rules that may match ``text``, each with the phrases and patterns
        that may: compiling just these finds every match of the whole rules."""
        self.texts += 1
        lowered = text.lower()
        folded = any(ch in text for ch in FOLDED)
        phrase_hits = self._phrase_hits(lowered, folded)
        if self.texts <= FILTERED_TEXTS and self._set is None:
            pattern_hits = self._required_hits(lowered, folded)
        else:
            pattern_hits = self._pattern_hits(text)
        chosen: list[Part] = []
        for k, phrases in enumerate(self._phrases):
            if phrase_hits[k] or pattern_hits[k]:
                kept = tuple(phrases[j] for j in sorted(phrase_hits[k]))
                chosen.append((self.indices[k], kept, tuple(sorted(pattern_hits[k]))))
        return tuple(chosen)

    def possible(self, text: str) -> set[int]:
        """Rules that may match ``text``."""
        return {index for index, _, _ in self.choose(text)}
