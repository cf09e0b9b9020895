"""Every rule is documented and its documented examples behave as documented,
and every rule has its own fixture file of pass/fail cases."""

from __future__ import annotations

import re

import pytest
from conftest import REPO, lint_snippet

from newslint.config import CliOverrides, ConfigResolver
from newslint.engine import RuleSet, build_providers
from newslint.fix import apply_edits, plan_edits
from newslint.packs.schema import FAMILIES as PACK_FAMILIES
from newslint.registry import matches_prefix

FIXTURES = REPO / "tests" / "fixtures" / "rules"
RULE_ID = re.compile(r"^[a-z]+(\.[a-z0-9][a-z0-9_-]*)+$")
FAMILIES = set(PACK_FAMILIES)  # the contract's families (DESIGN.md)


def all_rules():
    config = ConfigResolver(None, CliOverrides()).for_path(REPO / "examples" / "-")
    return sorted(RuleSet(config, build_providers(config)).metas.values(), key=lambda m: m.id)


RULES = all_rules()


def test_there_are_rules() -> None:
    assert len(RULES) >= 3


@pytest.mark.parametrize("meta", RULES, ids=lambda m: m.id)
def test_rule_is_documented(meta) -> None:
    # A dynamic meta stands for a whole family of run-time ids (grammar.<LT id>).
    named = RULE_ID.match(meta.id) or (meta.dynamic and meta.id == meta.family)
    assert named and meta.family in FAMILIES, meta.id
    assert meta.summary and "\n" not in meta.summary
    assert len(meta.why) > 20
    assert any(e.flagged for e in meta.examples), "needs a flagged example"
    assert any(not e.flagged for e in meta.examples), "needs a clean example"
    if needs_fixture_file(meta):
        assert (FIXTURES / f"{meta.id}.toml").is_file(), "needs tests/fixtures/rules/<id>.toml"


def needs_fixture_file(meta) -> bool:
    """newslint's own rules carry fixture files; rules that wrap another engine
    (proselint, LanguageTool) are covered by parity and real-engine tests,
    except the spelling rules, whose logic is ours."""
    return not meta.origin.startswith("engine ") or meta.family == "spelling"


@pytest.mark.parametrize("meta", RULES, ids=lambda m: m.id)
def test_rule_examples_behave_as_documented(meta) -> None:
    for example in meta.examples:
        result = lint_snippet(example.text, example.format, select=(meta.id,))
        fired = [d for d in result.diagnostics if matches_prefix(d.rule, meta.id)]
        assert bool(fired) == example.flagged, (example.text, fired)
        if example.fixed is not None:
            edits = plan_edits(example.text, result.diagnostics, unsafe=False)
            assert apply_edits(example.text, edits) == example.fixed
