"""Benchmark: resolving every citation of a synthetic corpus (informative, no goal yet).

``.venv/bin/python benchmarks/bench_citation_index.py [N]`` builds N synthetic district
conclusions (about 4 KB each, 15 citations: Huyện ủy numbers with and without dates, Tỉnh
ủy and Bộ Chính trị numbers) and times ``CitationIndex`` and the per-page queries.
"""

from __future__ import annotations

import random
import sys
import time

from ketluan.citations.index import CitationIndex
from ketluan.core.dates import DocDate
from ketluan.core.model import BUILTIN_TYPES, Document
from ketluan.site.cited import CitedUrls, body_links


def corpus(size: int) -> list[Document]:
    rng = random.Random(1)
    districts = [f"Huyện {i}" for i in range(200)]
    filler = "Nội dung văn bản dài. " * 30
    documents = []
    for i in range(size):
        district = rng.choice(districts)
        parts = []
        for _ in range(5):
            dated = " ngày 24/02/2021" if rng.random() < 0.5 else ""
            parts.append(
                f"Theo Nghị quyết số {rng.randint(1, 60)}-NQ/HU{dated} của Huyện ủy, Chỉ thị số "
                f"{rng.randint(1, 40)}-CT/TU ngày 02/6/2023 của BTV Tỉnh ủy và Quy định số "
                f"96-QĐ/TW. {filler}"
            )
        documents.append(
            Document(
                f"{i}.md",
                "t",
                BUILTIN_TYPES["ket-luan"],
                f"{i}-KL/HU",
                DocDate(2024, 1 + i % 12, 1 + i % 28),
                f"Huyện ủy {district}",
                "Bắc Giang",
                district,
                " ".join(parts),
            )
        )
    return documents


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    documents = corpus(size)
    kilobytes = sum(len(d.body.encode()) for d in documents) // 1000
    start = time.perf_counter()
    index = CitationIndex(documents)
    built = time.perf_counter() - start
    where = CitedUrls(index)
    start = time.perf_counter()
    for doc in documents:
        index.cites(doc)
        index.cited_as(doc)
        body_links(index, where, doc)
    queried = time.perf_counter() - start
    print(f"{size} documents, {kilobytes} KB, {len(index.cited)} cited documents")
    print(f"CitationIndex: {built:.1f} s ({built / size * 1000:.2f} ms per document)")
    print(f"cites + cited_as + links for every document: {queried:.2f} s")


if __name__ == "__main__":
    main()
