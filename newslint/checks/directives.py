"""Suppression directives that suppress nothing.

The engine applies directives after every rule has run, so only it can know
which directive went unused; it reports them under this rule when the rule
is selected. The function below is the rule's registration and does no work
of its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from newslint.diagnostics import Diagnostic, Severity
from newslint.document import Document
from newslint.registry import CheckContext, Example, RuleMeta, rule

UNUSED_DIRECTIVE = "structure.unused-directive"


@rule(
    UNUSED_DIRECTIVE,
    summary="A newslint-disable directive that suppresses nothing.",
    why=(
        "A directive left behind after the text it excused was fixed or deleted "
        "hides the next real problem on that line or in that region. Off by default "
        "(reported on request: --extend-select structure.unused-directive), because "
        "a directive for a rule that is not selected in this run is unused too."
    ),
    severity=Severity.INFO,
    default_enabled=False,
    examples=[
        Example(
            "# Budget vote\n\n<!-- newslint-disable-next-line spelling -->\n"
            "The council approved the budget on Tuesday, its leader said.\n",
            flagged=True,
            format="markdown",
        ),
        Example(
            "# Budget vote\n\nThe council approved the budget on Tuesday, its leader said.\n",
            flagged=False,
            format="markdown",
        ),
    ],
)
def unused_directive(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    return iter(())  # reported by newslint.engine.lint_document, see the module docstring
