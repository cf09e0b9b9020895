"""Plain-text loader: the prose is the file itself.

The text equals the source except that ``[[ newslint-... ]]`` directive lines
are left out and CRLF line endings become ``"\\n"`` (each mapped to its whole
``"\\r\\n"``), so checks never see a carriage return.

Structure comes from the shape of lines (``text_structure``): list items,
``Q:``/``A:`` lines and a short line over a paragraph become paragraphs of
their own, without their markers, as Markdown would give them.
"""

from __future__ import annotations

import re

from newslint import regexcache
from newslint.analysis.sentences import split_sentences
from newslint.document import Directive, Document
from newslint.sources.blocks import find_signoff
from newslint.sources.common import dateline_date, finish, header_fields, is_byline, strip_span
from newslint.sources.text_structure import find_structure, split_units
from newslint.spans import Span, TextBuilder

_LINE = regexcache.compile(r"[^\n]*\n|[^\n]+")
_DIRECTIVE = regexcache.compile(r"^\s*\[\[\s*newslint-(.*?)\s*\]\]\s*$")


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
    units = split_units(text, blocks)
    paragraphs = [unit.span for unit in units]
    headline = None
    glued = bool(units) and units[0].kind == "head"  # typed directly over the next line
    if blocks and (glued or (len(blocks[0]) == 1 and len(blocks) > 1)):
        first = text[paragraphs[0].start : paragraphs[0].end]
        if not is_byline(first) and dateline_date(first) is None and not _prose_line(first):
            headline = paragraphs[0]
    paragraphs, byline, article_date = header_fields(text, paragraphs, int(headline is not None))
    header = {s for s in (headline, byline) if s is not None}
    first_body = _first_body(text, paragraphs, header)
    in_body = set(paragraphs[first_body:]) - header
    body_units = [u for u in units if u.span in in_body]
    structure = find_structure(text, body_units)
    signoff = find_signoff(text, paragraphs, first_body)

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
        headings=structure.headings,
        heading_levels=structure.levels,
        list_items=structure.items,
        qa_pairs=structure.qa_pairs,
        signoff=signoff,
    )


# A first line that ends like a sentence and reads like one (long, or in
# sentence case) is the lede, not a headline: a story pasted without its
# headline. "Sweepstakes Winner Revealed." and "Rivals of the Apple..." stay
# headlines, and so does a two-part headline (see ``_deck_headline``). A closing
# quotation mark or bracket may follow the full stop ('... a "New World Order."').
# A long line in sentence case that holds a sentence end inside it is the lede
# too, whatever it ends with: a paragraph of sentences ("The sentence you
# provided is ... Here's my attempt:") is no headline.
_SENTENCE_END = regexcache.compile(r"(?<![.!?])[.!][\"'”’)]*$")
_PROSE_WORDS = 12
_WORD = regexcache.compile(r"[A-Za-z][\w'’-]*")
# A magazine's headline in parts: a question and its short answer ("Cracks in
# the firewall? Voters split in the South."), a statement and what it means
# ("Models vary widely. What that means for leaders."), or two short clauses
# ("Centrist parties are back. But not as we knew them."). Each part is short,
# a trailing media tag ("(+video)") is no part, and sentence ends come from the
# sentence splitter, so "Gen. Dempsey" or "S. Carolina" do not cut a part. Two
# plain statements are a lede when they carry its anchors: a day or a month
# ("Drivers said they would strike on Monday."); a request ("Please keep the
# tone professional.") speaks to someone, as no headline does.
_MEDIA_TAG = regexcache.compile(
    r"\s*\((?:\+\s*)?(?:video|photos?|audio|podcast|gallery|slideshow)\)$", re.IGNORECASE
)
_DECK_TURN = regexcache.compile(r"(?:So\s+)?(?:What|How|Why|Who|Where|When)\b")
_LEDE_ANCHOR = regexcache.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight"
    r"|January|February|March|April|June|July|August|September|October|November|December)\b"
)
_REQUEST = regexcache.compile(r"\bplease\b", re.IGNORECASE)
_DECK_PART_WORDS = 12
_DECK_WORDS = 20
# A short line with a label before a colon is a headline's kicker form ("Voters
# to the mayor: Make it stop!"), whatever it ends with.
_KICKER = regexcache.compile(r"^[^:.!?]{3,60}:\s+\S")
_KICKER_WORDS = 6


def _headline_parts(line: str) -> list[str]:
    line = _MEDIA_TAG.sub("", line.strip())
    return [line[s.start : s.end] for s in split_sentences(line, [Span(0, len(line))])]


def _deck_headline(line: str) -> bool:
    parts = _headline_parts(line)
    if not 2 <= len(parts) <= 3 or _REQUEST.search(line):
        return False
    counts = [len(_WORD.findall(part)) for part in parts]
    if max(counts) > _DECK_PART_WORDS or sum(counts) > _DECK_WORDS:
        return False
    ends = [part.rstrip("\"'”’)").endswith(("?", "!")) for part in parts]
    if any(ends[:-1]) or ends[-1] or _DECK_TURN.match(parts[-1]):
        return True
    return _LEDE_ANCHOR.search(line) is None


def _prose_line(line: str) -> bool:
    if _deck_headline(line):
        return False
    words = _WORD.findall(line)
    kicker = _KICKER.match(line)
    if kicker and len(words) < _PROSE_WORDS and not _REQUEST.search(line):
        label = line[: line.index(":")]
        if len(_WORD.findall(label)) <= _KICKER_WORDS:
            return False
    lower = sum(1 for w in words[1:] if w[0].islower())
    sentence_case = bool(words[1:]) and lower * 2 >= len(words) - 1
    if not _SENTENCE_END.search(line.rstrip()):
        inner_end = len(_headline_parts(line)) > 1
        return sentence_case and len(words) >= _PROSE_WORDS and inner_end
    return len(words) >= _PROSE_WORDS or sentence_case


def _first_body(text: str, paragraphs: list[Span], header: set[Span]) -> int:
    """Index of the first paragraph after the headline, byline and date lines."""
    index = 0
    while index < len(paragraphs) and index < 4:
        part = text[paragraphs[index].start : paragraphs[index].end]
        if paragraphs[index] in header or dateline_date(part) is not None:
            index += 1
        else:
            break
    return index
