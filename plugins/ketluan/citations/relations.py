"""Relations between documents, resolved across the corpus, and the status they leave.

A relation is stated by a document of the corpus, in its text (detected:
``citations.stated``) or in its front matter (declared: ``relations:``), about another
document: one of the corpus, or a cited document outside it. Declarations win: a declared
relation to a document replaces what was detected about that document, and ``remove: true``
drops one detection. Each relation is kept once, from both ends (``outgoing`` of the
stating document, ``incoming`` of the other), so pages show it with its inverse. The
status of a document follows from what replaces, repeals or amends it, from its own
``status`` and ``valid_until`` and from the day the site is built; URLs and words are the
site's business.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ketluan.citations.index import CitationIndex
from ketluan.citations.resolve import CitedDocument, Mention, document_key, scope_of
from ketluan.core.dates import DocDate
from ketluan.core.model import Document
from ketluan.core.relations import FORCES, RELATION_KINDS, DeclaredRelation, Force, RelationKind
from ketluan.core.symbols import kind_of, parse_symbol

Node = Document | CitedDocument
"""One end of a relation: a document of the corpus, or a cited document outside it."""


def node_key(node: Node) -> tuple[str, object]:
    """What tells two nodes apart: a document by its file, a cited document by its key."""
    if isinstance(node, Document):
        return ("doc", node.source)
    if node.document is not None:
        return ("doc", node.document.source)
    return ("cited", node.key)


@dataclass(frozen=True, eq=False)
class Edge:
    """A relation ``source`` states about ``target``."""

    source: Document
    kind: RelationKind
    target: Node
    detected: bool
    """True when read in the text, False when front matter declares it."""
    partial: bool = False
    """A repeal of a part only (hết hiệu lực một phần)."""
    sentence: str = ""
    """The sentence stating it, for a detected relation."""


@dataclass(frozen=True)
class Status:
    """The legal force of a document: what decides it and since when."""

    force: Force
    by: tuple[Edge, ...] = ()
    """The relations deciding it (what replaces, repeals or amends it), oldest first."""
    since: DocDate | None = None
    """When it ceased to be (wholly or partly) in force, when known."""
    declared: bool = False
    """True when front matter ``status`` decided it."""
    valid_until: DocDate | None = None


def relation_mentions(
    doc: Document, mentions: list[Mention], by_id: dict[str, Document]
) -> list[Mention]:
    """Declared citations for the relations of ``doc`` that name a document its text (or
    ``references:``) does not cite with that date, so that every relation has a cited
    document at its other end."""
    added: list[Mention] = []
    for relation in doc.relations:
        if relation.remove:
            continue
        target = by_id.get(relation.document or "")
        symbol = parse_symbol(target.number or "" if target else relation.number or "")
        if symbol is None:
            continue  # an unnumbered document of the corpus: no cited document
        date = target.date if target else relation.date
        if any(_fits(m, symbol.key, date) for m in [*mentions, *added]):
            continue
        key = document_key(target) if target else None
        scope = key.scope if key else scope_of(symbol, relation.issuer, doc)
        kind = key.kind if key else relation.type or kind_of(None, symbol)
        issuer = target.issuer if target else relation.issuer
        added.append(Mention(doc, None, symbol, kind, date, issuer, scope, declared=True))
    return added


def _fits(mention: Mention, number: str, date: DocDate | None) -> bool:
    return mention.symbol.key == number and (date is None or mention.date == date)


class RelationIndex:
    """Every relation of the corpus from both ends, and the status of every node."""

    def __init__(self, documents: list[Document], citations: CitationIndex, as_of: dt.date) -> None:
        """``as_of``: the day the site describes (a ``valid_until`` before it has passed)."""
        self.as_of = as_of
        self.by_id = {doc.id: doc for doc in documents}
        self.citations = citations
        self.notes: list[str] = []
        """One line per declaration that changed nothing or contradicts the relations."""
        self._out: dict[str, list[Edge]] = {}
        self._in: dict[tuple[str, object], list[Edge]] = defaultdict(list)
        for doc in documents:
            edges = self._edges(doc)
            self._out[doc.source] = edges
            for edge in edges:
                self._in[node_key(edge.target)].append(edge)
        for edges in self._in.values():
            edges.sort(key=lambda e: (e.source.date, e.source.number or "", e.source.id))
        self._status: dict[tuple[str, object], Status | None] = {}
        for doc in documents:
            self.status(doc)

    def outgoing(self, doc: Document) -> list[Edge]:
        """What ``doc`` states about other documents, in the order of ``RELATION_KINDS``."""
        return self._out.get(doc.source, [])

    def incoming(self, node: Node) -> list[Edge]:
        """What other documents state about ``node``, oldest first."""
        return self._in.get(node_key(node), [])

    def _edges(self, doc: Document) -> list[Edge]:
        """Detected relations of ``doc``, then its declarations applied."""
        edges: dict[tuple[str, tuple[str, object]], Edge] = {}
        for mention, cited in self.citations.resolved(doc):
            if mention.stated is None or cited is None:
                continue  # nothing stated, or its own number
            kind = RELATION_KINDS[mention.stated.kind]
            target = cited.document or cited
            edge = Edge(doc, kind, target, True, mention.stated.partial, mention.sentence)
            edges.setdefault((kind.slug, node_key(target)), edge)
        declared: dict[tuple[str, tuple[str, object]], Edge] = {}
        for relation in doc.relations:
            target = self._target(doc, relation)
            if target is None:
                continue
            key = (relation.kind, node_key(target))
            if relation.remove:
                if edges.pop(key, None) is None:
                    self._note(doc, relation, "removes a relation the text does not state")
                continue
            kind = RELATION_KINDS[relation.kind]
            declared[key] = Edge(doc, kind, target, False, relation.partial)
        overridden = {key[1] for key in declared}
        kept = [e for k, e in edges.items() if k[1] not in overridden] + list(declared.values())
        order = list(RELATION_KINDS)
        return sorted(kept, key=lambda e: order.index(e.kind.slug))

    def _target(self, doc: Document, relation: DeclaredRelation) -> Node | None:
        """The other end of a declared relation: the document of that id, or the cited
        document the mention of that number (and date) resolved to."""
        if relation.document is not None:
            return self.by_id[relation.document]  # checked when the corpus was read
        symbol = parse_symbol(relation.number or "")
        if symbol is None:
            return None
        fitting = [
            cited
            for mention, cited in self.citations.resolved(doc)
            if mention.symbol.key == symbol.key
            and (relation.date is None or relation.date in (mention.date, cited and cited.date))
        ]
        if not fitting:  # not cited: only a removal can name it (the rest were added)
            self._note(doc, relation, "removes a relation the text does not state")
            return None
        if fitting[0] is None:
            self._note(doc, relation, f"{relation.number} is this document's own number")
            return None
        return fitting[0].document or fitting[0]

    def _note(self, doc: Document, relation: DeclaredRelation, what: str) -> None:
        line = doc.lines.get(relation.where, 1)
        self.notes.append(f"{doc.source}:{line}: note: {relation.where}: {what}")

    def status(self, node: Node) -> Status | None:
        """The legal force of ``node``: None for news and for a cited document outside the
        corpus that nothing is known to change."""
        key = node_key(node)
        if key not in self._status:
            self._status[key] = self._compute(node)
        return self._status[key]

    def _compute(self, node: Node) -> Status | None:
        doc = node if isinstance(node, Document) else node.document
        if doc is not None and doc.type.news:
            return None
        changes = [e for e in self.incoming(node) if e.kind.change]
        computed = _computed(changes, doc, self.as_of)
        if doc is None or doc.status is None:
            if doc is None and computed.force.key == "con-hieu-luc":
                return None  # outside the corpus, nothing known
            return computed
        declared = FORCES[doc.status]
        said, found = _RANK[declared.legal_force], _RANK[computed.force.legal_force]
        if said == found:
            return computed
        if said < found and computed.by:
            by = ", ".join(e.source.source for e in computed.by)
            self.notes.append(
                f"{doc.source}:{doc.lines.get('status', 1)}: note: status: {doc.status} "
                f"contradicts {by} ({computed.force.label}); the page shows {doc.status}"
            )
        return Status(declared, (), None, True, doc.valid_until)

    def forces(self) -> dict[str, Force]:
        """The force of each document with one, by source path."""
        found = {}
        for source, status in self._status.items():
            if source[0] == "doc" and status is not None:
                found[str(source[1])] = status.force
        return found


_RANK = {"InForce": 0, "PartiallyInForce": 1, "NotInForce": 2}


def _computed(changes: list[Edge], doc: Document | None, as_of: dt.date) -> Status:
    """Status from the relations changing a node (oldest first) and its ``valid_until``."""
    until = doc.valid_until if doc else None
    whole = {
        "thay-the": [e for e in changes if e.kind.slug == "thay-the"],
        "bai-bo": [e for e in changes if e.kind.slug == "bai-bo" and not e.partial],
    }
    for slug, force in (("thay-the", "bi-thay-the"), ("bai-bo", "het-hieu-luc")):
        if whole[slug]:
            by = tuple(whole[slug])
            return Status(FORCES[force], by, by[0].source.date, valid_until=until)
    if until is not None and until.last_day() < as_of.isoformat():
        return Status(FORCES["het-hieu-luc"], (), until, valid_until=until)
    partial = tuple(e for e in changes if e.kind.slug == "bai-bo")
    if partial:
        since = partial[0].source.date
        return Status(FORCES["het-hieu-luc-mot-phan"], partial, since, False, until)
    amended = tuple(e for e in changes if e.kind.slug == "sua-doi")
    force = FORCES["duoc-sua-doi" if amended else "con-hieu-luc"]
    return Status(force, amended, None, False, until)
