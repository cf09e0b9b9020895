"""Where a link on a saved page goes, judged from its address alone.

A call to action and a link to a related story read like any other line of
text; what gives them away is their target: a share intent, a social
profile, a newsletter or sign-up page, a tag or section page, another
article of the same site. The HTML reader keeps each link's address and
this module sorts it into one of a few kinds by the address's structure
(host, path segments, the shape of its last segment), for the checks that
tell furniture from story.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit

from newslint import regexcache

# Kinds, from the most to the least specific.
PAGE = "page"  # "#top", "javascript:": a button or tool on the page itself
MAIL = "mail"  # mailto:, tel:
SHARE = "share"  # a share intent: the page handed to a social network or e-mail
SOCIAL = "social"  # a social network's profile page: a "follow us" link
SOCIAL_POST = "social-post"  # one post on a social network: a cited tweet, a video
SIGNUP = "signup"  # newsletter, subscription, registration, log-in, donation pages
TAG = "tag"  # a tag, topic, category or section listing
AUTHOR = "author"  # a writer's page
ARTICLE = "article"  # another story: a slug of several words, a long id, a dated path
SECTION = "section"  # the home page or a one-word section ("/sport")
SELF = "self"  # the page's own address: its headline linked to itself
OTHER = "other"

# Furniture targets: a link to one of these is the page's, not the story's.
FURNITURE_KINDS = frozenset((PAGE, SHARE, SOCIAL, SIGNUP, TAG))

_SOCIAL_HOSTS = frozenset(
    (
        "facebook", "twitter", "x", "instagram", "youtube", "linkedin", "pinterest",
        "tiktok", "reddit", "tumblr", "flipboard", "whatsapp", "telegram", "t",
        "snapchat", "threads", "mastodon", "vk", "weibo", "youtu", "fb", "wa", "bsky",
    )
)  # fmt: skip
# Share services and the path words of share intents ("/sharer.php", "/intent/tweet").
_SHARE_HOSTS = frozenset(("addtoany", "sharethis", "addthis", "shareaholic"))
_SHARE_PATH = regexcache.compile(
    r"(?:^|/)(?:share|sharer|sharing|intent|submit|shareArticle|send|pin/create|compose"
    r"|dialog/(?:share|feed|send))(?:[./?]|$)",
    re.IGNORECASE,
)
_SHARE_SCHEMES = frozenset(("whatsapp", "fb-messenger", "sms", "viber", "tg"))
# Path words that name a page asking the reader to sign up, subscribe, log in or
# give: a handful of seeds for the segment, which decides by its position in the path.
_SIGNUP_WORDS = frozenset(
    (
        "newsletter", "newsletters", "subscribe", "subscription", "subscriptions",
        "signup", "sign-up", "register", "registration", "login", "log-in", "signin",
        "sign-in", "account", "join", "donate", "donation", "membership", "members",
        "alerts", "email-alerts", "optin", "opt-in", "support-us", "contribute",
    )
)  # fmt: skip
_SIGNUP_HOSTS = frozenset(("subscribe", "account", "accounts", "join", "donate", "login"))
# Mailing-list services: a link to them is a sign-up form ("mailchi.mp/site/take5signup").
_LIST_SERVICES = frozenset(("mailchi", "list-manage", "eepurl", "substack", "campaign-archive"))
_TAG_WORDS = frozenset(
    (
        "tag", "tags", "topic", "topics", "category", "categories", "section", "sections",
        "subject", "subjects", "keyword", "keywords", "label", "labels", "hub", "series",
        "collections", "theme", "themes",
    )
)  # fmt: skip
_AUTHOR_WORDS = frozenset(
    ("author", "authors", "profile", "profiles", "people", "staff", "contributor",
     "contributors", "writer", "writers", "journalist", "journalists", "by", "user", "users")
)  # fmt: skip
_LONG_ID = regexcache.compile(r"\d{5,}")
_YEAR = regexcache.compile(r"(?:19|20)\d\d")
_SLUG_SPLIT = regexcache.compile(r"[-_+]+")
_EXTENSION = regexcache.compile(r"\.(?:s?html?|php|aspx?|cms|jsp)$", re.IGNORECASE)
_FILE = regexcache.compile(r"\.(?:pdf|jpe?g|png|gif|webp|mp[34]|zip|docx?|xlsx?)$", re.IGNORECASE)


def registrable(host: str) -> str:
    """The site a host belongs to, without "www." and sub-domains
    ("edition.cnn.com" -> "cnn.com", "www.bbc.co.uk" -> "bbc.co.uk")."""
    labels = host.lower().strip(".").split(".")
    if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


_SECOND_LEVEL = frozenset(("co", "com", "org", "net", "ac", "gov", "edu"))


def _name(host: str) -> str:
    """The name part of a site ("twitter" for "mobile.twitter.com")."""
    return registrable(host).split(".")[0]


def page_site(canonical: Iterable[str], hrefs: Iterable[str]) -> str:
    """The page's own site: from its canonical address or og:url, else the host
    its links name most (a site links to itself more than to anyone else)."""
    for url in canonical:
        host = urlsplit(url.strip()).hostname
        if host:
            return registrable(host)
    hosts = Counter(
        registrable(host)
        for href in hrefs
        if (host := _host(href)) and _name(host) not in _SOCIAL_HOSTS
    )
    return hosts.most_common(1)[0][0] if hosts else ""


def _host(href: str) -> str | None:
    try:
        return urlsplit(href.strip()).hostname
    except ValueError:  # a malformed address ("http://[x")
        return None


def classify(href: str, site: str, own_path: str = "") -> tuple[str, bool]:
    """(kind, internal) of a link on a page of ``site`` whose address has the path
    ``own_path``: internal when the address is relative or on the same site."""
    href = href.strip()
    try:
        parts = urlsplit(href)
    except ValueError:
        return OTHER, False
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    internal = not host or (bool(site) and registrable(host) == site)
    if not href or href.startswith("#") or scheme == "javascript":
        return PAGE, True
    if scheme in ("mailto", "tel"):
        # "mailto:?subject=...&body=<the page's address>" is the page's e-mail button.
        return (SHARE if "body=" in parts.query or not parts.path else MAIL), False
    if scheme in _SHARE_SCHEMES:
        return SHARE, False
    segments = [s for s in parts.path.lower().split("/") if s]
    if internal and segments and segments == _segments(own_path):
        return SELF, True
    name = _name(host) if host else ""
    if name in _SHARE_HOSTS or (
        name in _SOCIAL_HOSTS and (_SHARE_PATH.search(parts.path) or "url=" in parts.query)
    ):
        return SHARE, internal
    if name in _SOCIAL_HOSTS and not internal:
        # One segment is an account ("twitter.com/harbourtimes"); deeper, a post.
        plain = [s for s in segments if s not in ("pages", "channel", "c", "user", "company")]
        return (SOCIAL if len(plain) <= 1 and not parts.query else SOCIAL_POST), False
    if not segments:
        return (SIGNUP if host.split(".")[0] in _SIGNUP_HOSTS else SECTION), internal
    if _FILE.search(segments[-1]):
        return OTHER, internal
    last_words = set(_SLUG_SPLIT.split(_EXTENSION.sub("", segments[-1])))
    signup = (
        host.split(".")[0] in _SIGNUP_HOSTS
        or name in _LIST_SERVICES
        or any(s in _SIGNUP_WORDS for s in segments[:2])
    )
    # "/newsletters/playbook/2019/12/19/<slug>" is an issue of a newsletter, an article;
    # "/briefing/signup" and "/join/future-signup" are the sign-up page.
    if last_words & _SIGNUP_WORDS or (signup and not _article_path(segments)):
        return SIGNUP, internal
    if len(segments) >= 2 and segments[0] in _TAG_WORDS:
        return TAG, internal
    if len(segments) >= 2 and segments[0] in _AUTHOR_WORDS:
        return AUTHOR, internal
    if _article_path(segments):
        return ARTICLE, internal
    if len(segments) >= 2 and segments[-2] in _TAG_WORDS:
        return TAG, internal  # "/news/topic/floods"
    if len(segments) == 1 and not _SLUG_SPLIT.search(segments[0]):
        return SECTION, internal
    return OTHER, internal


def _segments(path: str) -> list[str]:
    return [s for s in path.lower().split("/") if s]


def own_path(canonical: Iterable[str]) -> str:
    """The path of the page's own address ("/news/harbour-reopens-123")."""
    for url in canonical:
        try:
            path = urlsplit(url.strip()).path
        except ValueError:
            continue
        if path.strip("/"):
            return path
    return ""


def _article_path(segments: list[str]) -> bool:
    """A story's address: a slug of four words or more, a long numeric id, or a
    year and month in the path ("/2020/05/"), the way CMSs name articles."""
    last = _EXTENSION.sub("", segments[-1])
    if len([w for w in _SLUG_SPLIT.split(last) if w]) >= 4:
        return True
    if any(_LONG_ID.search(s) for s in segments[-2:]):
        return True
    return any(
        _YEAR.fullmatch(a) and b.isdigit() and len(b) <= 2 for a, b in itertools.pairwise(segments)
    )
