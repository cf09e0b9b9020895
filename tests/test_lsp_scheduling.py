"""The server's scheduling with the real linter: edits coalesce, and a newer
edit cancels the pending grammar pass (LanguageTool is asked once, for the
newest text). The linter's grammar pass is wrapped only to count its calls."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types

from newslint.lsp.documents import Documents
from newslint.lsp.linting import Linter
from newslint.lsp.scheduling import Scheduler

TEXT = "# Harbour news\n\nThe ferry occured to leave at noon.\n\nExperts say it works.\n"


def test_newer_edits_cancel_pending_grammar_and_coalesce(tmp_path: Path) -> None:
    # A server that does not answer: the grammar pass runs (and finds nothing) quickly.
    (tmp_path / ".newslint.toml").write_text(
        '[languagetool]\nmode = "remote"\nurl = "http://127.0.0.1:9/"\n'
    )
    path = tmp_path / "story.md"
    linter = Linter()
    grammar_texts: list[str] = []
    real_grammar = linter.grammar

    def counting_grammar(p, text, fmt):  # type: ignore[no-untyped-def]
        grammar_texts.append(text)
        return real_grammar(p, text, fmt)

    linter.grammar = counting_grammar  # type: ignore[method-assign]
    documents = Documents()
    published: list[tuple[int, str]] = []

    async def scenario() -> None:
        scheduler = Scheduler(
            linter,
            documents,
            lambda uri: published.append((documents.get(uri).version, documents.get(uri).text)),
            lambda message: None,
        )
        scheduler.grammar_delay = 0.5
        item = types.TextDocumentItem(path.as_uri(), "markdown", 1, TEXT)
        doc = documents.open(item)
        scheduler.changed(doc.uri)
        for version in range(2, 7):  # typing: a letter every 100 ms, under the grammar delay
            await asyncio.sleep(0.1)
            at = types.Position(0, 2)
            change = types.TextDocumentContentChangePartial(types.Range(at, at), "x")
            doc.edit(version, [change])
            scheduler.changed(doc.uri)
        await asyncio.sleep(3)
        scheduler.shutdown()

    asyncio.run(scenario())
    final = "# " + "x" * 5 + TEXT[2:]
    assert grammar_texts == [final]  # earlier grammar passes were cancelled while waiting
    assert published[-1][0] == 6 and published[-1][1] == final
    versions = [v for v, _ in published]
    assert versions == sorted(versions) and len(versions) <= 7  # never an older version later
