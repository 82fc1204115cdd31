"""Browse pages: places (/dia-ban/) and lookups by year, type, issuer and signer (/danh-muc/).

Adds pages to the SitePlan from the groupings of ``ketluan.indexes``. Only the two overview
pages are in the navigation; every list is paginated (issuers and signers too), so no page
grows with the corpus. Every province of both maps has a page, so everything /dia-ban/
lists is a link; former districts have a page only when they have documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ketluan.core.corpus import Corpus
from ketluan.site.feeds import Feed
from ketluan.site.indexes import (
    Group,
    PlaceIndex,
    by_issuer,
    by_place,
    by_signer,
    by_type,
    by_year,
    sort_label,
    type_key,
)
from ketluan.site.listing import paginate
from ketluan.core.model import Document
from ketluan.site.plan import GeneratedPage, SitePlan
from ketluan.core.places import PLACES_URL, District, Gazetteer, Province, gazetteer

BROWSE_URL = "danh-muc/"
YEARS_URL = BROWSE_URL + "nam/"
TYPES_URL = BROWSE_URL + "loai/"
ISSUERS_URL = BROWSE_URL + "co-quan/"
SIGNERS_URL = BROWSE_URL + "nguoi-ky/"
ALL_URL = "tat-ca/"
"""Under a former province's URL: all its documents, its districts' included."""


@dataclass
class Entry:
    """A line of an overview: a unit or group, its count and its page (None without one)."""

    label: str
    count: int
    url: str | None
    note: str = ""
    children: list[Entry] = field(default_factory=list)
    anchor: str = ""
    """Id of the line on its page, so other pages can link to it."""


def plan_browse(plan: SitePlan, corpus: Corpus, page_size: int, feed_size: int) -> None:
    """Add place pages (with a feed per district) and lookup pages for ``corpus``."""
    plan.shared["places_url"] = PLACES_URL
    plan.shared["browse_url"] = BROWSE_URL
    _plan_places(plan, corpus.documents, page_size, gazetteer(), feed_size)
    _plan_lookups(plan, corpus.documents, page_size)


def _plan_places(
    plan: SitePlan, docs: list[Document], size: int, g: Gazetteer, feed_size: int
) -> None:
    """/dia-ban/, a page per province of both maps (97, however many documents), and a page
    per former district that has documents (696 mostly empty pages would be noise)."""
    index = by_place(docs)
    regions = []
    for current in sorted(g.current.values(), key=lambda p: sort_label(p.name)):
        since = index.current.get(current.code, [])
        former = [
            Entry(p.title, index.former_totals[p.code], p.url, "đến 30/6/2025")
            for p in g.absorbed(current)
        ]
        context = {"place": current, "place_note": "từ 1/7/2025", "parts": former}
        _list_pages(plan, since, size, current.url, current.title, "place.html", context)
        regions.append(
            Entry(current.title, len(since), current.url, "từ 1/7/2025", former, current.slug)
        )
    plan.add(
        PLACES_URL,
        GeneratedPage(
            "places.html",
            "Địa bàn",
            {"regions": regions, "place_total": len(docs)},
            description="Văn bản theo tỉnh, thành phố và huyện, trước và sau ngày 1/7/2025",
            in_nav=True,
        ),
    )
    by_province = _former_documents(docs)
    for province in g.former.values():
        total = index.former_totals[province.code]
        own = index.former.get(province.code, [])
        every = by_province.get(province.code, [])
        all_url = f"{province.url}{ALL_URL}"
        if every:
            _list_pages(
                plan,
                every,
                size,
                all_url,
                f"{province.title}: tất cả văn bản",
                "place.html",
                {"place": province, "place_note": province.history, "parent": province},
            )
        districts = [
            Entry(d.title, len(index.districts.get(d.code, [])), _url_if(d, index.districts))
            for d in g.districts_of(province)
        ]
        context = {
            "place": province,
            "place_note": province.history,
            "districts": districts,
            "totals": {"all": total, "province": len(own), "districts": total - len(own)},
            "all_url": all_url if every else None,
            "now": _now(province, index),
        }
        _list_pages(plan, own, size, province.url, province.title, "place.html", context)
    for district in g.districts.values():
        found = index.districts.get(district.code)
        if found:
            title = f"{district.title}, {district.province.label}"
            feed = Feed(f"{district.url}atom.xml", title, district.url, found[:feed_size])
            plan.feeds.append(feed)
            _list_pages(
                plan,
                found,
                size,
                district.url,
                title,
                "place.html",
                {
                    "page_feed": feed,
                    "place": district,
                    "place_note": district.history,
                    "now": _now(district.province, index),
                },
            )


def _former_documents(docs: list[Document]) -> dict[str, list[Document]]:
    """Every document of each former province, its districts' included, newest first."""
    found: dict[str, list[Document]] = {}
    for doc in docs:
        if doc.location and not doc.location.province.current:
            found.setdefault(doc.location.province.code, []).append(doc)
    return found


def _now(province: Province, index: PlaceIndex) -> Entry | None:
    """The current province a former one became part of, with its documents since then."""
    now = province.successor
    if now is None:
        return None
    return Entry(now.label, len(index.current.get(now.code, [])), now.url)


def _url_if(district: District, found: dict[str, list[Document]]) -> str | None:
    return district.url if found.get(district.code) else None


def _plan_lookups(plan: SitePlan, docs: list[Document], size: int) -> None:
    years = by_year(docs)
    types = by_type(docs)
    issuers = by_issuer(docs)
    signers = by_signer(docs)
    for year in years:
        base = f"{YEARS_URL}{year.key}/"
        months = [Entry(m.label, m.count, f"{base}{m.key}/") for m in year.months]
        _list_pages(
            plan, year.documents, size, base, year.label, "browse-list.html", {"links": months}
        )
        trail = {"trail": [(year.label, base)]}
        for month in year.months:
            url = f"{base}{month.key}/"
            _list_pages(plan, month.documents, size, url, month.label, extra=trail)
    for kind in types:
        _list_pages(plan, kind.documents, size, f"{TYPES_URL}{kind.key}/", kind.label)
    for groups, base, title in (
        (issuers, ISSUERS_URL, "Cơ quan ban hành"),
        (signers, SIGNERS_URL, "Người ký"),
    ):
        trail = {"trail": [(title, base)]}
        for group in groups:
            url = f"{base}{group.key}/"
            _list_pages(plan, group.documents, size, url, _title(group), extra=trail)
        entries = [Entry(g.label, g.count, f"{base}{g.key}/", g.detail) for g in groups]
        for listing in paginate(entries, size, base, title):
            plan.add(
                listing.url,
                GeneratedPage("browse-groups.html", listing.heading, {"listing": listing}),
            )
    overview = {
        "years": [Entry(y.label, y.count, f"{YEARS_URL}{y.key}/") for y in years],
        "types": [Entry(t.label, t.count, f"{TYPES_URL}{t.key}/") for t in types],
        "issuer_count": len(issuers),
        "signer_count": len(signers),
        "issuers_url": ISSUERS_URL,
        "signers_url": SIGNERS_URL,
    }
    plan.add(
        BROWSE_URL,
        GeneratedPage(
            "browse.html",
            "Danh mục văn bản",
            overview,
            description="Văn bản theo năm, loại văn bản, cơ quan ban hành và người ký",
            in_nav=True,
        ),
    )
    issuer_of = _urls_by_doc(issuers, ISSUERS_URL)
    signer_of = _urls_by_doc(signers, SIGNERS_URL)
    for doc in docs:
        planned = plan.pages.get(doc.url + "index.md")
        if planned is not None:
            planned.context["doc_links"] = _doc_links(doc, issuer_of, signer_of)


def _title(group: Group) -> str:
    return f"{group.label} ({group.detail})" if group.detail else group.label


def _urls_by_doc(groups: list[Group], base: str) -> dict[str, str]:
    """Document id -> URL of the group page it is listed on."""
    return {doc.id: f"{base}{group.key}/" for group in groups for doc in group.documents}


def _doc_links(
    doc: Document, issuer_of: dict[str, str], signer_of: dict[str, str]
) -> dict[str, str]:
    """Where the breadcrumbs and metadata values of a document page link to."""
    links = {
        "year": f"{YEARS_URL}{doc.date.year}/",
        "type": f"{TYPES_URL}{type_key(doc)}/",
        "issuer": issuer_of.get(doc.id, ""),
        "signer": signer_of.get(doc.id, ""),
    }
    if doc.location:
        links["province"] = doc.location.province.url
        if doc.location.district:
            links["district"] = doc.location.district.url
    return {k: v for k, v in links.items() if v}


def _list_pages(
    plan: SitePlan,
    docs: list[Document],
    size: int,
    base: str,
    title: str,
    template: str = "browse-list.html",
    extra: dict[str, Any] | None = None,
) -> None:
    """A paginated list of ``docs`` at ``base``; ``extra`` context goes on every page."""
    for listing in paginate(docs, size, base, title):
        context = {"listing": listing, **(extra or {})}
        note = (extra or {}).get("place_note")
        if "place" in (extra or {}):
            description = f"Văn bản của {title}" + (f" ({note})" if note else "")
        else:
            description = f"Danh sách văn bản: {title}"
        plan.add(
            listing.url, GeneratedPage(template, listing.heading, context, description=description)
        )
