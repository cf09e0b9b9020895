"""The code ``@dataclass`` generates, compiled once and kept on disk.

For every dataclass, ``dataclasses`` writes the source of ``__init__``,
``__repr__``, ``__eq__`` and the rest and compiles it: a one-file run makes
about 70 dataclasses and 350 such compiles, a tenth of its time. The source
text decides the compiled code completely, so, as Python's bytecode cache
does for modules, this module keeps code objects in the cache directory,
keyed by the source and the exact Python version, and hands them to ``exec``
instead of the text. The command line installs it first thing
(:func:`install`); anything unexpected falls back to compiling the text.
"""

from __future__ import annotations

import atexit
import builtins
import contextlib
import marshal
import sys
from pathlib import Path
from types import CodeType
from typing import Any

KEEP_SAVES = 8  # saves an entry survives unused (as in newslint.regexcache)

_known: dict[str, CodeType] | None = None
_seen: dict[str, int] = {}  # source -> the save that last used it
_saves = 0
_used: set[str] = set()
_added = False


def install() -> None:
    """Route the ``exec`` calls of ``dataclasses`` through the cache."""
    import dataclasses

    if getattr(dataclasses, "exec", None) is not _exec:
        # A module global named exec shadows the builtin inside that module only.
        dataclasses.exec = _exec  # type: ignore[attr-defined]


def _exec(source: Any, globals: Any = None, locals: Any = None) -> None:
    if type(source) is str:
        with contextlib.suppress(Exception):  # e.g. an unwritable cache: the plain way
            source = _code(source)
    builtins.exec(source, globals, locals)


def _code(source: str) -> CodeType:
    global _added
    known = _load()
    _used.add(source)
    code = known.get(source)
    if code is None:
        code = compile(source, "<string>", "exec")  # what exec(source) compiles
        known[source] = code
        _added = True
    return code


def cache_path() -> Path:
    from newslint.cachedir import cache_root

    version = "-".join(map(str, sys.version_info[:3]))
    return cache_root() / f"dataclass-code-{sys.implementation.name}-{version}.marshal"


def _load() -> dict[str, CodeType]:
    global _known, _seen, _saves
    if _known is None:
        _known = {}
        with contextlib.suppress(Exception):  # absent or damaged: start empty
            data = marshal.loads(cache_path().read_bytes())
            if isinstance(data, dict) and data.get("python") == sys.version:
                code, _seen, _saves = data["code"], data["seen"], data["saves"]
                code.update(_known)
                _known = code
        atexit.register(_save)
    return _known


def _save() -> None:
    """Write the file when something new was compiled: this run's code, and
    what other runs used in the last :data:`KEEP_SAVES` saves."""
    if _known is None or not _added:
        return
    from newslint.cachedir import write_atomically

    saves = _saves + 1
    seen = {source: saves for source in _used}
    seen.update(
        (source, when)
        for source, when in _seen.items()
        if source not in seen and source in _known and when > saves - KEEP_SAVES
    )
    data = {
        "python": sys.version,
        "code": {source: _known[source] for source in seen},
        "seen": seen,
        "saves": saves,
    }
    with contextlib.suppress(ValueError):
        write_atomically(cache_path(), marshal.dumps(data))
