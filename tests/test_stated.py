"""Relations read in the text: positive and negative cases side by side, and each form's
docstring examples."""

from __future__ import annotations

import pytest
from test_citations import _examples

from ketluan.citations.matchers import extract
from ketluan.citations.prose import prose
from ketluan.citations.stated import FORMS, stated

Read = tuple[str, str | None]
"""A cited number and the relation its clause states (kind slug; ``+`` when partial)."""

CASES: list[tuple[str, list[Read]]] = [
    # Căn cứ: based on, each "Căn cứ" line and what a list adds to it.
    (
        "Căn cứ Điều lệ Đảng;\nCăn cứ Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành "
        "Trung ương;\nCăn cứ Nghị quyết số 04-NQ/TU ngày 07/5/2021 của Tỉnh ủy và Kết luận số "
        "12-KL/TU ngày 1/2/2022 của Tỉnh ủy, Ban Thường vụ Huyện ủy kết luận:",
        [
            ("Điều lệ Đảng", "can-cu"),  # cited by name (issue 15)
            ("24-QĐ/TW", "can-cu"),
            ("04-NQ/TU", "can-cu"),
            ("12-KL/TU", "can-cu"),
        ],
    ),
    (
        "a) Căn cứ chức năng, nhiệm vụ, quyền hạn được giao, Kết luận số 213-KL/TW, các bộ "
        "tổ chức thực hiện.",
        [("213-KL/TW", None)],
    ),
    (
        "Căn cứ Nghị định số 40/2025/NĐ-CP của Chính phủ, được sửa đổi, bổ sung bởi Nghị định "
        "số 109/2025/NĐ-CP và Nghị định số 193/2025/NĐ-CP;",
        [("40/2025/NĐ-CP", "can-cu"), ("109/2025/NĐ-CP", None), ("193/2025/NĐ-CP", None)],
    ),
    # Thực hiện, triển khai: implements; evaluating or assigning it is not.
    (
        "Thực hiện Nghị quyết số 02-NQ/TW ngày 17/3/2026 của Bộ Chính trị về phát triển Thủ "
        "đô, Chương trình hành động số 08-CTr/TU ngày 17/3/2026 của Thành ủy Hà Nội thực hiện "
        "Nghị quyết số 80-NQ/TW ngày 07/01/2026 của Bộ Chính trị, UBND thành phố ban hành Kế "
        "hoạch.",
        [("02-NQ/TW", "thuc-hien"), ("08-CTr/TU", "thuc-hien"), ("80-NQ/TW", None)],
    ),
    (
        "(1) Về đánh giá 03 năm thực hiện Nghị quyết số 27-NQ/HU ngày 24/02/2021 của Huyện ủy.",
        [("27-NQ/HU", None)],
    ),
    ("Tiếp tục thực hiện Kết luận số 604-KL/HU ngày 27/3/2024.", [("604-KL/HU", "thuc-hien")]),
    ("Tiếp tục triển khai thực hiện có hiệu quả Nghị quyết số 04-NQ/TU.", [("04-NQ/TU", None)]),
    (
        "Sau khi nghe báo cáo, Ban Thường vụ kết luận như sau:\n\n(3)- Triển khai thực hiện "
        "Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị.",
        [("35-CT/TW", "thuc-hien")],
    ),
    # Thay thế: only the document itself replaces.
    (
        "Kết luận này thay thế Kết luận số 12-KL/HU ngày 10/3/2023 của Huyện ủy.",
        [("12-KL/HU", "thay-the")],
    ),
    (
        "Tỉnh sớm ban hành chính sách hỗ trợ phát triển sản xuất (thay thế Quyết định "
        "45/2018/QĐ-UBND tỉnh).",
        [("45/2018/QĐ-UBND", None)],
    ),
    (
        "Nghị quyết số 04-NQ/TU đã được thay thế bởi Nghị quyết số 06-NQ/TU.",
        [("04-NQ/TU", None), ("06-NQ/TU", None)],
    ),
    (
        "Quy định này có hiệu lực kể từ ngày ký, thay thế Quy định số 30-QĐ/TW ngày 26/7/2016 "
        "và Quy định số 31-QĐ/TW ngày 26/7/2016.",
        [("30-QĐ/TW", "thay-the"), ("31-QĐ/TW", "thay-the")],
    ),
    # Bãi bỏ: whole or in part.
    (
        "Điều 1. Bãi bỏ một phần khoản 2 Điều 1 của Thông tư số 18/2025/TT-BCT ngày 13 tháng "
        "3 năm 2025 của Bộ trưởng Bộ Công Thương.",
        [("18/2025/TT-BCT", "bai-bo+")],
    ),
    ("Bãi bỏ Quyết định số 12-QĐ/HU ngày 5/1/2019 của Huyện ủy.", [("12-QĐ/HU", "bai-bo")]),
    ("Đề nghị bãi bỏ Quyết định số 12-QĐ/HU ngày 5/1/2019.", [("12-QĐ/HU", None)]),
    # Sửa đổi, bổ sung; hướng dẫn; đính chính.
    (
        "Sửa đổi, bổ sung một số điều của Quy định số 30-QĐ/TW ngày 26/7/2016.",
        [("30-QĐ/TW", "sua-doi")],
    ),
    ("Rà soát, sửa đổi, bổ sung Quy chế số 01-QC/HU trước tháng 6.", [("01-QC/HU", None)]),
    ("Hướng dẫn thực hiện Quy định số 24-QĐ/TW ngày 30/7/2021.", [("24-QĐ/TW", "huong-dan")]),
    ("Hướng dẫn các xã thực hiện Nghị quyết số 04-NQ/TU.", [("04-NQ/TU", None)]),
    ("Đính chính Kết luận số 12-KL/HU ngày 10/3/2023 như sau:", [("12-KL/HU", "dinh-chinh")]),
    ("Đề nghị đính chính Kết luận số 12-KL/HU.", [("12-KL/HU", None)]),
    # Markup does not hide the words; a new paragraph ends a list.
    ("**Căn cứ** Kết luận số 14-KL/TW ngày 22/9/2021.", [("14-KL/TW", "can-cu")]),
    (
        "Thực hiện Nghị quyết số 04-NQ/TU,\n\nKết luận số 12-KL/TU ngày 1/2/2022.",
        [("04-NQ/TU", "thuc-hien"), ("12-KL/TU", None)],
    ),
]


def read(text: str) -> list[Read]:
    body = prose(text)
    citations = extract(body.text)
    return [
        (c.symbol.text, s.kind + ("+" if s.partial else "") if s else None)
        for c, s in zip(citations, stated(body, citations), strict=True)
    ]


def test_cases_have_negatives() -> None:
    assert sum(1 for _, found in CASES for _, kind in found if kind is None) >= 12


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:40] for t, _ in CASES])
def test_relation_read_in_text(text: str, expected: list[Read]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.__name__)
def test_docstring_examples(form: type) -> None:
    """The last citation of each example states the form's relation, or (after "Not:")
    does not."""
    positives, negatives = (
        [" ".join(e.split()) for e in found] for found in _examples(form.__doc__ or "")
    )
    assert len(positives) >= 2 and len(negatives) >= 2
    for example in positives:
        assert (read(example)[-1][1] or "").rstrip("+") == form.kind, example
    for example in negatives:
        found = read(example)
        assert found, example
        assert (found[-1][1] or "").rstrip("+") != form.kind, example
