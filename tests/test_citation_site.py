"""Citations in the built sample site: links in bodies, cited-document pages, directory,
open data and JSON-LD."""

from __future__ import annotations

import json
from urllib.parse import urljoin

from conftest import Site, text_of

SON_DONG = "van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/"
TUYEN_QUANG = "van-ban/tuyen-quang/thuong-truc-tinh-uy-tuyen-quang/2021/tbyk-2021-08-31/"
TUAN_GIAO = "van-ban/dien-bien/thuong-truc-tinh-uy-dien-bien/2021/tbkl-2021-07-23/"
BAC_KAN = (
    "van-ban/bac-kan/thuong-truc-tinh-uy-bac-kan/2023/2023-05-31-thuong-truc-tinh-uy-giao-ban/"
)
DIEN_BIEN_NEWS = (
    "van-ban/dien-bien/ban-thuong-vu-tinh-uy-dien-bien/2024/2024-ban-thuong-vu-tinh-uy-lam/"
)

BG = "/trich-dan/bac-giang/"
CONGRESS = "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"
SAMPLE_LINKS = {
    SON_DONG: [
        ("Chỉ thị số 26-CT/TU", BG + "chi-thi/2023/26-ct-tu/"),
        # a law cited by name has its page like a number (issue 15)
        ("Luật Lâm nghiệp", "/trich-dan/toan-quoc/luat/khong-ro-nam/luat-lam-nghiep/"),
        ("Chỉ thị số 19-CT/TU", BG + "chi-thi/2020/19-ct-tu/"),
        ("Chỉ thị 03/CT-UBND", BG + "chi-thi/2024/03-ct-ubnd/"),
        ("Công văn số: 1360/UBND-NN", BG + "cong-van/2024/1360-ubnd-nn/"),
        ("Chỉ thị số 19-CT/TU", BG + "chi-thi/2020/19-ct-tu/"),
        ("Kết luận số 120-KL/TU", BG + "ket-luan/khong-ro-nam/120-kl-tu/"),
        ("Nghị quyết số 27-NQ/HU", BG + "son-dong/nghi-quyet/2021/27-nq-hu/"),
        ("Nghị quyết số 27-NQ/HU", BG + "son-dong/nghi-quyet/2021/27-nq-hu/"),
        ("Nghị quyết số 26-NQ/HU", BG + "son-dong/nghi-quyet/2021/26-nq-hu/"),
        ("Nghị quyết số 26-NQ/HU", BG + "son-dong/nghi-quyet/2021/26-nq-hu/"),
        ("Chỉ thị số 26-CT/TU", BG + "chi-thi/2023/26-ct-tu/"),
        ("Chỉ thị số 26-CT/TU", BG + "chi-thi/2023/26-ct-tu/"),
    ],
    TUYEN_QUANG: [
        # the national congress's resolution, cited by name six times (issue 15)
        *[
            (
                CONGRESS,
                "/trich-dan/toan-quoc/nghi-quyet/khong-ro-nam/nghi-quyet-dai-hoi-xiii-cua-dang/",
            )
        ]
        * 6,
        ("Đề án số 16-ĐA/TU", "/trich-dan/tuyen-quang/de-an/2020/16-da-tu/"),
        ("Đề án số 03-ĐA/TU", "/trich-dan/tuyen-quang/de-an/2021/03-da-tu/"),
        ("Quy định số 30-QĐ/TU", "/trich-dan/tuyen-quang/quy-dinh/khong-ro-nam/30-qd-tu/"),
        (
            "Nghị quyết số 05/2019/NQ-HĐND",
            "/trich-dan/tuyen-quang/nghi-quyet/2019/05-2019-nq-hdnd/",
        ),
        (
            "Nghị quyết số 05/2019/NQ-HĐND",
            "/trich-dan/tuyen-quang/nghi-quyet/2019/05-2019-nq-hdnd/",
        ),
    ],
    TUAN_GIAO: [
        (
            CONGRESS,
            "/trich-dan/toan-quoc/nghi-quyet/khong-ro-nam/nghi-quyet-dai-hoi-xiii-cua-dang/",
        ),
        ("Nghị quyết số 04-NQ/TU", "/trich-dan/dien-bien/nghi-quyet/2021/04-nq-tu/"),
        ("Kế hoạch số 65-KH/TU", "/trich-dan/dien-bien/ke-hoach/2019/65-kh-tu/"),
    ],
    BAC_KAN: [("Quy định số 96-QĐ/TW", "/trich-dan/toan-quoc/quy-dinh/2023/96-qd-tw/")],
    DIEN_BIEN_NEWS: [
        ("Quyết định 45/2018/QĐ-UBND", "/trich-dan/dien-bien/quyet-dinh/2018/45-2018-qd-ubnd/"),
        ("Thông tư số 04/2022/TT-BXD", "/trich-dan/toan-quoc/thong-tu/2022/04-2022-tt-bxd/"),
    ],
}
NOT_CITATIONS = {
    SON_DONG: ["27/3/2024", "2020-2025", "quý II/2024", "21/4/2024", "90%", "2025 - 2030"],
    TUYEN_QUANG: ["30/9/2021", "60%", "37/84", "55,1%", "Km14 QL.2", "2021-2030", "ĐT188"],
    TUAN_GIAO: ["23/7/2021", "51%", "2021 - 2026", "Km1+967", "5K + vắc xin"],
    BAC_KAN: ["31/5", "16%", "6/2023", "25B", "2024 - 2025"],
    DIEN_BIEN_NEWS: ["12/17", "7,71%", "25/7/2024", "5/17", "2021 - 2030"],
}


def cite_links(site: Site, url: str) -> list[tuple[str, str]]:
    """(text, absolute target path) of every citation link in the body of a page."""
    body = site.page(url).cssselect(".kl-document__body")[0]
    return [
        (a.text_content(), urljoin("/" + url, a.get("href"))) for a in body.cssselect("a.kl-cite")
    ]


def test_every_sample_citation_is_linked_and_nothing_else(sample_site: Site) -> None:
    for url, expected in SAMPLE_LINKS.items():
        assert cite_links(sample_site, url) == expected, url
        body = sample_site.page(url).cssselect(".kl-document__body")[0]
        for a in body.cssselect("a"):
            assert "kl-cite" in (a.get("class") or "") or a.get("href", "").startswith("#")
        texts = " ".join(a.text_content() for a in body.cssselect("a.kl-cite"))
        for phrase in NOT_CITATIONS[url]:
            assert phrase in text_of(body), phrase
            assert phrase not in texts, phrase
        for _, target in expected:
            assert (sample_site.root / "site" / target.lstrip("/") / "index.html").is_file()


def test_document_page_lists_what_it_cites(sample_site: Site) -> None:
    page = sample_site.page(TUAN_GIAO)
    section = page.cssselect(".kl-cites")[0]
    assert text_of(section.cssselect("h2")[0]) == "Văn bản được trích dẫn"
    titles = [text_of(a) for a in section.cssselect(".kl-item__title")]
    assert titles == [
        "Nghị quyết Đại hội XIII của Đảng",  # cited by name (issue 15)
        "Nghị quyết số 04-NQ/TU",
        "Kế hoạch số 65-KH/TU",
    ]
    assert "Tỉnh ủy Điện Biên" in text_of(section.cssselect(".kl-item__meta")[1])
    assert not page.cssselect(".kl-cited-by"), "no sample document is cited by another"


def test_resolution_page_shows_identity_and_citing_sentences(sample_site: Site) -> None:
    page = sample_site.page("trich-dan/bac-giang/son-dong/nghi-quyet/2021/27-nq-hu/")
    assert text_of(page.cssselect("h1")[0]) == "Nghị quyết số 27-NQ/HU"
    rows = {
        text_of(r.cssselect("dt")[0]): text_of(r.cssselect("dd")[0])
        for r in page.cssselect(".kl-meta__row")
    }
    assert rows["Ngày ban hành"] == "ngày 24 tháng 2 năm 2021"
    assert rows["Cơ quan ban hành"].startswith("Huyện ủy Sơn Động")
    assert rows["Địa bàn"] == (
        "huyện Sơn Động, tỉnh Bắc Giang (đến 30/6/2025; nay thuộc tỉnh Bắc Ninh)"
    )
    place = page.cssselect(".kl-resolution__place")[0]
    place_url = urljoin("/trich-dan/a/b/c/d/e/", place.get("href"))
    assert (sample_site.root / "site" / place_url.lstrip("/") / "index.html").is_file()
    assert rows["Toàn văn"] == "chưa có trong cổng thông tin"
    (item,) = page.cssselect(".kl-citing__item")
    assert urljoin("/trich-dan/a/b/c/d/e/", item.cssselect("a")[0].get("href")) == "/" + SON_DONG
    sentences = [text_of(q) for q in item.cssselect(".kl-sentence")]
    assert len(sentences) == 2
    assert sentences[0].startswith("(1) Về đánh giá 03 năm thực hiện Nghị quyết số 27-NQ/HU")
    assert "nêu tại Nghị quyết số 27-NQ/HU của Huyện ủy" in sentences[1]


def test_directory_groups_by_issuer_and_type_and_ranks(sample_site: Site) -> None:
    page = sample_site.page("trich-dan/")
    notes = {
        text_of(h).split(" (")[0]: text_of(n)
        for h in page.cssselect("h2.kl-group")
        for n in h.cssselect(".kl-group__note")
    }
    assert notes["Tỉnh ủy Bắc Giang"] == "(đến 30/6/2025; nay thuộc tỉnh Bắc Ninh)"
    assert notes["Tỉnh ủy Điện Biên"] == "(đến 30/6/2025; không thay đổi từ 1/7/2025)"
    for note in page.cssselect(".kl-group__note"):
        note.drop_tree()
    groups = [text_of(h) for h in page.cssselect("h2.kl-group")]
    assert groups == [
        "Trung ương Đảng",
        "Bộ Xây dựng",
        "Quốc hội",  # Luật Lâm nghiệp, cited by name
        "Tỉnh ủy Bắc Giang",
        "UBND tỉnh Bắc Giang",
        "Huyện ủy Sơn Động",
        "Tỉnh ủy Điện Biên",
        "UBND tỉnh Điện Biên",
        "Tỉnh ủy Tuyên Quang",
        "HĐND tỉnh Tuyên Quang",
    ]
    kinds = [text_of(h) for h in page.cssselect("h3.kl-group__kind")]
    assert kinds[4:6] == ["Chỉ thị", "Kết luận"], "Tỉnh ủy Bắc Giang: by kind"
    assert len(page.cssselect(".kl-cited")) == 18
    ranked = sample_site.page("trich-dan/nhieu-nhat/")
    counts = [text_of(c) for c in ranked.cssselect(".kl-cited__count")]
    assert len(counts) == 18
    assert counts[0] == "2 văn bản trích dẫn", "Nghị quyết Đại hội XIII, cited by two samples"
    assert all(c == "1 văn bản trích dẫn" for c in counts[1:])


def test_open_data(sample_site: Site) -> None:
    api = sample_site.root / "site" / "api"
    data = json.loads((api / "resolutions.json").read_text("utf-8"))
    assert data["count"] == len(data["resolutions"]) == 18
    entry = next(r for r in data["resolutions"] if r["number"] == "27-NQ/HU")
    assert entry["key"] == "bac-giang/son-dong:nghi-quyet:27-NQ/HU:2021-02-24"
    assert entry["url"] == "/trich-dan/bac-giang/son-dong/nghi-quyet/2021/27-nq-hu/"
    assert entry["cited_by"] == ["bac-giang/huyen-uy-son-dong/2024/604-kl-hu"]
    assert entry["scope"] == {"province": "Bắc Giang", "district": "Sơn Động"}
    documents = json.loads((api / "documents.json").read_text("utf-8"))["documents"]
    tuan_giao = next(d for d in documents if d["source"].endswith("thong-bao-ket-luan.md"))
    assert [(r["number"], r["date"], r["declared"]) for r in tuan_giao["references"]] == [
        ("Nghị quyết Đại hội XIII của Đảng", None, False),
        ("04-NQ/TU", "2021-05-07", False),
        ("65-KH/TU", "2019-04-24", False),
    ]


def test_json_ld_lists_what_a_document_cites(sample_site: Site) -> None:
    page = sample_site.page(TUAN_GIAO)
    (script,) = page.xpath("//head/script[@type='application/ld+json']")
    data = json.loads(script.text)
    assert data["@type"] == "Legislation"
    assert data["citation"] == [
        {
            "@type": "Legislation",
            "name": "Nghị quyết Đại hội XIII của Đảng (Trung ương Đảng)",
            "legislationType": "Nghị quyết",
            "url": "/trich-dan/toan-quoc/nghi-quyet/khong-ro-nam/nghi-quyet-dai-hoi-xiii-cua-dang/",
        },
        {
            "@type": "Legislation",
            "name": "Nghị quyết số 04-NQ/TU ngày 07/05/2021 (Tỉnh ủy Điện Biên)",
            "legislationIdentifier": "04-NQ/TU",
            "legislationType": "Nghị quyết",
            "legislationDate": "2021-05-07",
            "url": "/trich-dan/dien-bien/nghi-quyet/2021/04-nq-tu/",
        },
        {
            "@type": "Legislation",
            "name": "Kế hoạch số 65-KH/TU ngày 24/04/2019 (Tỉnh ủy Điện Biên)",
            "legislationIdentifier": "65-KH/TU",
            "legislationType": "Kế hoạch",
            "legislationDate": "2019-04-24",
            "url": "/trich-dan/dien-bien/ke-hoach/2019/65-kh-tu/",
        },
    ]
