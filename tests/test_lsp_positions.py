"""Code-point offsets <-> LSP positions (UTF-16 by default) and incremental edits."""

from __future__ import annotations

import pytest
from lsprotocol import types

from newslint.lsp.positions import LineIndex, apply_change, units

ENC = types.PositionEncodingKind
TEXT = "Héadline 🚢 here\r\nsecond 🦀 line\rthird\nlast"


def test_utf16_counts_astral_characters_twice():
    assert units("a🚢b") == 4
    assert units("a🚢b", ENC.Utf32) == 3
    assert units("aé🚢", ENC.Utf8) == 1 + 2 + 4


@pytest.mark.parametrize(
    ("offset", "utf16", "utf8", "utf32"),
    [
        (0, (0, 0), (0, 0), (0, 0)),
        (11, (0, 12), (0, 15), (0, 11)),  # after "Héadline 🚢 "
        (15, (0, 16), (0, 19), (0, 15)),  # end of line 1, before \r\n
        (17, (1, 0), (1, 0), (1, 0)),  # \r\n is one break
        (26, (1, 10), (1, 12), (1, 9)),  # after "second 🦀 "
        (31, (2, 0), (2, 0), (2, 0)),  # a lone \r breaks a line too
        (len(TEXT), (3, 4), (3, 4), (3, 4)),
    ],
)
def test_positions_round_trip_in_each_encoding(offset, utf16, utf8, utf32):
    for encoding, expected in ((ENC.Utf16, utf16), (ENC.Utf8, utf8), (ENC.Utf32, utf32)):
        index = LineIndex(TEXT, encoding)
        position = index.position(offset)
        assert (position.line, position.character) == expected, encoding
        assert index.offset(position) == offset


def test_offsets_are_clamped_and_round_down_inside_a_surrogate_pair():
    index = LineIndex(TEXT)
    assert index.offset(types.Position(0, 10)) == 9  # inside 🚢: the emoji's start
    assert index.offset(types.Position(0, 999)) == 15  # past the line's end: its end
    assert index.offset(types.Position(99, 0)) == len(TEXT)


def test_apply_change_incremental_and_full():
    start = types.Position(1, 7)
    end = types.Position(1, 9)  # the crab, two UTF-16 units
    change = types.TextDocumentContentChangePartial(range=types.Range(start, end), text="🐟🐟")
    assert apply_change(TEXT, change).split("\r\n")[1].startswith("second 🐟🐟 line")
    whole = types.TextDocumentContentChangeWholeDocument(text="new")
    assert apply_change(TEXT, whole) == "new"
