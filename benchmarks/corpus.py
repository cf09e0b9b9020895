"""The BBC News reference corpus as the benchmark scripts read it.

The corpus is a JSON-lines file of ``{id, category, title, body}`` records
outside the repository. It is research-only: scripts read it at run time and
write articles only to temporary directories outside the repository, never
into it. Scripts import this module as ``from corpus import ...``, which works
because a script's own directory is on ``sys.path``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newslint.document import Document

REPO_ROOT = Path(__file__).resolve().parent.parent
# NEWSLINT_CORPORA as in real_copy_corpus.py, for git worktrees where ../shared is absent.
CORPORA = Path(os.environ.get("NEWSLINT_CORPORA") or REPO_ROOT.parent / "shared" / "corpora")
DEFAULT_BBC = CORPORA / "news" / "bbc" / "bbc_news.jsonl"


def iter_bbc(path: Path = DEFAULT_BBC) -> Iterator[dict]:
    """Records one by one, blank lines skipped, so a caller can stop early."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def read_bbc(path: Path = DEFAULT_BBC, limit: int | None = None) -> list[dict]:
    """The first ``limit`` records (all of them when ``limit`` is None)."""
    return list(islice(iter_bbc(path), limit))


def article_text(record: dict) -> str:
    """An article as plain text: title, blank line, body, final newline."""
    return f"{str(record['title']).strip()}\n\n{str(record['body']).strip()}\n"


def bbc_document(record: dict) -> Document:
    """The article as a plain-text Document named after the record id."""
    from newslint.sources import load_document

    return load_document(f"{record['id']}.txt", article_text(record), "text")


def article_filename(record: dict, index: int) -> str:
    """``NNNN-<id slug>.txt``: sorts in corpus order and traces back to the record."""
    stem = re.sub(r"\.txt$", "", str(record.get("id", index)))
    slug = re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-")
    return f"{index:04d}-{slug}.txt"


def write_articles(records: Iterable[dict], directory: Path) -> int:
    """Write each record as a .txt article into ``directory``; returns the words written.

    Words are whitespace-separated, title included.
    """
    if directory.resolve().is_relative_to(REPO_ROOT):
        raise SystemExit("refusing to write corpus text inside the repository; set TMPDIR")
    words = 0
    for index, record in enumerate(records):
        text = article_text(record)
        (directory / article_filename(record, index)).write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def missing_message(path: Path, consequence: str = "nothing to measure") -> str | None:
    """Why the corpus part is skipped, or None when the corpus file is there."""
    if path.is_file():
        return None
    return f"corpus not found: {path}; {consequence}"


def corpus_missing(path: Path) -> bool:
    """Print the skip message when the corpus is absent; the caller then exits 0."""
    message = missing_message(path)
    if message is not None:
        print(message)
    return message is not None
