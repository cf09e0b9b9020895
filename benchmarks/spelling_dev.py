"""spelling.unknown precision on every DEV-split document, for tuning.

real_copy.py counts spelling flags only in the labelled documents and the
clean newsroom copy. This script lints every DEV document of every real-copy
source (BBC as en-GB, the rest with the default language) with the spelling
rules only, judges each flag with the hand verdicts
(benchmarks/data/real_copy/spelling_verdicts_dev.tsv, then spelling_verdicts.tsv)
and prints precision per source. ``--show`` lists false alarms and unjudged
flags with a little context, on the terminal only: nothing read is written
into the repository. TEST documents are never read.

    NEWSLINT_CORPORA=/work/shared/corpora python benchmarks/spelling_dev.py
    python benchmarks/spelling_dev.py --show unjudged --source trafilatura
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from real_copy import pct, read_verdicts
from real_copy_corpus import REPO_ROOT, VERDICTS, iter_documents, missing

SOURCES = {
    "bbc": "en-GB",
    "iu_human": None,
    "aigen_news": None,
    "fair_framed": None,
    "trafilatura": None,
}
DEV_VERDICTS = VERDICTS.with_name("spelling_verdicts_dev.tsv")
CONTEXT = 40


def lint(
    docs: list, workdir: Path, language: str | None, select: str | None
) -> dict[str, list[dict]]:
    """Findings per file name; ``select`` None runs the default rules, grammar off."""
    for doc in docs:
        (workdir / doc.filename).write_text(doc.text, encoding="utf-8")
    command = [sys.executable, "-m", "newslint", "check", "--format", "json", "--no-progress"]
    command += ["--select", select] if select else ["--no-cache", "--ignore", "grammar"]
    if language:
        command += ["--language", language]
    command.append(str(workdir))
    proc = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT)
    if proc.returncode >= 2 and not proc.stdout:
        raise SystemExit(f"newslint failed:\n{proc.stderr}")
    return {Path(f["path"]).name: f["diagnostics"] for f in json.loads(proc.stdout)["files"]}


def tally_flags(
    found: dict[str, list[dict]], texts: dict[str, str], verdicts: dict, show: str | None
) -> tuple[Counter[str], Counter[str]]:
    """spelling.unknown flags by verdict (right / false / unjudged) and findings per rule;
    flags of the kind ``show`` (or "all") are printed with their context."""
    tally: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    for name, diags in sorted(found.items()):
        for diag in diags:
            rules[diag["rule"]] += 1
            if diag["rule"] != "spelling.unknown":
                continue
            word = diag["text"]
            verdict = False if "<" in word or "&" in word else verdicts.get(word)
            kind = {True: "right", False: "false", None: "unjudged"}[verdict]
            tally[kind] += 1
            if show in (kind, "all"):
                text = texts[name]
                start = diag["range"]["start"]["offset"]
                end = diag["range"]["end"]["offset"]
                left = text[max(0, start - CONTEXT) : start].replace("\n", " ")
                right = text[end : end + CONTEXT].replace("\n", " ")
                print(f"  {kind:8} {word!r:22} {name[:28]:28} …{left}[{word}]{right}…")
    return tally, rules


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", action="append", choices=sorted(SOURCES))
    parser.add_argument("--show", choices=("false", "unjudged", "right", "all"))
    parser.add_argument("--select", default="spelling")
    args = parser.parse_args()

    verdicts = read_verdicts(VERDICTS)
    verdicts.update(read_verdicts(DEV_VERDICTS))
    total = Counter()
    workroot = Path(tempfile.mkdtemp(prefix="newslint-spelling-dev-"))
    if workroot.resolve().is_relative_to(REPO_ROOT):
        raise SystemExit("refusing to write corpus text inside the repository; set TMPDIR")
    try:
        for source in args.source or SOURCES:
            reason = missing(source)
            if reason:
                print(reason)
                continue
            docs = [d for d in iter_documents(source) if d.split == "dev"]
            work = workroot / source
            work.mkdir()
            found = lint(docs, work, SOURCES[source], args.select)
            texts = {d.filename: d.text for d in docs}
            tally, rules = tally_flags(found, texts, verdicts, args.show)
            judged = tally["right"] + tally["false"]
            print(
                f"{source:12} {len(docs):5} docs: {sum(tally.values()):4} flags, "
                f"{tally['right']} right, {tally['false']} false, {tally['unjudged']} unjudged, "
                f"precision {pct(tally['right'], judged).strip()}"
                f"  other rules: {dict(r for r in rules.items() if r[0] != 'spelling.unknown')}"
            )
            total.update(tally)
    finally:
        shutil.rmtree(workroot, ignore_errors=True)
    judged = total["right"] + total["false"]
    print(
        f"all dev: {sum(total.values())} flags, {total['right']} right, {total['false']} false, "
        f"{total['unjudged']} unjudged, precision {pct(total['right'], judged).strip()}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
