"""spelling.unknown precision on a blind sample, judged flag by flag.

Every DEV document of the real-copy sources (BBC, iu_human, aigen_news,
fair_framed, trafilatura) and of spelling_fresh.py's pages has been linted,
judged and tuned on: together they give fewer than 80 spelling.unknown flags
on DEV, all judged. This script measures on pages nobody on this project has
judged, read from local copies, never from the repository:

- ``postlight``: the saved news pages of postlight/parser's test fixtures (MIT/Apache
  repository, commit e8ba7ec; the pages (c) their publishers); D = the page's path
  under ``fixtures/`` (``www.cnn.com/1480437611330.html``). tmz.com pages are
  skipped (readability's tmz-1 page is reserved);
- ``msv``: MSVCode/ir-research-data (commit cbb428c, research use only), the
  hand-extracted main text of news pages of 2013 and 2017 from about 240 sites
  (``Extraction/{chaos-all,big5-13,big5-17}/gold/*.txt``); D = the path under
  ``Extraction/`` (``chaos-all/gold/affair (1).txt``). Its 2005 and 2009 sets
  (``big5-05``, ``big5-09``) were added later as a third batch, C, judged after
  the changes tuned on half A: their BBC pages (<title> naming BBC, the years of
  the BBC corpus) are never read;
- ``wmt``: Helsinki-NLP/WMT16-test-enfi and WMT17-test-enfi (CC BY 4.0, commits
  dddba18 and 066374d), professional news of 2015-16 (English originals and
  professional translations into English), ``original/`` and ``translated/``;
  D = ``<year>/<path>``. Batch C too, added last.
- ``allsides``: professionally edited news of many US and UK newsrooms (NPR, CNN,
  Reuters, AP, The Guardian ...) from the AllSides article-bias set
  (ramybaly/Article-Bias-Prediction, commit ced8111a, Apache-2.0 repository, the
  articles (c) their publishers, research use): a fixed sample of
  :data:`ALLSIDES_SAMPLE` DEV news stories (opinion and guest pieces and the
  Christian Science Monitor, whose stories are the ``csmonitor`` clean copy of
  real_copy.py, left out), title + body as build_real_copy_corpora.py writes
  them; D = the AllSides ID. Read from the bare mirror at ``<root>/allsides``.
  Added in issue 8 round 7 (wt-clean7), split into halves A and B before any change;
  measured on its own (``--source allsides``), the default sample stays as it was.

    git clone https://github.com/postlight/parser /tmp/blind/postlight
    git clone https://github.com/MSVCode/ir-research-data /tmp/blind/msv
    git clone --bare https://github.com/ramybaly/Article-Bias-Prediction /tmp/blind/allsides
    python benchmarks/spelling_blind.py --root /tmp/blind --half A --show unjudged

The DEV/TEST rule of the real-copy set applies: TEST pages are never read. DEV
pages are cut into two halves by a second hash, before any change is made: tune
on half A, report half B (and batch C).

Each flag is judged by hand in context and recorded by offsets and a hash
(benchmarks/data/real_copy/spelling_blind_verdicts.tsv: source, id, start, end,
sha1 of the flagged text, right | false, the cause in the judge's words); no page
text is stored. ``right`` means a copy editor would fix the word.
``--show`` prints context on the terminal only.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from real_copy import pct
from real_copy_corpus import REPO_ROOT, RealDoc, decode_page, sha1, split
from spelling_dev import lint

SOURCES = ("postlight", "msv", "wmt")  # the default: the sample of issue 8 rounds 5-6
CHOICES = (*SOURCES, "allsides", "newsroom")  # --source allsides (round 7), newsroom (14)
ALLSIDES_SAMPLE = 300  # DEV stories, the first by sha1("blind:<ID>")
NEWSROOM_SAMPLE = 1500  # mainstream DEV stories after fresh_clean_copy.py's sample
# Outlets whose pieces are opinion, or whose stories are measured elsewhere.
_NOT_NEWS = re.compile(r"opinion|guest writer|christian science monitor", re.I)
MSV_SETS = ("chaos-all", "big5-13", "big5-17", "big5-05", "big5-09")
LATE_SETS = ("big5-05/", "big5-09/")  # batch C
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S | re.I)
SKIP = ("tmz.com",)  # readability's tmz-1 page is reserved: no page of that site is read
BLIND = REPO_ROOT / "benchmarks" / "data" / "real_copy" / "spelling_blind_verdicts.tsv"
CONTEXT = 50
Key = tuple[str, str, int, int, str]


def half(source: str, doc_id: str) -> str:
    if source == "wmt" or doc_id.startswith(LATE_SETS):
        return "C"
    digest = hashlib.sha1(f"half:{source}:{doc_id}".encode()).hexdigest()
    return "A" if int(digest, 16) % 2 == 0 else "B"


def allsides_pages(root: Path) -> Iterator[RealDoc]:
    """The fixed DEV sample of AllSides news stories (see the docstring)."""
    import json

    from build_real_copy_corpora import ALLSIDES_COMMIT, _git_blobs
    from real_copy_corpus import article_text

    mirror = root / "allsides"
    if not mirror.exists():
        return
    stories = {}
    for blob in _git_blobs(mirror, ALLSIDES_COMMIT, "data/jsons"):
        record = json.loads(blob)
        body = str(record.get("content_original") or "").strip()
        if _NOT_NEWS.search(str(record.get("source", ""))) or len(body.split()) < 150:
            continue
        if split("allsides", record["ID"]) == "dev":
            stories[record["ID"]] = {"title": str(record.get("title", "")), "body": body}
    order = sorted(stories, key=lambda i: hashlib.sha1(f"blind:{i}".encode()).hexdigest())
    for doc_id in sorted(order[:ALLSIDES_SAMPLE]):
        yield RealDoc("allsides", doc_id, "txt", article_text(stories[doc_id]))


def newsroom_pages(root: Path) -> Iterator[RealDoc]:
    """Mainstream newsrooms' DEV stories that follow fresh_clean_copy.py's sample
    in its order: edited copy like the BBC clean copy, none of it read before."""
    # Imported here: fresh_clean_copy imports this module.
    from fresh_clean_copy import SAMPLE, sample
    from real_copy_corpus import article_text

    mirror = root / "allsides"
    if not mirror.exists():
        return
    for record in sample(mirror, start=SAMPLE, count=NEWSROOM_SAMPLE):
        body = str(record["content_original"]).strip()
        story = {"title": str(record.get("title", "")), "body": body}
        yield RealDoc("newsroom", record["ID"], "txt", article_text(story))


def pages(source: str, root: Path) -> Iterator[RealDoc]:
    if source == "allsides":
        yield from allsides_pages(root)
        return
    if source == "newsroom":
        yield from newsroom_pages(root)
        return
    if source == "postlight":
        base = root / "postlight" / "fixtures"
        paths = sorted(base.rglob("*.html"))
    elif source == "wmt":
        base = root / "wmt"
        paths = [p for p in sorted(base.rglob("*.txt")) if "_en/" in p.as_posix()]
    else:
        base = root / "msv" / "Extraction"
        paths = [p for s in MSV_SETS for p in sorted((base / s / "gold").glob("*.txt"))]
    for path in paths:
        doc_id = path.relative_to(base).as_posix()
        if any(s in doc_id for s in SKIP) or split(source, doc_id) != "dev":
            continue
        if doc_id.startswith(LATE_SETS) and _bbc_page(path):
            continue
        kind = "html" if path.suffix == ".html" else "txt"
        yield RealDoc(source, doc_id, kind, decode_page(path.read_bytes()))


def _bbc_page(gold: Path) -> bool:
    """Whether the saved page a gold text was taken from is a BBC page."""
    page = gold.parent.parent / "html" / (gold.stem + ".htm")
    if not page.is_file():
        return True  # cannot tell: not read
    found = _TITLE.search(page.read_bytes().decode("utf-8", "replace"))
    return found is None or "BBC" in found.group(1)


def read_blind(path: Path = BLIND) -> dict[Key, tuple[bool, str]]:
    verdicts: dict[Key, tuple[bool, str]] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                source, doc_id, start, end, digest, verdict, note = line.split("\t")[:7]
                key = (source, doc_id, int(start), int(end), digest)
                verdicts[key] = (verdict == "right", note)
    return verdicts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("/tmp/blind"), help="the clones' parent")
    parser.add_argument("--source", action="append", choices=CHOICES)
    parser.add_argument("--half", choices=("A", "B", "C", "all"), default="A")
    parser.add_argument("--show", choices=("false", "unjudged", "right", "all"))
    parser.add_argument("--select", default="spelling")
    args = parser.parse_args()

    docs = [
        d
        for source in args.source or SOURCES
        for d in pages(source, args.root)
        if args.half in ("all", half(d.source, d.id))
    ]
    if not docs:
        print(f"no pages under {args.root} (see the docstring); nothing to measure")
        return 0
    verdicts = read_blind()
    workroot = Path(tempfile.mkdtemp(prefix="newslint-spelling-blind-"))
    if workroot.resolve().is_relative_to(REPO_ROOT):
        raise SystemExit("refusing to write corpus text inside the repository; set TMPDIR")
    try:
        found = lint(docs, workroot, None, args.select)
    finally:
        shutil.rmtree(workroot, ignore_errors=True)
    by_name = {d.filename: d for d in docs}
    tally: Counter[str] = Counter()
    causes: Counter[str] = Counter()
    for name, diags in sorted(found.items()):
        doc = by_name[name]
        for diag in diags:
            if diag["rule"] != "spelling.unknown":
                continue
            start, end = diag["range"]["start"]["offset"], diag["range"]["end"]["offset"]
            word = doc.text[start:end]
            judged = verdicts.get((doc.source, doc.id, start, end, sha1(word)))
            kind = "unjudged" if judged is None else ("right" if judged[0] else "false")
            tally[kind] += 1
            if kind == "false":
                causes[judged[1]] += 1
            if args.show in (kind, "all"):
                left = " ".join(doc.text[max(0, start - CONTEXT) : start].split())
                right = " ".join(doc.text[end : end + CONTEXT].split())
                print(
                    f"{kind}\t{doc.source}\t{doc.id}\t{start}\t{end}\t{word}\t…{left}[{word}]{right}…"
                )
    judged_n = tally["right"] + tally["false"]
    words = sum(len(d.text.split()) for d in docs)
    print(
        f"half {args.half}: {len(docs)} documents, {words:,} words, {sum(tally.values())} flags, "
        f"{tally['right']} right, {tally['false']} false, {tally['unjudged']} unjudged, "
        f"precision {pct(tally['right'], judged_n).strip()}"
    )
    for cause, n in causes.most_common():
        print(f"  false: {n:3}  {cause}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
