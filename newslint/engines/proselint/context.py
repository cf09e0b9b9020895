"""Where a proselint match stands says whether it is the writer's wording.

proselint matches phrases wherever they occur; newslint keeps every match (so
``--select proselint`` reports what proselint reports) but lowers to
information the two kinds that, on professionally edited copy, are never the
writer's slip:

- a match that is part of a proper name: every word of it capitalised, with
  another capitalised word right beside it mid-sentence ("the John Marshall
  Law School", a surname in a person's full name): the name is spelled as its
  owner spells it, whatever a phrase list says of the words;
- "(R)" written after a person's name and a space, as US copy tags a
  politician's party ("Sen. Rand Paul (R) of Kentucky"): no trademark.
"""

from __future__ import annotations

import re

from newslint import regexcache

# Checks about capital letters themselves (monday -> Monday) keep their severity.
_ABOUT_CAPITALS = ("capitalization",)
_WORD = regexcache.compile(r"[A-Za-z][\w'’.-]*")
_CAPITALISED = regexcache.compile(r"[A-Z][A-Za-z'’.-]*[a-z]")
# The capitalised word right before a match (not a sentence's first word), and
# the one right after.
_NAME_BEFORE = regexcache.compile(r"\b[A-Z][A-Za-z'’.-]*[a-z][ \t]+$")
_NAME_AFTER = regexcache.compile(r"[ \t]+[A-Z][A-Za-z'’-]*[a-z]\b")
_SENTENCE_END = '.!?:;"“”(—–'
# A person's full name and a space: "(R)" after it is a party tag or, in a
# caption, a place in the picture; a brand's mark follows the brand closed up.
_FULL_NAME_BEFORE = regexcache.compile(
    r"\b[A-Z][a-z][\w'’-]*\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]*[a-z][ \t]+$"
)
_PARTICLE_BEFORE = regexcache.compile(r"Van|Von|De|Du|Del|Della|Di|Da|Le|La|Mac|St\.?")
# A politician's party tag: "(R)" after a surname, then " of <Place>", a
# punctuation mark or the end of the clause; or a title of office shortly before.
_PARTY = ("(R)",)
_TAG_AFTER = regexcache.compile(r"(?:\s+of\s+[A-Z]|\s*[,.;:)\u2013\u2014-]|\s*$)")
_OFFICE_BEFORE = regexcache.compile(
    r"\b(?:Sen|Sens|Rep|Reps|Gov|Del)\.\s|\b(?:Senator|Representative|Congressman|"
    r"Congresswoman|Speaker|Governor|[Ll]eader|Chairman|Chairwoman|Mayor|Whip)\b"
)
REACH = 60  # characters looked at before a match
TITLE_CASE_SHARE = 0.6  # a line with this share of capitalised words is a title


def _title_case_line(line: str) -> bool:
    """A headline in title case ("Council Backs New Bridge Plan"): every word a capital."""
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def in_proper_name(text: str, start: int, end: int, path: str) -> bool:
    """The match is capitalised words inside a longer run of capitalised words."""
    if any(part in path for part in _ABOUT_CAPITALS):
        return False
    words = _WORD.findall(text[start:end])
    if not words or not all(_CAPITALISED.fullmatch(w.rstrip(".")) for w in words):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if _title_case_line(text[line_start : len(text) if line_end < 0 else line_end]):
        return False
    return _name_before(text, max(line_start, start - REACH), start) or (
        _NAME_AFTER.match(text, end) is not None
    )


def _name_before(text: str, reach: int, start: int) -> bool:
    """A capitalised word right before ``start`` that does not open its sentence,
    or a name particle that does ("Van Dyke was sentenced")."""
    found = _NAME_BEFORE.search(text, reach, start)
    if found is None:
        return False
    if _PARTICLE_BEFORE.fullmatch(found.group().rstrip()):
        return True
    line_start = text.rfind("\n", 0, found.start()) + 1
    before = text[line_start : found.start()].rstrip()
    return bool(before) and before[-1] not in _SENTENCE_END


def party_tag(text: str, start: int, end: int) -> bool:
    """ "(R)" right after a capitalised name and a space, as a party tag; or after
    the name's link card that a copied page left in ("... MORE (R)")."""
    if text[start:end] not in _PARTY:
        return False
    if _after_link_card(text, start) or _FULL_NAME_BEFORE.search(
        text, max(0, start - REACH), start
    ):
        return True  # "John Cox (R) secured", a caption's "Elaine Chao (R) at his side"
    if not _NAME_BEFORE.search(text, max(0, start - REACH), start):
        return False  # a name (a sentence's first word too: "Mr. Paul (R)")
    before = text[max(0, start - REACH) : start]
    return _TAG_AFTER.match(text, end) is not None or _OFFICE_BEFORE.search(before) is not None


# "501(c)(4)", "section 2(c)": a lettered clause of a code, not a copyright sign.
_CLAUSE_OF_CODE = regexcache.compile(r"[\w)]$")
# "more than a third of all", "more than 340,000 in all": a share of a whole or a
# total, which is logical; the check is after "more than all".
_SHARE_OF_ALL = regexcache.compile(r"(?i)more\s+than\s+.*\b(?:of|in)\s+all$")


def code_clause(text: str, start: int, end: int, path: str) -> bool:
    """A "(c)" match that is a clause of a code or law ("501(c)(4)"), or a
    caption's "(C)" for the one in the centre after a full name."""
    if path != "typography.symbols.copyright":
        return False
    if text[start:end] == "(C)" and _FULL_NAME_BEFORE.search(text, max(0, start - REACH), start):
        return True  # "Qassem Soleimani (C) attends ..."
    return bool(
        _CLAUSE_OF_CODE.search(text, max(0, start - 1), start) or text[end : end + 1] == "("
    )


# "such august groups", "an august body": the adjective, not the month.
_ADJECTIVE_AUGUST = regexcache.compile(
    r"\b(?:such|an|the|this|that|these|those|most|more|very|its|their|his|her|our|so)\s+$",
    re.IGNORECASE,
)


def august_adjective(text: str, start: int, end: int, path: str) -> bool:
    """A "months" match on "august" after a determiner: the adjective."""
    return (
        path == "misc.capitalization.months"
        and text[start:end] == "august"
        and bool(_ADJECTIVE_AUGUST.search(text, max(0, start - 12), start))
    )


def share_of_all(text: str, start: int, end: int, path: str) -> bool:
    """An "illogic" match that counts a share of a whole ("more than a third of all")."""
    return path == "misc.illogic" and bool(_SHARE_OF_ALL.fullmatch(text, start, end))


def _after_link_card(text: str, start: int) -> bool:
    before = text[max(0, start - 8) : start].rstrip()
    if not before.endswith(("MORE", "MORE's", "MORE’s")):
        return False
    from newslint.analysis.link_cards import link_cards

    line_start = text.rfind("\n", 0, start) + 1
    return any(not text[end:start].strip(" '’s") for _, end in link_cards(text, line_start, start))


def demoted(text: str, start: int, end: int, path: str) -> bool:
    """Whether a proselint match is a name, a party tag, a code's clause or a share
    of a whole, not the writer's wording or not wrong."""
    return (
        party_tag(text, start, end)
        or in_proper_name(text, start, end, path)
        or code_clause(text, start, end, path)
        or share_of_all(text, start, end, path)
        or august_adjective(text, start, end, path)
    )
