"""Progress of a long streaming run on stderr: items done, items per second,
ETA (when the total is known) and findings so far, redrawn in place at most
a few times a second."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TextIO

from newslint.archive.kinds import archive_kind
from newslint.archive.records import csv_record_ends, open_text

REDRAW = 0.25  # seconds between redraws


class Progress:
    def __init__(
        self, total: int | None, out: TextIO | None = None, label: str = "Linting"
    ) -> None:
        self.total = total
        self.out = out or sys.stderr
        self.label = label
        self.done = 0
        self.findings = 0
        self.started = time.monotonic()
        self._drawn = 0.0
        self._width = 0

    def update(self, items: int, findings: int) -> None:
        self.done += items
        self.findings += findings
        now = time.monotonic()
        if now - self._drawn >= REDRAW:
            self._drawn = now
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        elapsed = max(1e-6, (now or time.monotonic()) - self.started)
        rate = self.done / elapsed
        done = f"{self.done:,}" + (f"/{self.total:,}" if self.total else "")
        text = f"{self.label}: {done} records, {rate:,.0f}/s, {self.findings:,} findings"
        if self.total and rate > 0:
            text += f", ETA {_duration(max(0, self.total - self.done) / rate)}"
        return text

    def _draw(self, now: float) -> None:
        text = self.line(now)
        self.out.write("\r" + text.ljust(self._width))
        self.out.flush()
        self._width = len(text)

    def close(self) -> None:
        self._draw(time.monotonic())
        self.out.write("\n")
        self.out.flush()


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds // 60 % 60:02d}m"


def count_records(paths: list[Path]) -> int | None:
    """Records in the archives (lines, CSV rows, Parquet rows), read fast
    without parsing; None when a path is not an archive or is compressed."""
    total = 0
    for path in paths:
        kind = archive_kind(path)
        if kind is None or path.name.lower().endswith(".gz") or not path.is_file():
            return None
        if kind == "parquet":
            import pyarrow.parquet as pq

            total += pq.ParquetFile(path).metadata.num_rows
        elif kind == "csv":
            with open_text(path) as handle:
                total += max(0, sum(1 for _ in csv_record_ends(handle)) - 1)
        else:
            with path.open("rb") as handle:
                total += sum(
                    block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b"")
                )
    return total
