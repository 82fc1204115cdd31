"""Importer failure categories of issue 15, each with a positive and a negative case:
headings of State and central documents, dates, kinds, issuers and levels, authority chains,
joint documents, recipients, gazette furniture, tabs and tables, and ``--report``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ketluan import cli
from ketluan.core.kinds import CATALOGUE
from ketluan.core.model import BUILTIN_TYPES
from ketluan.importer.convert import convert
from ketluan.importer.places import default_lookup

TYPES = dict(BUILTIN_TYPES)
LETTERHEAD = "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
SIGNATURE = "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nPhạm Văn Bình\n"


def _resolution(date_line: str = "Hà Nội, ngày 25 tháng 4 năm 2026\n", body: str = "") -> str:
    return (
        f"{LETTERHEAD}Số: 113/NQ-CP\n{date_line}NGHỊ QUYẾT\n"
        "Về thanh toán các chi phí khám bệnh, chữa bệnh\nvượt dự toán giai đoạn 2018 - 2022\n"
        "CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n"
        f"QUYẾT NGHỊ:\nĐiều 1. Bộ Y tế thực hiện.{body}\n{SIGNATURE}"
    )


def test_date_of_issue_is_the_date_line_never_a_can_cu_date() -> None:
    values = convert(_resolution(), TYPES).values
    assert values["date"] == dt.date(2026, 4, 25)
    undated = convert(_resolution(date_line=""), TYPES)
    assert undated.values["date"] != dt.date(2025, 2, 18)  # the Căn cứ law's date
    assert "date" in undated.attention


def test_blank_number_and_day_of_an_unsigned_copy_are_blank() -> None:
    raw = _resolution(date_line="Hà Nội, ngày tháng năm 2026\n").replace("113/NQ-CP", "/NQ-CP")
    conversion = convert(raw, TYPES)
    assert (conversion.values["number"], conversion.values["date"]) == (None, "2026")
    assert {"number", "date"} <= set(conversion.attention)


def test_the_title_stops_before_the_enacting_body_and_the_preamble() -> None:
    title = convert(_resolution(), TYPES).values["title"]
    assert title == (
        "Nghị quyết về thanh toán các chi phí khám bệnh, chữa bệnh vượt dự toán giai đoạn"
        " 2018 - 2022"
    )


def test_authority_chain_kept_whole_with_its_printed_prefixes() -> None:
    signer = convert(_resolution(), TYPES).values["signer"]
    assert signer == {
        "authority": ["TM. Chính phủ", "KT. Thủ tướng"],
        "title": "Phó Thủ tướng",
        "name": "Phạm Văn Bình",
    }
    single = convert(_resolution().replace("TM. CHÍNH PHỦ\n", ""), TYPES).values["signer"]
    assert single["authority"] == "KT. Thủ tướng"


def test_central_document_has_no_province_from_places_in_its_body() -> None:
    raw = _resolution(body=" Ủy ban nhân dân tỉnh Lai Châu, tỉnh Lai Châu, tỉnh Lai Châu.")
    values = convert(raw, TYPES, default_lookup()).values
    assert (values["issuer"], values["level"]) == ("Chính phủ", "trung-uong")
    assert "province" not in values and "district" not in values
    local = raw.replace("CHÍNH PHỦ\nCỘNG", "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nCỘNG", 1)
    values = convert(local, TYPES, default_lookup()).values
    assert (values["issuer"], values["level"], values["province"]) == (
        "Ủy ban nhân dân tỉnh Lai Châu",
        "tinh",
        "Lai Châu",
    )


def test_gazette_furniture_is_removed_and_the_paragraph_rejoined() -> None:
    furniture = (
        "\nKý bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCơ quan: VĂN PHÒNG CHÍNH"
        " PHỦ\nNgày ký: 2026-05-08 16:42:06 +07:00\n\nCÔNG BÁO/Số 271/Ngày 12-05-2026\n85\n"
    )
    raw = _resolution(body=f" Bộ Tài chính phối hợp với{furniture}các địa phương thực hiện.")
    conversion = convert(raw, TYPES)
    assert "Bộ Tài chính phối hợp với các địa phương thực hiện." in conversion.body
    for word in ("CÔNG BÁO", "Ký bởi", "Cơ quan:", "\n85\n"):
        assert word not in conversion.body
    kept = convert(_resolution(body="\n\nBảng 1\n85\n"), TYPES).body
    assert "85" in kept  # a number alone away from a running header is text


def test_gazette_header_is_never_the_title_of_a_news_report() -> None:
    raw = "CÔNG BÁO/Số 238/Ngày 21-04-2026\n92\n" + _resolution()
    values = convert(raw, TYPES).values
    assert (values["type"], values["number"]) == ("nghi-quyet", "113/NQ-CP")


@pytest.mark.parametrize(
    "kind", [k for k in CATALOGUE if not k.news and k.slug != "van-ban"], ids=lambda k: k.slug
)
def test_every_kind_of_the_catalogue_is_read_from_its_heading(kind: object) -> None:
    heading = kind.label.upper()  # type: ignore[attr-defined]
    subtitle = "Về việc thử nghiệm" if kind.slug not in (  # type: ignore[attr-defined]
        "thong-bao-ket-luan", "thong-bao-y-kien"
    ) else ""  # fmt: skip
    raw = _resolution().replace("NGHỊ QUYẾT\n", f"{heading}\n{subtitle}\n", 1)
    assert convert(raw, TYPES).values["type"] == kind.slug  # type: ignore[attr-defined]


def test_a_cong_van_is_known_by_its_subject_line() -> None:
    raw = (
        "VĂN PHÒNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 3722/VPCP-CN\n"
        "V/v cơ chế đặc thù xây dựng công trình\nHà Nội, ngày 28 tháng 4 năm 2026\n"
        "Kính gửi: Bộ Xây dựng.\nVăn phòng Chính phủ thông báo./.\n"
        "KT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\n\nPhạm Mạnh Cường\n"
    )
    values = convert(raw, TYPES).values
    assert (values["type"], values["title"]) == (
        "cong-van",
        "V/v cơ chế đặc thù xây dựng công trình",
    )
    assert values["signer"]["authority"] == "KT. Bộ trưởng, Chủ nhiệm"


def test_joint_document_has_its_issuers_and_signers() -> None:
    raw = (
        "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO -\nTÒA ÁN NHÂN DÂN TỐI CAO -\nBỘ CÔNG AN - BỘ QUỐC PHÒNG\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 01/2022/TTLT-VKSNDTC-\nTANDTC-BCA-BQP\n"
        "Hà Nội, ngày 18 tháng 02 năm 2022\nTHÔNG TƯ LIÊN TỊCH\nQuy định về phối hợp\n"
        "Căn cứ Bộ luật Tố tụng hình sự ngày 27 tháng 11 năm 2015;\nĐiều 1. Phạm vi./.\n"
        "KT. VIỆN TRƯỞNG\nVIỆN KIỂM SÁT NHÂN DÂN TỐI CAO\nPHÓ VIỆN TRƯỞNG\nNguyễn Duy Giảng\n"
        "KT. BỘ TRƯỞNG BỘ CÔNG AN\nTHỨ TRƯỞNG\nTrung tướng Nguyễn Duy Ngọc\n"
    )
    values = convert(raw, TYPES).values
    assert values["number"] == "01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP"
    assert values["type"] == "thong-tu-lien-tich"
    assert values["issuers"] == [
        "Viện kiểm sát nhân dân tối cao",
        "Tòa án nhân dân tối cao",
        "Bộ Công an",
        "Bộ Quốc phòng",
    ]
    assert values["signers"] == [
        {
            "authority": "KT. Viện trưởng Viện kiểm sát nhân dân tối cao",
            "title": "Phó Viện trưởng",
            "name": "Nguyễn Duy Giảng",
        },
        {"authority": "KT. Bộ trưởng Bộ Công an", "title": "Thứ trưởng", "name": "Nguyễn Duy Ngọc"},
    ]
    assert "issuer" not in values and "signer" not in values


def test_a_parent_body_above_the_issuer_is_not_the_issuer() -> None:
    raw = _resolution().replace(
        "CHÍNH PHỦ\nCỘNG", "BAN CHẤP HÀNH TRUNG ƯƠNG\nĐẢNG ĐOÀN QUỐC HỘI\nCỘNG", 1
    )
    assert convert(raw, TYPES).values["issuer"] == "Đảng đoàn Quốc hội"


def test_recipients_wrapped_over_lines_stay_one_recipient() -> None:
    raw = _resolution().replace(
        SIGNATURE,
        "Nơi nhận:\n- Ủy ban TW Mặt trận Tổ\nquốc Việt Nam;\n- Các Bộ, cơ quan ngang Bộ,\n"
        "cơ quan thuộc CP;\n- Lưu: VT.\n\n" + SIGNATURE,
    )
    values = convert(raw, TYPES).values
    assert values["recipients"] == [
        "Ủy ban TW Mặt trận Tổ quốc Việt Nam",
        "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc CP",
        "Lưu: VT",
    ]
    assert values["signer"]["name"] == "Phạm Văn Bình"  # the list ends at the signature


def test_thong_bao_ket_luan_on_one_line_of_a_thi_uy() -> None:
    raw = (
        "ĐẢNG BỘ TỈNH HÀ TĨNH\nTHỊ ỦY HỒNG LĨNH\nSố 17-TB/TU\nHồng Lĩnh, ngày 3 tháng 5 năm 2024\n"
        "THÔNG BÁO KẾT LUẬN CỦA BAN THƯỜNG VỤ THỊ ỦY\nvề công tác tháng 4\n"
        "Ngày 2/5/2024, Ban Thường vụ Thị ủy họp. Thị xã Hồng Lĩnh thực hiện.\n"
        "T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\n\nNguyễn Văn Hải\n"
    )
    values = convert(raw, TYPES).values
    assert values["type"] == "thong-bao-ket-luan"
    assert values["title"] == "Kết luận của Ban Thường vụ Thị ủy về công tác tháng 4"
    assert values["issuer"] == "Ban Thường vụ Thị ủy Hồng Lĩnh"


def test_tabs_of_word_tables() -> None:
    raw = (
        "HUYỆN ỦY SƠN ĐỘNG\tĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Số 17-KL/HU\tSơn Động, ngày 3 tháng 5 năm 2024\n"
        "KẾT LUẬN\ncủa Ban Thường vụ Huyện ủy\nNgày 2/5/2024, Ban Thường vụ Huyện ủy họp.\n\n"
        "STT\tNội dung\tThời gian\n1\tKết luận số 12-KL/HU\tTháng 5\n2\tBáo cáo\tTháng 6\n\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nĐỗ Văn Cẩm\n"
    )
    conversion = convert(raw, TYPES)
    assert conversion.values["number"] == "17-KL/HU"  # not 17-KL/HUĐẢNGCỘNGSẢNVIỆTNAM
    assert conversion.values["date"] == dt.date(2024, 5, 3)
    assert (
        "| STT | Nội dung | Thời gian |\n|---|---|---|\n| 1 | Kết luận số 12-KL/HU | Tháng 5 |"
        in conversion.body
    )


def test_report_json_gives_value_and_line_of_each_field(tmp_path: Path) -> None:
    good = tmp_path / "113.txt"
    good.write_text(_resolution(), encoding="utf-8")
    blank = tmp_path / "blank.txt"
    blank.write_text(_resolution().replace("113/NQ-CP", "/NQ-CP"), encoding="utf-8")
    report = tmp_path / "report.json"
    args = ["import", "--out", str(tmp_path / "out"), "--report", str(report)]
    assert cli.main([*args, str(good), str(blank), "-f", str(tmp_path / "none.yml")]) == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    first = {d["source"]: d for d in data["documents"]}[good.as_posix()]
    assert first["fields"]["number"] == {"value": "113/NQ-CP", "line": 4, "text": "Số: 113/NQ-CP"}
    assert first["fields"]["date"]["line"] == 5
    assert first["fields"]["signer"]["line"] == 17  # the name line
    assert data["summary"]["fields_needing_attention"] == {"number": 1}
    other = {d["source"]: d for d in data["documents"]}[blank.as_posix()]
    assert other["fields"]["number"]["attention"].startswith("the copy leaves the number blank")


def test_a_table_stays_a_table_in_a_news_report_and_in_a_document() -> None:
    table = "| STT | Nhiệm vụ | Căn cứ |\n|---|---|---|\n| 1 | Thực hiện | Nghị quyết số 66-NQ/TW |"
    news = f"Huyện Sơn Động tổng kết công tác\n\nNgày 2/5/2024, huyện tổng kết.\n\n{table}\n"
    document = _resolution(body=f"\n\n{table}\n")
    for raw in (news, document):
        body = convert(raw, TYPES).body
        assert table in body
        assert "*|" not in body


def test_a_politburo_conclusion_under_the_central_committee_letterhead() -> None:
    raw = (
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 126-KL/TW\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Hà Nội, ngày 14 tháng 02 năm 2025\nKẾT LUẬN\ncủa Bộ Chính trị, Ban Bí thư về một số"
        " nội dung\nTại phiên họp ngày 14/02/2025, Bộ Chính trị kết luận như sau.\n"
        "T/M BỘ CHÍNH TRỊ\n\nTrần Cẩm Tú\n"
    )
    values = convert(raw, TYPES, default_lookup()).values
    assert (values["issuer"], values["level"]) == ("Bộ Chính trị", "trung-uong")
    assert values["signer"] == {"authority": "T/M Bộ Chính trị", "name": "Trần Cẩm Tú"}
    plenum = raw.replace("T/M BỘ CHÍNH TRỊ", "T/M BAN CHẤP HÀNH TRUNG ƯƠNG")
    assert convert(plenum, TYPES).values["issuer"] == "Ban Chấp hành Trung ương"


def test_a_word_file_of_a_ministry_with_layout_tables(tmp_path: Path) -> None:
    """Letterhead and signature in two-column tables, as Word files are laid out; the
    circular the trích yếu names, cited nowhere else, is kept in ``references``."""
    import docx

    from ketluan.importer.inputs import read_source

    document = docx.Document()
    top = document.add_table(rows=1, cols=2)
    top.cell(0, 0).text = "BỘ CÔNG THƯƠNG\n\nSố: 21/2026/TT-BCT"
    top.cell(0, 1).text = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày 28 tháng 4 năm 2026"
    )
    for line in (
        "THÔNG TƯ",
        "Bãi bỏ một phần Thông tư số 18/2025/TT-BCT",
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 2 năm 2025;",
        "Điều 1. Bãi bỏ cụm từ.",
    ):
        document.add_paragraph(line)
    bottom = document.add_table(rows=1, cols=2)
    bottom.cell(0, 0).text = "Nơi nhận:\n- Văn phòng Chính phủ;\n- Lưu: VT."
    bottom.cell(0, 1).text = "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n\nNguyễn Sinh Nhật Tân"
    document.save(str(tmp_path / "tt.docx"))
    values = convert(read_source(tmp_path / "tt.docx"), TYPES).values
    assert values["title"] == "Thông tư bãi bỏ một phần Thông tư số 18/2025/TT-BCT"
    assert (values["type"], values["number"]) == ("thong-tu", "21/2026/TT-BCT")
    assert values["date"] == dt.date(2026, 4, 28)
    assert (values["issuer"], values["level"]) == ("Bộ Công Thương", "trung-uong")
    assert values["signer"] == {
        "authority": "KT. Bộ trưởng",
        "title": "Thứ trưởng",
        "name": "Nguyễn Sinh Nhật Tân",
    }
    assert values["recipients"] == ["Văn phòng Chính phủ", "Lưu: VT"]
    assert values["references"] == [{"number": "18/2025/TT-BCT"}]
