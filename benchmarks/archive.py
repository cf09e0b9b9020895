"""Archive throughput, client memory, the warm cache and scaling.

The BBC News corpus (../shared/corpora/news/bbc/bbc_news.jsonl, read at run
time, never copied into the repository) is repeated with new ids up to N
records and written to a temporary directory outside the repository, as one
JSON Lines archive and (for the baseline) as N .txt files. Then, each as a
real ``newslint`` command with ``--ignore grammar``:

- files:   ``newslint check DIR --format json --jobs J --no-cache`` (today's runner)
- archive: ``newslint check A.jsonl --format jsonl --jobs J --no-cache``
- dask:    the same with ``--dask local`` (J worker processes)
- cache:   the archive twice with an empty NEWSLINT_CACHE_DIR: cold, then warm
- scaling: the archive alone at each ``--scaling`` size

Client peak RSS is the newslint process's own VmHWM (read from /proc while it
runs), not its worker processes'.

    python benchmarks/archive.py --records 1000
    python benchmarks/archive.py --records 100000 --scaling 1000,10000,100000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from corpus import DEFAULT_BBC, REPO_ROOT, article_text, corpus_missing, iter_bbc


def repeated(path: Path, count: int):
    """``count`` records: the corpus over and over, each copy with new ids."""
    base = list(iter_bbc(path))
    for index, record in enumerate(islice(cycle(base), count)):
        copy = index // len(base)
        yield {**record, "id": f"{record['id']}~{copy}"}


def write_archive(records, path: Path) -> int:
    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            row = {"id": record["id"], "title": record["title"], "body": record["body"]}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            words += len(article_text(record).split())
    return words


def write_files(records, directory: Path) -> None:
    directory.mkdir()
    for index, record in enumerate(records):
        (directory / f"{index:06d}.txt").write_text(article_text(record), encoding="utf-8")


def run(command: list[str], env: dict[str, str] | None = None) -> dict:
    """Run a newslint command: wall time, CPU time (user + system of the process
    and the workers it waited for: the steadier figure on a shared machine), the
    process's own peak RSS, the load average before it, and the exit code."""
    print("  $", " ".join(command[2:]), flush=True)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )
    peak_kib = 0
    status = Path(f"/proc/{proc.pid}/status")
    while True:
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak_kib = max(peak_kib, int(line.split()[1]))
        except (OSError, ValueError):
            pass
        pid, exit_status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(0.05)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(exit_status)
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        print(stderr[-2000:])
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mib": peak_kib / 1024,
        "code": proc.returncode,
        "load_before": load_before,
    }


def newslint(*args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "newslint",
        "check",
        "--ignore",
        "grammar",
        "--no-progress",
        *args,
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_BBC)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--scaling", default="", help="comma-separated sizes, e.g. 1000,10000")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--no-files", action="store_true", help="skip the file-runner baseline")
    parser.add_argument("--no-cache-runs", action="store_true", help="skip the cold and warm runs")
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    # In-process runs, each paying its own start-up (no warm daemon).
    os.environ["NEWSLINT_DAEMON"] = "off"
    if corpus_missing(args.corpus):
        return 0
    work = Path(tempfile.mkdtemp(prefix="newslint-archive-bench-"))
    if work.resolve().is_relative_to(REPO_ROOT):
        raise SystemExit("refusing to write corpus text inside the repository; set TMPDIR")
    jobs = str(args.jobs)
    figures: dict = {"records": args.records, "jobs": args.jobs}
    try:
        archive = work / "archive.jsonl"
        words = write_archive(repeated(args.corpus, args.records), archive)
        figures["words"] = words
        print(f"{args.records:,} records, {words:,} words, jobs {jobs}")
        if not args.no_files:
            write_files(repeated(args.corpus, args.records), work / "files")
            r = run(newslint("--format", "json", "-j", jobs, "--no-cache", str(work / "files")))
            figures["files"] = r
            shutil.rmtree(work / "files")
        figures["archive"] = run(
            newslint("--format", "jsonl", "-j", jobs, "--no-cache", str(archive))
        )
        if not args.no_dask:
            figures["dask"] = run(
                newslint(
                    "--format", "jsonl", "-j", jobs, "--no-cache", "--dask", "local", str(archive)
                )
            )
        if not args.no_cache_runs:
            cache_env = {"NEWSLINT_CACHE_DIR": str(work / "cache")}
            cached = newslint("--format", "jsonl", "-j", jobs, str(archive))
            figures["cold"] = run(cached, cache_env)
            figures["warm"] = run(cached, cache_env)
        scaling = {}
        for size in [int(s) for s in args.scaling.split(",") if s.strip()]:
            part = work / f"scale-{size}.jsonl"
            write_archive(repeated(args.corpus, size), part)
            scaling[size] = run(newslint("--format", "jsonl", "-j", jobs, "--no-cache", str(part)))
            scaling[size]["records_per_s"] = size / scaling[size]["wall"]
            part.unlink()
        figures["scaling"] = scaling
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(figures)
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(figures, indent=2))
    return 0


def report(f: dict) -> None:
    n = f["records"]
    head = f"{'run':<10}{'wall s':>9}{'cpu s':>9}{'records/s':>11}{'client MiB':>12}{'load':>6}"
    print(f"\n{head}  files/this: wall  cpu")
    base = f.get("files")
    for name in ("files", "archive", "dask", "cold", "warm"):
        if name not in f:
            continue
        r = f[name]
        ratio = "-"
        if base:
            cpu = f"{base['cpu'] / r['cpu']:.0%}" if r.get("cpu") and base.get("cpu") else "-"
            ratio = f"{base['wall'] / r['wall']:.0%}  {cpu}"
        cpu_s, load = r.get("cpu", float("nan")), r.get("load_before", float("nan"))
        print(
            f"{name:<10}{r['wall']:>9.1f}{cpu_s:>9.1f}"
            f"{n / r['wall']:>11.1f}{r['peak_mib']:>12.0f}{load:>6.1f}  {ratio}"
        )
    if "cold" in f and "warm" in f:
        print(f"warm cache: {f['warm']['wall'] / f['cold']['wall']:.1%} of the cold run's time")
    for size, r in f.get("scaling", {}).items():
        print(f"scaling {size:>8,}: {r['wall']:8.1f} s  {r['records_per_s']:8.1f} records/s  "
              f"client {r['peak_mib']:.0f} MiB")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
