"""Pages of cited documents: one per cited document and a directory, added to the plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .citation_index import CITED_URL, RANKED_URL, CitationIndex, Link, grouped
from .corpus import Corpus
from .jsonld import document_jsonld, script_json
from .listing import paginate
from .resolve import CitedDocument

if TYPE_CHECKING:
    from .pages import SitePlan

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
    from .pages import GeneratedPage  # pages imports this module to call plan_citations

    index = CitationIndex(corpus.documents)
    for planned in plan.pages.values():
        doc = planned.context.get("doc")
        if planned.template == "conclusion.html" and "jsonld" in planned.context:
            cited = [_jsonld_citation(c, base_url) for c in index.cites(doc)]
            if cited:
                data = document_jsonld(doc, base_url + doc.url)
                planned.context["jsonld"] = script_json({**data, "citation": cited})
    plan.shared["citations"] = index
    plan.shared["cited_url"] = CITED_URL
    plan.shared["ranked_url"] = RANKED_URL
    plan.shared["cited_by_shown"] = CITED_BY_SHOWN
    for cited in index.cited:
        # The citing documents paginate: a much-cited resolution must not make a huge page.
        for listing in paginate(cited.citing, page_size, cited.url, cited.title):  # type: ignore[arg-type]
            plan.add(
                listing.url,
                GeneratedPage(
                    "resolution.html",
                    listing.heading,
                    {"cited": cited, "listing": listing},
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
    index = plan.shared.get("citations")
    if planned is None or planned.template != "conclusion.html" or index is None:
        return None
    return index.links(planned.context["doc"])
