"""Is a document, or a paragraph of it, English?

Evidence, not a model: the share of lowercase words the English dictionary
knows. Capitalised words are left out (names tell nothing, and German
capitalises every noun); words in a script without case (Chinese, Arabic,
Hindi) count against English. Edited English news scores 0.85-1.0 on this
measure, German, French and Spanish pages 0.25-0.55 (measured on the dev
split of the BBC and trafilatura corpora), so one threshold separates them.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newslint import regexcache
from newslint.document import Document
from newslint.spans import Span

_TOKEN = regexcache.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
ENGLISH_SHARE = 0.7  # below this a text is not English
MIN_WORDS = 12  # fewer counted words than this: too little to tell
# A paragraph needs more evidence: a short one with two typos is still English.
PARAGRAPH_MIN_WORDS = 8
PARAGRAPH_SHARE = 0.5
SENTENCE_MIN_WORDS = 5  # a German sentence quoted in an English paragraph
# The fewest unknown words a foreign sentence can have: more than half of
# SENTENCE_MIN_WORDS counted words.
_SENTENCE_MIN_UNKNOWN = SENTENCE_MIN_WORDS // 2 + 1
# A document declared in another language is English only when its words say so
# clearly: edited English copy scores 0.85 and up.
DECLARED_ENGLISH_SHARE = 0.85


@dataclass(frozen=True)
class LanguageEvidence:
    english: int  # lowercase words the dictionary knows
    counted: int  # lowercase words, plus words in a script without case

    @property
    def share(self) -> float:
        return self.english / self.counted if self.counted else 1.0

    def foreign(self, min_words: int = MIN_WORDS, share: float = ENGLISH_SHARE) -> bool:
        return self.counted >= min_words and self.share < share


def evidence(tokens: Iterable[str], known: Callable[[str], bool]) -> LanguageEvidence:
    english = counted = 0
    for token in tokens:
        if not token.isascii() and _disguised(token):
            continue  # "quіck" with a Cyrillic і: English in disguise, no evidence either way
        if token.islower():
            counted += 1
            english += known(token.replace("’", "'"))
        elif not token[0].isupper() and not any(c.isupper() or c.islower() for c in token):
            # (A capital first letter is a cased letter: most tokens here stop at it.)
            counted += 1  # a script without case: not English
    return LanguageEvidence(english, counted)


def _disguised(token: str) -> bool:
    """Latin letters mixed with look-alikes from another script (spelling.mixed-script
    reports them): foreign words have no Latin letter in them."""
    from newslint.engines.spelling.scripts import mixes_scripts, script_name, scripts

    return mixes_scripts(token) and script_name(scripts(token).other or "") in _LOOKALIKES


# Scripts whose letters pass for Latin ones.
_LOOKALIKES = frozenset({"Cyrillic", "Greek", "Fullwidth"})


@dataclass(frozen=True)
class DocumentLanguage:
    whole: LanguageEvidence
    foreign_paragraphs: tuple[Span, ...]  # paragraphs and sentences of another language
    declared: str | None = None  # a language other than English the source declares

    @property
    def english(self) -> bool:
        if self.declared is not None:
            # The source says so: believe it unless the words plainly read as English
            # (a site template's tag on an English page). Too few words to tell: believe it.
            return self.whole.counted >= MIN_WORDS and self.whole.share >= DECLARED_ENGLISH_SHARE
        return not self.whole.foreign()


class _Known(dict[str, bool]):
    """The en-GB dictionary's verdict on each word, looked up once per process
    (the same words recur in every story)."""

    def __missing__(self, word: str) -> bool:
        from newslint.engines.spelling.lexicon import lexicon

        if len(self) >= 200_000:  # a long-lived process stays bounded
            self.clear()
        found = self[word] = lexicon("en-GB").known(word)
        return found


_KNOWN = _Known()


@functools.lru_cache(maxsize=4096)
def _span_evidence(text: str) -> LanguageEvidence:
    """Evidence for one paragraph or sentence; memoised because an editor
    re-lints the same unchanged paragraphs on every keystroke."""
    return evidence(_TOKEN.findall(text), _KNOWN.__getitem__)


def declared_other_language(doc: Document) -> str | None:
    """The language tag the document declares (<html lang>, og:locale, front matter
    ``lang``/``language``) when it is not English, else None. Many pages declare
    "en" whatever they hold (a template default), so only another language counts
    as evidence; an "en" page is judged by its words alone."""
    tag = doc.declared_language or doc.front_matter.get("lang") or doc.front_matter.get("language")
    if not isinstance(tag, str) or not tag.strip():
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    if primary in ("en", "eng", "english", "x", "und", "mul", "zxx") or not primary.isalpha():
        return None
    return tag.strip()


def document_language(doc: Document) -> DocumentLanguage:
    """The language evidence of ``doc``, computed once and shared. The en-GB
    dictionary is used whatever the configured variant: it accepts both."""
    known = _KNOWN.__getitem__

    def compute(d: Document) -> DocumentLanguage:
        foreign = []
        # A sentence reads as foreign only with enough unknown words, and they
        # are its paragraph's too: most paragraphs spare their sentences a look.
        doubtful: set[Span] = set()
        # The whole text's evidence is its paragraphs' plus that of any text
        # between them (words never cross a paragraph's edge), so no word is
        # looked up twice.
        english = counted = 0
        end = 0
        for p in d.paragraphs:
            if p.start < end:  # overlapping paragraphs: count the whole text afresh
                english = counted = -1
            gap = evidence(_TOKEN.findall(d.text, end, p.start), known) if p.start > end else None
            found = _span_evidence(d.text[p.start : p.end])
            if english >= 0:
                english += found.english + (gap.english if gap else 0)
                counted += found.counted + (gap.counted if gap else 0)
            end = max(end, p.end)
            if found.foreign(PARAGRAPH_MIN_WORDS, PARAGRAPH_SHARE):
                foreign.append(p)
            if found.counted - found.english >= _SENTENCE_MIN_UNKNOWN:
                doubtful.add(p)
        if english < 0:
            whole = evidence(_TOKEN.findall(d.text), known)
        else:
            tail = evidence(_TOKEN.findall(d.text, end), known)
            whole = LanguageEvidence(english + tail.english, counted + tail.counted)
        paragraph_set = set(d.paragraphs)
        paragraph_starts = [p.start for p in d.paragraphs]
        for s in d.sentences:
            i = bisect.bisect_right(paragraph_starts, s.start) - 1
            home = d.paragraphs[i] if i >= 0 and s.end <= d.paragraphs[i].end else None
            if home is not None and home not in doubtful:
                continue
            # A sentence that is a whole paragraph is held to the paragraph's bar.
            least = PARAGRAPH_MIN_WORDS if s in paragraph_set else SENTENCE_MIN_WORDS
            if _span_evidence(d.text[s.start : s.end]).foreign(least, PARAGRAPH_SHARE):
                foreign.append(s)
        return DocumentLanguage(whole, tuple(foreign), declared_other_language(d))

    return doc.analysis("language", compute)
