"""Link cards a news page prints after a person's name, kept by a copy of its text.

Some sites link a person's name to a card that gives their full name and the
headlines of other stories about them, ending in a "MORE" button. Copied as
text, the card lands inside the sentence, glued to the name:

    said Rep. Steny Hoyer Steny Hamilton HoyerCongress hunts for ... MORE (Md.), the

The evidence is the card's shape, not its words: the name as written, then
the full name ending in the same surname (often run straight into the first
headline's capital), and an all-capitals "MORE" on the same line. The card is
page furniture: filler.web-furniture reports it, and the loaders add it to
the regions no other check reads (its headlines are not the story's prose).
"""

from __future__ import annotations

from newslint import regexcache

_MORE = regexcache.compile(r"(?<![\w-])MORE(?![\w-])")
# The name as written, then the card's full name ending in the same surname, run
# into the first headline ("Hoyer Steny Hamilton HoyerCongress", "McCain John
# Sidney McCain2020 Democrats", "Ryan Paul Davis Ryan Retirees", "Corallo" glued
# to a repeat of itself: "Mark CoralloMark CoralloThe 81 names").
_NAME_TWICE = regexcache.compile(
    r"(?<![\w'’-])(?P<surname>(?:Mc|Mac|O['’]|De|Di|La|Le)?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)"
    r"\s*(?P<card>(?:(?:[A-Z][\w'’.-]*|\([A-Z][\w'’.-]*\)|de|da|di|du|del|van|von|la|le|bin|al)"
    r"\s+){1,4}(?P=surname))(?=[A-Z0-9]|\s+[A-Z0-9])"
)
_REACH = 600  # characters from the name to "MORE": a card holds three headlines or so


def link_cards(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each name link card in ``text[start:end]``, from the full
    name to the end of "MORE"."""
    end = len(text) if end is None else end
    if "MORE" not in text[start:end]:
        return []  # fast path: nearly every story
    cards: list[tuple[int, int]] = []
    floor = start
    for more in _MORE.finditer(text, start, end):
        line_start = text.rfind("\n", 0, more.start()) + 1
        lower = max(floor, line_start, more.start() - _REACH)
        name = _NAME_TWICE.search(text, lower, more.start())
        if name is None:
            continue
        # "Dana Whitlow Dana Marie Whitlow...": the given name repeats too; the
        # card is the last repeat that overlaps the first.
        while (later := _NAME_TWICE.search(text, name.start("card"), more.start())) and (
            later.start() < name.end()
        ):
            name = later
        cards.append((name.start("card"), more.end()))
        floor = more.end()
    return cards
