"""filler.prompt-residue: the writing task left in the copy, found by what a line is about.

A chat model asked to "write a news piece based on this sentence, 200-250
words" often echoes its task around the story: it presents its output ("Here
is the news piece I have written based on that sentence:"), repeats the
instructions ("The article should be at least 200 words long.", "Word Count:
200-250 words.") or the hint it was given ("Hint: Please use a famous
celebrity as an example."). What these lines share is their subject: the text
itself, as something being produced. A news story talks about the world, not
about the article it is. So a line is flagged when, outside quotations,

- it presents a piece of writing ("here is", "below is", "the following is"
  and a document noun: article, news piece, story, sentence, headline ...)
  and goes on with a colon or says how the text was made ("based on",
  "written", "as requested");
- a document noun is its subject and the line prescribes the text ("The
  article should be ...", "Your news piece must ...") with a colon, a length
  in words, or the user's "your";
- it opens with a task label and a colon ("Hint:", "Word count:", "Prompt:",
  "Instructions:", "Title:" ...);
- it gives the text's length in words as a spec ("200-250 words", "at least
  200 words"), with a document noun or a task label.

The filler pack's chatbot-residue phrases ("As an AI language model", "Here
is a news article about") report the same kind of defect; a line they match
is left to them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from newslint import regexcache
from newslint.diagnostics import Diagnostic
from newslint.document import Document
from newslint.registry import CheckContext, Example, RuleMeta, rule
from newslint.spans import Span

# Nouns for a piece of writing, as the task names it: the class the rule
# reads, not phrases to match.
_DOC_NOUN = (
    r"(?:(?:news |short |brief |feature |fake |fictional )?(?:article|piece|story|report)"
    r"|sentence|headline|title|text|paragraph|summary|response|prompt|essay|post|blog post"
    r"|write-?up|rewrite|version|draft|output|word count|attempt)s?"
)
_DETERMINER = r"(?:(?:a|an|the|your|my|this|that|our)\s+)?(?:[\w-]+\s+){0,3}?"
# Presenting the output: "Here is the news piece ...", "Below is a draft ...".
_PRESENT = regexcache.compile(
    r"(?:(?:sure|certainly|okay|ok|of course)[!,.]?\s+)?(?:here\s+is|here['’]s|here\s+are"
    r"|below\s+is|below\s+are|the\s+following\s+is|following\s+is)\s+"
    + _DETERMINER
    + _DOC_NOUN
    + r"\b(?P<rest>[^\n]*)",
    re.IGNORECASE,
)
# How the presented text came to be, or a colon opening it, right after the noun.
_MADE = regexcache.compile(
    r"^\s*(?:[\w'’-]+\s+){0,3}?(?::|\b(?:based\s+on|written|i\s+(?:have\s+)?(?:wrote|written|created|crafted)"
    r"|(?:you\s+)?(?:requested|asked\s+for)|as\s+requested|on\s+the\s+(?:topic|theme)))",
    re.IGNORECASE,
)
# The text prescribed: "The article should be ...", "Your news piece must ...".
_PRESCRIBE = regexcache.compile(
    r"(?P<owner>the|your|this|each)\s+(?:[\w-]+\s+){0,2}?"
    + _DOC_NOUN
    + r"\s+(?:should|must|needs?\s+to|has\s+to|is\s+to|will\s+need\s+to)\b(?P<rest>[^\n]*)",
    re.IGNORECASE,
)
# A task label opening a line: "Hint:", "Word count:", "Instructions:".
_LABEL = regexcache.compile(
    r"(?:hint|hints|word\s+count|length|prompt|instructions?|task|tone|style|format|title"
    r"|headline|sub-?head(?:ing|line)?|subtitle|input|output"
    r"|note\s+to\s+(?:the\s+)?(?:writer|editor|model)|target\s+audience"
    r"|requirements?|guidelines?)\s*:",
    re.IGNORECASE,
)
# A length given as a spec: "200-250 words", "at least 200 words".
_LENGTH = regexcache.compile(
    r"\b(?:(?:at\s+least|no\s+more\s+than|not\s+more\s+than|up\s+to|under|about|around"
    r"|approximately|maximum(?:\s+of)?|minimum(?:\s+of)?)\s+\d[\d,]*|\d[\d,]*\s*[-–to]+\s*\d[\d,]*)"
    r"\s+words\b",
    re.IGNORECASE,
)
_LINE = regexcache.compile(r"[^\n]+")
# The presented text belongs to someone in the story, not to the writer: "Here
# is the full text of her speech:", "Below is the text of Judge Ortiz's ruling:".
_OTHERS = regexcache.compile(r"\s+of\s+(?:(?:his|her|their|its)\b|(?:the\s+)?[A-Z])")


# The model speaking of its own writing: an offer ("I can certainly write a
# news piece based on that sentence", "I'd be happy to draft the story") or
# a text it has made and presents ("I have crafted the article below:"). A
# columnist's "I wrote a piece last year" has no auxiliary and stays clean.
_MAKER = regexcache.compile(
    r"(?:(?:sure|certainly|okay|ok|of course|however|but)[!,.]?\s+)?I(?P<aux>['’](?:ll|d)"
    r"|\s+(?:will|can|could|would|shall|am\s+going\s+to))?(?P<perfect>['’]ve|\s+have)?"
    r"\s+(?:\w+ly\s+)?(?:be\s+(?:happy|glad)\s+to\s+)?"
    r"(?:write|written|create|created|craft|crafted|compose|composed|draft|drafted"
    r"|generate|generated|produce|produced|put\s+together)\s+"
    + _DETERMINER
    + _DOC_NOUN
    + r"\b(?P<rest>.*)",
    re.IGNORECASE,
)
# The user's task itself, as an order or a request: "Try to write a news
# article as if it was published today.", "Can you write a news article
# based on this sentence?".
_TASK = regexcache.compile(
    r"(?:(?:please|now|so),?\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?"
    r"(?:try\s+to\s+|make\s+sure\s+to\s+)?(?:write|create|compose|draft|generate|produce"
    r"|rewrite|provide)\s+" + _DETERMINER + _DOC_NOUN + r"\b",
    re.IGNORECASE,
)
# The user's input as the subject: "The sentence you provided is quite
# subjective", "The given sentence does not ...".
_USERS_TEXT = regexcache.compile(
    r"(?:the|this|that|your)\s+(?:(?:given|provided|original)\s+)?"
    + _DOC_NOUN
    + r"\s+(?:(?:that\s+)?you(?:['’]ve|\s+have)?\s+(?:provided|gave|given|shared|sent|supplied"
    r"|wrote|written|asked)\b|(?:you\s+)?(?:provided|given)\b)",
    re.IGNORECASE,
)


def _residue(line: str) -> bool:
    """The line talks about the text as a piece of work being produced."""
    line = line.strip().lstrip("*#>-•(").strip()
    if not line:
        return False
    present = _PRESENT.match(line)
    if (
        present
        and not _OTHERS.match(present.group("rest"))
        and (_MADE.match(present.group("rest")) or line.endswith(":"))
    ):
        return True
    prescribe = _PRESCRIBE.match(line)
    if prescribe:
        rest = prescribe.group("rest")
        if (
            prescribe.group("owner").lower() == "your"
            or rest.rstrip().endswith(":")
            or _LENGTH.search(rest)
            or re.search(r"\b\d[\d,]*\s+words\b", rest)
        ):
            return True
    return bool(_LABEL.match(line))


def _chatbot_sentence(sentence: str) -> bool:
    """The model speaking of its own writing or of the user's input."""
    sentence = sentence.strip()
    maker = _MAKER.match(sentence)
    if maker and (maker.group("aux") or maker.group("perfect")):
        rest = maker.group("rest")
        if maker.group("aux") or _MADE.match(rest) or rest.rstrip().endswith(":"):
            return True
    return bool(_USERS_TEXT.match(sentence) or _TASK.match(sentence))


@rule(
    "filler.prompt-residue",
    summary="The writing task echoed in the copy: its instructions, hints or a presenting line.",
    why=(
        "A chat model asked for a news story sometimes repeats its task around the story: "
        "'Here is the news piece I have written based on that sentence:', 'The article "
        "should be at least 200 words long.', 'Word Count: 200-250 words.', 'Hint: Please "
        "use a famous celebrity as an example.' A story talks about the world; a line "
        "whose subject is the text itself, as a piece of work being produced, was left "
        "over from the prompt. The rule reads that structure outside quotations: a line "
        "presenting a piece of writing (an article, piece, story, sentence, headline ...) "
        "that goes on with a colon or says how it was made, a line prescribing the text "
        "('should', 'must') with a colon, a length in words or the user's 'your', and a "
        "line opening with a task label and a colon ('Hint:', 'Word count:', 'Title:'). "
        "Inside a line, the chatbot's own sentences count too: an offer to write ('I can "
        "certainly write a news piece based on that sentence'), the user's input as the "
        "subject ('The sentence you provided is ...') and the task itself ('Try to write a "
        "news article ...')."
    ),
    examples=[
        Example(
            "Here is the news piece based on your sentence:\n\n"
            "The council approved the tram line on Tuesday.",
            flagged=True,
        ),
        Example(
            "Tram line approved\n\nThe council approved the tram line on Tuesday.\n\n"
            "The article should be at least 200 words long.",
            flagged=True,
        ),
        Example(
            "Tram line approved\n\nHere is the story of how a small town won its tram: "
            "residents petitioned the council for six years.",
            flagged=False,
        ),
        Example(
            'Tram line approved\n\n"The article should be corrected," the mayor said.',
            flagged=False,
        ),
    ],
)
def prompt_residue(doc: Document, ctx: CheckContext, meta: RuleMeta) -> Iterator[Diagnostic]:
    found = residue_spans(doc)
    if not found:
        return
    taken = _pack_matches(doc, found)
    for span in found:
        if any(span.overlaps(t) for t in taken):
            continue
        yield Diagnostic(
            meta.id,
            "This line is the writing task, not the story (a prompt's instruction, hint, "
            "label or a line presenting the text); remove it",
            span.start,
            span.end,
            meta.severity,
        )


def residue_spans(doc: Document) -> list[Span]:
    """The lines and sentences that echo the writing task (memoised: the
    reader-address rule leaves a chatbot's line to the user to this rule)."""
    return doc.analysis("prompt-residue", _residue_spans)


def _residue_spans(doc: Document) -> list[Span]:
    found: list[Span] = []
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    for paragraph in doc.paragraphs:
        for m in _LINE.finditer(doc.text, paragraph.start, paragraph.end):
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            line = Span(start, m.start() + len(m.group().rstrip()))
            if line.end <= line.start or doc.in_quotation(line):
                continue
            if any(
                q.span.start <= line.start < q.span.end for q in doc.quotations_overlapping(line)
            ):
                continue
            if _residue(doc.span_text(line)):
                found.append(line)
                continue
            # The chatbot's own sentences, also inside a line of several ("The
            # sentence you provided is ... I can certainly write a news piece
            # based on that sentence. Here's my attempt:").
            i = bisect_left(starts, line.start)
            while i < len(sentences) and sentences[i].end <= line.end:
                sentence = sentences[i]
                i += 1
                if doc.in_quotation(sentence):
                    continue
                text = doc.span_text(sentence)
                # A label after the story's own sentences in the same paragraph is
                # the writer's wink ("... ever wonder why? Hint: It's not ...",
                # "(Hint: his polls are slipping.)"); a task's label opens its line.
                aside = sentence.start > line.start and (
                    text.startswith("(") or bool(_LABEL.match(text))
                )
                if _chatbot_sentence(text) or (sentence != line and not aside and _residue(text)):
                    found.append(sentence)
    return found


def _pack_matches(doc: Document, spans: list[Span]) -> list[Span]:
    from newslint.packs import shipped_rule_spans

    return shipped_rule_spans(doc, spans, frozenset(("filler.chatbot-residue",)))
