"""names.*: misspelled and inconsistent person names, stale titles, and
first/later reference style.

All rules read one shared analysis (``newslint.names.extract``) and the
names lists (``newslint.names.lists``). ``names.misspelled`` is
registered before ``names.inconsistent`` so that when both flag the same
word with the same fix, the engine keeps the message that names the office.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator

from rapidfuzz.distance import OSA

from newslint import regexcache
from newslint.analysis.dates import MONTH_NAMES
from newslint.analysis.transcript import in_speaker_turn
from newslint.diagnostics import Applicability, Diagnostic, InputError, Severity, Suggestion
from newslint.document import Document
from newslint.names import run as names_run
from newslint.names.addresses import find_address_slips
from newslint.names.checks import (
    Layout,
    another_time,
    apposed_role,
    apposed_title,
    candidate_forms,
    clean_form,
    context_years,
    dead_problem,
    elect_problem,
    former_problem,
    is_dictionary_word,
    lower_former_title,
    lower_title,
    officeholder_problem,
    silenced,
    state_before,
    suffix_former,
    suffix_title,
)
from newslint.names.extract import Form, Mention, NameAnalysis, Token, analyse
from newslint.names.frequent import zipf
from newslint.names.lists import (
    NamesList,
    Person,
    context_lists,
    given_agrees,
    romanised,
    title_key,
)
from newslint.names.similar import (
    MIN_LENGTH,
    fold,
    is_suffix_form,
    plausibility,
    similar,
    tripled,
)
from newslint.names.typos import find_typos, slip_like
from newslint.names.variant_forms import find_form_variants
from newslint.names.variants import find_variants
from newslint.names.words import (
    COUNTRY_ADJECTIVES,
    PARTICLES,
    PLACES,
    US_STATES,
    given_names,
    recorded_given_names,
    wordlike_given_names,
)
from newslint.registry import CheckContext, Example, RuleMeta, rule
from newslint.spans import Span

PLAUSIBILITY_MARGIN = 0.05  # letter-pair score gap that decides a one-to-one tie


def _analysis(doc: Document) -> NameAnalysis:
    return doc.analysis("names", analyse)


def _names(doc: Document, ctx: CheckContext) -> NamesList:
    try:
        return context_lists(getattr(ctx, "names", ()))
    except ValueError as exc:
        raise InputError(doc.path, str(exc)) from None


def _letters_alike(a: str, b: str) -> bool:
    """The two differ in accents or capitals alone ("Guantánamo", "ObamaCare"),
    not in spacing or letters."""
    return a != b and fold(a) == fold(b) and len(a) == len(b)


def _flag(
    doc: Document, ctx: CheckContext, meta: RuleMeta, form: Form, message: str, fix: str
) -> Iterator[Diagnostic]:
    for token, mention in form.tokens:
        if mention.scope == "byline" or silenced(doc, ctx, token):
            continue
        yield Diagnostic(
            meta.id,
            message,
            token.start,
            token.end,
            meta.severity,
            suggestions=(Suggestion(fix, Applicability.UNSAFE),),
        )


# -- names.misspelled ------------------------------------------------------------


def _no_keys(doc: Document) -> set[str]:
    """An empty set of name keys, kept on the document (see names.misspelled)."""
    return set()


@rule(
    "names.misspelled",
    summary="A name one slip away from a person on the names list",
    why=(
        "Misspelling a public figure's name is an error readers notice at once and "
        "one a spell checker cannot catch. The default list covers heads of state "
        "and government, foreign ministers, the U.S. and UK cabinets, every member of "
        "the U.S. Congress and the heads of the EU, UN, NATO and major central banks; "
        "add house lists with the `names` config key. A surname alone is matched only "
        "when it is long and distinctive; a shorter one needs the person's given "
        "name (an initial is not enough) or title beside it. A listed surname with a "
        "given name a slip away from the person's ('Kier Starmer') is flagged too when "
        "the slip is no commoner given name of its own or a title of the person's "
        "stands before it; a short form ('Steve' for Steven) is fine. A C for a K at the start "
        "('Mark Karney') counts only with the person's given name and title. The fix is "
        "unsafe: a "
        "different, real person may be meant."
    ),
    severity=Severity.WARNING,
    fix=Applicability.UNSAFE,
    examples=[
        Example("Treasury Secretary Scott Bescent met Gulf investors on Monday.", flagged=True),
        Example("Treasury Secretary Scott Bessent met Gulf investors on Monday.", flagged=False),
    ],
)
def misspelled(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    analysis = _analysis(doc)
    names = _names(doc, ctx)
    for form in candidate_forms(analysis):
        if form.key in names.by_key:
            yield from _given_misspelled(doc, ctx, meta, form, names.by_key[form.key])
            continue
        person = names.misspelled.get(form.key) or _near_person(
            form, names, analysis, ctx, doc.article_date
        )
        # The lower-case and [sic] scans are dearer than the cached list lookup.
        if person is None or not clean_form(form, analysis, ctx, doc):
            continue
        if _house_romanisation(form, person, analysis):
            continue
        right = person.surname.split()[-1]
        office = person.describe(doc.article_date)
        where = f" ({office})" if office else ""
        message = f"'{form.text}' looks like a misspelling of '{right}'{where}"
        # names.inconsistent runs next and leaves this word to us (one finding).
        doc.analysis("names.misspelled", _no_keys).add(form.key)
        yield from _flag(doc, ctx, meta, form, message, right)


def _given_misspelled(
    doc: Document, ctx: CheckContext, meta: RuleMeta, form: Form, people: list[Person]
) -> Iterator[Diagnostic]:
    """A listed surname with a given name a slip away from the listed person's
    ("Kier Starmer", "Prime Minister Georgia Meloni"), when the slip is no
    given name of its own ("Kier", rarer than Keir) or a title of the person's
    says who is meant (a commoner given name, "Mario Rubio", has neither; a
    romanised name needs the title)."""
    for _surname, mention in form.tokens:
        given = mention.given
        if len(given) < MIN_LENGTH or given.isupper() or mention.scope == "byline":
            continue
        if any(fold(g) == fold(given) for p in people for g in _given_forms(p)):
            continue
        near = [p for p in people if any(_given_slip(g, given) for g in _given_forms(p))]
        if len(near) != 1:
            continue
        person = near[0]
        if mention.personal_title and not mention.honorific_only and _title_unlike(mention, person):
            continue  # "Police Chief Michel Moore" is not the minister Michael Moore
        titled = mention.personal_title and _title_fits(mention, person)
        # A name romanised from another script is spelled many ways ("Binyamin
        # Netanyahu" in BBC style): only the person's own title says it is a slip.
        romanised_name = any(romanised(o.country) for o in person.offices)
        # A slip is rarer in English text than the name it spoils; a commoner
        # given name ("Mario" beside Marco) is someone else's own.
        # A capital after an apostrophe ("Ja’Ron", "D'Andre") is a name's own
        # spelling, not a slip of one without it.
        own_name = (
            fold(given) in given_names()
            or zipf(given) >= zipf(person.given)
            or (
                _INNER_CAPITAL.search(given) is not None and not _INNER_CAPITAL.search(person.given)
            )
        )
        if not titled and (own_name or romanised_name):
            continue
        if romanised_name and own_name:
            continue  # one name romanised two ways, each a given name ("Mohammed Morsi")
        token = mention.tokens[0]
        if silenced(doc, ctx, token):
            continue
        office = person.describe(doc.article_date)
        where = f" ({office})" if office else ""
        yield Diagnostic(
            meta.id,
            f"'{given}' looks like a misspelling of '{person.given}' {person.surname}{where}",
            token.start,
            token.end,
            meta.severity,
            suggestions=(Suggestion(person.given, Applicability.UNSAFE),),
        )


_INNER_CAPITAL = regexcache.compile(r"\w['’][A-Z]")


def _given_forms(person: Person) -> list[str]:
    """The person's given name in the listed name and its accepted variants."""
    forms = [person.given] if person.given else []
    forms += [v.split()[0] for v in person.variants if len(v.split()) > 1]
    return forms


def _given_slip(listed: str, seen: str) -> bool:
    """One or two letters apart, swaps included (Keir, Kier; Giorgia, Georgia)."""
    a, b = fold(listed), fold(seen)
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < MIN_LENGTH:
        return False
    if a.startswith(b) or b.startswith(a):
        return False  # a short form (Steve for Steven), not a slip
    limit = 1 if min(len(a), len(b)) < _LONG_GIVEN else 2
    return OSA.distance(a, b, score_cutoff=limit) <= limit


_LONG_GIVEN = 7  # from this length a given name may be two letters out (Volodymir)


# Uses of one spelling that make it the newsroom's choice, not a slip.
_HOUSE_SPELLING_USES = 3


def _house_romanisation(form: Form, person: Person, analysis: NameAnalysis) -> bool:
    """A name the story spells one way throughout, never the listed way, is
    not a slip (a slip is rarely repeated three times without the right
    spelling) but a choice: a newsroom's transliteration of a romanised name
    ("Morsy" every time, never "Morsi"), or another person altogether
    ("Liverpool chief executive Rick Parry" is not Rick Perry) unless a title
    of the listed person's says it is them ("Treasury Secretary Scott
    Bescent")."""
    if form.count < _HOUSE_SPELLING_USES or person.key in analysis.forms:
        return False
    if any(romanised(o.country) for o in person.offices):
        return True
    return not any(
        m.personal_title and not m.honorific_only and _title_fits(m, person) for _, m in form.tokens
    )


def _near_person(
    form: Form,
    names: NamesList,
    analysis: NameAnalysis,
    ctx: CheckContext,
    day: dt.date | None = None,
) -> Person | None:
    if form.key in given_names() or len(form.key) < MIN_LENGTH:
        return None
    titles = [m for _, m in form.tokens if m.personal_title and not m.honorific_only]
    own = zipf(form.text)
    # C and K sound alike at the start ("Mark Karney" for Mark Carney); as many
    # real surnames differ so (Cohen, Kohen), such a match needs both the
    # person's given name and title.
    sounds = _SOUND_ALIKE.get(form.key[0])
    twin = sounds + form.key[1:] if sounds else ""
    alike = [(twin, p) for p in names.by_key.get(twin, [])] if twin else []
    for key, person in [*names.near(form.key), *alike]:
        strict = key[0] != form.key[0]
        if form.givens and not any(given_agrees(person.given, g) for g in form.givens):
            continue  # "Tom Bessant" is someone else
        if titles and not any(_title_related(m, person) for m in titles):
            continue  # "FBI Director James Comey" is not Representative James Comer
        if any(_role_unlike(analysis.text, m, person) for _, m in form.tokens):
            continue  # "a former US ambassador, Michael McFaul" is not Rep. Michael McCaul
        # An initial agrees but is no evidence: "J Smit" in a team sheet is not
        # "Jason Smith" (one letter in 26 matches by chance).
        given_named = bool(person.given) and any(
            given_agrees(person.given, g) and len(g.rstrip(".")) > 1 for g in form.givens
        )
        titled = any(
            m.personal_title and not m.honorific_only and _title_fits(m, person)
            for _, m in form.tokens
        )
        listed = zipf(person.surname.split()[-1])
        if not titled and (
            own >= _COMMON_NAME_ZIPF or (own >= _KNOWN_NAME_ZIPF and own >= listed - _OWN_NAME_GAP)
        ):
            # "FBI director James Comey" beside the listed James Comer, the director
            # John Huston beside the listed minister John Hutton: a spelling English
            # text uses nearly as much as the listed one (a slip is rarer by far) is
            # a name of its own, unless a title of the listed person's says it is them.
            continue
        if not titled and day is not None and _not_yet_known(person, day):
            continue  # "Julie Johnsson" in 2018 is not the Julie Johnson elected in 2024
        if strict:
            if given_named and titled:
                return person
            continue
        # A bare surname matches only when the article also spells it right.
        distinctive = key in analysis.forms and not is_dictionary_word(form.text, ctx.language)
        if given_named or titled or distinctive:
            return person
    return None


def _not_yet_known(person: Person, day: dt.date) -> bool:
    """The person is listed for offices that all began after the story's day:
    then, their name was no one the story's readers would know."""
    return bool(person.offices) and all(o.start > day for o in person.offices)


_SOUND_ALIKE = {"c": "k", "k": "c"}


_KNOWN_NAME_ZIPF = 2.0  # a slip of a name is rarer in English text than this

# Zipf steps: a slip is more than ten times rarer than the name it misspells
# (Merkle 2.1 against Merkel 3.4); a namesake is not (Huston 3.0, Hutton 3.2).
_OWN_NAME_GAP = 1.0


def _role_unlike(text: str, mention: Mention, person: Person) -> bool:
    """The role set before the name is no office of the person's."""
    role = apposed_role(text, mention.start, mention.end)
    return bool(role) and not any(role in o.title.casefold().split() for o in person.offices)


def _title_fits(mention: Mention, person: Person) -> bool:
    """Whether the title names one of the person's offices: "Prime Minister
    Gordon Brwon" is Gordon Brown, "Lord Browne" is someone else."""
    words = title_key(mention.title_text)[0].split()
    return bool(words) and any(words[-1] in o.title.split() for o in person.offices)


STEM = 5  # letters a title word shares with an office word of the same body


def _title_related(mention: Mention, person: Person) -> bool:
    """Whether the title could belong to one of the person's offices: it names
    one, or a word of it shares its stem with a word of one ("Councillor" and
    Council Leader). A title of another body ("FBI Director" for a
    Representative) names someone else."""
    if _title_fits(mention, person):
        return True
    words = [w for w in title_key(mention.title_text)[0].split() if len(w) >= STEM]
    held = {w for o in person.offices for w in o.title.split() if len(w) >= STEM}
    return any(w[:STEM] == h[:STEM] for w in words for h in held)


def _title_unlike(mention: Mention, person: Person) -> bool:
    """The title belongs to none of the person's offices, not even as a short
    form ("Rep." of Representative): another person's."""
    if _title_related(mention, person):
        return False
    words = [w.rstrip(".") for w in title_key(mention.title_text)[0].split()]
    held = {w for o in person.offices for w in o.title.lower().split()}
    return not any(len(w) >= 3 and h.startswith(w) for w in words for h in held)


# -- names.inconsistent ------------------------------------------------------------


@rule(
    "names.inconsistent",
    summary="One person's name spelled two ways in the same article",
    why=(
        "Readers take two spellings for two people, and one of them is wrong. The "
        "rule groups spellings that differ by one or two letters or by a "
        "transliteration pattern (y/i, ks/x, doubled letters, accents) and flags "
        "the less frequent one, suggesting the other; on a tie, the spelling the word "
        "list knows. Spacing, capital and accent variants count too ('Mc Donald', "
        "'Youtube', 'Atletico' beside 'McDonald', 'YouTube', 'Atlético'). It does not "
        "merge names given with different first names (two people, or relatives) or "
        "two close surnames that both stand in team sheets (two players), and it "
        "ignores ordinary words that happen to be capitalised and model numbers. When "
        "several files are linted together, a spelling used once in one file and one "
        "slip away from a name common in the other files is reported too, unless the "
        "spelling is itself widely used (Jameson beside Jamieson). A surname one slip "
        "from the e-mail address beside it that holds the person's given name "
        "('Siobhan Bailie', 'siobhan.baillie@...') is reported as well. A quotation "
        "given as written (a tweet, a letter, a statement) keeps its source's spelling."
    ),
    severity=Severity.WARNING,
    fix=Applicability.UNSAFE,
    examples=[
        Example(
            "Station Commander Helen Marsh said crews arrived within minutes. "
            "Marsh said the cause was unknown. Marshe added that no one was hurt.",
            flagged=True,
        ),
        Example(
            "Station Commander Helen Marsh said crews arrived within minutes. "
            "Marsh said the cause was unknown.",
            flagged=False,
        ),
    ],
)
def inconsistent(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    analysis = _analysis(doc)
    names = _names(doc, ctx)
    taken: set[str] = doc.analysis("names.misspelled", lambda _: set())
    for form in candidate_forms(analysis):
        if form.key in taken:
            continue
        majority = _majority(form, analysis, names, ctx)
        if majority is None or not clean_form(form, analysis, ctx, doc):
            continue
        if is_dictionary_word(majority.text, ctx.language) and _in_foreign_name(doc, form):
            continue  # "Stade de France" beside "Islamic State": another language's word
        if _opens_particle_name(doc, form) and not _opens_particle_name(doc, majority):
            continue  # "(Osama) bin Laden" beside "Obama": the given name of another name
        times = "once" if majority.count == 1 else f"{majority.count} times"
        message = f"'{form.text}' is spelled '{majority.text}' elsewhere in this article ({times})"
        taken.add(form.key)  # names.capitalised-typo leaves this word to us
        from newslint.analysis.attribution import in_written_quote

        for found in _flag(doc, ctx, meta, form, message, majority.text):
            if not in_written_quote(doc, Span(found.start, found.end)):
                yield found  # a tweet's or a letter's spelling is its own
    for token, right, count in _given_slips(analysis):
        if silenced(doc, ctx, token) or fold(token.text) in taken:
            continue
        times = "once" if count == 1 else f"{count} times"
        yield Diagnostic(
            meta.id,
            f"'{token.text}' is spelled '{right}' elsewhere in this article ({times})",
            token.start,
            token.end,
            meta.severity,
            suggestions=(Suggestion(right, Applicability.UNSAFE),),
        )
    for form, owner in _s_possessives(analysis):
        if form.key in taken or not clean_form(form, analysis, ctx, doc):
            continue
        taken.add(form.key)
        times = "once" if owner.count == 1 else f"{owner.count} times"
        message = (
            f"'{form.text}’s' is the possessive of '{owner.text}' (named {times} in this "
            f"article): write '{owner.text}’'"
        )
        yield from _flag(doc, ctx, meta, form, message, owner.text)
    for slip in find_address_slips(analysis):
        if silenced(doc, ctx, slip.token) or fold(slip.token.text) in taken:
            continue
        taken.add(fold(slip.token.text))
        yield Diagnostic(
            meta.id,
            f"'{slip.token.text}' is spelled '{slip.right}' in the e-mail address beside it",
            slip.token.start,
            slip.token.end,
            meta.severity,
            suggestions=(Suggestion(slip.right, Applicability.UNSAFE),),
        )
    for variant in find_variants(analysis):
        span = Span(variant.start, variant.end)
        if any(s.overlaps(span) for s in doc.sic) or doc.in_skipped(span):
            continue
        if doc.in_quotation(span) and _letters_alike(variant.text, variant.right):
            continue  # a quoted report's "Guantánamo", a quoted post's "ObamaCare": theirs
        if fold(variant.text.replace(" ", "")) in taken:
            continue
        times = "once" if variant.count == 1 else f"{variant.count} times"
        yield Diagnostic(
            meta.id,
            f"'{variant.text}' is written '{variant.right}' elsewhere in this article ({times})",
            variant.start,
            variant.end,
            meta.severity,
            suggestions=(Suggestion(variant.right, Applicability.UNSAFE),),
        )
    # For the run-level pass: spellings rare here but common in other files.
    if names_run.collecting():
        names_run.record(doc, meta, names_run.summarise(doc, analysis, ctx, meta.severity))


# A name particle and a capitalised word after a word: "Stade de France"; or a
# particle right before it: "Del Norte".
_PARTICLE = "|".join(sorted(PARTICLES, key=lambda w: (-len(w), w)))
_PARTICLE_AFTER = regexcache.compile(rf"[)\]]?\s+(?:{_PARTICLE})[\s-]+[A-Z]")
_PARTICLE_BEFORE = regexcache.compile(rf"\b(?i:{_PARTICLE})\s+$")


def _in_foreign_name(doc: Document, form: Form) -> bool:
    """Every use of ``form`` opens a name joined by a particle ("Stade de France",
    "Puerta del Sol") or follows one ("Del Norte"): a word of that name's language,
    not a slip of an English one."""
    return all(
        _PARTICLE_AFTER.match(doc.text, token.end, token.end + 12)
        or _PARTICLE_BEFORE.search(doc.text, max(0, token.start - 12), token.start)
        for token, _ in form.tokens
    )


def _opens_particle_name(doc: Document, form: Form) -> bool:
    """Every use of ``form`` opens a name joined by a particle ("Osama bin
    Laden", "(Osama) bin Laden", "Stade de France")."""
    return all(_PARTICLE_AFTER.match(doc.text, t.end, t.end + 12) for t, _ in form.tokens)


# -- names.variant-form ------------------------------------------------------------


@rule(
    "names.variant-form",
    summary="One name written with different hyphens, apostrophes or capitals in one story",
    why=(
        "'Deir al-Balah' and 'Deir Al Balah', 'Kilroy-Silk' and 'Kilroy Silk', 'KISS' "
        "and 'Kiss' in one story read as careless, and a reader cannot tell which is "
        "the name's own form. The rule compares the letters of every capitalised name "
        "of one to three words and reports a form whose hyphens, apostrophes or "
        "capitals differ from the story's usual form. Capitals explained by the place "
        "are not compared: a sentence start, a headline or heading in title case, an "
        "all-capitals line, dateline or menu, an all-capitals label (a kicker before its "
        "colon, 'OPINION:', or a section heading alone on its line over the text, "
        "'CHINA'), capitals inside a quotation (its source's) or in a picture credit ('via "
        "REUTERS'), a quotation given as written (a tweet's 'Kim Jong Un' beside the "
        "story's 'Kim Jong-un'), and particles such as 'de' and 'the'. "
        "Hyphenated compounds of everyday words ('High-Speed', 'T-Shirt'), a company "
        "and its product ('Nintendo DS', \"Nintendo's DS\") and two people's first names "
        "('Anne-Marie Trevelyan', 'Anne Marie Morris') are left alone. A hyphen or "
        "apostrophe against a spelling the story uses three times or more is a "
        "warning; a tie, or capitals alone (a band or agency may style its name in "
        "capitals), is reported as information. Spacing, inner-capital and accent "
        "variants of plain words are names.inconsistent's."
    ),
    severity=Severity.WARNING,
    fix=Applicability.UNSAFE,
    examples=[
        Example(
            "Robert Kilroy-Silk spoke first. Kilroy-Silk said the party would grow. "
            "Mr Kilroy-Silk then left, and Kilroy Silk later returned.",
            flagged=True,
        ),
        Example(
            "Robert Kilroy-Silk spoke first. Kilroy-Silk said the party would grow.",
            flagged=False,
        ),
    ],
)
def variant_form(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    from newslint.analysis.attribution import in_written_quote

    for variant in find_form_variants(doc, _analysis(doc)):
        token = Token(variant.start, variant.end, variant.text, variant.text.casefold())
        if silenced(doc, ctx, token) or in_written_quote(doc, Span(token.start, token.end)):
            continue  # a tweet's "Kim Jong Un" beside the story's "Kim Jong-un" is the tweet's
        times = "once" if variant.count == 1 else f"{variant.count} times"
        what = "capitals" if variant.kind == "capitals" else "hyphens or apostrophes"
        yield Diagnostic(
            meta.id,
            f"'{variant.text}' is written '{variant.right}' elsewhere in this article "
            f"({times}): the {what} differ",
            variant.start,
            variant.end,
            meta.severity if variant.strong else Severity.INFO,
            suggestions=(Suggestion(variant.right, Applicability.UNSAFE),),
        )


_GIVEN_SLIP_LENGTH = 5
_UNSEEN = 1.0  # Zipf: a spelling the frequency list has hardly or never seen


def _given_slips(analysis: NameAnalysis) -> Iterator[tuple[Token, str, int]]:
    """ "Krisapts Porzingis" beside "Kristaps Porzingis": one surname with two
    first names that are one or two edits apart (transpositions count one),
    where the rarer first name is unknown to the frequency list and to the
    given-name list. Relatives share surnames, but not near-identical first
    names one of which no one else has ever written."""
    for form in analysis.forms.values():
        if len(form.givens) < 2:
            continue
        uses: dict[str, list[Token]] = {}
        for _, mention in form.body:
            if mention.given:
                uses.setdefault(fold(mention.given).rstrip("."), []).append(mention.tokens[0])
        for minor, tokens in uses.items():
            if len(minor) < _GIVEN_SLIP_LENGTH or minor in given_names():
                continue
            if zipf(minor) > _UNSEEN:
                continue
            best = max(
                (
                    (len(others), major)
                    for major, others in uses.items()
                    if major != minor
                    and major[:1] == minor[:1]
                    and len(others) >= len(tokens)
                    and (len(others) > len(tokens) or zipf(major) > zipf(minor))
                    and OSA.distance(major, minor, score_cutoff=2) <= 2
                ),
                default=None,
            )
            if best is None:
                continue
            right = uses[best[1]][0].text
            for token in tokens:
                yield token, right, best[0]


_POSSESSIVE_AFTER = regexcache.compile(r"['’]s\b")


def _s_possessives(analysis: NameAnalysis) -> Iterator[tuple[Form, Form]]:
    """ "Meadow’s announcement" in a story about Mark Meadows: the possessive
    of a surname ending in s, written as if the s were the possessive's. The
    short spelling appears only with "’s", never with a given name of its
    own, and adding the s gives a person the story names more often."""
    text = analysis.text
    for form in analysis.forms.values():
        owner = analysis.forms.get(form.key + "s")
        if owner is None or not owner.established or not owner.givens:
            continue
        if form.givens or form.established or form.key in given_names():
            continue
        if owner.count <= form.count or len(form.key) < MIN_LENGTH:
            continue
        if all(_POSSESSIVE_AFTER.match(text, token.end) for token, _ in form.tokens):
            yield form, owner


def _majority(
    form: Form, analysis: NameAnalysis, names: NamesList, ctx: CheckContext
) -> Form | None:
    best: Form | None = None
    if any(c.isdigit() for c in form.text):
        return None  # model numbers: A380s beside A300s
    if _INITIALISM.fullmatch(form.text):
        return None  # "A.F.L." beside "N.F.L.": each letter a word, another body
    if form.text.endswith("."):
        return None  # "Rep.-elects": an abbreviated title, not a spelling of a name
    # Spellings two or more letters longer or shorter are never one name slipped
    # (``similar`` and ``_same_given_near`` allow two edits): a long story has
    # hundreds of names under one initial.
    size = len(form.key)
    same_initial = analysis.by_initial.get(form.key[:1], ())
    folded = fold(form.text)
    nearby = [
        o
        for o in same_initial
        if abs(len(o.key) - size) <= _MAX_EDITS or fold(o.text) == folded  # "Pākehā"
    ]
    nearby += _first_letter_slips(form, analysis)
    for other in nearby:
        if other is form:
            continue
        if other.key[:1] == form.key[:1] and not (
            similar(other.text, form.text) or _same_given_near(form, other)
        ):
            continue
        if _same_stem_compound(form.text, other.text):
            continue  # "Idol-style" beside "Idol-type": the name is the same
        if _in_sheet_once(analysis, form) and _in_sheet_once(analysis, other):
            continue  # both in team sheets: each item is a different player
        if not (_person_like(other) or _person_like(form)):
            continue  # no sign that either spelling is a person's name
        if form.givens and other.givens and not _givens_agree(form, other):
            continue  # different first names: different people
        if (
            form.givens
            and not _person_like(other)
            and is_dictionary_word(other.text, ctx.language)
            and not slip_like(form.text, other.text)
        ):
            # "Russ Tice" beside "Time" magazine: a person, and a word no slip of the
            # fingers away ("Kate Tayor" beside a bare "Taylor" is one).
            continue
        if _two_people(form, other):
            continue
        if _named_as(analysis.text, form, other):
            continue  # "Jean Cabut, also known as Cabu": one person's two names
        if _in_correction(analysis.text, form):
            continue  # "An earlier version misspelled his surname as Karatas": on purpose
        if other.only_initial and _known(other, ctx.language) and other.key not in names.by_key:
            continue  # "Half of the lines" opening a sentence is the word, not "Harf"
        if not _beats(other, form, names, ctx.language):
            continue
        if form.key in given_names():
            return None  # "Mary" beside "Mara"
        if (
            is_dictionary_word(form.text, ctx.language)
            and not _rare_word_slip(form, other)
            and not _same_given_near(form, other)
        ):
            return None  # "Beauty" beside "Beatty" (but "Mick Bower" beside "Mick Bauer")
        if best is None or other.count > best.count:
            best = other
    return best


_INITIALISM = regexcache.compile(r"(?:[A-Z]\.){2,}")
_MAX_EDITS = 2  # the most edits between two spellings of one name


# An alias stated between two spellings: "Jean Cabut, also known as Cabu".
_ALIAS = regexcache.compile(
    r"\b(?:(?:also\s+|better\s+|widely\s+)?known\s+as|a\.?k\.?a\.?|alias|nicknamed|dubbed"
    r"|(?:who\s+)?goes\s+by|born|(?:also\s+|sometimes\s+)?(?:spelled|spelt))\b",
    re.IGNORECASE,
)
_ALIAS_REACH = 60  # characters between the two spellings


_CORRECTION = regexcache.compile(
    r"\b(?:misspell(?:ed|s)?|misspelt|incorrectly\s+(?:spelled|spelt|spelling|gave|given))\b"
    r"[^.!?]{0,40}$",
    re.IGNORECASE,
)


def _in_correction(text: str, form: Form) -> bool:
    """Every use of ``form`` is the wrong spelling a correction note names."""
    return all(_CORRECTION.search(text, max(0, t.start - 60), t.start) for t, _ in form.tokens)


def _named_as(text: str, form: Form, other: Form) -> bool:
    """One spelling is given as the other's alias, or its birth name."""
    for a, _ in form.tokens:
        for b, _ in other.tokens:
            lo, hi = (a, b) if a.start < b.start else (b, a)
            if 0 <= hi.start - lo.end <= _ALIAS_REACH and _ALIAS.search(text, lo.end, hi.start):
                return True
    return False


# Rosen, Risen, Kahn: spellings common enough to be two surnames; a bare name
# this common ("Osama" beside Obama) is a name of its own: slips are far rarer.
_COMMON_NAME_ZIPF = 3.0


def _two_people(form: Form, other: Form) -> bool:
    """ "James Rosen ... Mr. Rosen" beside "James Risen ... Mr. Risen": each
    spelling a common one, introduced in full and named again, is a person of
    its own. A slip is seldom introduced and then repeated; an unlisted one
    (Bescent) is too rare to pass."""
    return all(
        f.givens and f.count >= 2 and zipf(f.text) >= _COMMON_NAME_ZIPF for f in (form, other)
    )


_NEAR_GIVEN_LENGTH = 5  # two edits apart needs a name long enough not to be another


def _same_given_near(form: Form, other: Form) -> bool:
    """ "Mick Bower" in a story about "Mick Bauer": with the same given name, a
    surname two edits away (transpositions count one) is the same person,
    although either spelling alone may be a real surname or a word. Only
    when each spelling is always given with that first name, so the shared
    given name is the evidence, not a coincidence in a crowded story."""
    if not (form.givens and other.givens and _givens_agree(form, other)):
        return False
    if min(len(form.key), len(other.key)) < _NEAR_GIVEN_LENGTH:
        return False
    if is_suffix_form(form.key, other.key):
        return False
    if form.key[:1] != other.key[:1] or len(form.givens | other.givens) > 1:
        return False
    distance = OSA.distance(form.key, other.key, score_cutoff=2)
    if distance == 2:
        common = sorted((zipf(form.text), zipf(other.text)))
        if common[1] >= _VERY_COMMON_SURNAME or common[0] >= _COMMON_SURNAME:
            # Harris has many names two edits away (Harrer), other people's; two
            # common names two edits apart (Kerry, Kirby) are two people.
            return False
    return distance <= 2


_VERY_COMMON_SURNAME = 4.0
_COMMON_SURNAME = 3.5


_FIRST_SLIP_LENGTH = 6  # "Navaghi" beside "Ravaghi"; short names differ so by chance (Hall, Ball)
_FIRST_SLIP_ZIPF = 2.0  # both spellings rare: Watson and Batson are two common surnames


def _first_letter_slips(form: Form, analysis: NameAnalysis) -> list[Form]:
    """Spellings that differ from ``form`` in the first letter only. Slips are
    compared within one initial letter, so a mistyped first letter went unseen;
    a long, rare name that matches letter for letter after it is one name."""
    if len(form.key) < _FIRST_SLIP_LENGTH or zipf(form.text) >= _FIRST_SLIP_ZIPF:
        return []
    return [
        other
        for other in analysis.by_tail.get(form.key[1:], ())
        if other.key[:1] != form.key[:1] and zipf(other.text) < _FIRST_SLIP_ZIPF
    ]


_SLIP_WORD_ZIPF = 3.7  # a dictionary word rarer than this is seldom capitalised in running text
_SLIP_MAJORITY = 3  # uses of the established spelling that make a one-off a slip


def _rare_word_slip(form: Form, other: Form) -> bool:
    """A rare dictionary word used once, alone and mid-sentence, where the story
    names an established person one slip away several times: "Abbot spells out"
    beside six "Abbott"s. A common word ("Beauty") or one at a sentence start
    may be meant as itself."""
    if form.count != 1 or not other.established or other.count < _SLIP_MAJORITY:
        return False
    if zipf(form.text) >= _SLIP_WORD_ZIPF:
        return False
    _token, mention = form.body[0] if form.body else form.tokens[0]
    return len(mention.tokens) == 1 and not mention.title and not mention.sentence_initial


def _same_stem_compound(a: str, b: str) -> bool:
    """Two hyphenated words with the same capitalised first part."""
    return "-" in a and "-" in b and a.split("-", 1)[0] == b.split("-", 1)[0]


_SHEET_ITEMS = 4  # a line or sentence listing this many names is a team sheet


def _in_sheet_once(analysis: NameAnalysis, form: Form) -> bool:
    """``_in_sheet`` once per form: each form is compared with many others, and
    a story full of names would re-read every use of it for each comparison."""
    memo: dict[int, bool] = analysis.__dict__.setdefault("_in_sheet", {})
    if id(form) not in memo:
        memo[id(form)] = _in_sheet(analysis.text, form)
    return memo[id(form)]


def _in_sheet(text: str, form: Form) -> bool:
    """Whether a use of the spelling is an item of a comma-separated list of
    short names ("Murphy, Horgan, O'Driscoll, D'Arcy"), as in team sheets.
    Sheets list different people, so two close spellings there are two people."""
    for token, _ in form.tokens:
        start = max(text.rfind("\n", 0, token.start), text.rfind(". ", 0, token.start)) + 1
        stop = min(
            i for i in (text.find("\n", token.end), text.find(". ", token.end), len(text)) if i >= 0
        )
        items = [i.strip() for i in re.split(r"[,;]", text[start:stop])]
        if len(items) >= _SHEET_ITEMS and all(0 < len(i.split()) <= 4 for i in items[1:-1]):
            return True
        if _table_cell(text, token.start):
            return True
    return False


_CELL_WORDS = 4  # a line this short is a cell of a table or an item of a list
_CELL_REACH = 2  # lines looked at on each side


def _table_cell(text: str, start: int) -> bool:
    """Whether the word stands on a short line among short lines: a table or
    list flattened into text ("Bridgend" / "Dr Jamie Wallis" / ... "Andrew
    Bridgen"). Each cell names its own place or person, so two close
    spellings there are two names, as in team sheets."""
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if not 0 < len(text[begin:end].split()) <= _CELL_WORDS:
        return False
    before = [ln for ln in text[max(0, begin - 400) : begin].split("\n") if ln.strip()]
    after = [ln for ln in text[end : end + 400].split("\n") if ln.strip()]
    near = before[-_CELL_REACH:] + after[:_CELL_REACH]
    return len(near) == 2 * _CELL_REACH and all(len(ln.split()) <= _CELL_WORDS for ln in near)


def _person_like(form: Form) -> bool:
    return form.established or bool(form.givens)


def _beats(a: Form, b: Form, names: NamesList, language: str) -> bool:
    """Whether spelling ``a`` is the right one against ``b``: the more frequent
    in the body. On a tie, evidence that does not depend on which occurrence
    was mistyped, strongest first: the headline's spelling, the names lists, the
    dictionary (which knows many surnames: Taylor, Kennedy, never Tayor), the
    more word-like letter sequence; then the one given as a person, then the earlier."""
    if tripled(a.text) != tripled(b.text):
        return tripled(b.text)
    if a.count != b.count:
        return a.count > b.count
    if a.in_headline != b.in_headline:
        return a.in_headline > b.in_headline
    listed_a, listed_b = a.key in names.by_key, b.key in names.by_key
    if listed_a != listed_b:
        return listed_a
    known_a, known_b = _known(a, language), _known(b, language)
    if known_a != known_b:
        return known_a
    common_a, common_b = zipf(a.text), zipf(b.text)
    if abs(common_a - common_b) >= 1.5:
        return common_a > common_b  # "Janeiro" against "Janeir"
    gap = plausibility(a.text) - plausibility(b.text)
    if abs(gap) > PLAUSIBILITY_MARGIN:
        return gap > 0
    if a.established != b.established:
        return a.established
    return a.first < b.first


def _known(form: Form, language: str) -> bool:
    # Short words ("Pap" beside "Pape") are too often some other word.
    return len(form.key) >= MIN_LENGTH and is_dictionary_word(form.text, language)


def _givens_agree(a: Form, b: Form) -> bool:
    return any(given_agrees(x, y) for x in a.givens for y in b.givens)


# -- names.capitalised-typo ------------------------------------------------------


@rule(
    "names.capitalised-typo",
    summary="A capitalised word one slip away from a common word or a name in the story",
    why=(
        "The spell checker leaves capitalised words alone, since any of them may be a "
        "name, so slips such as 'Germnay', 'Parliment' or 'Wednsday' go through. This "
        "rule flags a capitalised word that is rare (by the wordfreq frequency list) "
        "and unknown to the dictionary when one edit, a swap of two letters included, "
        "turns it into a word a hundred times more common, or one or two edits into a "
        "capitalised word the story uses more often. To spare real rare names, the "
        "word must stand where the common word fits: the story capitalises that word "
        "elsewhere, the rest of the capitalised phrase is common words ('Houses of "
        "Parliment'), or the word is a place, month, weekday or institution word. "
        "Words used as a person's name, with a given name or title, or more than once, "
        "are left alone. A word the frequency list has never seen, used once and one "
        "keyboard slip from an everyday word, needs less: it is flagged inside an "
        "institution's name or a title ('Supreme Cuort', 'Home Seccretary'), even at "
        "four letters ('Chna'), when no name stands beside it. An Irish O' name that "
        "lost its apostrophe ('OReilly', 'Obrien') "
        "is flagged when the frequency list knows the apostrophe form ten times more "
        "often; beside the story's own 'O'Reilly' it is names.variant-form's finding. "
        "The fix is unsafe: a rare name may be meant."
    ),
    severity=Severity.WARNING,
    fix=Applicability.UNSAFE,
    examples=[
        Example("Ministers met in Germnay on Tuesday to discuss the budget.", flagged=True),
        Example("Ministers met in Germany on Tuesday to discuss the budget.", flagged=False),
    ],
)
def capitalised_typo(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    analysis = _analysis(doc)
    names = _names(doc, ctx)
    taken: set[str] = doc.analysis("names.misspelled", lambda _: set())
    for typo in find_typos(analysis, names, ctx.language, taken):
        if silenced(doc, ctx, typo.token):
            continue
        if typo.in_story and typo.count:
            times = "once" if typo.count == 1 else f"{typo.count} times"
            message = (
                f"'{typo.token.text}' is spelled '{typo.right}' elsewhere in this article ({times})"
            )
        else:
            message = f"'{typo.token.text}' looks like a misspelling of '{typo.right}'"
        yield Diagnostic(
            meta.id,
            message,
            typo.token.start,
            typo.token.end,
            meta.severity,
            suggestions=(Suggestion(typo.right, Applicability.UNSAFE),),
        )


# -- names.officeholder ------------------------------------------------------------


@rule(
    "names.officeholder",
    summary="A title the names list says the person did not hold on the article's date",
    why=(
        'A stale title ("President Biden" in 2026) or the wrong one ("Treasury '
        "Secretary Marco Rubio\") misinforms readers. The rule reads '<title> "
        "<name>', '<name>, the <title>' and 'the <title>, <name>', also with the title "
        "in lower case ('Democratic nominee Joe Biden', 'Apple chief executive Tim "
        "Cook'), against the offices and dates in the names lists, U.S. party "
        "presidential nominees among them, and the article's date (a U.S. state before the "
        "title makes it the state's office: 'Georgia Secretary of State'), and flags a "
        "person the lists record "
        "as dead who is given a title or a present-tense verb ('Jacques Chirac "
        "says') after their death, or called 'former' while still in the office "
        "('former President Obama' in 2016), or '-elect' outside the months before taking "
        "office ('President-elect Trump' in June 2017). It is silent without a date (archive copy "
        "checked against today's date would flag every past officeholder), when the title "
        "is qualified otherwise ('then-', 'late', also further up the noun phrase: "
        "'then-House Speaker'), for a past relation ('a former adviser to President "
        "Obama'), for history told in the past tense (an act of the holder's own time: "
        "'blocked President Obama's pick'; a living holder whose office ended more than "
        "a term before the story: 'President Jimmy Carter had a mean streak'), for a "
        "nominee after the race (they stay that race's nominee; only a nomination not "
        "yet won is wrong), and for people or titles the lists do not know."
    ),
    severity=Severity.WARNING,
    examples=[
        Example(
            "---\ndate: 2026-02-06\n---\n\nPresident Joe Biden spoke to reporters.",
            flagged=True,
            format="markdown",
        ),
        Example(
            "---\ndate: 2026-02-06\n---\n\nFormer President Joe Biden spoke to reporters.",
            flagged=False,
            format="markdown",
        ),
    ],
)
def officeholder(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    day = doc.article_date
    if day is None:
        return
    analysis = _analysis(doc)
    names = _names(doc, ctx)
    # A state office met in full ("California Secretary of State Alex Padilla")
    # is the same office when the title comes back without the state.
    state_offices: set[tuple[str, str]] = set()
    for mention in analysis.persons():
        if mention.scope == "byline" or silenced(doc, ctx, mention.surname):
            continue
        if _dated_after(doc, mention.start, day):
            continue  # a gallery caption of a later day: the story's date is not its time
        elect = elect_problem(names, mention, day, context_years(doc.text, mention.start, day))
        if elect and _then_title_beside(doc, mention):
            continue  # "President-elect Trump and then-President Obama were briefed": then
        if elect and not doc.in_quotation(Span(mention.start, mention.end)):
            yield Diagnostic(meta.id, elect, mention.start, mention.end, meta.severity)
            continue
        former = _former(mention)
        layout: Layout = "before"
        start = mention.title[0].start if mention.title else mention.start
        if former is None and mention.given and not mention.title:
            former, layout, start = _former_beside(doc.text, mention)
        if former is not None and layout == "before" and _ROLE_AFTER.match(doc.text, mention.end):
            continue  # "a former President Obama political adviser": the adviser is former
        if former is not None:
            problem = former_problem(names, mention, former, day, layout)
            if problem:
                start, end = _with_title(doc.text, mention, former, layout, start)
                yield Diagnostic(meta.id, problem, start, end, meta.severity)
            continue
        found = _titled(doc, mention)
        if found is None:
            if doc.in_quotation(Span(mention.start, mention.end)):
                continue  # a speaker's "Saddam Hussein is gone": their words, not the story's
            problem = dead_problem(names, mention, doc.text, day)
            if problem:
                yield Diagnostic(meta.id, problem, mention.start, mention.end, meta.severity)
            continue
        title, start, layout = found
        state = state_before(doc.text, start) if layout == "before" else ""
        surname = mention.surname.text.casefold()
        if state and not title.casefold().startswith(state.casefold()):
            title = f"{state} {title}"  # a state office: "Georgia Secretary of State"
            state_offices.add((title.casefold().removeprefix(state.casefold()).strip(), surname))
        elif (title.casefold(), surname) in state_offices:
            continue
        if doc.in_quotation(Span(mention.start, mention.end)) or in_speaker_turn(doc, start):
            continue  # the speaker's words, titles and all
        bounds = _sentence_bounds(doc, start)
        if another_time(names, mention, title, day, doc.text, bounds, start):
            continue
        years = context_years(doc.text, mention.start, day)
        problem = officeholder_problem(names, mention, title, day, years, layout)
        if problem:
            start, end = _with_title(doc.text, mention, title, layout, start)
            yield Diagnostic(meta.id, problem, start, end, meta.severity)


_MONTH_YEAR = regexcache.compile(
    rf"\b(?:{'|'.join(MONTH_NAMES)})\s+(?:\d{{1,2}},?\s+)?((?:19|20)\d\d)\b"
)


def _dated_after(doc: Document, offset: int, day: dt.date) -> bool:
    """The sentence dates what it tells to a month of a later year than the
    story's day ("at the debates in June 2019" under a 2016 date): a caption
    added later, or a wrong date, so the day says nothing of its titles."""
    start, end = _sentence_bounds(doc, offset)
    return any(int(m.group(1)) > day.year for m in _MONTH_YEAR.finditer(doc.text, start, end))


_THEN_TITLE = regexcache.compile(r"\b[Tt]hen[- ][A-Z]")
# A role after the holder's name: "former" qualifies it ("a former President
# Obama political adviser" served Obama; Obama is not called former).
_ROLE_AFTER = regexcache.compile(
    r"\s+(?:[a-z]+\s+)?(?:adviser|advisor|aide|spokesman|spokeswoman|spokesperson|strategist"
    r"|staffer|speechwriter|appointee|nominee|official|lawyer|attorney|counsel|envoy|deputy"
    r"|press\s+secretary|chief\s+of\s+staff)s?\b"
)


def _then_title_beside(doc: Document, mention: Mention) -> bool:
    """The sentence gives someone else a "then-" title: it is set in that past."""
    start, end = _sentence_bounds(doc, mention.start)
    return _THEN_TITLE.search(doc.text, start, end) is not None


def _with_title(
    text: str, mention: Mention, title: str, layout: Layout, start: int
) -> tuple[int, int]:
    """The flagged span: the name and its title, wherever the title stands
    ("Paul Ryan, the former Speaker", "the U.S. president, Donald Trump"),
    since the fix is usually in the title."""
    end = mention.end
    if layout == "after":
        at = text.find(title, mention.end, mention.end + 100)
        end = at + len(title) if at >= 0 else end
    elif layout == "apposed":
        at = text.rfind(title, max(0, mention.start - 100), mention.start)
        the = text.lower().rfind("the ", max(0, at - 20), at) if at >= 0 else -1
        start = the if the >= 0 else start
    return start, end


def _sentence_bounds(doc: Document, offset: int) -> tuple[int, int]:
    """The sentence around ``offset`` (the whole text when none holds it)."""
    sentences = doc.sentences
    i = bisect.bisect_right([s.start for s in sentences], offset) - 1
    if i >= 0 and offset < sentences[i].end:
        return sentences[i].start, sentences[i].end
    return 0, len(doc.text)


def _former(mention: Mention) -> str | None:
    """The title of "former <title> <name>" ("ex-" too), or None."""
    if not (mention.title and mention.personal_title and not mention.honorific_only):
        return None
    qualifiers = {t.lower for t in mention.title} | {mention.before}
    if not qualifiers & {"former", "ex"}:
        return None
    return " ".join(t.text for t in mention.title if t.lower not in ("former", "ex", "ex-"))


def _former_beside(text: str, mention: Mention) -> tuple[str | None, Layout, int]:
    """The title of "X, the former Y," or "the former Y, X", its layout, and
    where a flag on it starts ("former" in "former U.S. president X")."""
    title = suffix_former(text, mention.end)
    if title:
        return title, "after", mention.start
    title = apposed_title(text, mention.start)
    if title.casefold().startswith("former "):
        return title.split(None, 1)[1], "apposed", mention.start
    found = lower_former_title(text, mention.start)
    return (found[0], "before", found[1]) if found else (None, "before", mention.start)


def _titled(doc: Document, mention: Mention) -> tuple[str, int, Layout] | None:
    """The title given with the name, where the flagged span starts, and
    where the title stands ("Scott Bessent, the U.S. Treasury Secretary,")."""
    if mention.title and mention.personal_title and not mention.honorific_only:
        qualifiers = {t.lower for t in mention.title} | {mention.before}
        if qualifiers & {"former", "ex", "then", "late", "outgoing", "incoming"}:
            return None
        if any(t.lower.startswith(("then-", "ex-", "former-")) for t in mention.title):
            return None  # "Then-South African President Nelson Mandela"
        return mention.title_text, mention.title[0].start, "before"
    if mention.given:
        title = suffix_title(doc.text, mention.end)
        if title:
            return title, mention.start, "after"
        title = apposed_title(doc.text, mention.start)
        if title and not title.casefold().startswith("former "):
            return title, mention.start, "apposed"
        found = lower_title(doc.text, mention.start)
        if found:
            return found[0], found[1], "before"
    return None


# -- names.first-reference ---------------------------------------------------------

# A pair no given name confirms that opens on an everyday word is a brand, a title or
# a place ("Ask Jeeves", "Total Film", "Better Angels"), unless birth records know the
# word as a given name ("Grant Shapps", "Pete Buttigieg").
_EVERYDAY_OPENING = 4.0
_PLACE_NAMES = PLACES | US_STATES


def _person_tokens(mention: Mention) -> list[Token]:
    """The tokens of the person's name in ``mention``, or none: a person's whole name,
    or an unconfirmed pair that is no place ("West Virginia"), nationality ("South
    African") nor name opening on an everyday word ("Ask Jeeves"). Everyday words
    joined to the front of a name are no part of it ("Americans John Sankus",
    "Democrat Gil Cisneros")."""
    tokens = list(mention.tokens)
    if mention.kind == "person":
        return tokens
    if mention.kind != "candidate":
        return []
    words = [t.lower for t in tokens]
    if " ".join(words) in _PLACE_NAMES or words[-1] in COUNTRY_ADJECTIVES:
        return []
    while tokens and _everyday(tokens[0].lower):
        tokens = tokens[1:]
    return tokens if len(tokens) >= 2 else []


def _everyday(word: str) -> bool:
    known = word in recorded_given_names() or word in wordlike_given_names()
    return not known and zipf(word) >= _EVERYDAY_OPENING


@rule(
    "names.first-reference",
    summary="A surname used before the full name, or the full name repeated later",
    why=(
        "News style gives a person's full name on first reference and the surname "
        "alone after that. A bare surname before the full name leaves readers "
        "guessing; repeating the full name reads as a second person. A capitalised "
        "pair that no given name confirms counts only when it is no place, nationality "
        "or name opening on an everyday word ('West Virginia', 'South African', 'Total "
        "Film'), and an everyday word joined to the front of a name is no part of it "
        "('Democrat Gil Cisneros'). A name written family name first with a hyphenated "
        "given name ('Kim Young-chul') is told to use the family name alone. Headlines, "
        "bylines and quotations are not checked. Set `repeat-full-name = false` in "
        '[rules."names.first-reference"] to allow repeated full names.'
    ),
    severity=Severity.INFO,
    examples=[
        Example(
            "Marsh said the fire started late on Monday. Station Commander Helen Marsh "
            "said crews arrived quickly.",
            flagged=True,
        ),
        Example(
            "Station Commander Helen Marsh said crews arrived quickly. Marsh said the "
            "fire started late on Monday.",
            flagged=False,
        ),
    ],
)
def first_reference(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    options = ctx.options.get(meta.id, {})
    repeat = bool(options.get("repeat-full-name", True))
    analysis = _analysis(doc)
    for form in analysis.forms.values():
        if not form.established:
            continue
        named = [(m, _person_tokens(m)) for _, m in form.body if m.given]
        fulls = [(m, tokens) for m, tokens in named if tokens]
        if not fulls:
            continue
        first, first_tokens = fulls[0]
        # A bare word before an unconfirmed pair is usually a place or a team
        # ("Walmart" ... "San Antonio Walmart"), not a surname used too early.
        early_ok = first.kind == "person"
        full_name = " ".join(t.text for t in first_tokens)
        for token, mention in form.body:
            if mention.start >= first.start or not early_ok:
                break
            if mention.given or (mention.title and not mention.honorific_only):
                continue
            if doc.in_quotation(token.span) or silenced(doc, ctx, token):
                continue
            yield Diagnostic(
                meta.id,
                f"'{token.text}' appears before the full name '{full_name}' is given",
                token.start,
                token.end,
                meta.severity,
            )
        if not repeat:
            continue
        for mention, tokens in fulls[1:]:
            if fold(tokens[0].text) != fold(first_tokens[0].text):
                continue
            if doc.in_quotation(mention.surname.span):
                continue
            surname = _family_name(mention)
            yield Diagnostic(
                meta.id,
                f"'{full_name}' was introduced earlier; use '{surname}' alone",
                mention.start,
                mention.end,
                meta.severity,
                suggestions=(Suggestion(surname, Applicability.UNSAFE),),
            )


# A hyphenated given name after the family name: "Moon Jae-in", "Tsai Ing-wen" (a
# Western double name capitalises both halves: "Jean-Luc").
_SECOND_SYLLABLE = regexcache.compile(r"[A-Z][a-z]+-[a-z]+")


def _family_name(mention: Mention) -> str:
    """The name to use alone after the first reference: the surname, or the family
    name written first ("Kim Young-chul" is Kim)."""
    tokens = mention.tokens
    if len(tokens) == 2 and _SECOND_SYLLABLE.fullmatch(tokens[1].text):
        return tokens[0].text
    return mention.surname.text
