"""Hand verdicts on findings in clean professional copy: a real slip or a false alarm.

`real_copy.py` counts warnings and errors on BBC, iu_human and csmonitor articles as false
alarms, but many of them are real slips in the professional copy (a surname
spelled two ways in one story). benchmarks/data/real_copy/finding_verdicts.tsv
holds one judged finding per row, by offsets and hashes only (no article text):

    source TAB id TAB rule TAB start TAB end TAB sha1(flagged text) TAB real|false TAB note

`real` means a copy editor would change the text (typo, name spelled two ways,
wrong word); everything else, and anything in doubt, is `false`. The note is in
the judge's own words and quotes nothing from the article. spelling.unknown is
judged per word (spelling_verdicts*.tsv: `right` is real) unless a row here
overrides it.

    python benchmarks/finding_verdicts.py pending --split dev      # unjudged findings
    python benchmarks/finding_verdicts.py add bbc business/001.txt names.inconsistent \\
        15 26 real "company name written two ways"
    python benchmarks/finding_verdicts.py batch /tmp/v.tsv  # source id rule start end verdict note
    python benchmarks/finding_verdicts.py check                    # rows still match the text

`pending` lints the split's clean copy and prints, for each unjudged finding, the
flagged text and its sentence only: for TEST documents nothing more may be read.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from real_copy_corpus import REPO_ROOT, VERDICTS, RealDoc, documents, missing, sha1

FINDINGS = REPO_ROOT / "benchmarks" / "data" / "real_copy" / "finding_verdicts.tsv"
HEADER = (
    "# Hand verdicts on warnings/errors in clean professional copy (BBC, iu_human, csmonitor),"
    " both splits:"
    " source, id, rule, start, end (source offsets, end exclusive), sha1 of the flagged text,"
    " real (a copy editor would change the text) | false (anything else or in doubt),"
    " note in the judge's own words (no article text). See finding_verdicts.py."
)
VERDICT_VALUES = ("real", "false")
Key = tuple[str, str, str, int, int]


@dataclass(frozen=True)
class Verdict:
    source: str
    id: str
    rule: str
    start: int
    end: int
    sha1: str
    verdict: str
    note: str

    @property
    def key(self) -> Key:
        return (self.source, self.id, self.rule, self.start, self.end)


def read_findings(path: Path = FINDINGS) -> dict[Key, Verdict]:
    rows: dict[Key, Verdict] = {}
    if not path.is_file():
        return rows
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        source, doc_id, rule, start, end, digest, verdict, note = line.split("\t")
        row = Verdict(source, doc_id, rule, int(start), int(end), digest, verdict, note)
        rows[row.key] = row
    return rows


def write_findings(rows: Iterable[Verdict], path: Path = FINDINGS) -> None:
    """One sorted row per finding, so diffs stay small."""
    ordered = sorted(rows, key=lambda r: (r.source, r.id, r.start, r.end, r.rule))
    lines = [HEADER]
    for r in ordered:
        lines.append("\t".join(map(str, (*r.key, r.sha1, r.verdict, r.note))))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_word_verdicts() -> dict[str, bool]:
    """spelling.unknown word verdicts: True when the word really is misspelled.
    The main file wins where both judge a word (as in real_copy.py)."""
    words: dict[str, bool] = {}
    for path in (VERDICTS, VERDICTS.with_name("spelling_verdicts_dev.tsv")):
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                word, verdict = line.split("\t")[:2]
                words.setdefault(word, verdict.strip() == "right")
    return words


@dataclass(frozen=True)
class Finding:
    """One warning or error on a clean-copy document (source offsets)."""

    source: str
    id: str
    rule: str
    start: int
    end: int
    text: str  # the flagged text, for hashing and word verdicts; never stored

    @property
    def key(self) -> Key:
        return (self.source, self.id, self.rule, self.start, self.end)


def findings_of(doc: RealDoc, diagnostics: list[dict]) -> list[Finding]:
    """The warnings and errors of one document (info findings are not counted)."""
    found = []
    for diag in diagnostics:
        if diag["severity"] == "info":
            continue
        start, end = diag["range"]["start"]["offset"], diag["range"]["end"]["offset"]
        found.append(Finding(doc.source, doc.id, diag["rule"], start, end, doc.text[start:end]))
    return found


def verdict_of(finding: Finding, rows: dict[Key, Verdict], words: dict[str, bool]) -> bool | None:
    """True when judged real, False when judged a false alarm, None when unjudged.

    A row whose hash no longer matches the flagged text is stale: unjudged."""
    row = rows.get(finding.key)
    if row is not None:
        return row.verdict == "real" if row.sha1 == sha1(finding.text) else None
    if finding.rule == "spelling.unknown":
        if "<" in finding.text or "&" in finding.text:
            return False  # markup or a character reference: never an English misspelling
        return words.get(finding.text)
    return None


@dataclass
class Judged:
    real: int = 0
    false: int = 0
    unjudged: int = 0

    @property
    def not_real(self) -> int:
        """False alarms as counted: judged false plus unjudged."""
        return self.false + self.unjudged


def judge(
    findings: Iterable[Finding], rows: dict[Key, Verdict], words: dict[str, bool]
) -> tuple[Judged, dict[str, Judged]]:
    """Totals and per-rule counts of real, false and unjudged findings."""
    total, by_rule = Judged(), {}
    for finding in findings:
        verdict = verdict_of(finding, rows, words)
        for tally in (total, by_rule.setdefault(finding.rule, Judged())):
            if verdict is None:
                tally.unjudged += 1
            elif verdict:
                tally.real += 1
            else:
                tally.false += 1
    return total, by_rule


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding a span: all a judge may read of a TEST document."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[left : min(stops, default=len(text)) + 1].strip()


def clean_findings(split_name: str, ignore: str = "grammar") -> list[tuple[Finding, str, str]]:
    """Lint the split's clean copy: (finding, message, sentence) for every warning/error."""
    import real_copy  # the linting harness; imported here to keep this module light

    out = []
    workroot = Path(tempfile.mkdtemp(prefix="newslint-verdicts-"))
    try:
        for source, language in real_copy.CLEAN_SOURCES.items():
            if missing(source):
                print(missing(source))
                continue
            docs = [d for d in documents(source).values() if d.split == split_name]
            work = workroot / source
            work.mkdir()
            _, diags, _ = real_copy.run_newslint(docs, work, language, ignore)
            for doc in docs:
                listed = diags.get(doc.filename, [])
                messages = {
                    (d["rule"], d["range"]["start"]["offset"], d["range"]["end"]["offset"]): d[
                        "message"
                    ]
                    for d in listed
                }
                for f in findings_of(doc, listed):
                    out.append((f, messages[(f.rule, f.start, f.end)], doc.text))
    finally:
        shutil.rmtree(workroot, ignore_errors=True)
    return [(f, message, sentence_around(text, f.start, f.end)) for f, message, text in out]


@cache
def _documents(source: str) -> dict[str, RealDoc]:
    return documents(source)


def make_row(source: str, doc_id: str, rule: str, start: int, end: int, verdict: str, note: str):
    if verdict not in VERDICT_VALUES:
        raise SystemExit(f"verdict must be one of {VERDICT_VALUES}, not {verdict!r}")
    if re.search(r"[\t\n]", note):
        raise SystemExit("a note holds no tabs or newlines")
    text = _documents(source)[doc_id].text
    if not 0 <= start < end <= len(text):
        raise SystemExit(f"{source}:{doc_id}: bad range {start}-{end}")
    return Verdict(source, doc_id, rule, start, end, sha1(text[start:end]), verdict, note)


def check(path: Path = FINDINGS) -> int:
    """Rows still hash to the corpus text; returns the number of problems."""
    problems = 0
    texts: dict[str, dict[str, RealDoc]] = {}
    for row in read_findings(path).values():
        if row.verdict not in VERDICT_VALUES:
            print(f"{row.key}: bad verdict {row.verdict!r}")
            problems += 1
        if missing(row.source):
            continue
        docs = texts.setdefault(row.source, documents(row.source))
        doc = docs.get(row.id)
        if doc is None or sha1(doc.text[row.start : row.end]) != row.sha1:
            print(f"{row.source}:{row.id} {row.rule} {row.start}-{row.end}: text changed")
            problems += 1
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_pending = sub.add_parser("pending")
    p_pending.add_argument("--split", choices=("dev", "test"), required=True)
    p_add = sub.add_parser("add")
    for name in ("source", "id", "rule"):
        p_add.add_argument(name)
    p_add.add_argument("start", type=int)
    p_add.add_argument("end", type=int)
    p_add.add_argument("verdict", choices=VERDICT_VALUES)
    p_add.add_argument("note")
    p_batch = sub.add_parser("batch")
    p_batch.add_argument("file")
    sub.add_parser("check")
    args = parser.parse_args()

    rows = read_findings()
    if args.command == "check":
        problems = check()
        print(f"{len(rows)} rows, {problems} problem(s)")
        return 1 if problems else 0
    if args.command == "pending":
        words = read_word_verdicts()
        for finding, message, sentence in clean_findings(args.split):
            if verdict_of(finding, rows, words) is None:
                print(
                    f"{finding.source}\t{finding.id}\t{finding.rule}\t{finding.start}\t"
                    f"{finding.end}\t{finding.text[:80]!r}\n    {message}\n    | {sentence[:400]}"
                )
        return 0
    if args.command == "add":
        row = make_row(
            args.source, args.id, args.rule, args.start, args.end, args.verdict, args.note
        )
        rows[row.key] = row
    elif args.command == "batch":
        with open(args.file, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip() or line.startswith("#"):
                    continue
                source, doc_id, rule, start, end, verdict, note = line.rstrip("\n").split("\t")
                row = make_row(source, doc_id, rule, int(start), int(end), verdict, note)
                rows[row.key] = row
    write_findings(rows.values())
    print(f"{len(rows)} rows in {FINDINGS.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
