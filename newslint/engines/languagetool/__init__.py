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

import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from newslint.engines.languagetool.meta import GRAMMAR_META

if TYPE_CHECKING:
    from newslint.config import Config, LanguageToolSettings
    from newslint.diagnostics import Diagnostic
    from newslint.document import Document
    from newslint.engines.languagetool.provider import LanguageToolProvider
    from newslint.registry import CheckContext, RuleMeta

__all__ = ["GrammarProvider", "for_config"]

_PROVIDER_MODULE = "newslint.engines.languagetool.provider"


class GrammarProvider:
    """The grammar provider of one configuration, imported on first use.

    Every run lists the ``grammar`` rule, but only a run that selects it needs
    the server, client and cache modules (sockets, subprocesses, SQLite): the
    :class:`~newslint.engines.languagetool.provider.LanguageToolProvider` is
    made the first time the engine has work. Until then it has nothing to say:
    no notice, nothing unavailable."""

    def __init__(self, settings: LanguageToolSettings) -> None:
        self.settings = settings
        self._real: LanguageToolProvider | None = None

    @property
    def real(self) -> LanguageToolProvider:
        if self._real is None:
            from newslint.engines.languagetool.provider import LanguageToolProvider

            self._real = LanguageToolProvider(self.settings)
        return self._real

    def _started(self) -> LanguageToolProvider | None:
        # Endpoints live in the provider module: before it is imported no
        # provider of this process has started or failed anything.
        return self.real if _PROVIDER_MODULE in sys.modules else None

    def rules(self) -> Sequence[RuleMeta]:
        return [GRAMMAR_META]

    @property
    def enabled(self) -> bool:
        return self.settings.mode != "off"

    def prepare(self) -> None:
        self.real.prepare()

    def check(
        self, doc: Document, selected: frozenset[str], ctx: CheckContext
    ) -> Iterator[Diagnostic]:
        return self.real.check(doc, selected, ctx)

    def notices(self) -> list[str]:
        real = self._started()
        return real.notices() if real is not None else []

    def unavailable(self) -> str | None:
        real = self._started()
        return real.unavailable() if real is not None else None


def for_config(config: Config) -> GrammarProvider:
    """The grammar provider for a configuration (its ``[languagetool]`` table)."""
    return GrammarProvider(config.languagetool)
