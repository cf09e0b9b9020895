"""How far attribution.vague's recall survives a change of wording (DEV labels only).

Each DEV vague-attribution label whose span ends in a reporting verb ("Experts
believe", "Sources close to the couple have revealed") is rewritten in place,
inside its own story, with the same source and a different verb group: past
("believed"), perfect ("have believed"), progressive ("are believing"), an
adverb ("now believe", "have long believed"), "continue to believe", a modal
("would believe") and an aside after the subject ("Experts, however, believe").
Every variant is linted in a story of its own; a variant counts as found when a
finding overlaps it.

Spans that open with a bare plural source ("Critics argue") are also given
another subject: a quantifier ("Many critics argue"), a modifier ("Several
leading critics"), an attachment ("Critics in the field") and an insider's
attachment ("Critics familiar with the matter").

The originals are found about nine times in ten; the variants show where the
parser depends on the exact shape it was tuned on rather than on the structure
(source noun phrase, then a verb group). Nothing here is written to the
repository: variants go to a temporary directory.

    NEWSLINT_CORPORA=/work/shared/corpora python benchmarks/vague_variants.py
    python benchmarks/vague_variants.py --sources aigen_news,fair_framed --show 40
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from real_copy_corpus import REPO_ROOT, documents, read_labels, split

CLASS = "vague-attribution"
# base: (third person singular, past, past participle, -ing)
_VERBS = """
say says said said saying
argue argues argued argued arguing
believe believes believed believed believing
suggest suggests suggested suggested suggesting
claim claims claimed claimed claiming
warn warns warned warned warning
note notes noted noted noting
insist insists insisted insisted insisting
maintain maintains maintained maintained maintaining
contend contends contended contended contending
fear fears feared feared fearing
predict predicts predicted predicted predicting
estimate estimates estimated estimated estimating
report reports reported reported reporting
speculate speculates speculated speculated speculating
allege alleges alleged alleged alleging
worry worries worried worried worrying
indicate indicates indicated indicated indicating
emphasize emphasizes emphasized emphasized emphasizing
highlight highlights highlighted highlighted highlighting
question questions questioned questioned questioning
praise praises praised praised praising
criticize criticizes criticized criticized criticizing
expect expects expected expected expecting
agree agrees agreed agreed agreeing
point points pointed pointed pointing
assert asserts asserted asserted asserting
stress stresses stressed stressed stressing
caution cautions cautioned cautioned cautioning
hope hopes hoped hoped hoping
advocate advocates advocated advocated advocating
call calls called called calling
express expresses expressed expressed expressing
reveal reveals revealed revealed revealing
"""
FORMS: dict[str, tuple[str, str, str, str]] = {}
_FORM_OF: dict[str, tuple[str, str]] = {}  # word -> (base, kind)
for _line in _VERBS.strip().splitlines():
    _base, _s3, _past, _pp, _ing = _line.split()
    FORMS[_base] = (_s3, _past, _pp, _ing)
    for _word, _kind in ((_base, "base"), (_s3, "3sg"), (_past, "past"), (_ing, "ing")):
        _FORM_OF.setdefault(_word, (_base, _kind))
    _FORM_OF.setdefault(_pp, (_base, "participle"))
# Words that belong to the verb group before the verb ("have long argued").
_GROUP_WORDS = frozenset(
    {"have", "has", "had", "are", "is", "were", "was", "been", "also", "now", "long"}
    | {"often", "will", "would", "continue", "to", "even"}
)
# Spans that are no subject and verb ("According to reports", "There have been
# reports of"), and nouns that look like verbs after these words ("numerous calls").
_NOT_A_SUBJECT = frozenset(
    ("there", "it", "according", "with", "has", "is", "are", "was", "have", "been")
)
_NOUN_BEFORE = frozenset(("numerous", "countless", "many", "of", "the", "been", "be", "being"))


@dataclass(frozen=True)
class Variant:
    source: str
    doc_id: str
    kind: str
    original: str
    text: str
    start: int  # where the variant stands in its story
    end: int


def variants(span: str) -> list[tuple[str, str]]:
    """(kind, rewritten span) for a span of subject words then a verb group."""
    words = span.split(" ")
    verb = next(
        (
            i
            for i in range(len(words) - 1, 0, -1)
            if words[i] == words[i].lower() and words[i].strip(",") in _FORM_OF
        ),
        -1,
    )
    if verb < 0 or words[0].lower() in _NOT_A_SUBJECT:
        return []
    if words[verb - 1].lower() in _NOUN_BEFORE:
        return []
    base, kind = _FORM_OF[words[verb].strip(",")]
    if kind == "3sg":
        return []  # "reports" or "calls" are as often nouns
    group = verb
    while group > 1 and words[group - 1].lower() in _GROUP_WORDS:
        group -= 1
    subject, rest = " ".join(words[:group]), " ".join(words[verb + 1 :])
    s3, past, participle, ing = FORMS[base]
    one = group < verb and words[group].lower() in ("has", "is", "was")
    groups = {
        "past": past,
        "perfect": ("has " if one else "have ") + participle,
        "progressive": ("is " if one else "are ") + ing,
        "adverb": "now " + (s3 if one else base),
        "long": ("has long " if one else "have long ") + participle,
        "continue": ("continues to " if one else "continue to ") + base,
        "modal": "would " + base,
    }
    tail = f" {rest}" if rest else ""
    out = [(name, f"{subject} {verb_group}{tail}") for name, verb_group in groups.items()]
    if not subject.endswith(","):
        out.append(("aside", f"{subject}, however, {' '.join(words[group : verb + 1])}{tail}"))
    return [(name, text) for name, text in out if text != span]


# A bare plural source at the start of a span ("Critics argue"): words that are
# sources only in other shapes are left out.
_NOT_PLURAL_SOURCES = frozenset(("reports", "others", "sources", "rumors", "rumours"))


def subject_variants(span: str) -> list[tuple[str, str]]:
    """(kind, rewritten span) for a span that opens with a bare plural source and
    its verb ("Critics argue"): a quantifier, a modifier, an attachment and an
    insider's attachment before the same verb group."""
    words = span.split(" ")
    if len(words) < 2 or not words[0][:1].isupper() or not words[0].endswith("s"):
        return []
    noun, rest = words[0], " ".join(words[1:])
    after = words[1].lower()
    if noun.lower() in _NOT_PLURAL_SOURCES or not (after in _FORM_OF or after in _GROUP_WORDS):
        return []
    low = noun.lower()
    subjects = {
        "quantifier": f"Many {low}",
        "modifier": f"Several leading {low}",
        "attachment": f"{noun} in the field",
        "insider": f"{noun} familiar with the matter",
    }
    return [(kind, f"{subject} {rest}") for kind, subject in subjects.items()]


def build(sources: set[str] | None, out: Path) -> dict[str, Variant]:
    made: dict[str, Variant] = {}
    texts: dict[str, dict] = {}
    for record in read_labels():
        source, doc_id = record["source"], record["id"]
        if split(source, doc_id) != "dev" or (sources and source not in sources):
            continue
        if source not in texts:
            texts[source] = documents(source)
        doc = texts[source].get(doc_id)
        if doc is None:
            continue
        for label in record["spans"]:
            if label["class"] != CLASS:
                continue
            original = doc.text[label["start"] : label["end"]]
            for kind, text in variants(original) + subject_variants(original):
                name = f"v{len(made):05d}.txt"
                story = doc.text[: label["start"]] + text + doc.text[label["end"] :]
                (out / name).write_text(story, encoding="utf-8")
                end = label["start"] + len(text)
                made[name] = Variant(source, doc_id, kind, original, text, label["start"], end)
    return made


def lint(directory: Path) -> dict[str, list[tuple[int, int]]]:
    command = [sys.executable, "-m", "newslint", "check", "--format", "json", "--no-progress"]
    command += ["--no-cache", "--ignore", "grammar", "--select", "attribution.vague"]
    env = {**os.environ, "NEWSLINT_DAEMON": "off"}
    print("$", " ".join(command[1:]), "<variants>", flush=True)
    run = subprocess.run(
        [*command, str(directory)], capture_output=True, text=True, cwd=REPO_ROOT, env=env
    )
    if run.returncode not in (0, 1):
        sys.exit(f"vague_variants: newslint failed: {run.stderr[-500:]}")
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for entry in json.loads(run.stdout)["files"]:
        for diagnostic in entry["diagnostics"]:
            where = diagnostic["range"]
            found[Path(entry["path"]).name].append(
                (where["start"]["offset"], where["end"]["offset"])
            )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", help="comma-separated sources (default: all labelled)")
    parser.add_argument("--show", type=int, default=0, help="list this many missed variants")
    args = parser.parse_args(argv)
    sources = set(args.sources.split(",")) if args.sources else None
    with tempfile.TemporaryDirectory(prefix="newslint-vague-variants-") as tmp:
        made = build(sources, Path(tmp))
        if not made:
            print("vague_variants: no labelled DEV stories found (set NEWSLINT_CORPORA); skipped")
            return 0
        found = lint(Path(tmp))
    total: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    missed = []
    for name, variant in made.items():
        # The finding may start at a quantifier or end before an aside's verb.
        hit = any(a < variant.end + 5 and b > variant.start - 60 for a, b in found.get(name, []))
        total[variant.kind] += 1
        hits[variant.kind] += hit
        if not hit:
            missed.append(variant)
    print(f"{len(made)} variants of DEV labels ({', '.join(sorted(sources or ['all']))})")
    for kind in total:
        share = 100 * hits[kind] / total[kind]
        print(f"  {kind:12} {hits[kind]:4} of {total[kind]:4}  {share:5.1f}%")
    share = 100 * sum(hits.values()) / len(made)
    print(f"  {'all':12} {sum(hits.values()):4} of {len(made):4}  {share:5.1f}%")
    for variant in missed[: args.show]:
        print(f"  missed {variant.kind:11} {variant.original!r} -> {variant.text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
