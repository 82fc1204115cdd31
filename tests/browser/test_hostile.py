"""Hostile input in a real browser: 62 payloads, each in every free-text front matter field
and in the body's raw HTML, on its own document. None may run script or break the page.

Province, district, type and date are checked against fixed vocabularies (a payload there
fails the build: see test_malformed), so they carry real values here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from payloads import CLOBBERING, EVIL_ORIGIN, EVIL_VERSIONS, PAYLOADS, TITLES

from conftest import Site, conclusion

HOOKS = """
(() => {
  const fired = (what) => { window.__xss = (window.__xss || []).concat([what]); };
  window.alert = () => fired("alert");
  window.confirm = () => fired("confirm");
  window.prompt = () => fired("prompt");
  const error = console.error.bind(console);
  console.error = (...args) => {
    if (String(args[0]).includes("XSS")) fired("console");
    error(...args);
  };
})();
"""


def quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def hostile_document(index: int, payload: str) -> str:
    q = quoted(payload)
    return "\n".join(
        [
            "---",
            f"title: {quoted(f'Kết luận {index} ' + payload)}",
            "type: ket-luan",
            f"number: {quoted(f'{index}-KL/HU' + payload)}",
            "date: 2024-03-27",
            f"issuer: {quoted('Huyện ủy ' + payload)}",
            "province: Bắc Giang",
            "district: Sơn Động",
            f"meeting: {q}",
            "signer:",
            f"  authority: {q}",
            f"  title: {q}",
            f"  name: {q}",
            f"recipients:\n  - {q}\n  - Lưu Văn phòng",
            f"tags:\n  - {q}",
            "---",
            "",
            f"Đoạn mở đầu {payload} đoạn tiếp.",
            "",
            payload,
            "",
            "Đoạn cuối.",
            "",
        ]
    )


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, serve) -> tuple[Site, str]:
    site = Site(tmp_path_factory.mktemp("hostile") / "project")
    for index, payload in enumerate(PAYLOADS, start=1):
        site.add(f"h{index:02d}.md", hostile_document(index, payload))
    site.build()
    return site, serve(site.root / "site")


def visit(page, url: str) -> list[str]:
    """Load ``url`` with the hooks in place; return what fired."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.add_init_script(HOOKS)
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(50)
    return dialogs + (page.evaluate("window.__xss || []"))


def test_every_payload_is_counted() -> None:
    assert len(PAYLOADS) >= 60


@pytest.mark.parametrize("index", range(1, len(PAYLOADS) + 1))
def test_document_page_runs_no_payload(page, hostile_site, index: int) -> None:
    site, base = hostile_site
    payload = PAYLOADS[index - 1]
    manifest = json.loads((site.root / "site/api/documents.json").read_text("utf-8"))
    number = " ".join(f"{index}-KL/HU{payload}".split())
    (url,) = [d["url"] for d in manifest["documents"] if d["number"] == number]
    assert visit(page, base + url.lstrip("/")) == []
    assert page.locator(".kl-document").count() == 1, "page structure intact"
    assert page.locator("h1").count() == 1
    assert page.locator(".md-footer").count() == 1
    assert page.locator(".kl-signer__name").text_content() == payload, "shown as text"
    assert page.locator(".kl-meta__issuer dd").text_content().strip() == "Huyện ủy " + payload
    assert page.title().startswith(f"{index}-KL/HU")
    assert page.locator(".kl-document__body p").last.text_content() == "Đoạn cuối."


@pytest.mark.parametrize(
    "url",
    [
        "",
        "van-ban/",
        "van-ban/trang/2/",
        "danh-muc/co-quan/",
        "danh-muc/nguoi-ky/",
        "dia-ban/bac-giang/son-dong/",
    ],
)
def test_list_pages_run_no_payload(page, hostile_site, url: str) -> None:
    _, base = hostile_site
    assert visit(page, base + url) == []
    assert page.locator(".md-footer").count() == 1


ANCHORS = """

## Kết luận

Nội dung chính[^1] (xem [mục Kết luận](#ket-luan), [chú thích](#fn:1)).

[^1]: Chú thích của văn bản.
"""
"""Heading and footnote anchors every clobbering body also has: they must keep working."""


def clobbering_site_with(root: Path, bodies: dict[str, str], features: list[str]) -> Site:
    """A site with one document per body (number 901-KL/HU, 902-KL/HU…), the configured
    extensions of the repository's mkdocs.yml, ``features`` on, and document 900-KL/HU for
    bodies to cite."""
    site = Site(root)
    site.features = features
    site.extensions = ["sane_lists", "admonition"]
    site.add("900.md", conclusion(number="900-KL/HU", date="2024-03-01", title="Kết luận gốc"))
    for index, body in enumerate(bodies.values(), start=1):
        number = f"{900 + index}-KL/HU"
        site.add(f"{900 + index}.md", conclusion(body + ANCHORS, number=number, title=number))
    site.build()
    return site


def url_of(site: Site, number: str) -> str:
    manifest = json.loads((site.root / "site/api/documents.json").read_text("utf-8"))
    (url,) = [d["url"] for d in manifest["documents"] if d["number"] == number]
    return url.lstrip("/")


@pytest.fixture(scope="module")
def clobbering_site(tmp_path_factory: pytest.TempPathFactory, serve) -> tuple[Site, str]:
    """The clobbering bodies on a site configured like the repository's (no tooltips)."""
    root = tmp_path_factory.mktemp("clobbering") / "project"
    site = clobbering_site_with(root, CLOBBERING, ["navigation.tabs", "toc.follow"])
    return site, serve(site.root / "site")


@pytest.fixture(scope="module")
def tooltips_site(tmp_path_factory: pytest.TempPathFactory, serve) -> tuple[Site, str]:
    """Title payloads on a site whose owner turned Material's tooltips on."""
    root = tmp_path_factory.mktemp("tooltips") / "project"
    bodies = {str(index): body for index, body in enumerate(TITLES)}
    site = clobbering_site_with(root, bodies, ["content.tooltips", "content.footnote.tooltips"])
    return site, serve(site.root / "site")


def open_document(page, site: Site, base: str, index: int) -> list[str]:
    """Load document 90<index>-KL/HU with the hooks in place, answering for the other
    origin; return what fired by then."""
    page.route(
        EVIL_ORIGIN + "/**",
        lambda route: route.fulfill(
            status=200,
            content_type="application/json",
            headers={"Access-Control-Allow-Origin": "*"},
            body=EVIL_VERSIONS,
        ),
    )
    on_load = visit(page, base + url_of(site, f"{900 + index}-KL/HU"))
    page.wait_for_timeout(200)  # the versions.json round trip
    return on_load or fired(page)


def fired(page) -> list[str]:
    """What fired on the page so far."""
    return page.evaluate("window.__xss || []")


def assert_theme_intact(page) -> None:
    """Material read its configuration from its own element, and nothing of the body is
    dressed as the theme's interface."""
    assert page.evaluate("document.querySelectorAll('[id=\"__config\"]').length") == 1
    assert page.evaluate("document.querySelector('#__config').tagName") == "SCRIPT"
    assert page.locator(".md-version").count() == 0, "no version selector from a body"
    assert page.locator(".md-tooltip2").count() == 0, "tooltips are off on this site"
    fixed = page.evaluate(
        """[...document.querySelectorAll('.kl-document__body *')]
        .filter(e => ['fixed', 'sticky'].includes(getComputedStyle(e).position)).length"""
    )
    assert fixed == 0, "no body element is styled as a fixed dialog"
    assert page.locator(".kl-document__body [class*='md-']").count() == 0


CLOBBERING_CASES = list(enumerate(CLOBBERING, start=1))


@pytest.mark.parametrize(("index", "name"), CLOBBERING_CASES, ids=list(CLOBBERING))
def test_clobbering_body_on_load(page, clobbering_site, index: int, name: str) -> None:
    site, base = clobbering_site
    assert open_document(page, site, base, index) == []
    assert_theme_intact(page)


@pytest.mark.parametrize(("index", "name"), CLOBBERING_CASES, ids=list(CLOBBERING))
def test_clobbering_body_on_hover(page, clobbering_site, index: int, name: str) -> None:
    site, base = clobbering_site
    assert open_document(page, site, base, index) == []
    elements = page.locator(".kl-document__body *")
    for n in range(elements.count()):
        if elements.nth(n).is_visible():
            elements.nth(n).hover()
            page.wait_for_timeout(30)
    page.wait_for_timeout(300)
    assert fired(page) == []
    assert_theme_intact(page)


@pytest.mark.parametrize(("index", "name"), CLOBBERING_CASES, ids=list(CLOBBERING))
def test_clobbering_body_on_click(page, clobbering_site, index: int, name: str) -> None:
    """Click every link of the body that stays on the page: nothing runs, and the element
    its fragment names exists (footnotes and heading anchors work)."""
    site, base = clobbering_site
    assert open_document(page, site, base, index) == []
    links = page.locator(".kl-document__body a[href^='#'], .md-sidebar--secondary a[href^='#']")
    assert links.count() >= 4, "footnote, backlink, permalink and in-page links"
    for n in range(links.count()):
        link = links.nth(n)
        if not link.is_visible():
            continue
        link.click()
        page.wait_for_timeout(50)
        target = page.evaluate("decodeURIComponent(location.hash.slice(1))")
        assert page.evaluate("(id) => !!document.getElementById(id)", target), target
        assert page.evaluate(
            "(id) => document.getElementById(id).closest('.kl-document__body') !== null", target
        )
    spans = page.locator(".kl-document__body span")
    for n in range(spans.count()):
        if spans.nth(n).is_visible():
            spans.nth(n).click()
    page.wait_for_timeout(300)
    assert fired(page) == []
    assert_theme_intact(page)


@pytest.mark.parametrize("index", range(1, len(TITLES) + 1))
def test_titles_stay_text_with_tooltips_on(page, tooltips_site, index: int) -> None:
    """Material renders a title as HTML in its tooltip: a body title must not become markup
    on hover or on focus; its text is still shown."""
    site, base = tooltips_site
    assert open_document(page, site, base, index) == []
    titled = page.query_selector_all(".kl-document__body [title]")
    assert len(titled) >= 2, "the payload's and the footnote backlink's"
    for element in titled:
        element.hover()
        page.wait_for_timeout(300)
        tips = page.evaluate(
            "[...document.querySelectorAll('[role=tooltip] .md-tooltip2__inner')]"
            ".map(t => [t.children.length, t.textContent])"
        )
        assert tips, "the site's tooltips are on"
        assert all(children == 0 and text.strip() for children, text in tips), tips
        if element.evaluate("e => e.tagName") == "A":
            element.focus()
            page.wait_for_timeout(100)
    page.wait_for_timeout(300)
    assert fired(page) == []
