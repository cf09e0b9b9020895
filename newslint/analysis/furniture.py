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
from itertools import pairwise

from newslint import regexcache

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
_SEPARATOR = regexcache.compile(r"\s+[|•·›»/]\s+|\s*[|•·]\s*")
_WORD = regexcache.compile(r"[\w&'’-]+")
_NOT_A_MENU = regexcache.compile(r"[.!?;,:\"“”]\s*$|[\"“”]|\d{3,}")

_PAGE_TOKEN = regexcache.compile(
    r"(?:[«»‹›←→<>]+|\.\.\.|…|previous|prev|next|older|newer|first|last|page|\d{1,4})",
    re.IGNORECASE,
)
_PAGE_MOVE = regexcache.compile(r"prev|next|older|newer|[«»‹›←→]", re.IGNORECASE)

# CSS class names in prose: only forms English does not make.
_CSS_CLASS = regexcache.compile(
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
    # Not "paywall": sites wrap the gated article itself in it.
    **dict.fromkeys(("buybox", "regwall", "subscribe-box", "piano-offer"), "subscription pitch"),
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
    # Furniture around the story's own material: what the page says about a photo or
    # the writer, and its topic links. They read as sentences, so the element's name is
    # the evidence (see STANDALONE_FAMILIES).
    **dict.fromkeys(
        ("caption", "captions", "figcaption", "imagecaption", "photocaption", "credit", "credits"),
        "image caption or credit",
    ),
    **dict.fromkeys(
        ("bio", "bios", "authorbio", "authorinfo", "abouttheauthor", "aboutauthor"), "author box"
    ),
    **dict.fromkeys(("tags", "taglist", "tagcloud", "topics", "keywords"), "tag list"),
    # A "call to action" box: the site asking the reader for something (sign up, donate,
    # buy the book, share a photo). It reads as sentences, so its name is the evidence.
    **dict.fromkeys(("cta", "calltoaction"), "call to action"),
    # A quote the layout pulls out of the story and prints again, large: the words
    # are the story's, the box is the page's. It reads as a sentence, so its name is
    # the evidence.
    **dict.fromkeys(("pullquote", "pullout", "pullquotes"), "pull quote"),
}
# With "author" in one class name, these words make it an author box, not a byline.
_AUTHOR_BOX_WORDS = frozenset(("description", "about", "profile", "box", "card", "details"))
# Families whose element name alone marks a block as furniture, even where jusText
# keeps its text as prose: a caption or an author's bio is well-formed English.
STANDALONE_FAMILIES = frozenset(
    ("image caption or credit", "author box", "tag list", "call to action", "pull quote")
)
# "tag-list" starts like a WordPress topic class ("tag-sport") but names the element.
# So do "post-tags" and "entry-tags" (WordPress's "post-" prefix).
_TAG_LIST_CLASS = regexcache.compile(
    r"tag-(?:list|cloud|links|box|container|wrap)\b|[\w-]*[-_](?:tags|topics|keywords)$"
)
# WordPress names a post's wrapper by its topics ("category-popular tag-sport"):
# those classes say what the story is about, not what the element is.
_TOPIC_CLASS = regexcache.compile(r"(?:category|tag|post|format|status|topic|section)-")
# The element holding the article's text ("entry-content", "post-content", "article-body").
_CONTENT_CLASS = regexcache.compile(r"(?:post|entry|article|story)[-_]+(?:content|body|text)")
_SCREEN_READER = frozenset(
    ("sr-only", "screen-reader-text", "visually-hidden", "screen-reader-only")
)
_CLASS_WORD = regexcache.compile(r"[-_]+")
# Typography utilities name a look, not a role ("type-caption", "text-caption"), and
# a "has-" modifier says what an element holds ("has-social-tools" wraps a byline).
_TYPE_STYLE = regexcache.compile(r"(?:type|text|font|typo|typography|has|with|no)-")


def _labels(family: str, text: str) -> dict[str, str]:
    return dict.fromkeys((label.strip() for label in text.split(";") if label.strip()), family)


# Interface labels, each a whole line on the page: the line is looked up after its
# decoration, case and counts are normalised away ("- ADVERTISEMENT -" -> "advertisement",
# "Comments (12)" -> "comments #"). A set lookup costs nothing at start-up, unlike the
# alternation the filler pack used to compile for the same lines.
_LABELS = {
    **_labels(
        "an ad marker",
        "advertisement; advertisements; advertising; advert; ad; ads; sponsored; sponsored content;"
        "sponsored post; sponsored story; sponsored stories; sponsored links; sponsored link;"
        "paid content; paid post; paid partnership; promoted; promoted content; promoted stories;"
        "promoted links; partner content; advertisement feature",
    ),
    **_labels(
        "a page link",
        "previous; prev; next; older; newer; previous page; next page; prev page; older posts;"
        "newer posts; older entries; newer entries; previous post; next post; previous article;"
        "next article; previous story; next story; next slide; previous slide; next photo;"
        "previous photo; page # of #; # of # pages; load more; show more; see more;"
        "# / #; #/#",  # a slideshow's counter ("3 / 5")
    ),
    **_labels(
        "a comment-system notice",
        "comment; comments; # comment; # comments; comments #; # replies; # reply; # responses;"
        "show comments; hide comments; load more comments; view all comments;"
        "view all # comments; read comments; see comments; add a comment; add comment;"
        "add your comment; post comment; reply; cancel reply; report; report abuse;"
        "report comment; report this comment; sort by; sorted by; newest first; oldest first;"
        "newest; oldest; most liked; join the conversation; join the discussion; join the debate",
    ),
    **_labels(
        "a login-panel label",
        "log in; login; sign in; signin; sign up; signup; register; log out; logout; sign out;"
        "my account; create an account; create account; create a free account;"
        "create your account; forgot your password?; forgot password?; forgot your password;"
        "forgot password; forgot your username?; remember me; keep me signed in;"
        "keep me logged in; username; user name; password; email address; e-mail address;"
        "not a member?; don't have an account?; already have an account?;"
        "already registered?; new user?; reset password; reset your password; subscribe",
    ),
    **_labels(
        "a share or page-tool button",
        "share; share this; tweet; pin; pin it; print; save; email; e-mail; copy link; link copied;"
        "facebook; twitter; whatsapp; linkedin; reddit; pinterest; flipboard; telegram;"
        "messenger; print this article; print this story; print article;"
        "print recipe; save article; save this article; save this story; gift this article;"
        "gift article; listen to this article; listen to this story; listen to article;"
        "click to enlarge; enlarge image; enlarge this image; expand image; social share;"
        "tap to unmute; tap to expand; tap to enlarge; back to top;"
        "scroll to top; report an error; report a correction; report a typo; report a mistake;"
        "report a correction or typo; suggest a correction; feedback to editors;"
        "feedback to the editors; explore further",
    ),
    **_labels(
        "a teaser label",
        "related; related articles; related stories; related coverage; related content;"
        "related posts; related reading; related topics; related links; related videos;"
        "related searches; recommended; recommended stories; recommended articles;"
        "recommended reading; most read; most popular; most viewed;"
        "most shared; most commented; most read this week; most popular this week;"
        "most popular today; most read today; trending; trending now; trending stories;"
        "also read; read also; read more; read next; see also; keep reading; continue reading;"
        "more on this story; more on this topic; more stories; more news; more videos;"
        "more photos; top stories; top news; top headlines; latest news; latest stories;"
        "latest headlines; latest articles; latest posts; latest videos; editor's pick;"
        "editor's picks; editors' picks; popular now; popular stories; popular today;"
        "from around the web; around the web; in other news; don't miss; must read;"
        "watch next; up next; what to read next; you may like; you might like;"
        "recent posts; recent articles; recent stories; tags; tagged; tagged with; tagged in;"
        "related story; related article; related link; related video; more; read; more coverage;"
        "filed under; categories",
    ),
    # The label an embedded player or gallery puts over its title ("Video: Storm hits
    # the coast (Harbour TV)"); the media itself did not survive the copy.
    **_labels(
        "a media embed label",
        "video; videos; watch; gallery; photo gallery; photos; photo; slideshow; audio; listen;"
        "podcast; play video; watch video; watch now; watch live; view gallery",
    ),
}
# Labels that may also head a line ("Read more: Flood warnings", "Tags: Sixers, NBA").
_HEAD_FAMILIES = frozenset(
    ("a teaser label", "an ad marker", "a comment-system notice", "a media embed label")
)
_HEAD_PAGE_LINKS = frozenset(
    (
        "next article",
        "previous article",
        "next story",
        "previous story",
        "next post",
        "previous post",
        "prev",
    )
)
_DECORATION = " \t-–—_*•·=~|[](){}<>«»‹›→←:.!↑^\"'“”"
_COUNT = regexcache.compile(r"\(?\d[\d,.]*k?\)?")
_HEAD = regexcache.compile(r"\s*(?::|»|›|→|…|\.\.\.|\|)\s*|\s+[-–—]\s+")
# Teaser heads that also run straight into the headline they introduce, with no
# separator ("Read more Floods close the coast road"); the next word is capitalised.
_RUN_IN_HEADS = frozenset(("read more", "also read", "read also", "see also", "more from"))
_PARTS = regexcache.compile(r"\s+(?:\||/|•|·|or)\s+|\s*[|•·]\s*")
# A picture's file name left as a line ("harbour-dawn_1160x768.jpg"): its alt text or title.
_IMAGE_FILE = regexcache.compile(
    r"[\w%()+-]+(?:\.[\w%()+-]+)*\.(?:jpe?g|png|gif|webp|avif|svg|tiff?|bmp)", re.I
)
# A writer's or a site's account name standing as a line ("@janedoe"): a follow link.
_HANDLE = regexcache.compile(r"@[A-Za-z0-9_]{2,30}")
_SPONSOR = regexcache.compile(r"(?:sponsored|paid for|presented|brought to you) by\b")


# A relative time stands alone only on a page, where it was true when the reader
# loaded it ("2 months ago", "Updated 5 mins ago"); in copy it means nothing.
_RELATIVE_TIME = regexcache.compile(
    r"(?:(?:updated|posted|published|edited|modified|last updated|answered|asked)\s+)?"
    r"(?:about\s+|over\s+|almost\s+)?(?:(?:\d{1,3}|an?|one)\s*"
    r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|y|yrs?|years?)"
    r"(?:,?\s+|\s+and\s+)?){1,3}ago",
    re.IGNORECASE,
)
# A photo credit standing as a line: "Photo: Jane Doe/Reuters", "Photograph by Jane
# Doe", "Image credit: NASA", "Credit...Jane Doe/AP", "(Getty Images)". Short, and no
# verb after the label.
_CREDIT = regexcache.compile(
    r"\(?(?:(?:photo|photograph|image|picture|illustration|graphic)s?"
    r"(?:\s+credits?)?(?:\s*:|\s+by\b|\s+courtesy\b)|credits?\s*(?::|\.{2,}|…)|courtesy(?:\s+of)?\b)"
    r"\s*(?:the\s+)?(?-i:[A-Z@])[^.!?]{1,80}\)?"
    r"|\(?[\w.'’ /-]{0,40}(?:getty images|shutterstock|istock(?:photo)?|ap photo)"
    r"(?:\s*/\s*[\w.'’ -]{1,40})?\)?",
    re.IGNORECASE,
)


# A contact line for the newsroom or the writer ("To reach the reporter, contact
# jo@paper.org", "Contact the author: Jo Bloggs", "Need help? Contact the desk at
# ..."): an address or number the page printed for its readers, not the story.
_CONTACT_HEAD = regexcache.compile(
    r"(?:(?:need\s+help|got\s+a\s+(?:news\s+)?tip|questions)\??\s+)?(?:to\s+|please\s+)?"
    r"(?:contact|reach|e-?mail|write\s+to|send\s+\w+\s+to)"
    r"(?=\s+(?:us|me|him|her|them|the|our|a|an|(?-i:[A-Z])|[\w.%+-]+@))",
    re.IGNORECASE,
)
_CONTACT_ROLE = regexcache.compile(
    r"contact\s+(?:the\s+)?(?:authors?|reporters?|writers?|editors?|newsroom|desk)\s*:",
    re.IGNORECASE,
)
_ADDRESS = regexcache.compile(
    r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"
)
# A page's date field left as a line: "Release Date: Thursday, 28 April 2022 - 3:55pm",
# "Last updated: 14/08/2020". The label names a field, the value is only a date.
_DATE_LABEL = (
    r"release\s+date|date|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?"
    r"|last\s+updated|first\s+published|last\s+modified"
)
_DATE_FIELD = regexcache.compile(
    rf"(?:{_DATE_LABEL}|modified)\s*:\s*(.{{4,70}})",
    re.IGNORECASE,
)
# The field's label alone, its value in the next block: "Release Date:".
_DATE_FIELD_ALONE = regexcache.compile(rf"(?:{_DATE_LABEL})\s*:", re.IGNORECASE)
_DATE_WORDS = regexcache.compile(
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?|\d{1,4}(?:st|nd|rd|th)?"
    r"|\d{1,2}[:.]\d{2}\s*(?:am|pm)?|am|pm|a\.m\.|p\.m\.|gmt|bst|utc|est|edt|et|pt|at"
    r"|[,/.–—-])",
    re.IGNORECASE,
)


def _contact_line(line: str) -> bool:
    """A short line that opens by asking readers to contact someone and gives an
    address or number, or names the writer to contact ("Contact the author: ...").
    A story's sentence about contact reports it ("..., residents were told")."""
    words = line.split()
    if _CONTACT_ROLE.match(line):
        return len(words) <= 12
    return (
        len(words) <= 40
        and bool(_CONTACT_HEAD.match(line))
        and bool(_ADDRESS.search(line))
        and not _REPORTED.search(line)
    )


_REPORTED = regexcache.compile(r"\b(?:said|says|told|tells|according)\b", re.IGNORECASE)


def _date_value(value: str) -> bool:
    """Only date and time words, and a digit among them: "Thursday, 28 April 2022"."""
    words = value.replace(",", " , ").split()
    return (
        len(words) <= 12
        and any(c.isdigit() for c in value)
        and all(_DATE_WORDS.fullmatch(w) for w in words)
    )


# A slideshow's counter counts slides: small whole numbers ("3 / 5", "12/40").
_COUNTER_KEYS = frozenset(("# / #", "#/#"))
_SLIDE_COUNTER = regexcache.compile(r"\(?\d{1,3}\s*/\s*\d{1,3}\)?")


def _label_key(text: str) -> str:
    key = _COUNT.sub("#", text.lower().replace("’", "'"))
    return " ".join(key.strip(_DECORATION).split())


def label_line(line: str) -> tuple[str, int] | None:
    """(family, length of the label) when ``line`` is an interface label: a whole
    line ("- Advertisement -", "12 comments", "Log in | Register") or the head of
    one ("Read more: ...", "Next article: ..."); else None."""
    if _contact_line(line.strip()):
        return "a contact line", len(line)
    if len(line) > 120:
        return None
    key = _label_key(line)
    family = _LABELS.get(key)
    if key in _COUNTER_KEYS and not _SLIDE_COUNTER.fullmatch(line.strip(_DECORATION)):
        family = None  # "0.11 / 0.08", "2,985 / 3,000": a ratio or a table cell
    if family:
        return family, len(line)
    parts = [_label_key(part) for part in _PARTS.split(line)]
    if len(parts) > 1 and all(part in _LABELS for part in parts):
        return _LABELS[parts[0]], len(line)
    if _IMAGE_FILE.fullmatch(line.strip()):
        return "an image's file name", len(line)
    if _HANDLE.fullmatch(line.strip()):
        return "a social-media handle", len(line)
    if _RELATIVE_TIME.fullmatch(line.strip(" \t·•|-–—()[]")):
        return "a relative timestamp", len(line)
    if len(line.split()) <= 12 and _CREDIT.fullmatch(line.strip(" \t·•|-–—")):
        return "a photo credit", len(line)
    if _SPONSOR.match(key) and len(key.split()) <= 8:
        return "an ad marker", len(line)
    stripped = line.strip()
    field = _DATE_FIELD.fullmatch(stripped)
    if (field and _date_value(field.group(1))) or _DATE_FIELD_ALONE.fullmatch(stripped):
        return "a date field", len(line)
    if key.startswith("more from ") and len(key.split()) <= 6:
        return "a teaser label", len(line)
    if key.endswith(("newsletter", "newsletters")) and len(key.split()) <= 6:
        return "a newsletter sign-up label", len(line)
    head = _HEAD.search(line)
    if head and head.start() > 0:
        key = _label_key(line[: head.start()])
        if head.group().strip() in "-–—" and " " not in key:
            key = ""  # a dash after one word is punctuation ("More - or less - ...")
        family = _LABELS.get(key)
        if family in _HEAD_FAMILIES or key in _HEAD_PAGE_LINKS or key.startswith("more from "):
            return family or "a teaser label", head.start()
    words = line.split()
    run_in = 2 < len(words) <= 16 and line.rstrip()[-1:] not in ".!?" and words[2][:1].isupper()
    if run_in and _label_key(" ".join(words[:2])) in _RUN_IN_HEADS:
        return "a teaser label", line.index(words[1]) + len(words[1])
    return None


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


def section_label(text: str) -> bool:
    """A site's section or button name ("Features", "Business", "News & Events")."""
    words = [w.lower() for w in _WORD.findall(text)]
    return bool(words) and all(w in _SECTION_WORDS or w in _CONNECTORS for w in words)


def page_links(line: str) -> bool:
    """Page-number navigation: "‹ Prev 1 2 3 … 9 Next ›"."""
    tokens = line.split()
    if len(tokens) < 3 or len(tokens) > 30:
        return False
    if not all(_PAGE_TOKEN.fullmatch(t) for t in tokens):
        return False
    numbers = [int(t) for t in tokens if t.isdigit()]
    # Page numbers rise ("1 2 3 … 9"); "647 → 256" in a table of figures is a change.
    if len(numbers) < 2 or any(b <= a for a, b in pairwise(numbers)):
        return False
    return bool(_PAGE_MOVE.search(line))


def css_class_runs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Runs of CSS class names in ``text[start:end]`` ("col-md-6 col-sm-12" is one run)."""
    runs: list[tuple[int, int]] = []
    for m in _CSS_CLASS.finditer(text, start, len(text) if end is None else end):
        if runs and not text[runs[-1][1] : m.start()].strip():
            runs[-1] = (runs[-1][0], m.end())
        else:
            runs.append((m.start(), m.end()))
    return runs


def _post_part(name: str) -> bool:
    """A "post-" class that names a part of the page ("post-nav", "post-share"),
    not the post's topic or format ("post-123", "post-format-video")."""
    words = _CLASS_WORD.split(name)
    return words[0] == "post" and any(word in _MARK_FAMILIES for word in words[1:])


def marked_family(marks: Iterable[str]) -> str | None:
    """What the class/id words of the elements around a block say it is."""
    for mark in reversed(tuple(marks)):  # the innermost element speaks first
        for name in mark.split():
            if _TAG_LIST_CLASS.match(name):
                return "tag list"
            if _CONTENT_CLASS.fullmatch(name):
                return None  # the story's own text: wrappers outside do not count
            if _TYPE_STYLE.match(name) or (_TOPIC_CLASS.match(name) and not _post_part(name)):
                continue
            if name in _SCREEN_READER:
                return "screen-reader text"
            if "call-to-action" in name:
                return "call to action"  # "wprm-call-to-action-header"
            words = _CLASS_WORD.split(name)
            if any("courtesy" in word for word in words):
                return "image caption or credit"  # "imgcourtesy", "photo-courtesy"
            if "pull" in words and "quote" in words:
                return "pull quote"  # "pull-quote", "article__pull-quote"
            if "author" in words and _AUTHOR_BOX_WORDS.intersection(words):
                return "author box"  # "m-author__description", "author-card"
            if "byline" in words:
                return None  # the story's byline, whatever the wrappers outside it hold
            for word in words:
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
