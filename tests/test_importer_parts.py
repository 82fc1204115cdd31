"""Importer parts: cleanup and detection rules, positive and negative cases side by side."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pytest

from ketluan.core.frontmatter import parse
from ketluan.core.model import BUILTIN_TYPES
from ketluan.importer.casing import Casing
from ketluan.importer.convert import convert, render
from ketluan.importer.inputs import read_source
from ketluan.importer.places import (
    DictPlaces,
    GazetteerPlaces,
    default_lookup,
    find_places,
)
from ketluan.importer.tail import signers
from ketluan.importer.text import heading_level, paragraphs, rejoin, strip_chrome

LONG = "Ban Chấp hành Đảng bộ huyện đánh giá tình hình thực hiện nhiệm vụ. " * 4


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        # cut by a page break: the continuation starts in lowercase
        ("thực hiện tốt các chính sách hỗ trợ", "doanh nghiệp, người dân.", True),
        # cut inside running text before a capitalised word
        ("(3) Về tình hình quý I/2024: Các đồng chí", "Huyện ủy viên cần tiếp tục.", True),
        (LONG + "Công", "Tác giải quyết đơn thư.", True),
        # a finished sentence, a numbered title, a caption, a list item: never joined
        ("Thu ngân sách đạt 51% kế hoạch.", "tiếp theo là", False),
        ("1. Về thực hiện nhiệm vụ chính trị", "Sáu tháng đầu năm 2021, ...", False),
        ("Toàn cảnh Hội nghị", "Trong tháng 5/2023, cấp ủy...", False),
        ("các nhiệm vụ chủ yếu sau", "- Tiếp tục chỉ đạo.", False),
    ],
)
def test_page_break_rejoining(first: str, second: str, joined: bool) -> None:
    assert (rejoin([first, second]) == [f"{first} {second}"]) is joined


def test_italic_aside_cut_by_a_page_break_continues_to_its_parenthesis() -> None:
    first = "Triển khai chương trình (*yêu cầu trưởng ban chỉ đạo các xã khảo sát, phê*"
    second = "duyệt dự án để triển khai thực hiện); thường xuyên giám sát."
    assert rejoin([first, second]) == [
        "Triển khai chương trình (*yêu cầu trưởng ban chỉ đạo các xã khảo sát, phê"
        " duyệt dự án để triển khai thực hiện*); thường xuyên giám sát."
    ]


def test_soft_wrapped_lines_join_and_bold_runs_stay_whole() -> None:
    lines = ["**kết luận của đồng chí A,", "tại buổi làm việc**", "", "Dòng một.", "Dòng hai."]
    assert paragraphs(lines) == [
        "**kết luận của đồng chí A, tại buổi làm việc**",
        "Dòng một.",
        "Dòng hai.",
    ]


@pytest.mark.parametrize(
    ("para", "level"),
    [
        ("1. Về tình hình thực hiện nhiệm vụ quý I; phương hướng quý II/2024", 2),
        ("2. Về tình hình thực hiện dự toán thu - chi ngân sách quý I/2024:", 2),
        ("1- Về tình hình thực hiện nhiệm vụ tháng 8", 2),
        ("3.1- Đối với cấp ủy tỉnh", 3),
        # sentences that start with a number stay paragraphs
        ("3.3- Ban cán sự đảng tập trung chỉ đạo thực hiện một số nhiệm vụ sau:", 0),
        ("3. Giao Văn phòng Huyện ủy tiếp tục theo dõi, đôn đốc.", 0),
        ("1. " + LONG, 0),
        ("(1) Tiếp tục bám sát nhiệm vụ", 0),
    ],
)
def test_numbered_titles_become_headings(para: str, level: int) -> None:
    assert heading_level(para) == level


def test_portal_chrome_and_trailing_related_links_are_removed() -> None:
    text = (
        "PublishingPortal - Block_BanTin_Toolbar\n\n31/05/2023\nTăng cỡ chữ Giảm cỡ chữ\n"
        "Tin chính | trong | bảng.\nCuối bài.\nTin liên quan một | |\nTin liên quan hai | |\n"
    )
    cleaned = strip_chrome(text)
    assert cleaned.lines == ["31/05/2023", "Tin chính | trong | bảng.", "Cuối bài."]
    assert len(cleaned.removed) == 4


def test_related_news_under_a_heading_is_removed_but_a_final_table_stays() -> None:
    text = "Bài viết.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nTin liên quan:\nTin một\nTin hai\n"
    cleaned = strip_chrome(text)
    assert cleaned.lines == ["Bài viết.", "", "| a | b |", "|---|---|", "| 1 | 2 |", ""]
    assert cleaned.removed == [
        "related-news link 'Tin liên quan:'",
        "related-news link 'Tin một'",
        "related-news link 'Tin hai'",
    ]
    assert strip_chrome("Bảng:\n| a | b |\n| 1 | 2 |\n").removed == []


@pytest.mark.parametrize(
    ("upper", "cased"),
    [
        (
            "CỦA BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN tại kỳ họp thứ 22",
            "Của Ban Chấp hành Đảng bộ huyện tại kỳ họp thứ 22",
        ),
        ("Ý KIẾN CỦA THƯỜNG TRỰC TỈNH ỦY", "Ý kiến của Thường trực Tỉnh ủy"),
        ("KẾT LUẬN HỘI NGHỊ LẦN THỨ XII", "Kết luận Hội nghị lần thứ XII"),
        ("VỀ VIỆC GIAO UBND HUYỆN", "Về việc giao UBND huyện"),
        ("kết luận của đồng chí Mùa A Sơn", "Kết luận của đồng chí Mùa A Sơn"),
    ],
)
def test_all_caps_headings_in_sentence_case(upper: str, cased: str) -> None:
    assert Casing.from_body("").sentence_case(upper) == cased


def test_sentence_case_takes_names_from_the_body() -> None:
    casing = Casing.from_body("Làm việc với Ban Thường vụ Huyện ủy Sơn Động hôm nay.")
    assert casing.sentence_case("HUYỆN ỦY SƠN ĐỘNG") == "Huyện ủy Sơn Động"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "(Handwritten signature)", "Nguyễn Văn Dũng"],
            {
                "authority": "T/L Ban Thường vụ",
                "title": "Chánh Văn phòng",
                "name": "Nguyễn Văn Dũng",
            },
        ),
        (
            ["TM. HUYỆN ỦY", "BÍ THƯ", "(Đã ký)", "ĐỖ VĂN CẨM"],
            {"authority": "TM. Huyện ủy", "title": "Bí thư", "name": "Đỗ Văn Cẩm"},
        ),
        (["Lý Thanh Tiềm"], {"name": "Lý Thanh Tiềm"}),
        (["T/M HUYỆN ỦY", "PHÓ BÍ THƯ"], None),  # no name: a title is not one
        (["(Đã ký)"], None),
        (["Xin trân trọng cảm ơn."], None),
    ],
)
def test_signature_blocks(lines: list[str], expected: dict[str, str] | None) -> None:
    assert signers(lines, Casing.from_body("")) == ([expected] if expected else [])


def test_provincial_document_mentioning_districts_has_no_district() -> None:
    text = "Kiểm tra huyện Na Rì, huyện Pác Nặm và huyện Na Rì của tỉnh Bắc Kạn."
    places = find_places(text, None)
    assert (places.province, places.district) == ("Bắc Kạn", None)


def test_district_committee_named_sets_the_district() -> None:
    text = "làm việc với Ban Thường vụ Huyện ủy Tuần Giáo, tỉnh Điện Biên; huyện Mường Ảng"
    places = find_places(text, None)
    assert (places.province, places.district) == ("Điện Biên", "Tuần Giáo")


def test_provincial_text_citing_one_district_committee_in_passing_has_no_district() -> None:
    text = "tỉnh Tuyên Quang; làm việc với Huyện ủy Yên Sơn; huyện Chiêm Hóa, huyện Chiêm Hóa"
    assert find_places(text, None).district is None


def test_gazetteer_breaks_a_tie_and_finds_an_unnamed_province() -> None:
    text = "sáp nhập huyện Lục Ngạn, huyện Sơn Động; lò đốt rác ở thị trấn An Châu."
    assert find_places(text, "huyện").district is None
    lookup = DictPlaces({"Sơn Động": "Bắc Giang"}, {"An Châu": "Sơn Động"})
    places = find_places(text, "huyện", lookup)
    assert places.district == "Sơn Động"
    assert places.found == [
        "province 'Bắc Giang' from the gazetteer (districts Lục Ngạn, Sơn Động)",
        "district 'Sơn Động' from the gazetteer (its communes)",
    ]
    assert find_places("vốn cho huyện Sơn Động", None, lookup).province == "Bắc Giang"


def test_front_matter_is_safe_yaml_whatever_the_title() -> None:
    raw = (
        "Số: 07-TB/TU\n\nTHÔNG BÁO KẾT LUẬN\n\n"
        "của Thường trực Tỉnh ủy: về việc #1 \"khẩn\" - 'nháy' & [x] {y}\n\n"
        "Ngày 2/3/2022, Thường trực Tỉnh ủy họp tại tỉnh Hà Giang.\n\n"
        "Nơi nhận:\n- Các sở: KH&ĐT, Tài chính,\n- Lưu.\n\nT/M TỈNH ỦY\nBÍ THƯ\n\nLê Văn Bình\n"
    )
    conversion = convert(raw, BUILTIN_TYPES)
    values = parse(render(conversion), "x").values
    assert (
        values["title"]
        == "Kết luận của Thường trực Tỉnh ủy: về việc #1 \"khẩn\" - 'nháy' & [x] {y}"
    )
    assert values["recipients"] == ["Các sở: KH&ĐT, Tài chính", "Lưu"]
    assert values["number"] == "07-TB/TU"
    assert values["issuer"] == "Thường trực Tỉnh ủy Hà Giang"


DATA = Path(__file__).parent / "data"


def test_text_with_letterhead_and_roman_parts() -> None:
    conversion = convert((DATA / "letterhead-roman.txt").read_text(encoding="utf-8"), BUILTIN_TYPES)
    values = parse(render(conversion), "x").values
    assert values["number"] == "15-TB/HU"
    assert values["date"] == dt.date(2023, 1, 10)  # the letterhead date, not the meeting's
    assert values["issuer"] == "Thường trực Huyện ủy Tuần Giáo"
    assert values["district"] == "Tuần Giáo"
    assert values["province"] is None  # not written in the text: reported, not guessed
    assert "province" in conversion.attention
    assert values["meeting"] == "Buổi làm việc của Thường trực Huyện ủy với Đảng ủy xã Quài Nưa"
    assert values["signer"]["name"] == "Nguyễn Văn Hoà"  # tone placement as written
    headings = [p for p in conversion.body.split("\n\n") if p.startswith("#")]
    assert headings == [
        "## I. ĐÁNH GIÁ CHUNG",
        "## II. NHIỆM VỤ THỜI GIAN TỚI",
        "### 1. Tập trung lãnh đạo hoàn thành chỉ tiêu",
        "### 2. Xây dựng Đảng",
    ]
    assert "các chương trình mục tiêu quốc gia còn chậm." in conversion.body


def test_portal_news_with_weekday_date_line() -> None:
    conversion = convert((DATA / "portal-news.txt").read_text(encoding="utf-8"), BUILTIN_TYPES)
    assert conversion.values == {
        "title": "Ban Thường vụ Tỉnh ủy Điện Biên làm việc với Huyện ủy Mường Ảng",
        "type": "tin-bai",
        "date": dt.date(2023, 6, 12),
        "issuer": "Ban Thường vụ Tỉnh ủy Điện Biên",
        "province": "Điện Biên",
        "district": "Mường Ảng",
        "meeting": "Buổi làm việc của Ban Thường vụ Tỉnh ủy với Ban Thường vụ Huyện ủy Mường Ảng",
        "author": "Minh Anh",
    }
    assert conversion.attention == {}
    assert "*Quang cảnh buổi làm việc*" in conversion.body.split("\n\n")


def test_signature_block_without_recipients_list_leaves_the_body() -> None:
    raw = (
        "Số 3-KL/TU\n\nKẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY về công tác cán bộ\n\n"
        "Ngày 2/2/2022, Ban Thường vụ Tỉnh ủy họp tại tỉnh Lai Châu.\n\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n(Đã ký)\nGiàng Páo Mỷ\n"
    )
    conversion = convert(raw, BUILTIN_TYPES)
    assert conversion.values["signer"] == {
        "authority": "T/M Ban Thường vụ",
        "title": "Bí thư",
        "name": "Giàng Páo Mỷ",
    }
    assert conversion.body == "Ngày 2/2/2022, Ban Thường vụ Tỉnh ủy họp tại tỉnh Lai Châu.\n"
    assert conversion.values["issuer"] == "Ban Thường vụ Tỉnh ủy Lai Châu"


@pytest.mark.parametrize(
    ("heading", "issuer", "district"),
    [
        ("CỦA BAN THƯỜNG VỤ THÀNH ỦY", "Ban Thường vụ Thành ủy Điện Biên Phủ", "Điện Biên Phủ"),
        ("CỦA THƯỜNG TRỰC TỈNH ỦY", "Thường trực Tỉnh ủy Điện Biên", None),
        ("CỦA BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN", "Huyện ủy Mường Chà", "Mường Chà"),
    ],
)
def test_issuer_is_the_committee_with_its_place(
    heading: str, issuer: str, district: str | None
) -> None:
    raw = (
        f"Số 9-KL/TU\n\nKẾT LUẬN\n{heading} về chuyển đổi số\n\n"
        "Ngày 2/2/2022, hội nghị họp tại thành phố Điện Biên Phủ, tỉnh Điện Biên; dự có đại"
        " diện huyện Mường Chà.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nLò Văn Phương\n"
    )
    if "HUYỆN" in heading:
        raw = raw.replace("thành phố Điện Biên Phủ", "huyện Mường Chà")
    values = convert(raw, BUILTIN_TYPES).values
    assert (values["issuer"], values.get("district")) == (issuer, district)


def fake_gazetteer(*pairs: tuple[str, str]) -> SimpleNamespace:
    """An object shaped like ketluan.places.Gazetteer: districts with their province."""
    districts = {
        str(n): SimpleNamespace(name=d, province=SimpleNamespace(name=p))
        for n, (d, p) in enumerate(pairs)
    }
    former = {p: SimpleNamespace(name=p, aliases=()) for _, p in pairs}
    return SimpleNamespace(districts=districts, former=former)


def test_project_gazetteer_adapter() -> None:
    lookup = GazetteerPlaces(
        fake_gazetteer(
            ("Na Rì", "Bắc Kạn"), ("Châu Thành", "Tiền Giang"), ("Châu Thành", "Long An")
        )
    )
    assert lookup.province_of(unicodedata.normalize("NFD", "na ri")) == "Bắc Kạn"
    assert lookup.province_of("Châu Thành") is None  # two provinces have one: not guessed
    assert lookup.province_of("Tuần Giáo") is None
    assert lookup.district_of("An Châu", None) is None


def test_default_lookup_is_the_project_gazetteer() -> None:
    lookup = default_lookup()
    assert isinstance(lookup, GazetteerPlaces)
    assert lookup.province_of("Pác Nặm") == "Bắc Kạn"
    assert lookup.province_of("Na Rì") == "Bắc Kạn"


def test_text_after_the_signature_stays_in_the_body() -> None:
    raw = (
        "Số 5-KL/TU\n\nKẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY về y tế\n\n"
        "Ngày 1/3/2023, Ban Thường vụ Tỉnh ủy họp tại tỉnh Sơn La.\n\n"
        "Nơi nhận:\n- Như trên,\n- Lưu.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nHoàng Văn Chất\n\n"
        "PHỤ LỤC\nDanh sách các dự án y tế.\n"
    )
    conversion = convert(raw, BUILTIN_TYPES)
    assert conversion.values["signer"]["name"] == "Hoàng Văn Chất"
    assert conversion.body.endswith("PHỤ LỤC\n\nDanh sách các dự án y tế.\n")


def test_unrecognised_lines_after_the_recipients_are_kept() -> None:
    raw = "KẾT LUẬN\n\nNgày 1/3/2023, họp.\n\nNơi nhận:\n- Lưu.\n\nGhi chú: bản sao.\n"
    conversion = convert(raw, BUILTIN_TYPES)
    assert conversion.values["signer"] is None
    assert "signer" in conversion.attention
    assert conversion.body.endswith("Ghi chú: bản sao.\n")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1258"])
def test_text_files_in_windows_encodings(tmp_path: Path, encoding: str) -> None:
    text = "KẾT LUẬN\r\nCỦA BAN THƯỜNG VỤ TỈNH ỦY về thủy lợi\r\n\r\nNgày 1/3/2023, họp.\r\n"
    path = tmp_path / "a.txt"
    if encoding == "cp1258":  # letters with their shape, tone marks combining
        path.write_bytes(b"".join(windows_1258(ch) for ch in text))
    else:
        path.write_bytes(unicodedata.normalize("NFD", text).encode(encoding))
    conversion = convert(read_source(path), BUILTIN_TYPES)
    assert conversion.values["title"] == "Kết luận của Ban Thường vụ Tỉnh ủy về thủy lợi"
    assert conversion.body == "Ngày 1/3/2023, họp.\n"


def windows_1258(char: str) -> bytes:
    """A character as Vietnamese Windows writes it: Ê + combining acute for Ế."""
    try:
        return char.encode("cp1258")
    except UnicodeEncodeError:
        base, *marks = unicodedata.normalize("NFD", char)
        shape = "".join(m for m in marks if m in "\u0302\u0306\u031b")
        tone = "".join(m for m in marks if m not in shape)
        return (unicodedata.normalize("NFC", base + shape) + tone).encode("cp1258")


def test_gazetteer_leaves_out_names_that_are_no_place() -> None:
    text = "UBND tỉnh Quyết Định; UBND tỉnh Quyết Định; tỉnh Bắc Kạn; huyện Na Rì; huyện Đội Cấn"
    assert find_places(text, None).province == "Quyết Định"  # fooled without place data
    places = find_places(text, "huyện", default_lookup())
    assert (places.province, places.district) == ("Bắc Kạn", "Na Rì")
