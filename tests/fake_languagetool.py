"""A stand-in LanguageTool server on 127.0.0.1 for fault tests (issue 11).

    python tests/fake_languagetool.py MODE PORT_FILE

It answers the readiness probe and /v2/languages like LanguageTool; each
other /v2/check request gets MODE: ``ok`` (a real-looking answer that flags
"She go"), ``hang`` (accepts, never answers), ``http500``, ``garbage`` (not
JSON), ``huge`` (a 20 MB body), ``die`` (the process SIGKILLs itself in the
middle of the request, as a server killed mid-run). PORT_FILE receives the
port once it listens.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PROBE_TEXT = "She go to the office every days."
VERSION = "6.6-fake"


def _answer(text: str) -> dict:
    matches = []
    start = text.find("She go")
    while start >= 0:
        matches.append(
            {
                "message": "The pronoun 'She' is usually used with a third-person verb: 'goes'.",
                "shortMessage": "",
                "replacements": [{"value": "goes"}],
                "offset": start + 4,
                "length": 2,
                "context": {"text": text[:80], "offset": 0, "length": 2},
                "sentence": text,
                "rule": {
                    "id": "HE_VERB_AGR",
                    "description": "agreement",
                    "issueType": "grammar",
                    "category": {"id": "GRAMMAR", "name": "Grammar"},
                },
            }
        )
        start = text.find("She go", start + 1)
    return {"software": {"name": "LanguageTool", "version": VERSION}, "matches": matches}


class Handler(BaseHTTPRequestHandler):
    mode = "ok"

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path.startswith("/v2/languages"):
            langs = [{"name": "English (US)", "code": "en", "longCode": "en-US"},
                     {"name": "English (GB)", "code": "en", "longCode": "en-GB"}]  # fmt: skip
            self._send(200, json.dumps(langs).encode())
        else:
            self._send(404, b"{}")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        text = form.get("text", [""])[0]
        if text == PROBE_TEXT or self.mode == "ok":
            self._send(200, json.dumps(_answer(text)).encode())
        elif self.mode == "hang":
            time.sleep(3600)
        elif self.mode == "http500":
            self._send(500, b"Internal Server Error", "text/plain")
        elif self.mode == "garbage":
            self._send(200, b'{"software": {"version": "6.6"}, "matches": [{"rule": 17}')
        elif self.mode == "huge":
            self._send(200, b'{"matches": [' + b'{"x": 1},' * (20 * 1024 * 1024 // 9) + b"{}]}")
        elif self.mode == "die":
            os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    mode, port_file = sys.argv[1], sys.argv[2]
    Handler.mode = mode
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    with open(port_file + ".tmp", "w") as handle:
        handle.write(str(server.server_address[1]))
    os.replace(port_file + ".tmp", port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
