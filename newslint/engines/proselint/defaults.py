"""Which proselint checks newslint runs by default on news copy.

Every check is available as ``proselint.<check path>``; those listed here are
off unless selected (``--extend-select proselint.misc.but``). A key is a
proselint check path or a prefix of one. The decisions come from counting
``proselint check`` findings on 300 professionally edited BBC News articles
(benchmarks/proselint_parity.py) and reading them: a check is off when its
findings there were mostly false alarms or a matter of house style.
"""

from __future__ import annotations

from newslint.diagnostics import Applicability

# proselint itself turns these off (``"restricted": false`` in its default
# config); a family selector (``--select proselint``) leaves them off too.
RESTRICTED = "restricted"

OFF_BY_DEFAULT: dict[str, str] = {
    RESTRICTED: (
        "it flags every word outside a restricted vocabulary (the 1,000 most common "
        "words, or an elementary list), which is a writing exercise, not an edit; "
        "proselint's own default configuration turns it off"
    ),
    "typography.symbols.ellipsis": (
        "it asks for the single ellipsis character instead of three periods, but AP "
        "style and most news systems write three periods; it was the largest source "
        "of false alarms (165 of 287) on LanguageTool's correct example sentences"
    ),
    "typography.symbols.curly_quotes": (
        "it asks for curly quotes, which many house styles and most news systems "
        "reject in favour of straight quotes; 262 of the 404 findings on 300 BBC "
        "articles were this check"
    ),
    "social_awareness.sexism": (
        "on news copy it mostly flags official titles such as 'Federal Reserve "
        "chairman Alan Greenspan' (39 findings on 300 BBC articles, all titles), "
        "which a reporter must quote as the organisation styles them"
    ),
    "misc.but": (
        "starting a paragraph with 'But' is standard news style (17 findings on "
        "300 BBC articles, none an error)"
    ),
    "lexical_illusions": (
        "its repeated-word pattern runs across paragraph breaks, so a headline "
        "that ends with the word the story opens with is flagged (8 of its 9 "
        "findings on 300 BBC articles)"
    ),
    "dates_times.dates.dash_and_from": (
        "it takes the thousands comma in 'from 157,000 to 133,000' for a dash "
        "(all 6 findings on 300 BBC articles were such figures)"
    ),
    "typography.diacritical_marks": (
        "it asks for 'résumé' where news copy means the verb 'resume' (both "
        "findings on 300 BBC articles)"
    ),
    "weasel_words.very": (
        "'very' is ordinary in edited news copy and in the speech it quotes: 238 "
        "findings on 2,225 BBC articles, the largest single source of noise"
    ),
    "misc.phrasal_adjectives.ly": (
        "hyphenating an -ly adverb is a house-style choice (British copy does it, "
        "AP does not; the opt-in ap.ly-hyphen rule covers AP houses), and it "
        "misreads words such as 'fly-half': 148 findings on 2,225 BBC articles"
    ),
    "typography.symbols.multiplication": (
        "it asks for the multiplication sign in names such as '4x100m relay' and "
        "'4x4' (22 findings on 2,225 BBC articles, none a multiplication)"
    ),
    "dates_times.am_pm.lowercase_periods": (
        "'9pm' or '9 p.m.' is house style (BBC and most British copy write '9pm', AP "
        "writes '9 p.m.'; the opt-in ap.time-format rule covers AP houses)"
    ),
    "dates_times.am_pm.spacing": ("the space in '9 pm' is house style, as for lowercase_periods"),
    "spelling.consistency": (
        "spelling.variant-mix reports US/British mixing and leaves names alone; this "
        "check took the product name 'Media Center' and the word 'advisory' for "
        "inconsistent spellings (8 findings on the 1,340 BBC dev-split articles, none "
        "an error)"
    ),
    "spelling.er_or": (
        "its list mixes misspellings that spelling.unknown already reports (invester) "
        "with accepted variants (adaptor, the usual British form; imposter): all 6 "
        "findings on the 1,340 BBC dev-split articles were 'adaptor'"
    ),
    "dates_times.dates.decade_apostrophes": (
        "it takes the possessive of a name ending in a figure for a decade ('the FTSE "
        "100's decline', 'Band Aid 20's remake', 'the 7610's functions'): 5 of its 6 "
        "findings on the 1,340 BBC dev-split articles"
    ),
    "dates_times.am_pm.midnight_noon": (
        "its pattern has no word boundary, so it finds '12 am' inside '2012 among' "
        "(both its findings on the iu_human dev split)"
    ),
    "misc.capitalization.seasons": (
        "it flags capitalised seasons in headlines and names ('Winter Olympic "
        "Games'), the only kind of finding on 300 BBC articles"
    ),
}


# Checks whose findings are advice a copy editor may well reject (clichés,
# redundancies, hedges, intensifiers) rather than errors: they report at
# info, shown but below the default fail-on level. On 2,225 BBC articles
# these were 230 of the 322 proselint findings left on by default, nearly
# all in copy the BBC's editors had passed ("for free", "still remains").
ADVISORY: tuple[str, ...] = (
    "cliches",
    "redundancy",
    "hedging",
    "weasel_words",
    "misc.greylist",
    "typography.punctuation",
    "industrial_language",
    "psychology",
    "oxymorons",
    "mixed_metaphors",
    "archaism",
    # Runs of spaces after a full stop: web pages and publishing systems collapse
    # them, so readers never see them; in copy pasted from such a system they
    # mark lost paragraph breaks (8 of the 26 findings on the iu_human dev split).
    "typography.symbols.sentence_spacing",
    # Words whose usage is disputed ("hopefully" as a sentence adverb, which AP
    # accepts since 2012): a style debate, not an error (3 of 3 findings in BBC
    # dev-split copy its editors passed).
    "skunked_terms",
    # House-style preferences, not errors: on the DEV-split clean copy (1,340 BBC and
    # 66 iu_human articles, every finding judged by hand in
    # benchmarks/data/real_copy/finding_verdicts.tsv) none of their 25 findings was a
    # slip an editor would fix. Garner's preferred forms flagged British spellings
    # ('moustache'), 'Meantime', 'with regards to', an all-caps region abbreviation and
    # 'all of the time' (10); the month-year comma check flagged day-month-year dates
    # ('15 December, 1953', house style) and a figure after a date (6); compound-modifier
    # hyphens ('long term care', 'intellectual property rights') are house style (3);
    # and the rest are word-choice advice: 'very true' (2), 'Suddenly', 'bird-like',
    # 'Saudi Arabian prince', 'cell phone' (1 each).
    "misc.preferred_forms",
    "dates_times.dates.month_year_comma",
    "misc.phrasal_adjectives",
    "uncomparables",
    "misc.suddenly",
    "terms.animal_adjectives",
    "terms.denizen_labels",
    "needless_variants",
)


def is_advisory(path: str) -> bool:
    return any(path == p or path.startswith(p + ".") for p in ADVISORY)


def default_off_reason(path: str) -> str | None:
    """Why ``path`` is off by default, or None when it is on."""
    for prefix, reason in OFF_BY_DEFAULT.items():
        if path == prefix or path.startswith(prefix + "."):
            return reason
    return None


def is_restricted(path: str) -> bool:
    return path == RESTRICTED or path.startswith(RESTRICTED + ".")


# A proselint replacement with any of these offers alternatives ("because /
# since", "quell' or 'quash") or is a pattern, not text to paste in.
_AMBIGUOUS = ("/", "\\", " or ", "[", "]", "(", ")", "|", "?", "*", "+", "{", "}", "^", "$")


def replacement_applicability(replacement: str | None) -> Applicability | None:
    """How far one proselint replacement may be trusted: never safe (they are
    not reviewed for news copy and drop the capitalisation of what they replace)."""
    if not replacement or not replacement.strip():
        return None
    if any(mark in replacement for mark in _AMBIGUOUS):
        return Applicability.DISPLAY
    return Applicability.UNSAFE
