"""The plan phase: every generated page, decided from the corpus and its complete indexes.

Each planner returns its pages (documents, the list of all, cited documents, places,
lookups, search); nothing here changes the corpus or the indexes, and each page's context
is assembled once, by its planner.
"""

from __future__ import annotations

from dataclasses import dataclass

from ketluan.core.corpus import Corpus
from ketluan.core.places import gazetteer
from ketluan.site import labels, urls
from ketluan.site.browse import plan_lookups, plan_places
from ketluan.site.cited import plan_cited_pages
from ketluan.site.documents import document_page
from ketluan.site.feeds import featured, site_feed
from ketluan.site.history import cited_extras, plan_relation_pages
from ketluan.site.indexes import SiteIndexes
from ketluan.site.listing import paginate
from ketluan.site.pages import (
    BEGINNING,
    DocumentListPage,
    SearchPage,
    Shared,
    SitePlan,
)


@dataclass(frozen=True)
class SiteOptions:
    """What the plugin's options decide about the generated pages."""

    page_size: int
    home_recent: int
    base_url: str
    feed_size: int


def plan_site(corpus: Corpus, indexes: SiteIndexes, options: SiteOptions) -> SitePlan:
    """Decide every generated page: one per document, the paginated list of all, the pages
    of cited documents, places and lookups, and the search page when search is on."""
    documents = corpus.documents
    size = options.page_size
    feed = site_feed(documents, options.feed_size)
    search = indexes.search
    recent = [d for d in documents if featured(d)][: options.home_recent]
    recent_other = [d for d in documents if not featured(d)][: options.home_recent]
    plan = SitePlan(
        shared=Shared(site_feed=feed.link, kl_search=search.links if search else None),
        handwritten={
            "recent_documents": recent,
            "recent_other_documents": recent_other,
            "recent_badges": {
                d.id: indexes.badges[d.id] for d in recent + recent_other if d.id in indexes.badges
            },
        },
        updated=max([BEGINNING, *(d.date.first_day() for d in documents)]),
        feeds=[feed],
        search=search,
    )
    for doc in documents:
        plan.add(document_page(doc, indexes, options.base_url))
    for listing in paginate(documents, size, urls.DOCUMENTS, labels.ALL_DOCUMENTS, indexes.badges):
        plan.add(
            DocumentListPage(
                url=listing.url,
                title=listing.heading,
                listing=listing,
                in_nav=listing.number == 1,
            )
        )
    citations, where, views = indexes.citations, indexes.cited_urls, indexes.views
    extras = cited_extras(views, size)
    for page in plan_cited_pages(citations, where, size, extras, indexes.badges):
        plan.add(page)
    for page in plan_relation_pages(citations, views, where, size, indexes.badges):
        plan.add(page)
    pages, feeds = plan_places(indexes, documents, gazetteer(), size, options.feed_size)
    for page in [*pages, *plan_lookups(indexes, size)]:
        plan.add(page)
    plan.feeds += feeds
    if search is not None:
        plan.add(
            SearchPage(
                url=urls.SEARCH,
                title=labels.SEARCH,
                description=labels.SEARCH_DESCRIPTION,
                in_nav=True,
            )
        )
    return plan
