"""structure.encoding-damage: text damaged by a wrong character encoding.

One finding per damaged paragraph (not one per word: the cause is the file,
not the writer), with the repaired text when every damaged word in it can be
repaired. Detection lives in ``newslint.analysis.encoding``, which the
spelling check also reads so it does not report the pieces of damaged words.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from newslint.analysis.encoding import LOST, MOJIBAKE, Damage, document_damage
from newslint.diagnostics import Applicability, Diagnostic, Suggestion
from newslint.document import Document
from newslint.registry import CheckContext, Example, RuleMeta, rule


def _regions(doc: Document, found: tuple[Damage, ...]) -> list[list[Damage]]:
    """Damage grouped by paragraph (damage outside every paragraph stands alone)."""
    starts = [p.start for p in doc.paragraphs]
    groups: dict[int, list[Damage]] = {}
    for i, d in enumerate(found):
        p = bisect.bisect_right(starts, d.start) - 1
        inside = p >= 0 and doc.paragraphs[p].end >= d.end
        groups.setdefault(p if inside else -1 - i, []).append(d)
    return list(groups.values())


def _repaired(text: str, region: list[Damage]) -> str | None:
    """The region's text with every damaged word repaired, or None when one cannot be."""
    if any(d.fixed is None for d in region):
        return None
    out, at = [], region[0].start
    for d in region:
        out += [text[at : d.start], d.fixed or ""]
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
        "the file, not the writer, so it is reported once per paragraph rather than as "
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
    for region in _regions(doc, found):
        start, end = region[0].start, region[-1].end
        first = region[0]
        words = doc.text[first.start : first.end]
        more = f" and {len(region) - 1} more in this paragraph" if len(region) > 1 else ""
        message = (
            f"Encoding damage: '{words}' has {_what(first)}{more}; "
            "the text was read or saved in the wrong character encoding"
        )
        repaired = _repaired(doc.text, region)
        suggestions: tuple[Suggestion, ...] = ()
        if repaired is not None:
            exact = all(d.kind == MOJIBAKE for d in region)
            applicability = Applicability.SAFE if exact else Applicability.UNSAFE
            suggestions = (Suggestion(repaired, applicability),)
        yield Diagnostic(meta.id, message, start, end, meta.severity, suggestions)
