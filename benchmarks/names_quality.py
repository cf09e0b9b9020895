"""Quality and cost of the names.* rules on real copy.

    python benchmarks/names_quality.py [--split dev|test|all] [--limit N] [--speed-sample N]

Articles are taken from one split (default: dev; the project's fixed rule:
a BBC record is TEST iff sha1("bbc:<id>") % 5 < 2). Tune on dev only.

1. False positives: every names.* finding on clean BBC articles
   (../shared/corpora/news/bbc/bbc_news.jsonl), per 1,000 words, with the
   most frequent messages.
2. Recall: in memory, one occurrence of a surname that the article uses at
   least twice is misspelled (substitution, deletion, transposition,
   doubling); a hit is a names.* finding at exactly the broken word.
   Then the same with a capitalised common word (a country, weekday,
   institution: "Germany" -> "Germnay") misspelled once.
3. Cost: the default rule set (without grammar) with and without names.*,
   per 1,000 words.

Nothing is written; exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from corpus import DEFAULT_BBC, REPO_ROOT, article_text, corpus_missing, read_bbc

sys.path.insert(0, str(REPO_ROOT))

from newslint.config import CliOverrides, ConfigResolver
from newslint.engine import RuleSet, build_providers, lint_source
from newslint.names.extract import analyse
from newslint.sources import load_document

KEYBOARD = "qwertyuiop asdfghjkl zxcvbnm"


def split_of(record: dict, source: str = "bbc") -> str:
    """The project's fixed dev/test split (see the module docstring)."""
    digest = hashlib.sha1(f"{source}:{record['id']}".encode()).hexdigest()
    return "test" if int(digest, 16) % 5 < 2 else "dev"


def rule_set(tmp: Path, select: tuple[str, ...] | None, ignore: tuple[str, ...] = ()) -> RuleSet:
    config = ConfigResolver(None, CliOverrides(select=select, ignore=ignore, language="en-GB"))
    return RuleSet(config.for_path(tmp / "a.txt"), build_providers(config.for_path(tmp / "a.txt")))


def lint(text: str, rules: RuleSet, tmp: Path):
    return lint_source(tmp / "a.txt", "a.txt", text, rules)


def false_positives(texts: list[str], rules: RuleSet, tmp: Path) -> None:
    words = 0
    by_rule: Counter[str] = Counter()
    by_severity: Counter[str] = Counter()
    examples: Counter[str] = Counter()
    for text in texts:
        words += len(text.split())
        for d in lint(text, rules, tmp).diagnostics:
            by_rule[d.rule] += 1
            by_severity[str(d.severity)] += 1
            if str(d.severity) == "warning":
                examples[f"{d.rule}: {d.message}"] += 1
    print(f"== clean copy: {len(texts)} articles, {words:,} words")
    for severity in ("warning", "info"):
        n = by_severity[severity]
        print(f"  {severity}: {n} ({n * 1000 / words:.3f} per 1,000 words)")
    for rule_id, n in by_rule.most_common():
        print(f"  {rule_id}: {n}")
    print("  top warnings:")
    for message, n in examples.most_common(15):
        print(f"    {n:3d}  {message}")


def mutate(word: str, rng: random.Random) -> str:
    """A realistic slip that keeps the first letter."""
    for _ in range(20):
        i = rng.randrange(1, len(word))
        kind = rng.choice(("sub", "del", "swap", "double"))
        if kind == "sub":
            row = next((r for r in KEYBOARD.split() if word[i].lower() in r), "aeiou")
            j = row.find(word[i].lower())
            near = [row[k] for k in (j - 1, j + 1) if 0 <= k < len(row)] or list("aeiou")
            new = word[:i] + rng.choice(near) + word[i + 1 :]
        elif kind == "del":
            new = word[:i] + word[i + 1 :]
        elif kind == "swap" and i < len(word) - 1:
            new = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        else:
            new = word[:i] + word[i] + word[i:]
        if new != word and new.lower() != word.lower():
            return new
    return word + "e"


def recall(texts: list[str], rules: RuleSet, tmp: Path, seed: int = 7) -> None:
    rng = random.Random(seed)
    tried = found = 0
    by_rule: Counter[str] = Counter()
    by_uses: Counter[tuple[str, bool]] = Counter()
    misses: list[str] = []
    for text in texts:
        doc = load_document("a.txt", text)
        forms = [
            f
            for f in analyse(doc).forms.values()
            if f.established and len(f.body) >= 2 and len(f.key) >= 4
        ]
        if not forms:
            continue
        form = rng.choice(sorted(forms, key=lambda f: f.key))
        token, _ = rng.choice(form.body)
        wrong = mutate(token.text, rng)
        broken = text[: token.start] + wrong + text[token.end :]
        # Plain text: prose offsets are source offsets.
        tried += 1
        hits = [
            d
            for d in lint(broken, rules, tmp).diagnostics
            if d.range and d.range.start.offset == token.start and d.text == wrong
        ]
        bucket = "2 uses" if len(form.body) == 2 else "3+ uses"
        by_uses[bucket, bool(hits)] += 1
        if hits:
            found += 1
            by_rule[hits[0].rule] += 1
        elif len(misses) < 15:
            misses.append(f"{form.text} -> {wrong} ({len(form.body)} uses)")
    print(f"== broken copy: {tried} articles with one misspelled surname occurrence")
    print(f"  found at the exact span: {found} ({100 * found / max(tried, 1):.1f}%)")
    for rule_id, n in by_rule.most_common():
        print(f"  {rule_id}: {n}")
    for bucket in ("2 uses", "3+ uses"):
        hit, total = by_uses[bucket, True], by_uses[bucket, True] + by_uses[bucket, False]
        print(f"  surname used {bucket}: {hit}/{total} ({100 * hit / max(total, 1):.1f}%)")
    print("  sample misses: " + "; ".join(misses))


# Capitalised words that are common in English and in news (wordfreq Zipf >= 4).
COMMON_MIN_ZIPF = 4.0
REAL_WORD_ZIPF = 3.0  # a slip that makes a word this common is another kind of error
_CAPITALISED = re.compile(r"(?<![\w'’.-])[A-Z][a-z]{4,}(?![\w'’-])")


def common_word_recall(texts: list[str], rules: RuleSet, tmp: Path, seed: int = 11) -> None:
    """One capitalised common word per article ("Germany", "Parliament",
    "Wednesday", "Hospital") misspelled once; a hit is a names.* finding there."""
    from wordfreq import zipf_frequency

    rng = random.Random(seed)
    tried = found = real_words = found_real = 0
    by_rule: Counter[str] = Counter()
    misses: list[str] = []
    for text in texts:
        body = text.split("\n", 2)[-1]
        offset = len(text) - len(body)
        choices = [
            m
            for m in _CAPITALISED.finditer(body)
            if zipf_frequency(m.group().lower(), "en") >= COMMON_MIN_ZIPF
        ]
        if not choices:
            continue
        match = rng.choice(choices)
        start, word = offset + match.start(), match.group()
        wrong = mutate(word, rng)
        broken = text[:start] + wrong + text[start + len(word) :]
        tried += 1
        real_word = zipf_frequency(wrong.lower(), "en") >= REAL_WORD_ZIPF
        hits = [
            d
            for d in lint(broken, rules, tmp).diagnostics
            if d.range and d.range.start.offset == start and d.text == wrong
        ]
        real_words += real_word
        if hits:
            found += 1
            found_real += real_word
            by_rule[hits[0].rule] += 1
        elif len(misses) < 15:
            misses.append(f"{word} -> {wrong}")
    print(f"== broken copy: {tried} articles with one misspelled capitalised common word")
    print(f"  found at the exact span: {found} ({100 * found / max(tried, 1):.1f}%)")
    rest, hit = tried - real_words, found - found_real
    print(
        f"  leaving out {real_words} slips that make another common word (China -> Chin): "
        f"{hit}/{rest} ({100 * hit / max(rest, 1):.1f}%)"
    )
    for rule_id, n in by_rule.most_common():
        print(f"  {rule_id}: {n}")
    print("  sample misses: " + "; ".join(misses))


def speed(texts: list[str], tmp: Path) -> None:
    words = sum(len(t.split()) for t in texts)
    # Grammar is left out of both: LanguageTool caches per paragraph, so
    # whichever run went second would look faster.
    with_names = rule_set(tmp, None, ignore=("grammar",))
    without = rule_set(tmp, None, ignore=("grammar", "names"))
    for rules in (with_names, without):  # warm up dictionaries and packs
        lint(texts[0], rules, tmp)
    timings: dict[str, float] = {}
    for label, rules in (
        ("default minus names", without),
        ("default", with_names),
        ("default minus names", without),
    ):
        began = time.perf_counter()
        for text in texts:
            lint(text, rules, tmp)
        elapsed = time.perf_counter() - began
        timings[label] = min(elapsed, timings.get(label, elapsed))
    only = rule_set(tmp, ("names",))
    began = time.perf_counter()
    for text in texts:
        lint(text, only, tmp)
    timings["names only"] = time.perf_counter() - began
    print(f"== cost: {len(texts)} articles, {words:,} words")
    for label, seconds in timings.items():
        print(
            f"  {label}: {seconds:.2f} s ({seconds * 1000 * 1000 / words:.2f} ms per 1,000 words)"
        )
    extra = timings["default"] - timings["default minus names"]
    print(f"  names adds {100 * extra / timings['default minus names']:.1f}% to the default run")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_BBC)
    parser.add_argument("--limit", type=int, default=None, help="articles to read")
    parser.add_argument("--speed-sample", type=int, default=300)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    args = parser.parse_args()
    if corpus_missing(args.corpus):
        return 0
    records = [r for r in read_bbc(args.corpus) if args.split in ("all", split_of(r))]
    texts = [article_text(r) for r in records[: args.limit or None]]
    print(f"split: {args.split} ({len(texts)} BBC articles)")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        names = rule_set(tmp, ("names",))
        false_positives(texts, names, tmp)
        recall(texts, names, tmp)
        common_word_recall(texts, names, tmp)
        if not args.skip_speed:
            speed(texts[: args.speed_sample], tmp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
