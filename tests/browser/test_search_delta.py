"""Search after incremental builds: the shards built earlier, a delta index of the documents
changed since, and superseded entries dropped in the browser find what a freshly built
index finds (but for the known gap of words that only superseded entries hold: ``LOOSE``),
never a removed document. Both sites are served and queried through the same engine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import REPO, Site, conclusion

EDITED = "bac-giang/son-dong/604-kl-hu.md"
REMOVED = "dien-bien/tuan-giao/2021-07-23-thong-bao-ket-luan.md"
GONE = "/van-ban/dien-bien/thuong-truc-tinh-uy-dien-bien/2021/tbkl-2021-07-23/"
LOOSE = pytest.mark.xfail(
    strict=False,  # whether a shard matches looser words depends on what else it holds
    reason="Known gap (README, Incremental builds): Pagefind resolves each query word "
    "against the words of each index, and an index lacking the word matches looser ones; a "
    "superseded entry keeps its words in its shard until compaction, so that shard matches "
    "differently.",
)
QUERIES = [
    "sầu riêng",  # only in the edited body
    "nông thôn",  # common words, in shards and in the delta
    pytest.param("Mùa A Sơn", marks=LOOSE),  # only in the deleted document
    "604-KL/HU",  # a number
    "Sơn Động",  # a place only: the places indexes
    "son dong giao thong",  # a place and words: the full text of its shards
    pytest.param("Tuần Giáo", marks=LOOSE),  # the place of the removed document only
    "Bắc Giang",
    "kết luận",
]
SEARCH = """async (query) => {
  const box = document.querySelector('[data-kl-search="box"]');
  const url = new URL("assets/javascripts/ketluan-search-engine.js", document.baseURI);
  const m = await import(url.href);
  const state = await m.engine(box);
  const found = await m.search(state, query);
  const rows = await Promise.all(found.results.map(async (r) => {
    const d = await m.withData(r, found.placesOnly);
    return [d.url, d.meta.title, d.meta.number || "", JSON.stringify(d.filters)];
  }));
  return rows.sort();
}"""
FILTERS = """async () => {
  const box = document.querySelector('[data-kl-search="box"]');
  const url = new URL("assets/javascripts/ketluan-search-engine.js", document.baseURI);
  const m = await import(url.href);
  const state = await m.engine(box);
  return await (await m.index(state, null)).filters();
}"""

COUNTS = """async (query) => {
  const box = document.querySelector('[data-kl-search="box"]');
  const url = new URL("assets/javascripts/ketluan-search-engine.js", document.baseURI);
  const m = await import(url.href);
  const state = await m.engine(box);
  const found = await m.search(state, query, { counts: true });
  const counted = Object.entries(found.filters).map(([name, values]) =>
    [name, Object.fromEntries(Object.entries(values).filter(([, n]) => n > 0))]);
  return [found.results.length, Object.fromEntries(counted)];
}"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The samples built, then changed and built again (a delta and superseded entries);
    and the same project built cold."""
    site = Site(tmp_path_factory.mktemp("delta") / "project")
    shutil.rmtree(site.conclusions)
    shutil.copytree(REPO / "conclusions", site.conclusions)
    site.options["search_shard_size"] = 8  # 3 shards; 3 changes stay a delta (no compaction)
    site.build()
    path = site.conclusions / EDITED
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nPhát triển vùng trồng sầu riêng.\n", encoding="utf-8")
    (site.conclusions / REMOVED).unlink()
    site.add(
        "bac-giang/son-dong/700.md",
        conclusion(
            "Đầu tư giao thông nông thôn ở các xã vùng cao.\n",
            title="Kết luận về giao thông nông thôn",
            number="700-KL/HU",
            date="2024-08-02",
        ),
    )
    site.build()
    assert list((site.root / "site/pagefind-delta").iterdir()), "the changes are in a delta"
    cold = Site(site.root.parent / "cold")
    shutil.rmtree(cold.conclusions)
    shutil.copytree(site.conclusions, cold.conclusions)
    cold.options = {**site.options, "cache": "false"}
    cold.build()
    return site.root / "site", cold.root / "site"


@pytest.mark.parametrize("query", QUERIES)
def test_query_finds_what_a_cold_index_finds(page, serve, sites, query: str) -> None:
    delta, cold = sites
    page.goto(serve(delta))
    found = page.evaluate(SEARCH, query)
    page.goto(serve(cold))
    assert found == page.evaluate(SEARCH, query)


@pytest.mark.parametrize("query", ["sầu riêng", "Mùa A Sơn", "Tuần Giáo", "kết luận"])
def test_delta_finds_the_edit_and_never_the_removed_document(page, serve, sites, query) -> None:
    page.goto(serve(sites[0]))
    found = [row[0] for row in page.evaluate(SEARCH, query)]
    if query == "sầu riêng":
        assert "/van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/" in found
    assert GONE not in found, "the removed document is found no more"


def test_filter_values_are_those_of_a_cold_index(page, serve, sites) -> None:
    delta, cold = sites
    page.goto(serve(delta))
    found = page.evaluate(FILTERS)
    page.goto(serve(cold))
    assert found == page.evaluate(FILTERS)


@pytest.mark.parametrize("query", ["kết luận", "nông thôn", "Bắc Giang"])
def test_filter_counts_of_a_query_are_those_of_a_cold_index(page, serve, sites, query) -> None:
    """The counts of a query's results leave out the superseded entries it matched (values
    without results compared as absent: Pagefind lists some with 0)."""
    delta, cold = sites
    page.goto(serve(delta))
    found = page.evaluate(COUNTS, query)
    page.goto(serve(cold))
    assert found == page.evaluate(COUNTS, query)
    assert sum(found[1]["nam"].values()) == found[0], "one year per result"
