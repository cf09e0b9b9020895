"""The ``grammar`` rule's metadata, apart from the provider: listing and
selecting rules must not import the server, client and cache modules."""

from __future__ import annotations

from newslint.diagnostics import Applicability, Severity
from newslint.registry import Example, RuleMeta

GRAMMAR_META = RuleMeta(
    id="grammar",
    summary="Grammar and usage problems found by LanguageTool (grammar.<LT rule id>)",
    why=(
        "Agreement errors, wrong verb forms and confused words slip past a busy desk "
        "and undermine the copy's authority. LanguageTool's English rules catch many of "
        "them; each match is reported under its own id, e.g. grammar.HE_VERB_AGR, so "
        "one noisy rule can be ignored on its own. Needs `newslint languagetool install`."
    ),
    severity=Severity.WARNING,
    fix=Applicability.UNSAFE,
    examples=(
        Example("She go to the office every days.", flagged=True),
        Example("The mayor goes to the council chamber every day.", flagged=False),
    ),
    origin="engine languagetool",
    dynamic=True,
)
