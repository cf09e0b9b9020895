"""Configuration: discovery, validation and per-file settings.

The first of ``.newslint.toml``, ``newslint.toml`` or a ``pyproject.toml``
with a ``[tool.newslint]`` table found walking up from a linted file's
directory applies to it; ``--config PATH`` overrides discovery for every
file. Keys are kebab-case. An unknown key or a value of the wrong type is a
:class:`~newslint.diagnostics.ConfigError` naming the file, the (dotted) key
and, for a typo, the nearest valid key. Paths in a config file are relative
to the directory that holds it.

Example (``pyproject.toml``; drop the ``tool.newslint`` prefix in
``newslint.toml``)::

    [tool.newslint]
    extend-select = ["ap"]
    ignore = ["proselint.typography"]
    fail-on = "error"
    language = "en-GB"
    packs = ["style/house.toml"]
    names = ["style/people.toml"]
    exclude = ["drafts/", "archive/2019/**"]
    max-file-size = "2MB"

    [tool.newslint.severity]
    "filler" = "error"
    "spelling.variant" = "info"
    "structure.byline" = "off"

    [tool.newslint.vocabulary]
    accept = ["style/accept.txt"]
    reject = ["style/reject.txt"]

    [tool.newslint.per-file-ignores]
    "wires/**" = ["structure", "names.second-reference"]

    [tool.newslint.languagetool]
    mode = "remote"
    url = "http://localhost:8081"
    level = "picky"

    [tool.newslint.rules."dates.relative-day"]
    max-distance = 6
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from newslint import regexcache
from newslint.diagnostics import FAIL_ON_NEVER, ConfigError, Severity, parse_fail_on
from newslint.registry import CheckContext, RuleMeta, matches_prefix, select_rules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = (".newslint.toml", "newslint.toml", "pyproject.toml")
LANGUAGES = ("en-US", "en-GB")
SEVERITY_NAMES = ("error", "warning", "info")
LT_MODES = ("auto", "off", "local", "remote")
LT_LEVELS = ("default", "picky")
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024


@dataclass(frozen=True)
class LanguageToolSettings:
    mode: str = "auto"  # auto: use a local server if installed, else skip grammar
    url: str | None = None  # the server for mode = "remote"
    level: str = "default"
    # Seconds one LanguageTool request may take before grammar is skipped for the run.
    timeout: float = 30.0
    # Start a shared, detached server on first need (later runs, pre-commit and the
    # language server reuse it) rather than one that dies with the run.
    autostart: bool = True
    idle_stop_minutes: float = 30.0  # a shared server stops after this idle time; 0: never


@dataclass(frozen=True)
class Config:
    """Settings for the files under one config file (or the defaults)."""

    select: tuple[str, ...] | None = None  # None: every rule enabled by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)  # prefix -> severity or "off"
    fail_on: Severity | None = Severity.WARNING  # None: "never"
    packs: tuple[Path, ...] = ()
    accept_files: tuple[Path, ...] = ()
    reject_files: tuple[Path, ...] = ()
    names: tuple[Path, ...] = ()
    language: str = "en-US"
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    languagetool: LanguageToolSettings = field(default_factory=LanguageToolSettings)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    distributed_scheduler: str | None = None  # [distributed] scheduler: a Dask address
    docs_url: str | None = None  # where rule pages are published: "https://…/rules/{id}"
    path: Path | None = None  # the file it came from
    root: Path = field(default_factory=lambda: _absolute(Path.cwd()))
    # Per-instance memo (word lists, severity lookups); not part of the value.
    _memo: dict[Any, Any] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    # -- per-file questions ------------------------------------------------

    def is_excluded(self, path: Path, *, directory: bool = False) -> bool:
        """True when a glob in ``exclude`` matches ``path`` or one of its directories.

        Pass ``directory=True`` for a directory (to prune a walk early), so
        that directory-only globs such as ``drafts/`` can match it.
        """
        if not self.exclude:
            return False
        parts, anchored = _relative_parts(path, self.root)
        return any(_pattern(p).matches(parts, anchored, directory) for p in self.exclude)

    def ignored_for(self, path: Path) -> tuple[str, ...]:
        """Rule prefixes that ``per-file-ignores`` switches off for ``path``."""
        if not self.per_file_ignores:
            return ()
        parts, anchored = _relative_parts(path, self.root)
        found: list[str] = []
        for glob, prefixes in self.per_file_ignores.items():
            if _pattern(glob).matches(parts, anchored):
                found.extend(p for p in prefixes if p not in found)
        return tuple(found)

    def severity_for(self, rule_id: str, default: Severity) -> Severity | None:
        """The configured severity of ``rule_id``; None when it is "off".

        The longest matching prefix in ``severity`` wins; ``default`` (the
        rule's own severity) applies when none matches.
        """
        key = ("severity", rule_id)
        if key not in self._memo:
            best_len, best = -1, None
            for prefix, value in self.severity.items():
                if matches_prefix(rule_id, prefix):
                    length = _prefix_length(prefix)
                    if length > best_len:
                        best_len, best = length, value
            self._memo[key] = best
        value = self._memo[key]
        if value is None:
            return default
        return None if value == "off" else Severity.parse(value)

    def rule_selection(self, rules: list[RuleMeta], path: Path | None = None) -> frozenset[str]:
        """Ids to run for ``path``: select/extend-select/ignore, then per-file-ignores.

        Per-file ignores always win, even over a more specific select (as in ruff).
        """
        chosen = select_rules(rules, self.select, self.extend_select, self.ignore)
        dropped = self.ignored_for(path) if path is not None else ()
        if not dropped:
            return chosen
        return frozenset(i for i in chosen if not any(matches_prefix(i, p) for p in dropped))

    # -- word lists ----------------------------------------------------------

    def vocabulary(self) -> tuple[frozenset[str], frozenset[str]]:
        """``(accept, reject)`` words from the vocabulary files (read once)."""
        if "vocabulary" not in self._memo:
            self._memo["vocabulary"] = (
                self._read_words("vocabulary.accept", self.accept_files),
                self._read_words("vocabulary.reject", self.reject_files),
            )
        words: tuple[frozenset[str], frozenset[str]] = self._memo["vocabulary"]
        return words

    def _read_words(self, key: str, files: tuple[Path, ...]) -> frozenset[str]:
        words: set[str] = set()
        for file in files:
            try:
                words |= load_word_list(file)
            except (OSError, UnicodeDecodeError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                raise ConfigError(
                    f"{self.path or '<defaults>'}: {key}: cannot read word list {file}: {reason}"
                ) from None
        return frozenset(words)

    def check_context(self) -> CheckContext:
        accept, reject = self.vocabulary()
        return CheckContext(
            language=self.language,
            accept_words=accept,
            reject_words=reject,
            options=self.rule_options,
            names=tuple(str(p) for p in self.names),
        )


@dataclass(frozen=True)
class CliOverrides:
    """Settings given on the command line, applied on top of every config.

    ``select`` replaces the config's selection (its select *and*
    extend-select, as in ruff); ``extend_select`` and ``ignore`` add to it.
    """

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None  # "error" | "warning" | "info" | "never"
    language: str | None = None

    def __post_init__(self) -> None:
        # Click hands over lists and strings; normalise so apply() can concatenate.
        if self.select is not None:
            object.__setattr__(self, "select", tuple(self.select))
        object.__setattr__(self, "extend_select", tuple(self.extend_select or ()))
        object.__setattr__(self, "ignore", tuple(self.ignore or ()))
        if self.fail_on is not None:
            parse_fail_on(self.fail_on)  # a bad level fails here, before any linting

    def apply(self, config: Config) -> Config:
        changes: dict[str, Any] = {}
        if self.select is not None:
            changes["select"] = tuple(self.select)
            changes["extend_select"] = tuple(self.extend_select)
        elif self.extend_select:
            changes["extend_select"] = config.extend_select + tuple(self.extend_select)
        if self.ignore:
            changes["ignore"] = config.ignore + tuple(self.ignore)
        if self.fail_on is not None:
            changes["fail_on"] = parse_fail_on(self.fail_on)
        if self.language is not None:
            changes["language"] = self.language
        return dataclasses.replace(config, **changes) if changes else config


class ConfigResolver:
    """Finds and loads the config for each linted file, caching per directory."""

    def __init__(self, explicit: Path | None = None, overrides: CliOverrides | None = None) -> None:
        self._overrides = overrides or CliOverrides()
        self._by_dir: dict[Path, Path | None] = {}
        self._by_file: dict[Path | None, Config] = {}
        self._explicit: Config | None = None
        if explicit is not None:  # load now so a bad --config fails before any linting
            self._explicit = self._overrides.apply(load_config(explicit))

    def for_path(self, path: Path) -> Config:
        """The config for a linted file (``-`` for stdin means the cwd)."""
        if self._explicit is not None:
            return self._explicit
        found = self._lookup(_absolute(path).parent)
        if found not in self._by_file:
            base = load_config(found) if found is not None else Config()
            self._by_file[found] = self._overrides.apply(base)
        return self._by_file[found]

    def _lookup(self, directory: Path) -> Path | None:
        # Memoise every directory on the way up: sibling files share the walk.
        walked: list[Path] = []
        current = directory
        while current not in self._by_dir:
            walked.append(current)
            found = _config_in(current)
            if found is not None or current.parent == current:
                break
            current = current.parent
        else:
            found = self._by_dir[current]
        for d in walked:
            self._by_dir[d] = found
        return found


def find_config(start: Path) -> Path | None:
    """The first config file walking up from ``start`` (a file or a directory)."""
    current = _absolute(start)
    if not current.is_dir():
        current = current.parent
    while True:
        found = _config_in(current)
        if found is not None:
            return found
        if current.parent == current:
            return None
        current = current.parent


def load_config(path: Path) -> Config:
    """Read and validate one config file (``[tool.newslint]`` of a pyproject.toml)."""
    path = _absolute(path)
    data = _read_toml(path)
    prefix = ""
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("newslint") if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: no [tool.newslint] table")
        data, prefix = table, "tool.newslint."
    ctx = _Ctx(file=path, base=path.parent)
    values = _validate_table(data, _SCHEMA, prefix, ctx)
    lt = values.get("languagetool")
    if lt is not None and lt.mode == "remote" and not lt.url:
        raise ConfigError(f"{path}: {prefix}languagetool.url is required when mode is 'remote'")
    return Config(**values, path=path, root=path.parent)


def load_word_list(path: Path) -> frozenset[str]:
    """Words from a file with one word per line; ``#`` starts a comment."""
    stat = path.stat()
    return _load_word_list(_absolute(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _load_word_list(path: Path, _mtime: int, _size: int) -> frozenset[str]:
    words = set()
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word)
    return frozenset(words)


_SIZE = regexcache.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:([kmg])(?:i?b)?|b)?\s*", re.IGNORECASE)
_UNITS = {None: 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(text: str) -> int:
    """``"1MB"`` -> 1048576. Units B, K/KB/KiB, M/MB/MiB, G/GB/GiB, all binary."""
    match = _SIZE.fullmatch(text)
    if not match:
        raise ValueError(f"not a size: {text!r} (use bytes or e.g. '500KB', '2MB')")
    size = int(float(match.group(1)) * _UNITS[(match.group(2) or "").lower() or None])
    if size <= 0:
        raise ValueError(f"size must be positive: {text!r}")
    return size


# -- discovery helpers -----------------------------------------------------------


def _absolute(path: Path) -> Path:
    # abspath normalises ".." without resolving symlinks (cheap, no syscalls).
    return Path(os.path.abspath(path))


def _config_in(directory: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = directory / name
        if not candidate.is_file():
            continue
        if name != "pyproject.toml" or _has_newslint_table(candidate):
            return candidate
    return None


def _has_newslint_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    if "newslint" not in text:  # skip parsing the many pyprojects that can't match
        return False
    data = _parse_toml(pyproject, text)
    tool = data.get("tool")
    return isinstance(tool, dict) and "newslint" in tool


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: config is not UTF-8: {exc}") from None
    return _parse_toml(path, text)


def _parse_toml(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # its message carries "(at line N, column M)"
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


# -- path globs --------------------------------------------------------------------


def _relative_parts(path: Path, root: Path) -> tuple[tuple[str, ...], bool]:
    """Components of ``path`` relative to ``root``; False when outside it."""
    absolute = _absolute(path)
    try:
        return absolute.relative_to(root).parts, True
    except ValueError:
        return absolute.parts[1:], False


@dataclass(frozen=True)
class _Glob:
    """A gitignore-like glob.

    With a ``/`` inside it is anchored at the config's directory and matches
    the path or any of its parent directories; without one it matches any
    single path component. A trailing ``/`` matches directories only.
    """

    regex: re.Pattern[str]
    anchored: bool
    dir_only: bool

    def matches(self, parts: tuple[str, ...], inside_root: bool, directory: bool = False) -> bool:
        names = parts[:-1] if self.dir_only and not directory else parts
        if not self.anchored:
            return any(self.regex.fullmatch(n) for n in names)
        if not inside_root:
            return False
        return any(self.regex.fullmatch("/".join(parts[: i + 1])) for i in range(len(names)))


@functools.lru_cache(maxsize=512)
def _pattern(glob: str) -> _Glob:
    text = glob.strip()
    while text.startswith("./"):
        text = text[2:]
    dir_only = text.endswith("/")
    text = text.strip("/")
    anchored = "/" in text or glob.strip().startswith("/")
    return _Glob(re.compile(_glob_to_regex(text)), anchored, dir_only)


def _glob_to_regex(glob: str) -> str:
    out: list[str] = []
    i, n = 0, len(glob)
    while i < n:
        c = glob[i]
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if glob.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[" and (close := glob.find("]", i + 2)) != -1:
            body = glob[i + 1 : close]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = close + 1
            continue
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def _prefix_length(prefix: str) -> int:
    stripped = prefix.strip().rstrip(".")
    return 0 if stripped in ("", "all", "ALL") else len(stripped)


# -- validation: one schema, one walker ------------------------------------------


@dataclass(frozen=True)
class _Ctx:
    file: Path
    base: Path  # relative paths are resolved against this


class _Invalid(Exception):
    """A bad value; the walker adds the file and key (plus ``subkey`` if set)."""

    def __init__(self, message: str, subkey: str | None = None) -> None:
        super().__init__(message)
        self.subkey = subkey


Validator = Callable[[Any, "_Ctx"], Any]


@dataclass(frozen=True)
class _Key:
    attr: str | None  # Config field; None spreads a sub-table's fields into the parent
    validate: Validator
    sub: Mapping[str, _Key] | None = None  # for tables with fixed keys


_TOML_TYPES = {
    str: "a string",
    int: "an integer",
    float: "a float",
    bool: "a boolean",
    list: "an array",
    dict: "a table",
}


def _describe(value: Any) -> str:
    for kind, name in _TOML_TYPES.items():
        if type(value) is kind:
            return name
    return type(value).__name__


_V = TypeVar("_V")


def _expect(value: Any, kind: type[_V], what: str) -> _V:
    if type(value) is not kind:  # `type is`, so True is not an integer
        raise _Invalid(f"expected {what}, got {_describe(value)}")
    return value


def _string(value: Any, ctx: _Ctx) -> str:
    return _expect(value, str, "a string")


def _strings(value: Any, ctx: _Ctx) -> tuple[str, ...]:
    _expect(value, list, "an array of strings")
    for item in value:
        _expect(item, str, "an array of strings")
    return tuple(v.strip() for v in value)


def _paths(value: Any, ctx: _Ctx) -> tuple[Path, ...]:
    return tuple(_absolute(ctx.base / Path(p).expanduser()) for p in _strings(value, ctx))


def _one_of(choices: tuple[str, ...]) -> Validator:
    def validate(value: Any, ctx: _Ctx) -> str:
        choice = _expect(value, str, f"one of {_listing(choices)}")
        if choice not in choices:
            hint = _hint(choice, choices)
            raise _Invalid(f"expected one of {_listing(choices)}, got {choice!r}{hint}")
        return choice

    return validate


def _severity(value: Any, ctx: _Ctx) -> Severity:
    return Severity.parse(_one_of(SEVERITY_NAMES)(value, ctx))


def _fail_on(value: Any, ctx: _Ctx) -> Severity | None:
    return parse_fail_on(_one_of((*SEVERITY_NAMES, FAIL_ON_NEVER))(value, ctx))


def _size(value: Any, ctx: _Ctx) -> int:
    if type(value) is int:
        if value <= 0:
            raise _Invalid(f"size must be positive, got {value}")
        return value
    _expect(value, str, "a size in bytes or a string such as '2MB'")
    try:
        return parse_size(value)
    except ValueError as exc:
        raise _Invalid(str(exc)) from None


def _seconds(value: Any, ctx: _Ctx) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 3600:
        raise _Invalid(f"expected a number of seconds between 0 and 3600, got {value!r}")
    return float(value)


def _boolean(value: Any, ctx: _Ctx) -> bool:
    _expect(value, bool, "true or false")
    return bool(value)


def _minutes(value: Any, ctx: _Ctx) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 10080:
        raise _Invalid(f"expected a number of minutes between 0 and 10080, got {value!r}")
    return float(value)


def _url(value: Any, ctx: _Ctx) -> str:
    url = _string(value, ctx)
    if not url.startswith(("http://", "https://")):
        raise _Invalid(f"expected an http:// or https:// URL, got {url!r}")
    return url.rstrip("/")


def _docs_url(value: Any, ctx: _Ctx) -> str:
    """A URL template for rule pages: ``{id}`` stands for the rule id."""
    url = _string(value, ctx)
    if not url.startswith(("http://", "https://", "file://")):
        raise _Invalid(f"expected an http://, https:// or file:// URL, got {url!r}")
    if "{id}" not in url:
        raise _Invalid(f"expected '{{id}}' where the rule id goes, got {url!r}")
    return url


def _table_of(item: Validator) -> Validator:
    """A table with user-chosen keys (ids, globs) whose values all pass ``item``."""

    def validate(value: Any, ctx: _Ctx) -> dict[str, Any]:
        _expect(value, dict, "a table")
        out = {}
        for key, sub in value.items():
            try:
                out[key] = item(sub, ctx)
            except _Invalid as exc:
                raise _Invalid(str(exc), subkey=key) from None
        return out

    return validate


def _free_table(value: Any, ctx: _Ctx) -> dict[str, Any]:
    _expect(value, dict, "a table of options")
    return dict(value)


def _validate_table(
    data: Mapping[str, Any], schema: Mapping[str, _Key], prefix: str, ctx: _Ctx
) -> dict[str, Any]:
    """Check every key of ``data`` against ``schema``; return Config field values."""
    values: dict[str, Any] = {}
    for key, value in data.items():
        dotted = prefix + key
        spec = schema.get(key)
        if spec is None:
            raise ConfigError(f"{ctx.file}: unknown key '{dotted}'{_hint(key, tuple(schema))}")
        try:
            if spec.sub is not None:
                _expect(value, dict, "a table")
                value = _validate_table(value, spec.sub, dotted + ".", ctx)
            result = spec.validate(value, ctx)
        except _Invalid as exc:
            where = dotted if exc.subkey is None else f"{dotted}.{_quote(exc.subkey)}"
            raise ConfigError(f"{ctx.file}: {where}: {exc}") from None
        if spec.attr is None:
            values.update(result)
        else:
            values[spec.attr] = result
    return values


def _same(value: Any, ctx: _Ctx) -> Any:
    return value


def _languagetool(fields: dict[str, Any], ctx: _Ctx) -> LanguageToolSettings:
    return LanguageToolSettings(**fields)


_LANGUAGETOOL: dict[str, _Key] = {
    "mode": _Key("mode", _one_of(LT_MODES)),
    "url": _Key("url", _url),
    "level": _Key("level", _one_of(LT_LEVELS)),
    "timeout": _Key("timeout", _seconds),
    "autostart": _Key("autostart", _boolean),
    "idle-stop": _Key("idle_stop_minutes", _minutes),
}

_VOCABULARY: dict[str, _Key] = {
    "accept": _Key("accept_files", _paths),
    "reject": _Key("reject_files", _paths),
}

_DISTRIBUTED: dict[str, _Key] = {
    "scheduler": _Key("distributed_scheduler", _string),
}

_SCHEMA: dict[str, _Key] = {
    "select": _Key("select", _strings),
    "extend-select": _Key("extend_select", _strings),
    "ignore": _Key("ignore", _strings),
    "severity": _Key("severity", _table_of(_one_of((*SEVERITY_NAMES, "off")))),
    "fail-on": _Key("fail_on", _fail_on),
    "packs": _Key("packs", _paths),
    "vocabulary": _Key(None, _same, sub=_VOCABULARY),
    "names": _Key("names", _paths),
    "language": _Key("language", _one_of(LANGUAGES)),
    "per-file-ignores": _Key("per_file_ignores", _table_of(_strings)),
    "exclude": _Key("exclude", _strings),
    "max-file-size": _Key("max_file_size", _size),
    "languagetool": _Key("languagetool", _languagetool, sub=_LANGUAGETOOL),
    "rules": _Key("rule_options", _table_of(_free_table)),
    "distributed": _Key(None, _same, sub=_DISTRIBUTED),
    "docs-url": _Key("docs_url", _docs_url),
}


def _hint(word: str, choices: tuple[str, ...]) -> str:
    import difflib  # only for a config with a mistake in it

    close = difflib.get_close_matches(word, choices, n=1)
    if not close:  # snake_case for kebab-case is the most common slip
        close = [c for c in choices if c == word.replace("_", "-")]
    return f" (did you mean '{close[0]}'?)" if close else ""


def _listing(choices: tuple[str, ...]) -> str:
    return ", ".join(repr(c) for c in choices)


def _quote(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else f'"{key}"'
