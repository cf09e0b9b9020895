#!/usr/bin/env python3
"""Does any rule flood a saved web page? Warnings per rule and per page.

A page with one real problem repeated (a menu of empty headings, a reference list
of quoted titles) should not bury its other findings under dozens of copies. This
lints the DEV pages of the saved-page sets that ``spelling_fresh.py`` reads (local
clones of public repositories, nothing copied into this one; TEST pages are never
read) with the default rules, grammar off, and prints the warnings and errors per
rule with the most any one page drew, then the pages that drew the most.

    python benchmarks/page_floods.py --root /tmp/fresh [--source aeb] [--top 8]

See ``spelling_fresh.py`` for how to clone the sets. Skips (exit 0) when none is there.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

from real_copy_corpus import REPO_ROOT
from spelling_dev import lint
from spelling_fresh import pages

SOURCES = ("aeb", "readability", "newspaper")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("/tmp/fresh"), help="the clones' parent")
    parser.add_argument("--source", action="append", choices=SOURCES)
    parser.add_argument("--top", type=int, default=8, help="rules and pages to list")
    args = parser.parse_args()

    docs = [doc for source in args.source or SOURCES for doc in pages(source, args.root)]
    if not docs:
        print(f"no saved pages under {args.root} (see spelling_fresh.py); skipped")
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="newslint-page-floods-"))
    if workdir.resolve().is_relative_to(REPO_ROOT):
        raise SystemExit("refusing to write page text inside the repository; set TMPDIR")
    try:
        found = lint(docs, workdir, None, None)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    per_rule: Counter[str] = Counter()
    most_on_a_page: Counter[str] = Counter()
    per_page: list[tuple[int, str, Counter[str]]] = []
    for name, diagnostics in found.items():
        rules = Counter(d["rule"] for d in diagnostics if d["severity"] != "info")
        per_rule.update(rules)
        for rule_id, n in rules.items():
            most_on_a_page[rule_id] = max(most_on_a_page[rule_id], n)
        per_page.append((sum(rules.values()), name, rules))
    total = sum(per_rule.values())
    print("$ python -m newslint check --format json --no-progress --no-cache --ignore grammar DIR")
    print(f"{len(docs)} pages, {total} warnings and errors")
    print(f"{'rule':40} {'findings':>8} {'most on a page':>15}")
    for rule_id, n in per_rule.most_common(args.top):
        print(f"{rule_id:40} {n:8} {most_on_a_page[rule_id]:15}")
    print("pages with the most:")
    for n, name, rules in sorted(per_page, key=lambda row: (-row[0], row[1]))[: args.top]:
        top = ", ".join(f"{r} {k}" for r, k in rules.most_common(2))
        print(f"  {n:4}  {name[:60]}  [{top}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
