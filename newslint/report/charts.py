"""The report's charts, drawn with plotly and embedded as HTML fragments.

plotly.js itself is written once into the page (``plotly_js``); each chart
is a ``<div>`` plus the script that draws it. Labels come from the input
(rule ids, family names), so they are HTML-escaped: plotly.js renders a
subset of HTML in text and decodes entities, so escaped labels display as
written and cannot inject markup.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from html import escape
from typing import Any, cast

from newslint.report.aggregate import Aggregate

TEMPLATE = "plotly_white"
CONFIG = {"displaylogo": False, "responsive": True}
# Above this many days, the time chart groups by week; above the second, by month.
DAILY_SPAN = 92
WEEKLY_SPAN = 731
FAMILIES_OVER_TIME = 8  # the rest are summed as "other"
# One colour per family in every chart (plotly's qualitative "Dark24" palette).
KNOWN_FAMILIES = (
    "filler",
    "attribution",
    "names",
    "spelling",
    "dates",
    "numbers",
    "structure",
    "grammar",
    "proselint",
    "style",
    "ap",
)


def plotly_js() -> str:
    """The plotly.js bundle that matches the Python library, for inlining."""
    from plotly.offline import get_plotlyjs

    return cast(str, get_plotlyjs())  # plotly is untyped


def family_color(family: str) -> str:
    import zlib

    from plotly.colors import qualitative

    palette: list[str] = qualitative.Dark24
    if family == "other":
        return "#9aa3ad"
    if family in KNOWN_FAMILIES:
        return palette[KNOWN_FAMILIES.index(family)]
    # Families from packs outside the known list: a stable colour after the known ones.
    spare = palette[len(KNOWN_FAMILIES) :]
    return spare[zlib.crc32(family.encode()) % len(spare)]


def _label(text: str) -> str:
    return escape(text, quote=False)


def _div(fig: Any, div_id: str) -> str:
    import plotly.io as pio

    html = pio.to_html(
        fig,
        full_html=False,
        include_plotlyjs=False,
        div_id=div_id,
        config=CONFIG,
        default_height="420px",
    )
    return cast(str, html)  # plotly is untyped


def family_chart(totals: Aggregate) -> str | None:
    import plotly.graph_objects as go

    rows = totals.family_rates()
    if not rows or not totals.words:
        return None
    rows = rows[::-1]  # plotly draws horizontal bars bottom-up
    fig = go.Figure(
        go.Bar(
            x=[round(rate, 3) for _, _, rate in rows],
            y=[_label(family) for family, _, _ in rows],
            orientation="h",
            customdata=[count for _, count, _ in rows],
            hovertemplate="%{y}: %{x} per 1,000 words (%{customdata} findings)<extra></extra>",
            marker_color=[family_color(family) for family, _, _ in rows],
        )
    )
    fig.update_layout(
        template=TEMPLATE,
        xaxis_title="findings per 1,000 words",
        margin={"l": 120, "r": 20, "t": 20, "b": 50},
    )
    return _div(fig, "chart-families")


def rules_chart(totals: Aggregate, limit: int = 20) -> str | None:
    import plotly.graph_objects as go

    rows = totals.top_rules(limit)[::-1]
    if not rows:
        return None
    fig = go.Figure(
        go.Bar(
            x=[count for _, count in rows],
            y=[_label(rule) for rule, _ in rows],
            orientation="h",
            customdata=[totals.rule_articles[rule] for rule, _ in rows],
            hovertemplate="%{y}: %{x} findings in %{customdata} articles<extra></extra>",
            marker_color="#b5533c",
        )
    )
    fig.update_layout(
        template=TEMPLATE,
        xaxis_title="findings",
        height=max(320, 26 * len(rows) + 90),
        margin={"l": 240, "r": 20, "t": 20, "b": 50},
    )
    return _div(fig, "chart-rules")


def period_of(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())  # the Monday
    if unit == "month":
        return day.replace(day=1)
    return day


def time_unit(days: list[dt.date]) -> str:
    span = (max(days) - min(days)).days if days else 0
    return "day" if span <= DAILY_SPAN else "week" if span <= WEEKLY_SPAN else "month"


def time_chart(totals: Aggregate) -> str | None:
    """Findings per 1,000 words per period (day, week or month), stacked by family."""
    import plotly.graph_objects as go

    if not totals.by_day:
        return None
    unit = time_unit(list(totals.by_day))
    words: Counter[dt.date] = Counter()
    articles: Counter[dt.date] = Counter()
    by_family: dict[str, Counter[dt.date]] = {}
    for day, t in totals.by_day.items():
        period = period_of(day, unit)
        words[period] += t.words
        articles[period] += t.articles
        for family, n in t.by_family.items():
            by_family.setdefault(family, Counter())[period] += n
    periods = sorted(words)
    ranked = sorted(by_family, key=lambda f: -sum(by_family[f].values()))
    shown, rest = ranked[:FAMILIES_OVER_TIME], ranked[FAMILIES_OVER_TIME:]
    if rest:
        other: Counter[dt.date] = Counter()
        for family in rest:
            other.update(by_family[family])
        by_family["other"] = other
        shown.append("other")
    fig = go.Figure()
    for family in shown:
        counts = by_family[family]
        fig.add_trace(
            go.Bar(
                x=[p.isoformat() for p in periods],
                y=[round(1000 * counts[p] / words[p], 3) if words[p] else 0 for p in periods],
                name=_label(family),
                marker_color=family_color(family),
                customdata=[[counts[p], articles[p]] for p in periods],
                hovertemplate=(
                    "%{x}: %{y} per 1,000 words (%{customdata[0]} findings, "
                    "%{customdata[1]} articles)<extra>%{fullData.name}</extra>"
                ),
            )
        )
    fig.update_layout(
        template=TEMPLATE,
        barmode="stack",
        xaxis={
            "type": "date",
            "title": f"article date (by {unit})",
            "tickformat": "%b %Y" if unit == "month" else "%d %b %Y",
        },
        yaxis_title="findings per 1,000 words",
        legend_title_text="family",
        margin={"l": 60, "r": 20, "t": 20, "b": 60},
    )
    return _div(fig, "chart-time")
