"""The pygls wiring: LSP messages in, linting scheduled, results out."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path

from newslint import __version__, regexcache
from newslint.lsp import actions
from newslint.lsp.convert import problem
from newslint.lsp.documents import Documents, supported, uri_to_path
from newslint.lsp.hover import hover
from newslint.lsp.linting import Linter
from newslint.lsp.scheduling import Scheduler
from newslint.lsp.vocabulary import add_word

log = logging.getLogger(__name__)
WATCHED_GLOBS = ("**/*.toml", "**/*.txt")  # configs and packs; word and name lists
_QUOTED_KEY = regexcache.compile(r"'([^']+)'")


class NewslintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("newslint", __version__)
        self.documents = Documents()
        self.linter = Linter()
        self.scheduler = Scheduler(self.linter, self.documents, self.publish, self.tell)
        self.pull = False  # the client pulls diagnostics (textDocument/diagnostic)
        self.refresh = False  # ... and accepts workspace/diagnostic/refresh
        self.roots: list[Path] = []
        self._config_errors: dict[str, str] = {}  # config file URI -> message shown
        self._told: set[str] = set()

    # -- output ----------------------------------------------------------------

    def tell(self, message: str, kind: types.MessageType = types.MessageType.Warning) -> None:
        if message not in self._told:
            self._told.add(message)
            self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def diagnostics_for(self, uri: str) -> list[types.Diagnostic]:
        doc = self.documents.get(uri)
        st = self.scheduler.states.get(uri)
        if doc is None or st is None or st.text is not doc.text:
            return []
        found = [f.lsp for f in actions.current(doc, st)]
        found.extend(problem(note, doc.index) for note in st.outcome.problems)
        return found

    def publish(self, uri: str) -> None:
        st = self.scheduler.states.get(uri)
        if st is not None:
            self._show_config_error(st.outcome.config_path, st.outcome.config_error)
        if self.pull:
            if self.refresh:
                self.workspace_diagnostic_refresh(None)
            return
        doc = self.documents.get(uri)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                diagnostics=self.diagnostics_for(uri),
                version=doc.version if doc else None,
            )
        )

    def _show_config_error(self, path: Path | None, error: Exception | None) -> None:
        """An invalid config: a diagnostic on the config file and one message."""
        if path is None:
            return
        uri = from_fs_path(str(path)) or path.as_uri()
        message = str(error) if error else None
        if self._config_errors.get(uri) == message:
            return
        if message is None:
            self._config_errors.pop(uri, None)
        else:
            self._config_errors[uri] = message
            self.tell(f"newslint: invalid configuration, using the defaults: {message}")
        line = 0
        if message:
            key = _QUOTED_KEY.search(message.split(": ", 1)[-1])
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                lines = []
            if key:
                leaf = re.compile(rf'\s*"?{re.escape(key.group(1).rsplit(".", 1)[-1])}"?\s*=')
                line = next((i for i, t in enumerate(lines) if leaf.match(t)), 0)
        diagnostics = (
            [
                types.Diagnostic(
                    range=types.Range(types.Position(line, 0), types.Position(line + 1, 0)),
                    message=message,
                    severity=types.DiagnosticSeverity.Error,
                    source="newslint",
                )
            ]
            if message
            else []
        )
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics)
        )


def build_server() -> NewslintServer:
    server = NewslintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: NewslintServer, params: types.InitializeParams) -> None:
        caps = params.capabilities
        ls.pull = bool(caps.text_document and caps.text_document.diagnostic)
        ls.refresh = bool(
            caps.workspace
            and caps.workspace.diagnostics
            and caps.workspace.diagnostics.refresh_support
        )
        ls.documents.encoding = ls.workspace.position_encoding or types.PositionEncodingKind.Utf16
        for folder in params.workspace_folders or []:
            ls.roots.append(uri_to_path(folder.uri))
        if not ls.roots and params.root_uri:
            ls.roots.append(uri_to_path(params.root_uri))

    @server.feature(types.INITIALIZED)
    def initialized(ls: NewslintServer, params: types.InitializedParams) -> None:
        ls.scheduler.warm(ls.roots[0] if ls.roots else Path.cwd())
        caps = ls.client_capabilities.workspace
        watch = caps and caps.did_change_watched_files
        if watch and watch.dynamic_registration:
            # Configs, packs and word lists: the stat check sees these changes on the
            # next edit; a watcher lets open documents update at once.
            watchers = [types.FileSystemWatcher(glob_pattern=g) for g in WATCHED_GLOBS]
            ls.client_register_capability(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id="newslint-config-files",
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                watchers=watchers
                            ),
                        )
                    ]
                )
            )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
        doc = ls.documents.open(params.text_document)
        if not supported(doc.language_id, doc.path):
            ls.documents.close(doc.uri)  # not news copy: never linted
            return
        ls.scheduler.changed(doc.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
        doc = ls.documents.get(params.text_document.uri)
        if doc is None:
            return
        doc.edit(params.text_document.version, list(params.content_changes))
        ls.scheduler.changed(doc.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.documents.close(uri)
        ls.scheduler.closed(uri)
        if not ls.pull:
            ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
        path = uri_to_path(params.text_document.uri)
        if path.suffix == ".toml" or path.suffix == ".txt":
            ls.scheduler.relint_all()  # a config or word list edited in the editor

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.linter.forget()
        ls.scheduler.relint_all()

    @server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(
            identifier="newslint", inter_file_dependencies=False, workspace_diagnostics=False
        ),
    )
    async def pull(
        ls: NewslintServer, params: types.DocumentDiagnosticParams
    ) -> types.DocumentDiagnosticReport:
        await ls.scheduler.current(params.text_document.uri)
        return types.RelatedFullDocumentDiagnosticReport(
            items=ls.diagnostics_for(params.text_document.uri)
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL],
            resolve_provider=False,
        ),
    )
    async def code_action(
        ls: NewslintServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        st = await ls.scheduler.current(uri)
        doc = ls.documents.get(uri)
        if doc is None or st is None:
            return None
        found = actions.current(doc, st)
        only = [str(k.value if hasattr(k, "value") else k) for k in params.context.only or []]
        result: list[types.CodeAction] = []
        if actions.wanted(types.CodeActionKind.QuickFix.value, only):
            start = doc.index.offset(params.range.start)
            end = doc.index.offset(params.range.end)
            result.extend(actions.quick_fixes(doc, actions.in_range(found, start, end)))
        if actions.wanted(actions.FIX_ALL, only) and any(
            s.applicability.value == "safe" for f in found for s in f.diag.suggestions
        ):
            fixed = await ls.scheduler.run_fast(
                actions.fixed_text, ls.linter, doc, list(st.outcome.diagnostics)
            )
            if ls.documents.get(uri) is doc and doc.text is st.text:
                edit = actions.replacement_edit(doc, fixed)
                if edit is not None:
                    result.append(actions.fix_all_action(doc, edit))
        return result

    @server.command(actions.ADD_WORD)
    def add_word_command(ls: NewslintServer, uri: str, word: str) -> None:
        path = uri_to_path(uri)
        config_path, config = ls.linter.config_for(path)
        root = next((r for r in ls.roots if path.is_relative_to(r)), path.parent)
        try:
            target = add_word(word, config_path, config, root)
        except (OSError, ValueError, Exception) as exc:
            ls.tell(f"newslint: could not add {word!r} to the vocabulary: {exc}")
            return
        ls.window_log_message(
            types.LogMessageParams(
                type=types.MessageType.Info, message=f"newslint: added {word!r} to {target}"
            )
        )
        ls.linter.forget()
        ls.scheduler.relint_all()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(ls: NewslintServer, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        st = await ls.scheduler.current(uri)
        doc = ls.documents.get(uri)
        if doc is None or st is None:
            return None
        _, entry = ls.linter.loaded(doc.path)
        return hover(actions.current(doc, st), doc.index.offset(params.position), entry.full.metas)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: NewslintServer, params: None) -> None:
        ls.scheduler.shutdown()

    return server
