"""proselint as a newslint engine: the real ``proselint check`` CLI and the
real ``newslint check --select proselint`` must report the same findings at
the same places, and the fast matcher must agree with proselint's own code."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

from newslint.diagnostics import Applicability
from newslint.engines.proselint.defaults import OFF_BY_DEFAULT, replacement_applicability
from newslint.engines.proselint.detectors import _LEXICAL_ATOMIC, _LEXICAL_ORIGINAL
from newslint.engines.proselint.match import CompiledChecks
from newslint.engines.proselint.provider import ProselintProvider
from newslint.registry import select_rules

# Articles written for these tests; between them they trip many kinds of check.
TEXTS: dict[str, str] = {
    "cliches.txt": (
        "Council weathers the storm\n\n"
        "At the end of the day, the council said it would weather the storm and get the "
        "ball rolling on the new depot. Officials admitted it was back to the drawing "
        "board after a bald-faced lie about the budget.\n\n"
        "I would argue that the plan is, so to speak, a fate worse than death.\n\n"
        "But the mayor said the low-hanging fruit had been picked.\n"
    ),
    "redundancy.txt": (
        "Fire crews still remain at the scene\n\n"
        "Crews gave advance warning that the ATM machine near the PIN number pad was "
        "broken. The chairman said the end result was absolutely essential and that "
        "the staff would retreat back from the site. Prices continue to cool down.\n\n"
        "The report was more unique than the last one, and the most perfect yet. A very "
        "well known figure called it very good. The outcome was very inevitable.\n"
    ),
    "typography.txt": (
        "Market falls again!!\n\n"
        "Shares fell...  then recovered. The logo (c) and brand (tm) and mark (r) "
        "appeared on a 10 x 12 sign.   Traders were stunned! Really! Wow!\n\n"
        'The minister called it "a disgrace" and "a shambles" on Monday.\n'
        "A newly-appointed head was named.  Two spaces follow this. One here. "
        "And one here.\n"
    ),
    "dates.txt": (
        "Polls close at 10 pm\n\n"
        "The plant opened in July of 2004 and closed in March, 2009. House prices rose "
        "in the 1990's and the 80's. The scheme ran from 1998-2004. Voting ends at 12 "
        "p.m. and the count starts at 10p.m. sharp, or 9 am in the morning.\n\n"
        "Last monday the council met; in the Winter it meets less.\n"
    ),
    "words.txt": (
        "Minister to utilize new powers\n\n"
        "The minister will utilize the powers. Obviously the decision was, in effect, "
        "irregardless of the advice. The plan was decimated and hopefully revived. "
        "Staff were between a rock and a hard place with alot of work.\n\n"
        "The centre and the center both opened. The colour of the color scheme was "
        "debated. The the result was clear to the the public.\n\n"
        "For all intensive purposes the reason is because of the cost, inter alia.\n"
    ),
    "quotes.txt": (
        "Quoted words are skipped\n\n"
        '"We will weather the storm," she said. "At the end of the day, it is very '
        'clear."\n\n'
        "He said it was ‘very unique’ and “absolutely essential” to act, so to speak.\n\n"
        'The mayor called the report "a total disgrace" on Friday.\n'
    ),
    "unicode.txt": (
        "Café owner’s naïve plan 🎉\n\n"
        "The café in Zürich said its naïve plan 🎉 would weather the storm. "
        "Émile Zola’s heirs were very pleased — at the end of the day — with the deal.\n\n"
        "Ünsal said: the the ship sailed. 日本 officials met at 10 pm.\n"
    ),
    "crlf.txt": (
        "Fire crews still remain\r\n\r\n"
        "Crews said the fire would weather the storm.\r\n"
        "At the end of the day, the the crews left at 10 pm.\r\n\r\n"
        "But the very unique blaze was more unique.\r\n"
    ),
    "empty.txt": "",
}


def proselint_findings(folder: Path, config: dict | None = None) -> set[tuple[str, str, int, int]]:
    """(file, rule, line, column) from the real proselint CLI's JSON output,
    run with only its default configuration (no user or project config)."""
    env = {**os.environ, "HOME": str(folder), "XDG_CONFIG_HOME": str(folder / ".config")}
    args = [sys.executable, "-m", "proselint", "check", "-o", "json"]
    if config is not None:
        config_path = folder / "proselint-config.json"
        config_path.write_text(json.dumps(config), encoding="utf-8")
        args[4:4] = ["--config", str(config_path)]
    proc = subprocess.run(
        [*args, *sorted(str(p) for p in folder.glob("*.txt"))],
        cwd=folder,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    found = set()
    for uri, result in json.loads(proc.stdout)["result"].items():
        assert "error" not in result, result
        for d in result["diagnostics"]:
            found.add((uri.rsplit("/", 1)[1], "proselint." + d["check_path"], *d["pos"]))
    return found


def newslint_findings(folder: Path, *select: str) -> set[tuple[str, str, int, int]]:
    args = [a for s in select for a in ("--select", s)]
    run = run_cli("check", *args, "--format", "json", "--no-progress", folder)
    assert run.returncode in (0, 1), run.stderr
    return {
        (
            Path(f["path"]).name,
            d["rule"],
            d["range"]["start"]["line"],
            d["range"]["start"]["column"],
        )
        for f in run.json()["files"]
        for d in f["diagnostics"]
    }


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("proselint-parity")
    for name, text in TEXTS.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    return folder


def test_parity_with_the_proselint_cli(articles: Path) -> None:
    theirs = proselint_findings(articles)
    ours = newslint_findings(articles, "proselint")
    assert ours == theirs
    # The texts are meant to exercise many checks in every file but the empty one.
    assert len({rule for _, rule, _, _ in theirs}) >= 35
    assert {name for name, *_ in theirs} == set(TEXTS) - {"empty.txt"}
    assert not any("restricted" in rule for _, rule, _, _ in ours)


def test_restricted_checks_only_by_their_own_prefix(articles: Path) -> None:
    theirs = proselint_findings(articles, {"checks": {"restricted": True}})
    restricted = {f for f in theirs if f[1].startswith("proselint.restricted.")}
    assert restricted
    assert newslint_findings(articles, "proselint.restricted") == restricted


def test_crlf_positions_are_those_of_the_lf_text(articles: Path) -> None:
    ours = {f for f in newslint_findings(articles, "proselint") if f[0] == "crlf.txt"}
    line = TEXTS["crlf.txt"].split("\r\n")[3]
    assert ("crlf.txt", "proselint.lexical_illusions", 4, line.index("the the") + 1) in ours


def test_quotation_skipping_is_proselints(articles: Path) -> None:
    ours = {f for f in newslint_findings(articles, "proselint") if f[0] == "quotes.txt"}
    rules = {rule for _, rule, _, _ in ours}
    # proselint skips "weather the storm" inside straight quotes but not its
    # curly-quote enforcement, and reports "so to speak" outside any quote.
    assert "proselint.cliches.misc.write_good" not in rules
    assert "proselint.typography.symbols.curly_quotes" in rules
    assert "proselint.hedging" in rules


# -- the matcher against proselint's own code, in process ---------------------------


def _proselint_reference(checks: list, text: str) -> list:
    from proselint.tools import LintFile

    registry_order = {id(c): i for i, c in enumerate(checks)}
    assert len(registry_order) == len(checks)
    lint_file = LintFile("<test>", text or " ")
    lint_file.content = f"\n{text}\n"
    lint_file._compute_bounds()
    results = []
    for check in checks:
        for result in check.check_with_flags(lint_file.content):
            if check.flags.allow_quotes or not lint_file.is_quoted_pos(result.span[0]):
                results.append(result)
    return results[:1000]


def _phrase_soup(seed: int) -> list[str]:
    """Random texts built from the checks' own phrases and our sentences."""
    provider = ProselintProvider()
    pieces = [e.text for m in provider.rules() for e in m.examples]
    pieces += [t for text in TEXTS.values() for t in re.split(r"(?<=[.!?])\s", text)]
    glue = [" ", "\n", "\n\n", ", ", ' "', '" ', " ‘", "’ ", "  ", " the ", "\u00a0"]
    rng = random.Random(seed)
    return [
        "".join(rng.choice(pieces) + rng.choice(glue) for _ in range(rng.randint(1, 12)))
        for _ in range(400)
    ]


@pytest.mark.parametrize("filtered", [False, True])
def test_matcher_equals_proselints_own_checks(
    filtered: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both ways: sets of the detectors whose anchors a text contains (a
    process's first texts), and the full sets (the texts after them)."""
    from proselint.checks import __register__

    from newslint.engines.proselint import match

    monkeypatch.setattr(match, "FILTERED_TEXTS", 10**9 if filtered else 0)
    checks = list(__register__)
    compiled = CompiledChecks.of(checks)
    texts = [
        *_phrase_soup(7),
        "_very unique_ and éVery uniqueé and very\u00a0unique and very\tunique.",
        # Padding.STRICT_WORDS_IN_TEXT bounds by ASCII letters only: a digit may
        # touch the phrase (RE2's detectors must not miss these).
        "Smith, ne Jones.",
        "Smith 2ne Jones.",
        "Smith ne2 Jones.",
        "Smith -ne and ne' and NE.",
    ]
    fired = set()
    for text in texts:
        expected = _proselint_reference(checks, text)
        assert compiled.lint(text) == expected, text
        fired.update(r.check_path for r in expected)
    assert len(fired) > 60  # the soup reaches most checks
    assert compiled.runs < len(texts) * len(checks) / 4  # and most never run
    assert bool(compiled._sets) is not filtered  # the full sets were (not) built
    # Letters that fold into ASCII ones defeat the anchors: such a text gets the full sets.
    folded = ("A very unique o\u212aay idea, ſo very unique.", "İt was very unique.")
    for text in (*folded, "Smith ſne Jones.", "Smith ne\u212a Jones.", "Smith née Jones."):
        assert compiled.lint(text) == _proselint_reference(checks, text), text
    assert compiled._sets


@pytest.mark.parametrize(
    ("pattern", "anchor"),
    [
        (r"(?i:\bnip it in the bud\b)", ("nip", True)),  # the first of the longest
        (r"(?i:\bvery unique\b)", ("unique", True)),
        (r"(?i:\(tm\))", ("tm", True)),  # delimited by the parentheses
        (r"(?i:sanser[iI\x{130}\x{131}]f)", ("sanserif", False)),  # no \b: a substring
        (r"(?i:\bthought leaders?\b)", None),  # a quantifier: always in the set
        (r"(?i:\d+ ?x ?\d+)", None),
        (r"(?i:a\bb)", None),  # \b inside
    ],
)
def test_detector_anchors(pattern: str, anchor: tuple[str, bool] | None) -> None:
    from newslint.engines.proselint.detectors import literal_anchor

    assert literal_anchor(pattern) == anchor


def test_atomic_lexical_pattern_is_equivalent() -> None:
    original = re.compile(_LEXICAL_ORIGINAL, re.IGNORECASE)
    atomic = re.compile(_LEXICAL_ATOMIC, re.IGNORECASE)
    rng = random.Random(3)
    words = ["the", "The", "a", "é", "x1", "1", "_", "'", "-", " ", "  ", "\n", ",", "tHe"]
    words += ["ſ", "İ", "i", "ı", "\u00a0", "thethe", "he", "at", "on", "at the", "on at"]
    matched = 0
    for _ in range(20000):
        text = "".join(rng.choice(words) for _ in range(rng.randint(1, 30)))
        expected = [m.span() for m in original.finditer(text)]
        assert [m.span() for m in atomic.finditer(text)] == expected, text
        matched += bool(expected)
    assert matched > 300


# -- metadata and default selection ---------------------------------------------------


def test_every_proselint_check_is_a_rule() -> None:
    from proselint.checks import __register__

    metas = {m.id: m for m in ProselintProvider().rules()}
    assert set(metas) == {f"proselint.{c.path}" for c in __register__}
    for meta in metas.values():
        assert meta.id == meta.id.lower() and meta.origin.startswith("engine ")
        assert meta.family_selectable == (not meta.id.startswith("proselint.restricted."))
        assert ("Off by default:" in meta.why) != meta.default_enabled


def test_default_selection_leaves_the_noisy_checks_off() -> None:
    metas = ProselintProvider().rules()
    default = select_rules(metas)
    assert "proselint.cliches.misc.write_good" in default
    for prefix in OFF_BY_DEFAULT:
        assert not any(m.id.startswith(f"proselint.{prefix}") for m in metas if m.id in default)
    family = select_rules(metas, ["proselint"])
    assert "proselint.misc.but" in family
    assert "proselint.restricted.top1000" not in family
    assert "proselint.restricted.top1000" in select_rules(metas, ["proselint.restricted"])


def test_replacements_are_never_safe() -> None:
    assert replacement_applicability("chair") is Applicability.UNSAFE
    assert replacement_applicability("because / since") is Applicability.DISPLAY
    assert replacement_applicability("quell' or 'quash") is Applicability.DISPLAY
    assert replacement_applicability(r"[\.\?!] \w") is Applicability.DISPLAY
    assert replacement_applicability(None) is None


def test_suggestions_and_spans_in_json(articles: Path) -> None:
    run = run_cli(
        "check",
        "--select",
        "proselint.social_awareness",
        "--format",
        "json",
        articles / "redundancy.txt",
    )
    (diag,) = run.json()["files"][0]["diagnostics"]
    assert diag["text"] == "chairman"
    assert diag["suggestions"] == [{"replacement": "chair", "applicability": "unsafe"}]
    assert diag["source"] == "proselint"


def test_house_style_checks_report_as_advice(tmp_path: Path) -> None:
    """Style preferences are info (shown, never counted against clean copy); a
    misspelling check proselint also runs stays a warning."""
    story = tmp_path / "style.txt"
    story.write_text(
        "Pier reopens\n\n"
        "The pier first opened on 3 June, 1921, and its keeper grew a moustache. "
        "Meantime, a free long term care scheme was planned for the town. "
        "The claim rang very true. Suddenly, the bird-like crane tipped over. "
        "Her cell phone rang, and she had accidently left the gate open.\n",
        encoding="utf-8",
    )
    run = run_cli("check", "--format", "json", "--no-progress", "--select", "proselint", story)
    severity = {d["rule"]: d["severity"] for d in run.json()["files"][0]["diagnostics"]}
    advice = {
        "proselint.dates_times.dates.month_year_comma",
        "proselint.misc.preferred_forms",
        "proselint.misc.phrasal_adjectives.examples",
        "proselint.uncomparables",
        "proselint.misc.suddenly",
        "proselint.terms.animal_adjectives",
        "proselint.needless_variants",
    }
    assert advice <= set(severity), sorted(severity)
    assert {severity[rule] for rule in advice} == {"info"}
    assert severity["proselint.spelling.ally_ly"] == "warning"


def test_names_and_party_tags_report_as_advice(tmp_path: Path) -> None:
    """A proselint match inside a proper name, or "(R)" tagging a politician's
    party, is kept (parity) but as info; the same words as the writer's own
    wording stay warnings."""
    story = tmp_path / "names.txt"
    story.write_text(
        "Senators clash over budget\n\n"
        "Sen. Dana Whitlow (R) of Ohio spoke first on Tuesday. "
        "Later, Rep. Colm Ferris (R), the committee chairman, answered her.\n\n"
        "She studied at the Ada Marshall Law School in Toledo before politics. "
        "The city later declared marshall law after the riots. "
        "The firm sells its Brightwash(R) soap in every state.\n",
        encoding="utf-8",
    )
    run = run_cli(
        "check",
        "--format",
        "json",
        "--no-progress",
        "--select",
        "proselint",
        "--ignore",
        "proselint.typography.symbols.ellipsis",
        story,
    )
    text = story.read_text(encoding="utf-8")
    found = {
        (text[d["range"]["start"]["offset"] : d["range"]["end"]["offset"]].lower(), d["severity"])
        for d in run.json()["files"][0]["diagnostics"]
        if d["rule"] in ("proselint.typography.symbols.trademark", "proselint.spelling.misc")
    }
    assert found == {
        ("(r)", "info"),  # both party tags: one entry per (text, severity)
        ("marshall law", "info"),  # in the school's name
        ("marshall law", "warning"),  # the writer's own slip
        ("(r)", "warning"),  # on a brand: a trademark
    }, found


def _matched_severities(story: Path, *rules: str) -> list[tuple[str, str]]:
    """(matched text, severity) of the CLI's proselint findings of ``rules`` on ``story``."""
    run = run_cli("check", "--format", "json", "--no-progress", "--select", "proselint", story)
    text = story.read_text(encoding="utf-8")
    return sorted(
        (text[d["range"]["start"]["offset"] : d["range"]["end"]["offset"]], d["severity"])
        for d in run.json()["files"][0]["diagnostics"]
        if d["rule"] in rules
    )


def test_code_clauses_and_shares_of_a_whole_report_as_advice(tmp_path: Path) -> None:
    """ "(c)" in a code's clause ("501(c)(4)") is no copyright sign, "more than a
    third of all" counts a share of a whole, and "such august groups" is the
    adjective: info. A copyright line, "more than them all" and the month in lower
    case stay warnings."""
    story = tmp_path / "groups.txt"
    story.write_text(
        "Groups register as nonprofits\n\n"
        "The groups are organized as 501(c)(4) nonprofits. About a third of all jobs, "
        "more than 340,000 in all, are at risk. The two account for more than a third "
        "of all emissions. The photo is (c) 2020 the author. She said it was more than "
        "them all. She spoke before such august groups as the grocers. The vote is in "
        "august. In the picture Dana Whitlow (C) attends the meeting.\n",
        encoding="utf-8",
    )
    found = _matched_severities(
        story,
        "proselint.typography.symbols.copyright",
        "proselint.misc.illogic",
        "proselint.misc.capitalization.months",
    )
    assert found == [
        ("(C)", "info"),
        ("(c)", "info"),
        ("(c)", "warning"),
        ("august", "info"),
        ("august", "warning"),
        ("more than 340,000 in all", "info"),
        ("more than a third of all", "info"),
        ("more than them all", "warning"),
    ], found


def test_party_tag_after_a_link_card_and_a_particle_name_report_as_advice(
    tmp_path: Path,
) -> None:
    """ "(R)" after a name's link card that a copied page left in ("... MORE (R)")
    or after a full name is a party tag or a place in a picture, and "Van Dyke"
    opening a sentence is a surname: info. The same word as the writer's own
    stays a warning."""
    story = tmp_path / "field.txt"
    story.write_text(
        "Primary field narrows\n\n"
        "Former Rep. Joe Walsh Joseph Walsh WalshPrimary challenger quits race Debate set "
        "for Iowa MORE (R) is now the only Republican still in the race. Businessman John "
        "Cox (R) secured a spot, and in the photo Elaine Chao (R) stands at his side.\n\n"
        "Van Dyke was sentenced last year to more than six years behind bars. "
        "The dyke held.\n",
        encoding="utf-8",
    )
    found = _matched_severities(
        story,
        "proselint.typography.symbols.trademark",
        "proselint.social_awareness.lgbtq.offensive",
    )
    assert found == [
        ("(R)", "info"),
        ("(R)", "info"),
        ("(R)", "info"),
        ("Dyke", "info"),
        ("dyke", "warning"),
    ], found


def test_a_phrase_wrapped_over_two_lines_is_found(tmp_path: Path) -> None:
    """Copy kept at 72 columns may break a phrase at a line end: proselint's
    patterns are written with spaces, so the line break is read as one."""
    line = "The council has met the same objections to the plan time and time\n"
    story = tmp_path / "story.txt"
    story.write_text("Plan delayed\n\n" + line + "again over the past five years.\n")
    found = newslint_findings(tmp_path, "proselint")
    column = line.index("time and") + 1
    assert ("story.txt", "proselint.cliches.misc.write_good", 3, column) in found
