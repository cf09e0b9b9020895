"""End-to-end runs of the real CLI on real files: exit codes, bad input,
selection, configuration, directives, formats, --fix and --diff."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

CLEAN = """Council approves harbour budget

By Maria Lopes

The city council approved a 12 million pound budget for the harbour on Tuesday,
the council's finance chair, Ana Ruiz, told reporters.
"""

FLAWED = """Council approves harbour budget

By Maria Lopes

The council recieved the plan on Tuesday, its finance chair, Ana Ruiz, said.

You may also like
"""


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def diagnostics(run, path_suffix: str = "") -> list[dict]:
    return [
        d for f in run.json()["files"] if f["path"].endswith(path_suffix) for d in f["diagnostics"]
    ]


# -- exit codes and the JSON contract -------------------------------------------


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    run = run_cli("check", "--format", "json", write(tmp_path / "clean.txt", CLEAN), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.json()["summary"] == {"files": 1, "diagnostics": 0, "errors": 0}


def test_findings_exit_one_and_json_locates_them(tmp_path: Path) -> None:
    write(tmp_path / "flawed.txt", FLAWED)
    run = run_cli("check", "--format", "json", "flawed.txt", cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    data = run.json()
    assert data["version"] == 1 and data["tool"]["name"] == "newslint"
    found = {d["rule"]: d for d in diagnostics(run)}
    misspelled = found["spelling.misspelled"]
    assert misspelled["text"] == "recieved"
    assert misspelled["range"]["start"] == {"line": 5, "column": 13, "offset": 61}
    assert misspelled["range"]["end"]["offset"] == 69
    assert misspelled["suggestions"] == [{"replacement": "received", "applicability": "safe"}]
    assert misspelled["severity"] in ("error", "warning", "info")
    assert "url" in misspelled and misspelled["url"] is None  # no docs-url configured
    assert found["filler.web-leftover"]["range"]["start"]["line"] == 7
    assert data["files"][0]["errors"] == []


def test_fail_on_decides_the_exit_code(tmp_path: Path) -> None:
    write(tmp_path / "flawed.txt", FLAWED)
    write(tmp_path / ".newslint.toml", '[severity]\nfiller = "info"\nspelling = "warning"\n')
    assert run_cli("check", "--fail-on", "error", "flawed.txt", cwd=tmp_path).returncode == 0
    assert run_cli("check", "--fail-on", "warning", "flawed.txt", cwd=tmp_path).returncode == 1
    assert run_cli("check", "--fail-on", "never", "flawed.txt", cwd=tmp_path).returncode == 0
    only_info = run_cli("check", "--select", "filler", "flawed.txt", cwd=tmp_path)
    assert only_info.returncode == 0  # info is below the default fail-on (warning)


# -- bad input never stops the run ------------------------------------------------


def test_bad_inputs_are_reported_and_the_rest_is_linted(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", FLAWED)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners said so.".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "empty-dir").mkdir()
    write(tmp_path / "big.txt", "The mayor said so. " * 2000)
    write(tmp_path / ".newslint.toml", 'max-file-size = "20KB"\n')
    run = run_cli(
        "check",
        "--format",
        "json",
        "good.txt",
        "latin1.txt",
        "binary.txt",
        "missing.md",
        "empty-dir",
        "big.txt",
        cwd=tmp_path,
    )
    assert run.returncode == 2
    files = {f["path"]: f for f in run.json()["files"]}
    assert files["good.txt"]["diagnostics"], "the good file must still be linted"
    assert "UTF-8" in files["latin1.txt"]["errors"][0]
    assert "binary" in files["binary.txt"]["errors"][0]
    assert "no such file" in files["missing.md"]["errors"][0]
    assert "no lintable files" in files["empty-dir"]["errors"][0]
    assert "limit" in files["big.txt"]["errors"][0]
    for name in ("latin1.txt", "binary.txt", "missing.md", "empty-dir", "big.txt"):
        assert files[name]["diagnostics"] == []
        assert name in files[name]["errors"][0], "the error must name the file"
    assert run.json()["summary"]["errors"] == 5


def test_bad_input_in_text_output_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "latin1.md").write_bytes(b"Caf\xe9")
    run = run_cli("check", "--format", "text", "latin1.md", cwd=tmp_path)
    assert run.returncode == 2
    assert "latin1.md" in run.stdout + run.stderr and "UTF-8" in run.stdout + run.stderr


def test_malformed_config_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", CLEAN)
    write(tmp_path / ".newslint.toml", 'selct = ["filler"]\n')
    run = run_cli("check", "a.txt", cwd=tmp_path)
    assert run.returncode == 2
    assert "selct" in run.stdout + run.stderr and "select" in run.stdout + run.stderr


# -- selection and configuration ----------------------------------------------------


def test_select_and_ignore_by_prefix(tmp_path: Path) -> None:
    write(tmp_path / "flawed.txt", FLAWED)
    only_filler = run_cli(
        "check", "--format", "json", "--select", "filler", "flawed.txt", cwd=tmp_path
    )
    assert set(only_filler.rules()) == {"filler.web-leftover"}
    no_spelling = run_cli(
        "check", "--format", "json", "--ignore", "spelling", "flawed.txt", cwd=tmp_path
    )
    assert "spelling.misspelled" not in no_spelling.rules()
    assert "filler.web-leftover" in no_spelling.rules()


def test_config_discovered_walking_up(tmp_path: Path) -> None:
    write(tmp_path / "desk" / "2026" / "flawed.txt", FLAWED)
    write(
        tmp_path / "desk" / ".newslint.toml",
        'ignore = ["filler"]\n[severity]\n"spelling.misspelled" = "error"\n',
    )
    run = run_cli(
        "check",
        "--format",
        "json",
        "--select",
        "spelling.misspelled,filler",
        "desk/2026/flawed.txt",
        cwd=tmp_path,
    )
    found = diagnostics(run)
    assert [d["rule"] for d in found] == ["spelling.misspelled"]
    assert found[0]["severity"] == "error"


def test_per_file_ignores_and_exclude(tmp_path: Path) -> None:
    write(tmp_path / "wire" / "a.txt", FLAWED)
    write(tmp_path / "drafts" / "b.txt", FLAWED)
    write(
        tmp_path / "pyproject.toml",
        '[tool.newslint]\nexclude = ["drafts/**"]\n'
        '[tool.newslint.per-file-ignores]\n"wire/*.txt" = ["spelling"]\n',
    )
    run = run_cli("check", "--format", "json", "--select", "filler,spelling", ".", cwd=tmp_path)
    paths = [f["path"] for f in run.json()["files"]]
    assert paths == ["wire/a.txt"]
    assert set(run.rules()) == {"filler.web-leftover"}


# -- suppression directives, all three formats -----------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "a.md",
            "# Title\n\nThe plan was recieved.\n\n<!-- newslint-disable-next-line spelling -->\n"
            "The plan was recieved.\n",
        ),
        (
            "a.html",
            "<h1>Title</h1><p>The plan was recieved.</p>\n"
            "<!-- newslint-disable-next-line spelling -->\n<p>The plan was recieved.</p>\n",
        ),
        (
            "a.txt",
            "Title\n\nThe plan was recieved.\n\n[[ newslint-disable-next-line spelling ]]\n"
            "The plan was recieved.\n",
        ),
    ],
)
def test_disable_next_line(tmp_path: Path, name: str, text: str) -> None:
    write(tmp_path / name, text)
    run = run_cli(
        "check", "--format", "json", "--select", "spelling.misspelled", name, cwd=tmp_path
    )
    found = diagnostics(run)
    assert [d["rule"] for d in found] == ["spelling.misspelled"]
    first_line = text.splitlines().index(next(x for x in text.splitlines() if "recieved" in x))
    assert found[0]["range"]["start"]["line"] == first_line + 1


def test_disable_file(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "<!-- newslint-disable-file -->\n# T\n\nIt was recieved.\n")
    assert run_cli("check", "a.md", cwd=tmp_path).returncode == 0


# -- stdin ---------------------------------------------------------------------------------


def test_stdin_with_filename(tmp_path: Path) -> None:
    run = run_cli(
        "check",
        "--format",
        "json",
        "--stdin-filename",
        "story.md",
        "-",
        input="# Title\n\nThe plan was recieved.\n",
        cwd=tmp_path,
    )
    assert run.returncode == 1
    data = run.json()
    assert data["files"][0]["path"] == "story.md"
    assert data["files"][0]["diagnostics"][0]["range"]["start"] == {
        "line": 3,
        "column": 14,
        "offset": 22,
    }


# -- output formats --------------------------------------------------------------------------


def test_text_format_shows_source_and_caret(tmp_path: Path) -> None:
    write(tmp_path / "flawed.txt", FLAWED)
    run = run_cli(
        "check", "--format", "text", "--select", "spelling.misspelled", "flawed.txt", cwd=tmp_path
    )
    assert "The council recieved the plan" in run.stdout
    caret_line = next(line for line in run.stdout.splitlines() if "^" in line)
    assert caret_line.count("^") == len("recieved")
    assert "\x1b[" not in run.stdout  # no colour when not a terminal


def test_concise_format(tmp_path: Path) -> None:
    write(tmp_path / "flawed.txt", FLAWED)
    run = run_cli("check", "--format", "concise", "flawed.txt", cwd=tmp_path)
    assert "flawed.txt:5:13: " in run.stdout and "spelling.misspelled" in run.stdout


def test_github_format_is_chosen_under_actions(tmp_path: Path) -> None:
    write(tmp_path / "flawed.txt", FLAWED)
    run = run_cli("check", "flawed.txt", cwd=tmp_path, env={"GITHUB_ACTIONS": "true"})
    line = next(x for x in run.stdout.splitlines() if "spelling.misspelled" in x)
    assert line.startswith("::") and "file=flawed.txt,line=5,col=13,endLine=5,endColumn=21" in line


def test_sarif_format(tmp_path: Path) -> None:
    write(tmp_path / "flawed.txt", FLAWED)
    sarif = json.loads(run_cli("check", "--format", "sarif", "flawed.txt", cwd=tmp_path).stdout)
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    rule_ids = [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]]
    assert {r["ruleId"] for r in results} <= set(rule_ids)
    region = next(r for r in results if r["ruleId"] == "spelling.misspelled")["locations"][0][
        "physicalLocation"
    ]["region"]
    assert (region["startLine"], region["startColumn"]) == (5, 13)


def test_statistics(tmp_path: Path) -> None:
    write(tmp_path / "flawed.txt", FLAWED)
    run = run_cli("check", "--format", "concise", "--statistics", "flawed.txt", cwd=tmp_path)
    assert any(
        "spelling.misspelled" in line and "1" in line
        for line in run.stdout.splitlines()
        if not line.startswith("flawed.txt")
    )


# -- --fix and --diff -------------------------------------------------------------------------


def test_fix_writes_safe_fixes_atomically_and_is_idempotent(tmp_path: Path) -> None:
    path = write(tmp_path / "flawed.md", "# Budget\r\n\r\nThe goverment recieved it. 🙂 Café.\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # with a BOM
    os.chmod(path, 0o640)
    run = run_cli("check", "--fix", "--select", "spelling", "flawed.md", cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    data = path.read_bytes()
    assert data == "\ufeff# Budget\r\n\r\nThe government received it. 🙂 Café.\r\n".encode()
    assert (path.stat().st_mode & 0o777) == 0o640
    assert list(tmp_path.iterdir()) == [path], "no temporary file left behind"
    again = run_cli("check", "--fix", "--select", "spelling", "flawed.md", cwd=tmp_path)
    assert again.returncode == 0 and path.read_bytes() == data


def test_diff_shows_fix_without_writing(tmp_path: Path) -> None:
    path = write(tmp_path / "flawed.txt", FLAWED)
    run = run_cli("check", "--diff", "--select", "spelling", "flawed.txt", cwd=tmp_path)
    assert "-The council recieved the plan" in run.stdout
    assert "+The council received the plan" in run.stdout
    assert path.read_text() == FLAWED


# -- parallel runs -------------------------------------------------------------------------------


def test_parallel_output_is_stable_and_matches_serial(tmp_path: Path) -> None:
    for i in range(24):
        write(tmp_path / f"story-{i:02}.txt", FLAWED if i % 3 else CLEAN)
    serial = run_cli("check", "--format", "json", "--jobs", "1", ".", cwd=tmp_path)
    parallel = run_cli("check", "--format", "json", "--jobs", "2", ".", cwd=tmp_path)
    assert serial.stdout == parallel.stdout
    assert [f["path"] for f in parallel.json()["files"]] == sorted(
        f"story-{i:02}.txt" for i in range(24)
    )


# -- rules and explain ----------------------------------------------------------------------------


def test_rules_lists_and_filters(tmp_path: Path) -> None:
    run = run_cli("rules", "filler", cwd=tmp_path)
    assert run.returncode == 0
    assert "filler.web-leftover" in run.stdout and "spelling.misspelled" not in run.stdout


def test_explain_prints_documentation(tmp_path: Path) -> None:
    run = run_cli("explain", "spelling.misspelled", cwd=tmp_path)
    assert run.returncode == 0
    assert "Why" in run.stdout and "Flagged" in run.stdout and "Clean" in run.stdout
    unknown = run_cli("explain", "spelling.mispelled", cwd=tmp_path)
    assert unknown.returncode == 2 and "spelling.misspelled" in unknown.stderr


def test_examples_directory_lints(tmp_path: Path) -> None:
    run = run_cli("check", "--format", "json", str(EXAMPLES))
    assert run.returncode == 1, run.stderr
    data = run.json()
    assert data["summary"]["errors"] == 0
    clean = [f for f in data["files"] if Path(f["path"]).name.startswith("clean")]
    assert clean and all(not f["diagnostics"] for f in clean)


# -- user packs --------------------------------------------------------------------------------


HOUSE_PACK = """[pack]
name = "house"
description = "A newsroom's own words"

[[rule]]
id = "style.house-words"
kind = "substitution"
summary = "House spellings"
why = "The desk spells these one way."
message = "House style is '{replacement}', not '{match}'"
examples.flagged = ["The e-mail arrived."]
examples.clean = ["The email arrived."]
[rule.swap]
"e-mail" = "email"
"""


def test_user_pack_from_config(tmp_path: Path) -> None:
    write(tmp_path / "house.toml", HOUSE_PACK)
    write(tmp_path / ".newslint.toml", 'packs = ["house.toml"]\n')
    write(tmp_path / "a.txt", "Title\n\nReaders sent an e-mail to the desk, the editor said.\n")
    run = run_cli("check", "--format", "json", "--select", "style", "a.txt", cwd=tmp_path)
    found = diagnostics(run)
    assert [(d["rule"], d["text"]) for d in found] == [("style.house-words", "e-mail")]
    assert found[0]["suggestions"][0]["replacement"] == "email"


def test_catastrophic_user_pattern_is_rejected(tmp_path: Path) -> None:
    bad = HOUSE_PACK.replace('kind = "substitution"', 'kind = "existence"\npatterns = ["(a+)+b"]')
    bad = bad[: bad.index("[rule.swap]")]
    write(tmp_path / "house.toml", bad)
    write(tmp_path / ".newslint.toml", 'packs = ["house.toml"]\n')
    write(tmp_path / "a.txt", "Title\n\n" + "a" * 5000 + "\n")
    run = run_cli("check", "a.txt", cwd=tmp_path, timeout=60)
    assert run.returncode == 2
    message = run.stdout + run.stderr
    assert "house.toml" in message and "style.house-words" in message


def test_engines_are_not_imported_when_their_rules_are_off(tmp_path: Path) -> None:
    """Start-up stays small: a run without proselint, spelling or grammar rules
    imports none of those engines (after a first run has filled the caches)."""
    write(tmp_path / "a.txt", CLEAN)
    run_cli("check", "--select", "filler", "a.txt", cwd=tmp_path)
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "newslint",
            "check",
            "--select",
            "filler",
            "a.txt",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()}
    for engine in ("proselint", "language_tool_python", "spellchecker"):
        assert engine not in imported, f"{engine} was imported"
    assert "newslint.packs" in imported  # the probe does see our own imports


# At exit, as a check run ends by os._exit after the exit handlers (launcher.py).
_MODULES_AFTER_A_RUN = (
    "import atexit, gc, json, runpy, sys\n"
    "sys.argv = ['newslint', *sys.argv[1:]]\n"
    "atexit.register(lambda: print(json.dumps([sorted(sys.modules), gc.isenabled()]),"
    " file=sys.stderr, flush=True))\n"
    "runpy.run_module('newslint', run_name='__main__', alter_sys=True)\n"
)


def test_a_default_run_imports_only_what_it_runs(tmp_path: Path) -> None:
    """The cold start stays small (issue 12): a run with grammar ignored never
    imports the LanguageTool server, client or cache (sockets, SQLite), the
    archive, report, Dask or language-server code, the other output formats,
    or importlib.metadata. sys.modules, not -X importtime: modules that
    importlib.import_module loads are not in importtime's log."""
    # Curly quotes and dashes, as in most copy: typography alone needs no ftfy.
    write(tmp_path / "a.md", CLEAN.replace("'", "’").replace(", told", " — told"))
    args = ["check", "--format", "json", "--ignore", "grammar", "--no-cache", "a.md"]
    proc = subprocess.run(
        [sys.executable, "-c", _MODULES_AFTER_A_RUN, *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    modules, collecting = json.loads(proc.stderr.strip().splitlines()[-1])
    imported = set(modules)
    assert json.loads(proc.stdout)["files"], proc.stdout  # the run did lint the file
    assert collecting  # the cycle collector, off while modules load, is back on
    assert {
        "newslint.packs.run",
        "newslint.engines.proselint.match",
        "newslint.formatters.json_format",
    } <= imported
    unwanted = {
        "newslint.engines.languagetool.provider",
        "newslint.engines.languagetool.server",
        "newslint.engines.languagetool.client",
        "newslint.engines.languagetool.cache",
        "newslint.engines.languagetool.cli",
        "newslint.names.cli",
        "newslint.archive.records",
        "newslint.stream",
        "newslint.distributed",
        "newslint.report",
        "newslint.lsp",
        "newslint.formatters.html",
        "newslint.formatters.text",
        "language_tool_python",
        "dask",
        "distributed",
        "sqlite3",
        "socket",
        "importlib.metadata",
        "yaml",  # the article has no front matter
        "ftfy",  # nor mojibake
        "difflib",  # nor a mistyped directive or pack key
    }
    assert sorted(unwanted & imported) == []


def _modules_after(args: list[str], cwd: Path, cache: Path) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-c", _MODULES_AFTER_A_RUN, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "NEWSLINT_CACHE_DIR": str(cache)},
    )
    assert proc.returncode in (0, 1), proc.stderr
    return set(json.loads(proc.stderr.strip().splitlines()[-1])[0])


def test_a_selective_run_imports_only_the_families_it_selected(tmp_path: Path) -> None:
    """The Python checks' metadata is cached (issue 12: import only what the
    selected rules need): once a run listed the rules, ``--select dates``
    imports the dates family and none of the names or attribution code, and
    finds what a full listing finds."""
    write(tmp_path / "a.md", CLEAN.replace("on Tuesday", "on Thursday, February 6, 2026"))
    cache = tmp_path / "cache"
    args = ["check", "--format", "json", "--no-cache", "--select", "dates", "a.md"]
    first = _modules_after(args, tmp_path, cache)  # builds the metadata cache
    later = _modules_after(args, tmp_path, cache)
    families = {m for m in later if m.startswith("newslint.checks.")}
    assert "newslint.checks.dates" in families
    for other in ("names", "attribution", "reader", "padding", "numbers", "ap"):
        assert f"newslint.checks.{other}" in first and f"newslint.checks.{other}" not in later
    assert not {"newslint.names.checks", "newslint.analysis.attribution", "rapidfuzz"} & later
    run = run_cli(*args, cwd=tmp_path, env={"NEWSLINT_CACHE_DIR": str(cache)})
    assert [d["rule"] for d in diagnostics(run)] == ["dates.weekday-mismatch"]


def test_cached_python_rule_metadata_is_what_the_checks_register(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from newslint.registry import python_rule_metas\n"
        "metas = python_rule_metas()\n"
        "assert 'newslint.checks.names' not in sys.modules or sys.argv[1] == 'first'\n"
        "from newslint.checks import import_families\n"
        "from newslint.registry import _PYTHON_RULES\n"
        "import_families()\n"
        "assert metas == [r.meta for r in _PYTHON_RULES.values()]\n"
        "assert [m.origin for m in metas] == [r.meta.origin for r in _PYTHON_RULES.values()]\n"
    )
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}
    for which in ("first", "cached"):
        proc = subprocess.run(
            [sys.executable, "-c", code, which], env=env, capture_output=True, text=True
        )
        assert proc.returncode == 0, proc.stderr
    assert len(list(tmp_path.glob("rules-python-*.pickle"))) == 1


def test_proselint_is_imported_only_when_one_of_its_checks_can_fire(tmp_path: Path) -> None:
    """proselint's detector plan is cached: once it is built, a story on which no
    proselint check can fire is linted without importing proselint's checks, and
    one that trips a check imports them and reports it."""
    write(tmp_path / "clean.md", CLEAN)
    cliche = CLEAN.replace("The city council", "At the end of the day, the city council")
    write(tmp_path / "cliche.md", cliche)
    env = {**os.environ, "NO_COLOR": "1", "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}

    def modules_after(name: str) -> tuple[set[str], dict]:
        args = ["check", "--format", "json", "--ignore", "grammar", "--no-cache", name]
        proc = subprocess.run(
            [sys.executable, "-c", _MODULES_AFTER_A_RUN, *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env=env,
        )
        return set(json.loads(proc.stderr.strip().splitlines()[-1])[0]), json.loads(proc.stdout)

    modules_after("clean.md")  # builds and stores the plan
    clean, _ = modules_after("clean.md")
    assert "newslint.engines.proselint.match" in clean
    assert "proselint.checks" not in clean
    tripped, report = modules_after("cliche.md")
    assert "proselint.checks" in tripped
    rules = {d["rule"] for f in report["files"] for d in f["diagnostics"]}
    assert any(r.startswith("proselint.") for r in rules), rules


def test_unknown_rule_prefix_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", CLEAN)
    typo = run_cli("check", "--ignore", "grammr", "a.txt", cwd=tmp_path)
    assert typo.returncode == 2 and "grammr" in typo.stderr + typo.stdout
    dynamic = run_cli(
        "check",
        "--select",
        "filler",
        "--ignore",
        "grammar.UPPERCASE_SENTENCE_START",
        "a.txt",
        cwd=tmp_path,
    )
    assert dynamic.returncode == 0, dynamic.stderr
