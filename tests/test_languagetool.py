"""LanguageTool (grammar.*) against a real LanguageTool server.

One server is shared by the tests that need it (``newslint languagetool
serve --detach`` in a private cache directory that links to the real
install); it is stopped at the end. Under CI a missing install or Java is a
failure, locally a skip (conftest.need).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import need, run_cli

from newslint import processes
from newslint.cachedir import CACHE_ENV
from newslint.config import LanguageToolSettings
from newslint.diagnostics import Applicability
from newslint.engines.languagetool import provider as lt_provider
from newslint.engines.languagetool import server as lt_server
from newslint.engines.languagetool.cache import ResultCache, cache_key, settings_digest
from newslint.engines.languagetool.client import LTMatch, _span, codepoint_span, split_matches
from newslint.engines.languagetool.install import (
    LT_VERSION,
    install_dir,
    installed,
    render_pom,
)
from newslint.engines.languagetool.java import find_java
from newslint.registry import CheckContext
from newslint.sources import load_document

SHE_GO = "She go to the office every days."


# -- offsets, batching, cache keys (no server) ---------------------------------------


def test_utf16_offsets_become_code_points() -> None:
    text = "Fans 😀 cheered 🎉🎉 as she go home."
    # Java counts each emoji as two UTF-16 units: "go" (code point 25) is at 28.
    start, end = codepoint_span(text, 28, 2)
    assert (start, end) == (25, 27) and text[start:end] == "go"
    # A match that contains emoji ends after the whole of the last one.
    start, end = codepoint_span(text, 16, 4)
    assert text[start:end] == "🎉🎉"


def test_language_tool_python_match_span_uses_utf16_length() -> None:
    text = "Fans 😀 said 🎉x go"
    # language-tool-python gives the start in code points, the length in UTF-16.
    match = SimpleNamespace(offset=12, error_length=3)
    assert _span(text, match) == (12, 14)
    assert text[12:14] == "🎉x"


def test_split_matches_maps_a_batch_back_to_paragraphs() -> None:
    texts = ["First one.", "Second she go."]
    fields = {"rule": "R", "message": "m", "replacements": (), "issue_type": "grammar",
              "category": "C"}  # fmt: skip
    second = len(texts[0]) + 2
    found = split_matches(texts, [(0, 5, fields), (second + 7, second + 13, fields)])
    assert [(m.start, m.end) for m in found[0]] == [(0, 5)]
    assert [texts[1][m.start : m.end] for m in found[1]] == ["she go"]


def test_pom_excludes_language_all_and_pins_the_version() -> None:
    pom = render_pom("6.8")
    assert "<artifactId>language-all</artifactId></exclusion>" in pom
    assert "<artifactId>language-en</artifactId><version>6.8</version>" in pom
    assert "<artifactId>languagetool-server</artifactId><version>6.8</version>" in pom


def test_cache_key_covers_version_language_level_and_rules(tmp_path: Path) -> None:
    base = settings_digest("6.8", "en-US", "default", ["A"])
    variants = [
        settings_digest("6.6", "en-US", "default", ["A"]),
        settings_digest("6.8", "en-GB", "default", ["A"]),
        settings_digest("6.8", "en-US", "picky", ["A"]),
        settings_digest("6.8", "en-US", "default", ["A", "B"]),
    ]
    assert len({base, *variants}) == 5
    cache = ResultCache(tmp_path / "c.sqlite3")
    match = LTMatch("HE_VERB_AGR", "msg", 4, 6, ("goes",), "grammar", "GRAMMAR")
    cache.put_many({cache_key("x", base): [match]})
    assert ResultCache(cache.path).get_many([cache_key("x", base)]) == {
        cache_key("x", base): [match]
    }
    assert cache.get_many([cache_key("x", variants[0])]) == {}


def test_cache_retries_a_database_locked_while_parallel_runs_create_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Four runs creating the file at once: one of them may find it locked while
    another switches it to WAL, at once and whatever the busy timeout. That run
    waits and tries again instead of giving up caching with a notice."""
    import sqlite3

    real_open = ResultCache._open
    failures = {"left": 2}

    def open_locked_twice(self: ResultCache) -> sqlite3.Connection:
        if failures["left"]:
            failures["left"] -= 1
            raise sqlite3.OperationalError("database is locked")
        return real_open(self)

    monkeypatch.setattr(ResultCache, "_open", open_locked_twice)
    cache = ResultCache(tmp_path / "c.sqlite3")
    match = LTMatch("HE_VERB_AGR", "msg", 4, 6, ("goes",), "grammar", "GRAMMAR")
    cache.put_many({"k": [match]})
    assert cache.problem is None
    assert cache.get_many(["k"]) == {"k": [match]}

    failures["left"] = 99  # locked for good: one notice, and the run goes on uncached
    stuck = ResultCache(tmp_path / "d.sqlite3")
    assert stuck.get_many(["k"]) == {}
    assert stuck.problem is not None and "database is locked" in stuck.problem


def test_speller_rules_are_disabled_with_reasons() -> None:
    rules = lt_provider.disabled_rules()
    assert {"MORFOLOGIK_RULE_EN_US", "MORFOLOGIK_RULE_EN_GB", "WHITESPACE_RULE"} <= set(rules)
    assert all(len(reason) > 10 for reason in rules.values())


def test_mode_off_reports_nothing_and_starts_nothing() -> None:
    doc = load_document("a.txt", f"Headline here\n\n{SHE_GO}\n")
    provider = lt_provider.LanguageToolProvider(LanguageToolSettings(mode="off"))
    assert list(provider.check(doc, frozenset({"grammar"}), CheckContext())) == []
    assert provider.notices() == []


# -- fixtures for the real server -------------------------------------------------------


def _java_pids(marker: str) -> list[int]:
    """LanguageTool servers whose command line mentions ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                argv = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if lt_server.MAIN_CLASS.encode() in argv and any(marker.encode() in a for a in argv):
                found.append(int(entry.name))
    return found


def _linked_cache(directory: Path) -> Path:
    """A private cache dir that shares the real LanguageTool install."""
    need(installed() is not None, f"LanguageTool {LT_VERSION} (`newslint languagetool install`)")
    need(find_java() is not None, "Java 17+")
    directory.mkdir(parents=True, exist_ok=True)
    link = install_dir(root=directory)
    if not link.exists():
        link.symlink_to(installed(), target_is_directory=True)
    return directory


@pytest.fixture(scope="session")
def lt_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Env for CLI runs that use one shared, detached LanguageTool server."""
    cache = _linked_cache(tmp_path_factory.mktemp("lt-cache"))
    env = {CACHE_ENV: str(cache)}
    run = run_cli("languagetool", "serve", "--detach", env=env, timeout=180)
    assert run.returncode == 0, run.stderr
    try:
        yield env
    finally:
        run_cli("languagetool", "stop", env=env)


@pytest.fixture
def fake_java(tmp_path: Path) -> tuple[Path, Path]:
    """A ``java`` that records that it was called and fails: (bin dir, record)."""
    bin_dir, record = tmp_path / "bin", tmp_path / "java-called"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text(f'#!/bin/sh\necho "$@" >> {record}\nexit 1\n')
    java.chmod(0o755)
    return bin_dir, record


def _no_java_env(cache: Path, bin_dir: Path) -> dict[str, str]:
    return {CACHE_ENV: str(cache), "PATH": str(bin_dir), "JAVA_HOME": ""}


def _article(tmp_path: Path, body: str, name: str = "story.txt") -> Path:
    path = tmp_path / name
    path.write_text(f"Council approves harbour budget\n\n{body}\n", encoding="utf-8")
    return path


def _grammar(run) -> list[dict]:  # type: ignore[no-untyped-def]
    return [
        d for f in run.json()["files"] for d in f["diagnostics"] if d["rule"].startswith("grammar.")
    ]


# -- the real server ----------------------------------------------------------------------


def test_cli_flags_she_go(lt_env: dict[str, str], tmp_path: Path) -> None:
    story = _article(tmp_path, SHE_GO)
    run = run_cli("check", "--format", "json", "--select", "grammar", story, env=lt_env)
    assert run.returncode == 1, run.stderr
    found = {d["rule"]: d for d in _grammar(run)}
    assert "grammar.HE_VERB_AGR" in found, found
    source = story.read_text(encoding="utf-8")
    diag = found["grammar.HE_VERB_AGR"]
    assert diag["text"] == "go"
    assert diag["range"]["start"]["offset"] == source.index("go to")
    assert {s["replacement"] for s in diag["suggestions"]} >= {"goes"}
    assert run.json()["notices"] == []


def test_emoji_before_an_error_keeps_exact_offsets(lt_env: dict[str, str], tmp_path: Path) -> None:
    body = "Fans 😀 of the 𝔐 club waved 🎉🎉 flags as she go home early."
    story = _article(tmp_path, body, "emoji.md")
    run = run_cli("check", "--format", "json", "--select", "grammar", story, env=lt_env)
    source = story.read_text(encoding="utf-8")
    diag = next(d for d in _grammar(run) if d["rule"] == "grammar.HE_VERB_AGR")
    assert diag["text"] == "go"
    assert diag["range"]["start"]["offset"] == source.index("go home")
    assert diag["range"]["start"]["column"] == body.index("go home") + 1


def test_languagetool_speller_is_off(lt_env: dict[str, str], tmp_path: Path) -> None:
    story = _article(tmp_path, "The mayor recieved the award from the goverment on Friday.")
    run = run_cli("check", "--format", "json", "--select", "grammar,spelling", story, env=lt_env)
    assert run.returncode in (0, 1), run.stderr
    assert _grammar(run) == []  # LanguageTool's MORFOLOGIK speller would flag both words


def test_ignoring_one_grammar_rule(lt_env: dict[str, str], tmp_path: Path) -> None:
    story = _article(tmp_path, SHE_GO)
    run = run_cli(
        "check", "--format", "json", "--select", "grammar",
        "--ignore", "grammar.HE_VERB_AGR", story, env=lt_env,
    )  # fmt: skip
    rules = {d["rule"] for d in _grammar(run)}
    assert "grammar.HE_VERB_AGR" not in rules
    assert "grammar.EVERY_EACH_SINGULAR" in rules


def test_served_server_is_reused_by_another_process(
    lt_env: dict[str, str], tmp_path: Path, fake_java: tuple[Path, Path]
) -> None:
    status = run_cli("languagetool", "status", env=lt_env)
    assert status.returncode == 0 and "LanguageTool 6." in status.stdout, status.stdout
    bin_dir, record = fake_java
    story = _article(tmp_path, f"She go to the market on Fridays, {os.getpid()} traders said.")
    # With no usable java on PATH, grammar can only come from the served server.
    run = run_cli("check", "--format", "json", "--select", "grammar", story,
                  env={**lt_env, "PATH": str(bin_dir), "JAVA_HOME": ""})  # fmt: skip
    assert _grammar(run), run.stdout + run.stderr
    assert not record.exists()


def test_remote_mode_uses_the_url_and_off_mode_disables(
    lt_env: dict[str, str], tmp_path: Path, fake_java: tuple[Path, Path]
) -> None:
    info = json.loads((Path(lt_env[CACHE_ENV]) / lt_server.DISCOVERY_NAME).read_text())
    bin_dir, record = fake_java
    story = _article(tmp_path, f"She go to the library on Mondays, {os.getpid()} readers said.")
    env = _no_java_env(tmp_path / "empty-cache", bin_dir)  # no install, no discovery file
    config = tmp_path / ".newslint.toml"
    config.write_text(f'[languagetool]\nmode = "remote"\nurl = "{info["url"]}"\n')
    run = run_cli("check", "--format", "json", "--select", "grammar", story, env=env)
    assert [d["rule"] for d in _grammar(run)] == ["grammar.HE_VERB_AGR"], run.stderr
    config.write_text('[languagetool]\nmode = "off"\n')
    run = run_cli("check", "--format", "json", "--select", "grammar", story, env=env)
    assert _grammar(run) == [] and run.json()["notices"] == []
    assert not record.exists()


def test_cache_sends_only_changed_paragraphs(
    lt_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, lt_env[CACHE_ENV])
    monkeypatch.setattr(lt_provider, "_CACHE", [ResultCache(tmp_path / "cache.sqlite3")])
    monkeypatch.setattr(lt_provider, "_ENDPOINTS", {})
    provider = lt_provider.LanguageToolProvider()
    paragraphs = [
        "The transport minister said the new timetable would start in May.",
        SHE_GO,
        "Officials expects the work to finish before the summer holidays.",
    ]
    ctx, selected = CheckContext(), frozenset({"grammar"})

    def lint(paras: list[str]) -> list[str]:
        doc = load_document("s.txt", "Rail plan unveiled\n\n" + "\n\n".join(paras) + "\n")
        return [d.rule for d in provider.check(doc, selected, ctx)]

    first = lint(paragraphs)
    assert "grammar.HE_VERB_AGR" in first
    stats = provider.client_stats()
    assert stats["paragraphs_sent"] == 4  # headline + three paragraphs, one request
    assert stats["requests"] == 1
    assert lint(paragraphs) == first
    assert provider.client_stats() == stats  # nothing sent the second time
    edited = [*paragraphs[:2], "Officials expect the work to finish before the summer holidays."]
    lint(edited)
    after = provider.client_stats()
    assert after["paragraphs_sent"] - stats["paragraphs_sent"] == 1
    assert after["requests"] - stats["requests"] == 1


def test_ignore_grammar_never_starts_java(tmp_path: Path, fake_java: tuple[Path, Path]) -> None:
    cache = _linked_cache(tmp_path / "cache")
    bin_dir, record = fake_java
    story = _article(tmp_path, f"{SHE_GO} ({os.getpid()} {time.time()})")
    run = run_cli("check", "--format", "json", "--ignore", "grammar", story,
                  env=_no_java_env(cache, bin_dir))  # fmt: skip
    assert run.returncode in (0, 1), run.stderr
    assert not record.exists()
    # The control: with grammar selected the same run does try to start java.
    run = run_cli("check", "--format", "json", story, env=_no_java_env(cache, bin_dir))
    assert record.exists()
    assert len(run.json()["notices"]) == 1


def test_missing_java_gives_one_notice_and_other_checks_run(tmp_path: Path) -> None:
    cache = _linked_cache(tmp_path / "cache")
    empty_bin = tmp_path / "empty-bin"
    empty_bin.mkdir()
    stories = [
        _article(tmp_path, f"{SHE_GO} Click here to subscribe to our newsletter. {i}", f"s{i}.txt")
        for i in range(9)  # enough files for worker processes
    ]
    env = _no_java_env(cache, empty_bin)
    with_grammar = run_cli("check", "--format", "json", "--jobs", "2", *stories, env=env)
    without = run_cli("check", "--format", "json", "--ignore", "grammar", *stories, env=env)
    assert with_grammar.returncode == without.returncode, with_grammar.stderr
    notices = with_grammar.json()["notices"]
    assert len(notices) == 1 and "newslint languagetool install" in notices[0], notices
    assert "Java" in notices[0]
    assert _grammar(with_grammar) == []
    strip = [(f["path"], f["diagnostics"]) for f in with_grammar.json()["files"]]
    assert strip == [(f["path"], f["diagnostics"]) for f in without.json()["files"]]
    required = run_cli("check", "--format", "json", "--require-grammar", stories[0], env=env)
    assert required.returncode == 2
    assert "--require-grammar" in required.stderr


def _counting_java(tmp_path: Path) -> tuple[Path, Path]:
    """A ``java`` to put first on PATH that logs each start to a file."""
    java = find_java()
    assert java is not None
    bin_dir, calls = tmp_path / "bin", tmp_path / "java-calls"
    bin_dir.mkdir()
    (bin_dir / "java").write_text(f'#!/bin/sh\necho "$$" >> {calls}\nexec {java} "$@"\n')
    (bin_dir / "java").chmod(0o755)
    return bin_dir, calls


def _private_servers(directory: Path) -> None:
    """``autostart = false``: each run starts its own server and stops it at exit."""
    (directory / "newslint.toml").write_text("[languagetool]\nautostart = false\n")


def test_parallel_workers_share_one_server(tmp_path: Path) -> None:
    cache = _linked_cache(tmp_path / "cache")
    _private_servers(tmp_path)
    bin_dir, calls = _counting_java(tmp_path)
    stories = [
        _article(tmp_path, f"She go to the office every days, {i} commuters said.", f"s{i}.txt")
        for i in range(10)
    ]
    env = {CACHE_ENV: str(cache), "PATH": f"{bin_dir}:{os.environ['PATH']}", "JAVA_HOME": ""}
    run = run_cli("check", "--format", "json", "--jobs", "2", "--select", "grammar", *stories,
                  env=env, timeout=180)  # fmt: skip
    assert run.returncode == 1, run.stderr
    assert all(
        any(d["rule"] == "grammar.HE_VERB_AGR" for d in f["diagnostics"])
        for f in run.json()["files"]
    )
    assert len(calls.read_text().split()) == 1  # one JVM for the parent and both workers
    assert _java_pids(str(cache)) == []  # and it was stopped at exit


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL, signal.SIGINT])
def test_no_orphan_server_when_newslint_is_stopped(tmp_path: Path, signum: int) -> None:
    cache = _linked_cache(tmp_path / "cache")
    _private_servers(tmp_path)
    story = _article(tmp_path, f"{SHE_GO} {signum} {time.time()}")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "check", "--format", "json", str(story)],
        env={**os.environ, CACHE_ENV: str(cache)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not _java_pids(str(cache)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _java_pids(str(cache)), "newslint did not start LanguageTool"
        time.sleep(0.3)  # let it get going
        proc.send_signal(signum)
        proc.wait(30)
        deadline = time.monotonic() + 15
        while _java_pids(str(cache)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _java_pids(str(cache)) == []
    finally:
        proc.kill()
        for pid in _java_pids(str(cache)):
            os.kill(pid, signal.SIGKILL)


def _shared_server(cache: Path) -> dict:
    return json.loads((cache / lt_server.DISCOVERY_NAME).read_text())


def _stop_servers(cache: Path) -> None:
    run_cli("languagetool", "stop", env={CACHE_ENV: str(cache)})
    for pid in _java_pids(str(cache)):
        os.kill(pid, signal.SIGKILL)


def test_first_run_starts_a_shared_server_that_idles_out_and_restarts(tmp_path: Path) -> None:
    """Issue 12: no served server, autostart on: the first run starts a detached,
    advertised server; the next run reuses it at once; unused, it stops by itself
    after the idle time, and the next run that needs it starts another."""
    cache = _linked_cache(tmp_path / "cache")
    (tmp_path / "newslint.toml").write_text("[languagetool]\nidle-stop = 0.25\n")  # 15 s
    story = _article(tmp_path, SHE_GO)
    env = {CACHE_ENV: str(cache)}
    args = ("check", "--format", "json", "--no-cache", "--select", "grammar", story)
    try:
        first = run_cli(*args, env=env, timeout=180)
        assert "grammar.HE_VERB_AGR" in first.rules(), first.stderr
        pid = _shared_server(cache)["pid"]
        assert lt_server.is_languagetool_pid(pid), "the server outlives the run that started it"
        assert os.getsid(pid) == pid, "in a session of its own"
        began = time.monotonic()
        second = run_cli(*args, env=env)
        assert second.json() == first.json()
        assert time.monotonic() - began < 10  # no JVM start (it takes several seconds)
        assert _java_pids(str(cache)) == [pid]
        status = run_cli("languagetool", "status", env=env)
        assert "stops after 0.25 min unused" in status.stdout, status.stdout
        deadline = time.monotonic() + 90
        advertised = cache / lt_server.DISCOVERY_NAME
        while (lt_server.is_languagetool_pid(pid) or advertised.exists()) and (
            time.monotonic() < deadline
        ):
            time.sleep(0.5)
        assert not lt_server.is_languagetool_pid(pid), "it did not stop when idle"
        assert not advertised.exists(), "its keeper withdraws it"
        _article(tmp_path, f"{SHE_GO} The depot closed.")  # not in the grammar cache
        third = run_cli(*args, env=env, timeout=180)
        assert "grammar.HE_VERB_AGR" in third.rules(), third.stderr
        assert _shared_server(cache)["pid"] != pid
    finally:
        _stop_servers(cache)


def test_parallel_first_runs_start_one_shared_server(tmp_path: Path) -> None:
    """Three runs that all find no server start one between them (a lock)."""
    cache = _linked_cache(tmp_path / "cache")
    bin_dir, calls = _counting_java(tmp_path)
    env = {
        **os.environ,
        CACHE_ENV: str(cache),
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "JAVA_HOME": "",
    }
    stories = [_article(tmp_path, f"{SHE_GO} Run {i}.", f"s{i}.txt") for i in range(3)]
    command = [sys.executable, "-m", "newslint", "check", "--format", "json", "--select", "grammar"]
    try:
        procs = [
            subprocess.Popen([*command, str(story)], env=env, stdout=subprocess.PIPE, text=True)
            for story in stories
        ]
        for proc in procs:
            out, _ = proc.communicate(timeout=180)
            assert proc.returncode == 1
            rules = [d["rule"] for f in json.loads(out)["files"] for d in f["diagnostics"]]
            assert "grammar.HE_VERB_AGR" in rules
        assert len(calls.read_text().split()) == 1, "one JVM for all three runs"
        assert _java_pids(str(cache)) == [_shared_server(cache)["pid"]]
    finally:
        _stop_servers(cache)


def test_applicability_single_replacement_is_unsafe() -> None:
    doc = load_document("a.txt", "Headline here\n\nShe walk home.\n")
    match = LTMatch("X", "m", 4, 8, ("walks",), "grammar", "GRAMMAR")
    diag = lt_provider._diagnostic(doc, doc.body[0], match)
    assert diag is not None and diag.rule == "grammar.X"
    assert doc.text[diag.start : diag.end] == "walk"
    assert [s.applicability for s in diag.suggestions] == [Applicability.UNSAFE]


# Last in the file: it stops the shared server (later tests would start their own).
def test_four_concurrent_runs_on_one_empty_cache_match_a_serial_run(
    lt_env: dict[str, str], tmp_path: Path
) -> None:
    """Issue 11: four runs sharing one grammar cache directory from empty (the
    real server, remote mode) report what one serial run reports."""
    info = json.loads((Path(lt_env[CACHE_ENV]) / lt_server.DISCOVERY_NAME).read_text())
    (tmp_path / ".newslint.toml").write_text(
        f'[languagetool]\nmode = "remote"\nurl = "{info["url"]}"\n'
    )
    copy = tmp_path / "copy"
    copy.mkdir()
    for i in range(4):
        body = f"She go to the depot on Fridays, {os.getpid() + i} drivers said."
        _article(copy, body, f"s{i}.txt")
    serial = run_cli("check", "copy", "-j", "1", "--format", "json", cwd=tmp_path,
                     env={CACHE_ENV: str(tmp_path / "serial")})  # fmt: skip
    assert _grammar(serial), serial.stderr
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
           CACHE_ENV: str(tmp_path / "shared")}  # fmt: skip
    command = [sys.executable, "-m", "newslint", "check", "copy", "--format", "json"]
    procs = [
        subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    for proc in procs:
        out, _ = proc.communicate(timeout=180)
        assert proc.returncode == serial.returncode
        assert json.loads(out)["files"] == serial.json()["files"]


def test_a_reused_pid_is_not_taken_for_the_advertised_server(
    lt_env: dict[str, str], tmp_path: Path
) -> None:
    """The discovery file records the server's start time with its pid: a record
    whose process started at another time names a process that merely got the
    same id, and neither a run nor a keeper may use or stop it."""
    info = json.loads((Path(lt_env[CACHE_ENV]) / lt_server.DISCOVERY_NAME).read_text())
    assert info["process_started"] == pytest.approx(processes.start_time(info["pid"]), abs=1)
    stale = tmp_path / "cache"
    stale.mkdir()
    (stale / lt_server.DISCOVERY_NAME).write_text(
        json.dumps({**info, "process_started": info["process_started"] - 3600})
    )
    assert lt_server.read_discovery(Path(lt_env[CACHE_ENV])) is not None
    assert lt_server.read_discovery(stale) is None
    assert run_cli("languagetool", "status", env={CACHE_ENV: str(stale)}).returncode == 1
    keeper = subprocess.run(
        [sys.executable, "-m", "newslint.engines.languagetool.keeper", str(info["pid"]), "0",
         str(stale), str(info["process_started"] - 3600)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert "the server exited" in keeper.stdout, keeper.stdout + keeper.stderr
    assert lt_server.probe(info["url"]) == info["version"], "the real server was left alone"


def test_serve_status_stop_lifecycle(lt_env: dict[str, str]) -> None:
    info = json.loads((Path(lt_env[CACHE_ENV]) / lt_server.DISCOVERY_NAME).read_text())
    try:
        assert lt_server.probe(info["url"]) == info["version"]
        again = run_cli("languagetool", "serve", "--detach", env=lt_env)
        assert "already serving" in again.stdout
        status = run_cli("languagetool", "status", env=lt_env)
        assert status.returncode == 0 and str(info["pid"]) in status.stdout
        stopped = run_cli("languagetool", "stop", env=lt_env)
        assert stopped.returncode == 0
        assert not lt_server.is_languagetool_pid(info["pid"])
        assert run_cli("languagetool", "status", env=lt_env).returncode == 1
        assert not (Path(lt_env[CACHE_ENV]) / lt_server.DISCOVERY_NAME).exists()
    finally:
        if lt_server.is_languagetool_pid(info["pid"]):
            os.kill(info["pid"], signal.SIGKILL)


def test_a_real_server_killed_mid_run_costs_only_grammar(tmp_path: Path) -> None:
    """SIGKILL the real LanguageTool server while a run is using it: the run ends,
    says once that grammar was skipped, and every other finding is unchanged."""
    cache = _linked_cache(tmp_path / "cache")
    env = {CACHE_ENV: str(cache)}
    served = run_cli("languagetool", "serve", "--detach", env=env, timeout=180)
    assert served.returncode == 0, served.stderr
    log = cache / "languagetool-server.log"
    copy = tmp_path / "copy"
    copy.mkdir()
    for i in range(40):  # distinct texts: nothing comes from the paragraph cache
        (copy / f"s{i:02}.txt").write_text(
            f"Harbour fire {i}\n\nShe go to the harbour every day, {i} officials said. "
            f"A fire occured there on Monday and destroyed {i + 2} boats.\n",
            encoding="utf-8",
        )
    command = [sys.executable, "-m", "newslint", "check", "--format", "json", "--no-cache"]

    def checks_served() -> int:
        return log.read_text(errors="replace").count("Check done")

    before = checks_served()  # the server's own start-up probe
    proc = subprocess.Popen(
        [*command, str(copy)],
        env={**os.environ, **env, "NO_COLOR": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while checks_served() < before + 6 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert checks_served() >= before + 6, "the run sent too few grammar requests"
        killed = _java_pids(str(cache))
        assert killed
        for pid in killed:
            os.kill(pid, signal.SIGKILL)
        out, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
        for pid in _java_pids(str(cache)):
            os.kill(pid, signal.SIGKILL)
    assert proc.returncode == 1, err  # findings; the server's death is no error of the run
    result = json.loads(out)
    assert len(result["files"]) == 40
    notices = [n for n in result["notices"] if "grammar" in n]
    assert len(notices) == 1, "\n".join(result["notices"])
    assert "grammar checks (grammar.*) were skipped" in notices[0]
    assert "the server closed the connection or is gone" in notices[0]
    graded = [
        any(d["rule"].startswith("grammar.") for d in f["diagnostics"]) for f in result["files"]
    ]
    assert 1 <= sum(graded) < len(graded)  # killed mid-run: the stories before it kept grammar
    baseline = run_cli(*command[3:], "--ignore", "grammar", copy, env=env)

    def others(run_json: dict) -> dict:
        return {
            f["path"]: [
                (d["rule"], d["range"]["start"]["offset"])
                for d in f["diagnostics"]
                if not d["rule"].startswith("grammar.")
            ]
            for f in run_json["files"]
        }

    assert others(result) == others(baseline.json())
