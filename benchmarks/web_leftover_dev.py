"""Web leftovers on real saved pages (DEV split of the trafilatura set only).

trafilatura's evaluation set labels each page with snippets that belong to the
article ("with") and snippets a main-text extractor must leave out
("without"). This script reads the DEV pages from ../shared/corpora (or
NEWSLINT_CORPORA) at run time; nothing is copied into the repository.

    python benchmarks/web_leftover_dev.py             # the lint: recall and false alarms
    python benchmarks/web_leftover_dev.py --compare   # boilerplate classifiers, block by block

The lint mode runs the real CLI (--select filler, grammar off) on the pages and
counts, for every "without" snippet that leaks into newslint's text, whether a
web-leftover diagnostic overlaps its block (the snippets are fragments), and for
every "with" snippet whether one does (a false alarm). "body" counts only
snippets between the first and the last block holding a "with" snippet: the
article body, where leftovers matter most.

The compare mode labels each block newslint extracts inside the article body
("without" snippet: furniture; "with" snippet: article) and asks each classifier
which blocks are boilerplate: jusText on newslint's own blocks (link characters
from the HTML reader), jusText on its own segmentation of the page, and
trafilatura's extraction (a block is kept when its text is in the output).
The labels are trafilatura's, made for testing trafilatura: they favour it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from real_copy_corpus import REPO_ROOT, RealDoc, iter_documents, missing

sys.path.insert(0, str(REPO_ROOT))

from newslint.document import Document
from newslint.sources import load_document
from newslint.spans import Span

WEB_RULES = ("filler.web-leftover", "filler.web-furniture")


def norm(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


@dataclass
class Page:
    doc: RealDoc
    newslint: Document
    blocks: list[Span]
    texts: list[str]  # normalised block texts
    labels: list[str | None] = field(default_factory=list)  # "with" / "without" / None
    body: range = range(0)

    def find(self, snippet: str) -> Span | None:
        """The prose span of a snippet, searched block by block (normalised)."""
        wanted = norm(snippet)
        if not wanted:
            return None
        for block, text in zip(self.blocks, self.texts, strict=True):
            at = text.find(wanted)
            if at >= 0:
                return _denormalise(self.newslint.text, block, at, len(wanted))
        return None

    def block_of(self, span: Span) -> int:
        return next(i for i, b in enumerate(self.blocks) if b.overlaps(span))


def _denormalise(text: str, block: Span, at: int, length: int) -> Span:
    """Map an offset range of a normalised block back to prose offsets."""
    positions = []
    previous_space = True
    for i in range(block.start, block.end):
        ch = text[i]
        space = ch.isspace() or ch == "\xa0"
        if space and previous_space:
            continue
        positions.append(i)
        previous_space = space
    start = positions[at]
    end = positions[min(at + length, len(positions)) - 1] + 1
    return Span(start, end)


def dev_pages() -> list[Page]:
    """DEV pages in English (newslint gates the others with spelling.not-english)."""
    from newslint.analysis.language import document_language

    pages = []
    for real in iter_documents("trafilatura"):
        if real.split != "dev" or not real.meta:
            continue
        doc = load_document(real.filename, real.text, "html")
        if not document_language(doc).english:
            continue
        page = Page(
            real, doc, list(doc.paragraphs), [norm(doc.span_text(p)) for p in doc.paragraphs]
        )
        page.labels = [None] * len(page.blocks)
        for kind in ("with", "without"):
            for snippet in real.meta.get(kind, []):
                span = page.find(snippet)
                if span is not None:
                    index = page.block_of(span)
                    page.labels[index] = "both" if page.labels[index] not in (None, kind) else kind
        content = [i for i, label in enumerate(page.labels) if label == "with"]
        if content:
            page.body = range(content[0], content[-1] + 1)
        pages.append(page)
    return pages


# -- classifiers ------------------------------------------------------------------


def justext_native(page: Page) -> list[bool]:
    """jusText's classifier on newslint's blocks (what the rule ships)."""
    from newslint.analysis.boilerplate import classify

    return [verdict.boilerplate for verdict in classify(page.newslint)]


def justext_page(page: Page) -> list[bool]:
    """jusText on its own parse of the page, mapped to newslint's blocks by text."""
    import justext

    paragraphs = justext.justext(page.doc.text.encode("utf-8"), justext.get_stoplist("English"))
    joined, owners = "", []
    for number, paragraph in enumerate(paragraphs):
        text = norm(paragraph.text) + " "
        joined += text
        owners.extend([number] * len(text))
    verdicts = []
    for text in page.texts:
        probe = text[:80]
        at = joined.find(probe) if probe else -1
        if at < 0:
            verdicts.append(False)  # not found: jusText dropped or re-cut it; count as kept
            continue
        classes = Counter(paragraphs[owners[i]].class_type for i in range(at, at + len(probe)))
        verdicts.append(classes.most_common(1)[0][0] != "good")
    return verdicts


def trafilatura_extract(page: Page) -> list[bool]:
    import trafilatura

    extracted = norm(trafilatura.extract(page.doc.text, include_comments=False) or "")
    return [bool(text) and text[:80] not in extracted for text in page.texts]


CLASSIFIERS = {
    "jusText on newslint blocks": justext_native,
    "jusText on its own parse": justext_page,
    "trafilatura.extract": trafilatura_extract,
}


def compare(pages: list[Page]) -> None:
    """Each classifier alone, then with the evidence filler.web-furniture adds
    (the block sits in an element whose class/id names furniture)."""
    from newslint.analysis.furniture import marked_family

    print("Blocks inside the article body (first to last block holding a 'with' snippet)")
    print("| classifier | furniture | found | recall | article | flagged | precision | s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, classifier in CLASSIFIERS.items():
        began = time.perf_counter()
        verdicts = [classifier(page) for page in pages]
        seconds = time.perf_counter() - began
        for evidence in (False, True):
            furniture = found = article = wrong = 0
            for page, page_verdicts in zip(pages, verdicts, strict=True):
                marks = {b.span: b.marks for b in page.newslint.page_blocks}
                for index in page.body:
                    rejected = page_verdicts[index]
                    if evidence:
                        found_marks = marks.get(page.blocks[index], ())
                        rejected = rejected and marked_family(found_marks) is not None
                    if page.labels[index] == "without":
                        furniture += 1
                        found += rejected
                    elif page.labels[index] == "with":
                        article += 1
                        wrong += rejected
            label = f"{name} + class words" if evidence else name
            precision = f"{found / (found + wrong):.0%}" if found + wrong else "n/a"
            print(
                f"| {label} | {furniture} | {found} | {found / max(furniture, 1):.0%} | {article} "
                f"| {wrong} | {precision} | {seconds:.1f} |"
            )


# -- the lint ----------------------------------------------------------------------


def lint(pages: list[Page], select: str, verbose: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            (Path(tmp) / page.doc.filename).write_text(page.doc.text, encoding="utf-8")
        command = [
            sys.executable, "-m", "newslint", "check", "--format", "json", "--select", select,
            "--ignore", "grammar", tmp,
        ]  # fmt: skip
        print("$", " ".join(command))
        run = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT, check=False)
        report = json.loads(run.stdout)
    by_file = {Path(f["path"]).name: f["diagnostics"] for f in report["files"]}
    tally: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    for page in pages:
        diags = [d for d in by_file.get(page.doc.filename, []) if d["rule"] in WEB_RULES]
        rules.update(d["rule"] for d in diags)
        ranges = [(d["range"]["start"]["offset"], d["range"]["end"]["offset"]) for d in diags]
        for kind in ("without", "with"):
            for snippet in page.doc.meta.get(kind, []):
                span = page.find(snippet)
                if span is None:
                    continue
                index = page.block_of(span)
                where = "body" if index in page.body else "outside"
                # trafilatura's snippets are fragments: a finding on their block counts.
                block = page.blocks[index]
                located = page.newslint.locate(block.start, block.end)
                start, end = located.start.offset, located.end.offset
                hit = any(s < end and start < max(e, s + 1) for s, e in ranges)
                tally[f"{kind} {where}"] += 1
                tally[f"{kind} {where} flagged"] += hit
                if verbose and (hit if kind == "with" else not hit):
                    mark = "FALSE ALARM" if kind == "with" else "missed"
                    print(f"  {mark} [{where}] {page.doc.id}: {norm(snippet)[:90]!r}")
    for kind, label in (("without", "leftovers found"), ("with", "article snippets flagged")):
        for where in ("body", "outside"):
            total, hit = tally[f"{kind} {where}"], tally[f"{kind} {where} flagged"]
            print(f"{label:>25} ({where:>7}): {hit} of {total} ({hit / max(total, 1):.0%})")
    print("diagnostics by rule:", dict(rules))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compare", action="store_true", help="compare boilerplate classifiers")
    parser.add_argument("--select", default="filler", help="rules to run (default: filler)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false alarms")
    args = parser.parse_args(argv)
    why = missing("trafilatura")
    if why:
        print(why)
        return 0
    pages = dev_pages()
    print(f"{len(pages)} DEV pages in English")
    if args.compare:
        compare(pages)
    else:
        lint(pages, args.select, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
