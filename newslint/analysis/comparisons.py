"""Two figures compared in words: "more than double the 20,000", "a third of
its 900 staff", "rose from 40 to 35", "up 25% from £40m to £50m".

Each comparison is checked with interval arithmetic: a figure stands for every
value it could have been rounded from ("300" for 250-350, "1.2 million" for
1.15-1.25 million), and a hedge ("nearly", "more than") widens the relation.
A comparison is reported only when no reading of the figures satisfies it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newslint import regexcache
from newslint.analysis.linear import linear
from newslint.analysis.numbers import Figure, find_figures, parse_number
from newslint.spans import Span

_FRACTIONS = {
    "half": 0.5,
    "a half": 0.5,
    "one half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "one-third": 1 / 3,
    "two-thirds": 2 / 3,
    "two thirds": 2 / 3,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "one-quarter": 0.25,
    "three-quarters": 0.75,
    "three quarters": 0.75,
    "a fifth": 0.2,
    "one-fifth": 0.2,
    "a tenth": 0.1,
    "one-tenth": 0.1,
}
_MULTIPLES = {"double": 2.0, "twice": 2.0, "triple": 3.0, "treble": 3.0, "quadruple": 4.0}
# ", more than doubling": the participle states the same relation.
_MULTIPLES |= {"doubling": 2.0, "tripling": 3.0, "trebling": 3.0, "quadrupling": 4.0}
_VERB_FACTORS = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
_VERB_FACTORS |= {"double": 2.0, "triple": 3.0, "treble": 3.0, "quadruple": 4.0, "halve": 0.5}
_SMALL = r"two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?"
_HEDGES = (
    r"more than|over|almost|nearly|about|around|roughly|some|approximately|just over|"
    r"just under|less than|under|fewer than|close to|at least|well over|well under"
).replace(" ", r"\s+")  # any space: a line wrapped at 72 columns may fall inside
_HEDGE_GROUP = rf"(?:(?P<hedge>{_HEDGES})\s+)?"
_FRACTION_WORDS = "|".join(sorted(map(re.escape, _FRACTIONS), key=lambda w: (-len(w), w)))
# "more than double the", "a third of its", "three times as many as the".
_RELATION = regexcache.compile(
    rf"\b{_HEDGE_GROUP}(?P<rel>{_FRACTION_WORDS}|double|twice|triple|treble|quadruple|"
    rf"(?P<n>{_SMALL})\s+times(?P<more>\s+(?:more|higher|bigger|greater|larger))?)"
    r"(?:\s+(?:as\s+(?:many|much|high|large|big)\s+as|than|that\s+of|those\s+of|of))?"
    r"(?:\s+(?:the|its|their|his|her|our|a|an|last\s+year's|previous|earlier|original))*"
    r"\s+(?=[$£€\d])",
    re.IGNORECASE,
)
_UP = (
    r"rose|risen|rise|rises|rising|increased|increases|increasing|grew|grown|grows|climbed|"
    r"climbs|jumped|jumps|soared|surged|gained|boosted|raised|swelled|expanded|leapt|leaped|"
    r"went up|gone up|up(?!\s+to\b)"  # "up to $750,000" is a limit, not a rise
)
_DOWN = (
    r"fell|fallen|falls|falling|dropped|drops|declined|declines|decreased|decreases|dipped|"
    r"slipped|slumped|plunged|plummeted|shrank|shrunk|cut|cuts|reduced|lowered|tumbled|sank|"
    r"went down|gone down|down"
)
_MULT_VERBS = "|".join(_VERB_FACTORS)
# Words allowed before the figure after "from"/"to" ("to just 21", "to a record £4bn").
_PRE = r"(?:a\s+|the\s+|just\s+|only\s+|about\s+|around\s+|nearly\s+|almost\s+|some\s+|"
_PRE += r"(?:just\s+)?(?:more\s+than|over|under)\s+|a\s+record\s+(?:of\s+)?|last\s+year's\s+)?"
# Up to four words between a figure and the other end of "from A to B", within a clause.
_WORDS = r"(?:\s+(?!and\b|but\b|while\b|whereas\b)[^\s,;]+){0,4}?"
# A change verb, up to six words, an optional "by P%", then "from A to B" or "to B from A".
_CHANGE = regexcache.compile(
    rf"\b{_HEDGE_GROUP}(?P<verb>{_MULT_VERBS}|{_UP}|{_DOWN})\b"
    r"(?P<gap>(?:\s+(?!from\b|to\b|by\b)[\w'’-]+){0,6}?)"
    r"(?:\s+by\s+(?P<frac>half|a\s+third|a\s+quarter|two[-\s]thirds|three[-\s]quarters)"
    r"|(?:\s+by)?(?:\s+(?P<pct>(?:about|around|nearly|almost|more\s+than|some|over|roughly)\s+)?"
    r"(?P<p>\d+(?:\.\d+)?)(?:%|\s+per\s*cent|\s+percent)(?P<points>\s+points)?)?),?"
    rf"\s+(?:from\s+(?:a\s+|the\s+)?(?P<a1>[$£€]?\d)(?:[^\s;]*(?<!,)){_WORDS}\s+to\s+"
    rf"{_PRE}(?P<b1>[$£€]?\d)(?:[^\s,;]|,(?=\d))*(?:\s+(?!or\b)[a-z]+){{0,2}}"
    r"(?:,?\s+(?:or|(?:a|an)\s+(?:rise|fall|drop|increase|decrease|decline|jump|cut)\s+of|"
    r"up|down)\s+(?P<p2>\d+(?:\.\d+)?)(?:%|\s+per\s*cent|\s+percent)"
    r"|,?\s+(?:a|an)\s+(?P<p3>\d+(?:\.\d+)?)(?:%|\s+per\s*cent|\s+percent)\s+"
    r"(?:rise|fall|drop|increase|decrease|decline|jump|cut)\b)?"
    rf"|to\s+{_PRE}(?P<b2>[$£€]?\d)[^\s;]*{_WORDS},?\s+(?:up\s+|down\s+)?"
    r"(?:from|compared\s+(?:with|to))\s+"
    rf"{_PRE}(?P<a2>[$£€]?\d))",
    re.IGNORECASE,
)
# "£50m, up 25% from £40m": the new figure first.
_UP_FROM = regexcache.compile(
    r"(?:%|\s+per\s*cent\b|\s+percent\b)?"
    r"(?P<gap>(?:\s+(?!and\b|but\b|while\b)[^\s,;()]+){0,8}?)"
    r"(?:,|\s[-–—])?\s+(?P<verb>up|down)(?:\s+by)?(?:\s+(?P<p>\d+(?:\.\d+)?)(?:%|\s+per\s*cent|\s+percent))?"
    rf"\s+(?:from|on)\s+{_PRE}(?=[$£€\d])",
    re.IGNORECASE,
)
# A figure, a few words, then the comma before an adverb "up"/"down".
_FIGURE_COMMA = regexcache.compile(r"\d\S*(?:\s+[a-z]+){0,3},\s*$")
# A figure that opens or closes a range ("1.9% to 2.0%", "between 1.2% and 1.7%").
_RANGE_AFTER = regexcache.compile(
    r"(?:%|\s+per\s*cent\b|\s+percent\b|\s+cents?\b)?\s*(?:to|and|-|–)\s*[$£€]?\d"
)
_RANGE_BEFORE = regexcache.compile(r"\d\S*\s+(?:to|and|-|–)\s*[$£€]?$")
# ", more than double the old price" after "from A to B": the relation of B to A.
_CHANGE_FACTOR = regexcache.compile(
    rf",\s+(?:or\s+|which\s+is\s+|roughly\s+)?{_HEDGE_GROUP}(?P<rel>double|twice|triple|treble|quadruple|"
    r"doubling|tripling|trebling|quadrupling|"
    rf"{_FRACTION_WORDS}|(?P<n>{_SMALL})\s+times)\b(?!\s+(?:as\s+\w+\s+as\s+|than\s+|of\s+)?"
    r"(?:the\s+|its\s+|a\s+)?[$£€\d])",
    re.IGNORECASE,
)
_DOWN_VERBS = regexcache.compile(rf"^(?:{_DOWN}|halved)$", re.IGNORECASE)
# Ranks and league places improve as they fall.
_RANK = regexcache.compile(
    r"\b(?:place|position|rank|ranking|rankings|spot|seed|No\.?\s*\d|number\s+(?:one|\d))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Comparison:
    """A stated relation between two figures, and whether some rounding of them
    satisfies it (``holds``); ``figures`` are the two figures compared."""

    span: Span
    message: str
    holds: bool
    figures: tuple[Figure, Figure]


@dataclass(frozen=True)
class _Value:
    low: float
    high: float
    value: float
    money: str  # the currency sign, "" when not money
    percent: bool


def _bounds(figure: Figure) -> tuple[float, float]:
    """Every value the written figure could have been rounded from."""
    token = figure.text.replace(",", "")
    raw = parse_number(token) or 0.0
    scale = figure.value / raw if raw else 1.0
    if figure.spelled:
        step = 0.0
    elif "." in token:
        step = 0.5 * 10 ** -len(token.split(".")[1])
    else:
        # "20,000" is read to two significant figures (19,500-20,500), "314" exactly.
        zeros = len(token) - len(token.rstrip("0")) if raw else 0
        step = 0.5 * 10 ** max(0, min(zeros, len(token) - 2))
    low, high = (raw - step) * scale, (raw + step) * scale
    if figure.hedged:
        low, high = low * 0.85, high * 1.15
    return low, high


def _value(text: str, figure: Figure, like: Figure | None = None) -> _Value:
    """The figure as an interval; ``like`` lends its scale, currency and % sign to a
    bare figure ("from 1.2 to 1.5 million", "from 40 to 35%")."""
    low, high = _bounds(figure)
    value, money, percent = figure.value, figure.money, figure.percent
    if like is not None and not figure.spelled and figure.value == parse_number(figure.text):
        scale = like.value / (parse_number(like.text) or 1)
        if scale > 1 and figure.value < 1000 and not figure.money:
            low, high, value = low * scale, high * scale, value * scale
        if not money and like.money:
            money, figure = True, like
        percent = percent or like.percent
    sign = text[figure.span.start] if money else ""
    return _Value(low, high, value, sign, percent)


def _usable(text: str, figure: Figure) -> bool:
    """Counts and amounts only: not years, ordinals ("40th"), "40-year-old", "9am"."""
    after = text[figure.span.end : figure.span.end + 1]
    return not figure.looks_like_year and not (after.isalpha() or after == "-")


def _said(relation: re.Match[str]) -> str:
    """ "less than half", with any line break or run of spaces inside made one space."""
    return " ".join(f"{relation.group('hedge') or ''} {relation.group('rel')}".lower().split())


def _window(ratio_low: float, ratio_high: float, factor: float, hedge: str | None) -> bool:
    """Whether some ratio in [low, high] fits "``hedge`` ``factor``"."""
    hedge = " ".join((hedge or "").lower().split())
    if hedge in ("more than", "over", "at least", "well over"):
        lo, hi = factor * 0.97, float("inf")
    elif hedge in ("less than", "under", "fewer than", "well under"):
        lo, hi = 0.0, factor * 1.03
    elif hedge in ("nearly", "almost", "just under", "close to"):
        lo, hi = factor * 0.75, factor * 1.03
    elif hedge == "just over":
        lo, hi = factor * 0.97, factor * 1.3
    elif hedge:
        lo, hi = factor * 0.8, factor * 1.2
    else:
        lo, hi = factor * 0.9, factor * 1.1
    return ratio_high >= lo and ratio_low <= hi


def _ratio(new: _Value, old: _Value) -> tuple[float, float]:
    if old.low <= 0 or old.high <= 0:
        return 0.0, float("inf")
    return max(new.low, 0.0) / old.high, new.high / old.low


def _show(value: float) -> str:
    for scale, suffix in ((1e9, "bn"), (1e6, "m")):
        if abs(value) >= scale:
            return f"{value / scale:,.3f}".rstrip("0").rstrip(".") + suffix
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _times(ratio: float) -> str:
    return (
        f"{100 * ratio:.0f}% of" if ratio < 1 else f"{ratio:.2f}".rstrip("0").rstrip(".") + " times"
    )


_PERCENT_SIGN = regexcache.compile(r"%|\s+per\s*cent\b|\s+percent\b")


def _end(text: str, figure: Figure) -> int:
    """Where the figure ends, its % sign or "per cent" included."""
    m = _PERCENT_SIGN.match(text, figure.span.end) if figure.percent else None
    return m.end() if m else figure.span.end


def _figure_at(figures: list[Figure], start: int) -> Figure | None:
    for f in figures:
        if f.span.start <= start < f.span.end:
            return f
    return None


# Every comparison has a digit after one of these words (cheap test before parsing
# figures; on RE2, which reads a sentence once where ``re`` tries every word at
# every position).
_CUE = linear(
    r"\b(?:from|on|compared|double|twice|tripl|trebl|quadrupl|halv|half|third|quarter|fifth|"
    r"tenth|"
    r"times)\w*\b.*?\d",
    re.IGNORECASE | re.DOTALL,
)


def comparisons(text: str, sentence: Span, previous: Span | None) -> Iterator[Comparison]:
    """Stated relations in ``sentence`` that its figures contradict; ``previous`` is
    the sentence before, where "That is double the 200 ..." finds its first figure."""
    if not _CUE.search(text[sentence.start : sentence.end]):
        return
    figures = [f for f in find_figures(text, sentence.start, sentence.end) if _usable(text, f)]
    if not figures:
        return
    yield from _relations(text, sentence, previous, figures)
    yield from _changes(text, sentence, figures)


def _relations(
    text: str, sentence: Span, previous: Span | None, figures: list[Figure]
) -> Iterator[Comparison]:
    """ "A, more than double the B": A = factor x B."""
    for m in _RELATION.finditer(text, sentence.start, sentence.end):
        second = _figure_at(figures, m.end())
        if second is None:
            continue
        before = [f for f in figures if f.span.end <= m.start()]
        first = before[-1] if before else None
        if first is not None:
            gap = text[first.span.end : m.start()]
            if len(gap.split()) > 10 or ";" in gap:
                continue
        elif previous is not None and re.match(
            r"\s*[\"“]?(?:That|This|It|The (?:figure|total|number))\b", text[sentence.start :]
        ):
            earlier = [
                f for f in find_figures(text, previous.start, previous.end) if _usable(text, f)
            ]
            if len(earlier) != 1:
                continue
            first = earlier[0]
        else:
            continue
        a, b = _value(text, first), _value(text, second)
        if a.money != b.money or a.percent != b.percent:
            continue
        rel = m.group("rel").lower()
        if m.group("n"):
            factor = float(parse_number(m.group("n")) or 0)
            factors = [factor, factor + 1] if m.group("more") else [factor]
        else:
            factors = [_FRACTIONS.get(rel) or _MULTIPLES[rel.split()[0]]]
        low, high = _ratio(a, b)
        holds = any(_window(low, high, f, m.group("hedge")) for f in factors)
        span = Span(min(first.span.start, m.start()), _end(text, second))
        if first.span.start < sentence.start:
            span = Span(m.start(), _end(text, second))
        said = _said(m)
        if b.value:
            yield Comparison(
                span,
                f"{_show(a.value)} is {_times(a.value / b.value)} {_show(b.value)}, not {said}",
                holds,
                (first, second),
            )


def _changes(text: str, sentence: Span, figures: list[Figure]) -> Iterator[Comparison]:
    """ "rose from A to B", "doubled to B from A", "B, up P% from A"."""
    for m in _CHANGE.finditer(text, sentence.start, sentence.end):
        if re.search(r"\d", m.group("gap")):
            continue  # a figure inside the gap: the verb may govern something else
        if m.group("verb").lower() in ("up", "down") and _FIGURE_COMMA.search(
            text, max(sentence.start, m.start() - 40), m.start()
        ):
            continue  # "between 1.2% and 1.7% this year, down from 1.9% to 2.0%": two ranges
        if m.group("a1"):
            a_fig, b_fig = _figure_at(figures, m.start("a1")), _figure_at(figures, m.start("b1"))
        else:
            a_fig, b_fig = _figure_at(figures, m.start("a2")), _figure_at(figures, m.start("b2"))
        if a_fig is None or b_fig is None or a_fig is b_fig:
            continue
        # Both figures must be the next ones after "from"/"to": nothing between.
        middle = [f for f in figures if min(a_fig, b_fig, key=_start).span.end <= f.span.start]
        if middle and middle[0] is not max(a_fig, b_fig, key=_start):
            continue
        yield from _check_change(text, sentence, m, a_fig, b_fig)
    for b_fig in figures:
        up = _UP_FROM.match(text, b_fig.span.end, sentence.end)
        if up is None or re.search(r"\d", up.group("gap")):
            continue
        a_fig = _figure_at(figures, up.end())
        if a_fig is None or _RANGE_AFTER.match(text, a_fig.span.end):
            continue  # "down from 1.9% to 2.0%": a range before, not one figure
        if _RANGE_BEFORE.search(text, max(sentence.start, b_fig.span.start - 16), b_fig.span.start):
            continue  # "between 1.2% and 1.7%, down from ...": the new figure is a range
        yield from _check_change(text, sentence, up, a_fig, b_fig)


def _start(f: Figure) -> int:
    return f.span.start


def _check_change(
    text: str, sentence: Span, m: re.Match[str], a_fig: Figure, b_fig: Figure
) -> Iterator[Comparison]:
    if _RANK.search(text, sentence.start, sentence.end):
        return
    a, b = _value(text, a_fig, b_fig), _value(text, b_fig, a_fig)
    if a.money != b.money or a.percent != b.percent or a.value <= 0:
        return
    verb = m.group("verb").lower()
    hedge = m.groupdict().get("hedge")
    span = Span(
        min(m.start(), a_fig.span.start, b_fig.span.start),
        max(_end(text, a_fig), _end(text, b_fig)),
    )
    pair = (a_fig, b_fig)
    down = bool(_DOWN_VERBS.match(verb))
    wrong_way = (down and b.value > a.value) or (not down and b.value < a.value)
    if wrong_way or b.value == a.value:
        yield Comparison(
            span,
            f"'{m.group('verb')}' but the figure goes from {_show(a.value)} to {_show(b.value)}",
            not wrong_way,
            pair,
        )
        return
    low, high = _ratio(b, a)
    groups = m.groupdict()
    stated_factor = _stated_factor(text, m, sentence, down)
    if stated_factor is not None:
        factor, said, hedge_said = stated_factor
        yield Comparison(
            span,
            f"{_show(a.value)} to {_show(b.value)} is {_times(b.value / a.value)} the start, "
            f"not {said}",
            _window(low, high, factor, hedge_said),
            pair,
        )
        return
    if verb in _VERB_FACTORS:
        yield Comparison(
            span,
            f"{_show(a.value)} to {_show(b.value)} is {_times(b.value / a.value)} the start, "
            f"not '{m.group('verb')}'",
            _window(low, high, _VERB_FACTORS[verb], hedge),
            pair,
        )
        return
    stated = groups.get("p") or groups.get("p2") or groups.get("p3")
    if not stated or m.groupdict().get("points"):
        yield Comparison(span, "direction", True, pair)  # direction only, and it holds
        return
    p = float(stated)
    step = 0.5 * 10 ** -len(stated.split(".")[1]) if "." in stated else 0.5
    change = ((low - 1) * 100, (high - 1) * 100)
    if down:
        change = ((1 - high) * 100, (1 - low) * 100)
    fits = _window(
        change[0] / max(p, 1e-9), change[1] / max(p, 1e-9), 1.0, m.groupdict().get("pct")
    )
    fits = fits or (change[0] <= p + step and change[1] >= p - step)
    if a.percent:  # "from 20% to 25%": percentage points are also a reading
        fits = fits or abs(abs(b.value - a.value) - p) <= 1 + step
    actual = abs(b.value - a.value) / a.value * 100
    yield Comparison(
        span,
        f"{_show(a.value)} to {_show(b.value)} is a change of {actual:.3g}%, not {p:g}%",
        fits,
        pair,
    )


def _stated_factor(
    text: str, m: re.Match[str], sentence: Span, down: bool
) -> tuple[float, str, str | None] | None:
    """The ratio of end to start stated with a change, and how it was said:
    "fell by half" (0.5), "rose by a third" (4/3), or a relation set after the
    figures (", more than double the old price")."""
    frac = m.groupdict().get("frac")
    if frac:
        part = _FRACTIONS[" ".join(frac.lower().split())]
        return (1 - part if down else 1 + part), f"'{m.group('verb')} by {frac}'", None
    after = _CHANGE_FACTOR.match(text, m.end(), sentence.end)
    if after is None:
        return None
    rel = after.group("rel").lower()
    if after.group("n"):
        factor = float(parse_number(after.group("n")) or 0)
    else:
        factor = _FRACTIONS.get(rel) or _MULTIPLES[rel.split()[0]]
    said = _said(after)
    return factor, said, after.group("hedge")
