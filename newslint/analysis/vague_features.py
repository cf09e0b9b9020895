"""Features for the learned vague-sourcing scorer (attribution.vague).

A sentence's general features (``sentence_features``: anchors, position, word
classes, machine register) plus what the sourcing parser
(``newslint.analysis.attribution``) found in it: a generic source and its
shape, whether a name nearby excused it, and how the story sources overall
(named attributions against generic ones). The parser finds the shapes it
knows; the weights, fitted on labelled real copy, judge how much each shape
means in its context and catch claims the parser has no shape for.
"""

from __future__ import annotations

import bisect

from newslint.analysis.attribution import named_attributions, sourcing_phrases
from newslint.analysis.sentence_features import Scored, sentence_features
from newslint.document import Document
from newslint.spans import Span

# Shapes the scorer was fitted before: an unnamed source ("a source close to the
# family said") is a generic source noun like "sources say", weighed the same.
_FEATURE_SHAPE = {"unnamed": "generic", "affiliated": "generic", "repeat": "generic"}


def vague_sentence_features(
    doc: Document, *, register: bool = True
) -> list[tuple[Scored, list[Span]]]:
    """Every body sentence outside quotations, its features and the parser's
    unexcused vague spans (``register`` as in ``sentence_features``; memoised)."""
    if register:
        return doc.analysis("vague-sentence-features", _vague_sentence_features)
    return _vague_sentence_features(doc, register=False)


def _vague_sentence_features(
    doc: Document, *, register: bool = True
) -> list[tuple[Scored, list[Span]]]:
    phrases = sorted(
        (p for p in sourcing_phrases(doc) if p.kind == "vague"), key=lambda p: p.span.start
    )
    starts = [p.span.start for p in phrases]
    named = named_attributions(doc)
    generic = sum(1 for p in phrases if not p.excused)
    out = []
    for scored in sentence_features(doc, register=register):
        span = scored.info.span
        first = bisect.bisect_left(starts, span.start)
        inside = phrases[first : bisect.bisect_left(starts, span.end, lo=first)]
        f = dict(scored.features)
        f["story_named_sources"] = float(min(named, 6))
        f["story_generic_sources"] = float(min(generic, 6))
        f["story_leans_on_generic"] = float(named < generic)
        for phrase in inside:
            f["parser:" + _FEATURE_SHAPE.get(phrase.shape, phrase.shape or "vague")] = 1.0
            f["parser:excused"] = max(f.get("parser:excused", 0.0), float(phrase.excused))
        out.append(
            (
                Scored(scored.info, f, scored.folded_logits),
                [p.span for p in inside if not p.excused],
            )
        )
    return out
