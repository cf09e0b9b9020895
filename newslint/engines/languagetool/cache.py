"""Per-paragraph LanguageTool results on disk.

One SQLite database in the cache directory; WAL mode lets parallel workers
read while one writes. Each process opens its own connection (connections
must not cross a fork). The key covers everything that changes a result:
the paragraph text, LanguageTool's version, the language, the level and the
disabled rules. A damaged or locked database degrades to "not cached".
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from newslint.engines.languagetool.client import LTMatch

SCHEMA = 1
_OPEN_ATTEMPTS = 5  # about 0.75 s of waiting in all, then "not cached"
_LOCKED = "locked"


def settings_digest(version: str, language: str, level: str, disabled: Iterable[str]) -> str:
    settings = json.dumps([SCHEMA, version, language, level, sorted(disabled)])
    return hashlib.sha256(settings.encode()).hexdigest()[:16]


def cache_key(text: str, settings: str) -> str:
    return hashlib.sha256(f"{settings}\0{text}".encode()).hexdigest()


class ResultCache:
    """``key -> [LTMatch]`` in ``path`` (an SQLite file)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._pid = -1
        self.hits = 0
        self.misses = 0
        self.problem: str | None = None  # why results are not cached (one notice)

    def _failed(self, exc: Exception) -> None:
        if self.problem is None:
            self.problem = f"{self.path}: {exc}"

    def _connect(self) -> sqlite3.Connection | None:
        if self._pid == os.getpid() and (self._conn is not None or self.problem):
            return self._conn  # None once it failed: one try per process
        conn: sqlite3.Connection | None = None
        for attempt in range(_OPEN_ATTEMPTS):
            try:
                conn = self._open()
                break
            except sqlite3.OperationalError as exc:
                # Parallel runs creating the file at once: switching it to WAL can
                # fail at once with "database is locked", whatever the busy timeout.
                if attempt + 1 < _OPEN_ATTEMPTS and _LOCKED in str(exc):
                    time.sleep(0.05 * 2**attempt)
                    continue
                self._failed(exc)
                break
            except (sqlite3.Error, OSError) as exc:  # corrupt, read-only, disk full
                self._failed(exc)
                break
        self._conn, self._pid = conn, os.getpid()  # None once it failed
        return conn

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, matches TEXT NOT NULL)"
            )
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def get_many(self, keys: Sequence[str]) -> dict[str, list[LTMatch]]:
        conn = self._connect()
        found: dict[str, list[LTMatch]] = {}
        if conn is not None and keys:
            unique = list(dict.fromkeys(keys))
            try:
                for start in range(0, len(unique), 500):  # SQLite's variable limit
                    chunk = unique[start : start + 500]
                    marks = ",".join("?" * len(chunk))
                    rows = conn.execute(
                        f"SELECT key, matches FROM results WHERE key IN ({marks})", chunk
                    )
                    for key, matches in rows:
                        found[key] = [LTMatch.from_json(m) for m in json.loads(matches)]
            except (sqlite3.Error, ValueError, TypeError) as exc:
                self._failed(exc)
                found = {}
        self.hits += sum(1 for k in keys if k in found)
        self.misses += sum(1 for k in keys if k not in found)
        return found

    def put_many(self, results: Mapping[str, list[LTMatch]]) -> None:
        conn = self._connect()
        if conn is None or not results:
            return
        rows = [(k, json.dumps([m.to_json() for m in v])) for k, v in results.items()]
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", rows)
                conn.execute("COMMIT")
            except sqlite3.Error:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:  # read-only, disk full: results are just not kept
            self._failed(exc)

    def count(self) -> int:
        conn = self._connect()
        if conn is None:
            return 0
        return int(conn.execute("SELECT COUNT(*) FROM results").fetchone()[0])
