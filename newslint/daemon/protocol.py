"""Messages between a client and the daemon: length-prefixed JSON objects.

The client sends one request, its standard streams riding along as file
descriptors (SCM_RIGHTS), so the worker writes to the very terminal, pipe or
file the client was given:

- ``{"op": "check", "argv": [...], "cwd": ..., "env": {...}, "umask": N}``;
- ``{"op": "status"}`` or ``{"op": "stop"}``.

A check is answered by the worker, ``{"pid": N}`` first (the client forwards
Ctrl-C to it), then ``{"exit": code}``; status and stop by the daemon itself.
"""

from __future__ import annotations

import json
import socket
import struct
from typing import Any

_LENGTH = struct.Struct("!I")
MAX_MESSAGE = 16 * 1024 * 1024  # a request holds argv and the environment: far less


class ProtocolError(Exception):
    """The other side closed early or sent something that is not a message."""


def send(sock: socket.socket, message: dict[str, Any], fds: list[int] | None = None) -> None:
    body = json.dumps(message).encode("utf-8", "surrogateescape")
    data = _LENGTH.pack(len(body)) + body
    if fds:
        sent = socket.send_fds(sock, [data], fds)
        data = data[sent:]
    # Nothing left is nothing to send: a check that ends at once (a missing file) may
    # have answered and closed already, and an empty send then fails with EPIPE.
    if data:
        sock.sendall(data)


def receive(sock: socket.socket, max_fds: int = 0) -> tuple[dict[str, Any], list[int]]:
    """One message and the descriptors that came with it. ProtocolError on EOF."""
    fds: list[int] = []
    buffer = b""
    while len(buffer) < _LENGTH.size:
        buffer += _read(sock, _LENGTH.size - len(buffer), max_fds, fds)
    (length,) = _LENGTH.unpack(buffer[: _LENGTH.size])
    if length > MAX_MESSAGE:
        raise ProtocolError(f"message of {length} bytes is too long")
    body = buffer[_LENGTH.size :]
    while len(body) < length:
        body += _read(sock, length - len(body), max_fds, fds)
    try:
        message = json.loads(body.decode("utf-8", "surrogateescape"))
    except ValueError as exc:
        raise ProtocolError(f"not a message: {exc}") from None
    if not isinstance(message, dict):
        raise ProtocolError("not a message: expected an object")
    return message, fds


def _read(sock: socket.socket, size: int, max_fds: int, fds: list[int]) -> bytes:
    if max_fds and not fds:
        data, received, _flags, _address = socket.recv_fds(sock, size, max_fds)
        fds.extend(received)
    else:
        data = sock.recv(size)
    if not data:
        raise ProtocolError("connection closed")
    return data
