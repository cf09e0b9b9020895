"""--dask on a real LocalCluster with two worker processes: the same results
as a local run, record for record, and a worker killed by its PID mid-run
loses and duplicates nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, need, run_cli

ARGS = ("--format", "jsonl", "--ignore", "grammar", "--no-progress", "--no-cache")


def _dask():
    try:
        import distributed
    except ImportError:
        distributed = None
    need(distributed is not None, "dask.distributed")
    return distributed


def _archive(path: Path, count: int) -> Path:
    rows = []
    for i in range(count):
        rows.append(
            {
                "id": f"quay-{i}",
                "title": f"Ferry {i} leaves on time",
                "body": (
                    f"Port director Ingrid Vasquez-Thorbjornsen said ferry {i} carried {100 + i} "
                    "passengers on Sunday.\n\nVasquez-Thorbjornsen said fares would not rise. "
                    "Some say the timetable is too thin."
                ),
            }
        )
    rows.append({"id": "slip", "body": "Ingrid Vasquez-Thorbjornson praised the crews on Monday."})
    rows.insert(5, {"id": "broken", "body": None})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _rows(stdout: str) -> tuple[dict[str, dict], dict]:
    rows = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    by_path = {r["path"]: r for r in rows[:-1]}
    assert len(by_path) == len(rows) - 1, "each record exactly once"
    return by_path, rows[-1]


@pytest.fixture(scope="module")
def cluster():
    distributed = _dask()
    local = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = distributed.Client(local)
    yield local, client
    client.close()
    local.close()


def test_dask_results_equal_a_local_run(tmp_path: Path, cluster) -> None:
    local_cluster, client = cluster
    _archive(tmp_path / "a.jsonl", 40)
    env = {"NEWSLINT_DASK_PARTITION": "7"}
    local = run_cli("check", "a.jsonl", *ARGS, cwd=tmp_path, env=env)
    on_dask = run_cli(
        "check", "a.jsonl", *ARGS, "--dask", local_cluster.scheduler_address, cwd=tmp_path, env=env
    )
    assert on_dask.returncode == local.returncode == 2, on_dask.stderr
    found, summary = _rows(on_dask.stdout)
    expected, expected_summary = _rows(local.stdout)
    assert found == expected and summary == expected_summary
    assert [d["rule"] for d in found["a.jsonl#slip"]["diagnostics"]] == ["names.inconsistent"]
    assert found["a.jsonl#broken"]["errors"]
    assert len(client.scheduler_info()["workers"]) == 2


def test_config_scheduler_and_dask_local(tmp_path: Path, cluster) -> None:
    local_cluster, _ = cluster
    _archive(tmp_path / "a.jsonl", 6)
    expected, _ = _rows(run_cli("check", "a.jsonl", *ARGS, cwd=tmp_path).stdout)
    (tmp_path / "newslint.toml").write_text(
        f'[distributed]\nscheduler = "{local_cluster.scheduler_address}"\n'
    )
    via_config = run_cli("check", "a.jsonl", *ARGS, cwd=tmp_path)
    assert _rows(via_config.stdout)[0] == expected, via_config.stderr
    (tmp_path / "newslint.toml").unlink()
    started = run_cli("check", "a.jsonl", *ARGS, "--dask", "local", "-j", "2", cwd=tmp_path)
    assert _rows(started.stdout)[0] == expected, started.stderr


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(tmp_path: Path, cluster) -> None:
    local_cluster, client = cluster
    _archive(tmp_path / "a.jsonl", 120)
    env = {**os.environ, "NEWSLINT_DASK_PARTITION": "4", "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    expected, expected_summary = _rows(
        run_cli(
            "check", "a.jsonl", *ARGS, cwd=tmp_path, env={"NEWSLINT_DASK_PARTITION": "4"}
        ).stdout
    )
    pids = list(client.run(os.getpid).values())
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "check", "a.jsonl", *ARGS,
         "--dask", local_cluster.scheduler_address],
        cwd=tmp_path, env={**env, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    lines = [proc.stdout.readline()]  # the first partition is done: the run is under way
    assert proc.poll() is None, "the run must still be going when the worker dies"
    os.kill(pids[0], signal.SIGKILL)
    out, err = proc.communicate(timeout=300)
    lines.extend(out.splitlines(keepends=True))
    assert proc.returncode == 2, err
    found, summary = _rows("".join(lines))
    assert found == expected and summary == expected_summary
    # The nanny brings the killed worker back; the cluster is whole again.
    deadline = time.monotonic() + 60
    while len(client.scheduler_info()["workers"]) < 2 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert pids[0] not in client.run(os.getpid).values()
