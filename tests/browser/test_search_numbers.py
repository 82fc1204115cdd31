"""Number queries answered from the number lookups (``ketluan.site.numbers``) in Chromium:
the document so numbered first, then who cites it, without loading the full-text engine;
one click searches the full text."""

from __future__ import annotations

import shutil
from urllib.parse import quote, urlparse

import pytest

from browser.test_search import CITES_604, REPO, SON_DONG, add_search_cases
from conftest import Site


@pytest.fixture(scope="module")
def numbers_site(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    site = Site(tmp_path_factory.mktemp("numbers") / "project")
    shutil.copytree(REPO / "conclusions", site.conclusions, dirs_exist_ok=True)
    add_search_cases(site)
    site.options["search_shard_size"] = 3
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


@pytest.mark.parametrize("typed", ["604-KL/HU", "số 604/KL-HU", "604 kl hu"])
def test_number_answered_from_its_lookup(page, numbers_site: str, typed: str) -> None:
    fetched = open_search(page, numbers_site, typed)
    assert result_urls(page)[:2] == [SON_DONG, CITES_604], "the document, then who cites it"
    assert "/tra-cuu/so/604.json" in fetched
    assert not [p for p in fetched if "pagefind" in p], "the full-text engine is not loaded"
    status = page.locator(".kl-search-page__status").text_content() or ""
    assert "604-KL/HU" in status
    cited = page.locator(".kl-results__cited a")
    assert cited.count() == 1
    href = urlparse(cited.get_attribute("href") or "").path
    assert href.startswith("/trich-dan/"), href
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
    assert [p for p in fetched if "pagefind" in p], "no lookup answer: the full text is searched"
    assert page.locator(".kl-results__fulltext").is_hidden()
