"""Browse pages: places (/dia-ban/) and lookups by year, type, issuer and signer (/danh-muc/).

Only the two overview pages are in the navigation; every list is paginated (issuers and
signers too), so no page grows with the corpus. Every province of both maps has a page, so
everything /dia-ban/ lists is a link; former districts have a page only when they have
documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial

from ketluan.core.model import Document
from ketluan.core.places import District, Gazetteer, Province
from ketluan.core.relations import Force
from ketluan.site import labels, urls
from ketluan.site.feeds import Feed
from ketluan.site.indexes import Group, PlaceIndex, SiteIndexes, sort_label
from ketluan.site.listing import ListPage, paginate
from ketluan.site.pages import (
    BrowsePage,
    CentralPage,
    GroupsPage,
    LookupListPage,
    Page,
    PlacePage,
    PlacesPage,
)
from ketluan.site.search import place_filters

Badges = Mapping[str, Force]
"""Statuses of documents not simply in force, by id: shown beside them in lists."""


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


def plan_places(
    indexes: SiteIndexes, documents: list[Document], g: Gazetteer, size: int, feed_size: int
) -> tuple[list[Page], list[Feed]]:
    """/dia-ban/, a page per province of both maps (97, however many documents), and a page
    per former district that has documents (696 mostly empty pages would be noise), with
    an Atom feed per district."""
    index = indexes.places
    pages: list[Page] = []
    regions = []
    for current in sorted(g.current.values(), key=lambda p: sort_label(p.name)):
        since = index.current.get(current.code, [])
        former = [
            Entry(p.title, index.former_totals[p.code], urls.province(p), labels.UNTIL_MERGER)
            for p in g.absorbed(current)
        ]
        pages += _place_pages(
            since, size, current, current.title, badges=indexes.badges,
            place_note=labels.SINCE_MERGER, parts=former,
        )  # fmt: skip
        url = urls.province(current)
        regions.append(
            Entry(current.title, len(since), url, labels.SINCE_MERGER, former, current.slug)
        )
    central, feeds = _central(indexes, documents, size, feed_size)
    pages += central
    pages.append(
        PlacesPage(
            url=urls.PLACES,
            title=labels.PLACES,
            regions=regions,
            place_total=len(documents),
            description=labels.PLACES_DESCRIPTION,
            in_nav=True,
            central=(
                Entry(labels.CENTRAL, central[0].listing.total_items, urls.CENTRAL)
                if central
                else None
            ),
        )
    )
    pages += _former_provinces(index, documents, g, size, indexes.badges)
    for district in g.districts.values():
        if found := index.districts.get(district.code):
            title = f"{district.title}, {district.province.label}"
            feed = Feed(
                urls.place_feed(district), title, urls.district(district), found[:feed_size]
            )
            feeds.append(feed)
            pages += _place_pages(
                found,
                size,
                district,
                title,
                badges=indexes.badges,
                page_feed=feed,
                place_note=labels.history(district),
                now=_now(district.province, index),
            )
    return pages, feeds


def _central(
    indexes: SiteIndexes, documents: list[Document], size: int, feed_size: int
) -> tuple[list[CentralPage], list[Feed]]:
    """The paginated list of central bodies' documents with their feed, and the bodies
    with counts; nothing when the corpus has no central document."""
    docs = [doc for doc in documents if doc.level.central]
    if not docs:
        return [], []
    feed = Feed(urls.CENTRAL + urls.FEED, labels.CENTRAL, urls.CENTRAL, docs[:feed_size])
    issuers = []
    for group in indexes.issuers:
        if count := sum(doc.level.central for doc in group.documents):
            issuers.append(Entry(group.label, count, urls.issuer(group.key)))
    pages = [
        CentralPage(
            url=listing.url,
            title=listing.heading,
            description=labels.CENTRAL_DESCRIPTION,
            listing=listing,
            issuers=issuers,
            page_feed=feed,
        )
        for listing in paginate(docs, size, urls.CENTRAL, labels.CENTRAL)
    ]
    return pages, [feed]


def _former_provinces(
    index: PlaceIndex, documents: list[Document], g: Gazetteer, size: int, badges: Badges
) -> Iterator[Page]:
    """The page of each former province, and of all its documents when it has any."""
    by_province = _former_documents(documents)
    for province in g.former.values():
        total = index.former_totals[province.code]
        own = index.former.get(province.code, [])
        every = by_province.get(province.code, [])
        note = labels.history(province)
        if every:
            yield from _place_pages(
                every,
                size,
                province,
                labels.all_of_province(province.title),
                url=urls.all_of_province(province),
                badges=badges,
                place_note=note,
                parent=province,
            )
        districts = [
            Entry(d.title, len(index.districts.get(d.code, [])), _url_if(d, index.districts))
            for d in g.districts_of(province)
        ]
        yield from _place_pages(
            own,
            size,
            province,
            province.title,
            badges=badges,
            place_note=note,
            districts=districts,
            totals={"all": total, "province": len(own), "districts": total - len(own)},
            all_url=urls.all_of_province(province) if every else None,
            now=_now(province, index),
        )


def _place_pages(
    docs: list[Document],
    size: int,
    place: Province | District,
    title: str,
    url: str | None = None,
    badges: Badges | None = None,
    **extra: object,
) -> list[Page]:
    """The paginated list of a place's ``docs`` (at the place's own URL unless ``url``)."""
    base = url or urls.of(place)
    note = extra.get("place_note")
    return [
        PlacePage(
            url=listing.url,
            title=listing.heading,
            description=labels.place_description(title, note if isinstance(note, str) else None),
            listing=listing,
            place=place,
            search_in=place_filters(place),
            **extra,  # type: ignore[arg-type]
        )
        for listing in paginate(docs, size, base, title, badges)
    ]


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
    return Entry(now.label, len(index.current.get(now.code, [])), urls.province(now))


def _url_if(district: District, found: dict[str, list[Document]]) -> str | None:
    return urls.district(district) if found.get(district.code) else None


def plan_lookups(indexes: SiteIndexes, size: int) -> list[Page]:
    """The lists of every year (and its months), type, issuer and signer, the paginated
    lists of issuers and signers, and /danh-muc/."""
    pages: list[Page] = []
    lookup = partial(_lookup_pages, size=size, badges=indexes.badges)
    for year in indexes.years:
        base = urls.year(year.key)
        months = [Entry(m.label, m.count, urls.month(year.key, m.key)) for m in year.months]
        pages += lookup(year.documents, base=base, title=year.label, links=months)
        trail = [(year.label, base)]
        for month in year.months:
            url = urls.month(year.key, month.key)
            pages += lookup(month.documents, base=url, title=month.label, trail=trail)
    for kind in indexes.types:
        pages += lookup(kind.documents, base=urls.doc_type(kind.key), title=kind.label)
    for status in indexes.statuses:
        title = labels.status_title(status.label)
        pages += lookup(status.documents, base=urls.status(status.key), title=title)
    for groups, url, base, title in (
        (indexes.issuers, urls.issuer, urls.ISSUERS, labels.ISSUERS),
        (indexes.signers, urls.signer, urls.SIGNERS, labels.SIGNERS),
    ):
        pages += _group_pages(groups, url, base, title, size, indexes.badges)
    pages.append(
        BrowsePage(
            url=urls.BROWSE,
            title=labels.BROWSE,
            years=[Entry(y.label, y.count, urls.year(y.key)) for y in indexes.years],
            types=[Entry(t.label, t.count, urls.doc_type(t.key)) for t in indexes.types],
            statuses=[Entry(g.label, g.count, urls.status(g.key)) for g in indexes.statuses],
            issuer_count=len(indexes.issuers),
            signer_count=len(indexes.signers),
            issuers_url=urls.ISSUERS,
            signers_url=urls.SIGNERS,
            description=labels.BROWSE_DESCRIPTION,
            in_nav=True,
        )
    )
    return pages


def _group_pages(
    groups: list[Group],
    url: Callable[[str], str],
    base: str,
    title: str,
    size: int,
    badges: Badges,
) -> list[Page]:
    """A list page per issuer (or signer), then the paginated list of them all."""
    pages: list[Page] = []
    trail = [(title, base)]
    for group in groups:
        pages += _lookup_pages(
            group.documents, size, url(group.key), _title(group), trail=trail, badges=badges
        )
    entries = [Entry(g.label, g.count, url(g.key), g.detail) for g in groups]
    listings: list[ListPage[Entry]] = paginate(entries, size, base, title)
    pages += [GroupsPage(url=li.url, title=li.heading, listing=li) for li in listings]
    return pages


def _title(group: Group) -> str:
    return f"{group.label} ({group.detail})" if group.detail else group.label


def _lookup_pages(
    docs: list[Document],
    size: int,
    base: str,
    title: str,
    links: list[Entry] | None = None,
    trail: list[tuple[str, str]] | None = None,
    badges: Badges | None = None,
) -> list[Page]:
    """A paginated lookup list of ``docs`` at ``base`` (``badges``: statuses by id)."""
    return [
        LookupListPage(
            url=listing.url,
            title=listing.heading,
            description=labels.list_description(title),
            listing=listing,
            links=links,
            trail=trail,
        )
        for listing in paginate(docs, size, base, title, badges)
    ]
