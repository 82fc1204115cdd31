"""The document model: what a conclusion is, its identity and its stable URL."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .dates import DocDate
from .text import fold, slugify

if TYPE_CHECKING:
    from .places import Location


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

NEWS_SLUG_WORDS = 6
"""Words of a news title kept in its URL, after the date."""

MAX_SLUG = 200
"""Longest URL part made from one field: each part is a folder of the built site, folder
names stop at 255 bytes, and a suffix (-2024-03-27-2) or a counter may follow."""


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
    url_suffix: str = ""
    location: Location | None = None
    """Province (and district) of the document's date in the gazetteer (ketluan.places)."""
    lines: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    """Line of each front matter field in ``source``, for problems found across files."""

    @property
    def identity(self) -> tuple[str, ...]:
        """Issuer + type + number + date (+ title for news): numbers alone repeat."""
        # The province keeps apart committees of the same name in two provinces.
        key = (
            fold(self.province),
            fold(self.issuer),
            self.type.slug,
            fold(self.number or ""),
            self.date.iso(),
        )
        return (*key, fold(self.title)) if self.type.news else key

    @property
    def leaf(self) -> str:
        """Last URL segment: the number, or the date (and title words for news)."""
        if self.type.news:
            return f"{self.date.iso()}-{self._title_words()}"
        if self.number:
            return slugify(self.number)
        return f"{self.type.abbr}-{self.date.iso()}"

    def url_problems(self) -> list[tuple[str, str, str]]:
        """(field, what, fix) for each field whose URL part would be empty or too long:
        an empty part merges the page into its parent's URL, a long one is no folder name."""
        # (field, its value, the value's slug, the URL part made from it)
        parts = [("issuer", self.issuer, slugify(self.issuer), slugify(self.issuer))]
        if self.type.news:
            parts.append(("title", self.title, self._title_words(), self.leaf))
        elif self.number:
            parts.append(("number", self.number, slugify(self.number), self.leaf))
        if self.signer:  # the signer's page: danh-muc/nguoi-ky/<name and province>/
            name = slugify(self.signer.name)
            parts.append(("signer.name", self.signer.name, name, name))
        found = []
        for field_name, value, slug, part in parts:
            if not slug:
                shown = repr(value) if len(value) <= 60 else repr(value[:57]) + "..."
                what = f"{shown} has no letter or digit to make the web address from"
                found.append((field_name, what, "Write it as printed, with its letters and digits"))
            elif len(part) > MAX_SLUG:
                what = f"makes a web address part of {len(part)} characters, over {MAX_SLUG}"
                found.append((field_name, what, "Shorten it"))
        return found

    def _title_words(self) -> str:
        return "-".join(slugify(self.title).split("-")[:NEWS_SLUG_WORDS])

    @cached_property
    def base_id(self) -> str:
        """province/issuer/year/leaf, before any suffix that tells reused numbers apart
        (computed once: lists and links ask for it thousands of times)."""
        parts = [slugify(self.province), slugify(self.issuer), str(self.date.year), self.leaf]
        return "/".join(parts)

    @property
    def id(self) -> str:
        """Stable id: province/issuer/year/leaf, as in the URL."""
        return self.base_id + self.url_suffix

    @property
    def url(self) -> str:
        """Site-relative URL of the document page, with a trailing slash."""
        return f"van-ban/{self.id}/"

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
    return Document(
        source=source,
        title=cleaned["title"],
        type=types[cleaned["type"]],
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
        lines=lines or {},
    )
