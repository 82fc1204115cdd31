"""``ketluan import`` of PDF files: the text layer through pdfminer.six, on PDFs the tests
write themselves with fpdf2 (a two-column letterhead, a running header and page numbers, a
paragraph across a page break, a scan without text), and the messages for what it cannot
read (a scan, a file that is no PDF, an old .doc)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fpdf import FPDF
from PIL import Image

from ketluan.core.model import BUILTIN_TYPES
from ketluan.importer.batch import import_files
from ketluan.importer.convert import convert
from ketluan.importer.inputs import read_source

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
"""Debian's fonts-dejavu-core (``make test`` installs it): a font with Vietnamese letters."""
RUNNING = "CÔNG BÁO/Số 12/Ngày 10-03-2026"
SENTENCE = "Các bộ, ngành và địa phương tổ chức thực hiện nghiêm túc, hiệu quả các nhiệm vụ. "


class _Gazette(FPDF):
    """A page with the gazette's running header on top and its number at the bottom."""

    def header(self) -> None:
        self.set_font("dv", size=8)
        self.cell(0, 6, RUNNING, align="C")
        self.ln(10)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("dv", size=8)
        self.cell(0, 10, str(self.page_no()), align="C")


def _columns(pdf: FPDF, left: str, right: str) -> None:
    """Two text columns side by side, as a letterhead or a signature row is printed."""
    top = pdf.get_y()
    pdf.set_xy(10, top)
    pdf.multi_cell(70, 6, left, align="C")
    bottom = pdf.get_y()
    pdf.set_xy(90, top)
    pdf.multi_cell(110, 6, right, align="C")
    pdf.set_y(max(bottom, pdf.get_y()) + 8)


def _write(path: Path, letterhead: tuple[str, str], heading: str, body: str, sign: str) -> Path:
    if not FONT.exists():
        pytest.fail(f"{FONT} is missing: apt-get install fonts-dejavu-core (make test does)")
    pdf = _Gazette()
    pdf.add_font("dv", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("dv", size=11)
    _columns(pdf, *letterhead)
    pdf.multi_cell(0, 6, heading, align="C")
    pdf.ln(6)
    pdf.multi_cell(0, 6, body)
    pdf.ln(6)
    _columns(pdf, "Nơi nhận:\n- Các bộ, cơ quan ngang bộ;\n- Lưu: VT.", sign)
    pdf.output(str(path))
    return path


def _resolution(tmp_path: Path) -> Path:
    body = (
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n"
        "Căn cứ Nghị quyết số 02-NQ/TW ngày 17 tháng 3 năm 2026 của Bộ Chính trị;\n\n"
        "QUYẾT NGHỊ:\n\n"
        f"Điều 1. {SENTENCE * 40}\n\n"
        "Điều 2. Nghị quyết này có hiệu lực từ ngày ký.\n"
    )
    return _write(
        tmp_path / "12-nq-cp.pdf",
        ("CHÍNH PHỦ\n\nSố: 12/NQ-CP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 5 tháng 3 năm 2026"),
        "NGHỊ QUYẾT\nVề việc thử nghiệm nhập văn bản PDF\n\nCHÍNH PHỦ",
        body,
        "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\n\nNguyễn Văn An",
    )  # fmt: skip


def test_a_gazette_pdf_gives_the_fields_of_its_letterhead_and_signature(tmp_path: Path) -> None:
    conversion = convert(read_source(_resolution(tmp_path)), dict(BUILTIN_TYPES))
    values = conversion.values
    assert values["title"] == "Nghị quyết về việc thử nghiệm nhập văn bản PDF"
    assert (values["type"], values["number"]) == ("nghi-quyet", "12/NQ-CP")
    assert values["date"] == dt.date(2026, 3, 5)  # not the Căn cứ dates
    assert (values["issuer"], values["level"]) == ("Chính phủ", "trung-uong")
    assert "province" not in values
    assert values["signer"] == {
        "authority": ["TM. Chính phủ", "KT. Thủ tướng"],
        "title": "Phó Thủ tướng",
        "name": "Nguyễn Văn An",
    }
    assert values["recipients"] == ["Các bộ, cơ quan ngang bộ", "Lưu: VT"]


def test_running_header_and_page_numbers_are_removed_and_pages_rejoined(tmp_path: Path) -> None:
    text = read_source(_resolution(tmp_path))
    assert "CÔNG BÁO" not in text
    assert not [line for line in text.splitlines() if line.strip() in ("1", "2", "3")]
    body = convert(text, dict(BUILTIN_TYPES)).body
    article = next(p for p in body.split("\n\n") if p.startswith("Điều 1."))
    assert article == f"Điều 1. {SENTENCE * 40}".strip()  # one paragraph across the page break
    assert "Nghị quyết số 02-NQ/TW ngày 17 tháng 3 năm 2026 của Bộ Chính trị" in body


def test_a_party_letterhead_in_two_columns(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "604.pdf",
        ("HUYỆN ỦY SƠN ĐỘNG\n*\nSố 604-KL/HU", "ĐẢNG CỘNG SẢN VIỆT NAM\n"
         "Sơn Động, ngày 27 tháng 3 năm 2024"),
        "KẾT LUẬN\ncủa Ban Thường vụ Huyện ủy về công tác tháng 3",
        "Ngày 25/3/2024, Ban Thường vụ Huyện ủy Sơn Động họp. Huyện ủy kết luận như sau.\n",
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n\nĐỗ Văn Cẩm",
    )  # fmt: skip
    values = convert(read_source(path), dict(BUILTIN_TYPES)).values
    assert (values["type"], values["number"]) == ("ket-luan", "604-KL/HU")
    assert values["date"] == dt.date(2024, 3, 27)
    assert values["issuer"] == "Ban Thường vụ Huyện ủy Sơn Động"
    assert values["signer"]["authority"] == "T/M Ban Thường vụ"


def _scan(path: Path) -> Path:
    image = path.with_suffix(".png")
    Image.new("RGB", (400, 300), "white").save(image)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(image), x=10, y=10, w=180)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("scan.pdf", _scan, "has no text layer: it is a scanned image. Run text recognition"),
        ("renamed.pdf", lambda p: p.write_bytes(b"PK\x03\x04 not a pdf") and p, "is not a PDF"),
        ("broken.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj <<") and p, "damaged"),
        ("old.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0") and p, "save it as .docx"),
    ],
)
def test_what_cannot_be_read_gets_one_clear_message(
    tmp_path: Path, name: str, make: object, message: str
) -> None:
    path = tmp_path / name
    make(path)  # type: ignore[operator]
    good = _resolution(tmp_path)
    outcomes = import_files([path, good], tmp_path / "out", dict(BUILTIN_TYPES))
    failed, imported = outcomes
    assert failed.status == "failed"
    assert len(failed.messages) == 1
    assert message in failed.messages[0]
    assert imported.status in ("imported", "attention")  # the rest of the batch goes on
    assert imported.target is not None and imported.target.exists()


def test_a_pdf_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:  # sparse: no 20 MB written
        handle.write(b"%PDF-1.7\n")
        handle.truncate(20_000_001)
    (outcome,) = import_files([big], tmp_path / "out", dict(BUILTIN_TYPES))
    assert outcome.status == "failed"
    assert outcome.messages == [
        "file is 20,000,001 bytes, over the 20,000,000-byte limit of a PDF file: is it the"
        " right file? Split it into several documents"
    ]


def test_a_folder_of_pdfs_and_an_old_doc_is_imported_with_one_message_for_the_doc(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _resolution(folder)
    (folder / "cu.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    outcomes = import_files([folder], tmp_path / "out", dict(BUILTIN_TYPES))
    assert {o.source.name: o.status for o in outcomes} == {
        "12-nq-cp.pdf": "imported",
        "cu.doc": "failed",
    }
