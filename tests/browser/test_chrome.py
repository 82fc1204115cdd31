"""The theme's chrome after it was made small (BENCHMARKS.md, "Output size"): the compact
menu of pages outside the navigation works like Material's drawer, and the icons drawn
from one sprite show, on the repository's own site (its navigation has a section)."""

from __future__ import annotations

import os
import subprocess

import pytest

from conftest import REPO

DOCUMENT = "van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    """The repository's site (mkdocs.yml, docs/, conclusions/), served."""
    target = tmp_path_factory.mktemp("portal") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [str(REPO / ".venv/bin/mkdocs"), "build", "--strict", "-q", "-d", str(target)]
    subprocess.run(command, cwd=REPO, env=env, check=True, capture_output=True)
    return serve(target)


def test_document_page_menu_opens_sections_and_leads_there(page, portal: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(portal + DOCUMENT)
    assert page.locator(".md-sidebar--primary .md-ellipsis").count() == 0, "the compact menu"
    page.locator("label.md-header__button[for=__drawer]").click()
    drawer = page.locator(".md-sidebar--primary")
    page.wait_for_function("d => d.getBoundingClientRect().x === 0", arg=drawer.element_handle())
    for title in ["Trang chủ", "Văn bản", "Địa bàn", "Danh mục", "Trích dẫn", "Tra cứu"]:
        assert drawer.get_by_role("link", name=title, exact=True).is_visible(), title
    guide = drawer.get_by_role("link", name="Soạn thảo văn bản")
    box = drawer.bounding_box()
    right = box["x"] + box["width"]
    assert guide.bounding_box()["x"] >= right - 1, "a section slides in on demand"
    drawer.get_by_text("Hướng dẫn", exact=True).first.click()
    page.wait_for_function(
        "([link, right]) => link.getBoundingClientRect().right <= right",
        arg=[guide.element_handle(), right],
    )
    guide.click()
    page.wait_for_url("**/huong-dan/soan-thao/")
    assert page.locator("h1").first.inner_text().startswith("Hướng dẫn soạn thảo văn bản")


@pytest.mark.parametrize("url", [DOCUMENT, "", "dia-ban/"])
def test_icons_from_the_sprite_are_drawn(page, portal: str, url: str) -> None:
    sprites: list[int] = []
    page.on(
        "response",
        lambda r: sprites.append(r.status) if r.url.endswith("ketluan-icons.svg") else None,
    )
    page.set_viewport_size(PHONE)
    page.goto(portal + url, wait_until="networkidle")
    assert sprites == [200], "one request for every icon of the page"
    icons = page.locator("header.md-header svg:visible")
    assert icons.count() >= 2, "menu and search (the logo is in the drawer on a phone)"
    for index in range(icons.count()):
        box = icons.nth(index).evaluate("svg => svg.querySelector('use').getBBox().width")
        assert box > 0, icons.nth(index).evaluate("svg => svg.outerHTML")


@pytest.mark.parametrize("url", ["", DOCUMENT, "huong-dan/soan-thao/"])
def test_materials_storage_is_scoped_to_the_site_root(page, portal: str, url: str) -> None:
    """Material's helpers come from assets/javascripts/ketluan-scope.js, not the page."""
    page.goto(portal + url)
    assert page.evaluate("__md_scope.href") == portal
    page.evaluate("__md_set('kl-test', 7)")
    assert page.evaluate("localStorage.getItem('/.kl-test')") == "7"
