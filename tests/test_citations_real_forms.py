"""Citation forms of real published documents (issue 15): each form beside a text it must
not take, and the docstring examples of the matchers for documents cited by name, short
forms and issuers written before the number."""

from __future__ import annotations

import pytest
from test_citations import Found, _examples, found

from ketluan.citations.issuers import IssuerBefore
from ketluan.citations.matchers import extract
from ketluan.citations.named import (
    CentralResolution,
    Constitution,
    LawName,
    PartyCharter,
    ShortForm,
)

CASES: list[tuple[str, list[Found]]] = [
    # Real documents (issue 15), each form beside a text it must not take.
    (
        "theo Thông tư liên tịch số 06/2018/TTLT-VKSNDTC-TANDTC-BCA-BTP-BLĐTBXH ngày "
        "21/12/2018 của Viện kiểm sát nhân dân tối cao, Tòa án nhân dân tối cao, Bộ Công an về",
        [
            (
                "Thông tư liên tịch số 06/2018/TTLT-VKSNDTC-TANDTC-BCA-BTP-BLĐTBXH",
                "thong-tu-lien-tich",
                "2018-12-21",
                "Viện kiểm sát nhân dân tối cao, Tòa án nhân dân tối cao, Bộ Công an",
            )
        ],
    ),
    (
        "Thông tư liên tịch số 02/2017/TTLT-\nVKSNDTC-TANDTC-BCA-BQP ngày 22/12/2017",
        [
            (
                "Thông tư liên tịch số 02/2017/TTLT-\nVKSNDTC-TANDTC-BCA-BQP",
                "thong-tu-lien-tich",
                "2017-12-22",
                None,
            )
        ],
    ),
    ("phối hợp theo TTLT-VKSNDTC-BCA và BNN&PTNT", []),
    (
        "Nghị quyết \nsố 66-\nNQ/TW1 \n2 ",
        [("Nghị quyết \nsố 66-\nNQ/TW", "nghi-quyet", None, None)],
    ),
    (
        "Nghị định số 09/2026/NĐ-\nCP4\n14",
        [("Nghị định số 09/2026/NĐ-\nCP", "nghi-dinh", None, None)],
    ),
    ("Kế hoạch số 3260-KH/ĐĐQH15", [("Kế hoạch số 3260-KH/ĐĐQH15", "ke-hoach", None, None)]),
    ("mã 66-NQ/TW123 không phải số ký hiệu", []),
    (
        "Nghị quyết số 119/2026/ \nUBTVQH15 ngày 10/4/2026",
        [("Nghị quyết số 119/2026/ \nUBTVQH15", "nghi-quyet", "2026-04-10", None)],
    ),
    ("Tờ trình số357/TTr-CP và", [("Tờ trình số357/TTr-CP", "to-trinh", None, None)]),
    ("tổng số357 hộ gia đình", []),
    (
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;",
        [("72/2025/QH15", "luat", None, None)],
    ),
    (
        "theo Nghị quyết số 203/2025/QH15;",
        [("Nghị quyết số 203/2025/QH15", "nghi-quyet", None, None)],
    ),
    (
        "THÔNG TƯ SỐ 79/2024/TT-BCA NGÀY 15 THÁNG 11 NĂM 2024 CỦA BỘ TRƯỞNG BỘ CÔNG AN QUY ĐỊNH",
        [("THÔNG TƯ SỐ 79/2024/TT-BCA", "thong-tu", "2024-11-15", "BỘ TRƯỞNG BỘ CÔNG AN")],
    ),
    ("THỰC HIỆN KẾT LUẬN SỐ 213-KL/TW", [("KẾT LUẬN SỐ 213-KL/TW", "ket-luan", None, None)]),
    (
        "Theo đề nghị của Bộ trưởng Bộ Y tế tại Tờ trình số 609/TTr-BYT ngày 13/4/2026;",
        [("Tờ trình số 609/TTr-BYT", "to-trinh", "2026-04-13", "Bộ trưởng Bộ Y tế")],
    ),
    (
        "Xét đề nghị của Chính phủ tại Tờ trình số 357/TTr-CP và Đề án số 358/ĐA-CP; của "
        "Ủy ban nhân dân Thành phố Hà Nội tại Tờ trình số 83/TTr-UBND.",
        [
            ("Tờ trình số 357/TTr-CP", "to-trinh", None, "Chính phủ"),
            ("Đề án số 358/ĐA-CP", "de-an", None, "Chính phủ"),
            ("Tờ trình số 83/TTr-UBND", "to-trinh", None, "Ủy ban nhân dân Thành phố Hà Nội"),
        ],
    ),
    (
        "Xét đề nghị của Thường trực Hội đồng nhân dân thành phố Đà Nẵng tại Tờ trình số "
        "10/TTr-HĐND ngày 14/4/2026 và đề nghị của Bộ trưởng Bộ Nội vụ tại Tờ trình số "
        "252/TTr-BNV ngày 17/4/2026.",
        [
            (
                "Tờ trình số 10/TTr-HĐND",
                "to-trinh",
                "2026-04-14",
                "Thường trực Hội đồng nhân dân thành phố Đà Nẵng",
            ),
            ("Tờ trình số 252/TTr-BNV", "to-trinh", "2026-04-17", "Bộ trưởng Bộ Nội vụ"),
        ],
    ),
    (
        "Chương trình hành động của Chính phủ tại Nghị quyết số 140/NQ-CP như sau",
        [("Nghị quyết số 140/NQ-CP", "nghi-quyet", None, None)],
    ),
    (
        "Báo cáo thẩm tra số 429/BC-UBPLTP15 ngày 03 tháng 6 năm 2025 của Ủy ban Pháp luật và "
        "Tư pháp,",
        [
            (
                "429/BC-UBPLTP15",
                "bao-cao",
                "2025-06-03",
                "Ủy ban Pháp luật và Tư pháp",
            )
        ],
    ),
    (
        "Thông tư số 18/2025/TT-BCT ngày 13/3/2025 của Bộ trưởng Bộ Công Thương sửa đổi",
        [("Thông tư số 18/2025/TT-BCT", "thong-tu", "2025-03-13", "Bộ trưởng Bộ Công Thương")],
    ),
    (
        "Chương trình số 12-CTr/BCĐ ngày 30 tháng 12 năm 2025 của Ban Chỉ đạo Trung ương về",
        [("Chương trình số 12-CTr/BCĐ", "chuong-trinh", "2025-12-30", "Ban Chỉ đạo Trung ương")],
    ),
    (
        "Thông tư số 02/2018/TT-TANDTC ngày 21/9/2018 của Chánh án Tòa án nhân dân tối cao quy",
        [
            (
                "Thông tư số 02/2018/TT-TANDTC",
                "thong-tu",
                "2018-09-21",
                "Chánh án Tòa án nhân dân tối cao",
            )
        ],
    ),
    (
        "Tờ trình số 5/TTr-BYT của Bộ trưởng về việc",
        [("Tờ trình số 5/TTr-BYT", "to-trinh", None, None)],
    ),
    (
        "Kế hoạch số 128/KH-UBND ngày 30/3/2026 của UBND Thành phố về",
        [("Kế hoạch số 128/KH-UBND", "ke-hoach", "2026-03-30", "UBND Thành phố")],
    ),
    (
        "Nghị quyết số 05-NQ/TU ngày 2/3/2021 của Thành ủy Quy Nhơn về",
        [("Nghị quyết số 05-NQ/TU", "nghi-quyet", "2021-03-02", "Thành ủy Quy Nhơn")],
    ),
    (
        "Nghị quyết số 05-NQ/TU của Tỉnh ủy Quy định số 3",
        [("Nghị quyết số 05-NQ/TU", "nghi-quyet", None, "Tỉnh ủy")],
    ),
    (
        "Nghị quyết số 2-NQ/HU của Huyện ủy Cư M'gar và Chỉ thị số 3-CT/TU của Thành ủy "
        "Thành phố Hồ Chí Minh, Nghị quyết số 4-NQ/QU của Quận ủy Quận 1.",
        [
            ("Nghị quyết số 2-NQ/HU", "nghi-quyet", None, "Huyện ủy Cư M'gar"),
            ("Chỉ thị số 3-CT/TU", "chi-thi", None, "Thành ủy Thành phố Hồ Chí Minh"),
            ("Nghị quyết số 4-NQ/QU", "nghi-quyet", None, "Quận ủy Quận 1"),
        ],
    ),
    # Documents cited by name, and short forms the text defines.
    (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        [("Luật Tổ chức chính quyền địa phương", "luat", "2025-06-16", None)],
    ),
    (
        "sửa đổi một số điều của Hiến pháp năm 2013.",
        [("Hiến pháp năm 2013", "hien-phap", "2013", None)],
    ),
    ("theo đúng Điều lệ Đảng, quy định", [("Điều lệ Đảng", "dieu-le", None, None)]),
    (
        "Luật Đầu tư công, Luật Thi đua, khen thưởng; Bộ luật Tố tụng hình sự.",
        [
            ("Luật Đầu tư công", "luat", None, None),
            ("Luật Thi đua, khen thưởng", "luat", None, None),
            ("Bộ luật Tố tụng hình sự", "luat", None, None),
        ],
    ),
    ("các dự án luật, pháp lệnh; Luật sửa đổi, bổ sung một số điều; điều lệ công ty", []),
    (
        "Thông tư liên tịch số 06/2018/TTLT-VKSNDTC-BCA ngày 21/12/2018 (sau đây viết tắt là "
        "Thông tư liên tịch số 06/2018). Theo Điều 14 Thông tư liên tịch số 06/2018.",
        [
            (
                "Thông tư liên tịch số 06/2018/TTLT-VKSNDTC-BCA",
                "thong-tu-lien-tich",
                "2018-12-21",
                None,
            ),
            ("Thông tư liên tịch số 06/2018", "thong-tu-lien-tich", "2018-12-21", None),
            ("Thông tư liên tịch số 06/2018", "thong-tu-lien-tich", "2018-12-21", None),
        ],
    ),
    ("có 06/2018 hộ được hỗ trợ, số 06/2018 không có định nghĩa", []),
]


def test_every_form_has_a_negative_beside_it() -> None:
    assert sum(1 for _, expected in CASES if not expected) >= 5


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:40] for t, _ in CASES])
def test_extraction(text: str, expected: list[Found]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "form", [LawName, Constitution, PartyCharter, CentralResolution], ids=lambda f: f.__name__
)
def test_named_document_docstring_examples(form: type) -> None:
    positives, negatives = _examples(form.__doc__ or "")
    assert positives and negatives
    for example in positives:
        assert form.pattern.search(example), example
        assert [c for c in extract(example) if c.symbol.form == "NamedDocument"], example
    for example in negatives:
        assert not form.pattern.search(example), example


def test_short_form_and_issuer_before_docstring_examples() -> None:
    positives, negatives = _examples(ShortForm.__doc__ or "")
    assert all(ShortForm.definition.search(e) for e in positives), positives
    assert not any(ShortForm.definition.search(e) for e in negatives), negatives
    positives, negatives = _examples(IssuerBefore.__doc__ or "")
    for example in positives:
        spans = IssuerBefore.spans(example)
        assert spans, example
        assert all(c.issuer for c in extract(example)), example
    for example in negatives:
        assert not IssuerBefore.spans(example), example


def test_several_issuers_only_after_a_joint_number() -> None:
    """After a joint (liên tịch) number every body listed is the issuer; after any other
    number a comma ends it, as the next words are the sentence's subject."""
    joint = (
        "Thông tư liên tịch số 06/2018/TTLT-BCA-BQP ngày 01/02/2018 của Bộ Công an, Bộ Quốc phòng."
    )
    (found,) = extract(joint)
    assert found.issuer == "Bộ Công an, Bộ Quốc phòng"
    single = (
        "Thực hiện Kết luận số 129-KL/TU ngày 14/10/2016 của Ban Thường vụ Tỉnh ủy Bình Dương,"
        " Ban Thường vụ Thành ủy thống nhất triển khai như sau."
    )
    (found,) = extract(single)
    assert found.issuer == "Ban Thường vụ Tỉnh ủy Bình Dương"
