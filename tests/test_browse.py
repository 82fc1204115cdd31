"""Place pages (/dia-ban/) and lookups (/danh-muc/): the right documents, counts, pagination,
history notes, breadcrumbs, and page size that does not grow with the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_gen import generate

from conftest import Site, conclusion, text_of

SON_DONG_DOC = "van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/"


def item_links(page) -> list[str]:
    """Titles of the documents listed on a page."""
    return [text_of(a) for a in page.cssselect(".kl-item__title")]


def entries(page, css: str = ".kl-entry") -> dict[str, str]:
    """Overview lines as {label: count text}."""
    return {
        text_of(e.cssselect(".kl-entry__label")[0]): text_of(e.cssselect(".kl-entry__count")[0])
        for e in page.cssselect(css)
    }


def test_sample_documents_are_on_their_district_and_province_pages(sample_site: Site) -> None:
    expected = {
        "dia-ban/bac-giang/son-dong/": [
            "Kết luận của Ban Chấp hành Đảng bộ huyện tại kỳ họp thứ 22"
        ],
        "dia-ban/dien-bien/tuan-giao/": [
            "Kết luận của đồng chí Mùa A Sơn, Phó Bí thư Thường trực Tỉnh ủy, tại buổi làm việc "
            "với Ban Thường vụ Huyện ủy Tuần Giáo"
        ],
        "dia-ban/dien-bien/dien-bien/": [
            "Ban Thường vụ Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Điện Biên"
        ],
        "dia-ban/bac-kan/": ["Thường trực Tỉnh ủy giao ban với các huyện, thành phố"],
        "dia-ban/tuyen-quang/": [
            "Ý kiến của Thường trực Tỉnh ủy tại cuộc giao ban Thường trực Tỉnh ủy, Thường trực "
            "Hội đồng nhân dân tỉnh, lãnh đạo Ủy ban nhân dân tỉnh tháng 8/2021"
        ],
        "dia-ban/bac-giang/": [],
        "dia-ban/dien-bien/": [],
    }
    for url, titles in expected.items():
        assert item_links(sample_site.page(url)) == titles, url
    built = sample_site.root / "site" / "dia-ban"
    pages = {p.parent.relative_to(built).as_posix() for p in built.rglob("index.html")}
    districts = {
        p
        for p in pages
        if p.count("/") == 1
        and not p.startswith("tu-2025/")
        and p.split("/")[1] != "tat-ca"
        and p.split("/")[1] != "nhiem-vu"
    }
    assert districts == {"bac-giang/son-dong", "dien-bien/dien-bien", "dien-bien/tuan-giao"}
    assert len({p for p in pages if "/" not in p and p != "."}) == 63
    assert len({p for p in pages if p.startswith("tu-2025/")}) == 34


def test_former_units_say_what_they_are_now_part_of(sample_site: Site) -> None:
    def title(url: str) -> str:
        return text_of(sample_site.page(url).cssselect("h1")[0])

    assert title("dia-ban/bac-giang/son-dong/") == (
        "Huyện Sơn Động, tỉnh Bắc Giang (đến 30/6/2025; nay thuộc tỉnh Bắc Ninh)"
    )
    assert title("dia-ban/bac-kan/") == "Tỉnh Bắc Kạn (đến 30/6/2025; nay thuộc tỉnh Thái Nguyên)"
    assert title("dia-ban/tuyen-quang/") == (
        "Tỉnh Tuyên Quang (đến 30/6/2025; nay thuộc tỉnh Tuyên Quang mới)"
    )
    assert title("dia-ban/dien-bien/") == (
        "Tỉnh Điện Biên (đến 30/6/2025; không thay đổi từ 1/7/2025)"
    )


def test_province_page_lists_its_districts_with_counts(sample_site: Site) -> None:
    page = sample_site.page("dia-ban/dien-bien/")
    districts = entries(page, ".kl-place__districts .kl-entry")
    assert len(districts) == 10
    assert districts["Huyện Tuần Giáo"] == "1 văn bản"
    assert districts["Huyện Điện Biên"] == "1 văn bản"
    assert districts["Thành phố Điện Biên Phủ"] == "chưa có văn bản"
    links = [a.get("href") for a in page.cssselect(".kl-place__districts a")]
    assert links == ["tuan-giao/", "dien-bien/"]


def test_overview_lists_34_provinces_with_the_former_ones(sample_site: Site) -> None:
    page = sample_site.page("dia-ban/")
    regions = page.cssselect(".kl-region")
    assert len(regions) == 34
    assert len(page.cssselect(".kl-region__parts .kl-entry")) == 63
    parts = {
        text_of(r.cssselect(".kl-region__name .kl-entry__label")[0]): entries(r, ".kl-entry")
        for r in regions
    }
    assert parts["Tỉnh Bắc Ninh"] == {
        "Tỉnh Bắc Ninh": "chưa có văn bản",
        "Tỉnh Bắc Giang": "1 văn bản",
    }
    assert parts["Tỉnh Tuyên Quang"]["Tỉnh Hà Giang"] == "chưa có văn bản"
    assert parts["Tỉnh Tuyên Quang"]["Tỉnh Tuyên Quang"] == "1 văn bản"
    assert parts["Tỉnh Thái Nguyên"]["Tỉnh Bắc Kạn"] == "1 văn bản"
    assert parts["Tỉnh Điện Biên"] == {"Tỉnh Điện Biên": "2 văn bản"}
    linked = [a.get("href") for a in page.cssselect(".kl-region__parts a")]
    assert len(linked) == 63, "every former province is reachable, with or without documents"
    assert "ha-giang/" in linked
    regions = [a.get("href") for a in page.cssselect(".kl-region__name a")]
    assert len(regions) == 34 and "tu-2025/bac-ninh/" in regions


def test_document_breadcrumbs_link_to_place_pages(sample_site: Site) -> None:
    page = sample_site.page(SON_DONG_DOC)
    crumbs = page.cssselect(".kl-breadcrumbs li")
    assert [text_of(li) for li in crumbs] == ["Văn bản", "Tỉnh Bắc Giang", "Huyện Sơn Động", "2024"]
    hrefs = [li.cssselect("a")[0].get("href") for li in crumbs]
    target = sample_site.root / "site" / SON_DONG_DOC
    resolved = [(target / h).resolve().relative_to(sample_site.root / "site") for h in hrefs]
    assert [p.as_posix() for p in resolved] == [
        "van-ban",
        "dia-ban/bac-giang",
        "dia-ban/bac-giang/son-dong",
        "danh-muc/nam/2024",
    ]


def test_nav_has_places_and_lookups_and_no_long_lists(sample_site: Site) -> None:
    page = sample_site.page("dia-ban/")
    links = page.cssselect("nav.md-nav--primary a.md-nav__link")
    assert [text_of(a) for a in links] == ["Trang chủ", "Văn bản", "Địa bàn", "Danh mục"]


def test_lookups_by_year_type_issuer_and_signer(sample_site: Site) -> None:
    page = sample_site.page("danh-muc/")
    assert entries(page, ".kl-browse__years .kl-entry") == {
        "Năm 2024": "2 văn bản",
        "Năm 2023": "1 văn bản",
        "Năm 2021": "2 văn bản",
    }
    assert entries(page, ".kl-browse__types .kl-entry")["Tin bài"] == "2 văn bản"
    assert text_of(page.cssselect(".kl-browse__issuers")[0]) == "5 cơ quan ban hành"
    assert text_of(page.cssselect(".kl-browse__signers")[0]) == "3 người ký"
    year = sample_site.page("danh-muc/nam/2024/")
    assert entries(year, ".kl-browse__months .kl-entry") == {
        "Tháng 3/2024": "1 văn bản",
        "Không rõ tháng (2024)": "1 văn bản",
    }
    assert len(item_links(sample_site.page("danh-muc/nam/2021/thang-07/"))) == 1
    assert len(item_links(sample_site.page("danh-muc/loai/tin-bai/"))) == 2
    signers = sample_site.page("danh-muc/nguoi-ky/")
    assert entries(signers, ".kl-groups .kl-entry") == {
        "Đỗ Văn Cẩm": "1 văn bản",
        "Lý Thanh Tiềm": "1 văn bản",
        "Nguyễn Văn Dũng": "1 văn bản",
    }
    issuer = sample_site.page("danh-muc/co-quan/huyen-uy-son-dong/")
    assert item_links(issuer) == ["Kết luận của Ban Chấp hành Đảng bộ huyện tại kỳ họp thứ 22"]
    crumbs = issuer.cssselect(".kl-breadcrumbs a")
    assert [(text_of(a), a.get("href")) for a in crumbs] == [
        ("Danh mục", "../../"),
        ("Cơ quan ban hành", "../"),
    ]
    month = sample_site.page("danh-muc/nam/2024/thang-03/")
    assert [text_of(a) for a in month.cssselect(".kl-breadcrumbs a")] == ["Danh mục", "Năm 2024"]


def test_issuer_spellings_are_one_body(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU", issuer="Huyện uỷ Sơn Động"))
    site.add("b.md", conclusion(number="2-KL/HU", issuer="Huyện ủy Sơn Động"))
    site.add("c.md", conclusion(number="3-KL/HU", issuer="Huyện ủy Sơn Động"))
    site.build()
    page = site.page("danh-muc/co-quan/")
    assert entries(page, ".kl-groups .kl-entry") == {"Huyện ủy Sơn Động": "3 văn bản"}


def test_documents_since_the_merger_are_on_the_new_province(site: Site) -> None:
    site.add(
        "a.md",
        conclusion(
            number="5-KL/TU",
            date="2025-08-01",
            issuer="Tỉnh ủy Bắc Ninh",
            province="Bắc Ninh",
            district=None,
        ),
    )
    site.add("b.md", conclusion())
    site.build()
    now = site.page("dia-ban/bac-giang/").cssselect(".kl-place__now")[0]
    assert text_of(now) == "Địa bàn này nay thuộc tỉnh Bắc Ninh (1 văn bản từ 1/7/2025)."
    assert now.cssselect("a")[0].get("href") == "../tu-2025/bac-ninh/"
    page = site.page("dia-ban/tu-2025/bac-ninh/")
    assert text_of(page.cssselect("h1")[0]) == "Tỉnh Bắc Ninh (từ 1/7/2025)"
    assert entries(page, ".kl-place__parts .kl-entry") == {
        "Tỉnh Bắc Ninh": "chưa có văn bản",
        "Tỉnh Bắc Giang": "1 văn bản",
    }
    assert len(item_links(page)) == 1
    doc = site.page("van-ban/bac-ninh/tinh-uy-bac-ninh/2025/5-kl-tu/")
    labels = [text_of(dt) for dt in doc.cssselect(".kl-meta dt")]
    assert "Nay thuộc" not in labels
    assert text_of(doc.cssselect(".kl-meta__place dd")[0]) == "tỉnh Bắc Ninh"
    crumbs = doc.cssselect(".kl-breadcrumbs a")
    assert [text_of(a) for a in crumbs] == ["Văn bản", "Tỉnh Bắc Ninh", "2025"]
    assert crumbs[1].get("href").endswith("dia-ban/tu-2025/bac-ninh/")


@pytest.mark.parametrize(("count", "pages"), [(0, 0), (1, 1), (2, 1), (3, 2)])
def test_district_pagination_boundaries(site: Site, count: int, pages: int) -> None:
    site.options["page_size"] = 2
    site.add(
        "other.md", conclusion(number="99-KL/HU", issuer="Huyện ủy Lục Ngạn", district="Lục Ngạn")
    )
    for i in range(count):
        site.add(f"d{i}.md", conclusion(number=f"{i + 1}-KL/HU", date=f"2024-03-{i + 10}"))
    built = site.build()
    district = built / "dia-ban" / "bac-giang" / "son-dong"
    province = site.page("dia-ban/bac-giang/")
    count_text = entries(province, ".kl-place__districts .kl-entry")["Huyện Sơn Động"]
    assert count_text == (f"{count} văn bản" if count else "chưa có văn bản")
    if not pages:
        assert not district.exists()
        assert "son-dong/" not in [a.get("href") for a in province.cssselect("a")]
        return
    seen: list[str] = []
    for number in range(1, pages + 1):
        url = "dia-ban/bac-giang/son-dong/" + ("" if number == 1 else f"trang/{number}/")
        page = site.page(url)
        items = item_links(page)
        assert 1 <= len(items) <= 2
        seen += items
        assert bool(page.cssselect(".kl-pagination")) == (pages > 1)
    assert len(seen) == count
    assert not (district / "trang" / str(pages + 1)).exists()
    dates = [t.get("datetime") for t in site.page("dia-ban/bac-giang/son-dong/").cssselect("time")]
    assert dates == sorted(dates, reverse=True), "newest first"


def _largest_district_page(root: Path) -> tuple[int, int]:
    """(bytes, items) of the largest district list page under dia-ban/<province>/<district>/."""
    from lxml import html

    biggest = (0, 0)
    for path in (root / "dia-ban").glob("*/*/index.html"):
        if "tu-2025" in path.parts or "tat-ca" in path.parts:
            continue
        data = path.read_bytes()
        items = len(html.fromstring(data).cssselect(".kl-item"))
        assert items <= 20, path
        biggest = max(biggest, (len(data), items))
    return biggest


def test_two_thousand_documents_keep_district_pages_bounded(
    tmp_path: Path, generated_site: Site
) -> None:
    sizes = {}
    for n in (1000, 2000):
        if n == 2000:
            site = generated_site
        else:
            site = Site(tmp_path / str(n))
            site.options["page_size"] = 20
            generate(site.conclusions, n)
            site.build()
        built = site.root / "site"
        sizes[n] = _largest_district_page(built)
        listed = 0
        for path in (built / "dia-ban").glob("*/*/**/index.html"):
            if "tu-2025" not in path.parts and "tat-ca" not in path.parts:
                listed += len(
                    site.page(path.parent.relative_to(built).as_posix() + "/").cssselect(".kl-item")
                )
        assert listed == n - n // 10, "every district document is on exactly one district page"
    assert sizes[1000][1] == sizes[2000][1] == 20, "both corpora fill a page"
    assert sizes[2000][0] <= sizes[1000][0] * 1.05, sizes


def test_lookup_pages_escape_issuer_and_signer(site: Site) -> None:
    payload = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    site.add(
        "a.md",
        conclusion(issuer=f"'Huyện ủy {payload}'", signer=f"signer:\n  name: '{payload}'"),
    )
    site.build()
    for url in ("danh-muc/co-quan/", "danh-muc/nguoi-ky/"):
        page = site.page(url)
        (entry,) = page.cssselect(".kl-groups .kl-entry__label")
        assert payload in entry.text_content()
        assert not page.xpath("//*[@onerror]")
        href = entry.get("href")
        group = site.page(url + href)
        assert not group.xpath("//*[@onerror]")
        assert payload in group.findtext(".//title")
        assert "alert" not in " ".join(s.text or "" for s in group.iter("script"))


def test_former_name_is_accepted_and_shown(site: Site) -> None:
    site.add(
        "a.md",
        conclusion(
            issuer="Tỉnh ủy Thừa Thiên Huế",
            province="Thừa Thiên Huế",
            district=None,
            date="2020-05-04",
        ),
    )
    site.build()
    page = site.page("dia-ban/hue/")
    assert text_of(page.cssselect("h1")[0]) == (
        "Thành phố Huế (đến 30/6/2025; không thay đổi từ 1/7/2025)"
    )
    assert text_of(page.cssselect(".kl-place__names")[0]) == "Tên trước đây: Thừa Thiên Huế."
    assert [text_of(h) for h in page.cssselect("h2, h3")][-2:] == ["Văn bản cấp tỉnh", "Năm 2020"]
    assert len(item_links(page)) == 1


def test_an_empty_corpus_still_has_the_overviews(site: Site) -> None:
    site.build()
    places = site.page("dia-ban/")
    assert len(places.cssselect(".kl-region")) == 34
    assert set(entries(places).values()) == {"chưa có văn bản"}
    empty = site.page("dia-ban/ha-giang/")
    assert (
        text_of(empty.cssselect(".kl-place__now")[0]) == "Địa bàn này nay thuộc tỉnh Tuyên Quang."
    )
    assert not empty.cssselect(".kl-place__districts a"), "no page for a district without documents"
    assert len(empty.cssselect(".kl-place__districts .kl-entry")) == 11
    lookups = site.page("danh-muc/")
    assert [text_of(p) for p in lookups.cssselect(".kl-empty")] == ["Chưa có văn bản nào."] * 2
    assert text_of(lookups.cssselect(".kl-browse__issuers")[0]) == "0 cơ quan ban hành"
    assert not site.page("danh-muc/co-quan/").cssselect(".kl-entry")


def test_former_places_link_to_what_they_are_now_part_of(sample_site: Site) -> None:
    page = sample_site.page("dia-ban/bac-giang/")
    now = page.cssselect(".kl-place__now")[0]
    assert text_of(now) == "Địa bàn này nay thuộc tỉnh Bắc Ninh."
    assert now.cssselect("a")[0].get("href") == "../tu-2025/bac-ninh/"
    assert sample_site.page("dia-ban/").cssselect("#bac-ninh .kl-region__name")
    successor = sample_site.page("dia-ban/tu-2025/bac-ninh/")
    assert entries(successor, ".kl-place__parts .kl-entry") == {
        "Tỉnh Bắc Giang": "1 văn bản",
        "Tỉnh Bắc Ninh": "chưa có văn bản",
    }
    assert text_of(successor.cssselect(".kl-empty")[0]) == "Chưa có văn bản nào."
    assert text_of(page.cssselect(".kl-place__totals")[0]) == (
        "Tổng số 1 văn bản: 0 văn bản cấp tỉnh, 1 văn bản cấp huyện. Xem tất cả, mới nhất trước"
    )
    district = sample_site.page("dia-ban/bac-giang/son-dong/")
    assert district.cssselect(".kl-place__now a")[0].get("href") == "../../tu-2025/bac-ninh/"


def test_all_documents_of_a_former_province(sample_site: Site) -> None:
    province = sample_site.page("dia-ban/dien-bien/")
    link = province.cssselect(".kl-place__all")[0]
    assert link.get("href") == "tat-ca/"
    page = sample_site.page("dia-ban/dien-bien/tat-ca/")
    assert [text_of(a) for a in page.cssselect(".kl-breadcrumbs a")] == [
        "Địa bàn",
        "Tỉnh Điện Biên",
    ]
    assert len(item_links(page)) == 2
    dates = [t.get("datetime") for t in page.cssselect(".kl-item time")]
    assert dates == ["2024", "2021-07-23"]
    assert not sample_site.page("dia-ban/ha-giang/").cssselect(".kl-place__all")
