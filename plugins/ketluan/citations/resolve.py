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
from functools import cached_property, lru_cache

from ketluan.citations.matchers import Citation, extract
from ketluan.citations.prose import prose
from ketluan.citations.stated import Stated, stated
from ketluan.core.dates import DocDate
from ketluan.core.kinds import KINDS, Kind
from ketluan.core.model import NATIONWIDE, Document
from ketluan.core.placenames import DISTRICT_IN_ISSUER, PROVINCE_IN_ISSUER
from ketluan.core.places import Location
from ketluan.core.symbols import Symbol, kind_of, parse_symbol
from ketluan.core.text import fold, new_tone_placement, nfc, slugify

UNKNOWN_DISTRICT = "(chưa rõ)"
UNKNOWN_PROVINCE = "(chưa rõ)"
"""The province of a local number (``/TU``, ``UBND``) cited by a central body's document
whose sentence names none."""
_NATIONAL_BODIES = {
    "CP": "Chính phủ",
    "TTG": "Thủ tướng Chính phủ",
    "VPCP": "Văn phòng Chính phủ",
    "BXD": "Bộ Xây dựng",
    "BTC": "Bộ Tài chính",
    "BNV": "Bộ Nội vụ",
    "BYT": "Bộ Y tế",
    "BCT": "Bộ Công Thương",
    "BTP": "Bộ Tư pháp",
    "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BKHDT": "Bộ Kế hoạch và Đầu tư",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BGDDT": "Bộ Giáo dục và Đào tạo",
    "BGTVT": "Bộ Giao thông vận tải",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "NHNN": "Ngân hàng Nhà nước Việt Nam",
}


@dataclass(frozen=True, order=True)
class Scope:
    """Where a cited document's issuer sits: nowhere (national), a province, a district."""

    province: str | None = None
    district: str | None = None
    place: Location | None = field(default=None, compare=False, repr=False)
    """The gazetteer unit when the scope is the citing document's own place (it then has a
    place page, and a history after the 2025 merger); not part of the identity."""

    @cached_property
    def path(self) -> str:
        """URL segment(s): ``toan-quoc``, ``bac-giang``, ``bac-giang/son-dong``."""
        if self.province is None:
            return "toan-quoc"
        parts = [slugify(self.province)]
        if self.district is not None:
            parts.append(
                slugify(self.district) if self.district != UNKNOWN_DISTRICT else "huyen-chua-ro"
            )
        return "/".join(parts)

    @property
    def label(self) -> str:
        """Vietnamese place: "toàn quốc", "tỉnh Bắc Giang", "huyện Sơn Động, tỉnh Bắc Giang"."""
        if self.province is None:
            return NATIONWIDE
        if self.place is not None:
            return self.place.label
        if self.district is None:
            return f"tỉnh {self.province}"
        return f"huyện {self.district}, tỉnh {self.province}"


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


@lru_cache(maxsize=4096)
def _name(value: str) -> str:
    """A place name in one spelling: NFC, new tone placement, each word capitalised
    ("Bắc giang", "Bắc Giang" and "bắc giang" are one scope)."""
    words = new_tone_placement(nfc(value)).split()
    return " ".join(w[:1].upper() + w[1:] for w in words)


def _place(said: str, own: str | None) -> str:
    """A place named in a sentence; the citing document's own place when the sentence names
    it followed by more capitalised words ("tỉnh Điện Biên Sở ...")."""
    if own and fold(said).startswith(fold(own) + " "):
        return _name(own)
    return _name(said)


def scope_of(symbol: Symbol, issuer: str | None, doc: Document) -> Scope:
    """The scope of a cited document, with the gazetteer unit when it is the citing
    document's own place."""
    scope = _scope_of(symbol, issuer, doc)
    where = doc.location
    if where is None or scope.province is None:
        return scope
    if fold(scope.province) != fold(where.province.name):
        return scope
    if scope.district is None:
        return replace(scope, place=Location(where.province))
    if where.district is not None and fold(scope.district) == fold(where.district.name):
        return replace(scope, place=where)
    return scope


@lru_cache(maxsize=4096)
def _named_places(said: str) -> tuple[str | None, str | None, bool]:
    """The province and the district an issuer names, and whether it says "huyện": read
    once per issuer (a long issuer shared by a list of citations is not reread for each)."""
    province = PROVINCE_IN_ISSUER.search(said)
    district = DISTRICT_IN_ISSUER.search(said)
    return (
        province[1] if province else None,
        district[1] if district else None,
        "huyen" in fold(said),
    )


def _scope_of(symbol: Symbol, issuer: str | None, doc: Document) -> Scope:
    """The scope of a cited document, read from its symbol, the issuer the sentence names
    and, for what neither says, the citing document's place at the time it was issued."""
    province, district, says_district = _named_places(issuer or "")
    own_province = _name(doc.province) if doc.province is not None else UNKNOWN_PROVINCE
    province_name = _place(province, doc.province) if province else own_province
    district_name = (
        _place(district, doc.district)
        if district
        else (_name(doc.district) if doc.district else UNKNOWN_DISTRICT)
    )
    code = symbol.issuer_code
    if symbol.party:
        if code.endswith("TW"):
            return Scope()
        if code.endswith("TU"):
            return Scope(province_name)
        if code.endswith(("HU", "QU")):
            return Scope(province_name, district_name)
        return Scope(province_name, _name(doc.district) if doc.district else None)
    parts = code.split("-")
    if any(p in ("UBND", "HDND") or (p.startswith("S") and len(p) <= 5) for p in parts):
        if says_district or district:
            return Scope(province_name, district_name)
        return Scope(province_name)
    return Scope()


def issuer_group(symbol: Symbol, scope: Scope) -> str:
    """The body a cited document belongs to, for grouping: Tỉnh ủy Bắc Giang, Bộ Xây dựng."""
    code = symbol.issuer_code
    place = scope.district if scope.district else scope.province
    if symbol.party:
        if scope.province is None:
            return "Trung ương Đảng"
        if code.endswith("TU"):
            return f"Tỉnh ủy {scope.province}"
        if code.endswith(("HU", "QU")):
            return f"Huyện ủy {scope.district}"
        return f"Cấp ủy {place} ({symbol.text.split('/')[-1]})"
    level = "huyện" if scope.district else "tỉnh"
    parts = code.split("-")
    if "HDND" in parts:
        return f"HĐND {level} {place}"
    if scope.province is not None:
        return f"UBND {level} {place}"
    for part in parts:
        body = _NATIONAL_BODIES.get(part) or _national(part)
        if body:
            return body
    return parts[-1]


def _national(code: str) -> str | None:
    if code.startswith("UBTVQH"):
        return "Ủy ban Thường vụ Quốc hội"
    if code.startswith("QH"):
        return "Quốc hội"
    return None


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
    def title(self) -> str:
        """How staff would cite it: Nghị quyết số 27-NQ/HU ngày 24/02/2021 (Huyện ủy Sơn Động)."""
        date = self.key.date
        when = (
            "" if date is None else f" ngày {date.short()}" if date.day else f" {date.vietnamese()}"
        )
        return f"{self.kind.label} số {self.number}{when} ({self.group})"

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
