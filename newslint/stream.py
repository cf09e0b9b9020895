"""Streaming runs: files and archive records linted in bounded chunks, each
result written as soon as it is final, so memory stays flat however many
records there are.

Used for archives (``.jsonl``, ``.jsonl.gz``, ``.csv``, ``.parquet``) and for
``--format jsonl``. Work goes to forked worker processes a chunk at a time,
with a fixed number of chunks in flight; results come back in input order.

The cross-file names pass is a map-reduce (``names_reduce``): a result whose
names summary has no rare spelling is final at once and written; the few
others wait in a spool file on disk until every count is in, then get their
cross-file findings and are written last.
"""

from __future__ import annotations

import collections
import os
import pickle
import tempfile
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from newslint.archive.kinds import archive_kind
from newslint.archive.lint import Layout, lint_record
from newslint.archive.records import BadRecord, FieldMap, Record, read_records
from newslint.diagnostics import ConfigError, Severity
from newslint.names import run as names_run
from newslint.names.reduce import NameCounts, NameSlips, needs_second_pass
from newslint.reading import discover, read_source
from newslint.results import FileResult

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

CHUNK = 32  # items per task: large enough to amortise IPC, small for memory
IN_FLIGHT_PER_JOB = 4  # chunks queued per worker process


@dataclass(frozen=True)
class RecordItem:
    archive: Path  # its configuration applies to the record
    record: Record | BadRecord


@dataclass(frozen=True)
class FileItem:
    path: Path
    error: str | None = None  # from discovery (no such file ...)
    display: str | None = None  # the name to report it under (default: relative path)


Item = RecordItem | FileItem


@dataclass
class Outcome:
    """One item's result, with what the names pass needs."""

    result: FileResult
    config_path: Path
    names: names_run.FileNames | None = None
    layout: Layout | None = None


def iter_items(
    paths: Iterable[Path], fields: FieldMap, is_excluded: Callable[[Path], bool]
) -> Iterator[Item]:
    """Files (directories expanded) and the records of archives, in input order."""
    for path in paths:
        if archive_kind(path) is not None and path.is_file():
            if is_excluded(path):
                continue
            display = display_path(path)
            try:
                for record in read_records(path, display, fields):
                    yield RecordItem(path, record)
            except Exception as exc:  # a corrupt archive (gzip, Parquet ...)
                yield FileItem(path, f"cannot be read as an archive: {exc}")
            continue
        for target in discover([path], is_excluded):
            yield FileItem(target.path, target.error)


def lint_item(runner: Any, item: Item, cache: Any | None, keep_source: bool) -> Outcome:
    """Lint one file or record, from the cache when nothing it depends on changed."""
    if isinstance(item, FileItem):
        return _lint_file(runner, item, cache, keep_source)
    record = item.record
    if isinstance(record, BadRecord):
        error = f"{record.name}: {record.problem}"
        return Outcome(FileResult(record.name, errors=[error], record_id=record.id), item.archive)
    try:
        rules = runner.rule_set(runner.resolver.for_path(item.archive))
        rules.selected  # noqa: B018  (a bad selection is a config error here)
    except ConfigError as exc:
        return Outcome(
            FileResult(record.name, errors=[str(exc)], record_id=record.id), item.archive
        )
    key = None
    if cache is not None:
        key = cache.key(
            rules,
            item.archive,
            "record",
            record.name,
            str(item.archive.resolve()),
            record.title or "",
            record.byline or "",
            record.text,
            record.format,
            str(record.date),
            str(record.language),
            str(runner.options.article_date),
            str(names_run.collecting()),
        )
        hit = cache.get(key)
        if hit is not None:
            result, names, layout = hit
            result.source = record.text if keep_source else None
            return Outcome(result, item.archive, names, layout)
    try:
        result, layout = lint_record(record, item.archive, rules, runner.options.article_date)
    except Exception as exc:  # one bad record never costs the run (issue 11)
        from newslint.isolation import internal_error

        message = internal_error(record.name, exc, verbose=runner.options.verbose)
        names_run.take(record.name)  # drop whatever the failed lint had collected
        return Outcome(FileResult(record.name, errors=[message], record_id=record.id), item.archive)
    names = names_run.take(result.path)
    if names is not None:
        names = _relocated_names(names, layout)
    if key is not None and cache is not None and not runner.grammar_unavailable():
        cache.put(key, (_without_source(result), names, layout))
    if not keep_source:
        result.source = None
    return Outcome(result, item.archive, names, layout)


def _relocated_names(names: names_run.FileNames, layout: Layout) -> names_run.FileNames:
    """Move the located rare spellings into the record's coordinates now, so the
    cross-file findings need no layout later."""
    from dataclasses import replace

    forms = {}
    for key, form in names.forms.items():
        where = tuple((layout.range(r)[0], text) for r, text in form.where)
        forms[key] = replace(form, where=where)
    return replace(names, forms=forms)


def _lint_file(runner: Any, item: FileItem, cache: Any | None, keep_source: bool) -> Outcome:
    from newslint.runner import _display

    display = item.display or _display(item.path)
    if item.error is not None:
        return Outcome(FileResult(display, errors=[f"{display}: {item.error}"]), item.path)
    result = runner.lint_file(item.path)
    names = names_run.take(result.path)
    if not keep_source:
        result.source = None
    return Outcome(result, item.path, names)


def _without_source(result: FileResult) -> FileResult:
    from dataclasses import replace

    return replace(result, source=None)


def chunks(items: Iterable[Item], size: int = CHUNK) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- local execution: forked workers, a bounded number of chunks in flight ------

_WORKER: tuple[Any, Any, bool] | None = None


def _lint_chunk(chunk: list[Item]) -> tuple[list[Outcome], NameCounts]:
    assert _WORKER is not None
    runner, cache, keep_source = _WORKER
    return lint_chunk(runner, cache, keep_source, chunk)


def lint_chunk(
    runner: Any, cache: Any | None, keep_source: bool, chunk: Iterable[Item]
) -> tuple[list[Outcome], NameCounts]:
    """Lint a chunk; the names summaries that cannot be flagged are reduced into
    the chunk's counts and dropped, so only a few travel on."""
    outcomes = []
    counts = NameCounts()
    for item in chunk:
        outcome = lint_item(runner, item, cache, keep_source)
        counts.add(outcome.names)
        if not needs_second_pass(outcome.names):
            outcome.names = None
        outcomes.append(outcome)
    return outcomes, counts


def run_local(
    runner: Any,
    cache: Any | None,
    keep_source: bool,
    items: Iterable[Item],
    jobs: int,
) -> Iterator[tuple[list[Outcome], NameCounts]]:
    """Chunks' outcomes in input order, linted in ``jobs`` forked processes.

    A worker that dies (SIGKILL, out of memory) breaks the pool: the first
    unfinished chunk is then linted one item per process of its own, so the
    item that kills its process is reported and the others are linted, and the
    rest go to a fresh pool. Every break finishes at least one chunk."""
    global _WORKER
    _WORKER = (runner, cache, keep_source)
    if jobs <= 1:
        for chunk in chunks(items):
            yield _lint_chunk(chunk)
        return
    from newslint.runner import mark_pool_parent

    mark_pool_parent()  # or each worker would take itself for an orphan and exit
    import multiprocessing  # only for parallel runs: it costs a one-file run ~10 ms

    context = multiprocessing.get_context("fork")
    pool = _new_pool(jobs, context)
    pending: collections.deque[tuple[list[Item], Future[tuple[list[Outcome], NameCounts]]]]
    pending = collections.deque()
    try:
        for chunk in chunks(items):
            pending.append((chunk, pool.submit(_lint_chunk, chunk)))
            while len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                pool = yield from _next_chunk(pending, pool, jobs, context)
        while pending:
            pool = yield from _next_chunk(pending, pool, jobs, context)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _new_pool(jobs: int, context: Any) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor

    from newslint.runner import _worker_signals

    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_signals)


def _next_chunk(
    pending: collections.deque[tuple[list[Item], Future[tuple[list[Outcome], NameCounts]]]],
    pool: ProcessPoolExecutor,
    jobs: int,
    context: Any,
) -> Generator[tuple[list[Outcome], NameCounts], None, ProcessPoolExecutor]:
    """Yield the oldest chunk's outcomes; returns the pool to go on with."""
    from concurrent.futures.process import BrokenProcessPool

    chunk, future = pending.popleft()
    try:
        result = future.result()
    except BrokenProcessPool:
        pool.shutdown(wait=True, cancel_futures=True)
        yield _chunk_alone(chunk, context)
        pool = _new_pool(jobs, context)
        for index, (waiting, _) in enumerate(pending):
            pending[index] = (waiting, pool.submit(_lint_chunk, waiting))
        return pool
    yield result
    return pool


def _chunk_alone(chunk: list[Item], context: Any) -> tuple[list[Outcome], NameCounts]:
    """Lint each item in a process of its own; an item whose process dies is one
    error naming it."""
    from newslint.isolation import worker_died

    outcomes: list[Outcome] = []
    counts = NameCounts()
    for item in chunk:
        reader, writer = context.Pipe(duplex=False)
        process = context.Process(target=_alone_worker, args=(item, writer))
        process.start()
        writer.close()
        try:
            linted, item_counts = reader.recv()
        except (EOFError, OSError):
            process.join()
            name, where = _item_name(item)
            error = worker_died(name, process.exitcode)
            record_id = getattr(getattr(item, "record", None), "id", None)
            linted = [Outcome(FileResult(name, errors=[error], record_id=record_id), where)]
            item_counts = NameCounts()
        finally:
            reader.close()
        process.join()
        outcomes.extend(linted)
        counts.merge(item_counts)
    return outcomes, counts


def _alone_worker(item: Item, writer: Any) -> None:
    from newslint.runner import _worker_signals

    _worker_signals()
    writer.send(_lint_chunk([item]))
    writer.close()


def _item_name(item: Item) -> tuple[str, Path]:
    """The name an item's results go under, and the path its config comes from."""
    if isinstance(item, FileItem):
        from newslint.runner import _display

        return item.display or _display(item.path), item.path
    return item.record.name, item.archive


# -- the second pass ------------------------------------------------------------


class Spool:
    """Outcomes waiting for the names counts, kept on disk, not in memory."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="newslint-spool-")  # noqa: SIM115
        self.count = 0

    def add(self, outcome: Outcome) -> None:
        pickle.dump(outcome, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def drain(self) -> Iterator[Outcome]:
        self._file.flush()
        self._file.seek(0)
        for _ in range(self.count):
            yield pickle.load(self._file)
        self._file.close()


def finish_names(
    outcome: Outcome,
    slips: NameSlips,
    severity_for: Callable[[Path, str, Severity], Severity | None],
) -> FileResult:
    """Add the cross-file names findings to a spooled outcome."""
    result = outcome.result
    added = slips.findings(outcome.names)
    if added and outcome.names is not None:
        severity = severity_for(outcome.config_path, names_run.RULE, outcome.names.severity)
        if severity is not None:
            result.diagnostics.extend(d.with_severity(severity) for d in added)
            result.diagnostics.sort(key=lambda d: d.sort_key)
    return result


def display_path(path: Path) -> str:
    from newslint.runner import _display

    return _display(path)


def read_whole(path: Path, max_size: int) -> str:
    return read_source(path, max_size=max_size).text


def cpu_jobs(jobs: int) -> int:
    return jobs or os.cpu_count() or 1
