"""Lint an open document: configuration found as ``newslint check`` finds it,
a fast pass (every selected rule but grammar) and a grammar pass (LanguageTool).

Configs are reloaded when the config file or any file it names (packs, word
lists, name lists) changes on disk: each lookup compares their stat
signatures, a handful of ``stat`` calls, so no restart and no file watcher is
needed (``workspace/didChangeWatchedFiles`` only clears the cache sooner).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from newslint import regexcache
from newslint.config import Config, find_config, load_config
from newslint.diagnostics import ConfigError, Diagnostic, InputError
from newslint.engine import RuleSet, build_providers, lint_document
from newslint.lsp.problems import Problem
from newslint.registry import RuleMeta
from newslint.sources import load_document
from newslint.suppressions import parse_directives

GRAMMAR = "grammar"
WARM_UP_TEXT = "# Warm-up\n\nThe council met on Tuesday, officials said. It voted to go ahead.\n"
# A control character other than tab/newline/CR/form feed in this share of the
# first 8 KiB means a binary file opened by mistake.
_BINARY_SHARE = 0.05
_CONTROLS = regexcache.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")  # not tab, newlines, FF/VT, ESC


@dataclass
class Outcome:
    """What one pass found; ``problems`` are notes on the document itself."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    config_path: Path | None = None
    config_error: ConfigError | None = None
    grammar_selected: bool = False
    docs_url: str | None = None  # the config's rule-page template, for links


class _Subset(RuleSet):
    """A rule set limited to some of its config's selected rules (sharing providers)."""

    def __init__(self, base: RuleSet, keep: Callable[[str], bool]) -> None:
        super().__init__(base.config, base.providers)
        self._base = base
        self._keep = keep

    @cached_property
    def metas(self) -> dict[str, RuleMeta]:
        return self._base.metas

    @cached_property
    def selected(self) -> frozenset[str]:
        return frozenset(i for i in self._base.selected if self._keep(i))


def _is_grammar(rule_id: str) -> bool:
    return rule_id == GRAMMAR or rule_id.startswith(GRAMMAR + ".")


@dataclass
class _Loaded:
    config: Config
    error: ConfigError | None
    signature: tuple[tuple[str, int, int], ...]
    full: RuleSet
    fast: _Subset
    grammar: _Subset


def _stat(path: Path) -> tuple[str, int, int]:
    try:
        st = path.stat()
        return (str(path), st.st_mtime_ns, st.st_size)
    except OSError:
        return (str(path), -1, -1)


def _watched(config_path: Path | None, config: Config) -> list[Path]:
    files = [config_path] if config_path else []
    files += [*config.packs, *config.accept_files, *config.reject_files, *config.names]
    return files


def binary_problem(text: str) -> str | None:
    head = text[:8192]
    if "\x00" in head:
        return "this looks like a binary file (it holds NUL bytes); newslint did not check it"
    controls = len(_CONTROLS.findall(head))
    if head and controls / len(head) > _BINARY_SHARE:
        return "this looks like a binary file (many control characters); newslint did not check it"
    return None


class Linter:
    """Configs and rule sets per config file, and the two lint passes."""

    def __init__(self) -> None:
        self._loaded: dict[Path | None, _Loaded] = {}
        self._lock = threading.Lock()  # the fast and grammar threads share the cache

    def forget(self) -> None:
        with self._lock:
            self._loaded.clear()

    def loaded(self, path: Path) -> tuple[Path | None, _Loaded]:
        config_path = find_config(path)
        with self._lock:
            cached = self._loaded.get(config_path)
            if cached is not None and cached.signature == tuple(
                _stat(p) for p in _watched(config_path, cached.config)
            ):
                return config_path, cached
            error = None
            try:
                config = load_config(config_path) if config_path else Config()
                rules = RuleSet(config, build_providers(config))
                rules.selected  # noqa: B018 (an unknown rule prefix raises here)
                config.vocabulary()  # an unreadable word list raises here
            except ConfigError as exc:
                # Keep serving with the defaults; the error is shown on the config file.
                error = exc
                config = Config(root=config_path.parent if config_path else Path.cwd())
                rules = RuleSet(config, build_providers(config))
            signature = tuple(_stat(p) for p in _watched(config_path, config))
            if error is not None and config_path is not None:
                signature = (_stat(config_path),)
            entry = _Loaded(
                config,
                error,
                signature,
                rules,
                _Subset(rules, lambda i: not _is_grammar(i)),
                _Subset(rules, _is_grammar),
            )
            self._loaded[config_path] = entry
            return config_path, entry

    def warm(self, directory: Path) -> None:
        """Load the config, compile the packs and import the engines before the
        first document arrives (a cold first lint takes over a second)."""
        self.fast(directory / "newslint-warm-up.md", WARM_UP_TEXT, "markdown")

    def config_for(self, path: Path) -> tuple[Path | None, Config]:
        config_path, entry = self.loaded(path)
        return config_path, entry.config

    def fast(self, path: Path, text: str, fmt: str) -> Outcome:
        config_path, entry = self.loaded(path)
        outcome = Outcome(
            config_path=config_path, config_error=entry.error, docs_url=entry.config.docs_url
        )
        outcome.grammar_selected = entry.config.languagetool.mode != "off" and any(
            _is_grammar(i) for i in entry.full.selected_for(path)
        )
        size = len(text.encode("utf-8", "surrogatepass"))
        limit = entry.config.max_file_size
        if size > limit:
            outcome.problems.append(
                Problem(
                    f"this document is {size / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB "
                    "limit (max-file-size); newslint did not check it"
                )
            )
            outcome.grammar_selected = False
            return outcome
        problem = binary_problem(text)
        if problem:
            outcome.problems.append(Problem(problem))
            outcome.grammar_selected = False
            return outcome
        from newslint.lsp.validity import format_problems

        outcome.problems.extend(format_problems(text, fmt))
        outcome.diagnostics = self._run(path, text, fmt, entry.fast, outcome)
        return outcome

    def grammar(self, path: Path, text: str, fmt: str) -> list[Diagnostic]:
        _, entry = self.loaded(path)
        return self._run(path, text, fmt, entry.grammar, Outcome())

    def grammar_unavailable(self, path: Path) -> str | None:
        """Why LanguageTool did not run for this document's config (None: it did)."""
        _, entry = self.loaded(path)
        for provider in entry.full.providers:
            reason: str | None = getattr(provider, "unavailable", lambda: None)()
            if reason:
                return reason
        return None

    def _run(
        self, path: Path, text: str, fmt: str, rules: RuleSet, outcome: Outcome
    ) -> list[Diagnostic]:
        display = os.path.basename(path)
        try:
            doc = load_document(display, text, fmt)
        except InputError as exc:
            outcome.problems.append(
                Problem(f"this {fmt} document could not be read: {exc.problem}")
            )
            return []
        except Exception as exc:  # a parser crash on malformed input must not stop the server
            outcome.problems.append(Problem(f"this {fmt} document cannot be read: {exc}"))
            return []
        suppressions = parse_directives(doc.directives)
        outcome.problems.extend(
            Problem(message, line - 1, "warning") for line, message in suppressions.errors
        )
        errors: list[str] = []  # a rule that failed (a user's pack regex out of time)
        try:
            found = lint_document(doc, rules, path, suppressions, errors)
        except InputError as exc:
            outcome.problems.append(Problem(str(exc)))
            return []
        outcome.problems.extend(Problem(e, 0, "warning") for e in errors)
        return found
