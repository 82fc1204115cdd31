"""Every citation of the corpus resolved to a distinct cited document, with its page URL."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from .dates import DocDate
from .model import Document
from .resolve import CitedDocument, Key, Mention, Scope, document_key, document_mentions
from .text import fold, slugify

CITED_URL = "trich-dan/"
RANKED_URL = "trich-dan/nhieu-nhat/"

Undated = tuple[Scope, str, str]


@dataclass(frozen=True)
class Link:
    """What the body of a document links for one citation, in text order."""

    symbol: str
    """Folded symbol (``27-NQ/HU``), to pair the citation found in the rendered page."""
    url: str
    """Site-relative URL of the target page."""
    title: str
    ambiguous: bool
    in_corpus: bool


class CitationIndex:
    """Cited documents of a corpus, the mentions of each, and what each document cites."""

    def __init__(self, documents: list[Document]) -> None:
        self.own: dict[Key, Document] = {}
        for doc in documents:
            if (key := document_key(doc)) is not None:
                self.own.setdefault(key, doc)
        mentions = {doc.id: document_mentions(doc) for doc in documents}
        known: dict[Undated, set[DocDate]] = defaultdict(set)
        for key in self.own:
            if key.date is not None:
                known[key.undated].add(key.date)
        for found in mentions.values():
            for mention in found:
                if mention.date is not None:
                    known[mention.key.undated].add(mention.date)
        self.by_key: dict[Key, CitedDocument] = {}
        self.by_doc: dict[str, list[Mention]] = {}
        for doc in documents:
            own_key = document_key(doc)
            local: dict[Undated, set[DocDate]] = defaultdict(set)
            for mention in mentions[doc.id]:
                if mention.date is not None:
                    local[mention.key.undated].add(mention.date)
            kept = []
            for mention in mentions[doc.id]:
                key, candidates = _resolve(mention, local, known)
                if key == own_key:
                    continue  # a document naming its own number does not cite itself
                cited = self.by_key.get(key)
                if cited is None:
                    cited = CitedDocument(key, mention.symbol, mention.issuer)
                    cited.document = self.own.get(key)
                    cited.ambiguous = len(candidates) > 1
                    cited.candidates = candidates if cited.ambiguous else []
                    self.by_key[key] = cited
                cited.issuer = cited.issuer or mention.issuer
                cited.mentions.append(mention)
                mention.target = cited
                kept.append(mention)
            self.by_doc[doc.id] = kept
        _assign_urls(list(self.by_key.values()))
        self.cited = sorted(self.by_key.values(), key=_directory_order)
        self.ranked = sorted(self.by_key.values(), key=lambda c: (-c.count, fold(c.title)))

    def cites(self, doc: Document) -> list[CitedDocument]:
        """Distinct documents ``doc`` cites, in order of first mention."""
        seen: dict[Key, CitedDocument] = {}
        for mention in self.by_doc.get(doc.id, []):
            if mention.target is not None:
                seen.setdefault(mention.target.key, mention.target)
        return list(seen.values())

    def cited_as(self, doc: Document) -> CitedDocument | None:
        """``doc`` as a cited document (its page lists who cites it), None if uncited."""
        key = document_key(doc)
        return self.by_key.get(key) if key else None

    def cited_by(self, doc: Document) -> list[tuple[Document, list[Mention]]]:
        """Documents citing ``doc``, with the mentions (sentences) in each."""
        cited = self.cited_as(doc)
        return cited.citing if cited else []

    def candidate(self, key: Key) -> tuple[str, str]:
        """URL and title of one candidate of an ambiguous citation."""
        if key in self.own:
            doc = self.own[key]
            return doc.url, f"{doc.type.label} số {doc.number} {doc.date.vietnamese()}"
        cited = self.by_key[key]
        return cited.link, cited.title

    def links(self, doc: Document) -> list[Link]:
        """Links for the citations in the body of ``doc``, in text order."""
        return [
            Link(
                m.symbol.key,
                m.target.link,
                m.target.title,
                m.target.ambiguous,
                m.target.document is not None,
            )
            for m in self.by_doc.get(doc.id, [])
            if m.citation is not None and not m.citation.in_link and m.target is not None
        ]

    def references(self, doc: Document, base_url: str) -> list[dict[str, Any]]:
        """Open-data entries of what ``doc`` cites (``references`` in documents.json)."""
        entries = []
        for cited in self.cites(doc):
            declared = any(m.declared for m in self.by_doc[doc.id] if m.target is cited)
            entries.append({**_summary(cited, base_url), "declared": declared})
        return entries

    def resolutions(self, base_url: str) -> list[dict[str, Any]]:
        """Open-data entries of every cited document (``api/resolutions.json``)."""
        return [
            {
                **_summary(cited, base_url),
                "issuer_text": cited.issuer,
                "scope": {
                    "province": cited.key.scope.province,
                    "district": cited.key.scope.district,
                },
                "candidates": [k.text() for k in cited.candidates],
                "cited_by": [doc.id for doc, _ in cited.citing],
            }
            for cited in self.cited
        ]


def _summary(cited: CitedDocument, base_url: str) -> dict[str, Any]:
    return {
        "key": cited.key.text(),
        "url": base_url + cited.url,
        "number": cited.number,
        "type": cited.kind.slug,
        "type_label": cited.kind.label,
        "date": cited.date.iso() if cited.date else None,
        "issuer": cited.group,
        "ambiguous": cited.ambiguous,
        "document": cited.document.id if cited.document else None,
    }


def _resolve(
    mention: Mention, local: dict[Undated, set[DocDate]], known: dict[Undated, set[DocDate]]
) -> tuple[Key, list[Key]]:
    """Key of the cited document, and the candidates when an undated citation fits several.

    An undated citation takes the date of a dated mention of the same number in the same
    document, else of the one known document that fits; several: ambiguous, never guessed.
    """
    key = mention.key
    if key.date is not None:
        return key, []
    year = mention.symbol.year
    for dates in (local.get(key.undated, set()), known.get(key.undated, set())):
        fitting = sorted(d for d in dates if year is None or d.year == year)
        if len(fitting) == 1:
            return Key(key.scope, key.kind, key.number, fitting[0]), []
        if len(fitting) > 1:
            return key, [Key(key.scope, key.kind, key.number, d) for d in fitting]
    return key, []


def _assign_urls(cited: list[CitedDocument]) -> None:
    """``trich-dan/<scope>/<kind>/<year>/<number>/``; documents sharing one get their date."""
    by_url: dict[str, list[CitedDocument]] = defaultdict(list)
    for item in cited:
        year = str(item.year) if item.year else "khong-ro-nam"
        base = f"{CITED_URL}{item.key.scope.path}/{item.key.kind}/{year}/{slugify(item.number)}"
        by_url[base].append(item)
    for base, group in by_url.items():
        for item in group:
            suffix = ""
            if len(group) > 1:
                suffix = "-" + (item.date.iso() if item.date else "khong-ro-ngay")
            item.url = f"{base}{suffix}/"


def _directory_order(cited: CitedDocument) -> tuple[Any, ...]:
    return (fold(cited.group), cited.kind.label, -cited.count, fold(cited.number))


def grouped(items: list[CitedDocument]) -> list[tuple[str, list[tuple[str, list[CitedDocument]]]]]:
    """Items (in directory order) grouped by issuing body, then by kind."""
    return [
        (group, [(label, list(kind)) for label, kind in groupby(by_group, lambda c: c.kind.label)])
        for group, by_group in groupby(items, lambda c: c.group)
    ]
