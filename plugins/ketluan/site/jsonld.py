"""schema.org JSON-LD for document pages: Legislation for conclusions, NewsArticle for news.

Search engines and legal-data harvesters read it; the text is made safe to embed in a
<script> element by escaping <, > and & as JSON unicode escapes.
"""

from __future__ import annotations

import json
from typing import Any

from ketluan.core.model import Document


def document_jsonld(doc: Document, url: str) -> dict[str, Any]:
    """The JSON-LD object of one document; ``url`` is its absolute or site-relative URL."""
    place = {"@type": "AdministrativeArea", "name": doc.place}
    common: dict[str, Any] = {
        "@context": "https://schema.org",
        "url": url,
        "inLanguage": "vi",
        "datePublished": doc.date.iso(),
        "spatialCoverage": place,
    }
    if doc.tags:
        common["keywords"] = ", ".join(doc.tags)
    if doc.type.news:
        data = {"@type": "NewsArticle", "headline": doc.title, **common}
        if doc.author:
            data["author"] = {"@type": "Person", "name": doc.author}
        data["about"] = {"@type": "Organization", "name": doc.issuer}
        return data
    data = {
        "@type": "Legislation",
        "name": doc.title,
        "legislationType": doc.type.label,
        "legislationDate": doc.date.iso(),
        "legislationPassedBy": {"@type": "Organization", "name": doc.issuer},
        "legislationJurisdiction": place,
        **common,
    }
    if doc.number:
        data["legislationIdentifier"] = doc.number
    if doc.signer:
        data["legislationResponsible"] = {"@type": "Person", "name": doc.signer.name}
    return data


def script_json(data: dict[str, Any]) -> str:
    """JSON text that cannot close or break out of a <script> element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
