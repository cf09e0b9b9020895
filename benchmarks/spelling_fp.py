#!/usr/bin/env python3
"""False-positive rate of the spelling rules on clean professional copy.

Runs ``SpellingProvider`` in-process over the BBC News corpus
(``<repo>/../shared/corpora/news/bbc/bbc_news.jsonl``, research-only: never
copied into the repository) with ``language = "en-GB"``, and prints words,
warnings, warnings per 1,000 words per rule, the most flagged words, the
dictionary load time and the checking time per 1,000 words. It writes
nothing. When the corpus is absent it says so and exits 0.

    python benchmarks/spelling_fp.py [--limit N] [--language en-GB] [--top 30]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from corpus import DEFAULT_BBC, bbc_document, corpus_missing, read_bbc

RULES = ("spelling.unknown", "spelling.variant-mix")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_BBC)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--language", default="en-GB", choices=("en-US", "en-GB"))
    parser.add_argument("--top", type=int, default=30, help="how many flagged words to list")
    args = parser.parse_args(argv)

    if corpus_missing(args.corpus):
        return 0

    from newslint.engines.spelling import lexicon as spelling_lexicon
    from newslint.engines.spelling.provider import MISSPELLED, SpellingProvider
    from newslint.registry import CheckContext

    documents = [bbc_document(r) for r in read_bbc(args.corpus, args.limit)]

    provider = SpellingProvider()
    # spelling.misspelled is selected as in a default run: its words are its own.
    selected = frozenset((*RULES, MISSPELLED))
    ctx = CheckContext(language=args.language)

    began = time.perf_counter()
    spelling_lexicon.lexicon(args.language)
    lexicon_seconds = time.perf_counter() - began

    words = 0
    per_rule: Counter[str] = Counter()
    flagged: Counter[tuple[str, str]] = Counter()
    began = time.perf_counter()
    for doc in documents:
        words += doc.word_count
        for diag in provider.check(doc, selected, ctx):
            per_rule[diag.rule] += 1
            flagged[(diag.rule, doc.text[diag.start : diag.end].lower())] += 1
    check_seconds = time.perf_counter() - began

    total = sum(per_rule.values())
    print(f"articles: {len(documents)}  language: {args.language}")
    print(f"words: {words:,}  warnings: {total}  per 1,000 words: {1000 * total / words:.3f}")
    for rule in RULES:
        rate = 1000 * per_rule[rule] / words
        print(f"  {rule}: {per_rule[rule]} ({rate:.3f} per 1,000 words)")
    load = spelling_lexicon.load_seconds
    print(f"pyspellchecker load: {load:.3f} s; lexicon built in {lexicon_seconds:.3f} s in all")
    print(
        f"check time: {check_seconds:.2f} s, {1000 * check_seconds / words * 1000:.2f} ms "
        "per 1,000 words (dictionary already loaded)"
    )
    print(f"top {args.top} flagged words:")
    for (rule, word), count in flagged.most_common(args.top):
        print(f"  {count:4}  {word}  ({rule})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
