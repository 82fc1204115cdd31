"""Open-data manifests ``api/documents.json`` and ``api/resolutions.json``: one entry per
document and per cited document, stable and sorted (documented in docs/du-lieu-mo.md)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ketluan.citations.index import CitationIndex
from ketluan.citations.relations import Edge, Node, RelationIndex, Status
from ketluan.citations.resolve import CitedDocument
from ketluan.core.model import Document
from ketluan.site import urls
from ketluan.site.cited import CitedUrls

MANIFEST_VERSION = 1


def document_entry(
    doc: Document,
    base_url: str,
    citations: CitationIndex,
    where: CitedUrls,
    relations: RelationIndex,
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
        "issuers": doc.issuers,
        "level": doc.level.slug,
        "province": doc.province,
        "district": doc.district,
        "commune": doc.commune,
        **_place_codes(doc),
        "meeting": doc.meeting,
        "signer": asdict(doc.signer) if doc.signer else None,
        "signers": [asdict(signer) for signer in doc.signers],
        "author": doc.author,
        "recipients": doc.recipients,
        "references": _references(doc, base_url, citations, where),
        "tags": doc.tags,
        "source": doc.source,
        "status": _status(relations.status(doc)),
        "relations": [
            {**_edge(edge, edge.kind.label), **_node(edge.target, base_url, citations, where)}
            for edge in relations.outgoing(doc)
        ],
        "inverse_relations": _inverse(relations, doc),
    }


def _status(status: Status | None) -> dict[str, Any] | None:
    """A status in open data: its key and words, schema.org's LegalForceStatus, what
    decides it (document ids) and since when."""
    if status is None:
        return None
    force = status.force
    return {
        "key": force.key,
        "label": force.label,
        "legal_force": force.legal_force,
        "declared": status.declared,
        "since": status.since.iso() if status.since else None,
        "valid_until": status.valid_until.iso() if status.valid_until else None,
        "by": [edge.source.id for edge in status.by],
    }


def _edge(edge: Edge, label: str) -> dict[str, Any]:
    return {
        "kind": edge.kind.slug,
        "label": label,
        "detected": edge.detected,
        "partial": edge.partial,
    }


def _node(node: Node, base_url: str, citations: CitationIndex, where: CitedUrls) -> dict[str, Any]:
    """The other end of a relation: its document id (when in the portal), its key as a
    cited document (when one cites it) and its page."""
    doc = node if isinstance(node, Document) else node.document
    cited = citations.cited_as(node) if isinstance(node, Document) else node
    url = urls.document(doc) if doc else where.page(cited) if cited else None
    return {
        "document": doc.id if doc else None,
        "key": cited.key.text() if cited else None,
        "url": base_url + url if url else None,
    }


def _inverse(relations: RelationIndex, node: Node) -> list[dict[str, Any]]:
    """What other documents state of ``node``, oldest first, by the stating document's id."""
    return [
        {**_edge(edge, edge.kind.inverse), "document": edge.source.id}
        for edge in relations.incoming(node)
    ]


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
    documents: list[Document],
    base_url: str,
    citations: CitationIndex,
    where: CitedUrls,
    relations: RelationIndex,
) -> str:
    """The whole documents manifest as JSON text (UTF-8, not ASCII-escaped, byte-stable)."""
    entries = [document_entry(doc, base_url, citations, where, relations) for doc in documents]
    data = {"version": MANIFEST_VERSION, "count": len(documents), "documents": entries}
    return dump_json(data)


def resolutions_manifest(
    base_url: str, citations: CitationIndex, where: CitedUrls, relations: RelationIndex
) -> str:
    """``api/resolutions.json``: every cited document with its key, URL, citing ids, status
    and what the citing documents state of it."""
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
            "status": _status(relations.status(cited.document or cited)),
            "inverse_relations": _inverse(relations, cited.document or cited),
        }
        for cited in citations.cited
    ]
    data = {"version": MANIFEST_VERSION, "count": len(entries), "resolutions": entries}
    return dump_json(data)


def dump_json(data: dict[str, Any]) -> str:
    """Compact JSON: indentation was a fifth of the files (BENCHMARKS.md, "Output size")."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str) + "\n"
