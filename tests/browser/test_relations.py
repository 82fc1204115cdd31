"""Relations in Chromium: the status banner and the relation diagram pass axe-core, are
reached with the keyboard alone and print; the search page filters by status."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from test_relations_site import CENTRAL, NEW, NEW_PAGE, OLD, OLD_PAGE, PLAN, PLAN_PAGE

from browser.test_a11y import serious_violations
from conftest import Site, conclusion

IMPLEMENTING = 7
"""Plans implementing the central resolution: more than a diagram shows, so it links to
their full list."""


@pytest.fixture(scope="module")
def related_site(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    """A replaced conclusion and its replacement, and plans implementing a central
    resolution outside the portal, built with search and served."""
    site = Site(tmp_path_factory.mktemp("related") / "project")
    site.options["extra_types"] = "{ke-hoach: {label: Kế hoạch, abbr: kh}}"
    site.add("son-dong/12.md", OLD)
    site.add("son-dong/20.md", NEW)
    site.add("bac-giang/45.md", PLAN)
    for n in range(1, IMPLEMENTING):
        site.add(
            f"son-dong/kh-{n}.md",
            PLAN.replace("45-KH/TU", f"{n}-KH/HU").replace(
                "Ban Thường vụ Tỉnh ủy Bắc Giang", "Ban Thường vụ Huyện ủy Sơn Động"
            ),
        )
    site.add("son-dong/13.md", conclusion(number="13-KL/HU", date="2024-02-01"))
    site.build()
    return serve(site.root / "site")


PAGES = [OLD_PAGE, NEW_PAGE, PLAN_PAGE, CENTRAL, CENTRAL + "thuc-hien/", "danh-muc/"]


@pytest.mark.parametrize("url", PAGES)
def test_relation_pages_have_no_serious_accessibility_violation(page, related_site, url) -> None:
    page.goto(related_site + url)
    assert serious_violations(page) == []


def test_diagram_is_reached_with_the_keyboard(page, related_site: str) -> None:
    """Tabbing through the page reaches every link of the diagram, in reading order."""
    page.goto(related_site + CENTRAL)
    wanted = page.eval_on_selector_all(".kl-diagram a", "as => as.map(a => a.getAttribute('href'))")
    assert len(wanted) == 5 + 1, "five plans and the link to all of them"
    reached = []
    for _ in range(200):
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "() => document.activeElement.closest('.kl-diagram') &&"
            " document.activeElement.getAttribute('href')"
        )
        if inside:
            reached.append(inside)
        if len(reached) == len(wanted):
            break
    assert reached == wanted


def test_banner_and_diagram_print(page, related_site: str) -> None:
    page.goto(related_site + OLD_PAGE)
    page.emulate_media(media="print")
    assert page.locator(".kl-status-banner").is_visible()
    assert page.locator(".kl-diagram").is_visible()
    color = page.eval_on_selector(".kl-status-banner", "b => getComputedStyle(b).color")
    assert color == "rgb(0, 0, 0)", "black on paper"


def test_search_page_filters_by_status(page, related_site: str) -> None:
    page.goto(related_site + "tra-cuu/?q=giao+th%C3%B4ng")
    page.locator(".kl-results .kl-result").first.wait_for()
    page.locator(".kl-filters summary").click()
    status = page.locator("select[name=hieu_luc]")
    status.wait_for()
    values = status.locator("option").evaluate_all("os => os.map(o => o.value)")
    assert values == ["", "Bị thay thế", "Còn hiệu lực"]
    labels = status.locator("option").all_text_contents()
    assert labels == ["Tất cả", "Bị thay thế (1)", "Còn hiệu lực (1)"], "with their counts"
    status.select_option("Bị thay thế")
    page.wait_for_function("() => location.search.includes('hieu_luc=')")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.kl-results .kl-result a')]"
        ".every(a => a.href.includes('/2023/12-kl-hu/'))"
    )
    found = page.eval_on_selector_all(
        ".kl-results .kl-result a", "as => as.map(a => new URL(a.href).pathname)"
    )
    assert [urlparse(url).path for url in found] == [f"/{OLD_PAGE}"]
