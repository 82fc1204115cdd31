"""Atom feeds: valid XML, newest documents first, links that resolve, values escaped."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from lxml import etree
from test_escaping import PAYLOAD, hostile_file

from conftest import Site, conclusion

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(site_dir: Path) -> list[etree._Element]:
    feed = etree.parse(str(site_dir / "van-ban/atom.xml")).getroot()
    assert feed.tag == f"{ATOM}feed"
    return feed.findall(f"{ATOM}entry")


def test_site_feed_lists_newest_documents(sample_site: Site) -> None:
    site_dir = sample_site.root / "site"
    found = entries(site_dir)
    assert [e.findtext(f"{ATOM}published")[:10] for e in found] == [
        "2024-03-27",
        "2024-01-01",
        "2023-05-31",
        "2021-08-31",
        "2021-07-23",
    ]
    assert found[0].findtext(f"{ATOM}title") == (
        "604-KL/HU: Kết luận của Ban Chấp hành Đảng bộ huyện tại kỳ họp thứ 22"
    )
    assert len({e.findtext(f"{ATOM}id") for e in found}) == 5
    for entry in found:
        href = entry.find(f"{ATOM}link").get("href")
        target = urljoin("http://host/van-ban/atom.xml", href).removeprefix("http://host/")
        assert (site_dir / target / "index.html").is_file(), href
    head = sample_site.page("").xpath("//link[@type='application/atom+xml']/@href")
    assert head == ["van-ban/atom.xml"]


def test_feed_size_is_configurable(site: Site) -> None:
    for n in range(1, 6):
        site.add(f"{n}.md", conclusion(number=f"{n}-KL/HU"))
    site.options["feed_size"] = 3
    site.build()
    assert len(entries(site.root / "site")) == 3


def test_feed_escapes_values(site: Site) -> None:
    site.add("x.md", hostile_file(PAYLOAD))
    site.build()
    (entry,) = entries(site.root / "site")
    assert entry.findtext(f"{ATOM}title").endswith("Kết luận " + PAYLOAD)


def test_each_district_has_its_own_feed(sample_site: Site) -> None:
    site_dir = sample_site.root / "site"
    page = sample_site.page("dia-ban/bac-giang/son-dong/")
    (href,) = page.xpath(
        "//head/link[@type='application/atom+xml' and contains(@title, 'Sơn Động')]/@href"
    )
    assert page.cssselect(".kl-place__feed a")[0].get("href") == href
    feed = etree.parse(str(site_dir / "dia-ban/bac-giang/son-dong/atom.xml")).getroot()
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert titles == ["604-KL/HU: Kết luận của Ban Chấp hành Đảng bộ huyện tại kỳ họp thứ 22"]
    assert "Sơn Động" in feed.findtext(f"{ATOM}title")
    other = sample_site.page("van-ban/")
    assert len(other.xpath("//head/link[@type='application/atom+xml']")) == 1, "site feed only"
