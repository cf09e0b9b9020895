"""Shortcuts in shared analyses must give what the full work gives (issue 12:
per-document gates that spare sentences work, with the same findings)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tomllib

from newslint.analysis import specificity
from newslint.analysis.learned import LogisticModel
from newslint.analysis.textscan import TextScan
from newslint.checks import reader
from newslint.names.extract import _sentence_initial, analyse
from newslint.names.variant_forms import (
    _MAX_WORDS,
    _MIN_LETTERS,
    _all_caps,
    _occurrence,
    _occurrences,
    _Places,
)
from newslint.sources import load_document
from newslint.spans import Span
from tests.conftest import EXAMPLES, REPO

FIXTURES = REPO / "tests" / "fixtures" / "rules"
SIGNALS = [
    getattr(specificity, name)
    for name in (
        "_SUMMARY",
        "_WRAP_UP",
        "_VERDICT",
        "_GROUP",
        "_SUPERLATIVE",
        "_STANCE",
        "_FORECAST",
        "_FIRST_PERSON",
        "_REPORTED",
    )
]


def _texts() -> list[str]:
    """Every example article and every rule fixture case (text written for newslint)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.iterdir()) if p.is_file()]
    for path in sorted(FIXTURES.glob("*.toml")):
        cases = tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])
        texts.extend(c["text"] for c in cases if isinstance(c.get("text"), str))
    return texts


TEXTS = _texts()


def test_a_scan_rules_out_only_regexes_that_match_nowhere() -> None:
    ruled_out = 0
    for text in TEXTS:
        doc = load_document("a.md", text)
        scan = TextScan(doc.text)
        for pattern in SIGNALS:
            if scan.may_match(pattern):
                continue
            ruled_out += 1
            assert pattern.search(doc.text) is None
            for sentence in doc.sentences:
                assert pattern.search(doc.span_text(sentence)) is None, pattern.pattern[:40]
    assert ruled_out > 100  # the scan does spare work on these texts


def test_scan_reads_literals_flags_and_folded_letters() -> None:
    group = re.compile(r"\b(?:fans|viewers)\b", re.IGNORECASE)
    assert not TextScan("The council met on Monday.").may_match(group)
    assert TextScan("FANS queued all night.").may_match(group)
    # A letter re folds into ASCII under IGNORECASE ("ſ" is "s"): every regex stays.
    assert TextScan("The fanſ queued.").may_match(group)
    assert group.search("The fanſ queued.") is not None
    # Nothing literal is required: the regex always runs.
    assert TextScan("").may_match(re.compile(r"\d+"))


def _every_window(doc_text: str) -> list[tuple[int, int, str, str]]:
    """names.variant-form's occurrences worked out for every window, as before
    the rival-window shortcut: (start, end, text, key) of those with a rival."""
    doc = load_document("a.txt", doc_text)
    analysis = analyse(doc)
    text = analysis.text
    places = _Places(doc, analysis)
    tokens = [t for run in analysis.runs for t in run]
    caps_runs = [
        sum(_all_caps(w.text) and len(w.text) >= _MIN_LETTERS for w in run) >= 2
        for run in analysis.runs
        for _ in run
    ]
    found = []
    for i, token in enumerate(tokens):
        initial = _sentence_initial(text, token.start)
        for k in range(1, _MAX_WORDS + 1):
            if i + k > len(tokens):
                break
            occ = _occurrence(text, tokens, i, k, places, caps_runs[i], initial)
            if occ is not None:
                found.append(occ)
    texts: dict[str, set[str]] = {}
    for occ in found:
        texts.setdefault(occ.key, set()).add(occ.text)
    return [(o.start, o.end, o.text, o.key) for o in found if len(texts[o.key]) > 1]


def test_variant_form_windows_keep_every_rival() -> None:
    rivals = 0
    for text in TEXTS:
        doc = load_document("a.txt", text)
        full = _every_window(text)
        kept = [(o.start, o.end, o.text, o.key) for o in _occurrences(doc, analyse(doc))]
        # Every occurrence with a rival form is kept, in text order; the extra
        # windows kept (rivals only among windows _occurrence rejects) form no variant.
        assert [o for o in kept if o in full] == full
        rivals += len(full)
    assert rivals > 20


@pytest.mark.parametrize("size", [0, 1, 7, 40])
def test_partial_logit_is_the_weighted_sum_in_feature_order(size: int) -> None:
    weights = {f"f{i}": (i - 3) * 0.37 for i in range(0, 60, 2)}
    model = LogisticModel(0.5, weights)
    features = {f"f{i}": 1.0 + i / 7 for i in range(size)}
    expected = sum(weights.get(k, 0.0) * v for k, v in features.items())
    assert model.partial_logit(features) == expected  # same products, same order


def test_shipped_packs_are_listed_once(tmp_path: Path) -> None:
    from newslint.packs.run import load_packs, shipped_pack_paths

    first = shipped_pack_paths()
    assert first == sorted(first) and first
    first.append(tmp_path / "extra.toml")  # the caller's copy, not the cache
    assert len(shipped_pack_paths()) == len(first) - 1
    assert load_packs(shipped_pack_paths()) is load_packs(shipped_pack_paths())
    assert all(p.suffix == ".toml" for p in shipped_pack_paths())


def test_language_evidence_counts_lowercase_and_caseless_words() -> None:
    from newslint.analysis.language import evidence

    known = {"the", "council", "met"}.__contains__
    # Lowercase words are counted (and known ones are English); capitalised words
    # are not counted; words of a script without case count against English;
    # a titlecase digraph is a cased letter but neither upper nor lower.
    tokens = ["the", "Council", "met", "zzz", "中文", "Ǆ", "ǅa", "ǅ", "ªb", "ÉCOLE"]
    found = evidence(tokens, known)
    assert (found.english, found.counted) == (2, 6)


def test_words_in_disguise_are_no_evidence_of_another_language() -> None:
    """Cyrillic look-alikes in English words are spelling.mixed-script's one finding;
    they must not make an English text read as a foreign one."""
    from newslint.analysis.language import document_language

    plain = "The quick brown fox jumps over the lazy dog near the council offices on Monday."
    disguised = (
        "The qu\u0456ck br\u043ewn f\u043e\u0445 jumps \u043ever the lazy d\u043eg"
        " near the council offices on Monday."
    )
    for text in (plain, disguised):
        found = document_language(load_document("a.txt", text + "\n"))
        assert found.english and found.whole.share == 1.0, text
    russian = "\u0437\u0430\u044f\u0432\u0438\u043b\u0430 " * 12  # a script of its own still counts
    assert not document_language(load_document("b.txt", russian + "\n")).english


# Regexes searched sentence by sentence behind TextScan.may_match_in.
_READER = [
    getattr(reader, name)
    for name in (
        "_IDIOM",
        "_SINGULAR",
        "_SECOND_PERSON",
        "_YOU",
        "_YOUR_THING",
        "_WE_CALL",
        "_GENERIC_ADVICE",
    )
]
_EDGES = [
    "The fanſ queued, one of the moſt talented.",  # re folds ſ into s
    "Only time will tell, you know. \u212aids, \u0130t is crucial.",
    "Two-thirds of the 3,000 fans; the two said; \u0663\u0664 people; A1 and 2B.",
]


def test_a_sentence_scan_rules_out_only_regexes_that_match_nowhere_in_it() -> None:
    ruled_out = 0
    for text in [*TEXTS, *_EDGES]:
        doc = load_document("a.md", text)
        scan = TextScan(doc.text)
        for sentence in doc.sentences:
            part = doc.span_text(sentence)
            for pattern in [*SIGNALS, *_READER, specificity._COUNT_WORD, specificity._NO_REPORTER]:
                found = pattern.search(part)
                if not scan.may_match_in(pattern, part):
                    ruled_out += 1
                    assert found is None, (pattern.pattern[:40], part)
                searched = scan.search(pattern, part)
                assert (searched and searched.span()) == (found and found.span())
                alone = reader._search(pattern, part)  # the sentence's words only
                assert (alone and alone.span()) == (found and found.span())
    assert ruled_out > 5000  # the sentence test does spare searches


def test_figures_searched_apart_are_the_figures_searched_together() -> None:
    """specificity._new_figures searches digits and count words apart: the same
    set of figures as _NUMBER's one alternation."""
    checked = 0
    for text in [*TEXTS, *_EDGES, "Dozens? A dozen-odd; 1.5m, £3bn, x9, 9x, -two, those two, ten"]:
        for part in [text, *text.split(". ")]:
            together = {m.group().lower().rstrip(".,") for m in specificity._NUMBER.finditer(part)}
            together |= {m.group().lower() for m in specificity._DATE.finditer(part)}
            seen: set[str] = set()
            assert specificity._new_figures(part, seen) == bool(together)
            assert seen == together, part
            checked += bool(together)
    assert checked > 100


def test_near_names_are_those_a_scan_of_the_list_finds() -> None:
    """NamesList.near() asks rapidfuzz for the keys within two edits (and the
    skeleton index for the rest): the same keys as similar() over the group."""
    from newslint.names.lists import names_list
    from newslint.names.similar import similar

    names = names_list()
    keys = set(names.by_key)
    for key in list(keys):
        keys |= {key[:-1], key + "e", key.replace("i", "y"), "x" + key[1:], key[:1] + key}
        keys |= {key[:2] + key[3:4] + key[2:3] + key[4:], key.replace("s", "ss")}
    checked = found = 0
    for key in sorted(k for k in keys if k):
        scanned = tuple(
            (k, p)
            for size in range(len(key) - 2, len(key) + 3)
            for k, p in names._by_initial_length.get((key[:1], size), ())
            if similar(k, key)
        )
        assert names.near(key) == scanned, key
        checked += 1
        found += bool(scanned)
    assert checked > 3000 and found > 500


def test_both_languages_share_one_dictionary_table() -> None:
    from newslint.engines.spelling.lexicon import lexicon

    assert lexicon("en-GB").base is lexicon("en-US").base


def test_typography_check_equals_dropping_it() -> None:
    from newslint.analysis import encoding

    drop = str.maketrans("", "", encoding.TYPOGRAPHY)
    lines = [*TEXTS, *encoding.TYPOGRAPHY, "caf\u00e9 \u201cquoted\u201d", "\u2014 \u2026", "Ã©"]
    for line in lines:
        assert (encoding._NOT_PLAIN.search(line) is None) == line.translate(drop).isascii()


def test_text_builder_offsets_are_counted_as_by_a_range() -> None:
    """TextBuilder copies one-for-one offsets from a table kept per process;
    they are those a range gives, near the table's limit and past it too."""
    import random

    from newslint import spans

    rnd = random.Random(7)
    builder = spans.TextBuilder()
    starts: list[int] = []
    ends: list[int] = []
    for _ in range(400):
        text = "x" * rnd.randrange(0, 300)
        src = rnd.choice([rnd.randrange(0, 5000), spans._COUNTING_MAX - rnd.randrange(0, 400)])
        if rnd.random() < 0.2:
            builder.add(text, src, src + 3)
            starts += [src] * len(text)
            ends += [src + 3] * len(text)
        else:
            builder.add(text, src)
            starts += range(src, src + len(text))
            ends += range(src + 1, src + len(text) + 1)
    _, got_starts, got_ends = builder.build()
    assert (list(got_starts), list(got_ends)) == (starts, ends)


# -- long stories: indexes in place of scans (issue 12) ------------------------------


def _capitalised_words(text: str) -> list[str]:
    return sorted(set(re.findall(r"[A-Z][\w'’-]*", text)))


def test_heading_index_finds_every_overlap() -> None:
    checked = 0
    for text in TEXTS:
        doc = load_document("a.txt", text)
        probes = [*doc.sentences, *doc.paragraphs, *doc.headings]
        probes += [(h.start - 1, h.start) for h in doc.headings]  # touching, not overlapping
        probes += [(h.end - 1, h.end + 1) for h in doc.headings]
        for start, end in probes:
            span = Span(start, end)
            assert doc.in_heading(span) == any(h.overlaps(span) for h in doc.headings)
            checked += doc.in_heading(span)
    assert checked > 50


def _scan_lower_case_use(text: str, word: str) -> bool:
    """The scan ``used_in_lower_case`` replaced: every occurrence, letters either side."""
    lower = word.casefold()
    for m in re.finditer(re.escape(lower), text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if not (before.isalpha() or after.isalpha()):
            return True
    return False


def test_lower_case_use_is_what_a_scan_finds() -> None:
    used = 0
    for text in [*TEXTS, "Élan and élan; Ärger, ärger-free; Straße strasse"]:
        analysis = analyse(load_document("a.txt", text))
        for word in _capitalised_words(text):
            assert analysis.used_in_lower_case(word) == _scan_lower_case_use(text, word), word
            used += analysis.used_in_lower_case(word)
    assert used > 20


def test_names_written_mid_sentence_are_what_the_regex_finds() -> None:
    from newslint.checks.filler import _written_as_names

    extra = "said Smith-Jones, then O'Neill’s aide, and Pro- and Ann' and Bo-"
    found = 0
    for text in [*TEXTS, extra]:
        named = _written_as_names(text)
        for word in [*_capitalised_words(text), "Smith", "O", "Pro-", "Ann'", "Bo", "Bo-"]:
            expected = bool(re.search(rf"[a-z,;]\s+{re.escape(word)}\b", text))
            assert (word in named) == expected, word
            found += expected
    assert found > 50


def _similar_in_the_old_order(a: str, b: str) -> bool:
    from rapidfuzz.distance import OSA

    from newslint.names.similar import (
        MIN_LENGTH,
        fold,
        is_suffix_form,
        max_distance,
        sibling_suffix_forms,
        skeleton,
    )

    if a == b or min(len(a), len(b)) < MIN_LENGTH - 1 or max(len(a), len(b)) < MIN_LENGTH:
        return False
    if abs(len(a) - len(b)) > 2 or (a[0].isascii() and b[0].isascii() and a[0] != b[0]):
        return a[0].casefold() == b[0].casefold() and fold(a) == fold(b)
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if fa[0] != fb[0] or is_suffix_form(a, b) or sibling_suffix_forms(a, b):
        return False
    if skeleton(a) == skeleton(b):
        return True
    limit = max_distance(min(len(fa), len(fb)))
    if abs(len(fa) - len(fb)) > limit:
        return False
    return OSA.distance(fa, fb, score_cutoff=limit) <= limit


def test_similar_names_test_cheap_closeness_first_with_the_same_answers() -> None:
    from newslint.names.similar import similar

    words = sorted({w for text in TEXTS for w in _capitalised_words(text) if len(w) >= 3})
    words += ["Korea", "Korean", "Koreas", "Zelenskyy", "Zelensky", "Trumpian", "Brownn"]
    by_initial: dict[str, list[str]] = {}
    for word in words:
        by_initial.setdefault(word[0], []).append(word)
    agreed = 0
    for group in by_initial.values():
        for a in group:
            for b in group:
                assert similar(a, b) == _similar_in_the_old_order(a, b), (a, b)
                agreed += similar(a, b)
    assert agreed > 20
