"""Reading and validating pack files (``rules/*.toml``) into :class:`PackRule`.

Every problem raises :class:`PackError` (a ``ConfigError``) naming the file,
the rule and the key, with a did-you-mean for unknown keys. The format is
documented in ``rules/README.md``.
"""

from __future__ import annotations

import string
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import regex

from newslint import regexcache
from newslint.diagnostics import Applicability, ConfigError, Severity
from newslint.regex_safety import pattern_problem
from newslint.registry import Example

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_V = TypeVar("_V")

FAMILIES = (
    "spelling",
    "grammar",
    "proselint",
    "style",
    "ap",
    "names",
    "dates",
    "numbers",
    "attribution",
    "filler",
    "structure",
)
KINDS = ("existence", "substitution", "consistency", "occurrence", "conditional")
SCOPES = ("headline", "byline", "body")
FORMATS = ("text", "markdown", "html")
# Flags every pack pattern is compiled with: ^ and $ match at line boundaries.
PATTERN_FLAGS = regex.MULTILINE | regex.VERSION0

_ID = regexcache.compile(r"[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*")
_OPTION_KEYS = (
    "severity",
    "default-enabled",
    "case-sensitive",
    "word-boundaries",
    "skip-quotations",
    "scope",
    "fix",
)
_COMMON_KEYS = ("id", "kind", "summary", "why", "message", "examples", *_OPTION_KEYS[:-1])
_KIND_KEYS: dict[str, tuple[str, ...]] = {
    "existence": ("phrases", "patterns"),
    "substitution": ("swap", "fix"),
    "consistency": ("variants", "fix"),
    "occurrence": ("phrases", "patterns", "max", "per-words"),
    "conditional": ("pattern", "phrases", "antecedent"),
}
_MESSAGE_FIELDS: dict[str, tuple[str, ...]] = {
    "existence": ("match",),
    "substitution": ("match", "replacement"),
    "consistency": ("match", "replacement", "first"),
    "occurrence": ("match", "count", "max"),
    "conditional": ("match",),
}
DEFAULT_MESSAGES = {
    "existence": "'{match}': {summary}",
    "substitution": "Use '{replacement}' instead of '{match}'",
    "consistency": "'{match}' differs from '{first}' used earlier; use one form throughout",
    "occurrence": "'{match}' is used {count} times (at most {max} expected)",
    "conditional": "'{match}' is used before it is introduced",
}
_PACK_KEYS = ("name", "description", "defaults")
_TOP_KEYS = ("pack", "rule")
_EXAMPLE_KEYS = ("flagged", "clean", "fixed", "format")


class PackError(ConfigError):
    """A malformed pack file: names the file, the rule and the key."""

    def __init__(self, path: str, problem: str, rule: str | None = None, key: str | None = None):
        where = path + (f": rule '{rule}'" if rule else "") + (f": key '{key}'" if key else "")
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.rule = rule
        self.key = key
        self.problem = problem


@dataclass(frozen=True)
class PackRule:
    """One validated rule of a pack, with every option resolved."""

    id: str
    kind: str
    summary: str
    why: str
    message: str
    origin: str  # "pack rules/filler.toml"
    severity: Severity = Severity.WARNING
    default_enabled: bool = True
    case_sensitive: bool = False
    word_boundaries: bool = True
    skip_quotations: bool = True
    scope: frozenset[str] = frozenset(SCOPES)
    fix: Applicability | None = None
    examples: tuple[Example, ...] = ()
    phrases: tuple[str, ...] = ()  # literal phrases (existence, occurrence, conditional)
    patterns: tuple[str, ...] = ()  # regular expressions
    swap: Mapping[str, str] = field(default_factory=dict)  # normalised wrong -> right
    variants: tuple[tuple[str, ...], ...] = ()
    max: int = 0
    per_words: int | None = None
    antecedent: str | None = None


_STRAIGHTEN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def normalise(text: str, case_sensitive: bool) -> str:
    """The lookup key of a phrase or a matched text: one space, straight quotes."""
    text = " ".join(text.translate(_STRAIGHTEN).split())
    return text if case_sensitive else text.lower()


def display_path(path: Path, shipped_dir: Path | None) -> str:
    if shipped_dir is not None and path.parent.resolve() == shipped_dir.resolve():
        return f"rules/{path.name}"
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_pack_file(path: Path, shown: str) -> list[PackRule]:
    """Parse and validate one pack file; ``shown`` is how errors name it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PackError(shown, f"cannot read pack: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise PackError(shown, f"invalid TOML: {exc}") from None
    return _Validator(shown).pack(data)


def _did_you_mean(key: str, valid: tuple[str, ...]) -> str:
    import difflib  # only for a pack with a mistake: not on every run's start

    close = difflib.get_close_matches(key, valid, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class _Validator:
    def __init__(self, shown: str) -> None:
        self.shown = shown

    def error(self, problem: str, rule: str | None = None, key: str | None = None) -> PackError:
        return PackError(self.shown, problem, rule, key)

    def check_keys(
        self, table: Mapping[str, Any], valid: tuple[str, ...], rule: str | None
    ) -> None:
        for key in table:
            if key not in valid:
                raise self.error(f"unknown key{_did_you_mean(key, valid)}", rule, key)

    # -- the file ----------------------------------------------------------

    def pack(self, data: dict[str, Any]) -> list[PackRule]:
        self.check_keys(data, _TOP_KEYS, None)
        header = data.get("pack")
        if not isinstance(header, dict):
            raise self.error("a pack needs a [pack] table with name and description", key="pack")
        self.check_keys(header, _PACK_KEYS, None)
        for key in ("name", "description"):
            if not isinstance(header.get(key), str) or not header[key].strip():
                raise self.error("must be a non-empty string", key=f"pack.{key}")
        defaults = header.get("defaults", {})
        if not isinstance(defaults, dict):
            raise self.error("must be a table", key="pack.defaults")
        self.check_keys(defaults, _OPTION_KEYS, "(pack defaults)")
        rules = data.get("rule", [])
        if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
            raise self.error("rules are written as [[rule]] tables", key="rule")
        result: list[PackRule] = []
        seen: set[str] = set()
        for number, table in enumerate(rules, 1):
            rule = self.rule(table, defaults, number)
            if rule.id in seen:
                raise self.error("duplicate rule id", rule.id, "id")
            seen.add(rule.id)
            result.append(rule)
        return result

    # -- one rule ------------------------------------------------------------

    def rule(self, table: dict[str, Any], defaults: dict[str, Any], number: int) -> PackRule:
        given = table.get("id")
        name = given if isinstance(given, str) else f"#{number}"
        rule_id = self.string(table, "id", name)
        if not _ID.fullmatch(rule_id):
            raise self.error(
                "rule ids are lowercase and dotted, like 'filler.web-leftover'", name, "id"
            )
        family = rule_id.split(".", 1)[0]
        if family not in FAMILIES:
            raise self.error(
                f"unknown family '{family}'{_did_you_mean(family, FAMILIES)}; "
                f"expected one of: {', '.join(FAMILIES)}",
                rule_id,
                "id",
            )
        kind = self.string(table, "kind", rule_id)
        if kind not in KINDS:
            raise self.error(
                f"unknown kind '{kind}'{_did_you_mean(kind, KINDS)}; "
                f"expected one of: {', '.join(KINDS)}",
                rule_id,
                "kind",
            )
        valid = _COMMON_KEYS + _KIND_KEYS[kind]
        for key in table:
            if key not in valid:
                other = [k for k, keys in _KIND_KEYS.items() if key in keys]
                hint = f" (it belongs to kind '{other[0]}')" if other else _did_you_mean(key, valid)
                raise self.error(f"unknown key for kind '{kind}'{hint}", rule_id, key)

        def option(key: str, fallback: Any) -> Any:
            if key in table:
                return table[key]
            return defaults.get(key, fallback)

        severity_text = option("severity", "warning")
        try:
            severity = Severity.parse(self.typed(severity_text, str, rule_id, "severity"))
        except ValueError as exc:
            raise self.error(str(exc), rule_id, "severity") from None
        fix: Applicability | None = None
        if kind in ("substitution", "consistency"):
            fix_text = self.typed(option("fix", "safe"), str, rule_id, "fix")
            try:
                fix = Applicability(fix_text)
            except ValueError:
                raise self.error(
                    f"unknown fix applicability '{fix_text}'; expected safe, unsafe or display",
                    rule_id,
                    "fix",
                ) from None
        case_sensitive = self.typed(
            option("case-sensitive", False), bool, rule_id, "case-sensitive"
        )
        message = table.get("message", DEFAULT_MESSAGES[kind])
        self.check_message(self.typed(message, str, rule_id, "message"), kind, rule_id)
        fields: dict[str, Any] = {
            "id": rule_id,
            "kind": kind,
            "summary": self.string(table, "summary", rule_id),
            "why": self.string(table, "why", rule_id),
            "message": message,
            "origin": f"pack {self.shown}",
            "severity": severity,
            "fix": fix,
            "case_sensitive": case_sensitive,
            "default_enabled": self.typed(
                option("default-enabled", True), bool, rule_id, "default-enabled"
            ),
            "word_boundaries": self.typed(
                option("word-boundaries", True), bool, rule_id, "word-boundaries"
            ),
            "skip_quotations": self.typed(
                option("skip-quotations", True), bool, rule_id, "skip-quotations"
            ),
            "scope": self.scope(option("scope", list(SCOPES)), rule_id),
        }
        fields.update(self.kind_fields(kind, table, rule_id, case_sensitive))
        fields["examples"] = self.examples(table.get("examples"), kind, rule_id)
        return PackRule(**fields)

    def kind_fields(
        self, kind: str, table: dict[str, Any], rule_id: str, case_sensitive: bool
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if kind in ("existence", "occurrence"):
            out["phrases"] = self.strings(table, "phrases", rule_id, required=False)
            out["patterns"] = self.patterns(table, "patterns", rule_id)
            if not out["phrases"] and not out["patterns"]:
                raise self.error("needs 'phrases' or 'patterns'", rule_id, "phrases")
        if kind == "occurrence":
            out["max"] = self.integer(table, "max", rule_id, minimum=0)
            if "per-words" in table:
                out["per_words"] = self.integer(table, "per-words", rule_id, minimum=1)
        elif kind == "conditional":
            out["phrases"] = self.strings(table, "phrases", rule_id, required=False)
            if "pattern" in table:
                out["patterns"] = (self.regex(table["pattern"], rule_id, "pattern"),)
            elif not out["phrases"]:
                raise self.error("needs 'pattern' or 'phrases'", rule_id, "pattern")
            antecedent = self.string(table, "antecedent", rule_id)
            self.regex(antecedent.replace("{match}", "X"), rule_id, "antecedent")
            out["antecedent"] = antecedent
        elif kind == "substitution":
            out["swap"] = self.swap(table.get("swap"), rule_id, case_sensitive)
        elif kind == "consistency":
            out["variants"] = self.variants(table.get("variants"), rule_id, case_sensitive)
        return out

    # -- typed values ----------------------------------------------------------

    def typed(self, value: Any, kind: type[_V], rule: str, key: str) -> _V:
        # bool is an int subclass: never accept one for the other
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.error(f"expected {_TYPE_NAMES[kind]}, got {type(value).__name__}", rule, key)
        return value

    def string(self, table: Mapping[str, Any], key: str, rule: str) -> str:
        if key not in table:
            raise self.error("missing required key", rule, key)
        value = self.typed(table[key], str, rule, key)
        if not value.strip():
            raise self.error("must not be empty", rule, key)
        return value

    def strings(
        self, table: Mapping[str, Any], key: str, rule: str, required: bool = True
    ) -> tuple[str, ...]:
        if key not in table:
            if required:
                raise self.error("missing required key", rule, key)
            return ()
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error("expected a list of non-empty strings", rule, key)
        return tuple(value)

    def integer(self, table: Mapping[str, Any], key: str, rule: str, minimum: int) -> int:
        if key not in table:
            raise self.error("missing required key", rule, key)
        value = self.typed(table[key], int, rule, key)
        if value < minimum:
            raise self.error(f"must be at least {minimum}", rule, key)
        return value

    def regex(self, value: Any, rule: str, key: str) -> str:
        pattern = self.typed(value, str, rule, key)
        if regex.search(r"(?<!\\)\(\?[a-zA-Z-]+\)", pattern):
            raise self.error(
                "global inline flags like (?i) are not allowed; use the rule's "
                "case-sensitive option or a scoped group like (?i:...)",
                rule,
                key,
            )
        if regex.search(r"\(\?P?<[A-Za-z_]|\(\?P=|(?<!\\)(?:\\\\)*\\(?:[1-9]|g<)", pattern):
            raise self.error(
                "named groups and back-references are not allowed (rules share one matcher)",
                rule,
                key,
            )
        try:
            regex.compile(pattern, PATTERN_FLAGS)
        except regex.error as exc:
            raise self.error(f"invalid regular expression {pattern!r}: {exc}", rule, key) from None
        problem = pattern_problem(pattern)
        if problem:
            raise self.error(f"unsafe regular expression {pattern!r}: {problem}", rule, key)
        return pattern

    def patterns(self, table: Mapping[str, Any], key: str, rule: str) -> tuple[str, ...]:
        if key not in table:
            return ()
        value = table[key]
        if not isinstance(value, list):
            raise self.error("expected a list of regular expressions", rule, key)
        return tuple(self.regex(v, rule, key) for v in value)

    def scope(self, value: Any, rule: str) -> frozenset[str]:
        if value == "all":
            return frozenset(SCOPES)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            raise self.error("expected a list of: headline, byline, body", rule, "scope")
        for item in value:
            if item not in SCOPES:
                raise self.error(
                    f"unknown scope {item!r}{_did_you_mean(str(item), SCOPES)}; "
                    "expected headline, byline or body",
                    rule,
                    "scope",
                )
        return frozenset(value)

    def swap(self, value: Any, rule: str, case_sensitive: bool) -> dict[str, str]:
        if not isinstance(value, dict) or not value:
            raise self.error('expected a non-empty table of wrong = "right"', rule, "swap")
        table: dict[str, str] = {}
        for wrong, right in value.items():
            if not isinstance(right, str) or not right.strip() or not wrong.strip():
                raise self.error(f"entry {wrong!r} needs a non-empty replacement", rule, "swap")
            key = normalise(wrong, case_sensitive)
            if key in table:
                raise self.error(f"duplicate entry {wrong!r}", rule, "swap")
            if key == normalise(right, case_sensitive):
                raise self.error(f"entry {wrong!r} replaces a phrase with itself", rule, "swap")
            table[key] = right
        return table

    def variants(self, value: Any, rule: str, case_sensitive: bool) -> tuple[tuple[str, ...], ...]:
        ok = isinstance(value, list) and bool(value)
        ok = ok and all(
            isinstance(group, list)
            and len(group) >= 2
            and all(isinstance(v, str) and v.strip() for v in group)
            for group in value
        )
        if not ok:
            raise self.error("expected a list of lists of two or more phrases", rule, "variants")
        seen: set[str] = set()
        for group in value:
            for variant in group:
                key = normalise(variant, case_sensitive)
                if key in seen:
                    raise self.error(f"variant {variant!r} listed twice", rule, "variants")
                seen.add(key)
        return tuple(tuple(group) for group in value)

    def check_message(self, message: str, kind: str, rule: str) -> None:
        allowed = (*_MESSAGE_FIELDS[kind], "summary", "id")
        try:
            names = [
                name for _, name, _, _ in string.Formatter().parse(message) if name is not None
            ]
        except ValueError as exc:
            raise self.error(f"malformed message template: {exc}", rule, "message") from None
        for name in names:
            if name not in allowed:
                raise self.error(
                    f"unknown placeholder {{{name}}}{_did_you_mean(name, allowed)}; "
                    f"kind '{kind}' offers: {', '.join('{' + a + '}' for a in allowed)}",
                    rule,
                    "message",
                )

    def examples(self, value: Any, kind: str, rule: str) -> tuple[Example, ...]:
        if value is None:
            return ()
        if not isinstance(value, dict):
            raise self.error("expected a table with flagged and clean lists", rule, "examples")
        self.check_keys(value, _EXAMPLE_KEYS, rule)
        fmt = self.typed(value.get("format", "text"), str, rule, "examples.format")
        if fmt not in FORMATS:
            raise self.error(f"unknown format {fmt!r}", rule, "examples.format")
        flagged = self.strings(value, "flagged", rule, required=False)
        clean = self.strings(value, "clean", rule, required=False)
        fixed = self.strings(value, "fixed", rule, required=False)
        if "fixed" in value and len(fixed) != len(flagged):
            raise self.error("needs one entry per flagged example", rule, "examples.fixed")
        if "fixed" in value and kind not in ("substitution", "consistency"):
            raise self.error("only rules with a fix have fixed examples", rule, "examples.fixed")
        out = [
            Example(text, True, fmt, fixed[i] if fixed else None) for i, text in enumerate(flagged)
        ]
        out += [Example(text, False, fmt) for text in clean]
        return tuple(out)


_TYPE_NAMES = {str: "a string", bool: "true or false", int: "an integer", list: "a list"}
