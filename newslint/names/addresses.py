"""A name spelled one way beside an e-mail address that spells it another:
"Siobhan Bailie" next to "siobhan.baillie.mp@parliament.uk".

An address is usually copied from a directory, so its letters are evidence of
the person's own spelling. Only an address whose local part holds the given
name of the person beside it counts ("siobhan."), so a press office's address
or another person's is never compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newslint.names.extract import NameAnalysis, Token
from newslint.names.similar import fold, similar

_EMAIL = regex.compile(r"(?<![\w.+-])([\p{L}\p{Nd}._+-]+)@[\p{L}\p{Nd}-]+(?:\.[\p{L}\p{Nd}-]+)+")
_NEAR = 200  # characters between the name and the address: a table row, a contact line


@dataclass(frozen=True)
class AddressSlip:
    token: Token  # the surname as written in the text
    right: str  # the surname as the address spells it, capitalised


def find_address_slips(analysis: NameAnalysis) -> Iterator[AddressSlip]:
    text = analysis.text
    addresses = [(m.start(), fold(m.group(1))) for m in _EMAIL.finditer(text)]
    if not addresses:
        return
    for mention in analysis.persons():
        if not mention.given or len(mention.tokens) < 2:
            continue
        given, surname = fold(mention.given), mention.surname
        # Addresses drop hyphens and apostrophes: "Rees-Mogg" is "reesmogg".
        letters = regex.sub(r"[^\p{L}]", "", fold(surname.text))
        for start, local in addresses:
            if not -_NEAR < start - mention.end < _NEAR:
                continue
            parts = regex.split(r"[._+-]", local)
            if given not in parts:
                continue
            rest = parts[parts.index(given) + 1 :]
            if not rest or letters in (rest[0], "".join(rest[:2]), "".join(rest)):
                continue
            if similar(rest[0], letters):
                yield AddressSlip(surname, rest[0][:1].upper() + rest[0][1:])
                break
