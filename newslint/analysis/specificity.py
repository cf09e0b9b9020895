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

import dataclasses
import functools
import re
from dataclasses import dataclass

from newslint import regexcache
from newslint.analysis.linear import linear
from newslint.analysis.textscan import may_match_text, text_scan
from newslint.document import Document
from newslint.names.words import given_names
from newslint.spans import Span

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
    "harmon balanc inclusiv divers equit meaningful invaluable vibrant "
    "dynamic crossroad paradigm narrative discourse dialogue perspective "
    "excit eager hope optimis optimiz welfare priorit impressive talent undoubted "
    "incredibl amazing touching special devastat powerful nuanced "
    "necess consensus imperative moral tension dignity stabilit enrich traction "
)
_ABSTRACT_STEMS = _ABSTRACT_WORDS.split()
# Word-stem lists on RE2 (linear): ``re`` tries every stem at every position.
_ABSTRACT = linear(r"\b(?:" + "|".join(re.escape(s) for s in _ABSTRACT_STEMS) + r")[\w-]*")
# Weekdays, months and times: a date anchors a sentence.
_DATE = regexcache.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December|yesterday|today"
    r"|tomorrow|tonight|(?:last|next|this) (?:week|month|year|spring|summer|autumn|winter))\b"
    r"(?!['’]s)"
)
# A spelled-out number counts as a figure when it counts something. "One" is
# left out ("one of the most talented", "no one"), and so are compounds that
# only look numeric ("third-party", "half-hearted") and "the two" standing for
# people already named.
_DIGITS = r"(?<![A-Za-z\d])\d[\d,.]*(?![A-Za-z\d])"
_COUNT_WORDS = (
    r"\b(?<!-)(?<!\bthe )(?<!\bthese )(?<!\bthose )(?:two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|third|quarter)"
    r"\b(?!-(?:party|hearted|rate|class|hand)\b)"
)
_NUMBER = regexcache.compile(f"{_DIGITS}|{_COUNT_WORDS}", re.IGNORECASE)
# _NUMBER's two branches, searched apart: a figure is digits and a count word
# letters, so no match of one can hide a match of the other, and the matches
# are the same. Apart, the digits open the pattern (re then skips to the next
# digit in C; the look-behind, moved after the first digit, reads the same
# character), and the count words are only looked for in a sentence that has
# one of them (``may_match_text``).
_FIGURE = regexcache.compile(r"\d(?<![A-Za-z\d]\d)[\d,.]*(?![A-Za-z\d])", re.IGNORECASE)
_COUNT_WORD = regexcache.compile(_COUNT_WORDS, re.IGNORECASE)
_WORD = regexcache.compile(r"[A-Za-z][\w'’-]*")
_POSSESSIVE = regexcache.compile(r"['’]s?$")
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
    figures: bool  # a number or a date not given before in the story
    quoted: bool  # contains a quotation mark
    paragraph: int  # index among body paragraphs
    last_paragraph: bool
    last_sentence: bool  # last sentence of the story
    after_report: bool = False  # the sentence before quotes or reports someone
    closes_paragraph: bool = False  # last sentence of a paragraph of two or more
    first_sentence: bool = False  # the story's first body sentence (its lede)
    evaluates: bool = False  # praises or judges its subject instead of reporting an event

    @property
    def anchored(self) -> bool:
        """Carries something a reader could check: a new name, a figure, a date, a
        quote. A name alone anchors no verdict: "X's work ethic is legendary" says
        nothing a reader could check about X."""
        return self.figures or self.quoted or (self.new_names > 0 and not self.evaluates)

    @property
    def density(self) -> float:
        return self.abstract / max(self.words, 1)


def analyse(doc: Document) -> list[SentenceInfo]:
    """Every body sentence with its anchors, abstract load and position."""
    headings = set(doc.headings)
    body = [p for p in doc.body if p not in headings]
    seen: set[str] = set()
    seen_figures: set[str] = set()
    if doc.headline is not None:
        headline = doc.span_text(doc.headline)
        seen.update(_name_key(n) for n in _names(headline, initial=True))
        _new_figures(headline, seen_figures)
    sentences = doc.sentences
    out: list[SentenceInfo] = []
    index = 0
    last = len(body) - 1
    reported = False
    for number, para in enumerate(body):
        while index < len(sentences) and sentences[index].end <= para.start:
            index += 1
        first = len(out)
        while index < len(sentences) and sentences[index].start < para.end:
            span = sentences[index]
            index += 1
            text = doc.span_text(span)
            found = list(_WORD.finditer(text))  # one scan for the names and the count
            names = _names(text, words=found)
            # "Olympic" after "Olympics" is no new name.
            keys = {_name_key(n) for n in names}
            new = len(keys - seen)
            seen.update(keys)
            words = len(found)
            abstract = set(_ABSTRACT.findall(text.lower()))
            out.append(
                SentenceInfo(
                    span=span,
                    words=words,
                    abstract=len(abstract),
                    names=tuple(names),
                    new_names=new,
                    figures=_new_figures(text, seen_figures),
                    quoted=_quoted(doc, span),
                    paragraph=number,
                    last_paragraph=number == last,
                    last_sentence=False,
                    after_report=reported,
                    evaluates=evaluates(text),
                )
            )
            reported = _reports(text) or out[-1].quoted
        if len(out) - first >= 2:
            out[-1] = dataclasses.replace(out[-1], closes_paragraph=True)
    if out:
        out[0] = dataclasses.replace(out[0], first_sentence=True)
        final = out[-1]
        out[-1] = SentenceInfo(**{**final.__dict__, "last_sentence": True})
    return out


def _name_key(name: str) -> str:
    return name[:-1] if name.endswith("s") and len(name) > 4 else name


def _new_figures(text: str, seen: set[str]) -> bool:
    """A figure or date the story has not given before ("the 2017 season" again
    anchors nothing new); ``seen`` is updated."""
    found = {m.group().lower().rstrip(".,") for m in _FIGURE.finditer(text)}
    if may_match_text(_COUNT_WORD, text):
        found |= {m.group().lower().rstrip(".,") for m in _COUNT_WORD.finditer(text)}
    found |= {m.group().lower() for m in _DATE.finditer(text)}
    new = bool(found - seen)
    seen |= found
    return new


def _quoted(doc: Document, span: Span) -> bool:
    """Quotes someone: a quotation of six words or more (a title in quotes is not)."""
    return any(len(doc.span_text(q.content).split()) >= 6 for q in doc.quotations_overlapping(span))


def _names(
    text: str, *, initial: bool = False, words: list[re.Match[str]] | None = None
) -> list[str]:
    """Capitalised words other than the first: names, in news copy. The first
    word counts when it is a given name or starts a run of capitals ("Tom
    Holland said"), so "Daniel argues ..." is anchored too."""
    found = []
    if words is None:
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


# Praise and judgement of a person or body: qualities, standing and acclaim
# (stems, as in _ABSTRACT). A sentence built on them evaluates its subject.
_PRAISE_WORDS = (
    "renown celebrated revered acclaim esteemed legendary legend iconic icon prominent "
    "beloved talent remarkab extraordinar exceptional unparallel unmatched unrivall "
    "impressive outstanding indomitable unwavering tireless relentless admir dedicat "
    "commitment passion generosity generous charisma prowess artistry "
    "reputation inspir captivat instrumental kindred genuine humility brillian "
    "visionary trailblaz powerhouse accomplished versatil stunning adoring devoted "
    "shining indelible enduring timeless undeniabl"
)
_PRAISE = linear(
    r"\b(?:" + "|".join(re.escape(s) for s in _PRAISE_WORDS.split()) + r")[\w-]*"
    r"|\bneeds? no introduction\b|\bwork ethic\b",
    re.IGNORECASE,
)
# Where a verdict sits: after a linking verb ("is legendary", "has become a
# favourite", "stands as"), in a reputation frame ("known for", "hailed as",
# "dubbed"), in a qualities subject ("X's work ethic", "His generosity ...")
# or a praise apposition ("Renowned actress X", "X, a prominent figure in").
_LINK = regexcache.compile(
    r"\b(?:is|are|was|were|be|been|remains?|remained|becomes?|became|stands?|stood|seems?"
    r"|(?:continues?|continued) to (?:be|captivate|inspire|dazzle|shine|impress))"
    r"\b(?:\s+(?:not|also|still|long|always|now|a|an|the|such|so|very|most|one of the|[a-z]+ly))*"
    r"(?:\s+[a-z]+){0,2}\s*$",
    re.IGNORECASE,
)
_REPUTATION = regexcache.compile(
    r"\b(?:known|famed|famous|revered|celebrated|renowned|praised|admired|lauded|hailed|dubbed"
    r"|regarded|recogni[sz]ed|respected|remembered) (?:for|as)\b"
    r"|\b(?:earned|built|cemented|solidified|established) (?:a|an|her|his|their|its) "
    r"(?:\w+ )?(?:reputation|status|place|position|legacy)\b|\bneeds? no introduction\b",
    re.IGNORECASE,
)
_QUALITY_SUBJECT = regexcache.compile(
    r"^(?:[A-Z][\w.-]*(?: [A-Z][\w.-]*)*['’]s?|His|Her|Their|Its) (?:[a-z-]+ ){0,2}?"
    r"(?:dedication|commitment|passion|generosity|work ethic|talent|charisma|spirit|drive"
    r"|determination|ability|leadership|legacy|influence|kindness|courage|resilience|energy"
    r"|enthusiasm|professionalism|humility|artistry|prowess|success|love|devotion|presence"
    r"|performances?|portrayal|contributions?|achievements?)\b"
)


_ASIDE = regexcache.compile(
    r", (?:who|which|whose|known|famed|the|a|an)\b[^,]*(?:,|$)", re.IGNORECASE
)


def evaluates(text: str) -> bool:
    """The sentence judges its subject rather than reports what happened: a
    praise word in a verdict's place, or praise heaped on ("unparalleled
    talent and indomitable energy"). Someone's reported words are reporting."""
    # Praise in a relative clause or an apposition decorates a subject whose
    # own verb may report an event ("X, the pop diva known for ..., has
    # proposed ..."): only the main clause is read.
    text = _ASIDE.sub(" ", text)
    found = list(_PRAISE.finditer(text))
    if not found or _reports(text):
        return False
    if _REPUTATION.search(text) or _QUALITY_SUBJECT.match(text):
        return True
    return any(_LINK.search(text[: m.start()]) for m in found)


def specificity(doc: Document) -> list[SentenceInfo]:
    return doc.analysis("specificity", analyse)


# Openers that wrap up rather than report: "Overall,", "Ultimately,", "As the
# situation continues to unfold,", "While more research is needed, ...".
_WRAP_UP = regexcache.compile(
    r"(?:overall|ultimately|in the end|in short|in summary|in conclusion|to sum up|all in all"
    r"|indeed|in any case|for now|in the meantime"
    r"|moving forward|going forward|looking ahead|as (?:the|this|such|these)\b[^,]{0,60}"
    r"\b(?:continues?|unfolds?|evolves?|progress(?:es)?|develops?)|while (?:there|more|much|it)\b"
    r"|as (?:we|they|the world|society) "
    r"|despite (?:the|these|this|all|its|their|his|her)\b[^,]{0,50},"
    r"|(?:while|although|though)\b[^,]{0,80}\bmay\b)",
    re.IGNORECASE,
)


def wraps_up(text: str) -> bool:
    """The sentence opens with a wrap-up ("Overall,", "For now,", "Despite the challenges,")."""
    return bool(_WRAP_UP.match(text))


# Generic verdicts about the future or the story's meaning; seeds only, the
# score still needs the sentence to be unanchored and abstract.
_VERDICT = regexcache.compile(
    r"\b(?:time will tell|remains? to be seen|what the future holds|serves? as (?:a|an)"
    r"|(?:a|an) (?:stark |important |powerful |timely )?reminder|(?:the|a) way forward"
    r"|step forward|one thing is (?:certain|clear)|(?:is|are|was|['’]s) clear(?: that)?"
    r"|more (?:needs|remains) to be done|look forward to|can expect|no doubt|safe to say"
    r"|(?:is|are|['’]s) sure to|will continue to|only hope|worth (?:noting|mentioning)"
    r"|(?:it|this) (?:is|will be) (?:interesting|crucial|important|essential|vital)"
    r"|(?:plays?|playing) (?:a|an) \w+ role|the importance of|the need for|in shaping)\b",
    re.IGNORECASE,
)

# Reporting verbs, any tense: a statement someone made is reporting, even
# when its words are abstract.
_REPORTED = regexcache.compile(
    r"\b(?:s(?:ay|ays|aid|aying)|t(?:ell|ells|old|elling)|according to|stress(?:es|ed)?"
    r"|add(?:s|ed)|argu(?:e|es|ed|ing)|warn(?:s|ed)?|call(?:ed|ing) for|believ(?:e|es|ed)"
    r"|insist(?:s|ed)?|claim(?:s|ed)?|announc(?:e|es|ed)|stat(?:es|ed|ing)|not(?:es|ed)"
    r"|explain(?:s|ed)?|describ(?:es|ed)|spok(?:e|en)|speaks|suggest(?:s|ed)?|prais(?:es|ed)"
    r"|admit(?:s|ted)?|acknowledg(?:es|ed)|reveal(?:s|ed)|confirm(?:s|ed)|predict(?:s|ed)?"
    # "reports" after a determiner is the noun ("approach these reports with care").
    r"|estimat(?:es|ed)|reported|(?<!the )(?<!these )(?<!those )(?<!such )reports"
    r"|wr(?:ote|ites|itten)|(?<!be )found that"
    r"|(?:has|have|had) found|urg(?:e|es|ed)|reiterat(?:es|ed)|expect(?:s|ed)|fear(?:s|ed)"
    r"|concerned)\b"
)
# Reporting verbs that report no one: a verdict's own words ("only time will
# tell") and an agentless passive that hedges a forecast ("is expected to be a
# significant event", "is widely believed to").
_NO_REPORTER = regexcache.compile(
    r"\b(?:(?:is|are|was|were|be|been|being) (?:widely |generally |largely |still )?"
    r"(?:expected|believed|thought|said|reported|considered|predicted|estimated) to"
    r"|time will tell|(?:is|are) concerned)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def _reports(text: str) -> bool:
    """Someone's words are reported: a reporting verb that is not a verdict's or
    an agentless passive's."""
    if may_match_text(_NO_REPORTER, text):  # else there is nothing to blank out
        text = _NO_REPORTER.sub(" ", text)
    return bool(_REPORTED.search(text))


reports = _reports  # for other rules: the same test of reported words


# Backshifted "would" or a first-person opening right after a report or a
# quotation: the speaker's words continue, paraphrased or unmarked.
_SPEAKER_VOICE = regexcache.compile(r"\bwould\b|^(?:We|I)\b")
_FIRST_PERSON = regexcache.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|myself)\b")
# A summary whose subject only points back at what came before ("These views
# reflect ...", "This ongoing debate highlights ...", "The recent hack
# underscores ...") and whose verb relates ideas rather than reporting an
# event: the story commenting on itself. The subject has no name in it.
_SUMMARY = regexcache.compile(
    r"(?:(?:this|these|those|such|their|its|the) (?:[a-z][\w-]* ){0,3}?|it (?:also )?)"
    r"(?:(?:has|have) )?(?:reflects?|highlights?|underscores?|underlines?|illustrates?"
    r"|demonstrates?|emphasi[sz]es?|signals?|represents?|presents?|points? to|speaks? to"
    r"|serves? as|shows? (?:that |the |how )|puts? a spotlight|(?:shed|shone|shines?) (?:a )?light"
    r"|(?:is|are) (?:central|crucial|essential|key|vital|critical|fundamental) (?:to|for))\b",
    re.IGNORECASE,
)
# A group of people in general rather than anyone in particular ("fans",
# "enthusiasts", "residents"): a subject that anchors nothing.
_GROUP = regexcache.compile(
    r"\b(?:fans|enthusiasts|aficionados|lovers|audiences|viewers|readers|followers"
    r"|supporters|consumers|music-?lovers|moviegoers|gamers|onlookers|observers"
    r"|many people|people everywhere|everyone)\b",
    re.IGNORECASE,
)
# A superlative verdict that no figure measures ("one of the most talented").
_SUPERLATIVE = regexcache.compile(
    r"\bone of the (?:most|best|top|greatest|finest|biggest|brightest|leading)\b", re.IGNORECASE
)


# Forecasts that commit to nothing: "will be remembered for years to come",
# "promises to be a thriller", "all eyes will be on ...".
_FORECAST = regexcache.compile(
    r"\b(?:for (?:years|decades|generations) to come|(?:in|for) the (?:near |coming |foreseeable )?"
    r"future|(?:promises?|(?:is|are) (?:set|poised|likely|bound)) to (?:be|become|continue)"
    r"|will (?:\w+ )?(?:be remembered|go down in history)|what (?:lies|the future holds) ahead"
    r"|all eyes (?:will be|are) on|(?:will|would) be (?:interesting|fascinating|exciting) to"
    r"|to come\b)",
    re.IGNORECASE,
)
# The writer vouching for a judgement instead of showing evidence for it.
_STANCE = regexcache.compile(
    r"\b(?:undoubtedly|certainly|surely|clearly|definitely|truly|indeed|no doubt|it seems"
    r"|it looks like|(?:it is|it['’]s) (?:evident|clear|safe to say|no surprise|not surprising))\b",
    re.IGNORECASE,
)


def signals(doc: Document, info: SentenceInfo) -> dict[str, int]:
    """The frames padding_score weighs, one count each, for the learned scorer.
    A frame whose words the story never uses is not looked for sentence by
    sentence (``textscan``)."""
    text = doc.span_text(info.span)
    scan = text_scan(doc)
    may = scan.may_match
    summary = _SUMMARY.match(text) if may(_SUMMARY) else None
    rest = text[summary.end() :] if summary else text

    def found(pattern: re.Pattern[str]) -> bool:
        # The searches rarely match (a sentence's words are checked first).
        return scan.may_match_in(pattern, text) and bool(pattern.search(text))

    return {
        "wrap_up": int(may(_WRAP_UP) and bool(_WRAP_UP.match(text))),
        "verdicts": len(_VERDICT.findall(text)) if scan.may_match_in(_VERDICT, text) else 0,
        "summary": int(bool(summary) and not info.names),
        "group": int(found(_GROUP)),
        "superlative": int(found(_SUPERLATIVE)),
        "stance": int(found(_STANCE)),
        "forecast": int(found(_FORECAST)),
        "exclaims": int("!" in text),
        "question": int(text.rstrip().endswith("?")),
        "evaluates": int(info.evaluates),
        "reported": int(_reports(rest)),
        "first_person": int(may(_FIRST_PERSON) and bool(_FIRST_PERSON.search(text))),
        "speaker_voice": int(info.after_report and bool(_SPEAKER_VOICE.search(text))),
    }


EVALUATES = 1


def padding_score(doc: Document, info: SentenceInfo) -> int:
    """How strongly an unanchored sentence reads as padding (0 when anchored)."""
    if info.anchored or info.words < 4:
        return 0
    text = doc.span_text(info.span)
    if info.after_report and _SPEAKER_VOICE.search(text):
        return 0  # indirect speech going on: "The CEA predicted ... Gaming would continue"
    if _FIRST_PERSON.search(text):
        return 0  # someone's own voice (a speaker, a columnist, a reader's letter)
    scan = text_scan(doc)

    def found(pattern: re.Pattern[str], part: str) -> bool:
        return scan.may_match_in(pattern, part) and bool(pattern.search(part))

    score = info.abstract
    framed = any(found(p, text) for p in (_STANCE, _FORECAST, _SUPERLATIVE)) or bool(
        _WRAP_UP.match(text)
    )
    # The closing paragraph, or the sentence that closes a longer paragraph:
    # where a writer with nothing to add sums up.
    if info.last_paragraph:
        score += 1
    if info.closes_paragraph:
        score += 1
    # A lede always has news the headline did not: one with nothing new only sets a mood.
    if info.first_sentence:
        score += 1
    if _WRAP_UP.match(text):
        score += 1
    if scan.may_match_in(_VERDICT, text):
        score += 2 * len(_VERDICT.findall(text))
    summary = _SUMMARY.match(text)
    if summary and not info.names:
        score += 2
        text = text[summary.end() :]  # its own verb is no report of anyone's words
    reported = _reports(text)
    if found(_GROUP, text) and not reported:
        score += 1
    if found(_SUPERLATIVE, text):
        score += 1
    if found(_STANCE, text):
        score += 1
    if found(_FORECAST, text):
        score += 1
    if "!" in text:
        score += 1
    # Someone named, or a statement attributed, is reporting even when abstract.
    # (A name met before does not anchor a framed closer: "As for Silas, it's
    # safe to say ..." names the story's subject again.)
    # A verdict on the story's people is no report of them ("Mayweather's work
    # ethic is legendary"): their names earn it no discount.
    if info.evaluates:
        score += EVALUATES
    elif info.names and not (info.last_paragraph and framed):
        score -= 1
    if reported:
        if info.names:
            return 0  # someone named said it: that is reporting
        score -= 2
    return score
