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
    # Each adapter module imports its engine lazily, inside check().
    from newslint.engines.languagetool import for_config
    from newslint.engines.proselint.provider import ProselintProvider
    from newslint.engines.spelling.provider import SpellingProvider

    return [ProselintProvider(), SpellingProvider(), for_config(config)]
