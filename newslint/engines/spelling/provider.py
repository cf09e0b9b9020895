"""Spelling rules backed by pyspellchecker: ``spelling.unknown`` and
``spelling.variant-mix``.

Only lowercase words are checked. A capitalised word is a proper noun
mid-sentence and cannot be told from one at the start of a sentence
(“Zelenskyy met ...”), ALL-CAPS words are acronyms, and mixed case is a brand
(iPhone): all are left to the names checks. Known misspellings belong to the
``spelling.misspelled`` pack, which has the safe fix.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslint import regexcache
from newslint.diagnostics import Applicability, Diagnostic, Severity, Suggestion
from newslint.document import Document
from newslint.engines.spelling.data import GB_ONLY, misspelled_table, word_set
from newslint.engines.spelling.variants import gb_form, us_form
from newslint.engines.spelling.words import (
    Compound,
    Word,
    compounds,
    distinct_plain_words,
    word_counts,
)
from newslint.registry import CheckContext, Example, RuleMeta
from newslint.spans import Span

if TYPE_CHECKING:
    from newslint.engines.spelling.lexicon import Lexicon

UNKNOWN = "spelling.unknown"
VARIANT_MIX = "spelling.variant-mix"
MISSPELLED = "spelling.misspelled"
MIXED_SCRIPT = "spelling.mixed-script"
NOT_ENGLISH = "spelling.not-english"
REPORT_BRITISH = "report-british"  # option of spelling.unknown, for en-US
ORIGIN = "engine pyspellchecker"
# Distance-2 searches (about 0.1 s each) allowed per document; later unknown
# words get distance-1 suggestions only, so a garbled file stays fast.
FAR_BUDGET = 10
_VARIANT_NAMES = {"us": "US", "gb": "British"}
# Prefixes written with a hyphen that are not words on their own (pre-tax).
_PREFIXES = frozenset(
    (
        "anti", "bi", "co", "counter", "cyber", "eco", "ex", "inter", "intra", "macro",
        "micro", "mid", "mini", "mis", "multi", "neo", "non", "pan", "post", "pre", "pro",
        "pseudo", "re", "semi", "socio", "sub", "super", "trans", "tri", "ultra", "un", "up",
    )
)  # fmt: skip

# The prefix of undoing, closed up (defund, deplatform): a word only before a
# dictionary word this long.
_UNDO = "de"
# Prefixes a speaker puts on a word to coin another (see ``quoted_coinage``).
_COINING_PREFIXES = ("anti", "de", "dis", "en", "in", "mis", "non", "over", "re", "un", "under")
COINED_BASE = 4  # letters left after the prefix: "de" + "nuke"
# Below this a word is rare enough that an unseen word a slip from it, described as
# a country's thing, is a loanword: "potica" is no slip of "poetica".
RARE_SLIP_TARGET_ZIPF = 3.0
NEAR_WORD_ZIPF = 2.5  # a word this common a letter away is what an out- word meant
# out- before a verb makes one of doing better (outpoll, outraise): a word when
# no dictionary word is a letter away (outweight is a slip of outweigh).
_OUTDO = "out"
UNDO_BASE = 5
# "anti" is long enough to mark a prefix before a common three-letter word (antigun,
# antitax), where shorter prefixes would make fragments words ("re" + "ded").
_AGAINST = "anti"
SHORT_BASE = 3
SHORT_BASE_ZIPF = 4.5
# Suffixes written with a hyphen after a word or a name (budget-ese, Trump-esque,
# Clinton-ite, Obama-ism): a coinage of the word, not a word on their own.
_SUFFIX_PARTS = frozenset(("ese", "esque", "ite", "ites", "ism", "isms", "ist", "ists", "ish", "y"))

_UNKNOWN_META = RuleMeta(
    id=UNKNOWN,
    summary="A lowercase word that is not in the dictionary for the article's language.",
    why=(
        "A word the dictionary does not know is usually a typo that a reader will "
        "notice. Capitalised words (names, acronyms) are not checked: they belong to "
        "the names checks. Today's vocabulary is known from the wordfreq frequency "
        "list (biofuel, inbox, edamame), unless a word is one slip (a letter dropped, "
        "added or swapped, a vowel changed, an apostrophe left out) from a dictionary "
        "word a hundred times more frequent: wtih, dont (thirty times, for a rare word "
        "missing or doubling a letter: transfering). A word wordfreq has never seen is "
        "flagged when it is one slip from a word it lists (heterocyles). Regular and "
        "derived forms, prefixed words and compounds of known words are known too "
        "(engagers, deplorability, symbologist, unrecycled, defunding, antigun, passcard, muffiny, "
        "snarkiest, tappable, and signees where wordfreq lists signee); a prefixed word "
        "gives way only to a slip of the fingers (uncited is no slip of united), and a "
        "word holding another whole plus an affix is no slip of it (architected, iframes). "
        "A regular form that wordfreq lists is no slip of a form of another word "
        "(amping is no slip of camping) unless it is far rarer than its own base "
        "(chosing, heared); agent nouns of words in -y (partiers) and nouns in -al of "
        "verbs in -e (excusal) are known. "
        "A word is also left alone where its context explains it: a unit after a number "
        "(2 tbsp), a species after its genus or a rank (Salvia minoris, variety "
        "harrisi), a part of a hyphenated name (Chong-gyu), a term the article uses "
        "three times or more in any form (twice, when it is no slip of a common word "
        "and no correction of it appears), a word a teaser's ellipsis cut short "
        "(medicat...), a name the page marks as one (a whole piece "
        "of one of its link addresses, a commenter's name, or a name heading its line "
        "before a date or 'says:'), code and markup (epoll(), option lists), a "
        "censored word (s*xually, s--tshow), a pun after a hyphen that ends a longer "
        "word (pet-riarchy, Ape-ocalypse), a dropped g marked by an apostrophe (workin'), a "
        "word quoted on its own (“satisfice”), a hyphenated coinage of two strange "
        "parts (loosey-goosey), a suffix written with a hyphen after a word "
        "(budget-ese), a noun closed up with -long or -wide (monthslong), a word the "
        "sentence glosses (the Arabic term ..., ..., Latin for ...; ..., meaning ...; "
        "an explanation in brackets right after it), a word described as a thing of a "
        "country or people and no slip of a common word (sangak, an Iranian flatbread), "
        "a word a speaker coined inside a quotation (a prefix on a dictionary word: "
        "denuke, indefinitive; -ive for -e: prosecutive) with no common word a letter "
        "away, "
        "a word cut by soft hyphens, zero-width characters or an editor's brackets "
        "([F]ailure), a two-word loan phrase of common foreign words (lingua franca), "
        "a word among common foreign words, a word in "
        "another script or with letters English does not use, a paragraph or sentence "
        "in another language, a common word of German, Spanish, French, Italian, Dutch "
        "or Portuguese (latifundios, realidad), and a word that is no typist's slip of "
        "a common word: nothing within one edit, and nothing within two edits made of "
        "dropped, added or swapped letters and vowel changes, in a word of seven "
        "letters or more (benzonitrile, myography, sysfs): "
        "a typo is a near miss of a word. Words on the house reject "
        "list are reported too. British "
        "and US spellings (colour, color) are both accepted by default, in en-US as in "
        "en-GB: British copy uses Oxford -ize spelling and US names, newsrooms run "
        "wire copy of both kinds, and spelling.variant-mix reports an article that "
        "mixes them. An en-US house that bans British forms sets the rule option "
        "report-british = true: each British-only spelling (colour, organise, defence) "
        "is then reported with its US form. Suggestions are shown, never applied: a "
        "dictionary cannot know which word was meant."
    ),
    severity=Severity.WARNING,
    fix=Applicability.DISPLAY,
    options={REPORT_BRITISH: False},
    examples=(
        Example("The minister said the budget would be publised on Thursday.", True),
        Example("Police said the suspect had been seen near the stadum at 9pm.", True),
        Example(
            "Later, Volodymyr Zelenskyy met Steve Witkoff and Kirill Dmitriev in Abu Dhabi.",
            False,
        ),
        Example("The NATO summit's livestream was watched by 2m people, @bbcnews said.", False),
    ),
    origin=ORIGIN,
)

_VOWEL = regexcache.compile(
    "[aeiouy]"
)  # a "word" without one is code or an abbreviation (xvf, tcpd)
_SUFFIXES = ("s", "es", "ers", "er", "ing", "ed", "ness", "ly")
# Informal adjectives made of a dictionary noun or adjective (muffiny, splurgy,
# crankish): only on a word the dictionary lists, four letters or more, as
# wordfreq's list holds fragments and foreign words (almos + y is a slip).
_ADJECTIVE_SUFFIXES = ("y", "ish")
_ES_TAKERS = ("s", "x", "z", "ch", "sh")  # the endings that take -es for a plural
# Derivational endings and what the base word ends in instead: deplorability
# (deplorable), symbologist (symbology), freakery (freak), molarisation (molar).
# Only these, and only when the base is a word: a slip in the stem
# (adaptibility) leaves no word behind. A verb in -e makes a noun in -al (excusal).
_DERIVATIONS = (
    ("ability", "able"), ("ibility", "ible"), ("ologist", "ology"), ("ologists", "ology"),
    ("isation", ""), ("isation", "ise"), ("ization", ""), ("ization", "ize"),
    ("isations", ""), ("izations", ""), ("ery", ""), ("ism", ""), ("isms", ""),
    ("ably", "able"), ("ibly", "ible"), ("al", "e"),
)  # fmt: skip
# Closed compounds of a noun (plural too) and one of these: yearslong, weekslong,
# industrywide. The head's plural -s is what sets them apart from a slip of the
# dictionary's own yearlong, so they are checked before slips.
_MEASURE_TAILS = ("long", "wide")
# Endings after a final y turned to i (snarky: snarkier, snarkiest, snarkily).
_Y_SUFFIXES = ("ier", "iest", "ily", "iness")
COMPARED_LENGTH = 7  # letters of the longest adjective in -y given -ier, -iest
# Endings that double the last consonant of a one-syllable word (tap: tappable,
# tapper). Only one syllable: targetted, with a longer stem, is a misspelling.
_DOUBLING_SUFFIXES = ("able", "ing", "ed", "er", "ers", "y")
_DOUBLED_SYLLABLE = regexcache.compile(r"[^aeiou]*[aeiou]([b-df-hj-np-tv-z])\1")
# British spelling doubles a final l after one vowel in any syllable (gavelling,
# signalled): a longer stem than the one-syllable rule above allows.
_L_DOUBLING_SUFFIXES = ("ing", "ed", "er", "ers")
_DOUBLED_L = regexcache.compile(r"[^aeiou][aeiou]ll$")
_FUNCTION_WORDS = frozenset(
    (
        "all", "and", "any", "are", "for", "from", "had", "has", "have", "her", "his",
        "its", "not", "off", "one", "our", "out", "the", "them", "then", "they", "this",
        "was", "who", "why", "with", "you",
    )
)  # fmt: skip
# A word this often in one article was written on purpose: a typo is rarely
# repeated letter for letter (kamaboko, simdjson, superminds).
REPEATED = 3
# ... and twice is enough for a word that is no slip of a frequent word and whose
# suggested corrections the article never uses: a loanword or term it explains.
REPEATED_TERM = 2
# A plural of a word the dictionary lacks is a word when wordfreq lists its
# singular at least this often (Zipf: signee 2.05, cronut 1.85).
BASE_ZIPF = 1.8
# A foreign word that English writes at least this often takes an English plural.
FOREIGN_BASE_ZIPF = 3.0
# listed_form: wordfreq lists the form this often, and its base at most this much
# more often (zipf, a log10 scale).
LISTED_FORM_ZIPF = 1.5
# wordfreq frequency of an -ize word the dictionary lacks that makes its -ise
# form British (weaponize 2.2, monetize 2.8): in use, not a stray form.
IN_USE_ZIPF = 1.5
LISTED_FORM_GAP = 2.5
_FORM_SUFFIXES = ("ing", "ed", "er", "ers", "ies", "es", "s")
# A part after a hyphen this long that ends a longer word is a pun (pet-riarchy).
PUN_ENDING_LENGTH = 6
# Letters of the longest syllable of a hyphenated given name (Jae-myung).
NAME_SYLLABLE_LENGTH = 5
_FAMILY_NAME_BEFORE = regexcache.compile(r"\b[A-Z][a-z]+ $")
# A word of at most this many letters right after a number is a unit (2 tbsp, 79 og).
UNIT_LENGTH = 4
_AFTER_NUMBER = regexcache.compile(r"\d(?:bn|m|k)?\s?$")
# A lowercase word after a capitalised genus (or its initial) with a Latin
# ending is a species name: Jatropha curcas, B. glabra, Homo sapiens.
_GENUS = regexcache.compile(r"(?:\b([A-Z][a-z]{2,})|\b[A-Z]\.)\s$")
_EPITHET = regexcache.compile(r"(?:us|um|a|ae|i|ii|is|es|ens|ensis|oides|ata|ina|ella|ica|ix)$")
# A genus is a rare word (Zipf): "Obama publis" is no species.
GENUS_MAX_ZIPF = 4.0
# ... and so is one after a botanical rank: "variety harrisi", "var. glabra".
_RANK = regexcache.compile(
    r"(?:\b(?:var|subsp|ssp|cv)\.|\b(?:variety|subspecies|cultivar)[,:]?)\s$", re.I
)
_NEIGHBOUR = regexcache.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
FOREIGN_NEIGHBOURS = 2
ALIEN_NEIGHBOURS = 3  # lowercase neighbours the dictionary lacks
FOREIGN_PAIR_LENGTH = 4  # both words of a two-word loan phrase: de, la, el are too common
FOREIGN_PAIR_ZIPF = 3.5  # the neighbour's English frequency: rarer than "general" or "via"
_CLITIC = regexcache.compile(r"'(?:s|d|ll|ve|re)$")  # a possessive or contraction on a word
_ELLIPSIS = regexcache.compile(r"(?:\.\.\.|…)")

_MIXED_META = RuleMeta(
    id=MIXED_SCRIPT,
    summary="Words mixing Latin letters with look-alikes from another script (Gооgle, Cyrillic o).",
    why=(
        "A letter from another alphabet that looks like a Latin one (Cyrillic o, Greek "
        "omicron, a full-width e) makes a word that reads as English but matches no "
        "dictionary, search or name list; spam and text dodging filters do it on purpose, "
        "and pasting can bring it in by accident. One finding per article, at the first "
        "such word, says how many there are: retype them. Those words are not reported "
        "again by spelling.unknown."
    ),
    severity=Severity.WARNING,
    fix=None,
    examples=(
        Example("The company said G\u043e\u043egle had agreed to pay the fine.", True),
        Example("Customers said the n\u0435w app was slow.", True),
        Example("The company said Google had agreed to pay the fine.", False),
        Example(
            "Crowds gathered outside the Kremlin (\u041a\u0440\u0435\u043c\u043b\u044c) on Monday.",
            False,
        ),
    ),
    origin=ORIGIN,
)

_NOT_ENGLISH_META = RuleMeta(
    id=NOT_ENGLISH,
    summary="The document is not in English, so it was not checked.",
    why=(
        "newslint's rules are written for English copy: on an article in French, German "
        "or Russian every word would be an unknown word and every sentence a grammar "
        "error. When fewer than 70% of a document's lowercase words are English "
        "dictionary words (edited English news scores above 85%), this one finding "
        "says so and every other rule stands down for that document. A document that "
        'declares another language (<html lang="de">, og:locale, front matter lang) '
        "is taken at its word, however short, unless its words plainly read as English "
        '(85% or more: a site template\'s tag); a declared "en" proves nothing, as '
        "templates declare it whatever the page holds. Ignore this rule "
        "to lint such a document anyway. Within an English article, a paragraph in "
        "another language (a quotation in Spanish) is left out of spelling.unknown."
    ),
    severity=Severity.WARNING,
    fix=None,
    examples=(
        Example(
            "Le gouvernement a annoncé jeudi une nouvelle réforme des retraites. Selon le "
            "ministre, les syndicats seront reçus la semaine prochaine dans la capitale.",
            True,
        ),
        Example(
            "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen. Die Regierung "
            "will damit die Mieten in den Städten begrenzen, sagen die Kritiker.",
            True,
        ),
        Example(
            "The government announced a new pension reform on Thursday. Unions will be "
            "received next week, the minister said, as protests continue.",
            False,
        ),
    ),
    origin=ORIGIN,
)

_VARIANT_META = RuleMeta(
    id=VARIANT_MIX,
    summary="An article mixes US and British spellings (color and colour, organize and organise).",
    why=(
        "An article should use one spelling convention throughout; a mix suggests "
        "pasted wire copy or an unfinished edit. The forms used less often are "
        "reported with the other spelling (an unsafe fix: check the house style). "
        "On a tie, the configured language wins. Capitalised words are not counted, "
        "so names such as World Health Organization or Labour Party keep their own "
        "spelling; nor are words in quotations, which keep their source's. Oxford "
        "spelling (British -our and -re with -ize) is one convention: an -ize form counts "
        "only in a story that also writes -ise. "
        'With language = "en-US" and spelling.unknown on, British forms are '
        "already reported one by one, so this rule stays silent."
    ),
    severity=Severity.WARNING,
    fix=Applicability.UNSAFE,
    examples=(
        Example(
            "The council will organise a review of the colour of the buses, "
            "and residents may organize a petition.",
            True,
        ),
        Example("The favorite to win said the color scheme had been finalized.", False),
        Example("The favourite to win said the colour scheme had been finalised.", False),
    ),
    origin=ORIGIN,
)


@dataclass(frozen=True)
class _Verdict:
    gb: str | None  # the British form, when the word is a US spelling
    us: str | None  # the US form, when the word is a British spelling
    british_only: bool
    known: bool
    correction: str | None  # from the spelling.misspelled table
    slip: str | None = None  # the frequent word a frequent-looking slip was aimed at


_VERDICTS: dict[tuple[str, str], _Verdict] = {}
# _Run.settles per token, by (language, report British, accept, reject).
_SETTLED: dict[tuple[str, bool, frozenset[str], frozenset[str]], dict[str, bool]] = {}


@dataclass
class _Occurrence:
    word: Word
    variant: str  # "us" | "gb"
    other: str  # the same word in the other variant


@dataclass
class _Run:
    """The spelling check of one document."""

    doc: Document
    selected: frozenset[str]
    ctx: CheckContext
    accept: frozenset[str] = frozenset()
    reject: frozenset[str] = frozenset()
    occurrences: list[_Occurrence] = field(default_factory=list)
    far_left: int = FAR_BUDGET

    def __post_init__(self) -> None:
        self.accept = frozenset(w.lower() for w in self.ctx.accept_words)
        self.reject = frozenset(w.lower() for w in self.ctx.reject_words)
        self.lexicon: Lexicon | None = None
        self.british = self.ctx.language == "en-GB"
        self.want_unknown = UNKNOWN in self.selected
        self.pack = misspelled_table()
        self.pack_reports = MISSPELLED in self.selected
        options = self.ctx.options.get(UNKNOWN) or {}
        self.report_british = not self.british and bool(options.get(REPORT_BRITISH, False))
        self.mixed: list[Word] = []
        self._counts: Counter[str] | None = None
        self._foreign: list[Span] | None = None
        self._url_parts: frozenset[str] | None = None
        self._glossed: dict[str, bool] = {}  # per word: a text scan, once per run
        self._described: dict[str, bool] = {}  # the same for a country's description

    def diagnostics(self) -> Iterator[Diagnostic]:
        for compound in compounds(self.doc, self.settled()):
            if not self.in_foreign_paragraph(compound.start):
                yield from self.compound(compound)
        if VARIANT_MIX in self.selected and not (self.want_unknown and self.report_british):
            yield from self.variant_mix()
        if self.mixed and MIXED_SCRIPT in self.selected:
            yield self.mixed_script()

    def in_foreign_paragraph(self, offset: int) -> bool:
        """Inside a paragraph in another language (a quotation in Spanish)."""
        if self._foreign is None:
            from newslint.analysis.language import document_language

            self._foreign = list(document_language(self.doc).foreign_paragraphs)
        return any(p.start <= offset < p.end for p in self._foreign)

    def repeated(self, word: str) -> bool:
        """Written three times or more, counting its plural, possessive and
        contractions (supermind, superminds; Stunnel, stunnel'd): a typo is
        rarely repeated letter for letter."""
        return self.uses(word) >= REPEATED

    def uses(self, word: str) -> int:
        """How often the article writes ``word``, in any case, with its plural,
        possessive and contractions."""
        if self._counts is None:
            self._counts = Counter()
            for token, n in word_counts(self.doc.text).items():
                self._counts[_CLITIC.sub("", token)] += n  # stunnel'd counts as stunnel
        counts = self._counts
        forms = [word, word + "s", word + "es"]
        if word.endswith("s"):
            forms.append(word[:-1])
        return sum(counts[f] for f in forms)

    def named_on_page(self, part: Word) -> bool:
        """The page itself marks the word as a name: it is a whole piece of a
        link address (coolimba for coolimba.com, rustup for rustup.rs, omiyage
        for /japan/omiyage, a user in github.com/mitsuhiko/...), or it stands
        in a short block the markup names as a person (a commenter's
        <cite class="fn">)."""
        if self._url_parts is None:
            from newslint.engines.spelling.context import url_parts

            self._url_parts = url_parts(self.doc.source)
        if part.lower in self._url_parts:
            return True
        if self.doc.page_blocks:
            from newslint.engines.spelling.context import in_name_block

            return in_name_block(self.doc, part.start)
        return False

    def mixed_script(self) -> Diagnostic:
        from newslint.engines.spelling.scripts import script_name, scripts

        first = self.mixed[0]
        odd = scripts(first.text).other or "?"
        others = sorted({w.text for w in self.mixed[1:]} - {first.text})
        more = f" and {len(self.mixed) - 1} more ({', '.join(others[:3])})" if others else ""
        return Diagnostic(
            MIXED_SCRIPT,
            f"'{first.text}' mixes Latin letters with {script_name(odd)} '{odd}'{more}: "
            "retype these words in plain Latin letters",
            first.start,
            first.end,
            Severity.WARNING,
        )

    def settled(self) -> set[str]:
        """Plain words that need no look where they stand: capitalised ones
        (never checked) and known lowercase words of neither variant. Judging
        each distinct word once, instead of each of its occurrences, halves
        the time of this check on news copy."""
        # Each token's answer depends only on the settings below: kept per process.
        key = (self.ctx.language, self.report_british, self.accept, self.reject)
        known = _SETTLED.get(key)
        if known is None or len(known) >= 200_000:
            known = _SETTLED[key] = {}
        settled: set[str] = set()
        for token in distinct_plain_words(self.doc.text):
            found = known.get(token)
            if found is None:
                found = known[token] = self.settles(token)
            if found:
                settled.add(token)
        return settled

    def settles(self, token: str) -> bool:
        low = token.lower()
        if low in self.reject:
            return False
        if token != low or len(token) < 2 or token in self.accept:
            return token.isascii() or not _mixed(token)
        verdict = self.verdict(token, token)
        plain = verdict.known and verdict.gb is None and verdict.us is None
        return plain and not (self.report_british and verdict.british_only)

    # -- spelling.unknown ---------------------------------------------------

    def compound(self, compound: Compound) -> Iterator[Diagnostic]:
        if self.reject:
            rejected = self.rejected(compound)
            if rejected is not None:
                if self.want_unknown:
                    yield rejected
                return
        parts = compound.parts
        fine = [False] * len(parts)
        if len(parts) > 1:
            fine = self.compound_parts(parts)
            if any(p.text[:1].isupper() and not self.known(p.lower) for p in parts):
                # A name's parts (Laah Chong-gyu, Abdel-aziz): left to the names checks.
                fine = [True] * len(parts)
            elif self.given_name_syllables(compound):
                fine = [True] * len(parts)
            elif sum(not ok and self.strange(p) for p, ok in zip(parts, fine, strict=True)) > 1:
                # Two strange parts make a coinage or a name (loosey-goosey,
                # ryeh-b't), not two typos in one word.
                fine = [True] * len(parts)
        for i, (part, ok) in enumerate(zip(parts, fine, strict=True)):
            if ok:
                continue
            found = self.word(part)
            if found is not None and self.want_unknown and not (i and self.pun_ending(part)):
                yield found

    def given_name_syllables(self, compound: Compound) -> bool:
        """A Korean-style given name after a family name (Ri Son-gwon, Kim
        Jong-un): a capitalised first part, short lowercase syllables after
        it, and a capitalised word right before. The first part may be an
        English word (Son), so it does not show the name by itself."""
        first, *rest = compound.parts
        if not first.text[:1].isupper() or any(
            len(p.text) > NAME_SYLLABLE_LENGTH or p.text != p.lower for p in rest
        ):
            return False
        return (
            _FAMILY_NAME_BEFORE.search(self.doc.text[max(0, compound.start - 20) : compound.start])
            is not None
        )

    def pun_ending(self, part: Word) -> bool:
        """A part after a hyphen that is the end of a longer dictionary word
        (Ape-ocalypse, pet-riarchy, uh-mazing): a pun on that word, not a slip."""
        text = part.text
        if len(text) < PUN_ENDING_LENGTH or text != text.lower() or self.known(text):
            return False
        return ends_a_word(text, self.ctx.language)

    def strange(self, part: Word) -> bool:
        """A lowercase part of two letters or more that no list knows."""
        text = part.text.replace("’", "'")
        if len(text) < 2 or text != text.lower() or not text.isascii():
            return False
        return not self.verdict(text, _CLITIC.sub("", text)).known

    def compound_parts(self, parts: Sequence[Word]) -> list[bool]:
        """Which parts of a hyphenated compound need no check of their own:
        known prefixes (pre-, multi-) and neighbours that form a known word
        together (wi-fi, co-ordinate, add-ons)."""
        fine = [p.lower in _PREFIXES and p.text == p.lower for p in parts[:-1]] + [False]
        for i in range(1, len(parts)):
            if parts[i].text in _SUFFIX_PARTS and len(parts[i - 1].text) >= 3:
                fine[i] = True  # budget-ese: the suffix makes a coinage of the word before
        for i in range(len(parts) - 1):
            a, b = parts[i].lower, parts[i + 1].lower
            joined = f"{a}-{b}"
            plural = b.endswith("s") and self.known(f"{a}-{b[:-1]}")  # hi-fis
            # Written closed, the pair is a word wordfreq lists (lo-fi, lofi).
            closed = self.known(a + b) or (min(len(a), len(b)) > 1 and self.real(a + b))
            if joined in self.accept or self.known(joined) or closed or plural:
                fine[i] = fine[i + 1] = True
            elif reduplicative(a, b):
                fine[i] = fine[i + 1] = True  # loosey-goosey, wishy-washy: word play
        return fine

    def rejected(self, compound: Compound) -> Diagnostic | None:
        candidates = [(compound.start, compound.end, compound.text)]
        if len(compound.parts) > 1:
            candidates += [(p.start, p.end, p.text) for p in compound.parts]
        for start, end, text in candidates:
            low = text.lower()
            if low in self.reject or (low.endswith("'s") and low[:-2] in self.reject):
                return Diagnostic(
                    UNKNOWN, f"'{text}' is on the house reject list", start, end, Severity.WARNING
                )
        return None

    def load(self) -> Lexicon:
        if self.lexicon is None:
            from newslint.engines.spelling.lexicon import lexicon

            self.lexicon = lexicon(self.ctx.language)
        return self.lexicon

    def known(self, word: str) -> bool:
        return self.load().known(word)

    def in_base(self, word: str) -> bool:
        """In pyspellchecker's (American) dictionary, whatever the language."""
        return word in self.load().base

    def in_use(self, word: str) -> bool:
        """Listed by wordfreq about as often as established words (weaponize)."""
        from newslint.engines.spelling.frequency import zipf

        return zipf(word) >= IN_USE_ZIPF

    def word(self, part: Word) -> Diagnostic | None:
        text = part.text
        if not text.isascii():
            from newslint.engines.spelling.scripts import plain_latin, scripts

            found = scripts(text)
            if found.other is not None:
                if found.latin:
                    self.mixed.append(part)
                return None  # another script: not an English misspelling
            text = plain_latin(text)  # ﬂexible
            if not text.isascii() and not self.known(text.lower()):
                return None  # Latin letters English does not use (fáinne, schäme): a foreign word
        if len(text) < 2 or text != text.lower():
            return None  # single letters; names, acronyms and brands
        stem = _CLITIC.sub("", text)  # momager's, stunnel'd
        if text in self.accept or stem in self.accept:
            return None
        verdict = self.verdict(text, stem)
        if verdict.gb is not None:
            self.occurrences.append(_Occurrence(part, "us", verdict.gb))
        elif verdict.us is not None:
            self.occurrences.append(_Occurrence(part, "gb", verdict.us))
            if not self.report_british:
                return None
            return self.report(
                part,
                f"'{text}' is the British spelling; en-US copy uses '{verdict.us}'",
                (verdict.us,),
            )
        if self.report_british and verdict.british_only:
            return self.report(part, f"'{text}' is a British spelling", ())
        if verdict.known or not _VOWEL.search(stem) or self.in_context(part, stem):
            return None
        if verdict.correction is not None:
            if self.pack_reports:
                return None  # spelling.misspelled reports it, with a safe fix
            return self.report(part, f"'{text}' is not in the dictionary", (verdict.correction,))
        if self.quoted_coinage(part, stem):
            return None  # "he wants to denuke": the speaker's word, not the writer's slip
        if verdict.slip is not None and not self.loanword_described(stem, verdict.slip):
            return self.report(part, f"'{text}' is not in the dictionary", (verdict.slip,))
        from newslint.engines.spelling.context import in_italics

        if in_italics(self.doc, part.start, part.end):
            return None  # set in italics, no slip of a common word: a foreign word or a title
        if self.described_by_country(stem):
            return None  # "sangak, an Iranian flatbread": a loanword the story explains
        from newslint.engines.spelling.lexicon import far_suggestions, near_suggestions

        fixes = near_suggestions(text, self.ctx.language)
        if self.term(stem, fixes):
            return None
        # Words too long for a distance-2 search (12+ letters) count as searched:
        # on dev they were mostly technical terms (leukocytoclastic).
        from newslint.engines.spelling.frequency import FAR_MIN_LENGTH, far_slip, foreign_word

        if foreign_word(stem):
            return None  # a loanword or quotation (latifundios, realidad)
        if not fixes and len(stem) < FAR_MIN_LENGTH:
            # Two edits in a short word change a third of it: any short string
            # is two edits from a common word (gdisk, sysfs, elilo).
            return None
        if not fixes and self.far_left > 0:
            self.far_left -= 1
            fixes = far_suggestions(text, self.ctx.language)
            if far_slip(stem, fixes) is None:
                # Nothing a typist's slip away from a common word: a term, name
                # or loanword (benzonitrile, myography, omiyage), not a typo.
                return None
        return self.report(part, f"'{text}' is not in the dictionary", fixes)

    def term(self, word: str, fixes: Sequence[str]) -> bool:
        """Written twice the same way (doumi, explained once and used again),
        and none of its suggested corrections appears in the article: no
        slip, which is rarely repeated letter for letter beside a right form."""
        if self.uses(word) < REPEATED_TERM:
            return False
        if any(self.uses(f.replace("'", "")) or self.uses(f) for f in fixes):
            return False
        from newslint.engines.spelling.frequency import FAR_MIN_LENGTH, far_slip

        candidates = tuple(fixes)
        if len(word) >= FAR_MIN_LENGTH and self.far_left > 0:
            from newslint.engines.spelling.lexicon import far_suggestions

            self.far_left -= 1
            candidates += far_suggestions(word, self.ctx.language)
        # A slip of a common word (equivelant twice) is a typist's habit, not a term.
        return far_slip(word, candidates) is None

    def truncated(self, part: Word, word: str) -> bool:
        """Cut short by an ellipsis (a teaser's "give him his medicat..."): the
        start of a dictionary word one letter longer, right before "..." or "…"."""
        if not _ELLIPSIS.match(self.doc.text, part.end):
            return False
        from newslint.engines.spelling.lexicon import near_suggestions

        return any(
            f.startswith(word) and len(f) == len(word) + 1
            for f in near_suggestions(word, self.ctx.language)
        )

    def in_context(self, part: Word, word: str) -> bool:
        """Known from where it stands: a unit after a number (2 tbsp, 79 og),
        a species after its genus (Jatropha curcas), a term the article
        repeats, or a name the page's markup marks as one."""
        text = self.doc.text
        before = max(0, part.start - 40)
        if len(word) <= UNIT_LENGTH and _AFTER_NUMBER.search(text, before, part.start):
            return True
        if len(word) >= 4 and _EPITHET.search(word):
            if _RANK.search(text, before, part.start):
                return True
            genus = _GENUS.search(text, before, part.start)
            if genus is not None:
                from newslint.engines.spelling.frequency import zipf

                if genus.group(1) is None or zipf(genus.group(1).lower()) < GENUS_MAX_ZIPF:
                    return True
        if self.repeated(word) or self.named_on_page(part) or self.truncated(part, word):
            return True
        from newslint.engines.spelling.context import (
            bracketed_completion,
            elided,
            in_code_or_censored,
            in_signature,
            quoted_alone,
        )

        return (
            in_signature(text, part.start, part.end)
            or self.glossed(part.text)
            or in_code_or_censored(text, part.start, part.end)
            or elided(text, part.end, word, self.known)
            or bracketed_completion(text, part.start, part.end, self.known)
            or quoted_alone(text, part.start, part.end)
            or self.in_foreign_phrase(part)
        )

    def glossed(self, word: str) -> bool:
        """The word is glossed at one of its uses (a scan of the text, once per word)."""
        found = self._glossed.get(word)
        if found is None:
            from newslint.engines.spelling.context import glossed_anywhere

            found = self._glossed[word] = glossed_anywhere(self.doc.text, word)
        return found

    def quoted_coinage(self, part: Word, word: str) -> bool:
        """A word a speaker made, inside a quotation: a prefix on a dictionary word
        (denuke, indefinitive, ensnarled) or -ive for -e (prosecutive), with no common
        word a letter away. A transcriber's slip changes letters, not parts of words:
        outweight and enbedded are a letter from outweigh and embedded."""
        coined = any(
            word.startswith(prefix)
            and len(word) - len(prefix) >= COINED_BASE
            and self.known(word[len(prefix) :])
            for prefix in _COINING_PREFIXES
        ) or (word.endswith("ive") and self.known(word[:-3] + "e"))
        return (
            coined
            and self.doc.in_quotation(Span(part.start, part.end))
            and not self.near_word(word)
        )

    def loanword_described(self, word: str, slip_of: str) -> bool:
        """One slip from a rare word only ("potica" beside "poetica") and described as
        a thing of a country ("potica, a Slovenian dessert"): a loanword, not a slip."""
        from newslint.engines.spelling.frequency import zipf

        return zipf(slip_of) < RARE_SLIP_TARGET_ZIPF and self.described_by_country(word)

    def described_by_country(self, word: str) -> bool:
        """Described at one of its uses as a thing of a country (once per word)."""
        found = self._described.get(word)
        if found is None:
            from newslint.engines.spelling.context import described_by_country

            found = self._described[word] = described_by_country(self.doc.text, word)
        return found

    def in_foreign_phrase(self, part: Word) -> bool:
        """Among words of another language (Por favor mas alternativas, j'ai
        appris): two or more of its six neighbours on the line are common
        words of German, Spanish, French, Italian, Dutch or Portuguese that
        English lacks, or three are lowercase words the dictionary lacks. A typo
        has English around it."""
        from newslint.engines.spelling.frequency import foreign_word, zipf

        text = self.doc.text
        line_start = text.rfind("\n", 0, part.start) + 1
        line_end = text.find("\n", part.end)
        before = _NEIGHBOUR.findall(text, max(line_start, part.start - 60), part.start)[-3:]
        after = _NEIGHBOUR.findall(
            text, part.end, min(len(text) if line_end < 0 else line_end, part.end + 60)
        )[:3]
        foreign = alien = 0
        for token in (*before, *after):
            low = token.lower().replace("’", "'")
            if token == low and not self.known(low):
                foreign += foreign_word(low)
                alien += 1
        # Or in a passage of a language without a word list here (transliterated
        # Hindi, Malay): three of the six neighbours are not in the dictionary.
        if foreign >= FOREIGN_NEIGHBOURS or alien >= ALIEN_NEIGHBOURS:
            return True
        # A two-word loan phrase (lingua franca, gilets jaunes): the word is a
        # common one of another language, and so is the word right beside it,
        # which English does not use much on its own.
        word = part.text.lower()
        if len(word) < FOREIGN_PAIR_LENGTH or not foreign_word(word):
            return False
        return any(
            len(t) >= FOREIGN_PAIR_LENGTH
            and t == t.lower()
            and foreign_word(t)
            and zipf(t) < FOREIGN_PAIR_ZIPF
            for t in (before[-1:] + after[:1])
        )

    def verdict(self, text: str, stem: str) -> _Verdict:
        """What the dictionaries say of a word, cached per process and language:
        news copy repeats its words, so most lookups are one dict hit."""
        key = (self.ctx.language, text)
        found = _VERDICTS.get(key)
        if found is None:
            gb = gb_form(stem)
            from newslint.engines.spelling.frequency import zipf

            us = None if gb is not None else us_form(stem, self.in_base, self.in_use, zipf)
            known = self.known(text) or (stem != text and self.known(stem))
            slip = None
            if not known and gb is None and us is None:
                known, slip = self.by_frequency(stem)
            found = _Verdict(
                gb=gb,
                us=us,
                british_only=stem in word_set(GB_ONLY),
                known=known,
                correction=self.pack.get(text) or self.pack.get(stem),
                slip=slip,
            )
            _VERDICTS[key] = found
        return found

    def by_frequency(self, word: str) -> tuple[bool, str | None]:
        """(known, slip) for a word the dictionary lacks: real English when
        wordfreq has it, unless it is a slip of a far more frequent word; an
        apostrophe standing in for a quotation mark (of'safeguarding) joins
        two known words."""
        from newslint.engines.spelling.frequency import slip_of, unaccented, zipf

        if "'" in word:
            pieces = word.split("'")
            if all(len(p) > 1 and (self.known(p) or zipf(p) > 0) for p in pieces):
                return True, None
        # Plurals and agents first: hopers is no slip of hopes, nor signees (of
        # signee, a word wordfreq lists more often than its plural) of signs.
        for suffix in ("s", "es", "er", "ers"):
            base = word[: -len(suffix)]
            if suffix == "es" and not base.endswith(_ES_TAKERS):
                continue  # soiless is no plural of soil
            if (
                word.endswith(suffix)
                and len(base) >= 3
                and (
                    self.known(base)
                    or self.known(base + "e")
                    or (suffix == "s" and self.frequent_base(base, zipf(word)))
                )
            ):
                return True, None
        if self.measure_compound(word) or self.person_noun(word):
            return True, None
        if self.listed_form(word):
            return True, None
        # A prefixed word (uncited, nonpresidential) loses only to a slip of the
        # fingers. A suffix proves nothing (makeing, feeled and growned are how
        # suffixes go wrong), nor does a split into two short words (fee + led).
        if unaccented(word):
            return True, None
        formed = self.prefixed(word)
        slip = slip_of(word, self.known, far=False, formed=formed)
        if slip is not None:
            return False, slip
        if self.formed_family(word):
            return True, None  # after the slips of one letter: postions is positions
        if zipf(word) > 0:
            from newslint.engines.spelling.frequency import foreign_word

            # Before slips of two edits: realidad is Spanish, not a slip of
            # realized, and supermind (super + mind) no slip of superman. A
            # suffix does not count here: adviced is a slip of advised.
            if foreign_word(word) or self.composed(word):
                return True, None
            slip = slip_of(word, self.known, formed=formed)
            return slip is None, slip
        return self.inflected(word) or self.composed(word), None

    def measure_compound(self, word: str) -> bool:
        """A noun closed up with -long or -wide (monthslong, companywide): the
        noun, or its singular, a dictionary word of three letters or more."""
        for tail in _MEASURE_TAILS:
            head = word[: -len(tail)]
            if (
                word.endswith(tail)
                and len(head) >= 3
                and head not in _FUNCTION_WORDS
                and (self.known(head) or (head.endswith("s") and self.known(head[:-1])))
            ):
                return True
        return False

    def person_noun(self, word: str) -> bool:
        """A noun for a person made of a dictionary word, which wordfreq lists:
        an agent of a word in -y (partier, partiers; party) or the one a verb
        is done to (protectee, protectees; protect). A slip of a letter leaves
        no dictionary word behind the ending."""
        from newslint.engines.spelling.frequency import zipf

        for suffix, ending in (("ier", "y"), ("iers", "y"), ("ee", ""), ("ees", "")):
            base = word[: -len(suffix)] + ending
            if word.endswith(suffix) and len(base) >= 4 and self.known(base):
                return zipf(word) > 0
        return False

    def formed_family(self, word: str) -> bool:
        """A prefixed word that wordfreq lists both as it stands and without its
        ending (defanged: de + fanged, and defang): a coined verb in use. Asked
        once no slip of one letter explains the word, as wordfreq lists common
        slips in two forms too (postions, postion)."""
        from newslint.engines.spelling.frequency import zipf

        if zipf(word) == 0 or not self.prefixed(word):
            return False
        return any(b != word and zipf(b) > 0 for b in _form_bases(word))

    def listed_form(self, word: str) -> bool:
        """A regular form of another word, listed by wordfreq (amping: amp, a
        dictionary word), which a slip away is a form of a
        different word (camping, of camp): a word of its own, not a slip. A
        misspelled form shares its base with the right one (occured and
        occurred, comming and coming, makeing and making), so it stays a slip."""
        from newslint.engines.spelling.frequency import slip_of, zipf

        own = zipf(word)
        if own < LISTED_FORM_ZIPF:
            return False
        bases = _form_bases(word)
        # The base a dictionary word (the commonest, if it could be several),
        # and the form not far rarer than it: a slip in a form of a very common
        # word (heared, chosing, faired) is rare beside the word, a form in use
        # (amping, wristed) much less so.
        made_of = [zipf(b) for b in bases if len(b) >= 3 and self.known(b)]
        if not made_of or max(made_of) - own > LISTED_FORM_GAP:
            return False
        slip = slip_of(word, self.known)
        if slip is None:
            return True
        slip = slip.replace("'", "")
        return slip not in bases and not bases & _form_bases(slip)

    def frequent_base(self, base: str, own: float) -> bool:
        """A word of five letters or more that wordfreq lists fairly often
        (:data:`BASE_ZIPF`) and at least as often as the form made from it
        (signee beside signees), with no dictionary word a slip away that is
        commoner: wordfreq lists common misspellings too (athiest, pidgeon)."""
        from newslint.engines.spelling.frequency import foreign_word, slip_of, slips, zipf

        found = zipf(base)
        if len(base) < 5 or found < max(BASE_ZIPF, own):
            return False
        if foreign_word(base) and found < FOREIGN_BASE_ZIPF:
            # An English -s on an Italian word (minori) makes no English plural;
            # on one English uses as much (pharma, pharmas), it does.
            return False
        if slip_of(base, self.known):
            return False
        return not any(self.known(c) and zipf(c) > found for c in slips(base))

    def real(self, word: str) -> bool:
        from newslint.engines.spelling.frequency import zipf

        return self.known(word) or zipf(word) > 0

    def inflected(self, word: str) -> bool:
        """A regular or derived form of a known word (amputators, engagers,
        becomings, deplorability, symbologist, freakery). -es follows only
        the letters that take it (soiless is no plural of soil)."""
        real = self.real
        for suffix in _SUFFIXES:
            base = word[: -len(suffix)]
            if suffix == "es" and not base.endswith(_ES_TAKERS):
                continue
            if word.endswith(suffix) and len(base) >= 3 and (real(base) or real(base + "e")):
                return True
        for suffix, ending in _DERIVATIONS:
            base = word[: -len(suffix)]
            if word.endswith(suffix) and len(base) >= 3 and self.known(base + ending):
                return True
        for suffix in _ADJECTIVE_SUFFIXES:
            base = word[: -len(suffix)]
            # The base whole: with an e dropped, a slip passes for a form (inury, inure).
            if word.endswith(suffix) and len(base) >= 4 and self.known(base):
                return True
        for suffix in _Y_SUFFIXES:  # snarkiest, snarkier (snarky)
            base = word[: -len(suffix)] + "y"
            if suffix in ("ier", "iest") and len(base) > COMPARED_LENGTH:
                continue  # similaritiest: only short adjectives take -er and -est
            if word.endswith(suffix) and len(base) >= 4 and real(base):
                return True
        for suffix in _L_DOUBLING_SUFFIXES:  # gavelling, channelled (gavel, channel)
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and _DOUBLED_L.search(stem) and self.known(stem[:-1]):
                return True
        for suffix in _DOUBLING_SUFFIXES:  # tappable, zapper (tap, zap)
            stem = word[: -len(suffix)]
            if (
                word.endswith(suffix)
                and len(stem) >= 4
                and _DOUBLED_SYLLABLE.fullmatch(stem)
                and self.known(stem[:-1])
            ):
                return True
        return False

    def prefixed(self, word: str) -> bool:
        """A prefix on a dictionary word of four letters or more: un + cited,
        non + presidential (wordfreq's list has fragments such as jects); de-
        (undoing: defunding, defunds) on one of five letters or more, as "de"
        plus a short word is often a slip of another (deside, devide); anti- on a
        common word of three letters (antigun)."""
        base = word[len(_UNDO) :]
        if word.startswith(_UNDO) and len(base) >= UNDO_BASE and self.known(base):
            return True
        base = word[len(_AGAINST) :]
        if word.startswith(_AGAINST) and len(base) == SHORT_BASE and self.common(base):
            return True  # antigun, antitax: "anti" before a common short word
        return any(
            word.startswith(p) and len(word) - len(p) >= 4 and self.known(word[len(p) :])
            for p in _PREFIXES
        )

    def common(self, word: str) -> bool:
        """A dictionary word English uses often (gun, tax, war)."""
        from newslint.engines.spelling.frequency import zipf

        return self.known(word) and zipf(word) >= SHORT_BASE_ZIPF

    def near_word(self, word: str) -> bool:
        """A common dictionary word one edit away (outweigh beside outweight;
        not the rare outpull beside outpoll)."""
        from newslint.engines.spelling.frequency import zipf
        from newslint.engines.spelling.lexicon import near_suggestions

        return any(zipf(c) >= NEAR_WORD_ZIPF for c in near_suggestions(word, self.ctx.language))

    def composed(self, word: str) -> bool:
        """A prefixed known word (unrecycled, nondifferent, supermind) or a
        closed compound of two content words (phonecam, passcard). Two words
        run together around a function word (countof, delaysin) or after a
        plural (questionsmarks) stay unknown: those are slips."""
        real = self.real
        for i in range(2, len(word) - 2):
            head, tail = word[:i], word[i:]
            if head in _PREFIXES and len(tail) >= 4 and real(tail):
                return True
            if head == _OUTDO and len(tail) >= 4 and real(tail) and not self.near_word(word):
                return True
            if (
                len(head) >= 3
                and len(tail) >= 3
                and head not in _FUNCTION_WORDS
                and tail not in _FUNCTION_WORDS
                and not (head.endswith("s") and not head.endswith("ss"))  # questionsmarks
                and not head.endswith("ing")
                and self.known(head)
                and self.known(tail)
            ):
                return True
        return False

    def report(self, part: Word, message: str, fixes: Sequence[str]) -> Diagnostic:
        return Diagnostic(
            UNKNOWN,
            message,
            part.start,
            part.end,
            Severity.WARNING,
            tuple(Suggestion(f, Applicability.DISPLAY) for f in fixes),
        )

    # -- spelling.variant-mix -------------------------------------------------

    def variant_mix(self) -> Iterator[Diagnostic]:
        # A quotation keeps its source's spelling (a US critic quoted in British
        # copy): it neither counts nor is reported.
        occurrences = [
            o for o in self.occurrences if not self.doc.in_quotation(Span(o.word.start, o.word.end))
        ]
        # Oxford spelling is British with -ize ('customized' beside 'colours'): an
        # -ize form is a US sign only when the story also writes -ise.
        if not any(o.variant == "gb" and _ize_pair(o.other, o.word.lower) for o in occurrences):
            occurrences = [
                o
                for o in occurrences
                if not (o.variant == "us" and _ize_pair(o.word.lower, o.other))
            ]
        counts = {"us": 0, "gb": 0}
        for occurrence in occurrences:
            counts[occurrence.variant] += 1
        if not counts["us"] or not counts["gb"]:
            return
        house = "gb" if self.british else "us"
        if counts["us"] == counts["gb"]:
            majority = house
        else:
            majority = "us" if counts["us"] > counts["gb"] else "gb"
        examples = sorted({o.word.lower for o in occurrences if o.variant == majority})
        shown = ", ".join(f"'{w}'" for w in examples[:2])
        for occurrence in occurrences:
            if occurrence.variant == majority:
                continue
            word = occurrence.word
            name = _VARIANT_NAMES[occurrence.variant]
            yield Diagnostic(
                VARIANT_MIX,
                f"'{word.text}' is the {name} spelling, but this article mostly uses "
                f"{_VARIANT_NAMES[majority]} spelling ({shown})",
                word.start,
                word.end,
                Severity.WARNING,
                (Suggestion(_other_form(word.text, occurrence.other), Applicability.UNSAFE),),
            )


_ONSET = regexcache.compile(r"^[^aeiouy]*")


def reduplicative(a: str, b: str) -> bool:
    """Two halves of a rhyming or ablaut pair (loosey-goosey, helter-skelter;
    wishy-washy, zig-zag): word play that repeats the one half with a new
    first sound or vowel, which a slip of the keys does not produce."""
    if a == b or min(len(a), len(b)) < 3 or not (a.isalpha() and b.isalpha()):
        return False
    rime_a, rime_b = _ONSET.sub("", a), _ONSET.sub("", b)
    if len(rime_a) >= 3 and rime_a == rime_b:
        return True  # rhyme: the same but for the first consonants
    if len(a) != len(b):
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(differ) == 1 and a[differ[0]] in "aeiou" and b[differ[0]] in "aeiou"


@functools.lru_cache(maxsize=256)
def ends_a_word(ending: str, language: str) -> bool:
    """Whether a dictionary word longer than ``ending`` ends with it. A scan of
    the vocabulary, only for the rare part after a hyphen that no list knows."""
    from newslint.engines.spelling.lexicon import lexicon

    vocabulary = lexicon(language).vocabulary
    return any(w.endswith(ending) and w != ending for w in vocabulary)


def _form_bases(word: str) -> set[str]:
    """The words a regular form may be made of: the word less an ending, with a
    doubled last consonant single and with an e put back (stopped: stopp, stop,
    stope; coming: com, come)."""
    bases: set[str] = set()
    for suffix in _FORM_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            bases.update((stem, stem + "e"))
            if suffix == "ies":
                bases.add(stem + "y")
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                bases.update((stem[:-1], stem[:-1] + "e"))
    return bases


def _ize_pair(ize: str, ise: str) -> bool:
    """``ize`` and ``ise`` are one word with -iz- and -is- ('customized',
    'customised'); -yze/-yse ('analyze') is no Oxford form and does not count."""
    if len(ize) != len(ise):
        return False
    diff = [i for i, (a, b) in enumerate(zip(ize, ise, strict=True)) if a != b]
    return (
        len(diff) == 1 and ize[diff[0]] == "z" and ise[diff[0]] == "s" and ize[diff[0] - 1] == "i"
    )


def language_gate(doc: Document, selected: frozenset[str]) -> Diagnostic | None:
    """The one spelling.not-english finding for a document in another
    language (the engine then runs no other rule on it), else None."""
    if NOT_ENGLISH not in selected:
        return None
    from newslint.analysis.language import document_language

    found = document_language(doc)
    if found.english:
        return None
    whole = found.whole
    first = doc.paragraphs[0] if doc.paragraphs else Span(0, len(doc.text))
    end = doc.text.find("\n", first.start, first.end)
    counted = (
        f"{whole.english} of {whole.counted} lowercase words, {whole.share:.0%}, are English words"
        if whole.counted
        else "no lowercase words to count"
    )
    said = f"is declared as '{found.declared}' and " if found.declared else ""
    return Diagnostic(
        NOT_ENGLISH,
        f"This text {said}does not look like English ({counted}); no other rule was run on it",
        first.start,
        first.end if end < 0 else end,
        Severity.WARNING,
    )


def _mixed(token: str) -> bool:
    from newslint.engines.spelling.scripts import mixes_scripts

    return mixes_scripts(token)


def _other_form(text: str, other: str) -> str:
    return other + "'s" if text.endswith("'s") else other


class SpellingProvider:
    """Runs the spelling rules (a :class:`newslint.registry.Provider`).

    Cheap to construct: pyspellchecker is imported, and its dictionary loaded,
    on the first check of a document that needs it.
    """

    def rules(self) -> Sequence[RuleMeta]:
        return (_UNKNOWN_META, _VARIANT_META, _MIXED_META, _NOT_ENGLISH_META)

    def check(
        self, doc: Document, selected: frozenset[str], ctx: CheckContext
    ) -> Iterator[Diagnostic]:
        if not selected & {UNKNOWN, VARIANT_MIX, MIXED_SCRIPT}:
            return iter(())
        return _Run(doc, selected, ctx).diagnostics()
