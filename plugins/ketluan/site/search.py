"""Full-text search with Pagefind: what each document page gives the index, and the shards
(``search_build`` runs Pagefind).

Pagefind runs after the pages are written. One index of the whole corpus does not fit in
memory at 50,000 documents (one index of 15,000 peaked at 7.1 GB), so documents are packed
into shards of at most ``shard_size`` pages, each a separate Pagefind run; the browser merges
them with Pagefind's multisite ``mergeIndex``. Shards are whole (province, year) groups,
packed in order, so a shard is a few provinces and is selected by a glob over the URL scheme
``van-ban/<province>/<issuer>/<year>/<leaf>/``.

Place names (provinces, districts) are also indexed as one token each, in the full text and
in a tiny "places index" per shard whose only words are those tokens; the places manifest
says which shards name each place, so a district query touches one or two small indexes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from ketluan.core.model import Document
from ketluan.core.placenames import PlaceMatcher
from ketluan.core.places import District, Province
from ketluan.core.text import OLD_TONE, fold, new_tone_placement, nfc
from ketluan.site import urls

PLACE_RECORD_TEMPLATE = "fragments/place-record.html"
"""The page of one document in a places index (rendered by the plugin with the theme)."""
PLACES_FILE = "ketluan-places.json"
"""Shard URLs, and for each folded place name the shards of the documents naming it: the
browser searches a place token only in those shards (see ``place_token``)."""


class Memo(Protocol):
    """Results of an earlier build, recalled by what they were computed from (the build
    cache implements it: ``ketluan.build.cache``)."""

    def recall(
        self, context: object, doc: Document, compute: Callable[[], tuple[list[str], str]]
    ) -> tuple[list[str], str]:
        """``compute()``'s result for ``doc`` in ``context``, from the memo when known."""
        ...


_WORD = re.compile(r"[\w/.-]+")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_/.-" or unicodedata.combining(char) > 0


@dataclass
class Shard:
    """One Pagefind index: a set of (province slug, year) groups of document pages."""

    name: str
    groups: list[tuple[str, int]] = field(default_factory=list)
    documents: int = 0

    @property
    def path(self) -> str:
        """Output folder relative to the site: the first shard is the primary index."""
        return urls.PAGEFIND if self.name == "0" else f"{urls.SEARCH_SHARDS}/{self.name}"

    def glob(self) -> str:
        """Pagefind ``--glob`` selecting exactly this shard's document pages."""
        years: dict[str, list[int]] = {}
        for province, year in self.groups:
            years.setdefault(province, []).append(year)
        return urls.document_glob(years)


PLACE_PREFIX = "\u2c65"
"""ⱥ (Latin small letter a with stroke): a letter with no decomposition that sorts after
every Vietnamese letter, so place tokens come last in Pagefind's sorted word list and share
index chunks with nothing else (Pagefind fills a chunk until it holds 20,000 positions:
next to "kết" or "kinh", a token's chunk would weigh hundreds of KB)."""


def place_token(name: str) -> str:
    """One index word for a place name: "Tuần Giáo" -> "ⱥtuangiao".

    A district name is made of common syllables ("tuần" = week, "giáo" as in giáo dục), whose
    postings are the biggest of the index: a cold query for them would fetch megabytes at
    50,000 documents. The browser searches the place's own token instead, whose postings
    list only the documents that name the place.
    """
    return PLACE_PREFIX + re.sub(r"[^a-z0-9]", "", fold(name))


@dataclass
class SearchLinks:
    """What every page's header needs of search: two URLs (kept apart from ``SearchPlan``
    so a page's cached HTML does not depend on the whole corpus's search data)."""

    page_url: str
    primary_url: str | None
    """Site-relative URL of the primary index (pagefind.js and the places manifest live
    there), None when no document is indexed."""
    numbers_url: str
    """Folder of the number lookups (``site.numbers``)."""
    titles_url: str
    """Folder of the title lookups (``site.titles``)."""
    words_url: str
    """Folder of the word index (``site.words``)."""
    records_url: str
    """Folder of the word index's result records."""


@dataclass
class SearchPlan:
    """The search data of a corpus: shards, and the places each document names."""

    shards: list[Shard]
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
        self._shard_of = {
            group: index for index, shard in enumerate(self.shards) for group in shard.groups
        }
        self.named: dict[str, list[str]] = {}
        """Sorted places named by each document, by source path (see ``index``)."""
        self._extra: dict[str, str] = {}

    @property
    def links(self) -> SearchLinks:
        """The URLs every page's search box needs."""
        return SearchLinks(
            self.page_url,
            f"{urls.PAGEFIND}/" if self.shards else None,
            urls.NUMBERS,
            urls.TITLES,
            urls.WORDS,
            urls.RECORDS,
        )

    def index(self, documents: Iterable[Document], memo: Memo | None = None) -> None:
        """Find the places each document names and its extra terms, once, before any page
        renders; ``memo`` recalls the results of an earlier build (they depend on the
        document and on the corpus's place names)."""
        for doc in documents:

            def analyse(doc: Document = doc) -> tuple[list[str], str]:
                return sorted(self.named_places(doc)), extra_terms(doc)

            found = memo.recall(self.places, doc, analyse) if memo else analyse()
            named, terms = found
            self.named[doc.source], self._extra[doc.source] = list(named), terms

    def terms(self, doc: Document) -> str:
        """Hidden searchable terms of ``doc`` (see ``extra_terms``) and the tokens of the
        places it names (see ``place_token``)."""
        return search_terms(self._extra[doc.source], self.named[doc.source])

    def named_places(self, doc: Document) -> set[str]:
        """Places named in ``doc``, matched with their accents ("diễn biến" is not
        Điện Biên), whatever the case, tone placement or Unicode form."""
        text = " ".join(filter(None, [doc.title, *doc.issuers, doc.place, doc.body]))
        return self._matcher.find(spelling(text))

    def place_records(self, documents: Iterable[Document]) -> dict[int, list[PlaceRecord]]:
        """Records of the places indexes, by shard: each document's place tokens as its only
        text, and the metadata and filters its page gives the full-text index (documents
        naming no place have none: no place query finds them)."""
        records: dict[int, list[PlaceRecord]] = {}
        for doc in documents:
            if not self.named[doc.source]:  # a central body's naming no place: no record
                continue
            shard = self._shard_of[(_scope(doc), doc.date.year)]
            record = place_record(doc, self.named[doc.source], self.facets(doc))
            records.setdefault(shard, []).append(record)
        return records

    def places_manifest(self, documents: Iterable[Document]) -> dict[str, object]:
        """Contents of PLACES_FILE: for each folded place name, the shards naming it."""
        place_shards: dict[str, set[int]] = {}
        spellings: dict[str, set[str]] = {}
        for doc in documents:
            shard = self._shard_of[(_scope(doc), doc.date.year)]
            for name in self.named[doc.source]:
                place_shards.setdefault(fold(name), set()).add(shard)
                spellings.setdefault(fold(name), set()).add(name)
        return {
            "shards": [f"{shard.path}/" for shard in self.shards],
            "place_shards": [f"{urls.SEARCH_PLACES}/{index}/" for index in range(len(self.shards))],
            "places": {name: sorted(place_shards[name]) for name in sorted(place_shards)},
            "spellings": {name: sorted(spellings[name]) for name in sorted(spellings)},
        }

    def facets(self, doc: Document) -> dict[str, list[str]]:
        """Filter values of ``doc`` (see ``facets``)."""
        return facets(doc, self.statuses.get(doc.source)) | self.more_facets.get(doc.source, {})

    def shard_documents(self, documents: Iterable[Document]) -> dict[str, list[Document]]:
        """Documents of each shard, by the shard's output folder."""
        found: dict[str, list[Document]] = {shard.path: [] for shard in self.shards}
        for doc in documents:
            shard = self.shards[self._shard_of[(_scope(doc), doc.date.year)]]
            found[shard.path].append(doc)
        return found


@dataclass
class PlaceRecord:
    """One document in a places index: its URL, its place tokens as the only text, and the
    metadata, filters and sort key its own page gives the full-text index."""

    url: str
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]]
    sort: dict[str, str]


def place_record(doc: Document, named: Iterable[str], filters: dict[str, list[str]]) -> PlaceRecord:
    """One document in a places index: the tokens of the places it names (``named``) as
    its only text, and the metadata and ``filters`` its page gives the full-text index."""
    meta = {
        "title": doc.title,
        "number": doc.number or "",
        "date": doc.date.short(),
        "type": doc.type.label,
        "issuer": ", ".join(doc.issuers),
        "place": doc.place,
    }
    return PlaceRecord(
        url=f"/{urls.document(doc)}",
        content=" ".join(sorted(map(place_token, named))),
        meta={key: value for key, value in meta.items() if value},
        filters=filters,
        sort={"date": doc.date.iso()},
    )


def plan_shards(documents: Iterable[Document], shard_size: int) -> list[Shard]:
    """Pack (province, year) groups in order into shards of at most ``shard_size`` pages
    (a bigger single group gets a shard of its own). Deterministic for a given corpus."""
    counts = Counter((_scope(doc), doc.date.year) for doc in documents)
    shards: list[Shard] = []
    for group in sorted(counts):
        if not shards or shards[-1].documents + counts[group] > shard_size:
            shards.append(Shard(str(len(shards))))
        shards[-1].groups.append(group)
        shards[-1].documents += counts[group]
    return shards


def _scope(doc: Document) -> str:
    """The first part of a document's URL (its province, or ``trung-uong``): shards group
    documents by it, so a shard's pages are selected by a glob."""
    return doc.doc_id.province


def extra_terms(doc: Document) -> str:
    """Words Pagefind cannot match by itself, for a hidden metadata field.

    Pagefind 1.5 folds diacritics but not đ (a letter, not a mark): "Điện" is indexed as
    "điện"/"đien", so "dien" finds nothing. We add the folded form of every distinct word
    with đ, and the new tone placement of words written the old way (thuỷ -> thủy) so an
    accented query ranks them as exact matches. Distinct words only, to stay small.
    """
    signers = [part for s in doc.signers for part in (s.name, s.title, s.authority)]
    fields = [doc.title, doc.number, *doc.issuers, doc.province, doc.district, doc.commune]
    fields += [doc.meeting, *signers, doc.author, *doc.recipients, *doc.tags, doc.body]
    text = " ".join(value for value in fields if value)
    text = nfc(text)
    words = set(_WORD.findall(text))
    terms = {fold(word.strip("/.-")) for word in words if "đ" in word or "Đ" in word}
    end = 0
    for match in OLD_TONE.finditer(text):  # few per document: not every word is examined
        if match.start() < end:
            continue  # in the word just added ("hoà/hoà/…" is one word, read once)
        start, end = match.start(), match.end()
        while start and _is_word_char(text[start - 1]):
            start -= 1
        while end < len(text) and _is_word_char(text[end]):
            end += 1
        terms.add(new_tone_placement(text[start:end].strip("/.-")).lower())
    return " ".join(sorted(terms))


def search_terms(extra: str, named: Iterable[str]) -> str:
    """A document's hidden searchable terms: its ``extra_terms`` and the tokens of the
    places it names (``place_token``)."""
    return " ".join(filter(None, [extra, *sorted(map(place_token, named))]))


def facets(doc: Document, status: str | None = None) -> dict[str, list[str]]:
    """Filter values of a document in the results UI, keyed by Pagefind filter name.

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
