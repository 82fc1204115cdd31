"""What a generated corpus looks like to ketluan: sizes, types, signer forms, footnotes,
and how its citations resolve (ketluan's loader and citation index, as the build uses them).

``python benchmarks/corpus_stats.py DIR`` (a project written by ``generate.py``).
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from ketluan.citations.index import CitationIndex
from ketluan.core.corpus import load_corpus
from ketluan.core.model import BUILTIN_TYPES, Document


def signer_form(doc: Document) -> str:
    """ "T/M Ban Thường vụ / Bí thư", "bare name", "news (author)"..."""
    if doc.signer is None:
        return "news (author)" if doc.author else "none"
    if not doc.signer.authority:
        return "bare name"
    authority = doc.signer.authority
    if authority.startswith("T/M") and "Ban Thường vụ" not in authority:
        authority = "T/M <committee>"
    return f"{authority} / {doc.signer.title}"


def stats(project: Path) -> dict[str, Any]:
    """Figures of the corpus under ``project/conclusions``."""
    corpus = load_corpus(project, "conclusions", BUILTIN_TYPES)
    docs = corpus.documents
    sizes = sorted(
        (project / "conclusions" / Path(d.source).relative_to("conclusions")).stat().st_size
        for d in docs
    )
    index = CitationIndex(docs)
    mentions = [t for d in docs for _, t in index.resolved(d) if t is not None]
    in_corpus = [t for t in mentions if t.document is not None]
    return {
        "documents": len(docs),
        "size_kb": {
            "min": round(sizes[0] / 1024, 1),
            "median": round(statistics.median(sizes) / 1024, 1),
            "max": round(sizes[-1] / 1024, 1),
        },
        "types": dict(Counter(d.type.slug for d in docs).most_common()),
        "signer_forms": dict(Counter(signer_form(d) for d in docs).most_common()),
        "with_footnotes": sum("[^1]:" in d.body for d in docs),
        "provinces": len({d.province for d in docs}),
        "districts": len({(d.province, d.district) for d in docs if d.district}),
        "citations": len(mentions),
        "citations_in_corpus": len(in_corpus),
        "fraction_in_corpus": round(len(in_corpus) / max(1, len(mentions)), 3),
        "distinct_cited": len(index.cited),
        "distinct_cited_in_corpus": sum(c.document is not None for c in index.cited),
        "ambiguous": sum(c.ambiguous for c in index.cited),
        "top_cited": [(c.number, c.count) for c in index.ranked[:8]],
    }


if __name__ == "__main__":
    print(json.dumps(stats(Path(sys.argv[1])), ensure_ascii=False, indent=1))
