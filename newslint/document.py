"""The Document: prose text of an article, its structure, and an exact map
from every prose character back to the source file.

Source loaders (``newslint.sources``) build a Document with a
:class:`TextBuilder`; checks read it and report spans of ``Document.text``;
``Document.locate`` turns such a span into source line/column/offset. This is
the only place where offsets are translated.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from newslint.diagnostics import Location, Range
from newslint.spans import Span, TextBuilder

if TYPE_CHECKING:
    from newslint.analysis.quotations import Quotation

T = TypeVar("T")


@dataclass(frozen=True)
class Directive:
    """A suppression comment found in the source (``newslint-disable ...``).

    ``line`` is the 1-based source line the comment starts on, ``end_line``
    the one it ends on. ``body`` is the text after the ``newslint-`` marker,
    e.g. ``"disable-next-line filler spelling.misspelled"``.
    """

    line: int
    end_line: int
    body: str


@dataclass(frozen=True)
class PageBlock:
    """What the HTML reader saw around one block of text, for telling page
    furniture from the article: the element that opened it, how many of its
    characters are link text, the class/id/role words of the nearest elements
    around it (innermost last), and whether it sits inside <article>/<main>."""

    span: Span
    tag: str
    link_chars: int
    marks: tuple[str, ...]
    in_article: bool


@dataclass(frozen=True)
class PageLink:
    """A link on an HTML page: its anchor text in ``Document.text``, its address,
    and what the address says it is (``newslint.sources.links``: "share",
    "social", "signup", "tag", "article" ...); ``internal`` when it stays on the
    page's own site. The target tells a call to action or a related story from
    the story's own links, which read alike."""

    span: Span
    href: str
    kind: str
    internal: bool


@dataclass(eq=False)
class Document:
    """One article, ready for the checks.

    ``text`` is the prose (markup removed, entities decoded, code blocks
    dropped); ``source`` is the decoded file (BOM removed, line endings
    kept). Spans (``headline``, ``paragraphs``, ``skipped`` ...) index ``text``.
    """

    path: str
    source: str
    format: str  # "text" | "markdown" | "html"
    text: str
    src_starts: array[int]
    src_ends: array[int]
    paragraphs: list[Span] = field(default_factory=list)
    headline: Span | None = None
    byline: Span | None = None
    headings: list[Span] = field(default_factory=list)  # headings below the headline
    # Levels of headings that have no markup to read them from (plain text): 2 or 3.
    heading_levels: dict[Span, int] = field(default_factory=dict)
    list_items: list[Span] = field(default_factory=list)  # each item is also a paragraph
    qa_pairs: list[tuple[Span, Span]] = field(default_factory=list)  # (question, answer)
    signoff: Span | None = None  # closing block: author note, contact, disclaimer
    skipped: list[Span] = field(default_factory=list)  # code, URLs ... (merged: sorted, disjoint)
    sic: list[Span] = field(default_factory=list)  # words marked [sic]
    article_date: dt.date | None = None
    front_matter: dict[str, Any] = field(default_factory=dict)
    # Front matter that was ignored or holds an impossible date: (source start, end, why).
    front_matter_problems: list[tuple[int, int, str]] = field(default_factory=list)
    language: str | None = None  # declared by the article: "en-GB" / "en-US"
    declared_language: str | None = None  # the tag the source declares, any language ("de-DE")
    directives: list[Directive] = field(default_factory=list)
    page_blocks: list[PageBlock] = field(default_factory=list)  # HTML only
    site_names: tuple[str, ...] = ()  # HTML: og:site_name, the host's name ("bettycrocker")
    links: list[PageLink] = field(default_factory=list)  # HTML only, in text order
    _analyses: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_builder(cls, builder: TextBuilder, **fields: Any) -> Document:
        text, starts, ends = builder.build()
        return cls(text=text, src_starts=starts, src_ends=ends, **fields)

    # -- text helpers ------------------------------------------------------

    def span_text(self, span: Span | tuple[int, int]) -> str:
        return self.text[span[0] : span[1]]

    @property
    def headline_text(self) -> str | None:
        return self.span_text(self.headline) if self.headline else None

    @property
    def byline_text(self) -> str | None:
        return self.span_text(self.byline) if self.byline else None

    @cached_property
    def body(self) -> list[Span]:
        """Paragraphs that are neither the headline nor the byline."""
        special = {s for s in (self.headline, self.byline) if s is not None}
        return [p for p in self.paragraphs if p not in special]

    @cached_property
    def word_count(self) -> int:
        return len(self.text.split())

    # -- lazily computed analysis, shared by all checks ---------------------

    @cached_property
    def sentences(self) -> list[Span]:
        from newslint.analysis.sentences import split_sentences

        return split_sentences(self.text, self.paragraphs)

    @cached_property
    def quotations(self) -> list[Quotation]:
        from newslint.analysis.quotations import find_quotations

        return find_quotations(self.text, self.paragraphs)

    def analysis(self, name: str, compute: Callable[[Document], T]) -> T:
        """Compute a shared analysis once per document (name mentions, dates...).

        Families keep their analysis code in ``newslint.analysis``; this memo
        lets several rules share one result without each editing Document.
        """
        if name not in self._analyses:
            self._analyses[name] = compute(self)
        result: T = self._analyses[name]  # what compute returned for this name
        return result

    def in_quotation(self, span: Span) -> bool:
        """True when ``span`` lies inside a direct quotation (O(log n): checks ask
        this for every sentence and match, and a story may hold 100,000 quotes)."""
        _, starts, max_ends = self._quotation_index
        i = bisect.bisect_right(starts, span.start) - 1
        return i >= 0 and max_ends[i] >= span.end

    def quotations_overlapping(self, span: Span) -> list[Quotation]:
        """The quotations that overlap ``span``, in source order, without
        scanning them all."""
        ordered, starts, max_ends = self._quotation_index
        i = bisect.bisect_left(starts, span.end) - 1
        found = []
        while i >= 0 and max_ends[i] > span.start:
            if ordered[i].span.overlaps(span):
                found.append(ordered[i])
            i -= 1
        found.reverse()
        return found

    @cached_property
    def _quotation_index(self) -> tuple[list[Quotation], list[int], list[int]]:
        """Quotations by start, their starts, and the running maximum of their ends."""
        ordered = sorted(self.quotations, key=lambda q: (q.span.start, q.span.end))
        starts = [q.span.start for q in ordered]
        max_ends = list(itertools.accumulate((q.span.end for q in ordered), max))
        return ordered, starts, max_ends

    def in_heading(self, span: Span) -> bool:
        """True when ``span`` overlaps a heading below the headline (O(log n): a
        live blog has hundreds of headings, and checks ask for every sentence)."""
        starts, max_ends = self._heading_index
        i = bisect.bisect_left(starts, span.end) - 1  # the last heading to start before the end
        return i >= 0 and max_ends[i] > span.start

    @cached_property
    def _heading_index(self) -> tuple[list[int], list[int]]:
        """Heading starts in order, and the running maximum of their ends."""
        ordered = sorted(self.headings)
        return [h.start for h in ordered], list(itertools.accumulate((h.end for h in ordered), max))

    def links_in(self, span: Span) -> list[PageLink]:
        """The page's links whose anchor text overlaps ``span`` (HTML only)."""
        links = self.links
        i = bisect.bisect_left(self._link_starts, span.start)
        while i > 0 and links[i - 1].span.end > span.start:
            i -= 1  # a link that starts before the span and runs into it
        found = []
        while i < len(links) and links[i].span.start < span.end:
            if links[i].span.overlaps(span):
                found.append(links[i])
            i += 1
        return found

    @cached_property
    def _link_starts(self) -> list[int]:
        return [link.span.start for link in self.links]

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph holding ``offset``, or -1."""
        i = bisect.bisect_right(self._paragraph_starts, offset) - 1
        return i if i >= 0 and offset < self.paragraphs[i].end else -1

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def page_block_at(self, offset: int) -> PageBlock | None:
        """The HTML block holding ``offset`` (None in other formats, or between blocks)."""
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i < 0 or offset >= self.page_blocks[i].span.end:
            return None
        return self.page_blocks[i]

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.span.start for b in self.page_blocks]

    def in_skipped(self, span: Span) -> bool:
        """True when ``span`` touches code, a URL, an e-mail address or a handle.
        ``skipped`` is merged (sorted, disjoint), so one look-up is enough."""
        i = bisect.bisect_left(self.skipped, (span.end,)) - 1  # the last to start before the end
        return i >= 0 and self.skipped[i].end > span.start

    def scope_of(self, span: Span) -> str:
        """``"headline"``, ``"byline"`` or ``"body"``."""
        if self.headline and self.headline.overlaps(span):
            return "headline"
        if self.byline and self.byline.overlaps(span):
            return "byline"
        return "body"

    # -- mapping to the source -------------------------------------------------

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        src = self.source
        i = src.find("\n")
        while i != -1:
            starts.append(i + 1)
            i = src.find("\n", i + 1)
        return starts

    def source_offset(self, text_offset: int, *, end: bool = False) -> int:
        """Source offset of a prose offset (``end=True`` for an exclusive end)."""
        if not self.text:
            return 0
        if end:
            if text_offset <= 0:
                return self.src_starts[0]
            return self.src_ends[min(text_offset, len(self.text)) - 1]
        if text_offset >= len(self.text):
            return self.src_ends[-1]
        return self.src_starts[text_offset]

    def location(self, src_offset: int) -> Location:
        line_index = bisect.bisect_right(self._line_starts, src_offset) - 1
        column = src_offset - self._line_starts[line_index] + 1
        return Location(line=line_index + 1, column=column, offset=src_offset)

    def locate(self, start: int, end: int) -> Range:
        src_start = self.source_offset(start)
        src_end = max(src_start, self.source_offset(end, end=True)) if end > start else src_start
        return Range(self.location(src_start), self.location(src_end))

    def line_range(self, first: int, last: int) -> Range:
        """Lines ``first`` to ``last`` (1-based) of the source, without the final line ending."""
        end = self._line_starts[last] if last < len(self._line_starts) else len(self.source)
        while end > self._line_starts[last - 1] and self.source[end - 1] in "\r\n":
            end -= 1
        return Range(self.location(self._line_starts[first - 1]), self.location(end))
