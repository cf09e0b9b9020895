"""Evidence from a page's markup that a lowercase word is a name, not a typo.

Saved web pages put user names, site names, tags and product names in
lowercase into link text and comment headers (coolimba, rustup, omiyage,
mitsuhiko). The page says what they are: the same word is a whole piece of a
link address, or it stands in an element the page names for a person.
"""

from __future__ import annotations

import bisect
import re

from newslint.document import Document

# Link addresses in any format: absolute, www., and href/src attributes
# (relative paths such as /japan/omiyage).
_ADDRESS = re.compile(
    r"""(?:https?://|www\.)[^\s"'<>()\\]+|(?:href|src)\s*=\s*["']([^"'\s<>]+)""", re.IGNORECASE
)
# Pieces of an address: host labels and path segments. Hyphens stay inside a
# piece, so a headline's slug (lead-a-resisitance-group) names nothing.
_PIECES = re.compile(r"[/.?#=&:;+%@~,]+")
# Class and id words of elements that hold a person's name.
_NAME_MARK = re.compile(
    r"(?:^|[\s_-])(?:fn|vcard|nickname|user-?name|screen-?name|display-?name|author-?name"
    r"|comment-author|commenter|username)(?:$|[\s_-])",
    re.IGNORECASE,
)
NAME_BLOCK_WORDS = 12  # a name line (name, date, time), not a paragraph


def url_parts(source: str) -> frozenset[str]:
    """Lowercased host labels and path segments of every link in ``source``."""
    parts: set[str] = set()
    for m in _ADDRESS.finditer(source):
        address = (m.group(1) or m.group()).split("://", 1)[-1]
        parts.update(p.lower() for p in _PIECES.split(address) if p.isalpha())
    return frozenset(parts)


def in_name_block(doc: Document, offset: int) -> bool:
    """Whether ``offset`` is in a short HTML block inside an element whose
    class or id names a person (comment-author, fn, username)."""
    blocks = doc.page_blocks
    i = bisect.bisect_right([b.span.start for b in blocks], offset) - 1
    if i < 0 or offset >= blocks[i].span.end:
        return False
    block = blocks[i]
    if len(doc.span_text(block.span).split()) > NAME_BLOCK_WORDS:
        return False
    return any(_NAME_MARK.search(mark) for mark in block.marks[-2:])
