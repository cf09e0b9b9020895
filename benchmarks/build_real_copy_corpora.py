"""Rebuild the real-copy corpora (aigen_news, iu_human, llmfake, csmonitor ...) outside the repo.

The JSON-lines sources of benchmarks/real_copy.py are derived from public
research repositories; this script derives them again on a new machine,
writes a SOURCE.txt beside each, and checks every labelled document's sha256
in benchmarks/data/real_copy/labels.jsonl, so label offsets are known to index
the same text. No text enters the repository.

    git clone https://github.com/iu-ai-research/human-AI-generatedTextCorpus /tmp/iu
    git clone https://github.com/yoojuneho/Fair-or-Framed /tmp/ff
    git clone https://github.com/llm-misinformation/llm-misinformation /tmp/llmfake
    git clone https://github.com/ramybaly/Article-Bias-Prediction /tmp/allsides
    git clone https://github.com/hannxu123/detect_llm /tmp/detect_llm
    pip install pandas   # the first repository stores DataFrames as pickles
    python benchmarks/build_real_copy_corpora.py --iu-repo /tmp/iu --fair-repo /tmp/ff \\
        --llmfake-repo /tmp/llmfake --allsides-repo /tmp/allsides \\
        --agnews-repo /tmp/detect_llm --out ../shared/corpora

Each repository option is optional: only the sources whose repositories are
given are rebuilt (aigen_news needs --iu-repo, for its stories' dates).

The repositories may also be bare git directories (files are read with
``git show <commit>:<path>``, at the commit the labels were made from).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import real_copy_corpus as corpus

IU_COMMIT = "32805de"
FAIR_COMMIT = "c99a78b"
FAIR_FILES = (19, 37, 55, 73, 91)  # kappa/scoring data/explicit_<n>_.json
LLMFAKE_COMMIT = "411811d"
# LLMFake (Chen & Shu, ICLR 2024): open-ended news generation from a fake story's
# gist, by several chat models. Folder under experiment/data -> id prefix.
LLMFAKE_RUNS = {
    ("chatgpt_3.5_generation", "gossipcop"): "gpt35",
    ("chatgpt_3.5_generation", "politifact"): "gpt35",
    ("llama2_7b_generation", "gossipcop"): "llama2-7b",
    ("llama2_13b_generation", "gossipcop"): "llama2-13b",
    ("vicuna-v1.3_7b_generation", "gossipcop"): "vicuna-7b",
    ("vicuna-v1.3_13b_generation", "gossipcop"): "vicuna-13b",
    ("vicuna-v1.3_33b_generation", "gossipcop"): "vicuna-33b",
}

# hannxu123/detect_llm: gpt-3.5-turbo-0613 asked to "Write an article following
# summary: <an AG News item>" (July 2023), 1,000 business and 1,000 sports items, one
# [request, response] pair per line. The files left the tree in a later commit.
AGNEWS_COMMIT = "d2b4dbefada068c9856947bf47a1a69f0d371881"
AGNEWS_FILES = {
    "business": "agnews_business_results.jsonl",
    "sports": "agnews_sports_results.jsonl",
}

# Baly et al. (EMNLP 2020), articles crawled from allsides.com, one JSON file each
# (content_original: the body as newspaper3k extracted it, paragraphs kept).
# csmonitor is the second newsroom's clean copy (beside BBC): the Christian
# Science Monitor's own stories, a fixed sample so a DEV run stays a few minutes.
ALLSIDES_COMMIT = "ced8111a720948e6a410e52031ace99c4e53f096"
CSMONITOR_OUTLET = "Christian Science Monitor"
CSMONITOR_SAMPLE = 400  # stories, the first by sha1("sample:<ID>")
CSMONITOR_MIN_WORDS = 150  # a shorter body is a truncated extraction, not a story
# A paragraph repeated word for word in this share of the outlet's stories is the
# site's template that the extractor took for text (a newsletter sign-up box in
# nine stories in ten), not the newsroom's copy: it is dropped.
TEMPLATE_SHARE = 0.1
# A wire story the Monitor reprinted whole carries the agency's copyright line:
# that is the agency's copy, not the newsroom's.
_WIRE_REPRINT = re.compile(r"^\s*Copyright \d{4} (?:The )?Associated Press", re.M | re.I)

SOURCE_NOTES = {
    "aigen_news": (
        "400 ChatGPT (gpt-3.5) news articles: 200 generated from a headline, 200 one-paragraph\n"
        "rewrites. iu-ai-research/human-AI-generatedTextCorpus @{iu}, news_chatgpt_generated.pkl.\n"
        "No licence file; research use, cite Mindner/Schlippe/Schaaff 2023.\n"
    ),
    "iu_human": (
        "100 edited news articles 2016-19 (CNN, People, NYT, Reuters, The Verge ...), the human\n"
        "originals of aigen_news. iu-ai-research/human-AI-generatedTextCorpus @{iu},\n"
        "news_human_generated.pkl. (c) the publishers; research use.\n"
    ),
    "fair_framed": (
        "150 short LLM-written political news items. yoojuneho/Fair-or-Framed @{fair},\n"
        "kappa/scoring data/explicit_*.json. No licence file; research use.\n"
    ),
    "llmfake": (
        "Machine-written news stories from LLMFake (Chen & Shu, 'Can LLM-Generated\n"
        "Misinformation Be Detected?', ICLR 2024): open-ended generation by gpt-3.5-turbo,\n"
        "Llama-2-chat 7b/13b and Vicuna-1.3 7b/13b/33b from the gist of GossipCop and\n"
        "PolitiFact stories. llm-misinformation/llm-misinformation @{llmfake},\n"
        "experiment/data/<model>_generation/<set>/*_open_ended_generation_processed.csv,\n"
        "column synthetic_misinformation, rows where it is not mostly the human news_text\n"
        "(under half its 8-word runs shared).\n"
        "id <model>-<set>-<row>. No headline: title is empty (text = body). No licence file;\n"
        "research use, cite the paper. Stories are fabricated: not a source of facts.\n"
    ),
    "agnews_gpt35": (
        "ChatGPT (gpt-3.5-turbo-0613, July 2023) news stories written from the summary of an\n"
        "AG News item (Reuters, AP and AFP wire items of 2004): 'Write an article following\n"
        "summary: <title and summary>'. hannxu123/detect_llm @{agnews},\n"
        "agnews_business_results.jsonl and agnews_sports_results.jsonl. Kept: answers that\n"
        "ended by themselves (finish_reason 'stop'); the others were cut at 450 tokens\n"
        "mid-sentence. id <topic>-<line>, 1-based.\n"
        "No headline: title is empty (text = body). No licence file; research use. The stories\n"
        "are generated: not a source of facts.\n"
    ),
    "csmonitor": (
        "Christian Science Monitor news stories 2012-2020 (US, professionally edited), the\n"
        "second newsroom's clean copy beside BBC. From the AllSides article-bias dataset\n"
        "(Baly, Da San Martino, Glass, Nakov, 'We Can Detect Your Bias', EMNLP 2020):\n"
        "ramybaly/Article-Bias-Prediction @{allsides}, data/jsons/*.json, records whose\n"
        "source is '{outlet}'; body = content_original (newspaper3k's\n"
        "extraction, paragraphs kept), title = title. Paragraphs repeated word for word in\n"
        "a tenth of the Monitor's stories or more (the site's newsletter sign-up box, taken\n"
        "for text by the extractor) are dropped from the bodies. Dropped stories: AP reprints\n"
        "(a 'Copyright <year> The Associated Press' line), bodies under {min_words} words,\n"
        "repeated URLs or bodies. Kept: a fixed sample of {sample} stories, the first by\n"
        "sha1('sample:<ID>'). id = the AllSides ID; DEV/TEST split by S='csmonitor',\n"
        "D=<ID>. Repository licence Apache-2.0; the articles are (c) The Christian Science\n"
        "Monitor: research use only, never copy them into the project repository.\n"
    ),
}


def git_show(repo: Path, commit: str, path: str) -> bytes:
    return subprocess.run(
        ["git", "-C", str(repo), "show", f"{commit}:{path}"], capture_output=True, check=True
    ).stdout


def _pickled_frame(repo: Path, path: str):  # -> pandas.DataFrame
    try:
        import pandas
    except ImportError:
        sys.exit("build_real_copy_corpora: needs pandas to read the pickles (pip install pandas)")
    return pandas.read_pickle(io.BytesIO(git_show(repo, IU_COMMIT, path)))


def iu_records(repo: Path, path: str, story_dates: dict[str, str] | None = None) -> Iterator[dict]:
    """One record per DataFrame row; the id is the row number, three digits.

    A generated story stands in for the human article it was written from (same
    headline), so its ``date`` is that article's publication date: the date the
    story's "President X" and "last year" are true on. The generation date is
    kept as ``generated``."""
    frame = _pickled_frame(repo, path)
    for index, row in frame.iterrows():
        title = str(row["title_en"])
        record = {
            "id": f"{int(index):03d}",
            "title": title,
            "body": str(row["text"]),
            "prompt" if row["author"] == "ChatGPT" else "outlet": str(row["source"]),
            "category": str(row["category"]),
            "date": str(row["date"]),
        }
        if story_dates is not None:
            record["generated"] = record["date"]
            record["date"] = story_dates[title.strip()]
        yield record


def fair_records(repo: Path) -> Iterator[dict]:
    """e<file>-r<run>-a<article>: file number, two-digit run index, article index."""
    for number in FAIR_FILES:
        path = f"kappa/scoring data/explicit_{number}_.json"
        runs = json.loads(git_show(repo, FAIR_COMMIT, path))
        for run in runs:
            for position, article in enumerate(run["articles"]):
                yield {
                    "id": f"e{number}-r{run['run_index']:02d}-a{position}",
                    "title": article["headline"],
                    "body": article["article"],
                }


def _git_blobs(repo: Path, commit: str, folder: str) -> Iterator[bytes]:
    """Every file under ``folder`` at ``commit``, read in one ``git cat-file --batch``."""
    listing = subprocess.run(
        ["git", "-C", str(repo), "ls-tree", "-r", commit, folder],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    shas = [line.split()[2] for line in listing.splitlines() if line.split()[1] == "blob"]
    out = subprocess.run(
        ["git", "-C", str(repo), "cat-file", "--batch"],
        input="\n".join(shas).encode() + b"\n",
        capture_output=True,
        check=True,
    ).stdout
    at = 0
    while at < len(out):
        header_end = out.index(b"\n", at)
        size = int(out[at:header_end].split()[2])
        yield out[header_end + 1 : header_end + 1 + size]
        at = header_end + 1 + size + 1  # the blob, then a newline


def csmonitor_records(
    repo: Path, commit: str = ALLSIDES_COMMIT, sample: int = CSMONITOR_SAMPLE
) -> list[dict]:
    """The Monitor's own stories in the AllSides set, deduplicated, a fixed sample."""
    kept: dict[str, dict] = {}
    seen: set[str] = set()
    for blob in _git_blobs(repo, commit, "data/jsons"):
        article = json.loads(blob)
        if article.get("source") != CSMONITOR_OUTLET:
            continue
        body = str(article.get("content_original") or "").strip()
        url = str(article.get("url", "")).split("?")[0].rstrip("/").lower()
        if len(body.split()) < CSMONITOR_MIN_WORDS or _WIRE_REPRINT.search(body):
            continue
        if (url and url in seen) or body in seen:
            continue
        seen.update((url, body) if url else (body,))
        kept[article["ID"]] = {
            "id": article["ID"],
            "title": str(article.get("title", "")).strip(),
            "body": body,
            "date": str(article.get("date", "")),
            "authors": str(article.get("authors", "")),
            "url": str(article.get("url", "")),
            "topic": str(article.get("topic", "")),
        }
    order = sorted(kept, key=lambda i: hashlib.sha1(f"sample:{i}".encode()).hexdigest())
    chosen = [kept[i] for i in sorted(order[:sample])]
    template = _template_paragraphs([r["body"] for r in kept.values()])
    for record in chosen:
        paragraphs = [p for p in record["body"].split("\n") if p.strip() not in template]
        record["body"] = re.sub(r"\n{3,}", "\n\n", "\n".join(paragraphs)).strip()
    return chosen


def _template_paragraphs(bodies: list[str]) -> set[str]:
    """Paragraphs in :data:`TEMPLATE_SHARE` of the bodies or more (and in two at least)."""
    counts: Counter[str] = Counter()
    for body in bodies:
        counts.update({p.strip() for p in body.split("\n") if p.strip()})
    floor = max(2, TEMPLATE_SHARE * len(bodies))
    return {p for p, n in counts.items() if n >= floor}


def _shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def copied(story: str, original: str) -> bool:
    """Half or more of the story's 8-word runs, and 40 at least, are the human
    original's: a copy. (A short prompt echo quoting one sentence of it is the
    model's own output.)"""
    runs = _shingles(story)
    return len(runs & _shingles(original)) >= max(40, len(runs) / 2)


def llmfake_records(repo: Path) -> Iterator[dict]:
    """One record per generated story; rows that repeat the human text are skipped.

    The CSVs hold every source story, but only the fake-labelled ones were rewritten
    by the model (elsewhere the column repeats ``news_text``), and a model sometimes
    echoed most of the human story it was given: neither is machine-written."""
    try:
        import pandas
    except ImportError:
        sys.exit("build_real_copy_corpora: needs pandas to read the CSVs (pip install pandas)")
    for (folder, story_set), model in LLMFAKE_RUNS.items():
        name = f"synthetic-gpt-3.5-turbo_{story_set}_open_ended_generation_processed.csv"
        path = f"experiment/data/{folder}/{story_set}/{name}"
        frame = pandas.read_csv(io.BytesIO(git_show(repo, LLMFAKE_COMMIT, path)))
        for index, row in frame.iterrows():
            story = str(row["synthetic_misinformation"]).strip()
            if not story or story == "nan" or copied(story, str(row["news_text"])):
                continue
            yield {
                "id": f"{model}-{story_set}-{int(index)}",
                "title": "",
                "body": story,
                "model": model,
                "story_set": story_set,
                "news_id": str(row["news_id"]),
            }


def agnews_records(repo: Path) -> Iterator[dict]:
    """One record per complete answer; the summary it was written from is kept as ``prompt``."""
    for topic, name in AGNEWS_FILES.items():
        lines = git_show(repo, AGNEWS_COMMIT, name).decode("utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            request, response = json.loads(line)
            choice = response["choices"][0]
            if choice["finish_reason"] != "stop":
                continue
            yield {
                "id": f"{topic}-{number}",
                "title": "",
                "body": choice["message"]["content"],
                "topic": topic,
                "prompt": request["messages"][0]["content"],
            }


def write_source(out: Path, source: str, records: list[dict]) -> Path:
    path = corpus.source_path(source, out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    note = SOURCE_NOTES[source].format(
        iu=IU_COMMIT,
        fair=FAIR_COMMIT,
        llmfake=LLMFAKE_COMMIT,
        agnews=AGNEWS_COMMIT[:7],
        allsides=ALLSIDES_COMMIT,
        outlet=CSMONITOR_OUTLET,
        min_words=CSMONITOR_MIN_WORDS,
        sample=CSMONITOR_SAMPLE,
    )
    (path.parent / "SOURCE.txt").write_text(note, encoding="utf-8")
    return path


def check_hashes(source: str, records: list[dict]) -> list[str]:
    """Labelled documents whose rebuilt text differs from the labelled text."""
    texts = {record["id"]: corpus.article_text(record) for record in records}
    problems = []
    for label in corpus.read_labels():
        if label["source"] != source:
            continue
        text = texts.get(label["id"])
        if text is None:
            problems.append(f"{source}:{label['id']}: not in the rebuilt corpus")
        elif corpus.sha256(text) != label["sha256"]:
            problems.append(f"{source}:{label['id']}: text differs from the labelled text")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iu-repo", type=Path, help="human-AI-generatedTextCorpus")
    parser.add_argument("--fair-repo", type=Path, help="Fair-or-Framed")
    parser.add_argument("--llmfake-repo", type=Path, help="llm-misinformation")
    parser.add_argument("--allsides-repo", type=Path, help="Article-Bias-Prediction (csmonitor)")
    parser.add_argument("--agnews-repo", type=Path, help="detect_llm (agnews_gpt35)")
    parser.add_argument("--out", type=Path, default=corpus.corpora_dir())
    args = parser.parse_args(argv)
    built: dict[str, list[dict]] = {}
    if args.iu_repo:
        human = list(iu_records(args.iu_repo, "news_human_generated.pkl"))
        story_dates = {record["title"].strip(): record["date"] for record in human}
        built["aigen_news"] = list(
            iu_records(args.iu_repo, "news_chatgpt_generated.pkl", story_dates)
        )
        built["iu_human"] = human
    if args.fair_repo:
        built["fair_framed"] = list(fair_records(args.fair_repo))
    if args.llmfake_repo:
        built["llmfake"] = list(llmfake_records(args.llmfake_repo))
    if args.agnews_repo:
        built["agnews_gpt35"] = list(agnews_records(args.agnews_repo))
    if args.allsides_repo:
        built["csmonitor"] = csmonitor_records(args.allsides_repo)
    if not built:
        parser.error("give at least one repository")
    problems = []
    for source, records in built.items():
        path = write_source(args.out, source, records)
        problems += check_hashes(source, records)
        print(f"{source}: {len(records)} documents -> {path}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
