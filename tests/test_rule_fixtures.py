"""Runs every case of tests/fixtures/rules/<rule-id>.toml through the full
engine (source loader, rules, mapping, suppressions), as sqlfluff does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import REPO, lint_snippet

from newslint.fix import apply_edits, plan_edits

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FIXTURES = REPO / "tests" / "fixtures" / "rules"


def cases() -> list[tuple[str, int, dict]]:
    found = []
    for path in sorted(FIXTURES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for index, case in enumerate(data.get("case", [])):
            found.append((path.stem, index, case))
    return found


@pytest.mark.parametrize(
    ("rule_id", "index", "case"), cases(), ids=[f"{r}-{i}" for r, i, _ in cases()]
)
def test_fixture_case(rule_id: str, index: int, case: dict) -> None:
    result = lint_snippet(case["text"], case.get("format", "text"), select=(rule_id,))
    assert not result.errors
    flagged = sorted(d.text for d in result.diagnostics if d.rule == rule_id)
    assert flagged == sorted(case.get("expect", [])), case["text"]
    if "fixed" in case:
        edits = plan_edits(case["text"], result.diagnostics, unsafe=False)
        assert apply_edits(case["text"], edits) == case["fixed"]


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.toml")), ids=lambda p: p.stem)
def test_fixture_file_has_enough_cases(path: Path) -> None:
    cases = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    assert sum(1 for c in cases if not c.get("expect")) >= 4, "needs 4 pass cases"
    assert sum(1 for c in cases if c.get("expect")) >= 4, "needs 4 fail cases"


def test_every_fixture_names_a_rule() -> None:
    from test_rule_docs import RULES

    ids = {m.id for m in RULES}
    assert {Path(p).stem for p in FIXTURES.glob("*.toml")} <= ids
