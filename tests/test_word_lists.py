"""The word lists under newslint/data/ are data, and checked as data (issue 13):
sorted, no duplicates, lowercase where the code compares lowercase words."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.wordlists import DATA_DIR, read_entries, word_table

# Lists whose entries are single lowercase words or phrases, one a line.
LOWERCASE_LISTS = sorted(
    p
    for p in DATA_DIR.rglob("*.txt")
    if p.name not in ("given-names.txt", "letter-trigrams.txt")  # checked below
)


@pytest.mark.parametrize("path", LOWERCASE_LISTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_word_list_is_sorted_unique_and_lowercase(path: Path) -> None:
    entries = read_entries(path)
    assert entries, "an empty list"
    assert entries == sorted(entries), "not sorted"
    assert len(set(entries)) == len(entries), "duplicates"
    assert all(e == e.lower() for e in entries), "not lowercase"
    assert all(e == " ".join(e.split()) for e in entries), "stray or double spaces"
    assert path.read_text(encoding="utf-8").startswith("#") or path.parent.name == "spelling"


def test_given_names_are_capitalised_and_unique() -> None:
    names = " ".join(read_entries(DATA_DIR / "names" / "given-names.txt")).split()
    assert len(names) > 300
    assert all(n[0].isupper() and n[1:].islower() for n in names)
    assert len(set(names)) == len(names) and names == sorted(names)


def test_letter_trigrams_are_three_letters_and_a_count() -> None:
    rows = [line.split() for line in read_entries(DATA_DIR / "names" / "letter-trigrams.txt")]
    assert all(len(r) == 2 and len(r[0]) == 3 and r[1].isdigit() for r in rows)
    assert len({r[0] for r in rows}) == len(rows)


def test_country_adjectives_map_to_country_codes() -> None:
    path = DATA_DIR / "names" / "country-adjectives.tsv"
    keys = [line.split("\t")[0] for line in read_entries(path)]
    table = word_table("names", "country-adjectives")
    assert keys == sorted(keys) and len(table) == len(keys)
    assert all(k == k.lower() for k in keys)
    assert all(len(code) == 2 and code.isupper() for code in table.values())
    assert table["german"] == "DE"


def test_every_list_file_is_read_by_the_code() -> None:
    """A list nobody loads is dead data: each file name appears in the package."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in DATA_DIR.parent.rglob("*.py"))
    for path in [*DATA_DIR.rglob("*.txt"), *DATA_DIR.rglob("*.tsv")]:
        assert f'"{path.stem}"' in code or path.name in code, path
