#!/usr/bin/env python3
"""Precision and recall of the ``filler.*`` and ``structure.*`` rules.

Precision: every selected rule runs in-process over the BBC News corpus
(``<repo>/../shared/corpora/news/bbc/bbc_news.jsonl``, research-only: never
copied into the repository), each article a ``.txt`` document (title, blank
line, body) in en-GB. Professional copy should draw almost nothing, so the
findings per 1,000 words approximate a false-positive rate; the most frequent
flagged texts are listed.

Recall: real articles are broken in memory (nothing is written anywhere) by
inserting the phrases of ``INJECTIONS`` below, and a fault counts as found
only when a rule of the expected family reports exactly the expected text.
The injection phrases were written before the rules were extended, in wording
the rules were not built from; keep it that way when adding cases.

    python benchmarks/voice_quality.py [--limit N] [--per-fault N] [--top 20] [--misses]

When the corpus is absent it says so and exits 0.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from corpus import DEFAULT_BBC, article_text, corpus_missing, read_bbc

FAMILIES = ("filler", "structure")


@dataclass(frozen=True)
class Fault:
    """One planted defect: ``text`` goes in at ``where``; ``expect`` must be flagged.

    where: ``head`` (first body paragraph), ``line`` (a paragraph of its own in
    the middle), ``tail`` (last paragraph), ``prefix`` (start of a middle
    paragraph), ``byline`` (a line after the headline), ``section`` (Markdown
    sections appended; ``text`` is Markdown).
    """

    family: str
    where: str
    text: str
    expect: str


# Written first, from ordinary web, chatbot and content-farm wording, not from
# the rule lists.
INJECTIONS: tuple[Fault, ...] = (
    # web and CMS furniture
    Fault("filler", "line", "Sign up for our daily briefing", "Sign up for our daily briefing"),
    Fault("filler", "line", "Join the conversation", "Join the conversation"),
    Fault("filler", "line", "Share via email", "Share via email"),
    Fault("filler", "line", "Continue reading the main story", "Continue reading the main story"),
    Fault(
        "filler",
        "line",
        "Get the latest headlines delivered to your inbox",
        "Get the latest headlines delivered to your inbox",
    ),
    Fault(
        "filler", "line", "Subscribe now for unlimited access", "Subscribe now for unlimited access"
    ),
    Fault("filler", "line", "Most Read", "Most Read"),
    Fault("filler", "line", "More on this story", "More on this story"),
    Fault("filler", "line", "Top Stories", "Top Stories"),
    Fault("filler", "line", "We value your privacy", "We value your privacy"),
    Fault(
        "filler",
        "line",
        "By continuing to browse this site you agree to our use of cookies.",
        "By continuing to browse this site you agree to our use of cookies",
    ),
    Fault("filler", "line", "Sponsored", "Sponsored"),
    Fault(
        "filler",
        "line",
        "Story continues after advertisement",
        "Story continues after advertisement",
    ),
    Fault("filler", "line", "Copy link", "Copy link"),
    Fault("filler", "line", "Listen to this article", "Listen to this article"),
    Fault("filler", "tail", "Read the full story here.", "Read the full story here"),
    Fault("filler", "tail", "Report an error", "Report an error"),
    # chatbot residue
    Fault(
        "filler",
        "head",
        "Sure, here is a news article about the announcement:",
        "Sure, here is a news article",
    ),
    Fault(
        "filler",
        "head",
        "Of course! Below is a draft news story on the topic.",
        "Of course! Below is a draft news story",
    ),
    Fault(
        "filler",
        "head",
        "Here is the revised version of the article:",
        "Here is the revised version of the article",
    ),
    Fault(
        "filler",
        "tail",
        "I hope you find this article useful!",
        "I hope you find this article useful",
    ),
    Fault(
        "filler",
        "tail",
        "Please note that my training data only goes up to 2023.",
        "my training data",
    ),
    Fault(
        "filler",
        "tail",
        "Let me know if you'd like any changes to the tone or length.",
        "Let me know if you'd like any changes",
    ),
    Fault(
        "filler",
        "tail",
        "Feel free to adjust the details as needed.",
        "Feel free to adjust the details as needed",
    ),
    Fault(
        "filler",
        "line",
        "[Insert quote from local official here]",
        "[Insert quote from local official here]",
    ),
    Fault("filler", "prefix", "As of my last update in January 2024,", "As of my last update"),
    Fault(
        "filler",
        "prefix",
        "As an artificial intelligence, I cannot confirm this, but",
        "As an artificial intelligence",
    ),
    Fault(
        "filler",
        "prefix",
        "I'm unable to access real-time information, so",
        "I'm unable to access real-time information",
    ),
    # machine padding
    Fault("filler", "prefix", "It should be noted that", "It should be noted"),
    Fault(
        "filler", "prefix", "In the ever-changing world of politics,", "In the ever-changing world"
    ),
    Fault("filler", "prefix", "It's worth mentioning that", "It's worth mentioning"),
    Fault(
        "filler",
        "prefix",
        "As we navigate these uncertain times,",
        "As we navigate these uncertain times",
    ),
    Fault("filler", "prefix", "In today's digital landscape,", "In today's digital landscape"),
    Fault(
        "filler",
        "prefix",
        "It is essential to understand that",
        "It is essential to understand",
    ),
    Fault("filler", "tail", "To sum it all up, the changes will matter.", "To sum it all up"),
    Fault(
        "filler",
        "tail",
        "In conclusion, only time will tell what the future holds.",
        "In conclusion",
    ),
    # reader-addressing questions and calls to action
    Fault(
        "filler", "tail", "What do you make of the new rules?", "What do you make of the new rules?"
    ),
    Fault(
        "filler",
        "tail",
        "Have your say on the plans by writing to us.",
        "Have your say on the plans by writing to us.",
    ),
    Fault(
        "filler",
        "tail",
        "Would you pay more for faster trains?",
        "Would you pay more for faster trains?",
    ),
    Fault(
        "filler",
        "tail",
        "Share this story with anyone who might be affected.",
        "Share this story with anyone who might be affected.",
    ),
    Fault("filler", "tail", "Drop us a line with your views.", "Drop us a line with your views."),
    Fault("filler", "tail", "Are you affected by the changes?", "Are you affected by the changes?"),
    Fault(
        "filler",
        "tail",
        "Keep checking back for the latest updates.",
        "Keep checking back for the latest updates.",
    ),
    Fault("filler", "tail", "Curious about what happens next?", "Curious about what happens next?"),
    Fault(
        "filler",
        "tail",
        "Be sure to follow us for more updates on this story.",
        "Be sure to follow us for more updates on this story.",
    ),
    Fault(
        "filler",
        "tail",
        "Send us your photos of the flooding.",
        "Send us your photos of the flooding.",
    ),
    Fault(
        "filler",
        "prefix",
        "Ever wondered why prices rise so quickly?",
        "Ever wondered why prices rise so quickly?",
    ),
    Fault(
        "filler",
        "prefix",
        "Wondering what this means for you?",
        "Wondering what this means for you?",
    ),
    # SEO sections (Markdown)
    Fault(
        "filler",
        "section",
        "## Frequently Asked Questions\n\n**When does it start?** Next month.\n",
        "Frequently Asked Questions",
    ),
    Fault(
        "filler",
        "section",
        "## The Bottom Line\n\nThe plan still needs approval.\n",
        "The Bottom Line",
    ),
    Fault("filler", "section", "## Final Thoughts\n\nMuch remains uncertain.\n", "Final Thoughts"),
    Fault("filler", "section", "## Wrapping Up\n\nThe vote is in May.\n", "Wrapping Up"),
    Fault(
        "filler",
        "section",
        "## What This Means for You\n\nBills may rise.\n",
        "What This Means for You",
    ),
    Fault("filler", "section", "## FAQs\n\nSee the council website.\n", "FAQs"),
    Fault(
        "filler",
        "section",
        "## Key Points to Remember\n\nThe plan costs money.\n",
        "Key Points to Remember",
    ),
    Fault(
        "filler",
        "section",
        "## What is the new policy?\n\nA levy.\n\n## Who pays it?\n\nDrivers.\n\n"
        "## When does it start?\n\nIn June.\n",
        "What is the new policy?",
    ),
    # generic bylines
    Fault("structure", "byline", "By Staff Reporter", "By Staff Reporter"),
    Fault("structure", "byline", "By Web Desk", "By Web Desk"),
    Fault("structure", "byline", "By Newsroom", "By Newsroom"),
    Fault("structure", "byline", "By Editorial Staff", "By Editorial Staff"),
    Fault("structure", "byline", "By The Editors", "By The Editors"),
    Fault("structure", "byline", "By Correspondent", "By Correspondent"),
    Fault("structure", "byline", "By Site Administrator", "By Site Administrator"),
    Fault("structure", "byline", "By Content Team", "By Content Team"),
    Fault("structure", "byline", "By Guest Author", "By Guest Author"),
    Fault("structure", "byline", "By Digital Desk", "By Digital Desk"),
    Fault("structure", "byline", "By Our Reporter", "By Our Reporter"),
    Fault("structure", "byline", "By Senior Editor", "By Senior Editor"),
)


def inject(title: str, body: str, fault: Fault) -> tuple[str, str]:
    """The broken article as (source, format)."""
    paras = [p for p in body.split("\n\n") if p.strip()]
    middle = max(1, len(paras) // 2)
    if fault.where == "head":
        paras.insert(0, fault.text)
    elif fault.where == "line":
        paras.insert(middle, fault.text)
    elif fault.where == "tail":
        paras.append(fault.text)
    elif fault.where == "prefix":
        rest = paras[middle]
        if len(rest) > 1 and rest[1].islower():
            rest = rest[0].lower() + rest[1:]
        paras[middle] = f"{fault.text} {rest}"
    elif fault.where == "byline":
        return f"{title}\n\n{fault.text}\n\n" + "\n\n".join(paras) + "\n", "text"
    elif fault.where == "section":
        return f"# {title}\n\n" + "\n\n".join(paras) + "\n\n" + fault.text, "markdown"
    else:
        raise ValueError(fault.where)
    return article_text({"title": title, "body": "\n\n".join(paras)}), "text"


def make_rules(language: str):
    from newslint.config import CliOverrides, ConfigResolver
    from newslint.engine import RuleSet, build_providers

    with tempfile.TemporaryDirectory() as tmp:  # no config discovery above it
        config = ConfigResolver(None, CliOverrides(select=FAMILIES, language=language)).for_path(
            Path(tmp) / "x.txt"
        )
        return RuleSet(config, build_providers(config))


def lint(rules, source: str, fmt: str):
    from newslint.engine import lint_source

    suffix = {"text": ".txt", "markdown": ".md"}[fmt]
    return lint_source(Path("article" + suffix), "article" + suffix, source, rules, fmt)


def precision(records: list[dict], rules, top: int) -> None:
    words = 0
    per_rule: Counter[str] = Counter()
    per_severity: Counter[str] = Counter()
    flagged: Counter[tuple[str, str]] = Counter()
    began = time.perf_counter()
    for r in records:
        source = article_text(r)
        words += len(source.split())
        for d in lint(rules, source, "text").diagnostics:
            per_rule[d.rule] += 1
            per_severity[str(d.severity)] += 1
            flagged[(d.rule, d.text[:70])] += 1
    seconds = time.perf_counter() - began
    total = sum(per_rule.values())
    warned = per_severity["warning"] + per_severity["error"]
    print(f"PRECISION  articles: {len(records)}  words: {words:,}")
    print(
        f"  findings: {total} ({1000 * total / words:.3f} per 1,000 words); "
        f"warning or error: {warned} ({1000 * warned / words:.3f} per 1,000 words); "
        f"by severity: {dict(per_severity)}"
    )
    for rule_id, count in sorted(per_rule.items()):
        print(f"  {rule_id}: {count} ({1000 * count / words:.4f} per 1,000 words)")
    print(f"  time: {seconds:.2f} s ({1000 * seconds / words * 1000:.2f} ms per 1,000 words)")
    print(f"  top {top} flagged texts:")
    for (rule_id, text), count in flagged.most_common(top):
        print(f"    {count:4}  {text!r}  ({rule_id})")


def recall(records: list[dict], rules, per_fault: int, show_misses: bool) -> None:
    found = 0
    total = 0
    by_family: Counter[str] = Counter()
    by_family_found: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for i, fault in enumerate(INJECTIONS):
        for j in range(per_fault):
            r = records[(i * 7 + j * 13) % len(records)]
            source, fmt = inject(r["title"], r["body"], fault)
            diags = lint(rules, source, fmt).diagnostics
            hit = any(
                d.rule.split(".")[0] == fault.family and d.text == fault.expect for d in diags
            )
            total += 1
            by_family[fault.family] += 1
            if hit:
                found += 1
                by_family_found[fault.family] += 1
            else:
                missed[fault.expect] += 1
    print(f"RECALL  faults: {len(INJECTIONS)} x {per_fault} articles = {total}")
    print(f"  found at the exact span: {found} ({100 * found / total:.1f}%)")
    for family in sorted(by_family):
        n, k = by_family[family], by_family_found[family]
        print(f"  {family}: {k}/{n} ({100 * k / n:.1f}%)")
    if show_misses or missed:
        print(f"  missed faults ({len(missed)}):")
        for text, count in missed.most_common():
            print(f"    {count:3}  {text!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_BBC)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--per-fault", type=int, default=10, help="articles per planted fault")
    parser.add_argument("--top", type=int, default=20, help="how many flagged texts to list")
    parser.add_argument("--misses", action="store_true", help="list missed faults")
    args = parser.parse_args(argv)

    if corpus_missing(args.corpus):
        return 0
    records = read_bbc(args.corpus, args.limit)
    rules = make_rules("en-GB")
    precision(records, rules, args.top)
    recall(records, rules, args.per_fault, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
