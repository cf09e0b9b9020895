"""tools/names_given_us.py builds the given-names list from birth records: run as a
user would, on birth files in the SSA's own format written here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newslint.wordlists import read_entries

TOOL = Path(__file__).resolve().parent.parent / "tools" / "names_given_us.py"


def test_keeps_names_and_drops_words_places_and_rare_names(tmp_path: Path) -> None:
    births = tmp_path / "names"
    births.mkdir()
    (births / "yob1990.txt").write_text(
        "Kyle,M,300000\nLanae,F,1500\nHope,F,40000\nParis,F,30000\nZorvenka,F,150\nPage,F,3000\n",
        encoding="utf-8",
    )
    (births / "yob1991.txt").write_text("Kyle,M,200000\nLanae,F,1500\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(TOOL), str(births), str(tmp_path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    # Kyle (500,000 births, seldom a word) and Lanae (3,000, never a word) are names;
    # "Hope" is a word that is a name too; 3,000 "Page"s are too few for a word;
    # Paris is a place, and 150 births too few to tell from a typo.
    assert read_entries(tmp_path / "given-names-us.txt") == ["kyle", "lanae"]
    assert read_entries(tmp_path / "given-names-us-wordlike.txt") == ["hope"]


def test_a_folder_without_birth_files_is_an_error_naming_it(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(TOOL), str(tmp_path), str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    assert str(tmp_path) in done.stderr and "no yob" in done.stderr
    assert not (tmp_path / "given-names-us.txt").exists()


def test_the_shipped_list_adds_to_the_hand_kept_one() -> None:
    from newslint.names.words import given_names, recorded_given_names, wordlike_given_names

    assert given_names() < recorded_given_names()
    assert {"howard", "gerard", "lanae"} <= recorded_given_names() - given_names()
    assert not {"will", "hope", "paris", "may"} & recorded_given_names()
    assert {"hillary", "pete", "hope"} <= wordlike_given_names()
    assert not {"paris", "west", "ask"} & wordlike_given_names()
