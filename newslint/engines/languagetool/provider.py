"""The ``grammar`` provider: LanguageTool matches as ``grammar.<LT_RULE_ID>``.

Where the server comes from (``[languagetool] mode``):

- ``off``: never; grammar rules report nothing;
- ``remote``: the configured ``url``, used as is;
- ``auto`` / ``local``: a server advertised by ``newslint languagetool
  serve`` when one is alive, else one started for this run from the local
  install and stopped at exit.

The server is started only when a paragraph is not in the cache, so a run
whose paragraphs are all cached never starts Java (in a serial run).
``prepare()`` (called by the runner before it forks workers) starts it in
the parent so that every worker shares one server; the parent stops it.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newslint.cachedir import cache_root
from newslint.config import LanguageToolSettings
from newslint.diagnostics import Applicability, Diagnostic, Severity, Suggestion
from newslint.document import Document
from newslint.engines.languagetool import server as lt_server
from newslint.engines.languagetool.cache import ResultCache, cache_key, settings_digest
from newslint.engines.languagetool.client import DEFAULT_TIMEOUT, GrammarClient, LTMatch
from newslint.engines.languagetool.install import LT_VERSION, installed
from newslint.engines.languagetool.java import find_java
from newslint.engines.languagetool.meta import GRAMMAR_META
from newslint.registry import CheckContext, RuleMeta
from newslint.spans import Span

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

INSTALL_HINT = (
    "run `newslint languagetool install` to enable them (needs Java 17+ and Maven), "
    "or pass --ignore grammar"
)
CACHE_FILE = "grammar-cache.sqlite3"
MAX_REQUEST_CHARS = 20_000  # keeps one request well under the server's time limits


@functools.lru_cache(maxsize=1)
def disabled_rules() -> dict[str, str]:
    """LanguageTool rules we switch off, with the reason for each (see the TOML)."""
    path = Path(__file__).with_name("disabled_rules.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {rule: str(reason) for rule, reason in data["rules"].items()}


class Unavailable(Exception):
    """No LanguageTool server can be had; the message says why."""


@dataclass
class Endpoint:
    """The LanguageTool server of one mode/url for this process and its workers."""

    mode: str
    url: str | None = None
    server: lt_server.Server | None = None
    version: str | None = None  # set once a real check has answered
    failure: str | None = None
    started_here: bool = False
    timeout: float = DEFAULT_TIMEOUT  # per request ([languagetool] timeout)
    autostart: bool = True  # start a shared server that outlives the run ([languagetool])
    idle_stop: float = 1800.0  # seconds idle before a shared server stops (0: never)
    clients: dict[tuple[str, str], GrammarClient] = field(default_factory=dict)

    def expected_version(self) -> str | None:
        """The version the server will have, without starting it (for cache keys)."""
        if self.version or self.mode == "remote":
            return self.version
        served = lt_server.read_discovery()
        if served is not None:
            return served.version
        return LT_VERSION if installed() else None

    def start(self) -> None:
        """Find or launch the server without waiting for it."""
        if self.server is not None or self.failure or self.version:
            return
        if self.mode == "remote":
            assert self.url is not None
            self.server = lt_server.Server(url=self.url, version="?", pid=0)
            return
        served = lt_server.read_discovery()
        if served is not None:
            found = lt_server.probe(served.url)
            if found is not None:
                self.server, self.version = served, found
                lt_server.mark_used()
                return
        directory = installed()
        if directory is None:
            self.failure = f"LanguageTool {LT_VERSION} is not installed"
            raise Unavailable(self.failure)
        if find_java() is None:
            self.failure = "Java was not found"
            raise Unavailable(self.failure)
        if self.autostart:
            try:
                self.server = lt_server.start_shared(directory, LT_VERSION, self.idle_stop)
            except (OSError, lt_server.ServerError) as exc:
                self.failure = f"LanguageTool did not start: {exc}"
                raise Unavailable(self.failure) from None
            self.version = self.server.version
            return
        try:
            self.server = lt_server.launch(directory, LT_VERSION)
        except (OSError, lt_server.ServerError) as exc:
            self.failure = f"could not start LanguageTool: {exc}"
            raise Unavailable(self.failure) from None
        lt_server.own(self.server)
        self.started_here = True

    def ensure(self) -> tuple[str, str]:
        """``(url, version)`` of a server that answers; raises Unavailable."""
        if self.failure:
            raise Unavailable(self.failure)
        if self.version and self.server is not None:
            return self.server.url, self.version
        self.start()
        assert self.server is not None
        if self.mode == "remote":
            found = lt_server.probe(self.server.url, timeout=self.timeout)
            if found is None:
                self.failure = f"the LanguageTool server at {self.url} did not answer"
                raise Unavailable(self.failure)
        else:
            try:
                found = lt_server.wait_ready(self.server)
            except lt_server.ServerError as exc:
                self.failure = f"LanguageTool did not start: {exc}"
                raise Unavailable(self.failure) from None
        self.version = found
        return self.server.url, found

    def client(
        self, url: str, language: str, level: str, timeout: float = DEFAULT_TIMEOUT
    ) -> GrammarClient:
        key = (language, level)
        if key not in self.clients or self.clients[key].url.rstrip("/") != url.rstrip("/"):
            self.clients[key] = GrammarClient(
                url, language, level=level, disabled_rules=disabled_rules(), timeout=timeout
            )
        return self.clients[key]

    def notice(self) -> str | None:
        server = self.server
        if self.failure is None and self.started_here and server and not server.alive():
            self.failure = "the LanguageTool server stopped unexpectedly"
        if self.failure is None:
            return None
        if self.failure.startswith(("LanguageTool failed", "the LanguageTool server at")):
            # A server that misbehaves: installing will not help; the rest is complete.
            return (
                f"grammar checks (grammar.*) were skipped for the rest of the run: "
                f"{self.failure}; every other check ran"
            )
        return f"grammar checks (grammar.*) were skipped: {self.failure}; {INSTALL_HINT}"

    def failed(self, reason: str) -> None:
        self.failure = reason


# One endpoint per mode/url for the whole process, shared by every config's
# provider, so that a run never starts two servers.
_ENDPOINTS: dict[tuple[str, str | None], Endpoint] = {}
_CACHE: list[ResultCache] = []


def endpoint_for(settings: LanguageToolSettings) -> Endpoint:
    mode = "remote" if settings.mode == "remote" else "local"
    url = (settings.url or "").rstrip("/") + "/" if mode == "remote" else None
    key = (mode, url)  # the trailing slash keeps a path prefix when joining v2/check
    if key not in _ENDPOINTS:
        _ENDPOINTS[key] = Endpoint(
            mode=mode,
            url=key[1],
            timeout=settings.timeout,
            autostart=settings.autostart,
            idle_stop=settings.idle_stop_minutes * 60,
        )
    return _ENDPOINTS[key]


def result_cache() -> ResultCache:
    if not _CACHE:
        _CACHE.append(ResultCache(cache_root() / CACHE_FILE))
    return _CACHE[0]


def reset() -> None:
    """Forget endpoints and the cache handle (tests switch cache dirs)."""
    _ENDPOINTS.clear()
    _CACHE.clear()


class LanguageToolProvider:
    """Runs LanguageTool over a document's headline and body paragraphs."""

    def __init__(self, settings: LanguageToolSettings | None = None) -> None:
        self.settings = settings or LanguageToolSettings()

    def rules(self) -> Sequence[RuleMeta]:
        return [GRAMMAR_META]

    @property
    def enabled(self) -> bool:
        return self.settings.mode != "off"

    def prepare(self) -> None:
        """Start the server and wait for it (before forking workers) so that all
        share it. Waiting here costs little: workers racing for a cold server
        would each pay LanguageTool's slow first check at the same time."""
        if not self.enabled:
            return
        with contextlib.suppress(Unavailable):  # reported once by notices()
            endpoint_for(self.settings).ensure()

    def notices(self) -> list[str]:
        if not self.enabled:
            return []
        notice = endpoint_for(self.settings).notice()
        found = [notice] if notice else []
        problem = result_cache().problem if _CACHE else None
        if problem:
            found.append(f"grammar results are not cached (checks still run): {problem}")
        return found

    def unavailable(self) -> str | None:
        """Why grammar did not run in this process (None: it ran or was not needed)."""
        return endpoint_for(self.settings).failure if self.enabled else None

    def check(
        self, doc: Document, selected: frozenset[str], ctx: CheckContext
    ) -> Iterator[Diagnostic]:
        if GRAMMAR_META.id not in selected or not self.enabled:
            return
        spans = paragraphs(doc)
        if not spans:
            return
        texts = [doc.text[s.start : s.end].replace("\n", " ") for s in spans]
        try:
            results = self.results(texts, ctx.language)
        except Unavailable:
            return
        for span, matches in zip(spans, results, strict=True):
            for match in matches:
                diag = _diagnostic(doc, span, match)
                if diag is not None:
                    yield diag

    def results(self, texts: Sequence[str], language: str) -> list[list[LTMatch]]:
        """Matches per paragraph text: from the cache, else from the server."""
        endpoint = endpoint_for(self.settings)
        level = self.settings.level
        version = endpoint.expected_version()
        if version is None:
            version = endpoint.ensure()[1]
        keys, found = self._lookup(texts, version, language)
        missing = [k for k in dict.fromkeys(keys) if k not in found]
        if missing:
            url, actual = endpoint.ensure()
            if endpoint.mode == "local":
                lt_server.mark_used()  # keeps a shared server's keeper waiting
            if actual != version:  # e.g. the served server was replaced
                keys, found = self._lookup(texts, actual, language)
                missing = [k for k in dict.fromkeys(keys) if k not in found]
            text_of = dict(zip(keys, texts, strict=True))
            key_of = dict(zip(texts, keys, strict=True))
            client = endpoint.client(url, language, level, self.settings.timeout)
            fresh: dict[str, list[LTMatch]] = {}
            try:
                for batch in _batches([text_of[k] for k in missing]):
                    for text, matches in zip(batch, client.check_paragraphs(batch), strict=True):
                        fresh[key_of[text]] = matches
            except Exception as exc:  # language-tool-python raises many kinds
                endpoint.failed(f"LanguageTool failed: {_reason(exc, self.settings.timeout)}")
                raise Unavailable(str(exc)) from None
            result_cache().put_many(fresh)
            found.update(fresh)
        return [found[k] for k in keys]

    def _lookup(
        self, texts: Sequence[str], version: str, language: str
    ) -> tuple[list[str], dict[str, list[LTMatch]]]:
        digest = settings_digest(version, language, self.settings.level, disabled_rules())
        keys = [cache_key(t, digest) for t in texts]
        return keys, result_cache().get_many(keys)

    def client_stats(self) -> dict[str, int]:
        """Requests and paragraphs sent by this process (for tests and benchmarks)."""
        clients = endpoint_for(self.settings).clients.values()
        return {
            "requests": sum(c.requests for c in clients),
            "paragraphs_sent": sum(c.paragraphs_sent for c in clients),
        }


def _reason(exc: Exception, timeout: float) -> str:
    """A one-line reason for a failed request (requests' messages are long).

    language-tool-python wraps the requests error in its own (connecting to
    a dead server while it asks for /v2/languages), so the chain is read."""
    import requests

    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, requests.Timeout):
            return f"no answer within {timeout:g} s ([languagetool] timeout)"
        if isinstance(cause, requests.ConnectionError):
            return "the server closed the connection or is gone"
        cause = cause.__cause__ or cause.__context__
    text = " ".join(str(exc).split())
    if "NewConnectionError" in text or "Connection refused" in text:
        return "the server closed the connection or is gone"
    return text[:200] or type(exc).__name__


def paragraphs(doc: Document) -> list[Span]:
    """The headline and the body paragraphs that contain words."""
    spans = [doc.headline] if doc.headline else []
    spans.extend(doc.body)
    seen: set[Span] = set()
    kept = []
    for span in spans:
        if span not in seen and any(c.isalpha() for c in doc.text[span.start : span.end]):
            seen.add(span)
            kept.append(span)
    return kept


def _batches(texts: Sequence[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and size + len(text) > MAX_REQUEST_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text) + 2
    if batch:
        yield batch


def _diagnostic(doc: Document, paragraph: Span, match: LTMatch) -> Diagnostic | None:
    span = Span(paragraph.start + match.start, paragraph.start + max(match.end, match.start + 1))
    span = Span(span.start, min(span.end, paragraph.end))
    # Code, URLs and [sic] are not prose; a direct quotation is what was said.
    if doc.in_skipped(span) or any(s.overlaps(span) for s in doc.sic) or doc.in_quotation(span):
        return None
    replacements = [r for r in match.replacements if r]
    applicability = Applicability.UNSAFE if len(replacements) == 1 else Applicability.DISPLAY
    return Diagnostic(
        rule=f"grammar.{match.rule}",
        message=match.message,
        start=span.start,
        end=span.end,
        severity=Severity.WARNING,
        suggestions=tuple(Suggestion(r, applicability) for r in replacements),
        source="languagetool",
        extra={"category": match.category, "issue_type": match.issue_type},
    )
