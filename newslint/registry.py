"""Rule metadata, the rule contract, and selection by id prefix.

Every rule, whether declared in a TOML pack or written in Python, is
described by a :class:`RuleMeta`. Rules are run by *providers*: one provider
may run many rules in a single pass (the pack matcher runs every pack rule at
once; an engine adapter runs all of its engine's checks). A Python check is a
function registered with :func:`rule`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from newslint.diagnostics import Applicability, Diagnostic, Severity
from newslint.document import Document

# LanguageTool publishes a page per rule; grammar.<RULE> findings link there.
LANGUAGETOOL_RULE_PAGE = "https://community.languagetool.org/rule/show/{rule}?lang=en"


@dataclass(frozen=True)
class Example:
    """A documented example: ``flagged`` says whether the rule must fire on it.

    ``text`` is plain text unless ``format`` says ``markdown`` or ``html``.
    ``fixed`` is what ``--fix`` must make of it (flagged examples with a safe fix).
    """

    text: str
    flagged: bool
    format: str = "text"
    fixed: str | None = None


@dataclass(frozen=True)
class RuleMeta:
    id: str
    summary: str  # one line
    why: str  # why an editor should care
    severity: Severity = Severity.WARNING
    fix: Applicability | None = None  # the best fix it can offer, if any
    examples: tuple[Example, ...] = ()
    default_enabled: bool = True  # False for opt-in packs (e.g. ap.)
    origin: str = "newslint"  # "pack rules/filler.toml", "python newslint.checks.x" ...
    # A dynamic meta documents a family of ids only known at run time
    # (``grammar`` covers ``grammar.<LanguageTool rule id>``).
    dynamic: bool = False
    # False for rules that a whole-family selector (``--select proselint``)
    # must not switch on; they are selected only by a deeper prefix or their
    # id (proselint's restricted-vocabulary checks, off in proselint itself).
    family_selectable: bool = True
    options: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    # Where this rule's page is published: the config's ``docs-url`` template
    # ("https://house.example/newslint/rules/{id}"). None until a house sets one:
    # output carries no link rather than a dead one.
    docs_url: str | None = field(default=None, compare=False, hash=False)

    @property
    def url(self) -> str | None:
        return rule_page_url(self.docs_url, self.id)

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]


def rule_page_url(template: str | None, rule_id: str) -> str | None:
    """The page documenting ``rule_id``, or None when none is published.

    ``grammar.<RULE>`` links to LanguageTool's own page for that rule, which
    always exists; every other id links into the house's ``docs-url``."""
    family, _, name = rule_id.partition(".")
    if family == "grammar" and name:
        return LANGUAGETOOL_RULE_PAGE.format(rule=name)
    return template.replace("{id}", rule_id) if template else None


@dataclass
class CheckContext:
    """What a check may know besides the document: settings from the config."""

    language: str = "en-US"
    accept_words: frozenset[str] = frozenset()
    reject_words: frozenset[str] = frozenset()
    options: dict[str, Any] = field(default_factory=dict)
    names: tuple[str, ...] = ()  # house names lists (config ``names``), for names.*


class Provider(Protocol):
    """Runs a set of rules over a document."""

    def rules(self) -> Sequence[RuleMeta]: ...

    def check(
        self, doc: Document, selected: frozenset[str], ctx: CheckContext
    ) -> Iterable[Diagnostic]:
        """Yield diagnostics for the rules in ``selected`` only."""
        ...


CheckFunction = Callable[[Document, CheckContext, RuleMeta], Iterable[Diagnostic]]


@dataclass(frozen=True)
class PythonRule:
    meta: RuleMeta
    function: CheckFunction


_PYTHON_RULES: dict[str, PythonRule] = {}


def rule(
    id: str,
    *,
    summary: str,
    why: str,
    examples: Sequence[Example],
    severity: Severity = Severity.WARNING,
    fix: Applicability | None = None,
    default_enabled: bool = True,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a Python check. The function yields diagnostics for one rule."""

    def register(function: CheckFunction) -> CheckFunction:
        meta = RuleMeta(
            id=id,
            summary=summary,
            why=why,
            severity=severity,
            fix=fix,
            examples=tuple(examples),
            default_enabled=default_enabled,
            origin=f"python {function.__module__}",
        )
        if id in _PYTHON_RULES:
            raise ValueError(f"rule {id} registered twice")
        _PYTHON_RULES[id] = PythonRule(meta, function)
        return function

    return register


def python_rule(rule_id: str) -> PythonRule:
    """The registered Python check ``rule_id`` (its metadata and function), for
    tools and tests that run one check directly. KeyError if there is none."""
    from newslint.checks import import_families

    import_families()
    return _PYTHON_RULES[rule_id]


def python_rule_metas() -> list[RuleMeta]:
    """Every Python check's metadata, in registration order. Read from the
    cache (``newslint.metacache``) when the family modules are unchanged since a
    run listed them, so that a run imports only the families it selected
    (``--select dates`` needs none of the names or attribution code)."""
    import sys

    from newslint.checks import family_modules, family_sources, import_families

    if all(name in sys.modules for name in family_modules()):
        return _registered_metas()

    def build() -> list[RuleMeta]:
        import_families()
        return _registered_metas()

    from newslint.metacache import cached_metas

    # Keyed by the files' sizes and times, not their text: reading every family
    # module would cost a one-file run more than the imports it spares.
    files = [*family_sources(), Path(__file__)]
    stamp = " ".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in files)
    # One cache file per installed copy: two copies sharing a cache directory (a
    # checkout and a virtualenv) keep their own lists instead of evicting each other's.
    import zlib

    install = zlib.crc32(str(Path(__file__).resolve().parent).encode())
    return cached_metas(f"python-{install:08x}", stamp, (), build)


def _registered_metas() -> list[RuleMeta]:
    return [r.meta for r in _PYTHON_RULES.values()]


class PythonProvider:
    """Runs the registered Python checks (modules under ``newslint.checks``).

    ``selective``: the run selects some rules only (``--select``), so the rules
    are listed from the cache and a family's module is imported when one of its
    rules is selected. Otherwise every family is imported at once."""

    def __init__(self, selective: bool = False) -> None:
        self._selective = selective
        self._metas: list[RuleMeta] | None = None

    def rules(self) -> Sequence[RuleMeta]:
        if self._metas is None:
            if self._selective:
                self._metas = python_rule_metas()
            else:
                from newslint.checks import import_families

                import_families()
                self._metas = _registered_metas()
        return self._metas

    def check(
        self, doc: Document, selected: frozenset[str], ctx: CheckContext
    ) -> Iterator[Diagnostic]:
        for meta in self.rules():
            if meta.id not in selected:
                continue
            python_rule = _PYTHON_RULES.get(meta.id)
            if python_rule is None:
                import importlib

                importlib.import_module(meta.origin.removeprefix("python "))
                python_rule = _PYTHON_RULES[meta.id]
            yield from python_rule.function(doc, ctx, python_rule.meta)


# -- selection -----------------------------------------------------------------


def matches_prefix(rule_id: str, prefix: str) -> bool:
    """``names`` matches ``names.misspelled``; ``name`` does not."""
    prefix = prefix.strip().rstrip(".")
    return prefix in ("", "all", "ALL") or rule_id == prefix or rule_id.startswith(prefix + ".")


def select_rules(
    rules: Iterable[RuleMeta],
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> frozenset[str]:
    """The ids to run: ``select`` (default: every rule enabled by default),
    plus ``extend_select``, minus ``ignore``. A more specific ``ignore`` beats
    a broader ``select`` and vice versa (the longest matching prefix wins),
    as in ruff."""
    chosen: set[str] = set()
    for meta in rules:
        best: tuple[int, bool] = (-1, False)
        if select is None:
            best = (0, meta.default_enabled)
        for prefixes, verdict in ((select or (), True), (extend_select, True), (ignore, False)):
            for prefix in prefixes:
                if matches_prefix(meta.id, prefix):
                    length = len(prefix.strip().rstrip("."))
                    if verdict and not meta.family_selectable and length <= len(meta.family):
                        continue
                    if length >= best[0]:
                        best = (length, verdict)
        if best[1]:
            chosen.add(meta.id)
    return frozenset(chosen)


def covering_meta(rule_id: str, metas: dict[str, RuleMeta]) -> RuleMeta | None:
    """The meta of ``rule_id``: its own, or the dynamic family meta above it."""
    if rule_id in metas:
        return metas[rule_id]
    parts = rule_id.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        meta = metas.get(".".join(parts[:cut]))
        if meta is not None and meta.dynamic:
            return meta
    return None


def unknown_prefixes(rules: Iterable[RuleMeta], prefixes: Iterable[str]) -> list[str]:
    """Prefixes that match no rule at all (a likely typo in select/ignore).

    An id under a dynamic family (``grammar.UPPERCASE_SENTENCE_START``) is known.
    """
    metas = list(rules)
    dynamic = [m.id for m in metas if m.dynamic]
    return [
        p
        for p in prefixes
        if not any(matches_prefix(m.id, p) for m in metas)
        and not any(matches_prefix(p, d) for d in dynamic)
    ]
