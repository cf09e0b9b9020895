"""Attribution analysis shared by the ``attribution.*`` rules.

Reporting verbs ("said", "told", "according to" ...), which direct quotations
have a speaker, vague and anonymous sourcing phrases, and whether a sentence
or paragraph carries any attribution at all. Everything works on the prose
text with quotation contents masked, so words *inside* a quote ("they said
it would never work") never count as attribution of that quote.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Container, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint import regexcache
from newslint.analysis.dates import MONTH_FORMS
from newslint.analysis.linear import linear
from newslint.analysis.quotations import Quotation
from newslint.analysis.vague_sources import (
    CAMPS,
    PLURAL_HEADS,
    SINGULAR_HEADS,
    TRADE_PLACES,
    UNNAMED_HEADS,
    Surnames,
    VagueSource,
    WordsWritten,
    find_vague_sources,
    triggered,
)
from newslint.document import Document
from newslint.spans import Span

if TYPE_CHECKING:
    from newslint.names.extract import NameAnalysis


def _verbs(*stems: str) -> str:
    return "|".join(sorted(stems, key=lambda w: (-len(w), w)))


# Verbs that attribute speech, any tense. Listed in full rather than stemmed so
# that "stated" matches but "statement" never does; base forms that are mostly
# nouns in news copy ("a claim", "the state", "a report") are left out.
_REPORTING_LIST = """
say says said saying tells told telling add adds added adding write writes wrote written
writing ask asks asked asking explain explains explained explaining insist insists
insisted insisting warn warns warned tweets tweeted tweeting posts posted claimed claiming stated
stating noted commented replied replying respond responds responded argue argues argued
arguing admit admits admitted admitting acknowledge acknowledges acknowledged announce
announces announced declare declares declared remark remarks remarked recalled observe
observes observed confirm confirms confirmed deny denies denied agree agrees agreed urge
urges urged promised predict predicts predicted concede concedes conceded reveal reveals
revealed stressed emphasise emphasises emphasised emphasize emphasizes emphasized
complain complains complained boast boasts boasted joked quip quips quipped laughed
shout shouts shouted exclaim exclaimed cried vowed pledged suggest suggests suggested
answered retort retorted countered whisper whispered mutter muttered sighed testify
testified testifies allege alleges alleged reports reported maintain maintains maintained quoted
cited continued conclude concludes concluded advise advises advised recount recounted
remembers remembered recalls recalling tell smile smiles smiled grinned shrugged chuckled
enthused muses mused reckons reckoned
notes inform informs informed assert asserts asserted asserting proclaim proclaims
proclaimed proclaiming yell yells yelled yelling scream screams screamed declaring
announcing warning urging
"""
_REPORTING_WORDS = _verbs(*_REPORTING_LIST.split())
REPORTING = linear(
    rf"\b(?:{_REPORTING_WORDS})\b|\baccording\s+to\b|\bwent\s+on\b|\bpoints?\s+out\b"
    r"|\bpointed\s+out\b|\bintimated\b|\b(?:shot|fired|hit)\s+back\b"
    r"|\bin\s+a\s+(?:statement|post|tweet|letter|interview|blog)\b",
    re.IGNORECASE,
)
# Verbs that characterise a partial quote in the same sentence ("called the
# plan "a waste of money""): attribution for that sentence only, since
# "described the meeting as ..." before a quote paragraph names no speaker of it.
CHARACTERISING = linear(
    r"\b(?:describ|call|dub|brand|label|term|hail|welcom|condemn|criticis|criticiz|prais|phras"
    r"|nicknam|titl|entitl|headlin|chant|sang|sing|read)\w*|\bputs?\s+it\b|\bwords\s+of\b"
    r"|\bknown\s+as\b|\bso-called\b"
    r"|\b(?:statement|speech|interview|letter|report|memo|message|press\s+release)\b"
    r"|\b(?:the\s+words|slogan|poster|banner|placard|motto)\b",
    re.IGNORECASE,
)
# Anything that can open a quotation worth a look: the rule does nothing without.
QUOTE_MARKS = regexcache.compile(r"[\"“”]")
_WORD = regexcache.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*")
_SENTENCE_END = regexcache.compile(r"[.!?…][\"'”’)]*$")


def mask_quotations(
    text: str, start: int, end: int, quotations: Sequence[Quotation], keep_marks: bool = True
) -> str:
    """``text[start:end]`` with the contents of top-level quotations blanked out.

    ``quotations`` is sorted by start (as Document.quotations is); only those
    that reach into ``[start, end)`` are visited, found by bisection, so masking
    every sentence of a story with 100,000 quotations stays linear."""
    ordered, starts, max_ends = _quotation_index(quotations)
    i = bisect.bisect_left(starts, end) - 1
    inside: list[Quotation] = []
    while i >= 0 and max_ends[i] > start:
        inside.append(ordered[i])
        i -= 1
    if not inside:
        return text[start:end]
    chars = list(text[start:end])
    for q in inside:
        if q.nested or q.span.end <= start or q.span.start >= end:
            continue
        lo = max(q.content.start if keep_marks else q.span.start, start)
        hi = min(q.content.end if keep_marks else q.span.end, end)
        chars[lo - start : hi - start] = _blank(text[lo:hi])
    return "".join(chars)


def _blank(text: str) -> str:
    """``text`` as spaces, its line breaks kept."""
    if "\n" not in text:
        return " " * len(text)
    return "\n".join(" " * len(line) for line in text.split("\n"))


_INDEX: list[tuple[Sequence[Quotation], list[Quotation], list[int], list[int]]] = []


def _quotation_index(
    quotations: Sequence[Quotation],
) -> tuple[list[Quotation], list[int], list[int]]:
    """Quotations by start, their starts and the running maximum of their ends,
    for the list last asked about (callers mask many spans with one list)."""
    if _INDEX and _INDEX[0][0] is quotations:
        return _INDEX[0][1:]
    ordered = sorted(quotations, key=lambda q: (q.span.start, q.span.end))
    starts = [q.span.start for q in ordered]
    max_ends = list(itertools.accumulate((q.span.end for q in ordered), max))
    _INDEX[:] = [(quotations, ordered, starts, max_ends)]
    return ordered, starts, max_ends


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def looks_like_title(content: str) -> bool:
    """A work or programme title: most words capitalised, no sentence inside."""
    words = [w for w in _WORD.findall(content) if w[0].isalpha()]
    # US style sets the sentence's full stop or comma inside the marks: "A Case for Hope."
    content = content[:-1] if content[-1:] in ".," else content
    if len(words) < 2 or (re.search(r"[.!?…,;:]\s", content + " ") and content[-1:] in ".!?"):
        return False
    small = {"a", "an", "the", "of", "and", "in", "on", "to", "for", "at", "with", "or", "by"}
    big = [w for w in words if w.lower() not in small]
    return bool(big) and sum(w[0].isupper() for w in big) >= 0.8 * len(big)


def is_full_quote(text: str, q: Quotation, min_words: int = 6) -> bool:
    """A quoted sentence (or more), not a scare-quoted word, phrase or title."""
    content = text[q.content.start : q.content.end]
    words = word_count(content)
    # A partial quote woven into the writer's sentence starts in lower case.
    if words < 3 or content[:1].islower() or looks_like_title(content):
        return False
    if words >= min_words:
        return True
    # A short but complete sentence: "We will win." ends inside the marks.
    return bool(_SENTENCE_END.search(content.rstrip(",")) and content[:1].isupper())


# A lower-case word of the writer's own, right before an opening mark.
_CLAUSE_WORD = regexcache.compile(r"(?<![\w'’-])([a-z][a-z'’-]*)[ \t]+$")


def is_woven(text: str, q: Quotation) -> bool:
    """The quote is a clause of the writer's sentence, not a quotation standing
    alone: a lower-case word of the writer's ('strained as "Sri Lanka ..."',
    'urging them to remember "ISIS ..."') stands right before its opening mark,
    with no colon, comma or sentence end between. A reporting verb there
    ('said "We ..."') introduces a quotation instead."""
    m = _CLAUSE_WORD.search(text, max(0, q.span.start - 40), q.span.start)
    return m is not None and not REPORTING.fullmatch(m.group(1))


# -- quotations ----------------------------------------------------------------


@dataclass(frozen=True)
class QuoteAttribution:
    """Whether one direct quotation has a speaker, and how that was decided.

    ``how`` is "same-sentence", "previous-sentence", "next-sentence", "colon",
    "previous-paragraph", "continued", "named-speaker", "named-text" (the words
    a noun before the quote names: a question, a slogan), the other ways of the
    ``_attribute`` family, or "" when no attribution was found.
    """

    quotation: Quotation
    how: str

    @property
    def attributed(self) -> bool:
        return bool(self.how)


class _Sentences:
    """Sentence lookup by offset, with quotation contents masked."""

    def __init__(self, doc: Document, quotations: list[Quotation]) -> None:
        self.doc = doc
        self.spans = doc.sentences
        self.starts = [s.start for s in self.spans]
        self.top = quotations

    def index_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def outside(self, index: int, lo: int | None = None, hi: int | None = None) -> str:
        span = self.spans[index]
        start = span.start if lo is None else max(lo, span.start)
        end = span.end if hi is None else min(hi, span.end)
        return mask_quotations(self.doc.text, start, end, self.top)

    def same_paragraph(self, a: int, b: int) -> bool:
        text = self.doc.text
        lo, hi = sorted((self.spans[a].end, self.spans[b].start))
        return "\n\n" not in text[lo:hi] and not _paragraph_break(text[lo:hi])


def _paragraph_break(gap: str) -> bool:
    return gap.count("\n") >= 2


# A speaker named right after the quote with the verb missing: '," Mr Ray.'
# The speaker named after the quote with no verb, alone or with a role:
# '"...," Harold Frazier, chairman of the tribe.'
_SPEAKER_TAIL = regexcache.compile(
    r"[,\s]*(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*(?:,\s+[a-z][^.\n\"“”]{2,80})?"
    r"(?:\.|(?<=[a-z])[ \t]*(?=\n))"  # or a credit line's end: '"..." Ann Lee, a taxpayer'
)


# The speaker right after a quote that hands over with a comma (or ? !), the
# verb before or after the name, any verb: '," notes Kathy Ruffing',
# '," pronounced Sen. Reid', '," Rubio charged', '," he quipped', with a role
# in lower case before the name: '," Senate Democratic leader Chuck Schumer charged'.
_INVERTED_TAIL = regexcache.compile(
    r"\s+(?:[a-z]{3,}(?:ed|es|s)\s+(?:[A-Z][a-z]{0,3}\.\s+)?[A-Z][\w'’-]+"
    r"|(?:[Hh]e|[Ss]he|(?!(?:The|A|An|This|That|These|Those|It|They|We|There|In|On|At|But|And)\b)"
    r"(?:(?:[A-Z][\w'’.-]*\s+){0,3}[a-z]+\s+(?:[a-z]+\s+)?)?"
    r"(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]+)"
    # the verb, or a past one after a stray comma: '," aide Leon Fresco, fired off'
    r"(?:\s+(?:[a-z]+ly\s+)?[a-z]{3,}(?:ed|es|s)|,\s+[a-z]{3,}ed)\b"
    # '," came from former President George W. Bush'
    r"|came\s+from\s+(?:[a-z]+,?\s+){0,4}[A-Z]"
    # '," The Associated Press reports': an organisation named with "The"
    r"|The\s+(?:[A-Z][\w'’.&-]*\s+){1,3}(?:[a-z]+ly\s+)?[a-z]{3,}(?:ed|es|s)\b)"
)
# A post's account right before the quote: "Skip Twitter post by @harbourboard".
_HANDLE_LEAD = regexcache.compile(r"@\w{2,}\W{0,3}$")
# "Those were the words of Donald Trump": the next sentence names the speaker.
_WORDS_OF = regexcache.compile(
    r"\s*(?:Those|These|They|That|Such)\s+(?:were|are|was|is)\s+the\s+words\s+of\b"
)
# A pull quote signed after a dash: '"..." – Fawzia Koofi, a former lawmaker'.
# Or after a hyphen set off by spaces: '"..." - Rep. Angie Craig'.
_DASH_SPEAKER = regexcache.compile(
    r"(?:\s*[–—]|\s+-{1,2})\s*(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+\b"
)
# The next sentence names who spoke: '"..." Months before, John Bolton spoke at ...'.
_SPOKE = regexcache.compile(r"\b[A-Z][\w'’-]+\s+(?:spoke|speaks|was\s+speaking)\b")
# An aside that says the subject was speaking: "Kellyanne Conway, speaking on Fox
# News, expressed confidence ...", "Ruiz, in an interview with the paper, argued ...".
_SPEECH_ASIDE = regexcache.compile(
    r"\b\w[\w'’.-]*,\s+(?:speaking\s+(?:on|to|at|in|from|during|after|with)"
    r"|in\s+an?\s+(?:interview|statement|speech|address|email|letter))\b"
)
# A sentence whose subject is a named person (a title and a name, or a full
# name), its verb, then the quote: the person's words by news convention.
_NAMED_SUBJECT = regexcache.compile(
    r"(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*[a-z]\s+(?:was|is|has|had|[a-z]{3,}(?:ed|es|s))\b"
)
_NOT_A_NAME = regexcache.compile(r"(?:The|A|An|In|On|At|But|And|If|When|As|This|That|It)\b")
# A thought put in words, after a verb of thinking: 'and think, "Yikes ..."',
# 'and thinking, "That's a shame ..."', 'asked themselves, "..."'.
_THOUGHT_LEAD = regexcache.compile(
    r"\b(?:think|thinks|thinking|thought|wonder|wonders|wondering|wondered|reali[sz]ed?"
    r"|understood|knew"
    r"|(?:ask|asks|asked|asking|tell|tells|told|telling)\s+(?:themselves|yourself|himself"
    r"|herself|ourselves|myself)"
    # The writer's own first reaction or thought: 'My first reaction was, "Wow ..."'.
    r"|\b(?:[Mm]y|[Oo]ur)\s+(?:\w+\s+)?(?:reaction|thought|response|instinct|feeling)\s+was)"
    r"\s*[,:]\s*$"
)
# A named person's possessive right before the quote: "Reagan's, "..."".
_POSSESSIVE_LEAD = regexcache.compile(r"\b[A-Z][\w'’-]*[a-z]['’]s,?\s*$")
# A quote in brackets right after a name: 'Rep. Ann Lee ("I'm a strong Democrat")'.
_BRACKET_AFTER_NAME = regexcache.compile(r"[A-Z][\w'’.-]*[a-z][\w'’.-]*\s*\(\s*$")
# A source in brackets after the quote: '"..." (The New York Times)', a news
# roundup's excerpt, or a person with their role: '"..." (Cardinal Timothy
# Dolan of New York, president of ...)', a list of reactions.
_BRACKETED_SOURCE = regexcache.compile(
    r"\s*\((?:[A-Z][\w'’.&-]*\s+(?:(?:of|de|the)\s+)?){0,4}[A-Z][\w'’.&-]*(?:\)|,\s)"
)
# When and where the quote was said, in brackets after it: '"..." (December 8
# in Des Moines)', '(November 13 on Twitter)', a fact-check's citation.
_BRACKETED_OCCASION = regexcache.compile(
    rf"\s*\((?:(?:{MONTH_FORMS})\.?\s+\d{{1,2}}\b|(?:on|in)\s+(?:Twitter|Facebook|X|Truth\s+Social"
    r"|an?\s+(?:interview|speech|statement|tweet|post|rally)))"
)
# The quote is the text a noun right before it names, not speech: 'the
# question, "Is this person a citizen?"', 'his first few words – "We are here"'.
_NAMED_TEXT_LEAD = regexcache.compile(
    r"\b(?:question|questions|(?<!other )words|phrase|sentence|slogan|message|motto|headline"
    r"|caption|sign|prompt|maxim|saying|adage|mantra|catchphrase|credo|talking\s+points"
    r"|promise|pledge|vow"
    r"|inscription|(?:tag|subject|punch|opening|closing)\s?line|hashtag|refrain|chant"
    # a work's title: 'his new book, "The Room Where it Happened."'
    r"|book|memoir|novel|film|movie|documentary|song|album|essay|poem|podcast)\s*[,:–—-]?\s*$"
    # examples of writing: 'for posting writings such as, "..."'
    r"|\b(?:writings|posts|lyrics|lines|messages|tweets|remarks|comments|statements)"
    r"\s+(?:such\s+as|like|including)\s*[,:]?\s*$"
)
# A sentence naming where the quote is from: '"A headline," from The Washington
# Post.' or '... by The New York Times.'
_FROM_SOURCE = regexcache.compile(
    r"\b(?:from|by|in)\s+(?:[A-Z][\w'’.&-]*\s+){0,4}[A-Z][\w'’&-]*\.\s*$"
)
# An unnamed speaker after a quote that hands over, any verb: '," the juror
# falters', '!" yells someone else', '," one voter added', '," my friend texts me'.
_UNNAMED_TAIL = regexcache.compile(
    r"\s+(?:(?:the|a|an|one|another|my|his|her|our|their)\s+(?:[a-z]+\s+)?[a-z]{3,}"
    r"|someone(?:\s+else)?)"
    r"\s+(?:[a-z]+ly\s+)?[a-z]{3,}(?:ed|es|s)\b"
    r"|\s+[a-z]{3,}(?:ed|es|s)\s+(?:someone|(?:the|a|an|one|another)\s+[a-z]{3,})\b"
)
# A numbered item of a list opening the line, and what follows a listed title: its
# publisher, a byline, a comma.
_LIST_NUMBER = regexcache.compile(r"\s*\d{1,2}[.)]\s*")
_TITLE_TAIL = regexcache.compile(r"[,.]?\s*(?:[A-Z]|by\b|from\b|in\b|$)")
# A lead-in clause of the writer's before the quote: 'As Time's Mark Thompson
# notes, "..."' (the same sentence, before the quote).
_AS_LEAD = regexcache.compile(
    r"\b[Aa]s\s+(?:[^,.;:!?]{0,60}?\s)?[A-Z][^,.;:!?]{0,60}?\s(?:[a-z]{2,}(?:s|ed)|puts?\s+it),\s*$"
)
# Or a named (or definite) subject and any verb, then a comma: 'NPR's Carrie Johnson reports,
# "..."', 'In another post Elonis opined, "..."', 'He further challenged
# Democrats, "..."'. The verb ends in -s or -ed; up to two words may follow it.
_SUBJECT_LEAD = regexcache.compile(
    r"(?:\b(?:[Hh]e|[Ss]he|[Tt]hey)|(?<![\w'’])[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
    r"|[A-Z][\w'’.-]*,\s+who"  # 'Aristotle, who believed, "..."'
    r"|\b[Tt]he\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)"  # 'The ordinance states, "..."'
    r"\s+(?:[a-z]+ly\s+|further\s+|also\s+|then\s+)?[a-z]{3,}(?:ed|es|s)"
    r"(?:\s+[\w'’.-]+){0,2},\s*$"
)

# Or the verb before an unnamed speaker, any verb: 'But, cautioned another
# voter who chose her, "..."'.
_INVERTED_LEAD = regexcache.compile(
    r"(?:^|[,;]\s*|\b(?:[Bb]ut|[Aa]nd|[Ss]o)\s+)(?:[a-z]+ly\s+)?[a-z]{3,}ed\s+"
    r"(?:another|one|a|an|the|his|her|their)\s+[^\"“”.!?]{1,80},\s*$"
)
# Or a person's clause, then a participle of theirs right before the quote: "He
# flew economy, quipping, "...""; "Ruiz left the stage, adding, "..."".
_PARTICIPLE_LEAD = regexcache.compile(
    r"^(?:He|She|They|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s[^\"“”]*,\s+[a-z]{3,}ing,\s*$"
)


# A record that speaks for itself, as the sentence before a quote from it: "The
# minutes of the meeting show how ...", "Documents released on Friday reveal".
_RECORD_SHOWS = regexcache.compile(
    r"\b(?:minutes|documents|papers|records|files|transcripts?|diar(?:y|ies)|memos?|letters?"
    r"|cables?|emails?|notes)\b(?:\s+[\w'’,-]+){0,6}?\s+"
    r"(?:show|shows|showed|reveal|reveals|revealed|record|records|recorded|read|reads)\b"
)


# A sentence about a person, then their quote in the same paragraph: "She's
# glad the governor closed the beach. "It's unfortunate, but ..."".
_PERSON_SUBJECT = regexcache.compile(r"(?:He|She|Mr\.|Ms\.|Mrs\.|Dr\.)(?:['’]s)?\s")
# A quote handed to its speaker, any verb: '," he predicts', '," Ms. Ruiz recalled'.
_QUOTE_HANDED_ON = regexcache.compile(
    r"[,?!][\"”]\s+(?:he|she|they|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]+){0,2})\s+[a-z]{3,}(?:s|ed)\b"
)
_PARAGRAPH_LOOKBACK = 3  # sentences back to a speaker quoted earlier in the paragraph


def _introduces(sentence: str) -> bool:
    return bool(REPORTING.search(sentence) or _RECORD_SHOWS.search(sentence))


def _attribute(s: _Sentences, q: Quotation) -> str:
    text = s.doc.text
    if _SPEAKER_TAIL.match(text, q.span.end, min(len(text), q.span.end + 60)):
        return "named-speaker"
    if _DASH_SPEAKER.match(text, q.span.end, min(len(text), q.span.end + 60)):
        return "named-speaker"  # a pull quote signed after a dash
    if _BRACKETED_SOURCE.match(text, q.span.end, min(len(text), q.span.end + 60)):
        return "named-speaker"
    if _BRACKETED_OCCASION.match(text, q.span.end, min(len(text), q.span.end + 60)):
        return "cited"  # a fact-check's list: '"..." (November 20 on Twitter)'
    if text[q.content.end - 1 : q.content.end] in ",?!" and (
        _INVERTED_TAIL.match(text, q.span.end, min(len(text), q.span.end + 60))
        or _UNNAMED_TAIL.match(text, q.span.end, min(len(text), q.span.end + 60))
    ):
        return "named-speaker"
    line_start = text.rfind("\n", 0, q.span.start) + 1
    line_end = text.find("\n", q.span.end)
    line_end = len(text) if line_end < 0 else line_end
    lead_in = text[line_start : q.span.start]
    if _LIST_NUMBER.fullmatch(lead_in) and _TITLE_TAIL.match(text, q.span.end, line_end):
        return "listed-title"  # '2. "The title," a newspaper': a reading list, not speech
    if not lead_in.strip() and not text[q.span.end : line_end].strip():
        # A line that is a quote and no sentence, with the story going on after it:
        # a subheading taken from the section's quote.
        unended = text[q.content.end - 1 : q.content.end] not in ".?!,;:…"
        if unended and text[line_end:].strip():
            return "heading"
    first = s.index_at(q.span.start)
    last = s.index_at(max(q.span.start, q.span.end - 1))
    for i in range(first, last + 1):
        outside = s.outside(i)
        if REPORTING.search(outside) or CHARACTERISING.search(outside):
            return "same-sentence"
    if _QUOTE_HANDED_ON.search(text, s.spans[first].start, q.span.start):
        return "same-sentence"  # '"...," Ryan pushed back. "When we ..."': Ryan goes on
    lead = text[s.spans[first].start : q.span.start].rstrip()
    if lead.endswith(":") or lead.endswith(":-"):
        return "colon"
    if any(p.search(lead + " ") for p in (_AS_LEAD, _SUBJECT_LEAD, _INVERTED_LEAD)):
        return "colon"
    if _PARTICIPLE_LEAD.match(lead + " "):
        return "colon"
    if _HANDLE_LEAD.search(lead):
        return "colon"  # "Skip Twitter post by @harbourboard "...": the account's post
    if _NAMED_TEXT_LEAD.search(lead):
        return "named-text"
    if _NAMED_SUBJECT.match(lead) and not _NOT_A_NAME.match(lead):
        return "same-sentence"  # 'Justice Ann Lee was concerned that ..., "We're ..."'
    if _THOUGHT_LEAD.search(lead):
        return "thought"  # 'and think, "Yikes ..."': a thought put in words, not speech
    if _POSSESSIVE_LEAD.search(lead):
        return "named-speaker"  # 'the 2012 iteration of Reagan's, "I'm paying for this ..."'
    if _BRACKET_AFTER_NAME.search(text, max(0, q.span.start - 40), q.span.start):
        return "named-speaker"  # 'Rep. Ann Lee ("I'm a strong Democrat")': their own words
    if q.paragraphs > 1:
        for i in range(first, last + 1):
            if REPORTING.search(s.outside(i)):
                return "continued"
    if first > 0:
        prev = first - 1
        if s.same_paragraph(prev, first):
            outside = s.outside(prev)
            if _introduces(outside) or _PERSON_SUBJECT.match(outside.lstrip()):
                return "previous-sentence"
            if _SPEECH_ASIDE.search(outside):
                return "previous-sentence"  # "Conway, speaking on Fox News, expressed ..."
            raw_prev = s.doc.span_text(s.spans[prev])
            if interview_question(raw_prev):
                return "answer"  # an interview run into one paragraph: 'In a good mood? "Depends."'
            if _FROM_SOURCE.search(raw_prev):
                return "previous-sentence"  # '"A headline," from The Post. "..."
            if _QUOTE_HANDED_ON.search(raw_prev):
                return "previous-sentence"  # '"...," Ryan pushed back. "When we ..."'
            # A speaker quoted earlier in the paragraph goes on: '... ," he says.
            # They benefit some and hurt others. "For the winners ..."'.
            for back in range(prev - 1, max(-1, prev - _PARAGRAPH_LOOKBACK), -1):
                if not s.same_paragraph(back, back + 1):
                    break
                raw = s.doc.span_text(s.spans[back])
                quoted = any(m in raw for m in '"“”')
                if quoted and (REPORTING.search(s.outside(back)) or _QUOTE_HANDED_ON.search(raw)):
                    return "previous-sentence"
        elif _PARAGRAPH_LEAD.fullmatch(text, s.spans[first].start, q.span.start):
            # The quote opens a paragraph: the one before may introduce it.
            tail = s.outside(prev)
            if tail.rstrip().endswith(":") or _introduces(tail) or _POINTS_AHEAD.search(tail):
                return "previous-paragraph"
            if _UNENDED_LEAD_FROM.search(tail.rstrip()):
                return "previous-paragraph"  # "... from then-candidate Barack Obama"
            context = _paragraph_context(s.doc, q)
            if context:
                return context
    following = last + 1
    if (
        following < len(s.spans)
        and s.same_paragraph(last, following)
        and (
            REPORTING.search(s.outside(following))
            or _WORDS_OF.match(s.outside(following))
            or _SPOKE.search(s.outside(following))
        )
    ):
        return "next-sentence"
    return ""


# A lead-in paragraph with no end stop that names whose words follow: "Consider
# this passage from then-candidate Barack Obama in March 2008", "Remarks by Gov.
# Ana Ruiz". (A sentence that ends, "The mayor met Ana Ruiz.", introduces nothing.)
_UNENDED_LEAD_FROM = regexcache.compile(
    r"\b(?:from|by)\s+(?:[a-z][\w.-]*\s+){0,2}[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+"
    r"[^.!?:;\"”’]{0,40}$"
)
# A lead-in that lost its colon, pointing at the quote below: "And a day later,
# it followed up with this", "The statement read as follows".
_POINTS_AHEAD = regexcache.compile(
    r"\b(?:with|read|reads|said|says|wrote|writes|posted|tweeted)\s+"
    r"(?:this|these(?:\s+words)?|the\s+following)\s*$|\bas\s+follows\s*$"
)


# What may stand before a quote that opens its paragraph: a list item's marker
# ("-- "), an interview's stage direction ("[Laughter] ").
_MARKER = r"(?:-{1,2}|[–—*•♦▪●■►‣◦])[ \t]+"
LIST_ITEM = regexcache.compile(rf"[ \t]*{_MARKER}")
_PARAGRAPH_LEAD = regexcache.compile(rf"[ \t]*(?:{_MARKER}|\[[^\]\n]{{1,40}}\][ \t]*)?")


# A writer's name on a line of its own over an excerpt ("Jay Parini", then the
# date, then the quote): a roundup of columns, each signed.
_SIGNATURE = regexcache.compile(r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,2}")
_SIGNATURE_BLOCK = 4  # words: a name or a date line, not a sentence


def _signed(doc: Document, at: int) -> bool:
    """A name line in the short block right above paragraph ``at``, a name the
    story also uses elsewhere (the column's heading "Jay Parini: Why ...")."""
    for k in range(at - 1, max(-1, at - 3), -1):
        line = doc.span_text(doc.paragraphs[k]).strip()
        if _SIGNATURE.fullmatch(line) and doc.text.count(line) >= 2:
            return True
        if len(line.split()) > _SIGNATURE_BLOCK or line[-1:] in ".?!:":
            return False
    return False


def interview_question(paragraph: str) -> bool:
    """A paragraph of the interviewer's that ends in a question and quotes no one:
    the quote opening the next paragraph answers it."""
    paragraph = paragraph.rstrip()
    return paragraph.endswith("?") and not QUOTE_MARKS.search(paragraph)


def opens_with_quote(text: str, start: int, end: int) -> bool:
    """The paragraph at ``start`` opens with a quotation, after at most a list
    marker or a stage direction."""
    lead = _PARAGRAPH_LEAD.match(text, start, end)
    return lead is not None and text[lead.end() : lead.end() + 1] in ('"', "“")


def _paragraph_context(doc: Document, q: Quotation) -> str:
    """A quote opening its paragraph, introduced by the paragraphs around it: an
    interviewer's question ("Do you like him?" then '"I guess so," ...'), a
    source line below it ("Town hall, Des Moines, Jan. 5, 2012") or, for
    a list item, the line ending in a colon above the list ("From his official
    biography:" then '-- "During the war he ..."')."""
    paragraphs = doc.paragraphs
    at = doc.paragraph_index(q.span.start)
    if at < 1:
        return ""
    if interview_question(doc.span_text(paragraphs[at - 1])):
        return "answer"
    if _cited_below(doc, q, at):
        return "cited"
    if _signed(doc, at):
        return "signed-excerpt"
    if not LIST_ITEM.match(doc.text, paragraphs[at].start):
        return ""
    while at > 0 and LIST_ITEM.match(doc.text, paragraphs[at - 1].start):
        at -= 1
    if at > 0 and doc.span_text(paragraphs[at - 1]).rstrip().endswith(":"):
        return "list-lead-in"
    return ""


# A source line under a quote: where and when it was said ("CNN debate, Nov. 22,
# 2011", "El Paso, Texas, May 10, 2011"), a line of its own ending in the date.
_CITATION_LINE = regexcache.compile(
    r"[^\n\"“”]{3,80},\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"\s+\d{1,2},\s+\d{4}\s*"
)
_CITATION_WORDS = 12


def _cited_below(doc: Document, q: Quotation, at: int) -> bool:
    """The quote fills its paragraph and the next paragraph is its source line:
    a candidates' positions guide or a collection of remarks, each quote
    followed by where and when it was said."""
    paragraphs = doc.paragraphs
    if at + 1 >= len(paragraphs) or doc.text[q.span.end : paragraphs[at].end].strip():
        return False
    below = doc.span_text(paragraphs[at + 1])
    return len(below.split()) <= _CITATION_WORDS and bool(_CITATION_LINE.fullmatch(below))


def _well_formed(text: str, q: Quotation) -> bool:
    """A double-quoted quotation whose marks face the right way.

    Copy that lost its paragraph breaks keeps the continued-quote opening marks
    mid-paragraph, and a stray mark flips the pairing of every quote after it:
    an "opening" mark followed by a space, or a "closing" one after a space, is
    a sign of that, and such a pair is not judged at all.
    """
    if q.nested or text[q.span.start] not in '"“' or q.content.end <= q.content.start:
        return False
    if text[q.span.start + 1 : q.span.start + 2].isspace():
        return False
    closing = text[q.span.end - 1]
    return not (closing in '"”' and text[q.span.end - 2 : q.span.end - 1].isspace())


def _repair(text: str, para: Span) -> list[Quotation]:
    """Straight-quoted quotations of one paragraph, paired by the way each mark faces.

    An opening mark while a quote is open is the news convention for a quote
    that goes on (written run-in when paragraph breaks were lost): the two
    become one quotation. A closing mark with nothing open is ignored.
    """
    found: list[Quotation] = []
    start: int | None = None
    for m in re.finditer('"', text[para.start : para.end]):
        i = para.start + m.start()
        before = text[i - 1] if i > para.start else " "
        after = text[i + 1] if i + 1 < para.end else " "
        opens = (before.isspace() or before in "([—–-/") and not after.isspace()
        if opens and start is None:
            start = i
        elif not opens and start is not None and (not before.isspace() or after.isspace()):
            # A mark with space on both sides ('France, " EPP spokesman') closes an open quote.
            found.append(Quotation(Span(start, i + 1), Span(start + 1, i), False, 1))
            start = None
    if start is not None:
        found.append(Quotation(Span(start, para.end), Span(start + 1, para.end), False, 1))
    return found


def _candidates(doc: Document) -> list[Quotation]:
    """Top-level double quotations, re-paired in paragraphs whose marks were mis-paired."""
    text = doc.text
    good = [q for q in doc.quotations if _well_formed(text, q)]
    bad = [q for q in doc.quotations if not _well_formed(text, q) and not q.nested]
    if not any(text[q.span.start] == '"' for q in bad):
        return good
    # Paragraphs do not overlap: each quotation's paragraph is found by bisection
    # (a story of 200,000 quotation marks must not pair every quote with every paragraph).
    paras = sorted(doc.paragraphs)
    para_starts = [p.start for p in paras]

    def paragraph_at(offset: int) -> Span | None:
        i = bisect.bisect_right(para_starts, offset) - 1
        return paras[i] if i >= 0 and offset < paras[i].end else None

    broken_set = {p for q in bad if (p := paragraph_at(q.span.start)) and p.contains(q.span)}
    broken = [p for p in doc.paragraphs if p in broken_set]
    # A quote carried over from an earlier paragraph keeps its doc pairing.
    kept = [q for q in good if paragraph_at(q.span.start) not in broken_set]
    kept_starts = [q.span.start for q in kept]  # sorted: doc.quotations are
    kept_max_end = list(itertools.accumulate((q.span.end for q in kept), max))
    for para in broken:
        # The furthest end of a kept quotation reaching into the paragraph.
        i = bisect.bisect_left(kept_starts, para.end) - 1
        reach = kept_max_end[i] if i >= 0 and kept_max_end[i] > para.start else para.start
        region = Span(max(para.start, reach), para.end)
        kept += [q for q in _repair(text, region) if q.content.end > q.content.start]
    kept.sort(key=lambda q: q.span.start)
    return kept


# A lead-in that gives the quote as written, not spoken: "Trump tweeted on Friday:",
# "responded in a tweet:", "wrote in a letter,". A written source's words keep its own
# forms of names; a speaker's are transcribed in the house's.
_WRITTEN_LEAD = regexcache.compile(
    r"\b(?:tweet(?:s|ed)?|wrote|writes|posted|posts"
    r"|in\s+an?\s+(?:tweet|post|statement|letter|email|message|memo|filing))\b"
    r"[^\"“”.!?\n]{0,60}$"
)
_WRITTEN_REACH = 120  # characters before a quote read for its lead-in


def in_written_quote(doc: Document, span: Span) -> bool:
    """``span`` lies inside a quotation that its lead-in gives as written (a tweet, a
    letter, a statement): its forms of names are its source's."""
    text = doc.text
    for quote in doc.quotations_overlapping(span):
        if not (quote.span.start <= span.start and span.end <= quote.span.end):
            continue
        begin = max(text.rfind("\n", 0, quote.span.start) + 1, quote.span.start - _WRITTEN_REACH)
        if _WRITTEN_LEAD.search(text, begin, quote.span.start):
            return True
    return False


def quote_attributions(doc: Document) -> list[QuoteAttribution]:
    """Every top-level double-quoted quotation with its attribution (memoised)."""
    return doc.analysis("attribution.quotes", _compute_quotes)


def _compute_quotes(doc: Document) -> list[QuoteAttribution]:
    if not QUOTE_MARKS.search(doc.text):
        return []  # no quotation marks: no sentence splitting either
    candidates = _candidates(doc)
    if not candidates:
        return []
    s = _Sentences(doc, candidates)
    found: list[QuoteAttribution] = []
    for q in candidates:
        how = (
            _attribute(s, q)
            or _chained(s, q, found)
            or _implied(s, q, found)
            or _recent_speaker(s, q)
        )
        found.append(QuoteAttribution(q, how))
    return found


def _before(s: _Sentences, q: Quotation) -> Span | None:
    """The writer's sentence right before a quote, or None when there is none.

    Usually the previous sentence (for a quote inside its sentence, only in the
    same paragraph). When the splitter joined sentences around run-on quote
    marks, the quote sits mid-"sentence" right after a full stop: then the
    writer's text since the last quotation of that sentence is the sentence
    before. A fragment of one or two words ('POW! Entertainment.', split at a
    name's '!') is read together with the sentence before it."""
    first = s.index_at(q.span.start)
    text = s.doc.text
    start = s.spans[first].start
    if text[start : q.span.start].strip():
        ends = [o.span.end for o in s.top if start <= o.span.start and o.span.end <= q.span.start]
        since = max(ends, default=start)
        writer = text[since : q.span.start]
        if writer.strip() and _SENTENCE_END.search(writer.rstrip()):
            return Span(since + len(writer) - len(writer.lstrip()), q.span.start)
        if first == 0 or not s.same_paragraph(first - 1, first):
            return None
    elif first == 0:
        return None
    before = s.spans[first - 1]
    if first >= 2 and word_count(text[before.start : before.end]) <= 2:
        before = Span(s.spans[first - 2].start, before.end)
    return before


def _chained(s: _Sentences, q: Quotation, earlier: list[QuoteAttribution]) -> str:
    """A quote right after a sentence that ends with an attributed quotation: the
    same speaker goes on (``said Ms Ray. "We tried." "It failed."``)."""
    before = _before(s, q)
    if before is None:
        return ""
    text = s.doc.text
    for previous in reversed(earlier):
        end = previous.quotation.span.end
        if end <= before.start:
            break
        if (
            previous.attributed
            and end <= before.end
            and not text[end : before.end].strip(" .,!?")
            and is_full_quote(text, previous.quotation)
        ):
            return "chained"
    return ""


# "he claims", "She has trained", "He also believes", "part of his recovery": a
# sentence about a person.
_PRONOUN_SUBJECT = regexcache.compile(
    r"\b(?:[Hh]e|[Ss]he)\s+(?:[a-z]+\s+)?[a-z]+(?:s|ed|es)\b|\b(?:[Hh]is|[Hh]er)\s+[a-z]"
)
# A capitalised name acting as a subject: "Gervais is keen", "Martyn Williams was".
_ACTS = regexcache.compile(
    r"\s+(?:is|was|has|had|will|would|can|could|[a-z]+ly\s+[a-z]+|[a-z]{3,}ed)\b"
)


def _implied(s: _Sentences, q: Quotation, earlier: list[QuoteAttribution]) -> str:
    """A quote right after a sentence about a person is theirs, by news
    convention: 'Fostering Network director Robert Tapsfield criticised the
    system. "There is no logic to it."' The sentence before must name a person
    the story has introduced (a given name or a personal title, or a surname
    the story gives in full), have he or she as a subject, or hold an
    attributed quotation; an organisation or a document is not a speaker."""
    before = _before(s, q)
    if before is None:
        return ""
    doc = s.doc
    text = doc.text
    if any(
        a.attributed
        and before.start - 1 <= a.quotation.span.end <= before.end + 1
        and is_full_quote(text, a.quotation)
        for a in earlier
    ):
        return "implied"  # the sentence before ends an attributed quotation
    if _PRONOUN_SUBJECT.search(mask_quotations(text, before.start, before.end, s.top)):
        return "implied"
    from newslint.names.extract import analyse
    from newslint.names.similar import fold

    names = doc.analysis("names", analyse)
    for mention in names.mentions:
        if mention.start >= before.end:
            break
        if mention.start < before.start or doc.in_quotation(Span(mention.start, mention.end)):
            continue
        # A pair of capitalised words not known as a person ("Vera Drake", a film)
        # does not count: it may be a title or a place.
        if mention.kind == "person" and (mention.given or mention.personal_title):
            return "implied"
        # Or a given name with a role set after it: "Debbie Wasserman Schultz, head
        # of the Democratic National Committee."
        if mention.kind == "candidate" and mention.given and _ROLE_AFTER.match(text, mention.end):
            return "implied"
        form = names.forms.get(fold(mention.surname.text))
        if mention.kind in ("single", "candidate") and form is not None and form.established:
            return "implied"
        # A profile goes on first-name terms: "Jamie has also travelled ..." after
        # "Jamie Cox" is the same person.
        if mention.kind == "single" and fold(mention.surname.text) in _given_names_used(names):
            return "implied"
        if (
            mention.kind in ("single", "candidate")
            and mention.start > before.start
            and _ACTS.match(text, mention.end)
        ):
            return "implied"  # not the sentence opener: "Double try scorer Martyn Williams was"
    return ""


_ROLE_AFTER = regexcache.compile(
    r",\s+(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+){1,3}(?:of|at|for)\s+(?:the\s+)?[A-Z]"
)
_LOOK_BACK = 3  # sentences


def _recent_speaker(s: _Sentences, q: Quotation) -> str:
    """A quote opening its sentence soon after a sentence that reports a named
    person's words ('..., according to Ms Everett. Still images miss those cues.
    "It could really take off."'): by news convention the last speaker goes on.
    The look-back stays in the quote's paragraph, or the one before when the
    quote opens a paragraph, and stops at the first sentence naming anyone."""
    first = s.index_at(q.span.start)
    text = s.doc.text
    if text[s.spans[first].start : q.span.start].strip():
        return ""
    from newslint.names.extract import analyse

    names = s.doc.analysis("names", analyse)
    paragraph_breaks = 0
    for k in range(first - 1, max(-1, first - 1 - _LOOK_BACK), -1):
        if not s.same_paragraph(k, k + 1):
            paragraph_breaks += 1
            if paragraph_breaks > 1 or k + 1 != first:
                return ""  # only the quote's own paragraph break may be crossed
        span = s.spans[k]
        if _names_person(s.doc, names, span):
            return "recent-speaker" if REPORTING.search(s.outside(k)) else ""
    return ""


def _names_person(doc: Document, names: NameAnalysis, span: Span) -> bool:
    """The span names, outside quotations, a person the story has introduced."""
    from newslint.names.similar import fold

    for mention in names.mentions:
        if mention.start >= span.end:
            break
        if mention.start < span.start or doc.in_quotation(Span(mention.start, mention.end)):
            continue
        if mention.kind == "person" and (mention.given or mention.personal_title):
            return True
        form = names.forms.get(fold(mention.surname.text))
        if mention.kind in ("single", "candidate") and form is not None and form.established:
            return True
    return False


def _given_names_used(names: NameAnalysis) -> set[str]:
    """Case-folded given names of the people the story names in full."""
    return {given for form in names.forms.values() if form.established for given in form.givens}


# -- sourcing phrases ------------------------------------------------------------

# A named source right there: "according to Reuters", "experts at Leeds
# University", "said Dr Amara Osei", "Osei said".
# Capitalised words that are no name: pronouns, generic sources and the connectives that
# open a sentence ("However, a prominent bank ..." is no "Ruiz, an economist").
_GENERIC = (
    r"(?!(?:He|She|They|It|We|I|You|This|That|These|Those|The|A|An|Officials|Experts|Critics"
    r"|Sources|Analysts|Observers|Some|Many|Others|Police|Reports|But|And|However|Yet"
    r"|Meanwhile|Still|Instead|Indeed|Moreover|Furthermore|Nevertheless|Nonetheless|Therefore"
    r"|Thus|Overall|Now|Today|Yesterday|Separately|Elsewhere|Also|Besides|Again|Then|Later"
    r"|Earlier|Otherwise|Hence|Accordingly|Conversely|Similarly|Likewise|Finally|Ultimately"
    r"|Consequently|Additionally|Notably|Importantly)\b)"
)
_NAME = rf"{_GENERIC}[A-Z][\w'’.-]*(?:\s+(?:of\s+|de\s+|van\s+)?[A-Z][\w'’.-]*)*"
_NAMED_SAME = regexcache.compile(
    rf"\b[Aa]ccording\s+to\s+(?:the\s+)?{_NAME}"
    rf"|\b(?:said|says|told|wrote|added)\s+(?!to\b)(?:the\s+)?(?:[a-z]+\s+){{0,3}}{_NAME}"
    rf"|{_NAME}\s+(?:said|says|told|wrote|added|reported|reports|found|stated|states|noted"
    rf"|notes|explained|confirmed|confirms)\b",
)
_NAMED_NEXT = regexcache.compile(
    rf"\b[Aa]ccording\s+to\s+(?:the\s+)?{_NAME}"
    # "Among those who spoke was Ana Ruiz": the members named; "among those who felt
    # left out" names no one.
    rf"|\b(?:[Aa]mong\s+(?:them|those)|[Oo]ne\s+of\s+them)\b[^.!?]{{0,100}}?\s{_NAME}"
    rf"|{_NAME},\s+(?:a|an|the|who|one)\b[^.!?]{{0,120}}?\b(?:said|says|told|wrote|added"
    rf"|believes|thinks|argued|argues|warned|warns)\b"
    rf"|\b(?:said|says)\s+{_NAME},\s+(?:a|an|the)\b",
)
# The sentence handed to one speaker at its end: "..., she said." ("they"
# may be the unnamed group itself).
_RELAYED_BY_ONE = regexcache.compile(
    r",\s+(?:he|she)\s+(?:said|says|added|told\s+[\w.’'-]+(?:\s+[A-Z][\w.’'-]+)*)"
    r"[.!]?[\"”’]?\s*$"
)
ANONYMOUS = linear(
    r"\b(?:an?|one|two|three|several)\s+(?:(?:senior|junior|former|local|government|federal"
    r"|state|ministry|military|security|intelligence|western|european|american|british"
    r"|administration|police|party|company|club|industry|white\s+house|diplomatic|european"
    r"|us|uk|eu|un)\s+){0,2}"
    r"(?:source|sources|official|officials|insider|insiders|diplomat|diplomats|aide|aides"
    r"|person|people|executive|executives|figure|figures)\s+"
    r"(?:familiar\s+with|close\s+to|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on"
    r"|who\s+(?:asked|requested|spoke|declined|did\s+not\s+want|wished)"
    r"|speaking\s+on\s+condition|said|says|told|added)"
    r"|\b(?:people|sources|officials|those)\s+(?:familiar\s+with|close\s+to"
    r"|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on)\s+the\s+"
    r"(?:matter|situation|talks|plans?|negotiations|deal|discussions|investigation|decision)"
    r"|\b(?:spoke|speaking)\s+on\s+(?:the\s+)?condition\s+of\s+anonymity"
    r"|\b(?:asked|requested|declined)\s+not\s+to\s+be\s+(?:named|identified)"
    r"|\bdeclined\s+to\s+be\s+(?:named|identified)",
    re.IGNORECASE,
)
ANONYMITY_REASON = regexcache.compile(
    r"\b(?:because|as|since)\s+(?:he|she|they|the\s+\w+|it)\s+(?:was|were|is|are|had|has|have)"
    r"\s+not\s+(?:been\s+)?(?:authori[sz]ed|allowed|permitted|cleared)"
    r"|\bnot\s+(?:authori[sz]ed|allowed|permitted|cleared)\s+to\s+(?:speak|comment|discuss|talk)"
    r"|\bto\s+(?:discuss|describe|talk\s+about|speak\s+about|speak\s+freely|reveal)\s+"
    r"(?:private|internal|confidential|sensitive|classified|ongoing|closed-door)"
    r"|\bbecause\s+of\s+the\s+sensitivity|\bfor\s+fear\s+of|\bin\s+line\s+with\s+"
    r"|\bunder\s+(?:the\s+)?(?:\w+\s+)?(?:rules|policy|guidelines)\b"
    r"|\bbecause\s+(?:the\s+)?\w+\s+(?:was|were|had|has|have)\s+not\s+(?:yet\s+)?been\s+"
    r"(?:made\s+public|announced|released)"
    r"|\bto\s+protect\s+(?:his|her|their)",
    re.IGNORECASE,
)
SOURCE_WORDS = linear(
    r"\b(?:according\s+to|figures|data|statistics|survey|surveys|study|studies|report|census"
    r"|poll|polls|estimates?|research|analysis|records|forecasts?|index|ONS|showed|shows"
    r"|show|found|finds|calculated|recorded|published|released)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SourcingPhrase:
    """A vague or anonymous attribution phrase and whether it is excused."""

    span: Span
    kind: str  # "vague" | "anonymous"
    excused: bool  # named source nearby (vague) or a stated reason (anonymous)
    shape: str = ""  # for vague phrases: the VagueSource kind ("generic", "impersonal" ...)


def _sentence_starts(doc: Document) -> list[int]:
    return doc.analysis("sentence-starts", lambda d: [s.start for s in d.sentences])


def sentence_after(doc: Document, span: Span) -> Span | None:
    """The sentence after the one holding ``span``, in the same paragraph or the next."""
    spans = doc.sentences
    i = bisect.bisect_right(_sentence_starts(doc), span.start) - 1
    return spans[i + 1] if 0 <= i < len(spans) - 1 else None


def sentence_before(doc: Document, span: Span) -> Span | None:
    """The sentence before the one holding ``span``."""
    spans = doc.sentences
    i = bisect.bisect_right(_sentence_starts(doc), span.start) - 1
    return spans[i - 1] if i >= 1 else None


def sentence_of(doc: Document, span: Span) -> Span:
    spans = doc.sentences
    i = bisect.bisect_right(_sentence_starts(doc), span.start) - 1
    return spans[max(i, 0)] if spans else span


def _vague_sources(doc: Document, top: list[Quotation]) -> list[tuple[Span, VagueSource]]:
    """Vague sources paragraph by paragraph, quotation contents masked."""
    text = doc.text
    surnames = Surnames(text)  # the whole story's: a paragraph may use a surname alone
    lower_words = _LowerWords(text, surnames)
    found: list[tuple[Span, VagueSource]] = []
    for para in doc.paragraphs:
        if not triggered(text[para.start : para.end]):
            continue
        plain = mask_quotations(text, para.start, para.end, top)
        for source in find_vague_sources(plain, lower_words, surnames):
            found.append((Span(para.start + source.start, para.start + source.end), source))
    return found


_LOWER_WORD = regexcache.compile(r"\b[a-z][a-z'-]*\b")


# Endings of abstract common nouns, which names seldom have: "Policy analysts",
# "Community leaders", "Immigration advocates", "Security experts".
_ABSTRACT_NOUN = regexcache.compile(
    r"(?:tion|sion|ity|ment|ness|ics|ism|ance|ence|cy|ship|ture|logy|phy)$"
)


class _LowerWords(WordsWritten):
    """Words the document writes in lower case (rarely needed: only to read a
    capitalised word opening a sentence), and words it never capitalises inside a
    sentence that end as abstract nouns do: "Policy analysts note" opens on a common
    word, while "Sanders said" opens on the surname of "Bernie Sanders" earlier on and
    "Labour critics" on a party."""

    def __init__(self, text: str, names: Container[str]) -> None:
        super().__init__(text, _LOWER_WORD)
        self.names = names

    def __contains__(self, word: object) -> bool:
        if super().__contains__(word):
            return True
        if not isinstance(word, str) or not word.isalpha() or word.capitalize() in self.names:
            return False
        from newslint.names.words import ORG_WORDS

        # A body keeps its capital ("Congress sources", "Reform critics"); a dictionary
        # would not do, as it holds names too ("obama").
        return word not in ORG_WORDS and bool(_ABSTRACT_NOUN.search(word))


# A study or its authors named: "published in the journal Nature", "the research,
# conducted by the University of Pennsylvania", "researchers at Leeds University".
_NAMED_STUDY = regexcache.compile(
    r"\b(?:published|appeared|reported)\s+(?:\w+\s+)?in\s+(?:the\s+)?(?:journal\s+)?[A-Z]"
    r"|\b(?:conducted|carried\s+out|led|funded|commissioned|produced)\s+by\s+(?:the\s+)?[A-Z]"
    r"|[A-Z][\w'’-]+,?\s+who\s+led\s+the\s+(?:study|research|team|survey)"
    r"|\b(?:lead|senior|first|co-?)\s*author\s+(?:of\s+the\s+study,?\s+)?(?:Dr\.?\s+|Prof\w*\.?\s+)?[A-Z]"
    # "The Daily Telegraph poll suggests": a poll named by its commissioner.
    r"|(?<![.!?]\s)(?!(?:The|A|An|This|That|New|Recent|Latest|One|Another|Opinion)\b)"
    r"[A-Z][\w'’&-]+\s+polls?\b"
    r"|\b(?i:study|research|paper|report|survey|team|researchers?|scientists?|colleagues|authors?)\s+"
    r"(?:\w+\s+)?(?:by|from|at|of|in|led\s+by)\s+(?:the\s+)?[A-Z]"
)
_CAPITALISED_RUN = regexcache.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
# A footnote marker: "[12]" in the text, or a link whose text is a number ("studies
# show (3)" with the 3 linked to the reference): the sentence cites its source.
_FOOTNOTE_MARK = regexcache.compile(r"\[\d{1,3}\]")
_NUMBER = regexcache.compile(r"\d{1,3}")
_MARK_REACH = 6  # a marker may follow the sentence's full stop: "... weight loss.(4)"


def _cited(doc: Document, sentence: Span) -> bool:
    """Whether ``sentence`` carries a footnote marker that cites its source."""
    end = min(len(doc.text), sentence.end + _MARK_REACH)
    if _FOOTNOTE_MARK.search(doc.text, sentence.start, end):
        return True
    return any(
        _NUMBER.fullmatch(doc.span_text(link.span).strip())
        for link in doc.links_in(Span(sentence.start, end))
    )


@functools.lru_cache(maxsize=4)  # asked again for each generic study head of a story
def _names_a_study(text: str) -> bool:
    """Whether the story names a study or its authors anywhere. A country is no
    name for them: "researchers from Japan" leaves the researchers unnamed."""
    from newslint.names.lists import is_country

    for m in _NAMED_STUDY.finditer(text):
        run = _CAPITALISED_RUN.match(text, m.end() - 1)
        if run is None or not is_country(run.group()):
            return True
    return False


# Heads a named study or its authors account for, wherever the story names them.
_STUDY_HEADS = frozenset(
    [
        "researchers",
        "scientists",
        "study",
        "studies",
        "research",
        "survey",
        "surveys",
        "findings",
        "report",
        "poll",
        "polls",
    ]
)


# A publisher named as the subject of publishing: "The Resolution Foundation published
# ...", "Ofcom has released", "YouGov carried out" (the document then comes with "the").
_PUBLISHED = regexcache.compile(
    r"(?<![.!?]\s)\b[A-Z][\w&'’.-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&'’.-]*){0,5}\s+"
    r"(?:has\s+|have\s+|had\s+|recently\s+|also\s+)?"
    r"(?:published|released|issued|commissioned|conducted|carried\s+out|produced)\b"
)


# A document with a proper modifier anywhere: "the Forum for the Future research",
# "a Gallup poll", "the Treasury's report" (not a capital that opens a sentence).
_PROPER_DOCUMENT = regexcache.compile(
    r"(?<![.!?]\s)(?<!^)\b(?!(?:The|A|An|This|That|New|Its|Their)\b)[A-Z][\w&.-]*(?:['’]s)?\s+"
    r"(?:(?:new|latest|annual|recent|own)\s+)?(?:study|studies|report|survey|poll|research|index)\b"
)


# An earlier mention of a document, or of the research behind one, that "the
# study" / "the report" may point back to.
_ANTECEDENT = regexcache.compile(
    r"(?i)\b(?:stud(?:y|ies)|reports?|surveys?|polls?|polling|research\w*|findings|paper)\b"
)


# "a survey by the firm", "a report for the council": a document given an author.
_AUTHORED = regexcache.compile(r"\s+(?:by|for|from|commissioned|conducted|carried|published)\b")
# "a new", "one recent", "another": a document brought in without a name.
_INDEFINITE_BEFORE = regexcache.compile(r"(?i)\b(?:a|an|one|another)\s+(?:[a-z-]+\s+){0,2}$")


def _introduced(doc: Document, span: Span, top: list[Quotation]) -> bool:
    """ "The study reveals": is the document known to the reader? It is when the story
    names a study or its publisher anywhere, names any source before it ("Ifo said its
    index fell ... The study found": "the" points back to what that source published),
    or mentions a document before other than as "a new study" (an antecedent: "its
    report", "research by ...")."""
    text = doc.text
    if _names_a_study(text) or _PUBLISHED.search(text):
        return True
    plain = doc.analysis(
        "attribution.masked", lambda d: mask_quotations(d.text, 0, len(d.text), top)
    )
    if _NAMED_SAME.search(plain, 0, span.start) or _PROPER_DOCUMENT.search(plain):
        return True
    first = doc.paragraphs[0] if doc.paragraphs else None
    # A first line with no closing full stop is the story's title, heading or not.
    title = (
        first
        if first and not _SENTENCE_END.search(text[first.start : first.end].rstrip())
        else None
    )
    for m in _ANTECEDENT.finditer(text, 0, span.start):
        hit = Span(m.start(), m.end())
        if doc.in_heading(hit) or (title and title.overlaps(hit)):
            continue  # a headline ("Study finds ...") introduces nothing to the reader
        if not _INDEFINITE_BEFORE.search(text, max(0, m.start() - 40), m.start()) or (
            _AUTHORED.match(text, m.end())
        ):
            return True  # "its report", "the Ifo survey", "research by ...": known to the reader
        # "A recent study found ... the study also reveals": still no one's study.
    return False


# An institution speaking: a name, the police or prosecutors, or "the ministry" and its
# kind, as the subject of a reporting verb ("Prosecutors in Queens said", "The ministry
# confirmed").
_INSTITUTION_SPOKE = regexcache.compile(
    r"\b(?:[Pp]olice|[Pp]rosecutors|[Ii]nvestigators|[Aa]uthorities|[Tt]he\s+(?:ministry|department"
    r"|agency|council|company|government|office|commission|authority|army|military|court"
    r"|bank|firm|club|school|university|hospital))\b(?:\s+(?:in|of|for|at)\s+[A-Z][\w'’.-]*"
    r"(?:\s+[A-Z][\w'’.-]*)*)?\s+(?:\w+\s+){0,2}?(?:said|says|told|announced|confirmed"
    r"|stated|added|reported)\b"
)


def _bare(text: str, span: Span) -> bool:
    """The source noun opens the phrase with nothing before it: "officials said"."""
    return text[span.start : span.start + 9].lower() == "officials"


def _institution_spoke(doc: Document, span: Span, top: list[Quotation]) -> bool:
    """ "Prosecutors in Queens said ... officials said": bare "officials" right after an
    institution has spoken (in this sentence or the two before) are its officials."""
    text = doc.text
    sentence = sentence_of(doc, span)
    start = sentence.start
    for _ in range(2):
        before = sentence_before(doc, Span(start, start))
        if before is None:
            break
        start = before.start
    plain = mask_quotations(text, start, span.start, top)
    return bool(_INSTITUTION_SPOKE.search(plain))


# A frame that puts a claim before the story's own events.
_PAST_FRAME = regexcache.compile(
    r"(?i)\b(?:over|for|in)\s+(?:the\s+)?(?:past\s+|last\s+)?(?:years|decades|centuries)\b"
    r"|\bin\s+the\s+(?:1[89]|20)\d0s\b|\bhistorically\b|\bin\s+the\s+past\b"
)


# People heads a named member elsewhere in the story accounts for ("sources" and
# "insiders" stay unnamed whoever employs them).
_PEOPLE_HEADS = (PLURAL_HEADS | SINGULAR_HEADS) - {"sources", "insiders"}


def _named_in_story(doc: Document, head: str, top: list[Quotation]) -> bool:
    """The story names sources of this kind somewhere, before or after: "economists
    at HSBC", "Dr Ana Ruiz, an economist at ...", "HSBC economists". The generic
    phrase then summarises people the reader can check, not an unnamed crowd."""
    plain = doc.analysis(
        "attribution.masked", lambda d: mask_quotations(d.text, 0, len(d.text), top)
    )
    stem = re.escape(head[:-3] if head.endswith("ies") else head.rstrip("s"))
    # One scan of the story per kind of source, however often the kind is used.
    # "Blair's critics" name whom they judge, not themselves; "Moody's analysts" are named.
    camp = head in CAMPS
    return doc.analysis(
        f"attribution.named-in-story:{stem}", lambda _: _named(plain, stem, possessive=not camp)
    )


# "Wall Street analysts": the second word of a trade's place is no name of them.
_NOT_A_TRADE = "".join(rf"(?<!{first.title()}\s)" for first, _ in TRADE_PLACES)


def _named(plain: str, stem: str, possessive: bool = True) -> bool:
    modifier = r"[\w&'’.-]*" if possessive else r"[\w&.-]*"
    return bool(
        re.search(
            rf"\b(?i:{stem})(?:s|es)?\s+(?:at|from|of|with|for)\s+(?:the\s+)?[A-Z][\w&.-]*\b(?!['’])"
            rf"|(?<=[a-z,]\s){_NOT_A_TRADE}[A-Z]{modifier}\s+{stem}(?:s|es)?\b"
            rf"|{_GENERIC}[A-Z][\w'’-]+,\s+(?:a|an|the|one|who|both)\b[^.!?]{{0,80}}"
            rf"\b{stem}(?:s|es)?\b",
            plain,
        )
    )


# 'I believe ...,' says X: speech in single marks (apostrophes inside are fine).
_SINGLE_QUOTED = regexcache.compile(r"(?:^|(?<=[\s,:(]))['‘][A-Za-z].*?[.,!?…]['’](?=[\s)]|$)")
_FIRST_PERSON = regexcache.compile(r"\b(?:I|I'm|I've|I'd|I’m|I’ve|I’d)\s+[a-z]")


def first_person_voice(doc: Document) -> bool:
    """The writer speaks as "I" outside quotations: a column, a review, a diary,
    where "many feel" is the writer's own voice rather than sourcing (memoised)."""
    return doc.analysis("attribution.first-person", _first_person)


def _first_person(doc: Document) -> bool:
    text = doc.text
    for para in doc.paragraphs:
        if (
            QUOTE_MARKS.search(text, para.start, para.end)
            or "'" in text[para.start : para.start + 2]
        ):
            continue  # speech run in without closing marks reads like "I" too: skip it
        # Single-quoted speech ('I believe ...') is still speech, not the writer.
        plain = _SINGLE_QUOTED.sub(" ", text[para.start : para.end])
        if _FIRST_PERSON.search(plain):
            return True
    return False


def named_attributions(doc: Document) -> int:
    """How many attributions name their source ("Osei said", "said Dr Osei",
    "according to Reuters"), quotation contents masked (memoised)."""
    return doc.analysis("attribution.named", _count_named)


def _count_named(doc: Document) -> int:
    top = [q for q in doc.quotations if not q.nested]
    return sum(
        len(_NAMED_SAME.findall(mask_quotations(doc.text, p.start, p.end, top)))
        for p in doc.paragraphs
    )


def sourcing_phrases(doc: Document) -> list[SourcingPhrase]:
    """Vague and anonymous attribution phrases outside quotations (memoised)."""
    return doc.analysis("attribution.sourcing", _compute_sourcing)


# Named members after a short verb phrase, before any clause of the claim ("that").
_MEMBERS_AFTER = regexcache.compile(
    r"(?:\s+(?!that\b)[\w'’-]+){0,6}?\s*,\s*(?:including|such\s+as|among\s+them|notably)\s+"
    r"(?:the\s+)?[A-Z]"
)
# A full stop and a capital between two phrases the sentence splitter kept together.
_SENTENCE_GAP = regexcache.compile(r"[.!?][\"'”’)]*\s+[A-Z]")
_DEFINITE_OPENING = regexcache.compile(r"(?i)(?:the|this|that|these)\b")


# A full stop after a lower-case word, then a capital: a sentence end the splitter missed
# (not "Mr. Smith", "U.S. Treasury", "Inc. said").
_MISSED_END = regexcache.compile(r"(?<=[a-z]{3})[.!?][\"'”’)]*\s+(?=[A-Z])")


def _own_sentence(text: str, sentence: Span, span: Span) -> tuple[Span, Span | None]:
    """The part of ``sentence`` that holds ``span``, cut at sentence ends the splitter
    missed, and the rest of it after that part (the true next sentence), if any."""
    start, end = sentence.start, sentence.end
    for m in _MISSED_END.finditer(text, sentence.start, span.start):
        start = m.end()
    cut = _MISSED_END.search(text, span.end, sentence.end)
    if cut is None:
        return Span(start, end), None
    return Span(start, cut.start() + 1), Span(cut.end(), end)


def _same_paragraph(doc: Document, a: Span, b: Span) -> bool:
    return any(p.start <= a.start and b.start < p.end for p in doc.paragraphs)


# Single unnamed people: "a source close to the family", "one NBA insider".
_UNNAMED_KINDS = ("unnamed", "affiliated")


def _compute_sourcing(doc: Document) -> list[SourcingPhrase]:
    text = doc.text
    anonymous = [
        Span(m.start(), m.end())
        for m in ANONYMOUS.finditer(text)
        if not doc.in_quotation(Span(m.start(), m.end()))
    ]
    found_trigger = triggered(text)
    if not anonymous and not found_trigger:
        return []  # no trigger words: no quotation or sentence analysis
    top = [q for q in doc.quotations if not q.nested]
    vague = _vague_sources(doc, top) if found_trigger else []
    # An unnamed source ("a source close to the family said") is both anonymous (no
    # reason given for anonymity) and vague (no one the reader can check): both kinds.
    # Where the story brings in an unnamed source: "a source close to ...", "according
    # to sources", "people familiar with the talks".
    introductions = [a for a in anonymous] + [
        v[0]
        for v in vague
        if v[1].head in UNNAMED_HEADS and not _DEFINITE_OPENING.match(text, v[0].start)
    ]
    vague = [
        v
        for v in vague
        if v[1].kind in _UNNAMED_KINDS or not any(a.overlaps(v[0]) for a in anonymous)
    ]
    found: list[SourcingPhrase] = []
    for span in anonymous:
        sentence = sentence_of(doc, span)
        reason = ANONYMITY_REASON.search(mask_quotations(text, sentence.start, sentence.end, top))
        found.append(SourcingPhrase(span, "anonymous", bool(reason)))
    previous: Span | None = None
    for span, source in vague:
        whole = sentence_of(doc, span)
        # Two sentences the splitter kept together ("... new reports. Insiders told
        # Life & Style ...") are judged apart: the name in one does not excuse the other.
        sentence, rest = _own_sentence(text, whole, span)
        earlier, previous = previous, span
        if (
            source.kind == "impersonal"
            and earlier is not None
            and earlier.start >= sentence.start
            and not _SENTENCE_GAP.search(text, earlier.end, span.start)
        ):
            # "Officials said that the pair are still considered dangerous": the judgement
            # is the content of the claim already flagged, not a second source.
            continue
        same = mask_quotations(text, sentence.start, sentence.end, top)
        if source.kind in _UNNAMED_KINDS:
            # "The source added" after "a source close to the family said": the same
            # source again, with a new claim the reader cannot check either. Reported as
            # a "repeat" (informational): the warning, if any, is where the story brings
            # the source in.
            shape = source.kind
            if _DEFINITE_OPENING.match(text, span.start) and any(
                a.start < span.start for a in introductions
            ):
                shape = "repeat"
            # Named by nothing but a stated reason for anonymity ("told the BBC" names
            # the outlet, not the source).
            explained = bool(ANONYMITY_REASON.search(same))
            found.append(SourcingPhrase(span, "vague", explained, shape))
            continue
        named = bool(_NAMED_SAME.search(same, span.end - sentence.start))
        if not named and source.kind in ("generic", "open", "split", "role"):
            # "several celebrities have spoken out against him, including Lady Gaga": the
            # members named right after the verb's own words.
            named = bool(_MEMBERS_AFTER.match(same, span.end - sentence.start))
        if not named and _NAMED_SAME.search(same[: span.start - sentence.start]):
            named = bool(re.search(r"\baccording\s+to\b", same[: span.start - sentence.start]))
        if not named and _RELAYED_BY_ONE.search(same, span.end - sentence.start):
            # "Officials predicted delays, she said": a named speaker (he or she is
            # someone the story has named) relays what the group said or thinks.
            named = True
        after = rest or sentence_after(doc, span)
        if not named and after is not None:
            named = bool(_NAMED_NEXT.search(mask_quotations(text, after.start, after.end, top)))
        if not named and source.kind == "definite":
            named = _introduced(doc, span, top)
        if not named and source.head == "officials" and _bare(text, span):
            named = _institution_spoke(doc, span, top)
        # "Over the years, scientists have noted", "In the 1990s, researchers found": a
        # time before the story's own work; the people it names do not answer for them.
        past = bool(_PAST_FRAME.search(text, sentence.start, span.start))
        if not named and source.kind == "generic" and source.head in _PEOPLE_HEADS and not past:
            named = _named_in_story(doc, source.head, top)
        if not named and source.kind == "impersonal" and source.head != "it":
            # "was deemed the best course" right after "according to the Association":
            # an agentless judgement whose judge the sentence before has named (in the
            # same paragraph: a new paragraph leaves the named source behind).
            before = sentence_before(doc, span)
            if before is not None and _same_paragraph(doc, before, span):
                plain = mask_quotations(text, before.start, before.end, top)
                named = bool(_NAMED_SAME.search(plain))
        finding = source.kind == "impersonal" and text[span.end - 5 : span.end] in (
            "found",
            "shown",
        )
        other = re.match(
            r"(?i)(?:some\s+)?(?:previous|earlier|past|prior|other|older)\b",
            text[span.start : span.end],
        )
        if not named and (source.head in _STUDY_HEADS or finding) and not other and not past:
            # A study, or the people behind one, that the story names before or after.
            named = _names_a_study(text)
        if not named:
            named = _cited(doc, sentence)
        found.append(SourcingPhrase(span, "vague", named, source.kind))
    found.sort(key=lambda p: p.span)
    return found


# -- figures -------------------------------------------------------------------

# Only numbers that are claims somebody counted or calculated: casualty counts,
# shares of a population, large counts of people and costs. Rates, prices,
# market moves, budgets, dates, ages, times and scores are left alone.
_AMOUNT = r"\d[\d,]*(?:\.\d+)?"
_BIG = r"\s?(?:bn|m|billion|million|trillion)\b"
_POPULATION = (
    r"(?:people|adults|children|voters|households|families|patients|women|men|workers"
    r"|employees|students|pupils|teenagers|businesses|firms|companies|users|consumers"
    r"|residents|citizens|americans|britons|parents|doctors|nurses|teachers|smokers"
    r"|drivers|homes|population|respondents|victims|refugees|migrants)\b"
)
_CASUALTIES = (
    r"(?:people|civilians|soldiers|troops|children|residents|migrants|refugees|passengers"
    r"|workers|protesters|militants|fighters|patients|victims|miners|police\s+officers)"
)
_STRUCK = (
    r"(?:killed|dead|died|injured|wounded|missing|hurt|displaced|arrested|detained"
    r"|infected|evacuated)\b"
)
_NUMBER_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
FIGURE = regexcache.compile(
    rf"(?<![\w.,-]){_AMOUNT}(?:{_BIG})?\s+(?:\w+\s+){{0,2}}?{_CASUALTIES}\s+"
    rf"(?:(?:were|have\s+been|had\s+been|are|was|have|had)\s+)?{_STRUCK}"
    rf"|\bdeath\s+toll\s+(?:\w+\s+){{0,4}}?{_AMOUNT}"
    r"|\b(?:killing|killed|injuring|injured|wounding|wounded)\s+(?:at\s+least\s+"
    rf"|more\s+than\s+|about\s+|some\s+|nearly\s+|almost\s+|around\s+)?{_AMOUNT}"
    rf"(?=\s+(?:\w+\s+)?{_CASUALTIES}|\s*[,.])"
    rf"|(?<![\w.,-]){_AMOUNT}\s?(?:%|per\s?cent\b|percent\b)\s+of\s+(?:all\s+|the\s+)?"
    rf"(?:\w+\s+){{0,2}}?{_POPULATION}"
    rf"|\b{_NUMBER_WORD}\s+in\s+(?:every\s+)?{_NUMBER_WORD}\s+(?:\w+\s+){{0,2}}?{_POPULATION}"
    rf"|(?<![\w.,-]){_AMOUNT}{_BIG}\s+(?:\w+\s+)?{_POPULATION}"
    rf"|\b(?:cost|costs|costing|lost|loses|losing|wasted|wastes|owed|owes|damage\s+worth"
    rf"|fraud\s+worth)\s+(?:the\s+)?(?:\w+\s+){{0,3}}?(?:about\s+|around\s+|nearly\s+"
    rf"|almost\s+|more\s+than\s+|over\s+|up\s+to\s+|an\s+estimated\s+)?[$£€¥]{_AMOUNT}"
    rf"(?:{_BIG})?",
    re.IGNORECASE,
)
_FIGURE_HINT = regexcache.compile(
    r"[%$£€¥]|per\s?cent|percent|illion|death|kill|injur|wound|dead|died|missing|\bin\s+\w+\s",
    re.IGNORECASE,
)


def unsourced_figures(doc: Document) -> list[Span]:
    """The first claim-like figure of each sentence whose paragraph names no source."""
    return doc.analysis("attribution.figures", _compute_figures)


def _compute_figures(doc: Document) -> list[Span]:
    text = doc.text
    if not _FIGURE_HINT.search(text):
        return []
    top = [q for q in doc.quotations if not q.nested]
    found: list[Span] = []
    starts: list[int] | None = None
    for para in doc.body:
        if para in doc.headings:
            continue
        plain = mask_quotations(text, para.start, para.end, top, keep_marks=False)
        # Most news paragraphs name a source; test that before the costly FIGURE scan.
        if REPORTING.search(plain) or SOURCE_WORDS.search(plain):
            continue
        matches = list(FIGURE.finditer(plain))
        if not matches:
            continue
        if starts is None:
            starts = [s.start for s in doc.sentences]
        seen: set[int] = set()
        for m in matches:
            span = Span(para.start + m.start(), para.start + m.end())
            sentence = bisect.bisect_right(starts, span.start)
            if doc.in_skipped(span) or sentence in seen:
                continue
            seen.add(sentence)
            found.append(span)
    return found
