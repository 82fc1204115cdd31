"""Identity of cited documents in the context of the citing document, and references:."""

from __future__ import annotations

import pytest

from conftest import Site, conclusion
from ketluan.citations.resolve import Scope, issuer_group, scope_of
from ketluan.core.corpus import load_corpus
from ketluan.core.dates import DocDate
from ketluan.core.model import BUILTIN_TYPES, Document
from ketluan.core.problems import ProblemsError
from ketluan.core.symbols import parse_symbol


def doc(province: str = "Bắc Giang", district: str | None = "Sơn Động") -> Document:
    issuer = f"Huyện ủy {district}" if district else f"Thường trực Tỉnh ủy {province}"
    return Document(
        "x.md", "t", BUILTIN_TYPES["ket-luan"], "1-KL/HU", DocDate(2024), issuer, province,
        district, "b",
    )  # fmt: skip


def committee(issuer: str, province: str, district: str | None) -> Document:
    """A document of a city's or town's own committee (issue 15)."""
    return Document(
        "x.md", "t", BUILTIN_TYPES["ket-luan"], "1-KL/TU", DocDate(2024), issuer, province,
        district, "b",
    )  # fmt: skip


QUY_NHON = committee("Ban Thường vụ Thành ủy Quy Nhơn", "Bình Định", "Quy Nhơn")
MUONG_LAY = committee("Thị ủy Mường Lay", "Điện Biên", "Mường Lay")
HUE = committee("Tỉnh ủy Thừa Thiên Huế", "Thừa Thiên Huế", None)
HCM = committee("Thành ủy Thành phố Hồ Chí Minh", "Hồ Chí Minh", None)
DAK_LAK = committee("Tỉnh ủy Đắk Lắk", "Đắk Lắk", None)
SON_DONG, LUC_NGAN, DIEN_BIEN = doc(), doc(district="Lục Ngạn"), doc("Điện Biên", None)
TUAN_GIAO, TUYEN_QUANG, BAC_GIANG = (
    doc("Điện Biên", "Tuần Giáo"),
    doc("Tuyên Quang", None),
    doc("Bắc Giang", None),
)


@pytest.mark.parametrize(
    ("number", "issuer", "citing", "scope", "group"),
    [
        ("27-NQ/HU", "Huyện ủy", SON_DONG, Scope("Bắc Giang", "Sơn Động"), "Huyện ủy Sơn Động"),
        ("27-NQ/HU", None, LUC_NGAN, Scope("Bắc Giang", "Lục Ngạn"), None),
        ("3-KL/HU", "Huyện ủy Tuần Giáo", DIEN_BIEN, Scope("Điện Biên", "Tuần Giáo"), None),
        ("04-NQ/TU", "Tỉnh ủy", TUAN_GIAO, Scope("Điện Biên"), "Tỉnh ủy Điện Biên"),
        ("04-NQ/TU", "Tỉnh ủy Hà Giang", TUYEN_QUANG, Scope("Hà Giang"), None),
        ("96-QĐ/TW", "Bộ Chính trị", SON_DONG, Scope(), "Trung ương Đảng"),
        ("01-NQ/TƯ", None, SON_DONG, Scope(), None),
        ("03/CT-UBND", "Chủ tịch UBND tỉnh", SON_DONG, Scope("Bắc Giang"), "UBND tỉnh Bắc Giang"),
        ("1360/UBND-NN", "Chủ tịch UBND tỉnh Bắc Giang", BAC_GIANG, Scope("Bắc Giang"), None),
        ("77/UBND-KT", "UBND huyện", SON_DONG, Scope("Bắc Giang", "Sơn Động"), None),
        ("05/2019/NQ-HĐND", "HĐND tỉnh", TUYEN_QUANG, Scope("Tuyên Quang"), "HĐND tỉnh Tuyên Quang"),  # noqa: E501
        ("04/2022/TT-BXD", None, SON_DONG, Scope(), "Bộ Xây dựng"),
        ("76/2025/UBTVQH15", None, SON_DONG, Scope(), "Ủy ban Thường vụ Quốc hội"),
        ("27-NQ/HU", "Huyện ủy", BAC_GIANG, Scope("Bắc Giang", "(chưa rõ)"), None),
        ("45/2018/QĐ-UBND", "UBND tỉnh Điện Biên Sở", DIEN_BIEN, Scope("Điện Biên"), None),
        ("1-NQ/HU", "Huyện ủy Sơn Động Ban", SON_DONG, Scope("Bắc Giang", "Sơn Động"), None),
        # /TU inside a district-level Thành ủy or Thị ủy: its own committee when named so
        ("5-NQ/TU", "Thành ủy", QUY_NHON, Scope("Bình Định", "Quy Nhơn"), "Thành ủy Quy Nhơn"),
        ("5-NQ/TU", "Thành ủy Quy Nhơn", QUY_NHON, Scope("Bình Định", "Quy Nhơn"), None),
        ("5-NQ/TU", "Ban Thường vụ Thị ủy", MUONG_LAY, Scope("Điện Biên", "Mường Lay"), None),
        ("5-NQ/TU", "Tỉnh ủy", QUY_NHON, Scope("Bình Định"), "Tỉnh ủy Bình Định"),
        ("5-NQ/TU", None, QUY_NHON, Scope("Bình Định"), None),
        ("5-NQ/TU", "Thành ủy", HCM, Scope("Hồ Chí Minh"), None),
        # resolver quirks of issue 15
        ("3-CT/TU", "Thành ủy Thành phố Hồ Chí Minh", SON_DONG, Scope("Hồ Chí Minh"), None),
        ("4-NQ/QU", "Quận ủy Quận 1", HCM, Scope("Hồ Chí Minh", "1"), None),
        ("2-NQ/HU", "Huyện ủy Cư M'gar", DAK_LAK, Scope("Đắk Lắk", "Cư M'gar"), None),
        ("1-NQ/TU", "Tỉnh ủy Thừa Thiên Huế", SON_DONG, Scope("Huế"), None),
        ("1-NQ/TU", "Thành ủy Huế", SON_DONG, Scope("Huế"), None),
        ("1-NQ/TU", "Tỉnh ủy", HUE, Scope("Huế"), "Tỉnh ủy Huế"),
    ],
)  # fmt: skip
def test_scope_is_read_in_the_citing_documents_context(
    number: str, issuer: str | None, citing: Document, scope: Scope, group: str | None
) -> None:
    symbol = parse_symbol(number)
    assert symbol is not None
    assert scope_of(symbol, issuer, citing) == scope
    if group:
        assert issuer_group(symbol, scope) == group


def test_scope_paths() -> None:
    assert Scope().path == "toan-quoc"
    assert Scope("Bắc Giang").path == "bac-giang"
    assert Scope("Bắc Giang", "Sơn Động").label == "huyện Sơn Động, tỉnh Bắc Giang"
    assert Scope("Bắc Giang", "(chưa rõ)").path == "bac-giang/huyen-chua-ro"
    assert Scope("Hồ Chí Minh", "1").path == "ho-chi-minh/quan-1"


def test_old_tone_placement_is_one_scope() -> None:
    symbol = parse_symbol("1-NQ/HU")
    assert symbol is not None
    old = scope_of(symbol, "Huyện uỷ Thuỷ Nguyên", doc("Hải Phòng", None))
    new = scope_of(symbol, "Huyện ủy Thủy Nguyên", doc("Hải Phòng", None))
    assert old == new


def test_bad_references_are_reported(site: Site) -> None:
    refs = (
        "references:\n"
        "  - hôm qua\n"
        "  - number: 04-NQ/TU\n    type: nghi-quiet\n    date: 7/5/2021\n    when: x\n"
        "  - 17\n"
    )
    signer = "signer:\n  name: Đỗ Văn Cẩm\n" + refs
    site.add("a.md", conclusion(signer=signer))
    with pytest.raises(ProblemsError) as caught:
        load_corpus(site.root, "conclusions", BUILTIN_TYPES)
    problems = [str(p) for p in caught.value.problems]
    assert problems == [
        "conclusions/a.md:12: references[0].number: 'hôm qua' is not a document number. "
        "Write it as printed, e.g. 04-NQ/TU or 45/2018/QĐ-UBND.",
        "conclusions/a.md:14: references[1].type: unknown type 'nghi-quiet'. "
        "Did you mean 'nghi-quyet'?",
        "conclusions/a.md:15: references[1].date: expected YYYY-MM-DD, got '7/5/2021'. "
        "Write 2021-05-07.",
        "conclusions/a.md:16: references[1].when: unknown field. "
        "Known fields: number, type, date, issuer, ignore.",
        "conclusions/a.md:17: references[2]: expected a document number or a mapping with "
        "'number', got 17. Write e.g. '- 04-NQ/TU'.",
    ]


def test_place_spelling_does_not_split_or_collide(site: Site) -> None:
    from ketluan.citations.index import CitationIndex
    from ketluan.site.cited import CitedUrls

    site.add(
        "a.md", conclusion("Theo Nghị quyết số 5-NQ/TU ngày 1/2/2020.\n", province="Bắc giang")
    )
    site.add(
        "b.md",
        conclusion("Theo Nghị quyết số 5-NQ/TU ngày 1/2/2020.\n", number="2-KL/HU"),
    )
    site.add(
        "c.md",
        conclusion("Theo Nghị quyết số 5-NQ/TU ngày 3/4/2020.\n", number="3-KL/HU"),
    )
    index = CitationIndex(load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents)
    where = CitedUrls(index)
    assert sorted((where.page(c), c.count) for c in index.cited) == [
        ("trich-dan/bac-giang/nghi-quyet/2020/5-nq-tu-2020-02-01/", 2),
        ("trich-dan/bac-giang/nghi-quyet/2020/5-nq-tu-2020-04-03/", 1),
    ]


def test_authoring_guide_references_example_is_valid(site: Site) -> None:
    from conftest import REPO
    from ketluan.citations.index import CitationIndex

    guide = (REPO / "docs/huong-dan/soan-thao.md").read_text("utf-8")
    block = guide.split("```yaml\nreferences:\n", 1)[1].split("```", 1)[0]
    signer = "signer:\n  name: Đỗ Văn Cẩm\nreferences:\n" + block
    body = "Theo Nghị quyết số 27-NQ/HU, Quy định số 30-QĐ/TU và Kết luận số 120-KL/TU.\n"
    site.add("a.md", conclusion(body, signer=signer))
    (doc,) = load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents
    cites = CitationIndex([doc]).cites(doc)
    assert [(c.number, c.kind.slug, c.date and c.date.iso()) for c in cites] == [
        ("27-NQ/HU", "nghi-quyet", "2021-02-24"),
        ("30-QĐ/TU", "quy-dinh", None),
        ("04-NQ/TU", "nghi-quyet", None),
    ]
