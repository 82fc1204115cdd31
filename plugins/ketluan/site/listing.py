"""Paginated lists of documents, grouped by year: pure data for list templates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import groupby
from typing import Generic, TypeVar

from ketluan.core.model import Document
from ketluan.core.relations import Force

T = TypeVar("T")


@dataclass(frozen=True)
class ListPage(Generic[T]):
    """One page of a paginated list; ``base`` is the URL of page 1 (``van-ban/``).
    Items are documents, or other entries (issuers, signers) on browse pages."""

    base: str
    title: str
    number: int
    total_pages: int
    total_items: int
    size: int
    items: list[T]
    badges: dict[str, Force] = field(default_factory=dict)
    """The status of the documents of this page that are not simply in force, by id."""

    @property
    def url(self) -> str:
        """Site-relative URL of this page."""
        return page_url(self.base, self.number)

    @property
    def src_uri(self) -> str:
        """Path of the generated Markdown source behind this page."""
        return self.url + "index.md"

    @property
    def heading(self) -> str:
        """Page title, with the page number after the first page."""
        return self.title if self.number == 1 else f"{self.title} (trang {self.number})"

    @property
    def first(self) -> int:
        """1-based position of the first item on this page (0 when the list is empty)."""
        return (self.number - 1) * self.size + 1 if self.items else 0

    @property
    def last(self) -> int:
        """1-based position of the last item on this page."""
        return self.first + len(self.items) - 1 if self.items else 0

    @property
    def previous_url(self) -> str | None:
        """URL of the previous page, if any."""
        return page_url(self.base, self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        """URL of the next page, if any."""
        return page_url(self.base, self.number + 1) if self.number < self.total_pages else None

    def page_links(self, window: int = 2) -> list[tuple[int | None, str | None]]:
        """Numbered links around this page, with first/last and ``None`` for a gap."""
        wanted = {1, self.total_pages, *range(self.number - window, self.number + window + 1)}
        numbers = sorted(n for n in wanted if 1 <= n <= self.total_pages)
        links: list[tuple[int | None, str | None]] = []
        for previous, current in zip([0, *numbers], numbers, strict=False):
            if current - previous > 1:
                links.append((None, None))
            links.append((current, page_url(self.base, current)))
        return links

    def by_year(self: ListPage[Document]) -> list[tuple[int, list[Document]]]:
        """Items of this page grouped by year, in list order (newest first)."""
        return [(year, list(docs)) for year, docs in groupby(self.items, lambda d: d.date.year)]


def page_url(base: str, number: int) -> str:
    """URL of page ``number`` of the list at ``base``: base/, base/trang/2/, ..."""
    return base if number == 1 else f"{base}trang/{number}/"


def paginate(
    items: list[T], size: int, base: str, title: str, badges: Mapping[str, Force] | None = None
) -> list[ListPage[T]]:
    """Split ``items`` into pages of ``size``; an empty list still has one (empty) page.
    Each page keeps the ``badges`` (statuses by document id) of its own documents."""
    if size < 1:
        raise ValueError(f"page size must be at least 1, got {size}")
    total = max(1, -(-len(items) // size))
    pages = []
    for n in range(1, total + 1):
        part = items[(n - 1) * size : n * size]
        pages.append(ListPage(base, title, n, total, len(items), size, part, _badges(part, badges)))
    return pages


def _badges(items: list[T], badges: Mapping[str, Force] | None) -> dict[str, Force]:
    """The badges of ``items``: documents, or (document, …) pairs."""
    found: dict[str, Force] = {}
    for item in items if badges else ():
        doc = item[0] if isinstance(item, tuple) else item
        if isinstance(doc, Document) and doc.id in badges:  # type: ignore[operator]
            found[doc.id] = badges[doc.id]  # type: ignore[index]
    return found
