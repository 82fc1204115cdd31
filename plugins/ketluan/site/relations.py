"""What pages show of relations and status: views of the related documents, the banner,
the relation diagram ("Lược đồ") and the list badges.

Pages hold views, never the related documents themselves: a page's cache key is its
context, so a page showing "replaced by Kết luận số 20-KL/HU ngày 06/05/2024" changes when
that number, date or URL changes, and not when an unrelated field of that document does.
A diagram shows at most ``SHOWN`` documents of a kind; a kind with more links to its full
list (``RelationListPage``), so a resolution cited by thousands stays a small page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ketluan.citations.index import CitationIndex
from ketluan.citations.relations import Edge, Node, RelationIndex, node_key
from ketluan.citations.resolve import CitedDocument
from ketluan.core.dates import DocDate
from ketluan.core.model import Document
from ketluan.core.relations import RELATION_KINDS, Force, RelationKind
from ketluan.site import labels, urls
from ketluan.site.cited import CitedUrls

SHOWN = 5
"""Documents of one kind a diagram shows; more are on the kind's full list."""
CITES = "trich-dan"
"""Slug of the diagram's groups of plain citations (no relation stated)."""


@dataclass(frozen=True)
class NodeView:
    """A related document as a page shows it."""

    url: str
    label: str
    """How staff name it: "Kết luận số 12-KL/HU"."""
    number: str | None
    date: DocDate | None
    issuer: str
    title: str | None
    """Its title, when the portal has its text."""
    force: Force | None
    """Its status when it is not simply in force (a badge beside it), else None."""


@dataclass(frozen=True)
class EdgeView:
    """One relation as the page of one of its ends shows the other end."""

    kind: str
    """Relation slug, or ``CITES`` for a plain citation."""
    label: str
    """What it is from the page's end: "Thay thế" (outgoing), "Bị thay thế bởi" (incoming)."""
    node: NodeView
    detected: bool
    partial: bool = False


@dataclass(frozen=True)
class Group:
    """The documents of one kind in a diagram: heading, total, the first ``SHOWN`` (or all)
    and where the rest are."""

    kind: str
    heading: str
    count: int
    items: tuple[EdgeView, ...]
    more_url: str | None = None
    """The full list, site-relative (None: every item is shown, or ``more_anchor``)."""
    more_anchor: str | None = None
    """The full list further down the same page."""


@dataclass(frozen=True)
class StatusView:
    """A document's status as its banner, metadata panel and diagram show it."""

    force: Force
    by: tuple[NodeView, ...]
    """What replaces, repeals or amends it, oldest first."""
    since: DocDate | None
    declared: bool
    valid_until: DocDate | None
    url: str | None = None
    """The browse page of documents with this status (documents of the portal only)."""


@dataclass(frozen=True)
class Diagram:
    """The relation diagram of a document: what it rests on above, itself, what rests on it
    below."""

    center: NodeView
    status: StatusView | None
    above: tuple[Group, ...]
    below: tuple[Group, ...]

    @property
    def empty(self) -> bool:
        """True when no related document is known."""
        return not self.above and not self.below


class RelationViews:
    """Views of the relations and statuses of a corpus, each node's made once."""

    def __init__(self, relations: RelationIndex, citations: CitationIndex, where: CitedUrls):
        self.relations, self.citations, self.where = relations, citations, where
        self._nodes: dict[tuple[str, object], NodeView] = {}

    def node(self, node: Node) -> NodeView:
        """The view of ``node`` (memoised: a much-cited document is viewed once)."""
        key = node_key(node)
        if key not in self._nodes:
            self._nodes[key] = self._view(node)
        return self._nodes[key]

    def _view(self, node: Node) -> NodeView:
        status = self.relations.status(node)
        force = status.force if status and status.force.key != "con-hieu-luc" else None
        doc = node if isinstance(node, Document) else node.document
        if doc is not None:
            label = f"{doc.type.label} số {doc.number}" if doc.number else doc.type.label
            url = urls.document(doc)
            return NodeView(url, label, doc.number, doc.date, doc.issuer, doc.title, force)
        assert isinstance(node, CitedDocument)
        label = node.heading
        url = self.where.link(node)
        return NodeView(url, label, node.number, node.date, node.group, None, force)

    def status(self, node: Node) -> StatusView | None:
        """The status of ``node`` as pages show it, None when unknown (news, or a cited
        document nothing is known to change)."""
        status = self.relations.status(node)
        if status is None:
            return None
        by = tuple(self.node(edge.source) for edge in status.by)
        url = urls.status(status.force.key) if isinstance(node, Document) else None
        return StatusView(status.force, by, status.since, status.declared, status.valid_until, url)

    def edge(self, edge: Edge, outgoing: bool) -> EdgeView:
        """``edge`` seen from its source (``outgoing``) or from its target."""
        node = self.node(edge.target if outgoing else edge.source)
        label = edge.kind.label if outgoing else edge.kind.inverse
        return EdgeView(edge.kind.slug, label, node, edge.detected, edge.partial)

    def cite(self, node: Node, outgoing: bool) -> EdgeView:
        """A plain citation of ``node`` (``outgoing``) or by it."""
        label = labels.CITES if outgoing else labels.CITED_BY
        return EdgeView(CITES, label, self.node(node), False)

    def cited_page(self, node: Node) -> str | None:
        """The cited-document page of ``node``, which lists every document citing it."""
        cited = node if isinstance(node, CitedDocument) else self.citations.cited_as(node)
        return self.where.page(cited) if cited is not None else None

    def list_url(self, node: Node, kind: str, count: int) -> str | None:
        """The full list of the documents stating ``kind`` of ``node``, when a diagram
        shows only some of them (``count`` over ``SHOWN``) and the node has a page for it."""
        page = self.cited_page(node)
        return urls.relation_list(page, kind) if page and count > SHOWN else None

    def diagram(self, node: Node, cites_anchor: str | None = None) -> Diagram:
        """The diagram of ``node``: above, what it states of others (and cites), below what
        others state of it (and the documents only citing it)."""
        doc = node if isinstance(node, Document) else node.document
        above = self._above(doc, cites_anchor) if doc is not None else ()
        return Diagram(self.node(node), self.status(node), above, self._below(node))

    def _above(self, doc: Document, cites_anchor: str | None) -> tuple[Group, ...]:
        edges = self.relations.outgoing(doc)
        groups = [
            Group(kind.slug, kind.targets, len(items), tuple(self.edge(e, True) for e in items))
            for kind, items in by_kind(edges)
        ]
        related = {node_key(e.target) for e in edges}
        plain = [c for c in self.citations.cites(doc) if node_key(c.document or c) not in related]
        if plain:
            views = tuple(self.cite(c.document or c, outgoing=True) for c in plain)
            group = Group(CITES, labels.CITED_TITLE, len(plain), views)
            if len(plain) > SHOWN:  # all of them are listed on the document's page
                more = {"more_anchor": cites_anchor} if cites_anchor else {
                    "more_url": urls.document(doc)
                }  # fmt: skip
                group = replace(group, items=views[:SHOWN], **more)
            groups.append(group)
        return tuple(groups)

    def _below(self, node: Node) -> tuple[Group, ...]:
        edges = sorted(self.relations.incoming(node), key=lambda e: e.source.sort_key())
        groups = []
        for kind, items in by_kind(edges):
            url = self.list_url(node, kind.slug, len(items))
            shown = items[:SHOWN] if url else items
            views = tuple(self.edge(e, False) for e in shown)
            groups.append(Group(kind.slug, kind.sources, len(items), views, url))
        cited = node if isinstance(node, CitedDocument) else self.citations.cited_as(node)
        if cited is not None:
            related = {e.source.source for e in edges}
            plain = [d for d, _ in cited.citing if d.source not in related]
            if plain:
                views = tuple(self.cite(d, outgoing=False) for d in plain[:SHOWN])
                url = self.where.page(cited) if len(plain) > SHOWN else None
                groups.append(Group(CITES, labels.CITING_TITLE, len(plain), views, url))
        return tuple(groups)

    def roles(self, node: Node) -> dict[str, tuple[str, ...]]:
        """For each document stating a relation of ``node``, by id, what it does to it
        ("Thực hiện", "Thay thế"): the badges of the list of documents citing it."""
        found: dict[str, tuple[str, ...]] = {}
        for edge in self.relations.incoming(node):
            found[edge.source.id] = (*found.get(edge.source.id, ()), edge.kind.label)
        return found

    def badge(self, doc: Document) -> Force | None:
        """The status a list shows beside ``doc`` (None when simply in force)."""
        return self.node(doc).force


def by_kind(edges: list[Edge]) -> list[tuple[RelationKind, list[Edge]]]:
    """Edges grouped by kind, in the order of ``RELATION_KINDS``, each in ``edges`` order."""
    groups: dict[str, tuple[RelationKind, list[Edge]]] = {}
    for edge in edges:
        groups.setdefault(edge.kind.slug, (edge.kind, []))[1].append(edge)
    return [groups[slug] for slug in RELATION_KINDS if slug in groups]
