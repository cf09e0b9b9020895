"""Rule metadata cached on disk, so a run that selects none of an engine's
rules need not import the engine just to list them.

proselint's 100-odd rule descriptions are built from proselint's own
registry; importing it on every save costs more than the rest of a one-file
run's set-up. The cache lives in newslint's cache directory (never in the
repository) and is keyed by the engine's version and the metadata code's
own files, so an upgrade or an edit rebuilds it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from newslint import __version__
from newslint.cachedir import cache_root
from newslint.diagnostics import Applicability, Severity
from newslint.registry import Example, RuleMeta


def cached_metas(
    name: str, engine_version: str, sources: Sequence[Path], build: Callable[[], list[RuleMeta]]
) -> list[RuleMeta]:
    """``build()``'s result, from the cache when nothing it depends on changed."""
    key = hashlib.sha256(f"{__version__} {engine_version}".encode())
    for source in sources:
        key.update(source.read_bytes())
    path = cache_root() / f"rules-{name}-{key.hexdigest()[:16]}.json"
    try:
        return [_meta(row) for row in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    metas = build()
    _write(path, json.dumps([_row(m) for m in metas], ensure_ascii=False))
    return metas


def _row(meta: RuleMeta) -> dict[str, Any]:
    row = asdict(meta)
    row["severity"] = meta.severity.name
    row["fix"] = meta.fix.value if meta.fix else None
    return row


def _meta(row: dict[str, Any]) -> RuleMeta:
    return RuleMeta(
        **{
            **row,
            "severity": Severity[row["severity"]],
            "fix": Applicability(row["fix"]) if row["fix"] else None,
            "examples": tuple(Example(**e) for e in row["examples"]),
        }
    )


def _write(path: Path, text: str) -> None:
    """Best effort and atomic: a read-only cache only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, delete=False
        ) as handle:
            handle.write(text)
        os.replace(handle.name, path)
    except OSError:
        pass
