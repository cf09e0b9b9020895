"""Page furniture recognised by its shape, in any input format.

A web page pasted into a text file keeps its menus, page links and CSS class
names. None of them is a sentence: a menu is a run of short capitalised
labels with no verb, page links are numbers and arrows, class names are
lowercase tokens joined by hyphens in a framework's pattern. This module
judges single lines that way, and HTML blocks by the class words of the
elements around them (``class="share-bar"``, ``id="related-stories"``).

Everything here is plain ``re``: the engine's furniture gate imports it for
every document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words that name a site's sections or buttons: the evidence that a run of
# capitalised labels is a menu and not a title-case headline ("Bank Raises Rates").
_SECTION_WORDS = frozenset(
    str.split(
        """
    home news sport sports business weather politics world uk us opinion opinions
    entertainment tech technology science health lifestyle travel video videos culture
    arts contact about login subscribe search menu local education money life style
    food music movies film films tv books games shop podcasts podcast newsletters jobs
    obituaries traffic events photos gallery galleries blog blogs careers privacy terms
    advertise help faq faqs archive archives magazine features reviews investigations
    climate environment economy markets finance property motoring cars autos fashion
    beauty celebrity royals football cricket rugby tennis golf f1 racing horoscopes
    puzzles crosswords quizzes weddings deals offers shopping recipes comment comments
    latest trending popular topics sections edition editions regions national
    international africa asia europe americas australia canada india china africa
    facebook twitter instagram youtube linkedin whatsapp tiktok pinterest reddit email
    rss print share tweet more live watch listen audio radio investing personal
    wellness relationships parenting family home-garden garden homes real estate
    science-environment sitemap cookies accessibility account register sign log
    """
    )
)
_CONNECTORS = frozenset(("&", "and", "of", "the", "in", "for", "to", "a", "at", "on"))
_SEPARATOR = re.compile(r"\s+[|•·›»/]\s+|\s*[|•·]\s*")
_WORD = re.compile(r"[\w&'’-]+")
_NOT_A_MENU = re.compile(r"[.!?;,:\"“”]\s*$|[\"“”]|\d{3,}")

_PAGE_TOKEN = re.compile(
    r"(?:[«»‹›←→<>]+|\.\.\.|…|previous|prev|next|older|newer|first|last|page|\d{1,4})",
    re.IGNORECASE,
)
_PAGE_MOVE = re.compile(r"prev|next|older|newer|[«»‹›←→]", re.IGNORECASE)

# CSS class names in prose: only forms English does not make.
_CSS_CLASS = re.compile(
    r"(?<![\w/.@#:-])(?:"
    r"(?:col|offset|order)-(?:(?:xs|sm|md|lg|xl|xxl)-)?\d{1,2}"  # col-md-6, col-6
    r"|[a-z]{1,12}-(?:xs|sm|md|lg|xl|xxl)-[a-z0-9]{1,12}(?:-[a-z0-9]{1,12})?"  # d-md-none
    r"|(?:hidden|visible)-(?:xs|sm|md|lg|xl)(?:-[a-z]{1,8})?"
    r"|(?:wp|js|fa|btn|elementor|glyphicon|mdc|jp|vc)-[a-z0-9]{1,20}(?:[-_][a-z0-9]{1,20}){0,5}"
    r"|[a-z][a-z0-9]{0,20}(?:-[a-z0-9]{1,20}){0,4}__[a-z0-9]{1,20}(?:[-_]{1,2}[a-z0-9]{1,20}){0,4}"
    r"|sr-only(?:-focusable)?|visually-hidden|screen-reader-(?:text|only)|clearfix"
    r"|container-fluid|row-fluid|img-(?:responsive|fluid|thumbnail)|text-(?:center|left|right|muted)"
    r"|pull-(?:left|right)|float-(?:left|right|none)|d-(?:none|flex|block|inline-block)|no-js"
    r")(?![\w/@-])(?!\.\w)"
)

# Class/id words of an element around a block, and what they show it holds.
_MARK_FAMILIES = {
    **dict.fromkeys(
        ("related", "recommended", "recirc", "recirculation", "outbrain"), "related links"
    ),
    **dict.fromkeys(("taboola", "trending", "popular", "mostread"), "related links"),
    **dict.fromkeys(
        ("newsletter", "newsletters", "subscribe", "subscription", "signup"), "newsletter"
    ),
    **dict.fromkeys(("paywall", "buybox", "regwall", "meter"), "subscription pitch"),
    **dict.fromkeys(
        ("share", "sharing", "sharebar", "social", "addthis", "sharethis"), "share buttons"
    ),
    **dict.fromkeys(
        ("ad", "ads", "advert", "advertisement", "sponsor", "sponsored"), "advertising"
    ),
    **dict.fromkeys(("promo", "promoted", "dfp", "adslot", "adunit"), "advertising"),
    **dict.fromkeys(("comment", "comments", "disqus", "replies"), "comments"),
    **dict.fromkeys(("login", "signin", "register", "account"), "login panel"),
    **dict.fromkeys(("pagination", "pager", "paging", "pagenav"), "pagination"),
    **dict.fromkeys(("breadcrumb", "breadcrumbs", "navbar", "menu", "nav"), "navigation"),
    **dict.fromkeys(("cookie", "cookies", "consent", "gdpr"), "cookie notice"),
}
# WordPress names a post's wrapper by its topics ("category-popular tag-sport"):
# those classes say what the story is about, not what the element is.
_TOPIC_CLASS = re.compile(r"(?:category|tag|post|format|status|topic|section)-")
_SCREEN_READER = frozenset(
    ("sr-only", "screen-reader-text", "visually-hidden", "screen-reader-only")
)
_CLASS_WORD = re.compile(r"[-_]+")


def menu_labels(line: str) -> bool:
    """A menu flattened into one line: "Home News Sport Business Weather",
    "UK | World | Cost of Living | Climate". Short capitalised labels, no
    sentence punctuation, and enough of them name sections or buttons."""
    line = line.strip()
    if not 3 <= len(line) <= 240 or _NOT_A_MENU.search(line):
        return False
    labels = [label for label in _SEPARATOR.split(line) if label.strip()]
    separated = len(labels) >= 3
    words = _WORD.findall(line)
    if len(words) < (3 if separated else 4):
        return False
    if separated and any(len(label.split()) > 4 for label in labels):
        return False
    connectors = sum(w.lower() in _CONNECTORS for w in words)
    if connectors * 4 > len(words):
        return False
    if any(not (w[0].isupper() or w[0].isdigit()) for w in words if w.lower() not in _CONNECTORS):
        return False
    known = sum(w.lower() in _SECTION_WORDS for w in words)
    return known * 2 >= len(words) or (separated and known * 4 >= len(words))


def page_links(line: str) -> bool:
    """Page-number navigation: "‹ Prev 1 2 3 … 9 Next ›"."""
    tokens = line.split()
    if len(tokens) < 3 or len(tokens) > 30:
        return False
    if not all(_PAGE_TOKEN.fullmatch(t) for t in tokens):
        return False
    return bool(_PAGE_MOVE.search(line)) and sum(t.isdigit() for t in tokens) >= 2


def css_class_runs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Runs of CSS class names in ``text[start:end]`` ("col-md-6 col-sm-12" is one run)."""
    runs: list[tuple[int, int]] = []
    for m in _CSS_CLASS.finditer(text, start, len(text) if end is None else end):
        if runs and not text[runs[-1][1] : m.start()].strip():
            runs[-1] = (runs[-1][0], m.end())
        else:
            runs.append((m.start(), m.end()))
    return runs


def marked_family(marks: Iterable[str]) -> str | None:
    """What the class/id words of the elements around a block say it is."""
    for mark in reversed(tuple(marks)):  # the innermost element speaks first
        for name in mark.split():
            if _TOPIC_CLASS.match(name):
                continue
            if name in _SCREEN_READER:
                return "screen-reader text"
            for word in _CLASS_WORD.split(name):
                family = _MARK_FAMILIES.get(word)
                if family:
                    return family
    return None


def lines(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """(start, end) of each non-blank line of ``text[start:end]``, stripped."""
    at = start
    while at < end:
        stop = text.find("\n", at, end)
        stop = end if stop < 0 else stop
        segment = text[at:stop]
        if segment.strip():
            lead = len(segment) - len(segment.lstrip())
            yield at + lead, at + len(segment.rstrip())
        at = stop + 1
