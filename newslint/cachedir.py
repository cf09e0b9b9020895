"""Where newslint keeps what it can rebuild: the LanguageTool install, grammar
results, the compiled spelling dictionary. ``$NEWSLINT_CACHE_DIR`` moves it."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "NEWSLINT_CACHE_DIR"


def cache_root() -> Path:
    """newslint's cache directory (``$NEWSLINT_CACHE_DIR`` overrides it)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("newslint"))
