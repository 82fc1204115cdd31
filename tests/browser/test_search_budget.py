"""A long query's most common words are left out of the match (``withinBudget`` in
ketluan-words.js): its postings read stay within WORD_BUDGET bitmaps of the index, rarest
words first, and the search page names the words it did not consider.

An index of 2,400 synthetic documents written by ``site.words.word_files`` and read by the
shipped scripts: 30 words, each in a random share of the documents, so that each has a
file of its own (a bitmap of 300 bytes) and twelve of them fill the budget.
"""

from __future__ import annotations

import random
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser.conftest import index_folder
from ketluan.site.words import Indexed, Words, word_files

REPO = Path(__file__).resolve().parents[2]
COUNT = 2400
WORDS = [f"tu{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(30)]
SHARE = {word: 0.3 + 0.02 * i for i, word in enumerate(WORDS)}
"""Each word's share of the documents: the first the rarest."""
BUDGET = 12
"""WORD_BUDGET in ketluan-words.js: bitmaps of the index its folded words read at most."""


def holding(seed: int = 17) -> list[set[str]]:
    rng = random.Random(seed)
    return [{word for word in WORDS if rng.random() < SHARE[word]} for _ in range(COUNT)]


@pytest.fixture(scope="module")
def budget_site(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    root = tmp_path_factory.mktemp("budget")
    items = []
    for n, held in enumerate(holding()):
        url = f"van-ban/{n}/"
        day = f"{2000 + n // 365:04d}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        text = " ".join(sorted(held | {"ket"}))
        items.append(
            Indexed((day, url), {"url": url, "title": "van ban", "iso": day}, Words(text, "", ""))
        )
    return serve(index_folder(root, word_files(items)))


ANSWER = """async (query) => {
  const words = await import(new URL("assets/javascripts/ketluan-words.js", document.baseURI));
  const engine = await import(
    new URL("assets/javascripts/ketluan-search-engine.js", document.baseURI)
  );
  const index = { base: "/tra-cuu/tu/", records: "/tra-cuu/vb/", site: "/" };
  const answer = await words.wordAnswer(index, query, "desc", engine.ranked, [], {});
  return { total: answer.total, dropped: answer.dropped };
}"""


def test_a_long_query_reads_its_rarest_words_within_the_budget(page, budget_site: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlparse(request.url).path))
    page.goto(budget_site)
    found = page.evaluate(ANSWER, " ".join(WORDS))
    counts = {word: sum(word in held for held in holding()) for word in WORDS}
    rarest = sorted(WORDS, key=lambda word: counts[word])
    assert sorted(found["dropped"]) == sorted(rarest[BUDGET:]), "the most common left out"
    read = {path.rsplit("/", 1)[-1] for path in fetched if "/tu/w/" in path}
    assert read == {f"{word}.json" for word in rarest[:BUDGET]}
    kept = set(rarest[:BUDGET])
    assert found["total"] == sum(kept <= held for held in holding())


def test_a_short_query_leaves_nothing_out(page, budget_site: str) -> None:
    page.goto(budget_site)
    found = page.evaluate(ANSWER, " ".join(WORDS[:BUDGET]))
    assert found["dropped"] == []
    assert found["total"] == sum(set(WORDS[:BUDGET]) <= held for held in holding())


def test_the_search_page_names_the_words_left_out(page, generated_site, serve) -> None:
    """On a built site (2,000 generated documents): a query of every word with a postings
    file of its own (all of them cannot fit) says which words it did not consider."""
    import json

    from ketluan.site import urls

    out = generated_site.root / "site"
    own = sorted(path.stem for path in (out / urls.WORDS / "w").glob("*.json"))
    typed = [word for word in own if word.isalpha() and not word.endswith("-t")][:30]
    assert len(typed) == 30, "enough frequent words"
    base = serve(out)
    page.goto(base + "tra-cuu/?q=" + " ".join(typed))
    status = page.locator(".kl-search-page__status")
    status.filter(has_text="Không xét").wait_for()
    named = status.text_content().split("phổ biến: ", 1)[1].rstrip(".").split(", ")
    assert named and set(named) <= set(typed), named
    assert len(named) < len(typed), "the rarest are read"
    assert json.loads((out / urls.WORD_FACETS).read_text("utf-8"))["n"] == 2000
