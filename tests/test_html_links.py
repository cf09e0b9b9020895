"""The HTML reader keeps each link's target: the anchor text's span in the
document text, the address, and what the address says it is."""

from __future__ import annotations

import pytest

from newslint.sources import links, load_document

_PAGE = """<html><head>
<link rel="canonical" href="https://www.harbourtimes.co.uk/news/harbour-reopens-after-repairs-4418822">
</head><body>
<nav><a href="/sport">Sport</a></nav>
<article>
<h1><a href="/news/harbour-reopens-after-repairs-4418822">Harbour reopens</a></h1>
<p>The harbour <a href="/news/storm-damage-closes-the-quay-4400117">closed in March</a> after
the storm &amp; reopened <em><a href="/2024/05/quay">on Monday</a></em>.</p>
<p><a href="https://www.facebook.com/sharer/sharer.php?u=x">Pass it on</a>
<a href="https://bsky.app/intent/compose?text=x">Post</a>
<a href="https://www.instagram.com/harbourtimes/">Our pictures</a>
<a href="https://twitter.com/harbourmaster/status/1770000000000">the post</a></p>
<p>Got this from a friend?
<a href="https://www.harbourtimes.co.uk/newsletters">Get your own</a>.</p>
<p><a href="/topics/ferries">Ferries</a> <a href="#comments">12 comments</a>
<a href="mailto:desk@harbourtimes.co.uk">Write to us</a>
<a href="https://www.harbourtimes.co.uk/newsletters/briefing/2024/05/06/the-week-on-the-water">
Monday's briefing</a></p>
</article></body></html>"""


@pytest.fixture(scope="module")
def doc():
    return load_document("page.html", _PAGE)


def test_each_link_has_its_anchor_text_and_target(doc) -> None:
    found = [(doc.span_text(link.span), link.kind, link.internal) for link in doc.links]
    assert found == [
        ("Harbour reopens", "self", True),
        ("closed in March", "article", True),
        ("on Monday", "article", True),
        ("Pass it on", "share", False),
        ("Post", "share", False),
        ("Our pictures", "social", False),
        ("the post", "social-post", False),
        ("Get your own", "signup", True),
        ("Ferries", "tag", True),
        ("12 comments", "page", True),
        ("Write to us", "mail", False),
        ("Monday's briefing", "article", True),  # an issue of the newsletter, not its form
    ]


def test_links_in_furniture_the_reader_skips_are_not_kept(doc) -> None:
    assert not any(link.href == "/sport" for link in doc.links)


def test_anchor_spans_map_back_to_the_source(doc) -> None:
    link = next(link for link in doc.links if link.href.endswith("4400117"))
    start = doc.source_offset(link.span.start)
    end = doc.source_offset(link.span.end, end=True)
    assert doc.source[start:end] == "closed in March"


def test_links_in_a_block(doc) -> None:
    share_bar = next(p for p in doc.paragraphs if doc.span_text(p).startswith("Pass it on"))
    assert [link.kind for link in doc.links_in(share_bar)] == [
        "share",
        "share",
        "social",
        "social-post",
    ]


@pytest.mark.parametrize(
    ("href", "kind"),
    [
        ("https://twitter.com/intent/tweet?url=x", links.SHARE),
        ("whatsapp://send?text=x", links.SHARE),
        ("mailto:?subject=Harbour&body=https://x", links.SHARE),
        ("https://www.linkedin.com/company/harbourtimes", links.SOCIAL),
        ("https://www.youtube.com/watch?v=abc", links.SOCIAL_POST),
        ("https://mailchi.mp/harbourtimes/weekly", links.SIGNUP),
        ("https://subscribe.harbourtimes.co.uk/", links.SIGNUP),
        ("/account/login?return=/news", links.SIGNUP),
        ("/tag/ferries", links.TAG),
        ("/news/topic/ferries", links.TAG),
        ("/authors/jane-doe", links.AUTHOR),
        ("/sport", links.SECTION),
        ("/", links.SECTION),
        ("/files/annual-report-2024.pdf", links.OTHER),
        ("javascript:void(0)", links.PAGE),
    ],
)
def test_kinds_of_address(href: str, kind: str) -> None:
    assert links.classify(href, "harbourtimes.co.uk")[0] == kind


def test_the_page_site_is_the_host_its_links_name_most_without_a_canonical() -> None:
    hrefs = ["https://www.bbc.co.uk/news/1", "https://www.bbc.co.uk/sport", "https://x.org/a"]
    assert links.page_site([], hrefs) == "bbc.co.uk"
    assert links.classify("https://news.bbc.co.uk/a-b", "bbc.co.uk")[1] is True
