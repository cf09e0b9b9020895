"""Driving a streaming run: lint (locally or on Dask), write each final
result to the sink, then the second names pass, then the totals."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from newslint.diagnostics import Severity
from newslint.names import run as names_run
from newslint.names.reduce import NameCounts, NameSlips
from newslint.results import FileResult
from newslint.stream import Outcome, Spool, finish_names


@dataclass
class Totals:
    files: int = 0
    diagnostics: int = 0
    errors: int = 0
    worst: Severity | None = None
    by_rule: Counter[str] = field(default_factory=Counter)  # for --statistics

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.diagnostics += len(result.diagnostics)
        self.by_rule.update(d.rule for d in result.diagnostics)
        self.errors += len(result.errors)
        for d in result.diagnostics:
            if self.worst is None or d.severity > self.worst:
                self.worst = d.severity

    def exit_code(self, fail_on: Severity | None) -> int:
        if self.errors:
            return 2
        if fail_on is not None and self.worst is not None and self.worst >= fail_on:
            return 1
        return 0


class JsonlSink:
    """Writes each result as a JSON line as soon as it is final."""

    streams = True

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.rules: dict[str, Any] = {}

    def write(self, position: tuple[int, int], result: FileResult) -> None:
        from newslint.formatters.jsonl import file_line

        self.out.write(file_line(self.rules, result))

    def close(self, totals: Totals, notices: list[str]) -> None:
        from newslint.formatters.jsonl import summary_line

        self.out.write(summary_line(totals.files, totals.diagnostics, totals.errors, notices))
        self.out.flush()


class CollectSink:
    """Keeps the results, in input order, for formats that need the whole run
    (text, json, sarif ...). Only --format jsonl streams in flat memory."""

    streams = False

    def __init__(self) -> None:
        self.rules: dict[str, Any] = {}
        self.found: list[tuple[tuple[int, int], FileResult]] = []

    def write(self, position: tuple[int, int], result: FileResult) -> None:
        self.found.append((position, result))

    def results(self) -> list[FileResult]:
        return [r for _, r in sorted(self.found, key=lambda pair: pair[0])]

    def close(self, totals: Totals, notices: list[str]) -> None:
        pass


@dataclass
class OrderedCounts:
    """Merges per-chunk names counts in input order, whatever order they come in."""

    counts: NameCounts = field(default_factory=NameCounts)
    next: int = 0
    waiting: list[tuple[int, int, NameCounts]] = field(default_factory=list)
    _tie: int = 0

    def add(self, index: int, counts: NameCounts) -> None:
        self._tie += 1
        heapq.heappush(self.waiting, (index, self._tie, counts))
        while self.waiting and self.waiting[0][0] == self.next:
            self.counts.merge(heapq.heappop(self.waiting)[2])
            self.next += 1


def drive(
    chunks: Iterable[tuple[int, list[Outcome], NameCounts]],
    sink: Any,
    severity_for: Any,
    progress: Any | None = None,
) -> Totals:
    """Write final results at once, spool the rest, then run the names pass.

    ``chunks`` yields (chunk index, outcomes, names counts), in any order;
    chunk indexes are 0, 1, 2 ... in input order."""
    totals = Totals()
    spool = Spool()
    counts = OrderedCounts()
    for index, outcomes, chunk_counts in chunks:
        counts.add(index, chunk_counts)
        found = 0
        for number, outcome in enumerate(outcomes):
            if outcome.names is not None:
                spool.add(_positioned(outcome, index, number))
                continue
            totals.add(outcome.result)
            found += len(outcome.result.diagnostics)
            sink.write((index, number), outcome.result)
        if progress is not None:
            progress.update(len(outcomes), found)
    assert not counts.waiting, "a chunk's names counts never arrived"
    slips = NameSlips(counts.counts)
    for outcome in spool.drain():
        result = finish_names(outcome, slips, severity_for)
        totals.add(result)
        sink.write(outcome.position, result)  # type: ignore[attr-defined]
        if progress is not None:
            progress.update(0, len(result.diagnostics))
    if progress is not None:
        progress.close()
    return totals


def _positioned(outcome: Outcome, index: int, number: int) -> Outcome:
    outcome.position = (index, number)  # type: ignore[attr-defined]
    return outcome


def numbered(
    chunks: Iterator[tuple[list[Outcome], NameCounts]],
) -> Iterator[tuple[int, list[Outcome], NameCounts]]:
    for index, (outcomes, counts) in enumerate(chunks):
        yield index, outcomes, counts


def collecting_names() -> None:
    """Streaming runs always keep names summaries: an archive is many articles."""
    names_run.collect(True)


def config_path_for(paths: list[Path]) -> Path:
    return paths[0] if paths else Path.cwd() / "-"


def run_streaming(
    runner: Any,
    paths: list[Path],
    fields: Any,
    output_format: str,
    out: TextIO,
    *,
    color: bool,
    dask: str | None = None,
) -> tuple[int, list[str], Any, Totals]:
    """Lint ``paths`` (files, directories, archives) streaming; returns the exit
    code, the notices, the RunResult for formats that need the whole run (else
    None) and the totals."""
    import os

    from newslint.runner import _prepare_engines
    from newslint.stream import iter_items, run_local

    collecting_names()
    runner.rule_set(runner.resolver.for_path(config_path_for(paths))).selected  # noqa: B018
    # jsonl and the html audit report take results one at a time; other formats
    # need the whole run.
    streams = output_format in ("jsonl", "html")
    sink: Any = CollectSink()
    if output_format == "jsonl":
        sink = JsonlSink(out)
    elif output_format == "html":
        from newslint.formatters.html import HtmlSink

        sink = HtmlSink(out)
    progress = None
    if runner.options.progress:
        from newslint.progress import Progress, count_records

        progress = Progress(count_records(paths))
    if dask:
        from newslint.distributed import run_on_dask

        chunks: Iterable[tuple[int, list[Outcome], NameCounts]] = run_on_dask(
            dask, runner, paths, fields, keep_source=not streams
        )
    else:
        _prepare_engines(runner, paths)
        items = iter_items(paths, fields, runner._is_excluded)
        jobs = runner.options.jobs or os.cpu_count() or 1
        chunks = numbered(run_local(runner, runner.cache, not streams, items, jobs))
    sink.rules = runner.result([]).rules
    totals = drive(chunks, sink, runner._severity_for, progress)
    notices = runner.engine_notices()
    if streams:
        sink.close(totals, notices)
        fail_on = runner.resolver.for_path(Path.cwd() / "-").fail_on
        return totals.exit_code(fail_on), notices, None, totals
    result = runner.result(sink.results())
    return result.exit_code, notices, result, totals
