"""The sample corpus builds into the portal: document pages, lists, manifest, URLs."""

from __future__ import annotations

import json

from conftest import Site, text_of

SON_DONG = "van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/"
TUYEN_QUANG = "van-ban/tuyen-quang/thuong-truc-tinh-uy-tuyen-quang/2021/tbyk-2021-08-31/"
TUAN_GIAO = "van-ban/dien-bien/thuong-truc-tinh-uy-dien-bien/2021/tbkl-2021-07-23/"
BAC_KAN = (
    "van-ban/bac-kan/thuong-truc-tinh-uy-bac-kan/2023/2023-05-31-thuong-truc-tinh-uy-giao-ban/"
)
DIEN_BIEN_NEWS = "van-ban/dien-bien/ban-thuong-vu-tinh-uy-dien-bien/2024/"


def meta_values(page) -> dict[str, str]:
    """Metadata panel as {label: value}."""
    rows = page.cssselect(".kl-meta__row")
    return {text_of(r.cssselect("dt")[0]): text_of(r.cssselect("dd")[0]) for r in rows}


def test_document_page_shows_every_metadata_field(sample_site: Site) -> None:
    page = sample_site.page(SON_DONG)
    assert meta_values(page) == {
        "Số ký hiệu": "604-KL/HU",
        "Ngày ban hành": "ngày 27 tháng 3 năm 2024",
        "Loại văn bản": "Kết luận",
        "Cơ quan ban hành": "Huyện ủy Sơn Động",
        "Địa bàn": "huyện Sơn Động, tỉnh Bắc Giang",
        "Nay thuộc": "tỉnh Bắc Ninh",
        "Người ký": "Đỗ Văn Cẩm (Phó Bí thư)",
        "Hội nghị, cuộc họp": "Kỳ họp thứ 22 Ban Chấp hành Đảng bộ huyện "
        "(khóa XXVI, nhiệm kỳ 2020-2025)",
        "Tình trạng hiệu lực": "Còn hiệu lực",
    }
    assert page.cssselect("time")[0].get("datetime") == "2024-03-27"


def test_document_page_has_letterhead_title_and_breadcrumbs(sample_site: Site) -> None:
    page = sample_site.page(SON_DONG)
    assert text_of(page.cssselect(".kl-letterhead__body")[0]) == "Huyện ủy Sơn Động"
    assert text_of(page.cssselect(".kl-letterhead__number")[0]) == "Số 604-KL/HU"
    assert text_of(page.cssselect(".kl-letterhead__date")[0]) == (
        "Sơn Động, ngày 27 tháng 3 năm 2024"
    )
    assert [text_of(li) for li in page.cssselect(".kl-breadcrumbs li")] == [
        "Văn bản",
        "Tỉnh Bắc Giang",
        "Huyện Sơn Động",
        "2024",
    ]
    assert page.findtext(".//title") == (
        "604-KL/HU: Kết luận của Ban Chấp hành Đảng bộ huyện tại kỳ họp thứ 22 - Thử nghiệm"
    )
    assert len(page.cssselect("h1")) == 1


def test_signer_block_is_laid_out_as_on_paper(sample_site: Site) -> None:
    signer = sample_site.page(SON_DONG).cssselect(".kl-signer")[0]
    lines = [text_of(p) for p in signer.cssselect("p")]
    assert lines == ["T/M Huyện ủy", "Phó Bí thư", "Đỗ Văn Cẩm"]
    assert [p.get("class") for p in signer.cssselect("p")] == [
        "kl-signer__authority",
        "kl-signer__title",
        "kl-signer__name",
    ]


def test_bare_signer_name_has_no_empty_lines(sample_site: Site) -> None:
    signer = sample_site.page(TUAN_GIAO).cssselect(".kl-signer")[0]
    assert [text_of(p) for p in signer.cssselect("p")] == ["Lý Thanh Tiềm"]
    number = sample_site.page(TUAN_GIAO).cssselect(".kl-meta__number dd")[0]
    assert text_of(number) == "Không ghi số"


def test_recipients_list(sample_site: Site) -> None:
    items = [text_of(li) for li in sample_site.page(SON_DONG).cssselect(".kl-recipients li")]
    assert items[0] == "BTV Tỉnh ủy (báo cáo)"
    assert items[-1] == "Lưu Văn phòng Huyện ủy"
    assert len(items) == 8


def test_footnotes_render_as_linked_notes(sample_site: Site) -> None:
    page = sample_site.page(TUYEN_QUANG)
    refs = page.cssselect(".kl-document__body sup a.footnote-ref")
    assert [a.get("href") for a in refs] == ["#vb-fn:1", "#vb-fn:2", "#vb-fn:3"]
    notes = page.cssselect(".kl-document__body div.footnote li")
    assert [n.get("id") for n in notes] == ["vb-fn:1", "vb-fn:2", "vb-fn:3"]
    assert text_of(notes[0]).startswith("Điện sản xuất đạt 55,1%")
    assert "¹" not in text_of(page.cssselect(".kl-document__body")[0])


def test_news_report_shows_author_and_no_signer(sample_site: Site) -> None:
    page = sample_site.page(BAC_KAN)
    assert meta_values(page)["Tác giả"] == "Hương Dịu"
    assert meta_values(page)["Loại văn bản"] == "Tin bài"
    assert not page.cssselect(".kl-signer")
    assert not page.cssselect(".kl-letterhead")


def test_partial_date_is_shown_as_known(sample_site: Site) -> None:
    folder = sample_site.root / "site" / DIEN_BIEN_NEWS
    (leaf,) = [p.name for p in folder.iterdir()]
    page = sample_site.page(f"{DIEN_BIEN_NEWS}{leaf}/")
    assert meta_values(page)["Ngày ban hành"] == "năm 2024"


def test_all_documents_list_newest_first(sample_site: Site) -> None:
    page = sample_site.page("van-ban/")
    dates = [t.get("datetime") for t in page.cssselect(".kl-item time")]
    # A year-only date sorts as the start of its year, after full dates of that year.
    assert dates == ["2024-03-27", "2024", "2023-05-31", "2021-08-31", "2021-07-23"]
    assert [text_of(h) for h in page.cssselect("h2")] == ["Năm 2024", "Năm 2023", "Năm 2021"]


def test_home_lists_recent_documents_and_nav_stays_small(sample_site: Site) -> None:
    page = sample_site.page("")
    assert len(page.cssselect(".kl-recent .kl-item")) == 5
    hrefs = [a.get("href") for a in page.cssselect("nav.md-nav--primary a.md-nav__link")]
    assert hrefs, "the primary navigation is rendered"
    assert not [h for h in hrefs if h.count("/") > 2], "no document page in the navigation"


def test_manifest_lists_every_document(sample_site: Site) -> None:
    data = json.loads((sample_site.root / "site/api/documents.json").read_text("utf-8"))
    assert data["version"] == 1
    assert data["count"] == 5
    entry = next(d for d in data["documents"] if d["number"] == "604-KL/HU")
    signer = {
        "name": "Đỗ Văn Cẩm",
        "title": "Phó Bí thư",
        "authority": "T/M Huyện ủy",
        "chain": ["T/M Huyện ủy"],
    }
    assert entry == {
        "id": "bac-giang/huyen-uy-son-dong/2024/604-kl-hu",
        "url": "/" + SON_DONG,
        "title": "Kết luận của Ban Chấp hành Đảng bộ huyện tại kỳ họp thứ 22",
        "type": "ket-luan",
        "type_label": "Kết luận",
        "number": "604-KL/HU",
        "date": "2024-03-27",
        "issuer": "Huyện ủy Sơn Động",
        "issuers": ["Huyện ủy Sơn Động"],
        "level": "huyen",
        "province": "Bắc Giang",
        "district": "Sơn Động",
        "commune": None,
        "province_code": "24",
        "district_code": "220",
        "current_province": "Bắc Ninh",
        "current_province_code": "24",
        "meeting": entry["meeting"],
        "signer": signer,
        "signers": [signer],
        "author": None,
        "recipients": entry["recipients"],
        "references": entry["references"],
        "tags": entry["tags"],
        "source": "conclusions/bac-giang/son-dong/604-kl-hu.md",
        "status": {
            "key": "con-hieu-luc",
            "label": "Còn hiệu lực",
            "legal_force": "InForce",
            "declared": False,
            "since": None,
            "valid_until": None,
            "by": [],
        },
        "relations": [],
        "inverse_relations": [],
    }
    assert len(entry["recipients"]) == 8
    assert [r["number"] for r in entry["references"]] == [
        "26-CT/TU",
        "Luật Lâm nghiệp",  # cited by name: its name is its number (issue 15)
        "19-CT/TU",
        "03/CT-UBND",
        "1360/UBND-NN",
        "120-KL/TU",
        "27-NQ/HU",
        "26-NQ/HU",
    ]
    for doc in data["documents"]:
        assert (sample_site.root / "site" / doc["url"].lstrip("/") / "index.html").is_file()


def test_url_scheme(sample_site: Site) -> None:
    data = json.loads((sample_site.root / "site/api/documents.json").read_text("utf-8"))
    urls = sorted(d["url"] for d in data["documents"])
    assert "/" + SON_DONG in urls
    assert "/" + TUYEN_QUANG in urls
    assert "/" + TUAN_GIAO in urls
    assert "/" + BAC_KAN in urls


def test_document_page_has_legislation_jsonld(sample_site: Site) -> None:
    page = sample_site.page(SON_DONG)
    (script,) = page.xpath("//head/script[@type='application/ld+json']")
    data = json.loads(script.text)
    assert data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "604-KL/HU"
    assert data["legislationDate"] == "2024-03-27"
    assert data["legislationPassedBy"] == {"@type": "Organization", "name": "Huyện ủy Sơn Động"}
    assert data["legislationResponsible"] == {"@type": "Person", "name": "Đỗ Văn Cẩm"}
    assert data["url"] == "/" + SON_DONG
    news = json.loads(
        sample_site.page(BAC_KAN).xpath("//script[@type='application/ld+json']")[0].text
    )
    assert news["@type"] == "NewsArticle"
    assert news["author"] == {"@type": "Person", "name": "Hương Dịu"}


def test_reading_tools_on_document_pages(sample_site: Site) -> None:
    """The bar is in the page, hidden; ketluan.js fills and shows it (tests/browser)."""
    page = sample_site.page(SON_DONG)
    (bar,) = page.cssselect(".kl-tools[role=toolbar][hidden]")
    assert bar.get("aria-label") == "Công cụ đọc" and len(bar) == 0
    assert page.xpath("//script[contains(@src, 'assets/javascripts/ketluan.js')]")
