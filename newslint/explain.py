"""A rule's full documentation as text (``newslint explain`` and the editor hover)."""

from __future__ import annotations

from newslint.registry import RuleMeta


def explain_text(meta: RuleMeta) -> str:
    lines = [
        f"{meta.id}\n{'=' * len(meta.id)}\n",
        f"{meta.summary}\n",
        f"Severity: {meta.severity}    Fix: {meta.fix or 'none'}    "
        f"Enabled by default: {'yes' if meta.default_enabled else 'no (opt-in)'}",
        f"Defined in: {meta.origin}\n",
        f"Why\n---\n{meta.why}\n",
        "Examples\n--------",
    ]
    for example in meta.examples:
        label = "Flagged" if example.flagged else "Clean  "
        lines.append(f"{label}: {example.text}")
        if example.fixed is not None:
            lines.append(f"  fixed: {example.fixed}")
    if meta.url:
        lines.append(f"\n{meta.url}")
    return "\n".join(lines)
