"""Dev figures for machine padding and reader address on real machine-written news.

Reads hand labels (benchmarks/data/padding_dev_labels.json: sentence offsets in
DEV documents of ../shared/corpora/news/aigen_news and fair_framed, no text)
and the documents themselves at run time, lints each in-process and prints
per-class recall and precision over the labelled sentences, plus findings per
1,000 words on the DEV split of BBC and iu_human copy. Skips cleanly when the
corpora are absent.

    python benchmarks/padding_dev.py
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
LABELS = Path(__file__).resolve().parent / "data" / "padding_dev_labels.json"
CORPORA = Path(os.environ.get("NEWSLINT_CORPORA", REPO_ROOT.parent / "shared" / "corpora"))
CLASSES = {
    "machine-padding": (
        "filler.machine-padding",
        "filler.machine-tell",
        "filler.chatbot-residue",
        "filler.generic-padding",
    ),
    "reader-address": ("filler.reader-address", "filler.reader-question"),
}
FILES = {
    "aigen_news": "news/aigen_news/aigen_news.jsonl",
    "fair_framed": "news/fair_framed/fair_framed.jsonl",
    "iu_human": "news/iu_human/iu_human.jsonl",
    "bbc": "news/bbc/bbc_news.jsonl",
}


def is_test(source: str, doc_id: str) -> bool:
    return int(hashlib.sha1(f"{source}:{doc_id}".encode()).hexdigest(), 16) % 5 < 2


def records(source: str) -> dict[str, dict]:
    with (CORPORA / FILES[source]).open(encoding="utf-8") as handle:
        rows = (json.loads(line) for line in handle if line.strip())
        return {r["id"]: r for r in rows if not is_test(source, r["id"])}


def text_of(record: dict) -> str:
    return f"{record['title'].strip()}\n\n{record['body'].strip()}\n"


class Linter:
    def __init__(self) -> None:
        from newslint.config import CliOverrides, ConfigResolver
        from newslint.engine import RuleSet, build_providers

        self.dir = tempfile.mkdtemp(prefix="newslint-padding-dev-")
        self.path = Path(self.dir) / "doc.txt"
        rules = sorted({r for ids in CLASSES.values() for r in ids})
        config = ConfigResolver(None, CliOverrides(select=tuple(rules))).for_path(self.path)
        self.rules = RuleSet(config, build_providers(config))

    def __call__(self, text: str) -> list:
        from newslint.engine import lint_source

        return lint_source(self.path, "doc.txt", text, self.rules).diagnostics


def main() -> int:
    if not (CORPORA / FILES["aigen_news"]).exists():
        print(f"corpora not found under {CORPORA}; nothing to measure")
        return 0
    lint = Linter()
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["documents"]
    counts = {c: [0, 0, 0] for c in CLASSES}  # true pos, labelled, predicted
    cache: dict[str, dict[str, dict]] = {}
    for entry in labels:
        source = entry["source"]
        record = cache.setdefault(source, records(source))[entry["id"]]
        found = lint(text_of(record))
        for cls, ids in CLASSES.items():
            spans = [(d.range.start.offset, d.range.end.offset) for d in found if d.rule in ids]
            gold = {tuple(s) for s in entry[cls]}
            for start, end in map(tuple, entry["sentences"]):
                hit = any(a < end and start < b for a, b in spans)
                counts[cls][0] += hit and (start, end) in gold
                counts[cls][1] += (start, end) in gold
                counts[cls][2] += hit
    print(f"labelled DEV documents: {len(labels)}")
    for cls, (tp, gold, pred) in counts.items():
        recall = tp / gold if gold else float("nan")
        precision = tp / pred if pred else float("nan")
        print(f"{cls:16} recall {tp}/{gold} = {recall:.0%} precision {tp}/{pred} = {precision:.0%}")
    for source in ("bbc", "iu_human"):
        started, words, per = time.perf_counter(), 0, {c: 0 for c in CLASSES}
        for record in records(source).values():
            text = text_of(record)
            words += len(text.split())
            for d in lint(text):
                if d.severity >= 2:  # warning or error
                    for cls, ids in CLASSES.items():
                        per[cls] += d.rule in ids
        figures = ", ".join(f"{c} {n} ({n / words * 1000:.3f}/1k)" for c, n in per.items())
        seconds = time.perf_counter() - started
        print(f"{source} DEV, {words:,} words, {seconds:.1f}s: warnings+errors {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
