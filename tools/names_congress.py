"""Build newslint/data/names/congress.toml: the members of the current U.S.
Congress and their terms, for the names.* rules.

Source: unitedstates/congress-legislators, legislators-current.yaml, which its
authors dedicate to the public domain (CC0 1.0). Only facts are kept (names,
chamber, dates). Usage:

    python tools/names_congress.py path/to/legislators-current.yaml [YYYY-MM-DD]

The optional date is "today" for the build: a term ending after it is open.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml
from built_lists import write_list

from newslint.names.lists import load_file
from newslint.names.words import CONGRESS_LIST as OUT
from newslint.names.words import DEFAULT_LIST

OFFICE = {"sen": "U.S. Senator", "rep": "U.S. Representative"}
_JOIN_DAYS = 7  # consecutive terms: one ends the day (or week) the next begins


def _offices(terms: list[dict], today: dt.date) -> list[tuple[str, dt.date, dt.date | None]]:
    merged: list[list] = []
    for term in sorted(terms, key=lambda t: t["start"]):
        office = OFFICE[term["type"]]
        start = dt.date.fromisoformat(str(term["start"]))
        end = dt.date.fromisoformat(str(term["end"]))
        if merged and merged[-1][0] == office and (start - merged[-1][2]).days <= _JOIN_DAYS:
            merged[-1][2] = max(end, merged[-1][2])
        else:
            merged.append([office, start, end])
    return [(o, s, None if e > today else e) for o, s, e in merged]


def build(source: Path, today: dt.date) -> str:
    known = {p.name.casefold() for p in load_file(DEFAULT_LIST)}
    lines = [
        "# Members of the current U.S. Congress and their terms in Congress, built by",
        "# tools/names_congress.py from unitedstates/congress-legislators",
        f"# (legislators-current.yaml, CC0 1.0 public domain dedication), as of {today}.",
        "# Facts only (names, chamber, dates). Same format as people.toml.",
        "",
    ]
    for entry in yaml.safe_load(source.read_text(encoding="utf-8")):
        name = entry["name"]
        first = name.get("nickname") or name["first"]
        full = f"{first} {name['last']}"
        if full.casefold() in known:
            continue  # people.toml has them, with their other offices
        lines.append("[[person]]")
        lines.append(f'name = "{full}"')
        if " " in name["last"]:
            lines.append(f'surname = "{name["last"]}"')
        offices = []
        for office, start, end in _offices(entry["terms"], today):
            to = f", to = {end}" if end else ""
            offices.append(f'{{ office = "{office}", country = "US", from = {start}{to} }}')
        lines.append("offices = [")
        lines.extend(f"  {o}," for o in offices)
        lines.append("]")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(write_list(build, OUT))
