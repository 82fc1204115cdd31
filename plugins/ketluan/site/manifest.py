"""Open-data manifests ``api/documents.json`` and ``api/resolutions.json``: one entry per
document and per cited document, stable and sorted (documented in docs/du-lieu-mo.md)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ketluan.citations.index import CitationIndex
from ketluan.citations.resolve import CitedDocument
from ketluan.core.model import Document
from ketluan.site import urls
from ketluan.site.cited import CitedUrls

MANIFEST_VERSION = 1


def document_entry(
    doc: Document, base_url: str, citations: CitationIndex, where: CitedUrls
) -> dict[str, Any]:
    """The manifest entry of one document."""
    return {
        "id": doc.id,
        "url": base_url + urls.document(doc),
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
        "references": _references(doc, base_url, citations, where),
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


def _references(
    doc: Document, base_url: str, citations: CitationIndex, where: CitedUrls
) -> list[dict[str, Any]]:
    """What ``doc`` cites, each marked when front matter declares it."""
    resolved = citations.resolved(doc)
    return [
        {
            **_summary(cited, base_url, where),
            "declared": any(m.declared for m, target in resolved if target is cited),
        }
        for cited in citations.cites(doc)
    ]


def _summary(cited: CitedDocument, base_url: str, where: CitedUrls) -> dict[str, Any]:
    return {
        "key": cited.key.text(),
        "url": base_url + where.page(cited),
        "number": cited.number,
        "type": cited.kind.slug,
        "type_label": cited.kind.label,
        "date": cited.date.iso() if cited.date else None,
        "issuer": cited.group,
        "ambiguous": cited.ambiguous,
        "document": cited.document.id if cited.document else None,
    }


def documents_manifest(
    documents: list[Document], base_url: str, citations: CitationIndex, where: CitedUrls
) -> str:
    """The whole documents manifest as JSON text (UTF-8, not ASCII-escaped, byte-stable)."""
    data = {
        "version": MANIFEST_VERSION,
        "count": len(documents),
        "documents": [document_entry(doc, base_url, citations, where) for doc in documents],
    }
    return _dump(data)


def resolutions_manifest(base_url: str, citations: CitationIndex, where: CitedUrls) -> str:
    """``api/resolutions.json``: every cited document with its key, URL and citing ids."""
    entries = [
        {
            **_summary(cited, base_url, where),
            "issuer_text": cited.issuer,
            "scope": {
                "province": cited.key.scope.province,
                "district": cited.key.scope.district,
            },
            "candidates": [k.text() for k in cited.candidates],
            "cited_by": [doc.id for doc, _ in cited.citing],
        }
        for cited in citations.cited
    ]
    data = {"version": MANIFEST_VERSION, "count": len(entries), "resolutions": entries}
    return _dump(data)


def _dump(data: dict[str, Any]) -> str:
    """Compact JSON: indentation was a fifth of the files (BENCHMARKS.md, "Output size")."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str) + "\n"
