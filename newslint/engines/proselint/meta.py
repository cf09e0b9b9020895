"""Rule metadata for proselint's checks, built from proselint's own registry.

Each check path becomes ``proselint.<path>``. The summary and why come from
the check's message and module notes; the flagged example is built from the
check's own data (its first plain phrase, or a sentence of ours for checks
written as patterns or functions) and tests/test_rule_docs.py proves it fires.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from types import ModuleType

from proselint.registry.checks import Check, types

from newslint import regexcache
from newslint.diagnostics import Applicability, Severity
from newslint.engines.proselint.defaults import (
    default_off_reason,
    is_advisory,
    is_restricted,
    replacement_applicability,
)
from newslint.registry import Example, RuleMeta

FAMILY = "proselint"
ORIGIN = "engine proselint"
CLEAN_EXAMPLE = "The council approved the new budget on Tuesday after a short debate."
# The restricted checks flag every word outside a short list.
_CLEAN_RESTRICTED = "The man said that the new road will open next year."
_TEMPLATE = "Officials said {} during the meeting on Tuesday."

# Sentences of ours for checks whose data is a pattern or lives in a function.
_SENTENCES: dict[str, str] = {
    "dates_times.am_pm.lowercase_periods": "The polls close at 10 pm on Thursday.",
    "dates_times.am_pm.spacing": "The polls close at 10p.m. on Thursday.",
    "dates_times.dates.decade_apostrophes": "House prices rose sharply in the 1990's.",
    "dates_times.dates.dash_and_from": "The scheme ran from 1998-2004 in the county.",
    "dates_times.dates.month_year_comma": "The plant opened in July, 2004 after delays.",
    "dates_times.dates.month_of_year": "The plant opened in July of 2004 after delays.",
    "lexical_illusions": "The minister said the the plan would go ahead.",
    "misc.but": "But the council voted against the plan.",
    "misc.currency": "The fine was $50 dollars.",
    "misc.greylist": "The council will utilize the new depot.",
    "misc.narcissism": "In recent years, an increasing number of scientists have objected.",
    "misc.phrasal_adjectives.ly": "It was a highly-rated drama.",
    "psychology.p_equals_zero": "The study reported p = 0.000 for the effect.",
    "restricted.elementary": "The zeppelin landed near the harbour.",
    "restricted.top1000": "The zeppelin landed near the harbour.",
    "typography.punctuation.exclamation": "Stop! Wait! The vote is close.",
    "typography.punctuation.hyperbole": "The vote is close!!",
    "typography.punctuation.spacing": "The vote passed.  Counting ended. Results came late.",
    "typography.symbols.curly_quotes": 'The minister called it "a disgrace" on Monday.',
    "typography.symbols.multiplication": "The room measures 10 x 12 metres.",
    "typography.symbols.sentence_spacing": "The vote passed.   Counting ended.",
    "uncomparables": "The result was more unique than anyone expected.",
    "weasel_words.very": "The minister was very clear about the plan.",
}

# Turning a simple proselint pattern into text it matches.
_DEREGEX = (
    (regexcache.compile(r"\\[bB]|\\[WwSs]\?"), ""),
    (
        regexcache.compile(r"(?<!\\)\(\?:([^|()]*)(?:\|[^()]*)?(?<!\\)\)\??"),
        r"\1",
    ),  # first alternative
    (regexcache.compile(r"(?<!\\)\(([^|()?]*)(?:\|[^()]*)?(?<!\\)\)\??"), r"\1"),
    (regexcache.compile(r"\\d\{[^}]*\}|\\d\+?"), "12"),
    (regexcache.compile(r"(?<!\\)\[(.)[^\]]*\](?:\{0,\d\})?"), r"\1"),
    (regexcache.compile(r"\\(.)\?"), r"\1"),
    (regexcache.compile(r"([^\\])\?"), r"\1"),
)
_UNESCAPE = regexcache.compile(r"\\(.)")
_SPECIAL = regexcache.compile(r"(?<!\\)[()\[\]{}|*+?^$]")


def _plain(pattern: str) -> str | None:
    """Text matched by a simple pattern, or None when it is not that simple."""
    text = pattern
    for regex, replacement in _DEREGEX:
        text = regex.sub(replacement, text)
    if _SPECIAL.search(text) or not text.strip():
        return None
    return _UNESCAPE.sub(r"\1", text)


def _owners() -> dict[int, ModuleType]:
    owners: dict[int, ModuleType] = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("proselint.checks.") and hasattr(module, "__register__"):
            for check in module.__register__:
                owners.setdefault(id(check), module)
    return owners


def _data_sentence(checks: Sequence[Check]) -> str | None:
    for check in checks:
        kind = check.check_type
        if isinstance(kind, types.Consistency):
            first, second = kind.term_pairs[0]
            return f"The {first} opened a year before the {second} next door."
        if isinstance(kind, types.ExistenceSimple):
            phrases = [kind.pattern]
        elif isinstance(kind, (types.Existence, types.PreferredForms, types.PreferredFormsSimple)):
            phrases = list(kind.items)
        elif getattr(kind, "__name__", "") == "_check_venery":
            module = sys.modules[kind.__module__]
            animal = module.TERM_MAP[0][0]
            return f"Walkers saw a {module.GENERIC_TERMS[0]} of {animal} by the river."
        elif getattr(kind, "__name__", "") == "_check_waxed":
            module = sys.modules[kind.__module__]
            adverb = next(iter(module.MODIFIERS))
            return f"The mayor {module.WAXES[2]} {adverb} about the bridge."
        else:
            continue
        for phrase in phrases:
            plain = _plain(phrase)
            if plain:
                return _TEMPLATE.format(plain)
    return None


def _fix(checks: Sequence[Check]) -> Applicability | None:

    best: Applicability | None = None
    for check in checks:
        kind = check.check_type
        if isinstance(kind, types.Consistency):
            values = [term for pair in kind.term_pairs for term in pair]
        elif isinstance(kind, (types.PreferredForms, types.PreferredFormsSimple)):
            values = list(kind.items.values())
        else:
            continue
        for value in values:
            found = replacement_applicability(value)
            if found is Applicability.UNSAFE:
                return found
            best = best or found
    return best


def _summary(check: Check, title: str) -> str:
    message = " ".join(check.message.replace("{}", "…").split())
    if "…" in message or len(message) > 90:
        return f"{title.rstrip('.')} ({check.path.replace('_', ' ')})."
    return message


def build_metas(checks: Sequence[Check]) -> list[RuleMeta]:
    """One RuleMeta per proselint check path, in proselint's order."""
    owners = _owners()
    by_path: dict[str, list[Check]] = {}
    for check in checks:
        by_path.setdefault(check.path, []).append(check)
    metas = []
    for path, group in by_path.items():
        module = owners.get(id(group[0]))
        doc = (module.__doc__ or "").strip() if module else ""
        title = doc.splitlines()[0].strip() if doc else path
        source = re.search(r"^source:\s*(\S.*)$", doc, re.MULTILINE)
        off = default_off_reason(path)
        why = (
            f"{title.rstrip('.')}: proselint's {path} check"
            + (f" (after {source.group(1).strip()})" if source else "")
            + f" reports “{' '.join(group[0].message.split())}”. "
            + (f"Off by default: {off}." if off else "On by default.")
            + (
                " Reported at info: it is advice an editor may reject, not an error."
                if is_advisory(path)
                else ""
            )
        )
        flagged = _SENTENCES.get(path) or _data_sentence(group) or _TEMPLATE.format(path)
        metas.append(
            RuleMeta(
                id=f"{FAMILY}.{path}",
                summary=_summary(group[0], title),
                why=why,
                severity=Severity.INFO if is_advisory(path) else Severity.WARNING,
                fix=_fix(group),
                examples=(
                    Example(flagged, True),
                    Example(_CLEAN_RESTRICTED if is_restricted(path) else CLEAN_EXAMPLE, False),
                ),
                default_enabled=off is None,
                origin=ORIGIN,
                family_selectable=not is_restricted(path),
                options={"proselint-path": path},
            )
        )
    return metas
