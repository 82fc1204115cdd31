"""Atom feeds: what each feed lists, as data; ``templates/fragments/atom.html`` writes the XML."""

from __future__ import annotations

from dataclasses import dataclass

from ketluan.core.model import Document
from ketluan.site import labels, urls


@dataclass(frozen=True)
class FeedLink:
    """A feed as pages link to it: every page links the site feed, and a page's cached HTML
    must not depend on the feed's entries."""

    path: str
    title: str


@dataclass(frozen=True)
class AtomFeed:
    """What every Atom feed has (``fragments/atom-head.html`` writes it): its site-relative
    path, title and the page it belongs to. The kinds of feeds add their entries."""

    path: str
    title: str
    page_url: str

    @property
    def id(self) -> str:
        """Stable feed id, independent of the host the site is served from."""
        return f"urn:ketluan:feed:{self.path}"

    @property
    def depth(self) -> int:
        """Folders between the site root and the feed, for relative links."""
        return self.path.count("/")


@dataclass(frozen=True)
class Feed(AtomFeed):
    """A feed of documents (``fragments/atom.html``)."""

    documents: list[Document]

    @property
    def updated(self) -> str:
        """Atom timestamp of the newest entry (the feed is as new as its newest document)."""
        newest = max((d.date.first_day() for d in self.documents), default="1930-01-01")
        return atom_time(newest)

    @property
    def link(self) -> FeedLink:
        """What a page's <link rel="alternate"> needs, without the entries."""
        return FeedLink(self.path, self.title)


def atom_time(day: str) -> str:
    """Atom (RFC 3339) time at midnight Vietnam time of an ISO day."""
    return f"{day}T00:00:00+07:00"


def entry_id(doc: Document) -> str:
    """Stable entry id: the document's id as a URN."""
    return f"urn:ketluan:doc:{doc.id}"


def featured(doc: Document) -> bool:
    """The portal's focus: conclusions (Kết luận, Thông báo kết luận, Thông báo ý kiến and
    configured kinds marked ``conclusion``) and news reports of the meetings that adopt
    them. The home page lists them first and the site feed lists only them, so a province
    publishing every plan and report does not bury its conclusions."""
    return doc.type.conclusion or doc.type.news


def site_feed(documents: list[Document], size: int) -> Feed:
    """The feed of the newest featured documents of the whole portal (see ``featured``)."""
    found = [doc for doc in documents if featured(doc)]
    return Feed(urls.SITE_FEED, labels.SITE_FEED, urls.DOCUMENTS, found[:size])
