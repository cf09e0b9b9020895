"""Map code-point offsets to LSP positions and back.

newslint counts code points; LSP counts UTF-16 code units unless the client
negotiated another encoding. Lines break at ``\\n``, ``\\r\\n`` and ``\\r``
only, as the protocol says (not at the other breaks ``str.splitlines`` knows).
"""

from __future__ import annotations

import bisect

from lsprotocol import types

from newslint import regexcache

_BREAK = regexcache.compile(r"\r\n|\r|\n")
UTF16 = types.PositionEncodingKind.Utf16


def units(text: str, encoding: str = UTF16) -> int:
    """How many code units of ``encoding`` ``text`` takes."""
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class LineIndex:
    """Line starts of one text, for conversions in both directions."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0, *(m.end() for m in _BREAK.finditer(text))]

    def _line_end(self, line: int) -> int:
        """Offset where ``line``'s content ends (before its line break)."""
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            while end > self.starts[line] and self.text[end - 1] in "\r\n":
                end -= 1
            return end
        return len(self.text)

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return types.Position(line, units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of an LSP position, clamped to the text.

        A character past the line's end means the end of the line; one that
        falls inside a surrogate pair (or UTF-8 sequence) rounds down."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        end = self._line_end(position.line)
        want = position.character
        if self.encoding == types.PositionEncodingKind.Utf32:
            return min(start + want, end)
        count = 0
        for i in range(start, end):
            step = units(self.text[i], self.encoding)
            if count + step > want:
                return i
            count += step
        return end


def apply_change(
    text: str, change: types.TextDocumentContentChangeEvent, encoding: str = UTF16
) -> str:
    """The text after one didChange content change (incremental or whole)."""
    range_ = getattr(change, "range", None)
    if range_ is None:
        return change.text
    index = LineIndex(text, encoding)
    start, end = index.offset(range_.start), index.offset(range_.end)
    if end < start:
        start, end = end, start
    return text[:start] + change.text + text[end:]
