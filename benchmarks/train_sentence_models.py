"""Fit the learned sentence scorers on DEV stories and measure them by cross-validation.

Logistic models (newslint/analysis/learned.py), fitted in order:

1. the machine *register* model: every sentence of every DEV machine-written
   story (aigen_news, fair_framed, llmfake, agnews_gpt35) against every sentence of DEV edited copy
   (BBC, iu_human), on word classes only. No hand labels needed, so it learns
   from thousands of sentences how machine copy sounds.
2. the task's model. Sentences of DEV machine stories fully labelled for the
   task's class (benchmarks/data/real_copy/labels.jsonl) are positive when
   they overlap a span of it, negative otherwise; every sentence of DEV
   edited copy is negative.
   - ``padding`` (filler.generic-padding): newslint.analysis.sentence_features
     plus the register model's held-out score;
   - ``vague`` (attribution.vague): newslint.analysis.vague_features, which
     adds what the sourcing parser found.
   Features come from the same functions the rules apply.

Five-fold cross-validation grouped by story (no story is both fitted and
scored) estimates what the rule does on stories it never saw: span recall and
flag precision on machine copy, false alarms per 1,000 words on BBC and
iu_human, for the hand-written check alone and for the rule (hand or model).

    pip install scikit-learn   # training only; the rules need no extra package
    python benchmarks/train_sentence_models.py padding          # cross-validate, print
    python benchmarks/train_sentence_models.py vague --write    # and write the models

The TEST split is never read here; benchmarks/real_copy.py reports it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from real_copy_corpus import HELD_OUT, REPO_ROOT, documents, missing, read_labels, split

sys.path.insert(0, str(REPO_ROOT))

from newslint.analysis.learned import (
    PADDING_MODEL,
    REGISTER_MODEL,
    VAGUE_MODEL,
    LogisticModel,
)
from newslint.analysis.sentence_features import add_register_context, lexical, sentence_features
from newslint.analysis.vague_features import vague_sentence_features
from newslint.checks.attribution import structural_warnings, vague_found
from newslint.checks.padding import DEFAULT_THRESHOLD, hand_flagged, sourced_sentences
from newslint.document import Document
from newslint.sources import load_document

MACHINE_SOURCES = ("aigen_news", "fair_framed", "llmfake", "agnews_gpt35")
CLEAN_SOURCES = ("bbc", "iu_human")
# A word or word pair must occur in this many training stories to be kept: one
# seen in a story or two would only memorise them.
MIN_STORIES = 4
FOLDS = 5
# The rule's false alarms on edited copy may grow by at most this much
# (per 1,000 words, BBC) when the threshold is chosen.
BBC_BUDGET = 0.05
# ... and the flags only the model raises must be right at least this often.
ADDED = 0.5
NEVER = 1.01  # a threshold no probability reaches: the model adds no flags

# A task's sentences: (start, end, features, flagged by the hand-written check;
# None where the rule yields the sentence to another rule and never flags it).
Rows = list[tuple[int, int, dict[str, float], bool | None]]


def padding_rows(doc: Document) -> Rows:
    scored = sentence_features(doc, register=False)
    verdicts = hand_flagged(
        [(int(s.features["hand_score"]), s.info.last_paragraph) for s in scored],
        DEFAULT_THRESHOLD,
    )
    # A sentence opening on an unnamed source is sourcing: attribution.vague's.
    sourced = sourced_sentences(doc, [s.info.span for s in scored])
    return [
        (*s.info.span, s.features, None if y else v)
        for s, v, y in zip(scored, verdicts, sourced, strict=True)
    ]


def vague_rows(doc: Document) -> Rows:
    """A sentence counts as flagged when the rule may warn there by structure
    (``structural_warnings``), so the warning bar is chosen on what the rule does."""
    found = vague_found(doc)
    warnable = [p.span for p, w in zip(found, structural_warnings(doc, found), strict=True) if w]
    return [
        (
            *s.info.span,
            s.features,
            any(s.info.span.start <= w.start < s.info.span.end for w in warnable),
        )
        for s, _ in vague_sentence_features(doc, register=False)
    ]


@dataclass(frozen=True)
class Task:
    label_class: str
    rows: Callable[[Document], Rows]
    path: Path
    # "adds": the model flags sentences beside the hand-written check (its
    # threshold is a flagging probability); "grades": it only sets the
    # severity of the check's own flags (its threshold is the warning bar).
    role: str


TASKS = {
    "padding": Task("machine-padding", padding_rows, PADDING_MODEL, "adds"),
    "vague": Task("vague-attribution", vague_rows, VAGUE_MODEL, "grades"),
}
# A graded check keeps at least this share of its right flags at full severity.
KEEP_RIGHT = 0.9


@dataclass
class Sentence:
    story: str  # "source:id", the cross-validation group
    start: int
    end: int
    features: dict[str, float]
    hand: bool
    label: int  # 1 in a labelled span, 0 not, -1 story not labelled (register only)
    yielded: bool = False  # the rule leaves it to another rule: never flagged


@dataclass
class Story:
    key: str
    source: str
    words: int
    labelled: bool  # fully labelled for the class, or edited copy (all negative)
    spans: list[tuple[int, int]] = field(default_factory=list)


def load_dev(task: Task) -> tuple[list[Sentence], dict[str, Story]]:
    """Every DEV story of the four sources, its sentences and their features."""
    labels = {
        (r["source"], r["id"]): r
        for r in read_labels()
        if r["split"] == "dev" and task.label_class in r.get("clean_for", [])
    }
    sentences: list[Sentence] = []
    stories: dict[str, Story] = {}
    for source in (*MACHINE_SOURCES, *CLEAN_SOURCES):
        for doc_id, real in documents(source).items():
            if split(source, doc_id) != "dev" or f"{source}:{doc_id}" in HELD_OUT:
                continue
            record = labels.get((source, doc_id))
            spans = [
                (s["start"], s["end"])
                for s in (record or {}).get("spans", [])
                if s["class"] == task.label_class
            ]
            labelled = record is not None or source in CLEAN_SOURCES
            doc = load_document(real.filename, real.text)
            key = f"{source}:{doc_id}"
            stories[key] = Story(key, source, doc.word_count, labelled, spans)
            for start, end, features, hand in task.rows(doc):
                inside = any(start < e and s < end for s, e in spans)
                label = int(inside) if labelled else -1
                sentences.append(
                    Sentence(key, start, end, features, bool(hand), label, hand is None)
                )
    return sentences, stories


def frequent_features(
    rows: list[dict[str, float]], groups: list[str], min_stories: int = MIN_STORIES
) -> set[str]:
    """Dense features always; a word or pair only when enough stories use it."""
    stories_of: dict[str, set[str]] = defaultdict(set)
    for row, group in zip(rows, groups, strict=True):
        for name in row:
            stories_of[name].add(group)
    return {
        name
        for name, used in stories_of.items()
        if not name.startswith(("w:", "b:", "first:")) or len(used) >= min_stories
    }


class Learner:
    """scikit-learn's logistic regression over named features."""

    def __init__(self, c: float) -> None:
        from sklearn.feature_extraction import DictVectorizer

        self.c = c
        self.vectorizer = DictVectorizer()

    def out_of_fold(self, rows: list[dict], labels: list[int], groups: list[str]) -> list[float]:
        from sklearn.model_selection import GroupKFold

        matrix = self.vectorizer.fit_transform(rows)
        scores = [0.0] * len(rows)
        for train, held in GroupKFold(n_splits=FOLDS).split(matrix, labels, groups):
            model = self._fit(matrix[train], [labels[i] for i in train])
            for i, p in zip(held, model.predict_proba(matrix[held])[:, 1], strict=True):
                scores[i] = float(p)
        return scores

    def fit(
        self, rows: list[dict], labels: list[int], threshold: float, note: str
    ) -> LogisticModel:
        matrix = self.vectorizer.fit_transform(rows)
        model = self._fit(matrix, labels)
        names = self.vectorizer.feature_names_
        weights = {
            name: round(float(w), 5)
            for name, w in zip(names, model.coef_[0], strict=True)
            if abs(w) >= 1e-4
        }
        return LogisticModel(round(float(model.intercept_[0]), 5), weights, threshold, note)

    def _fit(self, matrix, labels):
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=self.c, class_weight="balanced", max_iter=5000)
        return model.fit(matrix, labels)


def evaluate(
    sentences: list[Sentence], flagged: list[bool], stories: dict[str, Story]
) -> dict[str, float]:
    """Span recall and flag precision on machine copy; flags per 1,000 words on clean copy."""
    found: set[tuple[str, int, int]] = set()
    flags = right = 0
    clean_flags: Counter[str] = Counter()
    for s, flag in zip(sentences, flagged, strict=True):
        if not flag:
            continue
        story = stories[s.story]
        if story.source in CLEAN_SOURCES:
            clean_flags[story.source] += 1
            continue
        flags += 1
        hit = [(a, b) for a, b in story.spans if s.start < b and a < s.end]
        right += bool(hit)
        found.update((s.story, a, b) for a, b in hit)
    total = sum(len(st.spans) for st in stories.values())
    out = {"recall": len(found) / max(total, 1), "precision": right / max(flags, 1)}
    for source in CLEAN_SOURCES:
        words = sum(st.words for st in stories.values() if st.source == source)
        out[f"{source}_per_1k"] = 1000 * clean_flags[source] / max(words, 1)
    return out


def choose_adding(
    train: list[Sentence],
    hand: list[bool],
    scores: list[float],
    stories: dict[str, Story],
    precision: float,
    hand_result: dict[str, float],
) -> float:
    """The lowest probability at which the model may flag beside the hand check."""
    chosen = None
    for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99):
        flags = [
            (h or p >= threshold) and not s.yielded
            for s, h, p in zip(train, hand, scores, strict=True)
        ]
        result = evaluate(train, flags, stories)
        # The flags only the model raises must earn their place on their own.
        added = [
            p >= threshold and not h and not s.yielded
            for s, h, p in zip(train, hand, scores, strict=True)
        ]
        result["added_precision"] = evaluate(train, added, stories)["precision"]
        show(f"hand or model >= {threshold:.2f}", result)
        within = result["bbc_per_1k"] <= hand_result["bbc_per_1k"] + BBC_BUDGET
        good = result["precision"] >= precision and result["added_precision"] >= ADDED
        if chosen is None and good and within:
            chosen = threshold
    chosen = chosen or NEVER
    print(
        f"flagging threshold (precision >= {precision}, model-only flags >= {ADDED}, "
        f"BBC within +{BBC_BUDGET}): {chosen}"
    )
    return chosen


def choose_grading(
    train: list[Sentence], hand: list[bool], scores: list[float], stories: dict[str, Story]
) -> float:
    """The highest warning bar that keeps KEEP_RIGHT of the hand check's right flags."""
    flagged = [(s, p) for s, h, p in zip(train, hand, scores, strict=True) if h]
    right = [p for s, p in flagged if s.label == 1]
    clean_words = sum(st.words for st in stories.values() if st.source == "bbc") / 1000
    bbc = [p for s, p in flagged if stories[s.story].source == "bbc"]
    print(f"\nthe hand check's {len(right)} right flags and {len(bbc)} BBC flags, graded:")
    chosen = 0.0
    for bar in (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        kept = sum(p >= bar for p in right) / max(len(right), 1)
        per_1k = sum(p >= bar for p in bbc) / max(clean_words, 1e-9)
        print(f"  warning at p >= {bar:.2f}: right flags kept {kept:.3f}, BBC {per_1k:.3f} per 1k")
        if kept >= KEEP_RIGHT:
            chosen = bar
    print(f"warning bar (keeps >= {KEEP_RIGHT} of right flags): {chosen}")
    return chosen


def show(name: str, result: dict[str, float]) -> None:
    print(f"  {name:<22}" + "  ".join(f"{k} {v:.3f}" for k, v in result.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=sorted(TASKS), help="which rule's model")
    parser.add_argument("--write", action="store_true", help="write the fitted models")
    parser.add_argument(
        "--keep-register",
        action="store_true",
        help="with --write, leave the shipped register model as it is (the other rules read it)",
    )
    parser.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    parser.add_argument(
        "--min-stories",
        type=int,
        default=MIN_STORIES,
        help="stories a word class must occur in to be a feature of the task's model",
    )
    parser.add_argument(
        "--precision", type=float, default=0.80, help="CV precision the threshold must keep"
    )
    args = parser.parse_args()
    for source in (*MACHINE_SOURCES, *CLEAN_SOURCES):
        if reason := missing(source):
            print(reason)
            return 0
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("scikit-learn is needed to train: pip install scikit-learn")
        return 1

    task = TASKS[args.task]
    sentences, stories = load_dev(task)
    groups = [s.story for s in sentences]
    machine = {k for k, st in stories.items() if st.source in MACHINE_SOURCES}

    # 1. Register: machine stories against edited copy, word classes only.
    register_rows = [lexical(s.features) for s in sentences]
    kept = frequent_features(register_rows, groups)
    register_rows = [{k: v for k, v in row.items() if k in kept} for row in register_rows]
    register_labels = [int(s.story in machine) for s in sentences]
    register = Learner(args.c)
    held_out = register.out_of_fold(register_rows, register_labels, groups)
    by_story: dict[str, list[dict[str, float]]] = defaultdict(list)
    for s, score in zip(sentences, held_out, strict=True):
        s.features["register"] = score
        by_story[s.story].append(s.features)
    for story_features in by_story.values():
        add_register_context(story_features)
    print(
        f"DEV: {len(stories)} stories, {len(sentences)} sentences; register model on "
        f"{sum(register_labels)} machine-story sentences"
    )

    # 2. The task's model: labelled sentences only.
    train = [s for s in sentences if s.label >= 0]
    train_stories = {k: st for k, st in stories.items() if st.labelled}
    spans = sum(len(st.spans) for st in train_stories.values())
    print(
        f"{args.task} model on {len(train)} sentences of {len(train_stories)} stories, "
        f"{sum(s.label for s in train)} positive ({spans} {task.label_class} spans)"
    )
    rows = [s.features for s in train]
    train_groups = [s.story for s in train]
    kept = frequent_features(rows, train_groups, args.min_stories)
    rows = [{k: v for k, v in row.items() if k in kept} for row in rows]
    labels = [s.label for s in train]
    learner = Learner(args.c)
    scores = learner.out_of_fold(rows, labels, train_groups)

    hand = [s.hand for s in train]
    hand_result = evaluate(train, hand, train_stories)
    print("\ncross-validated on DEV (held-out stories):")
    show("hand-written alone", hand_result)
    chosen = choose_adding(train, hand, scores, train_stories, args.precision, hand_result)
    if task.role == "grades":
        chosen = choose_grading(train, hand, scores, train_stories)

    if args.write:
        note = f"{len(stories)} DEV stories, {len(sentences)} sentences"
        if not args.keep_register:
            register.fit(register_rows, register_labels, 0.5, note).save(REGISTER_MODEL)
        note = (
            f"{len(train_stories)} DEV stories, {len(train)} sentences, "
            f"{spans} {task.label_class} spans; C={args.c}"
        )
        model = learner.fit(rows, labels, chosen, note)
        model.save(task.path)
        kept = "kept" if args.keep_register else "wrote"
        weights = len(model.weights)
        print(f"{kept} {REGISTER_MODEL.name}, wrote {task.path.name} ({weights} weights)")
        top = sorted(model.weights.items(), key=lambda kv: kv[1])
        print("most negative:", ", ".join(f"{k} {v:.2f}" for k, v in top[:12]))
        print("most positive:", ", ".join(f"{k} {v:.2f}" for k, v in top[-20:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
