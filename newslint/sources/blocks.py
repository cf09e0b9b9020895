"""Block structure shared by the loaders: question-and-answer pairs and the
closing sign-off block.

Markdown and HTML mark headings and lists up; what they leave unmarked
(``Q:``/``A:`` paragraphs, a question heading answered by the paragraph under
it, an "About the author" block at the end) is found here from the blocks'
order and shape, the same way for every format.
"""

from __future__ import annotations

import re

from newslint import regexcache
from newslint.spans import Span

# "Q:", "Q.", "Question:" and "A:", "Answer:" opening a line.
QUESTION_MARKER = regexcache.compile(r"(?:Q|Question)\s?[:.)]\s+(?=\S)")
ANSWER_MARKER = regexcache.compile(r"(?:A|Answer)\s?[:.)]\s+(?=\S)")
# Labels that open a closing block. A seed only: the block is found by its place
# (the last few blocks) and shape (short lines, contact details).
_SIGNOFF_LABEL = regexcache.compile(
    r"(?:about (?:the|this|our) (?:author|writer|reporter)s?|author bio|disclaimer|editor'?s note"
    r"|notes? to editors|(?:media |press )?contacts?|reporting by|additional reporting"
    r"|(?:written|edited) by|copyright|©|all rights reserved)\b",
    re.IGNORECASE,
)
_CONTACT = regexcache.compile(r"\S+@\S+\.\w+|https?://|www\.|\+?\d[\d ()-]{7,}\d")
_SIGNOFF_REACH = 6  # a sign-off sits within the last few blocks


def find_qa_pairs(
    text: str, paragraphs: list[Span], headings: list[Span]
) -> list[tuple[Span, Span]]:
    """(question, answer) pairs: ``Q:``/``A:`` paragraphs, a ``Q:`` line over an
    ``A:`` line in one paragraph, and question headings with a paragraph under them."""
    heading_set = set(headings)
    pairs: list[tuple[Span, Span]] = []
    for index, para in enumerate(paragraphs):
        body = text[para.start : para.end]
        nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if QUESTION_MARKER.match(body):
            answer_line = re.search(r"\n\s*(?:A|Answer)\s?[:.)]\s+(?=\S)", body)
            if answer_line:
                pairs.append(
                    (
                        Span(para.start, para.start + answer_line.start()),
                        Span(para.start + answer_line.end(), para.end),
                    )
                )
            elif nxt is not None and ANSWER_MARKER.match(text[nxt.start : nxt.end]):
                pairs.append((para, nxt))
        elif (
            para in heading_set
            and body.rstrip().endswith("?")
            and nxt is not None
            and nxt not in heading_set
        ):
            pairs.append((para, nxt))
    return pairs


def is_signoff_line(line: str) -> bool:
    """A short closing line: a name, a role, contact details."""
    line = line.strip()
    if _CONTACT.search(line):
        return True
    return 0 < len(line.split()) <= 8 and not re.search(r"[.!?]['\"”’)]*$", line)


def find_signoff(text: str, paragraphs: list[Span], first_body: int) -> Span | None:
    """The closing block: from a sign-off label ("About the author", "Disclaimer:")
    in the last few blocks, or a trailing run of short lines, to the end."""
    if len(paragraphs) - first_body < 2:
        return None
    last = len(paragraphs) - 1
    start: int | None = None
    floor = max(first_body + 1, last - _SIGNOFF_REACH + 1)
    for index in range(last, floor - 1, -1):
        if _SIGNOFF_LABEL.match(text[paragraphs[index].start : paragraphs[index].end]):
            start = index
    index = last
    while index >= floor and all(
        is_signoff_line(line)
        for line in text[paragraphs[index].start : paragraphs[index].end].split("\n")
    ):
        index -= 1
    if index < last:
        start = index + 1 if start is None else min(start, index + 1)
    if start is None:
        return None
    return Span(paragraphs[start].start, paragraphs[last].end)
