"""Apply suggested fixes: pick non-overlapping edits, apply them, and write
the result atomically so an interrupted run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import difflib
import glob
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newslint import processes
from newslint.diagnostics import Applicability, Diagnostic

BOM = "\ufeff"
TEMP_SUFFIX = ".newslint-tmp"


@dataclass(frozen=True)
class Edit:
    """Replace ``source[start:end]`` (code-point offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str
    rule: str


def _chosen_replacement(diagnostic: Diagnostic, unsafe: bool) -> str | None:
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    for suggestion in diagnostic.suggestions:
        if suggestion.applicability in allowed:
            return suggestion.replacement
    return None


def plan_edits(source: str, diagnostics: Sequence[Diagnostic], *, unsafe: bool) -> list[Edit]:
    """The edits to make, sorted and never overlapping.

    An edit is taken only while the source still holds the diagnostic's
    ``text`` at its range, so replaying stale diagnostics after a fix (or a
    second ``--fix`` run) changes nothing. When two edits overlap or start at
    the same point, the first in source order wins; the other is left for a
    later pass.
    """
    candidates: list[Edit] = []
    for diagnostic in diagnostics:
        replacement = _chosen_replacement(diagnostic, unsafe)
        if replacement is None or diagnostic.range is None:
            continue
        start, end = diagnostic.range.start.offset, diagnostic.range.end.offset
        if not 0 <= start <= end <= len(source):
            continue
        current = source[start:end]
        if current != diagnostic.text or current == replacement:
            continue
        candidates.append(Edit(start, end, replacement, diagnostic.rule))
    candidates.sort(key=lambda e: (e.start, e.end))
    accepted: list[Edit] = []
    for edit in candidates:
        if accepted:
            last = accepted[-1]
            # Accepted edits are disjoint and sorted, so only the last can clash.
            if edit.start < last.end or edit.start == last.start:
                continue
        accepted.append(edit)
    return accepted


def apply_edits(source: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (in any order); overlapping ones are an error."""
    pieces: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < position or edit.end > len(source) or edit.start > edit.end:
            raise ValueError(f"edit {edit} overlaps another edit or lies outside the source")
        pieces += [source[position : edit.start], edit.replacement]
        position = edit.end
    pieces.append(source[position:])
    return "".join(pieces)


def fix_source(
    source: str, diagnostics: Sequence[Diagnostic], *, unsafe: bool = False
) -> tuple[str, list[Edit]]:
    """Plan and apply in one step: the fixed text and the edits made."""
    edits = plan_edits(source, diagnostics, unsafe=unsafe)
    return apply_edits(source, edits), edits


def has_bom(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(3) == BOM.encode("utf-8")
    except OSError:
        return False


def write_atomically(
    path: Path, text: str, *, bom: bool | None = None, encoding: str = "utf-8"
) -> None:
    """Replace the file at ``path`` with ``text``, all or nothing.

    ``text`` is written exactly (no newline translation: a CRLF file stays
    CRLF because its decoded source kept the ``\\r``). ``bom=None`` keeps a
    UTF-8 BOM if the original file had one. The permission bits of the
    original are kept. On any failure the original is untouched and the
    temporary file is removed.
    """
    target = Path(os.path.realpath(path))  # write through a symlink, not over it
    if bom is None:
        bom = has_bom(target)
    data = ((BOM if bom and not text.startswith(BOM) else "") + text).encode(encoding)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        # A new file: mkstemp's 0600 would be surprising, so honour the umask.
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    remove_stale_temporaries(target)
    fd, temp_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_directory(target.parent)


def remove_stale_temporaries(target: Path) -> None:
    """Delete temporary copies of ``target`` left by a writer that was killed.

    A SIGKILL between writing the temporary file and renaming it leaves a
    hidden ``.<name>.<pid>.<random>.newslint-tmp`` beside the story (the story
    itself is intact). The writer's process id is in the name, so the next
    write of the same file removes the copies of writers no longer alive."""
    for temp in target.parent.glob(f".{glob.escape(target.name)}.*{TEMP_SUFFIX}"):
        pid = temp.name[len(target.name) + 2 :].split(".", 1)[0]
        try:
            written = temp.stat().st_mtime
        except OSError:
            continue
        if pid.isdigit() and not _writer_alive(int(pid), written):
            with contextlib.suppress(OSError):
                temp.unlink()


def _writer_alive(pid: int, written: float) -> bool:
    """Is process ``pid`` still the one that wrote a file at time ``written``?"""
    if not processes.exists(pid) or processes.is_zombie(pid):
        return False
    started = processes.start_time(pid)
    # A process started after the file was written has only inherited the number.
    return started is None or started <= written + processes.START_TOLERANCE


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX; not possible on Windows)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _lines(text: str) -> list[str]:
    # Split on \n only, like the rest of newslint; keep \r and other separators.
    lines = text.split("\n")
    result = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        result.append(lines[-1])
    return result


def unified_diff(path: str, before: str, after: str) -> str:
    """A git-style unified diff (``a/``, ``b/`` headers); empty if unchanged."""
    if before == after:
        return ""
    name = path.replace(os.sep, "/")
    out: list[str] = []
    for line in difflib.unified_diff(
        _lines(before), _lines(after), fromfile=f"a/{name}", tofile=f"b/{name}"
    ):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)
