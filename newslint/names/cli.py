"""``newslint names``: commands for names lists."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.group()
def names() -> None:
    """Build and check names lists (config key `names`)."""


@names.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the list here instead of stdout.",
)
def learn(paths: tuple[Path, ...], output: Path | None) -> None:
    """Build a house names list from an archive of articles."""
    from newslint.names.learn import learn_paths

    text, read = learn_paths(list(paths))
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
    click.echo(f"newslint: read {read} files", err=True)
