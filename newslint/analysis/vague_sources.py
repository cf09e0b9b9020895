"""Vague attribution by structure.

A claim is vaguely attributed when its source is a generic noun phrase --
optional quantifier, modifiers, a source noun ("some independent analysts",
"a new report", "research") -- that is the subject of a reporting or belief
verb in any tense or order ("analysts say", "some experts have warned",
"critics were quick to point out", "..., said observers", "according to
experts"), and nothing names it: no proper noun attached by a preposition
("analysts at Barclays", "a report by the IMF"), no proper modifier ("a Pew
Research report", "Treasury officials"), no apposition ("..., including Dr
Osei"). The word lists below are word *classes* (source nouns, reporting and
belief verbs, auxiliaries); the phrase is parsed, not matched whole.

Two other shapes are found here too: a source split in two ("some say ...,
while others ...": pronoun quantifiers as subjects), impersonal or
self-sourcing ("it is understood", "the player is thought to", "we
understand", "this newspaper has learned", "BBC Sport understands"), and
agentless consensus or hearsay ("is increasingly recognised", "has been
attributed to", "there is growing support for", "..., with reports of").
Besides saying and believing, the verb classes take in ascribing ("experts
credit X to Y"), discussing ("pundits talked about"), announcing, a crowd's
verdict in the past ("many have praised") and labelling ("some called it").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container
from dataclasses import dataclass
from typing import NamedTuple

from newslint import regexcache
from newslint.analysis.claim_evidence import (
    CLAIM_STANCES,
    SPREADING,
    open_claim,
    predicate_as,
)
from newslint.analysis.claim_evidence import HINTS as _CLAIM_HINTS
from newslint.analysis.dates import MONTH_NAMES, WEEKDAY_NAMES
from newslint.analysis.linear import linear
from newslint.wordlists import words as _words


def _inflect(lemma: str) -> set[str]:
    """Regular forms of a verb lemma: base, -s, -ed, -ing."""
    if lemma.endswith("e"):
        return {lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x")):
        return {lemma, lemma + "es", lemma + "ed", lemma + "ing"}
    return {lemma, lemma + "s", lemma + "ed", lemma + "ing"}


# Reporting and belief verbs (lemmas; regular forms generated) ...
_REGULAR = """
believe suggest warn predict argue claim fear expect estimate indicate note agree
reckon insist contend speculate maintain reveal conclude report doubt caution
acknowledge admit question worry confirm allege urge recommend advise forecast deny affirm
calculate concede stress emphasise emphasize highlight observe assert dispute
complain suspect assume anticipate worry state point add explain describe accuse praise
hail tout criticise criticize condemn slam advocate
remark reply respond counter caution believe wonder hope imply accept concur underscore
express applaud compare liken voice theorize theorise recount blame
announce discuss discover attribute credit laud prove cite
decry denounce lament bemoan commend underline posit
disclose reiterate assure debunk declare confide insinuate proclaim opine surmise
"""
# ... and the irregular ones, all forms listed.
_IRREGULAR = """
say says said saying tell tells told telling think thinks thought thinking
show shows showed shown showing find finds found finding feel feels felt feeling
write writes wrote written writing stating commented commenting proven
"""
REPORTING_FORMS: frozenset[str] = frozenset(
    {form for lemma in _REGULAR.split() for form in _inflect(lemma)} | set(_IRREGULAR.split())
) - {"point", "points", "pointed", "pointing", "states", "state", "report", "reports"}
# "point" only counts with "out"; "state(s)" and "report(s)" are nouns far more often.
_NEEDS_OUT = {"point", "points", "pointed", "pointing"}
# Participles that report speech or a view after a comma: "..., saying that".
_SAYING = frozenset(form for form in REPORTING_FORMS if form.endswith("ing")) | _words(
    "calling dubbing branding labelling labeling terming"
)  # "..., calling it callous": a verdict on the object, in the subject's words
# "talk" reports speech only with "about" ("pundits have talked about"). ("pointed
# to" cites evidence rather than making a claim: left out, like bare "point".)
_TALK = _words("talk talks talked talking")
# Answering a request puts no claim in anyone's mouth: "Few offices responded to
# requests for comment", "some did not reply to questions".
_RESPONDING = _words("respond responds responded responding reply replies replied replying")
_REQUESTS = _words(
    "request requests question questions inquiry inquiries enquiry enquiries call calls "
    "message messages email emails e-mails query queries"
)
# Verbs of ascribing a cause or merit ("experts attribute the fall to ...") need their
# "to" or "with" later in the clause: "credit" and "attribute" are nouns too.
_ASCRIBING = frozenset(form for lemma in ("attribute", "credit") for form in _inflect(lemma))
# Naming verbs take an object and its label: "some called it a disgrace".
_NAMING = _words("call calls called calling dub dubs dubbed dubbing")
_OBJECT_PRONOUNS = _words("it this that him her them")
# Past participles that make an impersonal passive ("it is understood").
IMPERSONAL = _words(
    "thought understood believed said reported rumoured rumored alleged claimed feared "
    "suggested speculated found shown estimated argued assumed expected hoped predicted revealed "
    "uncovered discovered established confirmed announced reiterated disclosed learned learnt "
    "anticipated"
)

# Source nouns: people who are cited as a group, and documents.
_PEOPLE_PLURAL = """
analysts experts observers critics insiders officials sources commentators economists
scientists researchers pundits specialists academics watchers strategists diplomats
campaigners scholars historians sceptics skeptics detractors voices witnesses eyewitnesses
doctors activists professionals
"""
_PEOPLE_SINGULAR = """
analyst expert observer critic commentator economist scientist researcher pundit
specialist academic watcher strategist scholar official
"""
# ("data" and "statistics" stay out: edited copy cites "official statistics" as a
# known source, and "cited statistics showing" names who cites them.)
_DOCS = (
    "report reports study studies research survey surveys findings poll polls experiments "
    "theory theories"  # "one theory posits that": whose?
)
# Outlets cited without their name ("a well-known tabloid reported", "according to a
# local newspaper"): the reader cannot check which. With "the", one already named.
_OUTLETS = (
    "tabloid tabloids publication publications newspaper newspapers outlet outlets magazine "
    "magazines"
)
OUTLET_HEADS = frozenset(_OUTLETS.split())
# Interested parties cited as a bloc.
# ("authorities", like the police, are an institution acting in the story, not a crowd.)
_PARTIES = "supporters opponents proponents advocates"
PLURAL_HEADS = frozenset(_PEOPLE_PLURAL.split() + _PARTIES.split())
# Singular nouns for an undivided crowd: "the scientific community". ("The public" is
# left out: in news copy it is what a poll measured more often than who claims.)
COLLECTIVES = _words("community establishment fraternity")
# Documents that, with "the", may find or report on their own ("the study reveals").
_DEFINITE_DOCS = _words("report study survey poll research reports studies surveys polls")
# A body left unnamed: "a prominent bank has expressed doubts" (singular only: "banks"
# lending or cutting jobs are a trade acting, not a source).
_BODIES_SINGULAR = "bank brokerage consultancy"
SINGULAR_HEADS = frozenset(_PEOPLE_SINGULAR.split() + _BODIES_SINGULAR.split())
DOC_HEADS = frozenset(_DOCS.split()) | OUTLET_HEADS
HEADS = PLURAL_HEADS | SINGULAR_HEADS | DOC_HEADS
# Pronoun-like quantifiers that stand as a vague subject themselves ("some say").
PRONOUN_SUBJECTS = _words("some many others most few everyone everybody")

# Determiners that leave a source vague, and those that point back to one already
# introduced (anaphora: "the report", "these experts") and so name it.
VAGUE_DETERMINERS = _words(
    "some many several most few other various numerous countless all more a an one multiple "
    "another two three four five six seven eight nine ten dozens hundreds"
)
DEFINITE = _words(
    "the these those this that its their his her our your my such both each whose which "
    "either neither"
)
# "a number of analysts": the head of the phrase is the last noun.
_QUANTITY_NOUNS = _words(
    "number host handful lot lots majority group team panel chorus range array variety wave "
    "raft slew coalition crowd plenty"
)
# ... of which those that count people rather than things or shares ("a lot of things",
# "a majority of voters").
_CROWD_NOUNS = _QUANTITY_NOUNS - _words("lot lots majority range array variety")
# Words inside a verb group before the verb: auxiliaries, negation, adverbs, and
# "quick to"-style frames.
AUXILIARIES = _words(
    "have has had having will would may might could can should must do does did are were is "
    "was be been being not n't never also now still already even often long widely generally "
    "privately publicly repeatedly increasingly soon again too all both however though "
    "quick keen eager likely unlikely ready careful right wrong happy to continue continued "
    "continues began begin begun seem seems seemed appear appears appeared tend tends tended "
    "went go goes on"
)
# Stance words that are as often the mood of those acting in the story ("investors
# remain cautious"): a bare role plural's stance only with a claim after them ("cautious
# about whether", "unsure that"); an expert's ("economists remain cautious") always.
_MOOD_ADJECTIVES = _words("cautious unsure uncertain bullish bearish upbeat")
_CLAIM_AFTER_MOOD = _words("about over")
_BELIEF_ADJECTIVES = (
    _words(
        "worried concerned convinced confident sceptical skeptical optimistic pessimistic "
        "adamant divided unconvinced hesitant wary doubtful hopeful fearful critical "
        "supportive opposed"
    )
    | _MOOD_ADJECTIVES
)
_SEE_AS = _words(
    "see sees saw seeing view views viewed regard regards regarded dismiss dismisses dismissed "
    "dismissing"
)
_TO_FRAMES = _words(
    "quick keen eager likely unlikely ready careful right wrong happy continue continued "
    "continues began begin begun seem seems seemed appear appears appeared tend tends tended "
    "went go goes on used beginning start starts started starting"
)
# Verbs of demanding that take "for": "many are calling for", "advocates are pushing for".
# Verbs of telling or confirming: negated, they attribute nothing ("have not said").
# Negated belief ("critics do not believe") still puts a stance in someone's mouth.
_DISCLOSING = frozenset(
    form for lemma in _words("confirm reveal explain state disclose") for form in _inflect(lemma)
) | _words("say says said saying tell tells told telling")
_NEGATIONS = _words("not n't never yet")
_CALL = _words(
    "call calls called calling push pushes pushed pushing lobby lobbies lobbied lobbying "
    "press presses pressed pressing campaign campaigns campaigned campaigning"
)
# "shed light on": a finding verb in two words.
_SHED = _words("shed sheds shedding")
_BE = _words("is are was were be been being")
# After "called it": particles and prepositions, not a label ("called them back").
_NOT_LABELS = _words("to back in up off on for into over round around by at from")
# Linking verbs that take a stance adjective like "be" does: "remained optimistic".
# Progressives that frame the verb after their "to": "are starting to argue".
_STARTING = _words("beginning starting")
_LINKING = _words(
    "remain remains remained remaining become becomes became becoming grew grow grown growing"
)
# The police speak for their institution: "police sources", "law enforcement officials".
_POLICE = _words("police enforcement")
# Attachments a source noun may carry before its verb without being named by them.
_OPEN_ATTACHMENTS = _words("of in within across inside")
# Police and justice roles: a bare plural ("investigators say", "prosecutors said") is
# the institution acting in the story, named there, as the police are.
_JUSTICE = _words(
    "investigators prosecutors detectives officers coroners firefighters paramedics "
    "rescuers troopers deputies marshals"
)
# Prepositions that attach an affiliation to a source noun ("analysts at X").
AFFILIATION = _words("at from with of in for by on within inside across")
# Introduce named members right after the noun phrase.
MEMBERS = regexcache.compile(r"\s*,?\s*(?:including|such\s+as|among\s+them|led\s+by|like)\s+[A-Z]")
_FUNCTION = _words(
    "and or but if as than then so because while whereas although though when where who whom "
    "that which what it he she they we you i there here not no is are was were be been to "
    "into onto over under about after before between against during without"
)
_STOP = (
    _FUNCTION
    | AFFILIATION
    | _words("how why whether what who whom to about than like against among via per")
)
# "-ed" words that modify a source noun rather than take it as object.
_ED_ADJECTIVES = _words(
    "respected unnamed qualified concerned informed worried renowned trusted unidentified "
    "experienced seasoned talented skilled specialised specialized learned unconfirmed "
    "unverified undisclosed unspecified"
)
# Common modifiers of source nouns: a seed so that a capitalised word opening the
# sentence ("Industry insiders ...") is read as a common word, not a name.
_COMMON_MODIFIERS = _words(
    """industry independent leading local political senior top western foreign legal health
    medical market city security military government financial economic environmental
    climate tech technology media news press defence defense intelligence scientific
    academic many some most several other various numerous new recent latest previous
    early earlier several prominent respected influential outside outspoken fierce vocal
    conservative liberal opposition party union trade business energy oil property housing
    retail consumer internet software computer games music film football sport sports
    rugby cricket tennis police army aviation travel education school university close
    longtime former"""
)
_ADJ_SUFFIX = regexcache.compile(
    r"(?:al|ial|ent|ant|ive|ous|ic|ing|ed|ary|arian|ful|less|ible|able|ist|ern|ior)$", re.I
)

_TOKEN = regexcache.compile(r"[A-Za-z][\w'’-]*|\d[\d,.%]*|[.!?]+|[,;:()—–]")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    low: str  # lower case, curly apostrophe straightened


@dataclass(frozen=True)
class VagueSource:
    """One vague attribution: its span in the searched text and its kind.

    kind: "generic" (a generic source noun phrase with a reporting verb), "role"
    (a bare plural of a role noun claiming something: "employers have warned"),
    "split" (a pronoun subject: "many believe", "some say"), "pair" (a source
    split in two in one sentence: "some say ..., while others argue ..."),
    "self" (the publication sourcing itself without a name), "impersonal" ("it
    is understood", "is widely seen as", "there are fears that"), "outlet" (a
    named outlet: "BBC Sport understands"), "open" (a generic source whose verb is
    in no list but whose clause makes a claim, ``claim_evidence``: "critics charge
    that", "is seen by many as"), "definite" (a document with "the" that finds or
    reports: "the study reveals"; vague only when the story never names it, which
    ``newslint.analysis.attribution`` decides), "collective" (a whole community as
    the holder of a claim: "the international community has condemned").
    ``head`` is the source noun or pronoun.
    """

    start: int
    end: int
    kind: str
    head: str


# Not "of": "a host of lenders and economists" counts them, its list is the subject.
_LIST_GOVERNORS = _words("with among from including")
_LIST_REACH = 30  # tokens back from the last item to the preposition


def _last_of_listed_objects(tokens: list[Token], before: int, head: int) -> bool:
    """The noun phrase ends a list of bare plurals that a preposition governs
    ("interviews with cardinals, Vatican officials, diplomats and analysts"):
    the list is the preposition's object, and the sentence's subject is the
    noun before it. Each item is plural words ("Italian politicians"), joined
    by commas and a final "and"/"or"; a determiner or a singular item ("at the
    ministry, diplomats and analysts") ends the search. A list before a
    participle is an absolute clause's subject ("with lawmakers and activists
    condemning ..."), read elsewhere."""
    if before < 1 or tokens[before].low not in ("and", "or"):
        return False
    if head + 1 < len(tokens) and tokens[head + 1].low.endswith("ing"):
        return False
    item_has_plural = False
    for k in range(before - 1, max(-1, before - _LIST_REACH), -1):
        token = tokens[k]
        if token.text == "," or token.low in ("and", "or"):
            if not item_has_plural:
                return False
            item_has_plural = False
        elif token.low in _LIST_GOVERNORS:
            return item_has_plural
        elif not token.text.isalpha() or token.low in _FUNCTION or token.low in _ARTICLES:
            return False
        elif not item_has_plural:
            # An item's last word is its head: a plural ("officials", not "ministry").
            if not token.low.endswith("s") or token.low.endswith("ss"):
                return False
            item_has_plural = True
    return False


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]``, offsets in ``text``."""
    return [
        Token(w := m.group(), m.start(), m.end(), w.lower().replace("’", "'"))
        for m in _TOKEN.finditer(text, start, len(text) if end is None else end)
    ]


_SENTENCE_BREAK = regexcache.compile(r"[.!?]+[\"'”’)]*\s+")


def _candidate_sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans that hold a trigger: only these are tokenised."""
    hits = [m.start() for m in _SHAPES.finditer(text)]
    hits += [m.start() for m in _SOURCE_WORDS.finditer(text)]
    if not hits:
        return []
    bounds = [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)] + [len(text)]
    spans: list[tuple[int, int]] = []
    for hit in sorted(hits):
        i = bisect.bisect_right(bounds, hit) - 1
        span = (bounds[i], bounds[min(i + 1, len(bounds) - 1)])
        if (not spans or spans[-1] != span) and span[1] > span[0]:
            spans.append(span)
    return spans


def _clause_starts(tokens: list[Token]) -> set[int]:
    """Indices of tokens that open a sentence (capital there is not evidence of a name)."""
    starts = {0}
    for i, t in enumerate(tokens[:-1]):
        if t.text[0] in ".!?:;(—–":
            starts.add(i + 1)
    return starts


def _is_proper(tokens: list[Token], i: int, starts: set[int], lower_words: Container[str]) -> bool:
    """A capitalised word that names something (not just a sentence opener)."""
    word = tokens[i].text
    if not word[:1].isupper() or word in ("I",) or any(c.isdigit() for c in word):
        return False  # "F1 drivers", "G7 officials": a class of things, not a name
    low = tokens[i].low
    if i not in starts:
        return low not in PRONOUN_SUBJECTS and not _outlet_demonym(tokens, i)
    if low in _COMMON_MODIFIERS or low in VAGUE_DETERMINERS or low in DEFINITE:
        return False
    if low in HEADS or _ADVOCATE_NOUN.search(low):
        return False  # "Environmentalists and ...": a class of people opening the sentence
    if low in lower_words:
        return False
    return not _ADJ_SUFFIX.search(low) or len(low) <= 4


_REGIONS = _words("european western eastern asian african arab latin")


def _outlet_demonym(tokens: list[Token], i: int) -> bool:
    """ "British" in "a British tabloid claimed": where an outlet is from, not
    which one it is. (Before people, "Israeli officials said", the nationality
    names the government the story is about: left as a name.)"""
    if not any(t.low in OUTLET_HEADS for t in tokens[i + 1 : i + 3]):
        return False  # the cheap test first: this runs for every capitalised word
    from newslint.names.words import COUNTRY_ADJECTIVES

    return tokens[i].low in COUNTRY_ADJECTIVES or tokens[i].low in _REGIONS


def _names_someone(tokens: list[Token], i: int, starts: set[int]) -> bool:
    """A name ends at ``i``: a capitalised word that does not open the sentence."""
    return tokens[i].text[:1].isupper() and i not in starts  # not "However,"


_TAKE = _words("take takes took taking taken")
# Speaking on: "continued" reports only with its claim right after it ("the source
# continued, ...", "continued that"); "continued to investigate" is no report.
_CONTINUING = _words("continue continues continued")
_PUT = _words("put puts")
_GO = _words("go goes went gone going")


def _verb_at(tokens: list[Token], i: int) -> int:
    """End index (exclusive) of a reporting verb group starting at ``i``, else -1.
    A short aside between commas may open it ("sources, however, say")."""
    j = _past_insert(tokens, i)
    limit = min(len(tokens), j + 6)
    passive = False  # after a form of "be": "officials were told" is not sourcing
    while j < limit:
        low = tokens[j].low
        if passive and low in _BELIEF_ADJECTIVES:
            return j + 1  # "some are worried that ..."
        if low in _SEE_AS and any(t.low == "as" for t in tokens[j + 1 : j + 7]):
            return j + 1  # "some see it as ..."
        if low in _GO and [t.low for t in tokens[j + 1 : j + 5]] == ["so", "far", "as", "to"]:
            j += 5  # "some have gone so far as to suggest": a frame before the verb
            limit = min(len(tokens), limit + 5)
            continue
        if low in _TAKE and j + 1 < len(tokens) and tokens[j + 1].low == "to":
            # "fans took to social media to claim": a frame before the verb.
            second = next(
                (m for m in range(j + 2, min(len(tokens), j + 6)) if tokens[m].low == "to"), -1
            )
            if second > 0:
                limit = min(len(tokens), limit + second + 1 - j)
                j = second + 1
                continue
        if low == "to" and (j == i or tokens[j - 1].low not in _TO_FRAMES):
            return -1  # "allowing scientists to observe": an infinitive, not a verb group
        if low in _CALL and j + 1 < len(tokens) and tokens[j + 1].low == "for":
            return -1 if passive and not low.endswith("ing") else j + 1  # "many are calling for"
        if low in _CALL and [t.low for t in tokens[j + 1 : j + 3]] == ["into", "question"]:
            return -1 if passive else j + 3  # "as some called into question": questioned
        if (
            low in ("have", "has")
            and j + 2 < len(tokens)
            and tokens[j + 1].low == "it"
            and tokens[j + 2].low == "that"
        ):
            return j + 2  # "reports have it that"
        if low in _SHED and j + 1 < len(tokens) and tokens[j + 1].low == "light":
            return -1 if passive else j + 2  # "a recent study has shed light on"
        nxt = tokens[j + 1].low if j + 1 < len(tokens) else ""
        if low in _TALK and nxt == "about":
            return -1 if passive and not low.endswith("ing") else j + 2  # "pundits talked about"
        if low in _NAMING and nxt in _OBJECT_PRONOUNS and j + 2 < len(tokens):
            label = tokens[j + 2]
            if not passive and label.text.isalpha() and label.low not in _NOT_LABELS:
                return j + 2  # "some even calling it one of his best"
        if (
            low in _CONTINUING
            and nxt in (",", ":", "that")
            and not passive
            and i > 0
            and tokens[i - 1].low in _SPEAKING_ON
        ):
            return j + 1  # "the source continued, ...", not "as investigations continue, ..."
        if low in _PUT and nxt == "it" and (j + 2 >= len(tokens) or tokens[j + 2].text in ",.:;"):
            return -1 if passive else j + 2  # "as one insider puts it, ..."
        if low in _RESPONDING and nxt == "to" and _requests_after(tokens, j + 2):
            return -1  # "responded to requests for comment": no claim
        if low in _ASCRIBING and not any(t.low in ("to", "with") for t in tokens[j + 2 : j + 14]):
            return -1  # "tax credits", "the credit for": no cause ascribed
        if low in REPORTING_FORMS or (
            low in _NEEDS_OUT and j + 1 < len(tokens) and tokens[j + 1].low == "out"
        ):
            if passive and not low.endswith("ing"):
                return -1
            if low in _DISCLOSING and any(t.low in _NEGATIONS for t in tokens[i:j]):
                return -1  # "officials have not confirmed": no claim is put in their mouth
            return j + (2 if low in _NEEDS_OUT else 1)
        if low in _STARTING and nxt == "to":
            j += 1  # "advertisers are starting to realise": a frame before the verb
            continue
        if low in _LINKING and j + 1 < limit:
            if tokens[j + 1].low in _BELIEF_ADJECTIVES:
                return j + 2  # "many competitors remained optimistic"
            if (
                (tokens[j + 1].low in _DEGREE or _adverb(tokens[j + 1]))
                and j + 2 < len(tokens)
                and tokens[j + 2].low in _BELIEF_ADJECTIVES
            ):
                return j + 3  # "investors are becoming increasingly cautious about"
        if low in AUXILIARIES or (low.endswith("ly") and len(low) > 4) or low == "well":
            if low in _BE:
                passive = True
            elif low == "to":
                passive = False
            j += 1
            continue
        perfect = tokens[j - 1].low in ("have", "has", "had") and j > i
        if not passive and (low.endswith("ed") or perfect) and low.isalpha():
            # "have defended the singer, pointing out", "have come to her defence, saying"
            return _saying_after(tokens, j + 1)
        if passive and low.endswith("ing") and low.isalpha() and tokens[j - 1].low in _BE:
            # "are denouncing the move, calling it callous": any verb in the progressive,
            # whose claim a reporting participle after its object states.
            return _saying_after(tokens, j + 1)
        return -1
    return -1


def _stance_adjective(tokens: list[Token], j: int) -> bool:
    """The belief adjective at ``j`` states a stance: always, but for a mood word, which
    needs a claim after it ("cautious about whether", not "remain cautious"); asked of a
    bare role plural's adjective."""
    if tokens[j].low not in _MOOD_ADJECTIVES:
        return True
    nxt = tokens[j + 1].low if j + 1 < len(tokens) else ""
    after = tokens[j + 2].low if j + 2 < len(tokens) else ""
    # "cautious about the potential impact": a view of a prospect; "remain cautious"
    # alone, or "cautious amid ...", is the market's mood.
    return nxt in ("that", "whether", "if") or (
        nxt in _CLAIM_AFTER_MOOD and after not in _OBJECT_PRONOUNS and after.isalpha()
    )


def _requests_after(tokens: list[Token], k: int) -> bool:
    """A request noun at ``k``, after at most a determiner and an adjective
    ("requests", "a request", "repeated calls", "our questions")."""
    return any(tokens[m].low in _REQUESTS for m in range(k, min(len(tokens), k + 3)))


def _saying_after(tokens: list[Token], k: int) -> int:
    """End of a reporting participle that closes the verb's clause, else -1: "has
    emerged, emphasizing ...", "have defended the singer, pointing out that ...". The
    participle says what the subject claimed in doing so; up to five words of object
    may stand between (no new clause: "who", "that", "and" end the search)."""
    for m in range(k, min(len(tokens), k + 6)):
        t = tokens[m]
        if t.text == ",":
            if m + 1 >= len(tokens):
                return -1
            part = tokens[m + 1].low
            if part in _SAYING:
                return m + 2
            if part == "pointing" and m + 2 < len(tokens) and tokens[m + 2].low == "out":
                return m + 3
            return -1
        if not t.text.isalpha() or t.low in ("who", "which", "that", "and", "but", "or"):
            return -1
    return -1


# Places that stand for a whole trade: "Wall Street analysts" are any analysts of it.
TRADE_PLACES = frozenset(
    (("wall", "street"), ("silicon", "valley"), ("madison", "avenue"), ("fleet", "street"))
)


def _np_left(
    tokens: list[Token], head: int, starts: set[int], lower_words: Container[str]
) -> tuple[int, str]:
    """Start index of the noun phrase ending at ``head`` and its status.

    Status: "vague", "named" (proper modifier) or "definite" (anaphoric or
    possessive: refers to a source already introduced).
    """
    j = head - 1
    modifiers = 0
    while j >= 0 and modifiers < 3:
        t = tokens[j]
        low = t.low
        if not t.text[0].isalpha():
            break
        if low in VAGUE_DETERMINERS:
            start = j
            # "a number of", "a host of": step over "a <quantity> of".
            if low in ("a", "an") and j + 2 < head and tokens[j + 1].low in _QUANTITY_NOUNS:
                pass
            return start, "vague"
        if low in DEFINITE:
            return j, "definite"
        if low.endswith(("'s", "s'")):
            if tokens[head].low in CAMPS and _is_proper(tokens, j, starts, lower_words):
                return j, "vague"  # "Blair's critics say": his critics are not named
            return j, "definite" if not _is_proper(tokens, j, starts, lower_words) else "named"
        if low in _QUANTITY_NOUNS or low == "of":
            j -= 1
            continue
        if low == "inside" and j > 0 and tokens[j - 1].low in VAGUE_DETERMINERS | DEFINITE:
            modifiers += 1  # "our inside sources", "an inside source": a modifier
            j -= 1
            continue
        if low in _STOP or low in REPORTING_FORMS or low in AUXILIARIES:
            break
        if j > 0 and (tokens[j - 1].low, low) in TRADE_PLACES:
            modifiers += 2  # "Wall Street analysts": a trade, not a body that speaks
            j -= 2
            continue
        if _is_proper(tokens, j, starts, lower_words) or low in _POLICE:
            return j, "named"  # "Barclays analysts"; "police sources", "law enforcement officials"
        if (
            low.endswith("ed")
            and low not in _ED_ADJECTIVES
            and not (j > 0 and tokens[j - 1].low in VAGUE_DETERMINERS)
            and not (j > 1 and _adverb(tokens[j - 1]) and tokens[j - 2].low in VAGUE_DETERMINERS)
        ):
            # "ignored research", "received reports": a verb's object. After an
            # article or quantifier it modifies the noun: "an undisclosed source",
            # and so it does after an article and an adverb: "a recently published report".
            return j, "object"
        modifiers += 1
        j -= 1
    return j + 1, "vague"


# People known only by the side they take on someone: a name before them names the
# one they judge, not them.
CAMPS = _words("critics supporters opponents detractors sceptics skeptics")


def _attached_name(tokens: list[Token], head: int, starts: set[int], text: str) -> bool:
    """A proper noun attached after the head: "analysts at Barclays", ", including Dr Osei".
    A name the sources are close to is not theirs ("officials close to Ana Ruiz")."""
    end = tokens[head].end
    if MEMBERS.match(text, end):
        return True
    k = head + 1
    if _inside_knowledge(tokens, k):
        return False
    # A name in apposition with no comma: "analysts IDC", "analysts the Radicati Group".
    if k < len(tokens) and tokens[k].text[:1].isupper() and tokens[k].low not in PRONOUN_SUBJECTS:
        return True
    if k + 1 < len(tokens) and tokens[k].low == "the" and tokens[k + 1].text[:1].isupper():
        return True
    relative = k + 1 < len(tokens) and tokens[k].text == "," and tokens[k + 1].low == "who"
    if (k < len(tokens) and tokens[k].low in ("who", "that")) or relative:
        # "experts who work at the Met Office": an affiliation inside the clause.
        stop = min(len(tokens), k + 10)
    else:
        stop = min(len(tokens), k + 7)
        if open_claim(tokens, k, AUXILIARIES, reporting=_SAYING) > 0:
            # "sources played down the threat of the U.S., saying": the noun's own verb
            # comes first, so a name after it is in the claim, not attached to the noun.
            return False
    after_prep = False
    while k < stop:
        t = tokens[k]
        if t.text[0] in ".!?;:—–(" or (t.text == "," and not (k == head + 1 and relative)):
            return False  # the attachment ends with its clause
        low = t.low
        if low in AFFILIATION:
            after_prep = True
        elif after_prep and t.text[:1].isupper() and k not in starts and low not in _CALENDAR:
            # "supporters of the President's plan": a possessive modifies, names no one;
            # "released on Wednesday by ...": a day is no name.
            if not low.endswith(("'s", "s'")):
                return True
        elif low in REPORTING_FORMS and not after_prep:
            return False
        k += 1
    return False


# What makes an unnamed source an insider: "officials familiar with the matter",
# "diplomats close to the talks", "people briefed on the plan".
_KNOWING = _words("familiar close briefed involved privy knowledgeable aware")
_KNOWING_PREPOSITIONS = _words("with to on in of about")


def _inside_knowledge(tokens: list[Token], k: int) -> bool:
    """An insider's attachment starts at ``k`` ("familiar with", "close to")."""
    return (
        k + 1 < len(tokens)
        and tokens[k].low in _KNOWING
        and tokens[k + 1].low in _KNOWING_PREPOSITIONS
    )


def _past_alike(tokens: list[Token], k: int) -> int:
    """Past "alike" closing the head's group or a pair of groups ("critics alike",
    "critics and fans alike have lauded"): the verb group may start after it."""
    if k < len(tokens) and tokens[k].low == "alike":
        return k + 1
    if k < len(tokens) and tokens[k].low in ("and", "or"):
        for m in range(k + 2, min(len(tokens), k + 4)):
            if tokens[m].low == "alike":
                return m + 1
            if not (tokens[m - 1].text.isalpha() and tokens[m - 1].text.islower()):
                break
    return k


def _past_pair(tokens: list[Token], k: int) -> int:
    """Past a second group joined by "and"/"or" at ``k`` ("legal experts and advocacy
    groups have raised"): one to three lower-case words ending in a plural. -1 if none."""
    if k >= len(tokens) or tokens[k].low not in ("and", "or"):
        return -1
    for m in range(k + 1, min(len(tokens), k + 4)):
        word = tokens[m]
        if not (word.text.isalpha() and word.text.islower()) or word.low in _STOP:
            return -1
        if word.low.endswith("s") and not word.low.endswith("ss"):
            return m + 1
    return -1


def _verb_after_np(tokens: list[Token], head: int) -> tuple[int, int]:
    """(verb group start, end) after the head, over attachments; (-1, -1) if none."""
    k = _past_alike(tokens, head + 1)
    if k >= len(tokens):
        return -1, -1
    end = _verb_at(tokens, k)
    if end > 0:
        return k, end
    pair = _past_pair(tokens, k)
    if pair > 0 and (end := _verb_at(tokens, pair)) > 0:
        return pair, end  # "experts and activists say": the pair's verb
    if k > head + 1:
        return -1, -1  # after "alike" only the group's verb may follow
    nxt = tokens[k].low
    second = tokens[k + 1].low if k + 1 < len(tokens) else ""
    insert = _insert_end(tokens, k)
    if insert > 0:
        # "Advocates, on the other hand, say": step over a short comma-bounded insert.
        end = _verb_at(tokens, insert)
        return (insert, end) if end > 0 else (-1, -1)
    if not (
        nxt in AFFILIATION
        or nxt in ("who", "that")
        or (nxt == "," and second == "who")
        or _inside_knowledge(tokens, k)
    ):
        return -1, -1  # no attachment to step over: the noun is not this verb's subject
    stop = min(len(tokens), head + 14)
    relative = nxt in ("who", "that", ",")
    while k < stop:
        t = tokens[k]
        if t.text == "," and not relative and _insert_end(tokens, k) > 0:
            k = _insert_end(tokens, k)  # "opponents of the reforms, however, argue"
            continue
        if t.text[0] in ".!?;:(" or (t.text == "," and not relative and k > head + 1):
            return -1, -1
        if t.low == "but" and not relative:
            return -1, -1  # "rivalry between swimmers ... but also raises questions"
        if t.low == "being" or (t.low.endswith("ing") and tokens[k - 1].low in AFFILIATION):
            return -1, -1  # "reports of bodies being found", "won over critics by announcing"
        if tokens[k - 1].low in _ARTICLES:
            k += 1
            continue  # "details of the alleged attempt": a word after a determiner modifies
        end = _verb_at(tokens, k)
        if end > 0:
            return k, end
        if not relative and tokens[k].low in _FINITE and k > head + 2:
            # "a few weeks of headlines have also done wonders": the attachment ended
            # and its verb group reports nothing; a later word is no verb of the noun.
            return -1, -1
        if (
            not relative
            and t.text[0].isdigit()
            and tokens[k - 1].text.isalpha()
            and tokens[k - 1].low not in _STOP
        ):
            # "Shares of the miner fell 4 percent on a report suggesting ...": a figure
            # after a word ("fell 4") is the predicate's; the attachment ended before.
            return -1, -1
        k += 1
    return -1, -1


# Determiners after which a word modifies a noun rather than heads a verb group.
_ARTICLES = _words("a an the this these those its their his her our some several")
# Finite auxiliaries that open the verb group of a subject.
_FINITE = _words("have has had will would are were is was")


# Verbs of confirming a claim: negated, they still credit the source with a stance on
# it ("officials have not confirmed the link", "sources have yet to confirm").
_CONFIRMING = frozenset(
    form for lemma in _words("confirm reveal disclose verify") for form in _inflect(lemma)
)


# What a negated confirmation may be about for it to be a stance on a claim: the claim
# itself ("this", "the reports", "any link"), or a clause ("whether", "that").
_CLAIM_OBJECTS = _words("this that it these those them whether")
_CLAIM_NOUNS = _words(
    "claim claims report reports rumour rumours rumor rumors allegation allegations link "
    "links account accounts connection"
)


def _negated_disclosure(tokens: list[Token], k: int) -> int:
    """End of a negated verb of confirming at ``k`` whose object is a claim the story
    reports ("have not confirmed this", "have yet to confirm the reports", "did not
    confirm any link"), else -1. Which officials declined to confirm it is what the
    reader cannot check. Withheld facts ("have not confirmed the cause") and a
    passive ("were not told") attribute no stance on a claim."""
    j = k
    negated = False
    while j < min(len(tokens), k + 5):
        low = tokens[j].low
        if low in _BE:
            return -1
        if low in _NEGATIONS:
            negated = True
        elif not (low in AUXILIARIES or (low.endswith("ly") and len(low) > 4)):
            break
        j += 1
    if not negated or j + 1 >= len(tokens) or tokens[j].low not in _CONFIRMING:
        return -1
    obj = tokens[j + 1]
    if obj.text[0] in ".;,":
        return j + 1  # "..., but officials have not confirmed."
    if obj.low in _CLAIM_OBJECTS:
        return j + 1
    noun = (
        tokens[j + 2].low if obj.low in ("the", "any", "such") and j + 2 < len(tokens) else obj.low
    )
    return j + 1 if noun in _CLAIM_NOUNS else -1


def _insert_end(tokens: list[Token], k: int) -> int:
    """Index after a short lower-case insert between commas starting at ``k``
    (", however,", ", on the other hand,"), else -1. An insert holding a reporting
    verb (", officials say,") is a source of its own, not an aside."""
    if k >= len(tokens) or tokens[k].text != ",":
        return -1
    for m in range(k + 1, min(len(tokens), k + 6)):
        t = tokens[m]
        if t.text == ",":
            return m + 1 if m > k + 1 else -1
        if not t.text.isalpha() or not t.text.islower() or t.low in REPORTING_FORMS:
            return -1
        if t.low in ("who", "which", "that"):
            return -1
    return -1


def _past_insert(tokens: list[Token], k: int) -> int:
    """``k``, or the index after a short insert between commas that starts there."""
    end = _insert_end(tokens, k)
    return end if end > 0 else k


def _adjacent_verb_after(tokens: list[Token], head: int) -> tuple[int, int]:
    """Only directly after the head (for pronoun subjects, which take no attachments)."""
    end = _verb_at(tokens, head + 1)
    return (head + 1, end) if end > 0 else (-1, -1)


def find_vague_sources(
    text: str, lower_words: Container[str] | None = None, surnames: Container[str] | None = None
) -> list[VagueSource]:
    """Vague attributions in ``text`` (quotation contents already masked).

    ``surnames``: the story's names written inside sentences (:class:`Surnames`), when
    ``text`` is one paragraph of a longer story."""
    if not triggered(text):
        return []
    if lower_words is None:
        lower_words = {w for w in text.split() if w.islower()}
    if surnames is None:
        surnames = Surnames(text)
    found: list[VagueSource] = []
    for start, end in _candidate_sentences(text):
        segment = text[start:end]
        if _SHAPES.search(segment) or _VERB_WORDS.search(segment) or _CLAIM_HINTS.search(segment):
            tokens = tokenize(text, start, end)
            found += _find_in(text, tokens[_dateline_end(text, tokens) :], lower_words, surnames)
    # "the on-the-record sources suggest": sources the story names.
    found = [f for f in found if not _ON_RECORD.search(text, f.start, f.end)]
    return _merge_splits(found, text)


_ON_RECORD = regexcache.compile(r"\bon[- ]the[- ]record\b", re.IGNORECASE)


# Hearsay that is its own claim: "the rumour is that", "the latest gossip is that".
_HEARSAY_IS = _words("rumour rumor rumours rumors speculation gossip buzz word talk")


def _hearsay_is_that(tokens: list[Token], i: int, starts: set[int]) -> tuple[int, int, str] | None:
    """ "The latest gossip is that ...": hearsay stating the claim, no one behind it."""
    start = i - 1
    while start > 0 and tokens[start].low in ("latest", "current", "new"):
        start -= 1
    if tokens[start].low != "the" or not _opens_clause(tokens, start, starts):
        return None
    verb, that = (t.low for t in tokens[i + 1 : i + 3]) if i + 2 < len(tokens) else ("", "")
    return (start, i + 3, "impersonal") if verb in _BE and that == "that" else None


def _judged_by_all(tokens: list[Token], alike: int) -> tuple[int, int, str] | None:
    """ "has been praised by fans and critics alike", "well received by critics and
    audiences alike": a judgement whose agent is everyone of two crowds, no one named."""
    by = next((m for m in range(alike - 1, max(0, alike - 6), -1) if tokens[m].low == "by"), -1)
    if by < 1 or not any(tokens[m].low in ("and", "or") for m in range(by + 1, alike)):
        return None
    if not all(tokens[m].text.isalpha() and tokens[m].text.islower() for m in range(by + 1, alike)):
        return None  # "by Reuters and the BBC alike": named
    if tokens[by - 1].low.removeprefix("well-") not in _JUDGING:
        return None  # "watched by young and old alike": no judgement
    return by - 1, alike + 1, "open"


_DASHES = ("-", "—", "–")


def _dateline_end(text: str, tokens: list[Token]) -> int:
    """Index of the first token after a dateline ("LOS ANGELES - Sources close to
    ..."): the place is no name of the sentence's first noun."""
    k = 0
    while k < len(tokens) and (tokens[k].text.isupper() or (k > 0 and tokens[k].text == ",")):
        k += 1
    if k == 0 or k >= len(tokens) or not tokens[k - 1].text.isupper():
        return 0
    gap = text[tokens[k - 1].end : tokens[k].start]
    return k if any(dash in gap for dash in _DASHES) else 0


def _find_in(
    text: str, tokens: list[Token], lower_words: Container[str], surnames: Container[str]
) -> list[VagueSource]:
    """Vague sources among the tokens of one sentence."""
    starts = _clause_starts(tokens)
    found: list[VagueSource] = []
    taken: set[int] = set()
    for i, t in enumerate(tokens):
        low = t.low
        if low in UNNAMED_HEADS and (hit := _unnamed(tokens, i, starts, lower_words)):
            pass
        elif low in _NEAR_PEOPLE and _near_the_story(tokens, i + 1):
            # "people close to the family", "a person familiar with the talks", "those
            # with knowledge of the plan": sources known only by their nearness, read
            # as "sources close to the family" is.
            hit = _unnamed(tokens, i, starts, lower_words)
        elif low in HEADS or low == "people":
            hit = _generic(tokens, i, starts, lower_words, text)
        elif low == "those":
            hit = _those(tokens, i, starts)
        elif i > 0 and (tokens[i - 1].low, low) in TRADE_PLACES:
            hit = _trade_place(tokens, i)
        elif low in PRONOUN_SUBJECTS:
            hit = _pronoun(tokens, i, starts)
        elif low in COLLECTIVES:
            hit = _collective(tokens, i, starts, lower_words)
        elif low in EVIDENCE_HEADS:
            hit = _evidence(tokens, i, starts, lower_words, text)
        elif low in _IT:
            hit = _impersonal(tokens, i)
        elif (
            (low[-1] == "s" or low in _IRREGULAR_PEOPLE)
            and _group_noun(tokens, i, text)
            and (_counted(tokens, i) or not _a_name(t, surnames, lower_words))
        ):  # "many Danes", "a growing number of Americans": a class whatever the capital
            hit = _generic(tokens, i, starts, lower_words, text, group=True)
        elif low == "there":
            hit = _existential(tokens, i, starts, lower_words)
        elif low == "one":
            hit = _one_person(tokens, i)
        elif low in _CONSENSUS and i > 0 and tokens[i - 1].low in _BE:
            hit = _consensus_passive(tokens, i)
        elif low in _ASCRIBED and i > 1 and _after_be(tokens, i):
            hit = _ascribed(tokens, i)
        elif low in _VERDICTS and i > 1 and _after_be(tokens, i):
            hit = _judged(tokens, i)
        elif low == "according":
            hit = _according(tokens, i, starts, text)
        elif low in _SEEN_AS and i > 0 and _after_be(tokens, i):
            hit = _seen_as(tokens, i)
        elif low in _SEEN_AS_RELATIVE:
            hit = _seen_as_relative(tokens, i, starts)
        elif low in _SHOWN and i > 0 and _after_be(tokens, i):
            hit = _shown(tokens, i)
        elif low in _SELF_SOURCING:
            hit = _self_sourced(tokens, i, starts, lower_words)
        elif low in _HEARSAY_IS and i > 0:
            hit = None  # "the latest gossip is that": the hearsay shapes below
        elif low == "alike" and i > 4:
            hit = _judged_by_all(tokens, i)
        elif low in _SPREADING_HEARSAY:
            hit = None  # "speculation has mounted that": the hearsay shapes below
        else:
            continue
        if hit is None and (low in _UNNAMED_BY_NATURE or low in _STANCE_HOLDERS):
            hit = _sources_acting(tokens, i, starts, lower_words)
        if hit is None and low in CLAIM_STANCES:
            hit = _stance_passive(tokens, i)
        if hit is None and low in _HEARSAY_IS and i > 0:
            hit = _hearsay_is_that(tokens, i, starts)
        if hit is None and low in _HEARSAY:
            hit = _with_hearsay(tokens, i)
        if hit is None and low in _SPREADING_HEARSAY:
            hit = _hearsay_spreads(tokens, i)
        if hit is None or any(k in taken for k in range(hit[0], hit[1])):
            continue
        a, b, kind = hit
        # "it is hoped that": a hope with no hoper is the unnamed officials' forecast,
        # not a crowd's wish.
        if kind != "impersonal" and _feeling_no_view(tokens, b):
            continue
        taken.update(range(a, b))
        found.append(VagueSource(tokens[a].start, tokens[b - 1].end, kind, low))
    return found


# Sources whose "found" or "showed" reports a finding (others find things).
_FINDERS = DOC_HEADS | _words(
    "researchers researcher scientists scientist experts expert analysts analyst economists "
    "economist academics academic scholars historians specialists"
)
# ... and "it was announced that", while "it was announced on Monday" leaves the
# announcer to the sentence.
_NEEDS_THAT = _words(
    "assumed expected hoped predicted uncovered established confirmed announced reiterated "
    "disclosed learned learnt anticipated"
)
# Findings that are hearsay only in the perfect: "it has been discovered that" (by no one
# in particular), but "it was discovered that" after the teacher saw the bruises.
_PERFECT_ONLY = _words("revealed uncovered discovered established confirmed")
_CAUSATIVES = _words("led leading leads prompted prompting caused causing")
_LEAVING = _words("leave leaves leaving left")
# Sources that stay anonymous whatever institution they belong to.
_UNNAMED_BY_NATURE = _words("sources insiders")
# People known only by their stance: whatever they do in a story ("critics have
# seized on the delay", "have used it as") is taking that stance.
_STANCE_HOLDERS = _words("critics sceptics skeptics detractors")
_GROUP_QUANTIFIERS = _words("some many several few numerous various")
# Verbs of finding: a document or a researcher "finds", a crowd does not.
_FINDING = _words(
    "show shows showed shown showing find finds found finding reveal reveals revealed "
    "revealing observe observes observed observing discover discovers discovered discovering "
    "prove proves proved proven proving light"
)  # "light": the end of "shed light on"
# Agent nouns for people ("-ists", "-ers", "-ants": conservationists, employers,
# residents): a bare plural of one as the subject of a reporting verb is a source.
_ADVOCATE_NOUN = regexcache.compile(r"(?:[a-z]{3}(?:ists|ers|ors|ants|ents|ians)|enthusiasts)$")
# Verbs that put a claim or a stance in a group's mouth (a subset of the reporting verbs).
_CLAIMING = (
    frozenset(
        form
        for lemma in _words(
            "argue claim warn believe fear insist contend suggest express allege complain "
            "predict urge accuse criticise criticize condemn question doubt worry praise "
            "recount blame report speculate decry denounce lament bemoan demand observe "
            "describe stress emphasise emphasize highlight underscore underline"
        )
        for form in _inflect(lemma)
    )
    | _words("say says said saying")
    | _BELIEF_ADJECTIVES
)
# A crowd reacting ("many praised", "welcomed by many") reports no claim.
_REACTIONS = frozenset(
    form
    for lemma in _words("praise hail applaud welcome celebrate cheer tout admire adore commend")
    for form in _inflect(lemma)
)
# Participles of judging a work: reacting, claiming, or how it was received
# ("praised by fans and critics alike", "well received by ...").
_JUDGING = (
    _REACTIONS | _CLAIMING | _words("received embraced loved acclaimed lauded panned slammed")
)
# What a group can "express" that is a stance rather than a feeling.
_STANCE_NOUNS = _words(
    "concern concerns doubt doubts fear fears support opposition optimism scepticism "
    "skepticism reservations worries hope hopes confidence"
    # Disapproval is a judgement of something ("expressed their discontent"); outrage
    # and anger stay reactions.
    " discontent dissatisfaction displeasure disapproval criticism objections disagreement"
)
# Passive participles whose "by" agent is the source of a view: "shared by", "echoed by".
_AGENT_VERBS = _words(
    "shared echoed held voiced raised expressed supported backed disputed applauded welcomed"
)
_PEOPLE_QUANTIFIERS = _words("some many most few other a several")


def _counted(tokens: list[Token], i: int) -> bool:
    """A quantifier before the plural at ``i``: "many Danes", "a growing number of
    Americans", "a handful of residents"."""
    if i == 0:
        return False
    before = tokens[i - 1].low
    return before in _GROUP_QUANTIFIERS or (
        before == "of" and i > 1 and tokens[i - 2].low in _CROWD_NOUNS
    )


# Adverbs that end in -s, like a plural: "Mr Lee, 63, has always insisted" has no
# crowd for a subject.
_S_ADVERBS = _words(
    "always perhaps sometimes nevertheless nonetheless besides afterwards towards upwards "
    "downwards backwards forwards outwards inwards onwards nowadays thus whereas unless"
)


# Words that open the writer's or the outlet's own sourcing: "we understand", "I'm
# told", "BBC Sport understands", "this newspaper has learned", "we can reveal".
_SELF_SOURCING = _words("we i i'm i’m understands learned learnt reveal")
# Plurals of people that do not end in -s: "several women who claim".
_IRREGULAR_PEOPLE = _words("women men")


def _group_noun(tokens: list[Token], i: int, text: str = "") -> bool:
    """Any plural noun right before a verb group ("many basketball fans argue")."""
    low = tokens[i].text
    if low.lower() in _S_ADVERBS:
        return False
    # Right after a closing quotation mark ('"...," Deters said') a capital is a name.
    after_quote = text[: tokens[i].start].rstrip()[-1:] in ('"', "”", "’", "'")
    # (After a comma a capital names someone: "..., Reuters noted".)
    opener = (i == 0 or tokens[i - 1].text[0] in ".!?:;(—–") and not after_quote
    quantified = _counted(tokens, i)
    if (opener or quantified) and low[1:].islower():
        low = low.lower()  # "Residents said", "many Americans remain": a class of people
    plural = low in _IRREGULAR_PEOPLE or (
        low.endswith("s") and not low.endswith("ss") and len(low) > 3
    )
    if not (low.islower() and plural):
        return False
    after = _past_insert(tokens, i + 1)  # "many physicists, however, believe"
    nxt = tokens[after].low if after < len(tokens) else ""
    if (
        (quantified or _ADVOCATE_NOUN.search(low))
        and nxt == ","
        and i + 2 < len(tokens)
        and tokens[i + 2].low == "who"
    ):
        return True  # "with many voters, who feel that ...", "among viewers, who argue"
    if quantified and nxt == "who":
        return True  # "interviews with several women who claim"
    if nxt in AFFILIATION and (_ADVOCATE_NOUN.search(low) or quantified):
        return True  # "employers across the country", "many progressives within the party"
    if nxt == "who" and _ADVOCATE_NOUN.search(low) and _after_from(tokens, i):
        return True  # "drew criticism from industry leaders who see this as"
    if _related(tokens, i):
        return True  # "families of the missing", "relatives of those killed"
    if nxt in _TAKE and after + 1 < len(tokens) and tokens[after + 1].low == "to":
        return True  # "residents took to Facebook to complain"
    if quantified and nxt in _CALL and after + 1 < len(tokens) and tokens[after + 1].low == "for":
        return True  # "some employers called for" (not "G7 ministers called for": named)
    return nxt in REPORTING_FORMS or nxt in AUXILIARIES or nxt in _SEE_AS or nxt in _LINKING


# Verbs only people do to a claim: their bare plural subject ("celebrities decried",
# "liberals insist") is a crowd of people whatever the noun, as an agent noun's is.
_PERSONS_CLAIMING = frozenset(
    form
    for lemma in _words(
        "argue claim insist contend allege decry denounce accuse complain lament bemoan "
        "criticise criticize condemn demand speculate"
    )
    for form in _inflect(lemma)
)


def _claims_as_people(tokens: list[Token], i: int) -> bool:
    """The plural at ``i`` is the subject of a verb group ending in a verb only people
    do to a claim, right after it."""
    first = k = _past_insert(tokens, i + 1)  # "some employers, however, argue"
    while k < min(len(tokens), first + 3) and tokens[k].low in AUXILIARIES:
        k += 1
    if k < len(tokens) and tokens[k].low in _PERSONS_CLAIMING:
        return True
    if k + 1 < len(tokens) and tokens[k].low in _CALL and tokens[k + 1].low == "for":
        return True  # "progressives are pressing for"
    end = _verb_at(tokens, first)  # over frames: "took to social media to claim"
    return end > 0 and tokens[end - 1].low in _PERSONS_CLAIMING


class WordsWritten:
    """The words a pattern finds in a story, collected on first use: most stories
    never need them."""

    def __init__(self, text: str, pattern: re.Pattern[str]) -> None:
        self.text = text
        self.pattern = pattern
        self.words: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self.words is None:
            self.words = set(self.pattern.findall(self.text))
        return word in self.words


class Surnames(WordsWritten):
    """Capitalised words a story writes inside a sentence, after another word: its
    people's surnames ("Keith Richards ... Richards claimed") and organisations'
    names ("told Reuters ... Reuters noted"). Only a capitalised plural opening a
    claim needs them."""

    def __init__(self, text: str) -> None:
        super().__init__(text, _INSIDE_A_SENTENCE)


_INSIDE_A_SENTENCE = regexcache.compile(r"(?<=[A-Za-z,] )([A-Z][a-z]+)\b")  # "the Obama-era": Obama


def _a_name(token: Token, surnames: Container[str], lower_words: Container[str]) -> bool:
    """A capitalised plural the story writes as a name elsewhere and never in lower
    case ("Reuters", "Richards"): not a class of people ("Celebrities")."""
    return token.text[:1].isupper() and token.text in surnames and token.low not in lower_words


def _after_from(tokens: list[Token], i: int) -> bool:
    """ "from" right before the noun or its lower-case modifiers: the holder of a stance
    noun ("criticism from industry leaders")."""
    j = i - 1
    while j > 0 and j >= i - 3 and tokens[j].text.isalpha() and tokens[j].text.islower():
        if tokens[j].low == "from":
            return True
        j -= 1
    return j >= 0 and tokens[j].low == "from"


def _expresses_feeling(tokens: list[Token], end: int) -> bool:
    """A verb of expressing (ending at ``end``) whose object is a feeling, not a stance:
    "expressing their excitement", "expressed shock" (but "expressed concern that",
    "expressed their hope")."""
    if not tokens[end - 1].low.startswith("express"):
        return False
    k = end + 1 if end < len(tokens) and tokens[end].low in _POSSESSIVES else end
    return not (k < len(tokens) and tokens[k].low in _STANCE_NOUNS)


_POSSESSIVES = _words("their his her its our")


def _named_in_dashes(tokens: list[Token], head: int, text: str) -> bool:
    """A name set off by a dash or a bracket later in the sentence ("one news outlet that
    criticised him -- The Halden Post -- apologised"): the outlet is named."""
    return any(
        tokens[k + 1].text[:1].isupper()
        and any(mark in text[tokens[k].end : tokens[k + 1].start] for mark in "-—–(")
        for k in range(head, len(tokens) - 1)
    )


def _picked_from_group(tokens: list[Token], np_start: int) -> bool:
    """A quantifier and "of" before a possessive noun phrase ("many of her fans"), as
    the subject of a clause: not a crowd led to a view ("leading many of his fans to
    believe") or reacting ("with many of his fans expressing their support")."""
    q = np_start - 2
    return (
        q >= 0
        and tokens[np_start].low in _POSSESSIVES
        and tokens[np_start - 1].low == "of"
        and tokens[q].low in _GROUP_QUANTIFIERS
        and (
            q == 0
            or not tokens[q - 1].text[0].isalpha()
            or tokens[q - 1].low in _CLAUSE_OPENERS - {"with"}
        )
    )


def _related(tokens: list[Token], i: int) -> bool:
    """A group defined by its relation to the story's event or people: "families of
    the missing", "parents of the pupils", "relatives of those killed". Nothing in it
    names anyone; with a verb of claiming it is a bare role plural."""
    return (
        i + 3 < len(tokens)
        and tokens[i + 1].low == "of"
        and tokens[i + 2].low in ("the", "those")
        and tokens[i + 3].text.islower()
    )


def _generic(
    tokens: list[Token],
    i: int,
    starts: set[int],
    lower_words: Container[str],
    text: str,
    group: bool = False,
) -> tuple[int, int, str] | None:
    hit = _generic_reading(tokens, i, starts, lower_words, text, group)
    if hit is None or tokens[i].low not in _UNNAMED_BY_NATURE:
        return hit
    # An institution's whole name belongs to the phrase ("White House sources", not
    # "House sources"); the reading itself stops at the word before the noun.
    start = hit[0]
    if start < i and _name_word(tokens[start], lower_words):
        while start > 0 and _name_word(tokens[start - 1], lower_words):
            start -= 1
    return start, hit[1], hit[2]


def _generic_reading(
    tokens: list[Token],
    i: int,
    starts: set[int],
    lower_words: Container[str],
    text: str,
    group: bool,
) -> tuple[int, int, str] | None:
    low = tokens[i].low
    np_start, status = _np_left(tokens, i, starts, lower_words)
    if status == "named" and low in _UNNAMED_BY_NATURE:
        status = "vague"  # "Senate sources say": the institution, not the source, is named
    if status == "named" and np_start > 0 and tokens[np_start - 1].low in _GROUP_QUANTIFIERS:
        # "many Uru-Murato people say": a name for the class, not for anyone in it.
        status, np_start = "vague", np_start - 1
    if status == "definite" and _picked_from_group(tokens, np_start):
        # "several of her colleagues", "some of his former teammates": unnamed members
        # picked out of a group that belongs to the story's person.
        status, np_start = "vague", np_start - 2
    if (
        status == "object"
        and tokens[np_start].low in _CAUSATIVES
        and i + 2 < len(tokens)
        and tokens[i + 1].low == "to"
        and tokens[i + 2].low in REPORTING_FORMS
    ):
        return np_start, i + 3, "generic"  # "led critics to argue": a bare plural led to a view
    if status == "definite" and low in _DEFINITE_DOCS:
        return _definite_document(tokens, i, np_start, starts, text)
    if status != "vague" or (low in OUTLET_HEADS and _named_in_dashes(tokens, i, text)):
        return None
    det = tokens[np_start].low if np_start < i else ""
    # "many voters" is a crowd; "a growing number of voters", like a bare "voters",
    # may be the ones in the story, and is a source only with a verb of claiming.
    quantified = det in _GROUP_QUANTIFIERS
    of = np_start if tokens[np_start].low == "of" else np_start - 1
    if of > 0 and tokens[of].low == "of" and _counts_a_share(tokens[of - 1]):
        return None  # "62% of voters said", "half of those asked": a poll's result
    if (
        group
        and not quantified
        and not _ADVOCATE_NOUN.search(low)
        and not _counted(tokens, i)  # "a growing number of Americans": people counted
        and not (_related(tokens, i))
        and not _claims_as_people(tokens, i)
    ):
        # An ordinary plural noun needs "some", "many" ... to be a vague source; a noun
        # for people defined by a cause or pursuit ("conservationists") does not.
        return None
    if np_start == i and i > 0 and (tokens[i - 1].text == ")" or tokens[i - 1].low.endswith("ly")):
        return None  # "Frank (left) advocates", "strongly advocates": a verb
    if low == "people" and det not in _PEOPLE_QUANTIFIERS:
        return None  # "give people", "people say": narrative more often than sourcing
    if low in SINGULAR_HEADS and det not in ("a", "an", "one", "another"):
        return None
    if low in _ONE_DOCUMENT and det not in ("a", "an", "one", "another"):
        return None
    if low == "findings" and det not in ("new", "recent", "some"):
        return None
    if _attached_name(tokens, i, starts, text) and not (
        quantified and not MEMBERS.match(text, tokens[i].end)
    ):
        # "analysts at Barclays" names them; "many progressives within the Democratic
        # Party" names only the body an unnamed subset belongs to.
        return None
    before = np_start - 1
    # Apposition to a name, or a name in the same group: "Dr Jane Smith, an expert
    # in ..., said", "Popik and other experts hope".
    if before >= 1 and (
        (tokens[before].text == "," and _names_someone(tokens, before - 1, starts))
        or (tokens[before].low == "and" and _is_proper(tokens, before - 1, starts, lower_words))
    ):
        return None
    # Inverted: ", said analysts" / "according to experts".
    if before >= 0:
        prev = tokens[before].low
        if prev == "to" and before >= 1 and tokens[before - 1].low == "according":
            return before - 1, i + 1, "generic"
        if (
            prev in REPORTING_FORMS
            and prev not in ("told", "tell", "tells", "telling", "show", "shows", "see", "saw")
            and (before == 0 or tokens[before - 1].text in (",", "—", "–") or before in starts)
        ):
            nxt = tokens[i + 1].text if i + 1 < len(tokens) else "."
            # ", said analysts at the bank."; but ", said reports of the spending left
            # her ...": a document after the verb is the subject of what was said.
            if nxt[0] in ".!?,;" or (nxt.lower() in AFFILIATION and low not in DOC_HEADS):
                return before, i + 1, "generic"
    # A generic agent of a reporting passive: "as highlighted by recent studies",
    # "a view shared by many economists".
    if (
        before >= 1
        and tokens[before].low == "by"
        and tokens[before - 1].low.endswith(("ed", "wn", "ld", "en"))
        and (agent := _agent_of_view(tokens, before - 1, i + 1))
    ):
        return before - 1, i + 1, "generic" if agent == "listed" else "open"
    # "Mr. Klein was among several supporters who questioned ...": the group is
    # named by the one the sentence is about.
    if before >= 1 and tokens[before].low == "among" and tokens[before - 1].low in _BE:
        return None
    # "... with many voters, who feel that ...": the group is the relative clause's
    # subject. A bare plural of people ("among viewers, who argue that") is a source
    # only with a verb of claiming, as it is as a main clause's subject.
    if quantified or low in HEADS or group:
        k = _past_alike(tokens, i + 1)  # "critics alike, who now question"
        if k < len(tokens) and tokens[k].text == ",":
            k += 1
        relative = ("who", "which") if low in DOC_HEADS else ("who",)  # "a tabloid, which claimed"
        if k < len(tokens) and tokens[k].low in relative:
            end = _verb_at(tokens, k + 1)
            verb = tokens[end - 1].low if end > 0 else ""
            if end > 0 and verb not in _FINDING and (quantified or low in HEADS):
                return np_start, end, "generic"
            if verb in _CLAIMING and not _expresses_feeling(tokens, end):
                return np_start, end, "role"
    # A stance credited to the source: "drew criticism from many experts".
    stance = _stance_from(tokens, np_start, i)
    if stance is not None:
        return stance
    # A document the subject made is its own ("they conducted several experiments that
    # confirmed ..."): the object of a verb, not a source brought in.
    if (
        low in DOC_HEADS
        and before >= 0
        and tokens[before].text.islower()
        and (
            tokens[before].low in _MAKING  # "did extensive research on": "did" is no auxiliary here
            or (
                tokens[before].low.endswith("ed")
                and tokens[before].low not in REPORTING_FORMS | AUXILIARIES | _ED_ADJECTIVES
            )
        )
    ):
        return None
    # "with sources claiming that", "amid experts warning": the subject of an absolute
    # participle clause, not a preposition's object.
    if before >= 0 and tokens[before].low in ("with", "amid", "amidst"):
        end = _verb_at(tokens, i + 1)
        # The participle opens the verb group ("many taking to social media to claim").
        first = _past_insert(tokens, i + 1)
        if end > 0 and (tokens[end - 1].low.endswith("ing") or tokens[first].low in _TAKE):
            verb = tokens[end - 1].low
            feeling = _expresses_feeling(tokens, end)
            # "with many fans expressing outrage": a reaction, not a claim
            claim = not group or verb in _CLAIMING
            finding = verb in _FINDING and low not in _UNNAMED_BY_NATURE  # "sources revealing"
            if verb not in _REACTIONS and not finding and claim and not feeling:
                role = group and not quantified
                return np_start, end, "role" if role else "generic"
    # An unnamed document reporting, wherever it stands: "fell on a report suggesting a
    # takeover", "due to a report that suggested". (Not "found": a report finding is
    # read with the "with" clauses above.)
    if low in _REPORTING_DOCUMENTS and tokens[np_start].low in ("a", "an") and np_start < i:
        k = i + 2 if i + 1 < len(tokens) and tokens[i + 1].low == "that" else i + 1
        verb = tokens[k].low if k < len(tokens) else ""
        if verb in REPORTING_FORMS and verb not in _FINDING and (k > i + 1 or verb.endswith("ing")):
            return np_start, k + 1, "generic"
    # A noun object of a preposition is not a subject ("the views of analysts say").
    if _last_of_listed_objects(tokens, before, i):
        return None  # "Interviews with bishops, diplomats and analysts indicate"
    if before >= 0 and tokens[before].low in AFFILIATION | _BE | {"to", "about", "than", "like"}:
        return None  # object of a preposition, or a predicate ("are vocal supporters")
    # "led many experts to believe": the source of a belief as a causative's object.
    if (
        before >= 0
        and tokens[before].low in _CAUSATIVES
        and i + 2 < len(tokens)
        and tokens[i + 1].low == "to"
        and tokens[i + 2].low in REPORTING_FORMS
    ):
        return np_start, i + 3, "generic"
    verb_start, verb_end = _verb_after_np(tokens, i)
    if verb_start < 0:
        # Any verb whose clause makes a claim: "critics charge that", "experts have
        # raised concerns", "observers were quick to seize on" (claim_evidence).
        # A bare role plural ("residents", "announcements") needs the firmer
        # evidence: a "that" clause or speaking out, not just a stance noun.
        role = group and not quantified
        if role and low in _JUSTICE:
            return None
        plural = low not in SINGULAR_HEADS and low not in _ONE_DOCUMENT | {"research"}
        pair = _past_pair(tokens, i + 1)
        verb_end = open_claim(
            tokens,
            pair if pair > 0 else i + 1,
            AUXILIARIES,
            plural=plural,
            stance=not role,
            reporting=_SAYING,
        )
        if verb_end > 0:
            return np_start, verb_end, "role" if role else "open"
        negated = -1 if role else _negated_disclosure(tokens, i + 1)
        if negated > 0:
            return np_start, negated, "open"  # "officials have not confirmed this"
        if role or i + 1 >= len(tokens) or tokens[i + 1].low not in _OPEN_ATTACHMENTS:
            return None
        # Over an unnamed attachment ("critics of the plan charge that", "many experts
        # in the field have raised concerns"): the phrase alone, as for listed verbs.
        for k in range(i + 3, min(len(tokens), i + 8)):
            if tokens[k - 1].text == "," and (insert := _insert_end(tokens, k - 1)) > 0:
                # "opponents of the plan, on the other hand, have raised concerns"
                if open_claim(tokens, insert, AUXILIARIES, plural=plural, reporting=_SAYING) > 0:
                    return np_start, i + 1, "open"
                return None
            if not tokens[k - 1].text[0].isalpha():
                return None  # the attachment ended without a verb
            if tokens[k - 1].low in _STOP or tokens[k - 1].low in DEFINITE:
                continue  # a verb does not follow a preposition or a determiner
            if open_claim(tokens, k, AUXILIARIES, plural=plural, reporting=_SAYING) > 0:
                return np_start, i + 1, "open"
        return None
    if any(t.low in _DEONTIC for t in tokens[verb_start : verb_end - 1]):
        return None  # "doctors must discuss the risks": a duty, not a view reported
    if tokens[verb_end - 1].low in _FINDING and (group or low not in _FINDERS):
        return None  # "some victims showed symptoms", "authorities found the boy"
    if tokens[verb_end - 1].low in _FINDING and any(
        t.low in _MODALS for t in tokens[verb_start : verb_end - 1]
    ):
        return None  # "scientists could discover": a hope, not a finding reported
    kind = "generic"
    if group and not quantified:
        # A bare role plural ("prosecutors", "organisers", "employers") usually means
        # the ones in this story; it is a source only with a verb of claiming.
        verb = tokens[verb_end - 1].low
        if verb not in _CLAIMING and verb not in _CALL and verb not in _SEE_AS:
            return None  # _verb_at took "see" only before its "as": a view held
        if not _stance_adjective(tokens, verb_end - 1):
            return None  # "investors remain cautious": a mood, not a view passed on
        if _expresses_feeling(tokens, verb_end):
            return None  # "expressed shock and sadness": a reaction, not a claim
        if low in _JUSTICE:
            return None  # "prosecutors said": the institution acting in the story, like police
        kind = "role"
    if verb_start == i + 1 or verb_start == _past_pair(tokens, i + 1):
        return np_start, verb_end, kind  # "experts say", "experts and activists say"
    if _inside_knowledge(tokens, i + 1):
        # "officials familiar with the matter said": known only by their nearness to
        # the story, as "sources close to the couple" are.
        return np_start, verb_end, "unnamed"
    # Attachment between head and verb: report the noun phrase and the verb
    # together only when they are close; otherwise the phrase alone.
    return np_start, i + 1, kind


# A document in the singular is unnamed only as "a"/"one" such: "the report" is known.
_ONE_DOCUMENT = _words("report study survey poll theory")
# ... of which those that report (a theory explains, it does not report).
_REPORTING_DOCUMENTS = _ONE_DOCUMENT - {"theory"}
# Irregular verbs of making whose object is the subject's own work: "did extensive
# research on what went wrong", "ran a poll that showed".
_MAKING = _words("do does did doing done make makes made making run runs ran running")


_DEONTIC = _words("must should ought")


# Sources that are unnamed whatever their determiner: "a source close to the family",
# "the insider added", "sources familiar with the talks say".
# "friend": one unnamed person known only as someone's friend ("a friend of the
# actor said", then "the friend revealed"); friends in the plural need nearness.
UNNAMED_HEADS = _words("source sources insider insiders friend friends")
_ONE_SOURCE = _words("source insider friend")
# Plain words for people that, before "close to" or "familiar with", mean sources.
_ONE_PERSON = _words("person someone somebody")
# People known by whom they know: "friends of the couple say".
_KIN = _words("friend friends associates")
# Subjects that "continue" speaking rather than go on happening.
_SPEAKING_ON = UNNAMED_HEADS | _KIN | PLURAL_HEADS | SINGULAR_HEADS
_NEAR_PEOPLE = _words("people those") | _KIN | _ONE_PERSON
_NEARNESS = _words("close familiar")
# How a claim reaches the story from a source: "raised by an anonymous source" (but
# "followed by a potential source of strain" is no claim).
_PASSED_ON = _words("raised leaked shared passed relayed")


_CALENDAR = frozenset(name.lower() for name in (*WEEKDAY_NAMES, *MONTH_NAMES))


def _name_word(token: Token, lower_words: Container[str]) -> bool:
    """A capitalised word of a name: no function word ("On"), day or month ("On
    Monday Pentagon sources"), nor a word the text writes in lower case too."""
    low = token.low
    return (
        token.text[:1].isupper()
        and token.text.replace("-", "").replace(".", "").isalpha()  # not "ET]"
        and low not in _STOP
        and low not in VAGUE_DETERMINERS
        and low not in _CALENDAR
        and low not in lower_words
    )


def _unnamed(
    tokens: list[Token], i: int, starts: set[int], lower_words: Container[str]
) -> tuple[int, int, str] | None:
    """ "a source close to the couple revealed", "according to sources familiar with
    the plan", "the insider added": a source whose only identity is nearness to the
    story, as the subject of a reporting verb or behind "according to". "The source"
    points back to such a source (a named one is called by name), so it stays unnamed.
    A possessive or proper modifier ("its sources", "Senate sources") is left to the
    generic reading; "a source of income" is not a person. One person with a proper
    modifier ("one NBA insider", "a Downing Street source") is named by where they
    work, not who they are: "affiliated", a milder shape."""
    hit = _unnamed_phrase(tokens, i, starts, lower_words)
    if hit is None or hit[2] != "named":
        return hit
    return hit[0], hit[1], "affiliated"


def _near_the_story(tokens: list[Token], k: int) -> bool:
    """Nearness to the story starts at ``k``: "close", "familiar", "with knowledge"."""
    if k >= len(tokens):
        return False
    if tokens[k].low in _NEARNESS:
        return True
    if tokens[k].low == "of" and tokens[k - 1].low in _KIN:
        return True  # "close friends of the actor have disclosed"
    follow = " ".join(t.low for t in tokens[k : k + 3])
    return follow.startswith("with knowledge") or follow == "in the know"


def _unnamed_phrase(
    tokens: list[Token], i: int, starts: set[int], lower_words: Container[str]
) -> tuple[int, int, str] | None:
    """``_unnamed``'s parse; the kind is "named" for a proper-modified single source."""
    start, status = _np_left(tokens, i, starts, lower_words)
    det = tokens[start].low if start < i else ""
    affiliated = False
    singular = tokens[i].low in _ONE_SOURCE
    if status == "named" and singular:
        # "one NBA insider": step left over the proper words to the determiner.
        m = start
        while m > 0 and tokens[m - 1].text[:1].isupper() and m - 1 not in starts:
            m -= 1
        if m > 0 and tokens[m - 1].low in ("a", "an", "one", "another"):
            start, det, status, affiliated = m - 1, tokens[m - 1].low, "vague", True
    # "their close friends have revealed": known only by their nearness to the people
    # the story is about, as "close friends of the actor" are.
    close_kin = tokens[i].low in _KIN and i > 0 and tokens[i - 1].low == "close"
    anaphoric = det in ("the", "this", "that", "these", "our")
    if status == "named" or (status == "definite" and not anaphoric and not close_kin):
        return None
    kind = "named" if affiliated else "self" if det == "our" else "unnamed"
    if singular and det not in ("a", "an", "one", "another", "the", "this", "that", "our"):
        return None  # "source code", "a key source": no determiner of a person
    k = i + 1
    near = close_kin or (
        k < len(tokens)
        and (
            tokens[k].low in ("close", "familiar", "with", "inside", "within")
            or _near_the_story(tokens, k)
        )
    )
    if not (singular or near or det in ("the", "these", "our")):
        return None  # "sources say", "some insiders fear": the generic reading
    # Over the nearness: "close to the family", "familiar with Holmes's plans".
    if near:
        k += 1
        stop = min(len(tokens), k + 6)
        while k < stop and tokens[k].text[0].isalnum():  # "close to the troubled 45-year-old"
            # A word right after a determiner or preposition is a noun ("the show").
            noun = tokens[k - 1].low in DEFINITE | VAGUE_DETERMINERS | AFFILIATION | {"to"}
            if not noun and _verb_at(tokens, k) > 0 and not tokens[k].text[:1].isupper():
                break
            if tokens[k].low in ("who", "which"):
                # "a close friend and classmate of the judge who is accused": the verb
                # ahead is the relative clause's, not the source's.
                return None
            k += 1
    before = start - 1
    if before >= 1 and tokens[before].low == "to" and tokens[before - 1].low == "according":
        return before - 1, k, kind
    if before >= 0 and tokens[before].low == "citing":
        return before, k, kind  # "citing a source close to the singer, the site said"
    if (
        before >= 1
        and tokens[before].low == "by"
        and (tokens[before - 1].low in REPORTING_FORMS or tokens[before - 1].low in _PASSED_ON)
    ):
        return before, k, kind  # "the claim was raised by an anonymous source"
    if (
        before >= 0
        and tokens[before].low in _SAID
        and (before == 0 or not tokens[before - 1].text[0].isalpha())
        and (k >= len(tokens) or tokens[k].text[0] in ".!?,;")
    ):
        return before, k, kind  # '"...," said a source close to the couple.'
    end = _verb_at(tokens, k)
    # Not "someone close to the scene called the police" (one person near a place
    # acts) nor "those familiar with the story will recall" (the readers who know it).
    if (
        end < 0
        and near
        and tokens[i].low not in _ONE_PERSON | _KIN | {"those"}
        and _opens_clause(tokens, start, starts)
    ):
        # "sources close to the family assure fans that": whatever the verb, what
        # such a subject does in the story is pass on what it knows. The nearness
        # ends with its noun: the word after "the family".
        determiners = DEFINITE | VAGUE_DETERMINERS | AFFILIATION | {"to"}
        for m in range(i + 3, k + 1):
            noun = tokens[m - 2].low in determiners and _plain_word(tokens[m - 1])
            if noun and _finite_verb(tokens, m):
                return start, m + 1, kind
    if end < 0:
        return None
    if tokens[end - 1].low in _FINDING and tokens[end - 1].low not in (
        "reveal",
        "reveals",
        "revealed",
        "revealing",
    ):
        return None  # "the source showed signs of": a thing, not a person speaking
    return start, end, kind


def _sources_acting(
    tokens: list[Token], i: int, starts: set[int], lower_words: Container[str]
) -> tuple[int, int, str] | None:
    """ "Sources have spotted the pair", "insiders now expect": "sources" and
    "insiders" as a clause's subject with any verb group after them, since all such a
    subject does in a story is pass on what it knows."""
    start, status = _np_left(tokens, i, starts, lower_words)
    own = status == "definite" and tokens[start].low == "our"  # "Our sources have spotted"
    if (status == "definite" and not own) or not _opens_clause(tokens, start, starts):
        return None
    holder = tokens[i].low in _STANCE_HOLDERS
    if holder and status != "vague":
        return None  # "Labour critics have seized on": named by their side
    bare = start == i or (start == i - 1 and (own or tokens[start].low in VAGUE_DETERMINERS))
    if tokens[i].low == "sources" and not bare:
        return None  # "energy sources have changed": a modifier makes them things
    first = _past_plain_attachment(tokens, _past_alike(tokens, i + 1))
    k = first
    while k < min(len(tokens), first + 4) and (
        tokens[k].low in AUXILIARIES - {"to"} or (k > first and _adverb(tokens[k]))
    ):
        k += 1  # "critics may cynically view": an adverb inside the verb group
    if k == first or not _finite_verb(tokens, k):
        return None  # an auxiliary first: a bare "sources" may be a noun ("sources say")
    verb = tokens[k].low
    if (
        any(tokens[m].low in _BE for m in range(first, k))
        and not verb.endswith("ing")
        and verb not in REPORTING_FORMS | _BELIEF_ADJECTIVES
    ):
        return None  # "insiders were left in awe": what befell them, not what they told
    return start, k + 1, "self" if own else "generic" if holder else "unnamed"


def _adverb(token: Token) -> bool:
    return token.text.islower() and token.low.endswith("ly") and len(token.low) > 4


_FEEL = _words("feel feels felt feeling")
# What follows "feel" when it names a feeling, not a view: "some people feel the
# need to", "many felt compelled to leave", "fans feel let down".
_FEELING = _words("need urge compelled obliged forced pressured pressure free bad sorry let")


_EXPRESS = _words("express expresses expressed expressing")
_WISHING = _words("hope hopes hoped hoping wish wishes wished wishing")
# Waiting for an event is a mood, not a view ("fans are eagerly awaiting the finale",
# "everyone anticipates how it will end"), while anticipating a development is a
# forecast, as expecting one is ("investors anticipate a rate cut").
_AWAITING = _inflect("await")
_ANTICIPATING = _inflect("anticipate") | _AWAITING
_EAGERLY = _words("eagerly anxiously keenly excitedly eager anxious impatiently nervously")
_QUESTION_WORDS = _words("what how when whether if who which where why")
_MOOD_VERBS = _EXPRESS | _FEEL | _WISHING | _ANTICIPATING
# Sources whose hopes read as forecasts: people cited for what they know.
_FORECASTERS = _words(
    "analysts experts researchers scientists economists specialists academics "
    "strategists observers officials doctors scholars"
)
# Sentiments one expresses that carry no view of the facts: "fans expressed their
# support", unlike "expressed concern that" or "expressed doubts about".
_SENTIMENTS = _words(
    "support admiration love gratitude thanks condolences sympathy sympathies excitement "
    "joy delight congratulations appreciation pride sadness grief shock"
)


def _feeling_no_view(tokens: list[Token], end: int) -> bool:
    """The match ending before ``end`` voices a feeling, not a view: a hope or wish,
    waiting for an event, "feel" with a feeling after it, or "express" with a
    sentiment as its object."""
    # The verb is the last word of the match, or (a bare noun matched: "Followers of
    # the actress expressed") the first verb of the kind just after it. A match that
    # ends on its own saying verb reports what was said, feelings included: "many
    # residents say they feel forgotten" is a claim with no source.
    reach = end if end > 0 and tokens[end - 1].low in REPORTING_FORMS else end + 6
    k = next(
        (
            m
            for m in range(end - 1, min(len(tokens), reach))
            if m >= 0 and tokens[m].low in _MOOD_VERBS
        ),
        None,
    )
    if k is None or k + 1 >= len(tokens):
        return False
    end = k + 1
    verb = tokens[k].low
    if verb in _ANTICIPATING and tokens[end].low != "that":
        waiting = (
            verb in _AWAITING
            or tokens[k - 1].low in _EAGERLY
            or tokens[end].low in _QUESTION_WORDS
            or (
                tokens[end].low == "the"
                and end + 1 < len(tokens)
                and tokens[end + 1].low in _EVENTS
            )
        )
        return waiting and not any(t.low in _FORECASTERS for t in tokens[max(0, k - 4) : k])
    if verb in _WISHING:
        # "many are hoping that she will recover": a wish, no claim of fact. An
        # expert's hope is a forecast: "researchers hope the therapy will spread".
        return not any(t.low in _FORECASTERS for t in tokens[max(0, k - 4) : k])
    if verb in _EXPRESS:
        objects = [t.low for t in tokens[end : end + 3]]
        return any(o in _SENTIMENTS for o in objects)
    if verb not in _FEEL:
        return False
    after = tokens[end + 1].low if tokens[end].low == "the" and end + 1 < len(tokens) else None
    if tokens[end].low in _FEELING or after in ("need", "urge", "pressure"):
        return True
    # "left many fans feeling uneasy", "felt betrayed by the vote": a mood word and no
    # clause after it ("feel sure the plan will fail" and "feel certain that" are views).
    # A degree word before the mood: "feeling more optimistic than they did".
    if tokens[end].low in _DEGREE and end + 1 < len(tokens):
        end += 1
    mood = tokens[end]
    following = tokens[end + 1].text.lower() if end + 1 < len(tokens) else "."
    return (
        mood.text.isalpha()
        and mood.text.islower()
        and mood.low not in _STOP | DEFINITE | VAGUE_DETERMINERS
        and not mood.low.endswith("ly")
        and (following in _MOOD_AFTER or not following[:1].isalpha())
    )


_MOOD_AFTER = _words("about by at for over with toward towards after and as when in of on than")
_DEGREE = _words("more less most least so very too quite rather even deeply increasingly")


# Things that happen and are looked forward to: "awaiting the finale".
_EVENTS = _words("release day arrival return launch premiere finale wedding season debut start")


def _past_plain_attachment(tokens: list[Token], k: int) -> int:
    """Where the verb group may start after a noun: past an attachment of lower-case
    words only ("sources on the set of their new film have"); a capital in it may name
    the source ("sources at the Pentagon"), so ``k`` stays."""
    if k >= len(tokens) or tokens[k].low not in AFFILIATION:
        return k
    j = k + 1
    while j < min(len(tokens), k + 9):
        t = tokens[j]
        if t.low in AUXILIARIES:
            return j
        if not (t.text.isalpha() and t.text.islower()):
            break
        j += 1
    return k


def _opens_clause(tokens: list[Token], i: int, starts: set[int]) -> bool:
    """``i`` begins a clause: the sentence's start, or after a conjunction or comma."""
    return i in starts or tokens[i - 1].text == "," or tokens[i - 1].low in _CLAUSE_OPENERS


def _finite_verb(tokens: list[Token], k: int) -> bool:
    """A word at ``k`` that can head a subject's verb group: an auxiliary, or a plain
    lower-case word that is no function word, participle or adverb ("assure",
    "spotted"). Called only where the subject's phrase has just ended."""
    if k >= len(tokens):
        return False
    low = tokens[k].low
    if low in AUXILIARIES:
        return low != "to"
    return _plain_word(tokens[k]) and not low.endswith(("ing", "ly"))


def _definite_document(
    tokens: list[Token], head: int, start: int, starts: set[int], text: str
) -> tuple[int, int, str] | None:
    """ "the study reveals", "the new report found that": a document brought in with
    "the" as if known, finding or reporting. Only "the" and common modifiers: "this
    study", "its report" point back; whether the story ever names the document is
    the caller's question (a story-level one)."""
    if tokens[start].low != "the" or any(
        not tokens[k].text.islower() for k in range(start + 1, head)
    ):
        return None
    if _attached_name(tokens, head, starts, text):
        return None  # "the report by the IMF", "the study, published in Nature"
    end = _verb_at(tokens, head + 1)
    if end < 0:
        return None
    verb = tokens[end - 1].low
    if verb not in _FINDING and verb not in REPORTING_FORMS:
        return None
    if verb in _FINDING and any(t.low in _MODALS for t in tokens[head + 1 : end - 1]):
        return None  # "the study could show": a hope, not a finding reported
    return start, end, "definite"


def _collective(
    tokens: list[Token], i: int, starts: set[int], lower_words: Container[str]
) -> tuple[int, int, str] | None:
    """ "the international community has condemned", "the scientific community
    agrees that": a whole community, named by no one in it, holding a claim."""
    start, status = _np_left(tokens, i, starts, lower_words)
    if status != "definite" or tokens[start].low != "the":
        return None  # "the Jewish community" names a community; "its public" is owned
    if i + 1 < len(tokens) and tokens[i + 1].low in AFFILIATION:
        return None  # "the community of Ely", "the public at large" read as places or asides
    end = _verb_at(tokens, i + 1)
    if end > 0 and (tokens[end - 1].low in _CLAIMING or tokens[end - 1].low in _CALL):
        return start, end, "collective"
    end = open_claim(tokens, i + 1, AUXILIARIES, plural=False, reporting=_SAYING)
    return (start, end, "collective") if end > 0 else None


def _agent_of_view(tokens: list[Token], participle: int, after: int) -> str:
    """Is a generic "by" agent the holder of a view? "listed": the participle
    reports ("echoed by", "claimed by"); "open": it judges ("regarded by") or,
    whatever the participle, the agent is followed by a predicate ("is seen by many
    as", "was considered by some to be"); "" otherwise ("discovered by")."""
    low = tokens[participle].low
    if low in _DISCOVERED:
        return ""
    if low in REPORTING_FORMS or low in _AGENT_VERBS:
        return "listed"
    nxt = tokens[after].low if after < len(tokens) else ""
    then = tokens[after + 1].low if after + 1 < len(tokens) else ""
    if low in _BELIEF_PARTICIPLES or predicate_as(tokens, after) or (nxt == "to" and then == "be"):
        return "open"
    return ""


def _stance_from(tokens: list[Token], start: int, head: int) -> tuple[int, int, str] | None:
    """ "has drawn criticism and concern from many others", "warnings from experts",
    "raised concerns among fans and industry insiders": a stance noun whose holders
    are the generic source after "from" or "among" (over a group joined by "and")."""
    k = start - 1
    while k > 1 and k >= start - 4 and tokens[k].low not in _HOLDERS:
        if not (tokens[k].text.isalpha() and tokens[k].text.islower()) or tokens[k].low in (
            _STOP - {"and"}
        ):
            return None  # "fans and" may stand between; a clause may not
        k -= 1
    if k < 1 or tokens[k].low not in _HOLDERS:
        return None
    start = k + 1
    for m in range(start - 2, max(-1, start - 6), -1):
        low = tokens[m].low
        if low in CLAIM_STANCES:
            return m, head + 1, "open"
        if not tokens[m].text.isalpha() or (low in _STOP and low != "and"):
            return None
    return None


_HOLDERS = _words("from among amongst")


def _stance_passive(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """ "Concerns have been raised", "questions were asked", "doubts have been cast":
    a stance noun as the subject of an agentless passive -- held by no one named."""
    k = i + 1
    while k < min(len(tokens), i + 4) and tokens[k].low in _PASSIVE_AUX:
        k += 1
    if k == i + 1 or not any(t.low in _BE for t in tokens[i + 1 : k]):
        return None
    if k >= len(tokens) or not tokens[k].text.islower() or not tokens[k].text.isalpha():
        return None
    if not (tokens[k].low.endswith(("ed", "en", "wn")) or tokens[k].low in _CAST):
        return None  # "concerns are growing", "fears were unfounded"
    if any(t.low == "by" for t in tokens[k + 1 : k + 7]):
        return None  # an agent follows: the noun's holder is named or the noun's own shape
    start = i
    while start > 0 and tokens[start - 1].low in _NOUN_LEAD:
        start -= 1  # "serious concerns have been raised"
    return start, k + 1, "impersonal"


_PASSIVE_AUX = _words("have has had been was were is are being also now already repeatedly")
_CAST = _words("cast raised held put hung")
_NOUN_LEAD = _words("serious grave fresh new further growing similar some many widespread deep")


def _counts_a_share(token: Token) -> bool:
    """A figure or fraction that quantifies respondents: "62%", "half", "two-thirds"."""
    low = token.low
    return any(c.isdigit() for c in low) or low.split("-")[-1] in _FRACTIONS


_FRACTIONS = _words("half halves third thirds quarter quarters fifth fifths percent cent")


def _speaker_before(tokens: list[Token], k: int, starts: set[int]) -> bool:
    """``tokens[k]`` is a person the story has named: a personal pronoun, or a
    capitalised word inside its clause."""
    t = tokens[k]
    return t.low in _PERSONAL or (t.text[:1].isupper() and t.text[1:].islower() and k not in starts)


_PERSONAL = _words("he she i we")


def _pronoun(tokens: list[Token], i: int, starts: set[int]) -> tuple[int, int, str] | None:
    """ "some say", "many believe", "others contend" as whole subjects."""
    last = i + 1 if i + 1 < len(tokens) and tokens[i + 1].low == "others" else i
    if i > 1 and tokens[i - 1].low == "and" and _speaker_before(tokens, i - 2, starts):
        return None  # "he and others say", "Norden and others argue": led by one named
    stance = _stance_from(tokens, i, last)  # "drew criticism from many (others)"
    if stance is not None:
        return stance
    if (
        i > 1
        and tokens[i - 1].low == "by"
        and tokens[i - 2].low.endswith(("ed", "wn", "en"))
        and tokens[i - 2].low not in _REACTIONS
        and (agent := _agent_of_view(tokens, i - 2, i + 1))
    ):
        if agent == "open":
            return i - 2, i + 1, "open"
        return i - 2, i + 1, "split"  # "echoed by many", "disputed by some"
    if i > 0 and tokens[i - 1].low in _CAUSATIVES | _LEAVING:
        # "led some to theorise", "leaving many wondering": the crowd holds the view.
        nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
        if nxt == "to" and i + 2 < len(tokens) and tokens[i + 2].low in REPORTING_FORMS:
            return i - 1, i + 3, "split"
        if (nxt.endswith("ing") and nxt in REPORTING_FORMS) or nxt in _BELIEF_ADJECTIVES:
            return i - 1, i + 2, "split"
        return None
    if (
        i + 2 < len(tokens)
        and tokens[i + 1].low == "who"
        and tokens[i - 1].low not in DEFINITE
        and tokens[i - 1].low not in _REACHED
    ):
        # "there are still many who believe", "some who argue": the crowd picked out
        # ("a relief to many who were concerned" tells of a reaction instead).
        end = _verb_at(tokens, i + 2)
        if end > 0 and tokens[end - 1].low not in _FINDING | _REACTIONS:
            return i, end, "split"
    negated = i > 0 and tokens[i - 1].low == "not" and tokens[i].low in _EVERYONE
    if (
        i > 0
        and tokens[i - 1].text[0].isalpha()
        and tokens[i - 1].low not in _CLAUSE_OPENERS
        and not negated
    ):
        return None  # "the some", "than many": not a subject pronoun
    if (
        i > 1
        and tokens[i - 1].low == "as"
        and any(t.low == "as" for t in tokens[max(0, i - 5) : i - 1])
    ):
        return None  # "as badly as some fear": a comparison, not a source for a claim
    if i + 3 < len(tokens) and tokens[i + 1].low == "of" and tokens[i + 2].low == "whom":
        # "his supporters, many of whom have stated": the crowd itself, picked out.
        _, end = _adjacent_verb_after(tokens, i + 2)
        if end < 0:
            end = open_claim(tokens, i + 3, AUXILIARIES, reporting=_SAYING)
        return (i, end, "split") if end > 0 else None
    # "many others advocate": the verb follows the whole pronoun phrase.
    _, end = _adjacent_verb_after(tokens, last)
    if end < 0 and _insert_end(tokens, last + 1) > 0:
        end = _verb_at(tokens, _insert_end(tokens, last + 1))  # "others, however, saw"
    if end < 0:
        # "others charge that", "many hit out at"
        singular = tokens[i].low in ("everyone", "everybody")
        end = open_claim(tokens, last + 1, AUXILIARIES, plural=not singular, reporting=_SAYING)
        if end > 0:
            return i, end, "open"
    if end < 0:
        end = _described_then_saying(tokens, last + 1)
        if end > 0:
            return i, end, "split"  # "others were more cautious, arguing that"
    if end < 0:
        # "many in the industry believe"
        if i + 3 < len(tokens) and tokens[i + 1].low == "in" and tokens[i + 2].low == "the":
            k = i + 3
            while k < min(len(tokens), i + 6) and tokens[k].text.islower():
                _, end = _adjacent_verb_after(tokens, k)
                if end > 0 and tokens[end - 1].low not in _FINDING:
                    return i, end, "split"
                if end > 0 or tokens[k].low.endswith("ed"):
                    break  # "many in the city saw the show": the verb was not a saying one
                k += 1
        return None
    feeling = _expresses_feeling(tokens, end)
    if tokens[end - 1].low in _FINDING or feeling:
        # "many found the going hard", "many are expressing their excitement"; but a
        # crowd split in two, "with some applauding and others expressing frustration",
        # sets unnamed views against each other.
        return (i, end, "split") if feeling and _others_follow(tokens, end) else None
    if tokens[end - 1].low in _REACTIONS and not tokens[end - 1].low.endswith("ed"):
        # "with many praising her": a crowd's reaction; "some touts": a noun. But a
        # finite past ("many have praised", "some hailed it") is a verdict credited to a crowd.
        return (i, end, "split") if _others_follow(tokens, end) else None
    if negated:
        return i - 1, end, "open"  # "not everyone is convinced": a weaker sign, informational
    return i, end, "split"


def _others_follow(tokens: list[Token], k: int) -> bool:
    """ "... and others expressing frustration", "..., while others ...": the crowd's
    other half later in the sentence, doing something of its own."""
    for m in range(k, min(len(tokens) - 1, k + 20)):
        if tokens[m].text in (".", "!", "?", ";"):
            return False
        if tokens[m].low == "others" and tokens[m - 1].low in _SPLIT_JOINS:
            nxt = tokens[m + 1].low  # a verb: "others expressing", not "others privately"
            return nxt.endswith(("ing", "ed")) or nxt in REPORTING_FORMS or nxt in _HAVE_BE
    return False


_SPLIT_JOINS = _words("and while whereas but , many some")
_HAVE_BE = _BE | _words("have has had")


# Prepositions that make a crowd the one a news reaches: "a relief to many who".
_REACHED = _words("to for")


def _described_then_saying(tokens: list[Token], k: int) -> int:
    """After a crowd's pronoun at ``k``: a form of "be" or a linking verb, a short
    description, a comma and a participle of saying ("have been more cautious,
    arguing"): the participle states the crowd's view. The end of the participle, or -1."""
    j = k
    while j < min(len(tokens), k + 3) and tokens[j].low in AUXILIARIES:
        j += 1
    if not any(t.low in _BE or t.low in _LINKING for t in tokens[k:j]):
        return -1
    stop = min(len(tokens) - 1, j + 3)
    while j < stop and tokens[j].text.isalpha() and tokens[j].text.islower():
        j += 1
    if j >= len(tokens) - 1 or tokens[j].text != ",":
        return -1
    return j + 2 if tokens[j + 1].low in _SAYING else -1


_CLAUSE_OPENERS = _words(
    "and but as while whereas although though yet so because since if with still"
)
# "not everyone is convinced": a doubt credited to an unnamed part of everyone.
_EVERYONE = _words("everyone everybody")


_IT = _words("it it's it’s")
_COME_TO_LIGHT = regexcache.compile(r"(?:come|came) to light\b|made clear\b")
_COME_TO_LIGHT_FIRST = _words("come came made")  # the words _COME_TO_LIGHT opens on
# Advice with no adviser: "it is recommended that", "it's advised to" (not "it is
# recommended for adults", a description of the thing itself).
_ADVISED = _words("recommended advised")


def _impersonal(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """ "it is understood", "it has been widely reported", "it's recommended to"."""
    k = i + 1
    # "it has said" is the company speaking, "it has been said" is not; "it's" is "it is"
    # (or "it has", which a following "been" makes passive anyway).
    passive = tokens[i].low != "it"
    while k < min(len(tokens), i + 6):
        low = tokens[k].low
        nxt = tokens[k + 1].low if k + 1 < len(tokens) else ""
        if low in _ADVISED and passive:
            return (i, k + 1, "impersonal") if nxt in ("that", "to") else None
        if low in IMPERSONAL:
            # "it is found in dogs" is about where, "it has been found that" about who.
            if (low in _FINDING or low in _NEEDS_THAT) and nxt != "that":
                return None  # "it is expected to pass": "it" is the bill, not an impersonal
            if low in _PERFECT_ONLY and tokens[k - 1].low != "been":
                return None  # "it was revealed in the announcement": one event, its source there
            if passive and _named_agent(tokens, k + 1):
                return None  # "it has been reported by aceshowbiz.com": its source named
            return (i, k + 1, "impersonal") if passive else None
        if low in _COME_TO_LIGHT_FIRST and _COME_TO_LIGHT.match(
            " ".join(t.low for t in tokens[k : k + 4])
        ):
            # "it has come to light that", "it has been made clear that": a disclosure
            # that no one made.
            # "it has made clear that" is the company speaking, and "if it is made
            # clear that" a condition: "made" needs the perfect passive.
            end = k + (2 if low == "made" else 3)
            that = end < len(tokens) and tokens[end].low == "that"
            done = low != "made" or tokens[k - 1].low == "been"
            return (i, end, "impersonal") if that and done else None
        if (
            low in ("is", "was", "has", "had", "been")
            or low in _BETWEEN
            or (low.endswith("ly") and len(low) > 4)
        ):  # "it has long been believed", "it is now widely thought"
            passive = passive or low in ("is", "was", "been")
            k += 1
            continue
        return None
    return None


_HEARSAY = _words(
    "reports claims rumours rumors rumour rumor suggestions accounts concern concerns fears "
    "speculation speculations whispers"
)
# Hearsay that counts only as the subject of a verb of spreading ("whispers circulate
# regarding", "questions have arisen over"): "with whispers of" is a figure of speech.
_SPREADING_HEARSAY = _HEARSAY | _words(
    "murmurs questions doubts details revelations allegations stories word "
    "report rumour rumor claim suggestion"  # "a new report has emerged suggesting"
)
# Demands with no one making them: "there is a rising call for".
# ... and backing with no one giving it: "there is growing support for".
_DEMANDS = _words("call calls demand demands clamour clamor support backing")
# Adverbs that claim a consensus for an agentless passive ("is widely recognised").
_CONSENSUS = _words("widely generally commonly broadly universally increasingly often frequently")
# "often" and "increasingly" claim a consensus only of recognition or citing;
# "is often seen as" is a judgement, left to the "seen as" shape.
_GROWING = _words("increasingly often frequently")
_RECOGNISED = _words("recognized recognised accepted acknowledged cited")
# Participles of spread and use: "widely used" reports a fact, not a consensus.
_USAGE = _words(
    "used adopted distributed spread sold read watched deployed defined taken installed "
    "owned implemented practised "
    "practiced prescribed grown cultivated spoken published circulated known travelled "
    "traveled scattered varied dispersed copied imitated shared followed available seen "
    "broadcast televised reported covered"
)
_HEARD = _words("reported rumoured rumored said")
_BELIEF_PARTICIPLES = _words(
    "recognized recognised accepted acknowledged believed thought seen regarded considered "
    "viewed held agreed perceived expected feared cited"
)
# Participles that ascribe a cause or a label: in the perfect passive with no agent
# ("has been attributed to", "has been called a ...") the ascribers are everyone.
_ASCRIBED = _words("attributed called dubbed labelled labeled branded termed")


# Judgements that take "as" only ("hailed as"), and with them those that may also take
# a noun phrase straight after ("seen the favourite").
_SEEN_AS_ONLY = _words(
    "hailed heralded touted billed branded described praised lauded anticipated tipped"
)
_SEEN_AS = _words("seen regarded viewed perceived considered deemed") | _SEEN_AS_ONLY
_DEEMED = _words("deemed considered")  # also with an adjective: "deemed unsafe"
# Agents that are only a share of everyone: "hailed by some as", "seen by many as".
_UNNAMED_SHARES = _words("some many others most")


# "was once considered", "has since been discovered": adverbs of time inside the group.
_BETWEEN = _words("not n't never also now still often long already once since ever always")


_SAID = _words("said says told wrote tweeted posted added remarked commented quipped recalled")


_PROJECTING = _inflect("project") | _inflect("estimate")


def _trade_place(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """ "Wall Street had projected earnings of 80 cents": a trade's place as the
    subject of a forecast or a claim is the trade's unnamed consensus. (Its
    reactions, "Wall Street cheered the news", report no claim.)"""
    k = i + 1
    while k < min(len(tokens), i + 4) and (tokens[k].low in AUXILIARIES or _adverb(tokens[k])):
        k += 1
    if k >= len(tokens) or (k == i + 1 and tokens[k].low in _PROJECTING):
        return None  # "Wall Street estimates": a noun as often as a verb
    verb = tokens[k].low
    if verb in _PROJECTING or (
        verb in REPORTING_FORMS and verb not in _REACTIONS and verb not in _FINDING
    ):
        return i - 1, k + 1, "generic"
    return None


# Words after "those" that pick out a camp: "those who oppose the plan", "those backing
# the bid", "those opposed to it", "those in favour", "those against the merger".
_CAMP_OPENERS = _words("who opposed in against on")
# A camp's verbs that report its members' own experience, not a view: "those who
# groomed reported injuries" (a study's respondents).
_EXPERIENCE = _inflect("report")
# Finite verbs that open a camp's verb group with no claim in it (not "have", "will").
_CAMP_VERB_ENDS = _words("would are were is was")


def _those(tokens: list[Token], i: int, starts: set[int]) -> tuple[int, int, str] | None:
    """ "Those backing the US team believe ...", "those who oppose the plan argue": a
    camp known only by its side, as the subject of a claim. The camp's own clause is
    stepped over; its first verb group after that must claim something."""
    if i + 2 >= len(tokens) or not _opens_clause(tokens, i, starts):
        return None
    if i > 0 and tokens[i - 1].low == "with":
        return None  # "discussions with those who ...": an object, not a subject
    nxt = tokens[i + 1].low
    k = i + 2
    if nxt == "who":
        # Past the relative clause's own verb group: "those who have long argued".
        while k < len(tokens) and (tokens[k].low in AUXILIARIES or _adverb(tokens[k])):
            k += 1
        k += 1
    elif not (nxt in _CAMP_OPENERS or (nxt.endswith("ing") and nxt not in _STOP)):
        return None  # "those backing the bid", "those opposed to it"
    m = k
    while m < min(len(tokens), i + 14):
        if tokens[m].text == ",":
            # The camp's clause ends at a comma but for a short aside ("those who
            # oppose it, however, argue"): "those who watched it, I think" is no subject.
            m = _insert_end(tokens, m)
            if m < 0:
                return None
            continue
        if tokens[m].text[0] in ".!?;:(" or tokens[m].low in ("who", "which", "that"):
            return None
        if tokens[m].low in _CAMP_VERB_ENDS:
            # "those who oppose it are worried that ...": a stance, as for a group noun;
            # "those who groomed were more likely" is the camp's own fact, no claim.
            j = m + 1
            while j < len(tokens) and _adverb(tokens[j]):
                j += 1
            if (
                tokens[m].low in _BE
                and j < len(tokens)
                and tokens[j].low in _BELIEF_ADJECTIVES
                and _stance_adjective(tokens, j)
            ):
                return i, j + 1, "split"
            return None
        end = _verb_at(tokens, m)
        if end > 0:
            verb = tokens[end - 1].low
            if verb in _FINDING or verb in _REACTIONS or verb in _EXPERIENCE:
                return None
            return i, end, "split"
        m += 1
    return None


def _one_person(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """ "..., said one neighbour." / "One longtime resident, who asked not to be named,
    said ...": a single unnamed person picked from a crowd, the noun after up to two
    lower-case modifiers ("one fellow actor"), with nothing after it to identify them."""
    noun = i + 1
    while noun < min(len(tokens), i + 4) and _plain_word(tokens[noun]):
        if tokens[noun].low in REPORTING_FORMS or tokens[noun].low in _SAID:
            break
        noun += 1
    noun -= 1  # the last plain word heads the phrase
    if noun == i:
        return None
    end = noun + 1
    if (
        end + 1 < len(tokens)
        and tokens[end].low in ("on", "via")
        and tokens[end + 1].text[:1].isupper()
    ):
        end += 2  # "wrote one fan on Twitter": where they wrote, not who they are
    after = tokens[end].text if end < len(tokens) else "."
    if i > 0 and tokens[i - 1].low in _SAID and (i == 1 or not tokens[i - 2].text[0].isalpha()):
        return (i - 1, end, "generic") if after[0] in ".!?," else None
    # At a clause's start, and after "as": "As one police veteran remarked".
    opener = i == 0 or not tokens[i - 1].text[0].isalpha() or tokens[i - 1].low == "as"
    if not opener:
        return None
    verb = noun + 1
    insert = _relative_insert_end(tokens, verb)
    if insert > 0:
        verb = insert  # "One insider, who wished to remain anonymous, told us"
    if verb < len(tokens) and tokens[verb].low in _SAID:
        return i, verb + 1, "generic"
    return None


def _plain_word(token: Token) -> bool:
    """A lower-case word that may modify or head a noun phrase (no function word)."""
    low = token.low
    plain = token.text.isalpha() and token.text.islower()
    return plain and low not in _STOP and low not in DEFINITE and low not in VAGUE_DETERMINERS


def _relative_insert_end(tokens: list[Token], k: int) -> int:
    """Index after ", who ... ," starting at ``k`` (a relative clause set off by commas
    that describes without naming), else -1."""
    if k + 1 >= len(tokens) or tokens[k].text != "," or tokens[k + 1].low not in ("who", "whom"):
        return -1
    for m in range(k + 2, min(len(tokens), k + 14)):
        t = tokens[m]
        if t.text.endswith(","):  # a number takes its comma: "in 1990,"
            return m + 1
        if t.text[0] in ".!?;:()" or t.text[:1].isupper():
            return -1  # the clause ends, or names someone
    return -1


def _after_be(tokens: list[Token], i: int) -> bool:
    """A form of "be" right before ``i``, or before a "not" there ("is not considered")."""
    j = i - 1
    while j > 0 and j >= i - 2 and (tokens[j].low in _BETWEEN or tokens[j].low.endswith("ly")):
        j -= 1
    return tokens[j].low in _BE


def _seen_as(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """ "is seen as", "is considered the biggest": a judgement with no one making it."""
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    start = i - 1
    while start > 0 and tokens[start].low not in _BE:
        start -= 1
    if _judge_named(tokens, i + 1):
        return None  # "is seen as a strategic one by Kim": the judge is named
    if start >= 1 and tokens[start].low == "be" and tokens[start - 1].low in ("only", "best"):
        return None  # "what can only be described as": the writer's own words
    if nxt == "as":
        return start, i + 2, "impersonal"
    if (
        nxt == "by"
        and i + 3 < len(tokens)
        and tokens[i + 3].low == "as"
        and tokens[i].low in _SEEN_AS_ONLY
        and tokens[i + 2].low in _UNNAMED_SHARES
    ):
        return start, i + 4, "impersonal"  # "hailed by some as": a share of everyone
    if nxt in ("the", "a", "an", "one") and tokens[i].low not in _SEEN_AS_ONLY:
        return start, i + 1, "impersonal"
    if tokens[i].low in _DEEMED and nxt.isalpha() and nxt.islower() and nxt not in _STOP:
        return start, i + 1, "impersonal"  # "were deemed inconsistent", "is considered safe"
    if tokens[i].low in _DEEMED and nxt[:1].isupper() and nxt.endswith(("'s", "’s")):
        return start, i + 1, "impersonal"  # "is considered Europe's newest battleground"
    return None


def _named_agent(tokens: list[Token], k: int) -> bool:
    """ "by Kim", "by the BBC", "by aceshowbiz.com" at ``k``: a passive's agent that
    names someone (a capital that does not open the sentence, or a web address)."""
    if k + 1 >= len(tokens) or tokens[k].low != "by":
        return False
    m = k + 2 if tokens[k + 1].low == "the" and k + 2 < len(tokens) else k + 1
    if tokens[m].text[:1].isupper():
        return True
    # A web address comes as word, ".", ending: "aceshowbiz . com".
    return m + 2 < len(tokens) and tokens[m + 1].text == "." and tokens[m + 2].low in _WEB_ENDINGS


_WEB_ENDINGS = _words("com org net co uk news tv io info")


def _judge_named(tokens: list[Token], k: int) -> bool:
    """A named agent later in the judgement's clause: "seen as a strategic one by Kim"."""
    for m in range(k, min(len(tokens), k + 10)):
        # "as" after "seen" opens the judgement itself, not a new clause.
        if tokens[m].text in ",;:.!?" or (m > k and tokens[m].low in _CLAUSE_WORDS):
            return False
        if _named_agent(tokens, m):
            return True
    return False


_SHOWN = _words("shown proven proved")


def _shown(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """ "has been shown to be effective", "has been proven to reduce": a finding with no
    finder. Only the perfect ("was shown to the press" is an event) and only before
    "to" or "that"; an agent ("by researchers at ...") is the noun's shape."""
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if nxt not in ("to", "that") or any(t.low == "by" for t in tokens[i + 1 : i + 8]):
        return None
    start = i - 1
    while start > 0 and tokens[start].low not in _BE:
        start -= 1
    have = start - 1
    while have > 0 and (tokens[have].low in _BETWEEN or tokens[have].low.endswith("ly")):
        have -= 1  # "has already been shown", "have repeatedly been proven"
    if start < 1 or tokens[start].low != "been" or tokens[have].low not in ("has", "have"):
        return None
    if have > 0 and tokens[have - 1].low in _MODALS:
        return None  # "could have been shown to": a counterfactual
    if nxt == "to" and i + 2 < len(tokens) and tokens[i + 2].low in ("the", "a", "an", "reporters"):
        return None  # "has been shown to the jury": shown to someone, not a finding
    return have, i + 1, "impersonal"


def _consensus_passive(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """ "is widely recognised", "are generally seen as": a belief credited to everyone
    and no one. An agent ("by economists") is a different shape, handled by the noun."""
    k = i + 1
    if k >= len(tokens):
        return None
    low = tokens[k].low
    # "was widely reported to be": what everyone said, not the coverage.
    if low in _HEARD and k + 1 < len(tokens) and tokens[k + 1].low == "to":
        return i - 1, k + 1, "impersonal"
    if tokens[i].low in _GROWING:
        if low not in _RECOGNISED:
            return None
    elif low not in _BELIEF_PARTICIPLES and not (
        # "is widely respected", "is generally blamed": any participle of a verb that
        # judges. Spread and use ("widely used", "widely available") report a fact.
        low.endswith(("ed", "en"))
        and low not in _USAGE
        and low not in _REACTIONS  # "was widely praised": a reception, as "many praised"
        and tokens[k].text.islower()
    ):
        return None
    if k + 1 < len(tokens) and tokens[k + 1].low == "by":
        return None
    if k + 1 < len(tokens) and tokens[k + 1].low == "for" and low in _FAME:
        return None  # "widely recognised for his talk show": fame, not a view
    return i - 1, k + 1, "impersonal"


_FAME = _words("recognized recognised known acknowledged")


def _ascribed(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """ "has been attributed to", "what has been called a ...": ascribed over time by
    no one in particular. Only the perfect: "was attributed to" reports one finding,
    "may be attributed to" a guess; an agent ("by analysts") is the noun's shape."""
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    wanted = ("to",) if tokens[i].low == "attributed" else ("a", "an")
    if nxt not in wanted or any(t.low == "by" for t in tokens[i + 1 :]):
        return None
    if tokens[i - 1].low != "been" or tokens[i - 2].low not in ("has", "have"):
        return None
    if i > 2 and tokens[i - 3].low in _MODALS:
        return None  # "could have been attributed to": a counterfactual
    return i - 2, i + 1, "impersonal"


# Verdicts passed on someone: in the perfect passive with no agent ("have been
# criticised for", "has been condemned as") the critics are no one the reader can check.
# ("Accused of" is a charge the story usually goes on to source, as labelled copy
# treats it; "attacked" and "questioned" are as often acts.)
_VERDICTS = _words("criticised criticized blamed condemned slammed lambasted denounced")


def _judged(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """ "have been criticised for", "has been widely condemned as": a verdict with no
    one passing it. Only the perfect ("was criticised for" reports one event, its
    critic in the story), only with its "of", "for" or "as", and no "by" agent later
    in the sentence."""
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if nxt not in ("of", "for", "as") or any(
        t.low == "by" and not _gerund_after(tokens, k)
        for k, t in enumerate(tokens[i + 1 : i + 16], start=i + 1)
    ):
        return None  # an agent: "by the regulator" ("by meddling" is the act judged)
    j = i - 1
    while j > 1 and (tokens[j].low in _BETWEEN or tokens[j].low.endswith("ly")):
        j -= 1  # "has repeatedly been accused", "have been widely criticised"
    if tokens[j].low != "been":
        return None
    have = j - 1
    while have > 0 and (tokens[have].low in _BETWEEN or tokens[have].low.endswith("ly")):
        have -= 1  # "has long been accused"
    if tokens[have].low not in ("has", "have", "had") or (
        have > 0 and tokens[have - 1].low in _MODALS
    ):
        return None  # "could have been blamed for": a counterfactual
    return have, i + 1, "impersonal"


def _gerund_after(tokens: list[Token], k: int) -> bool:
    return k + 1 < len(tokens) and tokens[k + 1].low.endswith("ing")


# Judging participles in a reduced relative: "the plan, once seen as a gamble".
_SEEN_AS_RELATIVE = _words(
    "seen viewed regarded considered hailed heralded touted billed branded recognized recognised"
)
_ONCE = _words("once long widely often generally still formerly previously now")


def _seen_as_relative(tokens: list[Token], i: int, starts: set[int]) -> tuple[int, int, str] | None:
    """ "Her life, once viewed as a fairy tale, ...", "Long regarded as the favourite,
    ...": a judgement with no one making it, with no "be" (a reduced relative or an
    opening participle clause). Only with "as" and no "by" agent."""
    if i + 1 >= len(tokens):
        return None
    nxt = tokens[i + 1].low
    if nxt != "as" and not (tokens[i].low in _DEEMED and nxt in ("one", "the", "a", "an")):
        return None  # "Agassi, considered one of the greatest, ...": "as" left out
    if any(t.low == "by" for t in tokens[i + 2 : i + 8]):
        return None
    start = i
    if i > 0 and (tokens[i - 1].low in _ONCE or tokens[i - 1].low.endswith("ly")):
        start = i - 1
    if start not in starts and (start == 0 or tokens[start - 1].text != ","):
        return None  # "what was seen as" has its "be"; "she has seen as many" is a verb
    return start, i + (2 if nxt == "as" else 1), "impersonal"


# Evidence that is itself a claim someone made, as a subject: "predictions favour the
# hosts", "recent revelations have unveiled", "early indications suggest". Like a
# report, it needs an owner ("the ONS estimates", "forecasts by the Met Office").
EVIDENCE_HEADS = _words(
    "predictions projections forecasts estimates revelations indications rumours rumors "
    "whispers leaks investigations inquiries"
)
# What such evidence does to a claim besides saying it: favour an outcome, put a
# figure on it, point to it, unveil it.
_EVIDENCE_VERBS = frozenset(
    form
    for lemma in _words("favour favor tip put place point unveil uncover expose hint paint")
    for form in _inflect(lemma)
) | _words("put")


def _evidence(
    tokens: list[Token], i: int, starts: set[int], lower_words: Container[str], text: str
) -> tuple[int, int, str] | None:
    """An unowned piece of evidence as the subject of a verb of saying, finding or
    favouring ("Predictions favor the Indians", "estimates put the bill at"), or behind
    "according to". Informational ("open"): the noun may be the story's own data."""
    np_start, status = _np_left(tokens, i, starts, lower_words)
    if status != "vague" or _attached_name(tokens, i, starts, text):
        return None  # "the forecasts", "Treasury estimates", "estimates by the ONS"
    before = np_start - 1
    if before >= 1 and tokens[before].low == "to" and tokens[before - 1].low == "according":
        return before - 1, i + 1, "open"
    if before >= 0 and tokens[before].low in AFFILIATION | _BE | {"to", "about", "than", "like"}:
        return None  # an object or a predicate: "based on estimates", "are predictions"
    end = _verb_at(tokens, i + 1)
    if end < 0:
        j = i + 1
        while j < min(len(tokens), i + 5) and (
            tokens[j].low in AUXILIARIES
            or (tokens[j].low.endswith("ly") and len(tokens[j].low) > 4)
        ):
            j += 1
        if j >= len(tokens) or tokens[j].low not in _EVIDENCE_VERBS or _passive_group(tokens, i, j):
            return None
        nxt = tokens[j + 1].low if j + 1 < len(tokens) else ""
        if tokens[j].low.startswith("point") and nxt != "to":
            return None  # "point" only as "point to"
        end = j + 1
    if any(t.low in _MODALS for t in tokens[i + 1 : end - 1]):
        return None  # "estimates could show": a hope, not a claim made
    return np_start, end, "open"


def _passive_group(tokens: list[Token], i: int, j: int) -> bool:
    return any(t.low in _BE for t in tokens[i + 1 : j])


# "was discovered by researchers": an act of the researchers, not a view they hold.
_DISCOVERED = _words("discovered announced discussed")
_MODALS = _words("could would might may must should can will")


def _with_hearsay(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """ "..., with reports of clashes", "amid reports that", "despite many reports of":
    hearsay hung on the sentence, no source."""
    k = i - 1
    if (
        k > 0
        and tokens[k].text.isalpha()
        and tokens[k].text.islower()
        and tokens[k].low not in _STOP
        and tokens[k].low not in _HEARSAY_FRAMES
        and tokens[k].low not in _POSSESSIVES  # "about their fears that": theirs
    ):
        k -= 1  # "with unconfirmed reports of"
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    then = tokens[i + 2].low if i + 2 < len(tokens) else ""
    if nxt in _HEARSAY_CARRYING and (then == "that" or tokens[i].low in _RUMOURS):
        # "sparked rumours suggesting that": whose rumours? A rumour carries its claim
        # even without "that" ("the rumour suggesting an imminent divorce").
        return i, i + 2, "impersonal"
    if k < 0 or tokens[k].low not in _HEARSAY_FRAMES or nxt not in ("of", "that"):
        return None
    if tokens[i].low == "whispers" and nxt != "that":
        return None  # "a dress with whispers of lace": a figure of speech
    return k, i + 2, "impersonal"


_RUMOURS = _words("rumour rumours rumor rumors")
# Participles by which hearsay carries a claim of its own: "rumours suggesting that".
_HEARSAY_CARRYING = _words("suggesting claiming alleging saying indicating")


_HEARSAY_FRAMES = _words("with amid amidst despite following at over about")
_CONTENT_OPENERS = _words(
    "that of about suggesting claiming alleging saying regarding concerning over shedding linking "
    "surrounding"
)
# Frames before the verb of spreading: "reports continue to circulate", "are emerging".
_SPREAD_FRAMES = _words(
    "have has had been also now since quickly widely continue continues continued began begin "
    "begun started start starts to is are was were"
)


# Words that end a noun's attachment: a conjunction, a relative or a pronoun subject.
_CLAUSE_WORDS = _words(
    "and or but if as than then so because while whereas although though when where who "
    "whom that which what it he she they we you i there here not"
)


def _hearsay_spreads(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """ "Reports surfaced last week that ...", "rumours have swirled about", "speculation
    has mounted that": hearsay as the subject of a verb of spreading, with what it
    says after it, and no one behind it."""
    owner = i > 1 and tokens[i - 1].text[:1].isupper()
    if i > 0 and (tokens[i - 1].low in DEFINITE or owner):
        return None  # "the reports", "Reuters reports": a known source's
    k = i + 1
    attached = k < len(tokens) and tokens[k].low == "of"
    if attached and tokens[i].low == "word":
        return None  # "word of the vote spread": the news, not what hearsay says
    if attached:
        # "whispers of the actor's actions behind closed doors have begun to circulate":
        # what the hearsay says is in its own "of" attachment.
        k += 1
        while k < min(len(tokens), i + 10) and (
            tokens[k].low == "to" or tokens[k].low not in _SPREAD_FRAMES | SPREADING
        ):  # "to" inside the attachment is a preposition ("of a move to the coast")
            if not tokens[k].text[0].isalpha() or tokens[k].low in _CLAUSE_WORDS:
                return None  # the attachment ended, or a clause began
            k += 1
    while k < min(len(tokens), i + 12) and (tokens[k].low in _SPREAD_FRAMES or _adverb(tokens[k])):
        k += 1  # "reports have recently surfaced"
    if k >= len(tokens) or tokens[k].low not in SPREADING:
        return None
    if k == i + 1 and tokens[k].low.endswith("ing"):
        return None  # "followed rumours swirling over ...": a participle, not hearsay's verb
    lower = i > 0 and tokens[i - 1].text.islower() and tokens[i - 1].low not in _STOP
    start = i - 1 if lower else i  # "fresh details have emerged"
    if attached:
        return start, k + 1, "impersonal"
    for m in range(k + 1, min(len(tokens), k + 5)):
        # What it says, or a participle saying it: "..., shedding light on", ", suggesting".
        # ("reports have surfaced, casting a shadow over": any participle after the comma)
        said = m + 1 < len(tokens) and (
            tokens[m + 1].low in _CONTENT_OPENERS | _SAYING
            or (
                m == k + 1
                and tokens[m + 1].low.endswith("ing")
                and tokens[m + 1].low != "according"
            )
        )
        if tokens[m].low in _CONTENT_OPENERS or (tokens[m].text == "," and said):
            return start, k + 1, "impersonal"
        if not tokens[m].text.isalpha() or tokens[m].low in ("and", "but", "when", "as"):
            return None
    return None


# Collective nouns for bodies of people: "according to human rights groups".
_BODIES = _words("groups organisations organizations agencies campaigners residents")


def _according(
    tokens: list[Token], i: int, starts: set[int], text: str
) -> tuple[int, int, str] | None:
    """ "according to human rights groups", "according to campaigners": a bare plural
    of people as the whole source ("the", "its" ... point back to one already named)."""
    if i + 2 >= len(tokens) or tokens[i + 1].low != "to":
        return None
    k = i + 2
    if tokens[k].low in ("a", "an"):
        return _according_to_one(tokens, i, k + 1)
    head = k
    while head + 1 < min(len(tokens), k + 4) and tokens[head + 1].text.isalpha():
        if not tokens[head].text.islower() or tokens[head].low in _STOP | DEFINITE:
            return None
        head += 1
    t = tokens[head]
    if not t.text.isalpha() or not t.text.islower() or t.low in HEADS | _STOP | DEFINITE:
        return None  # a name, or a source noun the noun parser reads itself
    if not (_ADVOCATE_NOUN.search(t.low) or t.low in _BODIES) or t.low in _JUSTICE:
        return None  # "according to federal prosecutors": the institution, as police are
    after = tokens[head + 1].text if head + 1 < len(tokens) else "."
    if after[0].isalpha() or _attached_name(tokens, head, starts, text):
        return None  # "according to residents of Elm Street" names where; "to officers who"
    return i, head + 1, "generic"


# One person a story can cite without a name: "according to a witness".
_ONE_OF_MANY = _words(
    "witness eyewitness resident insider person individual employee worker staffer aide "
    "bystander neighbour neighbor friend relative acquaintance member agent official "
    "observer expert analyst lawyer attorney doctor researcher scientist supporter "
    "whistleblower adviser advisor consultant diplomat strategist economist activist "
    "campaigner journalist reporter teacher student nurse parent volunteer organiser "
    "organizer manager executive director investor trader banker lobbyist historian "
    "politician technician specialist academic veteran"
)
# What follows such a person and ties them to someone named: "a spokesman for the
# council", "a resident of Elm Street", "a source close to the family".
_TIES = _words("for at with from of in close familiar on inside within who")


def _according_to_one(tokens: list[Token], i: int, k: int) -> tuple[int, int, str] | None:
    """ "according to an off-duty customs agent": one unnamed person, up to four
    modifiers then the noun; "affiliated" when a modifier names where they work
    ("a Treasury official"), as for "a Downing Street source"."""
    m = k
    while (
        m < min(len(tokens), k + 5)
        and tokens[m].text.replace("-", "").isalpha()
        and tokens[m].low not in _STOP | _TIES
    ):
        m += 1
    head = m - 1  # the noun ends the run: "a former White House aide"
    if head < k:
        return None
    t = tokens[head]
    if not (t.text.islower() and t.low in _ONE_OF_MANY):
        return None
    if any(w.low in _POLICE_WORDS for w in tokens[k : head + 1]):
        return None  # "according to a police officer": police speak as a force
    after = tokens[m] if m < len(tokens) else None
    if after is not None and (after.low in _TIES or after.text[:1].isupper()):
        return None  # tied to someone named, or named: "a spokesman for the council"
    if after is not None and after.text == ",":
        n = m + 1
        while n < min(len(tokens), m + 5) and tokens[n].text[:1].isupper():
            n += 1
        if n > m + 1 and (n == len(tokens) or tokens[n].text in (",", ".", ";", ")")):
            return None  # "according to a neighbour, Ann Lee, ...": named after all
    named = any(w.text[:1].isupper() for w in tokens[k:head])
    return i, head + 1, "affiliated" if named else "generic"


_POLICE_WORDS = _words("police officer officers policeman policewoman detective constable")


# Views held by no one named: "there is a growing belief that".
_HELD_VIEWS = _words("speculation speculations belief beliefs suspicion suspicions")


def _existential(
    tokens: list[Token], i: int, starts: set[int], lower_words: Container[str]
) -> tuple[int, int, str] | None:
    """ "there have been reports of clashes", "there are unconfirmed reports that":
    hearsay with no source at all (an attached name or a definite one excuses it)."""
    k = i + 1
    while k < min(len(tokens), i + 4) and tokens[k].low in ("have", "has", "had", "been", "also"):
        k += 1
    if k < len(tokens) and tokens[k].low in ("is", "are", "was", "were", "been"):
        k += 1
    elif k == i + 1 or tokens[k - 1].low != "been":
        return None
    for m in range(k + 1, min(len(tokens) - 1, k + 5)):
        # "there is a growing movement calling for": a crowd no one names, demanding.
        low = tokens[m].low
        if low in _CALL and low.endswith("ing") and tokens[m + 1].low == "for":
            return i, m + 2, "impersonal"
        if not tokens[m].text.islower() or not tokens[m].text.isalpha() or low in _STOP:
            break
    m = k
    nouns = _HEARSAY | _DEMANDS | _HELD_VIEWS
    while m < min(len(tokens), k + 3) and tokens[m].low not in nouns:
        if not tokens[m].text.islower() or tokens[m].low in _STOP or tokens[m].low in DEFINITE:
            return None
        m += 1
    if m >= len(tokens) or tokens[m].low not in nouns:
        return None
    follows = ("for",) if tokens[m].low in _DEMANDS else ("of", "that", "over", "about")
    if tokens[m].low in _HELD_VIEWS or tokens[m].low in ("concern", "concerns", "fears"):
        follows = ("that",)  # "there is concern that": a worry with no one holding it
    if m + 1 >= len(tokens) or tokens[m + 1].low not in follows:
        return None
    return i, m + 1, "impersonal"  # agentless, like "it is feared that"


def _self_sourced(
    tokens: list[Token], i: int, starts: set[int], lower_words: Container[str]
) -> tuple[int, int, str] | None:
    """ "we understand", "this newspaper has learned", "BBC Sport understands"."""
    low = tokens[i].low
    if low != "we" and tokens[i].text[0] == "I":
        # The writer's own unnamed informant: "I have been told", "I'm told".
        k = i + 1
        while k < len(tokens) and tokens[k].low in ("have", "had", "am", "was", "been"):
            k += 1
        told = k < len(tokens) and tokens[k].low == "told" and k > i + (low == "i")
        after = tokens[k + 1].low if told and k + 1 < len(tokens) else ""
        return (i, k + 1, "self") if told and (after in ("that", ",", ".") or not after) else None
    if low == "we":
        k = i + 1
        while k < len(tokens) and tokens[k].low in ("have", "has", "can", "now", "also", "been"):
            k += 1
        if k >= len(tokens):
            return None
        verb = tokens[k].low
        if verb in ("learned", "learnt", "reveal") or (
            verb == "told" and tokens[k - 1].low == "been"
        ):
            return i, k + 1, "self"
        if verb == "understand" and k == i + 1:
            # "We understand that the club ..." but not "we understand your anger".
            nxt = tokens[k + 1].low if k + 1 < len(tokens) else ""
            closing = nxt in (".", ",") or not nxt
            if closing or (nxt == "that" and i in starts):
                return i, k + 1, "self"
        return None
    # Outlet as subject of "understands" / "has learned" / "can reveal".
    j = i - 1
    if low == "learned" or low == "learnt":
        if j < 0 or tokens[j].low not in ("has", "have"):
            return None
        j -= 1
    elif low == "reveal":
        if j < 0 or tokens[j].low != "can":
            return None
        j -= 1
    if j < 0 or not tokens[j].text[0].isalpha():
        return None
    if tokens[j].low in ("newspaper", "paper", "outlet", "website", "site", "publication"):
        if j >= 1 and tokens[j - 1].low in ("this", "our", "the"):
            return j - 1, i + 1, "self"
        return None
    # A run of proper words right before: an outlet naming itself.
    k = j
    while k >= 0 and tokens[k].text[:1].isupper() and _is_proper(tokens, k, starts, lower_words):
        k -= 1
    return (k + 1, i + 1, "outlet") if k < j else None


def _merge_splits(found: list[VagueSource], text: str) -> list[VagueSource]:
    """ "some say ..., while others ...": report the split once, on its first half."""
    kept: list[VagueSource] = []
    for source in found:
        if (
            source.head == "others"
            and kept
            and kept[-1].head != "others"
            and kept[-1].kind in ("split", "generic")
            and not re.search(r"[.!?]\s", text[kept[-1].end : source.start])
        ):
            first = kept[-1]  # both halves: a reader may see the problem in either
            kept[-1] = VagueSource(first.start, source.end, "pair", first.head)
            continue
        kept.append(source)
    return kept


_HEADS_ALT = "|".join(
    sorted(
        HEADS
        | PRONOUN_SUBJECTS
        | _GROUP_QUANTIFIERS
        | COLLECTIVES
        | UNNAMED_HEADS
        | EVIDENCE_HEADS
        | _NEAR_PEOPLE,
        key=lambda w: (-len(w), w),
    )
)
# Cheap gate: a source noun (or pronoun subject) somewhere before a reporting verb
# within a short distance, either order, or the impersonal and self-sourcing shapes.
_VERBS_ALT = "|".join(
    sorted(
        REPORTING_FORMS
        | _NEEDS_OUT
        | _SEE_AS
        | _BELIEF_ADJECTIVES
        | _CALL
        | _SHED
        | _AGENT_VERBS
        | _TALK
        | _NAMING
        | _FINDING
        | _EVIDENCE_VERBS,
        key=lambda w: (-len(w), w),
    )
)
_SOURCE_WORDS = linear(
    # "-ans" too: a counted nationality or party ("a growing number of Americans").
    rf"\b(?:{_HEADS_ALT})\b|\b[A-Za-z][a-z]{{2,}}(?:ists|ers|ors|ants|ents|ans)\b",
    re.IGNORECASE,
)
_VERB_WORDS = linear(rf"\b(?:{_VERBS_ALT})\b", re.IGNORECASE)
_TRADE_PLACES_ALT = "|".join(rf"{first}\s+{second}" for first, second in sorted(TRADE_PLACES))
_SHAPES = linear(
    r"\baccording\s+to\b"
    r"|\b(?:is|was|are|were|been)\s+(?:\w+ly\s+|now\s+|also\s+)?"
    rf"(?:{'|'.join(sorted(IMPERSONAL | _words('proven proved')))})\b"
    r"|\bwe\b|\b(?:understands|learned|learnt|reveal)\b|\bha(?:ve|s)\s+it\s+that\b"
    r"|\bI(?:'m|’m|\s+(?:have|had)\s+been|\s+am|\s+was)\s+told\b"
    # (No counted word runs here: they swell the gate's automaton.)
    r"|\balike\b|\bputs?\s+it\s*[,.:;]"
    rf"|\b(?:{_TRADE_PLACES_ALT})\b"
    rf"|\b(?:{'|'.join(sorted(_HEARSAY_IS))})\s+(?:is|was|are|were)\s+that\b"
    r"|\bit(?:\s+is|'s|’s)\s+(?:\w+ly\s+|also\s+|now\s+)?(?:recommended|advised)\s+(?:that|to)\b"
    r"|\bit\s+(?:\w+\s+){1,3}(?:(?:come|came)\s+to\s+light|made\s+clear)\s+that\b"
    r"|\bciting\s+(?:\w+\s+){0,3}(?:sources?|insiders?)\b"
    # "sources have spotted", "critics on the council have seized on": see _sources_acting.
    rf"|\b(?:{'|'.join(sorted(_UNNAMED_BY_NATURE | _STANCE_HOLDERS))})\s+"
    rf"(?:(?:{'|'.join(sorted(AFFILIATION))})(?:\s+[a-z]+){{1,8}}\s+)?"
    r"(?:have|has|had|are|were|will|would|could|may|might)\s"
    rf"|\b(?:{'|'.join(sorted(_SAID))})\s+one(?:\s+[a-z]+){{1,3}}\s*[.,!?]"
    rf"|\bone(?:\s+[a-z]+){{1,3}}\s+(?:{'|'.join(sorted(_SAID))})\b"
    r"|\bone(?:\s+[a-z]+){1,3},\s+who\b"
    r"|\bthere\s+(?:\w+\s+){1,3}(?:reports|claims|rumou?rs|suggestions)\s+(?:of|that)\b"
    r"|\bthere\s+(?:\w+\s+){1,3}(?:concerns?|fears|speculations?|beliefs?|suspicions?)\s+that\b"
    r"|\bthere\s+(?:\w+\s+){1,3}(?:calls?|demands?|clamou?r|support|backing)\s+for\b"
    r"|\bthere\s+(?:\w+\s+){2,5}(?:calling|pushing|pressing|lobbying|campaigning)\s+for\b"
    r"|\b(?:is|are|was|were|be|been|being)\s+(?:widely|generally|commonly|broadly"
    r"|universally|increasingly|often|frequently)\s"
    r"|\bha(?:ve|s)\s+been\s+(?:attributed\s+to|(?:called|dubbed|labell?ed|branded|termed)\s+an?)\b"
    r"|\b(?:is|are|was|were|been)\s+(?:\w+ly\s+)?(?:praised|lauded)\s+as\b"
    rf"|\b(?:{'|'.join(sorted(CLAIM_STANCES))})\s+(?:have|has|had|were|was|are|is)\s"
    # Hearsay spreading on its own, from the words _hearsay_spreads reads; a lone
    # "concern grows" is a market's mood, not hearsay, and is left out.
    rf"|\b(?:{'|'.join(sorted(_SPREADING_HEARSAY - {'concern'}))})\s+(?:[\w'’-]+\s+){{0,9}}"
    r"(?:emerg\w*|surfac\w*|circulat\w*"
    r"|swirl\w*|spread\w*|mount\w*|abound\w*|gr[eo]w\w*|persist\w*|aris\w*|arose|rife|rampant)\b"
    r"|\bha(?:ve|s)\s+(?:\w+\s+)?been\s+(?:\w+ly\s+)?(?:accused|critici[sz]ed|blamed|condemned"
    r"|slammed|lambasted|denounced|questioned|attacked)\s+(?:of|for|as)\b"
    r"|(?:^|[,;]\s+|\b(?:once|long|widely|often|generally|still|formerly|previously|now)\s+)"
    rf"(?:{'|'.join(sorted(_SEEN_AS_RELATIVE))})\s+as\b"
    # A bare plural doing what only people do to a claim: "celebrities decried".
    r"|\b[A-Za-z]{3,}s\s+(?:(?:have|has|had|were|are)\s+(?:\w+ly\s+|already\s+|now\s+|also\s+)?"
    r"|took\s+to\s+(?:[\w'’-]+\s+){1,3}to\s+)?"
    rf"(?:{'|'.join(sorted(_PERSONS_CLAIMING, key=lambda w: (-len(w), w)))}"
    r"|(?:pushing|pressing|lobbying|campaigning)\s+for)\b"
    # A group defined by its relation to the story, claiming: "families of the missing
    # have criticised".
    r"|\b[A-Za-z]+s\s+of\s+(?:the|those)\s+(?:[\w'’-]+\s+){1,4}"
    rf"(?:{'|'.join(sorted(_CLAIMING | _CALL, key=lambda w: (-len(w), w)))})\b"
    rf"|\brumou?rs?\s+(?:{'|'.join(sorted(_HEARSAY_CARRYING))})\b"
    # A counted crowd whatever its noun: "a growing number of Danes".
    rf"|\b(?:{'|'.join(sorted(_CROWD_NOUNS))})\s+of\s+[A-Za-z]+s\b"
    rf"|\b(?:{'|'.join(sorted(_HEARSAY_FRAMES))})\s+(?:\w+\s+)?"
    r"(?:reports|claims|rumou?rs|whispers)"
    r"\s+(?:of|that)\b"
    r"|\b(?:is|are|was|were|be|been)\s+(?:(?:not|also|now|still|often|being|\w+ly)\s+){0,2}"
    r"(?:seen|regarded|viewed|considered|deemed|hailed|heralded|touted"
    r"|billed|branded|described|anticipated|tipped)\s+(?:(?:by\s+(?:some|many|others|most)\s+)?as|the|an?|one)\b"
    r"|\b(?:deemed|considered)\s+(?:[a-z]|[A-Z]\w*['’]s\b)",
    re.IGNORECASE,
)


def triggered(text: str) -> bool:
    """Cheap gate: a source word and a reporting verb, or one of the other shapes."""
    return bool(
        _SHAPES.search(text)
        or (_SOURCE_WORDS.search(text) and (_VERB_WORDS.search(text) or _CLAIM_HINTS.search(text)))
    )
