"""Which files are archives of records, by name alone (cheap: the check
command asks this of every path before it knows whether to stream)."""

from __future__ import annotations

from pathlib import Path

# Archive kinds by file name ending (checked longest first).
SUFFIXES = {
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
}


def archive_kind(path: Path) -> str | None:
    """``"jsonl"``, ``"csv"``, ``"parquet"`` or None for an ordinary file."""
    name = path.name.lower()
    for suffix, kind in SUFFIXES.items():
        if name.endswith(suffix):
            return kind
    return None
