"""How `newslint report` scales: time and peak memory against result count.

Writes synthetic ``--format jsonl`` results (made-up rule findings on
made-up record ids; no corpus text) of each size to a temporary directory,
runs ``newslint report`` on each in a fresh process, and prints records per
second and the process's peak RSS. Streaming means time grows linearly and
peak RSS stays flat.

    python benchmarks/report_scale.py                       # 1,000 .. 100,000
    python benchmarks/report_scale.py --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RULES = (
    "filler.web-leftover",
    "attribution.vague",
    "spelling.unknown",
    "dates.weekday-mismatch",
    "numbers.total-mismatch",
    "structure.byline-generic",
)


def finding(rule: str, text: str, fix: str | None = None) -> dict:
    return {
        "rule": rule,
        "severity": "info" if rule.startswith("spelling") else "warning",
        "message": f"{rule}: '{text}'",
        "range": {
            "start": {"line": 3, "column": 5, "offset": 40},
            "end": {"line": 3, "column": 9, "offset": 44},
        },
        "text": text,
        "suggestions": [{"replacement": fix, "applicability": "unsafe"}] if fix else [],
        "source": "newslint",
        "url": f"https://example.org/rules/{rule}",
    }


def write_results(path: Path, count: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            found = [
                finding(rng.choice(RULES), f"word{rng.randint(0, 999)}")
                for _ in range(rng.randint(0, 8))
            ]
            if i % 10 == 0:
                found.append(finding("names.inconsistent", f"Smyth{i % 50}", f"Smith{i % 50}"))
            row = {
                "version": 1,
                "path": f"archive.jsonl#{i}",
                "id": str(i),
                "title": f"Record {i}",
                "date": f"{2016 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "words": rng.randint(200, 1200),
                "diagnostics": found,
                "errors": [],
            }
            out.write(json.dumps(row) + "\n")
        summary = {"files": count, "diagnostics": 0, "errors": 0}
        out.write(json.dumps({"version": 1, "tool": {"name": "newslint"}, "summary": summary}))
        out.write("\n")


def measure(results: Path, page: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one `newslint report` process."""
    probe = (
        "import resource, subprocess, sys;"
        "rc = subprocess.call(sys.argv[1:]);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);"
        "sys.exit(rc)"
    )
    command = [sys.executable, "-m", "newslint", "report", str(results), "-o", str(page)]
    print("$", " ".join(command), file=sys.stderr)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True
    )
    seconds = time.perf_counter() - started
    return seconds, int(done.stdout.split()[-1]) / 1024  # ru_maxrss is in KB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    args = parser.parse_args()
    print(f"{'records':>9} {'MB in':>7} {'seconds':>8} {'records/s':>10} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            results = Path(tmp) / f"results-{size}.jsonl"
            write_results(results, size)
            seconds, rss = measure(results, Path(tmp) / f"audit-{size}.html")
            mb_in = results.stat().st_size / 1e6
            print(f"{size:>9,} {mb_in:>7.1f} {seconds:>8.2f} {size / seconds:>10,.0f} {rss:>12.0f}")
            results.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
