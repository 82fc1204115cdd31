"""Front matter schema v1 of a conclusion file (documented in docs/huong-dan/soan-thao.md)."""

from __future__ import annotations

from typing import Any

from ketluan.core.levels import COMMUNE, LEVELS, level_problems, looks_central
from ketluan.core.relations import Relations, Status
from ketluan.core.schema import (
    Choice,
    Context,
    Date,
    DocType,
    Lines,
    Nested,
    NestedList,
    References,
    Schema,
    Text,
    TextList,
)
from ketluan.core.task_schema import Tasks

_EXAMPLES = {
    "title": "title: Kết luận của Ban Chấp hành Đảng bộ huyện tại kỳ họp thứ 22",
    "type": "type: ket-luan",
    "date": "date: 2024-03-27",
    "issuer": "issuer: Huyện ủy Sơn Động",
    "province": "province: Bắc Giang",
    "district": "district: Sơn Động",
    "commune": "commune: xã Tân Thịnh",
    "number": "number: 604-KL/HU (or number: null if the published copy shows none)",
    "signer": "signer: with name, title, authority indented below it",
    "name": "name: Đỗ Văn Cẩm",
}


class SignerSchema(Schema):
    """The signature block, laid out on the page as on paper."""

    authority = Lines(example="T/M Huyện ủy")
    """Line above the title: T/M (on behalf of), T/L (by order of), K/T (deputising) + body;
    or the chain of such lines, outermost first (``- T/M Ban Thường vụ``, ``- K/T Bí thư``)."""

    title = Text(example="Phó Bí thư")
    """Position of the signer, e.g. Bí thư, Phó Bí thư, Chánh Văn phòng."""

    name = Text(example="Đỗ Văn Cẩm", required=True)
    """Full name of the signer."""

    EXAMPLES = _EXAMPLES
    NESTED_IN = "signer"


class JointSignerSchema(SignerSchema):
    """One signature block of a joint document, as ``signer``."""

    NESTED_IN = "each item of signers"


class ConclusionSchema(Schema):
    """Every field of a conclusion's front matter."""

    title = Text(
        example="Kết luận của Ban Chấp hành Đảng bộ huyện tại kỳ họp thứ 22", required=True
    )
    """Trích yếu: what the document is about, as printed under its type."""

    type = DocType(required=True)
    """Document type slug: ket-luan, thong-bao-ket-luan, thong-bao-y-kien, tin-bai, ..."""

    number = Text(example="604-KL/HU", max_length=100, nullable=True)
    """Số ký hiệu as printed; required except for news; null when the copy shows none."""

    date = Date(required=True)
    """Date of issue (ngày ban hành)."""

    issuer = Text(example="Huyện ủy Sơn Động", max_length=200)
    """Issuing body with its place: Huyện ủy Sơn Động, Thường trực Tỉnh ủy Điện Biên;
    required unless ``issuers`` lists the bodies of a joint document."""

    issuers = TextList(example="Tỉnh ủy Bắc Giang", single="issuer", max_length=200)
    """Issuing bodies of a joint document, two or more, as the letterhead lists them; the
    first is the lead body, whose number the document carries."""

    level = Choice(LEVELS)
    """Level of the issuer: trung-uong, tinh, huyen, xa, khoi; without it a document is
    provincial or district-level (``ketluan.core.levels.derive``)."""

    province = Text(example="Bắc Giang", max_length=100)
    """Province at the time of issue, without 'tỉnh'; required except for central bodies."""

    district = Text(example="Sơn Động", max_length=100)
    """District the document concerns, at the time of issue, without 'huyện'."""

    commune = Text(example="xã Tân Thịnh", max_length=100)
    """Commune, ward or special zone of a commune-level body (level xa)."""

    meeting = Text(example="Kỳ họp thứ 22 Ban Chấp hành Đảng bộ huyện")
    """Occasion: the meeting or working session the conclusion comes from."""

    signer = Nested(SignerSchema)
    """Signature block; required except for news (or ``signers`` of a joint document)."""

    signers = NestedList(JointSignerSchema, single="signer")
    """Signature blocks of a joint document, two or more, as on paper: left to right,
    then row by row."""

    author = Text(example="Hương Dịu", max_length=200)
    """Byline of a news report (tin-bai only)."""

    recipients = TextList(example="BTV Tỉnh ủy (báo cáo)")
    """Nơi nhận: one recipient per item, as printed."""

    references = References()
    """Explicit citations the text does not spell out, or corrections to detected ones."""

    tags = TextList(example="nông thôn mới")
    """Topic tags, lowercase."""

    relations = Relations()
    """What the document does to other documents (replaces, implements…), stated here when
    the text does not say it in a form the build recognises, or says it wrongly."""

    status = Status()
    """Legal force the office knows of (hết hiệu lực…); wins over what relations imply."""

    valid_until = Date()
    """Last day the document is in force, when it says so itself."""

    tasks = Tasks()
    """Tasks the office adds, corrects or removes, and their progress (done, report)."""

    EXAMPLES = _EXAMPLES

    @classmethod
    def post_validate(
        cls, cleaned: dict[str, Any], raw: dict[str, Any], ctx: Context, prefix: str
    ) -> None:
        """One issuer or several; the place fields the level requires; numbered types need
        number and signer; news needs neither and has an author."""
        _one_of(ctx, raw, "issuer", "issuers", cls.missing_fix("issuer"))
        _places(cleaned, raw, ctx)
        info = ctx.types.get(cleaned.get("type", ""))
        if info is None:
            return
        _check_validity(cleaned, raw, ctx)
        if info.news:
            for name in ("number", "signer", "signers", "recipients", "status", "valid_until"):
                if name in raw:
                    ctx.report(
                        name,
                        f"a {info.slug} document has no {name}",
                        f"Remove '{name}:' or change type",
                    )
            return
        if "author" in raw:
            ctx.report(
                "author",
                f"only news reports have an author, not {info.slug}",
                "Put the signer under 'signer:' instead",
            )
        if "number" not in raw:
            ctx.report(
                "number", f"is missing (required for {info.slug})", cls.missing_fix("number")
            )
        if "signers" not in raw and "signer" not in raw:
            ctx.report(
                "signer", f"is missing (required for {info.slug})", cls.missing_fix("signer")
            )
        _one_of(ctx, raw, "signer", "signers", "")


def _one_of(ctx: Context, raw: dict[str, Any], one: str, joint: str, fix: str) -> None:
    """``one`` (a body, a signer) or ``joint`` (those of a joint document), not both; with
    a ``fix``, one of them is required."""
    if one in raw and joint in raw:
        ctx.report(
            joint,
            f"a document has '{one}:' or, when joint, '{joint}:', not both",
            f"Remove '{one}:' and keep the list, or remove '{joint}:'",
        )
    elif fix and one not in raw and joint not in raw:
        ctx.report(one, "is missing", fix)


def _places(cleaned: dict[str, Any], raw: dict[str, Any], ctx: Context) -> None:
    """The place fields of the document's level: a level written in the file (or a
    commune) brings its rules; a v1 file needs a province, as it always did."""
    level = cleaned.get("level")
    if level is None and "commune" in raw:
        level = COMMUNE
    if level is not None:
        for name, what, fix in level_problems(level, raw, cleaned.get("date")):
            ctx.report(name, what, fix or ConclusionSchema.missing_fix(name))
        return
    if "province" not in raw:
        issuers = cleaned.get("issuers") or [cleaned.get("issuer") or ""]
        hint = " (a central body has no province: write 'level: trung-uong' instead)"
        central = any(looks_central(name) for name in issuers)
        ctx.report(
            "province",
            "is missing",
            ConclusionSchema.missing_fix("province") + (hint if central else ""),
        )


def _check_validity(cleaned: dict[str, Any], raw: dict[str, Any], ctx: Context) -> None:
    """A document cannot cease to be in force before it was issued."""
    until, date = cleaned.get("valid_until"), cleaned.get("date")
    if until is not None and date is not None and until.first_day() < date.first_day():
        ctx.report(
            "valid_until",
            f"{until.iso()} is before the date of issue {date.iso()}",
            "Write the last day the document is in force, on or after its date",
        )
