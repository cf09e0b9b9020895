"""Source loaders: structure detection and exact mapping back to the source."""

from __future__ import annotations

import datetime as dt

import pytest

from newslint.document import Document
from newslint.sources import detect_format, load_document


def where(doc: Document, needle: str, nth: int = 0) -> tuple[int, int, int, str]:
    """(line, column, offset, source text) of the nth occurrence of ``needle`` in the prose."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(needle, start + 1)
    rng = doc.locate(start, start + len(needle))
    return (
        rng.start.line,
        rng.start.column,
        rng.start.offset,
        doc.source[rng.start.offset : rng.end.offset],
    )


def assert_exact_map(doc: Document) -> None:
    """Every character copied one for one points at the same character in the
    source; a line break that wraps a sentence reads as a space."""
    for i, ch in enumerate(doc.text):
        start, end = doc.src_starts[i], doc.src_ends[i]
        if end - start == 1:
            assert doc.source[start] == ch or (ch, doc.source[start]) == (" ", "\n"), (i, ch)


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("story.md", "markdown"),
        ("STORY.Markdown", "markdown"),
        ("a/b.html", "html"),
        ("page.HTM", "html"),
        ("notes.txt", "text"),
        ("README", "text"),
    ],
)
def test_detect_format(path: str, fmt: str) -> None:
    assert detect_format(path) == fmt


# -- plain text ---------------------------------------------------------------------

PLAIN = (
    "Council Approves Harbor Budget\n"
    "\n"
    "By Maria Ortega\n"
    "February 6, 2026\n"
    "\n"
    "[[ newslint-disable-next-line filler ]]\n"
    "The council voted 7-2 on Thursday. Señora Núñez 🙂 abstained,\n"
    "citing costs.\n"
    "\n"
    "Contact press@harbor.example or visit www.harbor.example for details.\n"
)


def test_plain_text_structure() -> None:
    doc = load_document("story.txt", PLAIN)
    assert doc.format == "text"
    assert doc.headline_text == "Council Approves Harbor Budget"
    assert doc.byline_text == "By Maria Ortega"
    assert doc.article_date == dt.date(2026, 2, 6)
    assert [d.line for d in doc.directives] == [6]
    assert doc.directives[0].body == "disable-next-line filler"
    assert "newslint" not in doc.text
    assert [doc.span_text(p) for p in doc.body] == [
        "February 6, 2026",
        # The line wrapped mid-sentence reads as one line.
        "The council voted 7-2 on Thursday. Señora Núñez 🙂 abstained, citing costs.",
        "Contact press@harbor.example or visit www.harbor.example for details.",
    ]
    assert [doc.span_text(s) for s in doc.skipped] == ["press@harbor.example", "www.harbor.example"]


def test_plain_text_maps_non_ascii_and_emoji() -> None:
    doc = load_document("story.txt", PLAIN)
    assert where(doc, "Núñez") == (7, 43, PLAIN.index("Núñez"), "Núñez")
    # 🙂 is one code point: the word after it sits two columns later.
    line, column, _, _ = where(doc, "🙂")
    assert (line, column) == (7, 49)
    assert where(doc, "abstained")[1] == 51
    assert where(doc, "citing") == (8, 1, PLAIN.index("citing"), "citing")
    assert_exact_map(doc)


def test_plain_text_crlf() -> None:
    source = PLAIN.replace("\n", "\r\n")
    doc = load_document("story.txt", source)
    assert "\r" not in doc.text
    assert doc.headline_text == "Council Approves Harbor Budget"
    assert [d.line for d in doc.directives] == [6]
    # A span across the line break covers the whole "\r\n" in the source.
    assert where(doc, "costs") == (8, 8, source.index("costs"), "costs")
    assert where(doc, "abstained, citing")[3] == "abstained,\r\nciting"
    assert_exact_map(doc)


def test_plain_text_without_headline_or_byline() -> None:
    source = (
        "The storm knocked out power across\nthe county on Sunday.\n\nCrews worked overnight.\n"
    )
    doc = load_document("story.txt", source)
    assert doc.headline is None
    assert doc.byline is None
    assert doc.article_date is None
    assert len(doc.paragraphs) == 2


def test_plain_text_first_line_that_reads_as_a_sentence_is_the_lede() -> None:
    """A story pasted without its headline opens on its lede: a first line that
    ends like a sentence and reads like one is body copy. A title-case line with
    a full stop, or one cut off with an ellipsis, is still a headline."""
    lede = "The council voted on Tuesday to close the depot by the end of the year.\n\nMore.\n"
    assert load_document("a.txt", lede).headline is None
    for title in ("Sweepstakes Winner Revealed.", "Rivals of the new phone...", "Depot to close"):
        doc = load_document("a.txt", f"{title}\n\nThe council voted on Tuesday.\n")
        assert doc.headline_text == title


def test_a_two_part_headline_in_sentence_case_is_a_headline() -> None:
    """A magazine's headline in short parts (a question and its answer, a
    statement and what it means or asks, two short clauses), with a media tag or
    an abbreviation, is no lede; a lede of two sentences anchored in a day, a
    question answered in a long sentence, or a request, stays body."""
    body = "\n\nThe council voted on Tuesday to close the depot by the end of the year.\n"
    for title in (
        "Depot to close? Not if the drivers can help it.",
        "Bus fares rise again. What that means for commuters.",
        "Who runs the harbour? The answer is changing.",
        "Bus fares rise again. Can the council hold them down?",
        "Ferry service ends. Why the island is not worried. (+video)",
        "'SAVED!' Crowds cheer as the last ferry docks.",
        "Harbour towns are changing. But not in the way planners hoped.",
        "Depot to close, says Gen. Parker of the transport board",
    ):
        assert load_document("a.txt", title + body).headline_text == title
    for lede in (
        "The council voted to close the depot. Drivers said they would strike on Monday.",
        "Will the depot close? The council voted on Tuesday to shut it by the end of the "
        "year, and the drivers' union said it would fight the plan in court.",
        "The depot is a registered charity. Please keep the tone of the article professional.",
    ):
        assert load_document("a.txt", lede + body).headline is None


def test_plain_text_first_line_of_several_sentences_is_body() -> None:
    """A long first line in sentence case with a sentence end inside it is a
    paragraph, whatever it ends with (a chatbot's "... Here's my attempt:"); a
    headline with a colon or a question inside stays a headline."""
    chat = (
        "The sentence you gave is open to interpretation. However, I can write a "
        "news piece based on it. Here's my attempt:\n\nThe council voted on Tuesday.\n"
    )
    assert load_document("a.txt", chat).headline is None
    for title in (
        "Depot Closes. Workers Protest Outside the Council Offices on Tuesday Night",
        "Depot to close: what it means for the town's 400 workers and their families",
    ):
        doc = load_document("a.txt", f"{title}\n\nThe council voted on Tuesday.\n")
        assert doc.headline_text == title


def test_by_contrast_is_not_a_byline() -> None:
    source = "Storm Season Ends\n\nBy contrast, last year was calm.\n\nMore text here.\n"
    doc = load_document("story.txt", source)
    assert doc.headline_text == "Storm Season Ends"
    assert doc.byline is None


STRUCTURED = """\
Solar rebate doubled

By Jane Doe

The council approved 40 new rebates on Monday, and the first are due in May.

Introduction

Solar power has become an important topic. Many people want to know more.

Key Benefits
Solar power offers many benefits for homes and businesses, and it lowers bills.

- Lower bills
* Cleaner air
2. Local jobs

Frequently Asked Questions

Q: What is the rebate?
A: A payment of $3,000 per home.

Q: Who can apply?
A: Any owner of a home in the county.

How long do panels last?

Most last 25 years.

Can tenants apply?

Not this year.

About the author

Jane Doe writes about energy for the paper.

jane@example.com
"""


def test_plain_text_headings_items_and_faq() -> None:
    doc = load_document("story.txt", STRUCTURED)
    assert doc.headline_text == "Solar rebate doubled"
    assert [doc.span_text(h) for h in doc.headings] == [
        "Introduction",
        "Key Benefits",  # a short line glued over its paragraph
        "Frequently Asked Questions",
        "What is the rebate?",  # without its Q: marker, as a Markdown heading
        "Who can apply?",
        "How long do panels last?",  # bare question lines, each answered
        "Can tenants apply?",
        "About the author",
    ]
    levels = {doc.span_text(h): doc.heading_levels[h] for h in doc.headings}
    assert levels["Frequently Asked Questions"] == 2 and levels["Who can apply?"] == 3
    assert [doc.span_text(i) for i in doc.list_items] == [
        "Lower bills",
        "Cleaner air",
        "Local jobs",
    ]
    assert [(doc.span_text(q), doc.span_text(a)) for q, a in doc.qa_pairs][:2] == [
        ("What is the rebate?", "A payment of $3,000 per home."),
        ("Who can apply?", "Any owner of a home in the county."),
    ]
    assert len(doc.qa_pairs) == 4
    assert doc.span_text(doc.signoff).startswith("About the author")
    assert doc.span_text(doc.signoff).endswith("jane@example.com")
    assert "Lower bills" in doc.text and "- Lower bills" in doc.text  # the text is the source
    assert_exact_map(doc)


def test_plain_text_faq_typed_without_blank_lines() -> None:
    source = (
        "Solar rebate doubled\n\nThe council approved 40 rebates on Monday.\n\n"
        "FAQs\nWhat is the rebate?\nA payment of $3,000 per home.\n"
        "Who can apply?\nAny owner of a home in the county,\nif the panels are permitted.\n\n"
        "The vote was 4-1.\n"
    )
    doc = load_document("story.txt", source)
    assert [doc.span_text(h) for h in doc.headings] == [
        "FAQs",
        "What is the rebate?",
        "Who can apply?",
    ]
    assert [doc.span_text(a) for _, a in doc.qa_pairs] == [
        "A payment of $3,000 per home.",
        "Any owner of a home in the county,\nif the panels are permitted.",
    ]


def test_plain_text_headline_typed_over_the_byline() -> None:
    source = (
        "Rates rise again for Ohio buyers\nBy Jane Doe\nRates climbed again this month.\n\n"
        "Impact on Payments\nHigher rates mean higher monthly payments for most borrowers.\n"
    )
    doc = load_document("story.txt", source)
    assert doc.headline_text == "Rates rise again for Ohio buyers"
    assert doc.byline_text == "By Jane Doe"
    assert [doc.span_text(h) for h in doc.headings] == ["Impact on Payments"]


def test_plain_text_short_lines_that_are_not_headings() -> None:
    source = (
        "Cup draw made\n\nThe draw was made on Sunday.\n\n"
        "Arsenal v Stoke\n\nDerby v Wigan\n\nHull v Colchester\n\n"  # a list of fixtures
        "The ties will be played in March.\n\n"
        "The government had claimed tobacco firms\n\n"  # a broken sentence
        "manipulated nicotine levels.\n\n"
        "78,000\n\n"  # a number
        "Is it over? Not quite.\n\n"  # a lone question is not an FAQ
        "Nobody knows.\n\n"
        "Staff and agencies\n"  # a last short line: a sign-off
    )
    doc = load_document("story.txt", source)
    assert doc.headings == []
    assert doc.qa_pairs == []
    assert doc.span_text(doc.signoff) == "Staff and agencies"


def test_plain_text_wrapped_paragraph_is_not_a_heading() -> None:
    source = (
        "Budget approved\n\nThe council met on Tuesday and approved the\n"
        "budget, which adds money for roads and schools\nacross the county.\n\n"
        "The vote was 7-3.\n"
    )
    doc = load_document("story.txt", source)
    assert doc.headings == []
    assert len(doc.paragraphs) == 3


def test_markdown_list_items() -> None:
    doc = load_document("a.md", "# Tolls\n\nTolls rise:\n\n- for lorries\n- for vans\n\nEnd.\n")
    assert [doc.span_text(i) for i in doc.list_items] == ["for lorries", "for vans"]
    assert [doc.span_text(p) for p in doc.body] == [
        "Tolls rise:",
        "for lorries",
        "for vans",
        "End.",
    ]


def test_markdown_and_html_question_headings_are_qa_pairs() -> None:
    md = load_document(
        "a.md",
        "# Tolls\n\nTolls rise.\n\n## Who pays?\n\nShipping lines.\n\nQ: When?\nA: In April.\n",
    )
    assert [(md.span_text(q), md.span_text(a)) for q, a in md.qa_pairs] == [
        ("Who pays?", "Shipping lines."),
        ("Q: When?", "In April."),
    ]
    page = load_document(
        "a.html",
        "<html><body><article><h1>Tolls</h1><p>Tolls rise.</p><h2>Who pays?</h2>"
        "<p>Shipping lines.</p><h2>About the author</h2><p>Jo Lee covers ports.</p>"
        "</article></body></html>",
    )
    assert [(page.span_text(q), page.span_text(a)) for q, a in page.qa_pairs] == [
        ("Who pays?", "Shipping lines.")
    ]
    assert page.span_text(page.signoff).startswith("About the author")


# -- Markdown -----------------------------------------------------------------------

MARKDOWN = """\
---
title: "Ceasefire talks resume in Geneva"
author: Lena Fischer
date: 2026-02-06
---

The *U.S.* envoy met [the Ukrainian delegation](https://example.org/t_(g) "x") on **Feb. 6**.
Officials said `git log` showed nothing &amp; Зеленський smiled 🙂 at José.

<!-- newslint-disable-next-line names -->
> Talks were "constructive," one aide
> told reporters.

- First point raised
- Second point, with ![a photo of the hall](hall.jpg) attached

```python
print("this is code, not prose")
```

| Delegate | Country |
|----------|---------|
| Ana Núñez | Spain |

## What comes next
"""


def test_markdown_front_matter() -> None:
    doc = load_document("talks.md", MARKDOWN)
    assert doc.front_matter["author"] == "Lena Fischer"
    assert doc.headline_text == "Ceasefire talks resume in Geneva"
    assert doc.byline_text == "Lena Fischer"
    assert doc.article_date == dt.date(2026, 2, 6)
    # The headline points at the title value inside the front matter.
    assert where(doc, "Ceasefire") == (2, 9, MARKDOWN.index("Ceasefire"), "Ceasefire")
    assert where(doc, "Lena")[:2] == (3, 9)


def test_markdown_inline_markup_is_mapped() -> None:
    doc = load_document("talks.md", MARKDOWN)
    assert "*" not in doc.text and "](" not in doc.text
    assert where(doc, "U.S.")[:2] == (7, 6)
    assert where(doc, "envoy")[:2] == (7, 12)
    assert where(doc, "the Ukrainian delegation")[1:] == (
        23,
        MARKDOWN.index("the Ukrainian"),
        "the Ukrainian delegation",
    )
    # A span across emphasis markers covers them in the source.
    assert where(doc, "on Feb. 6")[3] == "on **Feb. 6"
    assert where(doc, "Feb. 6")[3] == "Feb. 6"
    assert_exact_map(doc)


def test_markdown_entities_code_and_unicode() -> None:
    doc = load_document("talks.md", MARKDOWN)
    assert where(doc, "&")[3] == "&amp;"
    assert where(doc, "showed nothing")[:2] == (8, 26)  # text after inline code
    assert [doc.span_text(s) for s in doc.skipped] == ["git log"]  # the link URL is not prose
    assert where(doc, "Зеленський")[:2] == (8, 47)
    assert where(doc, "José")[:2] == (8, 70)


def test_markdown_blocks() -> None:
    doc = load_document("talks.md", MARKDOWN)
    texts = [doc.span_text(p) for p in doc.paragraphs]
    assert 'Talks were "constructive," one aide\ntold reporters.' in texts
    assert "First point raised" in texts
    assert "Ana Núñez" in texts and "Spain" in texts
    assert "print" not in doc.text
    assert "photo of the hall" not in doc.text
    assert where(doc, "told reporters")[:2] == (12, 3)  # blockquote, second line
    assert where(doc, "Second point")[:2] == (15, 3)  # list item
    assert where(doc, "attached")[:2] == (15, 55)  # after an image
    assert where(doc, "Spain")[:2] == (23, 15)  # table cell
    assert [doc.span_text(h) for h in doc.headings] == ["What comes next"]
    assert [(d.line, d.body) for d in doc.directives] == [(10, "disable-next-line names")]


def test_markdown_crlf_maps_to_the_same_places() -> None:
    lf = load_document("talks.md", MARKDOWN)
    source = MARKDOWN.replace("\n", "\r\n")
    crlf = load_document("talks.md", source)
    assert crlf.text == lf.text
    for needle in ("envoy", "José", "told reporters", "Spain", "Ceasefire"):
        line, column, offset, found = where(crlf, needle)
        assert (line, column, found) == (*where(lf, needle)[:2], needle)
        assert offset == source.index(needle)
    assert [d.line for d in crlf.directives] == [10]
    assert_exact_map(crlf)


def test_markdown_h1_headline_and_byline_paragraph() -> None:
    source = (
        "# Port strike enters third week\n\nBy Omar Haddad\n\n"
        "Feb. 9, 2026\n\nDock workers stayed out.\n"
    )
    doc = load_document("strike.md", source)
    assert doc.headline_text == "Port strike enters third week"
    assert doc.byline_text == "By Omar Haddad"
    assert doc.article_date == dt.date(2026, 2, 9)
    assert doc.headings == []
    assert [doc.span_text(p) for p in doc.body] == ["Feb. 9, 2026", "Dock workers stayed out."]


def test_markdown_escape_and_hard_break() -> None:
    source = "Prices rose 5\\* in *March*  \nand fell after.\n"
    doc = load_document("prices.md", source)
    assert doc.text == "Prices rose 5* in March\nand fell after."
    assert where(doc, "*")[3] == "\\*"
    assert where(doc, "and fell")[:2] == (2, 1)


# -- HTML ---------------------------------------------------------------------------

HTML = """\
<!DOCTYPE html>
<html><head><title>Flood waters recede | Daily Ledger</title>
<meta property="article:published_time" content="2026-02-05T08:00:00Z">
<script>var note = "<p>not prose</p>";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><header><h1>Flood waters recede &amp; residents return</h1>
<p class="byline">By <a rel="author" href="/staff/kim">Hana Kim</a></p>
<time datetime="2026-02-06T10:00">Feb. 6</time></header>
<!-- newslint-disable-next-line
     filler -->
<p>The mayor&#8217;s office said&nbsp;crews in   Ciudad Real,
   Zelenskyy&#x2019;s envoy and José 🙂 met. Run <code>make check</code> today.</p>
<pre>code block text</pre>
<aside>Related: older story</aside>
<ul><li>First item</li><li>Second <em>item</em></li></ul>
<h2>Aftermath</h2>
</article>
<footer>Copyright Daily Ledger</footer>
</body></html>
"""


def test_html_structure() -> None:
    doc = load_document("flood.html", HTML)
    assert doc.headline_text == "Flood waters recede & residents return"
    assert doc.byline_text == "By Hana Kim"
    assert doc.article_date == dt.date(2026, 2, 6)  # <time> in the article wins over <meta>
    assert [doc.span_text(h) for h in doc.headings] == ["Aftermath"]
    assert [(d.line, d.end_line, d.body) for d in doc.directives] == [
        (9, 10, "disable-next-line filler")
    ]
    for furniture in ("not prose", "Home", "older story", "Copyright", "code block", "recede |"):
        assert furniture not in doc.text
    assert "make check" in [doc.span_text(s) for s in doc.skipped]


def test_html_entities_and_whitespace_map_to_source() -> None:
    doc = load_document("flood.html", HTML)
    assert where(doc, "&")[3] == "&amp;"
    assert where(doc, "mayor’s")[3] == "mayor&#8217;s"
    assert where(doc, "office")[:2] == (11, 22)  # a word after an entity
    assert where(doc, "\xa0")[3] == "&nbsp;"
    assert where(doc, "crews in Ciudad")[3] == "crews in   Ciudad"
    assert where(doc, "Zelenskyy’s")[3] == "Zelenskyy&#x2019;s"
    line, column, offset, found = where(doc, "José")
    assert (line, column, found) == (12, 33, "José")
    assert offset == HTML.index("José")
    assert where(doc, "met")[:2] == (12, 40)  # after an emoji
    assert where(doc, "today")[:2] == (12, 73)  # after inline code
    assert where(doc, "Second item")[3] == "Second <em>item"
    assert_exact_map(doc)


def test_html_crlf() -> None:
    source = HTML.replace("\n", "\r\n")
    doc = load_document("flood.html", source)
    assert where(doc, "José")[:3] == (12, 33, source.index("José"))
    assert [d.line for d in doc.directives] == [9]
    assert_exact_map(doc)


def test_html_title_when_no_h1_and_meta_date() -> None:
    source = (
        "<html><head><title>Rail fares rise</title>"
        '<meta property="article:published_time" content="2026-01-30T07:00:00Z"></head>'
        "<body><p>By Priya Nair</p><p>Fares rose 4% on Monday.</p></body></html>"
    )
    doc = load_document("fares.htm", source)
    assert doc.headline_text == "Rail fares rise"
    assert where(doc, "Rail")[2] == source.index("Rail")
    assert doc.byline_text == "By Priya Nair"
    assert doc.article_date == dt.date(2026, 1, 30)
    assert [doc.span_text(p) for p in doc.body] == ["Fares rose 4% on Monday."]


def test_format_override() -> None:
    doc = load_document("story.txt", "# Not a heading here\n", fmt="markdown")
    assert doc.format == "markdown"
    assert doc.headline_text == "Not a heading here"
    with pytest.raises(ValueError):
        load_document("story.txt", "x", fmt="docx")


@pytest.mark.parametrize(
    ("name", "source", "expected"),
    [
        ("a.html", '<html lang="en-GB"><body><p>The harbour.</p></body></html>', "en-GB"),
        ("a.html", '<html lang="en"><body><p>The harbor.</p></body></html>', None),
        ("a.md", "---\nlanguage: en-us\n---\n\nThe harbor.\n", "en-US"),
        ("a.md", "---\nlang: en_GB\n---\n\nThe harbour.\n", "en-GB"),
        ("a.txt", "The harbour.\n", None),
    ],
)
def test_declared_english_variant(name: str, source: str, expected: str | None) -> None:
    assert load_document(name, source).language == expected


_WRAPPED = (
    "Pension age to rise\n\n"
    "The unions want the government to withdraw the rules, which would raise the\n"
    "pension age for council workers in the north of England from 60 to\n"
    "65. Up to 1.4m workers could strike, the unions said on Monday, led by\n"
    "the biggest union - which met in Leeds on Sunday with the rail unions\n"
    "- in talks that ran late into the night.\n"
)


def test_a_line_wrapped_mid_sentence_starts_no_list_item() -> None:
    doc = load_document("story.txt", _WRAPPED)
    assert doc.list_items == []
    assert len(doc.body) == 1
    # Read as one line: the wrapped breaks are spaces, the offsets unchanged.
    assert "from 60 to 65. Up to 1.4m" in doc.text
    assert where(doc, "65. Up")[:2] == (5, 1)
    assert_exact_map(doc)


def test_lines_of_fields_keep_their_lines() -> None:
    source = (
        "Title: Singer And Actor Share The Stage At The Awards In London\n"
        "Date: March 23, 2016\n\n"
        "The two stars appeared together on the stage for the first time.\n"
    )
    doc = load_document("story.txt", source)
    assert "London\nDate:" in doc.text
