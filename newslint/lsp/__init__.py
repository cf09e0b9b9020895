"""``newslint server``: a Language Server Protocol server over stdio.

- ``positions``: code-point offsets <-> LSP positions (UTF-16 by default);
- ``documents``: the open documents, their formats and incremental edits;
- ``linting``: per-document configuration and the fast and grammar passes;
- ``convert``: newslint diagnostics -> LSP diagnostics;
- ``scheduling``: when to lint: coalesced fast passes, cancellable grammar;
- ``actions``: quick fixes, disable directives, fix-all;
- ``vocabulary``: "add WORD to the house vocabulary";
- ``hover``: a rule's explain text;
- ``server``: the pygls wiring.
"""

from __future__ import annotations


def serve() -> None:
    """Run the server on stdin/stdout until the client says exit or stdin closes."""
    from newslint.lsp.server import build_server

    build_server().start_io()
