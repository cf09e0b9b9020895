"""The incremental result cache: a file or archive record whose content,
effective configuration, rule set and newslint version are unchanged is not
linted again (as ruff's cache does).

An entry is one small file under ``$NEWSLINT_CACHE_DIR/results/``, named by a
SHA-256 of everything the result depends on:

- the source text, its format, the record's date/language fields, the name it
  is reported under and the path whose configuration applies to it;
- the effective configuration (every setting, the selected rule ids for that
  path, the contents of packs, word lists and name lists it points to);
- newslint's version, a fingerprint of its installed code and rule packs
  (name, size and mtime of each file) and the versions of the engines it runs
  (proselint, pyspellchecker, wordfreq ...), so an upgrade or an edit starts afresh;
- ``--date`` and whether the run compares names across files.

Cross-file names findings (``names.inconsistent`` across files) depend on the
other files of the run, so they are never cached: an entry holds the file's
own findings plus its small names summary, and every run recomputes the
cross-file comparison from all summaries, cached or fresh. A cached file's
results are therefore the same as a fresh run's, whatever else changed.

Writes go to a temporary file in the same directory and are renamed into
place, so concurrent runs never see half an entry; an unreadable entry is a
miss. Entries are pickles: the cache is private to the user, like ruff's.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from newslint import __version__
from newslint.cachedir import cache_root, write_atomically
from newslint.engine import RuleSet
from newslint.results import FileResult

PACKAGE = Path(__file__).resolve().parent
# Libraries whose version changes findings: an upgrade starts the cache afresh.
ENGINES = ("proselint", "pyspellchecker", "wordfreq", "nupunkt", "justext", "language-tool-python")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """newslint's own files (code, shipped packs and data): name, size, mtime;
    and the versions of the engines it runs."""
    from newslint.distinfo import installed_version

    digest = hashlib.sha256(__version__.encode())
    for engine in ENGINES:
        digest.update(f"{engine} {installed_version(engine) or '-'}\n".encode())
    for root, dirs, files in os.walk(PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            stat = os.stat(os.path.join(root, name))
            digest.update(f"{root}/{name} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    for pack in _shipped_packs():
        stat = pack.stat()
        digest.update(f"{pack} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _shipped_packs() -> list[Path]:
    from newslint.packs import shipped_pack_paths

    return sorted(shipped_pack_paths())


def _file_digests(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path).encode())
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


_CONFIG_FINGERPRINTS: dict[tuple[int, tuple[str, ...]], str] = {}


def config_fingerprint(rules: RuleSet, path: Path) -> str:
    """The effective configuration for ``path``: settings, selected rules, files."""
    config = rules.config
    ignored = config.ignored_for(path)
    key = (id(rules), ignored)
    if key not in _CONFIG_FINGERPRINTS:
        digest = hashlib.sha256(code_fingerprint().encode())
        digest.update(repr(config).encode())
        digest.update(" ".join(sorted(rules.selected_for(path))).encode())
        files = [*config.packs, *config.accept_files, *config.reject_files, *config.names]
        digest.update(_file_digests(files).encode())
        _CONFIG_FINGERPRINTS[key] = digest.hexdigest()
    return _CONFIG_FINGERPRINTS[key]


class ResultCache:
    """Get and put lint results by key; every failure is a miss, never an error."""

    def __init__(self, root: Path | None = None) -> None:
        self.directory = (root or cache_root()) / "results" / __version__

    def key(self, rules: RuleSet, config_path: Path, *parts: str | bytes) -> str:
        digest = hashlib.sha256(config_fingerprint(rules, config_path).encode())
        for part in parts:
            data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / key[2:]

    def get(self, key: str) -> Any | None:
        try:
            with self._path(key).open("rb") as handle:
                return pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return None
        except Exception:  # an entry from other code: a miss
            return None

    def put(self, key: str, value: Any) -> None:
        write_atomically(self._path(key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def cached_file_result(
    runner: Any, rules: RuleSet, path: Path, display: str, text: str
) -> FileResult:
    """Lint a file's text, or take its result and names summary from the cache."""
    from newslint.engine import lint_source
    from newslint.names import run as names_run

    cache: ResultCache = runner.cache
    article_date = runner.options.article_date
    key = cache.key(
        rules, path, "file", display, text, str(article_date), str(names_run.collecting())
    )
    hit = cache.get(key)
    if hit is not None:
        # unpickled: what the put below stored
        result, names = cast("tuple[FileResult, names_run.FileNames | None]", hit)
        result.source = text
        if names is not None:
            names_run.keep(display, names)
        return result
    result = lint_source(path, display, text, rules, article_date=article_date)
    if not runner.grammar_unavailable():
        from dataclasses import replace

        names = names_run._RECORDS.get(display)
        cache.put(key, (replace(result, source=None), names))
    return result
