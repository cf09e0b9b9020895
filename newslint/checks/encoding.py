"""structure.encoding-damage: text damaged by a wrong character encoding.

One finding per document (not one per word: the cause is the file, not the
writer), spanning the first to the last damaged word, with every repairable
word repaired (a safe fix when all the damage is mojibake ftfy reverses).
Detection lives in ``newslint.analysis.encoding``, which the spelling check
also reads so it does not report the pieces of damaged words.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from newslint.analysis.encoding import LOST, MOJIBAKE, Damage, document_damage
from newslint.diagnostics import Applicability, Diagnostic, Suggestion
from newslint.document import Document
from newslint.registry import CheckContext, Example, RuleMeta, rule


def _repaired(text: str, found: tuple[Damage, ...]) -> str | None:
    """The text from the first to the last damaged word with every repairable
    word repaired (the rest left as it is), or None when none can be."""
    if all(d.fixed is None for d in found):
        return None
    out, at = [], found[0].start
    for d in found:
        out += [text[at : d.start], text[d.start : d.end] if d.fixed is None else d.fixed]
        at = d.end
    return "".join(out)


def _what(d: Damage) -> str:
    if d.kind == MOJIBAKE:
        return "mis-decoded characters"
    if d.kind == LOST:
        return "a character replaced by '?'"
    return "a replacement character (\ufffd)"


@rule(
    "structure.encoding-damage",
    summary="Text damaged by a wrong character encoding (mojibake, '?' for lost characters).",
    why=(
        "When copy passes through a system that reads its bytes in the wrong encoding, "
        "apostrophes, dashes and accented letters turn into strings like 'donâ€™t' and "
        "'cafÃ©', or into '?' ('hadn?t', 'th?tre'). Readers see broken text; the cause is "
        "the file, not the writer, so it is reported once per document rather than as "
        "misspellings. Mis-decoded characters can be reversed exactly (ftfy), a lost "
        "apostrophe can be guessed, other lost characters must be restored by hand from "
        "the original."
    ),
    fix=Applicability.SAFE,
    examples=[
        Example(
            "The mayor said she didnâ€™t expect the vote to pass.\n",
            flagged=True,
            fixed="The mayor said she didn’t expect the vote to pass.\n",
        ),
        Example("The festival returned to the cafÃ© on Friday.\n", flagged=True),
        Example("The council hadn?t planned for the storm.\n", flagged=True),
        Example("The mayor said she didn’t expect the café to close.\n", flagged=False),
        Example("Why? Because the council ran out of money.\n", flagged=False),
    ],
)
def encoding_damage(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    found = document_damage(doc)
    if not found:
        return
    first = found[0]
    words = doc.text[first.start : first.end]
    more = ""
    if len(found) > 1:
        starts = [p.start for p in doc.paragraphs]
        paragraphs = len({bisect.bisect_right(starts, d.start) for d in found})
        where = f" in {paragraphs} paragraphs" if paragraphs > 1 else ""
        more = f" ({len(found)} damaged words{where})"
    message = (
        f"Encoding damage: '{words}' has {_what(first)}{more}; "
        "the text was read or saved in the wrong character encoding"
    )
    repaired = _repaired(doc.text, found)
    suggestions: tuple[Suggestion, ...] = ()
    if repaired is not None:
        exact = all(d.kind == MOJIBAKE and d.fixed is not None for d in found)
        applicability = Applicability.SAFE if exact else Applicability.UNSAFE
        suggestions = (Suggestion(repaired, applicability),)
    yield Diagnostic(meta.id, message, first.start, found[-1].end, meta.severity, suggestions)
