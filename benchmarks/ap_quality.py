#!/usr/bin/env python3
"""How often each AP style rule fires on BBC News copy, for information.

BBC copy is British and not written to AP style, so most findings are real
AP differences ("per cent", "Mr Smith", "6 January"). The point is to spot
rules that fire on things that are *not* AP violations at all: read the most
flagged texts per rule. Runs the full engine in-process over
``<repo>/../shared/corpora/news/bbc/bbc_news.jsonl`` (research-only: never
copied into the repository) with ``--select ap``; writes nothing. When the
corpus is absent it says so and exits 0.

    python benchmarks/ap_quality.py [--limit N] [--top 8] [--rule ap.serial-comma]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from corpus import DEFAULT_BBC, article_text, corpus_missing, read_bbc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_BBC)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--top", type=int, default=8, help="flagged texts to list per rule")
    parser.add_argument("--rule", default="ap", help="rule id or prefix to select")
    args = parser.parse_args(argv)

    if corpus_missing(args.corpus):
        return 0

    from newslint.config import CliOverrides, ConfigResolver
    from newslint.engine import RuleSet, build_providers, lint_source

    records = read_bbc(args.corpus, args.limit)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        config = ConfigResolver(None, CliOverrides(select=(args.rule,))).for_path(path)
        rules = RuleSet(config, build_providers(config))
        words = 0
        per_rule: Counter[str] = Counter()
        docs_per_rule: Counter[str] = Counter()
        texts: dict[str, Counter[str]] = defaultdict(Counter)
        began = time.perf_counter()
        for record in records:
            source = article_text(record)
            words += len(source.split())
            result = lint_source(path, path.name, source, rules)
            seen: set[str] = set()
            for diag in result.diagnostics:
                per_rule[diag.rule] += 1
                texts[diag.rule][diag.text] += 1
                seen.add(diag.rule)
            docs_per_rule.update(seen)
        seconds = time.perf_counter() - began

    total = sum(per_rule.values())
    print(f"articles: {len(records)}  words: {words:,}  findings: {total}")
    print(f"time: {seconds:.2f} s ({1000 * seconds / max(words, 1) * 1000:.2f} ms per 1,000 words)")
    print(f"{'rule':32} {'findings':>8} {'/1k words':>9} {'articles':>8}")
    for rule_id in sorted(rules.metas):
        if not rule_id.startswith(args.rule):
            continue
        count = per_rule[rule_id]
        rate = 1000 * count / max(words, 1)
        print(f"{rule_id:32} {count:8} {rate:9.3f} {docs_per_rule[rule_id]:8}")
    for rule_id, counter in sorted(texts.items()):
        listed = ", ".join(f"{text!r}×{n}" for text, n in counter.most_common(args.top))
        print(f"\n{rule_id}: {listed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
