"""schema.org JSON-LD for document pages: Legislation for conclusions, NewsArticle for news.

Search engines and legal-data harvesters read it; the text is made safe to embed in a
<script> element by escaping <, > and & as JSON unicode escapes.
"""

from __future__ import annotations

import json
from typing import Any

from ketluan.core.model import Document


def document_jsonld(doc: Document, url: str) -> dict[str, Any]:
    """The JSON-LD object of one document; ``url`` is its absolute or site-relative URL.
    A joint document has a list of issuers (``legislationPassedBy``) and of signers."""
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
    issuers = _one_or_list([{"@type": "Organization", "name": name} for name in doc.issuers])
    if doc.type.news:
        data = {"@type": "NewsArticle", "headline": doc.title, **common}
        if doc.author:
            data["author"] = {"@type": "Person", "name": doc.author}
        data["about"] = issuers
        return data
    data = {
        "@type": "Legislation",
        "name": doc.title,
        "legislationType": doc.type.label,
        "legislationDate": doc.date.iso(),
        "legislationPassedBy": issuers,
        "legislationJurisdiction": place,
        **common,
    }
    if doc.number:
        data["legislationIdentifier"] = doc.number
    if doc.signers:
        people = [{"@type": "Person", "name": signer.name} for signer in doc.signers]
        data["legislationResponsible"] = _one_or_list(people)
    return data


def _one_or_list(items: list[dict[str, Any]]) -> dict[str, Any] | list[dict[str, Any]]:
    """One value alone, several as a list (schema.org takes either)."""
    return items[0] if len(items) == 1 else items


def script_json(data: dict[str, Any]) -> str:
    """JSON text that cannot close or break out of a <script> element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


CHANGES = {
    "can-cu": ("isBasedOn",),
    "thuc-hien": ("legislationApplies",),
    "thay-the": ("legislationChanges",),
    "sua-doi": ("legislationChanges", "legislationAmends"),
    "bai-bo": ("legislationChanges", "legislationRepeals"),
    "dinh-chinh": ("legislationChanges", "legislationCorrects"),
    "hop-nhat": ("legislationConsolidates",),
}
"""schema.org properties of each relation, read from the document stating it: based on is
``isBasedOn`` (CreativeWork); implements is ``legislationApplies`` (eli:implements: an
informative link to what it carries out); replacing, amending, repealing and correcting
change the other legislation (``legislationChanges``, with the narrower term where
schema.org has one); a consolidated text ``legislationConsolidates`` what it merges.
Guiding has no term: guides appear under ``citation`` only."""
NEWS_PROPERTIES = {"isBasedOn"}
"""The only one a NewsArticle (a CreativeWork, not a Legislation) may carry."""


def relations_jsonld(
    news: bool,
    related: list[tuple[str, dict[str, Any]]],
    legal_force: str | None,
    valid_until: str | None,
) -> dict[str, Any]:
    """Properties of a document's JSON-LD for its relations (``related``: relation slug and
    the other document's object, as ``citation`` writes it), its legal force (schema.org
    ``LegalForceStatus``: InForce, NotInForce, PartiallyInForce) and when it expires."""
    data: dict[str, list[dict[str, Any]]] = {}
    for slug, target in related:
        for name in CHANGES.get(slug, ()):
            if not news or name in NEWS_PROPERTIES:
                data.setdefault(name, []).append(target)
    found: dict[str, Any] = dict(data)
    if legal_force and not news:
        found["legislationLegalForce"] = f"https://schema.org/{legal_force}"
    if valid_until and not news:
        found["expires"] = valid_until
    return found
