"""Cited documents on the site: their URLs, their pages and directory, what a document page
shows of what it cites and of who cites it, and the links of its body."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ketluan.citations.index import CitationIndex, grouped
from ketluan.citations.resolve import CitedDocument, Key, Mention, Scope
from ketluan.core.dates import DocDate
from ketluan.core.kinds import Kind
from ketluan.core.model import Document
from ketluan.core.relations import Force
from ketluan.core.text import slugify
from ketluan.site import labels, urls
from ketluan.site.listing import ListPage
from ketluan.site.pages import CitedListPage, CitedPage, Page, listed

CITED_BY_SHOWN = 10
"""Citing documents listed on a document page; the rest are on its cited-document page."""


class CitedUrls:
    """The page of every cited document: ``trich-dan/<scope>/<kind>/<year>/<number>/``;
    documents sharing one get their date, then (if still shared) a counter, so no two cited
    documents ever share a page."""

    def __init__(self, index: CitationIndex) -> None:
        by_url: dict[str, list[CitedDocument]] = defaultdict(list)
        for item in index.by_key.values():
            year = str(item.year) if item.year else "khong-ro-nam"
            base = urls.cited(item.key.scope.path, item.key.kind, year, slugify(item.number))
            by_url[base].append(item)
        self._urls: dict[Key, str] = {}
        taken: set[str] = set()
        for base, group in by_url.items():
            for item in sorted(group, key=lambda c: c.key.text()):
                url = base
                if len(group) > 1:
                    url += "-" + (item.date.iso() if item.date else "khong-ro-ngay")
                counter = 1
                while url in taken:  # same slug, different spelling of a place: a counter
                    counter += 1
                    url = f"{base}-{counter}"
                taken.add(url)
                self._urls[item.key] = url + "/"
        self.own = index.own

    def page(self, cited: CitedDocument) -> str:
        """The cited document's own page."""
        return self._urls[cited.key]

    def link(self, cited: CitedDocument) -> str:
        """Where a citation of it links: the full text in the corpus, else its page."""
        return urls.document(cited.document) if cited.document else self.page(cited)

    def of_key(self, key: Key) -> str:
        """Where a key links: its document, else its cited page (candidates of ambiguous
        citations are documents or dated citations; anything else, the directory)."""
        if key in self.own:
            return urls.document(self.own[key])
        return self._urls.get(key, urls.CITED)


@dataclass(frozen=True)
class CiteView:
    """What a document page shows of one document it cites. A view, not the
    ``CitedDocument``: the page must not depend on every other document citing it, so it
    has no count of them (one new citation of a much-cited document would change every
    page citing it); the count is on the cited document's own page (``url``)."""

    link: str
    label: str
    number: str
    ambiguous: bool
    date: DocDate | None
    group: str
    in_corpus: bool
    url: str
    heading: str = ""
    """``Nghị quyết số 27-NQ/HU``, or the name of a document cited by name."""


@dataclass(frozen=True)
class CitedEntry:
    """A cited document as its own page and the directory show it."""

    url: str
    kind: Kind
    number: str
    ambiguous: bool
    date: DocDate | None
    year: int | None
    group: str
    issuer: str | None
    count: int
    scope: Scope
    candidate_count: int
    document_url: str | None
    document_title: str | None
    province_note: str | None
    """What the province of its scope is now part of, when the scope is a former unit."""
    unit_note: str | None
    """The same for the district of its scope, else its province."""
    heading: str = ""
    """``Nghị quyết số 27-NQ/HU``, or the name of a document cited by name."""
    named: bool = False
    """Cited by name (a law, the Constitution): it has no số ký hiệu."""


@dataclass(frozen=True)
class Link:
    """What the body of a document links for one citation, in text order."""

    symbol: str
    """Folded symbol (``27-NQ/HU``): mentions of one symbol are linked in text order."""
    surface: tuple[str, ...]
    """The citation's literal spellings in the text (``Mention.surface``)."""
    url: str | None
    """Site-relative URL of the target page; None: leave this mention unlinked."""
    title: str
    ambiguous: bool
    in_corpus: bool


def entry(cited: CitedDocument, where: CitedUrls) -> CitedEntry:
    """The view of ``cited`` for its page and the directory."""
    doc = cited.document
    place = cited.key.scope.place
    province_note = labels.history(place.province) if place else None
    unit_note = labels.history(place.district or place.province) if place else None
    return CitedEntry(
        where.page(cited),
        cited.kind,
        cited.number,
        cited.ambiguous,
        cited.date,
        cited.year,
        cited.group,
        cited.issuer,
        cited.count,
        cited.key.scope,
        len(cited.candidates),
        urls.document(doc) if doc else None,
        doc.title if doc else None,
        province_note,
        unit_note,
        cited.heading,
        cited.named,
    )


def plan_cited_pages(
    index: CitationIndex,
    where: CitedUrls,
    page_size: int,
    extras: Callable[[CitedDocument, ListPage[Any]], dict[str, Any]] | None = None,
    badges: Mapping[str, Force] | None = None,
) -> list[Page]:
    """The page of each cited document (its citing documents paginated: a much-cited
    resolution must not make a huge page, ``badges`` beside them) with what ``extras`` adds
    to each page, and the directory, grouped and ranked."""
    pages: list[Page] = []
    for cited in index.cited:
        view = entry(cited, where)
        found = listed(
            CitedPage,
            cited.citing,
            page_size,
            view.url,
            cited.title,
            badges=badges,
            cited=view,
            candidates=[(where.of_key(k), index.candidate_title(k)) for k in cited.candidates],
            description=labels.cited_description(cited.title, cited.count),
            updated=max(m.doc.date.first_day() for m in cited.mentions),
        )
        if extras is not None:
            found = [replace(page, **extras(cited, page.listing)) for page in found]
        pages += found
    entries = {id(c): entry(c, where) for c in index.cited}
    grouped_items = [entries[id(c)] for c in index.cited]
    pages += [
        replace(page, groups=grouped(page.listing.items))
        for page in listed(
            CitedListPage, grouped_items, page_size, urls.CITED, labels.CITED_TITLE,
            first_in_nav=True, view="group", groups=[],
        )
    ]  # fmt: skip
    ranked_items = [entries[id(c)] for c in index.ranked]
    pages += listed(
        CitedListPage, ranked_items, page_size, urls.RANKED, labels.RANKED_TITLE,
        view="rank", groups=[],
    )  # fmt: skip
    return pages


def document_citations(
    index: CitationIndex, where: CitedUrls, doc: Document
) -> tuple[list[CiteView], list[tuple[Document, list[Mention]]], int, str | None]:
    """What a document page shows: the documents it cites, the first ``CITED_BY_SHOWN``
    documents citing it, how many cite it, and the page listing them all."""
    views = [
        CiteView(
            where.link(c),
            c.kind.label,
            c.number,
            c.ambiguous,
            c.date,
            c.group,
            c.document is not None,
            where.page(c),
            c.heading,
        )
        for c in index.cites(doc)
    ]
    cited_as = index.cited_as(doc)
    citing = cited_as.citing if cited_as else []
    page = where.page(cited_as) if cited_as else None
    return views, citing[:CITED_BY_SHOWN], len(citing), page


def jsonld_citations(index: CitationIndex, where: CitedUrls, doc: Document, base: str) -> list:
    """schema.org ``citation`` entries of what ``doc`` cites."""
    found = []
    for cited in index.cites(doc):
        data = {"@type": "Legislation", "name": cited.title}
        if not cited.named:  # a law cited by name has no identifier in the text
            data["legislationIdentifier"] = cited.number
        data |= {"legislationType": cited.kind.label, "url": base + where.link(cited)}
        if cited.date:
            data["legislationDate"] = cited.date.iso()
        found.append(data)
    return found


def body_links(index: CitationIndex, where: CitedUrls, doc: Document) -> list[Link]:
    """Links for the citations in the body of ``doc``, in text order."""
    return [
        Link(mention.symbol.key, mention.surface, None, "", False, False)
        if target is None
        else Link(
            mention.symbol.key,
            mention.surface,
            where.link(target),
            target.title,
            target.ambiguous,
            target.document is not None,
        )
        for mention, target in index.resolved(doc)
        if mention.citation is not None and not mention.citation.in_link
    ]
