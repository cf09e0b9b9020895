"""Big and hostile files (issue 11): time and peak memory of real CLI runs.

Each probe is run at its full size and at half of it; the ratio of the two
times shows whether time grows linearly (about 2) or worse. Grammar is off
(LanguageTool has its own limits: MAX_REQUEST_CHARS, the request timeout).

    python benchmarks/stress.py [--scale 0.1] [--probe NAME ...]

Prints a table: probe, size, exit code, result, seconds, peak MB, time ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MB = 1024 * 1024

# Text written for this project.
_SENTENCES = (
    "The council approved the harbour budget on Monday, the mayor said.",
    "Officials expect the work to finish before the summer holidays.",
    '"We will rebuild the pier," said Ana Ruiz, who chairs the committee.',
    "The fire destroyed 12 boats and damaged the ferry terminal.",
    "Residents said the new timetable would start in May.",
)
_GIVEN = ("Anna", "Bram", "Carla", "Dmitri", "Elif", "Femi", "Greta", "Hiro", "Ines", "Jonas")
_FAMILY = ("Okafor", "Lindqvist", "Moreau", "Tanaka", "Silva", "Novak", "Haddad", "Kowalski")


def prose(size: int, seed: int = 1) -> str:
    """About ``size`` characters of paragraphs of plain news prose."""
    rng = random.Random(seed)
    parts: list[str] = ["Harbour budget approved\n\n"]
    total = len(parts[0])
    while total < size:
        para = " ".join(rng.choice(_SENTENCES) for _ in range(4)) + "\n\n"
        parts.append(para)
        total += len(para)
    return "".join(parts)


def one_line(size: int) -> str:
    text = prose(size).replace("\n", " ")
    return "Harbour budget approved\n\n" + text[:size]


def quotes(count: int) -> str:
    """``count`` quotation marks: pairs, unbalanced opens and curly marks."""
    rng = random.Random(2)
    marks = ('"', "“", "”", "'", "‘", "’")
    words = []
    for i in range(count):
        words.append(rng.choice(marks) + ("word" if i % 3 else "said"))
    lines = [" ".join(words[i : i + 12]) + "." for i in range(0, len(words), 12)]
    return "Quotes everywhere\n\n" + "\n\n".join(
        " ".join(lines[i : i + 5]) for i in range(0, len(lines), 5)
    )


def names(count: int) -> str:
    """``count`` capitalised names in sentences (many distinct spellings)."""
    rng = random.Random(3)
    sentences = []
    for i in range(0, count, 2):
        a = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}{rng.randrange(50) if i % 7 else ''}"
        b = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
        sentences.append(f"{a} met {b} at the harbour on Monday.")
    paras = [" ".join(sentences[i : i + 6]) for i in range(0, len(sentences), 6)]
    return "Names everywhere\n\n" + "\n\n".join(paras)


Probe = tuple[str, str, int, Callable[[Path, int], list[str]]]


def _one_file(make: Callable[[int], str], suffix: str = ".txt") -> Callable[[Path, int], list[str]]:
    def build(directory: Path, size: int) -> list[str]:
        path = directory / f"probe{suffix}"
        path.write_text(make(size), encoding="utf-8")
        return [str(path)]

    return build


def _tiny_files(directory: Path, count: int) -> list[str]:
    folder = directory / "tiny"
    folder.mkdir()
    for i in range(count):
        (folder / f"s{i:05}.txt").write_text(
            f"Brief {i}\n\nThe council met on Monday, the mayor said.\n", encoding="utf-8"
        )
    return [str(folder)]


PROBES: list[Probe] = [
    ("50 MB file", "bytes", 50 * MB, _one_file(prose)),
    ("4 MB file (under the 5 MB limit)", "bytes", 4 * MB, _one_file(prose)),
    ("1 MB single line", "bytes", MB, _one_file(one_line)),
    ("200,000 quotation marks", "marks", 200_000, _one_file(quotes)),
    ("100,000 capitalised names", "names", 100_000, _one_file(names)),
    ("20,000 tiny files", "files", 20_000, _tiny_files),
]


def run_probe(build: Callable[[Path, int], list[str]], size: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        args = build(Path(tmp), size)
        command = [sys.executable, "-m", "newslint", "check", *args, "--ignore", "grammar",
                   "--format", "json", "--no-progress"]  # fmt: skip
        out = Path(tmp) / "out.json"
        started = time.perf_counter()
        with out.open("w") as stdout:
            proc = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE, cwd=tmp)
            # wait4: this run's own peak (the process or its largest worker), not the max so far
            _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        stderr = proc.stderr.read().decode() if proc.stderr else ""
        result = _summary(out.read_text(), stderr)
    return {"code": code, "result": result, "seconds": elapsed, "peak_mb": usage.ru_maxrss / 1024}


def _summary(stdout: str, stderr: str) -> str:
    try:
        data = json.loads(stdout)
    except ValueError:
        return (stderr.strip().splitlines() or ["no output"])[-1][:70]
    errors = [e for f in data["files"] for e in f["errors"]]
    if errors:
        first = errors[0]
        if "max-file-size" in first:
            return "too large: " + first[first.index("is ") :][:60]
        return "error: " + first[-60:]
    return f"{data['summary']['diagnostics']:,} findings in {data['summary']['files']:,} files"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="shrink every probe")
    parser.add_argument("--probe", action="append", help="run probes whose name contains this")
    args = parser.parse_args()
    header = (
        f"{'probe':<34} {'size':>18} {'exit':>4} {'seconds':>8} {'peak MB':>8} {'t/t½':>5}  result"
    )
    print(header)
    print("-" * len(header))
    for name, unit, size, build in PROBES:
        if args.probe and not any(p.lower() in name.lower() for p in args.probe):
            continue
        size = max(1, int(size * args.scale))
        full = run_probe(build, size)
        half = run_probe(build, size // 2)
        ratio = full["seconds"] / half["seconds"] if half["seconds"] else float("nan")
        print(
            f"{name:<34} {size:>12,} {unit:<5} {full['code']:>4} {full['seconds']:>8.1f} "
            f"{full['peak_mb']:>8.0f} {ratio:>5.2f}  {full['result']}",
            flush=True,
        )


if __name__ == "__main__":
    main()
