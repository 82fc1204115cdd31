"""Result records: what a result shows of a document, and the number its record has.

The word index (``site.words``) numbers documents oldest first and writes one records file
per document (``urls.record_group``); the number lookups (``site.numbers``) name documents
by that number rather than repeat their entries. Both must number alike, so the order is
computed here only: ``order`` is what documents are numbered by, ``numbering`` the numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

from ketluan.core.model import Document
from ketluan.site import urls


def order(doc: Document) -> tuple[str, str]:
    """What documents are numbered by, oldest first: ISO date, then URL (unique, so two
    documents of one day have one order whatever their sources)."""
    return (doc.date.iso(), urls.document(doc))


def numbering(documents: Iterable[Document]) -> dict[str, int]:
    """Each document's record number (its place in ``order``), by URL."""
    return {url: number for number, (_, url) in enumerate(sorted(map(order, documents)))}


def newest_first(documents: Iterable[Document]) -> list[Document]:
    """``documents`` in reverse ``order``: how the lookups list them."""
    return sorted(documents, key=order, reverse=True)


def result_entry(doc: Document) -> dict[str, str]:
    """What a result shows of a document, as the search results show it (URLs relative to
    the site's root, which the browser knows): the word index's records and the title
    lookups (``site.titles``)."""
    entry = {
        "url": urls.document(doc),
        "number": doc.number or "",
        "title": doc.title,
        "date": doc.date.short(),
        "iso": doc.date.iso(),
        "type": doc.type.label,
        "issuer": ", ".join(doc.issuers),
        "place": doc.place,
    }
    return {key: value for key, value in entry.items() if value}
