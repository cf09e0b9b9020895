"""Reject regular expressions that can backtrack catastrophically.

A static check run when a pack is loaded. It catches the two classic shapes:

* a repeated element that itself contains an unbounded quantifier
  (star height above one): ``(a+)+``, ``(\\w+\\s?)*``;
* a repeated alternation whose branches can start with the same
  character: ``(a|a)*``, ``(a|aa)+``, ``(\\w|\\d)+``.

It is deliberately conservative. Possessive quantifiers (``a++``) and atomic
groups (``(?>...)``) never backtrack and are exempt, so a pattern author has
a way out. Whatever slips through is bounded at run time by the matcher's
timeout (see ``newslint.packs``).

The stdlib parser is not used because it rewrites alternations (``a|aa``
becomes ``a(?:|a)``), hiding exactly the overlap we look for; this small
parser keeps every branch's source text.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field

import regex

from newslint import regexcache

# A bounded repeat above this many iterations backtracks like an unbounded one.
_LARGE_REPEAT = 10
# Characters used to decide whether two branches can start alike.
_SAMPLE = string.ascii_letters + string.digits + string.punctuation + " \t\n\u00a0éüßÉ’‘“”—–"
_QUANT = regexcache.compile(r"[*+?]|\{(\d*)(?:(,)(\d*))?\}")


@dataclass
class _Node:
    """An atom or a group, with its quantifier (``high`` None = unbounded)."""

    branches: list[list[_Node]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # each branch's text
    kind: str = "atom"  # atom | group | atomic | look
    low: int = 1
    high: int | None = 1
    possessive: bool = False

    @property
    def large(self) -> bool:
        return not self.possessive and (self.high is None or self.high > _LARGE_REPEAT)


def pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` is unsafe, or None. The pattern must already compile."""
    try:
        branches, _ = _Parser(pattern).alternation()
    except (IndexError, ValueError):
        return None  # odd syntax we do not model: rely on the runtime timeout
    return _walk(branches, inside_large=False)


def _walk(branches: list[list[_Node]], *, inside_large: bool) -> str | None:
    for branch in branches:
        for node in branch:
            if node.large and inside_large:
                return "nested quantifiers (like (a+)+) can backtrack catastrophically"
            if node.large and _overlapping(node.sources):
                return (
                    "a repeated alternation whose branches can match the same text "
                    "(like (a|aa)*) can backtrack catastrophically"
                )
            if node.kind in ("atomic", "look"):
                problem = _walk(node.branches, inside_large=False)
            else:
                problem = _walk(node.branches, inside_large=inside_large or node.large)
            if problem:
                return problem
    return None


def _overlapping(sources: list[str]) -> bool:
    seen: list[frozenset[str]] = []
    for source in sources:
        first = _first_chars(source)
        if first is None:
            continue
        if any(first & other for other in seen):
            return True
        seen.append(first)
    return False


def _first_chars(source: str) -> frozenset[str] | None:
    """Sample characters a match of ``source`` can begin with (None: unknown)."""
    try:
        compiled = regex.compile(source, regex.IGNORECASE)
    except regex.error:
        return None
    if compiled.match(""):
        return frozenset(_SAMPLE)  # an empty branch overlaps everything
    return frozenset(ch for ch in _SAMPLE if compiled.match(ch, partial=True))


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.pos = 0

    def alternation(self) -> tuple[list[list[_Node]], list[str]]:
        branches: list[list[_Node]] = [[]]
        sources: list[str] = []
        start = self.pos
        p = self.p
        while self.pos < len(p) and p[self.pos] != ")":
            if p[self.pos] == "|":
                sources.append(p[start : self.pos])
                branches.append([])
                self.pos += 1
                start = self.pos
                continue
            node = self._element()
            if node is not None:
                self._quantifier(node)
                branches[-1].append(node)
        sources.append(p[start : self.pos])
        return branches, sources

    def _element(self) -> _Node | None:
        p = self.p
        ch = p[self.pos]
        if ch == "\\":
            self._escape()
            return _Node()
        if ch == "[":
            self._char_class()
            return _Node()
        if ch == "(":
            return self._group()
        self.pos += 1
        return _Node()

    def _escape(self) -> None:
        p = self.p
        self.pos += 2
        if p[self.pos - 1] in "pPNxgu" and self.pos < len(p) and p[self.pos] in "{<":
            close = "}" if p[self.pos] == "{" else ">"
            self.pos = p.index(close, self.pos) + 1

    def _char_class(self) -> None:
        p = self.p
        self.pos += 1
        if p[self.pos] == "^":
            self.pos += 1
        if p[self.pos] == "]":
            self.pos += 1
        depth = 1
        while depth:
            ch = p[self.pos]
            if ch == "\\":
                self.pos += 2
                continue
            if p.startswith("[:", self.pos):
                self.pos = p.index(":]", self.pos) + 2
                continue
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
            self.pos += 1

    def _group(self) -> _Node | None:
        p = self.p
        self.pos += 1
        kind = "group"
        if p.startswith("?#", self.pos):
            self.pos = p.index(")", self.pos) + 1
            return None
        if p.startswith("?", self.pos):
            head = regex.match(r"\?(?:P?<[A-Za-z_]\w*>|[:>|]|<?[=!]|[a-zA-Z-]*[:)])", p[self.pos :])
            if head is None:
                raise ValueError("unknown group syntax")
            text = head.group()
            self.pos += len(text)
            if text.endswith(")"):
                return None  # a flag setting such as (?i)
            if text == "?>":
                kind = "atomic"
            elif text.rstrip("=!").endswith(("?", "<")) and text[-1] in "=!":
                kind = "look"
        branches, sources = self.alternation()
        if self.pos >= len(p):
            raise ValueError("unbalanced parenthesis")
        self.pos += 1  # the closing parenthesis
        return _Node(branches=branches, sources=sources, kind=kind)

    def _quantifier(self, node: _Node) -> None:
        found = _QUANT.match(self.p, self.pos)
        if found is None:
            return
        text = found.group()
        if text == "*":
            node.low, node.high = 0, None
        elif text == "+":
            node.low, node.high = 1, None
        elif text == "?":
            node.low, node.high = 0, 1
        else:
            low, comma, high = found.groups()
            if not low and not comma:
                return  # a literal "{}"
            node.low = int(low or 0)
            node.high = (int(high) if high else None) if comma else node.low
        self.pos = found.end()
        if self.pos < len(self.p) and self.p[self.pos] in "?+":
            node.possessive = self.p[self.pos] == "+"
            self.pos += 1
