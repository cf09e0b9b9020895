"""The command line: ``newslint check|rules|explain``.

Commands only parse options and hand over to the runner, the registry and
the formatters; no linting logic lives here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO, TypedDict

from newslint import codecache, regexcache


def _is_the_command() -> bool:
    """Whether this process is the ``newslint`` command (``python -m newslint``
    or the console script), not a program that imports this module."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    if spec is not None and spec.name == "newslint.__main__":
        return True
    # The console script, or a tool running the module (python -m cProfile -m newslint).
    return Path(sys.argv[0]).name in ("newslint", "newslint.exe")


if _is_the_command():
    # First thing: the libraries imported below compile their patterns, and
    # every module its dataclasses, at import.
    regexcache.install()
    codecache.install()
    # Imports make hundreds of thousands of objects that live as long as the
    # process; the cycle collector would traverse them again and again (~5% of a
    # one-file run). It is off until the modules are in, then sees only what
    # comes after (_collect_from_here).
    gc.disable()

import click  # noqa: E402

from newslint import __version__  # noqa: E402
from newslint.config import CliOverrides, ConfigResolver  # noqa: E402
from newslint.diagnostics import ConfigError  # noqa: E402

if TYPE_CHECKING:
    from newslint.archive.records import FieldMap
    from newslint.registry import RuleMeta
    from newslint.report.records import Article
    from newslint.runner import Runner

EXIT_USAGE = 2


def _split_ids(values: Sequence[str]) -> tuple[str, ...] | None:
    """``--select a,b --select c`` -> ("a", "b", "c"); None when not given."""
    if not values:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _fail(message: str) -> NoReturn:
    click.echo(f"newslint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


class _LazyGroup(click.Group):
    """A group whose heavier subcommand groups are imported only when named:
    ``newslint check`` must not pay for the LanguageTool server's modules."""

    LAZY = {  # noqa: RUF012
        "languagetool": ("newslint.engines.languagetool.cli", "languagetool"),
        "names": ("newslint.names.cli", "names"),
        "daemon": ("newslint.daemon.commands", "daemon"),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.LAZY})

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if name != "check":
            _collect_from_here()  # `check` does, once its modules are in
        return name, command, rest

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.LAZY and cmd_name not in self.commands:
            import importlib

            module, attribute = self.LAZY[cmd_name]
            command: click.Command = getattr(importlib.import_module(module), attribute)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)


def _collect_from_here() -> None:
    """Turn the cycle collector back on for what is made from now on (the
    objects made so far are moved out of its sight)."""
    gc.freeze()
    gc.enable()


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newslint")
def main() -> None:
    """newslint: an editorial quality linter for news copy."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Use this config file for every file instead of discovering one.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="IDS",
    help="Run only these rules (ids or prefixes, comma-separated).",
)
@click.option(
    "--extend-select",
    multiple=True,
    metavar="IDS",
    help="Run these rules in addition to the selected ones (e.g. ap).",
)
@click.option("--ignore", multiple=True, metavar="IDS", help="Do not run these rules.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "concise", "json", "jsonl", "sarif", "github", "html"]),
    help="Output format [default: text on a terminal, github under GitHub "
    "Actions, concise otherwise].",
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to a file instead of stdout.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    help="Lowest severity that makes the exit code 1 [default: warning].",
)
@click.option(
    "--language", type=click.Choice(["en-US", "en-GB"]), help="Spelling variant of the copy."
)
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Show what --fix would change; write nothing.")
@click.option("--statistics", is_flag=True, help="Print a count of findings per rule.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes [default: one per core].",
)
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="Lint standard input as if it were this file (format, config).",
)
@click.option("--color/--no-color", default=None, help="Force colour on or off.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr [default: on a terminal].",
)
@click.option(
    "--require-grammar",
    is_flag=True,
    help="Exit 2 when grammar rules are selected but LanguageTool cannot run.",
)
@click.option(
    "--date",
    "article_date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Article date (YYYY-MM-DD) for every file, overriding front matter and datelines.",
)
@click.option(
    "--text-field",
    metavar="NAME",
    help="Archives: the record field holding the article [default: body, then text, content].",
)
@click.option(
    "--id-field", default="id", show_default=True, metavar="NAME", help="Archives: record id field."
)
@click.option(
    "--field",
    "field_names",
    multiple=True,
    metavar="KEY=NAME",
    help="Archives: read title, byline, date, language, url or format from field NAME "
    "(e.g. --field title=headline).",
)
@click.option(
    "--cache/--no-cache",
    default=True,
    help="Reuse results of unchanged files and records (in NEWSLINT_CACHE_DIR).",
)
@click.option(
    "--dask",
    metavar="ADDRESS",
    help="Lint on a Dask cluster (tcp://host:8786), or 'local' for a LocalCluster.",
)
@click.option(
    "--verbose", "-v", is_flag=True, help="Show tracebacks with internal errors (to report them)."
)
def check(
    paths: tuple[Path, ...],
    config_path: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str | None,
    output_file: Path | None,
    fail_on: str | None,
    language: str | None,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    statistics: bool,
    jobs: int,
    stdin_filename: str | None,
    color: bool | None,
    progress: bool | None,
    require_grammar: bool,
    article_date: dt.datetime | None,
    text_field: str | None,
    id_field: str,
    field_names: tuple[str, ...],
    cache: bool,
    dask: str | None,
    verbose: bool,
) -> None:
    """Lint news copy: Markdown, HTML and plain-text files or directories, and
    archives of articles as records (.jsonl, .jsonl.gz, .csv, .parquet).

    Use - as the path (with --stdin-filename) to read standard input.
    Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage,
    configuration or input errors.
    """
    from newslint.formatters import default_format, get_formatter, use_color, write_statistics
    from newslint.runner import Runner, RunOptions

    if not paths and stdin_filename is None:
        _fail("no paths given (use 'newslint check PATH ...', or '-' with --stdin-filename)")
    overrides = CliOverrides(
        select=_split_ids(select),
        extend_select=_split_ids(extend_select) or (),
        ignore=_split_ids(ignore) or (),
        fail_on=fail_on,
        language=language,
    )
    stderr_tty = sys.stderr.isatty()
    options = RunOptions(
        fix=fix and not diff,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        jobs=jobs,
        progress=stderr_tty if progress is None else progress,
        require_grammar=require_grammar,
        article_date=article_date.date() if article_date else None,
        verbose=verbose,
    )
    from_stdin = stdin_filename is not None or paths == (Path("-"),)
    if (fix or diff) and _streams(paths, "", None):
        _fail("--fix and --diff do not apply to archives (.jsonl, .csv, .parquet)")
    is_tty = output_file is None and sys.stdout.isatty()
    name = output_format or default_format(is_tty, os.environ)
    colored = use_color(is_tty, os.environ) if color is None else color
    try:
        runner = Runner(ConfigResolver(config_path, overrides), options)
        _collect_from_here()
        if cache and not (fix or diff):
            from newslint.resultcache import ResultCache

            runner.cache = ResultCache()
        if not from_stdin and not (fix or diff) and _streams(paths, name, dask):
            _check_streaming(
                runner,
                list(paths),
                name,
                output_file,
                colored,
                statistics,
                _field_map(text_field, id_field, field_names),
                dask or _config_scheduler(runner),
            )
            return
        if from_stdin:
            text = sys.stdin.read()
            result = runner.result([runner.lint_text(text, stdin_filename or "stdin.txt")])
        else:
            result = runner.run(list(paths))
    except ConfigError as exc:
        _fail(str(exc))
        return

    out = output_file.open("w", encoding="utf-8") if output_file else sys.stdout
    try:
        for file in result.files:
            if file.diff:
                out.write(file.diff)
        formatter = get_formatter(name)
        formatter.write(result, out, color=colored)
        if not formatter.includes_notices:
            for notice in result.notices:
                click.echo(f"newslint: {notice}", err=True)
        if statistics:
            write_statistics(result, sys.stderr if name in ("json", "sarif", "html") else out)
    finally:
        if output_file:
            out.close()
    if require_grammar and runner.grammar_unavailable():
        click.echo("newslint: error: --require-grammar: grammar checks did not run", err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(result.exit_code)


def _streams(paths: Sequence[Path], output_format: str, dask: str | None) -> bool:
    """Archives, --format jsonl/html and --dask runs stream (newslint.archive.run)."""
    from newslint.archive.kinds import archive_kind

    return output_format in ("jsonl", "html") or bool(dask) or any(archive_kind(p) for p in paths)


def _field_map(text_field: str | None, id_field: str, field_names: tuple[str, ...]) -> FieldMap:
    from newslint.archive.records import OPTIONAL_FIELDS, FieldMap

    optional = {}
    for item in field_names:
        key, sep, value = item.partition("=")
        if not sep or key.strip() not in OPTIONAL_FIELDS or not value.strip():
            _fail(
                f"--field {item!r}: expected KEY=NAME with KEY one of {', '.join(OPTIONAL_FIELDS)}"
            )
        optional[key.strip()] = value.strip()
    return FieldMap(text_field, id_field, optional)


def _config_scheduler(runner: Runner) -> str | None:
    """``[distributed] scheduler`` from the working directory's config."""
    return runner.resolver.for_path(Path.cwd() / "-").distributed_scheduler


def _check_streaming(
    runner: Runner,
    paths: list[Path],
    name: str,
    output_file: Path | None,
    colored: bool,
    statistics: bool,
    fields: FieldMap,
    dask: str | None,
) -> None:
    from newslint.archive.run import run_streaming
    from newslint.formatters import get_formatter, write_statistics
    from newslint.formatters.statistics import write_rule_counts

    out = output_file.open("w", encoding="utf-8") if output_file else sys.stdout
    try:
        code, notices, result, totals = run_streaming(
            runner, paths, fields, name, out, color=colored, dask=dask
        )
        if result is None and statistics:  # streamed: the report is out, counts to stderr
            rules = runner.result([]).rules
            write_rule_counts(totals.by_rule, rules, sys.stderr)
        if result is not None:
            formatter = get_formatter(name)
            formatter.write(result, out, color=colored)
            if not formatter.includes_notices:
                for notice in notices:
                    click.echo(f"newslint: {notice}", err=True)
            if statistics:
                write_statistics(result, sys.stderr if name in ("json", "sarif") else out)
    except ConfigError as exc:
        _fail(str(exc))
        return
    finally:
        if output_file:
            out.close()
    if runner.options.require_grammar and runner.grammar_unavailable():
        click.echo("newslint: error: --require-grammar: grammar checks did not run", err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(code)


class _AllRules(TypedDict):
    metas: dict[str, RuleMeta]
    selected: frozenset[str]


def _all_rules(config_path: Path | None) -> _AllRules:
    from newslint.engine import RuleSet, build_providers

    try:
        config = ConfigResolver(config_path, CliOverrides()).for_path(Path.cwd() / "-")
        rule_set = RuleSet(config, build_providers(config))
        return {"metas": rule_set.metas, "selected": rule_set.selected}
    except ConfigError as exc:
        _fail(str(exc))
        raise


@main.command("rules")
@click.argument("prefixes", nargs=-1)
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text"
)
@click.option(
    "--output",
    "-o",
    "output_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="With --format markdown: the directory for one page per rule and an index.",
)
def list_rules(
    prefixes: tuple[str, ...], config_path: Path | None, output_format: str, output_dir: Path | None
) -> None:
    """List the rules (optionally those under the given id prefixes).

    --format markdown --output docs/rules/ writes their documentation pages."""
    import json

    from newslint.registry import matches_prefix

    found = _all_rules(config_path)
    metas = [
        m
        for m in sorted(found["metas"].values(), key=lambda m: m.id)
        if not prefixes or any(matches_prefix(m.id, p) for p in prefixes)
    ]
    if not metas:
        _fail(f"no rule matches {' '.join(prefixes)!r}")
    if output_format == "markdown":
        _write_rule_docs(metas, output_dir)
        return
    if output_dir is not None:
        _fail("--output is for --format markdown")
    if output_format == "json":
        rows = [
            {
                "id": m.id,
                "severity": str(m.severity),
                "enabled": m.id in found["selected"],
                "fix": str(m.fix) if m.fix else None,
                "summary": m.summary,
            }
            for m in metas
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    width = max(len(m.id) for m in metas)
    for m in metas:
        state = " " if m.id in found["selected"] else "-"
        click.echo(f"{state} {m.id:<{width}}  {m.severity!s:<7}  {m.summary}")
    click.echo(
        f"\n{len(metas)} rules; '-' marks rules off in this configuration "
        "(turn them on with --extend-select)."
    )


def _write_rule_docs(metas: list[RuleMeta], output_dir: Path | None) -> None:
    from newslint import rule_docs

    if output_dir is None:
        _fail("--format markdown needs --output DIRECTORY (one page per rule)")
        return
    try:
        written, removed = rule_docs.write(metas, output_dir)
    except OSError as exc:
        _fail(f"{output_dir}: {exc.strerror or exc}")
        return
    click.echo(
        f"{len(metas)} rule pages and {rule_docs.INDEX_NAME} in {output_dir}: "
        f"{len(written)} written, {len(removed)} removed."
    )


@main.command()
@click.argument("results", nargs=-1, required=True)
@click.option(
    "--output",
    "-o",
    "output_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the HTML page here [default: stdout].",
)
@click.option("--title", default="newslint audit", show_default=True, help="The page's title.")
@click.option(
    "--worst",
    type=click.IntRange(min=0),
    default=25,
    show_default=True,
    help="How many of the worst articles to list with their findings.",
)
def report(results: tuple[str, ...], output_file: Path | None, title: str, worst: int) -> None:
    """Write an audit report (one self-contained HTML page) from check results.

    RESULTS are `newslint check --format jsonl` output (also .gz) or a
    `--format json` report; - reads standard input. Exit codes: 0 written,
    2 when some lines of RESULTS could not be read (the page is still written).
    """
    from newslint.report import write_report
    from newslint.report.records import ReadProblems, ResultsError, read_results

    problems = ReadProblems()

    def articles() -> Iterator[Article]:  # one input after another, streamed
        for path in results:
            yield from read_results(path, problems)

    target = output_file.with_name(output_file.name + ".tmp") if output_file else None
    try:
        with target.open("w", encoding="utf-8") if target else _stdout() as out:
            write_report(
                articles(),
                out,
                title=title,
                worst=worst,
                problems=problems,
                notes=problems.notices,  # filled while the articles are read
            )
    except ResultsError as exc:
        if target:
            target.unlink(missing_ok=True)
        _fail(str(exc))
        return
    if target and output_file:
        target.replace(output_file)  # a half-written page never replaces a good one
    for problem in problems:
        click.echo(f"newslint: error: {problem}", err=True)
    # Articles the linter could not read are shown in the page; they are the
    # check run's input errors (its exit code said so), not this command's.
    if problems.count:
        sys.exit(EXIT_USAGE)


def _stdout() -> contextlib.nullcontext[TextIO]:
    return contextlib.nullcontext(sys.stdout)


@main.command()
@click.option("--stdio", is_flag=True, hidden=True, help="Accepted for clients that pass it.")
def server(stdio: bool) -> None:
    """Run the language server (LSP over stdin/stdout) for editors."""
    from newslint.lsp import serve

    serve()


@main.command()
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False))
def explain(rule_id: str, config_path: Path | None) -> None:
    """Print a rule's full documentation with its examples."""
    import difflib

    metas = _all_rules(config_path)["metas"]
    meta = metas.get(rule_id)
    if meta is None:
        close = difflib.get_close_matches(rule_id, list(metas), n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        _fail(f"unknown rule {rule_id!r}{hint}")
    from newslint.explain import explain_text

    click.echo(explain_text(meta))
