"""Word (.docx) input: formatting, footnotes, tables, layout tables, hyperlinks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from conftest import Site
from ketluan.core.corpus import load_corpus
from ketluan.core.frontmatter import parse
from ketluan.core.model import BUILTIN_TYPES
from ketluan.importer.batch import import_files
from ketluan.importer.convert import convert
from ketluan.importer.inputs import read_source


def make_docx(path: Path) -> Path:
    """A Word conclusion with letterhead, headings, bold, italics, a footnote and a table."""
    document: DocxDocument = docx.Document()
    document.add_paragraph("HUYỆN ỦY SƠN ĐỘNG")
    document.add_paragraph("Số 12-KL/HU")
    document.add_paragraph("Sơn Động, ngày 5 tháng 4 năm 2024")
    document.add_paragraph().add_run("KẾT LUẬN").bold = True
    document.add_paragraph().add_run(
        "CỦA BAN THƯỜNG VỤ HUYỆN ỦY về phòng, chống thiên tai"
    ).bold = True
    opening = document.add_paragraph("Ngày 5/4/2024, Ban Thường vụ Huyện ủy họp, ")
    opening.add_run("kết luận").bold = True
    opening.add_run(" về thiệt hại trên địa bàn tỉnh Bắc Giang")
    opening.add_run("1").font.superscript = True
    opening.add_run(" như sau:")
    document.add_heading("1. Về khắc phục hậu quả", level=2)
    aside = document.add_paragraph("Tập trung sửa chữa nhà ở (")
    aside.add_run("giao UBND huyện thực hiện").italic = True
    aside.add_run(").")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Chỉ tiêu", "Kế hoạch", "Thực hiện"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["Nhà | tạm", "100", "85"], strict=True):
        cell.text = text
    note = document.add_paragraph()
    note.add_run("1").font.superscript = True
    note.add_run(" Số liệu đến hết ngày 31/3/2024.")
    document.add_paragraph("Nơi nhận:")
    document.add_paragraph("- BTV Tỉnh ủy (báo cáo),")
    document.add_paragraph("- Lưu Văn phòng Huyện ủy.")
    document.add_paragraph("T/M BAN THƯỜNG VỤ")
    document.add_paragraph("BÍ THƯ")
    document.add_paragraph("Nguyễn Văn An")
    document.save(str(path))
    return path


def test_docx_is_imported_with_formatting_footnotes_and_tables(site: Site) -> None:
    source = make_docx(site.root / "ket-luan.docx")
    (outcome,) = import_files([source], site.conclusions, BUILTIN_TYPES)
    assert outcome.status == "imported", outcome.messages
    assert outcome.target == site.conclusions / "bac-giang" / "son-dong" / "12-kl-hu.md"
    text = outcome.target.read_text(encoding="utf-8")
    front = parse(text, "x")
    assert front.values == {
        "title": "Kết luận của Ban Thường vụ Huyện ủy về phòng, chống thiên tai",
        "type": "ket-luan",
        "number": "12-KL/HU",
        "date": dt.date(2024, 4, 5),
        "issuer": "Ban Thường vụ Huyện ủy Sơn Động",
        "province": "Bắc Giang",
        "district": "Sơn Động",
        "signer": {"authority": "T/M Ban Thường vụ", "title": "Bí thư", "name": "Nguyễn Văn An"},
        "recipients": ["BTV Tỉnh ủy (báo cáo)", "Lưu Văn phòng Huyện ủy"],
    }
    assert front.body.split("\n\n") == [
        "Ngày 5/4/2024, Ban Thường vụ Huyện ủy họp, **kết luận** về thiệt hại trên địa bàn"
        " tỉnh Bắc Giang[^1] như sau:",
        "## 1. Về khắc phục hậu quả",
        "Tập trung sửa chữa nhà ở (*giao UBND huyện thực hiện*).",
        "| Chỉ tiêu | Kế hoạch | Thực hiện |\n|---|---|---|\n| Nhà \\| tạm | 100 | 85 |",
        "[^1]: Số liệu đến hết ngày 31/3/2024.\n",
    ]
    assert len(load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents) == 1


def test_docx_page_renders_table_footnote_and_emphasis(site: Site) -> None:
    import_files([make_docx(site.root / "a.docx")], site.conclusions, BUILTIN_TYPES)
    site.build()
    page = site.page("van-ban/bac-giang/ban-thuong-vu-huyen-uy-son-dong/2024/12-kl-hu/")
    body = page.cssselect("article")[0]
    assert [th.text_content() for th in body.cssselect("table th")] == [
        "Chỉ tiêu",
        "Kế hoạch",
        "Thực hiện",
    ]
    assert body.cssselect("table td")[0].text_content() == "Nhà | tạm"
    assert [s.text_content() for s in body.cssselect("strong")][:1] == ["kết luận"]
    assert body.cssselect("em")[0].text_content() == "giao UBND huyện thực hiện"
    assert body.cssselect(".footnote li")[0].text_content().strip().startswith("Số liệu")


def test_docx_layout_tables_for_letterhead_and_signature_are_read_as_text(site: Site) -> None:
    document: DocxDocument = docx.Document()
    head = document.add_table(rows=1, cols=2).rows[0].cells
    head[0].text = "TỈNH ỦY ĐIỆN BIÊN"
    head[0].add_paragraph("*")
    head[0].add_paragraph("Số 88-TB/TU")
    head[1].text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    head[1].add_paragraph("Điện Biên, ngày 9 tháng 9 năm 2022")
    document.add_paragraph("THÔNG BÁO")
    document.add_paragraph("KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY về chuyển đổi số")
    document.add_paragraph("Ban Thường vụ Tỉnh ủy họp và kết luận như sau.")
    tail = document.add_table(rows=1, cols=2).rows[0].cells
    tail[0].text = "Nơi nhận:"
    tail[0].add_paragraph("- Các huyện ủy,")
    tail[0].add_paragraph("- Lưu.")
    tail[1].text = "T/L BAN THƯỜNG VỤ"
    tail[1].add_paragraph("CHÁNH VĂN PHÒNG")
    tail[1].add_paragraph("(Đã ký)")
    tail[1].add_paragraph("Trần Văn Nam")
    document.save(str(site.root / "tb.docx"))
    (outcome,) = import_files([site.root / "tb.docx"], site.conclusions, BUILTIN_TYPES)
    values = parse(outcome.target.read_text(encoding="utf-8"), "x").values
    assert values == {
        "title": "Kết luận của Ban Thường vụ Tỉnh ủy về chuyển đổi số",
        "type": "thong-bao-ket-luan",
        "number": "88-TB/TU",
        "date": dt.date(2022, 9, 9),
        "issuer": "Ban Thường vụ Tỉnh ủy Điện Biên",
        "province": "Điện Biên",
        "signer": {
            "authority": "T/L Ban Thường vụ",
            "title": "Chánh Văn phòng",
            "name": "Trần Văn Nam",
        },
        "recipients": ["Các huyện ủy", "Lưu"],
    }
    assert outcome.status == "imported", outcome.messages


def add_word_footnote(document: DocxDocument, paragraph_text: str, note: str) -> None:
    """A real Word footnote (python-docx cannot write one): footnotes part + reference run."""
    xml = (
        f"<w:footnotes {nsdecls('w')}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="7"><w:p><w:r><w:t>{note}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(), document.part.package
    )
    document.part.relate_to(part, RT.FOOTNOTES)
    paragraph = document.add_paragraph(paragraph_text)
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="7"/></w:r>'))
    paragraph.add_run(" trong năm.")


def add_hyperlink(document: DocxDocument, before: str, text: str, url: str) -> None:
    paragraph = document.add_paragraph(before)
    rel = document.part.relate_to(url, RT.HYPERLINK, is_external=True)
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel}">'
            f"<w:r><w:t>{text}</w:t></w:r></w:hyperlink>"
        )
    )
    paragraph.add_run(".")


def test_docx_word_footnotes_and_hyperlinks_are_kept(tmp_path: Path) -> None:
    document: DocxDocument = docx.Document()
    document.add_paragraph("Tiêu đề tin")
    add_word_footnote(document, "Giải ngân vốn đầu tư công đạt 60%", "Số liệu đến ngày 30/9/2021.")
    add_hyperlink(document, "Xem toàn văn tại ", "Cổng thông tin", "https://example.gov.vn/a")
    path = tmp_path / "tin.docx"
    document.save(str(path))
    body = convert(read_source(path), BUILTIN_TYPES).body
    assert body.split("\n\n") == [
        "Giải ngân vốn đầu tư công đạt 60%[^1] trong năm.",
        "Xem toàn văn tại [Cổng thông tin](https://example.gov.vn/a).",
        "[^1]: Số liệu đến ngày 30/9/2021.\n",
    ]
