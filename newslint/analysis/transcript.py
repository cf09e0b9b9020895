"""Transcripts quoted in a story, in their two layouts.

Speakers' labels opening their turns ("Santorum: Well, ...") or each speaker's
name on a line of its own (a podcast's "michael barbaro", then the turn, then
"mark mazzetti", ...). What is said in a turn is the speaker's own, as a
quotation is, whatever the rules would make of it as the narrator's (a
question, a stale title)."""

from __future__ import annotations

import itertools
from collections import Counter

from newslint import regexcache
from newslint.document import Document

# A speaker's turn: one to three capitalised words and a colon opening a
# sentence ("Santorum:", "BARBARO:", "Michael Barbaro:"). One letter ("Q:",
# "A:") is a FAQ's, which reads as written to the reader.
TURN = regexcache.compile(r"([A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]*){0,2}):\s")


def labelled_transcript(doc: Document) -> bool:
    """The story quotes a transcript with labelled turns: two labels or more
    each open two sentences or more (speakers take turns; a page's "Related:"
    or "Update:" is one label, however often it comes back)."""

    def compute(d: Document) -> bool:
        labels = Counter(
            m.group(1)
            for sentence in d.sentences
            if (m := TURN.match(d.text, sentence.start, sentence.end))
        )
        return sum(1 for n in labels.values() if n >= 2) >= 2

    return doc.analysis("transcript.labels", compute)


# Two or three words, no sentence: "michael barbaro", "MARK MAZZETTI".
_NAME_LINE = regexcache.compile(r"[A-Za-z][\w.'’-]*(?:[ \t]+[A-Za-z][\w.'’-]*){1,2}")
_TURNS_EACH = 3  # a speaker's line comes back: taking turns, not a one-off label


def speaker_lines_start(doc: Document) -> int:
    """Where the transcript begins (its first name line), or -1: two or more
    name lines each come back three times or more, taking turns."""
    return doc.analysis("transcript.speaker_lines", _compute)


def in_speaker_turn(doc: Document, offset: int) -> bool:
    start = speaker_lines_start(doc)
    return 0 <= start <= offset


def _compute(doc: Document) -> int:
    if doc.page_blocks:
        return -1  # a saved page repeats its menus' short lines
    lines: Counter[str] = Counter()
    first: dict[str, int] = {}
    turns: list[tuple[str, bool]] = []  # each name line, and whether text came before it
    text_since = True
    for para in doc.paragraphs:
        line = doc.span_text(para).strip()
        if not _NAME_LINE.fullmatch(line):
            text_since = True
            continue
        key = line.casefold()
        lines[key] += 1
        first.setdefault(key, para.start)
        turns.append((key, text_since))
        text_since = False
    speakers = {k for k, n in lines.items() if n >= _TURNS_EACH}
    # Turns alternate: each name line is followed by what that speaker says,
    # and the next line names someone else.
    changes = sum(
        1
        for (a, _), (b, spoke) in itertools.pairwise(turns)
        if a != b and spoke and a in speakers and b in speakers
    )
    if len(speakers) < 2 or changes < 2 * _TURNS_EACH - 1:
        return -1
    return min(first[k] for k in speakers)
