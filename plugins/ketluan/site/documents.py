"""The page of each document, assembled once from the complete indexes."""

from __future__ import annotations

from typing import Any

from ketluan.core.model import Document
from ketluan.site import labels, urls
from ketluan.site.cited import body_links, document_citations, jsonld_citations
from ketluan.site.indexes import SiteIndexes, type_key
from ketluan.site.jsonld import document_jsonld, relations_jsonld, script_json
from ketluan.site.pages import DocumentPage
from ketluan.site.relations import NodeView

CITES_ANCHOR = "kl-van-ban-duoc-trich-dan"
"""Id of the section listing every document a document cites (kl-citations.html)."""


def node_jsonld(node: NodeView, base_url: str) -> dict[str, Any]:
    """A related document in JSON-LD, as ``citation`` entries are written."""
    data: dict[str, Any] = {"@type": "Legislation", "name": node.title or node.label}
    if node.number:
        data["legislationIdentifier"] = node.number
    data["url"] = base_url + node.url
    if node.date:
        data["legislationDate"] = node.date.iso()
    return data


def document_page(doc: Document, indexes: SiteIndexes, base_url: str) -> DocumentPage:
    """Everything the page of ``doc`` shows: its metadata links, JSON-LD, what it cites and
    who cites it, its relations."""
    citations, where, views = indexes.citations, indexes.cited_urls, indexes.views
    data = document_jsonld(doc, base_url + urls.document(doc))
    if cited := jsonld_citations(citations, where, doc, base_url):
        data = {**data, "citation": cited}
    status = views.status(doc)
    data |= relations_jsonld(
        doc.type.news,
        [
            (e.kind.slug, node_jsonld(views.node(e.target), base_url))
            for e in views.relations.outgoing(doc)
        ],
        status.force.legal_force if status else None,
        doc.valid_until.iso() if doc.valid_until else None,
    )
    cites, cited_by, cited_by_count, cited_by_url = document_citations(citations, where, doc)
    return DocumentPage(
        url=urls.document(doc),
        title=labels.short_title(doc),
        description=labels.describe(doc),
        updated=doc.date.first_day(),
        doc=doc,
        jsonld=script_json(data),
        doc_links=doc_links(doc, indexes),
        issuer_links=list(zip(doc.issuers, indexes.issuer_pages[doc.id], strict=True)),
        signer_links=[
            (signer, url)
            for signer, url in zip(doc.signers, indexes.signer_pages[doc.id], strict=True)
        ],
        cites=cites,
        cited_by=cited_by,
        cited_by_count=cited_by_count,
        cited_by_url=cited_by_url,
        links=body_links(citations, where, doc),
        status=status,
        diagram=views.diagram(doc, CITES_ANCHOR),
    )


def doc_links(doc: Document, indexes: SiteIndexes) -> dict[str, str]:
    """Where the breadcrumbs and metadata values of a document page link to."""
    issuers, signers = indexes.issuer_pages[doc.id], indexes.signer_pages[doc.id]
    links = {
        "year": urls.year(doc.date.year),
        "type": urls.doc_type(type_key(doc)),
        "issuer": issuers[0] if issuers else "",
        "signer": signers[0] if signers else "",
    }
    if doc.level.central:
        links["central"] = urls.CENTRAL
    if doc.location:
        links["province"] = urls.province(doc.location.province)
        if doc.location.district:
            links["district"] = urls.district(doc.location.district)
    return {k: v for k, v in links.items() if v}
