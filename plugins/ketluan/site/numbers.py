"""Number lookups: the documents and cited documents of each number, for search.

Staff search by number ("832-TB/TU", "số 05/2019/NQ-HĐND"). A full-text query for a number
searches every shard for "832", "tb" and "tu" (255 KB at 10,000 documents) and ranks the
document with that number among those citing it. Instead the build writes one small file per
leading number and code (``urls.number_lookup``): every document numbered so, and every cited
document numbered so with how many documents cite it and the newest of them. The browser
fetches the one file a number query needs (``ketluan-numbers.js``) and shows the document
itself first, then the documents citing it, without touching the full-text index.

A document is named by its number in the word index (``site.records``), whose records file
the browser loads for the results it shows, not by what its result shows: with every entry
repeated, a file reached 268 KB at 50,000 documents (``so/1-ct.json``, three quarters of it
the citing documents' entries) and all of them 45 MB; by record number, 49 KB and 9.1 MB.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from ketluan.citations.index import CitationIndex
from ketluan.core.model import Document
from ketluan.core.text import fold
from ketluan.site import urls
from ketluan.site.cited import CitedUrls
from ketluan.site.records import newest_first, numbering

CITING_SHOWN = 5
"""Citing documents listed per cited number (newest first); the rest are on its page."""

_LEADING = re.compile(r"\s*0*(\d+)")
_CODE = re.compile(r"[a-z]+")


def bucket(number: str) -> str | None:
    """The file a number is in: its leading digits without leading zeros, and the first
    letters after them (folded), the code of what it is (KL, TB, NQ…).

    >>> bucket("832-TB/TU"), bucket("05/2019/NQ-HĐND"), bucket("0"), bucket("TB-TU")
    ('832-tb', '5-nq', '0', None)

    Every district numbers its conclusions from 1 in each term: a file per leading number
    held 740 KB of documents and citations numbered 5 at 50,000 documents. The browser
    computes the same bucket from the number's key (``numberBucket`` in
    ``ketluan-query.js``); a number typed with only its first code ("15/TB") reads the same
    file as every number it names ("15-TB/TU", "15/2019/TB-UBND").
    """
    found = _LEADING.match(number)
    if found is None:
        return None
    code = _CODE.search(fold(number[found.end() :]))
    lead = found.group(1) if found.group(1) else "0"
    return f"{lead}-{code.group()}" if code else lead


def number_files(
    documents: list[Document], citations: CitationIndex, where: CitedUrls
) -> dict[str, str]:
    """Site path -> JSON text of every number lookup file (compact, byte-stable):
    ``documents``, ``[number, record number]`` of each document numbered so, newest first;
    ``cited``, each cited number with its type, title, ``url`` (where a citation of it
    links: its document, else its cited page), ``page`` (its cited page, which lists who
    cites it; left out when it is ``url``), ``count``, ``iso`` and ``citing``, the record
    numbers of its ``CITING_SHOWN`` newest citing documents."""
    found: dict[str, dict[str, list[Any]]] = defaultdict(lambda: {"documents": [], "cited": []})
    records = numbering(documents)
    for doc in newest_first(documents):
        key = bucket(doc.number or "")
        if key is not None:
            found[key]["documents"].append([doc.number, records[urls.document(doc)]])
    for cited in citations.cited:
        key = bucket(cited.number)
        if key is None or not cited.count:
            continue
        url, page = where.link(cited), where.page(cited)
        entry: dict[str, Any] = {
            "number": cited.number,
            "type": cited.kind.label,
            "title": cited.title,
            "url": url,
            **({"page": page} if page != url else {}),
            "count": cited.count,
            "citing": [records[urls.document(doc)] for doc, _ in cited.citing[:CITING_SHOWN]],
        }
        if cited.date is not None:
            entry["iso"] = cited.date.iso()
        found[key]["cited"].append(entry)
    return {
        urls.number_lookup(key): json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
        for key, value in sorted(found.items())
    }
