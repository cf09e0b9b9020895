"""Hand-labelling helper for the real-copy set: text stays outside the repo.

A label is located by a search string given on the command line (or in a
batch file kept outside the repository); only offsets and hashes are written
to benchmarks/data/real_copy/labels.jsonl.

    python benchmarks/real_copy_label.py list aigen_news --split dev --where prompt=generated_base
    python benchmarks/real_copy_label.py show aigen_news 017
    python benchmarks/real_copy_label.py add aigen_news 017 vague-attribution "Critics say"
    python benchmarks/real_copy_label.py add aigen_news 017 machine-padding "In the end ... come."
    python benchmarks/real_copy_label.py clean aigen_news 017 machine-padding,reader-address
    python benchmarks/real_copy_label.py batch /tmp/labels.tsv  # source TAB id TAB class TAB needle
    python benchmarks/real_copy_label.py check      # spans still match the corpus text
    python benchmarks/real_copy_label.py summary    # label counts per class and split

A needle "A ... B" spans from the first A to the end of the first B after
it; "@START-END" gives offsets directly. ``nth`` (1-based; a fifth batch
column) picks a later occurrence. In a batch file the class
CLEAN takes a comma-separated class list as its needle: the document was
fully labelled for those classes, so any finding of them outside a labelled
span counts as a false positive. REGION "@START-END" limits a page to its
article body: findings outside it are ignored (page chrome is not labelled);
"REGION:<class>" sets a region for one class only (a page labelled for two classes
in different parts of it).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from real_copy_corpus import (
    CLASSES,
    RealDoc,
    documents,
    missing,
    read_labels,
    sha1,
    sha256,
    split,
    write_labels,
)


def locate(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """Offsets of the nth occurrence of needle ("A ... B" spans A to B).

    "@START-END" gives the offsets directly (for HTML, where markup sits
    between the words of a block)."""
    if needle.startswith("@"):
        start, _, end = needle[1:].partition("-")
        if not (start.isdigit() and end.isdigit() and int(start) < int(end) <= len(text)):
            raise LookupError(f"bad range: {needle!r}")
        return int(start), int(end)
    head, sep, tail = needle.partition(" ... ")
    start = -1
    for _ in range(nth):
        start = text.find(head, start + 1)
        if start < 0:
            raise LookupError(f"not found: {head[:60]!r}")
    end = start + len(head)
    if sep:
        found = text.find(tail, end)
        if found < 0:
            raise LookupError(f"end not found: {tail[:60]!r}")
        end = found + len(tail)
    return start, end


class Labels:
    """labels.jsonl in memory, keyed by (source, id)."""

    def __init__(self) -> None:
        self.records = {(r["source"], r["id"]): r for r in read_labels()}
        self.docs: dict[str, dict[str, RealDoc]] = {}

    def doc(self, source: str, doc_id: str) -> RealDoc:
        if source not in self.docs:
            reason = missing(source)
            if reason:
                raise SystemExit(reason)
            self.docs[source] = documents(source)
        return self.docs[source][doc_id]

    def record(self, source: str, doc_id: str) -> dict:
        doc = self.doc(source, doc_id)
        key = (source, doc_id)
        if key not in self.records:
            self.records[key] = {
                "source": source,
                "id": doc_id,
                "split": split(source, doc_id),
                "sha256": sha256(doc.text),
                "clean_for": [],
                "spans": [],
            }
        return self.records[key]

    def add(self, source: str, doc_id: str, cls: str, needle: str, nth: int = 1) -> dict:
        if cls not in CLASSES:
            raise SystemExit(f"unknown class {cls!r}; one of {', '.join(CLASSES)}")
        text = self.doc(source, doc_id).text
        start, end = locate(text, needle, nth)
        span = {"class": cls, "start": start, "end": end, "sha1": sha1(text[start:end])}
        spans = self.record(source, doc_id)["spans"]
        if span not in spans:
            spans.append(span)
        return span

    def region(self, source: str, doc_id: str, needle: str, cls: str | None = None) -> None:
        """The article body of a page: findings outside it are neither hits nor false alarms.
        With a class, the region holds for that class only ("regions")."""
        start, end = locate(self.doc(source, doc_id).text, needle)
        record = self.record(source, doc_id)
        if cls is None:
            record["region"] = [start, end]
        elif cls in CLASSES:
            record.setdefault("regions", {})[cls] = [start, end]
        else:
            raise SystemExit(f"unknown class {cls!r}")

    def clean(self, source: str, doc_id: str, classes: list[str]) -> None:
        unknown = [c for c in classes if c not in CLASSES]
        if unknown:
            raise SystemExit(f"unknown class(es) {unknown}")
        record = self.record(source, doc_id)
        record["clean_for"] = sorted(set(record["clean_for"]) | set(classes))

    def save(self) -> None:
        write_labels(list(self.records.values()))


def check() -> int:
    """Every labelled span still matches its text; returns the number of problems."""
    problems = 0
    by_source: dict[str, dict[str, RealDoc]] = {}
    for record in read_labels():
        source = record["source"]
        if missing(source):
            continue
        docs = by_source.setdefault(source, documents(source))
        doc = docs.get(record["id"])
        if doc is None or sha256(doc.text) != record["sha256"]:
            print(f"{source}:{record['id']}: document missing or changed")
            problems += 1
            continue
        for span in record["spans"]:
            if sha1(doc.text[span["start"] : span["end"]]) != span["sha1"]:
                print(f"{source}:{record['id']}: span {span['start']}-{span['end']} changed")
                problems += 1
    return problems


def summary() -> None:
    counts: Counter[tuple[str, str]] = Counter()
    docs: Counter[str] = Counter()
    for record in read_labels():
        docs[record["split"]] += 1
        for span in record["spans"]:
            counts[(span["class"], record["split"])] += 1
    print(f"labelled documents: dev {docs['dev']}, test {docs['test']}")
    for cls in CLASSES:
        print(f"  {cls:18} dev {counts[(cls, 'dev')]:4}  test {counts[(cls, 'test')]:4}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_list = sub.add_parser("list")
    p_list.add_argument("source")
    p_list.add_argument("--split", choices=("dev", "test"))
    p_list.add_argument("--where", help="meta key=value")
    p_show = sub.add_parser("show")
    p_show.add_argument("source")
    p_show.add_argument("id")
    p_add = sub.add_parser("add")
    p_add.add_argument("source")
    p_add.add_argument("id")
    p_add.add_argument("cls")
    p_add.add_argument("needle")
    p_add.add_argument("--nth", type=int, default=1)
    p_clean = sub.add_parser("clean")
    p_clean.add_argument("source")
    p_clean.add_argument("id")
    p_clean.add_argument("classes")
    p_batch = sub.add_parser("batch")
    p_batch.add_argument("file")
    sub.add_parser("check")
    sub.add_parser("summary")
    args = parser.parse_args()

    if args.command == "check":
        problems = check()
        print(f"{problems} problem(s)")
        return 1 if problems else 0
    if args.command == "summary":
        summary()
        return 0
    if args.command == "list":
        reason = missing(args.source)
        if reason:
            print(reason)
            return 0
        key, _, value = (args.where or "").partition("=")
        for doc in documents(args.source).values():
            if args.split and doc.split != args.split:
                continue
            if key and str(doc.meta.get(key)) != value:
                continue
            print(doc.id, doc.split, len(doc.text.split()))
        return 0
    labels = Labels()
    if args.command == "show":
        doc = labels.doc(args.source, args.id)
        print(f"== {doc.source}:{doc.id} ({doc.split}) {doc.meta}\n{doc.text}")
        return 0
    if args.command == "add":
        print(labels.add(args.source, args.id, args.cls, args.needle, args.nth))
    elif args.command == "clean":
        labels.clean(args.source, args.id, args.classes.split(","))
    elif args.command == "batch":
        failed = 0
        with open(args.file, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip() or line.startswith("#"):
                    continue
                fields = line.rstrip("\n").split("\t")
                source, doc_id, cls, needle = fields[:4]
                nth = int(fields[4]) if len(fields) > 4 else 1
                try:
                    if cls == "CLEAN":
                        labels.clean(source, doc_id, needle.split(","))
                    elif cls == "REGION" or cls.startswith("REGION:"):
                        labels.region(source, doc_id, needle, cls.partition(":")[2] or None)
                    else:
                        labels.add(source, doc_id, cls, needle, nth)
                except (LookupError, KeyError) as exc:
                    print(f"{args.file}:{number}: {source}:{doc_id}: {exc}")
                    failed += 1
        print(f"batch done, {failed} line(s) failed")
    labels.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
