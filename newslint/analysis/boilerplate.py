"""jusText's boilerplate classifier run on the blocks the HTML reader found.

jusText (Pomikalek 2011, maintained on PyPI) judges a block by its length, its
share of stop words and its share of link text, then revises short blocks by
their neighbours. Its own HTML parse is not needed: the reader already has the
blocks, their link characters and their tags, so the classifier runs on those
and its verdicts line up with ``Document.paragraphs`` one for one.

jusText is imported on the first HTML page only (it brings lxml, ~50 ms).
Without it installed, :func:`classify` returns no verdicts and the checks
fall back to structure alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newslint.document import Document, PageBlock
from newslint.spans import Span


@dataclass(frozen=True)
class Verdict:
    span: Span
    block: PageBlock
    boilerplate: bool  # jusText's final class is not "good"
    context_free: str  # jusText's first, context-free class: good, neargood, short, bad


class _Path:
    """The two attributes of jusText's PathInfo that its Paragraph reads."""

    def __init__(self, tag: str) -> None:
        self.dom = f"html.body.{tag}"
        self.xpath = f"/html/body/{tag}"


@lru_cache(maxsize=1)
def _stoplist() -> frozenset[str] | None:
    try:
        import justext
    except ImportError:  # optional: structure-only checks without it
        return None
    return frozenset(justext.get_stoplist("English"))


def classify(doc: Document) -> list[Verdict]:
    """One verdict per HTML block (none for other formats or without jusText)."""
    blocks = doc.page_blocks
    stoplist = _stoplist() if blocks else None
    if stoplist is None:
        return []
    from justext.core import classify_paragraphs, revise_paragraph_classification
    from justext.paragraph import Paragraph

    paragraphs = []
    for block in blocks:
        paragraph = Paragraph(_Path(block.tag))
        paragraph.append_text(doc.span_text(block.span))
        paragraph.chars_count_in_links = block.link_chars
        paragraphs.append(paragraph)
    classify_paragraphs(paragraphs, stoplist)
    revise_paragraph_classification(paragraphs)
    return [
        Verdict(block.span, block, p.class_type != "good", p.cf_class)
        for block, p in zip(blocks, paragraphs, strict=True)
    ]
