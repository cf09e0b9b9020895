"""Numbers: parts that do not add up to their stated total, and headline
figures that the body gives differently."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newslint import regexcache
from newslint.analysis.ages import age_claims
from newslint.analysis.comparisons import comparisons
from newslint.analysis.elapsed import NOW, PAST, YEAR, event_years, statements
from newslint.analysis.linear import linear
from newslint.analysis.numbers import Figure, find_figures, parse_number, same_value
from newslint.diagnostics import Diagnostic, Severity
from newslint.document import Document
from newslint.registry import CheckContext, Example, RuleMeta, rule
from newslint.spans import Span

# Paragraphs without one of these cannot hold a total-and-parts pattern.
# On RE2: an alternation under IGNORECASE that ``re`` tries at every position.
_TRIGGER = linear(
    r"\beach (?:side|of the)\b|\bin (?:total|all)\b|\ba total of\b|\baltogether\b|\ball told\b"
    r"|\bof (?:them|whom|which)\b"
    r"|:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d)",
    re.IGNORECASE,
)
# A sentence that may split a group counted earlier ("Of the injured, ...").
_OF_THE = regexcache.compile(r"\bOf\s+(?:the|those)\s")
# Words that make a breakdown explicitly partial.
_PARTIAL = regexcache.compile(
    r"\b(?:including|includes|included|among them|among whom|such as|at least|"
    r"at most|excluding|not counting|plus)\b",
    re.IGNORECASE,
)
_SENTENCE_END = regexcache.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘]?[A-Z])")
_EACH = regexcache.compile(
    r"\s+(?:\w+\s+)?(?:from|on|for|in|of)\s+each\s+"
    r"(?:side|(?:of\s+)?the\s+(?P<n>two|three|four|five|\d)\s+[a-z]+)\b"
)
_TOTAL_AFTER = regexcache.compile(
    r"\b(?:in\s+total|in\s+all|altogether|all\s+told)\b", re.IGNORECASE
)
_TOTAL_BEFORE = regexcache.compile(r"\ba\s+total\s+of\s+$", re.IGNORECASE)
_LEAD_TOTAL = regexcache.compile(r"^(?:In all|In total|Altogether|All told),\s", re.IGNORECASE)
_SEPARATOR = regexcache.compile(r"\s*(?:,|:|\s[—–]|\()\s*")
_JOINER = regexcache.compile(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s*;\s*")
_OF_THEM = regexcache.compile(r"\s+of\s+(?:them|whom|which)\b")


@dataclass(frozen=True)
class Breakdown:
    """A stated total and its parts: "12 boats in total, seven ... and four ..."."""

    span: Span
    total: Figure
    parts: tuple[Figure, ...]
    multiplier: int = 1  # "157 from each side": one part counted twice

    @property
    def sum(self) -> float:
        return sum(p.value for p in self.parts) * self.multiplier


def _sentences(text: str, para: Span) -> Iterator[Span]:
    start = para.start
    for m in _SENTENCE_END.finditer(text, para.start, para.end):
        yield Span(start, m.end())
        start = m.end()
    if start < para.end:
        yield Span(start, para.end)


def _countable(figure: Figure) -> bool:
    return not figure.percent and not figure.looks_like_year


@rule(
    "numbers.total-mismatch",
    summary="Parts that do not add up to the total stated with them.",
    why=(
        "'300 prisoners were exchanged, 157 from each side' or '12 boats in total, seven "
        "fishing vessels and four pleasure craft' cannot both be right, and readers do the "
        "sum. Only clear total-and-breakdown patterns are checked ('a total of N: A, B and "
        "C', 'N in all, A ... and B ...', 'N ..., A of them ... and B ...', 'N ..., K from "
        "each side', 'N people were hurt: A men and B women', and a group counted in one "
        "sentence and split in a later one: 'injuring 17 others. Of the injured, 15 were "
        "shot and five suffered other injuries', when the parts are the whole group (the "
        "last is 'the others' or 'the rest', or they are complements such as inside and "
        "outside)); breakdowns marked as "
        "partial ('including', 'among them', 'at least') "
        "or hedged figures ('about 300') are left alone."
    ),
    severity=Severity.WARNING,
    examples=[
        Example("The fire destroyed 12 boats in total, seven trawlers and four yachts.", True),
        Example("The fire destroyed 11 boats in total, seven trawlers and four yachts.", False),
    ],
)
def total_mismatch(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    for found in breakdowns(doc):
        total = found.sum
        if same_value(total, found.total.value) or doc.in_quotation(found.span):
            continue
        if found.multiplier > 1:
            how = f"{_show(found.parts[0].value)} from each of {found.multiplier}"
        else:
            how = " + ".join(_show(p.value) for p in found.parts)
        yield Diagnostic(
            meta.id,
            f"The parts add up to {_show(total)} ({how}), not the stated total of "
            f"{_show(found.total.value)}",
            found.span.start,
            found.span.end,
            meta.severity,
        )


def breakdowns(doc: Document) -> list[Breakdown]:
    """Every clear total-and-parts statement in the body, whether or not it adds up."""
    text = doc.text
    found: list[Breakdown] = []
    for para in doc.body:
        if _OF_THE.search(text, para.start, para.end):
            found += _partitions(text, para, doc.body[0].start)
        if not _TRIGGER.search(text[para.start : para.end]):
            continue
        previous: Span | None = None
        for sentence in _sentences(text, para):
            breakdown = _breakdown(text, sentence, previous)
            previous = sentence
            if breakdown is not None:
                found.append(breakdown)
    return found


def _partitions(text: str, para: Span, body_start: int) -> list[Breakdown]:
    """ "Of the injured, 15 were shot and five ...": a group counted earlier, split."""
    from newslint.analysis.partitions import partition_at

    found = []
    for sentence in _sentences(text, para):
        split = partition_at(text, sentence, body_start)
        if split is not None:
            found.append(Breakdown(split.span, split.total, split.parts))
    return found


def _show(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def _breakdown(text: str, sentence: Span, previous: Span | None) -> Breakdown | None:
    s_text = text[sentence.start : sentence.end]
    if _PARTIAL.search(s_text):
        return None
    figures = find_figures(text, sentence.start, sentence.end)
    if any(f.hedged for f in figures):
        return None
    return _each_side(text, sentence, figures, previous) or _listed(text, sentence, figures)


def _each_side(
    text: str, sentence: Span, figures: list[Figure], previous: Span | None
) -> Breakdown | None:
    """ "300 prisoners were exchanged, 157 from each side"."""
    for index, part in enumerate(figures):
        m = _EACH.match(text, part.span.end, sentence.end)
        if not m or not _countable(part):
            continue
        n = m.group("n")
        multiplier = 2 if n is None else int(parse_number(n) or 0)
        if index == 0 and previous is not None:
            # "A total of 314 prisoners were freed. There were 157 prisoners from each
            # side.": the total may sit in the sentence before when the noun is repeated.
            earlier = find_figures(text, previous.start, previous.end)
            if len(earlier) != 1 or not _countable(earlier[0]) or earlier[0].hedged:
                return None
            noun = _noun_after(text, earlier[0], 1)
            if not noun or noun[0] not in _noun_after(text, part, 1):
                return None
            return Breakdown(Span(part.span.start, m.end()), earlier[0], (part,), multiplier)
        before = [f for f in figures[:index] if _countable(f)]
        if len(figures[:index]) != 1 or len(before) != 1:
            return None  # no total, or several candidates in the sentence
        total = before[0]
        if total.money != part.money or not _has_noun(text, total):
            return None
        if text[total.span.end : part.span.start].rstrip()[-1:] not in (",", ":", "(", "—", "–"):
            return None  # the part must follow a break: "300 ..., 157 from each side"
        return Breakdown(Span(total.span.start, m.end()), total, (part,), multiplier)
    return None


def _has_noun(text: str, figure: Figure) -> bool:
    """A figure followed by a word ("300 prisoners"), not a bare number."""
    return bool(re.match(r"\s+(?:[a-z-]+\s+){0,2}[a-z]{3,}", text[figure.span.end :]))


def _listed(text: str, sentence: Span, figures: list[Figure]) -> Breakdown | None:
    """ "12 boats in total, seven fishing vessels and four pleasure craft"."""
    s_text = text[sentence.start : sentence.end]
    for index, total in enumerate(figures):
        if not _countable(total) or not _has_noun(text, total):
            continue
        # The total is followed, within a few words, by a separator and the parts.
        rest_start = total.span.end
        next_figure = figures[index + 1] if index + 1 < len(figures) else None
        if next_figure is None:
            return None
        between = text[rest_start : next_figure.span.start]
        sep = None
        for m in _SEPARATOR.finditer(between):
            if m.end() == len(between):
                sep = m
        if sep is None or len(between[: sep.start()].split()) > 8:
            continue
        marked = (
            _TOTAL_BEFORE.search(
                text[max(sentence.start, total.span.start - 14) : total.span.start]
            )
            or _TOTAL_AFTER.search(between[: sep.start()])
            or (index == 0 and _LEAD_TOTAL.match(s_text))
            or _OF_THEM.match(text, next_figure.span.end)
            # "Three people were hurt: two men and two women": a colon opens the parts.
            or (sep.group().strip() == ":" and index == 0)
        )
        if not marked:
            continue
        parts = _parts(text, next_figure.span.start, sentence.end, figures[index + 1 :])
        if parts is None or any(p.money != total.money for p, _ in parts):
            return None
        end = parts[-1][1]
        return Breakdown(Span(total.span.start, end), total, tuple(p for p, _ in parts))
    return None


def _parts(
    text: str, start: int, end: int, figures: list[Figure]
) -> list[tuple[Figure, int]] | None:
    """The list items from ``start``: each begins with a figure; at least two,
    the last joined by "and", and nothing after the "and" that is not a figure."""
    by_start = {f.span.start: f for f in figures}
    items: list[tuple[Figure, int]] = []
    position = start
    saw_and = False
    while True:
        figure = by_start.get(position)
        if figure is None or not _countable(figure):
            break
        # The item runs to the next joiner or the end of the sentence.
        stop = end
        joiner = None
        for m in _JOINER.finditer(text, figure.span.end, end):
            joiner = m
            stop = m.start()
            break
        item_words = text[figure.span.end : stop]
        if any(f.span.start < stop for f in figures if f.span.start > figure.span.start):
            return None  # a second figure inside one item: not a simple breakdown
        words = re.sub(r"^\s+of\s+(?:them|whom|which)\b", "", item_words)
        if re.search(r"\b\w+ly\b", words):
            return None  # "two of them seriously": a description, not a category
        items.append((figure, stop - len(item_words) + len(item_words.rstrip(" .,;)'\"”’"))))
        if joiner is None:
            break
        if words != item_words and "," in joiner.group():
            return None  # "61 lifts, 34 of them double-deckers, and 50 escalators": an aside
        position = joiner.end()
        if "and" in joiner.group():
            saw_and = True
            if position not in by_start:
                return None  # "... and a lifeboat": a part without a figure
        elif saw_and and position not in by_start:
            break
    if len(items) < 2 or not saw_and:
        return None
    return items


# Words after a figure that are not the thing counted.
_NOT_NOUNS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "by",
        "per",
        "more",
        "than",
        "times",
        "new",
        "other",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "minute",
        "minutes",
        "second",
        "seconds",
        "ago",
        "old",
        "cent",
        "percent",
        "per-cent",
        "points",
        "point",
    ]
)


def _noun_after(text: str, figure: Figure, limit: int) -> list[str]:
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", text[figure.span.end : figure.span.end + 40])
    return [_stem(w) for w in words[:limit]]


def _stem(word: str) -> str:
    word = word.lower().removesuffix("'s")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _noun_end(text: str, figure: Figure, noun: str) -> int:
    """Where the figure's noun ends ("300 [Ukrainian] prisoners")."""
    for word in re.finditer(r"[A-Za-z][A-Za-z'-]*", text[figure.span.end : figure.span.end + 40]):
        if _stem(word.group()) == noun:
            return figure.span.end + word.end()
    return figure.span.end


def _close(headline: Figure, body: Figure, allow_rounding: bool) -> bool:
    """Equal, or a rounding that a hedge admits ("about 300" for 298.6), or, with
    ``allow_rounding``, a whole headline figure for a decimal one ("$25bn" for
    "$25.4bn": BBC and agency headlines round money routinely)."""
    if same_value(headline.value, body.value):
        return True
    gap = abs(headline.value - body.value) / max(headline.value, body.value)
    if (headline.hedged or body.hedged) and gap <= 0.1:
        return True
    return allow_rounding and "." in body.text and "." not in headline.text and gap <= 0.05


# Small counts ("six film gongs" over "four films") too often count different things.
_MIN_HEADLINE_VALUE = 10


@rule(
    "numbers.headline-mismatch",
    summary="A figure in the headline that the body gives differently.",
    why=(
        "A headline that says '300 prisoners freed' over a story that says 314 is the "
        "first thing a reader or a correction request spots. Figures are matched by the "
        "noun that follows them; a rounded headline figure is accepted when either side "
        "hedges ('about 300', 'nearly 300'). Figures the body never repeats, years, "
        "percentages and durations are left alone, and so are body figures far from the "
        "headline's (a part rather than the total)."
    ),
    severity=Severity.WARNING,
    examples=[
        Example(
            "Ferry operator to cut 300 jobs\n\nThe operator said 340 jobs would go at its "
            "two ports by the end of the year.",
            True,
        ),
        Example(
            "Ferry operator to cut 300 jobs\n\nThe operator said about 310 jobs would go at "
            "its two ports by the end of the year.",
            False,
        ),
    ],
)
def headline_mismatch(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    if doc.headline is None:
        return
    text = doc.text
    options = ctx.options.get(meta.id, {})
    allow_rounding = bool(options.get("allow-rounding", True))
    # A Markdown h1 that repeats the front-matter title is not body copy.
    body = [p for p in doc.body if doc.span_text(p).strip() != doc.headline_text]
    for figure in find_figures(text, doc.headline.start, doc.headline.end):
        if not _countable(figure) or figure.value < _MIN_HEADLINE_VALUE:
            continue
        nouns = _noun_after(text, figure, 1)
        if not nouns or nouns[0] in _NOT_NOUNS or len(nouns[0]) < 3:
            continue
        noun = nouns[0]
        same_noun = [
            f
            for para in body
            for f in find_figures(text, para.start, para.end)
            if f.money == figure.money and _countable(f) and noun in _noun_after(text, f, 2)
        ]
        if not same_noun or any(_close(figure, f, allow_rounding) for f in same_noun):
            continue
        first = same_noun[0]
        ratio = first.value / figure.value if figure.value else 0
        if not 0.75 <= ratio <= 1.34 or doc.in_quotation(first.span):
            continue
        end = _noun_end(text, figure, noun)
        yield Diagnostic(
            meta.id,
            f"The headline says {text[figure.span.start : end]}; the body says "
            f"{text[first.span.start : _noun_end(text, first, noun)]}",
            figure.span.start,
            end,
            meta.severity,
        )


@rule(
    "numbers.comparison-mismatch",
    summary="Two figures that contradict the relation stated between them in words.",
    why=(
        "'Sales reached 30,000, more than double the 20,000 of last year', 'rose from 40 "
        "to 35' or 'up 25% from £40m to £60m' cannot be right as written: either a figure "
        "or the relation is wrong, and readers check the sum. Multiples and fractions "
        "('twice', 'three times', 'a third of', 'less than half'), change verbs ('doubled', "
        "'halved', 'rose', 'fell'), a relation set after them ('from 40 to 70, more than "
        "doubling') and stated percentage changes are checked against both "
        "figures in the same sentence (or the one before, for 'That is double ...'). Every "
        "figure is read as the range it could be rounded from ('300' is 250-350) and hedges "
        "('nearly', 'about', 'more than') widen the relation, so only clear failures are "
        "flagged. Ranks and league places, which improve as they fall, are left alone."
    ),
    severity=Severity.WARNING,
    examples=[
        Example(
            "The charity raised £30,000, more than double the £20,000 it raised in 2024.", True
        ),
        Example(
            "The charity raised £45,000, more than double the £20,000 it raised in 2024.", False
        ),
    ],
)
def comparison_mismatch(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    text = doc.text
    for para in doc.body:
        previous: Span | None = None
        for sentence in _sentences(text, para):
            for found in comparisons(text, sentence, previous):
                if not found.holds and not doc.in_quotation(found.span):
                    yield Diagnostic(
                        meta.id, found.message, found.span.start, found.span.end, meta.severity
                    )
            previous = sentence


@rule(
    "numbers.anniversary-mismatch",
    summary="'N years since EVENT' that disagrees with the event's year and the article date.",
    why=(
        "When a story dates an event ('the 2004 tsunami') and later says '20 years after the "
        "tsunami' or 'the 20th anniversary of the tsunami', the reader can subtract, and a "
        "wrong count is usually a figure copied from an older story. The event's year is "
        "taken where the story attaches a year to the same noun ('the 2004 tsunami', 'the "
        "crash in 2016'); the count must match the article date's year, allowing for the "
        "anniversary not having come round yet and for hedges ('nearly 20 years'). 'N years "
        "after' is checked only when the sentence speaks of now ('now', 'still', 'is', "
        "'has'): 'Five years after the 1986 disaster, the town was abandoned' tells a past "
        "story. Without an article date (front matter, a dateline or --date) nothing is "
        "checked. Kept in the numbers family because it is a stated figure contradicting "
        "two other figures in the story, like the other numbers.* rules."
    ),
    severity=Severity.WARNING,
    examples=[
        Example(
            "---\ndate: 2026-03-01\n---\n\nThe 2004 tsunami killed thousands. Twenty years after "
            "the tsunami, the coast is still rebuilding.",
            True,
        ),
        Example(
            "---\ndate: 2026-03-01\n---\n\nThe 2004 tsunami killed thousands. Twenty-one years "
            "after the tsunami, the coast is still rebuilding.",
            False,
        ),
    ],
)
def anniversary_mismatch(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    if doc.article_date is None:
        return
    text = doc.text
    now = doc.article_date.year
    for para in doc.body:
        for sentence in _sentences(text, para):
            for m, years, head in statements(text, sentence):
                found = _event_year(text, sentence, m, head)
                if found is None:
                    continue
                event_year, event = found
                expected = now - event_year
                kind = m.group("kind").lower()
                hedge = (m.groupdict().get("hedge") or "").lower()
                if expected < 0 or _years_fit(years, expected, kind, hedge):
                    continue
                span = Span(m.start(), m.end("kind") if kind == "ago" else m.end())
                if doc.in_quotation(span):
                    continue
                yield Diagnostic(
                    meta.id,
                    f"The story dates the {event} to {event_year}: on the article date "
                    f"({doc.article_date.isoformat()}) that is {expected} years, not {years}",
                    span.start,
                    span.end,
                    meta.severity,
                )


def _years_fit(years: int, expected: int, kind: str, hedge: str) -> bool:
    if hedge in ("more than", "over", "just over"):
        return years <= expected
    if hedge in ("nearly", "almost", "just under"):
        return expected - 1 <= years <= expected + 1
    if hedge:
        return abs(years - expected) <= 2
    if kind == "anniversary":
        return abs(years - expected) <= 1  # a preview or a look back at this year's date
    return expected - 1 <= years <= expected  # this year's anniversary may be yet to come


_MONTH = r"(?:(?:January|February|March|April|May|June|July|August|September|October|"
_MONTH += r"November|December)\s+)?"
_AGO_YEAR_AFTER = regexcache.compile(rf",?\s+(?:\(|[—–]\s*)?in\s+{_MONTH}(?P<y>1[89]\d\d|20\d\d)\b")
_AGO_YEAR_BEFORE = regexcache.compile(rf"\bin\s+{_MONTH}(?P<y>1[89]\d\d|20\d\d),?\s+(?:[—–]\s*)?$")


def _event_year(
    text: str, sentence: Span, m: re.Match[str], head: str | None
) -> tuple[int, str] | None:
    """(year, event noun) for a statement, or None when the story does not settle it."""
    s_text = text[sentence.start : sentence.end]
    kind = m.group("kind").lower()
    years_here = {int(y.group(1)) for y in YEAR.finditer(s_text)}
    if head is None:  # "20 years ago, in 2004": the year must stand right beside it
        after = _AGO_YEAR_AFTER.match(text, m.end(), sentence.end)
        before = _AGO_YEAR_BEFORE.search(text, sentence.start, m.start())
        found = after or before
        if found is None or len(years_here) != 1:
            return None
        return int(found.group("y")), "event"
    if kind == "after" and (not NOW.search(s_text) or PAST.search(s_text)):
        return None
    if kind == "since" and PAST.search(s_text):
        return None
    # Names in the statement's sentence (not its first word) tie a verb to the event.
    names = set(re.findall(r"(?<=\s)[A-Z][a-z]+\b", s_text)) - {"The", "His", "Her", "Their"}
    candidates = {year for year, _ in event_years(text, head, names)}
    if len(candidates) != 1:
        return None
    year = candidates.pop()
    if years_here - {year}:
        return None  # another year in the sentence: the count may be from that year
    return year, head


@rule(
    "numbers.age-mismatch",
    summary="An age that disagrees with the birth or founding year given with it.",
    why=(
        "'Smith, 45, was born in 1960' in a story of 2019 cannot both be right, and a reader "
        "who subtracts will doubt the rest. The age and the year must stand in one sentence "
        "(so they speak of one person or organisation): a person's age ('45-year-old', "
        "'Smith, 45,', 'aged 45') with 'born in YEAR' or a full birth date, or an "
        "organisation's anniversary ('its 30th anniversary') with 'founded in YEAR'. The "
        "age must match the article date, allowing for a birthday not yet come. A sentence "
        "that puts the age at another time ('at 20', 'when she was 20', another year, a "
        "death) or gives the birth to someone else ('whose father was born in 1950') is not "
        "checked. Without an article date (front matter, a dateline or --date) nothing is."
    ),
    severity=Severity.WARNING,
    examples=[
        Example(
            "---\ndate: 2019-05-01\n---\n\nMarta Quill, 45, who was born in 1960, opened the "
            "new library on Monday.",
            True,
        ),
        Example(
            "---\ndate: 2019-05-01\n---\n\nMarta Quill, 58, who was born in 1960, opened the "
            "new library on Monday.",
            False,
        ),
    ],
)
def age_mismatch(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    day = doc.article_date
    if day is None:
        return
    text = doc.text
    for para in doc.body:
        for sentence in _sentences(text, para):
            for claim in age_claims(text, sentence):
                low, high = claim.expected(day)
                if low <= claim.age <= high or doc.in_quotation(claim.span):
                    continue
                counted = f"{low}" if low == high else f"{low} or {high}"
                unit = " months" if claim.in_months else ""
                what = "Founded" if claim.founded else "Born"
                yield Diagnostic(
                    meta.id,
                    f"{what} {'on' if claim.day else 'in'} {claim.origin}: on the article date "
                    f"({day.isoformat()}) that is {counted}{unit}, not {claim.age}{unit}",
                    claim.span.start,
                    claim.span.end,
                    meta.severity,
                )
