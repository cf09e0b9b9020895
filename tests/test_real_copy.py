"""The real-copy benchmark: labels file shape, split rule, scoring, and a clean skip.

The corpora are read from ../shared/corpora (or NEWSLINT_CORPORA); tests that
need them skip when they are absent. The labels file itself is in the repo and
is always checked: offsets and hashes only, the fixed split rule applied.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))

import build_real_copy_corpora
import finding_verdicts
import real_copy
import real_copy_corpus as corpus
import real_copy_label

RECORD_KEYS = {"source", "id", "split", "sha256", "clean_for", "spans", "region", "regions"}
SPAN_KEYS = {"class", "start", "end", "sha1"}


def test_labels_hold_offsets_and_hashes_only_and_follow_the_split_rule():
    records = corpus.read_labels()
    assert records, "labels.jsonl is empty"
    for record in records:
        assert set(record) <= RECORD_KEYS, record.keys()
        assert record["source"] in corpus.SOURCES
        assert record["split"] == corpus.split(record["source"], record["id"])
        assert len(record["sha256"]) == 64
        assert set(record["clean_for"]) <= set(corpus.CLASSES)
        for span in record["spans"]:
            assert set(span) == SPAN_KEYS
            assert span["class"] in corpus.CLASSES
            assert 0 <= span["start"] < span["end"]
            assert len(span["sha1"]) == 40


def test_split_rule_matches_the_brief():
    # int(sha1("S:D"), 16) % 5 < 2 is TEST; remainders worked out separately: 1, 1, 2, 3.
    assert corpus.split("trafilatura", "bbc.com.52241221.html") == "test"
    assert corpus.split("aigen_news", "003") == "test"
    assert corpus.split("aigen_news", "002") == "dev"
    assert corpus.split("trafilatura", "simplyscience.ch.erdoel.html") == "dev"
    splits = [corpus.split("aigen_news", f"{n:03d}") for n in range(400)]
    assert 0.3 < splits.count("test") / len(splits) < 0.5


def _record(doc: corpus.RealDoc, clean_for: list[str], spans: list[tuple], **extra) -> dict:
    """A TEST-split label record for ``doc``: spans as (class, start, end)."""
    return {
        "source": doc.source,
        "id": doc.id,
        "split": "test",
        "sha256": corpus.sha256(doc.text),
        "clean_for": clean_for,
        "spans": [{"class": c, "start": s, "end": e, "sha1": ""} for c, s, e in spans],
        **extra,
    }


def _finding(rule: str, start: int, end: int) -> dict:
    return {"rule": rule, "range": {"start": {"offset": start}, "end": {"offset": end}}}


def test_score_counts_a_label_found_and_a_flag_outside_labels_as_false():
    text = "Headline\n\nThe mayor opened the bridge. Only time will tell. Experts say it works.\n"
    doc = corpus.RealDoc("aigen_news", "900", "txt", text)
    padding = text.index("Only time")
    vague = text.index("Experts say")
    record = _record(
        doc,
        ["machine-padding", "vague-attribution"],
        [("machine-padding", padding, padding + 20), ("vague-attribution", vague, vague + 11)],
    )
    diags = {
        doc.filename: [
            _finding("filler.machine-padding", padding + 5, padding + 9),  # inside the label
            _finding("filler.chatbot-residue", 12, 18),  # outside any label: a false alarm
            _finding("spelling.unknown", vague, vague + 7),  # unmapped rule: ignored
        ]
    }
    tallies = real_copy.score([record], {("aigen_news", "900"): doc}, diags)
    pad = tallies["machine-padding"]
    assert (pad.labelled, pad.found, pad.flags, pad.right) == (1, 1, 2, 1)
    vag = tallies["vague-attribution"]
    assert (vag.labelled, vag.found, vag.flags) == (1, 0, 0)


def test_region_limits_flags_on_pages():
    text = "<p>Share</p><article><p>Body text. Share this</p></article>"
    doc = corpus.RealDoc("trafilatura", "x.html", "html", text)
    start = text.index("Share this")
    record = _record(
        doc,
        ["web-leftover"],
        [("web-leftover", start, start + 10)],
        region=[text.index("<article>"), len(text)],
    )
    outside = _finding("filler.web-leftover", 3, 8)
    tallies = real_copy.score([record], {("trafilatura", "x.html"): doc}, {doc.filename: [outside]})
    assert (tallies["web-leftover"].flags, tallies["web-leftover"].found) == (0, 0)


def test_a_class_region_overrides_the_page_region():
    """A page labelled for two classes in different parts: each class is scored
    inside its own region."""
    text = "<p>By Sam Carter</p><article><p>Body text.</p><p>Share this</p></article>"
    doc = corpus.RealDoc("trafilatura", "y.html", "html", text)
    share = text.index("Share this")
    record = _record(
        doc,
        ["bylines", "web-leftover"],
        [],
        region=[0, text.index("<article>")],
        regions={"web-leftover": [text.index("<article>"), len(text)]},
    )
    flag = _finding("filler.web-furniture", share, share + 10)
    tallies = real_copy.score([record], {("trafilatura", "y.html"): doc}, {doc.filename: [flag]})
    assert (tallies["web-leftover"].flags, tallies["web-leftover"].right) == (1, 0)


def test_a_call_to_action_on_a_page_is_found_under_either_class():
    """On a saved page a newsletter prompt labelled as reader address is found by
    a web-leftover finding (and that finding is right); --strict-classes keeps
    the labelled class only; in plain copy the classes stay apart."""
    text = "<article><p>Body text.</p><p>Subscribe to our newsletter</p></article>"
    start = text.index("Subscribe")
    page = corpus.RealDoc("trafilatura", "z.html", "html", text)
    record = _record(
        page, ["reader-address", "web-leftover"], [("reader-address", start, start + 28)]
    )
    flag = _finding("filler.web-leftover", start, start + 28)
    for fmt, pooled, expected in (("html", True, (1, 1)), ("html", False, (0, 0))):
        doc = corpus.RealDoc("trafilatura", "z.html", fmt, text)
        docs = {("trafilatura", "z.html"): doc}
        tallies = real_copy.score([record], docs, {doc.filename: [flag]}, pooled=pooled)
        assert (tallies["reader-address"].found, tallies["web-leftover"].right) == expected
    doc = corpus.RealDoc("trafilatura", "z.html", "txt", text)
    tallies = real_copy.score([record], {("trafilatura", "z.html"): doc}, {doc.filename: [flag]})
    assert (tallies["reader-address"].found, tallies["web-leftover"].right) == (0, 0)


def test_benchmark_skips_cleanly_without_corpora(tmp_path):
    env = {**os.environ, "NEWSLINT_CORPORA": str(tmp_path / "absent")}
    proc = subprocess.run(
        [sys.executable, "benchmarks/real_copy.py"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "corpus not found" in proc.stdout
    assert "recall" not in proc.stdout


def test_labelled_spans_still_match_the_corpus_text():
    sources = {r["source"] for r in corpus.read_labels()}
    if all(corpus.missing(source) for source in sources):
        pytest.skip(f"real-copy corpora not found under {corpus.corpora_dir()}")
    assert real_copy_label.check() == 0


def test_finding_verdicts_hold_offsets_hashes_and_short_notes_only():
    rows = finding_verdicts.read_findings()
    assert rows, "finding_verdicts.tsv is empty"
    for row in rows.values():
        assert row.source in real_copy.CLEAN_SOURCES
        assert row.verdict in finding_verdicts.VERDICT_VALUES
        assert 0 <= row.start < row.end and len(row.sha1) == 40
        assert row.note and len(row.note) <= 90, row.note  # a note, not a passage
        assert '"' not in row.note, row.note  # quotes nothing from the article


def _diag(rule: str, start: int, end: int, severity: str = "warning") -> dict:
    return {
        "rule": rule,
        "severity": severity,
        "range": {"start": {"offset": start}, "end": {"offset": end}},
    }


def test_a_finding_judged_real_is_no_false_alarm_and_an_unjudged_one_is():
    text = "Headline\n\nMs Harlowe met Ms Harlow. Teh vote was close. Critics say so.\n"
    doc = corpus.RealDoc("bbc", "zz/001.txt", "txt", text)
    name = text.index("Harlowe")
    typo = text.index("Teh")
    vague = text.index("Critics say")
    diags = [
        _diag("names.inconsistent", name, name + 7),  # judged real below
        _diag("spelling.unknown", typo, typo + 3),  # word verdict: misspelled
        _diag("attribution.vague", vague, vague + 11),  # judged false
        _diag("filler.reader-question", 0, 8),  # unjudged: counts as false
        _diag("style.note", 0, 8, severity="info"),  # info is never counted
    ]
    findings = finding_verdicts.findings_of(doc, diags)
    assert len(findings) == 4

    def row(rule: str, start: int, end: int, verdict: str) -> finding_verdicts.Verdict:
        digest = corpus.sha1(text[start:end])
        return finding_verdicts.Verdict("bbc", doc.id, rule, start, end, digest, verdict, "n")

    rows = {
        r.key: r
        for r in (
            row("names.inconsistent", name, name + 7, "real"),
            row("attribution.vague", vague, vague + 11, "false"),
        )
    }
    total, by_rule = finding_verdicts.judge(findings, rows, {"Teh": True})
    assert (total.real, total.false, total.unjudged, total.not_real) == (2, 1, 1, 2)
    assert by_rule["filler.reader-question"].unjudged == 1

    # A row whose hash no longer matches the flagged text is stale: unjudged again
    # (and so is a spelling flag whose word has no verdict).
    stale = {k: finding_verdicts.Verdict(*k, "0" * 40, "real", "n") for k in rows}
    total, _ = finding_verdicts.judge(findings, stale, {})
    assert (total.real, total.unjudged) == (0, 4)


def test_finding_verdicts_still_match_the_corpus_text():
    if all(corpus.missing(source) for source in real_copy.CLEAN_SOURCES):
        pytest.skip(f"clean-copy corpora not found under {corpus.corpora_dir()}")
    assert finding_verdicts.check() == 0


def _story(words: int, topic: str) -> str:
    sentence = f"The county board met on Tuesday to discuss the {topic} plan."
    # Every story carries the site's sign-up box, which the extractor took for text.
    return "\n\n".join([sentence] * (words // 11 + 1) + ["Join our list for the daily digest."])


def test_csmonitor_builder_keeps_the_newsrooms_own_stories_once(tmp_path):
    """The second newsroom's corpus: one outlet, no wire reprints, no stubs, no repeats."""
    jsons = tmp_path / "data" / "jsons"
    jsons.mkdir(parents=True)
    outlet = build_real_copy_corpora.CSMONITOR_OUTLET
    articles = {
        "keep1": (outlet, "https://example.org/a?ref=1", _story(200, "bridge")),
        "keep2": (outlet, "https://example.org/b", _story(200, "library")),
        "later": (outlet, "https://example.org/a?ref=2", _story(200, "harbour")),  # same URL
        "stub": (outlet, "https://example.org/c", _story(40, "park")),
        "wire": (
            outlet,
            "https://example.org/d",
            _story(200, "road") + "\n\nCopyright 2015 The Associated Press. All rights reserved.",
        ),
        "other": ("Another Paper", "https://example.org/e", _story(200, "school")),
    }
    for doc_id, (source, url, body) in articles.items():
        record = {
            "ID": doc_id,
            "source": source,
            "url": url,
            "title": f"Title {doc_id}",
            "content_original": body,
            "date": "2015-03-02",
            "authors": "",
            "topic": "x",
        }
        (jsons / f"{doc_id}.json").write_text(json.dumps(record), encoding="utf-8")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "fixture"], check=True)

    records = build_real_copy_corpora.csmonitor_records(tmp_path, commit="HEAD")
    assert [r["id"] for r in records] == ["keep1", "keep2"]
    assert records[0]["date"] == "2015-03-02" and records[0]["title"] == "Title keep1"
    assert corpus.article_text(records[0]).startswith("Title keep1\n\nThe county board")
    assert "digest" not in records[0]["body"] and records[0]["body"].endswith("plan.")
    # The sample is fixed by a hash of the id, not by file order.
    one = build_real_copy_corpora.csmonitor_records(tmp_path, commit="HEAD", sample=1)
    first = min(("keep1", "keep2"), key=lambda i: hashlib.sha1(f"sample:{i}".encode()).hexdigest())
    assert [r["id"] for r in one] == [first]
    # Written outside the repo with its SOURCE.txt, where real_copy reads it.
    out = tmp_path / "corpora"
    path = build_real_copy_corpora.write_source(out, "csmonitor", records)
    assert path == corpus.source_path("csmonitor", out)
    assert "Article-Bias-Prediction" in (path.parent / "SOURCE.txt").read_text("utf-8")
    assert set(corpus.documents("csmonitor", out)) == {"keep1", "keep2"}
    assert "csmonitor" in real_copy.CLEAN_SOURCES
