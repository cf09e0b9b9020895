"""Filler that needs structure, not just phrases: SEO sections (FAQ,
"Conclusion", "Key Takeaways" headings; runs of question headings or Q:/A:
pairs; essay outlines of generic section labels). Questions and calls to
action aimed at the reader are in ``reader.py``.

Phrase-level filler lives in the ``rules/filler.toml`` pack.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint import regexcache
from newslint.diagnostics import Diagnostic
from newslint.document import Document
from newslint.registry import CheckContext, Example, RuleMeta, rule
from newslint.spans import Span

# -- filler.seo-section ----------------------------------------------------------

# Headings that belong to a search-engine template, not to a news story.
# "Key points" and "Summary" on their own are left alone: news sites use them
# for fact boxes.
_SEO_HEADING = regexcache.compile(
    r"(?:faqs?|frequently asked questions|common questions|questions and answers"
    r"|(?:in )?conclusions?|concluding (?:thoughts|remarks)|(?:final|closing) (?:thoughts|words)"
    r"|(?:key |main )?takeaways?|key points to (?:remember|note|know)|things to (?:remember|know)"
    r"|(?:the )?bottom line|wrapping (?:it )?up|wrap-?up|to sum (?:it )?up|in summary|tl;? ?dr"
    r"|what (?:this|it) means for you|how (?:this|it) affects you|why (?:this|it) matters to you"
    r"|future (?:trends|outlook|prospects|developments)(?: (?:in|of|for) .{1,60})?"
    r"|introduction|everything you need to know(?: about .{1,60})?|pros and cons(?: of .{1,60})?)",
    re.IGNORECASE,
)
_TRAILING = " \t:.!-–—"
DEFAULT_QUESTION_RUN = 3
DEFAULT_LABEL_RUN = 3
# Evidence that a run of labels is an essay outline rather than page or recipe
# sections ("Ingredients", "Comments", "References"): the abstract nouns essay
# templates are built from. A seed, used only inside a run of generic labels.
_OUTLINE_NOUN = regexcache.compile(
    r"\b(?:benefits?|challenges?|opportunit(?:y|ies)|impacts?|implications?|importance|roles?"
    r"|overview|background|future|outlook|ahead|insights?|tips|strategies|factors?|significance"
    r"|advantages?|disadvantages?|solutions?|trends?|considerations?|perspectives?|basics"
    r"|understanding|introduction|conclusions?|lessons?)\b",
    re.IGNORECASE,
)
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "in",
        "on",
        "for",
        "to",
        "with",
        "at",
        "by",
        "from",
        "into",
        "its",
        "their",
        "our",
        "your",
        "what",
        "how",
        "why",
        "is",
        "are",
        "vs",
        "or",
    ]
)
_FIRST_PERSON = regexcache.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|mine)\b")
_LABEL_WORDS = 6


@rule(
    "filler.seo-section",
    summary="A search-engine template section (FAQ, Conclusion, Key Takeaways) in a news story.",
    why=(
        "Sections headed 'Frequently Asked Questions', 'Conclusion', 'Key Takeaways' or "
        "'Future Trends in ...', runs of headings that are all questions or Q:/A: pairs, "
        "and essay outlines (three or more short generic section labels in a row such as "
        "'Introduction', 'Key Benefits', 'Challenges and Opportunities', 'The Road Ahead', "
        "none naming a person, place, number or event beyond the story's topic) come from "
        "SEO templates and machine-written copy; a news story is organised by what "
        "happened, not by a search engine's idea of an article. In plain text a heading "
        "is a short line with no end punctuation over its paragraph. It does not flag "
        "fact boxes such as 'Key points', a single question heading in an explainer, "
        "an explainer whose question sections are reported (half or more of them quote a "
        "named speaker directly), or an interview whose answers are in the first person. "
        "Options: question-headings = 3 (how many question headings or Q:/A: pairs in a "
        "row count as an SEO run; 0 turns that part off); label-headings = 3 (how many "
        "generic labels in a row count as an essay outline; 0 turns that part off)."
    ),
    examples=[
        Example(
            "# Tram line approved\n\nThe board voted 11-4.\n\n## Frequently Asked Questions\n\n"
            "The line opens in 2031.\n",
            flagged=True,
            format="markdown",
        ),
        Example(
            "Tram line approved\n\nThe board voted 11-4 on Tuesday.\n\nBackground\n\n"
            "Light rail has changed cities.\n\nKey Benefits\n\nTrams are quiet.\n\n"
            "Challenges and Opportunities\n\nMoney is short.\n",
            flagged=True,
        ),
        Example(
            "# Tram line approved\n\nThe board voted 11-4.\n\n## Reaction\n\n"
            "Residents welcomed the vote.\n",
            flagged=False,
            format="markdown",
        ),
    ],
)
def seo_section(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    options = ctx.options.get(meta.id, {})
    run_length = int(options.get("question-headings", DEFAULT_QUESTION_RUN))
    label_run = int(options.get("label-headings", DEFAULT_LABEL_RUN))
    flagged: set[Span] = set()
    for heading in doc.headings:
        title = _title(doc, heading)
        if _seo_title(title):
            flagged.add(heading)
            yield Diagnostic(
                meta.id,
                f"'{title}' is an SEO template section, not part of a news story",
                *_title_span(doc, heading),
                meta.severity,
            )
    yield from _question_runs(doc, run_length, meta)
    yield from _label_runs(doc, label_run, flagged, meta)


_NUMBERING = regexcache.compile(r"\s*(?:\d{1,2}|[IVX]{1,4})[.)]\s+(?=\S)")


def _title_span(doc: Document, heading: Span) -> Span:
    """The heading's words: without a section number ("2. ") or trailing colon."""
    text = doc.span_text(heading)
    numbered = _NUMBERING.match(text)
    start = numbered.end() if numbered else len(text) - len(text.lstrip())
    return Span(heading.start + start, heading.start + len(text.rstrip().rstrip(_TRAILING)))


def _title(doc: Document, heading: Span) -> str:
    return doc.span_text(_title_span(doc, heading))


def _seo_title(title: str) -> bool:
    """An SEO section name, also with a gloss ("FAQs (Frequently Asked ...)") or a
    subtitle ("Conclusion: what comes next")."""
    core = re.sub(r"\s*\([^()]*\)$", "", title)
    return bool(_SEO_HEADING.fullmatch(core) or _SEO_HEADING.fullmatch(core.split(":")[0].strip()))


def _question_runs(doc: Document, run_length: int, meta: RuleMeta) -> Iterator[Diagnostic]:
    """Runs of question headings and Q:/A: questions with no other heading between."""
    answers = dict(doc.qa_pairs)
    entries = sorted(set(doc.headings) | set(answers))
    run: list[Span] = []
    for entry in [*entries, None]:
        if entry is not None and (entry in answers or doc.span_text(entry).rstrip().endswith("?")):
            run.append(entry)
            continue
        if (
            run_length > 0
            and len(run) >= run_length
            and not _interview(doc, run, answers)
            and not _reported(doc, run)
        ):
            headings = set(doc.headings)
            what = (
                "headings in a row are questions"
                if all(q in headings for q in run)
                else "questions and answers in a row"
            )
            yield Diagnostic(
                meta.id,
                f"{len(run)} {what}, an SEO question-and-answer layout",
                run[0].start,
                run[0].end,
                meta.severity,
            )
        run = []


def _reported(doc: Document, run: list[Span]) -> bool:
    """A newsroom explainer's questions, answered by reporting: at least half of
    the sections under the question headings quote a named speaker directly (an
    attributed quotation of a sentence or more). A search template's answers
    quote no one."""
    from newslint.analysis.attribution import is_full_quote, quote_attributions

    headings = sorted(doc.headings)
    if not all(q in set(headings) for q in run):
        return False
    quoted = [
        a.quotation.span.start
        for a in quote_attributions(doc)
        if a.attributed and is_full_quote(doc.text, a.quotation)
    ]
    sections = 0
    for q in run:
        i = headings.index(q)
        end = headings[i + 1].start if i + 1 < len(headings) else len(doc.text)
        sections += any(q.end <= start < end for start in quoted)
    return sections * 2 >= len(run)


def _interview(doc: Document, run: list[Span], answers: dict[Span, Span]) -> bool:
    """Answers in the first person: an interview, not an FAQ."""
    given = [answers[q] for q in run if q in answers]
    speaking = sum(1 for a in given if _FIRST_PERSON.search(doc.span_text(a)))
    return bool(given) and speaking * 2 >= len(given)


def _label_runs(
    doc: Document, run_length: int, flagged: set[Span], meta: RuleMeta
) -> Iterator[Diagnostic]:
    """Runs of generic section labels: an essay outline laid over the story."""
    if run_length <= 0 or len(doc.headings) < run_length:
        return
    topic = set(_words(doc.headline_text or ""))
    headings = set(doc.headings)
    body = "\n".join(doc.span_text(p) for p in doc.body if p not in headings)
    named = _written_as_names(body)
    run: list[Span] = []
    for heading in [*doc.headings, None]:
        if heading is not None and doc.span_text(heading).rstrip().endswith("?"):
            continue  # an FAQ's questions sit inside the outline
        if (
            heading is not None
            and not _in_signoff(doc, heading)
            and (heading in flagged or _generic_label(doc, heading, topic, named))
        ):
            run.append(heading)
            continue
        evidence = [h for h in run if h in flagged or _OUTLINE_NOUN.search(_title(doc, h))]
        fresh = [h for h in run if h not in flagged]
        if len(run) >= run_length and len(evidence) >= 2 and fresh:
            labels = ", ".join(f"'{_title(doc, h)}'" for h in run)
            first = fresh[0]
            yield Diagnostic(
                meta.id,
                f"{len(run)} generic section labels in a row ({labels}) follow an essay "
                "outline, an SEO template, not a news story",
                *_title_span(doc, first),
                meta.severity,
            )
        run = []


def _in_signoff(doc: Document, heading: Span) -> bool:
    return doc.signoff is not None and doc.signoff.contains(heading)


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][\w'’-]*", text)


# A capitalised word after a lower-case word or a comma: the story writes it as a name.
_MID_SENTENCE_CAPITAL = regexcache.compile(r"(?<=[a-z,;])\s+([A-Z][\w'’-]*)")
_WORD_JOINERS = "'’-"


def _written_as_names(body: str) -> frozenset[str]:
    """Every word the body writes capitalised inside a sentence, cut at each
    edge between letters and an apostrophe or hyphen ("Smith" of "Smith-Jones"),
    as a ``\b`` after it would find: one scan of the body rather than one per
    heading word."""
    found: set[str] = set()
    for word in _MID_SENTENCE_CAPITAL.findall(body):
        for i in range(1, len(word) + 1):
            after = i < len(word) and word[i] not in _WORD_JOINERS
            if (word[i - 1] not in _WORD_JOINERS) != after:
                found.add(word[:i])
    return frozenset(found)


def _generic_label(doc: Document, heading: Span, topic: set[str], named: frozenset[str]) -> bool:
    """A short label that names nothing concrete beyond the story's topic: no number,
    quotation or possessive, and no word the story uses as a name."""
    title = _title(doc, heading)
    words = _words(title)
    if not words or len(title.split()) > _LABEL_WORDS or re.search(r"\d|[\"“”‘]|['’]s\b", title):
        return False
    title_case = sum(w[0].isupper() for w in words if w.lower() not in _FUNCTION_WORDS) > 1
    for position, word in enumerate(words):
        if word in topic or word.lower() in _FUNCTION_WORDS:
            continue
        if len(word) > 1 and word.isupper():
            return False  # an acronym: an organisation or a programme
        if word[0].isupper() and position and not title_case:
            return False  # a capital inside a sentence-case heading is a name
        if word[0].isupper() and word in named:
            return False  # the story itself writes it as a name
    return True
