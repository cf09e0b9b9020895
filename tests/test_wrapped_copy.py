"""Hard-wrapped copy gets the findings of the same copy on long lines.

Stories kept in a repository are often wrapped at 72 columns; wrapping changes
no word, so it must change no finding (benchmarks/wrapped_copy.py measures the
same on real stories). The project's own examples are wrapped here, each
prose paragraph filled to 72 columns, and linted beside the originals with
the CLI.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import EXAMPLES, run_cli

WRAPPED = Path(__file__).parent / "fixtures" / "wrapping"

_STRUCTURE = ("#", "-", "*", "|", ">", "<", "`", "Q:", "A:")


def _wrap(text: str) -> str:
    """Fill each one-line prose paragraph below the headline to 72 columns;
    leave the headline and structure (headings, lists, tables, markup) alone."""
    head, *blocks = text.split("\n\n")
    return "\n\n".join(
        [head]
        + [
            textwrap.fill(b, 72, break_long_words=False, break_on_hyphens=False)
            if "\n" not in b.strip() and not b.lstrip().startswith(_STRUCTURE) and len(b) > 72
            else b
            for b in blocks
        ]
    )


def _findings(folder: Path) -> set[tuple[str, str, str]]:
    run = run_cli("check", "--format", "json", "--no-progress", "--ignore", "grammar", folder)
    assert run.returncode in (0, 1), run.stderr
    return {
        (Path(f["path"]).name, d["rule"], " ".join(str(d["text"]).split()))
        for f in run.json()["files"]
        for d in f["diagnostics"]
    }


def test_wrapping_the_examples_changes_no_finding(tmp_path: Path) -> None:
    long_lines, wrapped = tmp_path / "long", tmp_path / "wrapped"
    long_lines.mkdir()
    wrapped.mkdir()
    changed = 0
    for example in sorted([*EXAMPLES.glob("*.md"), *EXAMPLES.glob("*.txt")]):
        if example.name == "README.md":
            continue
        text = example.read_text(encoding="utf-8")
        (long_lines / example.name).write_text(text, encoding="utf-8")
        (wrapped / example.name).write_text(_wrap(text), encoding="utf-8")
        changed += _wrap(text) != text
    assert changed >= 4  # the wrapping touched the examples
    before = _findings(long_lines)
    assert len(before) > 20  # the flawed examples carry findings to compare
    assert _findings(wrapped) == before


def test_a_story_wrapped_at_its_hazards_reads_as_on_long_lines(tmp_path: Path) -> None:
    """A story wrapped by hand so that its line breaks fall where they misled the
    rules: before "by between" (a byline?), inside a hedge ("less" / "than half"),
    a phrase ("time and time" / "again"), a name ("Regional Planning" /
    "Authority") and before a quote's next sentence opening a fresh mark."""
    long_lines, wrapped = tmp_path / "long", tmp_path / "wrapped"
    long_lines.mkdir()
    wrapped.mkdir()
    for story in WRAPPED.glob("*.txt"):
        text = story.read_text(encoding="utf-8")
        paragraphs = [" ".join(p.split("\n")) for p in text.split("\n\n")]
        (long_lines / story.name).write_text("\n\n".join(paragraphs), encoding="utf-8")
        (wrapped / story.name).write_text(text, encoding="utf-8")
    before = _findings(long_lines)
    assert {rule for _, rule, _ in before} >= {"proselint.cliches.misc.write_good"}
    assert _findings(wrapped) == before
