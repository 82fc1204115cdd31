"""What the page of a cited document shows of its life: the timeline of the documents
citing it and stating relations of it, year by year, and the full lists of the documents
stating one relation of it (every document implementing a resolution…).

A resolution cited by thousands keeps a small page: the timeline has one line per year
(counts, the first few relations, a link into the paginated list of citing documents) and
each kind of relation too many for the diagram has its own paginated list.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ketluan.citations.index import CitationIndex
from ketluan.citations.relations import Edge
from ketluan.citations.resolve import CitedDocument
from ketluan.core.dates import DocDate
from ketluan.core.relations import Force
from ketluan.site import urls
from ketluan.site.cited import CitedUrls
from ketluan.site.listing import ListPage
from ketluan.site.pages import Page, RelationListPage, listed
from ketluan.site.relations import EdgeView, RelationViews, by_kind

EVENTS = 5
"""Relations listed in one year of a timeline; the rest are counted."""


@dataclass(frozen=True)
class YearView:
    """One year of a timeline."""

    year: int
    citing: int
    """Documents of the portal citing it that year."""
    counts: tuple[tuple[str, int], ...]
    """Documents stating each relation of it that year: ("Văn bản thực hiện", 3)."""
    events: tuple[EdgeView, ...]
    """The first ``EVENTS`` of them, in date order."""
    more: int
    url: str | None
    """The page of the list of citing documents where the year's documents are."""


@dataclass(frozen=True)
class Timeline:
    """A cited document's life: when it was issued, then year by year what cites it."""

    issued: DocDate | None
    years: tuple[YearView, ...]


def timeline(cited: CitedDocument, views: RelationViews, size: int) -> Timeline:
    """The timeline of ``cited``; ``size``: documents per page of its citing list."""
    page = views.where.page(cited)
    citing: Counter[int] = Counter()
    starts: dict[int, int] = {}
    for position, (doc, _) in enumerate(cited.citing):  # newest first
        citing[doc.date.year] += 1
        starts.setdefault(doc.date.year, position)
    stated: dict[int, list[Edge]] = defaultdict(list)
    for edge in views.relations.incoming(cited.document or cited):  # oldest first
        stated[edge.source.date.year].append(edge)
    years = []
    for year in sorted(set(citing) | set(stated)):
        edges = stated.get(year, [])
        counts = tuple((kind.sources, len(items)) for kind, items in by_kind(edges))
        start = starts.get(year)
        url = urls.list_page(page, start // size + 1) if start is not None else None
        events = tuple(views.edge(e, False) for e in edges[:EVENTS])
        years.append(YearView(year, citing[year], counts, events, len(edges) - len(events), url))
    return Timeline(cited.date, tuple(years))


@dataclass(frozen=True)
class Said:
    """What a listed document says of the cited one (its sentence; empty: declared)."""

    sentence: str


def plan_relation_pages(
    index: CitationIndex,
    views: RelationViews,
    where: CitedUrls,
    size: int,
    badges: Mapping[str, Force],
) -> list[Page]:
    """The full list of each relation of a cited document that its diagram shows only in
    part (``RelationViews.list_url``), paginated, newest first."""
    pages: list[Page] = []
    for cited in index.cited:
        edges = sorted(
            views.relations.incoming(cited.document or cited), key=lambda e: e.source.sort_key()
        )
        for kind, items in by_kind(edges):
            url = views.list_url(cited, kind.slug, len(items))
            if url is None:
                continue
            pairs = [(e.source, (Said(e.sentence),)) for e in items]
            title = f"{kind.sources} {cited.heading}"
            pages += listed(
                RelationListPage, pairs, size, url, title, badges=badges,
                of_url=where.page(cited), of_label=cited.title,
                description=f"{title}: {len(items)} văn bản",
            )  # fmt: skip
    return pages


def cited_extras(
    views: RelationViews, size: int
) -> Callable[[CitedDocument, ListPage[Any]], dict[str, Any]]:
    """What a page of a cited document shows besides its list: on the first page its
    status, diagram and timeline; on every page what each listed document does to it."""

    def extras(cited: CitedDocument, listing: ListPage[Any]) -> dict[str, Any]:
        node = cited.document or cited
        roles = views.roles(node)
        found: dict[str, Any] = {
            "roles": {doc.id: roles[doc.id] for doc, _ in listing.items if doc.id in roles}
        }
        if listing.number == 1:
            found["status"] = views.status(node)
            found["diagram"] = views.diagram(node)
            found["timeline"] = timeline(cited, views, size)
        return found

    return extras
