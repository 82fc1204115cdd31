"""Identities of documents: one owner for "which document is this" and "where does it live".

Like Laws.Africa's ``FrbrUri``, one value object parses and formats each identifier, so the
corpus, the importer and the pages never spell a key twice:

- ``DocumentKey``: province + issuer + type + number + date (+ title for news), folded. Party
  numbers restart each term and every committee reuses them, and committees of one name exist
  in several provinces (Huyện ủy Châu Thành), so the number alone never identifies a document.
- ``DocumentId``: ``province/issuer/year/leaf`` (+ a suffix telling apart two documents that
  would share it), the stable id in URLs and open data.
- ``file_name``: the name ``ketluan import`` gives a document's file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ketluan.core.dates import DocDate
from ketluan.core.text import fold, slugify

NEWS_SLUG_WORDS = 6
"""Words of a news title kept in its URL, after the date."""
NEWS_FILE_WORDS = 5
"""Words of a news title kept in the name of an imported file."""
CENTRAL = "trung-uong"
"""Scope of central bodies (Bộ Chính trị, Chính phủ...), which have no province: the
first part of their ids and keys, where other documents have their province."""
MAX_SLUG = 200
"""Longest URL part made from one field: each part is a folder of the built site, folder
names stop at 255 bytes, and a suffix (-2024-03-27-2) or a counter may follow."""


@dataclass(frozen=True, order=True)
class DocumentKey:
    """What makes two files the same document; every part folded (case, accents, đ).
    ``province`` is the scope: the province, or ``CENTRAL`` for central bodies."""

    province: str
    issuer: str
    type: str
    number: str
    date: str
    title: str = ""
    """Only for news, which has no number: the title tells two reports of a day apart."""

    @classmethod
    def of(
        cls,
        *,
        province: str | None,
        issuer: str,
        type_slug: str,
        number: str | None,
        date: DocDate,
        title: str,
        news: bool,
    ) -> DocumentKey:
        """The key of a document from its fields as written (``province`` None: central)."""
        return cls(
            CENTRAL if province is None else fold(province),
            fold(issuer),
            type_slug,
            fold(number or ""),
            date.iso(),
            fold(title) if news else "",
        )


def leaf(*, number: str | None, date: DocDate, title: str, abbr: str, news: bool) -> str:
    """Last segment of a document id: the number, else the type and date (and the first
    title words for news)."""
    if news:
        words = slugify(title).split("-")[:NEWS_SLUG_WORDS]
        return "-".join([date.iso(), *words])
    if number:
        return slugify(number)
    return f"{abbr}-{date.iso()}"


@dataclass(frozen=True)
class DocumentId:
    """``province/issuer/year/leaf`` and the suffix that tells reused numbers apart;
    central bodies have ``trung-uong`` (``CENTRAL``) where others have their province."""

    province: str
    issuer: str
    year: int
    leaf: str
    suffix: str = ""

    @classmethod
    def of(cls, *, province: str | None, issuer: str, date: DocDate, leaf: str) -> DocumentId:
        """The id of a document from its fields as written (slugged here; ``province``
        None: a central body's)."""
        scope = CENTRAL if province is None else slugify(province)
        return cls(scope, slugify(issuer), date.year, leaf)

    @property
    def base(self) -> str:
        """The id before any suffix."""
        return f"{self.province}/{self.issuer}/{self.year}/{self.leaf}"

    @property
    def path(self) -> str:
        """The id as written in URLs and open data."""
        return self.base + self.suffix

    def with_suffix(self, suffix: str) -> DocumentId:
        """The same id with ``suffix`` appended."""
        return DocumentId(self.province, self.issuer, self.year, self.leaf, suffix)


class Identified(Protocol):
    """What disambiguation needs of a document."""

    source: str
    date: DocDate
    doc_id: DocumentId


def disambiguate(documents: Sequence[Identified]) -> dict[str, DocumentId]:
    """Ids for ``documents`` (by source path): documents sharing an id (a number reused in
    one year) get their date appended, then, if still shared, a counter in file order.
    Callers check the result: a number may spell another's suffixed id."""
    ids = {doc.source: doc.doc_id for doc in documents}
    for group in _collisions(documents, ids):
        for doc in group:
            ids[doc.source] = doc.doc_id.with_suffix(f"-{doc.date.iso()}")
    for group in _collisions(documents, ids):
        for index, doc in enumerate(sorted(group, key=lambda d: d.source), start=1):
            ids[doc.source] = ids[doc.source].with_suffix(f"{ids[doc.source].suffix}-{index}")
    return ids


def _collisions(
    documents: Sequence[Identified], ids: dict[str, DocumentId]
) -> list[list[Identified]]:
    by_path: dict[str, list[Identified]] = defaultdict(list)
    for doc in documents:
        by_path[ids[doc.source].path].append(doc)
    return [group for group in by_path.values() if len(group) > 1]


def file_name(
    *, number: str | None, type_slug: str | None, date: str | None, title: str | None, news: bool
) -> str:
    """Name of an imported document's file: ``604-kl-hu.md``, ``2021-07-23-thong-bao-ket-
    luan.md`` without a number, ``<date>-tin-bai-<title words>.md`` for news."""
    iso = date or "khong-ro-ngay"
    if number:
        return slugify(number) + ".md"
    if news:
        words = slugify(title or "").split("-")[:NEWS_FILE_WORDS]
        return "-".join([iso, type_slug or "tin-bai", *words]).strip("-") + ".md"
    return f"{iso}-{type_slug or 'van-ban'}.md"


def url_problems(
    *,
    issuers: Sequence[str],
    number: str | None,
    title: str,
    leaf: str,
    news: bool,
    signers: Sequence[str],
) -> list[tuple[str, str, str]]:
    """(field, what, fix) for each field whose URL part would be empty or too long: an
    empty part merges the page into its parent's URL, a long one is no folder name. The
    first issuer makes the document's URL, and every issuer and signer's name the URL of
    its lookup page (``issuers``/``signers`` of a joint document: one each otherwise)."""
    # (field, its value, the value's slug, the URL part made from it)
    joint = len(issuers) > 1
    parts = [
        (f"issuers[{i}]" if joint else "issuer", name, slugify(name), slugify(name))
        for i, name in enumerate(issuers)
    ]
    if news:
        words = "-".join(slugify(title).split("-")[:NEWS_SLUG_WORDS])
        parts.append(("title", title, words, leaf))
    elif number:
        parts.append(("number", number, slugify(number), leaf))
    joint = len(signers) > 1
    for i, name in enumerate(signers):
        where = f"signers[{i}].name" if joint else "signer.name"
        parts.append((where, name, slugify(name), slugify(name)))
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
