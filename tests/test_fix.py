from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from newslint import fix
from newslint.diagnostics import Applicability, Diagnostic, Location, Range, Suggestion
from newslint.fix import Edit, apply_edits, plan_edits, unified_diff, write_atomically

SAFE = Applicability.SAFE
UNSAFE = Applicability.UNSAFE
DISPLAY = Applicability.DISPLAY


def diag(
    source: str,
    start: int,
    end: int,
    *replacements: tuple[str, Applicability],
    rule: str = "style.test",
) -> Diagnostic:
    """A located diagnostic over ``source[start:end]`` (line/column computed)."""

    def loc(offset: int) -> Location:
        line = source.count("\n", 0, offset) + 1
        column = offset - (source.rfind("\n", 0, offset) + 1) + 1
        return Location(line, column, offset)

    return Diagnostic(
        rule=rule,
        message="test",
        start=start,
        end=end,
        suggestions=tuple(Suggestion(r, a) for r, a in replacements),
        range=Range(loc(start), loc(end)),
        text=source[start:end],
    )


def span(source: str, needle: str) -> tuple[int, int]:
    start = source.index(needle)
    return start, start + len(needle)


SOURCE = "The mayor said that the the budget was very unique this year.\n"


def test_safe_edit_applied_and_display_ignored() -> None:
    d1 = diag(SOURCE, *span(SOURCE, "the the"), ("the", SAFE))
    d2 = diag(SOURCE, *span(SOURCE, "very unique"), ("unique", DISPLAY))
    edits = plan_edits(SOURCE, [d1, d2], unsafe=False)
    assert edits == [Edit(20, 27, "the", "style.test")]
    assert (
        apply_edits(SOURCE, edits) == "The mayor said that the budget was very unique this year.\n"
    )


def test_unsafe_only_with_flag_and_first_eligible_suggestion_wins() -> None:
    d = diag(SOURCE, *span(SOURCE, "very unique"), ("unusual", DISPLAY), ("unique", UNSAFE))
    assert plan_edits(SOURCE, [d], unsafe=False) == []
    (edit,) = plan_edits(SOURCE, [d], unsafe=True)
    assert edit.replacement == "unique"
    d_both = diag(SOURCE, *span(SOURCE, "very unique"), ("unique", UNSAFE), ("rare", SAFE))
    assert plan_edits(SOURCE, [d_both], unsafe=False)[0].replacement == "rare"
    assert plan_edits(SOURCE, [d_both], unsafe=True)[0].replacement == "unique"


def test_overlapping_edits_first_in_source_order_wins() -> None:
    later = diag(SOURCE, *span(SOURCE, "the budget"), ("its budget", SAFE))
    earlier = diag(SOURCE, *span(SOURCE, "the the"), ("the", SAFE))
    edits = plan_edits(SOURCE, [later, earlier], unsafe=False)
    assert [(e.start, e.end) for e in edits] == [span(SOURCE, "the the")]


def test_edits_at_same_point_conflict() -> None:
    at = SOURCE.index("budget")
    insert_a = diag(SOURCE, at, at, ("city ", SAFE))
    insert_b = diag(SOURCE, at, at, ("annual ", SAFE))
    replace = diag(SOURCE, at, at + len("budget"), ("spending plan", SAFE))
    edits = plan_edits(SOURCE, [insert_a, insert_b, replace], unsafe=False)
    assert len(edits) == 1
    assert apply_edits(SOURCE, edits).count("city budget") == 1


def test_adjacent_edits_both_applied() -> None:
    source = "Officials said said that\n"
    first = diag(source, 0, 9, ("Officers", SAFE))
    second = diag(source, 9, 14, ("", SAFE))  # " said" right after "Officials"
    edits = plan_edits(source, [second, first], unsafe=False)
    assert len(edits) == 2
    assert apply_edits(source, edits) == "Officers said that\n"


def test_apply_edits_rejects_overlap() -> None:
    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(0, 3, "x", "r"), Edit(2, 4, "y", "r")])


def test_idempotent_stale_diagnostics_change_nothing() -> None:
    d1 = diag(SOURCE, *span(SOURCE, "the the"), ("the", SAFE))
    d2 = diag(SOURCE, *span(SOURCE, "this year"), ("in 2025", SAFE))
    fixed, edits = fix.fix_source(SOURCE, [d1, d2])
    assert len(edits) == 2
    # Replaying the same (now stale) diagnostics on the fixed text finds nothing
    # to do: the text at their ranges no longer matches what they flagged.
    assert plan_edits(fixed, [d1, d2], unsafe=False) == []
    # A suggestion equal to the current text is a no-op, not an edit.
    same = diag(fixed, *span(fixed, "budget"), ("budget", SAFE))
    assert plan_edits(fixed, [same], unsafe=False) == []


def test_crlf_line_endings_untouched() -> None:
    source = "Headline\r\n\r\nThe council met on on Tuesday.\r\nVotes followed.\r\n"
    d = diag(source, *span(source, "on on"), ("on", SAFE))
    fixed = apply_edits(source, plan_edits(source, [d], unsafe=False))
    assert fixed == "Headline\r\n\r\nThe council met on Tuesday.\r\nVotes followed.\r\n"


def test_write_atomically_preserves_permissions_and_crlf(tmp_path: Path) -> None:
    target = tmp_path / "story.txt"
    target.write_bytes(b"old\r\n")
    os.chmod(target, 0o640)
    write_atomically(target, "new text\r\nsecond line\r\n")
    assert target.read_bytes() == b"new text\r\nsecond line\r\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["story.txt"]


def test_write_atomically_keeps_bom(tmp_path: Path) -> None:
    target = tmp_path / "story.md"
    target.write_bytes(b"\xef\xbb\xbf# Old headline\n")
    write_atomically(target, "# New headline\n")  # bom=None: keep what was there
    assert target.read_bytes() == b"\xef\xbb\xbf# New headline\n"
    write_atomically(target, "# Plain\n", bom=False)
    assert target.read_bytes() == b"# Plain\n"
    write_atomically(target, "# Marked\n", bom=True)
    assert target.read_bytes() == b"\xef\xbb\xbf# Marked\n"


def test_write_atomically_failure_leaves_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "story.txt"
    target.write_text("original copy\n", encoding="utf-8")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(fix.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, "edited copy\n")
    assert target.read_text(encoding="utf-8") == "original copy\n"
    assert os.listdir(tmp_path) == ["story.txt"]


def test_write_atomically_encoding_failure_leaves_original(tmp_path: Path) -> None:
    target = tmp_path / "story.txt"
    target.write_text("original\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomically(target, "caf\udce9\n")  # lone surrogate cannot be encoded
    assert target.read_text(encoding="utf-8") == "original\n"
    assert os.listdir(tmp_path) == ["story.txt"]


def test_write_atomically_through_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("before\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomically(link, "after\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "after\n"


def test_unified_diff() -> None:
    before = "Headline\n\nThe the council voted.\nNothing else.\n"
    after = "Headline\n\nThe council voted.\nNothing else.\n"
    assert unified_diff("news/story.txt", before, after) == (
        "--- a/news/story.txt\n"
        "+++ b/news/story.txt\n"
        "@@ -1,4 +1,4 @@\n"
        " Headline\n"
        " \n"
        "-The the council voted.\n"
        "+The council voted.\n"
        " Nothing else.\n"
    )
    assert unified_diff("x.txt", before, before) == ""


def test_unified_diff_missing_final_newline() -> None:
    diff = unified_diff("x.txt", "one\ntwo", "one\nthree")
    assert diff.endswith(
        "-two\n\\ No newline at end of file\n+three\n\\ No newline at end of file\n"
    )


def test_a_fix_is_written_only_where_the_source_says_what_the_rule_read(tmp_path: Path) -> None:
    """'occ&#117;red' reads as 'occured': the spelling fix is shown but never
    written over the entity, and a plain 'occured' beside it is fixed."""
    from conftest import run_cli

    page = tmp_path / "page.html"
    page.write_text(
        "<h1>Ferry delayed</h1><p>The delay occ&#117;red twice before it occured again.</p>\n",
        encoding="utf-8",
    )
    found = run_cli("check", "--format", "json", "--select", "spelling", page).json()
    fixes = {
        d["text"]: d["suggestions"][0]["applicability"]
        for f in found["files"]
        for d in f["diagnostics"]
        if d["suggestions"]
    }
    assert fixes == {"occ&#117;red": "display", "occured": "safe"}, fixes
    run_cli("check", "--fix", "--select", "spelling", page)
    assert page.read_text(encoding="utf-8") == (
        "<h1>Ferry delayed</h1><p>The delay occ&#117;red twice before it occurred again.</p>\n"
    )
