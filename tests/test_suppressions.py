"""Suppression directives: regions, next line, whole file, unused tracking."""

from __future__ import annotations

import pytest

from newslint.diagnostics import Diagnostic, Location, Range
from newslint.document import Directive
from newslint.suppressions import parse_directives

# A short article in Markdown; directives are passed separately, as the
# loaders would find them, so line numbers here are what matters.
ARTICLE = """\
# Council approves harbour budget

<!-- newslint-disable-next-line names -->

Mayor Ana Whitcombe said the vote was "long overdue."

Click here to read more about the harbour works.
<!-- newslint-disable filler -->
Don't forget to subscribe for updates.
As an AI language model, I cannot attend council meetings.
<!-- newslint-enable -->
Subscribe now for more local news.
""".splitlines()


def diag(rule: str, line: int) -> Diagnostic:
    start = Location(line=line, column=1, offset=0)
    end = Location(line=line, column=5, offset=4)
    return Diagnostic(
        rule=rule, message=f"{rule} on {line}", start=0, end=4, range=Range(start, end)
    )


def kept(directives: list[Directive], found: list[Diagnostic], **kwargs: object) -> set:
    sup = parse_directives(directives, **kwargs)  # type: ignore[arg-type]
    return {(d.rule, d.range.start.line) for d in sup.filter(found) if d.range}


def d(line: int, body: str, end_line: int | None = None) -> Directive:
    return Directive(line=line, end_line=end_line or line, body=body)


def test_disable_then_bare_enable_is_a_region() -> None:
    found = [diag("filler.click-here", n) for n in (7, 9, 10, 12)]
    directives = [d(8, "disable filler"), d(11, "enable")]
    assert kept(directives, found) == {("filler.click-here", 7), ("filler.click-here", 12)}


def test_disable_only_matches_its_prefixes() -> None:
    found = [diag("filler.subscribe", 9), diag("names.misspelled", 9), diag("fill.x", 9)]
    assert kept([d(8, "disable filler")], found) == {("names.misspelled", 9), ("fill.x", 9)}


def test_ids_separated_by_commas_and_spaces() -> None:
    found = [diag("filler.subscribe", 5), diag("spelling.misspelled", 5), diag("dates.x", 5)]
    directives = [d(2, "disable filler,spelling.misspelled")]
    assert kept(directives, found) == {("dates.x", 5)}
    directives = [d(2, "disable  filler ,  spelling.misspelled")]
    assert kept(directives, found) == {("dates.x", 5)}


def test_disable_without_ids_disables_everything_until_end() -> None:
    found = [diag("names.misspelled", 1), diag("names.misspelled", 3), diag("dates.x", 40)]
    assert kept([d(2, "disable")], found) == {("names.misspelled", 1)}


def test_enable_with_ids_reenables_only_those() -> None:
    found = [diag("filler.subscribe", 9), diag("names.misspelled", 9), diag("dates.weekday", 9)]
    directives = [d(1, "disable"), d(5, "enable names")]
    assert kept(directives, found) == {("names.misspelled", 9)}


def test_enable_a_narrower_id_inside_a_broader_disable() -> None:
    found = [diag("names.misspelled", 9), diag("names.variant", 9)]
    directives = [d(1, "disable names"), d(5, "enable names.misspelled")]
    assert kept(directives, found) == {("names.misspelled", 9)}


def test_nested_disables_and_bare_enable() -> None:
    found = [
        diag("filler.subscribe", 3),
        diag("names.misspelled", 3),
        diag("filler.subscribe", 6),
        diag("names.misspelled", 6),
        diag("filler.subscribe", 9),
    ]
    directives = [d(2, "disable filler"), d(4, "disable names"), d(7, "enable")]
    assert kept(directives, found) == {("names.misspelled", 3), ("filler.subscribe", 9)}


def test_enable_line_itself_stays_disabled_and_disable_line_is_covered() -> None:
    # An inline directive covers the text that shares its line.
    found = [diag("filler.x", 4), diag("filler.x", 6), diag("filler.x", 7), diag("filler.x", 3)]
    assert kept([d(4, "disable"), d(6, "enable")], found) == {("filler.x", 7), ("filler.x", 3)}


def test_multi_line_enable_takes_effect_after_its_end() -> None:
    found = [diag("filler.x", 6), diag("filler.x", 7)]
    assert kept([d(2, "disable"), d(5, "enable", end_line=6)], found) == {("filler.x", 7)}


def test_disable_next_line_without_source_is_the_following_line() -> None:
    found = [diag("names.misspelled", 4), diag("names.misspelled", 5), diag("filler.x", 4)]
    directives = [d(3, "disable-next-line names")]
    assert kept(directives, found) == {("names.misspelled", 5), ("filler.x", 4)}


def test_disable_next_line_skips_blank_lines_with_source() -> None:
    # In ARTICLE the directive is on line 3, line 4 is blank, the quote is line 5.
    found = [diag("names.misspelled", 5), diag("names.misspelled", 7)]
    directives = [d(3, "disable-next-line names")]
    assert kept(directives, found, source_lines=ARTICLE) == {("names.misspelled", 7)}
    assert kept(directives, found) == {("names.misspelled", 5), ("names.misspelled", 7)}


def test_stacked_next_line_directives_share_a_target() -> None:
    lines = ["<!-- a -->", "<!-- b -->", "Mayor Whitcombe said the ferry runs late."]
    directives = [d(1, "disable-next-line names"), d(2, "disable-next-line filler")]
    found = [diag("names.misspelled", 3), diag("filler.x", 3), diag("dates.x", 3)]
    assert kept(directives, found, source_lines=lines) == {("dates.x", 3)}


def test_multi_line_next_line_directive_counts_from_its_end() -> None:
    found = [diag("names.misspelled", 3), diag("names.misspelled", 4)]
    assert kept([d(1, "disable-next-line", end_line=3)], found) == {("names.misspelled", 3)}


def test_disable_file_anywhere_covers_every_line() -> None:
    found = [diag("filler.x", 1), diag("filler.y", 50), diag("names.misspelled", 2)]
    assert kept([d(30, "disable-file filler")], found) == {("names.misspelled", 2)}
    assert kept([d(30, "disable-file")], found) == set()


def test_disable_file_applies_to_diagnostics_without_range() -> None:
    loose = Diagnostic(rule="structure.headline", message="no headline", start=0, end=0)
    sup = parse_directives([d(9, "disable-file structure"), d(1, "disable")])
    assert sup.filter([loose]) == []
    sup = parse_directives([d(1, "disable")])
    assert sup.filter([loose]) == [loose]  # no line, so a region cannot claim it


def test_unused_directives_are_reported() -> None:
    directives = [
        d(2, "disable-next-line names"),
        d(8, "disable filler"),
        d(11, "enable"),
        d(14, "disable-file dates"),
        d(20, "enable spelling"),
    ]
    sup = parse_directives(directives)
    sup.filter([diag("filler.subscribe", 9)])
    unused = {x.line for x in sup.unused()}
    assert unused == {2, 14, 20}  # the region did work, its enable closed it
    sup.filter([diag("names.misspelled", 3), diag("dates.weekday", 1)])
    assert {x.line for x in sup.unused()} == {20}


def test_unknown_directive_word_is_an_error_with_hint() -> None:
    sup = parse_directives([d(4, "disabel filler"), d(6, "enable")])
    assert len(sup.errors) == 1
    line, message = sup.errors[0]
    assert line == 4
    assert "newslint-disabel" in message
    assert "did you mean 'newslint-disable'" in message
    # The bad directive suppresses nothing.
    assert sup.filter([diag("filler.x", 5)]) == [diag("filler.x", 5)]


def test_malformed_id_is_an_error() -> None:
    sup = parse_directives([d(2, "disable names;filler")])
    assert sup.errors and sup.errors[0][0] == 2
    assert "names;filler" in sup.errors[0][1]


@pytest.mark.parametrize(
    "body",
    ["disable filler -->", "DISABLE filler", "disable filler.", "disable filler ]]"],
)
def test_tolerant_body_forms(body: str) -> None:
    sup = parse_directives([d(1, body)])
    assert not sup.errors
    assert sup.filter([diag("filler.x", 2), diag("names.x", 2)]) == [diag("names.x", 2)]


def test_no_directives_keeps_everything_and_order() -> None:
    found = [diag("b.x", 3), diag("a.x", 1)]
    assert parse_directives([]).filter(found) == found


def test_directives_are_ordered_by_line_not_input_order() -> None:
    found = [diag("filler.x", 3), diag("filler.x", 8)]
    assert kept([d(5, "enable"), d(1, "disable")], found) == {("filler.x", 8)}


def test_source_lines_may_be_given_to_filter() -> None:
    sup = parse_directives([d(3, "disable-next-line names")])
    found = [diag("names.misspelled", 5), diag("names.misspelled", 4)]
    assert sup.filter(found, ARTICLE) == [diag("names.misspelled", 4)]
