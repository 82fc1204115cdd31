"""What every page repeats (BENCHMARKS.md, "Output size"): the compact menu of pages outside
the navigation has the links of Material's navigation, and Material's per-page scripts and
translations are left out only where their feature is off."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest
from lxml import html

from conftest import Site, conclusion

DOCUMENT = "van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/"


def menu(site: Site, url: str) -> list[tuple[str, str]]:
    """(title, site path) of every link of the page's drawer, in order."""
    page = site.page(url)
    links = page.cssselect(".md-sidebar--primary .md-nav--primary .md-nav__list a.md-nav__link")
    return [
        (
            " ".join(a.text_content().split()),
            posixpath.normpath(posixpath.join("/" + url, a.get("href"))),
        )
        for a in links
    ]


def config(page: html.HtmlElement) -> dict[str, object]:
    (script,) = page.xpath("//script[@id='__config']")
    return json.loads(script.text)


def test_menu_outside_the_navigation_has_the_navigations_links(sample_site: Site) -> None:
    material = menu(sample_site, "")
    assert [title for title, _ in material] == ["Trang chủ", "Văn bản", "Địa bàn", "Danh mục"]
    assert menu(sample_site, DOCUMENT) == material
    assert menu(sample_site, "dia-ban/bac-giang/") == material
    home, document = sample_site.page(""), sample_site.page(DOCUMENT)
    assert home.cssselect(".md-sidebar--primary .md-ellipsis"), "Material's own on its pages"
    assert not document.cssselect(".md-sidebar--primary .md-ellipsis")


def test_scripts_and_translations_of_features_that_are_off_are_left_out(
    sample_site: Site,
) -> None:
    for url, base in (("", "."), (DOCUMENT, "../../../../..")):
        page = sample_site.page(url)
        scripts = " ".join(s.text or "" for s in page.iter("script"))
        assert "__palette" not in scripts and "__tabbed_" not in scripts
        settings = config(page)
        assert settings["translations"] == {
            "clipboard.copy": "Sao chép vào bộ nhớ tạm",
            "clipboard.copied": "Đã sao chép",
        }
        assert "search" not in settings
        assert settings["base"] == base and settings["features"] == []


class FeaturesSite(Site):
    """A site with a palette toggle, Material's search and a version selector on."""

    def write_config(self) -> Path:
        path = super().write_config()
        text = path.read_text(encoding="utf-8")
        palette = "  palette:\n    - scheme: default\n    - scheme: slate\n"
        text = text.replace("  font: false\n", "  font: false\n" + palette, 1)
        text = text.replace("plugins:\n", "plugins:\n  - search\n", 1)
        path.write_text(text + "extra:\n  version: {provider: mike}\n", encoding="utf-8")
        return path


@pytest.fixture
def features_site(tmp_path: Path) -> Site:
    built = FeaturesSite(tmp_path / "project")
    built.add("a.md", conclusion())
    built.build()
    return built


def test_scripts_and_translations_stay_when_their_feature_is_on(features_site: Site) -> None:
    for url in ("", DOCUMENT):
        page = features_site.page(url)
        scripts = " ".join(s.text or "" for s in page.iter("script"))
        assert "__palette" in scripts, url
        settings = config(page)
        assert "search.result.none" in settings["translations"], url
        assert "select.version" in settings["translations"], url
        assert str(settings["search"]).endswith(".min.js"), url
