"""`newslint server` driven over stdio by a real LSP client (pytest-lsp)."""

from __future__ import annotations

import ast
import asyncio
import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import pytest_lsp
from conftest import REPO, need
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

SERVER = [sys.executable, "-m", "newslint", "server"]
ENV = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
ARTICLE = (
    "# Council votes on the harbour budget\n"
    "\n"
    "The council 😀 occured to vote on Tuesday after a long debate.\n"
    "\n"
    "Experts say the plan will help the town.\n"
)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=ENV))
async def client(lsp_client: LanguageClient, tmp_path: Path):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=tmp_path.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="ws")],
        )
    )
    yield
    await lsp_client.shutdown_session()


async def wait_diagnostics(
    client: LanguageClient,
    uri: str,
    ok: Callable[[Sequence[types.Diagnostic]], bool],
    timeout: float = 30,
) -> Sequence[types.Diagnostic]:
    deadline = time.monotonic() + timeout
    while not (uri in client.diagnostics and ok(client.diagnostics[uri])):
        left = deadline - time.monotonic()
        assert left > 0, f"no matching diagnostics for {uri}: {client.diagnostics.get(uri)}"
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(
                client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), left
            )
    return client.diagnostics[uri]


def open_doc(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=1, text=text
            )
        )
    )
    return uri


def change(client: LanguageClient, uri: str, version: int, range_, text: str) -> None:
    event = types.TextDocumentContentChangePartial(range=range_, text=text)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[event],
        )
    )


def rules(diagnostics: Sequence[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in diagnostics]


def by_rule(diagnostics: Sequence[types.Diagnostic], rule: str) -> types.Diagnostic:
    return next(d for d in diagnostics if d.code == rule)


def pos(line: int, character: int) -> types.Position:
    return types.Position(line, character)


@pytest.mark.asyncio
async def test_diagnostics_carry_rule_id_source_severity_and_utf16_positions(client, tmp_path):
    uri = open_doc(client, tmp_path / "story.md", ARTICLE)
    found = await wait_diagnostics(client, uri, lambda d: "spelling.misspelled" in rules(d))
    typo = by_rule(found, "spelling.misspelled")
    # "The council 😀 " is 14 code points but 15 UTF-16 units: the emoji is astral.
    assert typo.range == types.Range(pos(2, 15), pos(2, 22))
    assert typo.source == "newslint"
    assert typo.severity == types.DiagnosticSeverity.Warning
    assert typo.code_description is None  # no docs-url configured: no dead link
    vague = by_rule(found, "attribution.vague")
    assert vague.range.start == pos(4, 0)


@pytest.mark.asyncio
async def test_incremental_edits_update_diagnostics(client, tmp_path):
    uri = open_doc(client, tmp_path / "story.md", ARTICLE)
    await wait_diagnostics(client, uri, lambda d: "spelling.misspelled" in rules(d))
    # Fix the typo in place: "occured" -> "occurred" (insert one "r" after UTF-16 col 19).
    change(client, uri, 2, types.Range(pos(2, 19), pos(2, 19)), "r")
    found = await wait_diagnostics(client, uri, lambda d: "spelling.misspelled" not in rules(d))
    assert "attribution.vague" in rules(found)
    # A new astral character before a finding on the same line moves it by two units.
    change(client, uri, 3, types.Range(pos(4, 0), pos(4, 0)), "🦀 ")
    found = await wait_diagnostics(
        client,
        uri,
        lambda d: any(x.code == "attribution.vague" and x.range.start.character == 3 for x in d),
    )


@pytest.mark.asyncio
async def test_pull_diagnostics_answer_the_newest_text(client, tmp_path):
    uri = open_doc(client, tmp_path / "story.md", ARTICLE)
    change(client, uri, 2, types.Range(pos(4, 0), pos(4, 11)), "Anne Boyd, the treasurer, said")
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert report.kind == "full"
    assert "spelling.misspelled" in rules(report.items)
    assert "attribution.vague" not in rules(report.items)


async def _actions(client, uri, range_, only=None, diagnostics=()):
    return await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=range_,
            context=types.CodeActionContext(diagnostics=list(diagnostics), only=only),
        )
    )


def apply(text: str, edit: types.TextEdit) -> str:
    from newslint.lsp.positions import LineIndex

    index = LineIndex(text)
    start, end = index.offset(edit.range.start), index.offset(edit.range.end)
    return text[:start] + edit.new_text + text[end:]


async def replace_all(client, uri, version, old: str, new: str) -> None:
    from newslint.lsp.positions import LineIndex

    whole = LineIndex(old).range(0, len(old))
    change(client, uri, version, whole, new)


@pytest.mark.asyncio
async def test_quick_fix_applies_the_suggestion_and_is_preferred_when_safe(client, tmp_path):
    uri = open_doc(client, tmp_path / "story.md", ARTICLE)
    found = await wait_diagnostics(client, uri, lambda d: "spelling.misspelled" in rules(d))
    typo = by_rule(found, "spelling.misspelled")
    actions = await _actions(client, uri, typo.range, diagnostics=[typo])
    fix = next(a for a in actions if a.title.startswith("Replace 'occured' with 'occurred'"))
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    (edit,) = fix.edit.changes[uri]
    assert "occurred to vote" in apply(ARTICLE, edit)


@pytest.mark.parametrize(
    ("name", "language", "text", "line_directive"),
    [
        ("story.md", "markdown", ARTICLE, "<!-- newslint-disable-next-line attribution.vague -->"),
        (
            "story.txt",
            "plaintext",
            "Council votes on the budget\n\nExperts say the plan will help the town.\n",
            "[[ newslint-disable-next-line attribution.vague ]]",
        ),
        (
            "story.html",
            "html",
            "<html><body><h1>Council votes</h1>\n<p>Experts say the plan will help the town.</p>\n"
            "</body></html>\n",
            "<!-- newslint-disable-next-line attribution.vague -->",
        ),
    ],
)
@pytest.mark.parametrize("scope", ["line", "file"])
@pytest.mark.asyncio
async def test_disable_actions_insert_the_formats_directive(
    client, tmp_path, name, language, text, line_directive, scope
):
    uri = open_doc(client, tmp_path / name, text, language)
    found = await wait_diagnostics(client, uri, lambda d: "attribution.vague" in rules(d))
    vague = by_rule(found, "attribution.vague")
    actions = await _actions(client, uri, vague.range, diagnostics=[vague])
    action = next(a for a in actions if a.title == f"Disable attribution.vague for this {scope}")
    (edit,) = action.edit.changes[uri]
    fixed = apply(text, edit)
    expected = line_directive if scope == "line" else line_directive.replace("-next-line", "-file")
    assert expected in fixed
    await replace_all(client, uri, 2, text, fixed)
    await wait_diagnostics(client, uri, lambda d: "attribution.vague" not in rules(d))


@pytest.mark.asyncio
async def test_add_word_creates_accept_file_and_config_key(client, tmp_path):
    text = (
        "# Harbour news\n\nThe minister said the budget would be publised on Thursday, "
        "a week later than planned.\n"
    )
    uri = open_doc(client, tmp_path / "story.md", text)
    found = await wait_diagnostics(client, uri, lambda d: "spelling.unknown" in rules(d))
    unknown = by_rule(found, "spelling.unknown")
    actions = await _actions(client, uri, unknown.range, diagnostics=[unknown])
    add = next(a for a in actions if a.title == "Add 'publised' to the house vocabulary")
    # lsprotocol's client side reads a CodeAction that holds a command as a Command
    # whose ``command`` is the repr of the nested object; the wire JSON is right.
    command = ast.literal_eval(add.command) if isinstance(add, types.Command) else add.command
    if isinstance(command, types.Command):
        command = {"command": command.command, "arguments": command.arguments}
    assert command["command"] == "newslint.addWord"
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=command["command"], arguments=command["arguments"])
    )
    await wait_diagnostics(client, uri, lambda d: "spelling.unknown" not in rules(d))
    assert (tmp_path / "newslint-words.txt").read_text() == "publised\n"
    assert 'accept = ["newslint-words.txt"]' in (tmp_path / ".newslint.toml").read_text()


@pytest.mark.asyncio
async def test_fix_all_applies_every_safe_fix(client, tmp_path):
    text = ARTICLE + "\nThe vote occured after the seperate report was read.\n"
    uri = open_doc(client, tmp_path / "story.md", text)
    await wait_diagnostics(client, uri, lambda d: rules(d).count("spelling.misspelled") >= 3)
    actions = await _actions(client, uri, types.Range(pos(0, 0), pos(0, 0)), only=["source.fixAll"])
    (action,) = actions
    assert action.kind == "source.fixAll.newslint"
    (edit,) = action.edit.changes[uri]
    fixed = apply(text, edit)
    assert "occured" not in fixed and "seperate" not in fixed and "separate report" in fixed
    assert "Experts say" in fixed  # no fix for that: left alone


@pytest.mark.asyncio
async def test_hover_shows_the_explain_text(client, tmp_path):
    uri = open_doc(client, tmp_path / "story.md", ARTICLE)
    found = await wait_diagnostics(client, uri, lambda d: "attribution.vague" in rules(d))
    vague = by_rule(found, "attribution.vague")
    result = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=vague.range.start
        )
    )
    text = result.contents.value
    assert "attribution.vague" in text and "Why\n---" in text
    assert "Flagged:" in text and "Clean  :" in text
    nothing = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=pos(1, 0))
    )
    assert nothing is None


@pytest.mark.asyncio
async def test_bad_input_gets_a_diagnostic_and_the_server_keeps_serving(client, tmp_path):
    binary = open_doc(client, tmp_path / "photo.md", "\x89PNG\r\n\x1a\n\x00\x00\x00IHDR\x00\x01")
    big = open_doc(client, tmp_path / "paste.md", "Word " * (1_100_000))
    broken = open_doc(
        client,
        tmp_path / "page.html",
        "<html><body><h1>Ferry</h1>\n<p>The ferry left.</p>\n<!-- draft notes\n<p>Gone</p>\n",
        "html",
    )
    front = open_doc(
        client,
        tmp_path / "front.md",
        "---\ntitle: Ferry: rebuilt\nauthor: [Marta\n---\n\nThe ferry left at noon today.\n",
    )
    code = open_doc(client, tmp_path / "tool.py", "# Experts say\nx = 1\n", "python")
    ok = open_doc(client, tmp_path / "story.md", ARTICLE)
    (b,) = await wait_diagnostics(client, binary, bool)
    assert "binary" in b.message and b.severity == types.DiagnosticSeverity.Error
    (g,) = await wait_diagnostics(client, big, bool)
    assert "over the 5.2 MB limit" in g.message
    (c,) = await wait_diagnostics(client, broken, bool)
    assert "never closed" in c.message and c.range.start.line == 2
    yaml_note = await wait_diagnostics(client, front, bool)
    assert any("front matter is not valid YAML" in d.message for d in yaml_note)
    await wait_diagnostics(client, ok, lambda d: "spelling.misspelled" in rules(d))
    assert code not in client.diagnostics  # not news copy: never linted


@pytest.mark.asyncio
async def test_unknown_config_key_is_a_diagnostic_on_the_config_file(client, tmp_path):
    config = tmp_path / ".newslint.toml"
    config.write_text('language = "en-GB"\nsellect = ["names"]\n')
    uri = open_doc(client, tmp_path / "story.md", ARTICLE)
    found = await wait_diagnostics(client, config.as_uri(), bool)
    assert "unknown key 'sellect'" in found[0].message and "select" in found[0].message
    assert found[0].range.start.line == 1
    await wait_diagnostics(client, uri, lambda d: "spelling.misspelled" in rules(d))
    assert any("invalid configuration" in m.message for m in client.messages)
    # Fixing the config is picked up without a restart (stat check on the next lint).
    config.write_text('language = "en-GB"\nignore = ["spelling"]\n')
    change(client, uri, 2, types.Range(pos(0, 0), pos(0, 0)), " ")
    await wait_diagnostics(client, config.as_uri(), lambda d: not d)
    await wait_diagnostics(client, uri, lambda d: "spelling.misspelled" not in rules(d))


@pytest.mark.asyncio
async def test_missing_languagetool_is_one_message(client, tmp_path):
    (tmp_path / ".newslint.toml").write_text(
        '[languagetool]\nmode = "remote"\nurl = "http://127.0.0.1:9/"\n'
    )
    uri = open_doc(client, tmp_path / "story.md", ARTICLE)
    await wait_diagnostics(client, uri, lambda d: "spelling.misspelled" in rules(d))
    for version in range(2, 6):
        change(client, uri, version, types.Range(pos(0, 0), pos(0, 0)), "A")
        await asyncio.sleep(0.4)
    deadline = time.monotonic() + 20
    while not client.messages and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    notes = [m for m in client.messages if "grammar" in m.message]
    assert len(notes) == 1, client.messages
    assert "newslint languagetool install" in notes[0].message


def _languagetool_running() -> bool:
    from newslint.engines.languagetool import server as lt_server

    served = lt_server.read_discovery()
    return served is not None and lt_server.probe(served.url) is not None


@pytest.mark.asyncio
async def test_grammar_follows_the_fast_rules(client, tmp_path):
    need(_languagetool_running(), "a running LanguageTool server (`newslint languagetool serve`)")
    text = "# Harbour news\n\nShe go to the ferry office every days.\n\nExperts say it works.\n"
    uri = open_doc(client, tmp_path / "story.md", text)
    fast = await wait_diagnostics(client, uri, lambda d: "attribution.vague" in rules(d))
    found = await wait_diagnostics(
        client, uri, lambda d: any(str(x.code).startswith("grammar.") for x in d), timeout=60
    )
    grammar = next(d for d in found if str(d.code).startswith("grammar."))
    assert grammar.source == "newslint" and grammar.range.start.line == 2
    assert grammar.code_description and "languagetool.org" in grammar.code_description.href
    assert not any(str(x.code).startswith("grammar.") for x in fast)


def test_server_exits_when_stdin_closes():
    proc = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=ENV)
    assert proc.stdin is not None
    proc.stdin.close()
    assert proc.wait(timeout=30) == 0


PULL_CAPABILITIES = types.ClientCapabilities(
    text_document=types.TextDocumentClientCapabilities(
        diagnostic=types.DiagnosticClientCapabilities(dynamic_registration=False)
    ),
    workspace=types.WorkspaceClientCapabilities(
        diagnostics=types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    ),
)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=ENV))
async def pull_client(lsp_client: LanguageClient, tmp_path: Path):
    result = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=PULL_CAPABILITIES, root_uri=tmp_path.as_uri())
    )
    assert result.capabilities.diagnostic_provider is not None
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_a_pull_client_is_asked_to_refresh_instead_of_pushed(pull_client, tmp_path):
    uri = open_doc(pull_client, tmp_path / "story.md", ARTICLE)
    report = await pull_client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert "spelling.misspelled" in rules(report.items)
    deadline = time.monotonic() + 20
    while pull_client.diagnostic_refresh_count == 0 and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    assert pull_client.diagnostic_refresh_count >= 1
    assert uri not in pull_client.diagnostics  # no publishDiagnostics to a pull client


@pytest.mark.asyncio
async def test_a_malformed_directive_is_flagged_on_its_line(client, tmp_path):
    text = ARTICLE + "\n<!-- newslint-disabel attribution -->\n"
    uri = open_doc(client, tmp_path / "story.md", text)
    found = await wait_diagnostics(client, uri, lambda d: any(x.code is None for x in d))
    (note,) = [d for d in found if d.code is None]
    assert "did you mean 'newslint-disable'" in note.message
    assert note.range.start.line == 6 and note.severity == types.DiagnosticSeverity.Warning


@pytest.mark.asyncio
async def test_a_word_list_changed_on_disk_applies_when_the_client_reports_it(client, tmp_path):
    (tmp_path / ".newslint.toml").write_text('[vocabulary]\naccept = ["words.txt"]\n')
    words = tmp_path / "words.txt"
    words.write_text("# house words\n")
    text = "# Harbour news\n\nThe minister said the budget would be publised on Thursday.\n"
    uri = open_doc(client, tmp_path / "story.md", text)
    await wait_diagnostics(client, uri, lambda d: "spelling.unknown" in rules(d))
    words.write_text("# house words\npublised\n")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=words.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    await wait_diagnostics(client, uri, lambda d: "spelling.unknown" not in rules(d))


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=ENV))
async def vscode_client(lsp_client: LanguageClient, tmp_path: Path):
    lsp_client.registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        lsp_client.registrations.extend(params.registrations)

    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"), root_uri=tmp_path.as_uri()
        )
    )
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_vscode_capabilities_get_pushes_and_file_watchers(vscode_client, tmp_path):
    uri = open_doc(vscode_client, tmp_path / "story.md", ARTICLE)
    await wait_diagnostics(vscode_client, uri, lambda d: "spelling.misspelled" in rules(d))
    (registration,) = vscode_client.registrations
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    globs = [w["globPattern"] for w in registration.register_options["watchers"]]
    assert "**/*.toml" in globs


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[*SERVER, "--stdio"], server_env=ENV))
async def utf8_client(lsp_client: LanguageClient, tmp_path: Path):
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                general=types.GeneralClientCapabilities(
                    position_encodings=[types.PositionEncodingKind.Utf8]
                )
            ),
            root_uri=tmp_path.as_uri(),
        )
    )
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_a_client_that_negotiates_utf8_gets_byte_columns(utf8_client, tmp_path):
    uri = open_doc(utf8_client, tmp_path / "story.md", ARTICLE)
    found = await wait_diagnostics(utf8_client, uri, lambda d: "spelling.misspelled" in rules(d))
    # "The council 😀 " is 17 bytes in UTF-8.
    assert by_rule(found, "spelling.misspelled").range.start == pos(2, 17)


@pytest.mark.asyncio
async def test_repeated_furniture_is_one_diagnostic_that_points_at_the_other_copies(
    client, tmp_path
):
    paragraphs = [
        f"Paragraph {n} of the report on the tram works, the council said." for n in range(4)
    ]
    uri = open_doc(client, tmp_path / "story.md", "\n\nADVERTISEMENT\n\n".join(paragraphs) + "\n")
    found = await wait_diagnostics(client, uri, lambda d: "filler.web-furniture" in rules(d))
    (marker,) = [d for d in found if d.code == "filler.web-furniture"]
    assert marker.range == types.Range(pos(2, 0), pos(2, 13))
    related = marker.related_information or []
    assert [(r.location.uri, r.location.range.start.line) for r in related] == [(uri, 6), (uri, 10)]
