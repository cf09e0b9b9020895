#!/usr/bin/env python3
"""Recall of spelling.unknown on real misspellings from codespell's list.

codespell's ``dictionary.txt`` (``spelling/codespell`` under NEWSLINT_CORPORA or
``<repo>/../shared/corpora``,
CC BY-SA 3.0, read at run time, never copied) pairs misspellings seen in the
wild with their corrections. This script takes an even sample of the entries
whose misspelling is one lowercase word, leaves out words the
spelling.misspelled pack lists (that rule has its own table) and words the
dictionary itself accepts (codespell also lists rare real words), and puts
each misspelling into a short sentence of its own, linted in-process as its
own document with ``spelling.unknown`` selected. It prints how many are
flagged, by length, and lists misses with ``--misses``. It writes nothing;
without the corpus it says so and exits 0.

    python benchmarks/spelling_recall.py [--sample 1500] [--language en-GB] [--misses]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

from corpus import REPO_ROOT, missing_message

CORPORA = Path(os.environ.get("NEWSLINT_CORPORA") or REPO_ROOT.parent / "shared" / "corpora")
DEFAULT = CORPORA / "spelling" / "codespell" / "dictionary.txt"
_PLAIN = re.compile(r"[a-z]+")
SENTENCE = "Officials said the {} would be discussed at the meeting on Monday.\n"


def pairs(path: Path) -> list[tuple[str, str]]:
    """(misspelling, correction) for one-word lowercase entries with one correction."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        wrong, _, right = line.partition("->")
        right = right.split(",")[0].strip()
        if _PLAIN.fullmatch(wrong) and _PLAIN.fullmatch(right) and len(wrong) >= 3:
            found.append((wrong, right))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dictionary", type=Path, default=DEFAULT)
    parser.add_argument("--sample", type=int, default=1500, help="entries, spread evenly")
    parser.add_argument("--language", default="en-GB", choices=("en-US", "en-GB"))
    parser.add_argument("--misses", action="store_true", help="list the misspellings missed")
    args = parser.parse_args(argv)

    reason = missing_message(args.dictionary)
    if reason:
        print(reason)
        return 0

    from newslint.engines.spelling.data import misspelled_table
    from newslint.engines.spelling.lexicon import lexicon
    from newslint.engines.spelling.provider import UNKNOWN, SpellingProvider
    from newslint.registry import CheckContext
    from newslint.sources import load_document

    lex = lexicon(args.language)
    pack = misspelled_table()
    every = pairs(args.dictionary)
    candidates = [(w, r) for w, r in every if w not in pack and lex.known(r)]
    real = [w for w, _ in candidates if lex.known(w)]
    candidates = [(w, r) for w, r in candidates if not lex.known(w)]
    step = max(1, len(candidates) // args.sample)
    sample = candidates[::step][: args.sample]

    provider = SpellingProvider()
    selected = frozenset({UNKNOWN})
    ctx = CheckContext(language=args.language)
    caught: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    misses = []
    began = time.perf_counter()
    for wrong, right in sample:
        doc = load_document("sample.txt", SENTENCE.format(wrong), "text")
        band = "3-5" if len(wrong) <= 5 else "6-9" if len(wrong) <= 9 else "10+"
        seen[band] += 1
        if any(d.rule == UNKNOWN for d in provider.check(doc, selected, ctx)):
            caught[band] += 1
        else:
            misses.append(f"{wrong}->{right}")
    seconds = time.perf_counter() - began

    print(
        f"codespell entries: {len(every):,} one-word; left out: {len(real):,} the dictionary "
        f"accepts, those in the spelling.misspelled pack; sample {len(sample):,} "
        f"({args.language}, {seconds:.1f}s)"
    )
    total = sum(caught.values())
    print(f"spelling.unknown recall: {total}/{len(sample)} = {100 * total / len(sample):.1f}%")
    for band in ("3-5", "6-9", "10+"):
        if seen[band]:
            share = 100 * caught[band] / seen[band]
            print(f"  {band:>4} letters: {caught[band]}/{seen[band]} = {share:.1f}%")
    if args.misses:
        print("missed: " + " ".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
