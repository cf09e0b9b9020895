"""filler.reader-question: copy that talks to the reader, found by structure.

These shapes, read outside quotations:

- an imperative aimed at the reader anywhere in the story: a sentence (or the
  main clause after a fronted "If you ...," clause) that opens with a verb in
  its base form and no subject, followed by an object, "you", "your", "our"
  or "more" ("Explore our other articles", "Stay informed about the vote by
  following ...", "Make sure you ...", "If you struggle to sleep, speak to
  your doctor");
- a question with "you" or a verbless hook ("Want to learn more about ...?",
  "Curious about ...?") in the closing paragraphs, or a hook anywhere;
- a chatbot offering its user to revise or expand the text ("Would you like
  me to expand on any section?", "Let me know if you want a shorter version");
- advice in the publication's voice to an inclusive "we" after a means clause
  ("By making small changes to our habits, we can ...", "By working
  together, we can ...");
- a condition put to the reader in the closing paragraphs ("So, if you're
  looking for a day out, the aquarium is a must-see");
- calls to action softened or fronted ("Please spare a minute to comment",
  "(Check out this video!)", "To view the full story, please subscribe ...",
  "Sign up to get ...", "Let us know how it went"), the publication thanking
  its reader ("Thanks for subscribing.") or hoping for them ("We hope you've
  found ..."), a question about the reader anywhere ("Do you like ...?",
  unless the next sentence reports who asked it), an appeal on what "we"
  fail to do ("If we do not act now, ..."), and a title-case heading that
  names the reader or the publication ("Join Our Newsletter");
- an imperative of a verb outside the seed class, where the structure says
  it is one: a word counts as a verb's base form when English uses its -ing
  form (wordfreq), and the sentence must name the reader or the publication
  as its object ("Mark your calendars", "Chat with us"), be negated ("Don't
  try this at home", also after a colon or dash), or, in a machine-written
  story, put an object or adverb after it ("But act fast"); a title-case
  line whose verb announces content ("Find Out How ... With This Exclusive
  Slide Deck") and a call to a group ("Calling all TV fanatics!");
- who is speaking decides the rest. In a story written in the machine
  register (``newslint.analysis.learned``: the story's mean register score),
  the narrator has no interviewee's voice to borrow, so its second person
  ("if you have had ..."), its questions ("Are they employees or are they
  freelancers?"), its advice to a generic group ("fans are encouraged to book
  soon", "people should reconsider ...") and its asides to "those who" are
  reader address; in edited copy they need one of the shapes above;
- in any register: the publication and the reader in one narrator sentence
  ("We'll bring you all the updates in our live blog", "You can contact us
  on ..."), a question with its subject left out ("Never heard of the
  quagga?", "Tried this recipe?", "Got a tip?"), a question the narrator
  answers at once ("How often do we get good news? Not often, but ..."), and
  an imperative of any verb with the reader's possessive ("Upgrade your
  inbox ...");
- in a machine-register story, the narrator's inclusive "we" under an
  obligation ("We must be willing to ...", "we cannot afford to ...", "We urge
  all individuals to ..."), the "us" a story moves to think or act ("Her
  courage reminds us that ...", "an inspiration to us all") and an aside to
  readers who lack something ("For those unfamiliar with the concept, ...");
- a story that tells its reader twice what to do about themselves ("keep in
  mind that you may ...", "make sure you're eating ...") is written to the
  reader: its narrator's other "you" sentences are reader address too, with one
  finding for them all on the first (not on saved web pages, where how-tos and
  reviews talk to their reader throughout);
- a chatbot's line to its user that filler.prompt-residue reports ("Here is
  the sentence you provided:") is left to that rule;
- generic second person ("you can't chase a fox with dogs"), song titles and
  reviews' "you" are not reader address and stay clean: a bare "you" needs
  one of the shapes above; nor are list items whose introducing line names a
  third party told to do them ("Judge Cole said she must:"), reported orders.
  A page's link or button label ("Read more", "Click to share on X") is web
  furniture, not a sentence to the reader.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator

from newslint import regexcache
from newslint.analysis.linear import linear
from newslint.analysis.skipped import EMAIL, HANDLE
from newslint.analysis.textscan import may_match_text
from newslint.analysis.transcript import TURN, in_speaker_turn, labelled_transcript
from newslint.diagnostics import Diagnostic
from newslint.document import Document
from newslint.registry import CheckContext, Example, RuleMeta, rule
from newslint.spans import Span

# Verbs that open an imperative to a reader. A word class, not phrases: what
# makes the sentence an imperative is its shape (checked in _imperative).
_VERB_WORDS = """
    share subscribe follow tell send drop join sign comment keep stay check visit click tap
    download bookmark email e-mail write contact get watch read listen find learn discover
    explore remember register vote consider try take make be don't don’t do head go see
    speak talk ask seek consult book grab catch enjoy dive start browse
    support donate help protect avoid look leave give hit tune have rsvp contribute submit
"""
_VERBS = frozenset(_VERB_WORDS.split())
# Verbs that double as nouns or titles ("Share prices fell", "Watch makers"):
# they need the reader or the publication named in the sentence.
_NOUNISH_WORDS = (
    "share sign comment check visit email e-mail watch vote drop look help support take make have"
)
# A particle or the reader right after a verb-noun makes it a verb: "Sign up
# for ...", "Check it out", "Help us ..."; "Sign Up For Alerts" in title case.
# "Comment out the two lines" (a how-to's instruction) is not a call to action.
_PARTICLE = regexcache.compile(
    r"(?:up|it out|us|out (?:our|this|these|more|the latest))\b", re.IGNORECASE
)
# After a verb-noun, a prepositional phrase and then a finite verb: the word was
# the sentence's subject ("Support for the plan has grown", "Help from the
# state is coming").
_NOUN_SUBJECT = regexcache.compile(
    r"(?:for|of|in|on|from|among|with|to)\b"
    # ... not through a relative clause: "Look for lean proteins that will help you"
    r"(?:(?!\b(?:that|which|who|you|your)\b)[^,.;:!?]){0,60}?"
    r"\b(?:has|have|had|is|are|was|were|will|would|could|can|may|might)\b"
)
_TITLE_OBJECT = frozenset(("Our", "Us", "Your", "Up", "Now", "Today"))
_TITLE_READER = frozenset(("Our", "Us", "Your", "You", "Yourself"))
_TITLE_WH = frozenset(("How", "Why", "What", "Where", "When", "Which", "Who", "This", "These"))
_PARTICLES = frozenset(("out", "up", "about", "more"))
_RELATIVE_VERBS = frozenset(("Was", "Is", "Were", "Are", "Has", "Had", "Says", "Said"))
# An imperative that ends by naming whom it is put to: "Brace yourself, Bernie."
_VOCATIVE_END = regexcache.compile(r",\s+([A-Z][a-z'’-]+)[.!]$")
_BUTTON_OBJECT = frozenset(("the", "a", "our", "your", "us", "up", "now", "more", "this"))
_NEGATIVE = frozenset(("never", "don't", "don’t", "dont"))
# "Calling all TV fanatics!": a call to a group of readers, with no verb of its own.
_VOCATIVE_CALL = regexcache.compile(r"[A-Z][a-z]+ing (?:all|every|everyone)\b[^.?]*!$")
# Beyond the verb class above, a word counts as a verb's base form when
# English uses its -ing form (wordfreq: "act" -> "acting", "mark" ->
# "marking"). That also admits nouns ("house" -> "housing"), so an open-class
# verb needs more of the sentence's structure: the reader as its object, a
# "!", a negation, or a machine-written story.
_ING_ZIPF = 3.0
# Function words whose -ing form is a different word ("even" -> "evening").
_NOT_VERB_WORDS = (
    "even back down near long last part still well right next over under due not only also"
    " just very quite rather too"
)
_NOT_VERBS = frozenset(_NOT_VERB_WORDS.split())
_CVC = regexcache.compile(r"[^aeiou]*[aeiou][bdgklmnprt]")
_NOUNISH = frozenset(_NOUNISH_WORDS.split())
# What may follow an imperative verb: an object, a particle, a complement.
_AFTER = regexcache.compile(
    r"(?:you|your|yours|yourself|our|us|the|a|an|this|these|those|it|them|more|up|out|in|on"
    r"|to|for|with|about|sure|informed|updated|tuned|connected|safe|ahead|back|away|by|all"
    r"|any|some|every|further|what|how|why|whether|if|that|me|aware|mindful|now|today|[a-z]+ing)\b"
)
_READER = regexcache.compile(
    r"\b(?:you|your|yours|yourself|our|us|we|this (?:story|article|page|post|site)|newsletter"
    r"|updates?|coverage|comments?|inbox|website|channel|latest|more|informed|tuned)\b",
    re.IGNORECASE,
)
_SECOND_PERSON = regexcache.compile(r"\b(?:you|your|yours|yourself|yourselves)\b|^You\b")
_IDIOM = regexcache.compile(r"\byou know\b|\byou see\b|\bmind you\b|\bthank you\b", re.IGNORECASE)
# An exclamation in the imperative's form that tells no one to do anything:
# "Talk about jumping from the frying pan into the fire.", "Talk about white
# smoke: ...", "Talk about a comeback!" ("But don't bet on it" does tell the
# reader something: the labelled DEV copy counts it.)
_IMPERATIVE_IDIOM = regexcache.compile(
    r"(?:(?:but|so|and)\s+)?(?:talk\s+about\s+(?:[a-z]+ing\b|[^.!?:\n]{1,40}[:!])"
    # "But don't tell that to Mark Shrum": someone who disagrees, introduced.
    r"|(?:don['’]t|do\s+not)\s+tell\s+that\s+to\b|try\s+telling\s+that\s+to\b)",
    re.IGNORECASE,
)
# Verbless hooks: "Want to learn more about ...?", "Curious about ...?".
_HOOK = regexcache.compile(
    r"(?:want|wanting|curious|wondering|interested|ready|keen|eager|looking for|thinking of"
    r"|planning|need|confused|unsure|still (?:not sure|wondering|curious))\b",
    re.IGNORECASE,
)
# A chatbot to its user: first person offering an edit, second person asked.
# On RE2: an alternation searched on every sentence.
_OFFER = linear(
    r"\b(?:(?:would|do) you (?:like|want) me to|let me know (?:if|whether|what|how)"
    r"|if you(?:['’]d| would)? (?:like|want|prefer),? I\b|I can (?:also )?(?:expand|shorten"
    r"|revise|adjust|rewrite|tailor|add|provide|make|adapt|elaborate|tweak|condense|change)"
    r"|I(?:['’]d| would) be happy to)",
    re.IGNORECASE,
)
# A fronted condition or time clause addressed to the reader: "If you ..., ".
_FRONTED = regexcache.compile(
    r"(?:so,? |and )?(?:(?:if|when|whenever|whether|once|until|before|after|while|(?:the )?next"
    r" time) you\b[^,;]{0,120}, |(?:so|and|now|then|meanwhile),? )",
    re.IGNORECASE,
)
# Advice in the publication's own voice, addressed to "we" all: a means
# clause and an inclusive modal ("By making small changes to our habits, we
# can ...", "By working together, we can ...", "As a society, we must ...").
# A bare "we must" is left alone: in news copy it is nearly always a speaker's.
_INCLUSIVE = regexcache.compile(
    r"(?:(?:by|through) [a-z]+ing\b[^,;]{0,120}|together|as (?:a )?(?:society|community"
    r"|nation|consumers|citizens|readers|parents|individuals)),? (?:we|all of us|each of us)"
    r" (?:all )?(?:can|must|should|need to|have to|ought to|could)\b",
    re.IGNORECASE,
)
# A condition put to the reader about themselves, closing a story: "So, if
# you're looking for ..., X is a must-see", "Whether you're a fan of ...".
_YOU_CONDITION = regexcache.compile(
    r"(?:so,? |and |but )?(?:if|whether) you(?:['’]re| are)\b", re.IGNORECASE
)
# Politeness or brackets before an imperative: "Please spare some time to
# comment below", "(Check out this video!)", "Feel free to pin the photo".
_SOFTENER = regexcache.compile(r"\(?(?:please,? |just |simply |feel free to |do )?", re.IGNORECASE)
# "Please" and a verb, outside quotations, is a request to the reader.
_PLEASE = regexcache.compile(r"\(?please,? (?!(?:he|she|it|they|we|i)\b)[a-z]+\b", re.IGNORECASE)
# A fronted purpose clause before an imperative: "To reach the reporter,
# contact ...", "To view the full story, please subscribe ...".
_PURPOSE = regexcache.compile(r"to [a-z]+\b[^,;:]{0,120}, (?:please,? )?", re.IGNORECASE)
# A question about the reader, anywhere: "Do you like ...?", "Are you a
# tenant ...?", "Have you tried ...?". A hypothetical ("Would you pay more
# tax?") is how reports put a poll's question, so it counts only at the end.
_YOU_QUESTION = regexcache.compile(
    r"(?:so,? |and |but )?(?:do|did|are|were|have) you\b", re.IGNORECASE
)
# The publication thanking its reader ("Thanks for subscribing.").
# A whole short sentence, so a columnist's "Thanks for dropping by, X, he
# might have said" stays clean.
_THANKS = regexcache.compile(
    r"(?:thanks|thank you)(?: so much)? for [a-z]+ing(?: [\w’']+){0,3}[.!]*$", re.IGNORECASE
)
# The reader asked to write back: "Let us know how it went".
_LET_US_KNOW = regexcache.compile(r"let (?:us|me) (?:know|hear)\b", re.IGNORECASE)
# The writer ("we", "I") speaking to the reader about the reader: "We hope
# you've found ...", "We want to hear from you", "I'm looking forward to
# reading about your experience".
_WRITER_TO_READER = regexcache.compile(
    r"(?:in fact,? )?(?:we|i)(?:['’](?:d|m|re|ve)| would| am| are| have)?"
    r" (?:really |truly |also )?(?:hope|love|invite|encourage|welcome|want to hear"
    r"|would love|looking forward|look forward|appreciate)\b[^.?!]{0,80}\b(?:you|your)\b",
    re.IGNORECASE,
)
# An appeal in the publication's voice on what "we" fail to do: "If we do
# not act now, ...", "Unless we change course, ...".
_APPEAL = regexcache.compile(
    r"(?:unless we\b|if we (?:do not|don['’]t|fail to|continue to ignore)\b)", re.IGNORECASE
)
# Machine-register stories: the story's mean register score (DEV, register model of
# 2026-12-08: nine in ten machine stories 0.59 and up, most 0.75 and up; edited
# copy 0.58 and below, BBC 0.31).
_MACHINE_REGISTER = 0.65
# Advice to a generic group rather than a report of who advised it: "fans of
# the show are encouraged to book soon", "people should reconsider ...". The
# nouns are seeds for "the public at large"; a deontic verb makes it advice.
_GENERIC_ADVICE = regexcache.compile(
    r"\b(?:people|fans|readers|viewers|listeners|consumers|parents|travell?ers|visitors"
    r"|users|individuals|everyone|anyone|those\b[^,.;]{0,40}|shoppers|investors|homeowners"
    r"|motorists|customers|audiences?|enthusiasts|lovers)\b[^,.;]{0,60}?\b(?:should|ought to"
    r"|must|need to|are (?:encouraged|advised|urged|invited|reminded) to|would do well to"
    r"|(?:may|might) want to)\b",
    re.IGNORECASE,
)
# Who gave the advice, when the sentence says so: then it is a report.
_REPORTED_ADVICE = regexcache.compile(
    r"\b(?:said|says|say|told|according|warned|warns|recommend(?:s|ed)?|urged|officials"
    r"|police|authorities)\b",
    re.IGNORECASE,
)


def _reported_advice(text: str) -> bool:
    """Someone gave the advice and the sentence says who ("IMDb stated that
    users should ..."): a report, not the narrator's own advice."""
    from newslint.analysis.specificity import reports

    return bool(_REPORTED_ADVICE.search(text)) or reports(text)


# An aside to part of the audience, picked out by what they know or want:
# "For those who don't remember, ...", "For those unfamiliar with the
# concept, ...", "For anyone curious, ...".
_ASIDE = regexcache.compile(
    r"(?:for|to) (?:those|anyone|everyone|readers|newcomers)(?: of you)?"
    r" (?:who\b|(?:not (?:yet |already )?|un|less )?(?:familiar|aware|acquainted)\b|new to\b"
    r"|(?:interested|curious|wondering|keen|eager|looking|hoping|unsure|confused)\b)",
    re.IGNORECASE,
)
# The narrator preaching to an inclusive "we": an obligation put to "we" all
# ("We must be willing to ...", "we cannot afford to bury our heads ...",
# "As we follow her journey, we are reminded of ...", "Let us ...", "We urge
# all individuals to ...", not "We urge President X to ..."). The deontic
# modal or the "let us" makes it a call:
# "we" alone may be the publication ("we reached out to ...") and its hopes
# ("we can't wait to see ...", "we can only hope ...") call on no one.
_WE_CALL = regexcache.compile(
    r"\b(?:we|all of us|each of us)(?: all| too| now| collectively| as a society)?"
    r" (?:(?:[a-z]+ly )?(?:must|should|need to|have to|ought to|(?:cannot|can['’]t|can not)"
    r" afford)\b|(?:are|were) (?:all |often )?(?:reminded|called (?:up)?on|urged)\b"
    r"|(?:strongly |therefore |also )?(?:urge|encourage|advise|implore|invite|call on)"
    r" (?-i:[a-z]))"
    r"|\blet(?: us|['’]s) (?!(?:dive|take|explore|break|unpack|hope not)\b)[a-z]+"
    # ... and the obligation put impersonally: "It is essential that we acknowledge",
    # "It is our collective responsibility to" (not "it's time to turn our attention").
    r"|\bit(?: is|['’]s) (?:[a-z]+ly )?(?:essential|crucial|important|vital|imperative"
    r"|necessary|(?:high )?time) (?:that we|for (?:us|all of us|each of us) to)\b"
    r"|\bit(?: is|['’]s) (?:our|everyone['’]s) (?:[a-z]+ )?(?:responsibility|duty|task"
    r"|obligation) to\b",
    re.IGNORECASE,
)
# The narrator's "us" as the audience a story works on: "Her courage reminds us
# that ...", "inspire us to reach new heights", "prompts us to re-evaluate ...",
# "an inspiration to us all". The verbs move their object to think or act, so "us"
# is the reader and the writer together, not the publication ("told us", "sent us").
_MOVES_US = regexcache.compile(
    r"\b(?:remind(?:s|ed|ing)?|inspir(?:e|es|ed|ing)|encourag(?:e|es|ed|ing)|challeng(?:e|es|ed"
    r"|ing)|prompt(?:s|ed|ing)?|urg(?:e|es|ed|ing)|teach(?:es|ing)?|taught|compel(?:s|led|ling)?"
    r"|motivat(?:e|es|ed|ing)|call(?:s|ed|ing)? (?:up)?on) us\b(?! (?:on|about|in|for)\b)"
    r"|\b(?:to|for) (?:us all|all of us|each of us)\b",
    re.IGNORECASE,
)
# The publication urging its audience: "We urge the public to", "we encourage
# readers to".
_URGES_AUDIENCE = regexcache.compile(
    r"\b[Ww]e (?:(?:strongly|therefore|also|would) )?(?:urge|encourage|advise|implore|invite"
    r"|ask|remind) (?:the public|(?:our |all )?readers|everyone|all|you|fans|viewers"
    r"|listeners|people)\b"
)
# The publication as the subject and the reader as its object, a few words
# apart: "We'll bring you ...", "We rely on your support". ("What economics
# tells us is that once you're ..." is generic: "us" is no subject.)
_WE_TO_YOU = regexcache.compile(
    r"(?:\b[Ww]e|\bwe)(?:['’](?:ll|re|d|ve))? (?:[\w’']+ ){0,3}?(?:you|your)\b"
)
# First person singular: a person speaking (a vox pop, a column, an interview
# set without quotation marks), not the publication's narrator.
_SPEECH_WORDS = 4
_YOU = regexcache.compile(r"\byou\b|^You\b")
# The reader's own body, home or belongings: "your skin", "your own", "your
# hands"; a fixed phrase ("take your time", "your guess is as good") is no one's.
_YOUR_THING = regexcache.compile(
    r"\byour\b(?! (?:time|guess|best bet|mileage|honou?r|majesty|highness|call)\b)", re.IGNORECASE
)
# The publication itself ("we", "our"); "us" in a question is an interviewer's
# ("Can you tell us about ...?").
_PUBLICATION = regexcache.compile(r"\b(?:we|our)\b|^(?:We|Our)\b")
_SINGULAR = regexcache.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|my|me|mine)\b")
# "Park your car across a freeway, and within seconds ...": an imperative as
# a condition for what follows ("and you ...", "and there ..."), said of anyone.
_CONDITIONAL_IMPERATIVE = regexcache.compile(
    r",? and (?:you|there|it|within|soon|before|in no time|the chances|what)\b"
)
# "You can contact/follow/subscribe ...": a call to action put as a permission.
_YOU_CAN = regexcache.compile(
    r"(?:you|readers) can (?:also |now |still )?(?:contact|follow|subscribe|sign up|email"
    r"|e-mail|join|download|donate|reach|listen|watch|tune|message|call|write|send|share"
    r"|register|find us|read more|get in touch)\b",
    re.IGNORECASE,
)
# A question with its subject ("you") left out: "Never heard of the quagga?",
# "Tried this recipe?", "Got a tip?", "Still need convincing?". An auxiliary
# counts only when no subject follows it ("Have something to add?", not
# "Have they found it?").
_ELIDED_HEAD = regexcache.compile(
    r"(?:(?:so|and|but|still|never|ever|already|just),? )*([a-z]+)\b ?(\w*)"
)
_ELIDED_AUX = frozenset(("have", "had", "need", "want", "fancy", "care", "know"))
_ELIDED_PARTICIPLE = frozenset(
    ("got", "seen", "heard", "been", "done", "made", "found", "missed", "tired", "bored", "sick")
)
_SUBJECT_WORDS = """
    i you we they he she it there this that these those the a an my your our their his her its
    any some anyone anybody everyone
"""
_SUBJECT = frozenset(_SUBJECT_WORDS.split())
# The narrator answering its own question at once: "How often do we get good
# news? Not often, but ...", "... surprise the cast? Don't bet on it."
_ANSWER = regexcache.compile(
    r"(?:yes|no|not|nope|absolutely|probably|perhaps|maybe|hardly|unlikely|don['’]t bet"
    r"|the (?:short |simple )?answer|well,|of course)\b",
    re.IGNORECASE,
)
# Words before "your" that do not make an imperative: auxiliaries, question
# words and conjunctions ("Is your ...", "If your ...", "All your ...").
_NOT_IMPERATIVE_WORDS = """
    is was are were do does did has have had will would can could should may might must shall
    if when whether once unless as because while though although until after before since
    and but or so all both even how what why where which who whose than like with for from
    in on at by of to about into over under through despite without
"""
_NOT_IMPERATIVE = frozenset(_NOT_IMPERATIVE_WORDS.split())
# Words that may stand before an imperative: "But act fast", "So stay tuned".
_LEAD = regexcache.compile(r"(?:(?:but|so|and|or|now|then|just|simply|also),? )*", re.IGNORECASE)
_NEGATION = regexcache.compile(r"(?:don['’]?t|do not|never) ", re.IGNORECASE)
# The reader or the publication as the verb's object, after a particle or a
# preposition at most: "Mark your calendars", "Chat with us", "Treat yourself".
_READER_OBJECT = regexcache.compile(
    r"(?:(?:up|out|in|on|with|to|for|at|into|about|back|down|off|over|from|by) )?"
    r"(?:you|your|yourself|yourselves|us|our)\b",
    re.IGNORECASE,
)
# What may follow an imperative in a machine-written story, where nobody else
# speaks: an object or an adverb ("act fast", "grab a copy"), not a
# preposition ("Work on the film began ...": a noun subject).
_MACHINE_AFTER = regexcache.compile(
    r"(?:the|a|an|this|these|those|it|them|some|any|every|all|more|sure|ahead|tuned|informed"
    r"|fast|quickly|now|today|soon|early|[a-z]+ly)\b"
)
_EXCLAIMED_WORDS = 12
_RUN_ON = regexcache.compile(r"(?<=[a-z0-9][.!?]) +(?=[A-Z][a-z])")
# Where a second clause may open: a colon, a dash, ", but", a semicolon.
_LATER_CLAUSE = regexcache.compile(r": | [—–-]{1,2} (?:but )?|, but |; ")
_FIRST_WORD = regexcache.compile(r"[A-Za-z][\w'’-]*")
_TAIL_PARAGRAPHS = 2
# Shapes a quoted speaker uses as often as a writer does.
_SPEAKERS_TOO = frozenset(("question", "advice", "you"))
# A broadcast hour: "at 0900 GMT", "from 19:00 BST", "at 8 p.m. ET".
_SCHEDULED = regexcache.compile(
    r"\b\d{1,2}[:.]?\d{2}\s*(?:GMT|BST|UTC|CET|ET|EST|EDT|PT|PST|PDT)\b"
    r"|\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?:\s+(?:GMT|BST|ET|EST|EDT|PT))?"
    r"(?=[\s.,;]|$)",
)
_TAKE_EXAMPLE = regexcache.compile(r"Take\s+(?:the\s+|a\s+|an\s+)?[^:;,.]{1,40}:\s")
# An embedded social-media post, signed as the platform prints it: "— Name
# (@handle) August 13, 2017". Its words are the poster's, not the writer's.
_POST_SIGNATURE = regexcache.compile(
    r"[—–-]\s*[^()\n]{1,60}\(@\w+\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*$"
)


def _near_contact_address(doc: Document, sentence: Span) -> bool:
    """The sentence's paragraph, or the one before or after it, gives an e-mail
    address or a handle: a call-out block ("Are you in the region? Share your
    experiences by emailing ... / Please include a contact number ...")."""
    i = doc.paragraph_index(sentence.start)
    if i < 0:
        return False
    text = doc.text
    near = doc.paragraphs[max(0, i - 1) : i + 2]
    return any(
        EMAIL.search(text, p.start, p.end) or HANDLE.search(text, p.start, p.end) for p in near
    )


def _embedded_post(doc: Document, sentence: Span) -> bool:
    """The sentence is in a paragraph that ends with a post's signature."""
    i = doc.paragraph_index(sentence.start)
    para = doc.paragraphs[i] if i >= 0 else None
    return para is not None and bool(_POST_SIGNATURE.search(doc.text, para.start, para.end))


# A reporting aside set off by commas: ", she says,", ", Ms. Ruiz argued,".
_REPORTED_ASIDE = regexcache.compile(
    r",\s+(?:he|she|they|(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]+"
    # "Don't take the bait, the Democratic strategists in Washington warned, on ..."
    r"|(?:the|a|an|one|some|many)\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+)\s+"
    r"(?:says|said|adds|added|argues|argued|explains|explained|notes|noted|writes|wrote"
    r"|insists|insisted|suggests|suggested|advises|advised|warns|warned|urges|urged"
    r"|cautions|cautioned),"
)
# The sentence closes on who said it: "Don't be surprised if the votes slip
# into April, a GOP source said." The imperative is the source's, reported.
_SOURCE_TAIL = regexcache.compile(
    r",\s+(?:(?:[\w'’.-]+\s+){1,5}(?:said|says|told\s+[\w.]+|added|warned|predicted)"
    r"|(?:said|says)\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,4})[.!]?[\"”’]?\s*$"
)
# An argument told in its holders' voice: "And remember, this conservative
# narrative goes, ...", "Act now, the thinking goes": their imperative, not ours.
_VOICED = regexcache.compile(
    r"\b(?:the|this|that|their|his|her)\s+(?:[\w-]+\s+){0,2}(?:narrative|argument|thinking"
    r"|reasoning|logic|story|theory|line|pitch|case|message|refrain)\s+goes\b"
)
# A negative adverb (or "so") with the verb before its subject: an inverted statement,
# not an order ("Never have two spouses been such players", "Rarely has a
# bill ..."). "Never have a drink ..." has no participle after: an order.
_INVERSION = regexcache.compile(
    r"(?:Never|Rarely|Seldom|Nowhere|Not\s+once|Only\s+then)\s+(?:has|had|did|was|were|is|are"
    r"|have\s+(?:[\w'’-]+\s+){1,8}?(?:been|[a-z]{3,}ed|seen|done|had|made|known|given|taken"
    r"|gone|grown|shown))\b"
    # "So do our supermarket workers.": "they do too", not "do so".
    r"|So\s+(?:do|does|did|have|has|had|is|are|was|were)\s+(?:the|our|their|his|her|its|many"
    r"|most|some|other|[A-Z])"
)
# A short sentence (a word or three, then the source) that hands over to a
# source: "Great, Democrats say."
_SAYS_TAIL = regexcache.compile(
    r"^(?:[\w'’-]+\s+){0,2}[\w'’-]+,\s+(?:(?:[A-Z][\w'’.-]*|the|many|some)\s+){1,3}"
    r"(?:says?|said|argue[sd]?)\.\s*$"
)
# A sentence that sums up what came before as someone's words: "Those are some
# of the messages Trump voters have for him."
_SUMMED_UP = regexcache.compile(
    r"(?:Those|These|That|Such)\s+(?:are|were|was|is)\s+(?:just\s+)?(?:some\s+of\s+|among\s+)?"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}(?:messages|words|demands|advice|instructions|wishes"
    r"|requests|pleas|questions|answers|responses|comments|suggestions|slogans|chants)\b"
)
# Someone else's words after a colon: "its response: Fine, we'll do it without you."
_OWNED_WORDS = regexcache.compile(
    r"\b(?:its|their|his|her|[A-Z][\w.’'-]*['’]s)\s+(?:[a-z]+\s+)?(?:response|reply|answer"
    r"|retort|message|verdict|warning)\s*:\s+\S"
)
_MAX_WORDS = 45
# Pack rules that already name the phrase; a sentence they flag is theirs.
_PACK_RULES = frozenset(("filler.chatbot-residue", "filler.web-leftover", "filler.reader-address"))
# A page's link or button label of a few words with no sentence end ("Read
# more", "Click to enlarge") is furniture; one that names the reader is not.
_LABEL_WORDS = 3
_NAMES_READER = regexcache.compile(r"\b(?:you|your|our|us|now|today)\b", re.IGNORECASE)


@rule(
    "filler.reader-question",
    summary="A question, call to action or advice aimed at the reader, or a chatbot's offer.",
    why=(
        "News copy reports; it does not ask its readers things ('Would you pay more for "
        "faster trains?'), tell them what to do ('Explore our other articles', 'Stay "
        "informed about the vote by following ...', 'Make sure you check ...', 'If you "
        "struggle to sleep, speak to your doctor') or carry a chatbot's offer to its user "
        "('Would you like me to expand on any section?'). The rule reads the structure, "
        "outside quotations: a sentence that opens with a verb in its base form and no "
        "subject, followed by an object or 'you', anywhere in the story; questions that "
        "say 'you' in the last two paragraphs, or open with a hook ('Want to learn more "
        "about ...?') anywhere; an imperative of any verb (a word whose -ing form English "
        "uses) where the structure says so: the reader as its object ('Mark your "
        "calendars', 'Chat with us'), a negation ('Don't try this at home'), a title-case "
        "line announcing content ('Find Out How ... With This Guide'), a show and where "
        "to find it ('Watch Harbour Tonight on Halden View'), a call to a group "
        "('Calling all fans!'); advice to an inclusive 'we' after a means clause ('By "
        "working together, we can ...'); 'if you're ...' conditions closing the story; "
        "first person offering to revise the text; in machine-written copy, an "
        "inclusive 'we' under an obligation ('We must be willing to ...', 'We urge all "
        "readers to ...'), the 'us' a story moves to think or act ('Her courage reminds "
        "us that ...', 'an inspiration to us all') and an aside to readers who lack "
        "something ('For those "
        "unfamiliar with ...'). A story that tells its reader twice what to do about "
        "themselves is written to the reader: its other 'you' sentences get one finding, "
        "on the first of them. "
        "Generic 'you' "
        "in reviews and explainers, song titles and quoted speech stay clean. A "
        "newsroom's own call-out ('Send us your pictures') is reader address too: "
        "suppress it where it is house style."
    ),
    examples=[
        Example(
            "The board votes again in May.\n\nWould you ride the new line to work?",
            flagged=True,
        ),
        Example(
            "The board votes again in May.\n\nWant to learn more about the tram? "
            "Explore our other articles on transport.",
            flagged=True,
        ),
        Example(
            'The board votes again in May.\n\n"Would you ride it?" one resident asked.',
            flagged=False,
        ),
        Example(
            "The board votes again in May. Whether the money arrives is another matter.",
            flagged=False,
        ),
    ],
)
def reader_question(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    headings = set(doc.headings)
    body = [p for p in doc.body if p not in headings]
    if not body:
        return
    tail_start = body[-_TAIL_PARAGRAPHS:][0].start
    lede_end = body[0].end
    found: list[tuple[Span, str]] = []
    sentences = doc.sentences
    machine = _Register(doc)
    starts = [b.span.start for b in doc.page_blocks]
    for i, sentence in enumerate(sentences):
        scope = doc.scope_of(sentence)
        if scope == "byline":
            continue
        text = _unquoted(doc, sentence).strip()
        following = sentences[i + 1 : i + 2]
        if scope == "headline" or doc.in_heading(sentence):
            # A heading is a label, not a sentence: only a call to the reader
            # in title case ("Join Our Newsletter", "Help Us Grow") or a
            # question with "you" left out ("Still need convincing?") counts.
            if _title_call(text):
                found.append((sentence, "imperative"))
            elif scope != "headline" and text.endswith("?") and _elided_subject(text):
                found.append((sentence, "question"))
            continue
        speech = _speech(doc, sentence)
        # A sentence end the splitter missed ("... a doping scandal. Upgrade
        # your inbox ..."): each part is read as a sentence.
        for part in [text, *_RUN_ON.split(text)[1:]]:
            kind = _addresses_reader(part, sentence.start >= tail_start)
            if kind is None and not speech:
                kind = _narrator_address(
                    doc, part, following, machine, lede=sentence.start < lede_end
                )
            if kind:
                break
        if (
            kind
            and not _teaser_link(doc, sentences, i, text)
            and _link_label(doc, sentence, text, starts)
        ):
            continue
        if kind == "imperative" and _conditional_imperative(text):
            continue
        if kind == "imperative" and _to_named_person(doc, text):
            continue
        if kind == "imperative" and _IMPERATIVE_IDIOM.match(text):
            continue
        if kind == "imperative" and _INVERSION.match(text):
            continue  # "Never have two spouses been such players": a statement
        # "Great, Democrats say. Now make something of it.": the source goes on.
        if kind == "imperative" and any(
            _SAYS_TAIL.search(doc.span_text(prev)) for prev in sentences[max(0, i - 3) : i]
        ):
            continue
        # "Keep giving the media hell. ... Those are some of the messages voters
        # sent": imperatives a sentence soon after reports as someone's words.
        if kind in ("imperative", "question") and any(
            _SUMMED_UP.match(doc.span_text(later).strip()) for later in sentences[i + 1 : i + 6]
        ):
            continue
        # "Do that, she says, and they will reward your trust": a speaker's
        # advice, paraphrased; the aside says whose it is. So does "this
        # narrative goes".
        if kind and (
            _REPORTED_ASIDE.search(text) or _VOICED.search(text) or _OWNED_WORDS.search(text)
        ):
            continue
        # "Listen to the full interview on Sportsweek at 0900 GMT on Sunday": a
        # broadcaster's schedule plug names its programme and hour; a content
        # farm's call to action ("Explore our other articles") names neither.
        if kind == "imperative" and _SCHEDULED.search(text):
            continue
        # "Let us know what you're thinking at politics@example.com": a newsroom's
        # invitation that gives its own address is deliberate; a content farm's
        # call to action ("Let us know in the comments below!") gives none. On a
        # saved web page the same call-out is a newsletter's furniture.
        if kind and not doc.page_blocks and _near_contact_address(doc, sentence):
            continue
        # "Take the Supreme Court: the four liberal justices ...": an example
        # introduced, not an instruction.
        if kind == "imperative" and _TAKE_EXAMPLE.match(text):
            continue
        if kind and _embedded_post(doc, sentence):
            continue
        # A question or a "you"/"we" next to quoted speech is usually the
        # speaker's, even when the quotation marks could not be paired.
        if kind in _SPEAKERS_TOO and speech:
            continue
        # "Would you pay more tax? The council put that question to 2,000
        # residents": a question the next sentence reports is reported.
        # A question the narrator answers, or one with "you" left out ("Still
        # need convincing? I asked three writers ..."), is still the reader's.
        if (
            kind == "question"
            and _reported(doc, following)
            and not (_answered(doc, following) or _elided_subject(text))
        ):
            continue
        # "Do you dispute his record? Santorum: Well, ...": in a transcript, a
        # question the next speaker's turn answers is the interviewer's.
        if kind == "question" and _in_transcript_turn(doc, sentence, following):
            continue
        # "Q: ... do you believe ...? A: Well, I think ...": an interviewer's turn
        # in a transcript, answered in the first person.
        if kind and _interviewer_turn(doc.text, sentence):
            continue
        # A podcast transcript whose speakers' names stand on lines of their own
        # ("michael barbaro"): every turn is someone speaking, not the narrator.
        if kind and in_speaker_turn(doc, sentence.start):
            continue
        # "Here are 49 questions that may be asked." then "1. Do you feel ...?":
        # a list of someone's questions, announced as such.
        if kind == "question" and _in_announced_questions(doc, sentence):
            continue
        # "Do you like him?" then '"I guess so. ..."': an interview written as
        # questions, each answered by a paragraph of quotation.
        if kind == "question" and _answered_by_quote(doc, sentence, following):
            continue
        if kind:
            found.append((sentence, kind))
    if not found:
        return
    # A story written to its reader gets one finding for all its other "you"
    # sentences, on the first: a finding per sentence would bury the rest of
    # the report, and the fix (rewrite the story as reporting) is one.
    throughout = _written_to_reader(doc, found)
    if throughout:
        found.append((throughout[0], "throughout"))
    # A chatbot's line to its user ("Here is the sentence you provided:") is
    # the writing task left in: filler.prompt-residue reports it.
    from newslint.checks.residue import residue_spans

    taken = _pack_matches(doc, body) + _third_party_lists(doc) + residue_spans(doc)
    for sentence, kind in found:
        if any(sentence.overlaps(span) for span in taken):
            continue
        message = _MESSAGES[kind].format(count=len(throughout))
        yield Diagnostic(meta.id, message, sentence.start, sentence.end, meta.severity)


def _written_to_reader(doc: Document, found: list[tuple[Span, str]]) -> list[Span]:
    """A story that tells its reader more than once what to do about themselves
    ("keep in mind that you may ...", "make sure you're eating a balanced
    diet") is written to the reader: its narrator's other "you" ("And if you smoke, quitting can
    help reduce your risk") is the reader too, as in machine-written copy. A
    call-out to send the publication something ("Tell us your stories") is
    house style and makes no story the reader's. A saved web page is left
    out: how-tos and reviews talk to their reader throughout, and only the
    page's calls to action count there."""
    advice = sum(
        1 for span, kind in found if kind == "imperative" and _reader_advice(_unquoted(doc, span))
    )
    if doc.page_blocks or advice < _ADVICE_TO_READER:
        return []
    taken = {span for span, _ in found}
    more: list[Span] = []
    for sentence in doc.sentences:
        if sentence in taken or doc.scope_of(sentence) in ("byline", "headline"):
            continue
        if doc.in_heading(sentence) or _speech(doc, sentence):
            continue
        text = _unquoted(doc, sentence).strip()
        if not text or len(text.split()) > _MAX_WORDS or text.endswith("?"):
            continue
        if _IDIOM.search(text) or _SINGULAR.search(text):
            continue
        if _YOU.search(text) or _YOUR_THING.search(text):
            more.append(sentence)
    return more


# Imperatives about the reader that make a story the reader's: one may be a
# columnist's aside ("Don't worry if you don't follow it") or a review's
# ("Simply choose your grunt"); advice given twice is the story's address.
_ADVICE_TO_READER = 2


def _reader_advice(text: str) -> bool:
    """An imperative about the reader themselves, with no publication in it."""
    return bool(_SECOND_PERSON.search(text)) and not _CALL_OUT.search(text)


_CALL_OUT = regexcache.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)


_MESSAGES = {
    "question": "This question is put to the reader; report instead",
    "imperative": "This sentence tells the reader what to do; news copy reports",
    "offer": "A chatbot's offer to its user was left in the copy; remove it",
    "advice": "This sentence gives the reader advice in the publication's voice; news copy reports",
    "you": "This sentence talks to the reader about themselves; news copy reports",
    "thanks": "This sentence thanks the reader; news copy reports",
    "throughout": (
        "This story talks to its reader throughout: besides its advice, {count} "
        "sentence(s) from here on say 'you' to them; rewrite it as reporting"
    ),
}


def _unquoted(doc: Document, sentence: Span) -> str:
    """The sentence with quoted speech blanked out (offsets kept)."""
    text = doc.span_text(sentence)
    for q in doc.quotations_overlapping(sentence):
        a = max(q.span.start, sentence.start) - sentence.start
        b = min(q.span.end, sentence.end) - sentence.start
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _addresses_reader(text: str, in_tail: bool) -> str | None:
    # Quoted speech is blanked out; a quote mark left over means quoting we
    # could not pair, so whose words these are is unknown.
    if not text or len(text.split()) > _MAX_WORDS or '"' in text or "“" in text or "”" in text:
        return None
    if _OFFER.search(text) and _SECOND_PERSON.search(text):
        return "offer"
    if text.endswith("?"):
        if _IDIOM.search(text):
            return None
        if _HOOK.match(text) or _YOU_QUESTION.match(text):
            return "question"
        if in_tail and _SECOND_PERSON.search(text):
            return "question"
        return None
    if _imperative(text) or _VOCATIVE_CALL.match(text) or _TEASER_TAIL.search(text):
        return "imperative"
    # A title-case line standing as a sentence: a heading the reader missed.
    if text[-1:] not in ".!?" and _title_call(text):
        return "imperative"
    if any(_clause_imperative(c) for c in _later_clauses(text)):
        return "imperative"
    # After a fronted clause, an imperative that names the reader: "As for what
    # does help, make sure you're eating a balanced diet".
    for clause in text.split(", ")[1:]:
        reader = _SECOND_PERSON.search(clause) or _PAGE_DEIXIS.search(clause)
        if reader and _imperative(clause, capital=False):
            return "imperative"
    if _PLEASE.match(text):
        return "imperative"
    soft = _SOFTENER.match(text)
    if soft and soft.end() and _imperative(text[soft.end() :], capital=False):
        return "imperative"
    purpose = _PURPOSE.match(text)
    if purpose and _imperative(text[purpose.end() :], capital=False):
        return "imperative"
    if _LET_US_KNOW.match(text):
        return "imperative"
    if _THANKS.match(text):
        return "thanks"
    if _WRITER_TO_READER.match(text):
        return "you"
    if _INCLUSIVE.match(text) or _APPEAL.match(text):
        return "advice"
    if in_tail and _YOU_CONDITION.match(text):
        return "you"
    fronted = _FRONTED.match(text)
    if fronted and _imperative(text[fronted.end() :], capital=False):
        return "imperative"
    # "If you think you have the virus, don't go to the GP": after a clause
    # about the reader, a negated imperative or one with the reader as object.
    if fronted and "you" in fronted.group().lower():
        rest = text[fronted.end() :]
        if _open_imperative(rest, lambda: False):
            return "imperative"
    return None


# A show or a recording and where to find it: "Watch Harbour Tonight on Halden View.",
# "Listen to The Quay on Spotify." A promotion put to the reader, the whole sentence.
_MEDIA_PROMO = regexcache.compile(
    r"(?:Watch|Listen to|Stream|Catch|Tune in to)\s+(?:[A-Z0-9][\w'’:&.-]*\s+){1,6}"
    r"(?:on|via)\s+(?:the\s+)?[A-Z][\w'’&.+-]*(?:\s+[A-Z0-9][\w'’&.+-]*){0,3}"
    r"(?:[.!]?\s*$|\s+and\s+[a-z])"  # "... on Halden View and decide for yourself"
)
# A teaser cut off before its link: "And what better way to ... Read more".
_TEASER_LINK = regexcache.compile(r"(?:Read|See|Learn) more[.!]?")
_TEASER_TAIL = regexcache.compile(r"(?:\.\.\.|…)\s*" + _TEASER_LINK.pattern + r"\s*$")
# The page itself as the place to look: "check out the pictures here", "see it below".
_PAGE_DEIXIS = regexcache.compile(r"\b(?:here|below|above)[.!]?\s*$")


_RELATIVE_AFTER = regexcache.compile(
    r"(?:that|which)\s+(?:will|would|could|can|may|might|has|have|had|is|was|are|were)\b"
)
_NAMED_APPOSITION = regexcache.compile(
    r"(?:[A-Z][\w'’&-]*\s+){0,4}[A-Z][\w'’&-]*,\s+(?:the|a|an)\s"
)


def _imperative(text: str, *, capital: bool = True) -> bool:
    """Opens with a base-form verb, no subject, then an object or 'you'."""
    first = _FIRST_WORD.match(text)
    if first is None:
        return False
    word = first.group()
    verb = word.lower()
    if verb not in _VERBS or (capital and not word[0].isupper()):
        return False
    rest = text[first.end() :].lstrip(" ,")
    if not rest:
        return False
    # "contact tracing.", "deep cleaning": a noun compound, not a verb and its object.
    if " " not in rest.strip() and rest.rstrip(".!?;:").endswith("ing"):
        return False
    if rest[0].isupper():
        # "Keep Britain Tidy said ...": a capital after the verb is a name or
        # a title, unless it is the reader or the publication in title case.
        return rest.split(None, 1)[0].strip("!.:") in _TITLE_OBJECT or bool(
            _MEDIA_PROMO.match(text)
        )
    if not _AFTER.match(rest) or _RELATIVE_AFTER.match(rest):
        return False  # "talk that will surely intensify": a noun and its relative clause
    if _PARTICLE.match(rest):
        return True
    if verb in _NOUNISH and _NOUN_SUBJECT.match(rest):
        return False  # "Support for an impeachment inquiry has jumped": a noun, the subject
    if verb in _NOUNISH or rest.startswith(("the ", "a ", "an ", "it ", "them ")):
        return bool(_READER.search(rest) or _PAGE_DEIXIS.search(rest))
    return True


class _Register:
    """Whether the story is written in the machine register (computed once, on demand)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.value: bool | None = None

    def __call__(self) -> bool:
        if self.value is None:
            from newslint.analysis.sentence_features import sentence_features

            scored = sentence_features(self.doc)
            self.value = bool(scored) and scored[0].features["story_register"] >= _MACHINE_REGISTER
        return self.value


def _search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.search(text)``, skipped when the text lacks the words every
    match contains (most sentences have no "you", "we" or "must")."""
    return pattern.search(text) if may_match_text(pattern, text) else None


def _narrator_address(
    doc: Document, text: str, following: list[Span], machine: _Register, lede: bool = False
) -> str | None:
    """Shapes that are reader address because of who says them: the narrator
    (the caller has left out sentences with quoted speech). A question the
    narrator answers at once is a teaser put to the reader in the lede ("How
    often do we get good news? Not often, but ..."); further down edited copy
    it is the writer's signpost ("So what does Moscow want? The answer is
    complicated.")."""
    if (
        not text
        or len(text.split()) > _MAX_WORDS
        or _search(_IDIOM, text)
        or _search(_SINGULAR, text)
    ):
        return None
    you = bool(_search(_SECOND_PERSON, text))
    if text.endswith("?"):
        if _elided_subject(text) or (lede and _answered(doc, following)) or machine():
            return "question"
        # The publication asking the reader: "how about making some of our other recipes?"
        return "question" if you and _PUBLICATION.search(text) else None
    if you and (_WE_TO_YOU.search(text) or _YOU_CAN.match(text)):
        return "you"
    # The machine narrator's "you" as a person ("if you have had ...", "it
    # won't irritate your skin"; not "taking your time"): no interviewee's
    # voice to borrow.
    if (_search(_YOU, text) or _search(_YOUR_THING, text)) and machine():
        return "you"
    if (
        _open_imperative(text, machine)
        and not _CONDITIONAL_IMPERATIVE.search(text)
        and not _SOURCE_TAIL.search(text)
    ):
        return "imperative"
    if _ASIDE.match(text) and machine():
        return "advice"
    # Edited copy's "we must" is a speaker's or a columnist's: the machine
    # narrator has neither, so its "we" is the reader and the writer together.
    # Urging the audience itself ("We urge the public to refrain from ...") is the
    # publication talking to its reader in any register, unless a speaker is named
    # ("..., police said").
    if _URGES_AUDIENCE.search(text) and not _REPORTED_ADVICE.search(text):
        return "advice"
    if _search(_MOVES_US, text) and machine():
        return "advice"
    call = _search(_WE_CALL, text)
    # The call's own verb ("We urge ...") reports no one else. "We must" may be a
    # columnist's: only the machine narrator's counts.
    if call and not _reported_advice(text[: call.start()] + text[call.end() :]) and machine():
        return "advice"
    if _search(_GENERIC_ADVICE, text) and not _reported_advice(text) and machine():
        return "advice"
    return None


# A label naming someone's aim before a colon ("The summit goal:", "Her plan:"):
# the imperative after it is the aim, reported, not advice to the reader.
_INTENT_LABEL = regexcache.compile(
    r"(?:\b(?:the|his|her|their|its|a|an)|[A-Z][\w'’-]*['’]s)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:goal|aim|objective|mission|request|appeal|plea"
    r"|plan|strategy|message|pitch|task|idea|hope|intent|purpose|orders?|instructions?"
    r"|mandate|slogan|motto|refrain|demand|ask|campaign|advert|advertisement|ad)"
    # "a plan to address the court's concerns: Send ..."
    r"(?:\s+(?:to|for|of|on)\s+[^:.;!?]{1,80})?"
    # "the refrain from her strategists was always the same: Don't count her out."
    r"(?:\s+(?:from|of)\s+[^:.;!?]{1,60}?\s+(?:was|is|were|are)\s+[^:.;!?]{1,30})?$",
    re.IGNORECASE,
)


# Someone told or asked someone else what the colon or dash goes on to say: "...
# informed Christie he hadn't done one crucial thing: ask for the man's vote",
# "the advice that Biden gave Obama: Don't authorize the raid".
_TOLD_BEFORE = regexcache.compile(
    r"\b(?:told|informed|advised|warned|urged|instructed|ordered|reminded|recommended"
    r"|according\s+to"
    # "is asking millions of Americans to give the law a chance — go to the Web"
    r"|(?:is|are|was|were|been)\s+(?:asking|urging|telling)"
    # "Republicans struck a deal with Democrats: Make some of our tax breaks permanent"
    r"|(?:struck|offered|proposed|made|cut|reached)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+)?"
    r"(?:deal|bargain|offer|pact|compromise|agreement)"
    # "issuing a new warning to Republicans ...: Don't count on us"
    r"|(?:gave|offered|had|issu(?:e|es|ed|ing)|sen(?:d|ds|t|ding)|deliver(?:s|ed|ing)?)\b"
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:advice|instructions?|orders?|warning|message))\b"
    r"|\b(?:advice|instructions?|orders?|warning)\s+(?:that\s+)?(?:[\w'’-]+\s+){0,5}?"
    r"(?:gave|offered|had\s+given|issued)\b",
    re.IGNORECASE,
)


# A kicker naming who speaks to whom before the colon: "Republicans to Trump".
_ADDRESSED_KICKER = regexcache.compile(
    r"[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,5}\s+to\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
)
_TURN = regexcache.compile(r"(?<![\w.])(Q\d*|A)\s*:")
_FIRST_PERSON_ANSWER = regexcache.compile(r"\b(?:I|I['’]m|I['’]ve|we)\b")
_TURN_REACH = 600  # characters back to the turn's marker, and on to the answer


def _interviewer_turn(text: str, sentence: Span) -> bool:
    """The sentence stands in a "Q:" turn whose "A:" answer, soon after, speaks
    in the first person: a transcript's question, not one to the reader."""
    turns = list(_TURN.finditer(text, max(0, sentence.start - _TURN_REACH), sentence.end))
    if not turns or not turns[-1].group(1).startswith("Q"):
        return False
    answer = _TURN.search(text, sentence.end, sentence.end + _TURN_REACH)
    if answer is None or answer.group(1) != "A":
        return False
    return bool(_FIRST_PERSON_ANSWER.search(text, answer.end(), answer.end() + 120))


_REPEATS_NOUN = regexcache.compile(r"\s*([a-z]{3,})\s+(?:that|which|who|of)\b")


def _later_clauses(text: str) -> list[str]:
    """The clauses after a colon, a dash, ", but" or a semicolon. A dash that
    closes a pair of dashes ends an aside, and what follows it goes on with
    the sentence's own subject ("Food stamps – actually a federal programme –
    go to 47 million people"): it opens no clause."""
    clauses = []
    dashes = 0
    found = list(_LATER_CLAUSE.finditer(text))
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        if m.group().strip()[:1] in "—–-":
            dashes += 1
            if dashes % 2 == 0:
                continue  # the aside's closing dash
        clause = text[m.end() : end]
        repeated = _REPEATS_NOUN.match(clause)
        if repeated and repeated.group(1) in text[max(0, m.start() - 80) : m.start()].split():
            continue  # "talk of a shakeup – talk that had reached a fever pitch": apposition
        if m.group().strip()[:1] in ":—–-":
            before = text[: m.start()]
            if _INTENT_LABEL.search(before) and not _SECOND_PERSON.search(clause):
                continue  # "The summit goal: try to defy the odds": someone's aim, reported
            if _TOLD_BEFORE.search(before):
                continue  # what someone was told: its "you" is whom they told
            if _ADDRESSED_KICKER.fullmatch(before.strip()):
                continue  # "Republicans to Trump: Don't pick a general": their message
        clauses.append(clause)
    return clauses


def _conditional_imperative(text: str) -> bool:
    """ "Park your car across a freeway, and within seconds ...": the sentence
    opens with the imperative and goes on with what follows from it. An
    imperative in a later clause ("... — but keep in mind that X, and you may
    ...") is no condition."""
    lead = _LEAD.match(text)
    first = _FIRST_WORD.match(text, lead.end() if lead else 0)
    return (
        first is not None
        and _base_verb(first.group())
        and bool(_CONDITIONAL_IMPERATIVE.search(text))
    )


def _clause_imperative(clause: str) -> bool:
    """A clause after a colon, a dash or ", but" that is an imperative: "...
    may need a disclaimer: Don't try this at home", "... — but keep in mind
    that ..."."""
    clause = clause.strip()
    negated = bool(_NEGATION.match(clause)) and _open_imperative(clause, lambda: False)
    return negated or _imperative(clause, capital=False)


def _open_imperative(text: str, machine: Callable[[], bool]) -> bool:
    """An imperative of any verb, where the sentence's structure says it is one:
    the reader or the publication as its object, a negation ("Don't try this
    at home"), a short exclamation, or a machine-written story's object or
    adverb after the verb ("But act fast")."""
    lead = _LEAD.match(text)
    rest = text[lead.end() :] if lead else text
    negation = _NEGATION.match(rest)
    if negation:
        rest = rest[negation.end() :]
    first = _FIRST_WORD.match(rest)
    if first is None or _IDIOM.search(text) or not _base_verb(first.group()):
        return False
    verb = first.group().lower()
    if verb == "mind" or (verb == "let" and (negation or not machine())):
        return False  # "Never mind ...", "Don't let ...", a columnist's "Let us hope not"
    after = rest[first.end() :]
    # "Further, the embassy ...": a verb takes its object without a comma.
    if not after.startswith(" ") or not after.strip():
        return False
    after = after.lstrip()
    if _NAMED_APPOSITION.match(after):
        return False  # "Restore Our Future, the super PAC, started ...": a name
    if _READER_OBJECT.match(after) or negation:
        return True
    # A short exclamation ("Act fast!") or an object or adverb after the verb:
    # in a machine-written story, where no columnist speaks.
    exclaimed = text.endswith("!") and len(text.split()) <= _EXCLAIMED_WORDS
    return (exclaimed or bool(_MACHINE_AFTER.match(after))) and machine()


def _base_verb(word: str) -> bool:
    """``word`` can be a verb's base form: in the verb class, or a plain word
    whose -ing form is common English."""
    w = word.lower()
    if w in _VERBS:
        return True
    if not w.isalpha() or len(w) < 2 or w in _NOT_IMPERATIVE or w in _SUBJECT or w in _NOT_VERBS:
        return False
    if w.endswith(("ing", "ed")) or (w.endswith("s") and not w.endswith("ss")):
        return False  # not a base form ("miss" is)
    from newslint.engines.spelling.frequency import zipf

    forms = [w + "ing"]
    if w.endswith("e") and not w.endswith(("ee", "ye", "oe")):
        forms.append(w[:-1] + "ing")
    if _CVC.fullmatch(w):
        forms.append(w + w[-1] + "ing")
    return max(zipf(f) for f in forms) >= _ING_ZIPF


def _speech(doc: Document, sentence: Span) -> bool:
    """Someone is quoted in the sentence: a quotation of a few words or more,
    or a mark left unpaired. A quoted title ("Cymbeline") is not speech."""
    raw = doc.span_text(sentence)
    for q in doc.quotations_overlapping(sentence):
        # Speech of a few words, a lone mark, or a quotation running in from
        # another sentence.
        inside = sentence.start <= q.span.start and q.span.end <= sentence.end
        words = len(doc.span_text(q.content).split())
        if not inside or not words or words >= _SPEECH_WORDS:
            return True
        a = max(q.span.start, sentence.start) - sentence.start
        b = min(q.span.end, sentence.end) - sentence.start
        raw = raw[:a] + " " * (b - a) + raw[b:]
    return any(mark in raw for mark in '"“”')


def _elided_subject(question: str) -> bool:
    """A question with "you" left out: "Never heard of it?", "Got a tip?"."""
    m = _ELIDED_HEAD.match(question.lower())
    if m is None:
        return False
    word, after = m.group(1), m.group(2)
    if word in _ELIDED_AUX:
        return after not in _SUBJECT
    return word in _ELIDED_PARTICIPLE or (word.endswith("ed") and len(word) > 4)


def _answered(doc: Document, following: list[Span]) -> bool:
    """The narrator answers the question in the next sentence."""
    if not following:
        return False
    text = doc.span_text(following[0]).strip()
    words = text.split()
    # "Multiplayer? No" is a fact box and "Yes  No" a poll's buttons, not an answer.
    if len(words) < 3 or _ANSWER.match(words[1]):
        return False
    return not any(mark in text for mark in '"“”') and bool(_ANSWER.match(text))


def _teaser_link(doc: Document, sentences: list[Span], i: int, text: str) -> bool:
    """ "... And what better way to unwind... Read more": the link after a teaser's
    cut-off text, split from it, is the leftover call, not a lone button."""
    if i == 0 or not _TEASER_LINK.fullmatch(text):
        return False
    return doc.span_text(sentences[i - 1]).rstrip().endswith(("...", "…"))


def _link_label(doc: Document, sentence: Span, text: str, starts: list[int]) -> bool:
    """A link or button label: page furniture, not a sentence to the reader."""
    if _TEASER_TAIL.search(text):
        return False  # a teaser and its link: the leftover is the whole sentence
    words = text.split()
    if len(words) <= _LABEL_WORDS and text[-1:] not in ".!?" and not _NAMES_READER.search(text):
        return True
    # A linked sentence that ends like one ("Sign up for our newsletters.") is a call.
    if not starts or _SECOND_PERSON.search(text) or text[-1:] in ".!?":
        return False
    at = bisect_right(starts, sentence.start) - 1
    if at < 0:
        return False
    block = doc.page_blocks[at]
    return block.link_chars * 5 >= (block.span.end - block.span.start) * 4


_REPORTS_QUESTION = regexcache.compile(
    r"\b(?:question|questions|asked|asks|survey|surveyed|poll|polled|respondents)\b", re.IGNORECASE
)


def _in_transcript_turn(doc: Document, sentence: Span, following: list[Span]) -> bool:
    """In a transcript, the sentence is part of a speaker's turn (its paragraph
    opens with a label) or the next speaker's turn answers it."""
    if not labelled_transcript(doc):
        return False
    if following and TURN.match(doc.text, following[0].start, following[0].end):
        return True
    at = doc.paragraph_index(sentence.start)
    if at < 0:
        return False
    para = doc.paragraphs[at]
    return TURN.match(doc.text, para.start, para.end) is not None


def _to_named_person(doc: Document, text: str) -> bool:
    """The imperative names whom it is put to, someone the story names ("Brace
    yourself, Bernie." in a story about Bernie Sanders): not the reader."""
    m = _VOCATIVE_END.search(text.rstrip())
    if m is None:
        return False
    from newslint.names.extract import analyse
    from newslint.names.similar import fold

    names = doc.analysis("names", analyse)
    word = fold(m.group(1))
    form = names.forms.get(word)
    return (form is not None and form.established) or any(
        word in f.givens for f in names.forms.values()
    )


# A numbered item ("12. "), and a lead-in that announces a list of questions
# someone will put ("Here are 49 questions that may be asked", "questions for
# the nominee:").
_NUMBERED_ITEM = regexcache.compile(r"\s*\d{1,3}[.)]\s")
# A heading inside the list ("Leaks"), or a page's "ADVERTISEMENT": no lead-in.
_SECTION_HEADING_WORDS = 6
_QUESTIONS_LEAD = regexcache.compile(
    r"\bquestions\s+(?:that|which|for|to|we|lawmakers|senators|the)\b|\b\d+\s+questions\b"
    # "In his five-minute questioning period, Pitts asked:"
    r"|\b(?:asked|wanted\s+to\s+know|pressed\s+(?:him|her|them))\b[^.!?]{0,40}:$",
    re.IGNORECASE,
)


def _in_announced_questions(doc: Document, sentence: Span) -> bool:
    """The question is a numbered item of a list whose lead-in, earlier in the
    story and outside the list, announces someone's questions."""
    from newslint.analysis.attribution import LIST_ITEM

    items = set(doc.list_items)  # Markdown's list items (the markers are not in the text)

    def numbered(para: Span) -> bool:
        return (
            para in items
            or _NUMBERED_ITEM.match(doc.text, para.start) is not None
            or LIST_ITEM.match(doc.text, para.start) is not None  # "– Had she ...?"
        )

    at = doc.paragraph_index(sentence.start)
    if at < 0 or not numbered(doc.paragraphs[at]):
        return False
    for k in range(at - 1, -1, -1):
        para = doc.paragraphs[k]
        if numbered(para):
            continue
        text = doc.span_text(para).strip()
        if _QUESTIONS_LEAD.search(text):
            # "questions to ask yourself:" is the reader's list after all
            return not _SECOND_PERSON.search(text)
        if len(text.split()) > _SECTION_HEADING_WORDS or text[-1:] in ".!?:":
            return False  # the list's lead-in, announcing no questions
    return False


def _answered_by_quote(doc: Document, sentence: Span, following: list[Span]) -> bool:
    """The question ends a paragraph of the interviewer's and the next paragraph
    opens with the answer, quoted."""
    from newslint.analysis.attribution import interview_question, opens_with_quote

    at = doc.paragraph_index(sentence.start)
    if at < 0 or at + 1 >= len(doc.paragraphs) or not following:
        return False
    para, after = doc.paragraphs[at], doc.paragraphs[at + 1]
    return (
        following[0].start >= after.start
        and doc.text[sentence.end : para.end].strip() == ""
        and interview_question(doc.span_text(para))
        and opens_with_quote(doc.text, after.start, after.end)
    )


def _reported(doc: Document, following: list[Span]) -> bool:
    """The next sentence says who put the question (a survey, a speaker)."""
    return any(_REPORTS_QUESTION.search(doc.span_text(s)) for s in following)


def _title_call(text: str) -> bool:
    """A heading that calls on the reader: "Join Our Newsletter", "Find Out
    How AI Is Changing Retail", "Never miss a story", "Calling all fans!",
    "JOIN THE CONVERSATION"."""
    words = [w.strip("!.:,") for w in text.split()]
    words = [w for w in words if w]
    if len(words) < 2:
        return False
    if words[0].lower() in _NEGATIVE:  # "Never miss a story", "Don't Miss Out"
        return len(words) >= 3 and _base_verb(words[1]) and words[1].lower() != "mind"
    first, second = words[0], words[1]
    third = words[2] if len(words) > 2 else ""
    if _VOCATIVE_CALL.match(text):
        return True
    if not _base_verb(first):
        return False
    if text.endswith("!") and first.lower() in _VERBS:
        return True  # "Keep Talking Sports!"
    # Two-word labels ("Contact Us", "Sign Up") are menus: web furniture.
    if len(words) >= 3 and second in _TITLE_READER:
        return True
    # "Find Out How ...", "Learn Why ...", "See What ...": the object is the
    # story or the publication's content, announced to the reader.
    if second == "Who" and third in _RELATIVE_VERBS:
        return False  # "Witness Who Was in the Car Says ...": a noun and its relative clause
    if second.lower() in _PARTICLES:
        second, third = third, (words[3] if len(words) > 3 else "")
    if second in _TITLE_WH and third[:1].isupper() and len(words) >= 4:
        return True
    # A button in capitals: "JOIN THE CONVERSATION", "READ THE FULL STORY"
    # (not a table's label: "HEAD TO HEAD").
    return (
        len(words) >= 3
        and text.isupper()
        and first.lower() in _VERBS
        and second.lower() in _BUTTON_OBJECT
    )


# A list's introducing line that names a third party, by pronoun, as the one
# told to do the items: "Judge Cole said she must:", "The court ordered him to:".
# "Parents should:" or "Readers must:" is advice to a class of reader: not this.
_THIRD_PARTY_INTRO = regexcache.compile(
    r"\b(?:he|she|they|it|him|her|them)\s+(?:must|should|would|will|could|can|may"
    r"|had\s+to|has\s+to|have\s+to|was\s+to|were\s+to|will\s+have\s+to|to|from)\s*:\s*$"
)


def _third_party_lists(doc: Document) -> list[Span]:
    """List items whose introducing line says someone else is told to do them
    (a court's conditions, a club's rules): reported orders, not advice to the reader."""
    items = set(doc.list_items)
    if not items:
        return []
    spans: list[Span] = []
    intro: str | None = None
    for paragraph in doc.paragraphs:
        if paragraph not in items:
            intro = doc.span_text(paragraph).strip()
            continue
        if (
            intro is not None
            and _THIRD_PARTY_INTRO.search(intro)
            and not _SECOND_PERSON.search(intro)
        ):
            spans.append(paragraph)
    return spans


def _pack_matches(doc: Document, paragraphs: list[Span]) -> list[Span]:
    """Spans in ``paragraphs`` that the filler pack's phrase rules match."""
    from newslint.packs import shipped_rule_spans

    return shipped_rule_spans(doc, paragraphs, _PACK_RULES)
