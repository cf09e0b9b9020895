"""structure.encoding-damage: mojibake, '?' for lost characters, replacement
characters; and the spelling check leaving damaged words to it."""

from __future__ import annotations

from conftest import run_cli
from test_spelling import flagged

from newslint.analysis.encoding import LOST, MOJIBAKE, REPLACEMENT, damage
from newslint.engines.spelling.provider import UNKNOWN


def test_each_kind_is_found_with_a_repair_where_one_is_known() -> None:
    text = "She didnâ€™t go. He hadn?t either. A coup de th?tre. A na\ufffdve plan."
    found = [(text[d.start : d.end], d.kind, d.fixed) for d in damage(text)]
    assert found == [
        ("didnâ€™t", MOJIBAKE, "didn’t"),
        ("hadn?t", LOST, "hadn't"),
        ("th?tre", LOST, None),
        ("na\ufffdve", REPLACEMENT, None),
    ]


def test_questions_and_clean_accents_are_not_damage() -> None:
    assert damage("Why? Because. Was it?No. Zoë Müller’s café, €4m. Is it? yes") == ()


def test_spelling_leaves_damaged_words_alone_but_not_real_slips() -> None:
    text = "The council hadn?t planned for a storm, and the cafÃ© recieved no warning.\n"
    # without the damage spans, "hadn" and "cafÃ" were flagged as unknown words
    assert flagged(text, selected=frozenset({UNKNOWN})) == ["recieved"]


def test_fix_reverses_mojibake_but_not_a_guessed_apostrophe(tmp_path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Vote delayed\n\nThe mayor said she didnâ€™t expect it.\n\nThe council hadn?t planned.\n",
        encoding="utf-8",
    )
    run = run_cli(
        "check", "--fix", "--select", "structure.encoding-damage", "story.txt", cwd=tmp_path
    )
    assert run.returncode == 1, run.stderr
    fixed = story.read_text(encoding="utf-8")
    assert "didn’t expect" in fixed
    assert "hadn?t" in fixed  # a guess: applied only with --unsafe-fixes
    assert "hadn?t" in run.stdout and "didnâ€™t" not in run.stdout
