#!/usr/bin/env python3
"""Benchmark newslint from the outside, the way users run it.

Two measurements, both of the real command line as subprocesses:

1. cold start: `newslint check --format json ARTICLE`, run N times;
2. directory run: the first N articles of the BBC reference corpus written as
   .txt files to a temporary directory outside the repository, then
   `newslint check --format json --jobs J DIR`.

The corpus is research-only and never enters the repository; when it is
absent the directory run is skipped and the script still exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from corpus import DEFAULT_BBC, REPO_ROOT, missing_message, read_bbc, write_articles

try:  # POSIX only; memory figures are simply omitted elsewhere.
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

DEFAULT_ARTICLE = REPO_ROOT / "examples" / "clean-central-bank-rates.md"
DEFAULT_IGNORE = ["grammar"]  # never start the LanguageTool server unless asked


@dataclass
class RunResult:
    """One subprocess invocation: its timing, exit status and peak memory."""

    seconds: float
    returncode: int
    maxrss_kib: int | None
    stdout: str
    stderr: str
    cpu_seconds: float | None = None  # user + system of the child and what it waited for


@dataclass
class CorpusRun:
    jobs: int
    command: list[str]
    seconds: list[float] = field(default_factory=list)
    peak_rss_mib: float | None = None
    returncodes: list[int] = field(default_factory=list)
    diagnostics: int | None = None
    file_errors: int | None = None
    top_rules: list[tuple[str, int]] = field(default_factory=list)
    error: str | None = None


def newslint_command(override: str | None) -> list[str]:
    """The command that starts newslint: --newslint, the console script, or -m."""
    if override:
        return shlex.split(override)
    script = shutil.which("newslint")
    return [script] if script else [sys.executable, "-m", "newslint"]


def selection_args(select: Sequence[str] | None, ignore: Sequence[str] | None) -> list[str]:
    """Pass --select/--ignore through verbatim; an empty --ignore '' drops the default."""
    args: list[str] = []
    for value in select or []:
        if value:
            args += ["--select", value]
    for value in DEFAULT_IGNORE if ignore is None else ignore:
        if value:
            args += ["--ignore", value]
    return args


def _rss_kib(ru_maxrss: int) -> int:
    # Linux reports kilobytes, macOS bytes.
    return ru_maxrss // 1024 if sys.platform == "darwin" else ru_maxrss


def run_timed(
    command: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> RunResult:
    """Run one command and measure wall time, CPU time and that child's own peak RSS.

    os.wait4 gives the rusage of exactly this child (including any worker
    processes it waited for), so earlier runs do not mask later ones the way
    the cumulative RUSAGE_CHILDREN maximum would.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(command), stdout=out, stderr=err, cwd=cwd, env=env)
        maxrss: int | None = None
        cpu: float | None = None
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            maxrss = _rss_kib(usage.ru_maxrss)
            cpu = usage.ru_utime + usage.ru_stime
        else:  # pragma: no cover - platforms without wait4
            proc.wait()
            seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return RunResult(
            seconds=seconds,
            returncode=proc.returncode,
            maxrss_kib=maxrss,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            cpu_seconds=cpu,
        )


def children_maxrss_mib() -> float | None:
    """Largest single child process so far (not the sum of a process tree)."""
    if resource is None:
        return None
    return _rss_kib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def summarize_json(stdout: str, top: int) -> tuple[int, int, list[tuple[str, int]]]:
    """Read the JSON contract: (diagnostics, file errors, most frequent rules)."""
    report: dict[str, Any] = json.loads(stdout)
    rules: Counter[str] = Counter()
    errors = 0
    for entry in report.get("files", []):
        errors += len(entry.get("errors", []))
        rules.update(diag.get("rule", "?") for diag in entry.get("diagnostics", []))
    return sum(rules.values()), errors, rules.most_common(top)


def describe_failure(result: RunResult) -> str:
    tail = (result.stderr.strip() or result.stdout.strip())[-600:]
    return f"exit {result.returncode}: {tail}"


def bench_cold(base: list[str], article: Path, runs: int, selection: list[str]) -> dict[str, Any]:
    # As after `pip install`: bytecode compiled (PYTHONDONTWRITEBYTECODE would
    # otherwise make every run compile the modules it imports).
    import compileall

    compileall.compile_dir(str(REPO_ROOT / "newslint"), quiet=1)
    command = [*base, "check", "--format", "json", "--no-cache", *selection, str(article)]
    print(f"\n== cold start: {runs} runs\n$ {shlex.join(command)}", flush=True)
    results = [run_timed(command) for _ in range(runs)]
    # Exit 1 only means findings; 2 (or anything else) means the run failed.
    failed = [r for r in results if r.returncode not in (0, 1)]
    times = [r.seconds for r in results]
    # CPU time (user + sys) of the process: on a shared machine, wall time also
    # measures the neighbours; CPU time mostly measures newslint.
    cpu = [r.cpu_seconds for r in results if r.cpu_seconds is not None]
    summary: dict[str, Any] = {
        "command": command,
        "runs": runs,
        "min_s": min(times),
        "median_s": statistics.median(times),
        "max_s": max(times),
        "cpu_min_s": min(cpu) if cpu else None,
        "cpu_median_s": statistics.median(cpu) if cpu else None,
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "peak_rss_mib": max((r.maxrss_kib or 0) for r in results) / 1024 or None,
        "failures": len(failed),
    }
    if failed:
        summary["error"] = describe_failure(failed[0])
    else:
        try:
            summary["diagnostics"] = summarize_json(results[-1].stdout, 5)[0]
        except (json.JSONDecodeError, AttributeError, TypeError) as exc:
            summary["error"] = f"output is not the JSON contract: {exc}"
    print(
        f"   min {summary['min_s']:.3f}s  median {summary['median_s']:.3f}s  "
        f"max {summary['max_s']:.3f}s  peak RSS {_fmt_mib(summary['peak_rss_mib'])}"
    )
    if cpu:
        print(
            f"   CPU (user+sys): min {summary['cpu_min_s']:.3f}s  "
            f"median {summary['cpu_median_s']:.3f}s  "
            f"(load average {summary['load_average']:.2f} after the runs)"
        )
    if "error" in summary:
        print(f"   FAILED: {summary['error']}")
        return summary
    summary["floor"] = cold_floor(runs)
    summary["imports"] = import_times(command[len(base) :])
    summary["profile"] = profile_top(command[len(base) :])
    summary["daemon"] = bench_daemon(base, command, runs, results[-1].stdout)
    return summary


def bench_daemon(
    base: list[str], command: list[str], runs: int, cold_stdout: str
) -> dict[str, Any]:
    """The same command served by a warm daemon (README: the warm daemon), in a
    socket directory of its own: what a hook pays from its second run on."""
    print(f"\n== served by a warm daemon: {runs} runs (NEWSLINT_DAEMON=on)", flush=True)
    with tempfile.TemporaryDirectory(prefix="newslint-bench-daemon-") as tmp:
        run_dir = Path(tmp) / "run"
        run_dir.mkdir(mode=0o700)
        env = {**os.environ, "NEWSLINT_DAEMON": "on", "NEWSLINT_RUNTIME_DIR": str(run_dir)}
        try:
            started = run_timed([*base, "daemon", "start"], env=env)
            if started.returncode != 0:
                print(f"   FAILED to start: {describe_failure(started)}")
                return {"error": describe_failure(started)}
            print(f"   start (warm-up included): {started.seconds:.2f}s")
            results = [run_timed(command, env=env) for _ in range(runs)]
            status = json.loads(run_timed([*base, "daemon", "status", "--json"], env=env).stdout)
        finally:
            run_timed([*base, "daemon", "stop", "--all"], env=env)
    times = [r.seconds for r in results]
    cpu = [r.cpu_seconds for r in results if r.cpu_seconds is not None]
    summary: dict[str, Any] = {
        "start_s": started.seconds,
        "min_s": min(times),
        "median_s": statistics.median(times),
        "max_s": max(times),
        "client_cpu_median_s": statistics.median(cpu) if cpu else None,
        "served": status.get("served"),
        "same_output": all(r.stdout == cold_stdout for r in results),
    }
    print(
        f"   min {summary['min_s']:.3f}s  median {summary['median_s']:.3f}s  "
        f"max {summary['max_s']:.3f}s  served {summary['served']} of {runs}, "
        f"output {'identical to' if summary['same_output'] else 'DIFFERENT from'} the cold runs'"
    )
    return summary


def cold_floor(runs: int) -> dict[str, float]:
    """What any run pays before newslint does anything: the interpreter (with this
    environment's site hooks) and importing the command line."""
    floors = {}
    for name, code in (("python", "pass"), ("import newslint.cli", "import newslint.cli")):
        times = [run_timed([sys.executable, "-c", code]).seconds for _ in range(runs)]
        floors[name] = statistics.median(times)
        print(f"   floor: median {floors[name]:.3f}s  $ python -c {code!r}")
    return floors


def import_times(check_args: Sequence[str], top: int = 12) -> list[tuple[str, float]]:
    """The costliest imports of one run (``python -X importtime``), cumulative ms."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "newslint", *check_args],
        capture_output=True,
        text=True,
    )
    rows: list[tuple[str, float]] = []
    for line in run.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|", 2)
            if cumulative.strip().isdigit():
                rows.append((name.rstrip(), int(cumulative) / 1000))
    # Nesting is shown by indentation: one space before a top-level import's name.
    total = sum(ms for name, ms in rows if not name.startswith("  "))
    rows.sort(key=lambda row: -row[1])
    print(f"   imports (python -X importtime): {total:.0f} ms in all; costliest, cumulative:")
    for name, ms in rows[:top]:
        print(f"     {ms:7.1f} ms  {name.strip()}")
    return rows[:top]


def profile_top(check_args: Sequence[str], top: int = 15) -> list[tuple[str, float]]:
    """Where one run spends its time after imports (cProfile, cumulative s)."""
    import pstats

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "run.prof"
        subprocess.run(
            [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "newslint", *check_args],
            capture_output=True,
        )
        stats = pstats.Stats(str(out))
    skip = ("<frozen", "importlib", "click/", "runpy", "{built-in", "{method")
    rows = sorted(
        (
            (f"{'/'.join(Path(file).parts[-2:])}:{line}({func})", cumulative)
            for (file, line, func), (_, _, _, cumulative, _) in stats.stats.items()  # type: ignore[attr-defined]
            if not file.startswith(skip) and not func.startswith(skip) and "newslint" in file
        ),
        key=lambda row: -row[1],
    )[:top]
    print("   profile (cProfile, one run, newslint functions by cumulative time):")
    for name, seconds in rows:
        print(f"     {seconds * 1000:7.1f} ms  {name}")
    return rows


def bench_corpus(
    base: list[str],
    directory: Path,
    jobs: int,
    repeat: int,
    selection: list[str],
    top: int,
) -> CorpusRun:
    command = [
        *base,
        "check",
        "--format",
        "json",
        "--no-cache",
        "--jobs",
        str(jobs),
        *selection,
        str(directory),
    ]
    run = CorpusRun(jobs=jobs, command=command)
    print(
        f"\n== directory run, --jobs {jobs}, {repeat} repeat(s)\n$ {shlex.join(command)}",
        flush=True,
    )
    results = [run_timed(command) for _ in range(repeat)]
    run.seconds = [r.seconds for r in results]
    run.returncodes = [r.returncode for r in results]
    rss = [r.maxrss_kib for r in results if r.maxrss_kib]
    run.peak_rss_mib = max(rss) / 1024 if rss else None
    failed = next((r for r in results if r.returncode not in (0, 1)), None)
    if failed is not None:
        run.error = describe_failure(failed)
        # Exit 2 can still carry a full report (one unreadable file); try to read it.
    try:
        run.diagnostics, run.file_errors, run.top_rules = summarize_json(results[-1].stdout, top)
    except (json.JSONDecodeError, AttributeError, TypeError) as exc:
        run.error = run.error or f"output is not the JSON contract: {exc}"
    return run


def _fmt_mib(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} MiB"


def print_corpus_report(run: CorpusRun, files: int, words: int) -> dict[str, Any]:
    median = statistics.median(run.seconds)
    figures: dict[str, Any] = {
        **asdict(run),
        "min_s": min(run.seconds),
        "median_s": median,
        "words_per_s": words / median if median else None,
        "files_per_s": files / median if median else None,
    }
    print(
        f"   wall: min {figures['min_s']:.2f}s  median {median:.2f}s   "
        f"throughput: {figures['words_per_s']:,.0f} words/s, {figures['files_per_s']:.1f} files/s"
    )
    print(f"   peak RSS of the largest single process: {_fmt_mib(run.peak_rss_mib)}")
    if run.diagnostics is not None:
        rate = run.diagnostics * 1000 / words if words else 0.0
        figures["per_1000_words"] = rate
        print(
            f"   diagnostics: {run.diagnostics} ({rate:.2f} per 1,000 words), "
            f"file errors: {run.file_errors}"
        )
        for rule, count in run.top_rules:
            print(f"     {count:6d}  {rule}")
    if run.error:
        print(f"   FAILED: {run.error}")
    return figures


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time newslint's cold start and a directory run over a news corpus.",
        epilog="Memory is the peak RSS of the largest single process (ru_maxrss), "
        "not the sum over worker processes.",
    )
    parser.add_argument(
        "--newslint",
        metavar="CMD",
        help="command that starts newslint (default: the `newslint` script on PATH, "
        "else `python -m newslint`)",
    )
    parser.add_argument(
        "--article",
        type=Path,
        default=DEFAULT_ARTICLE,
        help="article for the cold-start runs (default: %(default)s)",
    )
    parser.add_argument(
        "--cold-runs", type=int, default=10, help="cold-start runs (default: %(default)s)"
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_BBC,
        help="JSON-lines corpus of {id, title, body} (default: <repo>/../shared/corpora/"
        "news/bbc/bbc_news.jsonl)",
    )
    parser.add_argument(
        "--articles", type=int, default=300, help="corpus articles to lint (default: 300)"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        action="append",
        help="--jobs value for the directory run; repeat to compare (default: CPU count)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="directory runs per --jobs value (default: 3)"
    )
    parser.add_argument(
        "--select", action="append", metavar="IDS", help="passed through to newslint"
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="IDS",
        help="passed through to newslint (default: grammar; --ignore '' for none)",
    )
    parser.add_argument("--top", type=int, default=10, help="rules to list (default: 10)")
    parser.add_argument("--skip-cold", action="store_true", help="skip the cold-start runs")
    parser.add_argument("--skip-corpus", action="store_true", help="skip the directory run")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the temporary directory of corpus articles and print its path",
    )
    parser.add_argument("--json-out", type=Path, help="also write all figures to this JSON file")
    args = parser.parse_args(argv)
    for name in ("cold_runs", "articles", "repeat", "top"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if args.jobs and min(args.jobs) < 1:
        parser.error("--jobs must be at least 1")
    return args


def corpus_section(
    args: argparse.Namespace, base: list[str], selection: list[str]
) -> dict[str, Any]:
    """The directory part: a dict of figures, or a skip reason as a string."""
    corpus: Path = args.corpus
    message = missing_message(corpus, "skipping the directory run")
    if message is not None:
        print(f"\n== directory run: {message}")
        return {"skipped": message}
    directory = Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    try:
        records = read_bbc(corpus, args.articles)
        files, words = len(records), write_articles(records, directory)
        print(f"\n== corpus: {files} articles, {words:,} words from {corpus}\n   into {directory}")
        section: dict[str, Any] = {
            "corpus": str(corpus),
            "files": files,
            "words": words,
            "runs": [],
        }
        for jobs in args.jobs or [os.cpu_count() or 1]:
            run = bench_corpus(base, directory, jobs, args.repeat, selection, args.top)
            section["runs"].append(print_corpus_report(run, files, words))
        return section
    finally:
        if args.keep:
            print(f"   kept {directory}")
        else:
            shutil.rmtree(directory, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    # Every run below in its own process, as after a fresh start; bench_daemon
    # measures the warm daemon separately.
    os.environ["NEWSLINT_DAEMON"] = "off"
    base = newslint_command(args.newslint)
    selection = selection_args(args.select, args.ignore)
    results: dict[str, Any] = {
        "python": sys.version.split()[0],
        "platform": sys.platform,
        "cpu_count": os.cpu_count(),
        "newslint": base,
    }
    print(f"newslint command: {shlex.join(base)}")

    if not args.skip_cold:
        results["cold_start"] = bench_cold(base, args.article, args.cold_runs, selection)
    if not args.skip_corpus:
        results["directory"] = corpus_section(args, base, selection)
    if not (args.skip_cold and args.skip_corpus):
        # Cross-check of the per-run wait4 figures; may include pre-exec history.
        results["children_maxrss_mib"] = children_maxrss_mib()
        print(f"\nRUSAGE_CHILDREN ru_maxrss: {_fmt_mib(results['children_maxrss_mib'])}")

    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json_out}")

    failed = "error" in results.get("cold_start", {}) or any(
        run.get("error") for run in results.get("directory", {}).get("runs", [])
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
