"""Two builds of the same input are byte-identical, whatever the day they run."""

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
    first = build_sample(tmp_path / "a", "1700000000", monkeypatch)
    second = build_sample(tmp_path / "b", "1800000000", monkeypatch)
    assert first == second
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
