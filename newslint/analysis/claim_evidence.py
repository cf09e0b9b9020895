"""Does the clause after a generic source make a claim, whatever its verb?

``vague_sources`` knows the common verbs of saying and believing. Real copy
uses many more ("critics charge that", "observers were quick to seize on",
"experts have raised concerns", "many have spoken out against", "critics
paint it as"), and no list of verbs keeps up. So once a generic source is the
subject of *any* finite verb, the evidence for a claim is looked for in what
the verb governs, not in the verb itself:

- a "that" complement right after the verb ("analysts posit that");
- a stance noun as its object ("raised concerns", "cast doubt", "voiced
  scepticism"): the source holds a view, it did not do a thing;
- a pronoun object with a predicative "as" ("critics paint it as ...");
- a speech particle ("spoke out against", "hit out at", "weighed in on");
- an introduced statement (a colon right after the verb);
- a reaction frame ("were quick to", "were keen to") before any verb.

A concrete act ("officials arrested three men", "scientists launched a
probe", "residents fled") carries none of these and is left alone. A passive
("officials were told that") puts the claim in someone else's mouth.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from typing import Protocol

from newslint.analysis.linear import linear
from newslint.wordlists import words as _words


class _Tok(Protocol):
    """A word token (read-only, as a NamedTuple's fields are)."""

    @property
    def text(self) -> str: ...

    @property
    def low(self) -> str: ...


# Objects that are a view held, not a thing acted on.
STANCE_NOUNS = _words(
    "concern concerns doubt doubts fear fears worry worries criticism criticisms alarm "
    "questions objections reservations scepticism skepticism suspicion suspicions "
    "optimism pessimism caution warning warnings misgivings disquiet dismay outrage "
    "hopes confidence opposition support approval disapproval praise"
)
# The stances that are claims (doubting, warning, criticising), not a reception
# (support, praise, hopes): a holder given after "from" or none given at all counts.
CLAIM_STANCES = _words(
    "concern concerns doubt doubts fear fears worry worries criticism criticisms "
    "questions objections reservations scepticism skepticism suspicion suspicions "
    "warning warnings misgivings alarm condemnation"
)
# After a stance verb's object: up to two determiners or modifiers ("raised serious concerns").
_NOUN_LEAD = _words("a an the some many serious grave fresh new further growing similar their")
_PRONOUN_OBJECTS = _words("it this that him her them")
# "as" that opens a predicate ("as a", "as one of", "as being", "as too"), not a clause.
_PREDICATE_AS = _words("a an one being too more less little nothing something")
_SUPERLATIVES = _words("most best worst only first last main key biggest greatest")
_ADJECTIVE_ENDINGS = ("ive", "ous", "ful", "ible", "able", "ic", "ical", "ary")
# Particles that make a verb a verb of speaking out: "spoke out against", "hit out at".
_OUT_TARGETS = _words("against about over at on")
# Frames that make any following verb a reaction: "were quick to seize on".
REACTION_FRAMES = _words("quick swift fast")
# Auxiliaries that mark a finite verb group.
_FINITE_AUX = _words("have has had will would may might can could should must do does did shall")
_BE = _words("is are was were be been being")
_PERFECT = _words("have has had")
_PARTICIPLE_ENDINGS = ("ed", "en", "wn", "nt")
_IRREGULAR_PARTICIPLES = _words(
    "cast hit put set made held struck brought sought fought taught caught told thought "
    "said felt heard led kept won spun run come become begun"
)
# Words that open a clause: determiners, pronouns, quantifiers.
_CLAUSE_OPENERS = _words(
    "the a an this these those it he she they we you i there his her their its our my "
    "some many most few no not such both all any every each one two three more much only "
    "if when while once unless because even"
)
# Factive verbs take their "that" clause as true: the writer, not the source, vouches
# for it ("astronomers have long known that", "few realise that").
_FACTIVE = _words(
    "know knows knew known knowing realise realises realised realising realize realizes "
    "realized realizing learn learns learned learnt learning notice notices noticed "
    "understand understands understood regret regrets regretted"
)
# Words that cannot be the verb itself.
_NOT_VERBS = _words(
    "the a an and or but of in on at by for with from to as than that which who whom whose "
    "under over into about after before between against during without within upon "
    "this these those their its his her our my your some many most few all any no not "
    "there here it he she they we you i"
)
# "point to": the one intransitive verb whose "to" cites evidence for a view.
_POINT = _words("point points pointed pointing")


# Cheap gate for a sentence: words without which ``open_claim`` never fires.
# On RE2: ``re`` would try each stance noun at every position.
HINTS = linear(
    r"\bthat\b|:|\bout\s+(?:against|about|over|at|on|in)\b|\bin\s+on\b|\bas\b"
    r"|,\s*(?:saying|arguing|claiming|warning|insisting|suggesting|adding|noting)\b"
    r"|\b(?:quick|swift|fast)\s+to\b|\bpoint(?:s|ed|ing)?\s+(?:to|towards?)\b"
    rf"|\b(?:{'|'.join(sorted(STANCE_NOUNS))})\b",
    re.IGNORECASE,
)


def _passive(tokens: Sequence[_Tok], verb: int, start: int) -> bool:
    """A form of "be" in the verb group before a past participle: "were told"."""
    low = tokens[verb].low
    participle = low.endswith(("ed", "en", "wn")) or low in ("told", "said", "held", "left")
    return participle and any(t.low in _BE for t in tokens[start:verb])


# Verbs of hearsay spreading on its own: "reports emerged that", "rumours have swirled".
SPREADING = _words(
    "abound abounded abounding abounds arise arisen arises arising arose circulate "
    "circulated circulates circulating emerge emerged emerges emerging grew grow growing "
    "grown grows mount mounted mounting mounts persist persisted persisting persists rampant "
    "rife spread spreading spreads surface surfaced surfaces surfacing swirl swirled swirling "
    "swirls"
)
# Verbs that carry the verb after "to" on in time or as it seems: "continue to
# argue", "began to question", "seem to agree".
_CARRYING_ON = _words(
    "continue continues continued continuing began begin begins begun seem seems seemed "
    "appear appears appeared tend tends tended"
)


def open_claim(
    tokens: Sequence[_Tok],
    start: int,
    skip: Container[str],
    *,
    plural: bool = True,
    stance: bool = True,
    reporting: Container[str] = (),
) -> int:
    """End index (exclusive) of a verb group at ``start`` whose clause makes a claim,
    else -1. ``skip`` holds words that may stand in a verb group before its verb
    (auxiliaries, negation, adverbs); ``plural``: the subject is plural, so a bare
    verb in -s is a noun ("some days that ..."); ``stance``: a stance-noun object
    and a comma-reporting participle count (a people source voicing a view, not a
    thing that "boosted optimism", not "ministers do not support it, saying");
    ``reporting``: participles that, after a comma in the clause, report what the
    source said ("played down the threat, saying ...")."""
    n = len(tokens)
    j = start
    while j < min(n, start + 6):
        low = tokens[j].low
        if low == "to":
            before = tokens[j - 1].low if j > start else ""
            spreads = j + 1 < n and tokens[j + 1].low in SPREADING
            if before in _CARRYING_ON and not spreads:
                j += 1  # "critics continue to point to": the verb after is the claim's
                continue
            be = any(t.low in _BE for t in tokens[start : j - 1])
            if before in REACTION_FRAMES and be and j + 1 < n and tokens[j + 1].text.isalpha():
                return j + 2  # "were quick to seize on": a reaction, whatever the verb
            return -1  # an infinitive of some other frame: "moved to close", "keen to donate"
        if low in skip or low in REACTION_FRAMES or (low.endswith("ly") and len(low) > 4):
            j += 1
            continue
        break
    if j >= n:
        return -1
    verb = tokens[j]
    low = verb.low
    if not verb.text.isalpha() or not verb.text.islower() or low in _NOT_VERBS:
        return -1
    group = [t.low for t in tokens[start:j]]
    if any(w in _BE for w in group) and not low.endswith("ing"):
        return -1  # a passive ("were told that") or a predicate ("are under suspicion")
    participle = low.endswith(_PARTICIPLE_ENDINGS) or low in _IRREGULAR_PARTICIPLES
    if any(w in _PERFECT for w in group) and not participle:
        return -1  # "consumers have mobiles that": "have" is the verb, not an auxiliary
    finite = any(w in _FINITE_AUX or w in _BE for w in group)
    if not finite and plural and low.endswith("s") and not low.endswith("ss"):
        return -1  # "visitors also means", "some days that": no agreement, not a verb
    if low in _FACTIVE:
        return -1  # "astronomers have long known that": the writer vouches for it
    nxt = tokens[j + 1] if j + 1 < n else None
    if nxt is None:
        return -1
    if nxt.text == ":":
        return j + 1  # "critics responded: ..."
    if nxt.low == "that" and j + 2 < n and _opens_clause(tokens[j + 2]):
        return j + 1  # "analysts posit that the ...", not "filling that space"
    if nxt.low == "out" and j + 2 < n and tokens[j + 2].low in _OUT_TARGETS:
        return j + 2  # "many have spoken out against"
    if nxt.low in ("to", "towards", "toward") and low in _POINT:
        return j + 2  # "critics have pointed to": evidence offered for a view
    if nxt.low == "in" and j + 2 < n and tokens[j + 2].low == "on":
        return j + 3  # "pundits weighed in on"
    if not stance:
        return -1
    if _comma_saying(tokens, j + 1, reporting):
        return j + 1  # "sources played down the threat, saying Greenland ..."
    if nxt.low in _PRONOUN_OBJECTS and predicate_as(tokens, j + 2):
        return j + 1  # "critics paint it as a giveaway"
    # A stance noun as the object: "have raised serious concerns", "cast doubt on".
    k = j + 1
    while k < min(n, j + 4) and tokens[k].low in _NOUN_LEAD:
        k += 1
    if k < n and tokens[k].low in STANCE_NOUNS:
        return j + 1
    return -1


def _comma_saying(tokens: Sequence[_Tok], k: int, reporting: Container[str]) -> bool:
    """A reporting participle after the first comma of the verb's clause (16 words on)."""
    for m in range(k, min(len(tokens), k + 16)):
        text = tokens[m].text
        if text[0] in ".!?;:(" and not _inside_word(tokens, m):
            return False
        if text == ",":
            return m + 1 < len(tokens) and tokens[m + 1].low in reporting
    return False


def _inside_word(tokens: Sequence[_Tok], m: int) -> bool:
    """A full stop inside an abbreviation ("U.S.", "U.S.-EU"): a letter follows at once."""
    end = getattr(tokens[m], "end", None)
    if end is None or m + 1 >= len(tokens) or tokens[m].text != ".":
        return False
    return getattr(tokens[m + 1], "start", -1) - end in (0, 1) and tokens[m + 1].text.isalpha()


def predicate_as(tokens: Sequence[_Tok], k: int) -> bool:
    """ "as" at ``k`` opens a predicate ("as a turning point", "as the best", "as too
    risky", "as divisive"), not a clause ("as they left", "as the crowd watched")."""
    if k + 1 >= len(tokens) or tokens[k].low != "as":
        return False
    after = tokens[k + 1].low
    if after == "the":
        then = tokens[k + 2].low if k + 2 < len(tokens) else ""
        return then in _SUPERLATIVES or (then.endswith("est") and len(then) > 5)
    return after in _PREDICATE_AS or (after.isalpha() and after.endswith(_ADJECTIVE_ENDINGS))


def _opens_clause(token: _Tok) -> bool:
    """A word that can open the clause after a complementiser "that"."""
    low = token.low
    return (
        low in _CLAUSE_OPENERS
        or token.text[:1].isupper()
        or token.text[:1].isdigit()
        or low.endswith(("ing", "s"))
    )
