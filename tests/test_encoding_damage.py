"""structure.encoding-damage: mojibake, '?' for lost characters, replacement
characters; and the spelling check leaving damaged words to it."""

from __future__ import annotations

import itertools

from conftest import run_cli
from test_spelling import flagged

from newslint.analysis.encoding import LOST, MOJIBAKE, REPLACEMENT, TYPOGRAPHY, damage
from newslint.engines.spelling.provider import UNKNOWN


def test_each_kind_is_found_with_a_repair_where_one_is_known() -> None:
    text = "She didnâ€™t go. He hadn?t either. A coup de th?tre. A na\ufffdve plan."
    found = [(text[d.start : d.end], d.kind, d.fixed) for d in damage(text)]
    assert found == [
        ("didnâ€™t", MOJIBAKE, "didn’t"),
        ("hadn?t", LOST, "hadn’t"),  # curly, like the repaired didn’t
        ("th?tre", LOST, None),
        ("na\ufffdve", REPLACEMENT, None),
    ]


def test_a_lost_apostrophe_is_guessed_in_the_style_of_the_text() -> None:
    assert [d.fixed for d in damage("He hadn?t gone, and it isn't over.")] == ["hadn't"]


def test_questions_and_clean_accents_are_not_damage() -> None:
    assert damage("Why? Because. Was it?No. Zoë Müller’s café, €4m. Is it? yes") == ()


def test_spelling_leaves_damaged_words_alone_but_not_real_slips() -> None:
    text = "The council hadn?t planned for a storm, and the cafÃ© recieved no warning.\n"
    # without the damage spans, "hadn" and "cafÃ" were flagged as unknown words
    assert flagged(text, selected=frozenset({UNKNOWN})) == ["recieved"]


def test_fix_reverses_mojibake_and_guesses_apostrophes_only_when_unsafe(tmp_path) -> None:
    exact, mixed = tmp_path / "exact.txt", tmp_path / "mixed.txt"
    exact.write_text("Vote delayed\n\nShe didnâ€™t expect the cafÃ© to shut.\n", encoding="utf-8")
    mixed.write_text("Vote delayed\n\nShe didnâ€™t expect it; he hadn?t.\n", encoding="utf-8")
    select = ("--select", "structure.encoding-damage")
    run = run_cli("check", "--fix", *select, "exact.txt", "mixed.txt", cwd=tmp_path)
    assert "didnâ€™t" in run.stdout and "exact.txt" not in run.stdout, run.stderr
    assert exact.read_text(encoding="utf-8").endswith("She didn’t expect the café to shut.\n")
    assert "didnâ€™t" in mixed.read_text(encoding="utf-8")  # a guess is not safe
    run_cli("check", "--fix", "--unsafe-fixes", *select, "mixed.txt", cwd=tmp_path)
    assert mixed.read_text(encoding="utf-8").endswith("She didn’t expect it; he hadn’t.\n")


def test_no_short_run_of_ascii_and_typography_looks_like_mojibake_to_ftfy() -> None:
    """damage() skips ftfy on lines of ASCII and TYPOGRAPHY alone: that is only
    right while ftfy's badness patterns (none longer than four characters outside
    Cyrillic) match no such run. Every run of up to three characters, and of four
    over one character of each ASCII kind, is tried."""
    from ftfy.badness import is_bad

    ascii_chars = [chr(c) for c in range(32, 127)] + ["\t"]
    everything = ascii_chars + list(TYPOGRAPHY)
    kinds = list("aZ1 .?-,!'\"(\t") + list(TYPOGRAPHY)
    runs = [
        *("".join(r) for n in (1, 2, 3) for r in itertools.product(everything, repeat=n)),
        *("".join(r) for r in itertools.product(kinds, repeat=4)),
    ]
    assert [run for run in runs if is_bad(run)] == []
