"""Where newslint keeps what it can rebuild: the LanguageTool install, grammar
results, the compiled spelling dictionary. ``$NEWSLINT_CACHE_DIR`` moves it."""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

CACHE_ENV = "NEWSLINT_CACHE_DIR"


def cache_root() -> Path:
    """newslint's cache directory (``$NEWSLINT_CACHE_DIR`` overrides it)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    return _platform_root(os.environ.get("XDG_CACHE_HOME"), os.environ.get("HOME"))


@functools.lru_cache(maxsize=4)
def _platform_root(xdg_cache_home: str | None, home: str | None) -> Path:
    """The platform's cache directory (it depends on these variables): asked
    once, as a run looks it up for every cache it reads."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("newslint"))


def write_atomically(path: Path, data: bytes) -> bool:
    """Write a cache file whole or not at all (a temporary file, then a rename),
    so concurrent runs never read half of one. Best effort: a read-only or full
    cache only costs speed. True when written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, path)
    except OSError:
        return False
    return True
