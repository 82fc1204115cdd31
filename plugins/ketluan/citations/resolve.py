"""Who issued a cited document, and which document it is: identity resolved in context.

A Party number such as ``27-NQ/HU`` restarts every term and every district committee uses
it, so a citation is read in the context of the citing document: ``/HU`` is the district
committee of the citing document (or the one the sentence names), ``/TU`` the citing
document's province as it was then, ``/TW`` the centre; ``UBND``/``HĐND`` numbers belong to
the province (or district) the sentence or the citing document names. The key of a cited
document is scope + kind + number + date; a citation without a date takes the date of the
one known document that fits, and is ambiguous when several fit.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from ketluan.citations.matchers import Citation, extract
from ketluan.citations.named import FORM as NAMED_FORM
from ketluan.citations.prose import prose
from ketluan.citations.scope import (
    UNKNOWN_DISTRICT as UNKNOWN_DISTRICT,
)
from ketluan.citations.scope import (
    UNKNOWN_PROVINCE as UNKNOWN_PROVINCE,
)
from ketluan.citations.scope import Scope as Scope
from ketluan.citations.scope import issuer_group as issuer_group
from ketluan.citations.scope import scope_of as scope_of
from ketluan.citations.stated import Stated, stated
from ketluan.core.dates import DocDate
from ketluan.core.kinds import KINDS, Kind
from ketluan.core.model import Document
from ketluan.core.symbols import Symbol, kind_of, parse_symbol


@dataclass(frozen=True, order=True)
class Key:
    """Identity of a cited document: scope + kind + folded number + date (None: unknown)."""

    scope: Scope
    kind: str
    number: str
    date: DocDate | None

    @property
    def undated(self) -> tuple[Scope, str, str]:
        """Scope, kind and number: the key without its date."""
        return (self.scope, self.kind, self.number)

    def text(self) -> str:
        """Stable text form for open data: ``bac-giang/son-dong:nghi-quyet:27-NQ/HU:2021-02-24``."""
        return f"{self.scope.path}:{self.kind}:{self.number}:{self.date.iso() if self.date else ''}"


@dataclass(frozen=True, eq=False)
class Mention:
    """One place where a document cites another (or declares it in ``references:``), as
    the cite phase read it; which document it resolves to is the index's
    (``ketluan.citations.index``)."""

    doc: Document
    citation: Citation | None
    symbol: Symbol
    kind: str
    date: DocDate | None
    issuer: str | None
    scope: Scope
    sentence: str = ""
    declared: bool = False
    """True when front matter ``references:`` names it (added or corrected there)."""
    surface: tuple[str, ...] = ()
    """How the citation reads in the rendered text, longest first: the span from the type
    word, and the symbol alone (what remains in one text node when markup splits the
    span). The linker finds these literally instead of extracting citations again."""
    stated: Stated | None = None
    """The relation the words around it state (``citations.stated``), None where none."""

    def __fingerprint__(self) -> object:
        """What a page showing this mention depends on, for the page cache: the citing
        document (the citation, scope and sentence derive from its text and this package's
        code, both in every key) and what the mention says; where it resolves to is in the
        context of the pages that show it."""
        said = (self.symbol.key, self.kind, self.date, self.issuer, self.sentence, self.stated)
        return (self.doc, said, self.declared)

    @property
    def explicit(self) -> bool:
        """True for a citation declared in front matter rather than found in the text."""
        return self.citation is None

    @property
    def key(self) -> Key:
        """The key as written (date possibly unknown)."""
        return Key(self.scope, self.kind, self.symbol.key, self.date)


@dataclass
class CitedDocument:
    """A distinct cited document (or an ambiguous undated citation) and who cites it."""

    key: Key
    symbol: Symbol
    issuer: str | None
    document: Document | None = None
    ambiguous: bool = False
    candidates: list[Key] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def kind(self) -> Kind:
        """Kind (type) with its Vietnamese label."""
        return KINDS[self.key.kind]

    @property
    def number(self) -> str:
        """Number as printed (normalised spaces)."""
        return self.symbol.text

    @property
    def date(self) -> DocDate | None:
        """Date of issue when known."""
        return self.key.date

    @property
    def group(self) -> str:
        """Issuing body for the directory: Tỉnh ủy Bắc Giang, Trung ương Đảng, Bộ Xây dựng."""
        return issuer_group(self.symbol, self.key.scope)

    @property
    def year(self) -> int | None:
        """Year of issue: from the date, or from the number of a State document."""
        return self.key.date.year if self.key.date else self.symbol.year

    @property
    def named(self) -> bool:
        """True for a document cited by name (a law, the Constitution): no số ký hiệu."""
        return self.symbol.form == NAMED_FORM

    @property
    def heading(self) -> str:
        """What it is called: ``Nghị quyết số 27-NQ/HU``, or its name (``Luật Đất đai``)."""
        return self.number if self.named else f"{self.kind.label} số {self.number}"

    @property
    def title(self) -> str:
        """How staff would cite it: Nghị quyết số 27-NQ/HU ngày 24/02/2021 (Huyện ủy Sơn Động)."""
        date = self.key.date
        when = (
            "" if date is None else f" ngày {date.short()}" if date.day else f" {date.vietnamese()}"
        )
        return f"{self.heading}{when} ({self.group})"

    @cached_property
    def citing(self) -> list[tuple[Document, list[Mention]]]:
        """Citing documents (newest first) with their mentions, in text order.
        Read once the index is complete (it is cached)."""
        by_doc: dict[str, tuple[Document, list[Mention]]] = {}
        for mention in self.mentions:
            by_doc.setdefault(mention.doc.source, (mention.doc, []))[1].append(mention)
        return sorted(by_doc.values(), key=lambda item: item[0].sort_key())

    @property
    def count(self) -> int:
        """How many documents cite it."""
        return len(self.citing)


def document_key(doc: Document) -> Key | None:
    """The key under which other documents cite ``doc`` (None when it has no number)."""
    symbol = parse_symbol(doc.number or "")
    if symbol is None:
        return None
    scope = scope_of(symbol, doc.issuer, doc)
    # Its own kind reads the code as its citations' word does: 96-QĐ/TW of a Quy định.
    return Key(scope, kind_of(doc.type.label, symbol), symbol.key, doc.date)


def document_mentions(doc: Document) -> list[Mention]:
    """Citations in the body of ``doc`` with its ``references:`` applied: a declared
    number overrides kind/date/issuer of its mentions, ``ignore`` drops them, and one the
    text does not mention is added."""
    body = prose(doc.body)
    declared = {}
    for ref in doc.references:
        symbol = parse_symbol(ref["number"])
        if symbol is not None:
            declared[symbol.key] = (symbol, ref)
    mentions = []
    seen = set()
    citations = extract(body.text)
    for citation, relation in zip(citations, stated(body, citations), strict=True):
        symbol = citation.symbol
        seen.add(symbol.key)
        kind, date, issuer = citation.kind, citation.date, citation.issuer
        if symbol.key in declared:
            ref = declared[symbol.key][1]
            if ref.get("ignore"):
                continue
            kind = ref.get("type") or kind
            date = ref.get("date") or date
            issuer = ref.get("issuer") or issuer
        if body.in_link(citation.start, citation.end):
            citation = replace(citation, in_link=True)
        sentence = body.sentence(citation.start, citation.tail)
        scope = scope_of(symbol, issuer, doc)
        mentions.append(
            Mention(
                doc,
                citation,
                symbol,
                kind,
                date,
                issuer,
                scope,
                sentence,
                symbol.key in declared,
                _surface(doc.body, body.text, citation),
                relation,
            )
        )
    for number, (symbol, ref) in declared.items():
        if number in seen or ref.get("ignore"):
            continue
        kind = ref.get("type") or kind_of(None, symbol)
        issuer = ref.get("issuer")
        scope = scope_of(symbol, issuer, doc)
        mention = Mention(doc, None, symbol, kind, ref.get("date"), issuer, scope, declared=True)
        mentions.append(mention)
    return mentions


def _surface(markdown: str, text: str, citation: Citation) -> tuple[str, ...]:
    """The literal spellings of a citation in the rendered text (see ``Mention.surface``):
    only spans that are plain prose, identical in the Markdown and in its masked text."""
    found = []
    for start in (citation.start, citation.symbol_start):
        span = markdown[start : citation.end]
        if span == text[start : citation.end] and span not in found:
            found.append(span)
    return tuple(found)
