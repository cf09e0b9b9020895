"""Plain-text loader: the prose is the file itself.

The text equals the source except that ``[[ newslint-... ]]`` directive lines
are left out and CRLF line endings become ``"\\n"`` (each mapped to its whole
``"\\r\\n"``), so checks never see a carriage return.
"""

from __future__ import annotations

import re

from newslint.document import Directive, Document, Span, TextBuilder
from newslint.sources import dateline_date, finish, header_fields, is_byline, strip_span

_LINE = re.compile(r"[^\n]*\n|[^\n]+")
_DIRECTIVE = re.compile(r"^\s*\[\[\s*newslint-(.*?)\s*\]\]\s*$")


def load(path: str, source: str) -> Document:
    builder = TextBuilder()
    directives: list[Directive] = []
    blocks: list[list[Span]] = []  # each paragraph as its (stripped) line spans
    current: list[Span] = []

    def close_block() -> None:
        nonlocal current
        if current:
            blocks.append(current)
            current = []

    for number, m in enumerate(_LINE.finditer(source), start=1):
        raw = m.group()
        content = raw.rstrip("\r\n")
        eol = len(raw) - len(content)
        directive = _DIRECTIVE.match(content)
        if directive:
            directives.append(Directive(number, number, directive.group(1)))
            if current:  # keep the blocks on either side apart in the text as well
                builder.add("\n", m.start(), m.start())
            close_block()
            continue
        span = builder.add(content, m.start())
        line = strip_span(content, 0, len(content))
        if line is None:
            close_block()
        else:
            current.append(Span(span.start + line.start, span.start + line.end))
        if eol:
            builder.add("\n", m.start() + len(content), m.end() if eol > 1 else None)
    close_block()

    text = builder.build()[0]
    paragraphs = [Span(lines[0].start, lines[-1].end) for lines in blocks]
    headline = None
    if blocks and len(blocks[0]) == 1 and len(blocks) > 1:
        first = text[paragraphs[0].start : paragraphs[0].end]
        if not is_byline(first) and dateline_date(first) is None:
            headline = paragraphs[0]
    paragraphs, byline, article_date = header_fields(text, paragraphs, int(headline is not None))

    return finish(
        builder,
        path=path,
        source=source,
        format="text",
        paragraphs=paragraphs,
        headline=headline,
        byline=byline,
        article_date=article_date,
        directives=directives,
    )
