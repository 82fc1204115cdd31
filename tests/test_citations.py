"""Citation extraction: positive and negative cases side by side, and each matcher's
docstring examples."""

from __future__ import annotations

import re
import unicodedata

import pytest

from ketluan.citations.matchers import DatePhrase, IssuerPhrase, TypePrefix, extract
from ketluan.citations.prose import prose
from ketluan.core.symbols import FORMS, parse_symbol

Found = tuple[str, str, str | None, str | None]
"""Linked text, kind slug, ISO date or None, issuer or None."""

CASES: list[tuple[str, list[Found]]] = [
    # Party documents, from the seeds.
    (
        "Nghị quyết số 04-NQ/TU, ngày 07/5/2021 của Tỉnh ủy về nâng cao",
        [("Nghị quyết số 04-NQ/TU", "nghi-quyet", "2021-05-07", "Tỉnh ủy")],
    ),
    (
        "Chỉ thị số 26-CT/TU ngày 02/6/2023 của Ban Thường vụ (BTV) Tỉnh ủy. Công tác",
        [("Chỉ thị số 26-CT/TU", "chi-thi", "2023-06-02", "Ban Thường vụ (BTV) Tỉnh ủy")],
    ),
    ("Kết luận số 120-KL/TU", [("Kết luận số 120-KL/TU", "ket-luan", None, None)]),
    (
        "theo Quy định số 96-QĐ/TW ngày 2/2/2023 của Bộ Chính trị về việc lấy phiếu",
        [("Quy định số 96-QĐ/TW", "quy-dinh", "2023-02-02", "Bộ Chính trị")],
    ),
    (
        "Đề án số 16-ĐA/TU ngày 03/01/2020 của Ban Thường vụ Tỉnh ủy về",
        [("Đề án số 16-ĐA/TU", "de-an", "2020-01-03", "Ban Thường vụ Tỉnh ủy")],
    ),
    (
        "Kế hoạch số 65-KH/TU, ngày 24/4/2019 của Ban Thường vụ Tỉnh ủy về tổ chức",
        [("Kế hoạch số 65-KH/TU", "ke-hoach", "2019-04-24", "Ban Thường vụ Tỉnh ủy")],
    ),
    (
        "Đề án số 03-ĐA/TU ngày 12/6/2021 của Ban Chấp hành Đảng bộ tỉnh về",
        [("Đề án số 03-ĐA/TU", "de-an", "2021-06-12", "Ban Chấp hành Đảng bộ tỉnh")],
    ),
    (
        "Nghị quyết số 27-NQ/HU ngày 24/02/2021 của Huyện ủy về lãnh đạo",
        [("Nghị quyết số 27-NQ/HU", "nghi-quyet", "2021-02-24", "Huyện ủy")],
    ),
    ("Quy định số 30-QĐ/TU về giao việc", [("Quy định số 30-QĐ/TU", "quy-dinh", None, None)]),
    # State documents, from the seeds.
    (
        "theo Công văn số: 1360/UBND-NN ngày 20/3/2024 của Chủ tịch UBND tỉnh Bắc Giang",
        [
            (
                "Công văn số: 1360/UBND-NN",
                "cong-van",
                "2024-03-20",
                "Chủ tịch UBND tỉnh Bắc Giang",
            )
        ],
    ),
    (
        "(thay thế Quyết định 45/2018/QĐ-UBND tỉnh) để",
        [("Quyết định 45/2018/QĐ-UBND", "quyet-dinh", None, "UBND tỉnh")],
    ),
    (
        "tại Thông tư số 04/2022/TT-BXD, ngày 24/10/2022 đảm bảo",
        [("Thông tư số 04/2022/TT-BXD", "thong-tu", "2022-10-24", None)],
    ),
    (
        "Nghị quyết số 05/2019/NQ-HĐND ngày 01/8/2019 của Hội đồng nhân dân tỉnh Quy định",
        [("Nghị quyết số 05/2019/NQ-HĐND", "nghi-quyet", "2019-08-01", "Hội đồng nhân dân tỉnh")],
    ),
    (
        "Chỉ thị 03/CT-UBND ngày 06/02/2024 của Chủ tịch UBND tỉnh.",
        [("Chỉ thị 03/CT-UBND", "chi-thi", "2024-02-06", "Chủ tịch UBND tỉnh")],
    ),
    # Numbers with a decimal or without a type code.
    (
        "Nghị quyết số 66.7/2025/NQ-CP của Chính phủ",
        [("Nghị quyết số 66.7/2025/NQ-CP", "nghi-quyet", None, "Chính phủ")],
    ),
    (
        "Nghị quyết số 76/2025/UBTVQH15 của Ủy ban Thường vụ Quốc hội",
        [
            (
                "Nghị quyết số 76/2025/UBTVQH15",
                "nghi-quyet",
                None,
                "Ủy ban Thường vụ Quốc hội",
            )
        ],
    ),
    ("Luật số 59/2020/QH14", [("Luật số 59/2020/QH14", "luat", None, None)]),
    ("Quyết định số 123/QĐ-TTg", [("Quyết định số 123/QĐ-TTg", "quyet-dinh", None, None)]),
    ("Nghị định 100/2019/NĐ-CP", [("Nghị định 100/2019/NĐ-CP", "nghi-dinh", None, None)]),
    # Dates in every spelling.
    (
        "Quyết định của Bộ Chính trị số 31-QĐ/TW, ngày 01-10-1997",
        [("Quyết định của Bộ Chính trị số 31-QĐ/TW", "quyet-dinh", "1997-10-01", "Bộ Chính trị")],
    ),
    (
        "Kết luận số 5-KL/TW ngày 12 tháng 6 năm 2025 của Bộ Chính trị",
        [("Kết luận số 5-KL/TW", "ket-luan", "2025-06-12", "Bộ Chính trị")],
    ),
    (
        "Chỉ thị số 7-CT/TU ban hành ngày 2.2.2023",
        [("Chỉ thị số 7-CT/TU", "chi-thi", "2023-02-02", None)],
    ),
    ("Chỉ thị số 8-CT/TU ngày 31/02/2023", [("Chỉ thị số 8-CT/TU", "chi-thi", None, None)]),
    # One issuer shared by a list.
    (
        "Chỉ thị số 35-CT/TW, ngày 14/6/2024 và Kết luận số 118-KL/TW, ngày 18/01/2025 "
        "của Bộ Chính trị",
        [
            ("Chỉ thị số 35-CT/TW", "chi-thi", "2024-06-14", "Bộ Chính trị"),
            ("Kết luận số 118-KL/TW", "ket-luan", "2025-01-18", "Bộ Chính trị"),
        ],
    ),
    (
        "theo Chỉ thị số 19-CT/TU và Kết luận số 120-KL/TU của BTV Tỉnh ủy",
        [
            ("Chỉ thị số 19-CT/TU", "chi-thi", None, "BTV Tỉnh ủy"),
            ("Kết luận số 120-KL/TU", "ket-luan", None, "BTV Tỉnh ủy"),
        ],
    ),
    (
        "Nghị quyết số 1-NQ/TU của Tỉnh ủy; Chỉ thị số 2-CT/TW của Ban Bí thư",
        [
            ("Nghị quyết số 1-NQ/TU", "nghi-quyet", None, "Tỉnh ủy"),
            ("Chỉ thị số 2-CT/TW", "chi-thi", None, "Ban Bí thư"),
        ],
    ),
    (
        "Nghị quyết số 1-NQ/TW; Chỉ thị số 2-CT/TU của Tỉnh ủy",
        [
            ("Nghị quyết số 1-NQ/TW", "nghi-quyet", None, None),
            ("Chỉ thị số 2-CT/TU", "chi-thi", None, "Tỉnh ủy"),
        ],
    ),
    (
        "Nghị quyết số 3-NQ/TU về kinh tế, Chỉ thị số 4-CT/TU của Tỉnh ủy",
        [
            ("Nghị quyết số 3-NQ/TU", "nghi-quyet", None, None),
            ("Chỉ thị số 4-CT/TU", "chi-thi", None, "Tỉnh ủy"),
        ],
    ),
    # Stray spaces, colons, lower case, QĐ as Quyết định or Quy định.
    (
        "Thông tư số 04/2022/TT- BXD",
        [("Thông tư số 04/2022/TT- BXD", "thong-tu", None, None)],
    ),
    ("Nghị quyết số 27 - NQ/HU", [("Nghị quyết số 27 - NQ/HU", "nghi-quyet", None, None)]),
    ("Kết luận số: 604-KL/HU", [("Kết luận số: 604-KL/HU", "ket-luan", None, None)]),
    ("các nghị quyết số 9-NQ/TU", [("nghị quyết số 9-NQ/TU", "nghi-quyet", None, None)]),
    ("Quyết định số 96-QĐ/TW", [("Quyết định số 96-QĐ/TW", "quyet-dinh", None, None)]),
    ("Quy định số 08-QĐi/TW", [("Quy định số 08-QĐi/TW", "quy-dinh", None, None)]),
    ("theo 08-QĐi/TW", [("08-QĐi/TW", "quy-dinh", None, None)]),
    ("Nghị quyết số 01-NQ/TƯ", [("Nghị quyết số 01-NQ/TƯ", "nghi-quyet", None, None)]),
    ("số 26-CT/TU", [("26-CT/TU", "chi-thi", None, None)]),
    (
        "Thông báo kết luận số 12-TB/TU",
        [("Thông báo kết luận số 12-TB/TU", "thong-bao", None, None)],
    ),
    (
        "Nghị quyết của Tỉnh ủy số 10-NQ/TU ngày 1/1/2022",
        [("Nghị quyết của Tỉnh ủy số 10-NQ/TU", "nghi-quyet", "2022-01-01", "Tỉnh ủy")],
    ),
    (
        "Kết luận số 3-KL/HU của Huyện ủy Tuần Giáo về",
        [("Kết luận số 3-KL/HU", "ket-luan", None, "Huyện ủy Tuần Giáo")],
    ),
    (
        "Văn bản số 77/UBND-KT của UBND huyện",
        [("Văn bản số 77/UBND-KT", "cong-van", None, "UBND huyện")],
    ),
    (
        "Kế hoạch số 15/KH-UBND của Ủy ban nhân dân tỉnh Điện Biên.",
        [("Kế hoạch số 15/KH-UBND", "ke-hoach", None, "Ủy ban nhân dân tỉnh Điện Biên")],
    ),
    (
        "Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ phê duyệt",
        [("Quyết định số 1719/QĐ-TTg", "quyet-dinh", "2021-10-14", "Thủ tướng Chính phủ")],
    ),
    (
        "Thông tư liên tịch số 01/2015/TTLT-BNV-BTC",
        [("Thông tư liên tịch số 01/2015/TTLT-BNV-BTC", "thong-tu-lien-tich", None, None)],
    ),
    ("Công điện số 32/CĐ-TTg", [("Công điện số 32/CĐ-TTg", "cong-dien", None, None)]),
    ("Hướng dẫn số 36-HD/BTGTW", [("Hướng dẫn số 36-HD/BTGTW", "huong-dan", None, None)]),
    (
        "Quyết định số 217-QĐ/TW và 218-QĐ/TW",
        [
            ("Quyết định số 217-QĐ/TW", "quyet-dinh", None, None),
            ("218-QĐ/TW", "quyet-dinh", None, None),
        ],
    ),
    (
        "Số 26-CT/TU (ngày 02/6/2023) của BTV Tỉnh ủy",
        [("26-CT/TU", "chi-thi", "2023-06-02", "BTV Tỉnh ủy")],
    ),
    (
        "Nghị quyết số 12a-NQ/TU ngày 7 / 5 / 2021 của Tỉnh ủy khóa XIV",
        [("Nghị quyết số 12a-NQ/TU", "nghi-quyet", "2021-05-07", "Tỉnh ủy")],
    ),
    (
        "Nghị quyết số 27–NQ/HU và Thông tư 04/2022/TT‑BXD (dashes from a word processor)",
        [
            ("Nghị quyết số 27–NQ/HU", "nghi-quyet", None, None),
            ("Thông tư 04/2022/TT‑BXD", "thong-tu", None, None),
        ],
    ),
    # Not citations: dates, fractions, percentages, money, phones, ranges, codes.
    ("Ngày 27/3/2024, Ban Chấp hành Đảng bộ huyện họp", []),
    ("Đến nay, 12/17 chỉ tiêu chủ yếu đạt và vượt", []),
    ("thu ngân sách đạt 51% so với kế hoạch", []),
    ("nhiệm kỳ 2021 - 2025 và 2020-2025", []),
    ("di chuyển được 37/84 hộ, đạt 44% kế hoạch", []),
    ("Ước thiệt hại khoảng 175 tỷ đồng; 3.962 con vật nuôi", []),
    ("Điện thoại: 0215.3825.123 hoặc 0912-345-678", []),
    ("quý II/2024 và tháng 6/2023", []),
    ("Đường trung tâm xã Tênh Phông Km1+967 (Km14 QL.2)", []),
    ('phòng, chống dịch Covid-19 và "5K + vắc xin"', []),
    ("T/M Huyện ủy, T/L Ban Thường vụ, K/T Bí thư", []),
    ("Các sở: KH&ĐT, NN&PTNT, GTVT", []),
    ("đường tỉnh ĐT188 và đường 25B", []),
    (
        "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII, Nghị quyết Trung ương 4 khóa XII",
        [
            ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII", "nghi-quyet", None, None),
            ("Nghị quyết Trung ương 4 khóa XII", "nghi-quyet", None, None),
        ],
    ),
    ("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII; Nghị quyết Đại hội", []),
    ("3.1- Đối với cấp ủy tỉnh; 1- Về tình hình", []),
    ("đến hết ngày 30/9/2021 giải ngân phải đạt trên 60%", []),
    ("số 15/TB chưa rõ cơ quan", []),
    ("tỷ lệ 7,71% giảm 4,17% so với năm 2020", []),
    ("Kết luận này, Nghị quyết chuyên đề của Tỉnh ủy", []),
    ("lúc 14h30 ngày 12 tháng 6 năm 2025", []),
    ("mã số 1234/ABC không phải văn bản", []),
    ("mức hỗ trợ 1.500.000 đồng/người/tháng", []),
    ("Điều 5 Luật Đất đai 2024; khoản 2, Điều 3", []),
    ("Hotline (0215) 3825 123, biển số 27A-123.45", []),
]


def found(text: str) -> list[Found]:
    return [
        (
            text[c.start : c.end],
            c.kind,
            c.date.iso() if c.date else None,
            c.issuer,
        )
        for c in extract(text)
    ]


def test_enough_cases() -> None:
    assert len(CASES) >= 60
    assert sum(1 for _, expected in CASES if not expected) >= 20


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:40] for t, _ in CASES])
def test_extraction(text: str, expected: list[Found]) -> None:
    assert found(text) == expected


def _examples(doc: str) -> tuple[list[str], list[str]]:
    """``code`` examples of a docstring, before and after "Not:"."""
    yes, _, no = doc.partition("Not:")
    pick = re.compile(r"``(.+?)``", re.S)
    lines = [[e.replace("⏎", "\n") for e in pick.findall(part)] for part in (yes, no)]
    return lines[0], lines[1]


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.__name__)
def test_symbol_docstring_examples(form: type) -> None:
    positives, negatives = _examples(form.__doc__ or "")
    assert positives and negatives
    for example in positives:
        symbol = parse_symbol(example)
        assert symbol is not None, example
        assert symbol.form == form.__name__, example
    for example in negatives:
        assert not [c for c in extract(example) if c.symbol.form == form.__name__], example


def test_prefix_date_and_issuer_docstring_examples() -> None:
    positives, negatives = _examples(TypePrefix.__doc__ or "")
    for example in positives:
        assert TypePrefix.match(example, len(example)), example
    for example in negatives:
        match = TypePrefix.match(example, len(example))
        assert match is None or match["word"] is None, example
    positives, negatives = _examples(DatePhrase.__doc__ or "")
    for example in positives:
        assert DatePhrase.match(example, 0), example
    for example in negatives:
        assert DatePhrase.match(example, 0) is None, example
    symbol = parse_symbol("45/2018/QĐ-UBND")
    assert symbol is not None
    positives, negatives = _examples(IssuerPhrase.__doc__ or "")
    for example in positives:
        phrase = " ".join(example.split()).removeprefix(symbol.text)
        assert IssuerPhrase.match(phrase, 0, symbol), example
    for example in negatives:
        assert IssuerPhrase.match(example, 0, symbol) is None, example


def test_nfd_input_is_read_after_normalisation() -> None:
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFD", CASES[0][0]))
    assert found(text) == CASES[0][1]


def test_markdown_markup_is_read_through_but_code_is_not() -> None:
    body = prose(
        "Theo Nghị quyết số **27-NQ/HU** ngày 24/02/2021 của *Huyện ủy*. "
        "Mã `12-NQ/TU`.\n\n```\n01-NQ/TW\n```\n"
    )
    assert [(c.symbol.text, c.date and c.date.iso(), c.issuer) for c in extract(body.text)] == [
        ("27-NQ/HU", "2021-02-24", "Huyện ủy")
    ]


def test_link_text_is_marked_and_sentence_is_clean() -> None:
    body = prose("Đầu. Xem [Chỉ thị số 26-CT/TU](https://example.gov.vn/ct26) của *BTV Tỉnh ủy*.")
    (citation,) = extract(body.text)
    assert body.in_link(citation.start, citation.end)
    assert (
        body.sentence(citation.start, citation.tail) == "Xem Chỉ thị số 26-CT/TU của BTV Tỉnh ủy."
    )


def test_dashes_are_spelt_as_hyphens() -> None:
    symbol = parse_symbol("27–NQ/HU")
    assert symbol is not None and symbol.text == "27-NQ/HU"


def test_symbol_keys_fold_spelling() -> None:
    a, b = parse_symbol("96-QĐ/TW"), parse_symbol("96 - QĐ/TƯ")
    assert a is not None and b is not None
    assert a.key == b.key == "96-QD/TW"
    assert parse_symbol("04/2022/TT- BXD").text == "04/2022/TT-BXD"  # type: ignore[union-attr]
    assert parse_symbol("Nghị quyết") is None
