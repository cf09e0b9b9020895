#!/usr/bin/env python3
"""Parity of ``newslint check --select proselint`` with ``proselint check`` on news.

Writes the first N articles of the BBC reference corpus as .txt files (title
line, blank line, body) to a temporary directory outside the repository, runs
both real command lines with JSON output and compares every finding as
(file, rule, line, column). Prints the counts per check and any difference;
exits 1 when they differ. Skips (exit 0) when the corpus is absent.

    python benchmarks/proselint_parity.py [-n 300] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from corpus import DEFAULT_BBC, corpus_missing, read_bbc, write_articles

Finding = tuple[str, str, int, int]  # file name, rule, line, column


def clean_env(home: Path) -> dict[str, str]:
    """No user configuration for either tool, no CI-specific output."""
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env.update({"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "NO_COLOR": "1"})
    return env


def proselint_command(folder: Path) -> list[str]:
    return [sys.executable, "-m", "proselint", "check", "-o", "json", str(folder)]


def newslint_command(folder: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "newslint", "check", "--format", "json", "--no-progress",
            *options, str(folder)]  # fmt: skip


def proselint_findings(output: str) -> list[Finding]:
    """Findings from proselint's JSON, as (file, rule, line, column)."""
    found: list[Finding] = []
    for uri, result in json.loads(output)["result"].items():
        if "error" in result:
            raise SystemExit(f"proselint failed on {uri}: {result['error']}")
        for d in result["diagnostics"]:
            found.append((uri.rsplit("/", 1)[1], "proselint." + d["check_path"], *d["pos"]))
    return found


def newslint_findings(output: str) -> list[Finding]:
    return [
        (Path(f["path"]).name, d["rule"], d["range"]["start"]["line"],
         d["range"]["start"]["column"])
        for f in json.loads(output)["files"]
        for d in f["diagnostics"]
    ]  # fmt: skip


def run(command: list[str], cwd: Path) -> str:
    proc = subprocess.run(
        command, cwd=cwd, env=clean_env(cwd), capture_output=True, text=True, encoding="utf-8"
    )
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc.stdout


def report(theirs: Iterable[Finding], ours: Iterable[Finding]) -> bool:
    theirs_set, ours_set = set(theirs), set(ours)
    counts_theirs = Counter(rule for _, rule, _, _ in theirs_set)
    counts_ours = Counter(rule for _, rule, _, _ in ours_set)
    print(f"{'check':<52} {'proselint':>9} {'newslint':>9}")
    for rule, _ in (counts_theirs + counts_ours).most_common():
        print(f"{rule:<52} {counts_theirs[rule]:>9} {counts_ours[rule]:>9}")
    print(f"{'total':<52} {len(theirs_set):>9} {len(ours_set):>9}")
    missing, extra = sorted(theirs_set - ours_set), sorted(ours_set - theirs_set)
    for finding in missing:
        print("only proselint:", *finding)
    for finding in extra:
        print("only newslint: ", *finding)
    return not missing and not extra


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=300, help="articles to write (default 300)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_BBC)
    args = parser.parse_args(argv)
    if corpus_missing(args.corpus):
        return 0
    with tempfile.TemporaryDirectory(prefix="newslint-proselint-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        records = read_bbc(args.corpus, args.n)
        write_articles(records, folder)
        theirs = proselint_findings(run(proselint_command(folder), Path(tmp)))
        ours = newslint_findings(run(newslint_command(folder, "--select", "proselint"), Path(tmp)))
    print(f"{len(records)} articles")
    same = report(theirs, ours)
    print("parity: identical findings" if same else "parity: FINDINGS DIFFER")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
