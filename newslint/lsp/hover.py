"""Hover on a diagnostic: the rule's ``newslint explain`` text."""

from __future__ import annotations

from lsprotocol import types

from newslint.explain import explain_text
from newslint.lsp.actions import Found
from newslint.registry import RuleMeta, covering_meta


def hover(found: list[Found], offset: int, metas: dict[str, RuleMeta]) -> types.Hover | None:
    """Explain each rule flagged at ``offset`` (its message first: grammar ids share one meta)."""
    here = [f for f in found if f.start <= offset <= f.end]
    if not here:
        return None
    parts: list[str] = []
    seen: set[str] = set()
    for f in here:
        if f.diag.rule in seen:
            continue
        seen.add(f.diag.rule)
        meta = metas.get(f.diag.rule) or covering_meta(f.diag.rule, metas)
        text = f"{f.diag.rule}: {f.diag.message}"
        if meta is not None:
            text += "\n\n" + explain_text(meta)
        parts.append(text)
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.PlainText, value="\n\n----\n\n".join(parts)
        ),
        range=here[0].lsp.range if len(here) == 1 else None,
    )
