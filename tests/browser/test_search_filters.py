"""A filter of more than a thousand values (the agencies tasks are given to: 8,516 at 10,000
generated documents) loads its list only when the reader opens it, and so does a filter
beyond the bytes the filters load with (``EAGER_VALUES``, ``EAGER_BYTES`` and ``eager`` in
ketluan.site.words, read by ketluan-search.js); the other filters load with the filters."""

from __future__ import annotations

from urllib.parse import quote, urlparse

import pytest

from conftest import Site, conclusion
from ketluan.site import words

AGENCIES = words.EAGER_VALUES + 1


@pytest.fixture(scope="module")
def many_agencies(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    """A conclusion giving a task to each of AGENCIES agencies, and one without tasks."""
    site = Site(tmp_path_factory.mktemp("agencies") / "project")
    tasks = "".join(
        f'  - text: "Báo cáo kết quả đợt {n}"\n    bodies: [Ban Công tác số {n}]\n'
        for n in range(AGENCIES)
    )
    text = conclusion("Giao các ban báo cáo kết quả.\n", number="700-KL/HU")
    site.add("bac-giang/son-dong/700.md", text.replace("---\n\n", f"tasks:\n{tasks}---\n\n", 1))
    site.add("bac-giang/son-dong/701.md", conclusion("Kết luận khác.\n", number="701-KL/HU"))
    return serve(site.build())


def test_many_values_load_when_the_list_is_opened(page, many_agencies: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlparse(request.url).path))
    page.goto(many_agencies + "tra-cuu/?q=" + quote("kết luận"))
    page.locator(".kl-results .kl-result").first.wait_for()
    page.locator(".kl-filters summary").click()
    page.wait_for_function(
        "document.querySelectorAll('.kl-filter__select[name=nam] option').length > 1"
    )
    agencies = page.locator(".kl-filter__select[name=giao_cho]")
    years = page.locator(".kl-filter__select[name=nam] option")
    assert years.count() > 1, "a small filter's values load with the filters"
    assert agencies.locator("option").count() == 1, "only 'Tất cả' before it is opened"
    assert not [path for path in fetched if path.endswith("/loc/giao_cho.json")]
    agencies.focus()
    page.wait_for_function(
        "document.querySelectorAll('.kl-filter__select[name=giao_cho] option').length > 1000"
    )
    assert [path for path in fetched if path.endswith("/loc/giao_cho.json")]
    values = agencies.locator("option").all_inner_texts()
    assert "Ban Công tác số 7 (1)" in values, values[:5]


@pytest.fixture(scope="module")
def few_bytes(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    """Two years of documents, built with room for the smallest filter file only."""
    site = Site(tmp_path_factory.mktemp("bytes") / "project")
    for year in (2023, 2024):
        text = conclusion(
            "Kết luận về rừng.\n", number=f"{year - 2000}-KL/HU", date=f"{year}-03-02"
        )
        site.add(f"bac-giang/son-dong/{year}.md", text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(words, "EAGER_BYTES", 1)
        return serve(site.build())


def test_a_filter_beyond_the_bytes_loads_when_opened(page, few_bytes: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlparse(request.url).path))
    page.goto(few_bytes + "tra-cuu/?q=" + quote("kết luận") + "&loai=" + quote("Kết luận"))
    page.locator(".kl-results .kl-result").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert [path for path in fetched if path.endswith("/loc/loai.json")], "chosen: loaded"
    assert not [path for path in fetched if path.endswith("/loc/nam.json")]
    years = page.locator(".kl-filter__select[name=nam]")
    assert years.locator("option").count() == 1, "only 'Tất cả' before it is opened"
    years.focus()
    page.wait_for_function(
        "document.querySelectorAll('.kl-filter__select[name=nam] option').length > 2"
    )
    assert years.locator("option").all_inner_texts()[1:] == ["2024 (1)", "2023 (1)"]
