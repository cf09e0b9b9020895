"""The report page: one HTML file with plotly.js inlined, readable offline.

Everything that came from the input (paths, titles, messages, flagged text,
rule ids, URLs) is escaped here, and a Content-Security-Policy forbids the
page from loading anything or running anything but its own inline scripts.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TextIO
from urllib.parse import urlsplit

import newslint
from newslint.report import charts
from newslint.report.aggregate import Aggregate, WorstArticle, family_of

CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:"
)
STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:0 20px 60px;
color:#1d232a}
h1{margin:28px 0 4px}h2{margin-top:42px;border-bottom:1px solid #d8dde3;padding-bottom:4px}
.sub{color:#5b6672;margin:0 0 18px}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{border:1px solid #d8dde3;border-radius:6px;padding:10px 14px;min-width:120px}
.card b{display:block;font-size:22px}
table{border-collapse:collapse;width:100%;margin:10px 0}
th,td{border-bottom:1px solid #e6e9ed;padding:4px 8px;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
code{background:#f2f4f6;padding:0 3px;border-radius:3px;word-break:break-word}
.sev-error{color:#b3261e;font-weight:600}.sev-warning{color:#8a5a00}.sev-info{color:#2a6496}
.note{color:#5b6672}
section.article{border-top:1px solid #d8dde3;margin-top:26px}
nav a{margin-right:14px}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _num(value: float, digits: int = 2) -> str:
    return f"{value:,.{digits}f}" if isinstance(value, float) else f"{value:,}"


def _safe_url(url: str | None) -> str | None:
    """Only web links: a ``javascript:`` URL from the input must not become a link."""
    if not url:
        return None
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def _rule_cell(rule: str, totals: Aggregate) -> str:
    url = _safe_url(totals.rule_urls.get(rule))
    label = f"<code>{_e(rule)}</code>"
    return f'<a href="{_e(url)}" rel="noreferrer">{label}</a>' if url else label


def write_page(
    totals: Aggregate,
    out: TextIO,
    *,
    title: str,
    problems: Iterable[str] = (),
    notes: Iterable[str] = (),
) -> None:
    worst = totals.worst_articles()
    anchors = {article.path: f"a-{i}" for i, article in enumerate(worst, 1)}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{STYLE}</style>",
        f"<script>{charts.plotly_js()}</script>",
        "</head><body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="sub">newslint {_e(newslint.__version__)}</p>',
        '<nav><a href="#families">Families</a><a href="#rules">Top rules</a>'
        '<a href="#time">Over time</a><a href="#names">Names</a>'
        '<a href="#worst">Worst articles</a></nav>',
        _overview(totals),
        "".join(f'<p class="note">Note: {_e(n)}</p>' for n in notes),
        _families(totals),
        _rules(totals),
        _time(totals),
        _names(totals, anchors),
        _worst(worst, totals),
        _problems(totals, list(problems)),
        "</body></html>",
    ]
    for part in parts:
        out.write(part)
        out.write("\n")


def _overview(t: Aggregate) -> str:
    cards = [
        ("articles", _num(t.articles)),
        ("words", _num(t.words)),
        ("findings", _num(t.findings)),
        ("per 1,000 words", _num(t.per_thousand(t.counted_findings))),
        ("errors", _num(t.by_severity["error"])),
        ("warnings", _num(t.by_severity["warning"])),
        ("info", _num(t.by_severity["info"])),
        ("articles with findings", _num(t.articles_with_findings)),
    ]
    if t.unreadable:
        cards.append(("articles not read", _num(t.unreadable)))
    html = "".join(f'<div class="card"><b>{v}</b>{_e(k)}</div>' for k, v in cards)
    note = ""
    if t.without_words:
        note = (
            f'<p class="note">{_num(t.without_words)} articles had no word count and are '
            "left out of the rates per 1,000 words.</p>"
        )
    return f'<div class="cards" id="overview">{html}</div>{note}'


def _families(t: Aggregate) -> str:
    chart = charts.family_chart(t)
    rows = "".join(
        f"<tr><td><code>{_e(family)}</code></td><td class=n>{_num(count)}</td>"
        f"<td class=n>{_num(rate)}</td></tr>"
        for family, count, rate in t.family_rates()
    )
    table = (
        "<table><tr><th>family</th><th class=n>findings</th>"
        f"<th class=n>per 1,000 words</th></tr>{rows}</table>"
        if rows
        else '<p class="note">No findings.</p>'
    )
    return f'<h2 id="families">Findings per 1,000 words by family</h2>{chart or ""}{table}'


def _rules(t: Aggregate) -> str:
    chart = charts.rules_chart(t)
    rows = "".join(
        f"<tr><td>{_rule_cell(rule, t)}</td><td><code>{_e(family_of(rule))}</code></td>"
        f"<td class='sev-{_e(t.rule_severity.get(rule, ''))}'>"
        f"{_e(t.rule_severity.get(rule, ''))}</td>"
        f"<td class=n>{_num(count)}</td><td class=n>{_num(t.rule_articles[rule])}</td>"
        f"<td class=n>{_num(t.per_thousand(count))}</td></tr>"
        for rule, count in t.top_rules(50)
    )
    if not rows:
        return '<h2 id="rules">Top rules</h2><p class="note">No findings.</p>'
    more = len(t.by_rule) - min(50, len(t.by_rule))
    tail = f'<p class="note">and {more} more rules.</p>' if more else ""
    return (
        f'<h2 id="rules">Top rules</h2>{chart or ""}<table><tr><th>rule</th><th>family</th>'
        "<th>severity</th><th class=n>findings</th><th class=n>articles</th>"
        f"<th class=n>per 1,000 words</th></tr>{rows}</table>{tail}"
    )


def _time(t: Aggregate) -> str:
    chart = charts.time_chart(t)
    head = '<h2 id="time">Findings over time, by article date</h2>'
    undated = (
        f'<p class="note">{_num(t.undated)} of {_num(t.articles)} articles had no date '
        "and are not shown here.</p>"
        if t.undated
        else ""
    )
    if chart is None:
        return f'{head}<p class="note">No article carried a date.</p>{undated}'
    return f"{head}{chart}{undated}"


def _names(t: Aggregate, anchors: dict[str, str]) -> str:
    head = '<h2 id="names">Names spelled more than one way</h2>'
    groups = t.name_groups()
    if not groups:
        return f'{head}<p class="note">No name was spelled two ways.</p>'

    def article_link(path: str) -> str:
        anchor = anchors.get(path)
        label = f"<code>{_e(path)}</code>"
        return f'<a href="#{anchor}">{label}</a>' if anchor else label

    rows = []
    for canonical, variants in groups[:500]:
        cells = "<br>".join(
            f"<b>{_e(variant)}</b> &times;{_num(v.count)}: "
            + ", ".join(article_link(p) for p in v.articles)
            for variant, v in variants
        )
        total = sum(v.count for _, v in variants)
        rows.append(
            f"<tr><td><b>{_e(canonical)}</b></td><td>{cells}</td>"
            f"<td class=n>{_num(total)}</td></tr>"
        )
    more = len(groups) - min(500, len(groups))
    tail = f'<p class="note">and {_num(more)} more names.</p>' if more else ""
    if t.names_overflow:
        tail += (
            f'<p class="note">{_num(t.names_overflow)} findings on further names not grouped.</p>'
        )
    return (
        f'{head}<p class="note">Grouped by the spelling newslint suggests (the one used '
        "elsewhere in the article or archive, or the names list's).</p>"
        "<table><tr><th>suggested spelling</th><th>other spellings found (articles)</th>"
        f"<th class=n>findings</th></tr>{''.join(rows)}</table>{tail}"
    )


def _worst(worst: list[WorstArticle], totals: Aggregate) -> str:
    head = '<h2 id="worst">Worst articles</h2>'
    if not worst:
        said = "No article had findings." if not totals.articles_with_findings else "None listed."
        return f'{head}<p class="note">{said}</p>'
    rows = "".join(
        f"<tr><td class=n>{i}</td><td><a href='#a-{i}'><code>{_e(a.path)}</code></a>"
        f"{'<br>' + _e(a.title) if a.title else ''}</td>"
        f"<td>{_e(a.date.isoformat()) if a.date else ''}</td>"
        f"<td class=n>{_num(a.words) if a.words is not None else ''}</td>"
        f"<td class=n>{_num(a.findings)}</td>"
        f"<td class=n>{_num(a.rate) if a.rate is not None else ''}</td></tr>"
        for i, a in enumerate(worst, 1)
    )
    table = (
        '<p class="note">Ranked by errors and warnings, then all findings, then findings '
        "per 1,000 words.</p><table><tr><th class=n>#</th><th>article</th><th>date</th>"
        "<th class=n>words</th><th class=n>findings</th><th class=n>per 1,000 words</th></tr>"
        f"{rows}</table>"
    )
    return head + table + "".join(_article(i, a) for i, a in enumerate(worst, 1))


def _article(i: int, a: WorstArticle) -> str:
    rows = "".join(
        f"<tr><td class=n>{f.line}:{f.column}</td><td class='sev-{_e(f.severity)}'>"
        f"{_e(f.severity)}</td><td><code>{_e(f.rule)}</code></td><td>{_e(f.message)}"
        f"{'<br>flagged: <code>' + _e(f.text) + '</code>' if f.text else ''}"
        f"{'<br>suggested: <code>' + _e(f.suggestion) + '</code>' if f.suggestion else ''}"
        "</td></tr>"
        for f in a.kept
    )
    more = a.findings - len(a.kept)
    tail = f'<p class="note">and {_num(more)} more findings.</p>' if more > 0 else ""
    facts = [
        _e(a.title) if a.title else "",
        _e(a.date.isoformat()) if a.date else "",
        f"{_num(a.words)} words" if a.words is not None else "",
        f"{_num(a.findings)} findings",
    ]
    title = f"<p>{' · '.join(f for f in facts if f)}</p>"
    return (
        f'<section class="article" id="a-{i}"><h3>{i}. <code>{_e(a.path)}</code></h3>{title}'
        "<table><tr><th class=n>line:col</th><th>severity</th><th>rule</th><th>finding</th></tr>"
        f"{rows}</table>{tail}<p><a href='#worst'>back to the list</a></p></section>"
    )


def _problems(t: Aggregate, problems: list[str]) -> str:
    lines = problems + t.error_samples
    if not lines:
        return ""
    items = "".join(f"<li><code>{_e(p)}</code></li>" for p in lines)
    return (
        '<h2 id="problems">Input that could not be read</h2>'
        f'<p class="note">{_num(t.unreadable)} articles could not be linted.</p><ul>{items}</ul>'
    )
