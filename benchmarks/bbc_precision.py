"""False positives of the default rule set on clean professional copy.

Writes the first N BBC articles of ../shared/corpora/news/bbc/bbc_news.jsonl
(read-only, research use; nothing is copied into the repository) as .txt
files into a temporary directory, runs the real CLI with --format json and
reports warnings-or-errors per 1,000 words per family, with the most
frequently flagged texts of each family: on edited copy every finding is a
false positive until proven otherwise.

    python benchmarks/bbc_precision.py --articles 300
    python benchmarks/bbc_precision.py --select names,dates --language en-GB
    python benchmarks/bbc_precision.py --split dev --articles 2225   # tune on DEV only
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from corpus import DEFAULT_BBC, REPO_ROOT, corpus_missing, read_bbc, write_articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_BBC)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--language", default="en-GB")
    parser.add_argument("--select", help="rule prefixes (default: the default set)")
    parser.add_argument("--ignore", default="grammar", help="default: grammar")
    parser.add_argument("--top", type=int, default=8, help="flagged texts shown per family")
    parser.add_argument("--include-info", action="store_true", help="count info findings too")
    parser.add_argument(
        "--split",
        choices=("all", "dev"),
        default="all",
        help="dev: only the DEV-split articles of BBC (see real_copy_corpus.split)",
    )
    args = parser.parse_args()

    if corpus_missing(args.corpus):
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="newslint-precision-"))
    try:
        records = read_bbc(args.corpus, None if args.split == "dev" else args.articles)
        if args.split == "dev":
            from real_copy_corpus import split

            records = [r for r in records if split("bbc", str(r["id"])) == "dev"][: args.articles]
        words = write_articles(records, workdir)
        command = [
            sys.executable,
            "-m",
            "newslint",
            "check",
            "--format",
            "json",
            "--language",
            args.language,
            "--no-progress",
        ]
        if args.select:
            command += ["--select", args.select]
        if args.ignore:
            command += ["--ignore", args.ignore]
        command.append(str(workdir))
        started = time.perf_counter()
        proc = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT)
        elapsed = time.perf_counter() - started
        if proc.returncode >= 2 and not proc.stdout:
            print(proc.stderr)
            return 1
        report = json.loads(proc.stdout)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    counted = {"error", "warning"} | ({"info"} if args.include_info else set())
    per_family: Counter[str] = Counter()
    per_rule: Counter[str] = Counter()
    texts: dict[str, Counter[str]] = defaultdict(Counter)
    infos = 0
    for file in report["files"]:
        for diag in file["diagnostics"]:
            if diag["severity"] not in counted:
                infos += 1
                continue
            family = diag["rule"].split(".", 1)[0]
            per_family[family] += 1
            per_rule[diag["rule"]] += 1
            texts[family][f"{diag['rule']}: {diag['text'][:60]!r}"] += 1

    shown = " ".join([*command[:-1], "<dir>"])
    total = sum(per_family.values())
    print(f"$ {shown}")
    print(
        f"{len(records)} {args.split} articles, {words:,} words, {elapsed:.1f}s, "
        f"file errors: {report['summary']['errors']}"
    )
    level = "warnings, errors and infos" if args.include_info else "warnings and errors"
    print(
        f"{level}: {total} = {1000 * total / words:.2f} per 1,000 words"
        f" (info findings not counted: {infos})"
    )
    for family, count in per_family.most_common():
        print(f"\n{family}: {count} ({1000 * count / words:.2f} per 1,000 words)")
        for text, n in texts[family].most_common(args.top):
            print(f"  {n:4}  {text}")
    print("\nper rule:")
    for rule, count in per_rule.most_common():
        print(f"  {count:4}  {rule}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
