"""One bad file never costs the run: an unexpected exception while loading or
linting a file becomes one error for that file, naming the stage it failed in.

The stage is tracked in a context variable that the engine sets as it goes
(``reading`` -> ``loading`` -> ``linting`` -> ``fixing``), so the error says
where a bug lives without every caller passing it along.
"""

from __future__ import annotations

import contextlib
import contextvars
import sys
from collections.abc import Iterator

REPORT_URL = "https://github.com/newslint/newslint/issues"

_STAGE: contextvars.ContextVar[str] = contextvars.ContextVar("newslint_stage", default="linting")


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    """Mark the work inside the block as stage ``name`` for error messages."""
    token = _STAGE.set(name)
    try:
        yield
    except Exception as exc:
        # The innermost stage names the failure (the variable is reset on the way out).
        if not hasattr(exc, "newslint_stage"):
            with contextlib.suppress(AttributeError, TypeError):
                exc.newslint_stage = name  # type: ignore[attr-defined]
        raise
    finally:
        _STAGE.reset(token)


def current_stage() -> str:
    return _STAGE.get()


def internal_error(display: str, exc: BaseException, *, verbose: bool, where: str = "") -> str:
    """The one error line (plus traceback under --verbose) for a crash on a file."""
    what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if len(what) > 300:
        what = what[:300] + "..."
    message = (
        f"{display}: internal error while {where or _stage_of(exc)} this file ({what}); "
        f"the other files were linted. This is a newslint bug, please report it at "
        f"{REPORT_URL}"
    )
    if verbose:
        # Formatters keep errors to one line; the traceback goes to stderr as is.
        import traceback  # only when a rule failed: not on every run's start

        trace = "".join(traceback.format_exception(exc))
        sys.stderr.write(f"newslint: traceback for {display}:\n{trace}")
        sys.stderr.flush()
        message += " (traceback on stderr)"
    else:
        message += " (run with --verbose for the traceback)"
    return message


def _stage_of(exc: BaseException) -> str:
    return str(getattr(exc, "newslint_stage", current_stage()))


def worker_died(display: str, exitcode: int | None) -> str:
    """The error for a file whose worker process died while linting it."""
    if exitcode is not None and exitcode < 0:
        import signal

        try:
            how = f"was killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"was killed by signal {-exitcode}"
    elif exitcode is not None:
        how = f"exited with status {exitcode}"
    else:
        how = "died"
    return (
        f"{display}: the worker process linting this file {how} (out of memory?); "
        f"the other files were linted. If this file is not huge, please report it at "
        f"{REPORT_URL}"
    )
