"""Installed distributions' versions, for cache keys, without importing
``importlib.metadata`` (it pulls in ``email``, ``zipfile`` and ``csv``, about
10 ms of a one-file run). A distribution's version is in the name of its
``<name>-<version>.dist-info`` directory on ``sys.path``; when that is not
found plainly (an egg, a zip, two copies), ``importlib.metadata`` answers.
"""

from __future__ import annotations

import functools
import os
import re
import sys

from newslint import regexcache

_DIST_INFO = regexcache.compile(r"(?P<name>[^-]+)-(?P<version>[^-]+)\.dist-info")


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


@functools.cache
def _listing(folder: str) -> tuple[str, ...]:
    try:
        return tuple(os.listdir(folder or "."))
    except OSError:
        return ()


def version(distribution: str) -> str:
    """What ``importlib.metadata.version(distribution)`` says (it raises
    ``PackageNotFoundError`` for a distribution that is not installed)."""
    wanted = _normalised(distribution)
    for folder in sys.path:
        found = [
            m["version"]
            for entry in _listing(folder)
            if (m := _DIST_INFO.fullmatch(entry)) and _normalised(m["name"]) == wanted
        ]
        if len(found) == 1:
            return found[0]
        if found:
            break  # two versions side by side: let importlib.metadata choose
    from importlib.metadata import version as metadata_version

    return metadata_version(distribution)


def installed_version(distribution: str) -> str | None:
    """``distribution``'s version, None when it is not installed."""
    try:
        return version(distribution)
    except ImportError:  # importlib.metadata.PackageNotFoundError is one
        return None
