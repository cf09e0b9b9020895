"""``--dask ADDRESS|local``: lint on a Dask cluster.

The client only cuts the inputs into partitions (byte ranges of a JSON
Lines or CSV archive, found by scanning for record ends without parsing;
Parquet row groups; groups of files) and submits one task per partition.
Each worker opens the archive itself (it must see the same path: a shared
or network file system), reads its records, lints them and returns the
results with the partition's names counts (the map). The client merges the
counts in partition order (the reduce) and adds the cross-file names
findings in a second pass over the few results that could have one
(``newslint.archive.run.drive``), exactly as a local run does.

A worker that dies mid-run is the scheduler's business: its tasks are
re-run elsewhere (up to ``distributed.scheduler.allowed-failures`` times)
and the client takes exactly one result per partition, so nothing is lost
or duplicated. Workers need newslint installed (same version) and, for the
cache, their own ``NEWSLINT_CACHE_DIR``.
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.archive.kinds import archive_kind
from newslint.archive.records import (
    FieldMap,
    Slice,
    csv_header,
    csv_record_ends,
    open_text,
    read_records,
)
from newslint.config import CliOverrides
from newslint.names import run as names_run
from newslint.names.reduce import NameCounts
from newslint.stream import FileItem, Item, Outcome, RecordItem, lint_chunk

if TYPE_CHECKING:
    from dask.typing import Key

PARTITION_ENV = "NEWSLINT_DASK_PARTITION"  # records per partition
PARTITION_RECORDS = 1000
FILES_PER_PARTITION = 64


@dataclass(frozen=True)
class Settings:
    """What a worker needs to build the same Runner as the client."""

    config_path: Path | None
    overrides: CliOverrides
    options: Any  # RunOptions
    fields: FieldMap
    cache: bool
    keep_source: bool


@dataclass(frozen=True)
class Partition:
    path: str  # absolute
    display: str  # as the client names it
    part: Slice | None = None  # archives
    files: tuple[tuple[str, str], ...] = ()  # (absolute path, display) of plain files


def partitions(paths: list[Path], is_excluded: Any, size: int) -> Iterator[Partition]:
    """Cut the inputs into partitions of about ``size`` records, in input order."""
    from newslint.reading import discover
    from newslint.stream import display_path

    files: list[tuple[str, str]] = []
    for path in paths:
        kind = archive_kind(path)
        if kind is None or not path.is_file():
            for target in discover([path], is_excluded):
                files.append((str(target.path.resolve()), display_path(target.path)))
                if len(files) >= FILES_PER_PARTITION:
                    yield Partition("", "", files=tuple(files))
                    files = []
            continue
        if files:
            yield Partition("", "", files=tuple(files))
            files = []
        if is_excluded(path):
            continue
        display = display_path(path)
        absolute = str(path.resolve())
        for part in _archive_slices(path, kind, size):
            yield Partition(absolute, display, part)
    if files:
        yield Partition("", "", files=tuple(files))


def _archive_slices(path: Path, kind: str, size: int) -> Iterator[Slice]:
    if kind == "parquet":
        import pyarrow.parquet as pq

        meta = pq.ParquetFile(path).metadata
        first = 1
        for group in range(meta.num_row_groups):
            yield Slice(group, None, first)
            first += meta.row_group(group).num_rows
        return
    if kind == "csv":
        _, data_start = csv_header(path)
        with open_text(path) as handle:
            ends = (end for end in csv_record_ends(handle) if end > data_start)
            yield from _cut(ends, data_start, size)
        return
    with open_text(path) as handle:  # JSON Lines: a record ends with its line
        yield from _cut(itertools.accumulate(len(line) for line in handle), 0, size)


def _cut(ends: Iterable[int], start: int, size: int) -> Iterator[Slice]:
    """Slices of ``size`` records from records' end offsets; the last is open."""
    first = count = 0
    for end in ends:
        count += 1
        if count == size:
            yield Slice(start, end, first + 1)
            start, first, count = end, first + count, 0
    if count:
        yield Slice(start, None, first + 1)


# -- on the worker ----------------------------------------------------------------

_RUNNERS: dict[str, Any] = {}  # by repr(settings): one Runner per run's settings


def _runner(settings: Settings) -> Any:
    key = repr(settings)
    if key not in _RUNNERS:
        from newslint.config import ConfigResolver
        from newslint.runner import Runner

        runner = Runner(ConfigResolver(settings.config_path, settings.overrides), settings.options)
        if settings.cache:
            from newslint.resultcache import ResultCache

            runner.cache = ResultCache()
        _RUNNERS[key] = runner
    return _RUNNERS[key]


def lint_partition(settings: Settings, partition: Partition) -> tuple[list[Outcome], NameCounts]:
    """The map: read one partition, lint it, count its names."""
    runner = _runner(settings)
    names_run.collect(True)
    outcomes, counts = lint_chunk(
        runner, runner.cache, settings.keep_source, _partition_items(settings, partition)
    )
    for outcome, (_, display) in zip(outcomes, partition.files, strict=False):
        _rename(outcome, display)  # files: as the client names them
    return outcomes, counts


def _partition_items(settings: Settings, partition: Partition) -> Iterator[Item]:
    if partition.files:
        for path, _ in partition.files:
            yield FileItem(Path(path))
        return
    archive = Path(partition.path)
    try:
        for record in read_records(archive, partition.display, settings.fields, partition.part):
            yield RecordItem(archive, record)
    except Exception as exc:  # a corrupt archive: one error, not a failed run
        yield FileItem(archive, f"cannot be read as an archive: {exc}", partition.display)


def _rename(outcome: Outcome, display: str) -> None:
    result = outcome.result
    if result.path == display:
        return
    old = result.path
    result.errors = [e.replace(old, display, 1) if e.startswith(old) else e for e in result.errors]
    result.path = display


# -- on the client ----------------------------------------------------------------


def run_on_dask(
    address: str, runner: Any, paths: list[Path], fields: FieldMap, *, keep_source: bool
) -> Iterator[tuple[int, list[Outcome], NameCounts]]:
    """Each partition's (index, outcomes, names counts), as partitions finish."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise SystemExit(
            "newslint: error: --dask needs Dask: pip install 'dask[distributed]'"
        ) from None
    size = int(os.environ.get(PARTITION_ENV, PARTITION_RECORDS))
    explicit = runner.resolver._explicit  # --config, already loaded by the client
    settings = Settings(
        explicit.path.resolve() if explicit is not None and explicit.path else None,
        runner.resolver._overrides,
        runner.options,
        fields,
        runner.cache is not None,
        keep_source,
    )
    cluster = None
    if address == "local":
        workers = runner.options.jobs or os.cpu_count() or 1
        # distributed leaves LocalCluster, Client, as_completed and close() unannotated
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
    client = Client(cluster if cluster is not None else address)  # type: ignore[no-untyped-call]
    try:
        run = uuid.uuid4().hex[:8]
        index_of: dict[Key, int] = {}
        futures = []
        for index, partition in enumerate(partitions(paths, runner._is_excluded, size)):
            future = client.submit(
                lint_partition, settings, partition, key=f"newslint-{run}-{index}", pure=False
            )
            index_of[future.key] = index
            futures.append(future)
        done = as_completed(futures, with_results=True)  # type: ignore[no-untyped-call]
        futures.clear()  # as_completed holds them until each is handed out
        for future, (outcomes, counts) in done:
            index = index_of.pop(future.key)
            future.release()  # the worker may forget the result now
            yield index, outcomes, counts
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()
