"""Structure: headline, byline, dateline and section problems.

Options (``[rules."<id>"]`` in the config):

- ``structure.byline-generic``: ``allow`` (bylines accepted as they are, e.g.
  a house desk name), ``role-words`` (extra words that make a byline generic).
- ``structure.headline-style``: ``style = "any" | "sentence" | "title"``.
- ``structure.headline-length``: ``max-chars`` (100), ``max-words`` (15).
- ``structure.dateline-mismatch``: ``tolerance-days`` (0).
- ``structure.missing-headline``: ``min-paragraphs`` for plain text (3).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from newslint import regexcache
from newslint.analysis.byline_words import MASTHEAD_WORDS, ROLE_WORDS
from newslint.diagnostics import Diagnostic
from newslint.document import Document
from newslint.names.words import given_names
from newslint.registry import CheckContext, Example, RuleMeta, rule
from newslint.sources.common import (
    byline_field,
    coerce_date,
    date_ahead,
    dated_by,
    dateline_date,
    parse_date,
)
from newslint.spans import Span


def _options(ctx: CheckContext, meta: RuleMeta) -> dict[str, Any]:
    found = ctx.options.get(meta.id, {})
    return found if isinstance(found, dict) else {}


# -- structure.missing-headline ---------------------------------------------------


@rule(
    "structure.missing-headline",
    summary="The article has no headline.",
    why=(
        "Every story needs a headline: the CMS, the feed and the reader all start there, and "
        "other checks (headline/body figures) rely on it. Markdown needs a '# ' heading or a "
        "front-matter title, HTML an <h1> or <title>. Plain text's headline is its first "
        "paragraph when that is a single line; a plain-text file shorter than three "
        "paragraphs is treated as a snippet and not flagged (option min-paragraphs)."
    ),
    examples=[
        Example(
            "The council met on Tuesday and approved the budget,\nwhich adds money for roads.\n\n"
            "The vote was 7-3.\n\nThe plan takes effect in July.\n",
            flagged=True,
        ),
        Example(
            "Council approves budget\n\nThe council met on Tuesday.\n\nThe vote was 7-3.\n",
            flagged=False,
        ),
    ],
)
def missing_headline(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    if doc.headline is not None or not doc.paragraphs:
        return
    if doc.format == "text":
        minimum = int(_options(ctx, meta).get("min-paragraphs", 3))
        if len(doc.paragraphs) < minimum:
            return
    first = doc.paragraphs[0]
    line_end = doc.text.find("\n", first.start, first.end)
    end = first.end if line_end < 0 else line_end
    yield Diagnostic(
        meta.id,
        "No headline found; the article should start with one",
        first.start,
        end,
        meta.severity,
    )


# -- structure.byline-generic ------------------------------------------------------

# Words that name a role or a desk, not a person (shared with the readers).
_ROLE_WORDS = ROLE_WORDS
# Wire services and agencies are accountable sources, not anonymous roles.
_DEFAULT_ALLOW = (
    "Reuters",
    "Associated Press",
    "The Associated Press",
    "AP",
    "AFP",
    "Agence France-Presse",
    "PA",
    "PA Media",
    "Press Association",
    "Bloomberg",
    "Bloomberg News",
    "dpa",
    "Xinhua",
    "UPI",
)
_BY = regexcache.compile(
    r"^\s*(?:(?:[^\W\d_]+\s+)?by|author)\s*:?\s+",  # "By", "Posted by", "Article by"
    re.IGNORECASE,
)
# Where the name ends: a separator, a date or time, an e-mail or handle, "on ...",
# or the next field of a card ("Course: Main").
_NAME_END = regexcache.compile(
    r"\s*(?:[|•·–—]|\s-\s|\bon\s|\bat\s|\bupdated\b|\bpublished\b|@|\d|\s\w+:\s"
    r"|\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d).*$",
    re.IGNORECASE,
)
# Closed-class words: a person's name never holds one ("Eat What Tonight",
# "Our Reporter"), a site, brand or desk name often does. Words that are also
# names (An, No, My, Le, Ho), particles (de, van, al) and "the" (The Guardian) are left out.
_FUNCTION_WORDS = frozenset(
    {"this", "that", "these", "those", "what", "which", "how", "why", "when", "where"}
    | {"our", "your", "their", "its", "not", "every"}
)
_ACRONYM = regexcache.compile(r"[A-Z]{2,5}")
# An unfilled template slot: "[Your Name]", "{author}", "<Reporter Name>".
_PLACEHOLDER = regexcache.compile(r"\s*[\[{<]")
# A CMS account name rather than a person: one lower-case or run-together token.
_HANDLE = regexcache.compile(r"[a-z][a-z0-9_.]*|[A-Za-z]+[0-9_][A-Za-z0-9_]*")
_JOINERS = frozenset(("and", "&", "of", "for", "in", "at", "from"))
# The paper's own voice, signed as such by convention: an editorial or leader
# is unsigned ("Editorial", "The Editorial Board", "The Editors"), and accountable.
_INSTITUTIONAL = regexcache.compile(
    r"(?:the\s+)?(?:editorial(?:\s+board)?|editors|leader)", re.IGNORECASE
)
# Copy compiled from the wires ("Detroit News wire services", "From wire reports").
_WIRE_CREDIT = regexcache.compile(r"\bwires?\b", re.IGNORECASE)


@rule(
    "structure.byline-generic",
    summary="A generic or role-only byline ('By Staff Writer', 'By Admin', 'By News Desk').",
    why=(
        "A byline tells readers who is accountable for a story. 'By Chief Editor', 'By Admin' "
        "or 'By Editorial Team' names nobody, and is a common mark of scraped or "
        "machine-written copy. The rule reads the name after 'By', 'Posted by', 'Recipe by', "
        "'Author:' or a CMS's own labels ('Submitted by', 'Posted in News by', 'Published "
        "by') up to a date or separator, and flags role or desk words only, a CMS "
        "account name ('admin', 'Super User'), the site's own name from the page's metadata "
        "or address "
        "('By Betty Crocker Kitchens' on bettycrocker.com, 'By Times of Israel staff'), "
        "an outlet's initials with desk words ('By TOI staff'), a word of the site's name with "
        "desk words ('By Gleaner Writer'), a masthead with desk words ('By Harbour Times "
        "Correspondent', not 'By Lin Qiao, Harbour Daily'), a phrase with a closed-class word "
        "and no given name ('By Eat What Tonight'), a desk or team of any name ('By "
        "Trending Desk', 'By Viral Buzz Team') and an unfilled template slot ('By [Your "
        "Name]'). A line of desk words under the headline ('Staff Reporter') is read as the "
        "byline even without 'By', and on web pages so is a credit or publisher box just "
        "under the headline "
        "('ET Online'). A byline that puts the date first ('March 3, 2026 by admin') and "
        "a blog's byline printed at the end of the post ('Posted by admin'), when the top "
        "has none, are read too. Bylines with a person's name "
        "('By Jane Doe, Chief Editor', 'by Jane Doe, Phys.org'), wire services (Reuters, "
        "AP, AFP, PA ..., 'wire services') and the paper's own unsigned voice ('The "
        "Editorial Board', 'Editorial') are fine. Options: allow = [...] bylines to accept "
        "as they are; "
        "role-words = [...] extra words that name a role."
    ),
    examples=[
        Example("Harbour fire destroys boats\n\nBy Chief Editor\n\nThe fire began.\n", True),
        Example("Harbour fire destroys boats\n\nBy Staff Writer\n\nThe fire began.\n", True),
        Example("Harbour fire destroys boats\n\nBy Helen Marsh\n\nThe fire began.\n", False),
        Example("Harbour fire destroys boats\n\nBy Reuters\n\nThe fire began.\n", False),
    ],
)
def byline_generic(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    if doc.byline is None:
        return
    options = _options(ctx, meta)
    allow = {a.casefold() for a in (*_DEFAULT_ALLOW, *options.get("allow", ()))}
    roles = _ROLE_WORDS | {w.casefold() for w in options.get("role-words", ())}
    text = doc.span_text(doc.byline)
    if is_generic_byline(text, allow, roles, doc.site_names):
        start, end = _name_field(text)
        name = text[start:end]
        yield Diagnostic(
            meta.id,
            f"'{name.strip()}' names no one; give the reporter's name",
            doc.byline.start + start,
            doc.byline.start + end,
            meta.severity,
        )


# Fields between bars, bullets or a spaced slash (a date's 03/03/2020 stays whole).
_FIELD = regexcache.compile(r"(?:[^|•·/]|(?<!\s)/(?!\s))+")


def _name_field(text: str) -> tuple[int, int]:
    """Where the byline's name stands: the "By" field, else the first field that
    is not a date ("Web Desk" in "May 5, 2026 | Web Desk | Updated 9:01"), without the
    separator a page puts after it ("HT Online |")."""
    fields = [m for m in _FIELD.finditer(text) if m.group().strip()]
    by = byline_field(text)
    field = next((m for m in fields if m.group().strip() == by), None) or next(
        (m for m in fields if dateline_date(m.group()) is None), None
    )
    if field is None:
        return 0, len(text.rstrip(" \t|•·–—-:"))
    chunk = field.group()
    start = field.start() + len(chunk) - len(chunk.lstrip())
    late = dated_by(chunk)
    if late is not None:
        start = field.start() + late  # "March 3, 2020 by admin": from "by"
    date = date_ahead(chunk, start - field.start())
    if date is not None:  # "Submitted by admin on Tue, 03/03/2020": up to "admin"
        return start, field.start() + date
    return start, field.start() + len(chunk.rstrip(" \t–—-:"))


def is_generic_byline(
    text: str,
    allow: set[str] | frozenset[str] = frozenset(),
    roles: frozenset[str] = _ROLE_WORDS,
    sites: tuple[str, ...] = (),
) -> bool:
    """True when the name in ``text`` (after "By", up to a date or separator)
    names no person: only role or desk words ("Staff Writer"); the site's own
    name, alone or with role words ("Betty Crocker Kitchens" on bettycrocker.com);
    a phrase with a closed-class word and no given name ("Eat What Tonight");
    or a CMS account name ("admin", "corklive", "user5105")."""
    # "May 5, 2026 | Web Desk": a date field before the name is no part of it.
    fields = [f for f in re.split(r"\s*[|•·]\s*", text) if f.strip()]
    if len(fields) > 1 and dateline_date(fields[0]) is not None:
        text = " | ".join(fields[1:])
    # "News | By Admin | May 5, 2026": the name is in the "By" field.
    text = byline_field(text) or text
    body = _BY.sub("", text)
    if body == text:  # "Posted on 5 May 2023 by Harbour Desk": the name follows a late "by"
        late = _LATE_BY.match(text)
        body = text[late.end() :] if late else text
    if _PLACEHOLDER.match(body):
        return True  # "By [Your Name]": a template slot left unfilled
    name = _NAME_END.sub("", body).strip().strip(".,;:|-–—")
    if not name or name.casefold() in allow:
        return False
    if _INSTITUTIONAL.fullmatch(name) or _WIRE_CREDIT.search(name):
        return False
    given = given_names()
    # "The Guardian 02/10/2020 Anna Fazackerley": a person is named after the date.
    tail = body[len(name) :].split()
    if any(w.strip(".,;:()").casefold() in given and w[:1].isupper() for w in tail):
        return False
    raw = [w.strip(".,;:()'’\"") for w in re.split(r"[\s,/|]+", name)]
    raw = [w for w in raw if w and w.casefold() not in _JOINERS]
    words = [w.casefold() for w in raw]
    if len(words) > 1 and words[0] in ("a", "an") and all(w in roles for w in words[1:]):
        words, raw = words[1:], raw[1:]  # "By A Staff Reporter": an article before the role
    if not words:
        return False
    if len(raw) == 1 and _WEB_ADDRESS.fullmatch(raw[0]):
        return True  # "By Harbour.com": the site credits itself, no person
    if len(words) == 2 and words[1] in _ACCOUNT_NAME_ENDINGS and words[0] not in given_names():
        return True  # a CMS account's display name in two words: "Super User", "Super Admin"
    words = [w if w in roles or not _compound_role(w, roles) else "desk" for w in words]
    rest = _without_site(words, sites)
    if all(w in roles for w in rest):
        return True
    # "Team Harbourview", "Team Mashable": a team named after the site or brand; and a
    # desk or team of any name ("Trending Desk", "NewsHub Team"): no person is a desk.
    named_group = words[0] == "team" or words[-1] in _GROUP_ENDINGS
    if named_group and len(words) > _GROUP_WORDS and "," in name:
        # "New Delhi, News Nation Bureau": a dateline's place, then the desk.
        words = words[_before_comma(name) :]
    credited = any(w in given or w in allow for w in words)  # "By AFP and HNT staff": a wire
    if named_group and 1 < len(words) <= _GROUP_WORDS and not credited:
        return True
    # A word of the site's name with desk words ("Gleaner Writer" on
    # jamaica-gleaner.com, "Observer Reporter"): no given name, so no person.
    if any(w in roles for w in rest) and not any(w in given for w in words):
        keys = _site_keys(sites)
        if all(w in roles or _in_site_name(w, keys) for w in rest):
            return True
    # A masthead with desk words and no site metadata ("Harbour Times
    # Correspondent", "Tribune News Service"): before any comma (a person's name
    # then an outlet, "Zhang Wei, China Daily", is a person's byline), the
    # words are role words and capitalised words ending in a masthead word.
    head = [w for w in raw[: _before_comma(name)]]
    if head and any(w.casefold() in roles for w in head) and not any(w in given for w in words):
        plain = [i for i, w in enumerate(head) if w.casefold() not in roles]
        last = plain[-1] if plain else -1
        follows = head[last + 1].casefold() if 0 <= last < len(head) - 1 else ""
        masthead = head[last].casefold() in MASTHEAD_WORDS or follows in ("news", "online")
        if plain and masthead and all(head[i][:1].isupper() for i in plain):
            return True  # "Harbour Times Correspondent", "Harbour News Desk"
    # An outlet's initials with desk words ("TOI staff", "HNT Web Desk"); a bare
    # acronym is a wire service or the outlet itself and is left to `allow`.
    outlet = [w for w in raw if _ACRONYM.fullmatch(w)]
    others = [w.casefold() for w in raw if not _ACRONYM.fullmatch(w)]
    wire = any(w.casefold() in allow for w in outlet)  # "AFP/The Local": a wire credit
    # In a byline set in capitals every short word looks like initials: a given
    # name among them ("BY SARAH BURGE / STAFF WRITER") makes it a person's.
    person = any(w in given for w in words)
    if outlet and others and not wire and not person and all(w in roles for w in others):
        return True
    if any(w in _FUNCTION_WORDS for w in words) and not any(w in given for w in words):
        return True
    return _HANDLE.fullmatch(name) is not None and name.casefold() not in given


_GROUP_ENDINGS = frozenset(("desk", "team", "staff", "newsroom", "bureau"))
# A site's address standing as the whole byline ("Harbour.com", "news.example.org").
_WEB_ADDRESS = regexcache.compile(
    r"(?:[A-Za-z0-9-]+\.)+(?:com|org|net|news|co\.uk|co|uk|ie|in|au|ca)", re.IGNORECASE
)
_GROUP_WORDS = 4  # longer, it is a sentence rather than a desk's name


def _site_keys(sites: tuple[str, ...]) -> set[str]:
    """Each site name's letters and its initials ("The Times of Israel" -> "toi", "ttoi")."""
    keys = set()
    for site in sites:
        keys.add(_site_key(site))
        words = re.findall(r"[A-Za-z]+", site)
        # As the byline's words are compared: joiners dropped ("Times of Israel").
        keys.add("".join(w for w in words if w.casefold() not in _JOINERS).casefold())
        keys.add("".join(w for w in words if w.casefold() not in {*_JOINERS, "the"}).casefold())
        if len(words) >= 2:
            keys.add("".join(w[0] for w in words).casefold())
            keys.add("".join(w[0] for w in words if w.casefold() != "the").casefold())
    return {k for k in keys if len(k) >= 3}


_SITE_WORD = 4  # shorter words match inside a site's name by chance


# Writer words that end a CMS account name run together: "SuperAdmin", "siteeditor".
_ACCOUNT_ENDINGS = ("admin", "editor", "desk", "writer", "reporter", "team")


# Display names CMSs give their default accounts end so too ("Super User").
_ACCOUNT_NAME_ENDINGS = frozenset((*_ACCOUNT_ENDINGS, "user"))


def _compound_role(word: str, roles: frozenset[str]) -> bool:
    """Two role words run together ("Newsdesk", "webdesk", "newsteam"), or a
    prefix run into a writer word ("SuperAdmin", "siteeditor"): an account
    name, not a person's."""
    if any(word[:i] in roles and word[i:] in roles for i in range(3, len(word) - 2)):
        return True
    return any(word.endswith(end) and len(word) - len(end) >= 3 for end in _ACCOUNT_ENDINGS)


# A label or a date, then "by" and the name: "Posted on 5 May 2023 by ...".
_LATE_BY = regexcache.compile(r"^(?:\s*[\w,.:/]+){1,6}?\s+by\s*:?\s+(?=\S)", re.IGNORECASE)


def _before_comma(name: str) -> int:
    """How many of the name's words come before its first comma."""
    head = name.split(",", 1)[0]
    return len([w for w in re.split(r"[\s/|]+", head) if w and w.casefold() not in _JOINERS])


def _in_site_name(word: str, keys: set[str]) -> bool:
    word = re.sub(r"[^a-z0-9]", "", word)
    return len(word) >= _SITE_WORD and any(word in key for key in keys)


def _site_key(name: str) -> str:
    """Letters of a site name without a domain ending ("BettyCrocker.com" -> "bettycrocker")."""
    name = re.sub(r"\.(?:com|org|net|co\.uk|co|uk|ie|news)$", "", name.strip().casefold())
    return re.sub(r"[^a-z0-9]", "", name)


def _without_site(words: list[str], sites: tuple[str, ...]) -> list[str]:
    """The byline's words after a leading run that spells the site's name."""
    keys = _site_keys(sites)
    if words[:1] == ["the"]:
        words = words[1:]
    for size in range(len(words), 0, -1):
        # "ELLE.com" on elle.com: the address's ending is no part of the name.
        if _site_key("".join(words[:size])) in keys:
            return words[size:]
    return words


# -- structure.headline-style --------------------------------------------------------

_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "onto",
        "or",
        "per",
        "so",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
        "yet",
    ]
)
_WORD = regexcache.compile(r"[A-Za-z][A-Za-z'’-]*")


@rule(
    "structure.headline-style",
    summary="Headline capitalisation: ALL CAPS, or not in the house style (sentence/title case).",
    why=(
        "Headlines in capitals read as shouting and usually mean a CMS or wire format leaked "
        "through; a headline in the wrong case breaks the house style. By default (style = "
        "'any') only ALL-CAPS headlines are flagged. With style = 'sentence' a headline "
        "whose ordinary words are mostly capitalised is flagged; with style = 'title' a "
        "headline with a lowercase major word. Proper nouns cannot be told from "
        "capitalised words, so the sentence check needs most words capitalised to fire."
    ),
    fix=None,
    examples=[
        Example("CITY COUNCIL APPROVES NEW BUDGET\n\nThe council voted 7-3.\n", True),
        Example("City council approves new budget\n\nThe council voted 7-3.\n", False),
    ],
)
def headline_style(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    if doc.headline is None:
        return
    style = str(_options(ctx, meta).get("style", "any")).lower()
    text = doc.span_text(doc.headline)
    problem = headline_case_problem(text, style)
    if problem:
        yield Diagnostic(meta.id, problem, doc.headline.start, doc.headline.end, meta.severity)


def headline_case_problem(text: str, style: str = "any") -> str | None:
    """Why ``text`` breaks the headline ``style``, or None."""
    words = _WORD.findall(text)
    letters = [w for w in words if len(w) > 1]
    if len(letters) >= 3 and all(w.isupper() for w in letters):
        return "The headline is in capitals; use sentence or title case"
    body = words[1:]  # the first word is capitalised in every style
    if style == "title":
        lower = [w for w in body if w.islower() and w not in _SMALL_WORDS and len(w) > 3]
        if lower:
            return f"Title-case headline has lowercase word(s): {', '.join(lower[:3])}"
    elif style == "sentence":
        ordinary = [w for w in body if w.lower() not in _SMALL_WORDS]
        capped = [w for w in ordinary if w[0].isupper() and not w.isupper()]
        if len(ordinary) >= 3 and len(capped) > 0.7 * len(ordinary):
            return "The headline is in title case; house style is sentence case"
    return None


# -- structure.headline-length ------------------------------------------------------


@rule(
    "structure.headline-length",
    summary="A headline longer than the limit (default 100 characters or 15 words).",
    why=(
        "Long headlines are cut off in search results, feeds and social cards, and usually "
        "try to say two things. The limits are options: max-chars (100) and max-words (15)."
    ),
    examples=[
        Example(
            "Denver transit board approves $1.4 billion light rail extension to the "
            "northeastern suburbs after years of debate over cost\n\nThe vote was 11-4.\n",
            flagged=True,
        ),
        Example("Denver approves light rail extension\n\nThe vote was 11-4.\n", flagged=False),
    ],
)
def headline_length(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    if doc.headline is None:
        return
    options = _options(ctx, meta)
    max_chars = int(options.get("max-chars", 100))
    max_words = int(options.get("max-words", 15))
    text = doc.span_text(doc.headline)
    chars, words = len(text), len(text.split())
    if chars > max_chars or words > max_words:
        yield Diagnostic(
            meta.id,
            f"Headline is {chars} characters and {words} words "
            f"(at most {max_chars} characters and {max_words} words)",
            doc.headline.start,
            doc.headline.end,
            meta.severity,
        )


# -- structure.dateline-mismatch -----------------------------------------------------

_FRONT_DATE_KEYS = ("date", "published", "pubdate", "publishDate", "published_at")
# The dateline proper: the text before the first dash of a lead ("DENVER, April 8, 2026 —").
_DATELINE_LEAD = regexcache.compile(r"^(?P<head>[^\n—–]{3,80}?)\s(?:—|–|--|-)\s")
_UPDATED = regexcache.compile(r"^\s*(?:last\s+)?(?:updated|modified|edited)\b", re.IGNORECASE)
_HEADER_BLOCKS = 3


@rule(
    "structure.dateline-mismatch",
    summary="The dateline's date disagrees with the article's published date.",
    why=(
        "When the date at the top of the story ('DENVER, April 8, 2026 —' or a date line) "
        "differs from the date in the front matter or the page's published time, one of "
        "them is wrong, and readers cannot tell when the events happened. Only the first "
        "blocks of the body are read; 'Updated ...' lines are skipped, and nothing is "
        "flagged without a metadata date. Option: tolerance-days (0)."
    ),
    examples=[
        Example(
            "---\ntitle: Tram line approved\ndate: 2026-04-08\n---\n\n# Tram line approved\n\n"
            "DENVER, April 9, 2026 — The board approved the line.\n",
            flagged=True,
            format="markdown",
        ),
        Example(
            "---\ntitle: Tram line approved\ndate: 2026-04-08\n---\n\n# Tram line approved\n\n"
            "DENVER, April 8, 2026 — The board approved the line.\n",
            flagged=False,
            format="markdown",
        ),
    ],
)
def dateline_mismatch(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    reference = published_date(doc)
    if reference is None:
        return
    tolerance = int(_options(ctx, meta).get("tolerance-days", 0))
    headings = set(doc.headings)
    blocks = [p for p in doc.body if p not in headings][:_HEADER_BLOCKS]
    for block in blocks:
        found = _dateline_in(doc, block)
        if found is None:
            continue
        span, date = found
        if abs((date - reference).days) > tolerance:
            yield Diagnostic(
                meta.id,
                f"The dateline says {date:%d %B %Y} but the article is dated {reference:%d %B %Y}",
                span.start,
                span.end,
                meta.severity,
            )
        return  # only the first dateline counts


def published_date(doc: Document) -> dt.date | None:
    """The metadata date: front matter, else the loader's date (HTML <time>/meta)."""
    for key in _FRONT_DATE_KEYS:
        if doc.front_matter.get(key):
            return coerce_date(doc.front_matter[key])
    if doc.format == "html":
        return doc.article_date
    return None


def _dateline_in(doc: Document, block: Span) -> tuple[Span, dt.date] | None:
    """(span of the date, date) of a date line or a dateline-led paragraph."""
    text = doc.span_text(block)
    first_line = text.split("\n", 1)[0]
    if _UPDATED.match(first_line):
        return None
    date = dateline_date(first_line)
    if date is not None:
        return Span(block.start, block.start + len(first_line.rstrip())), date
    lead = _DATELINE_LEAD.match(text)
    if lead is None:
        return None
    head = lead.group("head")
    date = parse_date(head)
    if date is None:
        return None
    return Span(block.start, block.start + len(head)), date


# -- structure.empty-section -----------------------------------------------------------

_ATX = regexcache.compile(r"[ \t]{0,3}(#{1,6})[ \t]")
_HTML_HEADING = regexcache.compile(r"<h([1-6])\b", re.IGNORECASE)


@rule(
    "structure.empty-section",
    summary="A heading with no text under it.",
    why=(
        "A heading followed directly by another heading of the same or a higher level, or "
        "by the end of the story, marks a section that was never written or whose text was "
        "lost in an edit. A subheading directly under its parent heading is fine. Three "
        "or more empty headings in a row (a saved page's menu or list of links, or an "
        "outline never written) are one finding at the first of them, which counts them."
    ),
    examples=[
        Example(
            "# Budget approved\n\nThe council voted 7-3.\n\n## Reaction\n\n## What happens next\n\n"
            "The plan takes effect in July.\n",
            flagged=True,
            format="markdown",
        ),
        Example(
            "# Budget approved\n\nThe council voted 7-3.\n\n## Reaction\n\n"
            "Residents welcomed it.\n",
            flagged=False,
            format="markdown",
        ),
    ],
)
def empty_section(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for run in _empty_heading_runs(doc):
        first = run[0]
        if len(run) < _MENU_RUN:
            for heading in run:
                yield Diagnostic(
                    meta.id,
                    f"The section '{doc.span_text(heading)}' has no text",
                    heading.start,
                    heading.end,
                    meta.severity,
                )
            continue
        # A run of empty headings is one finding: a menu or a list of links left in a
        # saved page, or an outline never written, not a flood of one per heading.
        shown = ", ".join(f"'{doc.span_text(h)}'" for h in run[:_SHOWN])
        more = f" and {len(run) - _SHOWN} more" if len(run) > _SHOWN else ""
        yield Diagnostic(
            meta.id,
            f"{len(run)} headings in a row have no text under them ({shown}{more}): "
            "a menu or list of links left in the page, or sections never written",
            first.start,
            first.end,
            meta.severity,
        )


_MENU_RUN = 3  # this many empty headings in a row are reported as one
_SHOWN = 3  # headings quoted in that finding


def _empty_heading_runs(doc: Document) -> list[list[Span]]:
    """The empty headings, in runs with nothing but other headings between them."""
    headings = set(doc.headings)
    paragraphs = doc.paragraphs
    index = {p: i for i, p in enumerate(paragraphs)}
    runs: list[list[Span]] = []
    last = 0  # paragraph index of the last empty heading (read once a run exists)
    for heading in doc.headings:
        position = index.get(heading)
        if position is None or not _is_empty(doc, heading, position, headings):
            continue
        if runs and all(p in headings for p in paragraphs[last + 1 : position]):
            runs[-1].append(heading)
        else:
            runs.append([heading])
        last = position
    return runs


def _is_empty(doc: Document, heading: Span, position: int, headings: set[Span]) -> bool:
    paragraphs = doc.paragraphs
    following = paragraphs[position + 1] if position + 1 < len(paragraphs) else None
    if following is not None and following not in headings:
        return False
    if following is not None and heading_level(doc, following) > heading_level(doc, heading):
        return False  # a subheading opens the section
    # "Five things we learned" over "1. The party has a problem": its items
    return following is None or not _first_item(doc, following)


_FIRST_ITEM = regexcache.compile(r"(?:^|\n)[ \t]*(?:#+[ \t]*)?(?:1|I)[.)][ \t]+$")


_NUMBERED_ONE = regexcache.compile(r"\s*(?:1|I)[.)]\s+\S")


def _first_item(doc: Document, heading: Span) -> bool:
    """The heading is numbered 1 in the source (the reader may drop the number)."""
    if _NUMBERED_ONE.match(doc.span_text(heading)):
        return True
    offset = doc.source_offset(heading.start)
    line_start = doc.source.rfind("\n", 0, offset)
    return bool(_FIRST_ITEM.search(doc.source[max(0, line_start) : offset]))


def heading_level(doc: Document, heading: Span) -> int:
    """1-6 from the source markup (ATX/setext Markdown, <hN> in HTML); 2 if unknown."""
    if heading in doc.heading_levels:  # plain text: the loader inferred it
        return doc.heading_levels[heading]
    offset = doc.source_offset(heading.start)
    source = doc.source
    if doc.format == "html":
        opening = source.rfind("<h", 0, offset + 1)
        while opening >= 0:
            m = _HTML_HEADING.match(source, opening)
            if m:
                return int(m.group(1))
            opening = source.rfind("<h", 0, opening)
        return 2
    line_start = source.rfind("\n", 0, offset) + 1
    m = _ATX.match(source, line_start)
    if m:
        return len(m.group(1))
    line_end = source.find("\n", offset)
    if line_end >= 0:
        underline = source[line_end + 1 : source.find("\n", line_end + 1)].strip()
        if underline and set(underline) == {"="}:
            return 1
    return 2
