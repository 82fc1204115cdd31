"""Relations between documents and the legal force they leave a document with.

A document is based on (căn cứ), implements (thực hiện), replaces (thay thế), amends (sửa
đổi, bổ sung), repeals (bãi bỏ), guides (hướng dẫn), corrects (đính chính) or consolidates
(hợp nhất) another; each relation reads the other way from the other end (replaced by,
implemented by…). The kinds are data, like document types: the slug is what front matter
``relations:`` writes, the words are what pages show. The status words are here too,
because the front matter field ``status`` takes them.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from ketluan.core.dates import DocDate
from ketluan.core.schema import Context, Field, Invalid, _shown, check_target


@dataclass(frozen=True)
class RelationKind:
    """A kind of relation, read from the document that states it (``label``) and from the
    other end (``inverse``)."""

    slug: str
    """In front matter and URLs: ``thay-the``."""
    label: str
    """What the stating document does: "Thay thế"."""
    inverse: str
    """What the other end undergoes: "Bị thay thế bởi"."""
    targets: str
    """The documents a document states it of, as a heading: "Văn bản bị thay thế"."""
    sources: str
    """The documents stating it of a document, as a heading: "Văn bản thay thế"."""
    change: bool = False
    """True when it changes the other end's legal force or text (legislationChanges)."""


RELATION_KINDS: dict[str, RelationKind] = {
    kind.slug: kind
    for kind in (
        RelationKind("can-cu", "Căn cứ", "Là căn cứ của", "Văn bản căn cứ", "Văn bản căn cứ vào"),
        RelationKind(
            "thuc-hien", "Thực hiện", "Được thực hiện bởi", "Văn bản được thực hiện",
            "Văn bản thực hiện",
        ),
        RelationKind(
            "huong-dan", "Hướng dẫn", "Được hướng dẫn bởi", "Văn bản được hướng dẫn",
            "Văn bản hướng dẫn",
        ),
        RelationKind(
            "thay-the", "Thay thế", "Bị thay thế bởi", "Văn bản bị thay thế",
            "Văn bản thay thế", change=True,
        ),
        RelationKind(
            "sua-doi", "Sửa đổi, bổ sung", "Được sửa đổi, bổ sung bởi",
            "Văn bản được sửa đổi, bổ sung", "Văn bản sửa đổi, bổ sung", change=True,
        ),
        RelationKind(
            "bai-bo", "Bãi bỏ", "Bị bãi bỏ bởi", "Văn bản bị bãi bỏ", "Văn bản bãi bỏ",
            change=True,
        ),
        RelationKind(
            "dinh-chinh", "Đính chính", "Được đính chính bởi", "Văn bản được đính chính",
            "Văn bản đính chính", change=True,
        ),
        RelationKind(
            "hop-nhat", "Hợp nhất", "Được hợp nhất trong", "Văn bản được hợp nhất",
            "Văn bản hợp nhất",
        ),
    )
}  # fmt: skip
"""Every kind, in the order pages list them (what a document rests on first)."""


@dataclass(frozen=True)
class Force:
    """A status of legal force: its key (filters, URLs, front matter), its words and the
    schema.org ``LegalForceStatus`` it is."""

    key: str
    label: str
    legal_force: str
    """``InForce``, ``NotInForce`` or ``PartiallyInForce``."""


FORCES: dict[str, Force] = {
    force.key: force
    for force in (
        Force("con-hieu-luc", "Còn hiệu lực", "InForce"),
        Force("duoc-sua-doi", "Được sửa đổi, bổ sung", "InForce"),
        Force("het-hieu-luc-mot-phan", "Hết hiệu lực một phần", "PartiallyInForce"),
        Force("bi-thay-the", "Bị thay thế", "NotInForce"),
        Force("het-hieu-luc", "Hết hiệu lực", "NotInForce"),
    )
}
"""Statuses in the order browse pages list them."""
DECLARABLE = ("con-hieu-luc", "het-hieu-luc", "het-hieu-luc-mot-phan")
"""The statuses front matter may state; the others follow from relations."""


@dataclass(frozen=True)
class DeclaredRelation:
    """One entry of front matter ``relations:``: a kind and the other document, by number
    (with date, issuer, type) or by document id; ``remove`` drops a detected relation."""

    index: int
    """Position in the list: its line is ``lines[f"relations[{index}]"]``."""
    kind: str
    number: str | None = None
    document: str | None = None
    type: str | None = None
    date: DocDate | None = None
    issuer: str | None = None
    partial: bool = False
    remove: bool = False

    @property
    def where(self) -> str:
        """Its dotted field path, for problems: ``relations[2]``."""
        return f"relations[{self.index}]"


class Relations(Field):
    """Relations stated in front matter: a list of mappings with ``kind`` and either
    ``number`` (plus optional ``type``, ``date``, ``issuer``, as in ``references:``) or
    ``document`` (the id of a document of the portal); ``partial: true`` with ``bai-bo``
    (repealed in part); ``remove: true`` to drop a relation detected in the text."""

    fields = ("kind", "number", "document", "type", "date", "issuer", "partial", "remove")

    def check(self, value: Any, dotted: str, ctx: Context) -> list[DeclaredRelation]:
        if not isinstance(value, list):
            raise Invalid(
                f"expected a list, got {_shown(value)}",
                "Write one relation per item, e.g. '- kind: thay-the' with 'number: 12-KL/HU' "
                "indented below it",
            )
        found: list[DeclaredRelation] = []
        seen: dict[tuple[Any, ...], int] = {}
        for index, item in enumerate(value):
            where = f"{dotted}[{index}]"
            relation = self._relation(index, item, where, ctx)
            if relation is None:
                continue
            same = (relation.kind, relation.number, relation.document, relation.date)
            if same in seen:
                ctx.report(where, f"same relation as item {seen[same] + 1}", "Remove one of them")
                continue
            seen[same] = index
            found.append(relation)
        return found

    def _relation(self, index: int, item: Any, where: str, ctx: Context) -> DeclaredRelation | None:
        if not isinstance(item, dict):
            ctx.report(
                where,
                f"expected a mapping with 'kind' and 'number' or 'document', got {_shown(item)}",
                "Write e.g. '- kind: thay-the' and 'number: 12-KL/HU' on the next line, indented",
            )
            return None
        count = len(ctx.problems)
        for key in item:
            if key not in self.fields:
                close = difflib.get_close_matches(str(key), self.fields, n=1)
                fix = f"Did you mean '{close[0]}'?" if close else f"Known: {', '.join(self.fields)}"
                ctx.report(f"{where}.{key}", "unknown field", fix)
        kind = _kind(item.get("kind"), where, ctx)
        target = _target(item, where, ctx)
        flags = {name: _flag(item, name, where, ctx) for name in ("partial", "remove")}
        if flags["partial"] and kind != "bai-bo":
            ctx.report(
                f"{where}.partial",
                "only a repeal (kind: bai-bo) can be partial",
                "Remove 'partial: true', or write 'kind: bai-bo'",
            )
        if len(ctx.problems) > count or kind is None:
            return None
        return DeclaredRelation(index, kind, **target, **flags)


def _kind(value: Any, where: str, ctx: Context) -> str | None:
    if value is None:
        ctx.report(where, "kind is missing", f"Add 'kind:' with one of {', '.join(RELATION_KINDS)}")
        return None
    if isinstance(value, str) and value.strip() in RELATION_KINDS:
        return value.strip()
    close = difflib.get_close_matches(str(value), list(RELATION_KINDS), n=1)
    ctx.report(
        f"{where}.kind",
        f"unknown relation {_shown(value)}; expected one of {', '.join(RELATION_KINDS)}",
        f"Did you mean '{close[0]}'?" if close else "Use one of these",
    )
    return None


def _target(item: dict[str, Any], where: str, ctx: Context) -> dict[str, Any]:
    """``number`` (with its type, date, issuer) or ``document``: exactly one of them."""
    number, document = item.get("number"), item.get("document")
    if (number is None) == (document is None):
        said = "both 'number' and 'document'" if number is not None else "no 'number'"
        ctx.report(
            where,
            f"{said}: a relation names the other document once",
            "Write its number ('number: 12-KL/HU', with 'date:' when the number recurs) "
            "or, for a document of this portal, its id ('document: …')",
        )
        return {}
    if document is not None:
        for key in ("type", "date", "issuer"):
            if key in item:
                ctx.report(
                    f"{where}.{key}",
                    "a relation to a document by id takes no " + key,
                    f"Remove '{key}:' (the document's own {key} is used)",
                )
        if not isinstance(document, str) or not document.strip("/ "):
            ctx.report(
                f"{where}.document",
                f"expected a document id, got {_shown(document)}",
                "Write e.g. document: bac-giang/huyen-uy-son-dong/2024/604-kl-hu",
            )
            return {}
        return {"document": document.strip().strip("/")}
    if not isinstance(number, str):
        ctx.report(f"{where}.number", f"expected text, got {_shown(number)}", "Quote it")
        return {}
    return check_target(item, where, ctx)


def _flag(item: dict[str, Any], name: str, where: str, ctx: Context) -> bool:
    value = item.get(name, False)
    if not isinstance(value, bool):
        ctx.report(f"{where}.{name}", f"expected true or false, got {_shown(value)}")
        return False
    return value


class Status(Field):
    """The legal force front matter states: ``con-hieu-luc``, ``het-hieu-luc`` or
    ``het-hieu-luc-mot-phan`` (being replaced or amended follows from relations)."""

    def check(self, value: Any, dotted: str, ctx: Context) -> str:
        if isinstance(value, str) and value.strip() in DECLARABLE:
            return value.strip()
        close = difflib.get_close_matches(str(value), list(DECLARABLE), n=1)
        fix = f"Did you mean '{close[0]}'?" if close else f"Use one of {', '.join(DECLARABLE)}"
        if isinstance(value, str) and value.strip() in FORCES:
            fix = "It follows from the relations of the other documents: remove 'status:'"
        known = ", ".join(DECLARABLE)
        raise Invalid(f"unknown status {_shown(value)}; expected one of {known}", fix)
