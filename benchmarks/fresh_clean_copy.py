#!/usr/bin/env python3
"""Warnings and errors per rule on a fresh sample of mainstream newsroom copy.

BBC, iu_human and csmonitor clean copy (real_copy.py) has been judged and tuned on
for many rounds. This script lints stories no rule was written from: a fixed sample
of AllSides DEV news stories (ramybaly/Article-Bias-Prediction, commit ced8111a,
Apache-2.0 repository, the articles (c) their publishers, research use) from
mainstream newsrooms (AP, Reuters, NPR, CNN, the New York Times, USA Today,
Politico, The Hill, the BBC ...), leaving out opinion outlets, the Christian
Science Monitor (real_copy.py's csmonitor) and the stories spelling_blind.py
samples. Issue 8, session 9: found the romanised-name flood ("Morsy" x36),
state offices read as federal ones and quotes introduced by "X reports,".

The stories are AllSides' scrape of each page, so page furniture the scrape kept
(newsletter forms, "ADVERTISEMENT", photo credits) is flagged rightly: the
figure is an upper bound on false alarms, not a false-alarm rate. Each story
is linted with ``--date`` from its record, grammar off. Nothing is written into
the repository; ``--show RULE`` prints each finding with a little context, on
the terminal only.

    python benchmarks/fresh_clean_copy.py --mirror /tmp/blind/allsides
    python benchmarks/fresh_clean_copy.py --show names.officeholder
    python benchmarks/fresh_clean_copy.py --monitor   # the second newsroom, fresh stories
    python benchmarks/fresh_clean_copy.py --outlet "BBC News"   # BBC stories of 2012-2020
    python benchmarks/fresh_clean_copy.py --start 1750 --count 300  # a later batch
    python benchmarks/fresh_clean_copy.py --select names.officeholder --show names.officeholder

Batches read so far (each then tuned on, DEV only): the first 250 (sessions 9-19),
250-1749 (spelling_blind.py's newsroom batch), 1750-3249 (session 20), 3250-5049
(session 21); for names.officeholder alone, 5050-8049 and 8050-11049 (session 30).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_real_copy_corpora import ALLSIDES_COMMIT, CSMONITOR_SAMPLE, _git_blobs, csmonitor_records
from real_copy_corpus import REPO_ROOT, article_text, split
from spelling_blind import _NOT_NEWS, ALLSIDES_SAMPLE

SAMPLE = 250
MIRROR = Path("/tmp/blind/allsides")  # spelling_blind.py's bare clone
_MAINSTREAM = re.compile(
    r"politico|npr|cnn|usa today|the hill|new york times|reuters|associated press|guardian"
    r"|bbc|wall street journal|abc news|washington post|time magazine|bloomberg|cbs|nbc"
    r"|los angeles times|axios|the economist",
    re.IGNORECASE,
)
CONTEXT = 120
BRITISH = {"BBC News", "The Guardian", "Reuters"}  # linted with --language en-GB


def sample(mirror: Path, start: int = 0, count: int = SAMPLE) -> list[dict]:
    """The fixed sample: DEV news stories of mainstream newsrooms, first by
    sha1("clean9:<ID>"), less spelling_blind.py's sample. ``start`` and ``count``
    take later stories in the same order (spelling_blind.py's ``newsroom`` batch)."""
    stories = {}
    for blob in _git_blobs(mirror, ALLSIDES_COMMIT, "data/jsons"):
        record = json.loads(blob)
        body = str(record.get("content_original") or "").strip()
        outlet = str(record.get("source", ""))
        if _NOT_NEWS.search(outlet) or len(body.split()) < 150:
            continue
        if split("allsides", record["ID"]) == "dev":
            stories[record["ID"]] = record
    by_blind = sorted(stories, key=lambda i: hashlib.sha1(f"blind:{i}".encode()).hexdigest())
    taken = set(by_blind[:ALLSIDES_SAMPLE])
    rest = [i for i in stories if i not in taken and _MAINSTREAM.search(stories[i]["source"])]
    order = sorted(rest, key=lambda i: hashlib.sha1(f"clean9:{i}".encode()).hexdigest())
    return [stories[i] for i in order[start : start + count]]


def monitor_sample(mirror: Path) -> list[dict]:
    """The Christian Science Monitor's stories next in real_copy.py's order after
    the csmonitor corpus's own: the same newsroom, none of them judged or tuned on."""
    judged = {r["id"] for r in csmonitor_records(mirror)}
    wider = csmonitor_records(mirror, sample=CSMONITOR_SAMPLE + SAMPLE)
    return [
        {
            "ID": r["id"],
            "title": r["title"],
            "content_original": r["body"],
            "date": r["date"],
            "source": "Christian Science Monitor",
        }
        for r in wider
        if r["id"] not in judged
    ]


def outlet_sample(mirror: Path, outlet: str) -> list[dict]:
    """DEV stories of one newsroom ("BBC News"), first by sha1("outlet:<ID>"), less
    the mainstream sample and spelling_blind.py's: a newsroom's own style, fresh."""
    taken = {r["ID"] for r in sample(mirror)}
    stories = {}
    for blob in _git_blobs(mirror, ALLSIDES_COMMIT, "data/jsons"):
        record = json.loads(blob)
        body = str(record.get("content_original") or "").strip()
        if record.get("source") != outlet or len(body.split()) < 150 or record["ID"] in taken:
            continue
        if split("allsides", record["ID"]) == "dev":
            stories[record["ID"]] = record
    by_blind = sorted(stories, key=lambda i: hashlib.sha1(f"blind:{i}".encode()).hexdigest())
    blind = set(by_blind[:ALLSIDES_SAMPLE])
    order = sorted(
        (i for i in stories if i not in blind),
        key=lambda i: hashlib.sha1(f"outlet:{i}".encode()).hexdigest(),
    )
    return [stories[i] for i in order[:SAMPLE]]


def lint(
    records: list[dict], workdir: Path, language: str = "en-US", select: str = ""
) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """Diagnostics and text per file: one CLI run per story date."""
    by_date: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        day = str(record.get("date", ""))[:10]
        by_date[day if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) else ""].append(record)
    found: dict[str, list[dict]] = {}
    texts: dict[str, str] = {}
    for day, group in sorted(by_date.items()):
        folder = workdir / (day or "undated")
        folder.mkdir()
        for record in group:
            story = {"title": str(record.get("title", "")), "body": record["content_original"]}
            text = article_text({**story, "body": story["body"].strip()})
            (folder / f"{record['ID']}.txt").write_text(text, encoding="utf-8")
            texts[f"{record['ID']}.txt"] = text
        command = [sys.executable, "-m", "newslint", "check", "--format", "json", "--no-progress"]
        command += ["--ignore", "grammar", "--language", language]
        command += ["--date", day] if day else []
        command += ["--select", select] if select else []
        command.append(str(folder))
        proc = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT)
        if proc.returncode >= 2 and not proc.stdout:
            raise SystemExit(f"newslint failed:\n{proc.stderr}")
        for entry in json.loads(proc.stdout)["files"]:
            found[Path(entry["path"]).name] = entry["diagnostics"]
    return found, texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mirror", type=Path, default=MIRROR, help="the AllSides bare clone")
    parser.add_argument("--show", metavar="RULE", help="print each finding of RULE with context")
    parser.add_argument(
        "--monitor",
        action="store_true",
        help="instead: Christian Science Monitor stories outside real_copy.py's csmonitor",
    )
    parser.add_argument(
        "--outlet",
        metavar="NAME",
        help='instead: one newsroom\'s DEV stories ("BBC News"), outside the mainstream sample',
    )
    parser.add_argument(
        "--start",
        type=int,
        default=0,
        help="mainstream sample: begin this far into its order (a later batch, fresh)",
    )
    parser.add_argument("--count", type=int, default=SAMPLE, help="mainstream sample: stories")
    parser.add_argument(
        "--select", default="", help="only these rules (newslint's --select), for a quick check"
    )
    args = parser.parse_args()
    if not args.mirror.exists():
        print(f"fresh_clean_copy: no AllSides clone at {args.mirror}; skipped")
        return 0
    if args.monitor:
        records = monitor_sample(args.mirror)
    elif args.outlet:
        records = outlet_sample(args.mirror, args.outlet)
    else:
        records = sample(args.mirror, start=args.start, count=args.count)
    language = "en-GB" if args.outlet in BRITISH else "en-US"
    with tempfile.TemporaryDirectory(prefix="newslint-fresh-") as tmp:
        found, texts = lint(records, Path(tmp), language, args.select)
    words = sum(len(t.split()) for t in texts.values())
    loud = [d for ds in found.values() for d in ds if d["severity"] in ("warning", "error")]
    per_rule = Counter(d["rule"] for d in loud)
    outlets = Counter(str(r["source"]) for r in records)
    print(f"{len(records)} stories, {words:,} words, {len(outlets)} newsrooms")
    print(f"warnings + errors: {len(loud)} = {len(loud) * 1000 / words:.2f} per 1,000 words")
    for rule, count in per_rule.most_common():
        print(f"  {rule:45} {count:4}")
    if args.show:
        for name, diags in sorted(found.items()):
            for d in diags:
                if d["rule"] != args.show:
                    continue
                s, e = d["range"]["start"]["offset"], d["range"]["end"]["offset"]
                text = texts[name]
                around = text[max(0, s - CONTEXT) : e + CONTEXT].replace("\n", " / ")
                print(f"-- {name} {d['message'][:150]}\n   {around}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
