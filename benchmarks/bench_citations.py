"""Benchmark: citation extraction on a 20 KB document (goal: under 5 ms).

Run with ``.venv/bin/python benchmarks/bench_citations.py``; record the result in
BENCHMARKS.md. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import statistics
import timeit
from pathlib import Path

from ketluan.citations.matchers import extract
from ketluan.citations.prose import prose
from ketluan.citations.resolve import document_mentions
from ketluan.core.corpus import read_document
from ketluan.core.model import BUILTIN_TYPES

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "conclusions/bac-giang/son-dong/604-kl-hu.md"
SIZE = 20_000


def twenty_kb_body() -> str:
    """The richest sample body (12 citations), repeated by paragraph up to 20 KB of UTF-8."""
    doc, problems = read_document(SAMPLE, SAMPLE.name, BUILTIN_TYPES)
    assert doc is not None, problems
    paragraphs = doc.body.split("\n\n")
    out: list[str] = []
    index = 0
    while len("\n\n".join(out).encode()) < SIZE:
        out.append(paragraphs[index % len(paragraphs)])
        index += 1
    return "\n\n".join(out)


def dense_body() -> str:
    """Only the sentences that cite, from all five samples, repeated up to 20 KB."""
    sentences = []
    for path in sorted((REPO / "conclusions").rglob("*.md")):
        doc, _ = read_document(path, path.name, BUILTIN_TYPES)
        assert doc is not None
        sentences += [m.sentence for m in document_mentions(doc) if m.sentence]
    out: list[str] = []
    while len(" ".join(out).encode()) < SIZE:
        out.append(sentences[len(out) % len(sentences)])
    return " ".join(out)


def measure(label: str, func: object, number: int = 50, repeat: int = 20) -> None:
    times = [t / number * 1000 for t in timeit.repeat(func, number=number, repeat=repeat)]  # type: ignore[arg-type]
    print(f"{label:58} min {min(times):6.2f} ms   median {statistics.median(times):6.2f} ms")


def main() -> None:
    doc, _ = read_document(SAMPLE, SAMPLE.name, BUILTIN_TYPES)
    assert doc is not None
    doc.body = twenty_kb_body()
    masked = prose(doc.body).text
    print(f"document: {len(doc.body.encode())} bytes UTF-8, {len(extract(masked))} citations")
    measure("extract() on masked text", lambda: extract(masked))
    measure(
        "prose() + extract() (Markdown masking included)", lambda: extract(prose(doc.body).text)
    )
    measure("document_mentions() (+ sentences, scope, references)", lambda: document_mentions(doc))
    dense = dense_body()
    print(f"dense: {len(dense.encode())} bytes UTF-8, {len(extract(dense))} citations")
    measure("extract() on citation-dense text", lambda: extract(dense))


if __name__ == "__main__":
    main()
