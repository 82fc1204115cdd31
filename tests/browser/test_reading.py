"""Reading tools in Chromium: text size (remembered across pages), print like paper, and no
script errors on any page type."""

from __future__ import annotations

import re

import pytest

from ketluan.site.urls import BODY_ID_PREFIX

DOCUMENT = "van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/"
OTHER = "van-ban/tuyen-quang/thuong-truc-tinh-uy-tuyen-quang/2021/tbyk-2021-08-31/"
PAGE_TYPES = [
    "",
    "van-ban/",
    DOCUMENT,
    "dia-ban/",
    "dia-ban/bac-giang/",
    "dia-ban/bac-giang/son-dong/",
    "danh-muc/",
    "danh-muc/nam/2024/",
    "trich-dan/",
    "trich-dan/nhieu-nhat/",
]


def body_font_size(page) -> float:
    size = page.eval_on_selector(".kl-document__body p", "p => getComputedStyle(p).fontSize")
    return float(size.removesuffix("px"))


def test_text_size_buttons_change_and_remember_the_size(page, served_sample: str) -> None:
    page.goto(served_sample + DOCUMENT)
    bar = page.get_by_role("toolbar", name="Công cụ đọc")
    names = [b.get_attribute("title") for b in bar.get_by_role("button").all()]
    assert names == ["Giảm cỡ chữ", "Cỡ chữ mặc định", "Tăng cỡ chữ", "In văn bản"]
    default = body_font_size(page)
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    larger = body_font_size(page)
    assert larger > default
    page.goto(served_sample + OTHER)
    assert body_font_size(page) == pytest.approx(larger), "the size follows the reader"
    page.get_by_role("button", name="Cỡ chữ mặc định").click()
    assert body_font_size(page) == pytest.approx(default)
    page.get_by_role("button", name="Giảm cỡ chữ").click()
    assert body_font_size(page) < default


def test_print_button_prints(page, served_sample: str) -> None:
    page.goto(served_sample + DOCUMENT)
    page.evaluate("window.print = () => { window.klPrinted = true; }")
    page.get_by_role("button", name="In văn bản").click()
    assert page.evaluate("window.klPrinted") is True


def test_print_shows_the_document_without_site_chrome(page, served_sample: str) -> None:
    page.goto(served_sample + DOCUMENT)
    page.emulate_media(media="print")
    hidden = [
        "header.md-header",
        ".md-tabs",
        ".md-sidebar--primary",
        ".md-footer",
        ".kl-tools",
        ".kl-breadcrumbs",
        ".kl-meta",
    ]
    for selector in hidden:
        assert not page.locator(selector).first.is_visible(), selector
    for selector in [
        ".kl-letterhead",
        ".kl-document__title",
        ".kl-document__body",
        ".kl-signer__name",
        ".kl-recipients",
    ]:
        assert page.locator(selector).first.is_visible(), selector
    family = page.eval_on_selector(".kl-document__body p", "p => getComputedStyle(p).fontFamily")
    assert "Times New Roman" in family
    pdf = page.pdf(prefer_css_page_size=True)
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert boxes, "the PDF has pages"
    width, height = (float(v) for v in boxes[0])
    assert (round(width), round(height)) == (595, 842), "A4 in points"


@pytest.mark.parametrize("url", PAGE_TYPES)
def test_page_loads_without_script_errors(page, served_sample: str, url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    response = page.goto(served_sample + url)
    assert response is not None and response.ok
    page.wait_for_load_state("load")
    assert errors == []


def test_links_without_the_body_id_prefix_still_arrive(page, sample_site, served_sample) -> None:
    """Body ids are namespaced (#vb-…): a link to a heading or footnote written without the
    prefix (shared before, or from another document) is sent on to it, on load and when the
    fragment changes."""
    (body,) = sample_site.page(OTHER).cssselect(".kl-document__body")
    heading = body.cssselect("h2")[-1].get("id")
    footnote = body.cssselect("div.footnote li")[0].get("id")
    assert heading.startswith(BODY_ID_PREFIX) and footnote.startswith(BODY_ID_PREFIX)
    page.goto(served_sample + OTHER + "#" + heading.removeprefix(BODY_ID_PREFIX))
    page.wait_for_function("id => location.hash === '#' + id", arg=heading)
    assert page.evaluate("document.querySelector(':target').id") == heading
    assert page.evaluate("window.scrollY") > 0, "scrolled to the heading"
    page.evaluate("id => { location.hash = id }", footnote.removeprefix(BODY_ID_PREFIX))
    page.wait_for_function("id => location.hash === '#' + id", arg=footnote)
    assert page.evaluate("document.querySelector(':target').id") == footnote
    page.evaluate("location.hash = 'kl-search-box'")
    assert page.evaluate("location.hash") == "#kl-search-box", "an id of the page itself stays"
