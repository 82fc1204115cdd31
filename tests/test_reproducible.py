"""Two builds of the same input are byte-identical, whatever the day they run; only what
is stated relative to the build date (``SOURCE_DATE_EPOCH``'s day when set: the states of
assigned tasks) follows the day."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import REPO, Site, site_snapshot

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def snapshot(folder: Path) -> dict[str, str]:
    return site_snapshot(folder)


def build_sample(root: Path, epoch: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    site = Site(root)
    shutil.rmtree(site.conclusions)
    shutil.copytree(REPO / "conclusions", site.conclusions)
    site.extra_config = "site_url: https://ketluan.example.org/\n"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    site.build()
    return snapshot(root / "site")


def test_two_builds_on_different_days_are_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same day: identical. Another day: only the outputs stating tasks' states relative
    to the build date differ (task pages and feeds, documents' task sections)."""
    first = build_sample(tmp_path / "a", "1700000000", monkeypatch)
    again = build_sample(tmp_path / "c", "1700000000", monkeypatch)
    assert first == again
    second = build_sample(tmp_path / "b", "1800000000", monkeypatch)
    differing = {path for path in first if first[path] != second.get(path)}
    assert set(first) == set(second) and differing
    for path in differing:
        if "nhiem-vu/" in path or path == "api/tasks.json":
            continue
        page = (tmp_path / "b" / "site" / path).read_text(encoding="utf-8")
        assert path.startswith("van-ban/") and 'class="kl-assigned"' in page, path
    assert "sitemap.xml.gz" in first


def test_sitemap_dates_come_from_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_sample(tmp_path / "a", "1800000000", monkeypatch)
    tree = etree.parse(str(tmp_path / "a/site/sitemap.xml"))
    lastmod = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in tree.iter(f"{SITEMAP}url")
    }
    base = "https://ketluan.example.org/van-ban/"
    assert lastmod[base + "bac-giang/huyen-uy-son-dong/2024/604-kl-hu/"] == "2024-03-27"
    assert lastmod[base + "dien-bien/thuong-truc-tinh-uy-dien-bien/2021/tbkl-2021-07-23/"] == (
        "2021-07-23"
    )
    assert lastmod["https://ketluan.example.org/"] == "2024-03-27", "newest document's date"


def test_large_site_gets_a_sitemap_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the 50,000 URLs of one sitemap (here a limit of 40), sitemap.xml is an index of
    parts holding every URL of the single sitemap once, none over the limit."""
    build_sample(tmp_path / "a", "1800000000", monkeypatch)
    single = etree.parse(str(tmp_path / "a/site/sitemap.xml"))
    urls = [url.findtext(f"{SITEMAP}loc") for url in single.iter(f"{SITEMAP}url")]
    assert len(urls) > 80

    from ketluan.site import sitemap

    monkeypatch.setattr(sitemap, "SITEMAP_LIMIT", 40)
    build_sample(tmp_path / "b", "1800000000", monkeypatch)
    index = etree.parse(str(tmp_path / "b/site/sitemap.xml")).getroot()
    assert index.tag == f"{SITEMAP}sitemapindex"
    parts = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert parts[0] == "https://ketluan.example.org/sitemaps/1.xml"
    found: list[str] = []
    for number in range(1, len(parts) + 1):
        part = etree.parse(str(tmp_path / f"b/site/sitemaps/{number}.xml"))
        locs = [url.findtext(f"{SITEMAP}loc") for url in part.iter(f"{SITEMAP}url")]
        assert 0 < len(locs) <= 40
        found += locs
    assert sorted(found) == sorted(urls)
