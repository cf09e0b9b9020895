"""Folding articles into the report's totals, one article at a time.

Memory is bounded by what the report shows, not by how many articles there
are: counters keyed by rule, family, day and name, plus the ``worst``
articles (a heap) with at most ``MAX_KEPT_FINDINGS`` findings each.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
from collections import Counter
from dataclasses import dataclass, field

from newslint.report.records import Article, Finding

# Findings kept per worst article (the count shown is always the full one).
MAX_KEPT_FINDINGS = 200
# Names with spelling variants tracked; past this, new names are only counted.
MAX_NAMES = 20_000
# Articles listed per spelling variant.
MAX_NAME_ARTICLES = 3
# Rules whose findings say "this name is spelled X elsewhere / should be X".
NAME_RULES = frozenset({"names.inconsistent", "names.misspelled", "names.capitalised-typo"})
SEVERITIES = ("error", "warning", "info")


def family_of(rule: str) -> str:
    return rule.split(".", 1)[0]


@dataclass
class DayTotals:
    articles: int = 0
    words: int = 0
    findings: int = 0
    by_family: Counter[str] = field(default_factory=Counter)


@dataclass
class Variant:
    count: int = 0
    articles: list[str] = field(default_factory=list)  # first few paths


@dataclass
class WorstArticle:
    """An article kept for the worst list, with a bounded list of findings."""

    path: str
    title: str | None
    date: dt.date | None
    words: int | None
    findings: int
    serious: int  # errors and warnings
    kept: list[Finding]

    @property
    def rate(self) -> float | None:
        return 1000 * self.findings / self.words if self.words else None

    def rank_key(self) -> tuple[int, int, float]:
        return (self.serious, self.findings, self.rate or 0.0)


@dataclass
class Aggregate:
    worst: int = 25
    articles: int = 0
    articles_with_findings: int = 0
    unreadable: int = 0
    error_samples: list[str] = field(default_factory=list)
    words: int = 0  # words of the articles whose count is known
    without_words: int = 0
    findings: int = 0
    counted_findings: int = 0  # findings in articles with a word count (rate numerator)
    undated: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)
    by_family: Counter[str] = field(default_factory=Counter)
    family_counted: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    rule_articles: Counter[str] = field(default_factory=Counter)
    rule_severity: dict[str, str] = field(default_factory=dict)
    rule_urls: dict[str, str] = field(default_factory=dict)
    by_day: dict[dt.date, DayTotals] = field(default_factory=dict)
    names: dict[str, dict[str, Variant]] = field(default_factory=dict)
    names_overflow: int = 0
    _heap: list[tuple[tuple[int, int, float], int, WorstArticle]] = field(default_factory=list)
    _order: itertools.count[int] = field(default_factory=itertools.count)

    def add(self, article: Article) -> None:
        self.articles += 1
        if article.errors:
            self.unreadable += 1
            if len(self.error_samples) < 20:
                self.error_samples.extend(article.errors[: 20 - len(self.error_samples)])
        findings = article.diagnostics
        if findings:
            self.articles_with_findings += 1
        self.findings += len(findings)
        if article.words is not None:
            self.words += article.words
            self.counted_findings += len(findings)
        else:
            self.without_words += 1
        rules_here: set[str] = set()
        for f in findings:
            family = family_of(f.rule)
            self.by_severity[f.severity] += 1
            self.by_family[family] += 1
            if article.words is not None:
                self.family_counted[family] += 1
            self.by_rule[f.rule] += 1
            rules_here.add(f.rule)
            self.rule_severity.setdefault(f.rule, f.severity)
            if f.url and f.rule not in self.rule_urls:
                self.rule_urls[f.rule] = f.url
            if f.rule in NAME_RULES and f.suggestion and f.text and f.suggestion != f.text:
                self._add_name(f.suggestion, f.text, article.path)
        self.rule_articles.update(rules_here)
        self._add_day(article)
        if findings:
            self._add_worst(article)

    def _add_day(self, article: Article) -> None:
        if article.date is None:
            self.undated += 1
            return
        day = self.by_day.setdefault(article.date, DayTotals())
        day.articles += 1
        day.words += article.words or 0
        day.findings += len(article.diagnostics)
        day.by_family.update(family_of(f.rule) for f in article.diagnostics)

    def _add_name(self, canonical: str, variant: str, path: str) -> None:
        group = self.names.get(canonical)
        if group is None:
            if len(self.names) >= MAX_NAMES:
                self.names_overflow += 1
                return
            group = self.names[canonical] = {}
        entry = group.setdefault(variant, Variant())
        entry.count += 1
        if len(entry.articles) < MAX_NAME_ARTICLES and path not in entry.articles:
            entry.articles.append(path)

    def _add_worst(self, article: Article) -> None:
        if self.worst <= 0:
            return
        serious = sum(1 for f in article.diagnostics if f.severity in ("error", "warning"))
        candidate = WorstArticle(
            path=article.path,
            title=article.title,
            date=article.date,
            words=article.words,
            findings=len(article.diagnostics),
            serious=serious,
            kept=[],
        )
        key = candidate.rank_key()
        if len(self._heap) >= self.worst and key <= self._heap[0][0]:
            return  # not worse than the best of the kept: copy nothing
        candidate.kept = article.diagnostics[:MAX_KEPT_FINDINGS]
        entry = (key, -next(self._order), candidate)  # earlier articles win ties
        if len(self._heap) < self.worst:
            heapq.heappush(self._heap, entry)
        else:
            heapq.heapreplace(self._heap, entry)

    # -- what the page reads ---------------------------------------------------

    def worst_articles(self) -> list[WorstArticle]:
        return [entry[2] for entry in sorted(self._heap, key=lambda e: (e[0], e[1]), reverse=True)]

    def per_thousand(self, count: int, words: int | None = None) -> float:
        words = self.words if words is None else words
        return 1000 * count / words if words else 0.0

    def family_rates(self) -> list[tuple[str, int, float]]:
        """(family, findings, findings per 1,000 words), highest rate first."""
        rows = [
            (fam, n, self.per_thousand(self.family_counted[fam]))
            for fam, n in self.by_family.items()
        ]
        return sorted(rows, key=lambda r: (-r[2], -r[1], r[0]))

    def top_rules(self, limit: int = 20) -> list[tuple[str, int]]:
        return sorted(self.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

    def name_groups(self) -> list[tuple[str, list[tuple[str, Variant]]]]:
        """Canonical spelling and its variants, the most frequent slips first."""
        groups = [
            (canonical, sorted(variants.items(), key=lambda kv: (-kv[1].count, kv[0])))
            for canonical, variants in self.names.items()
        ]
        return sorted(groups, key=lambda g: (-sum(v.count for _, v in g[1]), g[0]))
