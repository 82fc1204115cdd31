"""Number lookups of search (``ketluan.site.numbers``): one file per leading number and
code with the documents so numbered and the cited documents so numbered, on a built site;
documents are named by the number of their record in the word index (``site.records``)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import REPO, Site, conclusion
from ketluan.site import urls
from ketluan.site.numbers import bucket
from ketluan.site.words import GROUP

SEED = (REPO / "conclusions" / "bac-giang" / "son-dong" / "604-kl-hu.md").read_text()
CITING = "Thực hiện Kết luận số 604-KL/HU ngày 27/3/2024 của Huyện ủy Sơn Động.\n"
ABSENT = "Thực hiện Nghị quyết số 05-NQ/TU ngày 10/01/2021 của Tỉnh ủy Bắc Giang.\n"
"""A citation of a number no document of the corpus has: its link is its cited page."""
HERE = "van-ban/bac-giang/huyen-uy-son-dong/2024/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = Site(tmp_path_factory.mktemp("numbers") / "project")
    site.add("bac-giang/son-dong/604-kl-hu.md", SEED)
    for number, date in (("700", "2024-05-02"), ("701", "2024-06-03")):
        site.add(
            f"bac-giang/son-dong/{number}.md",
            conclusion(CITING, number=f"{number}-KL/HU", date=date),
        )
    # One day, sources in the reverse order of URLs: the record numbers follow the URLs.
    for name, number in (("zz", "702-KL/HU"), ("aa", "703-KL/HU")):
        site.add(
            f"bac-giang/son-dong/{name}.md",
            conclusion(ABSENT, number=number, date="2024-07-01"),
        )
    # Another district reuses the number 604: same file, told apart by issuer and URL.
    site.add(
        "bac-giang/luc-nam/604.md",
        conclusion(
            "Phát triển vùng vải thiều.\n",
            number="604-KL/HU",
            date="2023-01-05",
            issuer="Huyện ủy Lục Nam",
            district="Lục Nam",
        ),
    )
    site.build()
    return site


def lookup(site: Site, name: str) -> dict[str, Any]:
    return json.loads((site.root / "site" / "tra-cuu" / "so" / name).read_text("utf-8"))


def record(site: Site, number: int) -> dict[str, str]:
    """The word index's record of document ``number``: what its result shows."""
    path = site.root / "site" / urls.record_group(number // GROUP)
    return json.loads(path.read_text("utf-8"))[number % GROUP]


def test_bucket_is_the_leading_number_and_its_code() -> None:
    assert bucket("604-KL/HU") == "604-kl"
    assert bucket("05/2019/NQ-HĐND") == "5-nq"  # the year is not the code
    assert bucket(" 0012-TB/TU") == "12-tb"
    assert bucket("000-KL/HU") == "0-kl"
    assert bucket("15/TB") == bucket("15-TB/TU") == "15-tb"  # a partial number: the same file
    assert bucket("15-KL/TU") != bucket("15-TB/TU") != bucket("150-TB/TU")
    assert bucket("01-CTr/TU") == "1-ctr"
    assert bucket("123/2020") == "123"  # no code: the leading number alone
    assert bucket("KL/HU") is None
    assert bucket("") is None


def test_every_document_numbered_so_newest_first(built: Site) -> None:
    found = lookup(built, "604-kl.json")["documents"]
    assert [number for number, _ in found] == ["604-KL/HU", "604-KL/HU"]
    records = [record(built, n) for _, n in found]  # the word index's records
    assert [r["issuer"] for r in records] == ["Huyện ủy Sơn Động", "Huyện ủy Lục Nam"]
    assert records[0]["url"] == HERE + "604-kl-hu/"
    for entry in records:  # the URL is a page of the site
        assert (built.root / "site" / entry["url"] / "index.html").is_file()


def test_every_lookup_names_the_record_of_its_document(built: Site) -> None:
    """Each ``[number, record]`` of every file: the record of a document so numbered (702
    and 703 share a day and are numbered by URL, not by source)."""
    files = sorted((built.root / "site" / "tra-cuu" / "so").glob("*.json"))
    pairs = [pair for path in files for pair in lookup(built, path.name)["documents"]]
    assert len(pairs) == 6
    for number, n in pairs:
        assert record(built, n)["number"] == number
    same_day = [n for number, n in pairs if number in ("702-KL/HU", "703-KL/HU")]
    assert len(same_day) == 2
    assert [record(built, n)["url"] for n in sorted(same_day)] == [
        HERE + "702-kl-hu/",
        HERE + "703-kl-hu/",
    ]


def test_cited_number_lists_who_cites_it(built: Site) -> None:
    cited = lookup(built, "604-kl.json")["cited"]
    assert len(cited) == 1, cited  # the Lục Nam 604 is cited by no one
    entry = cited[0]
    assert entry["count"] == 2
    assert [record(built, n)["number"] for n in entry["citing"]] == ["701-KL/HU", "700-KL/HU"]
    assert entry["url"] == HERE + "604-kl-hu/"
    assert entry["page"] != entry["url"]  # its cited page: the full list of who cites it
    assert (built.root / "site" / entry["page"] / "index.html").is_file()


def test_cited_page_is_left_out_when_it_is_the_link(built: Site) -> None:
    (entry,) = lookup(built, "5-nq.json")["cited"]
    assert entry["number"] == "05-NQ/TU"
    assert "page" not in entry, "no document of that number: its link is its cited page"
    assert (built.root / "site" / entry["url"] / "index.html").is_file()
    assert entry["count"] == 2
    assert {record(built, n)["url"] for n in entry["citing"]} == {
        HERE + "702-kl-hu/",
        HERE + "703-kl-hu/",
    }


def test_numbers_without_citations_have_their_file(built: Site) -> None:
    found = lookup(built, "700-kl.json")
    assert [number for number, _ in found["documents"]] == ["700-KL/HU"]
    assert found["cited"] == []


def test_no_file_without_search(tmp_path) -> None:
    site = Site(tmp_path / "project")
    site.options["search"] = "false"
    site.add("bac-giang/son-dong/604-kl-hu.md", SEED)
    site.build()
    assert not (site.root / "site" / "tra-cuu" / "so").exists()
