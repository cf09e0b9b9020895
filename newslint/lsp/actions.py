"""Code actions: apply a suggestion, disable a rule for a line or the file,
add a word to the house vocabulary, and fix all safe problems (``source.fixAll.newslint``)."""

from __future__ import annotations

from dataclasses import dataclass

from lsprotocol import types

from newslint.diagnostics import Applicability, Diagnostic
from newslint.fix import apply_edits, plan_edits
from newslint.lsp.convert import common_ends, to_lsp
from newslint.lsp.documents import OpenDocument
from newslint.lsp.linting import Linter
from newslint.lsp.scheduling import DocState

FIX_ALL = "source.fixAll.newslint"
ADD_WORD = "newslint.addWord"
MAX_FIX_PASSES = 4  # as `newslint check --fix`: fixes that enable fixes converge fast
MAX_SUGGESTIONS = 3
# Rules whose flagged text is a word the house may accept.
VOCABULARY_RULES = ("spelling.unknown", "spelling.misspelled")


@dataclass(frozen=True)
class Found:
    """A diagnostic placed on the document's current text."""

    diag: Diagnostic
    start: int
    end: int
    lsp: types.Diagnostic


def current(doc: OpenDocument, st: DocState) -> list[Found]:
    found = []
    for shift, diag in [(0, d) for d in st.outcome.diagnostics] + st.grammar:
        assert diag.range is not None
        start, end = diag.range.start.offset + shift, diag.range.end.offset + shift
        lsp = to_lsp(diag, doc.index, shift, st.outcome.docs_url, doc.uri)
        found.append(Found(diag, start, end, lsp))
    return found


def directive(fmt: str, word: str, rule: str) -> str:
    body = f"newslint-{word} {rule}"
    return f"[[ {body} ]]" if fmt == "text" else f"<!-- {body} -->"


def _edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def _insert(doc: OpenDocument, offset: int, text: str) -> types.TextEdit:
    position = doc.index.position(offset)
    return types.TextEdit(types.Range(position, position), text)


def _newline(doc: OpenDocument) -> str:
    return "\r\n" if "\r\n" in doc.text[:4096] else "\n"


def suggestion_actions(doc: OpenDocument, f: Found) -> list[types.CodeAction]:
    if doc.text[f.start : f.end] != f.diag.text:
        return []  # the text moved on since this was found
    actions = []
    preferred_given = False
    for suggestion in f.diag.suggestions[:MAX_SUGGESTIONS]:
        safe = suggestion.applicability == Applicability.SAFE
        shown = suggestion.replacement or "(delete)"
        actions.append(
            types.CodeAction(
                title=f"Replace '{f.diag.text}' with '{shown}' ({f.diag.rule})",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[f.lsp],
                is_preferred=safe and not preferred_given,
                edit=_edit(
                    doc.uri,
                    [types.TextEdit(doc.index.range(f.start, f.end), suggestion.replacement)],
                ),
            )
        )
        preferred_given = preferred_given or safe
    return actions


def disable_actions(doc: OpenDocument, f: Found) -> list[types.CodeAction]:
    rule, nl = f.diag.rule, _newline(doc)
    line_start = doc.index.starts[doc.index.position(f.start).line]
    line_text = directive(doc.fmt, "disable-next-line", rule) + nl
    file_text = directive(doc.fmt, "disable-file", rule) + nl
    if doc.text and not doc.text.endswith(("\n", "\r")):
        file_text = nl + file_text
    # disable-file works anywhere; at the end it cannot disturb front matter,
    # a plain-text headline or an HTML doctype.
    return [
        types.CodeAction(
            title=f"Disable {rule} for this line",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[f.lsp],
            edit=_edit(doc.uri, [_insert(doc, line_start, line_text)]),
        ),
        types.CodeAction(
            title=f"Disable {rule} for this file",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[f.lsp],
            edit=_edit(doc.uri, [_insert(doc, len(doc.text), file_text)]),
        ),
    ]


def vocabulary_action(doc: OpenDocument, f: Found) -> types.CodeAction | None:
    word = f.diag.text.strip()
    if f.diag.rule not in VOCABULARY_RULES or not word or any(c.isspace() for c in word):
        return None
    return types.CodeAction(
        title=f"Add '{word}' to the house vocabulary",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[f.lsp],
        command=types.Command(title="Add word", command=ADD_WORD, arguments=[doc.uri, word]),
    )


def fixed_text(linter: Linter, doc: OpenDocument, diagnostics: list[Diagnostic]) -> str:
    """The text after every safe fix, re-linting between passes like ``--fix``."""
    text = doc.text
    for _ in range(MAX_FIX_PASSES):
        edits = plan_edits(text, diagnostics, unsafe=False)
        if not edits:
            break
        text = apply_edits(text, edits)
        diagnostics = linter.fast(doc.path, text, doc.fmt).diagnostics
    return text


def replacement_edit(doc: OpenDocument, new: str) -> types.TextEdit | None:
    """One edit covering only the part of the text that changed."""
    old = doc.text
    if old == new:
        return None
    prefix, suffix = common_ends(old, new)
    return types.TextEdit(
        doc.index.range(prefix, len(old) - suffix), new[prefix : len(new) - suffix]
    )


def fix_all_action(doc: OpenDocument, edit: types.TextEdit) -> types.CodeAction:
    return types.CodeAction(
        title="newslint: fix all safe problems in this file",
        kind=FIX_ALL,
        edit=_edit(doc.uri, [edit]),
    )


def wanted(kind: str, only: list[str] | None) -> bool:
    """Whether ``kind`` falls under one of the requested kinds (LSP: by dotted prefix)."""
    if not only:
        return True
    return any(kind == o or kind.startswith(o + ".") for o in only)


def in_range(found: list[Found], start: int, end: int) -> list[Found]:
    return [f for f in found if f.start <= end and f.end >= start]


def quick_fixes(doc: OpenDocument, found: list[Found]) -> list[types.CodeAction]:
    actions: list[types.CodeAction] = []
    for f in found:
        actions.extend(suggestion_actions(doc, f))
    for f in found:
        word = vocabulary_action(doc, f)
        if word is not None:
            actions.append(word)
    seen: set[str] = set()
    for f in found:
        if f.diag.rule not in seen:
            seen.add(f.diag.rule)
            actions.extend(disable_actions(doc, f))
    return actions
