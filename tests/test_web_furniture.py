"""Page furniture: the one-finding gate for pages with no article text, the
HTML boilerplate classifier, and the line shapes in newslint.analysis.furniture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import lint_snippet, run_cli

from newslint.analysis import furniture
from newslint.sources import load_document

FURNITURE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Menu | Harbour Gazette</title></head><body>
<div class="top-links"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a>
<a href="/business">Business</a> <a href="/weather">Weather</a></div>
<div class="login-box"><p>Log in | Register</p><p>Forgot your password?</p><p>Remember me</p></div>
<div class="ad-slot"><p>- Advertisement -</p></div>
<div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a>
<a href="#">Email</a></div>
<p>Page 1 of 3</p>
<p>We use cookies to improve your experience on our website. Accept all cookies</p>
</body></html>
"""

FURNITURE_TEXT = """Home News Sport Business Weather Travel

We use cookies to improve your experience on this site.

Log in | Register

ADVERTISEMENT

Page 1 of 3

Facebook Twitter WhatsApp Email
"""

ARTICLE = """Harbour tolls to rise

The port authority said tolls for freight vessels would rise by 6 per cent in April.

ADVERTISEMENT

Fishing crews said the rise would cost them about £2,000 a year.
"""


def lint_json(tmp_path: Path, name: str, text: str, *extra: str) -> list[dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run = run_cli("check", "--format", "json", "--ignore", "grammar", *extra, path)
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)["files"][0]["diagnostics"]


@pytest.mark.parametrize(
    ("name", "text"), [("menu.html", FURNITURE_PAGE), ("menu.txt", FURNITURE_TEXT)]
)
def test_a_page_of_furniture_gets_one_finding(tmp_path: Path, name: str, text: str) -> None:
    found = lint_json(tmp_path, name, text)
    assert len(found) == 1, found
    assert found[0]["rule"] == "filler.web-furniture"
    assert found[0]["message"].startswith("No article text found")


def test_ignoring_the_rule_lints_the_page_anyway(tmp_path: Path) -> None:
    found = lint_json(tmp_path, "menu.txt", FURNITURE_TEXT, "--ignore", "filler.web-furniture")
    assert not any(d["message"].startswith("No article text") for d in found)
    assert {d["rule"] for d in found} == {"filler.web-leftover"}


def test_an_article_with_a_leftover_is_not_gated(tmp_path: Path) -> None:
    found = lint_json(tmp_path, "story.txt", ARTICLE)
    assert [(d["rule"], d["text"]) for d in found] == [("filler.web-furniture", "ADVERTISEMENT")]


def test_a_one_sentence_story_ending_in_a_leftover_is_not_gated(tmp_path: Path) -> None:
    text = (
        "Harbour budget approved\n\nThe council approved the harbour budget on Tuesday "
        "by seven votes to three. Click here to subscribe to our newsletter.\n"
    )
    found = lint_json(tmp_path, "short.txt", text)
    assert not any(d["message"].startswith("No article text") for d in found), found
    assert {d["rule"] for d in found} == {"filler.web-leftover"}


def test_classifier_verdicts_line_up_with_blocks() -> None:
    from newslint.analysis.boilerplate import classify

    doc = load_document("page.html", FURNITURE_PAGE)
    verdicts = classify(doc)
    assert [v.span for v in verdicts] == [b.span for b in doc.page_blocks]
    assert all(v.boilerplate for v in verdicts)  # nothing on this page is prose
    assert not classify(load_document("story.txt", ARTICLE))  # HTML only


@pytest.mark.parametrize(
    ("line", "menu"),
    [
        ("Home News Sport Business Weather", True),
        ("UK | World | Cost of Living | Climate", True),
        ("Facebook Twitter WhatsApp Email", True),
        ("Bank Raises Interest Rates Again", False),
        ("Chelsea Arsenal Liverpool Everton", False),
        ("News, sport and weather were cut.", False),
        ("John Smith | Reuters", False),
    ],
)
def test_menu_labels(line: str, menu: bool) -> None:
    assert furniture.menu_labels(line) is menu


@pytest.mark.parametrize(
    ("line", "pages"),
    [
        ("‹ Prev 1 2 3 … 9 Next ›", True),
        ("« 1 2 3 »", True),
        ("1 2 3 4", False),
        ("Next", False),
        ("647 → 256", False),  # a figure before and after, in a table
        ("12 → 9 → 4", False),
    ],
)
def test_page_links(line: str, pages: bool) -> None:
    assert furniture.page_links(line) is pages


def test_css_class_runs() -> None:
    text = "col-md-6 col-sm-12 The far-reaching, well-known plan; see wp-block-image."
    assert [text[s:e] for s, e in furniture.css_class_runs(text)] == [
        "col-md-6 col-sm-12",
        "wp-block-image",
    ]


@pytest.mark.parametrize(
    ("marks", "family"),
    [
        (("article-body", "related-stories"), "related links"),
        (("share-bar",), "share buttons"),
        (("entry-content",), None),
        (("post-12 category-popular tag-sport",), None),  # WordPress topic classes
        (("sr-only",), "screen-reader text"),
        (("figure", "wp-caption-text"), "image caption or credit"),
        (("articlepage-authorinfo-bio",), "author box"),
        (("post-tags",), "tag list"),
        (("tag-list",), "tag list"),
        (("meta", "type-caption"), None),  # a typography utility, not a caption
        (("meta has-social-tools", "timestamp"), None),  # holds share tools, is not one
        (("m-author", "m-author__description"), "author box"),
        (("byline", "author-name"), None),
        (("recipe-card", "wprm-call-to-action-header"), "call to action"),
        (("button mb-cta",), "call to action"),
        # The article's text element speaks before a wrapper named for a menu.
        (("m-shared-nav-content-inner", "post-content"), None),
        (("share-tools", "author-byline"), None),  # a byline inside a share bar's wrapper
    ],
)
def test_marked_family(marks: tuple[str, ...], family: str | None) -> None:
    assert furniture.marked_family(marks) == family


GERMAN_PAGE = """<!DOCTYPE html>
<html lang="de"><head><title>Hafen | Küstenbote</title></head><body>
<div class="share-bar"><a href="#">Teilen</a> <a href="#">Drucken</a></div>
<article><h1>Hafengebühren steigen im April</h1>
<figure><figcaption>Ein Frachter verlässt am Morgen den Hafen. Foto: Jana Beispiel</figcaption>
</figure>
<p>Die Hafenbehörde hat am Dienstag mitgeteilt, dass die Gebühren für Frachtschiffe im April
um sechs Prozent steigen werden, weil die Kosten für Energie und Personal gewachsen sind.</p>
<p>Die Fischer der Stadt sagten, die Erhöhung werde sie etwa zweitausend Euro im Jahr kosten,
und baten den Stadtrat um eine Ausnahme für kleine Boote.</p>
<ul class="related-links"><li><a href="/a">Neue Fähre für die Inseln bestellt</a></li>
<li><a href="/b">Stadtrat streitet über den Ausbau der Kaimauer</a></li></ul>
<div class="post-tags"><a href="/t/hafen">Hafen</a> <a href="/t/fischerei">Fischerei</a></div>
</article></body></html>
"""


def test_a_page_in_another_language_gets_one_finding(tmp_path: Path) -> None:
    found = lint_json(tmp_path, "hafen.html", GERMAN_PAGE)
    assert [d["rule"] for d in found] == ["spelling.not-english"], found


STORY_WITH_PANEL = """<html><body><article>
<h1>Harbour tolls to rise in April</h1>
<p>The port authority said on Tuesday that tolls for freight vessels would rise by six per cent
in April, blaming the cost of energy and a new pay deal for its staff.</p>
<div class="share-tools"><p><a href="#">Facebook</a></p><p><a href="#">Twitter</a></p>
<p><a href="#">WhatsApp</a></p><p><a href="#">Copy link</a></p></div>
<p>Fishing crews said the rise would cost each boat about two thousand pounds a year, and asked
the council for an exemption for boats under ten metres long.</p>
<p>The council will discuss the request at its meeting next month, a spokesman said.</p>
</article></body></html>
"""


def test_a_panel_inside_the_story_is_one_finding(tmp_path: Path) -> None:
    found = lint_json(tmp_path, "story.html", STORY_WITH_PANEL, "--select", "filler")
    assert len(found) == 1, found
    assert "4 lines in a row inside the article" in found[0]["message"]
    assert found[0]["text"].startswith("Facebook")
    assert found[0]["text"].endswith("Copy link")


@pytest.mark.parametrize(
    ("line", "family"),
    [
        ("2 months ago", "a relative timestamp"),
        ("Asked 8 years, 2 months ago", "a relative timestamp"),
        ("Updated 5 mins ago", "a relative timestamp"),
        ("The mill closed two months ago.", None),
        ("Photo: Jane Doe/Coast News", "a photo credit"),
        ("(AP Photo/Sam Carter)", "a photo credit"),
        ("Jane Doe / Getty Images", "a photo credit"),
        ("Photographs by the hundred were taken", None),
        ("Video: Storm closes the coast road (Harbour TV)", "a media embed label"),
        ("Gallery: A week of storms", "a media embed label"),
        ("Watch the video below.", None),
        ("2 / 5", "a page link"),
        ("@coastnews", "a social-media handle"),
        ("Write to @coastnews", None),
        ("quay-at-dawn_1160x768.JPG", "an image's file name"),
        ("The file was saved as quay.jpg", None),
    ],
)
def test_timestamps_and_credits(line: str, family: str | None) -> None:
    found = furniture.label_line(line)
    assert (found[0] if found else None) == family


GALLERY = """<html><body><article>
<h1>Ten harbour towns to visit this winter</h1>
<p>Our travel desk picked ten harbour towns that stay open all winter.</p>
<figure><figcaption>Stonehaven: the fishing boats still land their catch at the old quay every
morning, and the cafe on the pier opens at seven for the crews.</figcaption></figure>
<figure><figcaption>Portsoy: the stone harbour dates from the seventeenth century, and its
boat festival fills the streets with music for a whole weekend.</figcaption></figure>
<figure><figcaption>Crail: narrow lanes run down to a tiny harbour where lobster creels are
stacked beside the wall, and the pottery is open all year.</figcaption></figure>
</article></body></html>
"""


def test_a_gallery_keeps_its_captions(tmp_path: Path) -> None:
    """Where captions carry more words than the prose, they are the story."""
    found = lint_json(tmp_path, "gallery.html", GALLERY, "--select", "filler")
    assert found == [], found


PICTURE_BLOCKS = """<html><body><article><h1>Quay reopens</h1>
<figure><img src="quay.jpg" alt=""><figcaption><p>Boats at the quay.</p></figcaption>
<div>Photo: Jane Doe</div></figure>
<p>The quay reopened on Monday.</p>
<figure class="wp-block-table"><table><tr><td>Berths</td><td>12</td></tr></table></figure>
<h2><a name="history">History</h2>
<p>It was built in 1890 and <a href="/quay">rebuilt</a> in 1990.</p>
</article></body></html>
"""


def test_the_reader_marks_pictures_captions_and_links() -> None:
    """Text in a <figcaption>, or in a <figure> after its picture, is the picture's
    caption whatever its tags; a table in a <figure> is not; a named anchor is no link."""
    doc = load_document("quay.html", PICTURE_BLOCKS)
    blocks = {doc.span_text(b.span): b for b in doc.page_blocks}
    assert blocks["Boats at the quay."].tag == "figcaption"
    assert blocks["Photo: Jane Doe"].tag == "figcaption"
    assert blocks["The quay reopened on Monday."].tag == "p"
    assert blocks["Berths"].tag == "td"
    assert blocks["History"].link_chars == 0
    assert blocks["It was built in 1890 and rebuilt in 1990."].link_chars == len("rebuilt")


CREDIT_BLOCKS = """<html><body><article><h1>Seals return</h1>
<p>Wardens counted 212 seal pups on the sandbank this winter, the trust said on Monday.</p>
<div class="pic"><img src="seals.jpg" alt=""><div class="pic-copy">Pups on the bank.</div>
<div class="pic-author">Photograph by Jane Doe</div></div>
<p>The trust credits a ban on boat landings in the pupping season for the rise.</p>
<div class="note">Photograph by Sam Carter</div>
</article></body></html>
"""


def test_a_credit_under_a_picture_belongs_to_it() -> None:
    """A credit in a plain element right under its picture (and caption) is the
    picture's; the same line after a paragraph of the story, with no picture, is not."""
    from newslint.checks.web import _in_caption

    doc = load_document("seals.html", CREDIT_BLOCKS)
    under = doc.text.index("Photograph by Jane Doe")
    alone = doc.text.index("Photograph by Sam Carter")
    assert _in_caption(doc, under)
    assert not _in_caption(doc, alone)


def _marked_story(marker: str, paragraphs: int) -> str:
    """A story whose page printed ``marker`` between every two paragraphs."""
    lines = [
        f"Paragraph {n} of the report on the tram works, the council said."
        for n in range(paragraphs)
    ]
    return f"\n\n{marker}\n\n".join(lines) + "\n"


def test_a_marker_the_page_repeats_is_one_finding_that_counts_its_copies() -> None:
    text = _marked_story("ADVERTISEMENT", 6)
    result = lint_snippet(text, select=("filler.web-furniture",))
    (finding,) = result.diagnostics
    assert finding.text == "ADVERTISEMENT"
    assert finding.range is not None and finding.range.start.line == 3
    assert finding.message.endswith("(5 copies, lines 3 to 19; remove every one)")
    # Suppressed copies are not counted, and two copies left are two findings.
    directive = "<!-- newslint-disable-next-line filler.web-furniture -->"
    suppressed = text.replace("ADVERTISEMENT", f"{directive}\nADVERTISEMENT", 3)
    assert len(lint_snippet(suppressed, "markdown", ("filler.web-furniture",)).diagnostics) == 2


def test_the_json_output_lists_the_other_copies_of_a_repeated_marker(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(_marked_story("Advertisement", 4), encoding="utf-8")
    run = run_cli("check", "--format", "json", "--select", "filler.web-furniture", story)
    (finding,) = json.loads(run.stdout)["files"][0]["diagnostics"]
    assert finding["range"]["start"]["line"] == 3
    assert [c["start"]["line"] for c in finding["copies"]] == [7, 11]
    source = story.read_text(encoding="utf-8")
    for copy in finding["copies"]:
        assert source[copy["start"]["offset"] : copy["end"]["offset"]] == "Advertisement"


def test_sarif_lists_the_other_copies_as_related_locations(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(_marked_story("Advertisement", 4), encoding="utf-8")
    run = run_cli("check", "--format", "sarif", "--select", "filler.web-furniture", story)
    (result,) = json.loads(run.stdout)["runs"][0]["results"]
    regions = [r["physicalLocation"]["region"] for r in result["relatedLocations"]]
    assert [(r["startLine"], r["startColumn"], r["endColumn"]) for r in regions] == [
        (7, 1, 14),
        (11, 1, 14),
    ]
