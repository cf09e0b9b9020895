"""A group counted once and then split into parts in a later sentence.

"... killing two students and injuring 17 others. Of the injured, 15 were shot and
five sustained other injuries." The group ("the injured") is named by the word the
story counted it with ("injuring 17"); its parts (15 and five) must add up to that
count when they are the whole of it. They are the whole when the last part is the
rest ("five others", "other injuries", "the remaining three") or the parts are
complements ("inside ... and outside", "men ... and women"); otherwise "Of the dead,
two were police officers and three firefighters" may leave out everyone else, and
is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint import regexcache
from newslint.analysis.numbers import Figure, find_figures
from newslint.spans import Span

# "Of the injured," "Of those killed in the attack," "Of the 17 injured,"
_OF_GROUP = regexcache.compile(
    r"[\"“‘]?Of\s+(?:the|those)\s+(?:(?P<count>\d[\d,]*)\s+)?(?P<group>[a-z]+)\b[^,.;:]{0,40},\s+"
)
# Words a story counts a group with, by the group's word: "injuring 17 others" counts
# "the injured", "26 fatalities" counts "those killed".
_FAMILIES = tuple(
    regexcache.compile(words)
    for words in (
        r"injur(?:ed|ing|ies|y)|wound(?:ed|ing|s)?|hurt",
        r"kill(?:ed|ing|s)?|dead|deaths?|died|fatalit(?:y|ies)",
        r"arrest(?:ed|ing|s)?|detain(?:ed|ing|ees?)?",
        r"rescu(?:ed|ing|es?)",
        r"evacuat(?:ed|ing|ions?)",
    )
)
_WORD = regexcache.compile(r"[A-Za-z][A-Za-z'-]*")
_WORD_BEFORE = regexcache.compile(r"[A-Za-z][A-Za-z'-]*(?=[ \t]+$)")  # right before, no stop
_REACH_AFTER = 3  # "17 people were injured": or a few words after it
_CLAUSE_JOINTS = frozenset(("and", "but", "while", "whereas", "or"))
# The last part is the rest of the group: "five others", "other injuries", "the remaining".
_REST = regexcache.compile(r"\b(?:others?|remaining|the\s+rest)\b", re.IGNORECASE)
_COMPLEMENTS = (
    ("inside", "outside"),
    ("male", "female"),
    ("men", "women"),
    ("boys", "girls"),
    ("adults", "children"),
)
_JOIN = regexcache.compile(r"^[^.;:]{0,60}?\b(?:and|while|whereas)\b")


@dataclass(frozen=True)
class Partition:
    """A group's count and the parts a later sentence splits it into."""

    span: Span  # from "Of" to the end of the last part
    total: Figure
    parts: tuple[Figure, Figure]


def partition_at(text: str, sentence: Span, body_start: int) -> Partition | None:
    """The partition opening ``sentence``, with the group's count found in the story
    before it (from ``body_start``), or None."""
    opening = _OF_GROUP.match(text, sentence.start, sentence.end)
    if opening is None:
        return None
    figures = find_figures(text, opening.end(), sentence.end)
    if len(figures) != 2 or not all(_countable(f) for f in figures):
        return None
    first, second = figures
    between = text[first.span.end : second.span.start]
    if first.span.start != opening.end() or not _JOIN.search(between):
        return None  # "Of the injured, 15 were shot and five ...": two parts, joined
    rest = text[second.span.start : sentence.end]
    if not (_REST.search(rest) or _complements(text[opening.end() : sentence.end])):
        return None
    total = _group_count(text, opening, body_start, sentence.start)
    if total is None:
        return None
    return Partition(
        Span(sentence.start, _part_end(text, second, sentence)), total, (first, second)
    )


def _countable(figure: Figure) -> bool:
    return not (figure.percent or figure.money or figure.hedged or figure.looks_like_year)


def _complements(parts: str) -> bool:
    words = {w.lower() for w in _WORD.findall(parts)}
    return any(a in words and b in words for a, b in _COMPLEMENTS)


def _part_end(text: str, figure: Figure, sentence: Span) -> int:
    end = sentence.end
    while end > figure.span.end and not text[end - 1].isalnum():
        end -= 1
    return end


def _group_count(text: str, opening: re.Match[str], body_start: int, before: int) -> Figure | None:
    """The figure the story counted the group with: inside the opening ("Of the 17
    injured"), or the one figure before the sentence whose nearest counting word
    belongs to the group's family. Two different counts for it: none is trusted."""
    if opening.group("count"):
        inside = find_figures(text, opening.start("count"), opening.end("count"))
        return inside[0] if len(inside) == 1 and _countable(inside[0]) else None
    family = _family(opening.group("group"))
    if family is None:
        return None
    counted = [f for f in find_figures(text, body_start, before) if _counted_as(text, f, family)]
    values = {f.value for f in counted}
    return counted[-1] if len(values) == 1 else None


def _family(word: str) -> re.Pattern[str] | None:
    return next((f for f in _FAMILIES if f.fullmatch(word.lower())), None)


def _counted_as(text: str, figure: Figure, family: re.Pattern[str]) -> bool:
    """The counting word nearest the figure (a verb or noun of a family) is of
    ``family``: "killing two students and injuring 17" counts two killed, 17 hurt."""
    if not _countable(figure):
        return False
    before = _WORD_BEFORE.findall(text[max(0, figure.span.start - 30) : figure.span.start])
    after = _WORD.findall(text[figure.span.end : figure.span.end + 60])
    # The word right before ("injuring 17"), else the first counting word of the few
    # after, up to a clause's joint ("17 people were injured", not "17 people, and
    # four were killed").
    counting = _family(before[-1]) if before else None
    if counting is not None:
        return counting is family
    for word in after[:_REACH_AFTER]:
        if word.lower() in _CLAUSE_JOINTS:
            return False
        counting = _family(word)
        if counting is not None:
            return counting is family
    return False
