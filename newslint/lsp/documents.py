"""The documents the editor has open: text, version, format and file path."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types

from newslint.lsp.positions import UTF16, LineIndex, apply_change
from newslint.sources import detect_format

# languageId -> newslint source format; other ids fall back to the file extension.
LANGUAGE_FORMATS = {
    "markdown": "markdown",
    "html": "html",
    "plaintext": "text",
    "text": "text",
}


# Extensions checked whatever the languageId (as `newslint check` finds files).
EXTENSIONS = (".md", ".markdown", ".html", ".htm", ".txt", ".text")


def supported(language_id: str, path: Path) -> bool:
    """Whether to lint a document: one of our languages, or one of our file types
    (an editor that sends every buffer gets no findings on its Python files)."""
    return language_id.lower() in LANGUAGE_FORMATS or path.suffix.lower() in EXTENSIONS


def uri_to_path(uri: str) -> Path:
    """The file a URI names; an unsaved buffer is treated as a file in the cwd."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        path = unquote(parsed.path)
        if os.name == "nt" and path.startswith("/") and path[2:3] == ":":
            path = path[1:]
        return Path(path)
    name = Path(unquote(parsed.path or "untitled")).name or "untitled"
    return Path.cwd() / name


def source_format(language_id: str, path: Path) -> str:
    return LANGUAGE_FORMATS.get(language_id.lower()) or detect_format(str(path))


@dataclass
class OpenDocument:
    uri: str
    language_id: str
    version: int
    text: str
    encoding: str = UTF16
    path: Path = field(init=False)
    fmt: str = field(init=False)
    _index: LineIndex | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.path = uri_to_path(self.uri)
        self.fmt = source_format(self.language_id, self.path)

    @property
    def index(self) -> LineIndex:
        if self._index is None or self._index.text is not self.text:
            self._index = LineIndex(self.text, self.encoding)
        return self._index

    def edit(self, version: int, changes: list[types.TextDocumentContentChangeEvent]) -> None:
        text = self.text
        for change in changes:
            text = apply_change(text, change, self.encoding)
        self.text, self.version = text, version


class Documents:
    """Open documents by URI."""

    def __init__(self) -> None:
        self._docs: dict[str, OpenDocument] = {}
        self.encoding: str = UTF16

    def open(self, item: types.TextDocumentItem) -> OpenDocument:
        doc = OpenDocument(item.uri, item.language_id, item.version, item.text, self.encoding)
        self._docs[item.uri] = doc
        return doc

    def get(self, uri: str) -> OpenDocument | None:
        return self._docs.get(uri)

    def close(self, uri: str) -> None:
        self._docs.pop(uri, None)

    def all(self) -> list[OpenDocument]:
        return list(self._docs.values())
