"""Rule metadata and parsed data files cached on disk.

Rule metadata is cached so that a run that selects none of an engine's
rules need not import the engine just to list them.

proselint's 100-odd rule descriptions are built from proselint's own
registry; importing it on every save costs more than the rest of a one-file
run's set-up. The cache lives in newslint's cache directory (never in the
repository) and is keyed by the engine's version and the metadata code's
own files, so an upgrade or an edit rebuilds it.

Parsed data files (packs, names lists) are cached as pickles keyed by the
file's content and the parser's source: validating the shipped packs
compiles every pattern and costs more than linting a short article. The
cache is the user's own directory, trusted as Python's bytecode caches are.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from newslint import __version__
from newslint.cachedir import cache_root, write_atomically

# Pickled, rule metadata needs no import of the registry here: the registry
# reads its own rules' metadata through this module.
if TYPE_CHECKING:
    from newslint.registry import RuleMeta

T = TypeVar("T")


def cached_metas(
    name: str, engine_version: str, sources: Sequence[Path], build: Callable[[], list[RuleMeta]]
) -> list[RuleMeta]:
    """``build()``'s result, from the cache when nothing it depends on changed."""
    key = hashlib.sha256(f"{__version__} {engine_version}".encode())
    for source in sources:
        key.update(source.read_bytes())
    path = cache_root() / f"rules-{name}-{key.hexdigest()[:16]}.pickle"
    try:
        found = pickle.loads(path.read_bytes())
        if isinstance(found, list):
            return found
    except Exception:  # absent, or unreadable by this Python: build again
        pass
    metas = build()
    write_atomically(path, pickle.dumps(metas, protocol=pickle.HIGHEST_PROTOCOL))
    for stale in path.parent.glob(f"rules-{name}-*"):  # an edit's or upgrade's leftovers
        if stale != path:
            with contextlib.suppress(OSError):
                stale.unlink()
    return metas


def cached_parse(
    kind: str, data: Path, parsers: Sequence[Path], parse: Callable[[], T], context: str = ""
) -> T:
    """``parse()``'s result for the file ``data``, from the cache while neither
    ``data``, the ``parsers`` (the modules that read it) nor ``context`` (what
    else the result depends on) changed. A file that fails to parse raises
    every time: only successes are cached. OSError when ``data`` is unreadable."""
    key = hashlib.sha256(f"{__version__} {sys.version} {context}".encode())
    for path in (data, *parsers):
        key.update(path.read_bytes())
        key.update(b"\0")
    # One entry per data file: its name says which file, its key which version.
    which = hashlib.sha256(f"{data.resolve()} {context}".encode()).hexdigest()[:12]
    folder = cache_root() / "parsed"
    path = folder / f"{kind}-{which}-{key.hexdigest()[:24]}.pickle"
    try:
        return pickle.loads(path.read_bytes())  # type: ignore[no-any-return]
    except Exception:  # absent, or unreadable by this Python: parse again
        pass
    result = parse()
    write_atomically(path, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    for stale in folder.glob(f"{kind}-{which}-*.pickle"):
        if stale != path:
            with contextlib.suppress(OSError):
                stale.unlink()
    return result
