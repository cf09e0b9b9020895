"""Long stories: does any rule cost more than its share on one long document?

A live blog, a long read or a report runs to tens of thousands of words, and
the editor lints it on every save. A rule that compares every sentence, name
or heading with every other one is cheap on a 400-word story and slow on a
40,000-word one. This benchmark joins the first N BBC stories into one plain
text (each story's title stands as a heading over its body, as in a live
blog), lints it in-process with every default rule (grammar off), and times
each rule and provider on it and on the same stories linted one by one:

    python benchmarks/long_story.py                 # 10, 40, 160 and 300 stories
    python benchmarks/long_story.py --stories 40 160 --top 8

Per size it prints the words, the seconds for the long document and for the
stories apart, and the rules that cost most on the long one with the ratio of
the two (``x1.0``: the same cost either way; a ratio that grows with the size
is a rule whose work grows faster than the text). One untimed run first loads
the dictionaries and models. A rule that is the first to ask for an analysis
other rules share (``filler.reader-question`` for the sentence scores of a
story it has a candidate in) carries its cost: read the totals first. Without
the BBC corpus it says so and exits 0.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DEFAULT_BBC, article_text, missing_message, read_bbc

from newslint.config import Config
from newslint.engine import RuleSet, build_providers
from newslint.registry import PythonProvider, python_rule
from newslint.sources import load_document


def lint_timed(text: str, rules: RuleSet, times: Counter[str]) -> None:
    """Lint ``text`` rule by rule, adding each rule's (or provider's) seconds to ``times``."""
    selected, context = rules.selected, rules.context
    started = time.perf_counter()
    doc = load_document("story.txt", text)
    times["(reading)"] += time.perf_counter() - started
    for provider in rules.active_providers(selected):
        if isinstance(provider, PythonProvider):
            for meta in provider.rules():
                if meta.id in selected:
                    check = python_rule(meta.id)
                    started = time.perf_counter()
                    list(check.function(doc, context, check.meta))
                    times[meta.id] += time.perf_counter() - started
        else:
            started = time.perf_counter()
            list(provider.check(doc, selected, context))
            times[type(provider).__name__] += time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bbc", type=Path, default=DEFAULT_BBC, help="the BBC jsonl corpus")
    parser.add_argument(
        "--stories", type=int, nargs="+", default=[10, 40, 160, 300], help="sizes to join"
    )
    parser.add_argument("--top", type=int, default=6, help="rules to list per size")
    args = parser.parse_args(argv)
    missing = missing_message(args.bbc)
    if missing:
        print(missing)
        return 0
    stories = [article_text(r) for r in read_bbc(args.bbc, limit=max(args.stories))]
    config = Config(ignore=("grammar",))
    rules = RuleSet(config, build_providers(config))
    # Untimed: load the dictionaries, models and indexes that rules load on first need.
    for text in [*stories, "\n\n".join(stories[:20])]:
        lint_timed(text, rules, Counter())
    print(f"{'stories':>7} {'words':>7} {'one doc s':>9} {'apart s':>8} {'ratio':>6}  costliest")
    for count in args.stories:
        part = stories[:count]
        joined: Counter[str] = Counter()
        lint_timed("\n\n".join(part), rules, joined)
        apart: Counter[str] = Counter()
        for story in part:
            lint_timed(story, rules, apart)
        whole, separate = sum(joined.values()), sum(apart.values())
        words = sum(len(s.split()) for s in part)
        costliest = ", ".join(
            f"{rule} {seconds:.2f}s x{seconds / max(apart[rule], 1e-4):.1f}"
            for rule, seconds in joined.most_common(args.top)
        )
        print(
            f"{len(part):>7} {words:>7} {whole:>9.2f} {separate:>8.2f} "
            f"{whole / separate:>6.1f}  {costliest}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
