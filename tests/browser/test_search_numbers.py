"""Number queries answered from the number lookups (``ketluan.site.numbers``) in Chromium:
the document so numbered first, then who cites it, without loading the full-text engine
(only the word index's records of the results shown); one click searches the full text."""

from __future__ import annotations

import shutil
from urllib.parse import quote, urlparse

import pytest

from browser.test_search import CITES_604, HDND, REPO, SON_DONG, add_search_cases
from conftest import Site, conclusion
from ketluan.site.urls import RECORDS, WORDS

HERE = "/van-ban/bac-giang/huyen-uy-son-dong/2024/"


def full_text(path: str) -> bool:
    """A request for the full-text index: the word index or Pagefind."""
    return path.startswith("/" + WORDS) or "pagefind" in path


NOTICE_15 = HERE + "15-tb-hu/"
CONCLUSION_15 = HERE + "15-kl-hu/"
NOTICE_150 = HERE + "150-tb-hu/"
MANY_YEARS = range(2010, 2022)
"""Years of a 77-KL/HU of Sơn Động each: more documents so numbered than a page shows."""
CITES_BOTH_31 = HERE + "900-kl-hu/"
"""Cites 31-KL/TU and 31-KL/HU, which no document has: one document for "31/KL"."""


def numbered_77(year: int) -> str:
    return f"/van-ban/bac-giang/huyen-uy-son-dong/{year}/77-kl-hu/"


@pytest.fixture(scope="module")
def numbers_site(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    site = Site(tmp_path_factory.mktemp("numbers") / "project")
    shutil.copytree(REPO / "conclusions", site.conclusions, dirs_exist_ok=True)
    add_search_cases(site)
    # Numbers that share a leading number or a kind with 15-TB/HU (cited as "15/TB").
    for name, number, kind, date in (
        ("15-tb", "15-TB/HU", "thong-bao-ket-luan", "2024-04-02"),
        ("15-kl", "15-KL/HU", "ket-luan", "2024-04-03"),
        ("150-tb", "150-TB/HU", "thong-bao-ket-luan", "2024-04-04"),
    ):
        site.add(
            f"bac-giang/son-dong/{name}.md",
            conclusion("Nội dung.\n", number=number, type=kind, date=date),
        )
    for year in MANY_YEARS:
        site.add(
            f"bac-giang/son-dong/77-{year}.md", conclusion(number="77-KL/HU", date=f"{year}-03-02")
        )
    both = (
        "Thực hiện Kết luận số 31-KL/TU ngày 05/01/2021 của Tỉnh ủy Bắc Giang và Kết luận "
        "số 31-KL/HU ngày 06/01/2021 của Huyện ủy Sơn Động.\n"
    )
    site.add("bac-giang/son-dong/900.md", conclusion(both, number="900-KL/HU", date="2024-08-01"))
    return serve(site.build())


def open_search(page, base: str, typed: str) -> list[str]:
    """Every URL the page fetches while it answers ``typed``; waits for the answer."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlparse(request.url).path))
    page.goto(base + "tra-cuu/?q=" + quote(typed))
    page.wait_for_function(
        "() => /Tìm thấy|Không tìm thấy/.test("
        "document.querySelector('.kl-search-page__status').textContent)"
    )
    page.wait_for_load_state("networkidle")
    return fetched


def result_urls(page) -> list[str]:
    return page.eval_on_selector_all(
        ".kl-results .kl-result a.kl-result__title", "as => as.map(a => new URL(a.href).pathname)"
    )


def recorded(page, base: str, fetched: list[str]) -> list[str]:
    """The pages of the documents whose records (the word index's) were fetched, sorted."""
    paths = sorted({path for path in fetched if path.startswith("/" + RECORDS)})
    entries = [entry for path in paths for entry in page.request.get(base + path[1:]).json()]
    return sorted("/" + entry["url"] for entry in entries)


def cited_links(page) -> list[str]:
    hrefs = page.eval_on_selector_all(".kl-results__cited a", "as => as.map(a => a.href)")
    return [urlparse(href).path for href in hrefs]


@pytest.mark.parametrize("typed", ["604-KL/HU", "số 604/KL-HU", "604 kl hu"])
def test_number_answered_from_its_lookup(page, numbers_site: str, typed: str) -> None:
    fetched = open_search(page, numbers_site, typed)
    assert result_urls(page)[:2] == [SON_DONG, CITES_604], "the document, then who cites it"
    assert "/tra-cuu/so/604-kl.json" in fetched
    assert not [p for p in fetched if full_text(p)], "the full-text index is not read"
    assert recorded(page, numbers_site, fetched) == sorted(result_urls(page))
    status = page.locator(".kl-search-page__status").text_content() or ""
    assert "604-KL/HU" in status
    (href,) = cited_links(page)
    assert href.startswith("/trich-dan/"), href  # its cited page, not the document's
    page.goto(numbers_site.rstrip("/") + href)
    assert page.locator("h1").count() == 1  # the cited document's page exists


def test_full_text_is_one_click_away(page, numbers_site: str) -> None:
    open_search(page, numbers_site, "604-KL/HU")
    button = page.locator(".kl-results__fulltext")
    assert button.is_visible()
    button.click()
    page.wait_for_function(
        "() => !/trích dẫn\\.$/.test("
        "document.querySelector('.kl-search-page__status').textContent)"
        " && /Tìm thấy/.test(document.querySelector('.kl-search-page__status').textContent)"
    )
    assert page.locator(".kl-results__fulltext").is_hidden()
    assert result_urls(page)[0] == SON_DONG, "the full text ranks the number first too"


def test_unknown_number_falls_back_to_the_full_text(page, numbers_site: str) -> None:
    fetched = open_search(page, numbers_site, "999-KL/HU")
    assert [p for p in fetched if full_text(p)], "no lookup answer: the full text is searched"
    assert page.locator(".kl-results__fulltext").is_hidden()


@pytest.mark.parametrize(
    ("typed", "lookup", "found"),
    [
        ("15/TB", "15-tb", [NOTICE_15]),  # one code group: the leading number and the kind
        ("15-tb", "15-tb", [NOTICE_15]),
        ("số 15 tb", "15-tb", [NOTICE_15]),
        ("15/KL", "15-kl", [CONCLUSION_15]),
        ("150/TB", "150-tb", [NOTICE_150]),
    ],
)
def test_partial_number_answered_from_its_lookup(
    page, numbers_site: str, typed: str, lookup: str, found: list[str]
) -> None:
    fetched = open_search(page, numbers_site, typed)
    assert result_urls(page) == found
    assert f"/tra-cuu/so/{lookup}.json" in fetched
    assert not [p for p in fetched if full_text(p)], "the full-text index is not read"


@pytest.mark.parametrize("typed", ["15 tb", "15/ND", "16/TB"])
def test_not_a_partial_number_of_a_document(page, numbers_site: str, typed: str) -> None:
    """A space only is not a number; a kind or number no document has: the full text."""
    fetched = open_search(page, numbers_site, typed)
    assert [p for p in fetched if full_text(p)], "the full text is searched"
    assert page.locator(".kl-results__fulltext").is_hidden(), "not a number lookup answer"


@pytest.mark.parametrize("typed", ["05 2019 nq hdnd", "so 05 2019 nq-hdnd", "05/2019/NQ-HĐND"])
def test_state_number_typed_with_spaces_is_a_number(page, numbers_site: str, typed) -> None:
    fetched = open_search(page, numbers_site, typed)
    assert "/tra-cuu/so/5-nq.json" in fetched
    assert not [p for p in fetched if full_text(p)], "answered from the lookup"
    assert HDND in result_urls(page), "the document citing 05/2019/NQ-HĐND"


def test_number_and_year_alone_are_words(page, numbers_site: str) -> None:
    fetched = open_search(page, numbers_site, "05 2019")
    assert "/tra-cuu/so/5-nq.json" not in fetched
    assert [p for p in fetched if full_text(p)]


def test_records_are_loaded_for_the_results_shown(page, numbers_site: str) -> None:
    """12 documents numbered 77-KL/HU, 10 shown: 10 records fetched, the others on "more"."""
    fetched = open_search(page, numbers_site, "77-KL/HU")
    newest = [numbered_77(year) for year in reversed(MANY_YEARS)]
    assert result_urls(page) == newest[:10]
    assert "Tìm thấy 12 văn bản" in (page.locator(".kl-search-page__status").text_content() or "")
    assert recorded(page, numbers_site, fetched) == sorted(newest[:10])
    assert not [p for p in fetched if full_text(p)], "the full-text index is not read"
    page.locator(".kl-results__more").click()
    page.wait_for_function("() => document.querySelectorAll('.kl-results .kl-result').length > 10")
    page.wait_for_load_state("networkidle")
    assert result_urls(page) == newest
    assert recorded(page, numbers_site, fetched) == sorted(newest)


def test_document_citing_two_numbers_of_the_query_is_listed_once(page, numbers_site) -> None:
    """ "31/KL" names 31-KL/TU and 31-KL/HU, both cited by one document and by no other,
    and held by none: the document once, each cited number linked to its cited page."""
    fetched = open_search(page, numbers_site, "31/KL")
    assert result_urls(page) == [CITES_BOTH_31]
    assert recorded(page, numbers_site, fetched) == [CITES_BOTH_31]
    assert "Tìm thấy 1 văn bản" in (page.locator(".kl-search-page__status").text_content() or "")
    links = cited_links(page)
    assert len(links) == 2, links
    for href in links:
        assert href.startswith("/trich-dan/"), href
        page.goto(numbers_site.rstrip("/") + href)
        assert page.locator("h1").count() == 1
