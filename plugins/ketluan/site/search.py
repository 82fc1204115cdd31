"""What search knows of each document besides its words (``site.words``): the places it
names, its filter values (``facets``), and the URLs every page's search box needs.

A district name is made of common syllables ("tuần", "giáo"), so each province and district
a document names is also one word of its own in the word index (``place_token``), matched
with its accents: "diễn biến" is not Điện Biên.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from ketluan.core.model import Document
from ketluan.core.placenames import PlaceMatcher
from ketluan.core.places import District, Province
from ketluan.core.text import fold, new_tone_placement, nfc
from ketluan.site import urls


class Memo(Protocol):
    """Results of an earlier build, recalled by what they were computed from (the build
    cache implements it: ``ketluan.build.cache``)."""

    def recall(self, context: object, doc: Document, compute: Callable[[], list[str]]) -> list[str]:
        """``compute()``'s result for ``doc`` in ``context``, from the memo when known."""
        ...


PLACE_PREFIX = "\u2c65"
"""ⱥ (Latin small letter a with stroke): a letter with no decomposition, which no folded
word of a text holds, so a place token is never a word of the text."""


def place_token(name: str) -> str:
    """One index word for a place name: "Tuần Giáo" -> "ⱥtuangiao".

    A district name is made of common syllables ("tuần" = week, "giáo" as in giáo dục), whose
    postings are among the biggest of the index, and folded they match other words ("diễn
    biến"). The browser searches the place's own token instead, whose postings list only
    the documents that name the place.
    """
    return PLACE_PREFIX + re.sub(r"[^a-z0-9]", "", fold(name))


@dataclass
class SearchLinks:
    """What every page's header needs of search: its URLs (kept apart from ``SearchPlan``
    so a page's cached HTML does not depend on the whole corpus's search data)."""

    page_url: str
    words_url: str | None
    """Folder of the word index (``site.words``), None when no document is indexed."""
    numbers_url: str
    """Folder of the number lookups (``site.numbers``)."""
    titles_url: str
    """Folder of the title lookups (``site.titles``)."""
    records_url: str
    """Folder of the word index's result records."""


@dataclass
class SearchPlan:
    """The search data of a corpus: the places each document names, its filter values."""

    documents: int
    """How many documents the word index holds."""
    page_url: str
    places: list[str] = field(default_factory=list)
    """Names of every province and district of the corpus, as ``spelling`` gives them."""
    statuses: dict[str, str] = field(default_factory=dict)
    """The status of each document with one (news have none), by source path: the
    ``hieu_luc`` filter."""
    more_facets: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """Further filter values by source path: the agencies its tasks are given to
    (``giao_cho``) and their deadlines (``han``), ``site.tasks.task_facets``."""

    def __post_init__(self) -> None:
        self._matcher = PlaceMatcher(self.places)
        self.named: dict[str, list[str]] = {}
        """Sorted places named by each document, by source path (see ``index``)."""

    @property
    def links(self) -> SearchLinks:
        """The URLs every page's search box needs."""
        return SearchLinks(
            self.page_url,
            urls.WORDS if self.documents else None,
            urls.NUMBERS,
            urls.TITLES,
            urls.RECORDS,
        )

    def index(self, documents: Iterable[Document], memo: Memo | None = None) -> None:
        """Find the places each document names, once, before any page renders; ``memo``
        recalls the results of an earlier build (they depend on the document and on the
        corpus's place names)."""
        for doc in documents:

            def analyse(doc: Document = doc) -> list[str]:
                return sorted(self.named_places(doc))

            named = memo.recall(self.places, doc, analyse) if memo else analyse()
            self.named[doc.source] = list(named)

    def named_places(self, doc: Document) -> set[str]:
        """Places named in ``doc``, matched with their accents ("diễn biến" is not
        Điện Biên), whatever the case, tone placement or Unicode form."""
        text = " ".join(filter(None, [doc.title, *doc.issuers, doc.place, doc.body]))
        return self._matcher.find(spelling(text))

    def facets(self, doc: Document) -> dict[str, list[str]]:
        """Filter values of ``doc`` (see ``facets``)."""
        return facets(doc, self.statuses.get(doc.source)) | self.more_facets.get(doc.source, {})


def facets(doc: Document, status: str | None = None) -> dict[str, list[str]]:
    """Filter values of a document in the results UI, keyed by filter name (the word index's
    filter files, ``site.words``).

    ``tinh`` is the province as written on the document (the map of its date); ``tinh_nay``
    is the province it belongs to now (from the places gazetteer); ``cap`` the level of its
    issuer (Trung ương, Cấp tỉnh...), so central documents can be chosen; ``hieu_luc`` its
    status ("Còn hiệu lực", "Bị thay thế"…; news have none).
    """
    values = {
        "tinh": [doc.province or ""],
        "tinh_nay": [doc.current_province or ""],
        "huyen": [doc.district or ""],
        "nam": [str(doc.date.year)],
        "loai": [doc.type.label],
        "cap": [doc.level.label],
        "hieu_luc": [status or ""],
    }
    return {key: [v for v in vs if v] for key, vs in values.items() if any(vs)}


def place_filters(place: Province | District) -> dict[str, str]:
    """The search page's filters (``facets``) that choose the documents of ``place``, for
    the "search in this place" box of its page: a district's province and district
    (district names repeat across provinces), a former province's ``tinh``, a current
    province's ``tinh_nay`` (with the documents of the provinces it absorbed)."""
    if isinstance(place, District):
        return {"tinh": place.province.name, "huyen": place.short}
    return {"tinh_nay" if place.current else "tinh": place.name}


def spelling(text: str) -> str:
    """Text compared with its accents: NFC, new tone placement, lowercase."""
    return new_tone_placement(nfc(text)).lower()


def corpus_places(documents: Iterable[Document]) -> list[str]:
    """Province and district names of the corpus (``spelling``), each once, sorted."""
    names = {spelling(doc.province) for doc in documents if doc.province}
    names |= {spelling(doc.district) for doc in documents if doc.district}
    return sorted(names)
