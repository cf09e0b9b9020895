"""Archives (JSON Lines, gzip, CSV, Parquet) through the real CLI: records as
articles, malformed records, --format jsonl, the names pass across records,
and the result cache."""

from __future__ import annotations

import csv
import gzip
import json
import os
from pathlib import Path

from conftest import run_cli

NO_GRAMMAR = ("--ignore", "grammar", "--no-progress")


def _records(count: int = 12) -> list[dict]:
    """Short articles written for these tests; one misspells a recurring surname."""
    rows = []
    for i in range(count):
        rows.append(
            {
                "id": f"harbour-{i}",
                "title": f"Harbour crane {i} is back at work",
                "byline": "Tomasz Ferreira-Lindqvist",
                "date": "2025-06-0" + str(1 + i % 9),
                "body": (
                    f"Port director Marguerite Oyelaran-Whitcombe said crane {i} lifted "
                    f"{20 + i} containers on Tuesday.\n\n"
                    "Oyelaran-Whitcombe said the port would hire 40 workers. "
                    "Many people say the harbour is busier than ever."
                ),
            }
        )
    rows.append(
        {
            "id": "slip",
            "title": "Night shift at the harbour",
            "body": "Marguerite Oyelaran-Whitcomb thanked the night shift on Friday.",
        }
    )
    return rows


def _write_jsonl(path: Path, rows: list[dict], extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(r) for r in rows] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _jsonl(stdout: str) -> tuple[dict[str, dict], dict]:
    rows = [json.loads(line) for line in stdout.splitlines()]
    assert "path" not in rows[-1], "the summary line comes last"
    by_path = {r["path"]: r for r in rows[:-1]}
    assert len(by_path) == len(rows) - 1, "each record exactly once"
    return by_path, rows[-1]


def _findings(row: dict) -> list[tuple]:
    return sorted(
        (d["rule"], d["range"]["start"]["line"], d["range"]["start"]["column"], d["text"])
        for d in row["diagnostics"]
    )


def test_malformed_records_are_one_error_each_and_the_rest_is_linted(tmp_path: Path) -> None:
    rows = _records(3)
    rows.insert(1, {"id": "no-text", "title": "Nothing here"})
    rows.insert(2, {"id": "wrong-type", "body": ["a", "list"]})
    rows.insert(3, {"id": "bad-date", "body": "The mayor spoke.", "date": "soonish"})
    _write_jsonl(tmp_path / "archive.jsonl", rows, ("{not json",))
    run = run_cli("check", "archive.jsonl", "--format", "jsonl", *NO_GRAMMAR, cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    found, summary = _jsonl(run.stdout)
    assert summary["summary"]["files"] == len(rows) + 1
    assert summary["summary"]["errors"] == 4
    assert found["archive.jsonl#no-text"]["errors"] == [
        "archive.jsonl#no-text: has no text field ('body' or 'text' or 'content')"
    ]
    assert "'body' field is a list" in found["archive.jsonl#wrong-type"]["errors"][0]
    assert "'date' field 'soonish' is not a date" in found["archive.jsonl#bad-date"]["errors"][0]
    bad_json = found["archive.jsonl:8"]  # named by its line: its id cannot be read
    assert bad_json["errors"][0].startswith("archive.jsonl:8: is not valid JSON")
    good = found["archive.jsonl#harbour-0"]
    assert good["errors"] == [] and good["title"] == "Harbour crane 0 is back at work"
    assert good["date"] == "2025-06-01" and good["id"] == "harbour-0" and good["words"] > 20


def test_lines_and_columns_count_inside_the_record_text(tmp_path: Path) -> None:
    body = "The council met on Monday.\n\nIt voted 5-4. Many people say it was close."
    row = {"id": 7, "title": "Click here to read more", "body": body}
    _write_jsonl(tmp_path / "a.jsonl", [row])
    run = run_cli("check", "a.jsonl", "--format", "jsonl", *NO_GRAMMAR, cwd=tmp_path)
    found, _ = _jsonl(run.stdout)
    record = found["a.jsonl#7"]
    vague = [d for d in record["diagnostics"] if d["rule"] == "attribution.vague"]
    assert vague, record
    start = vague[0]["range"]["start"]
    assert (start["line"], start["column"]) == (3, 15)
    assert body[start["offset"] : start["offset"] + len(vague[0]["text"])] == vague[0]["text"]
    in_title = [d for d in record["diagnostics"] if d.get("field") == "title"]
    assert in_title, record
    for d in in_title:
        assert row["title"][d["range"]["start"]["offset"] :].startswith(d["text"])


def test_gzip_csv_and_parquet_give_the_same_results(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = _records(5)
    for row in rows:
        row.setdefault("byline", "")
        row.setdefault("date", "")
    _write_jsonl(tmp_path / "a.jsonl", rows)
    with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("".join(json.dumps(r) + "\n" for r in rows))
    with (tmp_path / "a.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "a.parquet", row_group_size=2)
    results = {}
    for name in ("a.jsonl", "a.jsonl.gz", "a.csv", "a.parquet"):
        run = run_cli("check", name, "--format", "jsonl", *NO_GRAMMAR, cwd=tmp_path)
        assert run.returncode == 1, (name, run.stderr)
        found, _ = _jsonl(run.stdout)
        results[name] = {p.split("#", 1)[1]: _findings(r) for p, r in found.items()}
    assert results["a.jsonl"]["slip"], "the cross-record slip is found"
    for name in ("a.jsonl.gz", "a.csv", "a.parquet"):
        assert results[name] == results["a.jsonl"], name


def test_field_options_pick_the_columns(tmp_path: Path) -> None:
    rows = [
        {"key": "x1", "story": "Many people say the bridge is unsafe.", "headline": "Bridge"},
        {"key": "x2", "body": "not the text field here", "story": "The bridge reopened."},
    ]
    _write_jsonl(tmp_path / "a.jsonl", rows)
    run = run_cli(
        "check", "a.jsonl", "--format", "jsonl", "--text-field", "story", "--id-field", "key",
        "--field", "title=headline", *NO_GRAMMAR, cwd=tmp_path,
    )  # fmt: skip
    found, summary = _jsonl(run.stdout)
    assert set(found) == {"a.jsonl#x1", "a.jsonl#x2"}
    assert found["a.jsonl#x1"]["title"] == "Bridge"
    assert "attribution.vague" in {d["rule"] for d in found["a.jsonl#x1"]["diagnostics"]}
    assert summary["summary"]["errors"] == 0
    bad = run_cli("check", "a.jsonl", "--field", "colour=x", cwd=tmp_path)
    assert bad.returncode == 2 and "--field 'colour=x'" in bad.stderr


def test_records_get_the_same_findings_as_the_same_articles_as_files(tmp_path: Path) -> None:
    """Text records lint like 'title, blank line, body' files, the cross-file
    names pass included (lines shift by the two title lines)."""
    rows = _records(8)
    _write_jsonl(tmp_path / "a.jsonl", rows)
    files = tmp_path / "files"
    files.mkdir()
    for row in rows:
        article = f"{row['title']}\n\n{row['body']}\n"
        (files / f"{row['id']}.txt").write_text(article, encoding="utf-8")
    # Record dates and bylines are not in the files: compare without them.
    plain = [{k: r[k] for k in ("id", "title", "body")} for r in rows]
    _write_jsonl(tmp_path / "a.jsonl", plain)
    archive = run_cli("check", "a.jsonl", "--format", "jsonl", *NO_GRAMMAR, cwd=tmp_path)
    on_files = run_cli("check", "files", "--format", "json", *NO_GRAMMAR, cwd=tmp_path)
    found, _ = _jsonl(archive.stdout)
    for file in on_files.json()["files"]:
        record_id = Path(file["path"]).stem
        expected = sorted(
            (d["rule"], d["range"]["start"]["line"] - 2, d["range"]["start"]["column"], d["text"])
            for d in file["diagnostics"]
            if d["range"]["start"]["line"] > 2
        )
        body_findings = [f for f in _findings(found[f"a.jsonl#{record_id}"]) if f[1] >= 1]
        assert body_findings == expected, record_id
    slip = found["a.jsonl#slip"]["diagnostics"]
    assert [d["rule"] for d in slip] == ["names.inconsistent"]


def test_jsonl_format_for_files_matches_json(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text("# Talks\n\nMany people say the talks failed.\n")
    (tmp_path / "two.txt").write_text("The mayor spoke on Monday.\n")
    as_json = run_cli("check", "one.md", "two.txt", "--format", "json", *NO_GRAMMAR, cwd=tmp_path)
    as_jsonl = run_cli("check", "one.md", "two.txt", "--format", "jsonl", *NO_GRAMMAR, cwd=tmp_path)
    found, summary = _jsonl(as_jsonl.stdout)
    assert as_jsonl.returncode == as_json.returncode
    for file in as_json.json()["files"]:
        assert found[file["path"]]["diagnostics"] == file["diagnostics"]
    assert summary["summary"] == as_json.json()["summary"]
    assert found["one.md"]["title"] == "Talks" and found["two.txt"]["words"] == 5


def _entries(cache: Path) -> dict[str, int]:
    return {str(p): p.stat().st_ino for p in cache.rglob("*") if p.is_file()}


def test_cache_reuses_unchanged_records_and_recomputes_cross_file_names(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"NEWSLINT_CACHE_DIR": str(cache)}
    rows = _records(6)
    _write_jsonl(tmp_path / "a.jsonl", rows)
    args = ("check", "a.jsonl", "--format", "jsonl", *NO_GRAMMAR)
    first = run_cli(*args, cwd=tmp_path, env=env)
    entries = _entries(cache / "results")
    assert len(entries) == len(rows)
    second = run_cli(*args, cwd=tmp_path, env=env)
    assert second.stdout == first.stdout
    assert _entries(cache / "results") == entries, "hits are read, not linted and rewritten"
    fresh = run_cli(
        *args, "--no-cache", cwd=tmp_path, env={"NEWSLINT_CACHE_DIR": str(tmp_path / "x")}
    )
    assert fresh.stdout == first.stdout and not (tmp_path / "x" / "results").exists()

    # Drop the articles that establish the spelling: the cached slip record
    # must lose its cross-file finding, as a fresh run would.
    found, _ = _jsonl(first.stdout)
    assert found["a.jsonl#slip"]["diagnostics"]
    _write_jsonl(tmp_path / "a.jsonl", rows[:1] + rows[-1:])
    third = run_cli(*args, cwd=tmp_path, env=env)
    found, _ = _jsonl(third.stdout)
    assert found["a.jsonl#slip"]["diagnostics"] == []
    assert len(_entries(cache / "results")) == len(entries), "both records were cache hits"

    # Another rule selection is another key.
    run_cli(*args, "--select", "attribution", cwd=tmp_path, env=env)
    assert len(_entries(cache / "results")) == len(entries) + 2


def test_cache_for_files_keeps_results_identical(tmp_path: Path) -> None:
    env = {"NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    (tmp_path / "a.md").write_text("# Vote\n\nMany people say the vote was rigged.\n")
    first = run_cli("check", "a.md", "--format", "json", *NO_GRAMMAR, cwd=tmp_path, env=env)
    second = run_cli("check", "a.md", "--format", "json", *NO_GRAMMAR, cwd=tmp_path, env=env)
    assert first.json() == second.json() and first.json()["summary"]["diagnostics"] >= 1
    assert len(_entries(tmp_path / "cache" / "results")) == 1
    (tmp_path / "a.md").write_text("# Vote\n\nThe vote was held on Monday.\n")
    third = run_cli("check", "a.md", "--format", "json", *NO_GRAMMAR, cwd=tmp_path, env=env)
    assert third.json()["summary"]["diagnostics"] == 0


def test_progress_reports_rate_and_findings(tmp_path: Path) -> None:
    _write_jsonl(tmp_path / "a.jsonl", _records(4))
    run = run_cli(
        "check", "a.jsonl", "--format", "jsonl", "--ignore", "grammar", "--progress", cwd=tmp_path
    )
    assert "Linting: 5/5 records" in run.stderr and "findings" in run.stderr, run.stderr
    assert "/s" in run.stderr and os.linesep in run.stderr


def test_a_truncated_gzip_archive_is_one_error_after_the_records_read(tmp_path: Path) -> None:
    rows = _records(30)
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode())
    (tmp_path / "a.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    run = run_cli("check", "a.jsonl.gz", "--format", "jsonl", *NO_GRAMMAR, cwd=tmp_path)
    assert run.returncode == 2
    found, summary = _jsonl(run.stdout)
    assert "a.jsonl.gz#harbour-0" in found
    assert found["a.jsonl.gz"]["errors"][0].startswith("a.jsonl.gz: cannot be read as an archive")
    assert summary["summary"]["errors"] == 1


def test_markdown_and_html_records_keep_positions_in_their_text(tmp_path: Path) -> None:
    markdown = "Intro.\n\n**Many people say** it works."
    html = "<p>Intro.</p>\n<p>Many people say it works.</p>"
    rows = [
        {"id": "md", "format": "markdown", "title": "Budget", "body": markdown},
        {"id": "h", "format": "html", "title": "Budget", "body": html},
        {"id": "bad", "format": "docx", "body": "Text."},
    ]
    _write_jsonl(tmp_path / "a.jsonl", rows)
    run = run_cli("check", "a.jsonl", "--format", "jsonl", *NO_GRAMMAR, cwd=tmp_path)
    found, _ = _jsonl(run.stdout)
    for record_id, (line, column) in {"md": (3, 3), "h": (2, 4)}.items():
        row = next(r for r in rows if r["id"] == record_id)
        vague = [
            d
            for d in found[f"a.jsonl#{record_id}"]["diagnostics"]
            if d["rule"] == "attribution.vague"
        ]
        start = vague[0]["range"]["start"]
        assert (start["line"], start["column"]) == (line, column), record_id
        assert row["body"][start["offset"] :].startswith(vague[0]["text"])
    assert "'format' field 'docx' is not one of" in found["a.jsonl#bad"]["errors"][0]
