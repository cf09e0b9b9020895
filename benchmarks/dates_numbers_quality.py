#!/usr/bin/env python3
"""Quality and cost of the ``dates.*`` and ``numbers.*`` rules on real copy.

1. False positives: the rules over clean BBC articles (professionally edited),
   as findings per 1,000 words, with the most frequent findings listed.
   ``--date`` gives every article a date so the year-less checks run too.
2. Recall: one wrong weekday planted per article, in memory, in one of several
   date formats; a hit is a ``dates.weekday-mismatch`` at the exact weekday span.
3. Comparisons (dev split only): every figure comparison the
   ``numbers.comparison-mismatch`` analysis can check in dev BBC copy is counted, and
   one figure of each comparison that holds is altered in memory so that it fails
   (the compared figure scaled x0.4 or x2.5, or the change from A to B tripled or
   reversed); a hit is a finding overlapping the comparison. Findings of the two
   new rules on unaltered dev copy are listed for judging by hand.
4. Speed: the default run (grammar ignored) with and without these families,
   per 1,000 words, in-process.

The corpus is research-only and is never written into the repository; when it
is absent this script says so and exits 0.

    python benchmarks/dates_numbers_quality.py [--articles N] [--date 2005-03-01] [--show 15]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from corpus import DEFAULT_BBC, REPO_ROOT, article_text, corpus_missing, read_bbc

FAMILIES = ("dates", "numbers")

# Weekday-date forms planted for recall; {wd} {Month} {Mon} {d} {y} are filled in.
FORMS = (
    ("us", "on {wd}, {Month} {d}, {y}", True),
    ("uk", "on {wd} {d} {Month} {y}", True),
    ("uk-comma", "on {wd}, {d} {Month} {y}", True),
    ("ap", "on {wd}, {Mon} {d}", False),
    ("ordinal-uk", "on {wd} {d}{th} {Month}", False),
    ("ordinal-us", "on {wd}, {Month} {d}{th}", False),
    ("bracket", "on {wd} ({Mon} {d})", False),
    ("of", "on {wd} the {d}{th} of {Month} {y}", True),
)
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.")
AP_MONTHS += ("Nov.", "Dec.")


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def make_rules(select: tuple[str, ...] | None, ignore: tuple[str, ...] = ()):
    from newslint.config import CliOverrides, ConfigResolver
    from newslint.engine import RuleSet, build_providers

    tmp = Path(tempfile.mkdtemp())  # no config discovery from the repository
    config = ConfigResolver(None, CliOverrides(select=select, ignore=ignore)).for_path(
        tmp / "a.txt"
    )
    return RuleSet(config, build_providers(config)), tmp / "a.txt"


def lint(text: str, rules, path: Path, date: dt.date | None):
    from newslint.engine import lint_document
    from newslint.sources import load_document
    from newslint.suppressions import parse_directives

    doc = load_document("a.txt", text)
    if date is not None:
        doc.article_date = date
    return doc, lint_document(doc, rules, path, parse_directives(doc.directives), [])


def false_positives(articles, date: dt.date | None, show: int) -> None:
    rules, path = make_rules(FAMILIES)
    words = 0
    found: list[tuple[str, str, str]] = []
    for ident, text in articles:
        doc, diags = lint(text, rules, path, date)
        words += doc.word_count
        for d in diags:
            context = doc.text[max(0, d.start - 50) : d.end + 50].replace("\n", " ")
            found.append((d.rule, ident, f"{d.message} | …{context}…"))
    rate = 1000 * len(found) / max(1, words)
    print(f"\n== false positives on clean copy (article date: {date or 'none'}) ==")
    print(f"articles {len(articles)}, words {words:,}, findings {len(found)}")
    print(f"per 1,000 words: {rate:.3f}")
    for rule_id, count in Counter(r for r, _, _ in found).most_common():
        print(f"  {rule_id}: {count}")
    for rule_id, ident, detail in found[:show]:
        print(f"  - {rule_id} {ident}: {detail}")


def recall(articles, seed: int) -> None:
    from newslint.analysis.dates import MONTH_NAMES, WEEKDAY_NAMES

    rules, path = make_rules(("dates.weekday-mismatch",))
    rng = random.Random(seed)
    hits: Counter[str] = Counter()
    tries: Counter[str] = Counter()
    misses: list[str] = []
    for index, (ident, text) in enumerate(articles):
        name, form, has_year = FORMS[index % len(FORMS)]
        article_date = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(365))
        date = article_date - dt.timedelta(days=rng.randrange(1, 60))
        wrong = (date.weekday() + rng.randrange(1, 7)) % 7
        expr = form.format(
            wd=WEEKDAY_NAMES[wrong],
            Month=MONTH_NAMES[date.month - 1],
            Mon=AP_MONTHS[date.month - 1],
            d=date.day,
            th=_ordinal(date.day),
            y=date.year,
        )
        sentence = f" The hearing was adjourned {expr}, a court official said."
        paragraphs = text.split("\n")
        body = [i for i, p in enumerate(paragraphs) if p.strip() and i > 1]
        if not body:
            continue
        target = rng.choice(body)
        offset = sum(len(p) + 1 for p in paragraphs[:target]) + len(paragraphs[target])
        planted = text[:offset] + sentence + text[offset:]
        start = offset + sentence.index(WEEKDAY_NAMES[wrong])
        tries[name] += 1
        _, diags = lint(planted, rules, path, None if has_year else article_date)
        if any(d.range and d.range.start.offset == start for d in diags):
            hits[name] += 1
        else:
            misses.append(f"{ident} [{name}] {expr}")
    total_hits, total = sum(hits.values()), sum(tries.values())
    print("\n== recall: one wrong weekday planted per article ==")
    print(
        f"found at the exact span: {total_hits}/{total} = {100 * total_hits / max(1, total):.1f}%"
    )
    for name, _, _ in FORMS:
        print(f"  {name}: {hits[name]}/{tries[name]}")
    for miss in misses[:10]:
        print(f"  missed: {miss}")


def totals_recall(articles) -> None:
    """Breakdowns that add up in real copy, with the total changed by one in memory."""
    from newslint.checks.numbers import breakdowns
    from newslint.sources import load_document

    rules, path = make_rules(("numbers.total-mismatch",))
    seen = hits = 0
    for ident, text in articles:
        doc = load_document("a.txt", text)
        for found in breakdowns(doc):
            if found.sum != found.total.value or found.total.spelled or found.total.money:
                continue
            # Prose offsets equal source offsets for plain text without markup.
            start, end = found.total.span
            planted = text[:start] + str(int(found.total.value) + 1) + text[end:]
            seen += 1
            _, diags = lint(planted, rules, path, None)
            if any(d.range and d.range.start.offset == start for d in diags):
                hits += 1
            else:
                print(f"  missed: {ident}: {planted[start : found.span.end + 1]!r}")
    print("\n== recall: totals that added up, changed by one ==")
    print(f"breakdowns found in clean copy: {seen}; caught after the change: {hits}")


def is_dev(source: str, ident: str) -> bool:
    """The fixed DEV/TEST split of BRIEF.md: TEST iff sha1("S:D") % 5 < 2."""
    return int(hashlib.sha1(f"{source}:{ident}".encode()).hexdigest(), 16) % 5 >= 2


def _altered(text: str, figure, factor: float) -> str:
    """``figure`` multiplied by ``factor``, written like the original ("1.2" -> "3.0")."""
    start = figure.span.start + (1 if text[figure.span.start] in "$£€" else 0)
    end = start + len(figure.text)
    raw = float(figure.text.replace(",", "")) if figure.text[0].isdigit() else None
    if raw is None:
        from newslint.analysis.numbers import parse_number

        raw = parse_number(figure.text) or 0.0
    value = raw * factor
    decimals = len(figure.text.split(".")[1]) if "." in figure.text else 0
    written = f"{value:,.{decimals}f}" if "," in figure.text else f"{value:.{decimals}f}"
    if not decimals and round(value) == raw:
        written = str(int(raw) + 1)
    return text[:start] + written + text[end:]


def comparisons_recall(articles, date: dt.date) -> None:
    """Comparisons in dev copy that hold, each broken by altering one figure."""
    from newslint.analysis.comparisons import comparisons
    from newslint.checks.numbers import _sentences
    from newslint.sources import load_document

    rules, path = make_rules(("numbers.comparison-mismatch", "numbers.anniversary-mismatch"))
    checked = holding = hits = quoted = 0
    flagged: list[str] = []
    for ident, text in articles:
        doc, diags = lint(text, rules, path, date)
        for d in diags:
            context = doc.text[max(0, d.start - 80) : d.end + 40].replace("\n", " ")
            flagged.append(f"{d.rule} {ident}: {d.message} | …{context}…")
        doc = load_document("a.txt", text)
        for para in doc.body:
            previous = None
            for sentence in _sentences(doc.text, para):
                for found in comparisons(doc.text, sentence, previous):
                    checked += 1
                    if not found.holds or found.figures[0].span.start < sentence.start:
                        continue
                    if doc.in_quotation(found.span):
                        quoted += 1  # the rule leaves quotations alone by design
                        continue
                    holding += 1
                    first, second = found.figures
                    if found.message == "direction":  # "rose from A to B": reverse it
                        up = second.value > first.value
                        planted = _altered(
                            text, second, (0.5 if up else 2) * first.value / second.value
                        )
                    elif " to " in found.message:  # change A -> B: triple the change
                        factor = (3 * second.value - 2 * first.value) / second.value
                        planted = _altered(text, second, factor if factor > 0 else 0.1)
                    else:  # A = k x B: scale A out of reach of the relation
                        hedged = re.search(r"not (?:less than|under|fewer than)", found.message)
                        planted = _altered(text, first, 2.5 if hedged else 0.4)
                    _, after = lint(planted, rules, path, None)
                    if any(
                        d.rule == "numbers.comparison-mismatch"
                        and d.range
                        and d.range.start.offset < found.span.end
                        and d.range.end.offset > found.span.start
                        for d in after
                    ):
                        hits += 1
                    else:
                        missed = text[found.span.start : found.span.end]
                        print(f"  missed after altering: {ident}: {missed!r}")
                previous = sentence
    anniversary_recall(articles, date, rules, path)
    print("\n== comparisons in dev copy (numbers.comparison-mismatch) ==")
    print(
        f"dev articles {len(articles)}; comparisons checked {checked}, holding {holding} "
        f"outside quotations ({quoted} more inside)"
    )
    print(f"one figure altered so the comparison fails: found {hits}/{holding}")
    print(f"findings of the new rules on unaltered dev copy (article date {date}): {len(flagged)}")
    for line in flagged:
        print(f"  - {line}")


def anniversary_recall(articles, date: dt.date, rules, path) -> None:
    """Elapsed-years statements whose event year the story gives, with the count
    changed by three in memory (digits only)."""
    from newslint.analysis.elapsed import statements
    from newslint.checks.numbers import _event_year, _sentences
    from newslint.sources import load_document

    resolved = tried = hits = 0
    for _ident, text in articles:
        doc = load_document("a.txt", text)
        for para in doc.body:
            for sentence in _sentences(doc.text, para):
                for m, years, head in statements(doc.text, sentence):
                    if _event_year(doc.text, sentence, m, head) is None:
                        continue
                    resolved += 1
                    digits = re.search(r"\d+", m.group())
                    if digits is None:
                        continue
                    tried += 1
                    start = m.start() + digits.start()
                    planted = text[:start] + str(years + 3) + text[m.start() + digits.end() :]
                    _, after = lint(planted, rules, path, date)
                    hits += any(d.rule == "numbers.anniversary-mismatch" for d in after)
    print("\n== elapsed years in dev copy (numbers.anniversary-mismatch) ==")
    print(f"statements whose event year the story gives: {resolved}")
    print(f"count changed by three: found {hits}/{tried}")


def speed(articles, repeat: int) -> None:
    full, path = make_rules(None, ("grammar",))
    without, _ = make_rules(None, ("grammar", *FAMILIES))
    only, _ = make_rules(FAMILIES)
    words = sum(len(t.split()) for _, t in articles)
    print("\n== speed, in-process, ms per 1,000 words (best of runs) ==")
    timings = {}
    for rules in (full, without):
        lint(articles[0][1], rules, path, None)  # warm caches
    for label, rules in (
        ("default", full),
        ("default minus dates/numbers", without),
        ("dates+numbers only", only),
    ):
        best = float("inf")
        for _ in range(repeat):
            began = time.perf_counter()
            for _, text in articles:
                lint(text, rules, path, dt.date(2005, 3, 1))
            best = min(best, time.perf_counter() - began)
        timings[label] = 1000 * best / words * 1000
        print(f"  {label}: {timings[label]:.2f}")
    base = timings["default minus dates/numbers"]
    print(f"  added by dates+numbers: {100 * (timings['default'] - base) / base:.1f}%")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_BBC)
    parser.add_argument("--articles", type=int, default=2225)
    parser.add_argument("--date", type=dt.date.fromisoformat, help="article date for FP runs")
    parser.add_argument("--show", type=int, default=15, help="false positives to print")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--speed-articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args(argv)
    if corpus_missing(args.corpus):
        return 0
    sys.path.insert(0, str(REPO_ROOT))
    articles = [(r["id"], article_text(r)) for r in read_bbc(args.corpus, args.articles)]
    false_positives(articles, None, args.show)
    false_positives(articles, args.date or dt.date(2005, 3, 1), args.show)
    recall(articles, args.seed)
    totals_recall(articles)
    dev = [(ident, text) for ident, text in articles if is_dev("bbc", ident)]
    comparisons_recall(dev, args.date or dt.date(2005, 3, 1))
    if not args.skip_speed:
        speed(articles[: args.speed_articles], args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
