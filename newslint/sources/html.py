"""HTML loader built on the standard library's ``html.parser``.

Character references are kept apart from text (``convert_charrefs=False``) so
each decoded character maps to its whole entity in the source. Runs of HTML
whitespace collapse to one space mapped to the whole run; page furniture
(scripts, navigation, footers, forms ...) is left out.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from newslint import regexcache
from newslint.document import Directive, Document, PageBlock, PageLink
from newslint.sources import links as link_targets
from newslint.sources.common import (
    coerce_date,
    english_variant,
    finish,
    header_fields,
    is_byline,
    is_desk_line,
    strip_span,
)
from newslint.spans import Span, TextBuilder
from newslint.wordlists import words as _words

# Meta tags that declare the page's language when <html> has no lang.
_LANGUAGE_META = frozenset({"og:locale", "language", "dc.language", "content-language"})
_SKIP = _words(
    "script style nav aside footer noscript template form head svg iframe button select "
    "textarea object canvas pre"
)
_BLOCK = _words(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote table tr td th caption br hr "
    "section article main header figure figcaption pre address details summary body "
    "center fieldset legend menu hgroup dialog search thead tbody tfoot option optgroup"
)
# Phrasing elements: text on either side of them belongs to one line, and a word
# may be split by them ("un<em>believ</em>able"). Any other element renders as a
# box of its own (custom elements, <time>, <label> ...): words on either side of
# it are separated, as they are between two sibling elements ("</a><a>").
_INLINE = _words(
    "a abbr b bdi bdo cite code data del dfn em font i ins kbd mark q s samp small span "
    "strong sub sup tt u var big nobr"
)
# ARIA landmarks that hold site furniture, left out like their elements (<nav> ...).
_SKIP_ROLES = _words("navigation contentinfo search menu menubar toolbar dialog alertdialog")
_SENTENCE_ENDS = frozenset(".!?")
_VOID = _words("area base br col embed hr img input link meta param source track wbr")
_HEADINGS = _words("h1 h2 h3 h4 h5 h6")
# Elements that show a picture: a <figure> holding one is a picture with its caption.
_PICTURES = _words("img picture amp-img video amp-video iframe")
_DATE_META = frozenset(
    ("article:published_time", "datepublished", "date", "pubdate", "dc.date", "publish-date")
)
_SITE_META = frozenset(("og:site_name", "application-name", "og:url"))
_WHITESPACE = regexcache.compile(r"[ \t\r\n\f]+|[^ \t\r\n\f]+")
_MARK_DEPTH = 4  # class words of the nearest elements say what a block is; outer ones, the page
_DIRECTIVE = regexcache.compile(r"^\s*newslint-(.*?)\s*$", re.DOTALL)
# Elements nested deeper than this are read as if they were not there (their
# text is kept): real pages nest a few dozen levels, and a hostile one must not
# make each tag cost time in proportion to the depth.
MAX_OPEN = 256


@dataclass
class _Block:
    kind: str
    # (text, source start, source end, in code, index of the link it is part of or -1)
    pieces: list[tuple[str, int, int | None, bool, int]] = field(default_factory=list)
    byline: bool = False
    link_chars: int = 0
    marks: tuple[str, ...] = ()  # class/id/role words of the nearest open elements
    in_article: bool = False
    author_footer: bool = False  # inside an article's author footer: read for its byline only


@dataclass
class _Open:
    tag: str
    skip: bool
    code: bool
    byline: bool
    article: bool
    link: bool
    marks: str
    image: bool = False  # a <figure> that holds a picture
    href: int = -1  # a link: its index in the parser's ``hrefs``
    author_footer: bool = False


def _marks(attributes: dict[str, str]) -> str:
    """An element's class, id and role words, lowercased ("share-bar social")."""
    return " ".join(
        attributes.get(k, "") for k in ("class", "id", "role") if k in attributes
    ).lower()


def _is_byline_element(attrs: dict[str, str]) -> bool:
    if "author" in attrs.get("rel", "").lower().split():
        return True
    if _AUTHOR_PAGE.search(attrs.get("href", "")):
        return True  # a link to one writer's page: "/author/jane-doe"
    marks = f"{attrs.get('class', '')} {attrs.get('itemprop', '')}".lower()
    return "byline" in marks or "author" in marks or _POSTED_BY.search(marks) is not None


_POSTED_BY = regexcache.compile(r"posted[-_]?by")
# A CMS page of one writer ("/author/jane-doe/", "/writers/jdoe"), not a list of them.
_AUTHOR_PAGE = regexcache.compile(r"/(?:author|writers?|contributors?|byline)/[\w.%-]+/?(?:[?#]|$)")


class _Parser(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.stack: list[_Open] = []
        self.open_tags: Counter[str] = Counter()  # tags in ``stack``, for stray end tags
        self.language: str | None = None
        self.declared: str | None = None  # <html lang>, whatever the language
        self.meta_language: str | None = None  # og:locale, content-language
        self.skip = self.code = self.bylines = self.articles = self.links = 0
        self.author_footers = 0
        self.blocks: list[_Block] = []
        self.block = _Block("p")
        self.title: _Block | None = None
        self.in_title = False
        self.directives: list[Directive] = []
        self.times: list[tuple[str, bool]] = []  # datetime value, inside article/header
        self.meta_date: str | None = None
        self.site_names: set[str] = set()
        self.canonical: list[str] = []  # the page's own address (canonical link, og:url)
        self.hrefs: list[str] = []  # each link's address, in the order the links open
        self.open_links: list[int] = []  # indices into ``hrefs`` of the links open now
        # Tags passed since the last text: "</x><y>" (siblings) or a box element
        # between two words means the words are apart on the page.
        self.apart = False
        self.closed = False

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![...`` that is no CDATA or MS-Office section ("<![0") is a bogus comment
        up to the next ">", as browsers read it; the standard library asserts."""
        position = self.lineno, self.offset
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = position  # the failed scan moved them
            end = self.rawdata.find(">", i + 3)
            return len(self.rawdata) if end < 0 else end + 1

    def src_offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    # -- structure ----------------------------------------------------------------

    def new_block(self, kind: str = "p") -> None:
        if self.block.pieces:
            self.blocks.append(self.block)
        if kind not in _HEADINGS and self.in_caption():
            kind = "figcaption"  # a <p> in a <figcaption>, a credit line under the picture
        self.block = _Block(kind)

    def in_caption(self) -> bool:
        """Inside a <figcaption>, or a <figure> after its picture: the text there is
        what the page says about the picture (caption, credit), whatever its tags."""
        if not (self.open_tags["figure"] or self.open_tags["figcaption"]):
            return False
        return any(e.tag == "figcaption" or (e.tag == "figure" and e.image) for e in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag == "html" and self.declared is None and attributes.get("lang"):
            self.declared = attributes["lang"]
            self.language = english_variant(self.declared)
        if tag == "meta":
            self.meta(attributes)
        elif tag == "link" and attributes.get("rel", "").lower() == "canonical":
            self.site_names.add(_site_name(attributes.get("href", ""), url=True))
            self.canonical.append(attributes.get("href", ""))
        elif tag == "time" and not self.skip and attributes.get("datetime"):
            self.times.append((attributes["datetime"], self.articles > 0))
        if tag == "title" and self.title is None and not self.open_tags["svg"]:
            self.in_title, self.title = True, _Block("title")
        if tag in _BLOCK and not self.skip:
            self.new_block(tag)
        if self.closed or tag not in _INLINE:
            self.apart = True
        if tag in _PICTURES and self.open_tags["figure"]:
            for entry in reversed(self.stack):
                if entry.tag == "figure":
                    entry.image = True
                    break
        if tag in _VOID or len(self.stack) >= MAX_OPEN:
            return
        hidden = "hidden" in attributes or attributes.get("aria-hidden") == "true"
        # A form straight under <body> wraps the whole page (ASP.NET), not a widget.
        page_form = tag == "form" and all(e.tag in ("html", "body") for e in self.stack)
        # An article's own footer marked as its author block may hold the byline
        # (<footer class="article-author"> under the headline): it is read, but
        # only a byline found in it is kept (an author card is no story text).
        author_footer = tag == "footer" and self.articles > 0 and _is_byline_element(attributes)
        entry = _Open(
            tag,
            skip=(tag in _SKIP and not page_form and not author_footer)
            or hidden
            or attributes.get("role", "").lower() in _SKIP_ROLES,
            code=tag in ("code", "kbd", "samp", "tt"),
            byline=_is_byline_element(attributes),
            article=tag in ("article", "header", "main"),
            link=tag == "a" and "href" in attributes,  # not a named anchor (<a name="x">)
            marks="" if tag in ("html", "body") else _marks(attributes),  # page-wide classes
            author_footer=author_footer,
        )
        if entry.link:
            entry.href = len(self.hrefs)
            self.hrefs.append(attributes["href"])
            self.open_links.append(entry.href)
        self.stack.append(entry)
        self.open_tags[tag] += 1
        self.count(entry, 1)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        self.closed = True
        if tag not in _INLINE:
            self.apart = True
        if tag in _BLOCK and not self.skip:
            self.new_block()
        if not self.open_tags[tag]:
            return  # a stray end tag
        while self.stack:
            entry = self.stack.pop()
            self.open_tags[entry.tag] -= 1
            self.count(entry, -1)
            if entry.href >= 0 and self.open_links:
                self.open_links.pop()
            if entry.tag == tag:
                break
        if tag in _SKIP:
            self.new_block()
        if tag in ("figure", "figcaption") and not self.block.pieces and not self.in_caption():
            self.block.kind = "p"  # the text after a picture's caption is the story's again

    def count(self, entry: _Open, step: int) -> None:
        self.skip += step * entry.skip
        self.code += step * entry.code
        self.bylines += step * entry.byline
        self.articles += step * entry.article
        self.links += step * entry.link
        self.author_footers += step * entry.author_footer

    def meta(self, attributes: dict[str, str]) -> None:
        key = (
            attributes.get("property") or attributes.get("name") or attributes.get("itemprop", "")
        ).lower()
        if key in _DATE_META and attributes.get("content") and self.meta_date is None:
            self.meta_date = attributes["content"]
        if key in _SITE_META and attributes.get("content"):
            self.site_names.add(_site_name(attributes["content"], url=key == "og:url"))
            if key == "og:url":
                self.canonical.append(attributes["content"])
        http = attributes.get("http-equiv", "").lower()
        if (key in _LANGUAGE_META or http == "content-language") and attributes.get("content"):
            self.meta_language = self.meta_language or attributes["content"]

    # -- text -----------------------------------------------------------------------

    def target(self) -> _Block | None:
        if self.in_title:
            return self.title
        return None if self.skip else self.block

    def handle_data(self, data: str) -> None:
        block = self.target()
        if block is None:
            return
        start = self.src_offset()
        if self.source[start : start + len(data)] != data:
            found = self.source.find(data, start)
            start = found if found >= 0 else start
        self.separate(block, data, start)
        for m in _WHITESPACE.finditer(data):
            run = m.group()
            if run[0] not in " \t\r\n\f":
                self.add(block, run, start + m.start(), None)
            elif block.pieces and not block.pieces[-1][0].endswith(" "):
                end = start + m.end() if run != " " else None
                self.add(block, " ", start + m.start(), end)

    def separate(self, block: _Block, data: str, start: int) -> None:
        """A space between two words that markup keeps apart ("only</a><a>for"), and
        after a sentence that ends where the next element opens with a capital
        ("on Monday.</span><span>Credit ..."), as sibling boxes are laid out."""
        if self.apart and block.pieces and data[:1].isalnum():
            last = block.pieces[-1][0]
            sentence_end = last[-1:] in _SENTENCE_ENDS and last[-2:-1].isalpha()
            if last[-1:].isalnum() or (sentence_end and data[0].isupper()):
                self.add(block, " ", start, start)
        self.apart = self.closed = False

    def add(self, block: _Block, text: str, src_start: int, src_end: int | None) -> None:
        if not block.pieces and block is self.block:
            block.marks = _nearest_marks(self.stack)
            block.in_article = self.articles > 0
        link = self.open_links[-1] if self.open_links and not self.in_title else -1
        block.pieces.append((text, src_start, src_end, self.code > 0, link))
        if self.links and text != " ":
            block.link_chars += len(text)
        if self.bylines and block is self.block:
            block.byline = True
        if self.author_footers and block is self.block:
            block.author_footer = True

    def reference(self, prefix: str, name: str) -> None:
        block = self.target()
        if block is None:
            return
        start = self.src_offset()
        end = start + len(prefix) + len(name)
        if self.source[end : end + 1] == ";":
            end += 1
        raw = self.source[start:end]
        decoded = html.unescape(raw)
        self.separate(block, decoded, start)
        self.add(block, decoded, start, None if decoded == raw else end)

    def handle_entityref(self, name: str) -> None:
        self.reference("&", name)

    def handle_charref(self, name: str) -> None:
        self.reference("&#", name)

    def handle_comment(self, data: str) -> None:
        m = _DIRECTIVE.match(data)
        if m:
            line = self.getpos()[0]
            self.directives.append(
                Directive(line, line + data.count("\n"), " ".join(m.group(1).split()))
            )


def _nearest_marks(stack: list[_Open]) -> tuple[str, ...]:
    """The marks of the nearest ``_MARK_DEPTH`` marked elements, outermost first."""
    found: list[str] = []
    for entry in reversed(stack):
        if entry.marks:
            found.append(entry.marks)
            if len(found) == _MARK_DEPTH:
                break
    return tuple(reversed(found))


def _emit(
    builder: TextBuilder, block: _Block, code: list[Span], anchors: dict[int, list[int]]
) -> Span:
    """Add the block's text; grow each link's anchor span (``anchors``: link index
    -> [start, end] in the text) over the words it holds."""
    builder.separate("\n\n", block.pieces[0][1])
    begin = builder.length
    for text, src_start, src_end, is_code, link in block.pieces:
        span = builder.add(text, src_start, src_end)
        if is_code:
            code.append(span)
        if link >= 0 and text.strip():
            anchor = anchors.setdefault(link, [span.start, span.end])
            anchor[1] = span.end
    return Span(begin, builder.length)


def _links(parser: _Parser, anchors: dict[int, list[int]]) -> list[PageLink]:
    """Each link with visible text, in text order, with the kind of its target."""
    site = link_targets.page_site(parser.canonical, parser.hrefs)
    own = link_targets.own_path(parser.canonical)
    found = []
    for index, (start, end) in anchors.items():
        href = parser.hrefs[index]  # the parser has decoded its references
        kind, internal = link_targets.classify(href, site, own)
        found.append(PageLink(Span(start, end), href, kind, internal))
    return sorted(found, key=lambda link: link.span)


def load(path: str, source: str) -> Document:
    parser = _Parser(source)
    parser.feed(source)
    parser.close()
    parser.new_block()
    blocks = parser.blocks
    if parser.title and parser.title.pieces and not any(b.kind == "h1" for b in blocks):
        blocks = [parser.title, *blocks]

    builder = TextBuilder()
    code: list[Span] = []
    anchors: dict[int, list[int]] = {}
    emitted = [(_emit(builder, block, code, anchors), block) for block in blocks]
    text = builder.build()[0]
    paragraphs: list[Span] = []
    headline = None
    since_headline = -_CREDIT_REACH  # blocks since the headline
    candidates: list[tuple[Span, _Block]] = []
    headings: list[Span] = []
    page_blocks: list[PageBlock] = []
    footer_bylines: list[tuple[Span, _Block]] = []
    for raw, block in emitted:
        span = strip_span(text, raw.start, raw.end)
        if span is None:
            continue
        if block.author_footer:
            if block.byline:
                footer_bylines.append((span, block))
            continue
        paragraphs.append(span)
        page_blocks.append(
            PageBlock(span, block.kind, block.link_chars, block.marks, block.in_article)
        )
        if headline is None and block.kind in ("h1", "title"):
            headline, since_headline = span, 0
        elif block.kind in _HEADINGS:
            headings.append(span)
        since_headline += 1
        if block.byline or (0 < since_headline <= _CREDIT_REACH and _credit_block(block)):
            candidates.append((span, block))
    byline = _byline(text, candidates, headline)
    if byline is None and footer_bylines:
        byline = _byline(text, footer_bylines, headline)
        if byline is not None:
            paragraphs = sorted([*paragraphs, byline])
    first = paragraphs.index(headline) + 1 if headline is not None else 0
    paragraphs, fallback_byline, dateline = header_fields(text, paragraphs, first)
    if byline is None and fallback_byline is None and first:
        fallback_byline = _byline_above(text, paragraphs[max(0, first - 1 - _ABOVE) : first - 1])
    return finish(
        builder,
        code=code,
        path=path,
        source=source,
        format="html",
        paragraphs=paragraphs,
        headline=headline,
        byline=byline or fallback_byline,
        headings=headings,
        article_date=_article_date(parser) or dateline,
        language=parser.language,
        declared_language=parser.declared or parser.meta_language,
        directives=parser.directives,
        page_blocks=page_blocks,
        site_names=tuple(sorted(n for n in parser.site_names if n)),
        links=_links(parser, anchors),
    )


def _site_name(value: str, url: bool) -> str:
    """A site's name, or for a URL its host without "www." and the suffix
    ("https://www.bettycrocker.com/x" -> "bettycrocker")."""
    if not url:
        return value.strip()
    host = re.sub(r"^[a-z]+://", "", value.strip().lower()).split("/", 1)[0]
    labels = host.split(".")
    if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in ("co", "com", "org", "net", "ac"):
        labels = labels[:-1]  # bbc.co.uk
    return labels[-2] if len(labels) > 1 else ""


# A byline element that holds only its label ("By", "Article by", "Author:");
# the name follows in the next one.
_BYLINE_LABEL = regexcache.compile(
    r"(?:(?:[^\W\d_]+\s+){0,2}by|von|par|por|author)\s*:?", re.IGNORECASE
)
# Sites that do not mark the byline as author or byline often mark it as the
# story's credit, publisher or contributor ("ET Online" in a "publisher" box).
# Those words also mark logos and photo credits, so such a block counts only
# close under the headline and never with picture words.
_CREDIT_MARK = regexcache.compile(
    r"(?:^|[\s_-])(?:publisher|contributors?|writers?|credits?)(?:$|[\s_-])"
)
_PICTURE_MARK = regexcache.compile(
    r"photo|image|img|caption|media|video|figure|logo|gallery|picture"
)
_CREDIT_REACH = 4  # blocks after the headline where a credit block may stand


def _credit_block(block: _Block) -> bool:
    marks = " ".join(block.marks)
    return bool(_CREDIT_MARK.search(marks)) and not _PICTURE_MARK.search(marks)


_BYLINE_WORDS = 12  # an author bio or a teaser is longer than a byline
# Words of a byline block that count toward its length: not the date and time
# or separators that often share its line ("| Updated : 19 November 2019, 09:01").
_BYLINE_WORD = regexcache.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")


def _byline(text: str, candidates: list[tuple[Span, _Block]], headline: Span | None) -> Span | None:
    """The story's byline among the blocks marked as author or byline.

    Sites mark whole header bars, comment lists and author bios that way, so
    the first marked block is often the site logo ("corklive"), a commenter
    or a bio. Prefer, after the headline: a name right after a lone "By"
    label, then a line that reads as a byline ("By Jane Doe"), then the first
    short marked block; never one inside a comment section."""
    after = [(s, b) for s, b in candidates if headline is None or s.start > headline.start]
    pool = [
        (s, b)
        for s, b in (after or candidates)
        if not any("comment" in mark for mark in b.marks)
        and len(_BYLINE_WORD.findall(text, s.start, s.end)) <= _BYLINE_WORDS
    ]
    for (span, _), (following, _) in itertools.pairwise(pool):
        if _BYLINE_LABEL.fullmatch(text[span.start : span.end].strip()):
            return following
    for index, (span, _) in enumerate(pool):
        if is_byline(text[span.start : span.end]):
            # An author box puts the title under the name ("Jane Doe" / "Sports
            # Editor"): the desk words are her title, the name is the byline.
            if index and is_desk_line(text[span.start : span.end]):
                above = pool[index - 1][0]
                if _bare_name(text[above.start : above.end]):
                    return above
            return span
    for span, _ in pool:
        if not _BYLINE_LABEL.fullmatch(text[span.start : span.end].strip()):
            return span
    return None


_NAME_WORDS = (2, 4)  # a person's name in a block of its own


def _bare_name(line: str) -> bool:
    """Two to four capitalised words that are not desk words: "Jane Doe"."""
    from newslint.analysis.byline_words import ROLE_WORDS

    words = line.split()
    low, high = _NAME_WORDS
    return low <= len(words) <= high and all(
        w[:1].isupper()
        and w.replace(".", "").replace("-", "").isalpha()
        and w.casefold() not in ROLE_WORDS
        for w in words
    )


_ABOVE = 2  # blocks above the headline where a page may put its "By" line


def _byline_above(text: str, spans: list[Span]) -> Span | None:
    """A "By Jane Doe | May 5" line in the blocks just above the headline."""
    for span in reversed(spans):
        if is_byline(text[span.start : span.end]):
            return span
    return None


def _article_date(parser: _Parser) -> dt.date | None:
    in_article = [value for value, inside in parser.times if inside]
    for value in (*in_article[:1], parser.meta_date, *parser.times[:1]):
        date = coerce_date(value[0] if isinstance(value, tuple) else value)
        if date is not None:
            return date
    return None
