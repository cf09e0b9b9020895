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
from pathlib import Path
from types import CodeType
from typing import Any

from newslint.marshalstore import MarshalStore

_STORE: MarshalStore[str, CodeType] = MarshalStore("dataclass-code")
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
    return _STORE.path


def _load() -> dict[str, CodeType]:
    if not _STORE.loaded:
        atexit.register(_save)
    return _STORE.entries()


def _save() -> None:
    """Write the file when something new was compiled."""
    if _added:
        _STORE.save(_used)
