"""Per-class recall and precision on real text nobody on this project wrote.

Reads the hand-labelled documents of benchmarks/data/real_copy/labels.jsonl
(offsets and hashes only) from ../shared/corpora (or NEWSLINT_CORPORA), writes
them to a temporary directory outside the repository with their own extension
(.txt or .html), runs the real CLI (--format json, grammar off) and compares:

- a label is *found* when a diagnostic of a rule mapped to its class overlaps
  its span (source offsets, end exclusive);
- a *flag* is a diagnostic of a mapped rule in a document fully labelled for
  that class (``clean_for``), inside the page's article region if it has one;
  it is *right* when it overlaps a labelled span of that class.

It also measures warnings and errors per 1,000 words on clean professional
copy (the split's BBC, iu_human and Christian Science Monitor articles: a
second newsroom, which no rule was tuned on before issue 8 round 7) and the precision of
spelling.unknown against hand-judged word verdicts
(benchmarks/data/real_copy/spelling_verdicts.tsv: word TAB right|wrong, where
"right" means the flag is right because the word really is misspelled).

    python benchmarks/real_copy.py                  # test split (the reported figures)
    python benchmarks/real_copy.py --split dev      # for tuning rules
    python benchmarks/real_copy.py --split dev --held-out  # DEV stories no model fits on
    python benchmarks/real_copy.py --unjudged       # list spelling flags lacking a verdict
    python benchmarks/real_copy.py --verdicts       # clean copy: real/false per rule

On clean copy a finding judged a real slip in the copy (finding_verdicts.tsv,
or a spelling.unknown word judged misspelled) is not a false alarm: each corpus
prints the raw rate and the false-alarm rate (findings not judged real, the
unjudged counted as false). A finding on a defect hand-labelled in that
document (iu_human's copy has some) is real too.

A span labelled in two classes over the same text (a newsletter prompt is
reader address and page furniture) is found by a finding of either class: the
rules report such a defect once.

Cross-file findings of names.inconsistent (a comparison between unrelated
documents of the same run) are left out. Without the corpora the script says
what is missing and exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from finding_verdicts import Finding, findings_of, judge, read_findings, read_word_verdicts
from real_copy_corpus import (
    CLASS_RULES,
    CLASSES,
    HELD_OUT,
    LABELS,
    REPO_ROOT,
    VERDICTS,
    RealDoc,
    corpora_dir,
    documents,
    missing,
    read_labels,
    sha256,
)

# Clean professional copy for the false-alarm rate, with its spelling variant.
CLEAN_SOURCES = {"bbc": "en-GB", "iu_human": "en-US", "csmonitor": "en-US"}
CROSS_FILE = "the other files"
# On a saved web page, a call to action ("Subscribe to our newsletter") is both
# reader address and page furniture by the issue's own definitions; a labeller
# put it in one class, the rules report it once, under either. Since session 10
# a finding of either class finds (and is right on) a label of either there.
PAGE_CALLS = frozenset(("reader-address", "web-leftover"))  # names.inconsistent's run-level message


def class_of(rule: str) -> str | None:
    for cls, prefixes in CLASS_RULES.items():
        if any(rule == p or rule.startswith(p + ".") for p in prefixes):
            return cls
    return None


def overlaps(diag: dict, start: int, end: int) -> bool:
    """The finding's range, or one of the copies it reports for repeated furniture
    ("copies" in the JSON), overlaps [start, end)."""
    for where in (diag["range"], *diag.get("copies", ())):
        d_start = where["start"]["offset"]
        d_end = max(where["end"]["offset"], d_start + 1)  # a point is one character
        if d_start < end and start < d_end:
            return True
    return False


@dataclass
class Tally:
    labelled: int = 0
    found: int = 0
    flags: int = 0
    right: int = 0
    missed: list[str] = field(default_factory=list)
    unlabelled: list[str] = field(default_factory=list)  # flags on no label of the class


def story_date(doc: RealDoc) -> str | None:
    """The story's date from the corpus record (YYYY-MM-DD), when it has one."""
    value = str(doc.meta.get("date", ""))[:10]
    return value if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None


def run_newslint(
    docs: list[RealDoc], workdir: Path, language: str | None, ignore: str
) -> tuple[list[str], dict[str, list[dict]], int]:
    """Lint the documents: (command, diagnostics per file, words).

    A newsroom's copy carries its date (front matter, CMS field), so a story
    whose record has a date is linted with ``--date``: one CLI run per date,
    the rest in one run without it."""
    if workdir.resolve().is_relative_to(REPO_ROOT):
        raise SystemExit("refusing to write corpus text inside the repository; set TMPDIR")
    words = 0
    by_date: dict[str | None, list[RealDoc]] = defaultdict(list)
    for doc in docs:
        by_date[story_date(doc)].append(doc)
        words += len(doc.text.split())
    base = [sys.executable, "-m", "newslint", "check", "--format", "json", "--no-progress"]
    if ignore:
        base += ["--ignore", ignore]
    if language:
        base += ["--language", language]
    by_file: dict[str, list[dict]] = {}
    for date, group in sorted(by_date.items(), key=lambda item: item[0] or ""):
        folder = workdir / (date or "undated")
        folder.mkdir()
        for doc in group:
            (folder / doc.filename).write_text(doc.text, encoding="utf-8")
        command = [*base, *(["--date", date] if date else []), str(folder)]
        proc = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT)
        if proc.returncode >= 2 and not proc.stdout:
            raise SystemExit(f"newslint failed:\n{proc.stderr}")
        for entry in json.loads(proc.stdout)["files"]:
            kept = [d for d in entry["diagnostics"] if CROSS_FILE not in d["message"]]
            by_file[Path(entry["path"]).name] = kept
    dated = ["--date", "<story date>"] if by_date.keys() - {None} else []
    return [*base, *dated, str(workdir)], by_file, words


def score(
    labels: list[dict],
    docs: dict[tuple[str, str], RealDoc],
    diags: dict,
    pooled: bool = True,
) -> dict:
    tallies = {cls: Tally() for cls in CLASSES}
    for record in labels:
        doc = docs[(record["source"], record["id"])]
        found = diags.get(doc.filename, [])
        # A page's article body; one class may have its own ("regions": {class: [s, e]}),
        # since each class was labelled in its own part of the page.
        regions = record.get("regions", {})
        by_class = defaultdict(list)
        for diag in found:
            cls = class_of(diag["rule"])
            if cls:
                by_class[cls].append(diag)
        spans = defaultdict(list)
        for span in record["spans"]:
            spans[span["class"]].append(span)
        for cls in CLASSES:
            tally = tallies[cls]
            for span in spans[cls]:
                tally.labelled += 1
                # One defect labelled in two classes (a newsletter prompt is reader
                # address and page furniture) is found by a finding of either: the
                # rules report it once, under one of them.
                also = {s["class"] for s in record["spans"] if _same_text(s, span)}
                if pooled and doc.format == "html" and cls in PAGE_CALLS:
                    also |= PAGE_CALLS  # see PAGE_CALLS
                candidates = [d for c in also for d in by_class[c]]
                if any(overlaps(d, span["start"], span["end"]) for d in candidates):
                    tally.found += 1
                else:
                    tally.missed.append(f"{record['source']}:{record['id']}@{span['start']}")
            if cls not in record.get("clean_for", []):
                continue
            region = regions.get(cls, record.get("region"))
            for diag in by_class[cls]:
                if region and not overlaps(diag, *region):
                    continue
                tally.flags += 1
                fitting = spans[cls]
                if pooled and doc.format == "html" and cls in PAGE_CALLS:
                    fitting = [s for c in PAGE_CALLS for s in spans[c]]
                if any(overlaps(diag, s["start"], s["end"]) for s in fitting):
                    tally.right += 1
                else:
                    at = diag["range"]["start"]["offset"]
                    where = f"{record['source']}:{record['id']}@{at}"
                    tally.unlabelled.append(f"{where} {diag['rule']}: {diag.get('message', '')}")
    return tallies


def _on_a_label(finding: Finding, labelled: dict[tuple[str, str], list[dict]]) -> bool:
    """The finding overlaps a hand-labelled defect of its own class."""
    cls = class_of(finding.rule)
    return any(
        span["class"] == cls and finding.start < span["end"] and span["start"] < finding.end
        for span in labelled.get((finding.source, finding.id), [])
    )


def _same_text(a: dict, b: dict) -> bool:
    """Two labelled spans over (nearly) the same text: each covers most of the other."""
    shared = min(a["end"], b["end"]) - max(a["start"], b["start"])
    return shared * 2 > (a["end"] - a["start"]) and shared * 2 > (b["end"] - b["start"])


def read_verdicts(path: Path = VERDICTS) -> dict[str, bool]:
    verdicts = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                word, verdict = line.split("\t")[:2]
                verdicts[word] = verdict.strip() == "right"
    return verdicts


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev"), default="test")
    parser.add_argument("--ignore", default="grammar", help="default: grammar")
    parser.add_argument("--bbc-limit", type=int, help="lint only the first N BBC articles")
    parser.add_argument("--unjudged", action="store_true", help="list unjudged spelling flags")
    parser.add_argument("--missed", action="store_true", help="list missed labels (offsets)")
    parser.add_argument(
        "--unlabelled", action="store_true", help="list flags on no label of their class"
    )
    parser.add_argument(
        "--strict-classes",
        action="store_true",
        help="score calls to action on saved pages by their labelled class only (before "
        "session 10)",
    )
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="only the DEV stories the sentence models never fit on (HELD_OUT); no clean copy",
    )
    parser.add_argument(
        "--ids",
        metavar="FILE",
        help="only the labelled stories listed in FILE (source:id a line, e.g. a blind batch)",
    )
    parser.add_argument(
        "--verdicts", action="store_true", help="clean copy: real/false/unjudged per rule"
    )
    args = parser.parse_args()

    print(f"$ python benchmarks/real_copy.py {shlex.join(sys.argv[1:])}".rstrip())
    print(f"date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, split: {args.split}")
    print(f"corpora: {corpora_dir()}")
    labels = [r for r in read_labels() if r["split"] == args.split]
    if args.held_out:
        labels = [r for r in labels if f"{r['source']}:{r['id']}" in HELD_OUT]
    if args.ids:
        wanted = set(Path(args.ids).read_text(encoding="utf-8").split())
        labels = [r for r in labels if f"{r['source']}:{r['id']}" in wanted]
    if not labels:
        print(f"no {args.split}-split labels in {LABELS}; nothing to measure")
        return 0
    sources = sorted({r["source"] for r in labels})
    absent = {s: missing(s) for s in sources if missing(s)}
    for reason in absent.values():
        print(reason)
    labels = [r for r in labels if r["source"] not in absent]

    docs: dict[tuple[str, str], RealDoc] = {}
    for source in sorted({r["source"] for r in labels}):
        by_id = documents(source)
        for record in [r for r in labels if r["source"] == source]:
            doc = by_id.get(record["id"])
            if doc is None or sha256(doc.text) != record["sha256"]:
                raise SystemExit(f"{source}:{record['id']}: text changed; labels need redoing")
            docs[(source, record["id"])] = doc

    spelling: Counter[str] = Counter()
    workroot = Path(tempfile.mkdtemp(prefix="newslint-real-copy-"))
    try:
        tallies = None
        if labels:
            work = workroot / "labelled"
            work.mkdir()
            command, diags, words = run_newslint(list(docs.values()), work, None, args.ignore)
            print(f"$ {shlex.join(command[:-1])} <dir>")
            tallies = score(labels, docs, diags, pooled=not args.strict_classes)
            for found in diags.values():
                spelling.update(d["text"] for d in found if d["rule"] == "spelling.unknown")
            print(f"\nlabelled documents: {len(labels)} ({len(docs)} read), {words:,} words")
            print(
                f"{'class':18} {'labelled':>8} {'found':>6} {'recall':>7} {'flags':>6} "
                f"{'right':>6} {'precision':>9}"
            )
            for cls in CLASSES:
                t = tallies[cls]
                print(
                    f"{cls:18} {t.labelled:8} {t.found:6} {pct(t.found, t.labelled):>7} "
                    f"{t.flags:6} {t.right:6} {pct(t.right, t.flags):>9}"
                )
            if args.missed:
                for cls in CLASSES:
                    if tallies[cls].missed:
                        print(f"  missed {cls}: {' '.join(tallies[cls].missed)}")
            if args.unlabelled:
                for cls in CLASSES:
                    for line in tallies[cls].unlabelled:
                        print(f"  unlabelled {cls}: {line}")

        if args.held_out or args.ids:
            return 0
        print("\nclean professional copy (warnings + errors per 1,000 words):")
        finding_rows, word_verdicts = read_findings(), read_word_verdicts()
        labelled = {(r["source"], r["id"]): r["spans"] for r in labels}
        for source, language in CLEAN_SOURCES.items():
            reason = missing(source)
            if reason:
                print(f"  {reason}")
                continue
            clean = [d for d in documents(source).values() if d.split == args.split]
            if source == "bbc" and args.bbc_limit:
                clean = clean[: args.bbc_limit]
            work = workroot / source
            work.mkdir()
            command, diags, words = run_newslint(clean, work, language, args.ignore)
            counted = [d for found in diags.values() for d in found if d["severity"] != "info"]
            for found in diags.values():
                spelling.update(d["text"] for d in found if d["rule"] == "spelling.unknown")
            rules = Counter(d["rule"] for d in counted)
            top = ", ".join(f"{r} {n}" for r, n in rules.most_common(6))
            print(
                f"  {source:9} {len(clean):4} articles {words:8,} words: {len(counted):4} "
                f"= {1000 * len(counted) / max(words, 1):.2f} per 1,000 words  [{top}]"
            )
            # A finding judged a real slip in the copy is no false alarm; unjudged ones are.
            # So is one on a defect labelled in that document (clean copy has some).
            findings = [f for doc in clean for f in findings_of(doc, diags.get(doc.filename, []))]
            on_labels = [f for f in findings if _on_a_label(f, labelled)]
            total, by_rule = judge(
                [f for f in findings if f not in on_labels], finding_rows, word_verdicts
            )
            total.real += len(on_labels)
            for f in on_labels:
                by_rule.setdefault(f.rule, type(total)()).real += 1
            print(
                f"    false alarms (not judged real): {total.not_real:4} "
                f"= {1000 * total.not_real / max(words, 1):.2f} per 1,000 words  "
                f"(judged real {total.real}, false {total.false}, unjudged {total.unjudged})"
            )
            if args.verdicts:
                for rule, tally in sorted(by_rule.items(), key=lambda item: -item[1].not_real):
                    print(
                        f"      {rule:44} real {tally.real:3}  false {tally.false:3}  "
                        f"unjudged {tally.unjudged:3}"
                    )
            print(f"    $ {shlex.join(command[:-1])} <dir>")
    finally:
        shutil.rmtree(workroot, ignore_errors=True)

    verdicts = read_verdicts()
    # Words judged on DEV documents (spelling_dev.py, spelling_fresh.py) fill the gaps;
    # where both files judge a word, the main file's verdict stands.
    for word, verdict in read_verdicts(VERDICTS.with_name("spelling_verdicts_dev.tsv")).items():
        verdicts.setdefault(word, verdict)
    # A flag whose source text holds markup or character references (HTML-encoded
    # non-Latin script) is no English misspelling: a false alarm, no verdict needed.
    verdicts.update({w: False for w in spelling if "<" in w or "&" in w})
    judged = {w: n for w, n in spelling.items() if w in verdicts}
    right = sum(n for w, n in judged.items() if verdicts[w])
    total = sum(judged.values())
    unjudged = sorted(w for w in spelling if w not in verdicts)
    print(
        f"\nspelling.unknown: {sum(spelling.values())} flags, {len(spelling)} distinct words; "
        f"judged {total} flags: {right} right, {total - right} false alarms, "
        f"precision {pct(right, total).strip()}; unjudged words: {len(unjudged)}"
    )
    if args.unjudged and unjudged:
        print("  unjudged: " + " ".join(unjudged))
    return 0


if __name__ == "__main__":
    sys.exit(main())
