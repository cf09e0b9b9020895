"""language-tool-python as the HTTP client, with exact code-point offsets.

Several paragraphs go to the server in one request (joined by a blank line,
which LanguageTool treats as a paragraph break); the matches are split back
per paragraph. Java counts a character outside the BMP (most emoji) as two
UTF-16 units; offsets here are Python code points of the paragraph text.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

SEPARATOR = "\n\n"
DEFAULT_TIMEOUT = 30.0  # seconds per request ([languagetool] timeout)
# LanguageTool answers a 20,000-character request in well under 1 MB; a bigger
# answer is a broken or hostile server, and is not read into memory.
MAX_RESPONSE_BYTES = 8 * 1024 * 1024


class GrammarError(Exception):
    """The server's answer was not a usable LanguageTool answer."""


# Issue types that never reach newslint: our own speller (spelling.*) covers typos.
DROPPED_ISSUE_TYPES = frozenset({"misspelling"})


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match inside one paragraph (code-point offsets)."""

    rule: str
    message: str
    start: int
    end: int
    replacements: tuple[str, ...] = ()
    issue_type: str = ""
    category: str = ""

    def to_json(self) -> list[Any]:
        return [self.rule, self.message, self.start, self.end, list(self.replacements),
                self.issue_type, self.category]  # fmt: skip

    @classmethod
    def from_json(cls, row: Sequence[Any]) -> LTMatch:
        rule, message, start, end, replacements, issue_type, category = row
        return cls(rule, message, int(start), int(end), tuple(replacements), issue_type, category)


def utf16_prefix(text: str) -> list[int]:
    """``prefix[i]`` = UTF-16 units before code point ``i`` (len(text)+1 entries)."""
    prefix = [0] * (len(text) + 1)
    units = 0
    for i, char in enumerate(text):
        prefix[i] = units
        units += 2 if ord(char) > 0xFFFF else 1
    prefix[len(text)] = units
    return prefix


def utf16_to_codepoint(prefix: list[int], units: int) -> int:
    """The code point at UTF-16 offset ``units`` (inside a surrogate pair: its start)."""
    index = bisect.bisect_right(prefix, units) - 1
    return max(0, min(index, len(prefix) - 1))


def codepoint_span(text: str, u16_start: int, u16_length: int) -> tuple[int, int]:
    """LanguageTool's ``offset``/``length`` (UTF-16) as a code-point span of ``text``."""
    if text.isascii():
        return u16_start, u16_start + u16_length
    prefix = utf16_prefix(text)
    start = utf16_to_codepoint(prefix, u16_start)
    end = utf16_to_codepoint(prefix, u16_start + u16_length)
    if prefix[end] < u16_start + u16_length:  # an end inside a surrogate pair
        end += 1
    return start, max(start, end)


def split_matches(
    texts: Sequence[str], raw: Iterable[tuple[int, int, dict[str, Any]]]
) -> list[list[LTMatch]]:
    """Matches of the joined ``texts`` (code-point start, end, LT fields) per paragraph."""
    starts: list[int] = []
    position = 0
    for text in texts:
        starts.append(position)
        position += len(text) + len(SEPARATOR)
    found: list[list[LTMatch]] = [[] for _ in texts]
    for start, end, fields in raw:
        index = bisect.bisect_right(starts, start) - 1
        if index < 0:
            continue
        base = starts[index]
        if end - base > len(texts[index]):
            continue  # runs over the separator into the next paragraph
        found[index].append(LTMatch(start=start - base, end=end - base, **fields))
    return found


class GrammarClient:
    """Checks paragraphs on one LanguageTool server with fixed settings."""

    def __init__(
        self,
        url: str,
        language: str,
        *,
        level: str = "default",
        disabled_rules: Iterable[str] = (),
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.url = url if url.endswith("/") else url + "/"
        self.timeout = timeout
        self.language = language
        self.level = level
        self.disabled_rules = tuple(sorted(disabled_rules))
        self.requests = 0  # check requests sent (tests and benchmarks read these)
        self.paragraphs_sent = 0
        self._tool: Any = None

    def _client(self) -> Any:
        if self._tool is None:
            # remote_server: language-tool-python must never download or start
            # anything itself; it only talks to the server we give it.
            import language_tool_python

            # Its own requests (the language list) get our timeout, not its 300 s.
            bounded = type(
                "BoundedLanguageTool",
                (language_tool_python.LanguageTool,),
                {"_TIMEOUT": self.timeout},
            )
            tool = bounded(self.language, remote_server=self.url)
            tool.disabled_rules = set(self.disabled_rules)
            tool.picky = self.level == "picky"
            self._tool = tool
        return self._tool

    def check_paragraphs(self, texts: Sequence[str]) -> list[list[LTMatch]]:
        """One request for all ``texts``; the matches of each, misspellings dropped."""
        if not texts:
            return []
        joined = SEPARATOR.join(texts)
        tool = self._client()
        self.requests += 1
        self.paragraphs_sent += len(texts)
        raw = []
        for match in self._check(tool, joined):
            if match.rule_issue_type in DROPPED_ISSUE_TYPES:
                continue
            start, end = _span(joined, match)
            fields = {
                "rule": match.rule_id,
                "message": match.message,
                "replacements": tuple(match.replacements[:5]),
                "issue_type": match.rule_issue_type,
                "category": match.category,
            }
            raw.append((start, end, fields))
        return split_matches(texts, raw)

    def _check(self, tool: Any, text: str) -> list[Any]:
        """language-tool-python's check, with our own bounded request: one try,
        ``timeout`` seconds for the whole answer, at most MAX_RESPONSE_BYTES."""
        from language_tool_python.match import Match

        params = tool._create_params(text)
        import urllib.parse

        url = urllib.parse.urljoin(tool._url, "check")
        body = post_bounded(url, params, self.timeout)
        matches = body.get("matches") if isinstance(body, dict) else None
        if not isinstance(matches, list):
            raise GrammarError("the server's answer has no list of matches")
        try:
            return [Match(match, text) for match in matches]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise GrammarError(f"the server's answer is malformed ({exc!r})") from None


def post_bounded(url: str, params: dict[str, str], timeout: float) -> Any:
    """POST ``params``; the decoded JSON answer. Raises GrammarError or OSError-like
    ``requests`` errors. The deadline covers connecting, waiting and reading."""
    import time

    import requests

    deadline = time.monotonic() + timeout
    with requests.post(url, data=params, timeout=timeout, stream=True) as response:
        if response.status_code != 200:
            raise GrammarError(f"the server answered HTTP {response.status_code}")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_content(64 * 1024):
            size += len(chunk)
            if size > MAX_RESPONSE_BYTES:
                raise GrammarError(f"the server's answer is over {MAX_RESPONSE_BYTES:,} bytes")
            if time.monotonic() > deadline:
                raise GrammarError(f"the server took more than {timeout:g} s to answer")
            chunks.append(chunk)
    try:
        return json.loads(b"".join(chunks))
    except ValueError:
        raise GrammarError("the server's answer is not JSON") from None


def _span(text: str, match: Any) -> tuple[int, int]:
    """A language-tool-python Match as a code-point span of ``text``.

    language-tool-python (2.7+) already turns the start into code points but
    leaves the length in UTF-16 units, so go back to UTF-16 for the end.
    """
    start = int(match.offset)
    if text.isascii():
        return start, start + int(match.error_length)
    prefix = utf16_prefix(text)
    u16_start = prefix[min(start, len(text))]
    return codepoint_span(text, u16_start, int(match.error_length))
