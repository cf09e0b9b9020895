"""What a sentence is made of, as named features for the learned sentence scorers.

``newslint.analysis.specificity`` measures each body sentence (anchors,
abstract load, position) and scores it by hand-set points. The learned
scorers (``newslint.analysis.learned``: padding, and vague sourcing through
``vague_features``) weigh the same evidence with
weights fitted on labelled real copy (benchmarks/train_sentence_models.py),
plus two kinds of evidence the hand score cannot weigh:

- the story around the sentence: machine-written stories are abstract
  throughout and pad in clusters, edited copy is dense with facts;
- the sentence's words as classes: its function and content words in lower
  case, every name, figure and quotation folded into one token each, so the
  weights learn the register ("ensure", "remains", "crucial") and never a
  particular story's names or numbers.

Both the trainer and the rule call :func:`sentence_features`, so the features
a model was fitted on are the features it is applied to.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from itertools import pairwise

from newslint import regexcache
from newslint.analysis.learned import LogisticModel, padding_model, register_model, vague_model
from newslint.analysis.specificity import SentenceInfo, padding_score, signals, specificity
from newslint.document import Document

_WORD = regexcache.compile(r"[A-Za-z][A-Za-z'’-]*")
_TOKEN = regexcache.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[!?]")


@dataclass(frozen=True)
class Scored:
    info: SentenceInfo
    features: dict[str, float]
    # Per model name, the share of its logit of the features folded away. The
    # memoised sets keep only what the rules read by name and fold the rest
    # (hundreds of word classes, dozens of measures) into these sums, so a long
    # story keeps a few numbers per sentence.
    folded_logits: dict[str, float] = field(default_factory=dict)

    def probability(self, model: LogisticModel) -> float:
        return model.probability(self.features, offset=self.folded_logits.get(model.name, 0.0))


def _content_words(text: str) -> set[str]:
    """Lower-case words of five letters or more, a crude stem each."""
    return {w.lower()[:6] for w in _WORD.findall(text) if len(w) >= 5}


def _token_class(word: str, first: bool = False) -> str:
    if word[0].isdigit():
        return "<num>"
    if word[0].isupper() and not first and not word.isupper():
        return "<name>"
    return word.lower().replace("’", "'")


class _Classes(dict[str, str]):
    """Each word's class after the first word, worked out once per process
    (news repeats its words): looked up by map() in C."""

    def __missing__(self, word: str) -> str:
        if len(self) >= 200_000:  # a long-lived process stays bounded
            self.clear()
        found = self[word] = _token_class(word)
        return found


_CLASSES = _Classes()


def _tokens(text: str) -> list[str]:
    """Word classes: lower-case words; names, figures and marks folded."""
    words = _TOKEN.findall(text)  # strings, no match objects
    if not words:
        return []
    out = [_token_class(words[0], first=True)]
    out.extend(map(_CLASSES.__getitem__, itertools.islice(words, 1, None)))
    return out


LEXICAL = ("w:", "b:", "first:")
# Features the rules read by name, kept when the rest is folded into sums:
# the hand score (filler.generic-padding) and the story's register
# (filler.reader-question).
READ_BY_RULES = ("hand_score", "story_register")


def lexical(f: dict[str, float]) -> dict[str, float]:
    """The word-class part of a feature set: what the register model reads."""
    return {k: v for k, v in f.items() if k.startswith(LEXICAL)}


def sentence_features(doc: Document, *, register: bool = True) -> list[Scored]:
    """Every body sentence outside quotations, with its named features (memoised).

    ``register`` adds the register model's score (the trainer fits that
    model first and adds its held-out scores itself). Callers must not change
    the feature dicts: copy them to add features of their own."""
    if not register:
        return _sentence_features(doc, register=False)
    return doc.analysis("sentence-features", _folded_sentence_features)


def _folded_sentence_features(doc: Document) -> list[Scored]:
    """The sentence features folded into each scoring model's partial logit:
    the rules need the scores and the hand score, never the features."""
    models = (padding_model(), vague_model())
    out = []
    for scored in _sentence_features(doc, fold_words=True):
        kept = {name: scored.features[name] for name in READ_BY_RULES}
        rest = {k: v for k, v in scored.features.items() if k not in kept}
        logits = {m.name: scored.folded_logits[m.name] + m.partial_logit(rest) for m in models}
        out.append(Scored(scored.info, kept, logits))
    return out


def _word_classes(text: str) -> set[str]:
    """The word-class feature names of a sentence (each has the value 1)."""
    tokens = _tokens(text)
    # map() builds the same names as f"w:{token}" and f"b:{a} {b}", in C.
    found = set(map("w:".__add__, tokens))
    found.update(map("b:".__add__, map(" ".join, pairwise(tokens))))
    if tokens:
        found.add(f"first:{tokens[0]}")
    return found


def _sentence_features(
    doc: Document, *, register: bool = True, fold_words: bool = False
) -> list[Scored]:
    """``fold_words``: leave the word classes out of the features and give their
    share of the padding and vague logits in ``folded_logits`` instead."""
    infos = [info for info in specificity(doc) if not doc.in_quotation(info.span)]
    if not infos:
        return []
    hand = [padding_score(doc, info) for info in infos]
    total_words = sum(info.words for info in infos) or 1
    doc_density = sum(info.abstract for info in infos) / total_words
    unanchored = sum(1 for info in infos if not info.anchored) / len(infos)
    paragraphs = max(info.paragraph for info in infos) + 1
    padded = sum(1 for score in hand if score >= 3)
    seen: set[str] = set()
    headline = _content_words(doc.headline_text or "")
    # Not named ``register``: that is the flag above (a shadowing name made
    # ``if register`` always true, so register=False still scored the register).
    register_weights, padding, vague = (
        register_model().weights,
        padding_model().weights,
        vague_model().weights,
    )
    zeros = itertools.repeat(0.0)
    out = []
    for info, score in zip(infos, hand, strict=True):
        text = doc.span_text(info.span)
        content = _content_words(text)
        # A restatement reuses the story's words and adds none of its own.
        novelty = len(content - seen) / len(content) if content else 0.0
        echo = len(content & headline) / len(content) if content else 0.0
        seen |= content
        f: dict[str, float] = {
            "hand_score": float(min(score, 10)),
            "anchored": float(info.anchored),
            "figures": float(info.figures),
            "quoted": float(info.quoted),
            "new_names": float(min(info.new_names, 3)),
            "names": float(min(len(info.names), 4)),
            "log_words": math.log1p(info.words),
            "abstract": float(min(info.abstract, 6)),
            "density": info.density,
            "last_paragraph": float(info.last_paragraph),
            "closes_paragraph": float(info.closes_paragraph),
            "first_sentence": float(info.first_sentence),
            "last_sentence": float(info.last_sentence),
            "after_report": float(info.after_report),
            "position": info.paragraph / max(paragraphs - 1, 1),
            "story_density": doc_density,
            "story_unanchored": unanchored,
            "others_padded": float(min(padded - (score >= 3), 4)),
            "novelty": novelty,
            "headline_echo": echo,
        }
        for name, value in signals(doc, info).items():
            f[f"sig:{name}"] = float(value)
        words = _word_classes(text)
        if fold_words:
            # Summed here, model by model, without building the features.
            in_register = sum(map(register_weights.get, words, zeros))
            in_padding = sum(map(padding.get, words, zeros))
            in_vague = sum(map(vague.get, words, zeros))
            f["register"] = register_model().probability({}, offset=in_register)
            folded = {padding_model().name: in_padding, vague_model().name: in_vague}
            out.append(Scored(info, f, folded))
            continue
        f.update(dict.fromkeys(words, 1.0))
        if register:
            f["register"] = register_model().probability(lexical(f))
        out.append(Scored(info, f))
    if register or fold_words:
        add_register_context([s.features for s in out])
    return out


def add_register_context(story: list[dict[str, float]]) -> None:
    """Each sentence's neighbours' and the whole story's machine register.

    Machine copy sounds machine-made throughout and pads in runs; a lone
    abstract sentence in edited copy sits among plain ones. ``story`` is the
    story's feature sets in order, each with its "register" score."""
    scores = [f["register"] for f in story]
    mean = sum(scores) / len(scores) if scores else 0.0
    for i, f in enumerate(story):
        around = scores[max(i - 1, 0) : i] + scores[i + 1 : i + 2]
        f["story_register"] = mean
        f["neighbour_register"] = sum(around) / len(around) if around else mean
