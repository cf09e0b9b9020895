"""Adapters for external engines: proselint, pyspellchecker, LanguageTool.

Each adapter is a Provider (see newslint.registry). Constructing one must be
cheap and must not import its engine: the engine is imported, or its server
started, only when one of its rules is selected and a document is checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.registry import Provider


def engine_providers(config: Config) -> list[Provider]:
    providers: list[Provider] = []
    return providers
