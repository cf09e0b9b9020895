"""Issue 13: rule documentation that exists, and links only to pages that exist."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, need, run_cli

from newslint import rule_docs
from newslint.lsp.convert import code_description
from newslint.registry import Example, RuleMeta

HOUSE = "https://desk.example/newslint/rules/{id}/"
STORY = "# Council vote\n\nThe council will vote on the budget tommorow.\n"


def test_committed_docs_are_up_to_date() -> None:
    """docs/ is generated from the READMEs and the rule registry: a rule or a
    README changed without `python tools/docs.py` fails here, naming the pages."""
    check = subprocess.run(
        [sys.executable, str(REPO / "tools" / "docs.py"), "--check"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr


def test_every_rule_has_a_page_and_the_index_lists_it() -> None:
    listed = json.loads(run_cli("rules", "--format", "json", cwd=REPO / "tests").stdout)
    pages = REPO / "docs" / "rules"
    index = (pages / "index.md").read_text(encoding="utf-8")
    for row in listed:
        page = pages / rule_docs.page_name(row["id"])
        assert page.is_file(), row["id"]
        assert f"({page.name})" in index
    assert len(listed) > 150


def test_the_site_builds_strictly(tmp_path: Path) -> None:
    """`mkdocs build --strict`: every page in the nav exists and every link and
    anchor between pages resolves."""
    mkdocs = shutil.which("mkdocs")
    need(mkdocs is not None, "mkdocs (pip install -e '.[test]')")
    assert mkdocs is not None
    built = subprocess.run(
        [mkdocs, "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    page = tmp_path / "site" / "rules" / "spelling.unknown" / "index.html"
    assert "A lowercase word that is not in the dictionary" in page.read_text(encoding="utf-8")


def test_markdown_pages_cli(tmp_path: Path) -> None:
    out = tmp_path / "pages"
    run = run_cli("rules", "names", "--format", "markdown", "--output", out, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (out / "names.misspelled.md").is_file() and (out / "index.md").is_file()
    assert not (out / "spelling.unknown.md").exists()  # only the prefixes asked for
    (out / "names.retired-rule.md").write_text(rule_docs.GENERATED_MARK + "\nold\n")
    (out / "notes.md").write_text("written by hand\n")
    again = run_cli("rules", "names", "--format", "markdown", "--output", out, cwd=tmp_path)
    assert "0 written, 1 removed" in again.stdout
    assert not (out / "names.retired-rule.md").exists()
    assert (out / "notes.md").exists(), "a page nobody generated is never deleted"
    missing = run_cli("rules", "--format", "markdown", cwd=tmp_path)
    assert missing.returncode == 2 and "--output" in missing.stderr
    stray = run_cli("rules", "--output", out, cwd=tmp_path)
    assert stray.returncode == 2 and "--format markdown" in stray.stderr


def test_a_page_survives_markup_in_its_text() -> None:
    meta = RuleMeta(
        id="house.example",
        summary="Flags grammar.<RULE> and s*xually in `code <b>`",
        why="Why | with a pipe",
        examples=(Example("A ```fenced``` example", True, fixed="A fixed one"),),
        options={"limit": 3},
    )
    page = rule_docs.rule_page(meta)
    assert "grammar.&lt;RULE&gt; and s\\*xually in `code <b>`" in page
    assert "````\nA ```fenced``` example\n````" in page  # a fence no run inside can close
    assert "After `--fix`:" in page and '`[rules."house.example"]`' in page
    assert "| `limit` | `3` |" in page
    piped = RuleMeta(id="house.pipe", summary="One | two", why="")
    assert "| One \\| two |" in rule_docs.index_page([piped])


def _story(tmp_path: Path, config: str = "") -> Path:
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    (tmp_path / ".newslint.toml").write_text(config, encoding="utf-8")
    return tmp_path / "story.md"


def _urls(run_dir: Path) -> tuple[list[object], list[dict]]:
    json_run = run_cli("check", "--format", "json", "--ignore", "grammar", "story.md", cwd=run_dir)
    sarif_run = run_cli(
        "check", "--format", "sarif", "--ignore", "grammar", "story.md", cwd=run_dir
    )
    urls = [d["url"] for f in json.loads(json_run.stdout)["files"] for d in f["diagnostics"]]
    driver = json.loads(sarif_run.stdout)["runs"][0]["tool"]["driver"]
    assert urls, json_run.stdout + json_run.stderr
    return urls, driver["rules"]


def test_no_docs_url_means_no_link(tmp_path: Path) -> None:
    """Until a house publishes the pages, output carries no URL: the JSON field
    stays (the contract) with null, SARIF leaves helpUri out, explain prints none."""
    _story(tmp_path)
    urls, rules = _urls(tmp_path)
    assert set(urls) == {None}
    assert rules and all("helpUri" not in r for r in rules)
    explained = run_cli("explain", "spelling.unknown", cwd=tmp_path).stdout
    assert "http" not in explained
    assert code_description("spelling.unknown") is None


def test_docs_url_points_every_output_at_the_house_copy(tmp_path: Path) -> None:
    _story(tmp_path, f'docs-url = "{HOUSE}"\n')
    urls, rules = _urls(tmp_path)
    assert "https://desk.example/newslint/rules/spelling.misspelled/" in urls
    assert all(str(u).startswith("https://desk.example/newslint/rules/") for u in urls)
    assert all(r["helpUri"] == HOUSE.replace("{id}", r["id"]) for r in rules)
    explained = run_cli("explain", "spelling.unknown", cwd=tmp_path).stdout
    assert explained.rstrip().endswith("https://desk.example/newslint/rules/spelling.unknown/")
    described = code_description("spelling.unknown", HOUSE)
    assert described is not None and described.href.endswith("/spelling.unknown/")
    grammar = code_description("grammar.HE_VERB_AGR", None)
    assert grammar is not None and "languagetool.org" in grammar.href


def test_a_docs_url_without_a_place_for_the_id_is_a_config_error(tmp_path: Path) -> None:
    _story(tmp_path, 'docs-url = "https://desk.example/rules/"\n')
    run = run_cli("check", "--ignore", "grammar", "story.md", cwd=tmp_path)
    assert run.returncode == 2
    assert "docs-url" in run.stderr and "{id}" in run.stderr


def _contributing_block(language: str) -> str:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return text.split(f"```{language}\n", 1)[1].split("```", 1)[0]


_RUN_PYTHON_RULE = """
import sys
from pathlib import Path
exec(sys.stdin.read())
from newslint.config import CliOverrides, ConfigResolver
from newslint.engine import RuleSet, build_providers, lint_source
from newslint.registry import python_rule
meta = python_rule("structure.empty-headline-line").meta
path = Path(sys.argv[1]) / "story.txt"
config = ConfigResolver(None, CliOverrides(select=(meta.id,))).for_path(path)
rules = RuleSet(config, build_providers(config))
for example in meta.examples:
    found = lint_source(path, path.name, example.text, rules).diagnostics
    print(example.flagged, [d.rule for d in found])
"""


def test_contributing_python_rule_example_works(tmp_path: Path) -> None:
    """The smallest Python rule in CONTRIBUTING.md registers, runs and flags its
    own flagged example only (in a process of its own: it joins the registry)."""
    run = subprocess.run(
        [sys.executable, "-c", _RUN_PYTHON_RULE, str(tmp_path)],
        input=_contributing_block("python"), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "True ['structure.empty-headline-line']",
        "False []",
    ]


def test_contributing_pack_rule_example_works(tmp_path: Path) -> None:
    pack = '[pack]\nname = "house"\ndescription = "House style."\n\n' + _contributing_block("toml")
    (tmp_path / "house.toml").write_text(pack, encoding="utf-8")
    (tmp_path / ".newslint.toml").write_text('packs = ["house.toml"]\n', encoding="utf-8")
    (tmp_path / "story.md").write_text("# Desk\n\nSend an e-mail to the desk.\n")
    run = run_cli("check", "--select", "style.email", "--fix", "story.md", cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (tmp_path / "story.md").read_text() == "# Desk\n\nSend an email to the desk.\n"
