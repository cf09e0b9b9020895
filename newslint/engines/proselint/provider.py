"""proselint 0.16 as a newslint engine: every check as ``proselint.<check path>``.

The checks run on the document text exactly as ``proselint check`` runs them
on a file (its own quotation skipping, thresholds and result cap included;
none of newslint's filters), so ``newslint check --select proselint`` reports
what proselint reports; a match that is a proper name or a party tag is kept
as information (:mod:`newslint.engines.proselint.context`). They run behind one compiled matcher
(:mod:`newslint.engines.proselint.match`), several times faster.

proselint is imported only when this provider's rules are listed or run.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.diagnostics import Diagnostic, Severity, Suggestion
from newslint.distinfo import version
from newslint.engines.proselint.context import demoted
from newslint.engines.proselint.defaults import is_advisory, replacement_applicability
from newslint.metacache import cached_metas
from newslint.registry import CheckContext, RuleMeta

if TYPE_CHECKING:
    from newslint.document import Document
    from newslint.engines.proselint.match import CompiledChecks

FAMILY_PREFIX = "proselint."


class _Shared:
    """proselint's registry, our metadata and compiled matchers: built once per
    process and shared by every provider (one is made per configuration)."""

    checks: list[Any] | None = None
    metas: list[RuleMeta] | None = None
    compiled: dict[frozenset[str], CompiledChecks] = {}  # noqa: RUF012
    by_selection: dict[frozenset[str], CompiledChecks | None] = {}  # noqa: RUF012


def proselint_checks() -> list[Any]:
    """proselint's checks in its own registry order (imports proselint)."""
    if _Shared.checks is None:
        from proselint.checks import __register__

        _Shared.checks = list(__register__)
    return _Shared.checks


_HERE = Path(__file__).parent


def _build_metas() -> list[RuleMeta]:
    from newslint.engines.proselint.meta import build_metas

    return build_metas(proselint_checks())


class ProselintProvider:
    """Runs the selected proselint checks (a :class:`newslint.registry.Provider`)."""

    def rules(self) -> Sequence[RuleMeta]:
        if _Shared.metas is None:
            _Shared.metas = cached_metas(
                "proselint",
                version("proselint"),
                [Path(__file__).with_name(n) for n in ("meta.py", "defaults.py")],
                _build_metas,
            )
        return _Shared.metas

    def compiled(self, paths: frozenset[str]) -> CompiledChecks:
        """The matcher for some check paths, built once per selection."""
        found = _Shared.compiled.get(paths)
        if found is None:
            from newslint.engines.proselint.match import CompiledChecks

            found = CompiledChecks(
                paths, lambda: [c for c in proselint_checks() if c.path in paths]
            )
            _Shared.compiled[paths] = found
        return found

    def _for_selection(self, selected: frozenset[str]) -> CompiledChecks | None:
        if selected not in _Shared.by_selection:
            n = len(FAMILY_PREFIX)
            paths = frozenset(m.id[n:] for m in self.rules() if m.id in selected)
            _Shared.by_selection[selected] = self.compiled(paths) if paths else None
        return _Shared.by_selection[selected]

    def check(
        self, doc: Document, selected: frozenset[str], ctx: CheckContext
    ) -> Iterator[Diagnostic]:
        compiled = self._for_selection(selected)
        if compiled is None:
            return
        text = doc.text
        size = len(text)
        for result in compiled.lint(text):
            # proselint pads the file with a newline on each side: its offset 1 is text[0].
            start = min(max(result.span[0] - 1, 0), size)
            end = min(max(result.span[1] - 1, start), size)
            applicability = replacement_applicability(result.replacements)
            suggestions = (
                (Suggestion(result.replacements, applicability),)
                if applicability is not None and result.replacements
                else ()
            )
            # Kept (parity with proselint), but as information when the match is a
            # proper name or a party tag, never the writer's wording.
            advisory = is_advisory(result.check_path) or demoted(
                text, start, end, result.check_path
            )
            yield Diagnostic(
                rule=FAMILY_PREFIX + result.check_path,
                message=result.message,
                start=start,
                end=end,
                severity=Severity.INFO if advisory else Severity.WARNING,
                suggestions=suggestions,
                source="proselint",
                extra={"check_path": result.check_path},
            )
