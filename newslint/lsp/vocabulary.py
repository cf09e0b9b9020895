"""'Add WORD to the house vocabulary': append to the configured accept file.

When the config names no accept file, ``newslint-words.txt`` beside the config
is created and the ``vocabulary.accept`` key is added to the config; when
there is no config at all, a ``.newslint.toml`` is created in ``root`` (the
workspace folder, else the document's directory).
"""

from __future__ import annotations

import re
from pathlib import Path

from newslint.config import Config
from newslint.diagnostics import ConfigError

DEFAULT_ACCEPT = "newslint-words.txt"


def _table_header(config_path: Path) -> str:
    return "tool.newslint.vocabulary" if config_path.name == "pyproject.toml" else "vocabulary"


def _add_accept_key(config_path: Path) -> None:
    text = config_path.read_text(encoding="utf-8") if config_path.exists() else ""
    header = _table_header(config_path)
    entry = f'accept = ["{DEFAULT_ACCEPT}"]\n'
    found = re.search(rf"^\[\s*{re.escape(header)}\s*\][ \t]*(?:#.*)?$", text, re.MULTILINE)
    if found:  # a vocabulary table without accept (e.g. only reject): add the key
        at = found.end() + 1 if found.end() < len(text) else len(text)
        prefix = "" if text[:at].endswith("\n") else "\n"
        text = text[:at] + prefix + entry + text[at:]
    elif re.search(r"^\s*vocabulary\s*=", text, re.MULTILINE):
        raise ConfigError(
            f"{config_path}: vocabulary is an inline table; add accept = "
            f'["{DEFAULT_ACCEPT}"] to it by hand'
        )
    else:
        sep = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
        text += f"{sep}[{header}]\n{entry}"
    config_path.write_text(text, encoding="utf-8")


def add_word(word: str, config_path: Path | None, config: Config, root: Path) -> Path:
    """Append ``word`` to the house accept list; returns the file written."""
    word = word.strip()
    if not word or any(c.isspace() for c in word) or "#" in word:
        raise ValueError(f"not a single word: {word!r}")
    if config.accept_files:
        target = config.accept_files[0]
    else:
        if config_path is None:
            config_path = root / ".newslint.toml"
        _add_accept_key(config_path)
        target = config_path.parent / DEFAULT_ACCEPT
    existing = target.read_text(encoding="utf-8-sig") if target.exists() else ""
    if word in {line.split("#", 1)[0].strip() for line in existing.splitlines()}:
        return target
    lead = "" if not existing or existing.endswith("\n") else "\n"
    with target.open("a", encoding="utf-8") as out:
        out.write(f"{lead}{word}\n")
    return target
