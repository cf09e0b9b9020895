"""From source text to located, filtered, sorted diagnostics for one file.

source ─► Document ─► providers (packs, Python checks, engines)
       ─► severity overrides ─► source ranges ─► suppressions ─► sort/dedupe
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from newslint.checks.directives import UNUSED_DIRECTIVE
from newslint.config import Config
from newslint.diagnostics import Applicability, ConfigError, Diagnostic, InputError, Severity
from newslint.document import Document
from newslint.engines.spelling.provider import language_gate
from newslint.isolation import stage
from newslint.registry import (
    CheckContext,
    Provider,
    RuleMeta,
    covering_meta,
    matches_prefix,
    select_rules,
    unknown_prefixes,
)
from newslint.repeats import collapse_repeated_furniture
from newslint.results import FileResult
from newslint.sources import load_document
from newslint.suppressions import Suppressions, parse_directives


def build_providers(config: Config) -> list[Provider]:
    """Every provider for this configuration; heavy engines import lazily."""
    from newslint.engines import engine_providers
    from newslint.packs import PackProvider, shipped_pack_paths
    from newslint.registry import PythonProvider

    packs = [*shipped_pack_paths(), *config.packs]
    # A default selection runs every family: listing the rules by importing
    # them costs nothing extra. A narrower one lists them from the cache.
    selective = config.select is not None
    return [PackProvider(packs), PythonProvider(selective), *engine_providers(config)]


@dataclass
class RuleSet:
    """The providers and selected rule ids for one configuration."""

    config: Config
    providers: list[Provider]
    _active: dict[frozenset[str], list[Provider]] = field(default_factory=dict)

    @cached_property
    def metas(self) -> dict[str, RuleMeta]:
        found: dict[str, RuleMeta] = {}
        for provider in self.providers:
            for meta in provider.rules():
                if meta.id in found:
                    raise ConfigError(
                        f"rule {meta.id} is defined twice ({found[meta.id].origin}; {meta.origin})"
                    )
                found[meta.id] = meta
        if self.config.docs_url:  # the house's own hosted copy of the rule pages
            found = {i: replace(m, docs_url=self.config.docs_url) for i, m in found.items()}
        return found

    @cached_property
    def selected(self) -> frozenset[str]:
        c = self.config
        typos = unknown_prefixes(
            self.metas.values(), [*(c.select or ()), *c.extend_select, *c.ignore]
        )
        if typos:
            where = f"{c.path}: " if c.path else ""
            raise ConfigError(
                f"{where}no rule matches {', '.join(repr(t) for t in typos)} "
                "in select/extend-select/ignore (see 'newslint rules')"
            )
        return select_rules(self.metas.values(), c.select, c.extend_select, c.ignore)

    @cached_property
    def context(self) -> CheckContext:
        return self.config.check_context()

    def active_providers(self, selected: frozenset[str]) -> list[Provider]:
        """Providers with at least one selected rule: an engine whose rules are
        all off is never started (ignoring ``grammar`` never starts LanguageTool)."""
        key = selected
        if key not in self._active:
            self._active[key] = [
                p for p in self.providers if any(m.id in selected for m in p.rules())
            ]
        return self._active[key]

    def accepts(self, rule_id: str, selected: frozenset[str], path: Path) -> bool:
        """Whether a reported id is selected. Ids under a dynamic family meta
        (``grammar.UPPERCASE_SENTENCE_START``) are judged by the same prefixes."""
        if rule_id in selected:
            return True
        meta = covering_meta(rule_id, self.metas)
        if meta is None:
            raise AssertionError(f"a provider reported unregistered rule {rule_id}")
        if meta.id == rule_id or meta.id not in selected:
            return False
        c = self.config
        probe = replace(meta, id=rule_id, dynamic=False)
        ignore = (*c.ignore, *c.ignored_for(path))
        return bool(select_rules([probe], c.select, c.extend_select, ignore))

    def selected_for(self, path: Path) -> frozenset[str]:
        ignored = self.config.ignored_for(path)
        if not ignored:
            return self.selected
        return frozenset(i for i in self.selected if not any(matches_prefix(i, p) for p in ignored))


def _dedupe_and_sort(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """Drop repeats, then sort by position.

    ``diagnostics`` come in provider order (packs, Python checks, engines), so
    when rules of two *families* flag the same text with the same fix (our
    misspelling table and proselint's both correcting "occured"), the first,
    our own, is kept: one typo gives one diagnostic. Within a family every
    rule is kept, so ``--select proselint`` reports exactly what proselint does.
    """
    seen_rule: set[tuple[str, int, int]] = set()
    fix_family: dict[tuple[int, int, str], str] = {}
    kept: list[Diagnostic] = []
    for diag in diagnostics:
        assert diag.range is not None
        where = (diag.range.start.offset, diag.range.end.offset)
        if (diag.rule, *where) in seen_rule:
            continue
        family = diag.rule.split(".", 1)[0]
        if diag.suggestions:
            fix = (*where, diag.suggestions[0].replacement.casefold())
            if fix_family.setdefault(fix, family) != family:
                continue
        seen_rule.add((diag.rule, *where))
        kept.append(diag)
    return sorted(kept, key=lambda d: d.sort_key)


def _unused_directives(
    doc: Document, suppressions: Suppressions, rules: RuleSet
) -> Iterator[Diagnostic]:
    severity = rules.config.severity_for(UNUSED_DIRECTIVE, Severity.INFO)
    if severity is None:
        return
    for directive in suppressions.unused():
        range_ = doc.line_range(directive.line, directive.end_line)
        text = doc.source[range_.start.offset : range_.end.offset]
        yield Diagnostic(
            UNUSED_DIRECTIVE,
            f"'newslint-{directive.body}' suppresses nothing here; remove it",
            0,
            0,
            severity,
            range=range_,
            text=text,
        )


def lint_document(
    doc: Document, rules: RuleSet, path: Path, suppressions: Suppressions, errors: list[str]
) -> list[Diagnostic]:
    """Run the selected rules on a document and return located diagnostics.

    A rule that fails on this document (a user's pack regex that ran out of
    time) is appended to ``errors``; the other rules' findings are kept.
    """
    selected = rules.selected_for(path)
    raw: list[Diagnostic] = []
    context = rules.context
    if doc.language and doc.language != context.language:
        # The article's own declaration (<html lang>, front matter) beats the config.
        context = replace(context, language=doc.language)
    # A document in another language, or a page with no article text, gets one
    # finding saying so, not a flood.
    from newslint.checks.web import furniture_gate

    gate = language_gate(doc, selected) or furniture_gate(doc, selected)
    if gate is not None:
        raw.append(gate)
    for provider in [] if gate else rules.active_providers(selected):
        try:
            raw.extend(provider.check(doc, selected, context))
        except InputError as exc:  # e.g. PackTimeout, which keeps the other rules' findings
            raw.extend(getattr(exc, "diagnostics", ()))
            errors.append(str(exc))

    located: list[Diagnostic] = []
    for diag in raw:
        if not rules.accepts(diag.rule, selected, path):
            continue
        severity = rules.config.severity_for(diag.rule, diag.severity)
        if severity is None:  # severity "off"
            continue
        # A check that reports outside the prose (front matter) gives a source range.
        range_ = diag.range or doc.locate(diag.start, diag.end)
        text = doc.source[range_.start.offset : range_.end.offset]
        if diag.range is None and diag.suggestions and text != doc.text[diag.start : diag.end]:
            diag = _shown_only(diag)
        located.append(diag.located(range_, text).with_severity(severity))

    kept = suppressions.filter(located, doc.source.splitlines())
    if UNUSED_DIRECTIVE in selected:
        kept.extend(_unused_directives(doc, suppressions, rules))
    return collapse_repeated_furniture(_dedupe_and_sort(kept), doc.text)


def _shown_only(diag: Diagnostic) -> Diagnostic:
    """A fix worked out on the prose text is applied to the source only where the
    source says exactly that text: where markup, an entity or a reader's
    normalisation stands between them, writing the fix could damage the file.
    There it is still shown, never applied."""
    shown = tuple(replace(s, applicability=Applicability.DISPLAY) for s in diag.suggestions)
    return replace(diag, suggestions=shown)


def lint_source(
    path: Path,
    display: str,
    source: str,
    rules: RuleSet,
    fmt: str | None = None,
    article_date: dt.date | None = None,
) -> FileResult:
    """Lint already-decoded text; parsing problems become file errors.

    ``article_date`` (``--date``) replaces the date the loader found in the article."""
    try:
        with stage("loading"):
            doc = load_document(display, source, fmt)
    except InputError as exc:
        return FileResult(display, errors=[str(exc)], source=source)
    if article_date is not None:
        doc.article_date = article_date
    with stage("linting"):
        suppressions = parse_directives(doc.directives)
        errors = [f"{display}:{line}: {message}" for line, message in suppressions.errors]
        diagnostics = lint_document(doc, rules, path, suppressions, errors)
    return FileResult(
        display,
        diagnostics,
        errors,
        source,
        words=doc.word_count,
        article_date=doc.article_date,
        title=doc.headline_text,
    )
