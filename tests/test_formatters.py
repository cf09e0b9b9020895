from __future__ import annotations

import io
import json
import re

import pytest

import newslint
from newslint.diagnostics import (
    Applicability,
    Diagnostic,
    Location,
    Range,
    Severity,
    Suggestion,
)
from newslint.formatters import (
    FORMATTERS,
    default_format,
    get_formatter,
    use_color,
    write_statistics,
)
from newslint.formatters.github import escape_data, escape_property
from newslint.formatters.sarif import artifact_location
from newslint.registry import Example, RuleMeta
from newslint.results import FileResult, RunResult

STORY = (
    "Ceasefire talks resume in Abu Dhabi\n"
    "\n"
    "By Dana Whitfield\n"
    "\n"
    "\tTreasury Secretary Bescent arrived on Monday, aides said.\n"
    "The delegation called the deal \u201cvery unique\u201d \U0001f91d and left.\n"
)


def loc(source: str, offset: int) -> Location:
    line = source.count("\n", 0, offset) + 1
    column = offset - (source.rfind("\n", 0, offset) + 1) + 1
    return Location(line, column, offset)


def diag(
    source: str,
    needle: str,
    rule: str,
    message: str,
    severity: Severity = Severity.WARNING,
    suggestions: tuple[Suggestion, ...] = (),
    length: int | None = None,
) -> Diagnostic:
    start = source.index(needle)
    end = start + (len(needle) if length is None else length)
    return Diagnostic(
        rule=rule,
        message=message,
        start=0,
        end=0,
        severity=severity,
        suggestions=suggestions,
        range=Range(loc(source, start), loc(source, end)),
        text=source[start:end],
    )


RULES = {
    "names.misspelled": RuleMeta(
        id="names.misspelled",
        summary="A known name is misspelled",
        why="Misspelling a newsmaker's name is the fastest way to lose readers' trust.",
        severity=Severity.WARNING,
        fix=Applicability.SAFE,
        examples=(
            Example("Secretary Bescent spoke.", True, fixed="Secretary Bessent spoke."),
            Example("Secretary Bessent spoke.", False),
        ),
    ),
    "style.very-unique": RuleMeta(
        id="style.very-unique",
        summary="'Unique' cannot be qualified",
        why="Something is unique or it is not.",
        severity=Severity.ERROR,
    ),
}


def make_result() -> RunResult:
    misspelled = diag(
        STORY,
        "Bescent",
        "names.misspelled",
        "'Bescent' looks like a misspelling of 'Bessent'",
        suggestions=(Suggestion("Bessent", Applicability.SAFE),),
    )
    unique = diag(
        STORY,
        "very unique",
        "style.very-unique",
        "'very unique' is redundant",
        Severity.ERROR,
        (Suggestion("unique", Applicability.UNSAFE),),
    )
    after_emoji = diag(
        STORY, "and left", "grammar.TEST_RULE", "Check this, please: twice", Severity.INFO
    )
    spanning = diag(STORY, "Abu Dhabi\n\nBy", "structure.headline-byline", "Headline runs on")
    story = FileResult(
        "news/abu-dhabi.md",
        [misspelled, unique, after_emoji, spanning],
        source=STORY,
    )
    unreadable = FileResult("news/broken.md", errors=["news/broken.md: not valid UTF-8 (byte 7)"])
    clean = FileResult("news/clean.md", source="Council approves budget.\n")
    return RunResult([story, unreadable, clean], RULES)


def render(name: str, result: RunResult, *, color: bool = False) -> str:
    out = io.StringIO()
    get_formatter(name).write(result, out, color=color)
    return out.getvalue()


# -- text ----------------------------------------------------------------------

EXPECTED_TEXT = """\
news/abu-dhabi.md
  5:21  warning  names.misspelled  'Bescent' looks like a misspelling of 'Bessent'
        Treasury Secretary Bescent arrived on Monday, aides said.
                           ^^^^^^^
    fix: Bessent
  6:33  error    style.very-unique  'very unique' is redundant
    The delegation called the deal \u201cvery unique\u201d \U0001f91d and left.
                                    ^^^^^^^^^^^
    fix (unsafe): unique
  6:48  info     grammar.TEST_RULE  Check this, please: twice
    The delegation called the deal \u201cvery unique\u201d \U0001f91d and left.
                                                    ^^^^^^^^
  1:27  warning  structure.headline-byline  Headline runs on
    Ceasefire talks resume in Abu Dhabi
                              ^^^^^^^^^

news/broken.md: error: not valid UTF-8 (byte 7)

4 problems (1 error, 2 warnings, 1 info) in 1 file; 1 file could not be read
"""


def test_text_output_exact() -> None:
    assert render("text", make_result()) == EXPECTED_TEXT


def test_text_tab_expanded_so_caret_lines_up() -> None:
    lines = render("text", make_result()).splitlines()
    source_line, caret = lines[2], lines[3]
    assert "\t" not in source_line
    column = caret.index("^")
    assert source_line[column : column + len("Bescent")] == "Bescent"


def test_text_with_colour() -> None:
    text = render("text", make_result(), color=True)
    assert "\x1b[1mnews/abu-dhabi.md\x1b[0m\n" in text
    assert (
        "  \x1b[2m5:21\x1b[0m  \x1b[1m\x1b[33mwarning\x1b[0m  \x1b[2mnames.misspelled\x1b[0m"
        in text
    )
    assert "\x1b[1m\x1b[31merror\x1b[0m    " in text  # padding outside the colour codes
    assert "    \x1b[32mfix: Bessent\x1b[0m\n" in text
    # Stripping the escapes gives exactly the plain output.
    assert re.sub(r"\x1b\[\d+m", "", text) == EXPECTED_TEXT


def test_text_clean_run_and_control_characters() -> None:
    clean = RunResult([FileResult("a.txt", source="x\n"), FileResult("b.txt", source="y\n")], {})
    assert render("text", clean) == "No problems found in 2 files\n"
    source = "Alert\x1b[2J here\n"
    hostile = diag(source, "here", "filler.x", "bad\x1b[31m message")
    out = render("text", RunResult([FileResult("c.txt", [hostile], source=source)], {}))
    assert "\x1b" not in out
    assert "    Alert\ufffd[2J here\n" in out


def test_text_long_line_is_windowed() -> None:
    source = ("The council said it would review the plan. " * 10) + "Bescent spoke. " + "x" * 300
    d = diag(source, "Bescent", "names.misspelled", "misspelled")
    lines = render("text", RunResult([FileResult("long.txt", [d], source=source)], {})).splitlines()
    shown, caret = lines[2], lines[3]
    assert len(shown) < 140 and shown.startswith("    …") and shown.endswith("…")
    start = caret.index("^")
    assert shown[start : start + 7] == "Bescent" and caret.count("^") == 7


# -- concise and github ------------------------------------------------------------


def test_concise_output_exact() -> None:
    assert render("concise", make_result()) == (
        "news/abu-dhabi.md:5:21: warning names.misspelled "
        "'Bescent' looks like a misspelling of 'Bessent'\n"
        "news/abu-dhabi.md:6:33: error style.very-unique 'very unique' is redundant\n"
        "news/abu-dhabi.md:6:48: info grammar.TEST_RULE Check this, please: twice\n"
        "news/abu-dhabi.md:1:27: warning structure.headline-byline Headline runs on\n"
        "news/broken.md: error: not valid UTF-8 (byte 7)\n"
    )


def test_github_output_exact() -> None:
    result = make_result()
    result.notices.append("grammar is off: run `newslint languagetool install`")
    assert render("github", result) == (
        "::warning file=news/abu-dhabi.md,line=5,col=21,endLine=5,endColumn=28,"
        "title=names.misspelled::'Bescent' looks like a misspelling of 'Bessent'\n"
        "::error file=news/abu-dhabi.md,line=6,col=33,endLine=6,endColumn=44,"
        "title=style.very-unique::'very unique' is redundant\n"
        "::notice file=news/abu-dhabi.md,line=6,col=48,endLine=6,endColumn=56,"
        "title=grammar.TEST_RULE::Check this, please: twice\n"
        "::warning file=news/abu-dhabi.md,line=1,endLine=3,"
        "title=structure.headline-byline::Headline runs on\n"
        "::error file=news/broken.md::not valid UTF-8 (byte 7)\n"
        "::notice title=newslint::grammar is off: run `newslint languagetool install`\n"
    )


def test_github_escaping() -> None:
    assert escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"
    assert escape_property("dir, a:b%\n") == "dir%2C a%3Ab%25%0A"
    source = "Line one\n"
    d = diag(source, "one", "style.x", "50% of\nreaders")
    out = render("github", RunResult([FileResult("news/a,b:c.md", [d], source=source)], {}))
    assert out == (
        "::warning file=news/a%2Cb%3Ac.md,line=1,col=6,endLine=1,endColumn=9,"
        "title=style.x::50%25 of%0Areaders\n"
    )


# -- json ----------------------------------------------------------------------------


def test_json_contract() -> None:
    text = render("json", make_result())
    assert text.endswith("}\n") and "\U0001f91d" not in text  # emoji only in source
    assert "\u201cvery" not in text
    data = json.loads(text)
    assert list(data) == ["version", "tool", "files", "summary", "notices"]
    assert data["version"] == 1
    assert data["tool"] == {"name": "newslint", "version": newslint.__version__}
    assert data["summary"] == {"files": 3, "diagnostics": 4, "errors": 1}
    story, broken, clean = data["files"]
    assert [f["path"] for f in data["files"]] == [
        "news/abu-dhabi.md",
        "news/broken.md",
        "news/clean.md",
    ]
    first = story["diagnostics"][0]
    assert list(first) == [
        "rule",
        "severity",
        "message",
        "range",
        "text",
        "suggestions",
        "source",
        "url",
    ]
    offset = STORY.index("Bescent")
    assert first == {
        "rule": "names.misspelled",
        "severity": "warning",
        "message": "'Bescent' looks like a misspelling of 'Bessent'",
        "range": {
            "start": {"line": 5, "column": 21, "offset": offset},
            "end": {"line": 5, "column": 28, "offset": offset + 7},
        },
        "text": "Bescent",
        "suggestions": [{"replacement": "Bessent", "applicability": "safe"}],
        "source": "newslint",
        "url": None,  # no docs-url configured: no link rather than a dead one
    }
    assert story["diagnostics"][1]["suggestions"][0]["applicability"] == "unsafe"
    assert story["diagnostics"][2]["severity"] == "info"
    assert story["diagnostics"][2]["url"] == (
        "https://community.languagetool.org/rule/show/TEST_RULE?lang=en"
    )
    assert story["errors"] == [] and clean == {
        "path": "news/clean.md",
        "diagnostics": [],
        "errors": [],
    }
    assert broken["diagnostics"] == []
    assert broken["errors"] == ["news/broken.md: not valid UTF-8 (byte 7)"]


def test_json_names_file_in_error_once_and_keeps_non_ascii() -> None:
    result = RunResult(
        [FileResult("café.md", errors=["permission denied"])],
        {},
    )
    text = render("json", result)
    assert '"café.md: permission denied"' in text  # ensure_ascii=False


# -- sarif ---------------------------------------------------------------------------


def _assert_sarif_structure(log: dict) -> None:
    """The parts of the SARIF 2.1.0 schema that GitHub code scanning requires."""
    assert log["version"] == "2.1.0" and log["$schema"].startswith("https://")
    assert isinstance(log["runs"], list) and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert isinstance(driver["name"], str) and driver["name"]
    assert isinstance(driver["version"], str)
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids))
    for rule in driver["rules"]:
        assert isinstance(rule["shortDescription"]["text"], str)
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note", "none"}
    for res in run["results"]:
        assert isinstance(res["message"]["text"], str) and res["message"]["text"]
        assert ids[res["ruleIndex"]] == res["ruleId"]
        assert res["level"] in {"error", "warning", "note", "none"}
        (location,) = res["locations"]
        physical = location["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert "\\" not in uri and not uri.startswith("/")
        region = physical["region"]
        for key in ("startLine", "startColumn", "endLine", "endColumn"):
            assert isinstance(region[key], int) and region[key] >= 1
        assert (region["endLine"], region["endColumn"]) >= (
            region["startLine"],
            region["startColumn"],
        )
    for invocation in run["invocations"]:
        assert isinstance(invocation["executionSuccessful"], bool)
        for note in invocation.get("toolExecutionNotifications", []):
            assert note["level"] in {"error", "warning", "note", "none"}
            assert isinstance(note["message"]["text"], str)


def test_sarif_log() -> None:
    log = json.loads(render("sarif", make_result()))
    _assert_sarif_structure(log)
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "newslint" and driver["version"] == newslint.__version__
    assert [r["id"] for r in driver["rules"]] == [
        "names.misspelled",
        "style.very-unique",
        "grammar.TEST_RULE",
        "structure.headline-byline",
    ]
    names = driver["rules"][0]
    assert names["shortDescription"] == {"text": "A known name is misspelled"}
    assert names["fullDescription"]["text"].startswith("Misspelling a newsmaker")
    assert "`Secretary Bescent spoke.` → `Secretary Bessent spoke.`" in names["help"]["markdown"]
    assert "Secretary Bessent spoke." in names["help"]["text"]
    assert "helpUri" not in names  # no docs-url configured
    assert "informationUri" not in driver
    assert driver["rules"][2]["helpUri"].startswith("https://community.languagetool.org/")
    assert driver["rules"][1]["defaultConfiguration"] == {"level": "error"}
    assert driver["rules"][2]["defaultConfiguration"] == {"level": "note"}

    first, unique, after_emoji, spanning = run["results"]
    assert first["level"] == "warning" and unique["level"] == "error"
    assert after_emoji["level"] == "note"
    physical = first["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "news/abu-dhabi.md", "uriBaseId": "%SRCROOT%"}
    assert physical["region"] == {
        "startLine": 5,
        "startColumn": 21,
        "endLine": 5,
        "endColumn": 28,
        "snippet": {"text": "Bescent"},
    }
    # The handshake emoji is two UTF-16 code units: columns after it shift by one.
    region = after_emoji["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (49, 57)
    assert run["columnKind"] == "utf16CodeUnits"
    assert spanning["locations"][0]["physicalLocation"]["region"]["endLine"] == 3
    # Only safe suggestions become SARIF fixes.
    replacement = first["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"] == {"text": "Bessent"}
    assert "fixes" not in unique

    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "news/broken.md" in note["message"]["text"]


def test_sarif_clean_run_succeeds() -> None:
    log = json.loads(render("sarif", RunResult([FileResult("a.md", source="Fine.\n")], {})))
    _assert_sarif_structure(log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": True}]


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("news/story one.md", "news/story%20one.md"),
        ("./news/a.md", "news/a.md"),
        ("news\\win.md", "news/win.md"),
    ],
)
def test_sarif_uris_relative_with_forward_slashes(path: str, uri: str) -> None:
    assert artifact_location(path) == {"uri": uri, "uriBaseId": "%SRCROOT%"}


# -- statistics and selection -----------------------------------------------------


def test_statistics() -> None:
    result = make_result()
    source = result.files[0].source or ""
    extra = diag(source, "Bescent", "names.misspelled", "again")
    result.files[0].diagnostics.append(extra)
    out = io.StringIO()
    write_statistics(result, out)
    assert out.getvalue() == (
        "2  names.misspelled           A known name is misspelled\n"
        "1  grammar.TEST_RULE\n"
        "1  structure.headline-byline\n"
        "1  style.very-unique          'Unique' cannot be qualified\n"
    )


def test_formatter_registry_and_defaults() -> None:
    assert set(FORMATTERS) == {"text", "concise", "json", "jsonl", "sarif", "github", "html"}
    for name in FORMATTERS:
        assert get_formatter(name).name == name
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        get_formatter("xml")
    assert default_format(True, {}) == "text"
    assert default_format(False, {}) == "concise"
    assert default_format(True, {"GITHUB_ACTIONS": "true"}) == "github"
    assert use_color(True, {}) is True
    assert use_color(True, {"NO_COLOR": "1"}) is False
    assert use_color(False, {}) is False
