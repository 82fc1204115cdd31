"""Described postings read lazily (``toldAmong`` in ketluan-words.js): a query reads the
shortest lists of the documents holding its words in their title or metadata first, and no
more once few enough candidates are left, which the engine re-ranks from their records.

An index of 2,400 synthetic documents, written by ``site.words.word_files`` and read by
the shipped scripts, so that the common words' lists are long enough for files of their own
(``site.words.Own``).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser.conftest import index_folder
from ketluan.site.words import Indexed, Words, word_files

REPO = Path(__file__).resolve().parents[2]
COUNT = 2400


def described_words(n: int) -> list[str]:
    """The title of document ``n``: "ket luan" in one of two (not in one of six hundred of
    them), "bao ve" in one of three, "rung" in one of a hundred."""
    found = []
    if n % 2 == 0 and n % 600 != 300:
        found += ["ket", "luan"]
    if n % 3 == 0:
        found += ["bao", "ve"]
    if n % 100 == 0:
        found += ["rung"]
    return found


def item(n: int) -> Indexed:
    text = ["ket", "luan", "bao", "ve"] + (["rung"] if n % 10 == 0 else [])
    told = described_words(n)
    url = f"van-ban/{n}/"
    day = f"{2000 + n // 365:04d}-{1 + n % 12:02d}-{1 + n % 28:02d}"
    record = {"url": url, "title": " ".join(told) or "van ban", "iso": day, "date": day}
    words = Words(" ".join(sorted(set(text))), " ".join(sorted(told)), "")
    return Indexed((day, url), record, words)


@pytest.fixture(scope="module")
def index_site(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    root = tmp_path_factory.mktemp("described")
    return serve(index_folder(root, word_files(item(n) for n in range(COUNT))))


ANSWER = """async (query) => {
  const words = await import(new URL("assets/javascripts/ketluan-words.js", document.baseURI));
  const engine = await import(
    new URL("assets/javascripts/ketluan-search-engine.js", document.baseURI)
  );
  const index = { base: "/tra-cuu/tu/", records: "/tra-cuu/vb/", site: "/" };
  const answer = await words.wordAnswer(index, query, null, engine.ranked, [], {});
  const shown = await answer.take(10);
  return { total: answer.total, urls: shown.map((item) => item.data.url) };
}"""


def answer(page, base: str, query: str) -> tuple[dict, set[str]]:
    """The first ten results of ``query`` and the described files it fetched."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlparse(request.url).path))
    page.goto(base)
    found = page.evaluate(ANSWER, query)
    told = {path.rsplit("/", 1)[-1] for path in fetched if path.endswith("-t.json")}
    return found, told


def newest_first(numbers: list[int]) -> list[str]:
    ordered = sorted(numbers, key=lambda n: (item(n).order, n), reverse=True)
    return [f"/van-ban/{n}/" for n in ordered]


def test_few_candidates_left_spare_the_common_words_lists(page, index_site: str) -> None:
    """ "rung" (24 titles) then "bao" (800) leave 8 candidates: "ve", "ket" and "luan" (800,
    1,196, 1,196 titles) are not read. The records of the 8 tell the 4 that hold every word
    in their title, which come first; the other 4, older than the newest documents holding
    the words in their text only, are not on the first page."""
    found, told = answer(page, index_site, "ket luan bao ve rung")
    assert found["total"] == COUNT // 10, "every document holding every word"
    assert told == {"rung-t.json", "bao-t.json"}
    candidates = [n for n in range(0, COUNT, 300)]
    titled = [n for n in candidates if "ket" in described_words(n)]
    assert len(titled) == 4
    assert found["urls"][:4] == newest_first(titled)
    assert set(found["urls"]).isdisjoint(newest_first(sorted(set(candidates) - set(titled))))


def test_without_few_enough_candidates_every_list_is_read(page, index_site: str) -> None:
    """ "rung", "ket", "luan": 24, then 20 candidates (more than records would tell), so all
    three lists are read and the 20 documents come first."""
    found, told = answer(page, index_site, "ket luan rung")
    assert told == {"rung-t.json", "ket-t.json", "luan-t.json"}
    titled = [n for n in range(COUNT) if set(described_words(n)) >= {"ket", "rung"}]
    assert len(titled) == 20
    assert set(found["urls"]) <= set(newest_first(titled)), "those first (re-ranked by text)"
