"""The index phase of the site: every grouping the pages need, complete before any page is
planned (by place, year and month, type, issuing body and signer; the citation index and
the URLs of cited documents; the search data).

Every group keeps the corpus order (newest first), has a URL-safe key and a count, so
pages can paginate and show counts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from ketluan.citations.index import CitationIndex
from ketluan.citations.relations import RelationIndex
from ketluan.core.model import Document
from ketluan.core.relations import FORCES, Force
from ketluan.core.text import fold, new_tone_placement, slugify
from ketluan.site import labels, urls
from ketluan.site.cited import CitedUrls
from ketluan.site.relations import RelationViews
from ketluan.site.search import SearchPlan


@dataclass
class Group:
    """One value of a facet (a year, a type, an issuer...) and its documents."""

    key: str
    label: str
    documents: list[Document] = field(default_factory=list)
    detail: str = ""
    """Extra words shown after the label, e.g. the province of a signer."""

    @property
    def count(self) -> int:
        """Number of documents in the group."""
        return len(self.documents)


@dataclass
class YearGroup(Group):
    """A year with its months (month key ``thang-03``; ``khong-ro-thang`` when unknown)."""

    months: list[Group] = field(default_factory=list)


def sort_label(label: str) -> tuple[str, str]:
    """Alphabetical order for Vietnamese labels that ignores diacritics first."""
    return (fold(label), label)


def by_year(documents: list[Document]) -> list[YearGroup]:
    """Years newest first, each with its months newest first."""
    years: dict[int, YearGroup] = {}
    months: dict[tuple[int, int], Group] = {}
    for doc in documents:
        year, month = doc.date.year, doc.date.month
        group = years.setdefault(year, YearGroup(str(year), labels.year(year)))
        group.documents.append(doc)
        if (year, month) not in months:
            months[year, month] = Group(
                f"thang-{month:02d}" if month else "khong-ro-thang",
                labels.month(month, year),
            )
            group.months.append(months[year, month])
        months[year, month].documents.append(doc)
    ordered = sorted(years.values(), key=lambda g: -int(g.key))
    for group in ordered:
        # "thang-12" ... "thang-01", then "khong-ro-thang" ("t" sorts after "k").
        group.months.sort(key=lambda m: m.key, reverse=True)
    return ordered


def by_type(documents: list[Document]) -> list[Group]:
    """Document types present, most documents first."""
    groups: dict[str, Group] = {}
    for doc in documents:
        key = type_key(doc)
        groups.setdefault(key, Group(key, doc.type.label)).documents.append(doc)
    return sorted(groups.values(), key=lambda g: (-g.count, sort_label(g.label)))


def type_key(doc: Document) -> str:
    """URL key of a document's type; extra types come from mkdocs.yml, so slugify them."""
    return slugify(doc.type.slug)


def by_issuer(documents: list[Document]) -> list[Group]:
    """Issuing bodies, alphabetically; spellings differing only in tone placement, case or
    Unicode form are one body, shown in its most frequent spelling."""
    return _grouped(documents, lambda d: d.issuer, lambda d: "")


def by_signer(documents: list[Document]) -> list[Group]:
    """Signers, alphabetically. Vietnamese names repeat, so a signer is a name within a
    province: two Nguyễn Văn Dũng of two provinces are two entries."""
    signed = [d for d in documents if d.signer]
    return _grouped(signed, lambda d: d.signer.name if d.signer else "", lambda d: d.province)


def _grouped(
    documents: list[Document],
    value: Callable[[Document], str],
    scope: Callable[[Document], str],
) -> list[Group]:
    members: dict[tuple[str, str], list[Document]] = defaultdict(list)
    for doc in documents:
        members[fold(value(doc)), fold(scope(doc))].append(doc)
    groups = []
    for docs in members.values():
        spelling = Counter(new_tone_placement(value(d)) for d in docs).most_common(1)[0][0]
        detail = scope(docs[0])
        groups.append(Group("", spelling, docs, detail))
    groups.sort(key=lambda g: (sort_label(g.label), sort_label(g.detail)))
    taken: Counter[str] = Counter()
    for group in groups:
        key = slugify(f"{group.label} {group.detail}") or "khac"
        taken[key] += 1
        group.key = key if taken[key] == 1 else f"{key}-{taken[key]}"
    return groups


@dataclass
class PlaceIndex:
    """Documents by gazetteer unit code: province-level documents of former provinces,
    documents of former districts, and documents since 1 July 2025 by current province."""

    former: dict[str, list[Document]] = field(default_factory=lambda: defaultdict(list))
    districts: dict[str, list[Document]] = field(default_factory=lambda: defaultdict(list))
    current: dict[str, list[Document]] = field(default_factory=lambda: defaultdict(list))
    former_totals: Counter[str] = field(default_factory=Counter)
    """Every document of a former province, its districts' included."""


def by_place(documents: list[Document]) -> PlaceIndex:
    """Group located documents by unit; documents without a location are left out."""
    index = PlaceIndex()
    for doc in documents:
        where = doc.location
        if where is None:
            continue
        if where.province.current:
            index.current[where.province.code].append(doc)
            continue
        index.former_totals[where.province.code] += 1
        if where.district:
            index.districts[where.district.code].append(doc)
        else:
            index.former[where.province.code].append(doc)
    return index


@dataclass
class SiteIndexes:
    """Every index of the corpus the planners read; built once, never changed after."""

    years: list[YearGroup]
    types: list[Group]
    issuers: list[Group]
    signers: list[Group]
    places: PlaceIndex
    citations: CitationIndex
    cited_urls: CitedUrls
    search: SearchPlan | None
    relations: RelationIndex
    views: RelationViews
    """What pages show of relations and statuses."""
    issuer_page: dict[str, str] = field(default_factory=dict)
    """Document id -> the issuer page listing it."""
    signer_page: dict[str, str] = field(default_factory=dict)
    """Document id -> the signer page listing it."""
    statuses: list[Group] = field(default_factory=list)
    """Documents by status (key: the status key), in the order of ``FORCES``."""
    badges: dict[str, Force] = field(default_factory=dict)
    """Document id -> its status, for documents not simply in force (list badges)."""


def by_status(documents: list[Document], relations: RelationIndex) -> list[Group]:
    """Documents with a status (news have none) by status, newest first."""
    groups = {key: Group(key, force.label) for key, force in FORCES.items()}
    for doc in documents:
        if (status := relations.status(doc)) is not None:
            groups[status.force.key].documents.append(doc)
    return [group for group in groups.values() if group.documents]


def build_indexes(
    documents: list[Document],
    citations: CitationIndex,
    search: SearchPlan | None,
    relations: RelationIndex,
) -> SiteIndexes:
    """Group ``documents`` every way the site browses them."""
    issuers, signers = by_issuer(documents), by_signer(documents)
    where = CitedUrls(citations)
    views = RelationViews(relations, citations, where)
    return SiteIndexes(
        years=by_year(documents),
        types=by_type(documents),
        issuers=issuers,
        signers=signers,
        places=by_place(documents),
        citations=citations,
        cited_urls=where,
        search=search,
        issuer_page=_pages_by_doc(issuers, urls.issuer),
        signer_page=_pages_by_doc(signers, urls.signer),
        relations=relations,
        views=views,
        statuses=by_status(documents, relations),
        badges={doc.id: force for doc in documents if (force := views.badge(doc))},
    )


def _pages_by_doc(groups: list[Group], url: Callable[[str], str]) -> dict[str, str]:
    """Document id -> URL of the group page it is listed on."""
    return {doc.id: url(group.key) for group in groups for doc in group.documents}
