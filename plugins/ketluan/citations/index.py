"""Every citation of the corpus resolved to a distinct cited document (the index phase).

Built from the mentions the cite phase extracted (``resolve.document_mentions``, once per
document); nothing here changes them: which document each mention points to is kept here.
URLs are the site's business (``ketluan.site.cited``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from itertools import groupby
from typing import Any

from ketluan.citations.resolve import (
    UNKNOWN_DISTRICT,
    CitedDocument,
    Key,
    Mention,
    document_key,
    document_mentions,
)
from ketluan.core.model import Document
from ketluan.core.text import fold

Resolved = tuple[Mention, CitedDocument | None]
"""A mention and the cited document it resolved to (None: the citing document itself)."""


class CitationIndex:
    """Cited documents of a corpus, the mentions of each, and what each document cites."""

    def __init__(
        self, documents: list[Document], mentions: Mapping[str, list[Mention]] | None = None
    ) -> None:
        """``mentions``: each document's, by source path (extracted here when None)."""
        self.own: dict[Key, Document] = {}
        for doc in documents:
            if (key := document_key(doc)) is not None:
                self.own.setdefault(key, doc)
        if mentions is None:
            mentions = {doc.source: document_mentions(doc) for doc in documents}
        known = _Known()
        for key in self.own:
            known.add(key)
        for found in mentions.values():
            for mention in found:
                known.add(mention.key)
        self.by_key: dict[Key, CitedDocument] = {}
        self.by_doc: dict[str, list[Resolved]] = {}
        for doc in documents:
            own_key = document_key(doc)
            local = _Known()
            for mention in mentions[doc.source]:
                local.add(mention.key)
            kept: list[Resolved] = []
            for mention in mentions[doc.source]:
                key, candidates = _resolve(mention, local, known, own_key)
                if key == own_key:
                    kept.append((mention, None))  # naming its own number: no citation, no link
                    continue
                cited = self.by_key.get(key)
                if cited is None:
                    cited = CitedDocument(key, mention.symbol, mention.issuer)
                    cited.document = self.own.get(key)
                    cited.ambiguous = len(candidates) > 1
                    cited.candidates = candidates if cited.ambiguous else []
                    self.by_key[key] = cited
                cited.issuer = cited.issuer or mention.issuer
                cited.mentions.append(mention)
                kept.append((mention, cited))
            self.by_doc[doc.source] = kept
        self.cited = sorted(self.by_key.values(), key=_directory_order)
        self.ranked = sorted(self.by_key.values(), key=lambda c: (-c.count, fold(c.title)))

    def cites(self, doc: Document) -> list[CitedDocument]:
        """Distinct documents ``doc`` cites, in order of first mention."""
        seen: dict[Key, CitedDocument] = {}
        for _, target in self.by_doc.get(doc.source, []):
            if target is not None:
                seen.setdefault(target.key, target)
        return list(seen.values())

    def resolved(self, doc: Document) -> list[Resolved]:
        """The mentions of ``doc`` in text order, each with the document it cites."""
        return self.by_doc.get(doc.source, [])

    def cited_as(self, doc: Document) -> CitedDocument | None:
        """``doc`` as a cited document (its page lists who cites it), None if uncited."""
        key = document_key(doc)
        return self.by_key.get(key) if key else None

    def cited_by(self, doc: Document) -> list[tuple[Document, list[Mention]]]:
        """Documents citing ``doc``, with the mentions (sentences) in each."""
        cited = self.cited_as(doc)
        return cited.citing if cited else []

    def candidate_title(self, key: Key) -> str:
        """How one candidate of an ambiguous citation is named."""
        if key in self.own:
            doc = self.own[key]
            return f"{doc.type.label} số {doc.number} {doc.date.vietnamese()}"
        cited = self.by_key.get(key)
        if cited is None:  # not expected: candidates are documents or dated citations
            return f"{key.number} ({key.date.iso() if key.date else ''})"
        return cited.title

    def ambiguous_notes(self) -> list[str]:
        """One line per document citing an ambiguous number: what to write to settle it."""
        notes = []
        for cited in self.cited:
            if not cited.ambiguous:
                continue
            fits = ", ".join(self.candidate_title(k) for k in cited.candidates)
            for doc, _ in cited.citing:
                notes.append(
                    f"{doc.source}: note: {cited.heading} fits "
                    f"{len(cited.candidates)} documents ({fits}); write its date (or issuer) "
                    "under 'references:' to choose one"
                )
        return sorted(notes)


class _Known:
    """Complete keys (dated, district known) by province, kind and number, to match
    citations that leave the date or the district out."""

    def __init__(self) -> None:
        self.keys: dict[tuple[str | None, str, str], set[Key]] = defaultdict(set)

    def add(self, key: Key) -> None:
        if key.date is not None and key.scope.district != UNKNOWN_DISTRICT:
            self.keys[(key.scope.province, key.kind, key.number)].add(key)

    def fitting(self, key: Key, year: int | None) -> list[Key]:
        """Known keys that ``key`` may mean: same place (any district if it is unknown),
        same date if it has one, same year as a State number's year part."""
        found = []
        for known in self.keys.get((key.scope.province, key.kind, key.number), ()):
            if key.scope.district not in (UNKNOWN_DISTRICT, known.scope.district):
                continue
            if key.date is not None and known.date != key.date:
                continue
            if year is not None and known.date is not None and known.date.year != year:
                continue
            found.append(known)
        return sorted(found)


def _resolve(
    mention: Mention, local: _Known, known: _Known, own: Key | None = None
) -> tuple[Key, list[Key]]:
    """Key of the cited document, and the candidates when the citation fits several.

    A citation without a date (or, from a province-level document, without its district)
    takes them from a complete mention of the same number in the same document, else from
    the one known document that fits; several fit: ambiguous, never guessed. The citing
    document's own number without a date is the document itself.
    """
    key = mention.key
    if key.date is not None and key.scope.district != UNKNOWN_DISTRICT:
        return key, []
    if own is not None and key.date is None and own.undated == key.undated:
        return own, []  # the citing document's own number, undated: the document itself
    for pool in (local, known):
        fitting = pool.fitting(key, mention.symbol.year)
        if len(fitting) == 1:
            return fitting[0], []
        if len(fitting) > 1:
            return key, fitting
    return key, []


def _directory_order(cited: CitedDocument) -> tuple[Any, ...]:
    """Central bodies first, then province by province (province bodies before districts),
    Party before State within a place; inside a body by kind, most cited first."""
    scope = cited.key.scope
    return (
        scope.province is not None,
        fold(scope.province or ""),
        scope.district is not None,
        fold(scope.district or ""),
        not cited.symbol.party,
        fold(cited.group),
        cited.kind.label,
        -cited.count,
        fold(cited.number),
    )


def grouped(items: list[CitedDocument]) -> list[tuple[str, list[tuple[str, list[CitedDocument]]]]]:
    """Items (in directory order) grouped by issuing body, then by kind."""
    return [
        (group, [(label, list(kind)) for label, kind in groupby(by_group, lambda c: c.kind.label)])
        for group, by_group in groupby(items, lambda c: c.group)
    ]
