"""Pages of cited documents: one per cited document and a directory, added to the plan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ketluan.citations.index import CITED_URL, RANKED_URL, CitationIndex, Link, grouped
from ketluan.core.corpus import Corpus
from ketluan.core.dates import DocDate
from ketluan.site.jsonld import document_jsonld, script_json
from ketluan.site.listing import paginate
from ketluan.core.model import Document
from ketluan.citations.resolve import CitedDocument, Mention

if TYPE_CHECKING:
    from ketluan.site.plan import SitePlan

CITED_BY_SHOWN = 10
"""Citing documents listed on a document page; the rest are on its cited-document page."""
CITED_TITLE = "Văn bản được trích dẫn"
RANKED_TITLE = "Văn bản được trích dẫn nhiều nhất"


def plan_citations(
    plan: SitePlan, corpus: Corpus, page_size: int, base_url: str = "/"
) -> CitationIndex:
    """Resolve every citation of ``corpus`` and plan the page of each cited document and the
    directory (grouped by issuer and type, and ranked by how many documents cite each);
    document pages get what they cite in their JSON-LD (schema.org ``citation``)."""
    from ketluan.site.plan import GeneratedPage  # pages imports this module to call plan_citations

    index = CitationIndex(corpus.documents)
    for planned in plan.pages.values():
        doc = planned.context.get("doc")
        if planned.template == "conclusion.html" and "jsonld" in planned.context:
            cites = index.cites(doc)
            cited = [_jsonld_citation(c, base_url) for c in cites]
            if cited:
                data = document_jsonld(doc, base_url + doc.url)
                planned.context["jsonld"] = script_json({**data, "citation": cited})
            planned.context.update(_document_citations(index, doc, cites))
    plan.citations = index
    plan.shared["cited_url"] = CITED_URL
    plan.shared["ranked_url"] = RANKED_URL
    for cited in index.cited:
        # The citing documents paginate: a much-cited resolution must not make a huge page.
        for listing in paginate(cited.citing, page_size, cited.url, cited.title):  # type: ignore[arg-type]
            plan.add(
                listing.url,
                GeneratedPage(
                    "resolution.html",
                    listing.heading,
                    {
                        "cited": cited,
                        "listing": listing,
                        "candidates": [index.candidate(key) for key in cited.candidates],
                    },
                    description=f"{cited.title}: {cited.count} văn bản trích dẫn",
                    updated=max(m.doc.date.first_day() for m in cited.mentions),
                ),
            )
    views = (
        (index.cited, CITED_URL, CITED_TITLE, "group"),
        (index.ranked, RANKED_URL, RANKED_TITLE, "rank"),
    )
    for items, base, title, view in views:
        for listing in paginate(items, page_size, base, title):  # type: ignore[arg-type]
            plan.add(
                listing.url,
                GeneratedPage(
                    "resolution-list.html",
                    listing.heading,
                    {"listing": listing, "view": view, "groups": grouped(listing.items)},  # type: ignore[arg-type]
                    in_nav=listing.number == 1 and view == "group",
                ),
            )
    return index


@dataclass(frozen=True)
class CiteView:
    """What a document page shows of one document it cites. A view, not the
    ``CitedDocument``: the page must not depend on every other document citing it."""

    link: str
    label: str
    number: str
    ambiguous: bool
    date: DocDate | None
    group: str
    in_corpus: bool
    url: str
    count: int


def _document_citations(
    index: CitationIndex, doc: Document, cites: list[CitedDocument]
) -> dict[str, object]:
    """Context of a document page's citation sections: what it cites, and the first
    ``CITED_BY_SHOWN`` documents citing it (the rest are on its cited-document page)."""
    views = [
        CiteView(
            c.link,
            c.kind.label,
            c.number,
            c.ambiguous,
            c.date,
            c.group,
            c.document is not None,
            c.url,
            c.count,
        )
        for c in cites
    ]
    cited_as = index.cited_as(doc)
    citing: list[tuple[Document, list[Mention]]] = cited_as.citing if cited_as else []
    return {
        "cites": views,
        "cited_by": citing[:CITED_BY_SHOWN],
        "cited_by_count": len(citing),
        "cited_by_url": cited_as.url if cited_as else None,
    }


def _jsonld_citation(cited: CitedDocument, base_url: str) -> dict[str, str]:
    data = {
        "@type": "Legislation",
        "name": cited.title,
        "legislationIdentifier": cited.number,
        "legislationType": cited.kind.label,
        "url": base_url + cited.link,
    }
    if cited.date:
        data["legislationDate"] = cited.date.iso()
    return data


def page_links(plan: SitePlan, src_uri: str) -> list[Link] | None:
    """Citation links for the document page generated from ``src_uri``; None for others."""
    planned = plan.pages.get(src_uri)
    index = plan.citations
    if planned is None or planned.template != "conclusion.html" or index is None:
        return None
    return index.links(planned.context["doc"])
