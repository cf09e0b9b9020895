#!/usr/bin/env python3
"""newslint beside proselint and Vale on the same news files, in one paired run.

Writes the first N BBC articles as .txt files to a temporary directory outside
the repository and runs, R times each after an uncounted warm-up round, one
after another within every round (ABCDE ABCDE ...) so that load swings hit
every tool alike:

  floor        python -c FLOOR_CODE DIR: read the files, build newslint's Documents
  newslint -j1 newslint check --format json --ignore grammar --no-cache --jobs 1 DIR
  newslint     the same at the default --jobs (one worker per core)
  proselint    proselint check -o json DIR            (the CLI of this Python)
  vale         vale --no-global --config TMP/.vale.ini --output JSON DIR

Vale runs only when a ``vale`` binary is on PATH or given with ``--vale``. Its
config is written into the temporary directory; styles come from
``--vale-styles DIR`` (or $NEWSLINT_VALE_STYLES), every style folder in it
beside Vale's built-in ``Vale`` style. Without styles, only ``Vale`` runs.
benchmarks/README.md says how to build Vale and obtain the styles.

Per tool: median wall and CPU seconds (user + system of the child and the
workers it waited for, from os.wait4), peak RSS of the largest single process,
findings and findings per 1,000 words; then newslint's ratios to proselint and
Vale, and to the floor. Skips (exit 0) when the corpus is absent.

    python benchmarks/compare.py [-n 300] [-r 5] [--warmup 1] [--vale PATH] [--vale-styles DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import RunResult, run_timed
from corpus import DEFAULT_BBC, corpus_missing, read_bbc, write_articles
from proselint_parity import clean_env, newslint_command, proselint_command

STYLES_ENV = "NEWSLINT_VALE_STYLES"
NEWSLINT_ARGS = ["--ignore", "grammar", "--no-cache"]
TARGET = 0.5  # issue 12: the default run at most half of proselint's wall time

# Severity buckets: errors and warnings count as "warn+", the rest as "info".
Counts = tuple[Counter[str], int]  # findings per rule, of which warnings or errors


@dataclass
class Tool:
    name: str
    command: list[str]
    count: Callable[[str], Counts] | None  # None: the floor has no findings
    runs: list[RunResult] = field(default_factory=list)

    def figures(self, words: int) -> dict[str, Any]:
        walls = [r.seconds for r in self.runs]
        cpus = [r.cpu_seconds for r in self.runs if r.cpu_seconds is not None]
        rss = [r.maxrss_kib for r in self.runs if r.maxrss_kib]
        out: dict[str, Any] = {
            "command": self.command,
            "wall_s": walls,
            "cpu_s": cpus,
            "median_wall_s": statistics.median(walls),
            "median_cpu_s": statistics.median(cpus) if cpus else None,
            "peak_rss_mib": max(rss) / 1024 if rss else None,
        }
        if self.count is not None:
            rules, serious = self.count(self.runs[-1].stdout)
            total = sum(rules.values())
            out |= {
                "findings": total,
                "per_1000_words": total * 1000 / words,
                "warn_or_error": serious if serious >= 0 else None,
                "warn_or_error_per_1000_words": serious * 1000 / words if serious >= 0 else None,
                "top_rules": rules.most_common(5),
            }
        return out


# -- findings of each tool's JSON ---------------------------------------------


def newslint_counts(output: str) -> Counts:
    diags = [d for f in json.loads(output)["files"] for d in f["diagnostics"]]
    serious = sum(d["severity"] in ("error", "warning") for d in diags)
    return Counter(d["rule"] for d in diags), serious


def proselint_counts(output: str) -> Counts:
    """proselint has no severities: -1 marks the warn+ column as not applicable."""
    rules: Counter[str] = Counter()
    for uri, result in json.loads(output)["result"].items():
        if "error" in result:
            raise SystemExit(f"proselint failed on {uri}: {result['error']}")
        rules.update(d["check_path"] for d in result["diagnostics"])
    return rules, -1


def vale_counts(output: str) -> Counts:
    alerts = [a for file_alerts in json.loads(output).values() for a in file_alerts]
    serious = sum(a["Severity"] in ("error", "warning") for a in alerts)
    return Counter(a["Check"] for a in alerts), serious


# -- the floor: reading and parsing only --------------------------------------

# Run as ``python -c FLOOR_CODE DIR``: start Python, import newslint's readers, find
# the files and build each file's Document, as ``newslint check`` does before any
# rule runs (no config, no rules). Prints the number of files.
FLOOR_CODE = """\
import sys
from pathlib import Path
from newslint.config import DEFAULT_MAX_FILE_SIZE
from newslint.reading import discover, read_source
from newslint.sources import load_document
targets = discover([Path(sys.argv[1])], lambda _path: False)
for target in targets:
    source = read_source(target.path, max_size=DEFAULT_MAX_FILE_SIZE)
    load_document(str(target.path), source.text)
print(len(targets))
"""


def floor_command(folder: Path) -> list[str]:
    return [sys.executable, "-c", FLOOR_CODE, str(folder)]


# -- Vale -----------------------------------------------------------------------


def vale_styles(directory: Path | None) -> list[str]:
    """Style folders (holding .yml rules) in ``directory``, sorted."""
    if directory is None:
        return []
    if not directory.is_dir():
        raise SystemExit(f"--vale-styles: no such directory: {directory}")
    return sorted(
        d.name
        for d in directory.iterdir()
        if d.is_dir() and d.name not in ("Vale", "config") and any(d.glob("*.yml"))
    )


def write_vale_config(tmp: Path, styles_dir: Path | None, styles: list[str]) -> Path:
    """A .vale.ini of our own in the temporary directory: every alert level."""
    if styles_dir is None:
        styles_dir = tmp / "vale-styles"  # Vale wants a StylesPath; the built-in style needs none
        styles_dir.mkdir()
    config = tmp / ".vale.ini"
    config.write_text(
        f"StylesPath = {styles_dir.resolve()}\n"
        "MinAlertLevel = suggestion\n\n"
        "[*.txt]\n"
        f"BasedOnStyles = {', '.join(['Vale', *styles])}\n",
        encoding="utf-8",
    )
    return config


def vale_command(vale: str, config: Path, folder: Path) -> list[str]:
    return [vale, "--no-global", "--config", str(config), "--output", "JSON", str(folder)]


def vale_version(vale: str) -> str:
    """``vale --version``; a binary built by ``go install`` says "master", so
    the module version is read from the build info (``go version -m``) too."""
    proc = subprocess.run([vale, "--version"], capture_output=True, text=True)
    version = (proc.stdout.strip() or proc.stderr.strip()).removeprefix("vale version ")
    go = shutil.which("go")
    if go:
        info = subprocess.run([go, "version", "-m", vale], capture_output=True, text=True)
        lines = info.stdout.splitlines()
        built_with = lines[0].rsplit(" ", 1)[-1] if lines else "?"
        for line in lines:
            parts = line.split()
            if parts[:1] == ["mod"] and len(parts) >= 3:
                version += f" ({parts[1]} {parts[2]}, built with {built_with})"
                break
    return version


# -- the report -------------------------------------------------------------------


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model}, {platform.system()} {platform.release()}"


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover - no load average here
        return "n/a"


def git_commit(checkout: Path) -> str:
    proc = subprocess.run(
        ["git", "-C", str(checkout), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
    )
    return proc.stdout.strip() or "unknown"


def versions(vale: str | None) -> dict[str, str]:
    from newslint import __file__ as location
    from newslint import __version__

    where = Path(location).resolve().parent.parent
    found = {
        "python": sys.version.split()[0],
        "newslint": f"{__version__} (commit {git_commit(where)}, {where})",
        "proselint": metadata.version("proselint"),
    }
    if vale:
        found["vale"] = vale_version(vale)
    return found


def _num(value: float | None, fmt: str) -> str:
    return "-" if value is None or value < 0 else format(value, fmt)


def print_table(figures: dict[str, dict[str, Any]]) -> None:
    print(
        f"{'tool':<13} {'wall s':>7} {'cpu s':>7} {'RSS MiB':>8} {'findings':>9} "
        f"{'/1k words':>9} {'warn+':>6} {'warn+/1k':>8}"
    )
    for name, f in figures.items():
        print(
            f"{name:<13} {f['median_wall_s']:>7.2f} {_num(f['median_cpu_s'], '.2f'):>7} "
            f"{_num(f['peak_rss_mib'], '.0f'):>8} {_num(f.get('findings'), 'd'):>9} "
            f"{_num(f.get('per_1000_words'), '.2f'):>9} {_num(f.get('warn_or_error'), 'd'):>6} "
            f"{_num(f.get('warn_or_error_per_1000_words'), '.2f'):>8}"
        )


def ratios(figures: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for ours in ("newslint -j1", "newslint"):
        for other in ("proselint", "vale", "floor"):
            if other not in figures:
                continue
            a, b = figures[ours], figures[other]
            rows.append(
                {
                    "ratio": f"{ours} / {other}",
                    "wall": a["median_wall_s"] / b["median_wall_s"],
                    "cpu": (
                        a["median_cpu_s"] / b["median_cpu_s"]
                        if a["median_cpu_s"] and b["median_cpu_s"]
                        else None
                    ),
                }
            )
    return rows


def shown_command(command: list[str], folder: Path, tmp: Path) -> str:
    """The command as a shell line, with short names for the temporary paths."""
    line = shlex.join(command).replace(shlex.quote(FLOOR_CODE), '"$FLOOR_CODE"')
    return line.replace(str(folder), "DIR").replace(str(tmp), "TMP")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=300, help="articles (default 300)")
    parser.add_argument("-r", "--repeat", type=int, default=5, help="rounds (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="uncounted rounds first (default 1)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_BBC)
    parser.add_argument("--vale", metavar="PATH", help="vale binary (default: `vale` on PATH)")
    parser.add_argument(
        "--vale-styles",
        type=Path,
        metavar="DIR",
        default=os.environ.get(STYLES_ENV) or None,
        help=f"folder of Vale styles, e.g. proselint and write-good (default: ${STYLES_ENV})",
    )
    parser.add_argument("--no-vale", action="store_true", help="leave Vale out")
    parser.add_argument("--json-out", type=Path, help="also write all figures to this JSON file")
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1 or args.warmup < 0:
        parser.error("-n and --repeat must be at least 1, --warmup at least 0")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # In-process runs: a warm daemon (newslint daemon) would skip the start-up
    # that the tools compared here pay.
    os.environ["NEWSLINT_DAEMON"] = "off"
    if corpus_missing(args.corpus):
        return 0
    vale = None if args.no_vale else (args.vale or shutil.which("vale"))
    if vale and not shutil.which(vale):
        raise SystemExit(f"--vale: not an executable: {vale}")
    styles = vale_styles(args.vale_styles) if vale else []
    started = dt.datetime.now(dt.timezone.utc)
    load_before = load()
    with tempfile.TemporaryDirectory(prefix="newslint-compare-") as tmp:
        cwd = Path(tmp)
        folder = cwd / "articles"
        folder.mkdir()
        words = write_articles(read_bbc(args.corpus, args.n), folder)
        files = len(list(folder.iterdir()))
        tools = [
            Tool("floor", floor_command(folder), None),
            Tool("newslint -j1", newslint_command(folder, *NEWSLINT_ARGS, "--jobs", "1"),
                 newslint_counts),
            Tool("newslint", newslint_command(folder, *NEWSLINT_ARGS), newslint_counts),
            Tool("proselint", proselint_command(folder), proselint_counts),
        ]  # fmt: skip
        if vale:
            config = write_vale_config(cwd, args.vale_styles, styles)
            vale_ini = config.read_text(encoding="utf-8").replace(str(cwd.resolve()), "TMP")
            tools.append(Tool("vale", vale_command(vale, config, folder), vale_counts))
        env = clean_env(cwd)
        # Paired: every tool once per round, in the same order. The warm-up rounds
        # are not counted: the first fills newslint's caches in the temporary HOME
        # (compiled packs, spelling dictionary) and the page cache for every tool.
        for round_ in range(args.warmup + args.repeat):
            for tool in tools:
                result = run_timed(tool.command, cwd=cwd, env=env)
                if result.returncode not in (0, 1):
                    raise SystemExit(
                        f"{shlex.join(tool.command)} failed ({result.returncode}):\n"
                        f"{result.stderr[-2000:]}"
                    )
                if round_ >= args.warmup:
                    if tool.runs:  # only the last output is read: keep this process small
                        tool.runs[-1].stdout = tool.runs[-1].stderr = ""
                    tool.runs.append(result)
        # Linux puts the launching process's peak RSS into each child's ru_maxrss (the
        # child starts as its copy), so no child can show less than this.
        launcher_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        figures = {tool.name: tool.figures(words) for tool in tools}
        floor_files = int(tools[0].runs[-1].stdout)
        shown = {tool.name: shown_command(tool.command, folder, cwd) for tool in tools}
    load_after = load()

    found = versions(vale)
    print(f"date: {started:%Y-%m-%d %H:%M} UTC")
    print(f"machine: {machine()}")
    print(f"load average (1, 5, 15 min): {load_before} before, {load_after} after")
    print("versions: " + ", ".join(f"{k} {v}" for k, v in found.items()))
    print(
        f"corpus: {files} articles, {words:,} words from {args.corpus}; "
        f"median of {args.repeat} paired rounds after {args.warmup} uncounted"
    )
    print("commands (TMP = a temporary directory and the working directory, DIR = TMP/articles):")
    for name, command in shown.items():
        print(f"  {name:<13} $ {command}")
    print("  FLOOR_CODE:")
    print("\n".join(f"    {line}" for line in FLOOR_CODE.strip().splitlines()))
    if vale:
        kind = ", ".join(styles) if styles else "none: Vale's built-in `Vale` style only"
        print(f"  vale styles: {kind} (from {args.vale_styles or '-'})")
        print("  TMP/.vale.ini: " + vale_ini.strip().replace("\n", " | "))
    elif args.no_vale:
        print("  vale: left out (--no-vale)")
    else:
        print(
            "  vale: skipped, no `vale` on PATH (give --vale PATH); to build it see "
            "benchmarks/README.md: GOBIN=DIR go install "
            "github.com/errata-ai/vale/v3/cmd/vale@v3.19.0"
        )
    print()
    print_table(figures)
    print(
        "CPU = user + system of the process and its workers; RSS = the largest single "
        "process; warn+ = errors and warnings (proselint has no levels)"
    )
    print(
        f"RSS includes the launching script's own peak ({launcher_mib:.0f} MiB): "
        "a figure near it means 'at most that'"
    )
    print()
    rows = ratios(figures)
    for row in rows:
        print(f"{row['ratio']:<24} wall {row['wall']:>5.2f}x   cpu {_num(row['cpu'], '.2f')}x")
    for ours in ("newslint -j1", "newslint"):
        ratio = figures[ours]["median_wall_s"] / figures["proselint"]["median_wall_s"]
        verdict = "met" if ratio <= TARGET else "not met"
        print(f"issue 12 target ({ours} <= {TARGET} x proselint wall): {verdict} ({ratio:.2f})")
    share = figures["floor"]["median_wall_s"] / figures["newslint -j1"]["median_wall_s"]
    print(
        f"floor ({floor_files} files read and parsed, with start-up) is {share:.0%} of "
        f"newslint -j1's wall time"
    )
    print()
    for name, f in figures.items():
        if f.get("top_rules"):
            top = ", ".join(f"{rule} {n}" for rule, n in f["top_rules"])
            print(f"top {name}: {top}")

    if args.json_out:
        args.json_out.write_text(
            json.dumps(
                {
                    "date": started.isoformat(),
                    "machine": machine(),
                    "load_before": load_before,
                    "load_after": load_after,
                    "versions": found,
                    "files": files,
                    "words": words,
                    "repeat": args.repeat,
                    "warmup": args.warmup,
                    "vale_styles": styles,
                    "launcher_rss_mib": launcher_mib,
                    "tools": figures,
                    "ratios": rows,
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"wrote {args.json_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
