"""Declarative rule packs: rules that are data (``rules/*.toml``).

- ``schema``: reading and validating a pack file into :class:`PackRule` values;
- ``compile``: the selected rules as one regular expression;
- ``prefilter``: an RE2 set that skips rules whose words a document lacks;
- ``run``: :class:`PackProvider`, which runs them over a document.

The names below are the package's public face; import them from here.
"""

from __future__ import annotations

from newslint.packs.run import (
    PackProvider,
    PackSet,
    PackTimeout,
    load_packs,
    meta_of,
    preserve_case,
    shipped_pack_paths,
    shipped_rule_spans,
)
from newslint.packs.schema import PackError, PackRule

__all__ = [
    "PackError",
    "PackProvider",
    "PackRule",
    "PackSet",
    "PackTimeout",
    "load_packs",
    "meta_of",
    "preserve_case",
    "shipped_pack_paths",
    "shipped_rule_spans",
]
