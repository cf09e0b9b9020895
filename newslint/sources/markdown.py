"""Markdown loader built on markdown-it-py (CommonMark plus tables).

markdown-it gives block tokens with source line ranges and inline tokens
with their decoded text but no columns, so each piece of inline text is found
in the source by searching forward from a cursor that only moves ahead.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from newslint import regexcache
from newslint.document import Directive, Document
from newslint.sources.common import english_variant, finish, header_fields, strip_span
from newslint.sources.front_matter import FrontMatterError, front_matter_date, parse_front_matter
from newslint.spans import Span, TextBuilder

# text_join would fold entities and escapes into plain text and hide their source form.
_MD = (
    MarkdownIt("commonmark", {"typographer": False, "linkify": False})
    .use(front_matter_plugin)
    .enable(["table", "strikethrough"])
    .disable("text_join")
)
_COMMENT_DIRECTIVE = regexcache.compile(r"<!--\s*newslint-(.*?)\s*-->", re.DOTALL)
_LINE_BREAK = regexcache.compile(r"\r\n?|\n")
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCK_OF_INLINE = {"heading_open", "paragraph_open", "th_open", "td_open"}


class _Loader:
    def __init__(self, source: str) -> None:
        # markdown-it reads NUL as U+FFFD (CommonMark's rule). Its tokens are found
        # in the source by searching, so search a copy that says the same; one
        # character for one, so every offset holds for the real source too.
        self.source = source.replace("\x00", "\ufffd")
        # markdown-it counts lines as CommonMark does (\r\n, \n or a lone \r end
        # one); token maps use its numbers. Directives use newslint's (\n only).
        self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(source)]
        self.nl_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.builder = TextBuilder()
        self.cursor = 0
        self.blocks: list[tuple[Span, str]] = []  # raw span and its kind
        self.code: list[Span] = []
        self.directives: list[Directive] = []
        self.front_matter: dict[str, Any] = {}
        self.fm_headline: Span | None = None
        self.fm_byline: Span | None = None
        self.fm_date: dt.date | None = None
        self.front_problems: list[tuple[int, int, str]] = []  # source start, end, message

    # -- positions ------------------------------------------------------------

    def line_offset(self, line: int) -> int:
        """Source offset of 0-based ``line`` (the end of the source past the last line)."""
        return self.line_starts[line] if line < len(self.line_starts) else len(self.source)

    def line_number(self, offset: int) -> int:
        """1-based line of ``offset`` as newslint counts lines (\n only)."""
        return bisect.bisect_right(self.nl_starts, offset)

    def add_directives(self, start: int, end: int) -> None:
        for m in _COMMENT_DIRECTIVE.finditer(self.source, start, end):
            self.directives.append(
                Directive(
                    self.line_number(m.start()),
                    self.line_number(m.end() - 1),
                    " ".join(m.group(1).split()),
                )
            )

    # -- front matter ------------------------------------------------------------

    def front(self, token: Token) -> None:
        assert token.map is not None
        start, end = self.line_offset(token.map[0]), self.line_offset(token.map[1])
        try:
            self.front_matter = parse_front_matter(token.content)
        except FrontMatterError as exc:
            self.front_matter = {}
            self.problem(self.line_offset(token.map[0] + 1 + exc.line), f"{exc}; it is ignored")
        self.cursor = end
        self.front_date(start, end)
        for key in ("title", "headline"):
            title = _scalar(self.front_matter.get(key))
            if title:
                self.fm_headline = self.front_value(key, title, start, end)
                break
        for key in ("byline", "author", "authors"):
            name = _scalar(self.front_matter.get(key))
            if name:
                self.fm_byline = self.front_value(key, name, start, end)
                break

    def problem(self, start: int, message: str) -> None:
        """Report a front-matter problem on the line from source offset ``start``."""
        start = min(start, len(self.source))
        end = start
        while end < len(self.source) and self.source[end] not in "\r\n":
            end += 1
        self.front_problems.append((start, end, message))

    def front_date(self, start: int, end: int) -> None:
        """The article date from the front matter; an impossible one is a problem."""
        for key in _DATE_KEYS:
            value = self.front_matter.get(key)
            if not value:
                continue
            if isinstance(value, str):
                self.fm_date, why = front_matter_date(value)
                if why:
                    m = re.compile(rf"^{re.escape(key)}\s*:", re.MULTILINE).search(
                        self.source, start, end
                    )
                    where = m.start() if m else start
                    self.problem(where, f"front matter {key}: {why}; the article date is unknown")
            return

    def front_value(self, key: str, value: str, start: int, end: int) -> Span:
        """Add a front-matter value as a paragraph mapped to where it is written."""
        self.builder.separate("\n\n", start)
        key_line = re.compile(rf"^{re.escape(key)}\s*:[ \t]*(.*?)[ \t]*\r?$", re.MULTILINE)
        m = key_line.search(self.source, start, end)
        if m is None:
            span = self.builder.add(value, start, end)
        else:
            raw_start, raw_end = m.span(1)
            found = self.source.find(value, raw_start, raw_end) if raw_end > raw_start else -1
            if found >= 0:
                span = self.builder.add(value, found)
            else:  # quoted with escapes, folded, or a list: map to the whole value
                span = self.builder.add(value, raw_start, max(raw_end, m.end()))
        self.blocks.append((span, "front"))
        return span

    # -- inline content ----------------------------------------------------------

    def inline(self, token: Token, kind: str) -> None:
        assert token.map is not None
        self.cursor = max(self.cursor, self.line_offset(token.map[0]))
        region_end = self.line_offset(token.map[1])
        self.builder.separate("\n\n", self.cursor)
        begin = self.builder.length
        for child in token.children or []:
            self.inline_child(child, region_end)
        self.blocks.append((Span(begin, self.builder.length), kind))

    def inline_child(self, child: Token, region_end: int) -> None:
        src, kind = self.source, child.type
        if kind == "text":
            self.add_found(child.content, region_end)
        elif kind == "text_special":  # an entity or escape: markup is its source form
            found = src.find(child.markup, self.cursor, region_end)
            if found < 0:
                self.add_found(child.content, region_end)
            else:
                self.builder.add(child.content, found, found + len(child.markup))
                self.cursor = found + len(child.markup)
        elif kind in ("softbreak", "hardbreak"):
            # A line ends at \r\n, \n or a lone \r (CommonMark).
            m = _LINE_BREAK.search(src, self.cursor, region_end)
            if m is None:
                self.builder.add("\n", self.cursor, self.cursor)
            else:
                self.builder.add("\n", m.start(), m.end())
                self.cursor = m.end()
        elif kind == "code_inline":
            self.code_span(child, region_end)
        elif kind == "html_inline":
            found = src.find(child.content, self.cursor, region_end)
            start = self.cursor if found < 0 else found
            end = region_end if found < 0 else found + len(child.content)
            if child.content.startswith("<!--"):
                self.add_directives(start, end)
            if found >= 0:
                self.cursor = end
        elif kind == "image":
            found = src.find("![", self.cursor, region_end)
            if found >= 0:
                self.cursor = found + 1
                self.skip_link_tail(region_end)
        elif kind == "link_close":
            if child.markup == "autolink":
                found = src.find(">", self.cursor, region_end)
                self.cursor = found + 1 if found >= 0 else self.cursor
            else:
                self.skip_link_tail(region_end)

    def add_found(self, content: str, region_end: int) -> None:
        found = self.source.find(content, self.cursor, region_end)
        if found >= 0:
            self.builder.add(content, found)
            self.cursor = found + len(content)
        else:  # normalised by markdown-it (e.g. an autolink): map to where we are
            self.builder.add(content, self.cursor, min(self.cursor + len(content), region_end))

    def code_span(self, child: Token, region_end: int) -> None:
        src, ticks = self.source, child.markup
        opening = src.find(ticks, self.cursor, region_end)
        if opening < 0:
            self.add_found(child.content, region_end)
            return
        inner = opening + len(ticks)
        # The content lies before the closing ticks: searching past them (a line
        # break made a space) would map it to later text.
        closing = src.find(ticks, inner, region_end)
        limit = closing if closing >= 0 else region_end
        found = src.find(child.content, inner, limit) if child.content else -1
        end = closing + len(ticks) if closing >= 0 else region_end
        if found >= 0:
            span = self.builder.add(child.content, found)
        else:  # the code ran over a line break, which markdown-it made a space
            span = self.builder.add(child.content, opening, end)
        self.code.append(span)
        self.cursor = end

    def skip_link_tail(self, region_end: int) -> None:
        """Move the cursor past ``](destination "title")`` or ``][label]``."""
        src = self.source
        close = src.find("]", self.cursor, region_end)
        if close < 0:
            return
        pos = close + 1
        if pos < region_end and src[pos] == "(":
            depth, pos = 0, pos
            while pos < region_end:
                ch = src[pos]
                if ch == "\\":
                    pos += 1
                elif ch == "(":
                    depth += 1
                elif ch == ")":
                    depth -= 1
                    if depth == 0:
                        pos += 1
                        break
                pos += 1
        elif pos < region_end and src[pos] == "[":
            label_end = src.find("]", pos, region_end)
            pos = label_end + 1 if label_end >= 0 else pos
        self.cursor = pos

    # -- the whole file -------------------------------------------------------------

    def run(self) -> None:
        tokens = _MD.parse(self.source)
        in_item = 0  # depth of list items around the current token
        for index, token in enumerate(tokens):
            kind = token.type
            in_item += {"list_item_open": 1, "list_item_close": -1}.get(kind, 0)
            if kind == "front_matter":
                self.front(token)
            elif kind == "inline" and index and tokens[index - 1].type in _BLOCK_OF_INLINE:
                opener = tokens[index - 1]
                if opener.type == "heading_open":
                    self.inline(token, opener.tag)
                else:
                    self.inline(token, "item" if in_item and opener.tag == "p" else "paragraph")
            elif kind == "html_block" and token.map:
                start, end = self.line_offset(token.map[0]), self.line_offset(token.map[1])
                self.add_directives(start, end)
                self.cursor = max(self.cursor, end)
            elif kind in ("fence", "code_block") and token.map:
                self.cursor = max(self.cursor, self.line_offset(token.map[1]))


def _scalar(value: Any) -> str | None:
    """A front-matter value as one line of text ("A, B" for a list of authors)."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        names = [_scalar(v) for v in value]
        value = ", ".join(n for n in names if n)
    if value is None or isinstance(value, (dict, list)):
        return None
    text = " ".join(str(value).split())
    return text or None


def load(path: str, source: str) -> Document:
    loader = _Loader(source)
    loader.run()
    text = loader.builder.build()[0]
    headline, headings = loader.fm_headline, []
    paragraphs: list[Span] = []
    items: list[Span] = []
    for raw, kind in loader.blocks:
        span = strip_span(text, raw.start, raw.end)
        if span is None:
            continue
        paragraphs.append(span)
        if kind == "item":
            items.append(span)
        if kind == "h1" and headline is None:
            headline = span
        elif kind in _HEADING_TAGS:
            headings.append(span)
    first = paragraphs.index(headline) + 1 if headline in paragraphs else 0
    special = [s for s in (loader.fm_headline, loader.fm_byline) if s is not None]
    first = max([first] + [paragraphs.index(s) + 1 for s in special if s in paragraphs])
    paragraphs, byline, date = header_fields(text, paragraphs, first)
    declared = loader.front_matter.get("language") or loader.front_matter.get("lang")
    return finish(
        loader.builder,
        code=loader.code,
        path=path,
        source=source,
        format="markdown",
        paragraphs=paragraphs,
        headline=headline,
        byline=loader.fm_byline or byline,
        headings=headings,
        list_items=items,
        article_date=loader.fm_date or date,
        front_matter=loader.front_matter,
        front_matter_problems=loader.front_problems,
        language=english_variant(declared),
        declared_language=declared if isinstance(declared, str) else None,
        directives=loader.directives,
    )


_DATE_KEYS = ("date", "published", "pubdate", "publishDate", "published_at")
