"""Source loaders: turn a file of one format into a Document.

Each format has its own module (``text``, ``markdown``, ``html``) with a
``load(path, source) -> Document`` function, and :func:`load_document` picks
one. What they share (dates, bylines, finishing a Document) is in ``common``.
"""

from __future__ import annotations

import os

from newslint.document import Document

_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def detect_format(path: str) -> str:
    """``"markdown"``, ``"html"`` or ``"text"`` from the file name."""
    return _EXTENSIONS.get(os.path.splitext(path)[1].lower(), "text")


def load_document(path: str, source: str, fmt: str | None = None) -> Document:
    """Build the Document for ``source`` (decoded, BOM removed, line endings kept)."""
    fmt = fmt or detect_format(path)
    if fmt == "markdown":
        from newslint.sources import markdown

        return markdown.load(path, source)
    if fmt == "html":
        from newslint.sources import html

        return html.load(path, source)
    if fmt == "text":
        from newslint.sources import text

        return text.load(path, source)
    raise ValueError(f"unknown source format: {fmt!r}")
