"""Sentence specificity: does a sentence carry a concrete fact, or only talk?

Reporting is anchored: a named person, organisation or place, a figure, a
date, a quotation. Machine-made padding ("This serves as a reminder of the
importance of ...", "Only time will tell", "... plays a vital role in
shaping the future of ...") carries none of these and leans on abstract,
evaluative words instead. This module measures both per sentence, plus the
sentence's position in the story, so rules can judge padding by its
structure whatever its exact wording.

Shared through ``Document.analysis("specificity", analyse)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.analysis.names_words import given_names
from newslint.document import Document, Span

# The abstract/evaluative word class: words that judge or generalise rather
# than report. One match per stem prefix (``importan`` covers important,
# importance); a sentence needs several before anything is said about it.
_ABSTRACT_WORDS = (
    "importan crucial vital essential significan pivotal critical key fundamental "
    "landscape journey future challeng communit role shap navigat implication potential "
    "impact highlight underscor reminder remind ensur broader society societ world "
    "effort progress understand awareness address stakeholder sustainab innovat "
    "growth ongoing evolv commitment dedicat resilien transform revolution "
    "far-reaching profound pave foster lasting legacy valuable insight promising "
    "remarkabl tremendous unprecedent holistic comprehensive collective collaborat "
    "opportunit benefit wellbeing well-being prosper thriv empower inspir "
    "significance milestone testament step forward ultimate overall continu "
    "unfold remain uncertain complex concern prioriti approach strateg "
    "contribut outcome development issue matter aspect factor solution "
    "harmon balance inclusiv divers equit meaningful invaluable vibrant "
    "dynamic crossroad paradigm narrative discourse dialogue perspective "
    "excit eager hope optimis optimiz welfare priorit impressive talent undoubted "
    "incredibl amazing touching special devastat powerful nuanced "
)
_ABSTRACT_STEMS = _ABSTRACT_WORDS.split()
_ABSTRACT = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in _ABSTRACT_STEMS) + r")[\w-]*")
# Weekdays, months and times: a date anchors a sentence.
_DATE = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December|yesterday|today"
    r"|tomorrow|tonight|(?:last|next|this) (?:week|month|year|spring|summer|autumn|winter))\b"
)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
    r"|forty|fifty|hundred|thousand|million|billion|dozen|half|third|quarter)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
# Capitalised words that do not name anything.
_NOT_NAME_WORDS = (
    "I I'm I've I'd I'll A An The This That These Those It Its We Our They Their He She His Her "
    "As While With In On At By For From Overall Ultimately However But And Or So If When"
)
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())


@dataclass(frozen=True)
class SentenceInfo:
    span: Span
    words: int
    abstract: int  # distinct abstract/evaluative words
    names: tuple[str, ...]  # capitalised non-initial words (names of people, places, bodies)
    new_names: int  # names not seen earlier in the story
    figures: bool  # a number or a date
    quoted: bool  # contains a quotation mark
    paragraph: int  # index among body paragraphs
    last_paragraph: bool
    last_sentence: bool  # last sentence of the story

    @property
    def anchored(self) -> bool:
        """Carries something a reader could check: a new name, a figure, a date, a quote."""
        return self.figures or self.quoted or self.new_names > 0

    @property
    def density(self) -> float:
        return self.abstract / max(self.words, 1)


def analyse(doc: Document) -> list[SentenceInfo]:
    """Every body sentence with its anchors, abstract load and position."""
    headings = set(doc.headings)
    body = [p for p in doc.body if p not in headings]
    seen: set[str] = set()
    if doc.headline is not None:
        seen.update(_names(doc.span_text(doc.headline), initial=True))
    sentences = doc.sentences
    out: list[SentenceInfo] = []
    index = 0
    last = len(body) - 1
    for number, para in enumerate(body):
        while index < len(sentences) and sentences[index].end <= para.start:
            index += 1
        while index < len(sentences) and sentences[index].start < para.end:
            span = sentences[index]
            index += 1
            text = doc.span_text(span)
            names = _names(text)
            new = sum(1 for n in set(names) if n not in seen)
            seen.update(names)
            words = len(_WORD.findall(text))
            out.append(
                SentenceInfo(
                    span=span,
                    words=words,
                    abstract=len(set(_ABSTRACT.findall(text.lower()))),
                    names=tuple(names),
                    new_names=new,
                    figures=bool(_NUMBER.search(text) or _DATE.search(text)),
                    quoted=_quoted(doc, span),
                    paragraph=number,
                    last_paragraph=number == last,
                    last_sentence=False,
                )
            )
    if out:
        final = out[-1]
        out[-1] = SentenceInfo(**{**final.__dict__, "last_sentence": True})
    return out


def _quoted(doc: Document, span: Span) -> bool:
    """Quotes someone: a quotation of six words or more (a title in quotes is not)."""
    for q in doc.quotations:
        if q.span.overlaps(span) and len(doc.span_text(q.content).split()) >= 6:
            return True
    return False


def _names(text: str, *, initial: bool = False) -> list[str]:
    """Capitalised words other than the first: names, in news copy. The first
    word counts when it is a given name or starts a run of capitals ("Tom
    Holland said"), so "Daniel argues ..." is anchored too."""
    found = []
    words = list(_WORD.finditer(text))
    for i, m in enumerate(words):
        word = m.group()
        if not word[0].isupper() or word in _NOT_NAMES:
            continue
        if i == 0 and not initial:
            following = words[1].group() if len(words) > 1 else ""
            starts_run = following[:1].isupper() and following not in _NOT_NAMES
            if not starts_run and word.casefold() not in given_names():
                continue
        # A capital after a colon or semicolon opens a clause, it is not a name.
        elif m.start() >= 2 and text[m.start() - 2] in ":;":
            continue
        found.append(_POSSESSIVE.sub("", word))
    return found


def specificity(doc: Document) -> list[SentenceInfo]:
    return doc.analysis("specificity", analyse)


# Openers that wrap up rather than report: "Overall,", "Ultimately,", "As the
# situation continues to unfold,", "While more research is needed, ...".
_WRAP_UP = re.compile(
    r"(?:overall|ultimately|in the end|in short|in summary|all in all|indeed|in any case"
    r"|moving forward|going forward|looking ahead|as (?:the|this|such|these)\b[^,]{0,60}"
    r"\b(?:continues?|unfolds?|evolves?|progress(?:es)?|develops?)|while (?:there|more|much|it)\b"
    r"|as (?:we|they|the world|society) )",
    re.IGNORECASE,
)
# Generic verdicts about the future or the story's meaning; seeds only, the
# score still needs the sentence to be unanchored and abstract.
_VERDICT = re.compile(
    r"\b(?:time will tell|remains? to be seen|what the future holds|serves? as (?:a|an)"
    r"|(?:a|an) (?:stark |important |powerful |timely )?reminder|(?:the|a) way forward"
    r"|step forward|one thing is (?:certain|clear)|(?:is|are|was|['’]s) clear(?: that)?"
    r"|more (?:needs|remains) to be done|look forward to|can expect|no doubt|safe to say"
    r"|(?:is|are) sure to|will continue to|only hope"
    r"|(?:it|this) (?:is|will be) (?:interesting|crucial|important|essential|vital)"
    r"|(?:plays?|playing) (?:a|an) \w+ role|the importance of|the need for|in shaping)\b",
    re.IGNORECASE,
)

_REPORTED = re.compile(
    r"\b(?:said|says|told|tells|according to|stressed|added|argued|warned|called for"
    r"|believes?|insisted|claimed|announced)\b"
)


def padding_score(doc: Document, info: SentenceInfo) -> int:
    """How strongly an unanchored sentence reads as padding (0 when anchored)."""
    if info.anchored or info.words < 4:
        return 0
    text = doc.span_text(info.span)
    score = info.abstract
    if info.last_paragraph:
        score += 1
    if _WRAP_UP.match(text):
        score += 1
    score += 2 * len(_VERDICT.findall(text))
    # Someone named, or a statement attributed, is reporting even when abstract.
    if info.names:
        score -= 1
    if _REPORTED.search(text):
        score -= 2
    return score
