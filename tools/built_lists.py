"""What the names-list builders share: write the list a builder makes to its file.

python tools/names_congress.py SOURCE [YYYY-MM-DD]
python tools/names_uk_ministers.py SOURCE [YYYY-MM-DD]
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path


def write_list(build: Callable[[Path, dt.date], str], out: Path) -> int:
    """Run ``build(source, today)`` on the command line's arguments (the optional
    date is "today" for the build: a term ending after it is open) and write ``out``."""
    today = dt.date.fromisoformat(sys.argv[2]) if len(sys.argv) > 2 else dt.date.today()
    out.write_text(build(Path(sys.argv[1]), today), encoding="utf-8")
    print(f"wrote {out}")
    return 0
