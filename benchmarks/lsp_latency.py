"""Latency and memory of `newslint server` as an editor sees them.

Starts the real server (``python -m newslint server``) over pipes, speaks
JSON-RPC to it with a small client in this file, and measures on a
1,500-word article (benchmarks/data/lsp_article.md, written for this project):

- first diagnostics after didOpen on a warm server (a fresh URI each time);
- edit to diagnostics for the fast rules: one didChange (a word typed or
  removed), then the time until publishDiagnostics for that version arrives;
  the next edit is sent after the answer, as a typist pausing between words;
- the server's RSS after 10 edits and after 1,000 edits.

Grammar is ignored by default (the figure is for the fast rules; LanguageTool
answers later on its own thread); ``--grammar`` keeps it on.

    python benchmarks/lsp_latency.py
    python benchmarks/lsp_latency.py --edits 200 --opens 5 --json-out .bench/lsp.json

Targets (issue 9): edit median <= 50 ms, p95 <= 150 ms; first diagnostics
<= 300 ms warm; RSS(1,000 edits) <= 1.2 x RSS(10 edits). Exit 1 if one is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ARTICLE = HERE / "data" / "lsp_article.md"


class Client:
    """A minimal LSP client: framed JSON-RPC over the server's stdin/stdout."""

    def __init__(self, command: list[str], cwd: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=cwd, env=env
        )
        self.inbox: queue.Queue[tuple[float, dict[str, Any]]] = queue.Queue()
        self._next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None
            message = json.loads(stream.read(length))
            self.inbox.put((time.perf_counter(), message))

    def send(self, message: dict[str, Any]) -> float:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return time.perf_counter()

    def request(self, method: str, params: Any) -> Any:
        self._next_id += 1
        self.send({"id": self._next_id, "method": method, "params": params})
        while True:
            _, message = self.inbox.get(timeout=120)
            if message.get("id") == self._next_id and "method" not in message:
                return message.get("result")

    def notify(self, method: str, params: Any) -> float:
        return self.send({"method": method, "params": params})

    def diagnostics(self, uri: str, version: int | None = None) -> tuple[float, list]:
        """Wait for publishDiagnostics on ``uri`` (for ``version`` when given)."""
        while True:
            at, message = self.inbox.get(timeout=120)
            if message.get("method") != "textDocument/publishDiagnostics":
                continue
            params = message["params"]
            if params["uri"] == uri and (version is None or params.get("version") == version):
                return at, params["diagnostics"]

    def rss_kib(self) -> int:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return -1

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=1000, help="edits to time (default 1000)")
    parser.add_argument("--opens", type=int, default=10, help="warm didOpens to time")
    parser.add_argument("--article", type=Path, default=ARTICLE)
    parser.add_argument("--grammar", action="store_true", help="keep grammar (LanguageTool) on")
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()

    text = args.article.read_text(encoding="utf-8")
    work = Path(tempfile.mkdtemp(prefix="newslint-lsp-bench-"))
    if not args.grammar:
        (work / ".newslint.toml").write_text('ignore = ["grammar"]\n')
    command = [sys.executable, "-m", "newslint", "server"]
    print("server:", " ".join(command), f"(cwd {work}; {len(text.split())} words)")
    client = Client(command, work)
    try:
        client.request(
            "initialize", {"processId": os.getpid(), "rootUri": work.as_uri(), "capabilities": {}}
        )
        client.notify("initialized", {})

        def open_doc(name: str) -> tuple[str, float]:
            uri = (work / name).as_uri()
            item = {"uri": uri, "languageId": "markdown", "version": 1, "text": text}
            sent = client.notify("textDocument/didOpen", {"textDocument": item})
            at, _ = client.diagnostics(uri)
            return uri, (at - sent) * 1000

        open_doc("warmup.md")  # imports, pack compilation, word lists
        opens = [open_doc(f"open-{i}.md")[1] for i in range(args.opens)]
        uri, _ = open_doc("story.md")

        # Edits: type " quickly" after a word of a paragraph, then remove it again,
        # moving through the paragraphs; the text never drifts far from the original.
        anchors = [i for i, line in enumerate(text.split("\n")) if len(line) > 80]
        latencies: list[float] = []
        rss: dict[int, int] = {}
        version = 1
        for n in range(args.edits):
            line = anchors[(n // 2) % len(anchors)]
            at = {"line": line, "character": 10}
            if n % 2 == 0:
                change = {"range": {"start": at, "end": at}, "text": " quickly"}
            else:
                end = {"line": line, "character": 18}
                change = {"range": {"start": at, "end": end}, "text": ""}
            version += 1
            sent = client.notify(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
            )
            received, _ = client.diagnostics(uri, version)
            latencies.append((received - sent) * 1000)
            if n + 1 in (10, 1000):
                rss[n + 1] = client.rss_kib()
    finally:
        client.close()
        shutil.rmtree(work, ignore_errors=True)

    figures: dict[str, Any] = {
        "words": len(text.split()),
        "first_diagnostics_ms": {
            "median": statistics.median(opens),
            "max": max(opens),
        },
        "edit_ms": {
            "n": len(latencies),
            "median": statistics.median(latencies),
            "p95": percentile(latencies, 0.95),
            "max": max(latencies),
        },
        "rss_kib": rss,
    }
    ok = figures["edit_ms"]["median"] <= 50 and figures["edit_ms"]["p95"] <= 150
    ok = ok and figures["first_diagnostics_ms"]["median"] <= 300
    print(
        f"first diagnostics after didOpen (warm, n={len(opens)}): "
        f"median {figures['first_diagnostics_ms']['median']:.0f} ms, "
        f"max {figures['first_diagnostics_ms']['max']:.0f} ms  (target <= 300 ms)"
    )
    e = figures["edit_ms"]
    print(
        f"edit -> diagnostics (n={e['n']}): median {e['median']:.0f} ms, p95 {e['p95']:.0f} ms, "
        f"max {e['max']:.0f} ms  (targets <= 50 / <= 150 ms)"
    )
    if 10 in rss and 1000 in rss:
        ratio = rss[1000] / rss[10]
        figures["rss_ratio"] = ratio
        ok = ok and ratio <= 1.2
        print(
            f"RSS after 10 edits {rss[10] / 1024:.1f} MiB, after 1,000 edits "
            f"{rss[1000] / 1024:.1f} MiB: x{ratio:.2f}  (target <= 1.2)"
        )
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(figures, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
