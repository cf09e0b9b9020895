"""``newslint names learn``: a house names list from a newsroom's archive.

Counts every person surname (with the given names seen beside it) across the
articles, groups spellings that are one slip or one transliteration apart,
and writes the majority spelling of each group as a ``[[person]]`` with its
count, the transliterations as accepted ``variants`` and rare one-slip
spellings as ``misspellings`` (which names.misspelled then always flags).
The output is the format config ``names`` reads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newslint.names.extract import analyse
from newslint.names.similar import similar, skeleton
from newslint.reading import discover, read_source
from newslint.sources import load_document

MIN_COUNT = 3  # a name seen fewer times is not worth a list entry
RARE_SHARE = 0.1  # a spelling used at most this share of the main one is a slip


@dataclass
class Learned:
    surname: str
    count: int
    given: Counter[str] = field(default_factory=Counter)
    variants: list[str] = field(default_factory=list)
    misspellings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        top = self.given.most_common(1)
        return f"{top[0][0]} {self.surname}" if top else self.surname


def count_names(texts: Iterable[tuple[str, str]]) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Surname spellings and the given names seen with each, over (path, text) pairs."""
    counts: Counter[str] = Counter()
    givens: dict[str, Counter[str]] = {}
    for path, text in texts:
        analysis = analyse(load_document(path, text))
        for form in analysis.forms.values():
            if not form.established or analysis.used_in_lower_case(form.text):
                continue
            counts[form.text] += form.count
            seen = givens.setdefault(form.text, Counter())
            for _, mention in form.body:
                if mention.given:
                    seen[mention.given] += 1
    return counts, givens


def learn(counts: Counter[str], givens: dict[str, Counter[str]]) -> list[Learned]:
    """Group spellings and keep names seen at least MIN_COUNT times."""
    learned: list[Learned] = []
    placed: set[str] = set()
    for surname, count in counts.most_common():
        if surname in placed:
            continue
        placed.add(surname)
        entry = Learned(surname, count, Counter(givens.get(surname, {})))
        for other, other_count in counts.items():
            if other in placed or not similar(surname, other):
                continue
            if skeleton(other) == skeleton(surname):
                entry.variants.append(other)
            elif other_count <= max(1, count * RARE_SHARE):
                entry.misspellings.append(other)
            else:
                continue  # two common spellings: likely two people
            placed.add(other)
            entry.count += other_count
        if entry.count >= MIN_COUNT:
            learned.append(entry)
    return learned


def to_toml(entries: list[Learned]) -> str:
    lines = [
        "# House names list written by `newslint names learn`; review before use.",
        "# variants: accepted spellings; misspellings: always flagged.",
    ]
    for entry in sorted(entries, key=lambda e: (-e.count, e.surname)):
        lines += ["", "[[person]]", f"name = {_quote(entry.name)}"]
        if entry.name != entry.surname and not entry.name.endswith(" " + entry.surname):
            lines.append(f"surname = {_quote(entry.surname)}")
        lines.append(f"count = {entry.count}")
        if entry.variants:
            lines.append(f"variants = [{', '.join(_quote(v) for v in sorted(entry.variants))}]")
        if entry.misspellings:
            wrong = ", ".join(_quote(v) for v in sorted(entry.misspellings))
            lines.append(f"misspellings = [{wrong}]")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def learn_paths(paths: list[Path]) -> tuple[str, int]:
    """The TOML list for the articles under ``paths`` and how many were read."""
    targets = [t.path for t in discover(paths, lambda _: False) if t.error is None]

    def texts() -> Iterable[tuple[str, str]]:
        for path in targets:
            yield str(path), read_source(path, max_size=5 * 1024 * 1024).text

    counts, givens = count_names(texts())
    return to_toml(learn(counts, givens)), len(targets)
