"""Python checks, one module per rule family (names.py, dates.py ...).

Each module registers its rules with ``newslint.registry.rule``. Importing
this package imports none of them: a run imports the families of the rules
it selected (``newslint.registry.PythonProvider``), and
:func:`import_families` imports them all, so a new family module needs no
other wiring.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def family_modules() -> list[str]:
    """The family modules' names, in the order their rules are listed."""
    return [f"{__name__}.{module.name}" for module in pkgutil.iter_modules(__path__)]


def family_sources() -> list[Path]:
    """The family modules' files: the rules' metadata is written in them."""
    return sorted(Path(__path__[0]).glob("*.py"))


def import_families() -> None:
    """Import every family module, registering all the Python checks."""
    for name in family_modules():
        importlib.import_module(name)
