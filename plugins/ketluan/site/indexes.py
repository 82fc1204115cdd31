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
    folded: str = ""
    """What its members share, folded: the name (and scope) every spelling of it folds to."""

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
    Unicode form are one body, shown in its most frequent spelling. A joint document is
    listed under each of its issuers."""
    return _grouped(documents, _issuers, _nowhere)


def by_signer(documents: list[Document]) -> list[Group]:
    """Signers, alphabetically. Vietnamese names repeat, so a signer is a name within a
    province (central bodies: "Trung ương"): two Nguyễn Văn Dũng of two provinces are two
    entries. A document with several signature blocks is listed under each signer."""
    return _grouped(documents, _signers, _scope_name)


def _issuers(doc: Document) -> list[str]:
    return doc.issuers


def _signers(doc: Document) -> list[str]:
    return [signer.name for signer in doc.signers]


def _nowhere(doc: Document) -> str:
    return ""


def _scope_name(doc: Document) -> str:
    return doc.scope_name


def _folded(value: str, scope: str) -> str:
    return f"{fold(value)}|{fold(scope)}"


def _grouped(
    documents: list[Document],
    values: Callable[[Document], list[str]],
    scope: Callable[[Document], str],
) -> list[Group]:
    members: dict[str, list[Document]] = defaultdict(list)
    spellings: dict[str, list[str]] = defaultdict(list)
    for doc in documents:
        for value in values(doc):
            key = _folded(value, scope(doc))
            if not members[key] or members[key][-1] is not doc:  # a name twice: once
                members[key].append(doc)
                spellings[key].append(value)
    groups = []
    for key, docs in members.items():
        spelling = Counter(map(new_tone_placement, spellings[key])).most_common(1)[0][0]
        groups.append(Group("", spelling, docs, scope(docs[0]), key))
    groups.sort(key=lambda g: (sort_label(g.label), sort_label(g.detail)))
    taken: Counter[str] = Counter()
    for group in groups:
        key = slugify(f"{group.label} {group.detail}") or "khac"
        taken[key] += 1
        group.key = key if taken[key] == 1 else f"{key}-{taken[key]}"
    return groups


def pages_of(
    groups: list[Group],
    documents: list[Document],
    values: Callable[[Document], list[str]],
    scope: Callable[[Document], str],
    url: Callable[[str], str],
) -> dict[str, list[str]]:
    """Document id -> the URL of the group page of each of its ``values``, in order."""
    found = {group.folded: url(group.key) for group in groups}
    return {
        doc.id: [found[_folded(value, scope(doc))] for value in values(doc)] for doc in documents
    }


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
    issuer_pages: dict[str, list[str]] = field(default_factory=dict)
    """Document id -> the page of each of its issuers, in order."""
    signer_pages: dict[str, list[str]] = field(default_factory=dict)
    """Document id -> the page of each of its signers, in order."""
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
        issuer_pages=pages_of(issuers, documents, _issuers, _nowhere, urls.issuer),
        signer_pages=pages_of(signers, documents, _signers, _scope_name, urls.signer),
        relations=relations,
        views=views,
        statuses=by_status(documents, relations),
        badges={doc.id: force for doc in documents if (force := views.badge(doc))},
    )
