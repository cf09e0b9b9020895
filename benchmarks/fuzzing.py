"""Hypothesis strategies for hostile input, and the properties every example
must keep (issue 11). Shared by tests/test_fuzz.py (quick CI profile) and
benchmarks/fuzz.py (long runs).

Properties, for each generated source linted as text, Markdown and HTML:

- no exception, and no "internal error" for the file;
- every range lies inside the source, its line and column agree with its
  offset (lines split on "\\n" only, columns and offsets in code points);
- ``source[start:end] == text`` for every diagnostic;
- ``--fix`` is idempotent: fixing the fixed text changes nothing.

Everything here is the real linter (real loaders, packs, Python checks,
proselint, the speller); only grammar is off (LanguageTool has its own tests).
"""

from __future__ import annotations

import functools
from pathlib import Path

from hypothesis import strategies as st

from newslint.config import CliOverrides, ConfigResolver
from newslint.engine import RuleSet, lint_source
from newslint.runner import Runner, RunOptions


def _split(text: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(text.split(sep))


FORMATS = {"text": "fuzz.txt", "markdown": "fuzz.md", "html": "fuzz.html"}

# Text written for this project: words that make rules fire (names, quotes,
# numbers, dates, filler, misspellings with safe fixes) so fixes get exercised.
WORDS = _split(
    "The council approved the budget on Monday , . ; : ! ? said Mayor Ana Ruiz "
    "Ruiz Ruis Dr. Tom Bell Bell's 12 1,200 3.5% $4m 2026 Feb. 30 February 30, 2026 "
    "Tuesday, March 3 yesterday officials say experts believe many people said "
    "occured recieve alot teh definately it's its In conclusion, It is worth noting that "
    "Click here to subscribe Share this article Advertisement As an AI language model "
    "\"We will rebuild,\" she said. “It was over,” he added. 'quoted' ‘single’ — – - "
    "Hello hello very unique irregardless 10 percent 10% noon 12 noon U.S. e-mail",
    " ",
)

SPECIALS = (
    "\u0301",  # combining acute
    "e\u0301",
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u05e9\u05dc\u05d5\u05dd",  # Hebrew
    "\u0645\u0631\u062d\u0628\u0627",  # Arabic
    "\x00",
    "\x0c",  # form feed
    "\r",  # lone CR
    "\r\n",
    "\n",
    "\n\n",
    "\u2028",  # line separator
    "\u0085",  # next line
    "\ufeff",  # BOM mid-file
    "\U0001f600",  # astral emoji
    "\U0001d518",  # astral letter
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # ZWJ sequence
    "\t",
    "  ",
    "\ud7ff",
    "\ufffd",
)

_ALPHABET = st.characters(exclude_categories=("Cs",))  # no lone surrogates: not UTF-8


def _joined(*parts: st.SearchStrategy[str], max_size: int = 40) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(*parts), max_size=max_size).map("".join)


def _phrase() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)


unicode_text = _joined(
    st.text(_ALPHABET, max_size=20),
    st.sampled_from(SPECIALS),
    _phrase(),
    st.sampled_from(WORDS),
)

_inline_md = st.deferred(
    lambda: st.one_of(
        _phrase(),
        st.sampled_from(SPECIALS),
        st.builds("*{}*".format, _inline_md),
        st.builds("**{}**".format, _inline_md),
        st.builds("_{}_".format, _inline_md),
        st.builds("***{}".format, _inline_md),  # unclosed emphasis
        st.builds("[{}](https://example.org/{})".format, _phrase(), st.text("ab/()", max_size=5)),
        st.builds("[{}][ref]".format, _phrase()),
        st.builds("`{}`".format, st.text(_ALPHABET, max_size=10)),
        st.builds("``{}`".format, _phrase()),
        st.builds("<span>{}</span>".format, _phrase()),
        st.just("<!-- newslint-disable-next-line -->"),
        st.just("&amp; &copy; &bogus; &#x1F600; &#0;"),
        st.just("\\*not\\* <https://example.org> <b@example.org>"),
    )
)
_line_md = st.lists(_inline_md, min_size=1, max_size=5).map(" ".join)

_front_matter = st.one_of(
    st.builds(
        "---\ntitle: {}\ndate: {}\nauthor: {}\n---\n".format,
        _phrase(),
        st.sampled_from(
            ["2026-02-06", "2026-02-30", "2026-13-01", "Feb. 6, 2026", "2026-2-6T10:00:00Z", "[x"]
        ),
        _phrase(),
    ),
    st.just("---\ntitle: [unclosed\n---\n"),
    st.just("---\na: &a [x, x]\nb: [*a, *a]\ntitle: *a\n---\n"),
    st.just("---\n" + "[" * 50 + "\n---\n"),
    st.just("---\r\ntitle: CRLF front\r\n---\r\n"),
    st.just("---\n- a list\n- not a mapping\n---\n"),
    st.builds("---\n{}\n---\n".format, st.text(_ALPHABET, max_size=30)),
)

_block_md = st.one_of(
    _line_md,
    st.builds("# {}".format, _line_md),
    st.builds("## {}".format, _line_md),
    st.builds("{}\n===".format, _line_md),
    st.builds("- {}\n- {}".format, _line_md, _line_md),
    st.builds("1. {}\n   > {}".format, _line_md, _line_md),
    st.builds("> {}\n{}".format, _line_md, _line_md),
    st.builds("```\n{}\n```".format, st.text(_ALPHABET, max_size=30)),
    st.builds("```python\n{}".format, _line_md),  # unclosed fence
    st.builds("    {}".format, _line_md),
    st.builds("| a | b |\n|---|---|\n| {} | {} |".format, _line_md, _line_md),
    st.builds("<div>\n{}\n</div>".format, _line_md),
    st.builds("<!-- {}".format, _line_md),  # unclosed comment
    st.just("[ref]: https://example.org/x 'title'"),
    st.just("***"),
    st.builds("By {}".format, _phrase()),
)

markdown_text = st.builds(
    "{}{}".format,
    st.one_of(st.just(""), _front_matter),
    st.lists(_block_md, max_size=8).map(
        lambda blocks: "".join(
            b + sep for b, sep in zip(blocks, ["\n\n", "\n", "\r\n\r\n"] * 9, strict=False)
        )
    ),
)

_TAGS = _split(
    "p div span b i em strong a h1 h2 title script style nav article header main li ul "
    "table tr td pre code time meta br img svg form template blockquote q figure"
)
_html_piece = st.deferred(
    lambda: st.one_of(
        _phrase(),
        st.sampled_from(SPECIALS),
        st.builds(
            "<{0}{1}>{2}</{0}>".format,
            st.sampled_from(_TAGS),
            st.sampled_from(
                [
                    "",
                    ' class="byline"',
                    ' rel="author"',
                    " hidden",
                    ' datetime="2026-02-30"',
                    ' lang="en-gb"',
                    ' class="share-bar"',
                    " data-x='<&>'",
                    ' role="navigation"',
                ]
            ),
            _html_piece,
        ),
        st.builds("<{}>{}".format, st.sampled_from(_TAGS), _html_piece),  # unclosed
        st.builds("</{}>".format, st.sampled_from(_TAGS)),  # stray end tag
        st.builds(
            lambda n, inner: "<div>" * n + inner + "</div>" * (n // 2),
            st.integers(0, 300),
            _phrase(),
        ),  # deep nesting
        st.sampled_from(
            [
                "&amp;",
                "&amp",
                "&#x;",
                "&#99999999;",
                "&#0;",
                "&nbsp;",
                "&notanentity;",
                "&#xD800;",
                "&lt;b&gt;",
                "&",
                "&#",
                "&#x1F600;",
            ]
        ),
        st.builds("<!--{}-->".format, _phrase()),
        st.just("<!-- newslint-disable -->"),
        st.just("<!-- unclosed comment"),
        st.builds("<![CDATA[{}]]>".format, _phrase()),
        st.just("<!DOCTYPE html>"),
        st.just("<?xml version='1.0'?>"),
        st.just('<meta property="article:published_time" content="2026-02-30T10:00:00Z">'),
        st.just("<p"),
        st.just("<a href='x"),
    )
)
html_text = st.lists(_html_piece, max_size=12).map("".join)


@functools.lru_cache(maxsize=1)
def _linter() -> tuple[Runner, dict[str, RuleSet]]:
    overrides = CliOverrides(ignore=("grammar",))
    resolver = ConfigResolver(None, overrides)
    runner = Runner(resolver, RunOptions(fix=True))
    rules = {fmt: runner.rule_set(resolver.for_path(Path(name))) for fmt, name in FORMATS.items()}
    return runner, rules


def check_properties(source: str, fmt: str) -> None:
    """Assert the fuzzing properties for ``source`` read as ``fmt``."""
    runner, rule_sets = _linter()
    name = FORMATS[fmt]
    path, rules = Path(name), rule_sets[fmt]
    result = lint_source(path, name, source, rules)
    assert not any("internal error" in e for e in result.errors), result.errors
    check_ranges(source, result.diagnostics)
    fixed, after = runner._fix_passes(path, name, source, result, rules)
    check_ranges(fixed, after.diagnostics)
    again, _ = runner._fix_passes(path, name, fixed, after, rules)
    assert again == fixed, f"--fix is not idempotent: {fixed!r} -> {again!r}"


def check_ranges(source: str, diagnostics: list) -> None:  # type: ignore[type-arg]
    for diag in diagnostics:
        r = diag.range
        assert r is not None, diag
        assert 0 <= r.start.offset <= r.end.offset <= len(source), (diag.rule, r)
        for loc in (r.start, r.end):
            line_start = source.rfind("\n", 0, loc.offset) + 1
            assert loc.line == source.count("\n", 0, loc.offset) + 1, (diag.rule, loc)
            assert loc.column == loc.offset - line_start + 1, (diag.rule, loc)
        assert source[r.start.offset : r.end.offset] == diag.text, (diag.rule, r, diag.text)


STRATEGIES = {
    "unicode": (unicode_text, ("text", "markdown", "html")),
    "markdown": (markdown_text, ("markdown",)),
    "html": (html_text, ("html",)),
}
