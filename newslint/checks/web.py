"""filler.web-furniture: page furniture found by structure and evidence.

The filler pack's filler.web-leftover knows furniture by its wording and the
shape of a line of its own. This rule finds what wording cannot: menus
flattened into a line, page-number links, CSS class names leaked into prose,
and, in HTML, blocks inside the article body that jusText's boilerplate
classifier rejects *and* whose elements are named for furniture
(``class="related-stories"``, ``id="newsletter-promo"``). Two independent
signs, because either alone also fires on real article paragraphs. Author
boxes and tag lists are the exception: they read as sentences, so the
element's name (``class="author-bio"``) is the evidence. Captions are known
the same way but never flagged: they are the story's own text.

It also owns the furniture gate: a page with no article text gets one finding
saying so instead of a flood from every other rule.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newslint import regexcache
from newslint.analysis import furniture
from newslint.analysis.link_cards import link_cards
from newslint.diagnostics import Diagnostic, Severity
from newslint.document import Document, PageBlock, PageLink
from newslint.registry import CheckContext, Example, RuleMeta, rule
from newslint.sources import links as targets
from newslint.spans import Span

if TYPE_CHECKING:
    from newslint.analysis.boilerplate import Verdict

RULE = "filler.web-furniture"
_PACK_RULES = frozenset(("filler.web-leftover",))
_PROSE_WORDS = 6  # a sentence of article text has at least this many words
_REPEAT_WORDS = (8, 40)  # the length of a pull quote
_GROUP = 3  # furniture findings before or after a page's article reported as one


@rule(
    RULE,
    summary=(
        "Web page furniture found by its structure: menus, page links, CSS classes, "
        "author boxes, tag lists."
    ),
    why=(
        "A story copied from a web page keeps furniture that no phrase list covers: a "
        "navigation menu flattened into one line ('Home News Sport Business Weather'), "
        "page-number links ('‹ Prev 1 2 3 Next ›'), CSS class names ('col-md-6', "
        "'wp-block-button', 'sr-only'), pull quotes and teasers that repeat a sentence of "
        "the story, and, in HTML, blocks inside the article that the "
        "jusText boilerplate classifier rejects (short, link-heavy, few function words) and "
        "whose markup names them as furniture (class='related-stories', 'newsletter-promo', "
        "'share-bar'), or that are a lone headline-sized link to another story. A name's "
        "link card copied into a sentence ('Rep. Ann Lee Ann Marie LeeHeadline one Headline "
        "two MORE (D-Ohio)': the full name, its surname run into a headline, and 'MORE') is "
        "furniture too, and no other rule reads it. A few words "
        "of link text standing as a block of their own are furniture too, around the "
        "headline (the section label over it, share and comment buttons) or inside the "
        "story (a button, a tag), unless they are the writer's name, a date or a web "
        "address; so are a linked headline after a head ('Check out: 12 tips for "
        "...'), a comment count on the byline line and a short title standing right over "
        "an embedded player. A short label the page's template prints as a block of its own "
        "three times or more ('Image', 'Read Later'), the section label right over the "
        "headline, linked or not, and a lone count of views or likes beside it are "
        "furniture too; a linked item among the story's own list items, or a linked "
        "heading over a paragraph, is the story's. In HTML the links' targets are "
        "evidence too: a block jusText "
        "rejects whose text is mostly links to share intents, social accounts, sign-up, "
        "tag or section pages or the page's own tools; at the story's edge, a short call "
        "ending in such a link ('Got this from a friend? Get your own copy.') and a link "
        "to another article of the site. Author boxes, tag lists, pull quotes and boxes "
        "named as calls to action are found by their element anywhere on the page, since "
        "they read as sentences; as lines of text, so are photo credits with no picture "
        "('Photo: Jane Doe/Reuters' pasted into copy), relative timestamps ('2 hours ago'), "
        "slideshow counters ('3 / 8'), lone account handles, pictures' file names, a contact "
        "line the page printed for readers ('To reach the reporter, contact jo@...', "
        "'Contact the author:') and a date field ('Release Date: 28 April 2022'). "
        "Captions (<figcaption>, class='wp-caption-text', text in a <figure> after its "
        "picture, a credit line right under its picture) are the story's text about its "
        "pictures and stay clean, and so does a table's cell; a caption that is only a "
        "linked headline is a teaser card for another story. A menu needs short "
        "capitalised labels with no "
        "sentence punctuation, enough of them section or button names, so a title-case "
        "headline stays clean. Furniture in adjacent blocks is one finding per run, and "
        "around a saved page's article one per side; a text the page repeats three times "
        "or more (an ad marker between every few paragraphs) is one finding, at its first "
        "copy, that counts the copies. A page with no article text at all "
        "gets one finding saying so, and no other rule is run on it. Furniture named by its "
        "wording ('Advertisement', 'Sign up for our newsletter') is filler.web-leftover."
    ),
    examples=[
        Example(
            "Home News Sport Business Weather\n\nThe harbour reopened on Monday after "
            "three weeks of repairs.",
            flagged=True,
        ),
        Example(
            "The harbour reopened on Monday after three weeks of repairs.\n\n"
            "col-md-6 col-sm-12 The port authority said traffic was back to normal.",
            flagged=True,
        ),
        Example(
            "Harbour Reopens After Repairs\n\nThe harbour reopened on Monday after "
            "three weeks of repairs.",
            flagged=False,
        ),
        Example(
            "The home news desk and the sport desk moved to the new building in May.",
            flagged=False,
        ),
    ],
)
def web_furniture(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    found = sorted(_structural(doc, meta), key=lambda d: d.start)
    body = _article_body(doc) if len(found) >= _GROUP else None
    if body is None:
        yield from found
        return
    # Around the article of a saved page: one finding for each side, not one per menu item.
    # A group never spans the headline: the finding would swallow the story's title.
    titles = [b.span for b in doc.page_blocks if b.tag == "h1"]
    titles += [doc.headline] if doc.headline else []
    before = [d for d in found if d.end <= body.start]
    after = [d for d in found if d.start >= body.end]
    for run in _runs(before, titles):
        yield from _grouped(run, "before", meta)
    inside = [d for d in found if d.end > body.start and d.start < body.end]
    for run in _adjacent_runs(doc, inside):
        yield from _grouped(run, "in a row inside", meta)
    for run in _runs(after, titles):
        yield from _grouped(run, "after", meta)


def _adjacent_runs(doc: Document, found: list[Diagnostic]) -> list[list[Diagnostic]]:
    """``found`` (in order) cut wherever a block with no finding lies between two
    findings: a share bar or a comment panel is one run, and a paragraph of the
    story ends it."""
    starts = [p.start for p in doc.paragraphs]
    runs: list[list[Diagnostic]] = []
    last = -2
    for diag in found:
        index = bisect_right(starts, diag.start) - 1
        if not runs or index > last + 1:
            runs.append([])
        runs[-1].append(diag)
        last = max(last, bisect_right(starts, max(diag.end - 1, diag.start)) - 1)
    return runs


def _runs(found: list[Diagnostic], barriers: list[Span]) -> list[list[Diagnostic]]:
    """``found`` (in order) cut wherever a barrier span lies between two findings."""
    runs: list[list[Diagnostic]] = [[]]
    for diag in found:
        if runs[-1] and any(runs[-1][-1].end <= b.start and b.end <= diag.start for b in barriers):
            runs.append([])
        runs[-1].append(diag)
    return [run for run in runs if run]


def _structural(doc: Document, meta: RuleMeta) -> Iterator[Diagnostic]:
    flagged: list[Span] = []
    cells = {b.span for b in doc.page_blocks if b.tag in ("td", "th")}
    for para in doc.paragraphs:
        if para == doc.byline:
            continue
        previous_end: int | None = None
        for start, end in furniture.lines(doc.text, para.start, para.end):
            if para in cells:
                break  # a table's cell is its data ("Twitter", "Email address"), not a button
            above, previous_end = previous_end, end
            if above is not None and _continues_sentence(doc.text, above, start):
                continue  # "... an audit\nreport.": a hard-wrapped line, not a button
            kind = _line_kind(doc.text[start:end])
            if kind and kind[0].endswith(_CREDIT_MESSAGE) and _in_caption(doc, start):
                continue  # a credit under its picture is the caption's, not a leftover
            if kind:
                message, length = kind
                flagged.append(Span(start, start + length))
                yield Diagnostic(meta.id, message, start, start + length, meta.severity)
        for start, end in link_cards(doc.text, para.start, para.end):
            flagged.append(Span(start, end))
            yield Diagnostic(meta.id, _MESSAGES["card"], start, end, meta.severity)
        for start, end in furniture.css_class_runs(doc.text, para.start, para.end):
            span = Span(start, end)
            if not doc.in_skipped(span) and not any(span.overlaps(f) for f in flagged):
                yield Diagnostic(meta.id, _MESSAGES["css"], start, end, meta.severity)
    for span in _repeated_blocks(doc):
        if not any(span.overlaps(f) for f in flagged):
            flagged.append(span)
            yield Diagnostic(meta.id, _MESSAGES["repeat"], span.start, span.end, meta.severity)
    yield from _classified_blocks(doc, flagged, meta)


def _article_body(doc: Document) -> Span | None:
    """From the first to the last HTML block that reads like prose to jusText."""
    if not doc.page_blocks:
        return None
    from newslint.analysis.boilerplate import classify

    prose = [v.span for v in classify(doc) if v.context_free in ("good", "neargood")]
    return Span(prose[0].start, prose[-1].end) if prose else None


def _grouped(found: list[Diagnostic], side: str, meta: RuleMeta) -> Iterator[Diagnostic]:
    if len(found) < _GROUP:
        yield from found
        return
    yield Diagnostic(
        meta.id,
        f"{len(found)} lines {side} the article are page furniture (menus, labels, buttons, "
        "panels); remove them",
        found[0].start,
        found[-1].end,
        meta.severity,
    )


_DISPLAY_TAGS = frozenset(("h2", "h3", "h4", "h5", "h6", "blockquote"))
_REPEAT_WINDOW = 500  # blocks either side; a page has far fewer
_QUOTES_AND_SPACE = regexcache.compile(r"[\s\"'“”‘’]+")


def _repeated_blocks(doc: Document) -> list[Span]:
    """Short blocks whose words stand again inside a longer block of the story:
    pull quotes and teasers that the page's layout repeated. In HTML the longer
    block must be prose (not a link or a list of links), and the two must sit in
    differently named elements: a pull quote has its own box, while a live blog
    that posts one quote twice repeats its content, not its layout."""
    special = {doc.headline, doc.byline}
    blocks = {b.span: b for b in doc.page_blocks}
    texts = [
        (p, _QUOTES_AND_SPACE.sub(" ", doc.span_text(p)).strip(" .").lower())
        for p in doc.paragraphs
        if p not in special
    ]
    found = []
    for index, (para, text) in enumerate(texts):
        if not _REPEAT_WORDS[0] <= text.count(" ") + 1 <= _REPEAT_WORDS[1]:
            continue
        # A pull quote repeats text near it: on a huge story, look only that far
        # (every block against every other would be quadratic).
        low, high = max(0, index - _REPEAT_WINDOW), index + _REPEAT_WINDOW
        for earlier, (other_para, other) in enumerate(texts[low:high], start=low):
            if earlier == index or text not in other:
                continue
            block, other_block = blocks.get(para), blocks.get(other_para)
            # A block printed twice (a summary card, a key-events list) is no excerpt,
            # unless the later copy is set as a display quote (a heading, a blockquote).
            display = block is not None and block.tag in _DISPLAY_TAGS and earlier < index
            if len(other) <= len(text) and not display:
                continue
            if other_block is not None and _marked(other_block):
                continue
            if _CAPTION in (_family_of(doc, block), _family_of(doc, other_block)):
                continue  # a caption retells the story's sentence about its picture
            if block and other_block and _same_place(block, other_block):
                continue
            found.append(index)
            break
    # A pull quote stands alone; consecutive repeated blocks are a passage the story
    # reproduces (a statement quoted in part, then printed in full).
    repeated = set(found)
    alone = [i for i in found if i - 1 not in repeated and i + 1 not in repeated]
    return [texts[i][0] for i in alone]


_DIGITS = regexcache.compile(r"\d+")


def _same_place(a: PageBlock, b: PageBlock) -> bool:
    """Two blocks in elements of the same names (ids and numbers aside)."""
    return [_DIGITS.sub("", m) for m in a.marks] == [_DIGITS.sub("", m) for m in b.marks]


def _continues_sentence(text: str, previous_end: int, start: int) -> bool:
    """A line that carries on the sentence of the line above: that line ends
    without closing punctuation and this one starts in lowercase (text wrapped
    by hand, or a Markdown paragraph's soft line break)."""
    return text[previous_end - 1] not in ".!?:;\"'”’)]|" and text[start].islower()


def _line_kind(line: str) -> tuple[str, int] | None:
    """(message, length of the furniture) for a line that is page furniture."""
    if furniture.page_links(line):
        return _MESSAGES["pages"], len(line)
    label = furniture.label_line(line)
    if label:
        family, length = label
        return (
            f"'{line[:length].strip()}' is {family} from a web page, not part of the story",
            length,
        )
    if furniture.menu_labels(line):
        return _MESSAGES["menu"], len(line)
    return None


_MESSAGES = {
    "menu": "This line is a navigation menu from a web page, not part of the story",
    "pages": "These are page-number links from a web page, not part of the story",
    "css": "CSS class names from a web page's markup leaked into the text",
    "repeat": "This block repeats words from the story: a pull quote or teaser from the page",
    "card": (
        "This is a name's link card from a web page (the full name, headlines of other "
        "stories and 'MORE'), not part of the story"
    ),
}


def _classified_blocks(doc: Document, flagged: list[Span], meta: RuleMeta) -> Iterator[Diagnostic]:
    """HTML blocks that are furniture by their markup: blocks jusText rejects whose
    elements are named for furniture; captions, author boxes and tag lists, which
    the element's name alone shows; and, inside the article body (first to last
    block jusText keeps), headline-sized links. Findings around the article are
    grouped into one per side by the caller."""
    if (
        not _repeated_labels(doc)
        and not _header_labels(doc)
        and not any(
            _block_family(doc, b) or _linked(b) or _teaser(doc, b) or _by_link_target(doc, b)
            for b in doc.page_blocks
        )
    ):
        return  # nothing for the classifier to confirm: jusText (and lxml) stay unloaded
    from newslint.analysis.boilerplate import classify

    verdicts = classify(doc)
    # The body runs from the first to the last block that reads like prose before
    # jusText weighs the neighbours: its final verdicts can reject a whole article
    # of short paragraphs.
    prose = [i for i, v in enumerate(verdicts) if v.context_free in ("good", "neargood")]
    if not prose:
        return
    first, last = prose[0], prose[-1]
    header = _header_zone(doc, verdicts)
    links = [
        v.boilerplate and (_link_item(doc, v.block) or _story_link_item(doc, v.block))
        for v in verdicts
    ]
    families = [_block_family(doc, v.block) for v in verdicts]
    gallery = _captions_carry_the_page(doc, verdicts, families)
    repeated = _repeated_labels(doc)
    kickers = _kicker_zone(doc, verdicts)

    def inside_body(index: int) -> bool:
        return first <= index <= last

    candidates = []
    for index, verdict in enumerate(verdicts):
        family = families[index]
        teaser_card = inside_body(index) and links[index] and not gallery
        if family == _CAPTION and teaser_card and _headline_link(doc, verdict.block):
            # A picture and a headline, both linked to another page: a teaser card
            # for another story, not a caption of this one's picture.
            family = "a link to another story"
        if family == _CAPTION:
            # A caption is editors' text about the story's own picture: part of the
            # article in a CMS export as on a saved page, never a leftover. (Its
            # family still tells a gallery, and keeps the page-is-furniture gate off.)
            continue
        if family is None and index in header and verdict.block.link_chars:
            # The byline or date line's link to the comments ("April 3 by Kay 24 Comments").
            candidates += [(span, "a comment count") for span in _comment_counts(doc, verdict)]
        # The byline finder can take an author box's sentence for a byline.
        if verdict.span == doc.headline or (verdict.span == doc.byline and family != "author box"):
            continue
        inside = first <= index <= last
        if family not in furniture.STANDALONE_FAMILIES:
            # jusText's neighbours can carry a short box inside the story over into
            # prose; its first, context-free verdict still finds it too short.
            family = family if verdict.boilerplate or _short_box(doc, verdict) else None
        if family is None and inside and links[index]:
            neighbours = any(links[index - 1 : index + 2 : 2])
            # In a gallery the linked headings are its slides' titles; a lone linked
            # list item or section heading over prose is the story's own.
            alone = not gallery and not _own_item(verdicts, index)
            if neighbours or (alone and _headline_link(doc, verdict.block)):
                family = (
                    "a list of links to other stories" if neighbours else "a link to another story"
                )
        if family is None and inside and verdict.boilerplate and _teaser(doc, verdict.block):
            family = "a link to another story"
        own_heading = verdict.block.link_chars and _own_item(verdicts, index)
        if family is None and not own_heading and _embed_title(doc, verdicts, index):
            family = "the title of an embedded player"
        if family is None and index in repeated and _short(verdict):
            family = "a label the page repeats"
        if family is None and index in kickers and _kicker(doc, verdict):
            family = "the section label over the headline"
        if family is None and index in header and _counter(doc.span_text(verdict.span)):
            family = "a counter (views, likes or shares)"
        around = not inside or index in header
        if family is None and not _bylined(verdict.block):
            family = _by_target(doc, verdict, around or index == last, links, index)
            if family in _STORY_LINKS and _own_item(verdicts, index):
                family = None
        lone = inside and verdict.block.tag not in _LIST_OR_HEADING
        if (
            family is None
            and (around or lone)
            and verdict.boilerplate
            and _page_link(doc, verdict)
            and not _writer(doc, verdict)
        ):
            family = "a link or label around the article" if around else "a button or link"
        if family == "comments" and _sentence_like(doc.span_text(verdict.span)):
            continue  # a reader's comment, not the comment system's furniture
        if family and not any(verdict.span.overlaps(f) for f in flagged):
            candidates.append((verdict.span, family))

    taken = _pack_matches(doc, [span for span, _ in candidates])
    for span, family in candidates:
        if any(span.overlaps(t) for t in taken):
            continue
        yield Diagnostic(
            meta.id,
            f"This block is page furniture ({family}), not part of the story",
            span.start,
            span.end,
            meta.severity,
        )


_CAPTION = "image caption or credit"
_LABEL_WORDS = 4  # "Image", "Read Later", "Continue reading below": a label, not a heading
_LABEL_REPEATS = 3  # a template prints its label once per slot; a story rarely thrice


def _repeated_labels(doc: Document) -> frozenset[int]:
    """Indices of blocks whose whole text is a short label that stands as a block
    of its own three times or more on the page: the template's words for a picture
    slot, an ad slot, a reply button or a save button ("Image", "Read Later"). A
    story says a thing once; a heading or a list item that repeats is a sentence
    or a cell, which are left out, as are dates and the writer's name."""
    return doc.analysis("web.repeated-labels", _find_repeated_labels)


def _find_repeated_labels(doc: Document) -> frozenset[int]:
    blocks = doc.page_blocks
    title = " ".join(doc.span_text(doc.headline).split()).lower() if doc.headline else ""
    keys: list[str | None] = []
    for index, block in enumerate(blocks):
        text = " ".join(doc.span_text(block.span).split())
        label = (
            0 < len(text.split()) <= _LABEL_WORDS
            and text[-1:] not in '.!?:;,"”’)'
            and sum(c.isalpha() for c in text) >= 3  # not a unit ("g") or an initial
            and not any(c in text for c in ":/@")  # a field or an address: a credit, a link
            and block.tag not in _CELLS_AND_ITEMS
            and not _bylined(block)
            and not _DATE_LIKE.search(text)
            and text.lower() not in title  # the story's own title, printed again
            and not _heads_its_box(doc, index)
        )
        keys.append(text.lower() if label else None)
    counts = Counter(key for key in keys if key)
    return frozenset(i for i, key in enumerate(keys) if key and counts[key] >= _LABEL_REPEATS)


def _heads_its_box(doc: Document, index: int) -> bool:
    """A label followed by a sentence in the same element ("Summary" over each
    section's summary box): a heading of the story's own text."""
    blocks = doc.page_blocks
    if index + 1 >= len(blocks):
        return False
    after = blocks[index + 1]
    return after.marks == blocks[index].marks and _sentence_like(doc.span_text(after.span))


# What a block is when links to furniture targets make up its text.
_TARGET_FAMILIES = {
    targets.SHARE: "share buttons",
    targets.SOCIAL: "links to social-media accounts",
    targets.SIGNUP: "a sign-up or subscription link",
    targets.TAG: "links to tag or section pages",
    targets.PAGE: "buttons for the page's own tools",
}
# Targets a story's own sentence never links to. A social account is left out: "she
# announced it on Instagram" links to one.
_CALL_KINDS = frozenset((targets.SIGNUP, targets.SHARE))
_CALL_WORDS = 40  # a call to action is a line or two
_CALL_TAIL = 8  # words after its link: "Sign up here." ends the block


def _by_target(
    doc: Document, verdict: Verdict, edge: bool, links: list[bool], index: int
) -> str | None:
    """The furniture family a block's link targets show, with jusText's verdict or
    the block's place as the second opinion:

    - links to share intents, social accounts, sign-up, tag or section pages, or
      the page's own tools make up two fifths of it (a share bar, "Tags: Floods",
      "Follow us on Twitter") and jusText finds no prose in it;
    - at the story's edge (around the article, or its last prose block), a short
      block jusText rejects that ends in a link to a sign-up page or a share
      intent: "Was this email forwarded to you? Sign up here.";
    - at the story's edge, a block that is a link to another story of the site
      (with at most a short head): a related link or list, however it is worded."""
    block = verdict.block
    family = _target_family(doc, block)
    if family and verdict.boilerplate and not _DATE_LIKE.search(doc.span_text(block.span)):
        return family  # a dated line is the byline's (a source linked to its account)
    if verdict.span in call_blocks(doc):
        return "a call to action"
    if edge and links[index] and _story_link_item(doc, block):
        neighbours = any(links[max(0, index - 1) : index + 2 : 2])
        return "a list of links to other stories" if neighbours else "a link to another story"
    return None


def call_blocks(doc: Document) -> frozenset[Span]:
    """HTML blocks that are the page's calls to action by their link's target: at
    the story's edge (around the article, or its last prose block), a short block
    jusText rejects that ends in a link to a sign-up page or a share intent."""
    return doc.analysis("web.calls", _call_blocks)


def _call_blocks(doc: Document) -> frozenset[Span]:
    if not any(b.link_chars and _ends_in_call(doc, b) for b in doc.page_blocks):
        return frozenset()  # the usual case: jusText stays unloaded
    from newslint.analysis.boilerplate import classify

    verdicts = classify(doc)
    prose = [i for i, v in enumerate(verdicts) if v.context_free in ("good", "neargood")]
    if not prose:
        return frozenset()
    first, last = prose[0], prose[-1]
    header = _header_zone(doc, verdicts)
    return frozenset(
        v.span
        for i, v in enumerate(verdicts)
        if (not first <= i < last or i in header)
        and v.boilerplate
        and not _bylined(v.block)
        and _ends_in_call(doc, v.block)
    )


def _by_link_target(doc: Document, block: PageBlock) -> bool:
    """Any of the link-target signs of :func:`_by_target` (before jusText runs)."""
    if not block.link_chars:
        return False
    return bool(
        _target_family(doc, block) or _ends_in_call(doc, block) or _story_link_item(doc, block)
    )


def _target_family(doc: Document, block: PageBlock) -> str | None:
    """The family named by the targets of the links that make up at least two
    fifths of a block's text (a contents list's links to its own headings aside)."""
    if not block.link_chars:
        return None
    chars: Counter[str] = Counter()
    for link in doc.links_in(block.span):
        if link.kind not in _TARGET_FAMILIES:
            continue
        if link.kind == targets.SOCIAL and _names_account(doc, link):
            continue  # an account named in a credit ("IG: @jane"), not a follow button
        if link.kind == targets.PAGE and len(link.href) > 1 and block.tag in _CELLS_AND_ITEMS:
            continue  # "#building-the-sources": an entry of the story's contents list
        chars[link.kind] += min(link.span.end, block.span.end) - max(
            link.span.start, block.span.start
        )
    total = sum(chars.values())
    if total * 5 < (block.span.end - block.span.start) * 2:
        return None
    return _TARGET_FAMILIES[chars.most_common(1)[0][0]]


def _names_account(doc: Document, link: PageLink) -> bool:
    """A link whose text is the account it goes to ("@jane", "jane" after an "@"):
    the page names someone's account, as a credit or a source does."""
    text = doc.span_text(link.span).strip()
    before = doc.text[max(0, link.span.start - 1) : link.span.start]
    account = link.href.rstrip("/").rsplit("/", 1)[-1].lower()
    return text.startswith("@") or before == "@" or text.lower() == account


def _ends_in_call(doc: Document, block: PageBlock) -> bool:
    """A line or two ending in a link to a sign-up page or a share intent: the link
    is what the block asks the reader to follow."""
    if len(doc.span_text(block.span).split()) > _CALL_WORDS:
        return False
    calls = [link for link in doc.links_in(block.span) if link.kind in _CALL_KINDS]
    return bool(calls) and len(doc.text[calls[-1].span.end : block.span.end].split()) <= _CALL_TAIL


_HEAD_WORDS = 6  # words beside a linked headline: "Read more:", "RELATED STORY"


def _story_link_item(doc: Document, block: PageBlock) -> bool:
    """A link to another article of the site, with at most a short head beside it
    ("Read more: Flood warnings issued for the coast"): its target shows it is a
    story of its own, however the head is worded."""
    stories = [
        link
        for link in doc.links_in(block.span)
        if link.kind == targets.ARTICLE and link.internal and block.span.contains(link.span)
    ]
    linked = sum(len(doc.span_text(link.span).split()) for link in stories)
    words = len(doc.span_text(block.span).split())
    return linked >= 2 and words - linked <= _HEAD_WORDS and linked * 2 >= words


def _captions_carry_the_page(
    doc: Document, verdicts: list[Verdict], families: list[str | None]
) -> bool:
    """More words in captions than in prose outside them: a gallery, not an
    article with pictures."""
    caption = prose = 0
    for verdict, family in zip(verdicts, families, strict=True):
        words = len(doc.span_text(verdict.span).split())
        if family == _CAPTION:
            caption += words
        elif family is None and verdict.context_free in ("good", "neargood"):
            prose += words
    return caption > prose


_CREDIT_MESSAGE = "is a photo credit from a web page, not part of the story"


def _in_caption(doc: Document, offset: int) -> bool:
    """Whether ``offset`` lies in an HTML block the page marks as a caption, or in a
    block standing under a picture (its credit, whatever the element is called)."""
    blocks = doc.page_blocks
    for index, block in enumerate(blocks):
        if block.span.start <= offset < block.span.end:
            return _block_family(doc, block) == _CAPTION or _under_picture(doc, index)
    return False


_PICTURE = regexcache.compile(r"<(?:img|picture|figure)\b", re.IGNORECASE)
_UNDER_PICTURE = 2  # the credit line, and the caption above it


def _under_picture(doc: Document, index: int) -> bool:
    """A picture in the markup right above this block, with at most one short block
    (the caption) between: the block is the picture's caption or credit."""
    blocks = doc.page_blocks
    for back in range(index, max(0, index - _UNDER_PICTURE), -1):
        start = doc.source_offset(blocks[back].span.start)
        previous = doc.source_offset(blocks[back - 1].span.end, end=True) if back else 0
        if _PICTURE.search(doc.source, previous, start):
            return True
        if back < index and _sentence_like(doc.span_text(blocks[back].span)):
            return False  # a paragraph of the story lies between
    return False


def _block_family(doc: Document, block: PageBlock) -> str | None:
    """The furniture family an HTML block's markup names, if any. A caption is its
    element (<figcaption>) or its class; an author box must hold a sentence (a
    byline above the story is no leftover); a tag list must be mostly links."""
    family = _CAPTION if block.tag == "figcaption" else None
    family = family or furniture.marked_family(block.marks)
    if family == "author box" and not _about_someone(doc.span_text(block.span)):
        return None
    if family == "tag list" and block.link_chars * 2 < block.span.end - block.span.start:
        return None
    return family


def _family_of(doc: Document, block: PageBlock | None) -> str | None:
    return None if block is None else _block_family(doc, block)


def _about_someone(text: str) -> bool:
    """An author box holds a sentence about the writer ("Sam Carter covers the
    islands. @samcarter"); a byline ("By Sam Carter") does not."""
    text = text.strip()
    return _sentence_like(text) or (len(text.split()) >= _PROSE_WORDS and ". " in text)


def _linked(block: PageBlock) -> bool:
    """Mostly link text: a button, a tag, a related headline."""
    return block.link_chars * 5 >= (block.span.end - block.span.start) * 4


def _link_item(doc: Document, block: PageBlock) -> bool:
    """A block that is a headline-sized link ("How one firm turns CO2 into soap")."""
    length = block.span.end - block.span.start
    words = len(doc.span_text(block.span).split())
    return block.link_chars * 5 >= length * 4 and words >= 4


_KICKER = 3  # blocks over the headline that may hold its section label


def _header_zone(doc: Document, verdicts: list[Verdict]) -> range:
    """The blocks around the headline, from a few above it to the story's first full
    paragraph: section label, byline, date, share and comment buttons. A cookie banner
    or a site notice above it can read as prose, so the article's first and last prose
    blocks alone do not bound them."""
    heads = [i for i, v in enumerate(verdicts) if v.span == doc.headline or v.block.tag == "h1"]
    if not heads:
        return range(0)
    head = heads[0]
    after = range(head + 1, len(verdicts))
    good = next((i for i in after if verdicts[i].context_free == "good"), None)
    near = next((i for i in after if verdicts[i].context_free == "neargood"), head)
    return range(max(0, head - _KICKER), near if good is None else good)


# A number standing alone by the headline: the page's count of views, likes or shares.
_COUNTER = regexcache.compile(r"\s*(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d)?k?)(?:\s+\d+(?:\.\d)?k?)*\s*")


def _counter(text: str) -> bool:
    """Only a count ("321,046", "36", "2.1k"), of two digits or more: a lone "1" is a
    footnote or an affiliation mark."""
    return bool(_COUNTER.fullmatch(text)) and sum(c.isdigit() for c in text) >= 2


_KICKER_ZONE = 2  # blocks right over the headline: the section label, a series name


def _short(verdict: Verdict) -> bool:
    """Too short or too thin for prose to jusText before it weighs the neighbours
    (its final verdict lets a label between two paragraphs pass as prose)."""
    return verdict.context_free in ("short", "bad")


_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
_STORY_LINKS = frozenset(("a link to another story", "a list of links to other stories"))


def _own_item(verdicts: list[Verdict], index: int) -> bool:
    """An item of the story's own list (beside unlinked sibling items), or a heading whose
    next block is prose: a link in it names what the story is about ("“Thumper”
    ($20)" over its review), not another story."""
    block = verdicts[index].block
    tag = block.tag
    if tag in ("li", "dt", "dd"):
        # An item among sibling items; a list of one is a promo link set as a list.
        siblings = verdicts[max(0, index - 1) : index] + verdicts[index + 1 : index + 2]
        return any(
            v.block.tag == tag and v.block.marks == block.marks and not _linked(v.block)
            for v in siblings
        )
    if tag not in _HEADINGS:
        return False
    after = verdicts[index + 1 : index + 2]
    return bool(after) and after[0].context_free in ("good", "neargood")


def _header_labels(doc: Document) -> bool:
    """Any block that may be a section label over a headline or a lone count
    (checked before jusText is loaded): a few words right over an <h1>, or a number."""
    blocks = doc.page_blocks
    for index, block in enumerate(blocks):
        text = doc.span_text(block.span)
        if _counter(text):
            return True
        over = blocks[index + 1 : index + 1 + _KICKER_ZONE]
        if len(text.split()) <= _LINK_WORDS and any(b.tag == "h1" for b in over):
            return True
    return False


def _short_box(doc: Document, verdict: Verdict) -> bool:
    """A short block that is no date (a post's timestamp sits in its comments
    link) and no question (an interview's question may sit in a styled box)."""
    text = doc.span_text(verdict.span).strip()
    return _short(verdict) and not _DATE_LIKE.search(text) and not text.endswith("?")


def _kicker_zone(doc: Document, verdicts: list[Verdict]) -> range:
    """The blocks right over the headline, where a page prints its section label."""
    heads = [i for i, v in enumerate(verdicts) if v.span == doc.headline or v.block.tag == "h1"]
    return range(max(0, heads[0] - _KICKER_ZONE), heads[0]) if heads else range(0)


def _kicker(doc: Document, verdict: Verdict) -> bool:
    """A few words with no sentence, no date and no name of the writer, standing
    right over the headline, which jusText finds too short for prose: the section
    or series label ("US & Canada", "Opinion", "Biz & IT —"), linked or not."""
    text = " ".join(doc.span_text(verdict.span).split()).strip(" -–—|")
    head = " ".join(doc.span_text(doc.headline).split()) if doc.headline else ""
    return (
        _short(verdict)
        and 0 < len(text.split()) <= _LINK_WORDS
        and any(c.isalpha() for c in text)
        and text[-1:] not in '.!?,;:"”’)'
        and text != head
        and verdict.block.tag not in ("td", "th")
        and verdict.span != doc.byline
        and not _bylined(verdict.block)
        and not _DATE_LIKE.search(text)
        and not _writer(doc, verdict)
    )


_LINK_WORDS = 4  # a section label, a tag, a button: a few words
_DATE_LIKE = regexcache.compile(
    r"\d{4}|\b\d{1,2}[/.-]\d{1,2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]*\.?\s+\d|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)",
    re.IGNORECASE,
)


def _page_link(doc: Document, verdict: Verdict) -> bool:
    """A short link standing as a block of its own before or after the article's prose:
    the section label over the headline, a tag, a share or comments button, a related
    headline. The story's own material there is its byline and its date, which are
    left alone (the writer's name links to their page; a date is no label)."""
    block = verdict.block
    text = doc.span_text(block.span).strip()
    if not text or len(text.split()) > _LINK_WORDS or not _linked(block):
        return False
    if (block.span == doc.byline or _bylined(block)) and not furniture.section_label(text):
        return False  # the writer's name, linked to their page
    return not _DATE_LIKE.search(text)


# Inside the story, a linked list item or heading is the story's own list or section.
_LIST_OR_HEADING = frozenset(("li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"))
_DOMAIN = regexcache.compile(r"(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?")


def _writer(doc: Document, verdict: Verdict) -> bool:
    """A linked name that the page's byline or an author element also gives (the
    writer's name over their bio), or a web address the story links to."""
    text = " ".join(doc.span_text(verdict.span).split())
    if _DOMAIN.fullmatch(text):
        return True
    names = doc.analysis("web.writers", _writers)
    return len(text) > 3 and text in names and not furniture.section_label(text)


def _bylined(block: PageBlock) -> bool:
    return any("byline" in m or "author" in m for m in block.marks)


def _writers(doc: Document) -> str:
    spans = [b.span for b in doc.page_blocks if _bylined(b)]
    spans += [doc.byline] if doc.byline else []
    return "\n".join(" ".join(doc.span_text(s).split()) for s in spans)


_COMMENT_COUNT = regexcache.compile(
    r"\b\d[\d,]*\s+(?:comments?|responses|replies)\b", re.IGNORECASE
)


def _comment_counts(doc: Document, verdict: Verdict) -> list[Span]:
    """A comment count linked from the byline or date line ("April 3 by Kay 24 Comments")."""
    span = verdict.span
    return [
        Span(span.start + m.start(), span.start + m.end())
        for m in _COMMENT_COUNT.finditer(doc.span_text(span))
    ]


_EMBED = regexcache.compile(r"<(?:iframe|video|amp-youtube|amp-iframe|amp-video)\b", re.IGNORECASE)
_EMBED_TITLE_WORDS = 10
_CELLS_AND_ITEMS = frozenset(("li", "dt", "dd", "td", "th"))


def _embed_title(doc: Document, verdicts: list[Verdict], index: int) -> bool:
    """A short line, no sentence, standing right over an embedded player (a video, a
    podcast): the player's title, left behind when the player itself was not copied."""
    block = verdicts[index].block
    text = doc.span_text(block.span).strip()
    if not text or len(text.split()) > _EMBED_TITLE_WORDS or text[-1:] in ".:;,!":
        return False
    if text.endswith("?") and not _title_case(text):
        return False  # a question in the story, not a programme's title
    if block.tag in _CELLS_AND_ITEMS or _DATE_LIKE.search(text):
        return False
    end = doc.source_offset(block.span.end, end=True)
    following = verdicts[index + 1].span.start if index + 1 < len(verdicts) else None
    stop = doc.source_offset(following) if following is not None else len(doc.source)
    return bool(_EMBED.search(doc.source, end, stop))


_TEASER_HEAD = 60  # characters before the colon: "Check out:", "RSVP for our panel on 11/9:"
_TEASER_WORDS = 4  # a linked headline after it, not a handle or a name


def _teaser(doc: Document, block: PageBlock) -> bool:
    """A head, a colon and a linked headline ("Check out: 12 tips on watering"): the
    link text is what follows the colon, and no sentence ends the block."""
    text = doc.span_text(block.span).strip()
    colon = text.find(": ")
    if not 0 < colon <= _TEASER_HEAD or text[-1:] in ".!?" or len(text.split()) > 30:
        return False
    words = text[colon + 2 :].split()
    tail = len("".join(words))  # link characters leave spaces out
    return len(words) >= _TEASER_WORDS and abs(block.link_chars - tail) * 5 <= tail


def _title_case(text: str) -> bool:
    """Most words capitalised, as in a title ("Do Parties Or Voters Choose ...")."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) * 4 >= len(words) * 3


def _headline_link(doc: Document, block: PageBlock) -> bool:
    """A lone link standing as a paragraph with a headline's shape: a few words, no
    sentence end. A sentence that happens to be linked ends with a full stop."""
    text = doc.span_text(block.span).strip()
    return 4 <= len(text.split()) <= 20 and text[-1:] not in ".:;,"


def _pack_matches(
    doc: Document, spans: list[Span], selected: frozenset[str] = _PACK_RULES
) -> list[Span]:
    """Spans that filler.web-leftover reports (one finding per leftover). The
    gate passes the run's selection, so it shares the pack provider's compiled
    matcher instead of compiling one of its own on every cold start."""
    from newslint.packs import shipped_rule_spans

    return shipped_rule_spans(doc, spans, _PACK_RULES, selected)


# -- the furniture gate ---------------------------------------------------------------


def furniture_gate(doc: Document, selected: frozenset[str]) -> Diagnostic | None:
    """The one finding for a page that is nothing but furniture (the engine then
    runs no other rule on it), else None. A page has article text when a block
    holds a sentence of six words or more that is neither furniture by its wording
    nor, in HTML, mostly link text or inside an element named for furniture."""
    if RULE not in selected or not doc.paragraphs:
        return None
    blocks = {b.span: b for b in doc.page_blocks}
    # A generator: the first prose block decides, the rest are never read.
    candidates = (
        p
        for p in doc.paragraphs
        if _sentence_like(doc.span_text(p)) and not (p in blocks and _marked(blocks[p]))
    )
    if any(_mostly_prose(doc, c, selected) for c in candidates):
        return None  # article text: the usual case, decided on the first block
    furniture_blocks = sum(_is_furniture(doc, p, blocks.get(p), selected) for p in doc.paragraphs)
    if furniture_blocks * 2 < len(doc.paragraphs):
        return None  # no sentences, but no furniture either (a table, a list of figures)
    first = doc.paragraphs[0]
    end = doc.text.find("\n", first.start, first.end)
    return Diagnostic(
        RULE,
        f"No article text found: {furniture_blocks} of the {len(doc.paragraphs)} blocks here "
        "are page furniture (menus, buttons, labels); no other rule was run on it",
        first.start,
        first.end if end < 0 else end,
        Severity.WARNING,
    )


def _mostly_prose(doc: Document, para: Span, selected: frozenset[str]) -> bool:
    """A block with a sentence of its own that no web-leftover phrase touches:
    "She said ... Click here to subscribe." is a story with a leftover in it,
    "We use cookies to ... Accept all cookies" is a banner."""
    hits = _pack_matches(doc, [para], selected)
    if not hits:
        return True  # the usual case: no sentence split needed
    for sentence in doc.sentences:
        if sentence.end <= para.start:
            continue
        if sentence.start >= para.end:
            break
        if _sentence_like(doc.span_text(sentence)) and not any(h.overlaps(sentence) for h in hits):
            return True
    return False


def _is_furniture(
    doc: Document, para: Span, block: PageBlock | None, selected: frozenset[str]
) -> bool:
    if any(_line_kind(doc.text[s:e]) for s, e in furniture.lines(doc.text, para.start, para.end)):
        return True
    if furniture.css_class_runs(doc.text, para.start, para.end):
        return True
    if _pack_matches(doc, [para], selected):
        return True
    return block is not None and _marked(block)


def _marked(block: PageBlock) -> bool:
    """An HTML block that is mostly link text or sits in an element named for furniture."""
    length = block.span.end - block.span.start
    family = furniture.marked_family(block.marks)
    # A caption is editors' text: a gallery of captioned pictures is not a page of furniture.
    return block.link_chars * 2 > length or family not in (None, _CAPTION)


def _sentence_like(text: str) -> bool:
    text = text.strip()
    if len(text.split()) < _PROSE_WORDS or furniture.menu_labels(text):
        return False
    return text[-1:] in '.!?"”’)' or len(text.split()) >= 2 * _PROSE_WORDS
