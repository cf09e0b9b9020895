"""Python checks, one module per rule family (names.py, dates.py ...).

Each module registers its rules with ``newslint.registry.rule``; importing
this package imports every module in it, so a new family module needs no
other wiring.
"""

from __future__ import annotations

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
