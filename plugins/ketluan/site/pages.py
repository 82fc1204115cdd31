"""Typed pages: what each kind of generated page shows, as plain data.

Each class is one page template and the fields its template reads; each is assembled in
exactly one planner (documents, lists, places, lookups, cited documents, search). The
adapter turns a page into a MkDocs file and page context; the renderer fingerprints it
whole for the build cache, so a page holds only what it shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, TypeVar

from ketluan.core.model import Document
from ketluan.core.relations import Force
from ketluan.site import urls
from ketluan.site.feeds import Feed, FeedLink
from ketluan.site.listing import ListPage, paginate
from ketluan.site.search import SearchLinks, SearchPlan

P = TypeVar("P", bound="Page")
BEGINNING = "1970-01-01"
"""Build date of a corpus with no document after it: sitemap.xml.gz cannot store earlier."""


@dataclass(kw_only=True)
class Page:
    """A generated page: where it lives, its plain-text title and description, and whether
    it is in the navigation (MkDocs renders those; the plugin renders the rest)."""

    template: ClassVar[str]
    url: str
    title: str
    description: str | None = None
    in_nav: bool = False
    updated: str | None = None
    """ISO date the page last changed (sitemap lastmod); None: the newest document's."""
    page_feed: Feed | None = None
    """The feed of this page's documents, linked from its head (place pages)."""

    @property
    def src(self) -> str:
        """The page's path as a MkDocs source file."""
        return urls.source(self.url)

    @property
    def body_of(self) -> Document | None:
        """The document whose Markdown body is this page's content (document pages)."""
        return None

    def origin(self) -> str:
        """Where the page comes from, for messages: its document's file, else its title."""
        if self.body_of:
            return f"the page of {self.body_of.source}"
        return f"the generated page '{self.title}'"

    def context(self) -> dict[str, Any]:
        """What the page template reads besides the data every page shares."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in _BASE}


_BASE = {"url", "title", "description", "in_nav", "updated"}


@dataclass(kw_only=True)
class DocumentPage(Page):
    """The page of one document: letterhead, metadata, body, citations, relations."""

    template: ClassVar[str] = "conclusion.html"
    doc: Document
    jsonld: str
    doc_links: dict[str, str]
    """Where breadcrumbs and metadata values link (year, type, issuer, signer, places)."""
    issuer_links: list[tuple[str, str]] = field(default_factory=list)
    """Each issuer and its lookup page (several for a joint document)."""
    signer_links: list[tuple[Any, str]] = field(default_factory=list)
    """Each signature block (``Signer``) and its signer's lookup page, as on paper."""
    cites: list[Any] = field(default_factory=list)
    cited_by: list[Any] = field(default_factory=list)
    cited_by_count: int = 0
    cited_by_url: str | None = None
    links: list[Any] = field(default_factory=list)
    """Citation links of the body, in text order (``ketluan.site.cited.Link``)."""
    status: Any = None
    """Its legal force (``site.relations.StatusView``): the banner and the panel's row."""
    diagram: Any = None
    """Its relation diagram (``site.relations.Diagram``)."""
    tasks: list[Any] = field(default_factory=list)
    """The tasks it assigns (``site.tasks.TaskView``), in text order."""
    tasks_as_of: Any = None
    """The build date the tasks' states are relative to (a ``DocDate``)."""

    @property
    def body_of(self) -> Document:
        return self.doc


@dataclass(kw_only=True)
class DocumentListPage(Page):
    """One page of the list of all documents."""

    template: ClassVar[str] = "document-list.html"
    listing: ListPage[Document]


@dataclass(kw_only=True)
class LookupListPage(Page):
    """Documents of a year, month, type, issuer or signer."""

    template: ClassVar[str] = "browse-list.html"
    listing: ListPage[Document]
    links: list[Any] | None = None
    """Months of a year, on the year's first page."""
    trail: list[tuple[str, str]] | None = None
    """Breadcrumbs after "Danh mục"."""


@dataclass(kw_only=True)
class GroupsPage(Page):
    """A paginated list of issuing bodies or signers."""

    template: ClassVar[str] = "browse-groups.html"
    listing: ListPage[Any]


@dataclass(kw_only=True)
class BrowsePage(Page):
    """/danh-muc/: ways to browse, each with counts."""

    template: ClassVar[str] = "browse.html"
    years: list[Any]
    types: list[Any]
    statuses: list[Any]
    issuer_count: int
    signer_count: int
    issuers_url: str
    signers_url: str


@dataclass(kw_only=True)
class PlacePage(Page):
    """A province (former or current) or a former district, with its documents."""

    template: ClassVar[str] = "place.html"
    listing: ListPage[Document]
    place: Any
    place_note: str | None = None
    parts: list[Any] | None = None
    parent: Any = None
    districts: list[Any] | None = None
    totals: dict[str, int] | None = None
    all_url: str | None = None
    now: Any = None
    search_in: dict[str, str] | None = None
    """The search page's filters choosing this place's documents (``search.place_filters``)."""


@dataclass(kw_only=True)
class PlacesPage(Page):
    """/dia-ban/: the central bodies' documents, then the current provinces, each with the
    former ones it absorbed."""

    template: ClassVar[str] = "places.html"
    regions: list[Any]
    place_total: int
    central: Any = None
    """The line of the central bodies' page, when the corpus has central documents."""


@dataclass(kw_only=True)
class CentralPage(Page):
    """/dia-ban/trung-uong/: documents of central bodies, and the bodies with counts."""

    template: ClassVar[str] = "central.html"
    listing: ListPage[Document]
    issuers: list[Any]


@dataclass(kw_only=True)
class CitedPage(Page):
    """The page of one cited document and the documents citing it."""

    template: ClassVar[str] = "resolution.html"
    cited: Any
    listing: ListPage[Any]
    candidates: list[tuple[str, str]]
    status: Any = None
    """What is known of its legal force (``site.relations.StatusView``), first page only."""
    diagram: Any = None
    """Its relation diagram (``site.relations.Diagram``), first page only."""
    timeline: Any = None
    """Its citing and related documents year by year (``site.history.Timeline``)."""
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """What each listed document does to it ("Thực hiện"), by id."""


@dataclass(kw_only=True)
class RelationListPage(Page):
    """Every document stating one relation of a cited document (implementing it…)."""

    template: ClassVar[str] = "relation-list.html"
    listing: ListPage[Any]
    """(document, what it says) pairs, newest first."""
    of_url: str
    """The cited document's page."""
    of_label: str


@dataclass(kw_only=True)
class CitedListPage(Page):
    """The directory of cited documents, grouped or ranked."""

    template: ClassVar[str] = "resolution-list.html"
    listing: ListPage[Any]
    view: str
    groups: list[Any]


@dataclass(kw_only=True)
class TaskListPage(Page):
    """The tasks of one agency, or of the documents of one place, most urgent first."""

    template: ClassVar[str] = "tasks-list.html"
    listing: ListPage[Any]
    counts: list[tuple[str, str, int]]
    """(state key, label, number of tasks) of the whole list."""
    as_of: Any
    """The build date the states are relative to (a ``DocDate``)."""
    calendar_url: str | None = None
    feed_url: str | None = None
    agencies: list[Any] | None = None
    """On a place's summary: its agencies with counts."""
    trail: list[tuple[str, str]] = field(default_factory=list)


@dataclass(kw_only=True)
class TasksIndexPage(Page):
    """/nhiem-vu/: every agency with the counts of its tasks, and the places."""

    template: ClassVar[str] = "tasks-index.html"
    listing: ListPage[Any]
    counts: list[tuple[str, str, int]]
    as_of: Any
    places: list[tuple[str, str, int]] = field(default_factory=list)


@dataclass(kw_only=True)
class SearchPage(Page):
    """/tra-cuu/: the search page."""

    template: ClassVar[str] = "search-page.html"


@dataclass
class Shared:
    """Template data of every generated page. Keep it small and slow to change: every
    generated page's cache key includes all of it."""

    site_feed: FeedLink
    kl_search: SearchLinks | None
    all_documents_url: str = urls.DOCUMENTS
    body_id_prefix: str = urls.BODY_ID_PREFIX
    places_url: str = urls.PLACES
    browse_url: str = urls.BROWSE
    cited_url: str = urls.CITED
    ranked_url: str = urls.RANKED
    tasks_url: str = urls.TASKS

    def context(self) -> dict[str, Any]:
        """The shared data as template context."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def listed(
    kind: type[P],
    items: Sequence[Any],
    size: int,
    base: str,
    title: str,
    *,
    first_in_nav: bool = False,
    badges: Mapping[str, Force] | None = None,
    **fields: Any,
) -> list[P]:
    """The pages of ``kind`` listing ``items``, ``size`` a page, the first at ``base``; each
    with its ``listing`` (and the ``badges`` of its documents) and ``fields`` (the first in
    the navigation if ``first_in_nav``)."""
    return [
        kind(
            url=listing.url,
            title=listing.heading,
            listing=listing,
            in_nav=first_in_nav and listing.number == 1,
            **fields,
        )
        for listing in paginate(list(items), size, base, title, badges)
    ]


class PageConflict(ValueError):
    """Two generated pages at one URL; the message names both sources and what to do."""


@dataclass
class SitePlan:
    """Every generated page by source path, the data shared by all templates, the feeds,
    and what the outputs after the pages need (search, citations, cited URLs)."""

    shared: Shared
    handwritten: dict[str, Any]
    """Template data only for the pages of ``docs/`` (the home page's newest documents)."""
    updated: str = BEGINNING
    """Date of the newest document: the "build date" of every page without its own date,
    so two builds of the same input are byte-identical (sitemap, sitemap.xml.gz)."""
    pages: dict[str, Page] = field(default_factory=dict)
    feeds: list[Feed] = field(default_factory=list)
    search: SearchPlan | None = None
    files: dict[str, str] = field(default_factory=dict)
    """Other outputs as text, by site path: the tasks manifest and the number lookups of
    search (``site.numbers``)."""
    task_feeds: list[Any] = field(default_factory=list)
    """Atom feeds of agencies' tasks (``site.task_feeds.TaskFeed``)."""
    calendars: list[Any] = field(default_factory=list)
    """iCalendar feeds of agencies' deadlines (``site.task_feeds.TaskCalendar``)."""

    def add(self, page: Page) -> None:
        """Plan ``page``; a URL is planned once."""
        first = self.pages.get(page.src)
        if first is not None:
            both = f"{first.origin()} and {page.origin()}"
            fix = (
                "Their fields give the same address: correct the number (the title for "
                "news) of one of them, or remove one file"
                if first.body_of and page.body_of
                else "Change one of them so that their addresses differ"
            )
            raise PageConflict(f"two pages would be generated at /{page.url}: {both}. {fix}.")
        self.pages[page.src] = page
