"""The audit report: `newslint report` and `check --format html`, read back
from the written page, and opened in headless Chromium."""

from __future__ import annotations

import gzip
import json
import tracemalloc
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from conftest import EXAMPLES, need_executable, run_cli

from newslint.report.aggregate import Aggregate
from newslint.report.charts import period_of, plotly_js, time_unit
from newslint.report.records import ReadProblems, read_results


def diag(rule: str, text: str, severity: str = "warning", fix: str | None = None) -> dict:
    return {
        "rule": rule,
        "severity": severity,
        "message": f"{rule} found '{text}'",
        "range": {
            "start": {"line": 3, "column": 5, "offset": 40},
            "end": {"line": 3, "column": 5 + len(text), "offset": 40 + len(text)},
        },
        "text": text,
        "suggestions": [{"replacement": fix, "applicability": "unsafe"}] if fix else [],
        "source": "newslint",
        "url": f"https://example.org/rules/{rule}",
    }


def record(rid: str, date: str | None, words: int | None, *diagnostics: dict, **extra: Any):
    return {
        "version": 1,
        "path": f"feed.jsonl#{rid}",
        "id": rid,
        "title": f"Story {rid}",
        "date": date,
        "words": words,
        "diagnostics": list(diagnostics),
        "errors": [],
        **extra,
    }


SUMMARY = {
    "version": 1,
    "tool": {"name": "newslint", "version": "0"},
    "summary": {"files": 5},
    "notices": ["grammar checks were skipped in this made-up run"],
}

FEED = [
    record(
        "1",
        "2026-03-02",
        400,
        diag("names.misspelled", "Adeyemmi", fix="Adeyemi"),
        diag("names.inconsistent", "Adeyem", fix="Adeyemi"),
        diag("filler.web-leftover", "Click here"),
        diag("filler.web-leftover", "Share this"),
    ),
    record(
        "2",
        "2026-03-02",
        600,
        diag("names.inconsistent", "Adeyemmi", fix="Adeyemi"),
        diag("attribution.vague", "some say"),
    ),
    record("3", "2026-05-10", 1000),
    record("4", None, 500, *[diag("spelling.unknown", w, "info") for w in ("qwz", "zzv", "xqj")]),
    record("6", None, None, errors=["feed.jsonl#6: the record has no text field"]),
]


def write_jsonl(path: Path, rows: list[Any], bad_line: str | None = None) -> Path:
    lines = [json.dumps(r) for r in rows]
    if bad_line is not None:
        lines.insert(4, bad_line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def cards(doc: lxml.html.HtmlElement) -> dict[str, str]:
    return {
        "".join(card.xpath("text()")).strip(): card.findtext("b")
        for card in doc.get_element_by_id("overview").find_class("card")
    }


def table_rows(doc: lxml.html.HtmlElement, section: str) -> list[list[str]]:
    """Text of the rows of the first table after the heading ``section``."""
    heading = doc.get_element_by_id(section)
    table = heading.xpath("following::table[1]")[0]
    return [[c.text_content().strip() for c in row.xpath("td")] for row in table.xpath("tr")[1:]]


# -- newslint report on JSON Lines ---------------------------------------------------


def test_report_aggregates_a_jsonl_feed(tmp_path: Path) -> None:
    feed = write_jsonl(tmp_path / "results.jsonl", [*FEED, SUMMARY], bad_line="{not json")
    out = tmp_path / "audit.html"
    run = run_cli("report", feed, "-o", out, "--title", "Desk audit")
    # A malformed line is reported with its line number; the page is still written.
    assert run.returncode == 2, run.stderr
    assert f"{feed}:5: not valid JSON" in run.stderr
    doc = page(out)
    assert doc.findtext(".//h1") == "Desk audit"
    overview = cards(doc)
    assert overview["articles"] == "5"
    assert overview["words"] == "2,500"  # the record with no word count is left out
    assert overview["findings"] == "9"
    assert overview["per 1,000 words"] == "3.60"
    assert overview["articles not read"] == "1"
    families = {row[0]: row[1:] for row in table_rows(doc, "families")}
    assert families["names"] == ["3", "1.20"]
    assert families["filler"] == ["2", "0.80"]
    assert families["attribution"] == ["1", "0.40"]
    rules = [row[0] for row in table_rows(doc, "rules")]
    assert rules[:2] == ["spelling.unknown", "filler.web-leftover"]
    # Names: grouped by the suggested spelling, variants counted across articles.
    names = table_rows(doc, "names")
    assert len(names) == 1
    assert names[0][0] == "Adeyemi"
    assert "Adeyemmi ×2" in names[0][1] and "Adeyem ×1" in names[0][1]
    assert names[0][2] == "3"
    # Worst first: errors and warnings outrank info findings.
    worst = doc.xpath("//h2[@id='worst']/following::table[1]//a/code/text()")
    assert worst == [
        "feed.jsonl#1",
        "feed.jsonl#2",
        "feed.jsonl#4",
    ]
    # ... each linked to its own diagnostics in the page.
    link = doc.xpath("//h2[@id='worst']/following::table[1]//a/@href")[0]
    section = doc.get_element_by_id(link.lstrip("#"))
    assert "feed.jsonl#1" in section.findtext(".//h3/code")
    assert len(section.xpath(".//table/tr")) == 1 + 4
    assert "Adeyemmi" in section.text_content()
    # Over time: the two dated days drawn, the undated articles said.
    assert doc.get_element_by_id("chart-time") is not None
    text = doc.text_content()
    assert "2 of 5 articles had no date" in text
    assert "feed.jsonl#6: the record has no text field" in text
    assert "Note: grammar checks were skipped in this made-up run" in text


def test_report_reads_gzip_and_stdin_and_exits_0_when_all_read(tmp_path: Path) -> None:
    rows = [*FEED[:4], SUMMARY]
    plain = write_jsonl(tmp_path / "r.jsonl", rows)
    packed = tmp_path / "r.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    from_gz = run_cli("report", packed, "-o", tmp_path / "gz.html")
    assert from_gz.returncode == 0, from_gz.stderr
    from_stdin = run_cli(
        "report", "-", "-o", tmp_path / "stdin.html", input=plain.read_text(encoding="utf-8")
    )
    assert from_stdin.returncode == 0, from_stdin.stderr
    for name in ("gz.html", "stdin.html"):
        assert cards(page(tmp_path / name))["findings"] == "9"


def test_articles_check_could_not_read_are_listed_not_an_error(tmp_path: Path) -> None:
    feed = write_jsonl(tmp_path / "r.jsonl", [FEED[4], FEED[0]])
    run = run_cli("report", feed, "-o", tmp_path / "a.html")
    assert run.returncode == 0, run.stderr
    doc = page(tmp_path / "a.html")
    assert cards(doc)["articles not read"] == "1"
    assert "feed.jsonl#6: the record has no text field" in doc.text_content()


def test_report_with_no_worst_articles(tmp_path: Path) -> None:
    feed = write_jsonl(tmp_path / "r.jsonl", FEED[:4])
    run = run_cli("report", feed, "--worst", "0", "-o", tmp_path / "a.html")
    assert run.returncode == 0, run.stderr
    doc = page(tmp_path / "a.html")
    assert cards(doc)["findings"] == "9"
    assert "No article had findings" not in doc.text_content()
    assert doc.xpath("//section[@class='article']") == []


def test_report_on_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "audit.html"
    run = run_cli("report", tmp_path / "nope.jsonl", "-o", out)
    assert run.returncode == 2
    assert "nope.jsonl: cannot be read" in run.stderr
    assert not out.exists() and not list(tmp_path.iterdir())


HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def hostile_feed(tmp_path: Path) -> Path:
    bad = diag("filler.web-leftover", HOSTILE, fix=HOSTILE)
    bad["url"] = "javascript:alert(2)"
    bad["message"] = HOSTILE
    weird_rule = diag("names.inconsistent", HOSTILE, fix="</script><b>Name")
    weird_rule["rule"] = "x</script><script>alert(3)</script>.y"
    row = record("<b>1</b>", "2026-01-05", 100, bad, weird_rule)
    row["path"] = f"feed.jsonl#{HOSTILE}"
    row["title"] = HOSTILE
    return write_jsonl(tmp_path / "hostile.jsonl", [row])


def test_report_escapes_text_from_the_articles(tmp_path: Path) -> None:
    out = tmp_path / "audit.html"
    run = run_cli("report", hostile_feed(tmp_path), "-o", out)
    assert run.returncode == 0, run.stderr
    # The page less the plotly.js bundle: what came from the input, escaped.
    html = out.read_text(encoding="utf-8").replace(plotly_js(), "")
    for raw in ("<img", "<script>alert", "</script><b>", "javascript:"):
        assert raw not in html
    doc = page(out)
    assert doc.xpath("//img") == []
    # Only our own scripts: plotly.js and one per chart.
    assert len(doc.xpath("//script")) == 1 + len(doc.find_class("plotly-graph-div"))
    assert HOSTILE in doc.get_element_by_id("a-1").text_content()


# -- results of a real run --------------------------------------------------------------


ARTICLES = [
    EXAMPLES / "flawed-abu-dhabi-talks.md",
    EXAMPLES / "flawed-harbour-fire.html",
    EXAMPLES / "flawed-light-rail-padding.txt",
    EXAMPLES / "clean-council-budget.txt",
]


def test_report_of_a_json_report_equals_check_format_html(tmp_path: Path) -> None:
    as_json = run_cli("check", "--format", "json", *ARTICLES, "-o", tmp_path / "r.json")
    assert as_json.returncode == 1, as_json.stderr
    reported = run_cli("report", tmp_path / "r.json", "-o", tmp_path / "from-json.html")
    assert reported.returncode == 0, reported.stderr
    direct = run_cli("check", "--format", "html", *ARTICLES, "-o", tmp_path / "direct.html")
    assert direct.returncode == 1, direct.stderr
    from_json, from_check = page(tmp_path / "from-json.html"), page(tmp_path / "direct.html")
    summary = cards(from_check)
    findings = sum(
        len(f["diagnostics"])
        for f in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["files"]
    )
    assert summary["findings"] == str(findings) and findings > 0
    assert summary["articles"] == "4"
    # Word counts and dates are read from the articles, as the linter reads them.
    assert int(summary["words"].replace(",", "")) > 400
    assert cards(from_json) == summary
    for section in ("families", "rules", "names", "worst"):
        assert table_rows(from_json, section) == table_rows(from_check, section)
    assert from_check.get_element_by_id("chart-time") is not None


# -- streaming: memory does not grow with the number of results --------------------------


def _peak_reading(path: Path) -> tuple[int, Aggregate]:
    totals = Aggregate(worst=25)
    tracemalloc.start()
    try:
        for article in read_results(str(path), ReadProblems()):
            totals.add(article)
        return tracemalloc.get_traced_memory()[1], totals
    finally:
        tracemalloc.stop()


def test_reading_and_aggregating_stream_in_bounded_memory(tmp_path: Path) -> None:
    def feed(n: int) -> Path:
        path = tmp_path / f"feed-{n}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for i in range(n):
                day = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
                found = [diag("filler.web-leftover", "Click here")] * (i % 4)
                found.append(diag("names.inconsistent", f"Smyth{i % 7}", fix="Smith"))
                out.write(json.dumps(record(str(i), day, 300 + i % 50, *found)) + "\n")
        return path

    small_peak, small = _peak_reading(feed(2_000))
    large_peak, large = _peak_reading(feed(20_000))
    assert (small.articles, large.articles) == (2_000, 20_000)
    assert len(large.worst_articles()) == 25
    # Ten times the results, about the same memory (aggregates + 25 kept articles).
    assert large_peak < 1.25 * small_peak, (small_peak, large_peak)


# -- pieces --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("span_days", "unit"), [(0, "day"), (92, "day"), (93, "week"), (731, "week"), (900, "month")]
)
def test_time_unit_follows_the_span_of_dates(span_days: int, unit: str) -> None:
    import datetime as dt

    start = dt.date(2025, 1, 1)
    assert time_unit([start, start + dt.timedelta(days=span_days)]) == unit


def test_period_of_weeks_and_months() -> None:
    import datetime as dt

    thursday = dt.date(2026, 3, 5)
    assert period_of(thursday, "week") == dt.date(2026, 3, 2)
    assert period_of(thursday, "month") == dt.date(2026, 3, 1)
    assert period_of(thursday, "day") == thursday


# -- in a real browser -----------------------------------------------------------------

CHART_STATE = """
new Promise(resolve => {
  const started = Date.now();
  const look = () => {
    const charts = [...document.querySelectorAll('.plotly-graph-div')].map(div => ({
      id: div.id,
      svgs: div.querySelectorAll('svg.main-svg').length,
      marks: div.querySelectorAll('.bars .point path').length,
    }));
    if (charts.every(c => c.marks > 0) || Date.now() - started > 10000) resolve(charts);
    else setTimeout(look, 100);
  };
  look();
})
"""

BROKEN_ANCHORS = """
[...document.querySelectorAll('a[href^="#"]')]
  .map(a => a.getAttribute('href').slice(1))
  .filter(id => !document.getElementById(id))
"""


def _open_in_chromium(html: Path, tmp_path: Path, shot: str) -> tuple[Any, Any]:
    from chromium_cdp import Chromium

    executable = need_executable("chromium")
    with Chromium(executable, tmp_path / "profile") as browser:
        browser.open(html.resolve().as_uri())
        charts = browser.evaluate(CHART_STATE)
        broken = browser.evaluate(BROKEN_ANCHORS)
        images = browser.evaluate("document.images.length")
        saved = browser.screenshot(tmp_path / shot)
    assert saved.stat().st_size > 10_000 and saved.read_bytes()[:4] == b"\x89PNG"
    return charts, (broken, images, browser.events)


def test_check_format_html_renders_in_headless_chromium(tmp_path: Path) -> None:
    out = tmp_path / "audit.html"
    run = run_cli("check", "--format", "html", *ARTICLES, "-o", out)
    assert run.returncode == 1, run.stderr
    charts, (broken, _, events) = _open_in_chromium(out, tmp_path, "audit.png")
    assert [c["id"] for c in charts] == ["chart-families", "chart-rules", "chart-time"]
    for chart in charts:
        assert chart["svgs"] >= 1 and chart["marks"] > 0, chart
    assert events.errors() == []
    assert broken == []
    # Offline: the page loads nothing but itself.
    assert events.requests == [out.resolve().as_uri()]


def test_hostile_report_runs_no_script_in_chromium(tmp_path: Path) -> None:
    out = tmp_path / "hostile.html"
    assert run_cli("report", hostile_feed(tmp_path), "-o", out).returncode == 0
    charts, (broken, images, events) = _open_in_chromium(out, tmp_path, "hostile.png")
    assert all(c["marks"] > 0 for c in charts)
    assert events.dialogs == []
    assert images == 0
    assert events.errors() == []
    assert broken == []


# -- the streaming sink gives the formatter's page ------------------------------------

STORY = """Council Backs Harbour Plan

By Staff Writer

The council voted on Tuesday to back the harbour plan. Mayor Ellen Marsh said the
vote was close. Marsch told reporters the plan would go ahead, and some say it will
cost more than planned. Click here to subscribe to our newsletter.
"""


def test_html_sink_streams_to_the_same_page_as_the_formatter(tmp_path: Path) -> None:
    import io

    from conftest import lint_snippet

    from newslint.formatters.html import HtmlFormatter, HtmlSink
    from newslint.results import RunResult

    files = [lint_snippet(STORY), lint_snippet(STORY.replace("Tuesday", "Friday"))]
    for i, file in enumerate(files):
        file.path = f"story-{i}.txt"
    assert any(f.diagnostics for f in files)
    whole, streamed = io.StringIO(), io.StringIO()
    HtmlFormatter().write(RunResult(files=files, rules={}), whole, color=False)
    sink = HtmlSink(streamed)
    for position, file in enumerate(files):
        sink.write(position, file)
    sink.close(None, [])
    (tmp_path / "whole.html").write_text(whole.getvalue(), encoding="utf-8")
    (tmp_path / "streamed.html").write_text(streamed.getvalue(), encoding="utf-8")
    a, b = page(tmp_path / "whole.html"), page(tmp_path / "streamed.html")
    assert cards(a) == cards(b) and cards(a)["articles"] == "2"
    for section in ("families", "rules", "worst"):
        assert table_rows(a, section) == table_rows(b, section)


def test_statistics_with_html_go_to_stderr(tmp_path: Path) -> None:
    out = tmp_path / "a.html"
    run = run_cli("check", "--format", "html", "--statistics", ARTICLES[0], "-o", out)
    assert run.returncode == 1
    assert out.read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert any(line.split()[1].count(".") for line in run.stderr.splitlines() if line.strip())


def test_check_jsonl_piped_into_report_equals_check_format_html(tmp_path: Path) -> None:
    """The streamed feed carries words, dates and titles: the page is the one
    `check --format html` writes directly."""
    feed = run_cli("check", "--format", "jsonl", *ARTICLES)
    assert feed.returncode == 1, feed.stderr
    reported = run_cli("report", "-", "-o", tmp_path / "piped.html", input=feed.stdout)
    assert reported.returncode == 0, reported.stderr
    direct = run_cli("check", "--format", "html", *ARTICLES, "-o", tmp_path / "direct.html")
    assert direct.returncode == 1, direct.stderr
    piped, from_check = page(tmp_path / "piped.html"), page(tmp_path / "direct.html")
    assert cards(piped) == cards(from_check) and cards(piped)["articles"] == "4"
    for section in ("families", "rules", "names", "worst"):
        assert table_rows(piped, section) == table_rows(from_check, section)
