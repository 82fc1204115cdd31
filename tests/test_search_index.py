"""Search index at build time: shards, folded terms, facets, pages and failures."""

from __future__ import annotations

import json
import unicodedata

import pytest
from mkdocs.exceptions import Abort

from conftest import Site, conclusion, text_of
from ketluan.build import pagefind as search_build
from ketluan.core.corpus import load_corpus
from ketluan.core.model import BUILTIN_TYPES
from ketluan.site.search import extra_terms, facets, place_token, plan_shards


def corpus_of(site: Site, files: dict[str, str]):
    for rel, text in files.items():
        site.add(rel, text)
    return load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents


def test_shards_pack_whole_province_years_in_order(site: Site) -> None:
    docs = corpus_of(
        site,
        {
            "a/1.md": conclusion(number="1-KL/HU", date="2024-01-01"),
            "a/2.md": conclusion(number="2-KL/HU", date="2024-01-02"),
            "a/3.md": conclusion(number="3-KL/HU", date="2023-01-02"),
            "b/1.md": conclusion(
                number="1-KL/TU", province="Điện Biên", district=None, issuer="Tỉnh ủy X"
            ),
        },
    )
    shards = plan_shards(docs, 2)
    assert [(s.name, s.groups, s.documents) for s in shards] == [
        ("0", [("bac-giang", 2023)], 1),
        ("1", [("bac-giang", 2024)], 2),
        ("2", [("dien-bien", 2024)], 1),
    ]
    assert shards[0].path == "pagefind"
    assert shards[1].path == "pagefind-shards/1"
    assert shards[1].glob() == "van-ban/bac-giang/*/{2024}/*/index.html"
    (one,) = plan_shards(docs, 10)
    assert one.glob() == (
        "{van-ban/bac-giang/*/{2023,2024}/*,van-ban/dien-bien/*/{2024}/*}/index.html"
    )
    assert plan_shards([], 10) == []


def test_extra_terms_fold_d_and_modernise_old_tone(site: Site) -> None:
    (doc,) = corpus_of(
        site,
        {"a/1.md": conclusion("Phát triển thuỷ sản ở Điện Biên; Nghị quyết 05/2019/NQ-HĐND.\n")},
    )
    terms = extra_terms(doc).split()
    assert {"dien", "05/2019/nq-hdnd", "dong", "dang", "thủy"} <= set(terms)
    assert "thuỷ" not in terms and "san" not in terms, "only what Pagefind cannot match"
    assert len(terms) == len(set(terms))


def test_place_token_is_one_folded_word() -> None:
    assert place_token("Tuần Giáo") == "ⱥtuangiao"
    assert place_token("Bà Rịa - Vũng Tàu") == "ⱥbariavungtau"
    assert place_token("Điện Biên") == "ⱥdienbien"


def test_facets_give_province_of_the_time_and_of_today(site: Site) -> None:
    (doc,) = corpus_of(site, {"a/1.md": conclusion()})
    assert facets(doc) == {
        "tinh": ["Bắc Giang"],
        "tinh_nay": ["Bắc Ninh"],
        "huyen": ["Sơn Động"],
        "nam": ["2024"],
        "loai": ["Kết luận"],
        "cap": ["Cấp huyện"],
    }


def test_document_page_marks_body_metadata_and_filters(sample_site: Site) -> None:
    page = sample_site.page("van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/")
    (body,) = page.cssselect("[data-pagefind-body]")
    assert "kl-document" in body.get("class")
    meta = {e.get("data-pagefind-meta"): text_of(e) for e in body.cssselect("[data-pagefind-meta]")}
    assert meta["number"] == "604-KL/HU"
    assert meta["date"] == "27/03/2024"
    assert meta["issuer"] == "Huyện ủy Sơn Động"
    assert {"dang", "ⱥsondong", "ⱥbacgiang"} <= set(meta["terms"].split())
    filters = {
        e.get("data-pagefind-filter"): text_of(e) for e in body.cssselect("[data-pagefind-filter]")
    }
    assert {"giao_cho", "han"} <= set(filters), "the tasks' facets (tests/test_tasks_site.py)"
    filters = {k: v for k, v in filters.items() if k not in ("giao_cho", "han")}
    assert filters == {
        "tinh": "Bắc Giang",
        "tinh_nay": "Bắc Ninh",
        "huyen": "Sơn Động",
        "nam": "2024",
        "loai": "Kết luận",
        "cap": "Cấp huyện",
        "hieu_luc": "Còn hiệu lực",
    }
    assert not page.cssselect("nav [data-pagefind-body], header [data-pagefind-meta]")


def test_sample_site_has_one_index_box_and_search_page(sample_site: Site) -> None:
    built = sample_site.root / "site"
    assert (built / "pagefind" / "pagefind.js").is_file()
    assert list((built / "pagefind").glob("pagefind.vi_*.pf_meta"))
    assert not (built / "pagefind" / "pagefind-ui.js").exists(), "unused UI bundles trimmed"
    assert not (built / "pagefind-shards").exists()
    manifest = json.loads((built / "pagefind" / "ketluan-places.json").read_text("utf-8"))
    assert manifest["shards"] == ["pagefind/"]
    assert manifest["places"]["son dong"] == [0]
    assert {"tuan giao", "dien bien", "bac kan", "tuyen quang"} <= set(manifest["places"])
    home = sample_site.page("")
    (box,) = home.cssselect("header [data-kl-search=box]")
    assert box.get("data-pagefind") == "pagefind/"
    assert box.cssselect("form")[0].get("action") == "tra-cuu/"
    search_page = sample_site.page("tra-cuu/")
    assert search_page.cssselect("[data-kl-search=page] input[name=q]")
    assert not home.cssselect(".md-search"), "Material's lunr search stays off"


def test_search_can_be_turned_off(site: Site) -> None:
    site.add("a/1.md", conclusion())
    site.options["search"] = "false"
    built = site.build()
    assert not (built / "pagefind").exists()
    assert not (built / "tra-cuu").exists()
    assert not site.page("").cssselect("[data-kl-search]")


def test_pagefind_failure_fails_the_build_with_its_output(site: Site, monkeypatch, caplog) -> None:
    site.add("a/1.md", conclusion())

    def broken(*args):
        return ["sh", "-c", "echo 'Error: could not read index' >&2; exit 3"]

    monkeypatch.setattr(search_build, "pagefind_command", broken)
    with pytest.raises(Abort):
        site.build()
    message = caplog.text
    assert "Pagefind failed on search shard 0 (1 documents, exit code 3)" in message
    assert "could not read index" in message


def test_shard_size_must_be_positive(site: Site, caplog) -> None:
    site.add("a/1.md", conclusion())
    site.options["search_shard_size"] = 0
    with pytest.raises(Abort):
        site.build()
    assert "option 'search_shard_size': must be at least 1, got 0" in caplog.text


def test_nfd_text_is_indexed_as_nfc(site: Site) -> None:
    nfd = unicodedata.normalize("NFD", conclusion("Thủy sản.\n"))
    site.add("a/1.md", nfd.encode("utf-8"))
    site.build()
    page = site.page("van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/")
    text = text_of(page.cssselect("[data-pagefind-body] .kl-document__body")[0])
    assert text == unicodedata.normalize("NFC", text)


def test_place_manifest_lists_the_shards_naming_each_place(site: Site) -> None:
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
    site.options["search_shard_size"] = 1
    built = site.build()
    manifest = json.loads((built / "pagefind" / "ketluan-places.json").read_text("utf-8"))
    assert manifest["shards"] == ["pagefind/", "pagefind-shards/1/"]
    assert manifest["places"]["tuan giao"] == [0, 1], "named in Bắc Giang's document too"
    assert manifest["places"]["son dong"] == [0]
    assert manifest["places"]["dien bien"] == [1]
    assert manifest["place_shards"] == ["pagefind-places/0/", "pagefind-places/1/"]
    for shard in manifest["shards"] + manifest["place_shards"]:
        assert (built / shard / "wasm.unknown.pagefind").is_file(), "any shard can lead"
        assert (built / shard / "pagefind-entry.json").is_file()
        assert not (built / shard / "pagefind-worker.js").exists()


def test_places_are_matched_with_their_accents(site: Site) -> None:
    """ "diễn biến" (course of events) is not Điện Biên; old tone placement still matches."""
    site.add("a/1.md", conclusion("Theo dõi diễn biến dịch bệnh ở Hoà Bình.\n"))
    site.add("b/2.md", conclusion(number="2-KL/TU", province="Điện Biên", district=None))
    site.add("c/3.md", conclusion(number="3-KL/TU", province="Hòa Bình", district=None))
    built = site.build()
    manifest = json.loads((built / "pagefind" / "ketluan-places.json").read_text("utf-8"))
    page = site.page("van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/")
    (terms,) = page.cssselect("[data-pagefind-meta=terms]")
    assert "ⱥhoabinh" in text_of(terms).split()
    assert "ⱥdienbien" not in text_of(terms).split()
    assert set(manifest["places"]) == {"bac giang", "son dong", "dien bien", "hoa binh"}
    assert manifest["spellings"]["hoa binh"] == ["hòa bình"], "new tone placement, lowercase"


def test_indexed_digest_follows_what_pagefind_reads(sample_site: Site) -> None:
    """The key of a document's search entry: the text of its search region and its values,
    not what Pagefind ignores (who cites it, its diagram) nor the rest of the page."""
    from lxml import html

    path = next((sample_site.root / "site").glob("van-ban/*/*/*/*/index.html"))
    page = html.fromstring(path.read_bytes())
    key = search_build.indexed_digest(path.read_bytes())
    assert key is not None

    def digest_after(edit) -> str | None:
        copy = html.fromstring(path.read_bytes())
        edit(copy)
        return search_build.indexed_digest(html.tostring(copy))

    assert digest_after(lambda p: None) == key, "the same page, serialised again"
    (body,) = page.cssselect("[data-pagefind-body]")
    ignored = body.cssselect("[data-pagefind-ignore]")
    assert ignored, "the document region has ignored parts"

    def append_ignored(p) -> None:
        region = p.cssselect("[data-pagefind-body] [data-pagefind-ignore]")[0]
        region.append(html.fromstring("<p>3 văn bản trích dẫn</p>"))

    def outside(p) -> None:
        p.cssselect("[data-pagefind-body]")[0].addprevious(html.fromstring("<p>Mới</p>"))

    def body_text(p) -> None:
        p.cssselect("[data-pagefind-body]")[0].append(html.fromstring("<p>Đoạn mới</p>"))

    def meta(p) -> None:
        (title,) = p.cssselect("[data-pagefind-meta=title]")
        title.text = "Tiêu đề khác"

    def filter_value(p) -> None:
        p.cssselect("[data-pagefind-filter]")[0].text = "Khác"

    assert digest_after(append_ignored) == key
    assert digest_after(outside) == key
    assert digest_after(body_text) != key
    assert digest_after(meta) != key, "a metadata value, inside an ignored region"
    assert digest_after(filter_value) != key
    home = (sample_site.root / "site" / "index.html").read_bytes()
    assert search_build.indexed_digest(home) is None, "not indexed"
