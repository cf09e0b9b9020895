#!/usr/bin/env python3
"""Speed of newslint's proselint engine against proselint itself, on news.

Writes the first N BBC articles as .txt files to a temporary directory outside
the repository (see proselint_parity.py), then times, best of R runs each:

  proselint check -o json DIR
  newslint check --select proselint --jobs 1 DIR      (same findings, one core)
  newslint check --select proselint DIR               (default jobs)
  newslint check --ignore grammar --jobs 1 DIR        (the default run, one core)
  newslint check --ignore grammar DIR                 (default jobs)
  newslint check --ignore grammar --ignore proselint --jobs 1 DIR  (its share)

and checks that the first two report identical findings. CPU seconds (user +
system of the child) are printed beside wall time: on a busy machine they are
the steadier figure. Skips (exit 0) when the corpus is absent.

    python benchmarks/proselint_speed.py [-n 300] [-r 5] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DEFAULT_BBC, corpus_missing, read_bbc, write_articles
from proselint_parity import (
    clean_env,
    newslint_command,
    newslint_findings,
    proselint_command,
    proselint_findings,
)


def timed(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system) and stdout of one run."""
    before = os.times()
    start = time.perf_counter()
    proc = subprocess.run(
        command, cwd=cwd, env=clean_env(cwd), capture_output=True, text=True, encoding="utf-8"
    )
    wall = time.perf_counter() - start
    after = os.times()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{proc.stderr}")
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu, proc.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=300, help="articles (default 300)")
    parser.add_argument("-r", "--repeat", type=int, default=5, help="runs each (default 5)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_BBC)
    args = parser.parse_args(argv)
    if corpus_missing(args.corpus):
        return 0
    with tempfile.TemporaryDirectory(prefix="newslint-proselint-speed-") as tmp:
        cwd = Path(tmp)
        folder = cwd / "articles"
        folder.mkdir()
        write_articles(read_bbc(args.corpus, args.n), folder)
        commands = {
            "proselint check": proselint_command(folder),
            "newslint --select proselint --jobs 1": newslint_command(
                folder, "--select", "proselint", "--jobs", "1"
            ),
            "newslint --select proselint": newslint_command(folder, "--select", "proselint"),
            "newslint --ignore grammar --jobs 1": newslint_command(
                folder, "--ignore", "grammar", "--jobs", "1"
            ),
            "newslint --ignore grammar": newslint_command(folder, "--ignore", "grammar"),
            # The default run without proselint: the engine's share of the run above.
            "newslint --ignore grammar,proselint -j1": newslint_command(
                folder, "--ignore", "grammar", "--ignore", "proselint", "--jobs", "1"
            ),
        }
        best: dict[str, tuple[float, float]] = {}
        outputs: dict[str, str] = {}
        for _ in range(args.repeat):  # interleaved, so load changes hit every command alike
            for name, command in commands.items():
                wall, cpu, outputs[name] = timed(command, cwd)
                old = best.get(name, (float("inf"), float("inf")))
                best[name] = (min(old[0], wall), min(old[1], cpu))
    theirs = set(proselint_findings(outputs["proselint check"]))
    ours = set(newslint_findings(outputs["newslint --select proselint --jobs 1"]))
    print(f"{args.n} articles, best of {args.repeat} runs, {os.cpu_count()} cores")
    base_wall, base_cpu = best["proselint check"]
    print(f"{'command':<40} {'wall s':>8} {'cpu s':>8} {'x wall':>7} {'x cpu':>7}")
    for name, (wall, cpu) in best.items():
        print(
            f"{name:<40} {wall:>8.2f} {cpu:>8.2f} {base_wall / wall:>7.2f} {base_cpu / cpu:>7.2f}"
        )
    same = theirs == ours
    print(f"findings: proselint {len(theirs)}, newslint {len(ours)}, identical: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
