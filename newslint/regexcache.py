"""``re.compile`` with the compiled form kept on disk between runs.

Compiling a regular expression is mostly Python code (``re._parser`` and
``re._compiler``), and newslint's checks compile a few hundred patterns when
they are imported: about a third of a one-file run's start-up. The result of
that work is a list of integers that CPython's ``_sre.compile`` turns into a
pattern at once. This module keeps those lists in the cache directory, keyed
by the pattern, its flags and the exact Python version (the code format is
CPython's own and may change between releases), as the bytecode cache keeps
compiled modules. The patterns it returns are equal (``==``: same flags,
pattern and code) to what ``re.compile`` returns; a test checks every one.
Anything unexpected (another Python implementation, an unreadable cache)
falls back to ``re.compile``.
"""

from __future__ import annotations

import atexit
import re
import sys
from array import array
from collections.abc import Iterable
from pathlib import Path
from types import FrameType
from typing import Any

from newslint.marshalstore import MarshalStore

# flags, code, groups, groupindex, indexgroup: what ``_sre.compile`` takes, the
# code as the bytes of an array of 32-bit words (unmarshalled at once, where a
# list of integers costs an object each: a one-file run's ~500 patterns hold
# 250,000 of them) and turned back into a list only for the patterns a run uses.
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

_used: set[tuple[str, int]] = set()  # what this process compiled
_library_used: set[tuple[str, int]] = set()  # libraries' patterns (through install())
_added = False  # a pattern of ours was compiled afresh: the file is saved
_libraries_added = 0  # patterns of libraries compiled afresh (through install())
# A library may build a pattern from a set, differently in every process: saving
# the file for one or two such patterns would rewrite it on every run.
LIBRARY_PATTERNS_WORTH_A_SAVE = 8
# Saves a pattern survives unused: runs that select other rules (a hook, the
# language server) share the file without evicting each other's patterns,
# while an edited pattern's old form is dropped after a few saves.
KEEP_SAVES = 8
_STORE: MarshalStore[tuple[str, int], _Entry] = MarshalStore("regex", KEEP_SAVES)


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """What ``re.compile(pattern, flags)`` returns, without re-parsing a pattern
    compiled by an earlier run."""
    found = _cached_compile(pattern, int(flags))
    return found if found is not None else re.compile(pattern, flags)


_original_compile: Any = None
_LEFT_TO_RE = re.DEBUG | getattr(re, "TEMPLATE", 0)  # printing; deprecated


def install() -> None:
    """Send the patterns that modules compile at import through the cache, the
    libraries' too (PyYAML, markdown-it, click's imports compile about a
    hundred). The command line calls it first thing. ``re`` keeps its own
    in-memory cache in front of it; patterns compiled inside functions (built
    from a text's words, different every run) and anything this module does
    not handle go to ``re``'s own compiler, uncached."""
    global _original_compile
    from re import _compiler  # type: ignore[attr-defined]

    if _original_compile is not None:
        return
    _original_compile = _compiler.compile

    def compile_through_cache(p: Any, flags: int = 0) -> Any:
        if (
            isinstance(p, str)
            and type(flags) is int
            and not flags & _LEFT_TO_RE
            and _compiled_at_import()
        ):
            found = _cached_compile(p, flags, library=True)
            if found is not None:
                return found
        return _original_compile(p, flags)

    _compiler.compile = compile_through_cache


def _compiled_at_import() -> bool:
    """Whether the code asking ``re`` for a pattern is a module's or a class's
    body (or a comprehension in one), not a function's."""
    frame: FrameType | None = sys._getframe(2)  # past compile_through_cache and re._compile
    while frame is not None and (
        frame.f_globals.get("__name__", "").partition(".")[0] in _RE
        or frame.f_code.co_name in _COMPREHENSIONS
    ):
        frame = frame.f_back  # re.compile, re.match ... and sre_compile's shims
    if frame is None:
        return False
    if frame.f_globals.get("__name__", "").partition(".")[0] in STABLE_LIBRARIES:
        return True
    return not frame.f_code.co_flags & _CO_OPTIMIZED


_RE = ("re", "sre_compile", "sre_parse")
# Libraries whose functions compile the same patterns in every run (nupunkt builds
# its sentence-boundary patterns from its model on first use): cached like a
# module's own patterns, which spares a one-file run about 4 ms.
STABLE_LIBRARIES = frozenset({"nupunkt"})
_CO_OPTIMIZED = 0x1  # inspect.CO_OPTIMIZED: a function's code (inspect costs an import)
_COMPREHENSIONS = ("<listcomp>", "<dictcomp>", "<setcomp>", "<genexpr>")


def _cached_compile(pattern: str, flags: int, library: bool = False) -> re.Pattern[str] | None:
    """The pattern from the cache, or compiled and added to it; None when this
    module cannot (an invalid pattern, another implementation): ``re`` then
    compiles it, and raises as it does."""
    global _added, _libraries_added
    known = _load()
    (_library_used if library else _used).add((pattern, flags))
    entry = known.get((pattern, flags))
    if entry is not None:
        try:
            return _sre_compile(pattern, *entry)
        except Exception:  # a cache from another build: compile afresh
            known.pop((pattern, flags), None)
    try:
        entry = _compiled_form(pattern, flags)
        compiled = _sre_compile(pattern, *entry)
    except Exception:  # not CPython's re as we know it: the plain way (errors too)
        return None
    known[(pattern, flags)] = entry
    if library:
        _libraries_added += 1
    else:
        _added = True
    return compiled


def _compiled_form(pattern: str, flags: int) -> _Entry:
    """``re._compiler.compile``'s work, stopping short of ``_sre.compile``."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    if flags & re.DEBUG:
        raise ValueError("DEBUG prints while compiling: leave it to re")
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        flags | parsed.state.flags,
        _code_words(code).tobytes(),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _sre_compile(
    pattern: str,
    flags: int,
    code: bytes,
    groups: int,
    groupindex: dict[str, int],
    indexgroup: tuple[str | None, ...],
) -> re.Pattern[str]:
    import _sre

    words = _code_words()
    words.frombytes(code)  # TypeError for an entry of another format: compiled afresh
    return _sre.compile(  # type: ignore[no-any-return]
        pattern, flags, words.tolist(), groups, groupindex, indexgroup
    )


def _code_words(items: Iterable[int] = ()) -> array[int]:
    """An array of the unsigned 32-bit words of ``_sre``'s code."""
    return array("I", items)


def cache_path() -> Path:
    return _STORE.path


def _load() -> dict[tuple[str, int], _Entry]:
    if not _STORE.loaded:
        atexit.register(_save)
    return _STORE.entries()


def _save() -> None:
    """Write the file when this process compiled a pattern of ours afresh, or
    enough of the libraries' (see LIBRARY_PATTERNS_WORTH_A_SAVE): a run that
    compiled nothing new writes nothing."""
    if _added or _libraries_added >= LIBRARY_PATTERNS_WORTH_A_SAVE:
        _STORE.save(_used | _library_used)
