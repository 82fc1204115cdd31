"""The generated pages of a build and what each needs: the only core-to-MkDocs bridge.

Every feature (document pages, lists, and later places, citations...) contributes
``GeneratedPage`` entries to one ``SitePlan``; the plugin turns them into
``File.generated`` files, page metadata and template context.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page

from .citation_index import CitationIndex
from .citation_pages import plan_citations
from .corpus import Corpus
from .feeds import Feed, site_feed
from .jsonld import document_jsonld, script_json
from .listing import paginate
from .model import Document
from .sanitize import BODY_ID_PREFIX, escape_raw_html
from .search import SearchPlan, corpus_places, plan_shards

ALL_DOCUMENTS_URL = "van-ban/"
ALL_DOCUMENTS_TITLE = "Tất cả văn bản"
SEARCH_URL = "tra-cuu/"
SEARCH_TITLE = "Tra cứu văn bản"
BEGINNING = "1970-01-01"
"""Build date of a corpus with no document after it: sitemap.xml.gz cannot store earlier."""


@dataclass(frozen=True)
class SiteOptions:
    """What the plugin's options decide about the generated pages."""

    page_size: int
    home_recent: int
    base_url: str
    feed_size: int
    search_shard_size: int | None
    """None when search is off."""
    known: dict[str, Any] | None = None
    """Per-document search data of the last build (``SearchPlan.index``), None without cache."""


@dataclass
class GeneratedPage:
    """A page the plugin creates: its template, plain-text title and Jinja context."""

    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    markdown: str = ""
    description: str | None = None
    in_nav: bool = False
    untrusted_body: bool = False
    """True when ``markdown`` comes from a document: its HTML is sanitised."""
    body_of: Document | None = None
    """The document whose body is this page's Markdown, escaped when the page renders (in
    the worker, and never kept as a second copy of a body that escaping changed)."""
    updated: str | None = None
    """ISO date the page last changed (sitemap lastmod); None: the newest document's."""

    def source(self) -> str:
        """The page's Markdown."""
        return escape_raw_html(self.body_of.body) if self.body_of else self.markdown

    def origin(self) -> str:
        """Where the page comes from, for messages: its document's file, else its title."""
        if self.body_of:
            return f"the page of {self.body_of.source}"
        return f"the generated page '{self.title}'"


class PageConflict(ValueError):
    """Two generated pages at one URL; the message names both sources and what to do."""


@dataclass
class SitePlan:
    """Every generated page by source path, plus data shared by all templates."""

    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    shared: dict[str, Any] = field(default_factory=dict)
    """Template data of every page. Keep it small and slow to change: every generated
    page's cache key includes all of it (see ``render``)."""
    handwritten: dict[str, Any] = field(default_factory=dict)
    """Template data only for the pages of ``docs/`` (the home page's newest documents)."""
    feeds: list[Feed] = field(default_factory=list)
    citations: CitationIndex | None = None
    """Every citation of the corpus, resolved (the open-data manifests list them)."""
    search: SearchPlan | None = None
    """The search data when search is on (the index is built from it after the pages)."""
    known: dict[str, Any] = field(default_factory=dict)
    """Per-document search data to keep for the next build (see ``SiteOptions.known``)."""
    updated: str = BEGINNING
    """Date of the newest document: the "build date" of every page that has no own date,
    so two builds of the same input are byte-identical (sitemap, sitemap.xml.gz)."""

    def add(self, url: str, page: GeneratedPage) -> None:
        """Plan ``page`` at site-relative ``url`` (``van-ban/``); a URL is planned once."""
        src = url + "index.md"
        first = self.pages.get(src)
        if first is not None:
            both = f"{first.origin()} and {page.origin()}"
            fix = (
                "Their fields give the same address: correct the number (the title for "
                "news) of one of them, or remove one file"
                if first.body_of and page.body_of
                else "Change one of them so that their addresses differ"
            )
            raise PageConflict(f"two pages would be generated at /{url}: {both}. {fix}.")
        self.pages[src] = page


def plan_site(corpus: Corpus, options: SiteOptions) -> SitePlan:
    """Decide every generated page: one per document, the paginated list of all, the pages
    of cited documents, places and lookups, and the search page when search is on."""
    page_size, feed_size, base_url = options.page_size, options.feed_size, options.base_url
    newest = max([BEGINNING, *(d.date.first_day() for d in corpus.documents)])
    plan = SitePlan(
        updated=newest,
        shared={"all_documents_url": ALL_DOCUMENTS_URL, "body_id_prefix": BODY_ID_PREFIX},
        handwritten={"recent_documents": corpus.documents[: options.home_recent]},
    )
    plan.feeds.append(site_feed(corpus.documents, feed_size))
    plan.shared["site_feed"] = plan.feeds[0].link
    for doc in corpus.documents:
        plan.add(doc.url, document_page(doc, base_url))
    for listing in paginate(corpus.documents, page_size, ALL_DOCUMENTS_URL, ALL_DOCUMENTS_TITLE):
        plan.add(
            listing.url,
            GeneratedPage(
                "document-list.html",
                listing.heading,
                {"listing": listing},
                in_nav=listing.number == 1,
            ),
        )
    plan_citations(plan, corpus, page_size, base_url)
    from .browse import plan_browse  # imported here: browse builds on GeneratedPage above

    plan_browse(plan, corpus, page_size, feed_size)
    if options.search_shard_size is not None:
        plan_search(plan, corpus, options.search_shard_size, options.known)
    return plan


def plan_search(
    plan: SitePlan, corpus: Corpus, shard_size: int, known: dict[str, Any] | None = None
) -> None:
    """The search page and the Pagefind shards; every page gets the search URLs as
    ``kl_search``, each document page its hidden search terms and filter values."""
    documents = corpus.documents
    search = SearchPlan(plan_shards(documents, shard_size), SEARCH_URL, corpus_places(documents))
    plan.known = search.index(documents, known)
    plan.search = search
    plan.shared["kl_search"] = search.links
    for doc in documents:
        context = plan.pages[doc.url + "index.md"].context
        context["search_terms"] = search.terms(doc)
        context["search_facets"] = search.facets(doc)
    plan.add(
        SEARCH_URL,
        GeneratedPage(
            "search-page.html",
            SEARCH_TITLE,
            description="Tra cứu kết luận, thông báo của các cấp ủy theo số ký hiệu, "
            "nội dung, địa bàn, năm và loại văn bản.",
            in_nav=True,
        ),
    )


def document_page(doc: Document, base_url: str) -> GeneratedPage:
    """The page of one document."""
    jsonld = script_json(document_jsonld(doc, base_url + doc.url))
    return GeneratedPage(
        "conclusion.html",
        short_title(doc),
        {"doc": doc, "jsonld": jsonld},
        body_of=doc,
        description=describe(doc),
        untrusted_body=True,
        updated=doc.date.first_day(),
    )


def generated_files(plan: SitePlan, config: MkDocsConfig) -> list[File]:
    """``File.generated`` for the planned pages of the navigation: MkDocs renders them; the
    plugin renders every other planned page itself (``render``), so page size and memory
    do not grow with the corpus."""
    return [
        File.generated(config, src, content=page.markdown, inclusion=InclusionLevel.UNDEFINED)
        for src, page in plan.pages.items()
        if page.in_nav
    ]


def page_markdown(plan: SitePlan, page: Page) -> str | None:
    """Markdown and metadata for a generated page, or None for a hand-written page.

    Values are HTML-escaped before they reach ``page.meta``: MkDocs' Jinja does not
    autoescape, and Material prints ``page.meta.title`` raw in <title> and the header.
    """
    planned = plan.pages.get(page.file.src_uri)
    page.update_date = (planned and planned.updated) or plan.updated
    if planned is None:
        return None
    page.meta = {"template": planned.template, "title": str(escape(planned.title))}
    if planned.description:
        page.meta["description"] = str(escape(planned.description))
    return planned.source()


def is_untrusted(plan: SitePlan, page: Page) -> bool:
    """True for pages whose body HTML comes from a document and must be sanitised."""
    planned = plan.pages.get(page.file.src_uri)
    return planned is not None and planned.untrusted_body


def page_context(plan: SitePlan, page: Page, context: dict[str, Any]) -> dict[str, Any]:
    """Add shared data and the planned page's own context (doc, listing, ...) to Jinja."""
    context.setdefault("kl_search", None)
    context.update(plan.shared)
    planned = plan.pages.get(page.file.src_uri)
    context.update({"doc": None, "listing": None, "page_feed": None})
    context.update(plan.handwritten if planned is None else planned.context)
    return context


def short_title(doc: Document) -> str:
    """Title for <title> and the header: number first, as staff cite documents."""
    return f"{doc.number}: {doc.title}" if doc.number else doc.title


def describe(doc: Document) -> str:
    """One-sentence description for search engines and link previews."""
    number = f" số {doc.number}" if doc.number else ""
    return f"{doc.type.label}{number} {doc.date.vietnamese()} của {doc.issuer}: {doc.title}"
