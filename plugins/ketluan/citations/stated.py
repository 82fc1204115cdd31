"""Relations a text states about the documents it cites: one matcher class per form.

A relation is read from the words before a citation in its clause (the sentence, from its
last ";" or ":"), with list markers (``(1)``, ``a)``, ``-``) left out: "Căn cứ Quy định số
24-QĐ/TW" is based on, "Thực hiện Nghị quyết số 04-NQ/TU" implements, "Kết luận này thay thế
Kết luận số 12-KL/HU" replaces. The words must open the clause or follow the document's
own name ("Kết luận này …"): "đề nghị bãi bỏ Quyết định số …" proposes, "Nghị quyết số 04
đã được thay thế bởi …" reports what another document did, "việc thực hiện Nghị quyết số
…" evaluates; none of them states a relation of this document. A citation listed right
after one that states a relation ("Căn cứ Nghị quyết số 04-NQ/TU và Kết luận số
12-KL/TU") shares it. What is read here is marked as detected; front matter
``relations:`` corrects or removes it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from ketluan.citations.matchers import Citation
from ketluan.citations.prose import MARK, Prose
from ketluan.core.kinds import KINDS


@dataclass(frozen=True)
class Stated:
    """A relation a citation's clause states: its kind (``core.relations``), whether only a
    part of the other document is concerned (a partial repeal)."""

    kind: str
    partial: bool = False


_SELF_WORDS = "|".join(
    sorted(
        {k.label.lower() for k in KINDS.values()} | {"thông báo kết luận", "thông báo ý kiến"},
        key=len,
        reverse=True,
    )
)
SELF = rf"(?:(?:{_SELF_WORDS}) này(?:,? [^;]{{0,80}}?)?,? )?"
"""The document itself as the subject: "Kết luận này ", "Quy định này có hiệu lực kể từ
ngày ký, " (optional: a clause may open with the verb)."""
_NOT = r"(?<!không )(?<!chưa )(?<!được )(?<!bị )(?<!sẽ )(?<!đã )"
_PART = (
    r"(?:(?:một phần|một số|các|toàn bộ)\s)?(?:điều|khoản|điểm|mục|phần|chương|nội dung|quy định"
    r"|cụm từ|một phần|một số)\b[^;]{0,120}? (?:của|tại)"
)


class StatedForm:
    """A form of words stating a relation; subclasses give the kind and a pattern that the
    whole clause before the citation (lower case, spaces squeezed) must match."""

    kind: ClassVar[str]
    pattern: ClassVar[re.Pattern[str]]

    @classmethod
    def match(cls, before: str) -> Stated | None:
        """The relation ``before`` states, if it is this form."""
        found = cls.pattern.fullmatch(before)
        if found is None:
            return None
        return Stated(cls.kind, bool(found.groupdict().get("part")))


class BasedOn(StatedForm):
    """Based on: ``Căn cứ Quy định số 24-QĐ/TW``, ``căn cứ vào Nghị quyết số 04-NQ/TU``,
    ``Căn cứ ý kiến chỉ đạo của Thường trực Tỉnh ủy tại Thông báo số 12-TB/TU``,
    ``Căn cứ Điều lệ Đảng; Căn cứ Quy định số 24-QĐ/TW``.
    Not: ``Căn cứ chức năng, nhiệm vụ, quyền hạn được giao, Kết luận số 213-KL/TW`` (the
    functions are the basis), ``Giao Chính phủ, căn cứ vào Nghị quyết này và Đề án số
    369/ĐA-CP``, ``có căn cứ theo Quyết định số 12/QĐ-UBND``."""

    kind = "can-cu"
    pattern = re.compile(
        r"căn cứ(?: vào)?(?: (?:ý kiến|chỉ đạo|kết luận|nội dung|thông báo)\b[^;]{0,80}? tại)?"
    )


class Implements(StatedForm):
    """Implements: ``Thực hiện Nghị quyết số 04-NQ/TU``, ``Triển khai Kế hoạch số
    65-KH/TU``, ``(2) Tiếp tục thực hiện Kết luận số 14-KL/TW``, ``Triển khai thực hiện Chỉ
    thị số 35-CT/TW``, ``Thực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy tại Công văn số
    1234-CV/TU``.
    Not: ``(1) Về đánh giá 03 năm thực hiện Nghị quyết số 27-NQ/HU``, ``Tổ chức sơ kết
    việc thực hiện Nghị quyết số 04-NQ/TU``, ``Tiếp tục triển khai thực hiện có hiệu quả
    Nghị quyết số 04-NQ/TU``, ``UBND huyện thực hiện Kế hoạch số 65-KH/TU`` (a task given
    to another body)."""

    kind = "thuc-hien"
    pattern = re.compile(
        r"(?:tiếp tục )?(?:tổ chức )?(?:thực hiện|triển khai(?: thực hiện)?)"
        r"(?: (?:chỉ đạo|ý kiến|kết luận|nhiệm vụ|theo hướng dẫn)\b[^;]{0,80}? tại)?"
    )


class Guides(StatedForm):
    """Guides: ``Hướng dẫn thực hiện Quy định số 24-QĐ/TW``, ``Hướng dẫn thi hành một số
    điều của Quy định số 24-QĐ/TW``, ``Văn bản này hướng dẫn Kết luận số 14-KL/TW``.
    Not: ``Hướng dẫn các xã thực hiện Nghị quyết số 04-NQ/TU`` (a task), ``Thực hiện theo
    hướng dẫn tại Công văn số 1234-CV/TU`` (guided by it, read as implements)."""

    kind = "huong-dan"
    pattern = re.compile(
        rf"{SELF}{_NOT}hướng dẫn(?: (?:thi hành|thực hiện|triển khai(?: thực hiện)?|việc thực"
        rf" hiện))?(?: {_PART})?"
    )


class Replaces(StatedForm):
    """Replaces: ``Kết luận này thay thế Kết luận số 12-KL/HU``, ``Quy định này có hiệu lực
    kể từ ngày ký, thay thế Quy định số 30-QĐ/TW``, ``Thay thế Thông báo số 15-TB/HU``.
    Not: ``ban hành chính sách mới (thay thế Quyết định 45/2018/QĐ-UBND`` (a proposal in
    a report), ``Nghị quyết số 04-NQ/TU đã được thay thế bởi Nghị quyết số 06-NQ/TU``,
    ``đề nghị thay thế Quyết định số 12/QĐ-UBND``, ``Kết luận này không thay thế Kết luận
    số 12-KL/HU``."""

    kind = "thay-the"
    pattern = re.compile(rf"{SELF}{_NOT}thay thế(?: cho)?")


class Amends(StatedForm):
    """Amends: ``Sửa đổi, bổ sung một số điều của Quy định số 30-QĐ/TW``, ``Quy định này
    sửa đổi, bổ sung Quy định số 30-QĐ/TW``, ``Sửa đổi Kết luận số 12-KL/HU``.
    Not: ``Luật Ban hành văn bản được sửa đổi, bổ sung bởi Nghị định số 109/2025/NĐ-CP``,
    ``Rà soát, sửa đổi, bổ sung Quy chế số 01-QC/HU`` (a task), ``kiến nghị sửa đổi Quyết
    định số 12/QĐ-UBND``."""

    kind = "sua-doi"
    pattern = re.compile(rf"{SELF}{_NOT}(?:sửa đổi(?:,| và)? bổ sung|sửa đổi)(?:,? {_PART})?")


class Repeals(StatedForm):
    """Repeals: ``Bãi bỏ Quyết định số 12-QĐ/HU``, ``Quyết định này bãi bỏ Chỉ thị số
    05-CT/HU``, in part: ``Bãi bỏ một phần khoản 2 Điều 1 của Thông tư số 18/2025/TT-BCT``,
    ``Bãi bỏ cụm từ "dầu hỏa" tại khoản 2 Điều 1 của Thông tư số 18/2025/TT-BCT``.
    Not: ``đề nghị bãi bỏ Quyết định số 12-QĐ/HU``, ``Quyết định số 05-QĐ/HU đã bị bãi bỏ
    bởi Quyết định số 12-QĐ/HU``."""

    kind = "bai-bo"
    pattern = re.compile(rf"{SELF}{_NOT}(?:bãi bỏ|hủy bỏ|huỷ bỏ)(?: (?P<part>{_PART}))?")


class Corrects(StatedForm):
    """Corrects: ``Đính chính Kết luận số 12-KL/HU``, ``Đính chính một số sai sót tại
    Thông báo số 15-TB/HU``.
    Not: ``đề nghị đính chính Kết luận số 12-KL/HU``, ``Kết luận số 05-KL/HU đã được đính
    chính tại Thông báo số 15-TB/HU``."""

    kind = "dinh-chinh"
    pattern = re.compile(rf"{SELF}{_NOT}đính chính(?: [^;]{{0,60}}? (?:tại|của))?")


FORMS: tuple[type[StatedForm], ...] = (
    BasedOn, Implements, Guides, Replaces, Amends, Repeals, Corrects,
)  # fmt: skip
_LEAD = re.compile(
    r"^(?:[\s\x1f\-*+•]|\(?\d{1,3}(?:\.\d{1,3})*[.)]?\)?-?|\(?[a-zđ]\)|điều \d+[.:]?)+"
)
_LISTED = re.compile(r"(?:(?:về|v/v|về việc)\b[^;.\n]{0,200}?)?(?:,|;|và|,\s*và|;\s*và|cùng)", re.S)
_TRIGGER = re.compile(r"căn cứ|thực hiện|triển khai|thay thế|sửa đổi|bãi bỏ|đính chính")


LONGEST_CLAUSE = 1000
"""No form matches a longer clause (every pattern is bounded), so a clause is read back only
this far: a sentence of thousands of citations stays linear (issue 12, finding 8)."""


def clause_before(prose: Prose, citation: Citation) -> str:
    """The words of ``citation``'s clause before it: lower case, spaces squeezed, from the
    start of its sentence or its last ";" or ":", list markers left out; empty when the
    clause is longer than any form (``LONGEST_CLAUSE``)."""
    start, end = prose.sentence_start(citation.start), citation.start
    window = 2 * LONGEST_CLAUSE
    while True:
        low = max(start, end - window)
        cut = max(prose.text.rfind(";", low, end), prose.text.rfind(":", low, end))
        text = " ".join(prose.text[max(low, cut + 1) : end].replace(MARK, " ").split()).lower()
        if cut >= 0 or low == start:
            return _LEAD.sub("", text).strip()
        if len(text) > LONGEST_CLAUSE:
            return ""
        window *= 4  # mostly spaces or markup so far: read further back


def stated(prose: Prose, citations: Sequence[Citation]) -> list[Stated | None]:
    """The relation each of ``citations`` (in text order) states, None where none."""
    found: list[Stated | None] = []
    for index, citation in enumerate(citations):
        before = clause_before(prose, citation)
        relation = next((r for form in FORMS if (r := form.match(before))), None)
        if relation is None and index and found[-1] is not None:
            previous = citations[index - 1]
            if _listed(prose.text[previous.tail : citation.start]):
                relation = Stated(found[-1].kind)
        found.append(relation)
    return found


def _listed(between: str) -> bool:
    """True when ``between`` only joins two items of a list (and the previous one's
    subject): ", ", "; ", " và ", " về xây dựng nông thôn mới; "."""
    text = " ".join(between.replace(MARK, " ").split()).lower()
    if "\n\n" in between or _TRIGGER.search(text):
        return False
    return bool(_LISTED.fullmatch(text.strip()))
