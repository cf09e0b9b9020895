"""Notes about an open document itself, shown in the editor beside the findings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """A note about the document itself (bad input, a malformed directive)."""

    message: str
    line: int = 0  # 0-based
    severity: str = "error"
