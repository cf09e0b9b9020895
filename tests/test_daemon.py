"""The warm daemon: real daemons, real clients, real files.

Each test gets a private socket directory; a daemon serves a run only when
its key (install, Python, environment) matches, and the run must be the same
run a local process gives: output, exit code, files written.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO, CliRun, run_cli

from newslint.daemon import address

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the daemon needs fork")


@pytest.fixture
def daemon_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Environment for runs that use a daemon in this test's own socket directory."""
    run_dir = tmp_path / "run"
    run_dir.mkdir(mode=0o700)
    env = {
        "NEWSLINT_DAEMON": "on",
        "NEWSLINT_RUNTIME_DIR": str(run_dir),
        "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"),
    }
    yield env
    run_cli("daemon", "stop", "--all", env=env)


def _status(env: dict[str, str], cwd: Path = REPO) -> dict[str, object]:
    return json.loads(run_cli("daemon", "status", "--json", env=env, cwd=cwd).stdout)


def _served_and_local(
    args: tuple[str, ...], env: dict[str, str], cwd: Path = REPO, input: str | None = None
) -> tuple[CliRun, CliRun]:
    """The same command through the daemon and in its own process."""
    served = run_cli(*args, env=env, cwd=cwd, input=input)
    local = run_cli(*args, env={**env, "NEWSLINT_DAEMON": "off"}, cwd=cwd, input=input)
    return served, local


def _start(env: dict[str, str], *extra: str, cwd: Path = REPO) -> None:
    started = run_cli("daemon", "start", *extra, env=env, cwd=cwd)
    assert started.returncode == 0, started.stderr
    assert _status(env, cwd)["running"] is True


def test_served_run_is_the_local_run(daemon_env: dict[str, str]) -> None:
    _start(daemon_env)
    args = ("check", "--ignore", "grammar", "--no-cache", "--format", "json", "examples")
    served, local = _served_and_local(args, daemon_env)
    assert _status(daemon_env)["served"] == 1
    assert served.returncode == local.returncode == 1
    assert served.json() == local.json()
    assert served.stderr == local.stderr
    assert served.rules(), "the examples have findings"


def test_usage_errors_and_exit_codes_pass_through(daemon_env: dict[str, str]) -> None:
    _start(daemon_env)
    clean = EXAMPLES / "clean-council-budget.txt"
    for args, code in (
        (("check", "--no-such-option"), 2),
        (("check", "--ignore", "grammar", "--no-cache", str(clean)), 0),
        (("check", "--ignore", "grammar", "--no-cache", "missing-file.md"), 2),
    ):
        served, local = _served_and_local(args, daemon_env)
        assert (served.returncode, served.stdout, served.stderr) == (
            code,
            local.stdout,
            local.stderr,
        ), args
    assert _status(daemon_env)["served"] == 3


def test_stdin_working_directory_and_fix(daemon_env: dict[str, str], tmp_path: Path) -> None:
    """The worker reads the client's stdin and writes files relative to the
    client's directory, as the client's umask says."""
    work = tmp_path / "desk"
    work.mkdir()
    _start(daemon_env, cwd=work)
    story = "# Budget\n\nThe council said the vote occured on Monday.\n"
    args = ("check", "-", "--stdin-filename", "story.md", "--ignore", "grammar", "--format", "json")
    piped, local = _served_and_local(args, daemon_env, work, input=story)
    assert piped.json() == local.json() and piped.rules()

    (work / "served.md").write_text(story, encoding="utf-8")
    (work / "local.md").write_text(story, encoding="utf-8")
    run_cli("check", "--fix", "--ignore", "grammar", "served.md", env=daemon_env, cwd=work)
    run_cli(
        "check",
        "--fix",
        "--ignore",
        "grammar",
        "local.md",
        env={**daemon_env, "NEWSLINT_DAEMON": "off"},
        cwd=work,
    )
    fixed = (work / "served.md").read_text(encoding="utf-8")
    assert fixed == (work / "local.md").read_text(encoding="utf-8") != story
    assert _status(daemon_env, work)["served"] == 2


def test_another_environment_is_not_served(daemon_env: dict[str, str], tmp_path: Path) -> None:
    _start(daemon_env)
    other = {**daemon_env, "NEWSLINT_DAEMON": "off", "NEWSLINT_CACHE_DIR": str(tmp_path / "c2")}
    assert _status(other)["running"] is False  # another key, so another socket
    run = run_cli(
        "check", "--ignore", "grammar", str(EXAMPLES / "clean-council-budget.txt"), env=other
    )
    assert run.returncode == 0
    assert _status(daemon_env)["served"] == 0


def test_first_run_starts_a_daemon_for_the_next(daemon_env: dict[str, str]) -> None:
    env = {**daemon_env, "NEWSLINT_DAEMON": "auto", "CI": ""}
    article = str(EXAMPLES / "clean-council-budget.txt")
    first = run_cli("check", "--ignore", "grammar", article, env=env)
    assert first.returncode == 0
    deadline = time.monotonic() + 120
    while not _status(env)["running"]:
        assert time.monotonic() < deadline, "no daemon came up after the first run"
        time.sleep(0.2)
    second = run_cli("check", "--ignore", "grammar", article, env=env)
    assert (second.returncode, second.stdout) == (0, first.stdout)
    assert _status(env)["served"] == 1


def test_ci_and_off_run_in_process(daemon_env: dict[str, str]) -> None:
    article = str(EXAMPLES / "clean-council-budget.txt")
    for mode_env in ({"NEWSLINT_DAEMON": "auto", "CI": "true"}, {"NEWSLINT_DAEMON": "off"}):
        env = {**daemon_env, **mode_env}
        assert run_cli("check", "--ignore", "grammar", article, env=env).returncode == 0
        assert not list(Path(daemon_env["NEWSLINT_RUNTIME_DIR"]).glob("*.sock"))


def test_stops_when_idle(daemon_env: dict[str, str]) -> None:
    _start(daemon_env, "--idle-stop", "0.05")  # 3 seconds
    socket_file = Path(str(_status(daemon_env)["socket"]))
    assert socket_file.exists()
    deadline = time.monotonic() + 60
    while _status(daemon_env)["running"]:
        assert time.monotonic() < deadline, "the daemon did not stop when idle"
        time.sleep(0.5)
    assert not socket_file.exists()


def test_ctrl_c_reaches_the_worker(daemon_env: dict[str, str]) -> None:
    """Ctrl-C at the client stops the run in the worker, as it would stop a local run."""
    _start(daemon_env)
    client = subprocess.Popen(
        [sys.executable, "-m", "newslint", "check", "-", "--stdin-filename", "a.md"],
        stdin=subprocess.PIPE,  # left open: the worker waits for the story
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
        env={**os.environ, **daemon_env},
    )
    try:
        deadline = time.monotonic() + 60
        while _status(daemon_env)["workers"] != 1:
            assert time.monotonic() < deadline, "the worker never started"
            time.sleep(0.1)
        client.send_signal(signal.SIGINT)
        client.wait(timeout=30)
    finally:
        client.kill()
    assert client.returncode != 0
    deadline = time.monotonic() + 30
    while _status(daemon_env)["workers"] != 0:
        assert time.monotonic() < deadline, "the worker outlived Ctrl-C"
        time.sleep(0.2)


def test_socket_directory_must_be_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    monkeypatch.setenv(address.RUNTIME_ENV, str(shared))
    assert address.runtime_dir() is None
    private = tmp_path / "private"
    monkeypatch.setenv(address.RUNTIME_ENV, str(private))
    assert address.runtime_dir() == private
    assert private.stat().st_mode & 0o777 == 0o700


def test_key_follows_the_environment_and_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = address.daemon_key()
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    assert address.daemon_key() != before
    monkeypatch.setenv("NEWSLINT_DAEMON", "on")  # the switch itself is not part of the key
    keyed = address.daemon_key()
    monkeypatch.delenv("NEWSLINT_DAEMON")
    assert address.daemon_key() == keyed
    package = tmp_path / "package"
    shutil.copytree(Path(address.__file__).parent, package)
    monkeypatch.setattr(address, "_PACKAGE", package)
    copied = address.daemon_key()
    (package / "protocol.py").write_text("# edited\n", encoding="utf-8")
    assert address.daemon_key() != copied


def test_request_sent_whole_with_its_descriptors_needs_no_second_send(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A check that ends at once (a missing file) may have answered and closed
    before the client returns from sending: a request that went out whole with its
    descriptors must not be followed by an empty send, which fails with EPIPE."""
    import socket

    from newslint.daemon import protocol

    client, server = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    real_send_fds = socket.send_fds

    def send_then_peer_answers_and_closes(
        sock: socket.socket, buffers: list[bytes], fds: list[int]
    ) -> int:
        sent = real_send_fds(sock, buffers, fds)
        _, received = protocol.receive(server, max_fds=3)
        for fd in received:
            os.close(fd)
        protocol.send(server, {"exit": 2})
        server.close()
        return sent

    monkeypatch.setattr(socket, "send_fds", send_then_peer_answers_and_closes)
    with client:
        protocol.send(client, {"op": "check", "argv": ["check", "missing.md"]}, [0, 1, 2])
        reply, _ = protocol.receive(client)
    assert reply == {"exit": 2}
