"""The document model: what a conclusion is, its identity and its stable URL."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ketluan.core.dates import DocDate
from ketluan.core.ids import DocumentId, DocumentKey, leaf, url_problems
from ketluan.core.kinds import KINDS, Kind
from ketluan.core.levels import CENTRAL, PROVINCE, Level, commune_parts, derive
from ketluan.core.symbols import parse_symbol
from ketluan.core.text import fold

if TYPE_CHECKING:
    from ketluan.core.places import Location
    from ketluan.core.relations import DeclaredRelation
    from ketluan.core.task_schema import DeclaredTask


TypeInfo = Kind
"""A document's type is a kind of the catalogue (``ketluan.core.kinds``)."""

BUILTIN_TYPES: dict[str, Kind] = dict(KINDS)
"""Every built-in kind a document may have, by slug (``type:`` in front matter)."""

NATIONWIDE = "toàn quốc"
"""Địa bàn of a central body's document."""
CAPITAL = "Hà Nội"
"""Where central bodies sit: the place on their letterhead's date line."""


@dataclass(frozen=True)
class Signer:
    """Signature block: authority lines (T/M Ban Thường vụ, K/T Bí thư), title (Phó Bí
    thư), name."""

    name: str
    title: str | None = None
    authority: str | None = None
    """The authority lines as one text, outermost first: "T/M Ban Thường vụ / K/T Bí thư"
    (a v1 file's one line as written)."""
    chain: tuple[str, ...] = ()
    """The authority lines, outermost first: ("T/M Ban Thường vụ", "K/T Bí thư")."""

    def __post_init__(self) -> None:
        if self.authority and not self.chain:
            object.__setattr__(self, "chain", (self.authority,))
        elif self.chain and not self.authority:
            object.__setattr__(self, "authority", " / ".join(self.chain))


@dataclass
class Document:
    """One conclusion, validated and normalised (NFC); ``body`` is its Markdown text."""

    source: str
    title: str
    type: TypeInfo
    number: str | None
    date: DocDate
    issuer: str
    """The issuing body; of a joint document, the lead one (first of ``issuers``)."""
    province: str | None
    """Province of the date's map; None for central bodies."""
    district: str | None
    body: str
    body_line: int = 1
    meeting: str | None = None
    signer: Signer | None = None
    author: str | None = None
    recipients: list[str] = field(default_factory=list)
    references: list[Any] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    doc_id: DocumentId = field(default_factory=lambda: DocumentId("", "", 0, ""))
    """Where the document lives (``ketluan.core.ids``); set by ``build_document``, made
    unique across the corpus by ``corpus``."""
    location: Location | None = None
    """Province (and district) of the document's date in the gazetteer (ketluan.places)."""
    lines: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    """Line of each front matter field in ``source``, for problems found across files."""
    level: Level = PROVINCE
    """Level of the issuer (``ketluan.core.levels``): written, or derived from the issuer."""
    commune: str | None = None
    """Commune, ward or special zone of a commune-level body, as written."""
    issuers: list[str] = field(default_factory=list)
    """Every issuing body, the lead first; one for most documents (set from ``issuer``)."""
    signers: list[Signer] = field(default_factory=list)
    """Every signature block as on paper, left to right; ``signer`` is the first."""

    def __post_init__(self) -> None:
        if not self.issuers:
            self.issuers = [self.issuer]
        if not self.signers and self.signer:
            self.signers = [self.signer]

    @property
    def state_issued(self) -> bool:
        """True for a document of a State body, whose letterhead carries the national
        motto: its number is a State one (``173/KH-UBND``); without a number, its kind is a
        State kind only (Luật, Nghị định, Thông tư)."""
        symbol = parse_symbol(self.number) if self.number else None
        if symbol is not None:
            return not symbol.party
        return self.type.state and not self.type.party

    @property
    def joint(self) -> bool:
        """True for a document of several issuers or with several signature blocks."""
        return len(self.issuers) > 1 or len(self.signers) > 1

    relations: list[DeclaredRelation] = field(default_factory=list)
    """Relations stated in front matter (``ketluan.core.relations``)."""
    status: str | None = None
    """Legal force stated in front matter (a key of ``relations.DECLARABLE``)."""
    valid_until: DocDate | None = None
    """Last day in force, when the document says so."""
    tasks: list[DeclaredTask] = field(default_factory=list)
    """Tasks stated in front matter (``ketluan.core.task_schema``)."""

    @property
    def identity(self) -> DocumentKey:
        """Issuer + type + number + date (+ title for news), within the province."""
        return DocumentKey.of(
            province=self.province,
            issuer=self.issuer,
            type_slug=self.type.slug,
            number=self.number,
            date=self.date,
            title=self.title,
            news=self.type.news,
        )

    def url_problems(self) -> list[tuple[str, str, str]]:
        """(field, what, fix) for each field whose URL part would be empty or too long."""
        return url_problems(
            issuers=self.issuers,
            number=self.number,
            title=self.title,
            leaf=self.doc_id.leaf,
            news=self.type.news,
            signers=[signer.name for signer in self.signers],
        )

    @property
    def id(self) -> str:
        """Stable id: province/issuer/year/leaf, as in the URL."""
        return self.doc_id.path

    @property
    def current_province(self) -> str | None:
        """The province the document's place belongs to since 1 July 2025 (None if unknown)."""
        if self.location is None:
            return None
        return (self.location.now_part_of or self.location.province).name

    @property
    def place(self) -> str:
        """Địa bàn as Vietnamese readers write it: "huyện Sơn Động, tỉnh Bắc Giang",
        "xã Tân Thịnh, tỉnh Bắc Ninh", "toàn quốc" for central bodies."""
        if self.province is None:
            return NATIONWIDE
        if self.location:
            where = self.location.label
        elif self.district:
            where = f"huyện {self.district}, tỉnh {self.province}"
        else:
            where = f"tỉnh {self.province}"
        if self.commune:
            kind, name = commune_parts(self.commune, self.issuer)
            return f"{kind} {name}, {where}"
        return where

    @property
    def scope_name(self) -> str:
        """Where the issuer sits, for telling apart namesakes: the province, "Trung ương"."""
        return self.province if self.province is not None else CENTRAL.label

    @property
    def title_names_type(self) -> bool:
        """True when the title already starts with the type ("Kết luận của ..."):
        the page heading then shows the title alone."""
        return fold(self.title).startswith(fold(self.type.label))

    @property
    def issuer_place(self) -> str:
        """Where the issuer sits, for the "Sơn Động, ngày ..." line of the letterhead (Hà
        Nội for central bodies)."""
        if self.province is None:
            return CAPITAL
        if self.commune:
            return commune_parts(self.commune, self.issuer)[1]
        if self.district and fold(self.district) in fold(self.issuer):
            return self.district
        return self.province

    def sort_key(self) -> tuple[Any, ...]:
        """Newest first in lists, then by number and id so order never depends on disk."""
        return (_negate(self.date), self.number or "", self.id)


def _negate(date: DocDate) -> tuple[int, int, int]:
    return (-date.year, -date.month, -date.day)


def build_document(
    source: str,
    cleaned: dict[str, Any],
    types: dict[str, TypeInfo],
    body: str,
    body_line: int,
    lines: dict[str, int] | None = None,
) -> Document:
    """Make a Document from front matter that passed validation (``lines``: of its fields)."""
    info = types[cleaned["type"]]
    issuers = cleaned.get("issuers") or [cleaned["issuer"]]
    single = [cleaned["signer"]] if cleaned.get("signer") else []
    signers = [_signer(block) for block in cleaned.get("signers") or single]
    province = cleaned.get("province")
    level = cleaned.get("level") or derive(
        issuers[0], cleaned.get("district"), cleaned.get("commune")
    )
    return Document(
        source=source,
        title=cleaned["title"],
        type=info,
        number=cleaned.get("number"),
        date=cleaned["date"],
        issuer=issuers[0],
        province=province,
        district=cleaned.get("district"),
        body=body,
        body_line=body_line,
        meeting=cleaned.get("meeting"),
        signer=signers[0] if signers else None,
        author=cleaned.get("author"),
        recipients=cleaned.get("recipients", []),
        references=cleaned.get("references", []),
        tags=cleaned.get("tags", []),
        location=cleaned.get("location"),
        doc_id=DocumentId.of(
            province=province,
            issuer=issuers[0],
            date=cleaned["date"],
            leaf=leaf(
                number=cleaned.get("number"),
                date=cleaned["date"],
                title=cleaned["title"],
                abbr=info.abbr,
                news=info.news,
            ),
        ),
        lines=lines or {},
        level=level,
        commune=cleaned.get("commune"),
        issuers=list(issuers),
        signers=signers,
        relations=cleaned.get("relations", []),
        status=cleaned.get("status"),
        valid_until=cleaned.get("valid_until"),
        tasks=cleaned.get("tasks", []),
    )


def _signer(block: dict[str, Any]) -> Signer:
    """A signature block from its cleaned fields (``authority``: the tuple of its lines)."""
    chain = block.get("authority") or ()
    return Signer(block["name"], block.get("title"), " / ".join(chain) or None, tuple(chain))
