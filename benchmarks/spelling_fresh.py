"""spelling.unknown precision on saved news pages the spelling rules were not tuned on.

Every DEV document of the real-copy set had been judged and tuned on, so the
DEV figures stopped predicting TEST. This script reads two further public sets
of real saved pages from local clones (nothing is copied into the repository):

- ``aeb``: scrapinghub/article-extraction-benchmark (MIT, commit 4a3bc97): 181
  news and blog pages of 2019-20, ``html/<id>.html.gz``; D = ``<id>``;
- ``readability``: mozilla/readability's test pages (Apache-2.0, commit ab4027a),
  ``test/test-pages/<name>/source.html``; D = ``<name>``. ``tmz-1`` is reserved
  (corpora README) and never read;
- ``dragnet``: seomoz/dragnet_data (AGPLv3 data, commit 95559be), the hand-corrected
  main content of 1,381 news and blog pages of 2012, comments included,
  ``Corrected/<id>.html.corrected.txt`` from ``dragnet_Corrected.tar.gz``; D = ``<id>``;
- ``newspaper``: codelucas/newspaper's test pages (MIT, commit 1618b54), 157 saved news
  pages, ``tests/data/html/<name>.html``; D = ``<name>``. Added last, as a final
  check: no rule was tuned on it.

The DEV/TEST rule of the real-copy set applies (S = the source name above):
TEST documents are never read. DEV documents are cut once more by a hash into a
tuning batch and a ``blind`` batch (one in three) kept for checking changes.
Flags are judged with the hand verdicts (spelling_verdicts_dev.tsv, then
spelling_verdicts.tsv), words only; ``--show`` prints context on the terminal only.

    git clone https://github.com/scrapinghub/article-extraction-benchmark /tmp/fresh/aeb
    git clone https://github.com/mozilla/readability /tmp/fresh/readability
    git clone https://github.com/codelucas/newspaper /tmp/fresh/newspaper
    mkdir /tmp/fresh/dragnet && git clone https://github.com/seomoz/dragnet_data /tmp/dn \
        && tar xzf /tmp/dn/dragnet_Corrected.tar.gz -C /tmp/fresh/dragnet
    python benchmarks/spelling_fresh.py --root /tmp/fresh --batch tune --show false
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from real_copy import pct, read_verdicts
from real_copy_corpus import REPO_ROOT, VERDICTS, RealDoc, decode_page, split
from spelling_dev import DEV_VERDICTS, lint, tally_flags

RESERVED = {"readability": {"tmz-1"}}
SOURCES = ("aeb", "readability", "dragnet", "newspaper")
BLIND_SHARE = 3  # one DEV document in three is held back


def batch(source: str, doc_id: str) -> str:
    digest = hashlib.sha1(f"blind:{source}:{doc_id}".encode()).hexdigest()
    return "blind" if int(digest, 16) % BLIND_SHARE == 0 else "tune"


def pages(source: str, root: Path) -> Iterator[RealDoc]:
    if source == "aeb":
        for path in sorted((root / "aeb" / "html").glob("*.html.gz")):
            doc_id = path.name.removesuffix(".html.gz")
            if split(source, doc_id) == "dev":
                yield RealDoc(
                    source, doc_id, "html", decode_page(gzip.decompress(path.read_bytes()))
                )
    elif source == "readability":
        for path in sorted((root / "readability" / "test" / "test-pages").glob("*/source.html")):
            doc_id = path.parent.name
            if doc_id not in RESERVED[source] and split(source, doc_id) == "dev":
                yield RealDoc(source, doc_id, "html", decode_page(path.read_bytes()))
    elif source == "newspaper":
        for path in sorted((root / "newspaper" / "tests" / "data" / "html").glob("*.html")):
            doc_id = path.name.removesuffix(".html")
            if split(source, doc_id) == "dev":
                yield RealDoc(source, doc_id, "html", decode_page(path.read_bytes()))
    elif source == "dragnet":
        for path in sorted((root / "dragnet" / "Corrected").glob("*.html.corrected.txt")):
            doc_id = path.name.removesuffix(".html.corrected.txt")
            if split(source, doc_id) == "dev":
                yield RealDoc(source, doc_id, "txt", decode_page(path.read_bytes()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("/tmp/fresh"), help="the clones' parent")
    parser.add_argument("--source", action="append", choices=SOURCES)
    parser.add_argument("--batch", choices=("tune", "blind", "all"), default="tune")
    parser.add_argument("--show", choices=("false", "unjudged", "right", "all"))
    parser.add_argument("--select", default="spelling")
    args = parser.parse_args()

    verdicts = read_verdicts(VERDICTS)
    verdicts.update(read_verdicts(DEV_VERDICTS))
    total: Counter[str] = Counter()
    workroot = Path(tempfile.mkdtemp(prefix="newslint-spelling-fresh-"))
    if workroot.resolve().is_relative_to(REPO_ROOT):
        raise SystemExit("refusing to write corpus text inside the repository; set TMPDIR")
    try:
        for source in args.source or SOURCES:
            docs = [
                d
                for d in pages(source, args.root)
                if args.batch == "all" or batch(source, d.id) == args.batch
            ]
            if not docs:
                print(f"{source}: no pages under {args.root} (see the docstring); skipped")
                continue
            work = workroot / source
            work.mkdir()
            found = lint(docs, work, None, args.select)
            texts = {d.filename: d.text for d in docs}
            tally, rules = tally_flags(found, texts, verdicts, args.show)
            judged = tally["right"] + tally["false"]
            others = {r: n for r, n in rules.items() if r != "spelling.unknown"}
            print(
                f"{source:12} {args.batch:5} {len(docs):4} pages: {sum(tally.values()):4} flags, "
                f"{tally['right']} right, {tally['false']} false, {tally['unjudged']} unjudged, "
                f"precision {pct(tally['right'], judged).strip()}  other rules: {others}"
            )
            total.update(tally)
    finally:
        shutil.rmtree(workroot, ignore_errors=True)
    judged = total["right"] + total["false"]
    print(
        f"all: {sum(total.values())} flags, {total['right']} right, {total['false']} false, "
        f"{total['unjudged']} unjudged, precision {pct(total['right'], judged).strip()}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
