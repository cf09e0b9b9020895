"""Turning paths into decoded source text, with clear errors for bad input.

Every problem here is an :class:`InputError` naming the file; the runner
reports it and goes on with the other files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newslint.diagnostics import InputError

# What a directory walk picks up. A file named explicitly is linted whatever
# its extension (as plain text unless it is Markdown or HTML).
LINTABLE_SUFFIXES = frozenset({".md", ".markdown", ".html", ".htm", ".txt", ".text"})
BOM = "\ufeff"


@dataclass(frozen=True)
class SourceText:
    text: str  # decoded, BOM removed, line endings as in the file
    had_bom: bool


def decode(path: str, data: bytes) -> SourceText:
    """UTF-8 (with or without BOM); binary files and invalid UTF-8 are errors."""
    if b"\x00" in data[:8192]:
        raise InputError(path, "looks like a binary file (contains NUL bytes); not linted")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            path,
            f"is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}, "
            f"line {line}); save it as UTF-8",
        ) from None
    had_bom = text.startswith(BOM)
    return SourceText(text[1:] if had_bom else text, had_bom)


def read_source(path: Path, *, max_size: int) -> SourceText:
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(name, "no such file or directory") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror}") from None
    if size > max_size:
        raise InputError(
            name, f"is {size:,} bytes, over the {max_size:,}-byte limit (max-file-size)"
        )
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(name, "is a directory") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror}") from None
    return decode(name, data)


@dataclass(frozen=True)
class Target:
    """A file to lint, or a path that produced an error instead."""

    path: Path
    error: str | None = None


def _walk(directory: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
        # Hidden directories (.git, .venv ...) never hold articles.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in LINTABLE_SUFFIXES:
                yield Path(root, name)


def discover(paths: Iterable[Path], is_excluded: Callable[[Path], bool]) -> list[Target]:
    """Expand directories; keep explicit files; report missing or empty paths.

    ``is_excluded(path)`` applies the config's exclude globs, to explicit
    files too: pre-commit passes every staged file by name, and an excluded
    draft must stay excluded then (ruff's --force-exclude, made the default).
    """
    targets: list[Target] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = [p for p in _walk(path) if not is_excluded(p)]
            if not found:
                targets.append(Target(path, "directory holds no lintable files (.md, .html, .txt)"))
            for file in found:
                if file not in seen:
                    seen.add(file)
                    targets.append(Target(file))
        elif path.exists():
            if not is_excluded(path) and path not in seen:
                seen.add(path)
                targets.append(Target(path))
        else:
            targets.append(Target(path, "no such file or directory"))
    return targets
