"""Structure of plain text from the shape and order of its lines.

Plain text has no markup, so a heading is a short line with no end
punctuation that stands as its own paragraph (or sits directly over its
paragraph) and is followed by body text; a list item opens with ``-``, ``*``,
``•`` or ``1.``; an FAQ is ``Q:``/``A:`` lines or question lines each followed
by an answer. Runs of three or more short lines (fixture lists, results,
addresses) are lists, not headings, and a short line with nothing after it is
a sign-off, so edited copy with stray short lines grows no false sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from newslint import regexcache
from newslint.analysis.wrapping import soft_break, wrapped_mid_sentence
from newslint.sources.blocks import ANSWER_MARKER, QUESTION_MARKER
from newslint.sources.common import dateline_date, is_byline
from newslint.spans import Span

_ITEM = regexcache.compile(r"(?:[-*•‣◦▪–]|\(?\d{1,2}[.)]|\(?[a-z][.)])[ \t]+(?=\S)")
_CONTACT = regexcache.compile(r"\S+@\S+\.\w+|https?://|www\.")
_END_PUNCT = regexcache.compile(r"[.!,;…]['\"”’)]*$")
_SENTENCE_END = regexcache.compile(r"[.!?:]['\"”’)]*$")
_STARTS_LIKE_SENTENCE = regexcache.compile(r"[\"“‘'(]?[A-Z0-9]")
_MAX_HEADING_WORDS = 12
_MAX_HEADING_CHARS = 90
_MAX_ANSWERS = 4  # paragraphs an FAQ answer may run to


class Unit(NamedTuple):
    """A paragraph of the text with the shape it was found in."""

    span: Span
    kind: str  # "para" | "item" | "q" | "a" | "head" (a line glued over its paragraph)
    lines: int


@dataclass
class Structure:
    headings: list[Span] = field(default_factory=list)
    levels: dict[Span, int] = field(default_factory=dict)
    items: list[Span] = field(default_factory=list)
    qa_pairs: list[tuple[Span, Span]] = field(default_factory=list)


def split_units(text: str, blocks: list[list[Span]]) -> list[Unit]:
    """Paragraphs from blank-line blocks, with list items, ``Q:``/``A:`` lines and a
    heading line glued over its paragraph split off and their markers left out."""
    units: list[Unit] = []
    for number, lines in enumerate(blocks):
        current: list[Span] = []
        kind = "para"
        asked = _bare_questions([text[s.start : s.end] for s in lines])
        for index, line in enumerate(lines):
            content = text[line.start : line.end]
            marker = _ITEM.match(content)
            question = QUESTION_MARKER.match(content)
            answer = ANSWER_MARKER.match(content)
            found = question or answer or marker
            if found and current and _carries_on(text, line, found.end()):
                found = None  # "... from 60 to\n65. Up to 1.4m": a wrapped sentence, no list
            if index in asked:  # a question line over its answer, FAQ-style
                _close(units, current, kind)
                units.append(Unit(line, "q", 1))
                kind, current = "a", []
            elif found:
                _close(units, current, kind)
                kind = "q" if question else "a" if answer else "item"
                current = [Span(line.start + found.end(), line.end)]
            elif (
                kind == "item"
                and current
                and (text[line.start - 1 : line.start] != "\n" or soft_break(text, line.start - 1))
            ):
                current.append(line)  # an indented continuation, or the item's line wrapped
            elif kind == "item" and current:
                _close(units, current, kind)
                kind, current = "para", [line]
            elif (
                index == 0
                and len(lines) > 1
                and (_glued_headline if number == 0 else _glued_heading)(
                    content, [text[s.start : s.end] for s in lines[1:]]
                )
            ):
                units.append(Unit(line, "head", 1))
            else:
                current.append(line)
        _close(units, current, kind)
    return units


_SENTENCE_ENDS = '.!?:;"”’)'


def _carries_on(text: str, line: Span, marker_end: int) -> bool:
    """Whether ``line`` carries on a sentence wrapped from the line before, though
    it opens like a list item: after a word that ends no sentence ("from 60 to" /
    "65. Up to"), or as a dash aside in lower case ("Mike Leigh" / "- nominated")."""
    newline = text.rfind("\n", 0, line.start)
    if newline < 0:
        return False
    if wrapped_mid_sentence(text, newline):
        return True
    j = newline - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    aside = text[line.start + marker_end : line.start + marker_end + 1].islower()
    return aside and j >= 0 and text[j] not in _SENTENCE_ENDS and soft_break(text, newline)


def _bare_questions(lines: list[str]) -> set[int]:
    """Lines of one block that are questions each followed by an answer line, when
    the block holds two or more of them (an FAQ typed without blank lines)."""
    asked = {
        index
        for index, line in enumerate(lines[:-1])
        if _question_line(line) and not _question_line(lines[index + 1])
    }
    return asked if len(asked) >= 2 else set()


def _question_line(line: str) -> bool:
    return line.endswith("?") and heading_like(line[:-1] or "x")


def _close(units: list[Unit], lines: list[Span], kind: str) -> None:
    if lines:
        units.append(Unit(Span(lines[0].start, lines[-1].end), kind, len(lines)))


def _glued_heading(first: str, rest: list[str]) -> bool:
    """A short heading line directly over its paragraph (no blank line between)."""
    if not heading_like(first) or first.endswith("?") or len(first.split()) > 8:
        return False
    longest = max(len(line) for line in rest)
    return (
        bool(_STARTS_LIKE_SENTENCE.match(rest[0]))
        and len(first) < 0.6 * longest
        and bool(_SENTENCE_END.search(rest[-1]))
    )


def _glued_headline(first: str, rest: list[str]) -> bool:
    """A headline typed directly over the byline, the date or the first paragraph."""
    words = first.split()
    if not 2 <= len(words) <= 20 or _END_PUNCT.search(first) or first.endswith(":"):
        return False
    if not (first[0].isupper() or first[0].isdigit()) or is_byline(first):
        return False
    if is_byline(rest[0]) or dateline_date(rest[0]) is not None:
        return True
    return _glued_heading(first, rest)


def heading_like(line: str) -> bool:
    """Short, no end punctuation, opens with a capital, not a byline or date."""
    words = line.split()
    if not 1 <= len(words) <= _MAX_HEADING_WORDS or len(line) > _MAX_HEADING_CHARS:
        return False
    if _END_PUNCT.search(line) or not (line[0].isupper() or line[0].isdigit()):
        return False
    if not re.search(r"[A-Za-z]{3}", line) or _CONTACT.search(line):
        return False
    return not is_byline(line) and dateline_date(line) is None


def _body_like(text: str, unit: Unit) -> bool:
    """Running text that a heading can stand over."""
    content = text[unit.span.start : unit.span.end]
    if unit.kind in ("item", "a"):
        return True
    if unit.kind != "para" or not _STARTS_LIKE_SENTENCE.match(content):
        return False
    return unit.lines > 1 or not heading_like(content)


def find_structure(text: str, units: list[Unit]) -> Structure:
    """Headings (with levels), list items and question-and-answer pairs of the body."""
    found = Structure()
    found.items = [u.span for u in units if u.kind == "item"]
    questions = _faq_questions(text, units, found)
    short = [
        u.kind in ("para", "head") and u.lines == 1 and heading_like(_text(text, u)) for u in units
    ]
    for index, unit in enumerate(units):
        if index in questions:
            found.headings.append(unit.span)
            found.levels[unit.span] = 3
            continue
        if unit.kind == "head" or _numbered_section(text, units, index):
            found.headings.append(unit.span)
            found.levels[unit.span] = 2
            continue
        if not short[index] or _text(text, unit).endswith("?"):
            continue
        nxt = units[index + 1] if index + 1 < len(units) else None
        if nxt is None:
            continue  # a short last line is a sign-off, not a section
        if nxt.kind == "item" and _text(text, unit).endswith(":"):
            continue  # "Steps to apply:" leads into its list
        before = short[index - 1] and index - 1 not in questions if index else False
        if before and index >= 2 and short[index - 2]:
            continue  # the third short line in a row: a list
        if index + 1 in questions or _body_like(text, nxt):
            if not (index + 2 < len(units) and short[index + 1] and short[index + 2]):
                found.headings.append(unit.span)
                found.levels[unit.span] = (
                    3 if before and units[index - 1].span in found.levels else 2
                )
            continue
        after = units[index + 2] if index + 2 < len(units) else None
        if short[index + 1] and after is not None and _body_like(text, after) and not before:
            found.headings.append(unit.span)  # a section label over a subheading
            found.levels[unit.span] = 2
    found.headings.sort()
    numbered = set(found.headings)
    found.items = [span for span in found.items if span not in numbered]
    return found


def _numbered_section(text: str, units: list[Unit], index: int) -> bool:
    """ "2. Key Benefits" on a line of its own over running text, not inside a list."""
    unit = units[index]
    if unit.kind != "item" or unit.lines != 1 or not heading_like(_text(text, unit)):
        return False
    line_start = text.rfind("\n", 0, unit.span.start) + 1
    if not re.fullmatch(r"\s*\d{1,2}[.)]\s+", text[line_start : unit.span.start]):
        return False
    before = units[index - 1].kind if index else "para"
    after = units[index + 1] if index + 1 < len(units) else None
    return (
        before != "item" and after is not None and after.kind == "para" and _body_like(text, after)
    )


def _faq_questions(text: str, units: list[Unit], found: Structure) -> set[int]:
    """Indexes of question units answered by what follows: ``Q:`` lines always,
    bare question lines only in a run of two or more answered questions."""
    pairs: list[tuple[int, int, int]] = []  # (question index, answer start, answer end)
    for index, unit in enumerate(units):
        content = _text(text, unit)
        is_question = unit.kind == "q" or (
            unit.kind in ("para", "head")
            and unit.lines == 1
            and content.endswith("?")
            and heading_like(content[:-1] or "x")
        )
        if not is_question:
            continue
        end = index + 1
        marked = end < len(units) and units[end].kind == "a"  # A: lines end where they end
        while (
            end < len(units)
            and end - index <= _MAX_ANSWERS
            and _answer(text, units[end])
            and (not marked or units[end].kind == "a")
        ):
            end += 1
        if end > index + 1:
            pairs.append((index, index + 1, end))
    accepted: set[int] = set()
    for number, (index, start, end) in enumerate(pairs):
        explicit = units[index].kind == "q"
        chained = any(
            other_end == index or end == other_index
            for other_number, (other_index, _, other_end) in enumerate(pairs)
            if other_number != number
        )
        if explicit or chained:
            accepted.add(index)
            answer = Span(units[start].span.start, units[end - 1].span.end)
            found.qa_pairs.append((units[index].span, answer))
    return accepted


def _answer(text: str, unit: Unit) -> bool:
    content = _text(text, unit)
    if unit.kind == "a" or unit.kind == "item":
        return True
    if unit.kind != "para" or content.endswith("?"):
        return False
    return unit.lines > 1 or not heading_like(content)


def _text(text: str, unit: Unit) -> str:
    return text[unit.span.start : unit.span.end]
