"""Long fuzzing runs (issue 11): the properties of benchmarks/fuzzing.py on
N random examples per strategy, without derandomising, so each run explores
new input. A failure prints Hypothesis's shrunk example; add it to
tests/test_fuzz.py REGRESSIONS.

    python benchmarks/fuzz.py --examples 100000 [--strategy unicode|markdown|html] [--seed S]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fuzzing
from hypothesis import HealthCheck, given, seed, settings


def run(name: str, examples: int, chosen_seed: int | None) -> int:
    strategy, formats = fuzzing.STRATEGIES[name]
    clean = 0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def prop(source: str) -> None:
        nonlocal clean
        for fmt in formats:
            fuzzing.check_properties(source, fmt)
        clean += 1

    test = seed(chosen_seed)(prop) if chosen_seed is not None else prop
    test()
    return clean


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=1000, help="examples per strategy")
    parser.add_argument("--strategy", choices=sorted(fuzzing.STRATEGIES), action="append")
    parser.add_argument("--seed", type=int)
    args = parser.parse_args()
    total = 0
    for name in args.strategy or sorted(fuzzing.STRATEGIES):
        started = time.perf_counter()
        clean = run(name, args.examples, args.seed)
        total += clean
        elapsed = time.perf_counter() - started
        print(f"{name:<9} {clean:>9,} examples clean  {elapsed:8.1f} s", flush=True)
    print(f"{'total':<9} {total:>9,} examples clean")


if __name__ == "__main__":
    main()
