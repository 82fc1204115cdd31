"""Tasks read in the text: each form's positive and negative examples side by side, the
deadline forms, the agencies' identities, and seed 002 (Kết luận 604-KL/HU) in full."""

from __future__ import annotations

import datetime as dt

import pytest
from test_citations import _examples

from conftest import REPO
from ketluan.citations.tasks import FORMS, NESTED, Task, extract_tasks
from ketluan.core.agencies import BODY, resolve
from ketluan.core.corpus import load_corpus
from ketluan.core.dates import DocDate
from ketluan.core.deadlines import FORMS as DEADLINE_FORMS
from ketluan.core.deadlines import find_deadline, parse_deadline
from ketluan.core.kinds import KINDS
from ketluan.core.model import BUILTIN_TYPES, Document


def document(body: str, **fields: str | None) -> Document:
    """A district conclusion of Sơn Động with ``body``."""
    values: dict[str, str | None] = {"district": "Sơn Động", "issuer": "Huyện ủy Sơn Động"}
    values.update(fields)
    return Document(
        source="conclusions/x.md",
        title="Kết luận",
        type=KINDS["ket-luan"],
        number="1-KL/HU",
        date=DocDate(2024, 3, 27),
        issuer=values["issuer"] or "",
        province="Bắc Giang",
        district=values["district"],
        body=body,
    )


def tasks(body: str, **fields: str | None) -> list[tuple[str, ...]]:
    """(leads…) of each task of ``body``."""
    return [tuple(a.name for a in t.leads) for t in extract_tasks(document(body, **fields))]


CASES: list[tuple[str, list[tuple[str, ...]]]] = [
    # giao / yêu cầu / đề nghị / phân công: the addressees; reports and references are not.
    ("Giao UBND huyện hoàn thành dự án.", [("UBND huyện Sơn Động",)]),
    ("UBND huyện đã giao Phòng Kinh tế hoàn thành dự án.", []),
    ("Thực hiện tốt nhiệm vụ được giao năm 2024.", []),
    ("Theo yêu cầu của UBND tỉnh, huyện đã hoàn thành.", []),
    ("Đề nghị bổ sung kinh phí cho 02 dự án.", []),
    (
        "Đề nghị Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với Ban Dân vận Huyện ủy tổ chức "
        "tuyên truyền.",
        [("Ban Tuyên giáo Huyện ủy Sơn Động",)],
    ),
    # agencies opening a clause, with a word of duty; "đã" reports.
    (
        "UBND huyện và cấp xã cần có giải pháp cụ thể.",
        [("UBND huyện Sơn Động", "Cấp xã (Sơn Động)")],
    ),
    ("UBND huyện đã chỉ đạo quyết liệt công tác giải phóng mặt bằng.", []),
    ("Huyện ủy và các cấp ủy trong Đảng bộ huyện đã bám sát sự lãnh đạo của Tỉnh ủy.", []),
    ("Ban Chấp hành Đảng bộ huyện đánh giá cao kết quả đạt được.", []),
    # chỉ đạo + agencies + verb inside a task: their task too; "sự chỉ đạo của" is not.
    (
        "UBND huyện phối hợp với Văn phòng Điều phối xây dựng Nông thôn mới tỉnh để chỉ đạo xã "
        "Đại Sơn hoàn thành các tiêu chí.",
        [("UBND huyện Sơn Động",), ("xã Đại Sơn, huyện Sơn Động",)],
    ),
    ("Các xã đã bám sát sự lãnh đạo, chỉ đạo của UBND huyện trong năm.", []),
    # a continuing imperative; a description after a task is not one.
    (
        "Giao UBND huyện chỉ đạo thu ngân sách. Đẩy nhanh tiến độ đấu giá đất. Công tác thu "
        "ngân sách còn khó khăn.",
        [("UBND huyện Sơn Động",), ("UBND huyện Sơn Động",)],
    ),
    # a header hands its agencies to the points below it.
    (
        "Giao UBKT Huyện ủy:\n\n(1) Hoàn thiện hồ sơ kiểm điểm.\n\n(2) Báo cáo kết quả.",
        [("UBKT Huyện ủy Sơn Động",), ("UBKT Huyện ủy Sơn Động",)],
    ),
    ("## 2. Về công tác cán bộ\n\nGiao UBKT Huyện ủy:\n\n## 3. Khác\n\n(1) Hoàn thiện hồ sơ.", []),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_directive_cases(body: str, expected: list[tuple[str, ...]]) -> None:
    assert tasks(body) == expected


@pytest.mark.parametrize("form", [*FORMS, NESTED], ids=lambda f: type(f).__name__)
def test_directive_docstring_examples(form: object) -> None:
    positives, negatives = _examples(type(form).__doc__ or "")
    positives = [p for p in positives if p]
    assert negatives
    pattern = form.pattern  # type: ignore[attr-defined]
    for example in positives:
        assert any(form.accept(example, m) for m in pattern.finditer(example)), example  # type: ignore[attr-defined]
    for example in negatives:
        assert not any(form.accept(example, m) for m in pattern.finditer(example)), example  # type: ignore[attr-defined]


@pytest.mark.parametrize("form", DEADLINE_FORMS, ids=lambda f: type(f).__name__)
def test_deadline_docstring_examples(form: object) -> None:
    positives, negatives = _examples(type(form).__doc__ or "")
    assert positives and negatives
    for example in positives:
        found = find_deadline(example, 2024)
        assert found is not None and type(form).pattern.search(example), example  # type: ignore[attr-defined]
    for example in negatives:
        assert not type(form).pattern.search(example), example  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "period", "due"),
    [
        ("hoàn thành trước ngày 30/9/2024", "2024-09-30", dt.date(2024, 9, 30)),
        ("xong trước ngày 30 tháng 6 năm 2024", "2024-06-30", dt.date(2024, 6, 30)),
        ("đấu giá đất trước tháng 9 năm 2024", "2024-08", dt.date(2024, 8, 31)),
        ("đảm bảo tháng 6/2024 xử lý xong", "2024-06", dt.date(2024, 6, 30)),
        ("báo cáo trong quý II/2024", "2024-Q2", dt.date(2024, 6, 30)),
        ("trước quý I năm 2025", "2024-Q4", dt.date(2024, 12, 31)),
        ("hoàn thành trong năm 2024", "2024", dt.date(2024, 12, 31)),
        ("vào ngày 21/4", "2024-04-21", dt.date(2024, 4, 21)),
        ("định kỳ hằng quý báo cáo", "hang-quy", None),
        ("thường xuyên kiểm tra", "thuong-xuyen", None),
    ],
)
def test_deadlines_normalised(text: str, period: str, due: dt.date | None) -> None:
    found = find_deadline(text, 2024)
    assert found is not None and (found.period, found.due) == (period, due)


@pytest.mark.parametrize(
    "text",
    ["ngân sách năm 2024", "Công văn số 1360/UBND-NN ngày 20/3/2024", "quý I/2024 còn khó khăn"],
)
def test_no_deadline(text: str) -> None:
    assert find_deadline(text, 2024) is None


def test_front_matter_deadlines() -> None:
    assert parse_deadline("2024-06").due == dt.date(2024, 6, 30)  # type: ignore[union-attr]
    assert parse_deadline("2024-Q3").label == "quý III/2024"  # type: ignore[union-attr]
    assert parse_deadline("hằng quý").period == "hang-quy"  # type: ignore[union-attr]
    assert parse_deadline("2024-13") is None
    assert parse_deadline("30/9/2024") is None


def test_one_identity_per_agency() -> None:
    """Spellings of one agency fold to one key, resolved in the issuing committee's place;
    the same words in another district are another agency."""
    doc = document("")
    spellings = ["UBND huyện", "Ủy ban nhân dân huyện Sơn Động", "UBND huyện Sơn Động"]
    keys = set()
    for text in spellings:
        agency = resolve(text, doc)
        assert agency is not None
        keys.add(agency.key)
    assert keys == {"bac-giang/ubnd-huyen-son-dong"}
    other = resolve("UBND huyện", document("", district="Lục Ngạn"))
    assert other is not None and other.key == "bac-giang/ubnd-huyen-luc-ngan"
    board = resolve("Ban Tổ chức Huyện ủy", doc)
    assert board is not None and board.name == "Ban Tổ chức Huyện ủy Sơn Động"
    group = resolve("các cấp ủy, chính quyền", doc)
    assert group is not None and group.group


def test_body_examples() -> None:
    """Agencies as written, and words that name none."""
    for example in ("UBND huyện", "Chủ tịch UBND huyện", "xã Đại Sơn", "Ban Tổ chức Huyện ủy"):
        assert BODY.fullmatch(example), example
    for example in ("Huyện ủy viên cần", "ngành chức năng"):
        assert not BODY.fullmatch(example), example


def seed_tasks() -> list[Task]:
    corpus = load_corpus(REPO, "conclusions", BUILTIN_TYPES, progress=lambda paths: paths)
    (doc,) = [d for d in corpus.documents if d.number == "604-KL/HU"]
    return extract_tasks(doc)


def test_seed_002_assignments() -> None:
    """Kết luận 604-KL/HU: its assignments to UBND huyện / Chủ tịch UBND huyện and to named
    communes, with the deadlines the text gives."""
    found = seed_tasks()
    listed = {
        (t.section, tuple(a.name for a in t.leads), t.deadline.period if t.deadline else None)
        for t in found
    }
    ubnd, chu_tich = "UBND huyện Sơn Động", "Chủ tịch UBND huyện Sơn Động"
    communes = ("xã Đại Sơn, huyện Sơn Động", "xã Vĩnh An, huyện Sơn Động")
    expected = {
        ("1 (3)", (ubnd, chu_tich), None),  # yêu cầu UBND huyện, Chủ tịch UBND huyện …
        ("1 (4)", (ubnd, "Cấp xã (Sơn Động)"), "2024-06"),  # tháng 6/2024 xử lý xong
        ("2", (ubnd, chu_tich), None),  # giao UBND huyện, Chủ tịch UBND huyện bám sát …
        ("2", (ubnd, chu_tich), "2024-08"),  # đấu giá … trước tháng 9 năm 2024
        ("3 (1)", (ubnd, chu_tich), None),  # Giao UBND huyện và Chủ tịch UBND huyện …
        ("3 (1)", (ubnd,), "2024"),  # UBND huyện phối hợp với Văn phòng Điều phối …
        ("3 (1)", communes, "2024"),  # … chỉ đạo xã Đại Sơn, xã Vĩnh An hoàn thành …
        ("3 (4)", ("UBKT Huyện ủy Sơn Động",), None),
        ("3 (5)", (ubnd,), None),  # Giao UBND huyện khẩn trương hoàn thành: (1)…(4)
        ("3", ("Văn phòng Huyện ủy Sơn Động",), "2024-Q2"),  # báo cáo … trong quý II/2024
        ("1 (7)", (ubnd, "Các cấp, các ngành, địa phương (Sơn Động)"), "2024-04-21"),
    }
    assert expected <= listed
    (partnered,) = [t for t in found if t.partners]
    assert [a.name for a in partnered.partners] == [
        "Văn phòng Điều phối xây dựng Nông thôn mới tỉnh Bắc Giang"
    ]
    assert len([t for t in found if t.section == "3 (5)"]) == 4


def test_seed_002_descriptions_are_no_tasks() -> None:
    """The evaluation paragraphs ("đã bám sát", "đã có nhiều chuyển biến") give no task."""
    sentences = " ".join(t.sentence for t in seed_tasks())
    for described in (
        "đã bám sát sự lãnh đạo",
        "Sau 03 năm triển khai thực hiện Nghị quyết",
        "Tốc độ tăng giá trị sản xuất chưa đạt tiến độ",
        "Nguyên nhân của những hạn chế",
    ):
        assert described not in sentences, described
