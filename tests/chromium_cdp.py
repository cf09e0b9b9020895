"""Drive Debian's headless Chromium over the DevTools protocol, for tests.

``--remote-debugging-pipe`` speaks the protocol on file descriptors 3 (our
commands) and 4 (its replies and events), NUL-terminated JSON, so no
websocket client is needed. One page is opened; console messages, uncaught
exceptions, log entries and network requests are recorded as they arrive.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",  # tests run as root in CI
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-background-networking",
    "--window-size=1280,900",
    "--remote-debugging-pipe",
)


class CdpError(RuntimeError):
    pass


@dataclass
class PageEvents:
    console: list[dict[str, Any]] = field(default_factory=list)  # Runtime.consoleAPICalled
    exceptions: list[dict[str, Any]] = field(default_factory=list)  # Runtime.exceptionThrown
    log: list[dict[str, Any]] = field(default_factory=list)  # Log.entryAdded
    requests: list[str] = field(default_factory=list)  # Network.requestWillBeSent URLs
    dialogs: list[str] = field(default_factory=list)  # alert()/confirm() messages

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries (CSP, network)."""
        found = [
            " ".join(str(a.get("value", a.get("description", ""))) for a in c.get("args", []))
            for c in self.console
            if c.get("type") in ("error", "assert")
        ]
        found += [
            e.get("exceptionDetails", {}).get("exception", {}).get("description", str(e))
            for e in self.exceptions
        ]
        found += [
            e["entry"].get("text", "") for e in self.log if e["entry"].get("level") == "error"
        ]
        return found


class Chromium:
    def __init__(self, executable: str, profile: Path, timeout: float = 60) -> None:
        self.timeout = timeout
        commands_read, self._commands = os.pipe()
        self._replies, replies_write = os.pipe()

        def wire_fds() -> None:  # in the child: the pipe ends Chromium expects
            os.dup2(commands_read, 3)
            os.dup2(replies_write, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=wire_fds,
        )
        os.close(commands_read)
        os.close(replies_write)
        self._buffer = b""
        self._next_id = 0
        self.events = PageEvents()
        self.session: str | None = None

    # -- the protocol -----------------------------------------------------------

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise CdpError("Chromium did not answer in time")
            chunk = os.read(self._replies, 1 << 20)
            if not chunk:
                raise CdpError(f"Chromium closed the pipe (exit {self.process.poll()})")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, session: bool = True, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise CdpError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._record(reply)

    def wait_for(self, event: str) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._read_message(deadline)
            self._record(message)
            if message.get("method") == event:
                return message.get("params", {})

    def _record(self, message: dict[str, Any]) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.consoleAPICalled":
            self.events.console.append(params)
        elif method == "Runtime.exceptionThrown":
            self.events.exceptions.append(params)
        elif method == "Log.entryAdded":
            self.events.log.append(params)
        elif method == "Network.requestWillBeSent":
            self.events.requests.append(params["request"]["url"])
        elif method == "Page.javascriptDialogOpening":
            self.events.dialogs.append(params.get("message", ""))
            self.send("Page.handleJavaScriptDialog", accept=True)

    # -- a page -----------------------------------------------------------------

    def open(self, url: str) -> None:
        target = self.send("Target.createTarget", session=False, url="about:blank")["targetId"]
        attached = self.send("Target.attachToTarget", session=False, targetId=target, flatten=True)
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in result:
            raise CdpError(f"evaluate failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path) -> Path:
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def close(self) -> None:
        with contextlib.suppress(CdpError, OSError):
            self.send("Browser.close", session=False)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._commands)
        os.close(self._replies)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
