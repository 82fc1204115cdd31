"""Build data as bytes: the state's records and planned pages, pickled with references.

A planned page refers to documents, their citations and the gazetteer's units. Pickled by
value, every list page would carry fifty documents; here a document is written as its
source path and the digest of everything it was made from (``Refs``), a mention as its
document's reference and its position, a province or district as its code. So the bytes
of a planned page are small and name exactly what the page was made from: their digest is
the page's key (``incremental``), and a stored page is read back against the documents of
the current build (``resolving``).

Values a ``functools.cached_property`` filled are left out (they derive from the rest,
and are there only once read), so the same page always gives the same bytes.
"""

from __future__ import annotations

import functools
import hashlib
import io
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ketluan.citations.resolve import Mention
from ketluan.core.model import Document
from ketluan.core.places import District, Province, gazetteer

DIGEST_SIZE = 20


def digest(*parts: bytes | str) -> str:
    """Hex digest of ``parts`` (each length-prefixed, so the parts cannot run together)."""
    h = hashlib.blake2b(digest_size=DIGEST_SIZE)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(b"%d:" % len(data))
        h.update(data)
    return h.hexdigest()


class Unread:
    """The body of a document held by the build: on disk, read by the renderer of its page
    (``bodies``). Any other use raises, so no planner or template can come to depend on
    a body without the build knowing: what pages show of a body goes through the analysis
    (citations, search terms, places named)."""

    __slots__ = ()

    def _refuse(self, *args: object) -> Any:
        raise TypeError(
            "a document body was read outside the page of its document; planners read "
            "what the analysis found in it (ketluan.build.analysis)"
        )

    __str__ = __bool__ = __len__ = __iter__ = __contains__ = __getitem__ = _refuse
    __add__ = __radd__ = __format__ = __getattr__ = _refuse

    def __reduce__(self) -> str:
        return "UNREAD"

    def __repr__(self) -> str:
        return "UNREAD"


UNREAD = Unread()
"""The one unread body."""


@dataclass
class Refs:
    """What references stand for in one build: each document's digest (its file's content
    digest and its id) and each mention's document and position."""

    digests: dict[int, str] = field(default_factory=dict)
    """``id(document)`` -> digest."""
    documents: dict[str, Document] = field(default_factory=dict)
    """Source path -> document, to read references back."""
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    """Source path -> the document's mentions, to read references back."""
    load: Callable[[str], None] | None = None
    """Called for a document referred to but not known yet (it ``add``s it): a build that
    plans only a few pages reads only the documents they show."""
    _positions: dict[int, int] = field(default_factory=dict)

    def add(self, doc: Document, content: str, mentions: list[Mention]) -> None:
        """Know ``doc`` (its file's content digest ``content``) and its ``mentions``."""
        self.digests[id(doc)] = digest(content, doc.id)
        self.documents[doc.source] = doc
        self.mentions[doc.source] = mentions
        for position, mention in enumerate(mentions):
            self._positions[id(mention)] = position

    def of(self, doc: Document) -> str:
        try:
            return self.digests[id(doc)]
        except KeyError:
            raise KeyError(f"{doc.source}: a document outside this build's corpus") from None

    def position(self, mention: Mention) -> int:
        return self._positions[id(mention)]

    def document(self, source: str) -> Document:
        """The document of ``source`` (loaded when needed)."""
        if source not in self.documents and self.load is not None:
            self.load(source)
        return self.documents[source]

    def mention(self, source: str, position: int) -> Mention:
        """A mention of the document of ``source``, by position."""
        self.document(source)
        return self.mentions[source][position]


class RefPickler(pickle.Pickler):
    """Pickles with gazetteer units as codes and, given ``refs``, documents and mentions
    as references; cached properties left out."""

    def __init__(self, file: io.BytesIO, refs: Refs | None = None) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.refs = refs

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        if kind is Province:
            return _province, (obj.current, obj.code)
        if kind is District:
            return _district, (obj.code,)
        refs = self.refs
        if refs is not None:
            if kind is Document:
                return _document, (obj.source, refs.of(obj))
            if kind is Mention:
                return _mention, (obj.doc.source, refs.position(obj), refs.of(obj.doc))
        cached = _cached_names(kind)
        if cached:
            state = getattr(obj, "__dict__", None)
            if state is not None and not cached.isdisjoint(state):
                kept = {name: value for name, value in state.items() if name not in cached}
                return _new, (kind,), kept
        return NotImplemented


def dumps(value: Any, refs: Refs | None = None) -> bytes:
    """``value`` as bytes (see the module docstring)."""
    buffer = io.BytesIO()
    RefPickler(buffer, refs).dump(value)
    return buffer.getvalue()


_READING: Refs | None = None


@contextmanager
def resolving(refs: Refs) -> Iterator[None]:
    """Read pickled references back as the documents and mentions of ``refs``."""
    global _READING
    previous, _READING = _READING, refs
    try:
        yield
    finally:
        _READING = previous


def loads(data: bytes) -> Any:
    """The value of bytes from ``dumps`` (inside ``resolving`` when they hold references)."""
    return pickle.loads(data)


def _province(current: bool, code: str) -> Province:
    g = gazetteer()
    return (g.current if current else g.former)[code]


def _district(code: str) -> District:
    return gazetteer().districts[code]


def _reading() -> Refs:
    if _READING is None:
        raise RuntimeError("references read outside ketluan.build.refs.resolving")
    return _READING


def _document(source: str, digest: str) -> Document:
    return _reading().document(source)


def _mention(source: str, position: int, digest: str) -> Mention:
    return _reading().mention(source, position)


def _new(kind: type) -> Any:
    return kind.__new__(kind)


@functools.cache
def _cached_names(kind: type) -> frozenset[str]:
    """Attributes ``functools.cached_property`` fills on instances of ``kind``."""
    return frozenset(
        name
        for klass in kind.__mro__
        for name, attr in vars(klass).items()
        if isinstance(attr, functools.cached_property)
    )
