"""Tests for declarative rule packs: loading, validation, kinds and options."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES

from newslint.diagnostics import Applicability, ConfigError, Diagnostic, Severity
from newslint.document import Document
from newslint.packs import (
    PackError,
    PackProvider,
    PackSet,
    PackTimeout,
    load_packs,
    preserve_case,
    shipped_pack_paths,
)
from newslint.packs.compile import compile_trusted, rule_phrases, trie_regex
from newslint.packs.prefilter import pattern_requirements, phrase_anchor, widen
from newslint.regex_safety import pattern_problem
from newslint.registry import CheckContext
from newslint.spans import Span, TextBuilder

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FIXTURES = Path(__file__).parent / "fixtures"
RULE_FIXTURES = FIXTURES / "rules"
BAD_PACKS = FIXTURES / "packs"


# -- helpers -----------------------------------------------------------------------


def make_doc(text: str, *, headline: bool = False, path: str = "t.txt") -> Document:
    """A plain-text Document without the source loaders: paragraphs split on
    blank lines; the first paragraph is the headline when ``headline``."""
    builder = TextBuilder()
    builder.add(text, 0)
    paragraphs = [Span(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text)]
    doc = Document.from_builder(
        builder, path=path, source=text, format="text", paragraphs=paragraphs
    )
    if headline and paragraphs:
        doc.headline = paragraphs[0]
    try:
        from newslint.analysis.skipped import find_skipped
    except ImportError:  # the analysis module is optional for these tests
        doc.sic = [Span(m.start(1), m.end(1)) for m in re.finditer(r"(\w+)\s*\[sic\]", text, re.I)]
    else:
        doc.skipped, doc.sic = find_skipped(text)
    return doc


def write_pack(tmp_path: Path, rules: str, name: str = "house.toml", defaults: str = "") -> Path:
    path = tmp_path / name
    header = '[pack]\nname = "house"\ndescription = "Test pack."\n'
    if defaults:
        header += "\n[pack.defaults]\n" + defaults + "\n"
    path.write_text(header + "\n" + rules, encoding="utf-8")
    return path


def rule_toml(kind: str, body: str, rule_id: str = "style.test") -> str:
    return (
        f'[[rule]]\nid = "{rule_id}"\nkind = "{kind}"\n'
        'summary = "A test rule."\nwhy = "Testing."\n' + body + "\n"
    )


def check(
    provider: PackProvider, doc: Document, ctx: CheckContext | None = None
) -> list[Diagnostic]:
    selected = frozenset(m.id for m in provider.rules())
    return list(provider.check(doc, selected, ctx or CheckContext()))


def flagged(provider: PackProvider, text: str, **kwargs: object) -> list[str]:
    doc = make_doc(text, **kwargs)  # type: ignore[arg-type]
    return [doc.text[d.start : d.end] for d in check(provider, doc)]


def provider_for(tmp_path: Path, kind: str, body: str, defaults: str = "") -> PackProvider:
    return PackProvider([write_pack(tmp_path, rule_toml(kind, body), defaults=defaults)])


def apply_safe_fixes(text: str, diagnostics: list[Diagnostic]) -> str:
    edits = sorted(
        (d.start, d.end, s.replacement)
        for d in diagnostics
        for s in d.suggestions[:1]
        if s.applicability is Applicability.SAFE
    )
    out, last = [], 0
    for start, end, replacement in edits:
        if start < last:
            continue  # overlapping edits: keep the first
        out.append(text[last:start] + replacement)
        last = end
    return "".join(out) + text[last:]


# -- existence and options ---------------------------------------------------------------


def test_existence_phrases_and_patterns(tmp_path: Path) -> None:
    provider = provider_for(
        tmp_path,
        "existence",
        'phrases = ["share this article", "click here"]\npatterns = [\'^Advertisement$\']',
    )
    text = "Click here for the timetable.\n\nAdvertisement\n\nThe advertisement ran twice."
    assert flagged(provider, text) == ["Click here", "Advertisement"]


def test_phrase_whitespace_matches_line_breaks_and_curly_apostrophes(tmp_path: Path) -> None:
    provider = provider_for(tmp_path, "existence", 'phrases = ["don\'t forget to"]')
    assert flagged(provider, "Don’t  forget\nto vote.") == ["Don’t  forget\nto"]


def test_word_boundaries_option(tmp_path: Path) -> None:
    text = "The concatenated files include a cat."
    on = provider_for(tmp_path, "existence", 'phrases = ["cat"]')
    assert flagged(on, text) == ["cat"]
    off = PackProvider(
        [
            write_pack(
                tmp_path,
                rule_toml("existence", 'phrases = ["cat"]\nword-boundaries = false'),
                name="off.toml",
            )
        ]
    )
    assert flagged(off, text) == ["cat", "cat"]


def test_case_sensitive_option(tmp_path: Path) -> None:
    text = "The Fed met. The fed-up traders left. FED officials spoke."
    insensitive = provider_for(tmp_path, "existence", 'phrases = ["Fed"]')
    assert flagged(insensitive, text) == ["Fed", "fed", "FED"]
    sensitive = PackProvider(
        [
            write_pack(
                tmp_path,
                rule_toml("existence", 'phrases = ["Fed"]\ncase-sensitive = true'),
                name="cs.toml",
            )
        ]
    )
    assert flagged(sensitive, text) == ["Fed"]


def test_skip_quotations_default_and_off(tmp_path: Path) -> None:
    text = '"Stay tuned," the coach said. Stay tuned for the draw.'
    default = provider_for(tmp_path, "existence", 'phrases = ["stay tuned"]')
    assert [d.start for d in check(default, make_doc(text))] == [text.rindex("Stay")]
    off = PackProvider(
        [
            write_pack(
                tmp_path,
                rule_toml("existence", 'phrases = ["stay tuned"]'),
                name="q.toml",
                defaults="skip-quotations = false",
            )
        ]
    )
    assert len(check(off, make_doc(text))) == 2


def test_skip_quotations_calls_in_quotation_only_for_candidates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Span] = []
    monkeypatch.setattr(Document, "in_quotation", lambda self, span: calls.append(span) or False)
    provider = provider_for(tmp_path, "existence", 'phrases = ["stay tuned"]')
    check(provider, make_doc("A long report with no filler. Stay tuned. " * 20))
    assert len(calls) == 20


def test_scope_option(tmp_path: Path) -> None:
    provider = provider_for(tmp_path, "existence", 'phrases = ["breaking"]\nscope = ["headline"]')
    text = "Breaking: dam bursts\n\nThe breaking news came at noon."
    assert flagged(provider, text, headline=True) == ["Breaking"]


def test_severity_and_message_template(tmp_path: Path) -> None:
    provider = provider_for(
        tmp_path,
        "existence",
        'phrases = ["click here"]\nseverity = "error"\nmessage = "Cut \'{match}\' ({id})"',
    )
    (diag,) = check(provider, make_doc("Please click here."))
    assert diag.severity is Severity.ERROR
    assert diag.message == "Cut 'click here' (style.test)"
    assert diag.rule == "style.test"


def test_skipped_spans_are_ignored(tmp_path: Path) -> None:
    provider = provider_for(tmp_path, "existence", 'phrases = ["click here"]')
    doc = make_doc("Please click here. Or click here.")
    doc.skipped = [Span(7, 17)]
    assert [d.start for d in check(provider, doc)] == [22]


# -- substitution ------------------------------------------------------------------------


SPELL = 'swap = { recieved = "received", "per cent" = "percent", carribean = "Caribbean" }'


def test_substitution_preserves_case_and_offers_safe_fix(tmp_path: Path) -> None:
    provider = provider_for(tmp_path, "substitution", SPELL)
    text = "recieved. Recieved. RECIEVED. Per  cent. carribean."
    diags = check(provider, make_doc(text))
    assert [d.suggestions[0].replacement for d in diags] == [
        "received",
        "Received",
        "RECEIVED",
        "Percent",
        "Caribbean",
    ]
    assert all(d.suggestions[0].applicability is Applicability.SAFE for d in diags)
    assert diags[0].message == "Use 'received' instead of 'recieved'"


def test_substitution_fix_applicability_is_configurable(tmp_path: Path) -> None:
    provider = provider_for(tmp_path, "substitution", SPELL + '\nfix = "unsafe"')
    (diag,) = check(provider, make_doc("It was recieved."))
    assert diag.suggestions[0].applicability is Applicability.UNSAFE
    assert provider.rules()[0].fix is Applicability.UNSAFE


def test_substitution_respects_accept_words_and_sic(tmp_path: Path) -> None:
    provider = provider_for(tmp_path, "substitution", SPELL)
    doc = make_doc("It was recieved.")
    assert check(provider, doc, CheckContext(accept_words=frozenset({"Recieved"}))) == []
    assert flagged(provider, "The note said recieved [sic] twice, then recieved.") == ["recieved"]


@pytest.mark.parametrize(
    ("matched", "replacement", "expected"),
    [
        ("teh", "the", "the"),
        ("Teh", "the", "The"),
        ("TEH", "the", "THE"),
        ("e-mail", "email", "email"),
        ("E-Mail", "email", "Email"),
        ("wensday", "Wednesday", "Wednesday"),
    ],
)
def test_preserve_case(matched: str, replacement: str, expected: str) -> None:
    assert preserve_case(matched, replacement) == expected


# -- consistency, occurrence, conditional ---------------------------------------------


def test_consistency_first_variant_wins(tmp_path: Path) -> None:
    provider = provider_for(
        tmp_path, "consistency", 'variants = [["email", "e-mail"], ["per cent", "percent"]]'
    )
    text = "Send an e-mail. Prices rose 3 percent. Email us. Another e-mail. Up 2 per cent."
    diags = check(provider, make_doc(text))
    assert [(text[d.start : d.end], d.suggestions[0].replacement) for d in diags] == [
        ("Email", "E-mail"),
        ("per cent", "percent"),
    ]
    assert "'e-mail' used earlier" in diags[0].message


def test_occurrence_per_document(tmp_path: Path) -> None:
    provider = provider_for(tmp_path, "occurrence", 'phrases = ["very"]\nmax = 2')
    assert flagged(provider, "very good, very bad") == []
    diags = check(provider, make_doc("very good, very bad, very ugly, very late"))
    assert len(diags) == 2
    assert diags[0].message == "'very' is used 4 times (at most 2 expected)"


def test_occurrence_per_thousand_words(tmp_path: Path) -> None:
    provider = provider_for(tmp_path, "occurrence", 'phrases = ["very"]\nmax = 1\nper-words = 100')
    # 100 words, 2 uses: over the limit of 1 per 100 words.
    assert len(flagged(provider, "word " * 98 + "very very")) == 1
    # 200 words, 2 uses: within 1 per 100 words.
    assert flagged(provider, "word " * 198 + "very very") == []


def test_conditional_acronym_before_spelled_out(tmp_path: Path) -> None:
    provider = provider_for(
        tmp_path,
        "conditional",
        "pattern = '[A-Z]{2,5}'\ncase-sensitive = true\nantecedent = '\\({match}\\)'",
    )
    text = (
        "The Environmental Protection Agency (EPA) said the NTSB would assist. "
        "The EPA and the NTSB met again."
    )
    assert flagged(provider, text) == ["NTSB"]


def test_conditional_static_antecedent(tmp_path: Path) -> None:
    provider = provider_for(
        tmp_path, "conditional", 'phrases = ["the agency"]\nantecedent = "Food Standards Agency"'
    )
    assert flagged(provider, "The agency said. The Food Standards Agency confirmed.") == [
        "The agency"
    ]
    assert flagged(provider, "The Food Standards Agency said. The agency confirmed.") == []


# -- compilation -------------------------------------------------------------------------


def test_trie_regex_shares_prefixes_and_matches_exactly() -> None:
    phrases = ["you may also like", "you might also like", "you may have missed"]
    source = trie_regex(phrases)
    assert source.count("you") == 1
    compiled = re.compile(source)
    for phrase in phrases:
        assert compiled.fullmatch(phrase)
    assert not compiled.fullmatch("you may also")


def test_one_matcher_one_scan_per_document(tmp_path: Path) -> None:
    rules = (
        rule_toml("existence", 'phrases = ["click here"]', "style.one")
        + rule_toml("substitution", SPELL, "style.two")
        + rule_toml("occurrence", 'phrases = ["very"]\nmax = 0', "style.three")
    )
    provider = PackProvider([write_pack(tmp_path, rules)])
    selected = frozenset(m.id for m in provider.rules())
    before = provider.pack_set.compiled
    matcher = provider.pack_set.matcher(selected)
    scans = matcher.scans
    doc = make_doc("Click here: it was recieved very late.")
    diags = list(provider.check(doc, selected, CheckContext()))
    assert {d.rule for d in diags} == {"style.one", "style.two", "style.three"}
    assert matcher.scans == scans + 1
    list(provider.check(make_doc("Also recieved."), selected, CheckContext()))
    assert matcher.scans == scans + 2
    assert provider.pack_set.compiled == before + 1  # compiled once, reused
    # Only selected rules run.
    only = frozenset({"style.two"})
    assert {d.rule for d in provider.check(doc, only, CheckContext())} == {"style.two"}
    assert [r.id for r in provider.pack_set.matcher(only).rules] == ["style.two"]


def test_loading_is_cached_until_a_file_changes(tmp_path: Path) -> None:
    path = write_pack(tmp_path, rule_toml("existence", 'phrases = ["click here"]'))
    assert load_packs([path]) is load_packs([path])
    first = load_packs([path])
    time.sleep(0.01)
    write_pack(tmp_path, rule_toml("existence", 'phrases = ["tap here", "click here"]'))
    assert load_packs([path]) is not first


def test_rule_metadata(tmp_path: Path) -> None:
    provider = PackProvider(shipped_pack_paths())
    metas = {m.id: m for m in provider.rules()}
    assert metas["filler.web-leftover"].origin == "pack rules/filler.toml"
    spelling = metas["spelling.misspelled"]
    assert spelling.fix is Applicability.SAFE
    assert any(e.flagged and e.fixed for e in spelling.examples)
    assert any(not e.flagged for e in spelling.examples)


# -- validation ---------------------------------------------------------------------------


def load_error(tmp_path: Path, rules: str, defaults: str = "") -> PackError:
    path = write_pack(tmp_path, rules, defaults=defaults)
    with pytest.raises(PackError) as info:
        load_packs([path])
    assert isinstance(info.value, ConfigError)
    assert "house.toml" in str(info.value)
    return info.value


def test_unknown_key_names_file_rule_key_and_suggests(tmp_path: Path) -> None:
    error = load_error(tmp_path, rule_toml("existence", 'phrase = ["x"]'))
    assert error.rule == "style.test" and error.key == "phrase"
    assert "did you mean 'phrases'?" in str(error)
    assert "style.test" in str(error)


def test_key_of_another_kind_is_explained(tmp_path: Path) -> None:
    error = load_error(tmp_path, rule_toml("existence", 'phrases = ["x"]\nswap = { a = "b" }'))
    assert error.key == "swap" and "substitution" in str(error)


def test_unknown_default_key(tmp_path: Path) -> None:
    error = load_error(
        tmp_path, rule_toml("existence", 'phrases = ["x"]'), defaults="case-sensitve = true"
    )
    assert error.key == "case-sensitve" and "did you mean 'case-sensitive'?" in str(error)


@pytest.mark.parametrize(
    ("rules", "key", "fragment"),
    [
        (rule_toml("existence", "patterns = ['(unclosed']"), "patterns", "invalid regular"),
        (rule_toml("existence", 'phrases = ["x"]', "Style.Test"), "id", "lowercase"),
        (rule_toml("existence", 'phrases = ["x"]', "nofamily"), "id", "lowercase"),
        (rule_toml("existence", 'phrases = ["x"]', "fillr.x"), "id", "did you mean 'filler'"),
        (rule_toml("existance", 'phrases = ["x"]'), "kind", "did you mean 'existence'"),
        (rule_toml("existence", 'phrases = ["x"]\nseverity = "fatal"'), "severity", "severity"),
        (
            rule_toml("existence", 'phrases = ["x"]\ncase-sensitive = "yes"'),
            "case-sensitive",
            "true or false",
        ),
        (rule_toml("existence", 'phrases = "x"'), "phrases", "list"),
        (rule_toml("occurrence", 'phrases = ["x"]\nmax = "3"'), "max", "integer"),
        (rule_toml("occurrence", 'phrases = ["x"]'), "max", "missing"),
        (rule_toml("existence", ""), "phrases", "needs"),
        (rule_toml("existence", 'phrases = ["x"]\nscope = ["footer"]'), "scope", "footer"),
        (rule_toml("substitution", 'swap = { a = "b", A = "c" }'), "swap", "duplicate"),
        (rule_toml("consistency", 'variants = [["only"]]'), "variants", "two or more"),
        (rule_toml("existence", 'phrases = ["x"]\nmessage = "{matched}"'), "message", "{match}"),
        (rule_toml("existence", "patterns = ['(?i)foo']"), "patterns", "inline flags"),
        (rule_toml("existence", "patterns = ['(?P<w>a)']"), "patterns", "named groups"),
        (rule_toml("existence", "patterns = ['(a)\\1']"), "patterns", "back-references"),
        (
            rule_toml(
                "substitution", 'swap = { a = "b" }\nexamples.flagged = ["a"]\nexamples.fixed = []'
            ),
            "examples.fixed",
            "one entry",
        ),
        (rule_toml("substitution", 'swap = { a = "b" }\nfix = "always"'), "fix", "safe"),
    ],
)
def test_validation_errors(tmp_path: Path, rules: str, key: str, fragment: str) -> None:
    error = load_error(tmp_path, rules)
    assert error.key == key
    assert fragment in str(error)


def test_missing_summary_and_duplicate_ids(tmp_path: Path) -> None:
    error = load_error(tmp_path, '[[rule]]\nid = "style.x"\nkind = "existence"\nphrases = ["x"]\n')
    assert error.key == "summary"
    twice = rule_toml("existence", 'phrases = ["x"]') * 2
    assert "duplicate" in str(load_error(tmp_path, twice))


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    one = write_pack(tmp_path, rule_toml("existence", 'phrases = ["x"]'), name="one.toml")
    two = write_pack(tmp_path, rule_toml("existence", 'phrases = ["y"]'), name="two.toml")
    with pytest.raises(PackError, match=r"two\.toml.*style\.test.*one\.toml"):
        load_packs([one, two])


@pytest.mark.parametrize("name", sorted(p.name for p in BAD_PACKS.glob("*.toml")))
def test_bad_pack_fixtures_are_rejected(name: str) -> None:
    path = BAD_PACKS / name
    expected = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect:").strip()
    with pytest.raises(PackError) as info:
        load_packs([path])
    assert name in str(info.value)
    assert expected in str(info.value)


# -- regex safety -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pattern",
    [r"(a+)+", r"(a|a)*", r"(a|aa)+", r"(?:\w+\s?)*x", r"(a*)*b", r"(\w|\d)+", r"(x+x+)+y"],
)
def test_catastrophic_patterns_are_detected(pattern: str) -> None:
    assert pattern_problem(pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b[A-Z]{2,5}\b",
        r"(?:\w+\s+){0,3}said",
        r"(?:ab|cd)+",
        r"(?:a++)+",
        r"(?>a+)+",
        r"(?m:^\s*Advertisement\s*$)",
        r"\p{Lu}\p{L}+",
        r"[[:alpha:]]+",
    ],
)
def test_safe_patterns_pass(pattern: str) -> None:
    assert pattern_problem(pattern) is None


def test_catastrophic_pattern_rejected_at_load(tmp_path: Path) -> None:
    error = load_error(tmp_path, rule_toml("existence", "patterns = ['(\\w+\\s?)+$']"))
    assert error.key == "patterns" and "catastroph" in str(error)


def test_runtime_timeout_reports_rule_and_keeps_other_findings(tmp_path: Path) -> None:
    # Polynomial backtracking the static check does not model: bounded at run time.
    rules = rule_toml("existence", "patterns = ['\\w*\\w*\\w*\\w*\\w*\\d']", "style.slow")
    rules += rule_toml("existence", 'phrases = ["click here"]', "style.fast")
    provider = PackProvider([write_pack(tmp_path, rules)], timeout=0.2)
    doc = make_doc("Click here. " + "a" * 3000, path="story.txt")
    started = time.perf_counter()
    with pytest.raises(PackTimeout) as info:
        check(provider, doc)
    assert time.perf_counter() - started < 3
    assert info.value.rule_ids == ("style.slow",)
    assert info.value.path == "story.txt"
    assert "style.slow" in str(info.value)
    assert [d.rule for d in info.value.diagnostics] == ["style.fast"]


# -- shipped packs -------------------------------------------------------------------------


def test_shipped_packs_load() -> None:
    names = {p.name for p in shipped_pack_paths()}
    assert {"filler.toml", "spelling.toml"} <= names
    ids = {m.id for m in PackProvider(shipped_pack_paths()).rules()}
    assert {"filler.web-leftover", "filler.reader-address", "spelling.misspelled"} <= ids


def _spelling_swap() -> dict[str, str]:
    data = tomllib.loads((Path(__file__).parents[1] / "rules" / "spelling.toml").read_text())
    (rule,) = [r for r in data["rule"] if r["id"] == "spelling.misspelled"]
    return rule["swap"]


def test_spelling_table_is_sorted_unique_and_large() -> None:
    swap = _spelling_swap()
    wrongs = list(swap)
    assert len(wrongs) >= 300
    assert wrongs == sorted(wrongs)
    assert len({w.lower() for w in wrongs}) == len(wrongs)
    assert all(w == w.lower() for w in wrongs)


def test_spelling_wrong_forms_are_not_words() -> None:
    spellchecker = pytest.importorskip("spellchecker")
    checker = spellchecker.SpellChecker()
    swap = _spelling_swap()
    assert not checker.known(list(swap)), "a 'wrong' form is a real word"
    rights = {part.lower() for right in swap.values() for part in right.split()}
    assert not checker.unknown(rights), "a correction is not a known word"


# -- the RE2 prefilter in front of the shipped rules --------------------------------------


def _prefilter_texts() -> list[str]:
    """Every fixture case and example, plus Unicode that Python's re and RE2 read
    differently (wide spaces, Turkish and Kelvin letters, non-ASCII word letters)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.iterdir()) if p.is_file()]
    for path in sorted((Path(__file__).parent / "fixtures" / "rules").glob("*.toml")):
        texts += [case["text"] for case in tomllib.loads(path.read_text("utf-8"))["case"]]
    texts += [
        "Dİd you know the plan?",
        "DID YOU KNOW\u2009the plan? Leave\u3000a comment",
        "As an AI language model,\u2003I cannot browse the internet.",
        "It was o\u212aay and ſo it is: Washington\u2009DC at 9\xa0a.m. this morning",
        "éDid you knowé it? _leave a comment_ [insert quote here]",
    ]
    return texts


@pytest.mark.parametrize("filtered", [False, True])
def test_prefiltered_shipped_rules_find_what_one_pattern_of_all_finds(
    filtered: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Leaving out the phrases and patterns that cannot match changes no match:
    the exact pattern of every whole shipped rule finds the same candidates on
    every text, in the whole text and in each of its paragraphs. Patterns are
    left out by their literal requirements (a process's first texts) or by
    the RE2 set of their detectors (later texts): both ways are checked."""
    from newslint.packs import prefilter

    monkeypatch.setattr(prefilter, "FILTERED_TEXTS", 10**9 if filtered else 0)
    shared = load_packs(shipped_pack_paths())
    pack_set = PackSet(shared.rules, shared.shipped)  # a fresh prefilter
    matcher = pack_set.matcher(frozenset(r.id for r in pack_set.rules))
    indices = list(range(len(matcher.rules)))
    full = compile_trusted(matcher.rules, indices)
    assert full is not None, "shipped rules must all be readable by re"
    phrases = sum(len(rule_phrases(r)) for r in matcher.rules)
    narrowed = kept = 0
    for text in _prefilter_texts():
        plain = text.translate({0xA0: " ", 0x202F: " ", 0x2007: " "})
        expected = [(int(m.lastgroup[1:]), m.start(), m.end()) for m in full.finditer(plain)]
        found, failed = matcher.candidates(text, 5.0)
        assert (found, failed) == (expected, []), text[:80]
        start = 0
        for part in text.split("\n"):
            piece = plain[start : start + len(part)]
            wanted = [(int(m.lastgroup[1:]), m.start(), m.end()) for m in full.finditer(piece)]
            assert matcher.candidates(part, 5.0, within=text) == (wanted, []), part[:80]
            start += len(part) + 1
        choice = pack_set.choose(plain)
        assert {i for i, _, _ in expected} <= {i for i, _, _ in choice}
        narrowed += len(choice) < len(indices)
        kept += sum(len(p) for _, p, _ in choice)
    if filtered:
        required = pack_set.prefilter._requirements or []
        assert sum(bool(r) for _, _, r in required) > 0.9 * len(required)
    else:
        assert pack_set.prefilter.always == []  # RE2 reads every shipped pattern
    assert narrowed > 100  # the prefilter does leave rules out
    assert kept < phrases * len(_prefilter_texts()) / 50  # and almost every phrase


@pytest.mark.parametrize(
    ("pattern", "required"),
    [
        ("opens? in (?:a )?new (?:window|tab)", [{"open"}, {"in"}, {"new"}, {"window", "tab"}]),
        ("(?:sign up|subscribe) now", [{"s"}, {"ign", "ubscribe"}, {"now"}]),  # re factors "s" out
        ("colou?r", [{"colo"}, {"r"}]),
        ("x*(?:ab)+y?", [{"ab"}]),
        ("(?=foo)bar", [{"bar"}]),  # look-arounds require nothing
        ("(?:caf\u00e9|[0-9]+)", []),  # a branch without a requirement
        ("(unclosed", []),
    ],
)
def test_pattern_requirements(pattern: str, required: list[set[str]]) -> None:
    assert sorted(map(sorted, pattern_requirements(pattern))) == sorted(map(sorted, required))


@pytest.mark.parametrize(
    ("phrase", "word_boundaries", "anchor"),
    [
        ("in order to", True, ("order", True)),
        ("e-mail", True, ("mail", True)),
        ("Jr.", False, ("jr", False)),  # no boundary before it: any "...jr."
        ("a.m.", False, ("m", True)),  # delimited by the dots
        ("'tis", True, ("tis", True)),
        ("...", True, None),  # no letters: always compiled
        ("o\u212aay", True, None),  # Kelvin sign: re folds it into k
    ],
)
def test_phrase_anchors(
    phrase: str, word_boundaries: bool, anchor: tuple[str, bool] | None
) -> None:
    assert phrase_anchor(phrase, word_boundaries) == anchor


@pytest.mark.parametrize(
    ("pattern", "widened"),
    [
        (r"\bfoo\b", "foo"),
        (r"a(?=b)c(?<!x)d(?!e(f))g", "acdg"),
        (r"[^\s]x[\w-]", r"[^\s]x[0-9A-Za-z_\x{80}-\x{10ffff}-]"),
        (r"[]a]\d", r"[\]a][0-9\x{80}-\x{10ffff}]"),
        (r"[\b]", r"[\b]"),  # a backspace inside a class, not a boundary
    ],
)
def test_widen_drops_assertions_and_widens_classes(pattern: str, widened: str) -> None:
    assert widen(pattern) == widened


def test_parsed_packs_are_cached_by_content_and_failures_never(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint import metacache

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "house.toml"
    parser = tmp_path / "parser.py"
    parser.write_text("# version 1\n")
    calls: list[str] = []

    def parse() -> list[str]:
        text = pack.read_text()
        calls.append(text)
        if "broken" in text:
            raise PackError("house.toml", "broken")
        return [text.upper()]

    def load() -> list[str]:
        return metacache.cached_parse("pack", pack, (parser,), parse, context="house.toml")

    pack.write_text("rule a\n")
    assert load() == load() == ["RULE A\n"] and len(calls) == 1  # parsed once
    pack.write_text("rule b\n")
    assert load() == ["RULE B\n"] and len(calls) == 2  # new content, new parse
    assert len(list((tmp_path / "cache" / "parsed").iterdir())) == 1  # the old entry went
    parser.write_text("# version 2\n")
    assert load() == ["RULE B\n"] and len(calls) == 3  # a new parser, a new parse
    pack.write_text("broken\n")
    for _ in range(2):
        with pytest.raises(PackError):
            load()
    assert len(calls) == 5  # a failure is parsed (and reported) every time


def test_the_pack_cache_key_names_files_that_exist() -> None:
    """The parsed-pack cache is keyed by the code that parses packs: a path that
    no longer exists (after a module moves) would make every run parse again."""
    from newslint.packs import run

    assert run._PACK_PARSERS and all(p.is_file() for p in run._PACK_PARSERS)


def test_a_phrase_is_chosen_only_when_the_text_has_all_its_words() -> None:
    """The anchor (one word) lets a phrase through; its other words must be in
    the text too (each is in every match, whole where the phrase delimits it)."""
    from newslint.packs.prefilter import RulePrefilter, phrase_runs
    from newslint.packs.schema import PackRule

    assert phrase_runs("at the end of the day", True) == tuple(
        (w, True) for w in ("at", "the", "end", "of", "the", "day")
    )
    assert phrase_runs("Jr.", False) == (("jr", False),)
    rule = PackRule(
        id="house.test",
        kind="existence",
        summary="s",
        why="w",
        message="m",
        origin="test",
        phrases=("at the end of the day", "moving forward"),
    )
    prefilter = RulePrefilter([rule], [0])
    assert prefilter.choose("The end came on Tuesday.") == ()  # "end" alone
    assert prefilter.choose("At the end of the long day.") == ((0, ("at the end of the day",), ()),)
    assert prefilter.choose("Moving Forward, then.") == ((0, ("moving forward",), ()),)
