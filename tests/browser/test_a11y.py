"""Accessibility: axe-core (npm) in Chromium finds no serious or critical violation on any
page type of the sample site."""

from __future__ import annotations

import pytest

from conftest import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
PAGE_TYPES = [
    "",
    "van-ban/",
    "van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/",
    "van-ban/bac-kan/thuong-truc-tinh-uy-bac-kan/2023/2023-05-31-thuong-truc-tinh-uy-giao-ban/",
    "dia-ban/",
    "dia-ban/bac-giang/",
    "dia-ban/bac-giang/son-dong/",
    "danh-muc/",
    "danh-muc/nam/2024/",
    "danh-muc/co-quan/",
    "trich-dan/",
    "trich-dan/nhieu-nhat/",
    "tra-cuu/?q=tuan+giao&nam=2021",
]


def serious_violations(page) -> list[str]:
    assert AXE.exists(), "make test installs axe-core from npm"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("url", PAGE_TYPES)
def test_no_serious_accessibility_violation(page, served_sample: str, url: str) -> None:
    page.goto(served_sample + url)
    assert serious_violations(page) == []


def test_axe_reports_violations(page, served_sample: str) -> None:
    page.goto(served_sample)
    page.evaluate(
        "document.querySelector('img, svg')?.remove();"
        "document.body.insertAdjacentHTML('beforeend', '<img src=x.png>')"
    )
    assert serious_violations(page), "axe really runs and reports an image without alt"
