"""Findings on hard-wrapped copy against the same copy on long lines.

    python benchmarks/wrapped_copy.py [-n 300] [--width 72] [--format txt|md]

Stories kept in a repository are often wrapped at 72 or 80 columns, so a
single newline may fall mid-sentence, mid-name or before "by". Wrapping
changes no word, so it should change no finding. The first ``-n`` BBC
articles are written twice to a temporary directory outside the repository,
as they are and with each body paragraph wrapped (Python's ``textwrap``: no
word broken, none hyphenated), and linted with the CLI, grammar off. A
finding is its file, rule and text with whitespace folded; the script prints
how many findings each side has and every finding found on one side only.

Nothing is written to the repository; exits 0 with a message without the corpus.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from corpus import DEFAULT_BBC, article_filename, article_text, corpus_missing, read_bbc

Finding = tuple[str, str, str]


def wrap_article(text: str, width: int) -> str:
    """The article with every body paragraph wrapped; the headline line as it is."""
    head, *body = text.rstrip("\n").split("\n\n")
    wrapped = [
        textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False)
        if "\n" not in p.strip()
        else p
        for p in body
    ]
    return "\n\n".join([head, *wrapped]) + "\n"


def findings(directory: Path) -> set[Finding]:
    options = ["--format", "json", "--no-progress", "--no-cache", "--ignore", "grammar"]
    command = [sys.executable, "-m", "newslint", "check", *options, str(directory)]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1):
        raise SystemExit(f"newslint failed ({run.returncode}): {run.stderr.strip()}")
    report = json.loads(run.stdout)
    return {
        (Path(f["path"]).name, d["rule"], " ".join(str(d.get("text") or d["message"]).split()))
        for f in report["files"]
        for d in f["diagnostics"]
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_BBC)
    parser.add_argument("-n", type=int, default=300, help="articles (default 300)")
    parser.add_argument("--width", type=int, default=72, help="wrap column (default 72)")
    parser.add_argument("--format", choices=("txt", "md"), default="txt")
    args = parser.parse_args()
    if corpus_missing(args.corpus):
        return 0
    records = read_bbc(args.corpus, args.n)
    with tempfile.TemporaryDirectory() as name:
        long_lines, wrapped = Path(name, "long"), Path(name, "wrapped")
        long_lines.mkdir()
        wrapped.mkdir()
        for index, record in enumerate(records):
            text = article_text(record)
            stem = Path(article_filename(record, index)).stem + "." + args.format
            if args.format == "md":
                text = "# " + text
            (long_lines / stem).write_text(text, encoding="utf-8")
            (wrapped / stem).write_text(wrap_article(text, args.width), encoding="utf-8")
        before, after = findings(long_lines), findings(wrapped)
    options = f"-n {args.n} --width {args.width} --format {args.format}"
    print(f"$ python benchmarks/wrapped_copy.py {options}")
    print(f"{len(records)} articles; findings on long lines: {len(before)}, wrapped: {len(after)}")
    print(f"only on long lines: {len(before - after)}, only wrapped: {len(after - before)}")
    for sign, side in (("-", before - after), ("+", after - before)):
        for path, rule, text in sorted(side):
            print(f"  {sign} {path} {rule}: {text[:100]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
