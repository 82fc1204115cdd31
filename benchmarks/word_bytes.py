"""Bytes of the word index a query's first page reads, computed from a corpus (no build).

``python benchmarks/word_bytes.py PROJECT [--query Q ...] [--markdown]``

Reads the corpus of PROJECT, makes the word index files as a build would
(``ketluan.site.words``) and, for each query, adds up the files ``ketluan-words.js`` fetches
for the first page in order of relevance: the places file, the bucket of each word (and of
each accented word as typed), the word's own file when it has one, and the records files of
the first ``SHOWN`` documents in the order the index gives them (the 12 re-ranked and the
10 shown are among them), plus the search scripts and the title lookup file of the query.
An upper bound of what Chromium fetches (``queries.py`` measures that on a built site);
Telex and number readings are not applied (type the reading).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "plugins"))

from ketluan.core.corpus import load_corpus  # noqa: E402
from ketluan.core.model import BUILTIN_TYPES  # noqa: E402
from ketluan.core.text import fold  # noqa: E402
from ketluan.site import titles, urls  # noqa: E402
from ketluan.site.postings import decode  # noqa: E402
from ketluan.site.search import SearchPlan, corpus_places, place_token  # noqa: E402
from ketluan.site.words import (  # noqa: E402
    GROUP,
    document_words,
    file_name,
    indexed,
    spelled,
    word_bucket,
    word_files,
    words,
)

QUERIES = [
    "832-TB/TU",
    "832",
    "tam binh",
    "Tam Bình",
    "giai phong mat bang",
    "giải phóng mặt bằng",
    "hòa",
    "dang uy",
    "thông báo kết luận",
    "thuỷ sản",
    "kết luận",
]
SHOWN = 22
"""Documents whose records the first page may read: 12 re-ranked, 10 shown."""
SCRIPTS = ["search", "search-engine", "query", "numbers", "titles", "words"]


def measure(files: dict[str, str], query: str, scripts: int) -> dict[str, object]:
    size = lambda path: len(files.get(path, "").encode("utf-8"))  # noqa: E731
    fetched = {urls.word_places(titles.bucket(word)) for word in fold(query).split()}
    places = {}
    for path in fetched:
        places.update(json.loads(files.get(path, "{}")))
    folded = " ".join(sorted(words(query), key=fold(query).find))
    keys = [place_token(folded)] if folded in places else sorted(words(query))
    keys += sorted(spelled(query)) if folded not in places else []
    lists = []
    for key in keys:
        fetched.add(urls.word_lookup(word_bucket(key)))
        entry = json.loads(files.get(urls.word_lookup(word_bucket(key)), "{}")).get(key)
        if entry is None:
            continue
        if len(entry) == 2:  # own files; every described one counted (an upper bound:
            own = urls.word_file(file_name(key))  # the browser reads the shortest few)
            fetched |= {own, urls.word_described(file_name(key))} & set(files)
            entry = [*entry, json.loads(files[own])]
        if not key.startswith("="):
            lists.append(set(decode(entry[2])))
    found = set.intersection(*lists) if lists else set()
    newest = sorted(found, reverse=True)[:SHOWN]
    fetched |= {urls.record_group(number // GROUP) for number in newest}
    title = urls.title_lookup(titles.bucket(titles.title_key(query)))
    index = sum(size(path) for path in fetched)
    return {
        "query": query,
        "results": len(found),
        "files": len(fetched) + 1 + len(SCRIPTS),
        "index_kb": round(index / 1024, 1),
        "titles_kb": round(size(title) / 1024, 1),
        "scripts_kb": round(scripts / 1024, 1),
        "total_kb": round((index + size(title) + scripts) / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--query", action="append")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    started = time.time()
    corpus = load_corpus(args.project, "conclusions", BUILTIN_TYPES)
    documents = corpus.documents
    places = corpus_places(documents)
    plan = SearchPlan(len(documents), "", places)
    items = [indexed(doc, document_words(doc), plan.named_places(doc)) for doc in documents]
    files = word_files(items) | titles.title_files(documents)
    made = time.time() - started
    index_files = [text for path, text in files.items() if path.startswith(urls.WORDS)]
    records = [text for path, text in files.items() if path.startswith(urls.RECORDS)]
    print(
        f"{len(documents)} documents; index made in {made:.0f} s: "
        f"{len(index_files)} word files, {sum(map(len, index_files)) / 2**20:.1f} MB "
        f"(largest {max(map(len, index_files)) / 1024:.1f} KB); "
        f"{len(records)} records files, {sum(map(len, records)) / 2**20:.1f} MB",
        file=sys.stderr,
    )
    folder = REPO / "templates" / "assets" / "javascripts"
    scripts = sum((folder / f"ketluan-{name}.js").stat().st_size for name in SCRIPTS)
    rows = [measure(files, query, scripts) for query in args.query or QUERIES]
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))
    if args.markdown:
        print("| query | results | files | index KB | titles KB | scripts KB | total KB |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for row in rows:
            print(
                f"| `{row['query']}` | {row['results']} | {row['files']} | {row['index_kb']} "
                f"| {row['titles_kb']} | {row['scripts_kb']} | {row['total_kb']} |"
            )


if __name__ == "__main__":
    main()
