"""Vietnamese search in a real browser: queries typed into the header box of built sites.

The sample corpus lacks some cases (old/new tone placement side by side, a file stored as
NFD, a document citing 604-KL/HU, a HĐND number, an unaccented look-alike of "chè"):
``search_site`` adds them in tmp_path.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

import pytest

from conftest import Site, conclusion
from ketluan.core.text import new_tone_placement, nfc
from ketluan.site.urls import WORDS

REPO = Path(__file__).resolve().parents[2]
SON_DONG = "/van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/"
TUYEN_QUANG = "/van-ban/tuyen-quang/thuong-truc-tinh-uy-tuyen-quang/2021/tbyk-2021-08-31/"
TUAN_GIAO = "/van-ban/dien-bien/thuong-truc-tinh-uy-dien-bien/2021/tbkl-2021-07-23/"
DIEN_BIEN_NEWS = "/van-ban/dien-bien/ban-thuong-vu-tinh-uy-dien-bien/2024/"
OLD_TONE = "/van-ban/dien-bien/huyen-uy-muong-cha/2023/12-kl-hu/"
NFD = "/van-ban/lai-chau/huyen-uy-tam-duong/2022/13-kl-hu/"
CITES_604 = "/van-ban/bac-giang/huyen-uy-son-dong/2024/605-kl-hu/"
HDND = "/van-ban/lai-chau/tinh-uy-lai-chau/2020/88-kl-tu/"
LOOKALIKE = "/van-ban/ha-giang/huyen-uy-vi-xuyen/2022/40-kl-hu/"


def doc(body: str, **fields: str | None) -> str:
    """A conclusion file with the test defaults (tests/conftest.py)."""
    return conclusion(body, **fields)


def add_search_cases(site: Site) -> None:
    """The cases the samples lack (module docstring); the relevance set adds them too."""
    site.add(
        "dien-bien/muong-cha/12.md",
        doc(
            "Phát triển nuôi trồng thuỷ sản gắn với hoà giải ở cơ sở; Uỷ ban nhân dân huyện "
            "chỉ đạo.\n",
            title="Kết luận về phát triển thuỷ sản",
            number="12-KL/HU",
            date="2023-05-10",
            issuer="Huyện ủy Mường Chà",
            province="Điện Biên",
            district="Mường Chà",
        ),
    )
    nfd = doc(
        "Phát triển nuôi trồng thủy sản, hòa giải ở cơ sở; Ủy ban nhân dân huyện chỉ đạo.\n",
        title="Kết luận về kinh tế thủy sản hồ chứa",
        number="13-KL/HU",
        date="2022-09-01",
        issuer="Huyện ủy Tam Đường",
        province="Lai Châu",
        district="Tam Đường",
    )
    site.add("lai-chau/tam-duong/13.md", unicodedata.normalize("NFD", nfd).encode("utf-8"))
    cite = "Thực hiện Kết luận số 604-KL/HU ngày 27/3/2024 của Huyện ủy. "
    site.add(
        "bac-giang/son-dong/605.md",
        doc(
            cite * 3 + "\n\nTiếp tục thực hiện Kết luận số 604-KL/HU.\n",
            title="Kết luận về thực hiện Kết luận số 604-KL/HU",
            number="605-KL/HU",
            date="2024-05-02",
        ),
    )
    site.add(
        "lai-chau/88.md",
        doc(
            "Triển khai Nghị quyết số 05/2019/NQ-HĐND của Hội đồng nhân dân tỉnh về hỗ trợ "
            "phát triển chè.\n",
            title="Kết luận về phát triển cây chè",
            number="88-KL/TU",
            date="2020-04-15",
            issuer="Tỉnh ủy Lai Châu",
            province="Lai Châu",
            district=None,
        ),
    )
    lookalike = "Đẩy mạnh chế biến nông sản, tăng tỷ lệ che phủ rừng; chế biến sâu. "
    site.add(
        "ha-giang/vi-xuyen/40.md",
        doc(
            lookalike * 4 + "\n",
            title="Kết luận về chế biến nông sản và che phủ rừng",
            number="40-KL/HU",
            date="2022-03-07",
            issuer="Huyện ủy Vị Xuyên",
            province="Hà Giang",
            district="Vị Xuyên",
        ),
    )


@pytest.fixture(scope="session")
def search_site(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    """Samples plus the missing cases."""
    site = Site(tmp_path_factory.mktemp("search") / "project")
    shutil.copytree(REPO / "conclusions", site.conclusions, dirs_exist_ok=True)
    add_search_cases(site)
    return serve(site.build())


def search_box(page, base_url: str, query: str, typed: bool = True) -> list[dict[str, str]]:
    """Type ``query`` into the header search box (or paste it: ``typed=False``, one input
    event); the results listed in its panel."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url)
    box = page.locator("#kl-search-box")
    box.click()
    if typed:
        box.press_sequentially(query)
    else:
        box.fill(query)
    # The panel says which query it shows: wait for the whole query, not a prefix typed
    # before the debounce fired. The box normalises like ketluan.text.
    shown = " ".join(new_tone_placement(nfc(query)).split())
    page.wait_for_function(
        "q => document.querySelector('.kl-search__panel')?.dataset.query === q", arg=shown
    )
    return page.eval_on_selector_all(
        ".kl-search__panel .kl-result",
        """items => items.map(li => ({
            url: new URL(li.querySelector('a').href).pathname,
            title: li.querySelector('.kl-result__title').textContent,
            meta: li.querySelector('.kl-result__meta').textContent,
            marks: [...li.querySelectorAll('.kl-result__excerpt mark')].map(m => m.textContent),
        }))""",
    )


def urls(results: list[dict[str, str]]) -> list[str]:
    return [r["url"] for r in results]


def test_unaccented_district_finds_its_documents(page, served_sample: str) -> None:
    results = search_box(page, served_sample, "tuan giao")
    assert urls(results)[0] == TUAN_GIAO
    assert "Tuần" in results[0]["marks"]


@pytest.mark.parametrize("query", ["dien bien", "Dien Bien", "điện biên"])
def test_d_with_stroke_folds_to_d(page, served_sample: str, query: str) -> None:
    found = urls(search_box(page, served_sample, query))
    assert TUAN_GIAO in found
    assert any(u.startswith(DIEN_BIEN_NEWS) for u in found)
    assert all(u.startswith("/van-ban/dien-bien/") for u in found), "a place name: its documents"


def test_accented_words_that_fold_like_a_place_are_not_the_place(page, served_sample) -> None:
    """ "diễn biến" (course of events) folds like Điện Biên; typed with accents it is text."""
    results = search_box(page, served_sample, "diễn biến")
    # The two samples whose text says "diễn biến" come first; Tuyên Quang is not in Điện Biên.
    assert set(urls(results)[:2]) == {TUYEN_QUANG, TUAN_GIAO}
    # Full-text matches: no result marks the place (the word index's snippet is the start
    # of the text, marked where it holds the words as typed).
    for result in results:
        assert "Điện" not in result["marks"]


def test_dang_uy_finds_dang_uy(page, served_sample: str) -> None:
    found = urls(search_box(page, served_sample, "dang uy"))
    assert SON_DONG in found, "604-KL/HU is sent to 'Đảng ủy, UBND xã'"


def test_number_finds_exactly_that_document_first(page, search_site: str) -> None:
    results = search_box(page, search_site, "604-KL/HU")
    assert urls(results)[0] == SON_DONG
    assert "số 604-KL/HU" in results[0]["meta"]
    assert CITES_604 in urls(results), "documents citing it come after"


def test_hdnd_number_typed_without_d_with_stroke(page, search_site: str) -> None:
    assert urls(search_box(page, search_site, "05/2019/NQ-HDND"))[0] == HDND
    assert urls(search_box(page, search_site, "05/2019/NQ-HĐND"))[0] == HDND


@pytest.mark.parametrize(
    "query", ["thuy san", "thủy sản", "thuỷ sản", unicodedata.normalize("NFD", "thủy sản")]
)
def test_tone_placement_and_nfd_match_alike(page, search_site: str, query: str) -> None:
    found = urls(search_box(page, search_site, query))
    assert OLD_TONE in found, "thuỷ (old placement)"
    assert NFD in found, "thủy, stored as NFD"
    assert any(u.startswith(DIEN_BIEN_NEWS) for u in found), "sample news: thuỷ sản"


@pytest.mark.parametrize(("query", "other"), [("hòa giải", "hoà giải"), ("Ủy ban", "Uỷ ban")])
def test_old_and_new_tone_queries_find_the_same(page, search_site: str, query, other) -> None:
    first = set(every_result(page, search_site, query))
    second = set(every_result(page, search_site, other))
    assert {OLD_TONE, NFD} <= first
    assert first == second


def every_result(page, base_url: str, query: str) -> list[str]:
    """Every result of ``query`` on the search page ("Xem thêm" until none is left; none
    when the page says nothing is found)."""
    page.goto(f"{base_url}tra-cuu/?q={quote(query)}")
    page.wait_for_function(
        "() => /Tìm thấy|Không tìm thấy/.test("
        "document.querySelector('.kl-search-page__status').textContent)"
    )
    more = page.locator(".kl-results__more")
    while more.is_visible():
        shown = page.locator(".kl-results .kl-result").count()
        more.click()
        page.wait_for_function(
            f"document.querySelectorAll('.kl-results .kl-result').length > {shown}"
        )
    links = page.locator(".kl-results .kl-result a.kl-result__title")
    return [urlparse(href).path for href in links.evaluate_all("ls => ls.map(l => l.href)")]


def test_accented_query_ranks_exact_accents_first(page, search_site: str) -> None:
    """chè (tea) against chế biến, che phủ: the same letters without accents."""
    unaccented = urls(search_box(page, search_site, "che"))
    assert unaccented[0] == LOOKALIKE, "without accents the look-alike text scores higher"
    accented = urls(search_box(page, search_site, "chè"))
    with_tea = {HDND, TUYEN_QUANG}  # the sample from Tuyên Quang mentions chè too
    assert set(accented[:2]) == with_tea
    assert LOOKALIKE in accented[2:], "still found, after the exact matches"


def test_result_shows_title_number_date_issuer_and_marked_snippet(page, search_site) -> None:
    (result, *_) = search_box(page, search_site, "604-KL/HU")  # from the number lookup
    assert result["title"] == "Kết luận của Ban Chấp hành Đảng bộ huyện tại kỳ họp thứ 22"
    assert result["meta"] == "Kết luận · số 604-KL/HU · 27/03/2024 · Huyện ủy Sơn Động"
    found = search_box(page, search_site, "thống nhất kết luận")  # from the full text
    (text,) = [r for r in found if r["url"].endswith("/604-kl-hu/")]
    assert text["meta"] == result["meta"], "both show a document alike"
    assert text["marks"], "the match is marked in the snippet"


def test_only_document_text_is_indexed(page, served_sample: str) -> None:
    """The word index holds a document's text, not the site chrome or the letterhead its
    page shows (``site.words.document_words`` reads the document, not the page)."""
    assert SON_DONG in urls(search_box(page, served_sample, "thống nhất kết luận"))
    for chrome in ("Đảng Cộng sản Việt Nam", "Trích dẫn"):  # letterhead, citations heading
        assert SON_DONG not in urls(search_box(page, served_sample, chrome)), chrome


def test_signer_name_finds_the_document(page, served_sample: str) -> None:
    assert urls(search_box(page, served_sample, "Đỗ Văn Cẩm"))[0] == SON_DONG
    assert urls(search_box(page, served_sample, "do van cam"))[0] == SON_DONG


def test_search_page_query_in_url_and_filters(page, search_site: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(search_site + "tra-cuu/?q=thuy+san")
    page.locator(".kl-results .kl-result").first.wait_for()
    assert page.locator("#kl-search-page-q").input_value() == "thuy san"
    assert page.locator("#kl-search-page-q").is_visible()
    # On a phone the header has no room for the box: an icon leads to this page instead.
    assert not page.locator("#kl-search-box").is_visible()
    icon = page.locator(".kl-search__open")
    assert icon.is_visible() and icon.get_attribute("href") == "./"
    assert page.locator(".kl-results .kl-result").count() >= 3
    assert not [u for u in fetched if "/filter/" in u], "filters load only when opened"
    page.locator(".kl-filters summary").click()
    province = page.locator("select[name=tinh]")
    province.wait_for()
    values = province.locator("option").evaluate_all("os => os.map(o => o.value)")
    assert "Điện Biên" in values, "labels carry counts: 'Điện Biên (2)'"
    for name in ("huyen", "nam", "loai"):
        assert page.locator(f"select[name={name}]").count() == 1
    province.select_option("Lai Châu")
    page.wait_for_function("() => location.search.includes('tinh=')")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.kl-results .kl-result a')]"
        ".every(a => a.href.includes('/lai-chau/'))"
    )
    found = page.eval_on_selector_all(
        ".kl-results .kl-result a", "as => as.map(a => new URL(a.href).pathname)"
    )
    assert found == [NFD]
    assert parse_qs(urlparse(page.url).query) == {"q": ["thuy san"], "tinh": ["Lai Châu"]}


def test_search_page_link_with_filters_and_a_place(page, search_site: str) -> None:
    """A shared link restores the filters; a place name alone lists its documents."""
    page.goto(search_site + "tra-cuu/?q=%C4%91i%E1%BB%87n+bi%C3%AAn&nam=2021")
    page.locator(".kl-results .kl-result").first.wait_for()
    assert page.locator("select[name=nam]").input_value() == "2021"
    found = page.eval_on_selector_all(
        ".kl-results .kl-result a", "as => as.map(a => new URL(a.href).pathname)"
    )
    assert found == [TUAN_GIAO]
    snippet = page.locator(".kl-results .kl-result__excerpt").first
    assert snippet.locator("mark").all_text_contents() == ["Điện", "Biên"]


def test_header_box_opens_search_page_on_enter(page, served_sample: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served_sample)
    page.locator("#kl-search-box").fill("tuan giao")
    page.locator("#kl-search-box").press("Enter")
    page.wait_for_url("**/tra-cuu/?q=tuan+giao")
    page.locator(".kl-results .kl-result").first.wait_for()
    first = page.locator(".kl-results .kl-result a").first.get_attribute("href")
    assert urlparse(first).path == TUAN_GIAO


def test_search_loads_no_pagefind_file(page, search_site: str) -> None:
    """The word index answers queries, filters and their counts (ketluan-words.js): the
    browser never asks for a Pagefind file."""
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(urlparse(request.url).path))
    # Pasted, so that no prefix ("Mường") is searched on a slow machine before the debounce.
    found = urls(search_box(page, search_site, "Mường Chà", typed=False))
    assert found == [OLD_TONE]
    assert urls(search_box(page, search_site, "muong cha")) == [OLD_TONE]
    every = urls(search_box(page, search_site, "kết luận"))
    assert len(every) == 6
    page.goto(search_site + "tra-cuu/?q=thuy+san&nam=2023")
    page.locator(".kl-results .kl-result").first.wait_for()
    page.wait_for_function("document.querySelector('.kl-filters').dataset.counted === 'thuy san'")
    years = page.locator(".kl-filter__select[name=nam] option").all_inner_texts()
    assert any(text.startswith("2023 (") for text in years), years
    assert not [path for path in loaded if "pagefind" in path], loaded
    words = [path for path in loaded if path.startswith("/" + WORDS)]
    assert any("/loc/" in path for path in words), "filters from the word index's files"


def test_hostile_text_in_results_stays_text(page, site, serve) -> None:
    """Titles, numbers and bodies with markup show as text in results, never run."""
    payload = '<img src=x onerror="alert(1)"><b>đậm</b>'
    site.add(
        "a/1.md",
        conclusion(
            f"Nội dung {payload} về chè Shan tuyết.\n",
            title=f"'Kết luận {payload}'",
            number="7-KL/HU",
        ),
    )
    base = serve(site.build())
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    (result,) = search_box(page, base, "chè Shan tuyết")
    assert result["title"] == f"Kết luận {payload}"
    assert page.locator(".kl-search__panel img").count() == 0
    assert page.locator(".kl-search__panel b").count() == 0
    assert not dialogs
    page.goto(base + "tra-cuu/?q=" + "ch%C3%A8+Shan")
    page.locator(".kl-results .kl-result").first.wait_for()
    assert page.locator(".kl-results img, .kl-results b").count() == 0
    assert not dialogs
