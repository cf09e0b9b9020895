"""The HTML reader keeps words apart that the page shows apart, and together
those that inline markup only decorates."""

from __future__ import annotations

import pytest

from newslint.sources import load_document


def body(markup: str) -> str:
    return load_document("page.html", f"<html><body>{markup}</body></html>").text


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # Sibling elements are separate items on the page.
        (
            '<p><a href="/a">Home</a><a href="/b">News</a><a href="/c">Sport</a></p>',
            "Home News Sport",
        ),
        ("<p><span>2,531</span><span>Fans</span></p>", "2,531 Fans"),
        # A span opened inside a run of text is decoration: the page shows "onlyfor" too.
        ("<p>Sign up only<span>for</span> members</p>", "Sign up onlyfor members"),
        ("<p><span>only</span><span>for</span> members</p>", "only for members"),
        # A box element (custom, <time>, <label>) between two words.
        ("<p>Posted<time>21:22</time>by Ann</p>", "Posted 21:22 by Ann"),
        ("<p>Share<share-button>Tweet</share-button>Email</p>", "Share Tweet Email"),
        # New box elements end a paragraph.
        ("<center>Top</center><center>Bottom</center>", "Top\n\nBottom"),
        # A sentence ends in one sibling and the next opens with a capital: a caption
        # and its credit laid out as two boxes.
        (
            "<p><span>Crews at work on Monday.</span><span>Credit...Ann Lee/AP</span></p>",
            "Crews at work on Monday. Credit...Ann Lee/AP",
        ),
    ],
)
def test_apart(markup: str, expected: str) -> None:
    assert body(markup) == expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # Inline markup inside a word or around punctuation joins nothing apart.
        ("<p>un<em>believ</em>able</p>", "unbelievable"),
        ("<p><b>E</b>nclosing the yard</p>", "Enclosing the yard"),
        ("<p>k<i>-NN</i> models</p>", "k-NN models"),
        ('<p>See <a href="/r">the report</a>.</p>', "See the report."),
        ("<p><b>piano</b><span>.</span></p>", "piano."),
        ("<p>10 m<sup>3</sup> of water</p>", "10 m3 of water"),
        ("<p>Caf&eacute;<b>s</b> open</p>", "Cafés open"),
        # An abbreviation's full stop followed by a span that opens inside the text.
        ("<p>the U.S.<span>Embassy</span> site</p>", "the U.S.Embassy site"),
    ],
)
def test_together(markup: str, expected: str) -> None:
    assert body(markup) == expected


def test_furniture_roles_are_left_out() -> None:
    text = body(
        '<div role="navigation"><a href="/">Home</a></div><p>Fares rose.</p>'
        '<div role="contentinfo">Copyright</div>'
    )
    assert text == "Fares rose."


def test_separator_maps_to_source() -> None:
    source = "<html><body><p><a>only</a><a>for</a></p></body></html>"
    doc = load_document("page.html", source)
    start = doc.text.index("for")
    rng = doc.locate(start, start + 3)
    assert source[rng.start.offset : rng.end.offset] == "for"
    space = doc.locate(start - 1, start)
    assert space.start.offset == space.end.offset == source.index("for")


def test_author_footer_gives_its_byline_but_no_story_text() -> None:
    # An article's author footer is read for the byline under the headline; an
    # author card at the end (the same markup) adds nothing to the story.
    top = load_document(
        "page.html",
        '<article><h1>Rowers win</h1><footer class="article-author">'
        '<span class="byline">By Mina Okafor</span></footer><p>The crew won.</p></article>',
    )
    assert top.byline_text == "By Mina Okafor"
    card = load_document(
        "page.html",
        '<article><h1>Rowers win</h1><p class="byline">By Mina Okafor</p><p>The crew won.</p>'
        '<footer class="author-card"><p>Mina Okafor writes on sport. Subscribe now.</p>'
        "</footer></article>",
    )
    assert card.byline_text == "By Mina Okafor"
    assert [card.span_text(p) for p in card.paragraphs] == [
        "Rowers win",
        "By Mina Okafor",
        "The crew won.",
    ]
