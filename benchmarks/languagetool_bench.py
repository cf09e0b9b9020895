"""Time LanguageTool the way newslint uses it, and print the figures.

    python benchmarks/languagetool_bench.py                  # temp cache dir, 20 articles
    python benchmarks/languagetool_bench.py --cold-maven     # also empty mvn repository
    python benchmarks/languagetool_bench.py --cache-dir DIR  # reuse an install in DIR

Figures:
- install: `newslint languagetool install` into an empty cache directory
  (mvn resolve + copy + a start check); with --cold-maven mvn downloads too;
- server start: spawning java until the first real check answers;
- first check: the first ~700-word article on the fresh JVM (cold JIT);
- warm: mean time per ~700-word article once warmed up (one request each);
- cache hit: the same articles again through the provider (no request);
- JVM memory: resident set (VmRSS) and its peak (VmHWM) from /proc;
- end to end: `newslint check --select grammar` on one article with no
  server (the run starts the shared one), on another article with it up, and
  on the same article again (its paragraphs cached).

Articles come from ../shared/corpora/news/bbc/bbc_news.jsonl when present
(read only), else from examples/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import DEFAULT_BBC, REPO_ROOT, iter_bbc

TARGET_WORDS = 700


def articles(count: int, corpus: Path = DEFAULT_BBC) -> list[list[str]]:
    """Lists of paragraphs of about TARGET_WORDS words each."""
    paragraphs: list[str] = []
    if corpus.is_file():
        for row in iter_bbc(corpus):
            paragraphs.append(row["title"])
            paragraphs.extend(p.strip() for p in row["body"].split("\n\n") if p.strip())
            if len(paragraphs) > count * 40:
                break
    else:
        for path in sorted((REPO_ROOT / "examples").glob("*.txt")):
            paragraphs.extend(p for p in path.read_text().split("\n\n") if p.strip())
    found: list[list[str]] = []
    current: list[str] = []
    words = 0
    for paragraph in paragraphs * 10:
        current.append(paragraph.replace("\n", " "))
        words += len(paragraph.split())
        if words >= TARGET_WORDS:
            found.append(current)
            current, words = [], 0
            if len(found) == count:
                break
    return found


def jvm_memory(pid: int) -> tuple[float, float]:
    status = Path(f"/proc/{pid}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


def timed(command: list[str], env: dict[str, str]) -> float:
    print("$", " ".join(command), flush=True)
    began = time.perf_counter()
    proc = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - began
    if proc.returncode not in (0, 1):
        sys.exit(f"failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache-dir", type=Path, help="cache dir [default: a temp dir]")
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_BBC, help="else examples/")
    parser.add_argument("--cold-maven", action="store_true", help="use an empty mvn repository")
    args = parser.parse_args()

    temp = Path(tempfile.mkdtemp(prefix="lt-bench-"))
    cache = args.cache_dir or temp / "cache"
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(cache)}
    if args.cold_maven:
        env["MAVEN_OPTS"] = f"-Dmaven.repo.local={temp / 'm2'}"
    os.environ["NEWSLINT_CACHE_DIR"] = str(cache)
    figures: dict[str, str] = {}
    try:
        newslint = [sys.executable, "-m", "newslint"]
        seconds = timed([*newslint, "languagetool", "install"], env)
        figures["install (empty cache dir)"] = f"{seconds:.1f} s"
        seconds = timed([*newslint, "languagetool", "install"], env)
        figures["install again (idempotent)"] = f"{seconds:.2f} s"
        run_in_process(args.articles, args.corpus, figures)
        # Articles the in-process part did not check (their paragraphs are not cached).
        first, second = articles(args.articles + 3, args.corpus)[-2:]
        story, other = temp / "story.txt", temp / "other.txt"
        story.write_text("\n\n".join(first) + "\n", encoding="utf-8")
        other.write_text("\n\n".join(second) + "\n", encoding="utf-8")
        command = [*newslint, "check", "--select", "grammar", "--format", "json", "--no-cache"]
        figures["newslint check, 1 article, no server (it starts the shared one)"] = (
            f"{timed([*command, str(story)], env):.2f} s"
        )
        figures["newslint check, another article, shared server up"] = (
            f"{timed([*command, str(other)], env):.2f} s"
        )
        figures["newslint check, same article, paragraphs cached"] = (
            f"{timed([*command, str(other)], env):.2f} s"
        )
    finally:
        subprocess.run([*newslint, "languagetool", "stop"], env=env, capture_output=True)
        shutil.rmtree(temp, ignore_errors=True)
    width = max(map(len, figures))
    print()
    for name, value in figures.items():
        print(f"{name:<{width}}  {value}")


def run_in_process(count: int, corpus: Path, figures: dict[str, str]) -> None:
    from newslint.config import LanguageToolSettings
    from newslint.engines.languagetool import provider as lt_provider
    from newslint.engines.languagetool import server as lt_server
    from newslint.engines.languagetool.client import GrammarClient
    from newslint.engines.languagetool.install import LT_VERSION, installed

    directory = installed()
    assert directory is not None
    began = time.perf_counter()
    running = lt_server.launch(directory, LT_VERSION)
    lt_server.own(running)
    lt_server.wait_ready(running)
    figures["server start (spawn to first answer)"] = f"{time.perf_counter() - began:.2f} s"
    texts = articles(count + 1, corpus)
    client = GrammarClient(running.url, "en-GB", disabled_rules=lt_provider.disabled_rules())
    began = time.perf_counter()
    client.check_paragraphs(texts[0])
    figures["first check, 700-word article"] = f"{time.perf_counter() - began:.2f} s"
    times = []
    for paragraphs in texts[1:]:
        began = time.perf_counter()
        client.check_paragraphs(paragraphs)
        times.append(time.perf_counter() - began)
    figures[f"warm check per 700-word article (mean of {len(times)})"] = (
        f"{statistics.mean(times) * 1000:.0f} ms (median {statistics.median(times) * 1000:.0f})"
    )
    rss, peak = jvm_memory(running.pid)
    figures["JVM memory (VmRSS / VmHWM)"] = f"{rss:.0f} MB / {peak:.0f} MB"
    provider = lt_provider.LanguageToolProvider(LanguageToolSettings())
    lt_provider.endpoint_for(provider.settings).server = running
    for paragraphs in texts[1:]:
        provider.results(paragraphs, "en-GB")  # fills the cache
    before = provider.client_stats()["requests"]
    began = time.perf_counter()
    for paragraphs in texts[1:]:
        provider.results(paragraphs, "en-GB")
    elapsed = (time.perf_counter() - began) / len(texts[1:])
    assert provider.client_stats()["requests"] == before, "cache hits must send nothing"
    figures["cache hit per 700-word article"] = f"{elapsed * 1000:.2f} ms"
    lt_server.stop_owned()


if __name__ == "__main__":
    main()
