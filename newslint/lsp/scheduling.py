"""When to lint: fast passes coalesced per document, grammar after them.

- An edit starts a fast pass at once unless one is running for that document;
  edits that arrive meanwhile are coalesced into one more pass on the newest
  text (a debounce that costs no idle wait on the first keystroke). A pass
  whose text went stale while it ran is not published.
- After the fast results are published, a grammar pass waits a moment and
  then asks LanguageTool about the document; unchanged paragraphs come from
  the paragraph cache, so only edited ones go to the server. A newer edit
  cancels the waiting (or discards the answer of) the older grammar pass.
  Until new grammar results arrive, the old ones stay, moved past the edit.
- LanguageTool missing is announced once per session, not per keystroke.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from newslint.diagnostics import Diagnostic
from newslint.engines.languagetool.provider import INSTALL_HINT
from newslint.lsp.convert import shifted
from newslint.lsp.documents import Documents
from newslint.lsp.linting import Linter, Outcome
from newslint.lsp.problems import Problem

log = logging.getLogger(__name__)
T = TypeVar("T")

DEBOUNCE_SECONDS = 0.0  # sleep(0): lets didChange messages already read land first
GRAMMAR_DELAY_SECONDS = 0.3  # typing pauses shorter than this send nothing to LanguageTool


@dataclass
class DocState:
    version: int | None = None  # the version the fast results are for
    text: str | None = None
    outcome: Outcome = field(default_factory=Outcome)
    grammar: list[tuple[int, Diagnostic]] = field(default_factory=list)  # (shift, diag)
    grammar_text: str | None = None
    fast_task: asyncio.Task[None] | None = None
    grammar_task: asyncio.Task[None] | None = None


class Scheduler:
    def __init__(
        self,
        linter: Linter,
        documents: Documents,
        on_result: Callable[[str], None],
        notify: Callable[[str], None],
    ) -> None:
        self.linter = linter
        self.documents = documents
        self.on_result = on_result
        self.notify = notify
        self.states: dict[str, DocState] = {}
        self._fast_pool = ThreadPoolExecutor(1, thread_name_prefix="newslint-fast")
        self._grammar_pool = ThreadPoolExecutor(1, thread_name_prefix="newslint-grammar")
        self._grammar_notice_sent = False
        self.grammar_delay = GRAMMAR_DELAY_SECONDS

    def state(self, uri: str) -> DocState:
        return self.states.setdefault(uri, DocState())

    def changed(self, uri: str) -> None:
        st = self.state(uri)
        if st.grammar_task is not None:
            st.grammar_task.cancel()
            st.grammar_task = None
        if st.fast_task is None or st.fast_task.done():
            st.fast_task = asyncio.ensure_future(self._fast(uri))

    def closed(self, uri: str) -> None:
        st = self.states.pop(uri, None)
        if st is not None:
            for task in (st.fast_task, st.grammar_task):
                if task is not None:
                    task.cancel()

    def relint_all(self) -> None:
        for doc in self.documents.all():
            st = self.state(doc.uri)
            st.version = None  # force a pass even though the text is unchanged
            self.changed(doc.uri)

    async def current(self, uri: str) -> DocState | None:
        """The state once its fast results match the document's newest text."""
        for _ in range(50):
            doc = self.documents.get(uri)
            if doc is None:
                return None
            st = self.state(uri)
            if st.version == doc.version and st.text is doc.text:
                return st
            if st.fast_task is None or st.fast_task.done():
                self.changed(uri)
            assert st.fast_task is not None
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(st.fast_task)
        return self.states.get(uri)

    async def _fast(self, uri: str) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(DEBOUNCE_SECONDS)
            doc = self.documents.get(uri)
            st = self.states.get(uri)
            if doc is None or st is None:
                return
            version, text = doc.version, doc.text
            if st.version == version and st.text is text:
                return
            try:
                outcome = await loop.run_in_executor(
                    self._fast_pool, self.linter.fast, doc.path, text, doc.fmt
                )
            except Exception as exc:  # a rule crash on odd input: say so, keep serving
                log.exception("fast lint failed for %s", uri)
                outcome = Outcome(problems=[Problem(f"newslint failed on this document: {exc!r}")])
            doc = self.documents.get(uri)
            if doc is None or self.states.get(uri) is not st:
                return
            if doc.version != version or doc.text is not text:
                continue  # a newer edit arrived while linting: lint that instead
            if st.grammar_text is not None and st.grammar_text is not text:
                st.grammar = shifted(st.grammar_text, text, st.grammar)
            st.grammar_text = text
            if not outcome.grammar_selected:
                st.grammar = []
            st.version, st.text, st.outcome = version, text, outcome
            self.on_result(uri)
            if outcome.grammar_selected:
                st.grammar_task = asyncio.ensure_future(self._grammar(uri, version, text))
            return

    async def _grammar(self, uri: str, version: int, text: str) -> None:
        await asyncio.sleep(self.grammar_delay)
        doc = self.documents.get(uri)
        st = self.states.get(uri)
        if doc is None or st is None:
            return
        loop = asyncio.get_running_loop()
        try:
            found = await loop.run_in_executor(
                self._grammar_pool, self.linter.grammar, doc.path, text, doc.fmt
            )
        except Exception:
            log.exception("grammar pass failed for %s", uri)
            found = []
        reason = self.linter.grammar_unavailable(doc.path)
        if reason and not self._grammar_notice_sent:
            self._grammar_notice_sent = True
            self.notify(f"newslint: grammar checks (grammar.*) are off: {reason}; {INSTALL_HINT}")
        doc = self.documents.get(uri)
        if doc is None or doc.version != version or st.text is not text:
            return  # a newer edit: its own grammar pass follows
        st.grammar = [(0, d) for d in found]
        st.grammar_text = text
        self.on_result(uri)

    def warm(self, directory: Path) -> None:
        """Warm the linter on the fast thread while the client sends its first file."""
        self._fast_pool.submit(self.linter.warm, directory)

    async def run_fast(self, function: Callable[..., T], *args: object) -> T:
        """Run ``function`` on the fast-pass thread: rule providers are not
        shared between threads (the grammar thread uses only LanguageTool's)."""
        return await asyncio.get_running_loop().run_in_executor(self._fast_pool, function, *args)

    def shutdown(self) -> None:
        for uri in list(self.states):
            self.closed(uri)
        self._fast_pool.shutdown(wait=False, cancel_futures=True)
        self._grammar_pool.shutdown(wait=False, cancel_futures=True)
