"""Reading archive records: JSON Lines (plain or gzip), CSV and Parquet.

Each record becomes a :class:`Record` (one article) or a :class:`BadRecord`
(bad JSON, a missing text field, a wrong type) that names it; a bad record
never stops the others. Readers are generators, so an archive of any size
is read in constant memory, and take an optional :class:`Slice` so that a
Dask worker can read its own partition without the client shipping records.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.archive.kinds import archive_kind
from newslint.sources.common import coerce_date, english_variant

TEXT_FIELDS = ("body", "text", "content")  # tried in turn when --text-field is not given
FORMATS = ("text", "markdown", "html")
OPTIONAL_FIELDS = ("title", "byline", "date", "language", "url", "format")

csv.field_size_limit(sys.maxsize)  # an article body is one CSV field


@dataclass(frozen=True)
class FieldMap:
    """Which record field holds what (``--text-field``, ``--id-field``, ``--field``)."""

    text: str | None = None  # None: the first of TEXT_FIELDS present
    id: str = "id"
    optional: Mapping[str, str] = field(default_factory=dict)  # title -> "headline" ...

    def name_of(self, key: str) -> str:
        return self.optional.get(key, key)

    def fingerprint(self) -> str:
        return json.dumps([self.text, self.id, sorted(self.optional.items())])


@dataclass(frozen=True)
class Record:
    """One article from an archive."""

    archive: str  # the archive as displayed ("archive.jsonl")
    position: int  # 1-based line (JSON Lines) or row (CSV, Parquet)
    id: str
    text: str
    title: str | None = None
    byline: str | None = None
    date: dt.date | None = None
    language: str | None = None  # en-GB / en-US
    url: str | None = None
    format: str = "text"

    @property
    def name(self) -> str:
        return f"{self.archive}#{self.id}"


@dataclass(frozen=True)
class BadRecord:
    archive: str
    position: int
    id: str | None
    problem: str

    @property
    def name(self) -> str:
        """``archive.jsonl#id`` when the id could be read, else ``archive.jsonl:LINE``."""
        return f"{self.archive}#{self.id}" if self.id else f"{self.archive}:{self.position}"


@dataclass(frozen=True)
class Slice:
    """Part of an archive: bytes ``[start, end)`` of the (decompressed) text
    whose first record is number ``first``; or Parquet row group ``start``."""

    start: int = 0
    end: int | None = None
    first: int = 1


def read_records(
    path: Path, display: str, fields: FieldMap, part: Slice | None = None
) -> Iterator[Record | BadRecord]:
    kind = archive_kind(path)
    if kind == "jsonl":
        rows = _jsonl_rows(path, part or Slice())
    elif kind == "csv":
        rows = _csv_rows(path, part or Slice())
    elif kind == "parquet":
        rows = _parquet_rows(path, part)
    else:
        raise ValueError(f"{path} is not an archive")
    for position, row in rows:
        if isinstance(row, str):  # the reader's own complaint (bad JSON ...)
            yield BadRecord(display, position, None, row)
        else:
            yield make_record(display, position, row, fields)


def open_text(path: Path) -> io.BufferedIOBase:
    """The archive's bytes, decompressed when it is gzip."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def _lines(path: Path, part: Slice) -> Iterator[tuple[int, bytes]]:
    """Lines that start inside ``[part.start, part.end)``, numbered from ``part.first``."""
    with open_text(path) as handle:
        handle.seek(part.start)
        offset = part.start
        number = part.first
        for line in handle:
            if part.end is not None and offset >= part.end:
                return
            offset += len(line)
            yield number, line
            number += 1


def _jsonl_rows(path: Path, part: Slice) -> Iterator[tuple[int, dict[str, Any] | str]]:
    for number, line in _lines(path, part):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except UnicodeDecodeError:
            yield number, "is not valid UTF-8"
            continue
        except ValueError as exc:
            yield number, f"is not valid JSON ({exc})"
            continue
        if not isinstance(row, dict):
            yield number, f"is a JSON {type(row).__name__}, not an object"
            continue
        yield number, row


def csv_header(path: Path) -> tuple[list[str], int]:
    """The header row and the byte offset where the data starts."""
    with open_text(path) as handle:
        raw = b""
        for line in handle:
            raw += line
            if raw.count(b'"') % 2 == 0:  # a quoted header field may span lines
                break
    header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))), [])
    return header, len(raw)


def csv_record_ends(handle: io.BufferedIOBase) -> Iterator[int]:
    """Byte offsets where CSV records end: a line ending outside quotes (RFC 4180
    escapes a quote by doubling it, so an even quote count means outside)."""
    offset = 0
    quotes = 0
    for line in handle:
        offset += len(line)
        quotes += line.count(b'"')
        if quotes % 2 == 0:
            quotes = 0
            yield offset


def _csv_rows(path: Path, part: Slice) -> Iterator[tuple[int, dict[str, Any] | str]]:
    try:
        header, data_start = csv_header(path)
    except UnicodeDecodeError:
        yield 1, "header is not valid UTF-8"
        return
    start = max(part.start, data_start)
    with open_text(path) as handle:
        handle.seek(start)
        number = part.first
        offset = start
        record = b""
        for line in handle:
            if part.end is not None and offset >= part.end and not record:
                return
            offset += len(line)
            record += line
            if record.count(b'"') % 2:
                continue  # a quoted field goes on over the line break
            raw, record = record, b""
            if not raw.strip():
                continue
            yield number, _csv_row(header, raw)
            number += 1
        if record:
            yield number, "has an unclosed quoted field"


def _csv_row(header: list[str], raw: bytes) -> dict[str, Any] | str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "is not valid UTF-8"
    values = next(csv.reader(io.StringIO(text)), [])
    if len(values) != len(header):
        return f"has {len(values)} fields; the header has {len(header)}"
    return dict(zip(header, values, strict=True))


def _parquet_rows(path: Path, part: Slice | None) -> Iterator[tuple[int, dict[str, Any] | str]]:
    import pyarrow.parquet as pq

    handle = pq.ParquetFile(path)
    groups = range(handle.num_row_groups) if part is None else [part.start]
    for group in groups:
        number = part.first if part is not None else _rows_before(handle, group) + 1
        for batch in handle.iter_batches(batch_size=512, row_groups=[group]):
            for row in batch.to_pylist():
                yield number, row
                number += 1


def _rows_before(handle: Any, group: int) -> int:
    return sum(handle.metadata.row_group(i).num_rows for i in range(group))


def make_record(
    display: str, position: int, row: dict[str, Any], fields: FieldMap
) -> Record | BadRecord:
    """A Record from one row, or a BadRecord saying which field is wrong."""
    raw_id = row.get(fields.id)
    record_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id) != "" else None

    def bad(problem: str) -> BadRecord:
        return BadRecord(display, position, record_id, problem)

    if record_id is None:
        if raw_id is None:
            record_id = str(position)  # no id field: the line/row number stands in
        else:
            return bad(f"'{fields.id}' field is a {type(raw_id).__name__}, not a string or number")
    names = (fields.text,) if fields.text else TEXT_FIELDS
    text_field = next((n for n in names if n in row and row[n] is not None), None)
    if text_field is None:
        return bad(f"has no text field ({' or '.join(repr(n) for n in names)})")
    text = row[text_field]
    if not isinstance(text, str):
        return bad(f"'{text_field}' field is a {type(text).__name__}, not a string")
    values: dict[str, Any] = {}
    for key in OPTIONAL_FIELDS:
        name = fields.name_of(key)
        value = row.get(name)
        if value is None or value == "":
            continue
        if key == "date":
            date = coerce_date(value)
            if date is None:
                return bad(f"'{name}' field {value!r} is not a date")
            values[key] = date
        elif not isinstance(value, str):
            return bad(f"'{name}' field is a {type(value).__name__}, not a string")
        elif key == "format":
            fmt = value.strip().lower()
            if fmt not in FORMATS:
                return bad(f"'{name}' field {value!r} is not one of {', '.join(FORMATS)}")
            values[key] = fmt
        elif key == "language":
            values[key] = english_variant(value)
        else:
            values[key] = " ".join(value.split())  # one line: it heads the article
    return Record(display, position, record_id, text, **values)
