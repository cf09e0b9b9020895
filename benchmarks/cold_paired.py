"""Cold start of this tree against another revision, in interleaved runs.

On a shared or throttled machine the speed of one run drifts by a third
within minutes, so two trees are compared run for run, alternating: each
pair sees the same machine. The other revision is checked out in a temporary
git worktree; each tree gets its own warm cache directory and compiled
bytecode, as after ``pip install`` and a first run.

    python benchmarks/cold_paired.py --base HEAD~3 --runs 20
    python benchmarks/cold_paired.py --base main -- --select dates

Arguments after ``--`` replace ``--ignore grammar`` in the measured command:

    python -m newslint check --format json --no-cache [ARGS] ARTICLE
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import DEFAULT_ARTICLE, REPO_ROOT, run_timed


def _worktree(revision: str, into: Path) -> Path:
    tree = into / "base"
    subprocess.run(
        ["git", "-C", str(REPO_ROOT), "worktree", "add", "--detach", "-f", str(tree), revision],
        check=True,
        capture_output=True,
    )
    return tree


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="revision to compare with (git rev)")
    parser.add_argument("--runs", type=int, default=20, help="runs of each tree (default 20)")
    parser.add_argument("--article", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("selection", nargs="*", help="after --: the selection arguments")
    args = parser.parse_args()
    selection = args.selection or ["--ignore", "grammar"]
    article = str(args.article.resolve())
    command = [sys.executable, "-m", "newslint", "check", "--format", "json", "--no-cache"]
    command += [*selection, article]
    print(f"$ {' '.join(command)}  (NEWSLINT_DAEMON=off, in each tree)")
    with tempfile.TemporaryDirectory(prefix="newslint-paired-") as tmp:
        trees = {args.base: _worktree(args.base, Path(tmp)), "this tree": REPO_ROOT}
        envs = {}
        try:
            for name, tree in trees.items():
                compileall.compile_dir(str(tree / "newslint"), quiet=1)
                cache = Path(tmp) / f"cache-{len(envs)}"
                envs[name] = {
                    **os.environ,
                    "NEWSLINT_DAEMON": "off",
                    "NEWSLINT_CACHE_DIR": str(cache),
                }
                warm = run_timed(command, cwd=tree, env=envs[name])  # builds the caches
                if warm.returncode not in (0, 1):
                    print(f"{name}: the command failed ({warm.returncode})")
                    return 2
            wall: dict[str, list[float]] = {name: [] for name in trees}
            cpu: dict[str, list[float]] = {name: [] for name in trees}
            for _ in range(args.runs):
                for name, tree in trees.items():
                    result = run_timed(command, cwd=tree, env=envs[name])
                    wall[name].append(result.seconds)
                    cpu[name].append(result.cpu_seconds or 0.0)
        finally:
            subprocess.run(
                [
                    "git",
                    "-C",
                    str(REPO_ROOT),
                    "worktree",
                    "remove",
                    "--force",
                    str(trees[args.base]),
                ],
                capture_output=True,
            )
    print(f"{args.runs} runs of each tree, interleaved; load average {os.getloadavg()[0]:.2f}")
    print(f"{'tree':12s} {'wall median':>12s} {'wall min':>9s} {'CPU median':>11s} {'CPU min':>8s}")
    for name in trees:
        print(
            f"{name:12s} {statistics.median(wall[name]):11.3f}s {min(wall[name]):8.3f}s "
            f"{statistics.median(cpu[name]):10.3f}s {min(cpu[name]):7.3f}s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
