"""Configuration: discovery, validation, per-file settings and CLI overrides."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newslint.config import (
    DEFAULT_MAX_FILE_SIZE,
    CliOverrides,
    Config,
    ConfigResolver,
    LanguageToolSettings,
    find_config,
    load_config,
    load_word_list,
    parse_size,
)
from newslint.diagnostics import ConfigError, Severity
from newslint.registry import RuleMeta


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def article(path: Path) -> Path:
    return write(path, "Harbour ferry fares rise\n\nFares rise by 40 cents on Monday.\n")


# -- discovery -----------------------------------------------------------------


def test_discovery_order_within_one_directory(tmp_path: Path) -> None:
    story = article(tmp_path / "story.md")
    write(tmp_path / "pyproject.toml", "[tool.newslint]\nlanguage = 'en-GB'\n")
    assert find_config(story) == tmp_path / "pyproject.toml"
    write(tmp_path / "newslint.toml", "language = 'en-GB'\n")
    assert find_config(story) == tmp_path / "newslint.toml"
    write(tmp_path / ".newslint.toml", "language = 'en-GB'\n")
    assert find_config(story) == tmp_path / ".newslint.toml"


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "newslint.toml", "fail-on = 'error'\n")
    desk = tmp_path / "desk"
    write(
        desk / "pyproject.toml", "[project]\nname = 'metro-desk'\n[tool.ruff]\nline-length = 90\n"
    )
    story = article(desk / "story.md")
    assert find_config(story) == tmp_path / "newslint.toml"
    # A pyproject that merely mentions newslint elsewhere is skipped too.
    write(desk / "pyproject.toml", "[project]\nname = 'newslint-plugins'\n")
    assert find_config(story) == tmp_path / "newslint.toml"
    write(desk / "pyproject.toml", "[tool.newslint]\nfail-on = 'info'\n")
    assert find_config(story) == desk / "pyproject.toml"
    assert load_config(desk / "pyproject.toml").fail_on is Severity.INFO


def test_walks_up_several_levels_and_nearest_wins(tmp_path: Path) -> None:
    write(tmp_path / "newslint.toml", "language = 'en-GB'\n")
    deep = article(tmp_path / "metro" / "2024" / "june" / "story.md")
    assert find_config(deep) == tmp_path / "newslint.toml"
    assert find_config(deep.parent) == tmp_path / "newslint.toml"
    write(tmp_path / "metro" / ".newslint.toml", "language = 'en-US'\n")
    assert find_config(deep) == tmp_path / "metro" / ".newslint.toml"


def test_resolver_walks_up_and_caches_per_directory(tmp_path: Path) -> None:
    write(tmp_path / "newslint.toml", "language = 'en-GB'\nignore = ['ap']\n")
    write(tmp_path / "sport" / "newslint.toml", "ignore = ['names']\n")
    one = article(tmp_path / "metro" / "a" / "one.md")
    two = article(tmp_path / "metro" / "b" / "two.md")
    three = article(tmp_path / "sport" / "three.md")
    resolver = ConfigResolver(None, CliOverrides())
    first, second = resolver.for_path(one), resolver.for_path(two)
    assert first is second  # one load per config file
    assert first.language == "en-GB" and first.ignore == ("ap",)
    assert resolver.for_path(three).ignore == ("names",)
    assert resolver.for_path(three).language == "en-US"  # no merging across files


def test_no_config_gives_defaults_rooted_at_cwd(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    story = article(tmp_path / "story.txt")
    assert find_config(story) is None
    config = ConfigResolver(None, CliOverrides()).for_path(story)
    assert config.path is None
    assert config.root == tmp_path
    assert config.max_file_size == DEFAULT_MAX_FILE_SIZE
    assert config.fail_on is Severity.WARNING
    assert config.language == "en-US"
    assert config.languagetool == LanguageToolSettings()


def test_explicit_config_overrides_discovery(tmp_path: Path) -> None:
    write(tmp_path / "newslint.toml", "language = 'en-GB'\n")
    chosen = write(tmp_path / "ci" / "strict.toml", "fail-on = 'info'\n")
    story = article(tmp_path / "story.md")
    resolver = ConfigResolver(chosen, CliOverrides())
    config = resolver.for_path(story)
    assert config.path == chosen
    assert config.fail_on is Severity.INFO
    assert config.language == "en-US"
    assert config.root == chosen.parent


def test_explicit_config_errors_at_construction(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        ConfigResolver(tmp_path / "missing.toml", CliOverrides())


def test_explicit_pyproject_without_table_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"no \[tool.newslint\] table"):
        load_config(path)


# -- a full config -------------------------------------------------------------

FULL = """\
select = ["names", "dates", "filler"]
extend-select = ["ap"]
ignore = ["filler.seo"]
fail-on = "error"
packs = ["style/house.toml"]
names = ["style/people.toml", "../shared/officials.toml"]
language = "en-GB"
exclude = ["drafts/", "archive/**"]
max-file-size = "2MB"

[severity]
"filler" = "error"
"spelling.variant" = "off"

[vocabulary]
accept = ["words/accept.txt"]
reject = ["words/reject.txt"]

[per-file-ignores]
"wires/**" = ["structure", "names.second-reference"]

[languagetool]
mode = "remote"
url = "http://127.0.0.1:8081/"
level = "picky"
autostart = false
idle-stop = 90

[rules."dates.relative-day"]
max-distance = 6
"""


def test_every_key_is_read(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / "desk" / "newslint.toml", FULL))
    desk = tmp_path / "desk"
    assert config.select == ("names", "dates", "filler")
    assert config.extend_select == ("ap",)
    assert config.ignore == ("filler.seo",)
    assert config.fail_on is Severity.ERROR
    assert config.packs == (desk / "style" / "house.toml",)
    assert config.names == (desk / "style" / "people.toml", tmp_path / "shared" / "officials.toml")
    assert config.accept_files == (desk / "words" / "accept.txt",)
    assert config.reject_files == (desk / "words" / "reject.txt",)
    assert config.language == "en-GB"
    assert config.exclude == ("drafts/", "archive/**")
    assert config.max_file_size == 2 * 1024 * 1024
    assert config.severity == {"filler": "error", "spelling.variant": "off"}
    assert config.per_file_ignores == {"wires/**": ("structure", "names.second-reference")}
    assert config.languagetool == LanguageToolSettings(
        "remote", "http://127.0.0.1:8081", "picky", autostart=False, idle_stop_minutes=90.0
    )
    assert config.rule_options == {"dates.relative-day": {"max-distance": 6}}
    assert config.path == desk / "newslint.toml"
    assert config.root == desk


def test_relative_paths_resolve_against_config_dir_not_cwd(tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path / "newsroom" / "newslint.toml", "packs = ['packs/local.toml']\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    config = load_config(Path(os.path.relpath(path, elsewhere)))
    assert config.packs == (tmp_path / "newsroom" / "packs" / "local.toml",)


def test_pyproject_table_is_read(tmp_path: Path) -> None:
    text = "[project]\nname='desk'\n\n[tool.newslint]\nignore = ['ap']\n\n"
    text += "[tool.newslint.languagetool]\nmode = 'off'\n"
    config = load_config(write(tmp_path / "pyproject.toml", text))
    assert config.ignore == ("ap",)
    assert config.languagetool.mode == "off"


# -- validation ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("snippet", "key", "expected"),
    [
        ("select = 'names'", "select", "array of strings"),
        ("select = ['names', 3]", "select", "array of strings"),
        ("extend-select = {}", "extend-select", "array of strings"),
        ("ignore = true", "ignore", "array of strings"),
        ("severity = ['names']", "severity", "table"),
        ("severity = {names = 'loud'}", "severity.names", "'error'"),
        ("severity = {names = 2}", "severity.names", "got an integer"),
        ("fail-on = 2", "fail-on", "got an integer"),
        ("fail-on = 'warn'", "fail-on", "did you mean 'warning'?"),
        ("packs = 'house.toml'", "packs", "array of strings"),
        ("vocabulary = ['a.txt']", "vocabulary", "table"),
        ("vocabulary = {accept = 'a.txt'}", "vocabulary.accept", "array of strings"),
        ("names = [1]", "names", "array of strings"),
        ("language = 'en-UK'", "language", "'en-GB'"),
        ("language = 1", "language", "got an integer"),
        ("per-file-ignores = ['x']", "per-file-ignores", "table"),
        ("per-file-ignores = {'wires/*' = 'names'}", 'per-file-ignores."wires/*"', "array"),
        ("exclude = 'drafts'", "exclude", "array of strings"),
        ("max-file-size = 'huge'", "max-file-size", "not a size"),
        ("max-file-size = 0", "max-file-size", "positive"),
        ("max-file-size = true", "max-file-size", "got a boolean"),
        ("max-file-size = 1.5", "max-file-size", "got a float"),
        ("languagetool = 'off'", "languagetool", "table"),
        ("languagetool = {mode = 'cloud'}", "languagetool.mode", "'remote'"),
        ("languagetool = {level = 'strict'}", "languagetool.level", "'picky'"),
        ("languagetool = {url = 8081}", "languagetool.url", "string"),
        ("languagetool = {url = 'localhost:8081'}", "languagetool.url", "http://"),
        ("languagetool = {autostart = 'yes'}", "languagetool.autostart", "true or false"),
        ("languagetool = {idle-stop = -1}", "languagetool.idle-stop", "minutes"),
        ("languagetool = {idle-stop = true}", "languagetool.idle-stop", "minutes"),
        ("rules = {'dates.relative-day' = 3}", 'rules."dates.relative-day"', "table"),
    ],
)
def test_wrong_types_name_file_and_key(
    tmp_path: Path, snippet: str, key: str, expected: str
) -> None:
    path = write(tmp_path / "newslint.toml", snippet + "\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(f"{path}: {key}: ")
    assert expected in message


def test_remote_mode_needs_url(tmp_path: Path) -> None:
    path = write(tmp_path / "newslint.toml", "[languagetool]\nmode = 'remote'\n")
    with pytest.raises(ConfigError, match=r"languagetool\.url is required"):
        load_config(path)


@pytest.mark.parametrize(
    ("text", "key", "hint"),
    [
        ("selct = ['names']\n", "'selct'", "'select'"),
        ("extend_select = ['ap']\n", "'extend_select'", "'extend-select'"),
        ("failon = 'error'\n", "'failon'", "'fail-on'"),
        ("[languagetool]\nmdoe = 'off'\n", "'languagetool.mdoe'", "'mode'"),
        ("[vocabulary]\naccepts = []\n", "'vocabulary.accepts'", "'accept'"),
    ],
)
def test_unknown_keys_suggest_nearest(tmp_path: Path, text: str, key: str, hint: str) -> None:
    path = write(tmp_path / "newslint.toml", text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert str(path) in message
    assert f"unknown key {key}" in message
    assert f"did you mean {hint}?" in message


def test_unknown_key_without_near_match_has_no_hint(tmp_path: Path) -> None:
    path = write(tmp_path / "newslint.toml", "colour-scheme = 'dark'\n")
    with pytest.raises(ConfigError, match="unknown key 'colour-scheme'") as info:
        load_config(path)
    assert "did you mean" not in str(info.value)


def test_unknown_key_in_pyproject_shows_full_path(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.newslint]\nignroe = ['ap']\n")
    with pytest.raises(ConfigError, match=r"unknown key 'tool.newslint.ignroe' .*'ignore'"):
        load_config(path)


def test_malformed_toml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "newslint.toml", "language = 'en-GB'\nselect = ['names',\nfail-on =\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert "line 3" in message


def test_malformed_pyproject_with_table_fails_discovery(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.newslint\nignore = []\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        find_config(article(tmp_path / "story.md"))


# -- per-file questions ----------------------------------------------------------


def rooted(tmp_path: Path, **fields: object) -> Config:
    return Config(root=tmp_path, path=tmp_path / "newslint.toml", **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("pattern", "path", "excluded"),
    [
        ("drafts/", "drafts/story.md", True),
        ("drafts/", "metro/drafts/story.md", True),
        ("drafts/", "metro/drafts.md", False),
        ("drafts/", "drafts", False),  # a file named drafts is not a directory
        ("drafts", "drafts", True),
        ("*.tmp.md", "metro/story.tmp.md", True),
        ("*.tmp.md", "metro/story.md", False),
        ("archive/**", "archive/2019/05/story.md", True),
        ("archive/**", "metro/archive/story.md", False),  # anchored at the root
        ("archive/2019", "archive/2019/05/story.md", True),
        ("archive/2019", "archive/2020/story.md", False),
        ("**/embargoed/*.md", "a/b/embargoed/x.md", True),
        ("**/embargoed/*.md", "embargoed/x.md", True),
        ("**/embargoed/*.md", "embargoed/sub/x.md", False),
        ("metro/*.md", "metro/sub/x.md", False),
        ("./metro/x?.md", "metro/x1.md", True),
        ("wire-[0-9].txt", "in/wire-7.txt", True),
        ("wire-[!0-9].txt", "in/wire-7.txt", False),
    ],
)
def test_exclude_globs(tmp_path: Path, pattern: str, path: str, excluded: bool) -> None:
    config = rooted(tmp_path, exclude=(pattern,))
    assert config.is_excluded(tmp_path / path) is excluded


def test_directory_only_globs_match_directories_when_told(tmp_path: Path) -> None:
    config = rooted(tmp_path, exclude=("drafts/", "archive/2019/"))
    assert config.is_excluded(tmp_path / "metro" / "drafts", directory=True)
    assert not config.is_excluded(tmp_path / "metro" / "drafts")
    assert config.is_excluded(tmp_path / "archive" / "2019", directory=True)
    assert not config.is_excluded(tmp_path / "archive", directory=True)


def test_exclude_relative_to_config_dir_not_cwd(tmp_path: Path, monkeypatch) -> None:
    config = load_config(write(tmp_path / "site" / "newslint.toml", "exclude = ['old/*.md']\n"))
    monkeypatch.chdir(tmp_path)
    assert config.is_excluded(Path("site/old/story.md"))
    assert not config.is_excluded(Path("old/story.md"))  # outside the config dir


def test_component_patterns_apply_outside_root(tmp_path: Path) -> None:
    config = rooted(tmp_path / "desk", exclude=("drafts/", "archive/**"))
    assert config.is_excluded(tmp_path / "other" / "drafts" / "x.md")
    assert not config.is_excluded(tmp_path / "archive" / "x.md")


def test_per_file_ignores(tmp_path: Path) -> None:
    config = rooted(
        tmp_path,
        per_file_ignores={
            "wires/**": ("structure", "names.second-reference"),
            "*.txt": ("structure", "filler"),
            "opinion/": ("attribution",),
        },
    )
    assert config.ignored_for(tmp_path / "wires" / "ap" / "x.md") == (
        "structure",
        "names.second-reference",
    )
    assert config.ignored_for(tmp_path / "wires" / "x.txt") == (
        "structure",
        "names.second-reference",
        "filler",
    )
    assert config.ignored_for(tmp_path / "metro" / "opinion" / "col.md") == ("attribution",)
    assert config.ignored_for(tmp_path / "metro" / "x.md") == ()


def meta(rule_id: str, enabled: bool = True) -> RuleMeta:
    return RuleMeta(id=rule_id, summary="s", why="w", default_enabled=enabled)


def test_rule_selection_with_per_file_ignores(tmp_path: Path) -> None:
    rules = [meta("names.misspelled"), meta("structure.byline"), meta("ap.numerals", False)]
    config = rooted(
        tmp_path, extend_select=("ap",), per_file_ignores={"wires/*": ("structure", "ap")}
    )
    assert config.rule_selection(rules) == {"names.misspelled", "structure.byline", "ap.numerals"}
    assert config.rule_selection(rules, tmp_path / "wires" / "x.md") == {"names.misspelled"}


def test_severity_longest_prefix_wins(tmp_path: Path) -> None:
    config = rooted(
        tmp_path,
        severity={
            "filler": "error",
            "filler.chatbot": "info",
            "spelling": "off",
            "spelling.variant": "warning",
            "all": "info",
        },
    )
    assert config.severity_for("filler.click-here", Severity.WARNING) is Severity.ERROR
    assert config.severity_for("filler.chatbot", Severity.WARNING) is Severity.INFO
    assert config.severity_for("spelling.misspelled", Severity.WARNING) is None
    assert config.severity_for("spelling.variant", Severity.INFO) is Severity.WARNING
    assert config.severity_for("names.misspelled", Severity.ERROR) is Severity.INFO
    assert config.severity_for("fillers.x", Severity.ERROR) is Severity.INFO


def test_severity_default_when_nothing_matches(tmp_path: Path) -> None:
    config = rooted(tmp_path, severity={"filler": "off"})
    assert config.severity_for("names.misspelled", Severity.ERROR) is Severity.ERROR
    assert config.severity_for("filler.x", Severity.ERROR) is None


# -- vocabulary ----------------------------------------------------------------


def test_word_lists(tmp_path: Path) -> None:
    accept = write(
        tmp_path / "w" / "accept.txt", "# local names\nWhitcombe\n\nKaiwharawhara  # suburb\n"
    )
    reject = write(tmp_path / "w" / "reject.txt", "alright\n")
    assert load_word_list(accept) == {"Whitcombe", "Kaiwharawhara"}
    text = "[vocabulary]\naccept = ['w/accept.txt']\nreject = ['w/reject.txt']\n"
    config = load_config(write(tmp_path / "newslint.toml", text))
    assert config.vocabulary() == ({"Whitcombe", "Kaiwharawhara"}, {"alright"})
    assert config.check_context().accept_words == {"Whitcombe", "Kaiwharawhara"}
    # Cached on the config: later edits of the file are not re-read in one run.
    reject.write_text("alright\nirregardless\n", encoding="utf-8")
    assert config.vocabulary()[1] == {"alright"}


def test_missing_word_file_names_config_and_key(tmp_path: Path) -> None:
    path = write(tmp_path / "newslint.toml", "[vocabulary]\nreject = ['nope.txt']\n")
    config = load_config(path)
    with pytest.raises(ConfigError) as info:
        config.vocabulary()
    message = str(info.value)
    assert str(path) in message and "vocabulary.reject" in message and "nope.txt" in message


# -- sizes and overrides ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "size"),
    [("1MB", 1024**2), ("500kb", 500 * 1024), ("2 MiB", 2 * 1024**2), ("1.5K", 1536), ("99", 99)],
)
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "MB", "-1MB", "1TB", "0", "one meg"])
def test_parse_size_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_size(text)


def test_cli_overrides_merge(tmp_path: Path) -> None:
    text = "select = ['names']\nextend-select = ['ap']\nignore = ['names.variant']\n"
    text += "fail-on = 'error'\nlanguage = 'en-GB'\n"
    write(tmp_path / "newslint.toml", text)
    story = article(tmp_path / "story.md")

    added = CliOverrides(extend_select=("dates",), ignore=("filler",))
    config = ConfigResolver(None, added).for_path(story)
    assert config.select == ("names",)
    assert config.extend_select == ("ap", "dates")
    assert config.ignore == ("names.variant", "filler")
    assert config.fail_on is Severity.ERROR and config.language == "en-GB"

    replaced = CliOverrides(select=("filler",), fail_on="info", language="en-US")
    config = ConfigResolver(None, replaced).for_path(story)
    assert config.select == ("filler",)
    assert config.extend_select == ()  # a CLI select replaces the whole selection
    assert config.ignore == ("names.variant",)
    assert config.fail_on is Severity.INFO and config.language == "en-US"


def test_cli_overrides_apply_to_explicit_and_default_configs(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    story = article(tmp_path / "story.md")
    overrides = CliOverrides(ignore=("grammar",))
    assert ConfigResolver(None, overrides).for_path(story).ignore == ("grammar",)
    chosen = write(tmp_path / "ci.toml", "ignore = ['ap']\n")
    assert ConfigResolver(chosen, overrides).for_path(story).ignore == ("ap", "grammar")


def test_cli_overrides_accept_click_values() -> None:
    overrides = CliOverrides(select=["names"], extend_select=None, ignore=["ap"], fail_on="error")  # type: ignore[arg-type]
    assert overrides.select == ("names",)
    assert overrides.extend_select == ()
    assert overrides.apply(Config()).fail_on is Severity.ERROR
    assert CliOverrides(fail_on="never").apply(Config()).fail_on is None
    merged = overrides.apply(Config(ignore=("filler",)))
    assert merged.ignore == ("filler", "ap")
    with pytest.raises(ValueError):
        CliOverrides(fail_on="loud")  # type: ignore[arg-type]
