"""A whole run: find the files, lint them (in parallel when there are many),
apply fixes, and collect the results in a stable order."""

from __future__ import annotations

import datetime as dt
import os
import signal
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.config import Config, ConfigResolver
from newslint.diagnostics import ConfigError, InputError, Severity
from newslint.engine import RuleSet, build_providers, lint_source
from newslint.isolation import internal_error, stage, worker_died
from newslint.names import run as names_run
from newslint.reading import discover, read_source
from newslint.registry import RuleMeta
from newslint.results import FileResult, RunResult

if TYPE_CHECKING:
    from newslint.resultcache import ResultCache

# Below this many files a worker pool costs more than it saves.
PARALLEL_THRESHOLD = 8
# --fix re-lints after fixing; fixes that enable other fixes converge fast.
MAX_FIX_PASSES = 4


@dataclass(frozen=True)
class RunOptions:
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    jobs: int = 0  # 0: one per core
    progress: bool = False
    require_grammar: bool = False  # --require-grammar (checked by the CLI)
    article_date: dt.date | None = None  # --date: overrides every article's own date
    verbose: bool = False  # --verbose: tracebacks with internal errors


class Runner:
    def __init__(self, resolver: ConfigResolver, options: RunOptions) -> None:
        self.resolver = resolver
        self.options = options
        self._rule_sets: dict[int, RuleSet] = {}
        self.cache: ResultCache | None = None  # set when the result cache is on
        self._worker_notices: list[str] = []  # engine notices handed up by workers
        self._worker_grammar_off = False

    def rule_set(self, config: Config) -> RuleSet:
        key = id(config)
        if key not in self._rule_sets:
            self._rule_sets[key] = RuleSet(config, build_providers(config))
        return self._rule_sets[key]

    # -- one file ----------------------------------------------------------------

    def lint_file(self, path: Path) -> FileResult:
        display = _display(path)
        try:
            return self._lint_file(path, display)
        except Exception as exc:  # one bad file never costs the run (issue 11)
            message = internal_error(display, exc, verbose=self.options.verbose)
            return FileResult(display, errors=[message])

    def _lint_file(self, path: Path, display: str) -> FileResult:
        try:
            with stage("reading"):
                config = self.resolver.for_path(path)
                rules = self.rule_set(config)
                source = read_source(path, max_size=config.max_file_size)
        except InputError as exc:
            return FileResult(display, errors=[str(exc)])
        except ConfigError as exc:
            return FileResult(display, errors=[str(exc)])
        if self.options.fix or self.options.diff:
            result = lint_source(
                path, display, source.text, rules, article_date=self.options.article_date
            )
            return self._fix(path, display, source.text, source.had_bom, result, rules)
        if self.cache is not None:
            from newslint.resultcache import cached_file_result

            return cached_file_result(self, rules, path, display, source.text)
        return lint_source(
            path, display, source.text, rules, article_date=self.options.article_date
        )

    def lint_text(self, text: str, filename: str) -> FileResult:
        """Lint text from stdin as if it were the file ``filename``."""
        path = Path(filename)
        try:
            rules = self.rule_set(self.resolver.for_path(path))
        except ConfigError as exc:
            return FileResult(filename, errors=[str(exc)])
        try:
            return lint_source(path, filename, text, rules, article_date=self.options.article_date)
        except Exception as exc:  # reported like a crash on a file
            message = internal_error(filename, exc, verbose=self.options.verbose)
            return FileResult(filename, errors=[message])

    def _fix(
        self,
        path: Path,
        display: str,
        original: str,
        bom: bool,
        result: FileResult,
        rules: RuleSet,
    ) -> FileResult:
        text = original
        with stage("fixing"):
            text, result = self._fix_passes(path, display, text, result, rules)
        if text == original:
            return result
        return self._write_fixes(path, display, original, text, bom, result, rules)

    def _fix_passes(
        self, path: Path, display: str, text: str, result: FileResult, rules: RuleSet
    ) -> tuple[str, FileResult]:
        from newslint.fix import apply_edits, plan_edits

        for _ in range(MAX_FIX_PASSES):
            edits = plan_edits(text, result.diagnostics, unsafe=self.options.unsafe_fixes)
            if not edits:
                break
            text = apply_edits(text, edits)
            result = lint_source(path, display, text, rules, article_date=self.options.article_date)
        return text, result

    def _write_fixes(
        self,
        path: Path,
        display: str,
        original: str,
        text: str,
        bom: bool,
        result: FileResult,
        rules: RuleSet,
    ) -> FileResult:
        from newslint.fix import unified_diff, write_atomically

        if self.options.diff:
            # Report what the file holds now, and the diff that --fix would apply.
            before = lint_source(
                path, display, original, rules, article_date=self.options.article_date
            )
            before.diff = unified_diff(display, original, text)
            return before
        try:
            write_atomically(path, text, bom=bom)
        except OSError as exc:
            failed = lint_source(
                path, display, original, rules, article_date=self.options.article_date
            )
            failed.errors.append(f"{display}: fixes not written: {exc}")
            return failed
        result.fixed = True
        return result

    # -- many files ----------------------------------------------------------------

    def run(self, paths: Sequence[Path]) -> RunResult:
        targets = discover(paths, self._is_excluded)
        files: list[FileResult] = []
        todo = [t.path for t in targets if t.error is None]
        names_run.collect(len(todo) > 1)  # names.inconsistent compares files
        linted = iter(self._map(todo))
        linted_paths: list[tuple[Path, FileResult]] = []
        for target in targets:
            if target.error is not None:
                display = _display(target.path)
                files.append(FileResult(display, errors=[f"{display}: {target.error}"]))
            else:
                files.append(next(linted))
                linted_paths.append((target.path, files[-1]))
        # names.inconsistent: compare name spellings across the run's files.
        names_run.apply(linted_paths, self._severity_for)
        return self.result(files)

    def _severity_for(self, path: Path, rule_id: str, default: Severity) -> Severity | None:
        return self.resolver.for_path(path).severity_for(rule_id, default)

    def result(self, files: list[FileResult]) -> RunResult:
        metas: dict[str, RuleMeta] = {}
        # fail-on is a property of the run: take it from the working directory's config.
        fail_on = self.resolver.for_path(Path.cwd() / "-").fail_on
        for rule_set in self._rule_sets.values():
            metas.update(rule_set.metas)
        return RunResult(files=files, rules=metas, fail_on=fail_on, notices=self.engine_notices())

    def worker_notices(self, notices: list[str], grammar_off: bool) -> None:
        """Keep what a worker process's engines said (its own copy of them)."""
        self._worker_notices = _one_per_subject([*self._worker_notices, *notices])
        self._worker_grammar_off = self._worker_grammar_off or grammar_off

    def engine_notices(self) -> list[str]:
        """One notice per subject (e.g. grammar skipped: LanguageTool missing)."""
        found: list[str] = list(self._worker_notices)
        for rule_set in self._rule_sets.values():
            for provider in rule_set.providers:
                found.extend(getattr(provider, "notices", list)())
        return _one_per_subject(found)

    def grammar_unavailable(self) -> bool:
        """True when grammar rules were selected but LanguageTool could not run."""
        return self._worker_grammar_off or any(
            getattr(provider, "unavailable", lambda: None)()
            for rule_set in self._rule_sets.values()
            for provider in rule_set.providers
        )

    def _is_excluded(self, path: Path) -> bool:
        try:
            return self.resolver.for_path(path).is_excluded(path)
        except ConfigError:
            return False  # the error is reported when the file is linted

    def _map(self, paths: list[Path]) -> Iterator[FileResult]:
        jobs = self.options.jobs or os.cpu_count() or 1
        if jobs == 1 or len(paths) < PARALLEL_THRESHOLD:
            results: Iterable[FileResult] = map(self.lint_file, paths)
        else:
            results = _parallel(self, paths, jobs)
        if self.options.progress and len(paths) > 1:
            results = _with_progress(results, len(paths))
        return iter(results)


# Worker processes are forked with the parent's Runner, so configuration and
# compiled packs are shared copy-on-write instead of rebuilt per process.
_WORKER_RUNNER: Runner | None = None
_WORKER_PATHS: list[Path] = []
# One byte per path in shared memory, set by the workers: 1 started, 2 finished.
# When a worker dies, the files it had started are the suspects.
_STATUS: Any = None
_PARENT_PID = 0

_Linted = tuple[int, FileResult, "names_run.FileNames | None"]


def _one_per_subject(notices: list[str]) -> list[str]:
    """The first notice about each subject (the text before its first ': ').

    Workers that lose the same server each say so in their own words (one
    mid-request, one while connecting): the user needs to hear it once."""
    seen: set[str] = set()
    kept = []
    for notice in notices:
        subject = notice.split(": ", 1)[0]
        if subject not in seen:
            seen.add(subject)
            kept.append(notice)
    return kept


def _lint_in_worker(indices: list[int]) -> tuple[list[_Linted], list[str], bool]:
    """Lint a chunk of files; hand back their results and the engine notices
    (a worker's "grammar skipped" notice must reach the parent)."""
    runner = _WORKER_RUNNER
    assert runner is not None
    out: list[_Linted] = []
    for index in indices:
        _STATUS[index] = 1
        result = runner.lint_file(_WORKER_PATHS[index])
        out.append((index, result, names_run.take(result.path)))
        _STATUS[index] = 2
    return out, runner.engine_notices(), runner.grammar_unavailable()


def mark_pool_parent() -> None:
    """Call in the process about to start a worker pool: its workers check, once
    they asked to die with it, that it is still their parent."""
    global _PARENT_PID
    _PARENT_PID = os.getpid()


def _worker_signals() -> None:
    """Workers die at once on SIGTERM/SIGHUP, as the pool expects when it ends
    them. The parent's handlers (which stop a LanguageTool server it owns) are
    Python-level: a worker blocked on a lock would never run them, and would
    be left behind holding the caller's stdout open."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    _die_with_parent()


def _die_with_parent() -> None:
    """On Linux, a worker is killed when the parent dies (even by SIGKILL), so
    killing newslint by its PID leaves no orphan workers behind (each file is
    still written whole or not at all: fix.write_atomically)."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != _PARENT_PID:  # the parent died before prctl took effect
        os._exit(1)


def _parallel(runner: Runner, paths: list[Path], jobs: int) -> Iterator[FileResult]:
    """Results in input order. A worker that dies (SIGKILL, out of memory) costs
    only the file it was linting: the files it had started are re-run one at a
    time in a fresh worker, the rest in a fresh pool."""
    global _WORKER_RUNNER, _WORKER_PATHS, _STATUS, _PARENT_PID
    # Warm the caches (config discovery, pack compilation) before forking.
    for path in paths[:1]:
        runner.rule_set(runner.resolver.for_path(path)).selected  # noqa: B018
    _prepare_engines(runner, paths)
    import multiprocessing  # only for parallel runs: it costs a one-file run ~10 ms

    context = multiprocessing.get_context("fork")
    _WORKER_RUNNER, _WORKER_PATHS, _PARENT_PID = runner, paths, os.getpid()
    _STATUS = context.RawArray("b", len(paths))
    finished: dict[int, FileResult] = {}
    emitted = 0
    queue = list(range(len(paths)))
    while queue:
        lost: list[int] = []
        for _ in _pool_pass(runner, queue, jobs, finished, lost, context):
            while emitted in finished:
                yield finished.pop(emitted)
                emitted += 1
        for index in lost:  # alone, so a second death is surely this file's
            _solo(runner, index, finished, context)
        queue = [i for i in queue if i >= emitted and i not in finished]
        while emitted in finished:
            yield finished.pop(emitted)
            emitted += 1


def _pool_pass(
    runner: Runner,
    indices: list[int],
    jobs: int,
    finished: dict[int, FileResult],
    lost: list[int],
    context: Any,
) -> Iterator[None]:
    """Lint ``indices`` in a fresh pool into ``finished``, yielding after each
    chunk. If a worker dies, the files it and the others had started go to
    ``lost`` (to be linted alone); the rest are left for a fresh pool."""
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    for index in indices:
        _STATUS[index] = 0
    size = max(1, min(16, len(indices) // (jobs * 4)))
    chunks = [indices[i : i + size] for i in range(0, len(indices), size)]
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_signals)
    try:
        futures = [pool.submit(_lint_in_worker, chunk) for chunk in chunks]
        for future in as_completed(futures):
            linted, notices, grammar_off = future.result()
            for index, result, names_summary in linted:
                names_run.keep(result.path, names_summary)
                finished[index] = result
            runner.worker_notices(notices, grammar_off)
            yield
    except BrokenProcessPool:
        pending = [i for i in indices if i not in finished]
        lost.extend([i for i in pending if _STATUS[i] == 1] or pending[:1])
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _solo(runner: Runner, index: int, finished: dict[int, FileResult], context: Any) -> None:
    """Lint one file in a worker of its own; if that worker dies, report the file."""
    reader, writer = context.Pipe(duplex=False)
    process = context.Process(target=_solo_worker, args=(index, writer))
    process.start()
    writer.close()
    try:
        linted, notices, grammar_off = reader.recv()
    except (EOFError, OSError):
        process.join()
        display = _display(_WORKER_PATHS[index])
        finished[index] = FileResult(display, errors=[worker_died(display, process.exitcode)])
        return
    finally:
        reader.close()
    process.join()
    for i, result, names_summary in linted:
        names_run.keep(result.path, names_summary)
        finished[i] = result
    runner.worker_notices(notices, grammar_off)


def _solo_worker(index: int, writer: Any) -> None:
    _worker_signals()
    writer.send(_lint_in_worker([index]))
    writer.close()


def _prepare_engines(runner: Runner, paths: list[Path]) -> None:
    """Let selected engines start their servers in the parent, so that forked
    workers share one LanguageTool server that the parent stops at exit."""
    done: set[tuple[int, frozenset[str]]] = set()
    for path in paths:
        try:
            rules = runner.rule_set(runner.resolver.for_path(path))
        except ConfigError:
            continue  # reported when the file is linted
        selected = rules.selected_for(path)
        if (id(rules), selected) not in done:
            done.add((id(rules), selected))
            for provider in rules.active_providers(selected):
                getattr(provider, "prepare", lambda: None)()


def _with_progress(results: Iterable[FileResult], total: int) -> Iterator[FileResult]:
    import sys

    import click

    with click.progressbar(
        results, length=total, label="Linting", file=sys.stderr, show_pos=True
    ) as bar:
        yield from bar


def _display(path: Path) -> str:
    """Paths as the user would write them: relative to the working directory."""
    try:
        return Path(os.path.abspath(path)).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()
