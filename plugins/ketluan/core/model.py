"""The document model: what a conclusion is, its identity and its stable URL."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ketluan.core.dates import DocDate
from ketluan.core.ids import DocumentId, DocumentKey, leaf, url_problems
from ketluan.core.text import fold

if TYPE_CHECKING:
    from ketluan.core.places import Location
    from ketluan.core.relations import DeclaredRelation


@dataclass(frozen=True)
class TypeInfo:
    """A document type: its slug in front matter, Vietnamese label and URL abbreviation."""

    slug: str
    label: str
    abbr: str
    news: bool = False


BUILTIN_TYPES: dict[str, TypeInfo] = {
    t.slug: t
    for t in (
        TypeInfo("ket-luan", "Kết luận", "kl"),
        TypeInfo("thong-bao-ket-luan", "Thông báo kết luận", "tbkl"),
        TypeInfo("thong-bao-y-kien", "Thông báo ý kiến", "tbyk"),
        TypeInfo("tin-bai", "Tin bài", "tin", news=True),
    )
}


@dataclass(frozen=True)
class Signer:
    """Signature block: authority line (T/M Huyện ủy), title (Phó Bí thư), name."""

    name: str
    title: str | None = None
    authority: str | None = None


@dataclass
class Document:
    """One conclusion, validated and normalised (NFC); ``body`` is its Markdown text."""

    source: str
    title: str
    type: TypeInfo
    number: str | None
    date: DocDate
    issuer: str
    province: str
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
    relations: list[DeclaredRelation] = field(default_factory=list)
    """Relations stated in front matter (``ketluan.core.relations``)."""
    status: str | None = None
    """Legal force stated in front matter (a key of ``relations.DECLARABLE``)."""
    valid_until: DocDate | None = None
    """Last day in force, when the document says so."""

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
            issuer=self.issuer,
            number=self.number,
            title=self.title,
            leaf=self.doc_id.leaf,
            news=self.type.news,
            signer=self.signer.name if self.signer else None,
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
        """Địa bàn as Vietnamese readers write it: "huyện Sơn Động, tỉnh Bắc Giang"."""
        if self.location:
            return self.location.label
        if self.district:
            return f"huyện {self.district}, tỉnh {self.province}"
        return f"tỉnh {self.province}"

    @property
    def title_names_type(self) -> bool:
        """True when the title already starts with the type ("Kết luận của ..."):
        the page heading then shows the title alone."""
        return fold(self.title).startswith(fold(self.type.label))

    @property
    def issuer_place(self) -> str:
        """Where the issuer sits, for the "Sơn Động, ngày ..." line of the letterhead."""
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
    signer = cleaned.get("signer")
    info = types[cleaned["type"]]
    return Document(
        source=source,
        title=cleaned["title"],
        type=info,
        number=cleaned.get("number"),
        date=cleaned["date"],
        issuer=cleaned["issuer"],
        province=cleaned["province"],
        district=cleaned.get("district"),
        body=body,
        body_line=body_line,
        meeting=cleaned.get("meeting"),
        signer=Signer(**signer) if signer else None,
        author=cleaned.get("author"),
        recipients=cleaned.get("recipients", []),
        references=cleaned.get("references", []),
        tags=cleaned.get("tags", []),
        location=cleaned.get("location"),
        doc_id=DocumentId.of(
            province=cleaned["province"],
            issuer=cleaned["issuer"],
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
        relations=cleaned.get("relations", []),
        status=cleaned.get("status"),
        valid_until=cleaned.get("valid_until"),
    )
