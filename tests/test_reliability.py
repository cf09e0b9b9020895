"""Issue 11: one bad file never costs the run; front matter is data; the
grammar engine's faults are bounded and reported once. Real CLI runs in
subprocesses; faults come from tests/faulty_newslint.py (marker text makes the
loader or a check raise, or a worker SIGKILL itself) and from a fake
LanguageTool server on 127.0.0.1 (tests/fake_languagetool.py)."""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, CliRun, run_cli

from newslint.cachedir import CACHE_ENV

FAULTY = REPO / "tests" / "faulty_newslint.py"
FAKE_LT = REPO / "tests" / "fake_languagetool.py"


def _faulty(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> CliRun:
    proc = subprocess.run(
        [sys.executable, str(FAULTY), *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1", **(env or {})},
    )
    return CliRun(proc.returncode, proc.stdout, proc.stderr)


def _story(path: Path, extra: str = "") -> Path:
    path.write_text(
        f"# Harbour fire\n\nA fire occured at the harbour on Monday, officials said.\n{extra}\n",
        encoding="utf-8",
    )
    return path


# -- per-file isolation ------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_crashing_or_killed_file_is_one_error_and_the_run_goes_on(
    tmp_path: Path, jobs: str
) -> None:
    for i in range(10):
        _story(tmp_path / f"s{i}.md")
    _story(tmp_path / "s2.md", "CRASH-IN-LOADING")
    _story(tmp_path / "s5.md", "CRASH-IN-LINTING")
    _story(tmp_path / "s7.md", "KILL-MY-WORKER")  # only worker processes die of it
    run = _faulty("check", ".", "-j", jobs, "--format", "json", cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    files = {f["path"]: f for f in run.json()["files"]}
    assert len(files) == 10
    assert (
        "while loading this file (RuntimeError: injected loader fault)"
        in (files["s2.md"]["errors"][0])
    )
    assert "while linting this file" in files["s5.md"]["errors"][0]
    assert "please report" in files["s5.md"]["errors"][0]
    killed = files["s7.md"]["errors"]
    if jobs == "2":
        assert killed and "worker process linting this file was killed by SIGKILL" in killed[0]
    else:
        assert not killed
    for name in ("s0.md", "s1.md", "s3.md", "s6.md", "s9.md"):
        rules = [d["rule"] for d in files[name]["diagnostics"]]
        assert "spelling.misspelled" in rules and not files[name]["errors"], name


def test_verbose_prints_the_traceback(tmp_path: Path) -> None:
    _story(tmp_path / "bad.md", "CRASH-IN-LOADING")
    _story(tmp_path / "good.md")
    quiet = _faulty("check", ".", "--format", "concise", cwd=tmp_path)
    loud = _faulty("check", ".", "--format", "concise", "--verbose", cwd=tmp_path)
    assert quiet.returncode == loud.returncode == 2
    assert "Traceback" not in quiet.stderr + quiet.stdout and "--verbose" in quiet.stdout
    assert "Traceback (most recent call last)" in loud.stderr
    assert "injected loader fault" in loud.stderr
    assert "good.md" in loud.stdout  # its findings are still reported


# -- front matter -----------------------------------------------------------------------

BOMB = "".join(
    f"{name}: &{name} [{', '.join(['*' + prev] * 9 if prev else ['lol'] * 9)}]\n"
    for prev, name in zip(["", "a", "b", "c", "d", "e", "f", "g"], "abcdefgh", strict=True)
)


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("title: Harbour fire\ndate: 2026-02-30\n", "not a real date: February 2026 has 28 days"),
        (BOMB + "title: *h\n", "expands to more than"),
        ("title: Harbour fire\ntags: " + "[" * 5000 + "]" * 5000 + "\n", "nested more than"),
        ("title: Harbour fire\nnotes: '" + "x" * 70_000 + "'\n", "over the 64,000 limit"),
        ("title: !!python/object/apply:os.system ['echo pwned']\n", None),
    ],
    ids=["impossible-date", "billion-laughs", "deep", "huge", "python-tag"],
)
def test_hostile_front_matter_is_reported_and_the_prose_still_linted(
    tmp_path: Path, front: str, message: str | None
) -> None:
    story = tmp_path / "story.md"
    story.write_text(
        f"---\n{front}---\n\nA fire occured at the harbour on Monday, officials said.\n",
        encoding="utf-8",
    )
    started = time.monotonic()
    run = run_cli("check", "--format", "json", "--ignore", "grammar", story, cwd=tmp_path)
    assert time.monotonic() - started < 20
    assert run.returncode == 1, run.stderr  # findings, not an input error or a crash
    found = run.json()["files"][0]
    assert not found["errors"]
    rules = [d["rule"] for d in found["diagnostics"]]
    assert "spelling.misspelled" in rules  # the prose was linted
    notes = [d["message"] for d in found["diagnostics"] if d["rule"] == "structure.front-matter"]
    if message is None:
        assert notes == [] and "pwned" not in run.stdout + run.stderr
    else:
        assert len(notes) == 1 and message in notes[0], notes


# -- grammar engine faults ------------------------------------------------------------------


@pytest.fixture
def fake_lt(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fake LanguageTool in the mode given by the test's ``mode`` param: its URL."""
    mode = request.param
    port_file = tmp_path / "port"
    proc = subprocess.Popen([sys.executable, str(FAKE_LT), mode, str(port_file)])
    try:
        deadline = time.monotonic() + 20
        while not port_file.exists():
            assert time.monotonic() < deadline and proc.poll() is None, "fake server did not start"
            time.sleep(0.02)
        yield f"http://127.0.0.1:{port_file.read_text()}"
    finally:
        proc.kill()
        proc.wait()


def _stories(directory: Path, count: int) -> list[Path]:
    directory.mkdir(exist_ok=True)
    paths = []
    for i in range(count):
        path = directory / f"s{i:02}.txt"
        path.write_text(
            f"Harbour fire {i}\n\nShe go to the harbour every day, officials said. "
            f"A fire occured there on Monday and destroyed {i + 2} boats.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _configure(tmp_path: Path, url: str, timeout: float = 2) -> None:
    (tmp_path / ".newslint.toml").write_text(
        f'[languagetool]\nmode = "remote"\nurl = "{url}"\ntimeout = {timeout}\n'
    )


def _by_file(run: CliRun, family: str | None = None, exclude: str | None = None) -> dict:
    return {
        f["path"]: [
            (d["rule"], d["range"]["start"]["offset"])
            for d in f["diagnostics"]
            if (family is None or d["rule"].startswith(family))
            and (exclude is None or not d["rule"].startswith(exclude))
        ]
        for f in run.json()["files"]
    }


@pytest.mark.parametrize(
    ("fake_lt", "jobs", "reason"),
    [
        ("hang", "1", "no answer within 2 s"),
        ("hang", "2", "no answer within 2 s"),  # the notice comes up from the workers
        ("http500", "1", "HTTP 500"),
        ("garbage", "2", "not JSON"),
        ("huge", "1", "over 8,388,608 bytes"),
        ("die", "1", "closed the connection or is gone"),
    ],
    indirect=["fake_lt"],
)
def test_a_failing_grammar_server_costs_only_grammar(
    tmp_path: Path, fake_lt: str, jobs: str, reason: str
) -> None:
    _stories(tmp_path / "copy", 10 if jobs == "2" else 3)  # 10: over the parallel threshold
    _configure(tmp_path, fake_lt)
    env = {CACHE_ENV: str(tmp_path / "cache")}
    started = time.monotonic()
    run = run_cli("check", "copy", "-j", jobs, "--format", "json", cwd=tmp_path, env=env)
    elapsed = time.monotonic() - started
    assert elapsed < 30, elapsed  # 2 s timeout: bounded whatever the server does
    assert run.returncode == 1, run.stderr  # findings; grammar's absence is not an error
    notices = run.json()["notices"]
    assert len(notices) == 1 and reason in notices[0], notices
    assert "grammar checks (grammar.*) were skipped" in notices[0]
    assert _by_file(run, exclude="grammar.") == _baseline(tmp_path, jobs)
    if reason in ("HTTP 500", "not JSON"):  # one serial, one parallel
        strict = run_cli("check", "copy", "-j", jobs, "--require-grammar", cwd=tmp_path, env=env)
        assert strict.returncode == 2, strict.stderr
        assert "--require-grammar" in strict.stderr


_BASELINES: dict[str, dict] = {}


def _baseline(tmp_path: Path, jobs: str) -> dict:
    """Findings without grammar for the same stories (the same for every fault)."""
    if jobs not in _BASELINES:
        run = run_cli("check", "copy", "--ignore", "grammar", "--format", "json", cwd=tmp_path)
        _BASELINES[jobs] = _by_file(run)
    return _BASELINES[jobs]


def _without_permission_override() -> None:
    """In the child before exec: drop CAP_DAC_OVERRIDE from the bounding set, so a root
    process honours file modes after exec as any other user does."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_CAPBSET_DROP, _CAP_DAC_OVERRIDE, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE) failed")


_PR_CAPBSET_DROP = 24  # <linux/prctl.h>
_CAP_DAC_OVERRIDE = 1  # <linux/capability.h>


@pytest.mark.parametrize("fake_lt", ["ok"], indirect=True)
@pytest.mark.parametrize("damage", ["corrupt", "not-a-directory", "disk-full", "read-only"])
def test_a_broken_grammar_cache_means_no_caching_and_one_notice(
    tmp_path: Path, fake_lt: str, damage: str
) -> None:
    _stories(tmp_path / "copy", 3)
    _configure(tmp_path, fake_lt)
    cache = tmp_path / "cache"
    cache.mkdir()
    db = cache / "grammar-cache.sqlite3"
    preexec = None
    if damage == "corrupt":
        db.write_bytes(b"this is not an SQLite database\n" * 200)
    elif damage == "not-a-directory":
        cache = tmp_path / "cache-file"
        cache.write_text("a file where the cache directory should be\n")
    elif damage == "disk-full":

        def preexec() -> None:  # writes past 0 bytes fail as on a full disk (EFBIG)
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))

    else:
        cache.chmod(0o555)
        if os.geteuid() == 0:  # root writes anywhere unless it loses CAP_DAC_OVERRIDE
            preexec = _without_permission_override
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "copy", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=preexec,
        env={**os.environ, "PYTHONPATH": str(REPO), CACHE_ENV: str(cache)},
    )
    run = CliRun(proc.returncode, proc.stdout, proc.stderr)
    assert run.returncode == 1, run.stderr
    grammar = _by_file(run, "grammar.")
    assert all(found == [("grammar.HE_VERB_AGR", 20)] for found in grammar.values()), grammar
    notices = run.json()["notices"]
    assert len(notices) == 1 and "grammar results are not cached" in notices[0], notices


@pytest.mark.parametrize("fake_lt", ["ok"], indirect=True)
def test_four_concurrent_runs_sharing_an_empty_cache_match_a_serial_run(
    tmp_path: Path, fake_lt: str
) -> None:
    _stories(tmp_path / "copy", 5)
    _configure(tmp_path, fake_lt)
    serial = run_cli(
        "check", "copy", "-j", "1", "--format", "json", cwd=tmp_path,
        env={CACHE_ENV: str(tmp_path / "serial-cache")},
    )  # fmt: skip
    expected = _by_file(serial)
    assert any(rules for rules in _by_file(serial, "grammar.").values())
    env = {**os.environ, "PYTHONPATH": str(REPO), CACHE_ENV: str(tmp_path / "shared-cache")}
    command = [sys.executable, "-m", "newslint", "check", "copy", "--format", "json"]
    procs = [
        subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    for proc in procs:
        out, _ = proc.communicate(timeout=120)
        run = CliRun(proc.returncode, out, "")
        assert run.returncode == serial.returncode
        assert _by_file(run) == expected
        assert run.json()["notices"] == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_crashing_archive_record_is_one_error_and_the_run_goes_on(
    tmp_path: Path, jobs: str
) -> None:
    import json

    body = "A fire occured at the harbour on Monday, officials said."
    records = [{"id": f"r{i}", "body": body, "format": "markdown"} for i in range(6)]
    records[2]["body"] += " CRASH-IN-LINTING"
    records[4]["body"] += " KILL-MY-WORKER"  # only worker processes die of it
    archive = tmp_path / "desk.jsonl"
    archive.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run = _faulty("check", archive.name, "-j", jobs, "--format", "jsonl", cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    results = {line["path"]: line for line in lines if "path" in line}
    assert len(results) == 6
    crashed = results["desk.jsonl#r2"]["errors"]
    assert crashed and "please report" in crashed[0] and "desk.jsonl#r2" in crashed[0]
    killed = results["desk.jsonl#r4"]["errors"]
    if jobs == "2":
        assert killed and "killed by SIGKILL" in killed[0], killed
    else:
        assert not killed
    for i in (0, 1, 3, 5):
        rules = [d["rule"] for d in results[f"desk.jsonl#r{i}"]["diagnostics"]]
        assert "spelling.misspelled" in rules, i
