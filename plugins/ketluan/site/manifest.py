"""Open-data manifest ``api/documents.json``: one entry per document, stable and sorted."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ketluan.citations.index import CitationIndex
from ketluan.core.model import Document

MANIFEST_VERSION = 1


def document_entry(
    doc: Document, base_url: str, citations: CitationIndex | None = None
) -> dict[str, Any]:
    """The manifest entry of one document (documented in docs/du-lieu-mo.md)."""
    citations = citations or CitationIndex([doc])
    return {
        "id": doc.id,
        "url": base_url + doc.url,
        "title": doc.title,
        "type": doc.type.slug,
        "type_label": doc.type.label,
        "number": doc.number,
        "date": doc.date.iso(),
        "issuer": doc.issuer,
        "province": doc.province,
        "district": doc.district,
        **_place_codes(doc),
        "meeting": doc.meeting,
        "signer": asdict(doc.signer) if doc.signer else None,
        "author": doc.author,
        "recipients": doc.recipients,
        "references": citations.references(doc, base_url),
        "tags": doc.tags,
        "source": doc.source,
    }


def _place_codes(doc: Document) -> dict[str, Any]:
    """GSO codes of the units of the document's date and the province it is now part of."""
    where = doc.location
    if where is None:
        return dict.fromkeys(
            ("province_code", "district_code", "current_province", "current_province_code")
        )
    now = where.province.successor or where.province
    return {
        "province_code": where.province.code,
        "district_code": where.district.code if where.district else None,
        "current_province": now.name,
        "current_province_code": now.code,
    }


def documents_manifest(
    documents: list[Document], base_url: str, citations: CitationIndex | None = None
) -> str:
    """The whole manifest as JSON text (UTF-8, not ASCII-escaped, byte-stable)."""
    citations = citations or CitationIndex(documents)
    data = {
        "version": MANIFEST_VERSION,
        "count": len(documents),
        "documents": [document_entry(doc, base_url, citations) for doc in documents],
    }
    return _dump(data)


def resolutions_manifest(
    documents: list[Document], base_url: str, citations: CitationIndex | None = None
) -> str:
    """``api/resolutions.json``: every cited document with its key, URL and citing ids."""
    citations = citations or CitationIndex(documents)
    entries = citations.resolutions(base_url)
    data = {"version": MANIFEST_VERSION, "count": len(entries), "resolutions": entries}
    return _dump(data)


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False, default=str) + "\n"
