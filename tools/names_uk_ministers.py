"""Build newslint/data/names/uk_ministers.toml: UK Cabinet ministers since
2000 and the posts they held, for the names.* rules (names.officeholder reads
"Home Secretary Amber Rudd" against the article's date).

Source: the Institute for Government Ministers Database
(instituteforgov/ifg-ministers-database-public), data/person.csv,
appointment.csv and post.csv, licensed CC BY 4.0. Only facts are kept (names,
posts as newsrooms name them, dates). People already in people.toml are left
out, and so are namesakes in congress.toml: the names rules need one entry per
name. Usage:

    python tools/names_uk_ministers.py path/to/ifg/data [YYYY-MM-DD]

The optional date is "today" for the build: an appointment ending after it,
or with no end, is open.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from collections import defaultdict
from pathlib import Path

from built_lists import write_list

from newslint.names.lists import load_file
from newslint.names.words import CONGRESS_LIST as CONGRESS
from newslint.names.words import DEFAULT_LIST
from newslint.names.words import UK_MINISTERS_LIST as OUT

SINCE = dt.date(2000, 1, 1)
_JOIN_DAYS = 7  # reappointed in a reshuffle: one appointment ends as the next begins

# The posts' formal names (post.csv) -> the title newsrooms write. A renamed
# department keeps its Secretary's title ("Business Secretary" for BIS, BEIS ...).
_SECRETARY_OF = {
    "Foreign and Commonwealth Affairs": "Foreign Secretary",
    "Foreign, Commonwealth and Development Affairs": "Foreign Secretary",
    "the Home Department": "Home Secretary",
    "Defence": "Defence Secretary",
    "Health": "Health Secretary",
    "Health and Social Care": "Health Secretary",
    "Education": "Education Secretary",
    "Education and Skills": "Education Secretary",
    "Education and Employment": "Education Secretary",
    "Children, Schools and Families": "Education Secretary",
    "Justice and Lord Chancellor": "Justice Secretary",
    "Work and Pensions": "Work and Pensions Secretary",
    "Transport": "Transport Secretary",
    "Environment, Food and Rural Affairs": "Environment Secretary",
    "Business and Trade": "Business Secretary",
    "Business, Energy and Industrial Strategy": "Business Secretary",
    "Business, Enterprise and Regulatory Reform": "Business Secretary",
    "Business, Innovation and Skills": "Business Secretary",
    "Trade and Industry": "Trade and Industry Secretary",
    "Culture, Media and Sport": "Culture Secretary",
    "Culture, Olympics, Media and Sport": "Culture Secretary",
    "Digital, Culture, Media and Sport": "Culture Secretary",
    "Northern Ireland": "Northern Ireland Secretary",
    "Scotland": "Scotland Secretary",
    "Wales": "Wales Secretary",
    "Exiting the European Union": "Brexit Secretary",
    "International Trade": "International Trade Secretary",
    "International Development": "International Development Secretary",
    "Communities and Local Government": "Communities Secretary",
    "Housing, Communities and Local Government": "Communities Secretary",
    "Levelling Up, Housing and Communities": "Levelling Up Secretary",
    "Energy and Climate Change": "Energy Secretary",
    "Energy Security and Net Zero": "Energy Secretary",
    "Science, Innovation and Technology": "Science Secretary",
}
_OTHER_POSTS = {
    "Prime Minister": "Prime Minister",
    "Deputy Prime Minister": "Deputy Prime Minister",
    "Chancellor of the Exchequer": "Chancellor of the Exchequer",
    "Chancellor of the Duchy of Lancaster": "Chancellor of the Duchy of Lancaster",
    "Attorney General": "Attorney General",
}
_PEERAGE = re.compile(r"^(?:Lord|Baroness|Lady|Sir|Dame|The)\b|\b(?:of|Bt)\b")


def office_title(post: str) -> str | None:
    """The newsroom title of a post, or None for posts below Cabinet rank."""
    if post in _OTHER_POSTS:
        return _OTHER_POSTS[post]
    prefix = "Secretary of State for "
    return _SECRETARY_OF.get(post[len(prefix) :]) if post.startswith(prefix) else None


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def plain_names(path: Path) -> dict[str, str]:
    """person id -> the latest name without a peerage or knighthood ("Peter
    Mandelson", not "Lord Mandelson"): the form news copy gives a minister."""
    names: dict[str, tuple[dt.date, str]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row["display_name"].strip() or row["name"].strip()
            if not name or _PEERAGE.search(name) or " " not in name:
                continue
            since = _date(row["start_date"]) or dt.date.min
            if row["id"] not in names or since >= names[row["id"]][0]:
                names[row["id"]] = (since, name)
    return {person: name for person, (_, name) in names.items()}


def build(data: Path, today: dt.date) -> str:
    posts = {}
    with (data / "post.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            title = office_title(row["name"].strip())
            if title is not None:
                posts[row["id"]] = title
    names = plain_names(data / "person.csv")
    held: dict[str, list[list]] = defaultdict(list)
    with (data / "appointment.csv").open(encoding="utf-8") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda r: r["start_date"])
    for row in rows:
        title = posts.get(row["post_id"])
        start, end = _date(row["start_date"]), _date(row["end_date"])
        if title is None or start is None or row["person_id"] not in names:
            continue
        if end is not None and end < SINCE:
            continue
        terms = held[row["person_id"]]
        joined = next(
            (t for t in terms if t[0] == title and t[2] and (start - t[2]).days <= _JOIN_DAYS),
            None,
        )
        if joined is not None:
            joined[2] = end if end is None or end > joined[2] else joined[2]
        else:
            terms.append([title, start, end])
    # One entry per name across the shipped lists: a second "Chris Smith" would
    # make both ambiguous to the names rules.
    known = {p.name.casefold() for path in (DEFAULT_LIST, CONGRESS) for p in load_file(path)}
    lines = [
        "# UK Cabinet ministers since 2000 and the posts they held, built by",
        "# tools/names_uk_ministers.py from the Institute for Government Ministers",
        "# Database (instituteforgov/ifg-ministers-database-public), CC BY 4.0:",
        '# "Contains data from the Institute for Government Ministers Database".',
        f"# As of {today}. Facts only (names, posts, dates). Same format as people.toml;",
        "# people already in people.toml, and namesakes in congress.toml, are left out.",
        "",
    ]
    for person in sorted(held, key=lambda p: (held[p][0][1], names[p])):
        name = names[person]
        if name.casefold() in known:
            continue
        lines.append("[[person]]")
        lines.append(f'name = "{name}"')
        lines.append("offices = [")
        for title, start, end in held[person]:
            to = f", to = {end}" if end is not None and end <= today else ""
            lines.append(f'  {{ office = "UK {title}", country = "GB", from = {start}{to} }},')
        lines.append("]")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(write_list(build, OUT))
