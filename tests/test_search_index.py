"""Search at build time: places as words, facets, the search box and page, what the site
no longer has (Pagefind), and the options."""

from __future__ import annotations

import json
import unicodedata

import pytest
from mkdocs.exceptions import Abort

from conftest import Site, all_places, conclusion, search_facets, search_record, text_of
from ketluan.core.corpus import load_corpus
from ketluan.core.model import BUILTIN_TYPES
from ketluan.site import urls
from ketluan.site.search import facets, place_token
from ketluan.site.words import stored, word_bucket

DOC = "van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/"


def corpus_of(site: Site, files: dict[str, str]):
    for rel, text in files.items():
        site.add(rel, text)
    return load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents


def documents_holding(site: Site, word: str) -> set[str]:
    """URLs of the documents the word index lists under ``word``."""
    out = site.root / "site"

    def read(path: str) -> str | None:
        return (out / path).read_text("utf-8") if (out / path).is_file() else None

    found = json.loads(read(urls.word_lookup(word_bucket(word))) or "{}")
    records = sorted((out / urls.RECORDS).glob("*.json"), key=lambda path: int(path.stem))
    every = [r["url"] for path in records for r in json.loads(path.read_text("utf-8"))]
    return {every[n] for n in stored(read, found, word)[0]}


def test_place_token_is_one_folded_word() -> None:
    assert place_token("Tuần Giáo") == "ⱥtuangiao"
    assert place_token("Bà Rịa - Vũng Tàu") == "ⱥbariavungtau"
    assert place_token("Điện Biên") == "ⱥdienbien"


SON_DONG_FACETS = {
    "tinh": ["Bắc Giang"],
    "tinh_nay": ["Bắc Ninh"],
    "huyen": ["Sơn Động"],
    "nam": ["2024"],
    "loai": ["Kết luận"],
    "cap": ["Cấp huyện"],
}
"""The filters of a Sơn Động conclusion of 2024 (conftest's default)."""


def test_facets_give_province_of_the_time_and_of_today(site: Site) -> None:
    (doc,) = corpus_of(site, {"a/1.md": conclusion()})
    assert facets(doc) == SON_DONG_FACETS


def test_a_document_is_searched_by_its_metadata_and_filters(sample_site: Site) -> None:
    record = search_record(sample_site, DOC)
    assert record["number"] == "604-KL/HU"
    assert record["date"] == "27/03/2024"
    assert record["issuer"] == "Huyện ủy Sơn Động"
    assert DOC in documents_holding(sample_site, place_token("Sơn Động"))
    assert DOC in documents_holding(sample_site, "dang"), "đ folded"
    filters = search_facets(sample_site, DOC)
    assert {"giao_cho", "han"} <= set(filters), "the tasks' facets (tests/test_tasks_site.py)"
    filters = {k: v for k, v in filters.items() if k not in ("giao_cho", "han")}
    assert filters == {**SON_DONG_FACETS, "hieu_luc": ["Còn hiệu lực"]}


def test_pages_carry_no_pagefind_markup_and_no_pagefind_index(sample_site: Site) -> None:
    built = sample_site.root / "site"
    assert not list(built.glob("pagefind*")), "no Pagefind index"
    page = sample_site.page(DOC)
    marked = [
        e.tag
        for e in page.iter()
        if isinstance(e.tag, str) and any(a.startswith("data-pagefind-") for a in e.attrib)
    ]
    assert marked == []
    assert not page.cssselect(".kl-search-data")


def test_sample_site_has_one_index_box_and_search_page(sample_site: Site) -> None:
    built = sample_site.root / "site"
    places = all_places(built)
    assert {"son dong", "tuan giao", "dien bien", "bac kan", "tuyen quang"} <= set(places)
    home = sample_site.page("")
    (box,) = home.cssselect("header [data-kl-search=box]")
    assert box.get("data-words") == "tra-cuu/tu/"
    assert "data-pagefind" not in box.attrib, "no Pagefind index to load"
    assert box.cssselect("form")[0].get("action") == "tra-cuu/"
    search_page = sample_site.page("tra-cuu/")
    assert search_page.cssselect("[data-kl-search=page] input[name=q]")
    assert not home.cssselect(".md-search"), "Material's lunr search stays off"


def test_a_site_without_documents_gives_the_box_no_word_index(site: Site) -> None:
    site.build()
    (box,) = site.page("").cssselect("header [data-kl-search=box]")
    assert box.get("data-words") == ""


def test_search_can_be_turned_off(site: Site) -> None:
    site.add("a/1.md", conclusion())
    site.options["search"] = "false"
    built = site.build()
    assert not (built / "tra-cuu").exists()
    assert not site.page("").cssselect("[data-kl-search]")


def test_the_removed_shard_size_fails_with_what_to_do(site: Site, caplog) -> None:
    site.add("a/1.md", conclusion())
    site.options["search_shard_size"] = 2000
    with pytest.raises(Abort):
        site.build()
    assert "option 'search_shard_size': removed" in caplog.text
    assert "Delete 'search_shard_size'" in caplog.text
    assert not (site.root / "site").exists()


def test_nfd_text_is_indexed_as_nfc(site: Site) -> None:
    nfd = unicodedata.normalize("NFD", conclusion("Thủy sản.\n"))
    site.add("a/1.md", nfd.encode("utf-8"))
    site.build()
    page = site.page(DOC)
    text = text_of(page.cssselect(".kl-document .kl-document__body")[0])
    assert text == unicodedata.normalize("NFC", text)
    assert DOC in documents_holding(site, "=thủy"), "its accented word, as NFC"


def test_each_place_finds_the_documents_naming_it(site: Site) -> None:
    site.add("a/1.md", conclusion("Làm việc tại huyện Tuần Giáo.\n", number="1-KL/HU"))
    site.add(
        "b/2.md",
        conclusion(
            "Nội dung.\n",
            number="2-KL/TU",
            issuer="Tỉnh ủy Điện Biên",
            province="Điện Biên",
            district="Tuần Giáo",
        ),
    )
    built = site.build()
    first = "van-ban/bac-giang/huyen-uy-son-dong/2024/1-kl-hu/"
    second = "van-ban/dien-bien/tinh-uy-dien-bien/2024/2-kl-tu/"
    assert documents_holding(site, place_token("Tuần Giáo")) == {first, second}
    assert documents_holding(site, place_token("Sơn Động")) == {first}
    assert documents_holding(site, place_token("Điện Biên")) == {second}
    places = all_places(built)
    assert places["tuan giao"] == ["tuần giáo"]


def test_places_are_matched_with_their_accents(site: Site) -> None:
    """ "diễn biến" (course of events) is not Điện Biên; old tone placement still matches."""
    site.add("a/1.md", conclusion("Theo dõi diễn biến dịch bệnh ở Hoà Bình.\n"))
    site.add("b/2.md", conclusion(number="2-KL/TU", province="Điện Biên", district=None))
    site.add("c/3.md", conclusion(number="3-KL/TU", province="Hòa Bình", district=None))
    built = site.build()
    assert DOC in documents_holding(site, place_token("Hòa Bình"))
    assert DOC not in documents_holding(site, place_token("Điện Biên"))
    places = all_places(built)
    assert set(places) == {"bac giang", "son dong", "dien bien", "hoa binh"}
    assert places["hoa binh"] == ["hòa bình"], "new tone placement, lowercase"
