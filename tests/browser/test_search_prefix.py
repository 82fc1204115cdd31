"""The header box completes a last word typed halfway (``site.prefixes``, ``completions`` in
ketluan-words.js): "giai phong mat b" finds what "giai phong mat bang" finds, while the
reader types. A space after the word, or the search page, takes it as typed."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from browser.test_search_ux import box_results
from conftest import Site
from ketluan.site import urls
from ketluan.site.prefixes import PREFIX

START = 4
"""Letters typed of the word completed."""


def only_completion(site: Site) -> str:
    """A word of the sample corpus that is the only one starting with its first ``START``
    letters (which are not a word): typed so far, it can be nothing else."""
    found = []
    for path in sorted((site.root / "site" / urls.WORD_PREFIXES).glob("*.json")):
        words = [word for word, _ in json.loads(path.read_text("utf-8"))]
        for word in words:
            start = word[:START]
            others = [w for w in words if w.startswith(start) and w != word]
            if len(word) > START + 1 and word.isalpha() and not others:
                found.append(word)
    assert found, "the sample corpus has such a word"
    return found[0]


@pytest.fixture(scope="module")
def word(sample_site: Site) -> str:
    return only_completion(sample_site)


def test_prefix_files_list_words_by_their_first_letters(sample_site: Site, word: str) -> None:
    path = sample_site.root / "site" / urls.word_prefix(word[:PREFIX])
    listed = json.loads(path.read_text("utf-8"))
    assert word in [w for w, _ in listed]
    counts = [count for _, count in listed]
    assert counts == sorted(counts, reverse=True), "most documents first"


def test_a_word_typed_halfway_finds_what_the_whole_word_finds(
    page, served_sample: str, word: str
) -> None:
    whole = box_results(page, served_sample, word)
    assert whole, word
    assert box_results(page, served_sample, word[:START]) == whole
    assert box_results(page, served_sample, "kết luận " + word[:START]) == box_results(
        page, served_sample, "kết luận " + word
    )


def test_a_space_after_it_takes_the_word_as_typed(page, served_sample: str, word: str) -> None:
    page.goto(served_sample)
    page.locator("#kl-search-box").fill(word[:START] + " ")
    page.wait_for_function(
        "q => document.querySelector('.kl-search__panel')?.dataset.query === q", arg=word[:START]
    )
    assert page.locator(".kl-search__panel .kl-result__title").count() == 0
    assert page.locator(".kl-search__panel").text_content().startswith("Không tìm thấy")
    page.goto(served_sample + "tra-cuu/?q=" + quote(word[:START]))
    status = page.locator(".kl-search-page__status")
    page.wait_for_function(
        "() => /Tìm thấy|Không tìm thấy/.test("
        "document.querySelector('.kl-search-page__status').textContent)"
    )
    assert status.text_content().startswith("Không tìm thấy"), "the page: as typed"
