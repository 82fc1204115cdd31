"""Tasks a document assigns: to whom (lead and co-operating agencies), what, by when.

A conclusion is mostly instructions. The body is read as prose (``citations.prose``: markup
masked), split into paragraphs (numbered points become the task's section) and sentences;
each sentence is read by the directive forms below, one class each with its positive and
negative examples (``tests/test_task_extraction.py`` runs them):

- ``VerbForm``: giao / yêu cầu / đề nghị / phân công + agencies ("Giao UBND huyện …");
- ``SubjectForm``: agencies opening a clause + a word of duty ("UBND huyện và cấp xã cần
  …", "Văn phòng Huyện ủy chủ trì …");
- ``NestedForm``: inside a task, chỉ đạo / lãnh đạo + agencies + a verb ("… để chỉ đạo xã
  Đại Sơn, xã Vĩnh An hoàn thành …"): a task of those agencies too.

A sentence with no directive of its own continues the last task of its paragraph when it
opens with an imperative ("Tiếp tục …", "Đẩy nhanh …"); a task sentence ending in ":"
("… các nhiệm vụ sau:") hands its agencies on to the points below it, until the next
numbered section. Sentences that report what was done ("UBND huyện đã chỉ đạo …") are no
tasks. Partners come from "phối hợp (chặt chẽ) với …"; the deadline from
``core.deadlines``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ketluan.citations.prose import prose
from ketluan.core.agencies import BODY_LIST, Agency, resolve, split_bodies
from ketluan.core.dates import DocDate
from ketluan.core.deadlines import Deadline, find_deadline
from ketluan.core.model import Document
from ketluan.core.patterns import compiled_later
from ketluan.core.text import UPPER, fold

_NOT_DIRECTIVE = compiled_later(r"(?:\b(?:đã|được|đang|vừa|từng|theo|của|có)\s+)$")
"""Words before a verb that make it a report or a reference: "đã giao", "theo yêu cầu"."""


@dataclass(frozen=True)
class Task:
    """One assigned task: ``number`` its place in the document (1, 2…), ``section`` the
    numbered point it is under (``1 (3)``), ``verb`` the directive word, ``leads`` and
    ``partners`` the agencies, ``sentence`` the source sentence, ``deadline`` if any."""

    number: int
    section: str
    verb: str
    leads: tuple[Agency, ...]
    partners: tuple[Agency, ...]
    sentence: str
    deadline: Deadline | None
    declared: bool = False
    """Added or corrected by front matter ``tasks:``."""
    status: str | None = None
    """Progress the office recorded (``core.task_schema.STATUSES``), if any."""
    done: DocDate | None = None
    """The day it was done, when recorded."""
    report: str | None = None
    """The document that reports it done or in progress, when recorded."""


class VerbForm:
    """A directive verb and the agencies it addresses:
    ``Giao UBND huyện, Chủ tịch UBND huyện bám sát …``,
    ``yêu cầu Thường trực HĐND tỉnh, lãnh đạo UBND tỉnh phát huy …``,
    ``Đề nghị Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với …``,
    ``phân công Văn phòng Huyện ủy theo dõi``.
    Not: ``UBND huyện đã giao …``, ``nhiệm vụ được giao năm 2024``, ``theo yêu cầu của …``,
    ``Đề nghị bổ sung kinh phí …`` (no agency: a request without an addressee)."""

    pattern = compiled_later(
        rf"(?<!\w)(?P<verb>[Gg]iao|[Yy]êu cầu|[Đđ]ề nghị|[Pp]hân công)[ \t\x1f]+"
        rf"(?P<bodies>{BODY_LIST.pattern})(?![\w-])"
    )

    def accept(self, sentence: str, match: re.Match[str]) -> bool:
        return not _NOT_DIRECTIVE.search(sentence[: match.start()][-12:])


class SubjectForm:
    """Agencies opening a clause, then a word of duty:
    ``UBND huyện và cấp xã cần có giải pháp …``,
    ``Chủ tịch UBND huyện và các xã, thị trấn chịu trách nhiệm trực tiếp …``,
    ``(UBND huyện hằng tháng tổ chức …)``, ``Các đồng chí Huyện ủy viên cần …``,
    ``(2) UBND xã chủ trì, phối hợp với Công an xã …``.
    Not: ``UBND huyện đã chỉ đạo …``,
    ``Huyện ủy và các cấp ủy trong Đảng bộ huyện đã bám sát …``,
    ``Ban Chấp hành Đảng bộ huyện đánh giá …`` (the issuer reporting)."""

    pattern = compiled_later(
        r"(?:^|(?<=[(;:]))[ \t\x1f\"“]*(?:\(\d+\)-?[ \t]*|-[ \t]+)?"
        rf"(?P<bodies>{BODY_LIST.pattern})[ \t\x1f]+"
        r"(?P<verb>cần|phải|chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|khẩn trương"
        r"|h[ằà]ng (?:tháng|quý|tuần|năm)|thường xuyên|tập trung|tiếp tục|chủ động|tăng cường"
        r"|rà soát|tổ chức|triển khai|quan tâm|tham mưu|theo dõi|hoàn thành|lãnh đạo|chỉ đạo)"
        r"(?!\w)"
    )

    def accept(self, sentence: str, match: re.Match[str]) -> bool:
        return True


class NestedForm:
    """Inside a task, agencies another is to direct, then their verb:
    ``… để chỉ đạo xã Đại Sơn, xã Vĩnh An hoàn thành …``, ``lãnh đạo UBND tỉnh rà soát``.
    Not: ``sự lãnh đạo, chỉ đạo của Tỉnh ủy``, ``chỉ đạo thực hiện …`` (no agency)."""

    pattern = compiled_later(
        rf"(?<!\w)(?P<verb>chỉ đạo|lãnh đạo)[ \t]+(?P<bodies>{BODY_LIST.pattern})"
        r"[ \t]+(?=[a-zđàáảãạăâèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ])"
    )

    def accept(self, sentence: str, match: re.Match[str]) -> bool:
        return not _NOT_DIRECTIVE.search(sentence[: match.start()][-12:])


FORMS = (VerbForm(), SubjectForm())
NESTED = NestedForm()
_PARTNERS = compiled_later(rf"phối hợp(?: chặt chẽ)?(?: với)?[ \t]+(?P<bodies>{BODY_LIST.pattern})")
_ALSO = compiled_later(rf"^[ \t]*chỉ đạo,[ \t]+(?P<bodies>{BODY_LIST.pattern})")
""""Giao BTV Huyện ủy chỉ đạo, Ban Tổ chức Huyện ủy tiếp tục …": both are leads."""

_HEADING = compiled_later(r"^#+\s*(?P<n>\d+(?:\.\d+)*)\.?\s")
_NUMBERED = compiled_later(r"^(?P<n>\d+(?:\.\d+)*)[.\-]+\s")
_POINT = compiled_later(r"^\((?P<n>\d+)\)-?\s")
_SPLIT = compiled_later(rf"(?<=[.!?…:])[ \t]+(?=[\"“(]*(?:{UPPER}|\(\d+\)))|[ \t]+(?=\(\d+\)-?\s)")
_OPENER = compiled_later(
    r"^(?:\(\d+\)-?\s*|-\s*)?(?:dong thoi,?\s+|trong do,?\s+)?(?:tiep tuc|tap trung|day manh"
    r"|day nhanh|quan tam|trien khai|thuc hien|hoan thanh|hoan thien|tang cuong|chi dao"
    r"|lanh dao|ra soat|to chuc|phat huy|duy tri|nang cao|khan truong|chu dong|kiem tra"
    r"|xay dung|phan dau|ca nhan hoa|theo doi|quyet tam|doi voi|chu trong|bao dam|dam bao"
    r"|giai quyet|phoi hop|lam tot|don doc|kip thoi|uu tien|huy dong|xu ly|thuong xuyen"
    r"|nghien cuu|som|ban hanh|cung co|kien toan|sap xep|tuyen truyen|van dong|giu vung"
    r"|chuan bi|bao cao|khac phuc|bo tri|tham muu|lua chon|tranh thu|siet chat|day lui|ngan chan)\b"
)
"""Imperatives a continuing sentence opens with (folded): "Tiếp tục …", "Đẩy nhanh …"."""


@dataclass
class _Reader:
    """Walks a document's paragraphs and sentences, keeping the section and whose tasks
    the next imperative sentence continues."""

    doc: Document
    tasks: list[Task] = field(default_factory=list)
    top: str = ""
    point: str = ""
    carried: tuple[tuple[Agency, ...], str] | None = None

    @property
    def section(self) -> str:
        return f"{self.top} ({self.point})".strip() if self.point else self.top

    def paragraph(self, text: str) -> None:
        heading = _HEADING.match(text) or _NUMBERED.match(text)
        if heading:
            self.top, self.point, self.carried = heading["n"], "", None
            if text.startswith("#"):
                return
        point = _POINT.match(text)
        if point:
            self.point = point["n"]
        current = self.carried
        for sentence in _SPLIT.split(text):
            sentence = sentence.strip()
            if sentence:
                current = self.sentence(sentence, current)

    def sentence(
        self, sentence: str, current: tuple[tuple[Agency, ...], str] | None
    ) -> tuple[tuple[Agency, ...], str] | None:
        """Read one sentence; returns whose tasks the next sentence continues. A directive
        in parentheses is a task of its own and leaves the sentence around it to the
        agencies it continues."""
        found = _directives(sentence)
        first = found[0][0] if found else len(sentence)
        before = sentence[:first]
        aside = before.count("(") > before.count(")")
        if (not found or aside) and current and _OPENER.match(fold(sentence)):
            own = _outside(sentence, before.rfind("(")) if aside else sentence
            self.add(current[1], current[0], (), sentence, own)
        for start, verb, bodies, rest in found:
            task = self.directive(sentence, verb, bodies, rest)
            head = sentence[:start]
            if head.count("(") <= head.count(")"):
                current = task
        return current

    def directive(
        self, sentence: str, verb: str, bodies: str, rest: str
    ) -> tuple[tuple[Agency, ...], str]:
        """The task (and the nested ones) of one directive; a header ("… các nhiệm vụ
        sau:") hands its agencies on to the points below it, and is a task itself only
        when it asks for more before them ("… cần …; đồng thời … các nhiệm vụ sau:")."""
        leads = self.agencies(bodies)
        also = _ALSO.match(rest)
        if also:
            leads += self.agencies(also["bodies"])
        partners = tuple(a for m in _PARTNERS.finditer(rest) for a in self.agencies(m["bodies"]))
        header = sentence.endswith(":")
        if not header or ";" in rest:
            self.add(verb, leads, partners, sentence, rest)
        for nested in NESTED.pattern.finditer(rest):
            if NESTED.accept(rest, nested):
                after = rest[nested.end() :]
                self.add(nested["verb"], self.agencies(nested["bodies"]), (), sentence, after)
        if header:
            self.carried = (leads, verb)
        return (leads, verb)

    def agencies(self, phrase: str) -> tuple[Agency, ...]:
        found = (resolve(part, self.doc) for part in split_bodies(phrase))
        return tuple(dict.fromkeys(a for a in found if a is not None))

    def add(
        self,
        verb: str,
        leads: tuple[Agency, ...],
        partners: tuple[Agency, ...],
        sentence: str,
        rest: str,
    ) -> None:
        if not leads:
            return
        deadline = find_deadline(rest, self.doc.date.year)
        partners = tuple(p for p in partners if p not in leads)
        number = len(self.tasks) + 1
        text = " ".join(sentence.split())
        self.tasks.append(Task(number, self.section, verb.lower(), leads, partners, text, deadline))


def _directives(sentence: str) -> list[tuple[int, str, str, str]]:
    """(start, verb, agencies, what follows) of each directive in ``sentence``, in text order; the
    text of one runs to the next."""
    matches: list[re.Match[str]] = []
    for form in FORMS:
        matches += [m for m in form.pattern.finditer(sentence) if form.accept(sentence, m)]
    matches.sort(key=lambda m: m.start())
    kept: list[re.Match[str]] = []
    for match in matches:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    found = []
    for index, match in enumerate(kept):
        end = kept[index + 1].start() if index + 1 < len(kept) else len(sentence)
        verb = match["verb"]
        head = sentence[: match.start()]
        if head.count("(") > head.count(")"):
            close = sentence.find(")", match.end())
            end = min(end, close) if close >= 0 else end
        found.append((match.start(), verb, match["bodies"], sentence[match.end("bodies") : end]))
    return found


def _outside(sentence: str, opening: int) -> str:
    """``sentence`` without the parenthesis opening at ``opening``."""
    close = sentence.find(")", opening)
    return sentence[:opening] + (sentence[close + 1 :] if close >= 0 else "")


def paragraphs(markdown: str) -> list[str]:
    """The body's paragraphs as prose: markup masked and dropped, one line each."""
    text = prose(markdown).text.replace("\x1f", "")
    blocks = re.split(r"\n[ \t]*\n|\n(?=[ \t]*-[ \t])", text)
    return [" ".join(block.split()) for block in blocks if block.strip()]


def extract_tasks(doc: Document) -> list[Task]:
    """Every task ``doc``'s text assigns, in text order, numbered from 1."""
    reader = _Reader(doc)
    for text in paragraphs(doc.body):
        reader.paragraph(text)
    return reader.tasks
