"""LanguageTool (``grammar.*``): a real LanguageTool server, run on demand.

- ``install``: fetch the pinned release from Maven Central with ``mvn``;
- ``server``: start, discover, reuse and stop the Java server;
- ``client``: language-tool-python as the HTTP client, with exact offsets;
- ``cache``: per-paragraph results on disk;
- ``provider``: the Provider that the engine runs;
- ``cli``: ``newslint languagetool install|serve|status|stop``.

Importing this package is cheap: nothing here imports language-tool-python
or starts Java until a grammar rule is selected and a paragraph is not cached.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.engines.languagetool.provider import LanguageToolProvider

__all__ = ["for_config"]


def for_config(config: Config) -> LanguageToolProvider:
    """The grammar provider for a configuration (its ``[languagetool]`` table)."""
    from newslint.engines.languagetool.provider import LanguageToolProvider

    return LanguageToolProvider(config.languagetool)
