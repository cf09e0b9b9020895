"""Learned sentence scorers: logistic models over named features.

- the *register* model reads a sentence's word classes and says how much it
  sounds like machine-written news rather than edited copy (fitted on whole
  DEV stories of both kinds, thousands of sentences);
- the *padding* model (filler.generic-padding) weighs that with the
  sentence's structure (``sentence_features``) and says whether it is padding;
- the *vague-sourcing* model (attribution.vague) adds what the sourcing
  parser found in the sentence (``vague_features``) and says whether the
  sentence rests a claim on no one in particular.

The last two are fitted on hand-labelled DEV sentences of real copy.

Weights live in newslint/data/*_model.json, written by
benchmarks/train_sentence_models.py; applying them is a dot product, so the
rule needs no machine-learning package.
"""

from __future__ import annotations

import itertools
import json
import math
import operator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
PADDING_MODEL = DATA / "padding_model.json"
REGISTER_MODEL = DATA / "machine_register_model.json"
VAGUE_MODEL = DATA / "vague_sourcing_model.json"
_ZEROS = itertools.repeat(0.0)


@dataclass(frozen=True)
class LogisticModel:
    intercept: float
    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.5  # probability at or above which a sentence is flagged
    trained_on: str = ""
    name: str = ""  # the weights file's stem, e.g. "padding_model"

    def partial_logit(self, features: dict[str, float]) -> float:
        """These features' share of the logit (no intercept): a model is linear,
        so a part of the features can be summed once and the part dropped."""
        # map() rather than a generator: the same products summed in the same
        # order, without a Python frame per feature (every sentence of a story).
        found = map(self.weights.get, features.keys(), _ZEROS)
        total: float = sum(map(operator.mul, found, features.values()))
        return total

    def probability(self, features: dict[str, float], offset: float = 0.0) -> float:
        """``offset`` is the ``partial_logit`` of features left out of ``features``."""
        z = self.intercept + offset + self.partial_logit(features)
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def save(self, path: Path) -> None:
        data = {
            "trained_on": self.trained_on,
            "threshold": self.threshold,
            "intercept": self.intercept,
            "weights": dict(sorted(self.weights.items())),
        }
        path.write_text(json.dumps(data, indent=0, ensure_ascii=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> LogisticModel:
        """The model in ``path``; parsed JSON is cached on disk (a pickle loads
        in half the time, and every cold start loads three models)."""
        from newslint.metacache import cached_parse

        return cached_parse("model", path, (Path(__file__),), lambda: cls._parse(path))

    @classmethod
    def _parse(cls, path: Path) -> LogisticModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            intercept=float(data["intercept"]),
            weights={str(k): float(v) for k, v in data["weights"].items()},
            threshold=float(data["threshold"]),
            trained_on=str(data.get("trained_on", "")),
            name=path.stem,
        )


@cache
def padding_model() -> LogisticModel:
    return LogisticModel.load(PADDING_MODEL)


@cache
def register_model() -> LogisticModel:
    return LogisticModel.load(REGISTER_MODEL)


@cache
def vague_model() -> LogisticModel:
    return LogisticModel.load(VAGUE_MODEL)
