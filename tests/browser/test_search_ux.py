"""The results UX of search in Chromium: counts per filter value, sort by date, the search
in the URL (Back, shared links), keyboard navigation of the header box, no layout shift
while results arrive, and the "search in this place" box of place pages.

``ux`` is a small corpus built in tmp_path; the expected counts and orders are computed
from the corpus as the build reads it (``facets``, dates, places).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlparse

import pytest

from conftest import Site, conclusion
from ketluan.core.corpus import load_corpus
from ketluan.core.model import BUILTIN_TYPES, Document
from ketluan.site import urls
from ketluan.site.search import facets

# (province, district or None for the province's own committee, date, number, says the
# query words). Dates all differ, so each order is one; provinces and years interleave, so
# an order by text score or by place would not be the order by date.
SPECS = [
    ("Bắc Giang", "Sơn Động", "2021-03-04", "101-KL/HU", True),
    ("Bắc Giang", "Sơn Động", "2023-06-12", "102-KL/HU", True),
    ("Bắc Giang", "Sơn Động", "2024-09-30", "103-KL/HU", False),
    ("Bắc Giang", "Lục Ngạn", "2022-01-15", "104-KL/HU", True),
    ("Bắc Giang", "Lục Ngạn", "2024-02-08", "105-KL/HU", True),
    ("Bắc Giang", None, "2023-11-20", "106-KL/TU", True),
    ("Điện Biên", "Tuần Giáo", "2021-08-09", "107-KL/HU", True),
    ("Điện Biên", "Tuần Giáo", "2024-05-17", "108-KL/HU", True),
    ("Điện Biên", "Mường Chà", "2022-10-03", "109-KL/HU", False),
    ("Điện Biên", "Mường Chà", "2023-04-25", "110-KL/HU", True),
    ("Lai Châu", None, "2022-07-01", "111-KL/TU", True),
    ("Lai Châu", None, "2024-12-11", "112-KL/TU", True),
    ("Lai Châu", None, "2021-01-20", "113-KL/TU", True),
    ("Điện Biên", "Mường Chà", "2021-11-05", "114-KL/HU", True),
]
QUERY = "khoai lang"
SEARCH_PAGE = urls.SEARCH


@dataclass(frozen=True)
class Corpus:
    base: str
    docs: list[Document]
    """The documents as the build reads them."""

    @property
    def matching(self) -> list[Document]:
        """The documents whose text has the query words."""
        return [doc for doc in self.docs if QUERY in doc.body]


def path(doc: Document) -> str:
    return "/" + urls.document(doc)


@pytest.fixture(scope="module")
def ux(tmp_path_factory: pytest.TempPathFactory, serve) -> Corpus:
    site = Site(tmp_path_factory.mktemp("ux") / "project")
    for province, district, date, number, says in SPECS:
        body = "Phát triển vùng trồng khoai lang hàng hóa.\n" if says else "Giao thông.\n"
        site.add(
            f"{province}/{district or 'tinh'}/{number[:3]}.md",
            conclusion(
                body + "Đầu tư hạ tầng nông thôn.\n",
                title=f"Kết luận số {number}",
                number=number,
                date=date,
                issuer=f"Huyện ủy {district}" if district else f"Tỉnh ủy {province}",
                province=province,
                district=district,
            ),
        )
    built = site.build()
    docs = load_corpus(site.root, "conclusions", BUILTIN_TYPES).documents
    assert len(docs) == len(SPECS)
    return Corpus(serve(built), docs)


def results(page) -> list[str]:
    """Paths of the results listed on the search page."""
    return page.eval_on_selector_all(
        ".kl-search-page .kl-result .kl-result__title",
        "as => as.map(a => new URL(a.href).pathname)",
    )


def wait_results(page, count: int) -> list[str]:
    """The results once the page lists ``count`` of them."""
    page.wait_for_function(
        "n => document.querySelectorAll('.kl-search-page .kl-result').length === n", arg=count
    )
    return results(page)


def wait_first(page, first: str) -> None:
    page.wait_for_function(
        "p => new URL(document.querySelector('.kl-search-page .kl-result a').href).pathname === p",
        arg=first,
    )


def open_filters(page) -> None:
    page.locator(".kl-filters summary").click()
    page.locator("select[name=tinh]").wait_for()


COUNTED = """([name, total]) => {
  const counts = [...document.querySelectorAll(`select[name=${name}] option`)]
    .filter((o) => o.value)
    .map((o) => o.textContent.slice(o.value.length + 2, -1));
  return counts.reduce((sum, n) => sum + Number(n), 0) === total;
}"""


def shown_counts(page, name: str) -> dict[str, tuple[int, bool]]:
    """Value -> (count shown, selectable) of a filter select, in the order shown."""
    options = page.eval_on_selector_all(
        f"select[name={name}] option",
        "os => os.filter(o => o.value).map(o => [o.value, o.textContent, o.disabled])",
    )
    found = {}
    for value, text, disabled in options:
        assert text.startswith(f"{value} (") and text.endswith(")"), text
        found[value] = (int(text[len(value) + 2 : -1]), not disabled)
    return found


def expected(docs: list[Document], name: str) -> dict[str, int]:
    """Counts of filter ``name`` over ``docs``, from the values the build indexes."""
    counts: Counter[str] = Counter()
    for doc in docs:
        counts.update(facets(doc).get(name, []))
    return dict(counts)


def nonzero(shown: dict[str, tuple[int, bool]]) -> dict[str, int]:
    return {value: count for value, (count, _) in shown.items() if count}


def test_filter_values_show_counts_of_the_results(page, ux: Corpus) -> None:
    page.goto(ux.base + SEARCH_PAGE + "?q=" + quote(QUERY))
    wait_results(page, 10)
    open_filters(page)
    matching = ux.matching
    page.wait_for_function(COUNTED, arg=["nam", len(matching)])
    for name in ("tinh", "huyen", "nam", "loai"):
        assert nonzero(shown_counts(page, name)) == expected(matching, name), name
    years = list(shown_counts(page, "nam"))
    assert years == sorted(years, reverse=True), "years newest first"
    assert list(shown_counts(page, "tinh")) == ["Bắc Giang", "Điện Biên", "Lai Châu"]
    districts = list(shown_counts(page, "huyen"))
    assert districts == ["Lục Ngạn", "Mường Chà", "Sơn Động", "Tuần Giáo"], "Vietnamese order"

    # A year chosen: the other filters count within it; the years count without it.
    page.locator("select[name=nam]").select_option("2024")
    in_2024 = [doc for doc in matching if doc.date.year == 2024]
    wait_results(page, len(in_2024))
    page.wait_for_function(COUNTED, arg=["tinh", len(in_2024)])
    assert nonzero(shown_counts(page, "tinh")) == expected(in_2024, "tinh")
    assert nonzero(shown_counts(page, "nam")) == expected(matching, "nam")
    assert shown_counts(page, "nam")["2024"][1], "the chosen year"
    by_district = shown_counts(page, "huyen")
    assert by_district["Mường Chà"] == (0, False), "results for the query, none in 2024"
    assert by_district["Tuần Giáo"] == (1, True)

    # Each count is the number of results its value gives.
    for value, (count, selectable) in shown_counts(page, "tinh").items():
        if selectable and count:
            page.locator("select[name=tinh]").select_option(value)
            wait_results(page, count)
            every_year = [doc for doc in matching if facets(doc)["tinh"] == [value]]
            page.wait_for_function(COUNTED, arg=["nam", len(every_year)])
            assert shown_counts(page, "tinh")[value] == (count, True), "the chosen value"


def test_filter_counts_of_a_telex_query_are_those_of_its_reading(page, ux: Corpus) -> None:
    """ "vufng troongf" is searched as "vùng trồng" (Telex): a chosen filter's own counts come
    from that reading too, not from the letters typed (which find nothing)."""
    page.goto(ux.base + SEARCH_PAGE + "?q=" + quote("vufng troongf") + "&nam=2024")
    in_2024 = [doc for doc in ux.matching if doc.date.year == 2024]
    wait_results(page, len(in_2024))
    page.wait_for_function(COUNTED, arg=["nam", len(ux.matching)])
    assert nonzero(shown_counts(page, "nam")) == expected(ux.matching, "nam")
    assert nonzero(shown_counts(page, "tinh")) == expected(in_2024, "tinh")


def test_opening_the_filters_keeps_the_results_shown(page, ux: Corpus) -> None:
    page.goto(ux.base + SEARCH_PAGE + "?q=" + quote(QUERY))
    wait_results(page, 10)
    page.locator(".kl-results__more").click()
    shown = wait_results(page, len(ux.matching))
    open_filters(page)
    page.wait_for_function(COUNTED, arg=["nam", len(ux.matching)])
    assert results(page) == shown, "the reader's pages of results stay"


def test_sort_by_date_orders_the_results(page, ux: Corpus) -> None:
    page.goto(ux.base + SEARCH_PAGE + "?q=" + quote(QUERY))
    wait_results(page, 10)
    newest = [path(doc) for doc in sorted(ux.matching, key=lambda d: d.date.iso(), reverse=True)]
    assert len(newest) > 10, "a second page"
    page.locator(".kl-sort__select").select_option(label="Mới nhất")
    page.wait_for_function("() => location.search.includes('sap_xep=moi-nhat')")
    wait_first(page, newest[0])
    assert results(page) == newest[:10]
    page.locator(".kl-results__more").click()
    assert wait_results(page, len(newest)) == newest
    page.locator(".kl-sort__select").select_option(label="Cũ nhất")
    wait_first(page, newest[-1])
    assert results(page) == newest[::-1][:10]
    assert parse_qs(urlparse(page.url).query) == {"q": [QUERY], "sap_xep": ["cu-nhat"]}


def test_a_place_query_lists_newest_first(page, ux: Corpus) -> None:
    """A query naming only a place lists the place's documents, newest first."""
    page.goto(ux.base + SEARCH_PAGE + "?q=" + quote("Bắc Giang"))
    bac_giang = [doc for doc in ux.docs if doc.province == "Bắc Giang"]
    newest = [path(doc) for doc in sorted(bac_giang, key=lambda d: d.date.iso(), reverse=True)]
    assert wait_results(page, len(newest)) == newest


def test_back_button_restores_the_previous_search(page, ux: Corpus) -> None:
    page.goto(ux.base + SEARCH_PAGE)
    field = page.locator("#kl-search-page-q")
    field.fill("Tuần Giáo")
    field.press("Enter")
    tuan_giao = sorted(path(d) for d in ux.docs if d.district == "Tuần Giáo")
    assert sorted(wait_results(page, len(tuan_giao))) == tuan_giao
    before = page.evaluate("history.length")
    # Typed letter by letter, each letter searched (pauses longer than the debounce): one
    # history entry for the whole query.
    field.fill("")
    field.press_sequentially(QUERY, delay=300)
    page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=QUERY)
    wait_results(page, 10)
    assert page.evaluate("history.length") == before + 1
    page.go_back()
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'Tuần Giáo'")
    assert field.input_value() == "Tuần Giáo"
    assert sorted(wait_results(page, len(tuan_giao))) == tuan_giao
    page.go_forward()
    page.wait_for_function(
        "q => document.querySelector('#kl-search-page-q').value === q", arg=QUERY
    )
    wait_results(page, 10)


def test_back_restores_filters_and_order(page, ux: Corpus) -> None:
    page.goto(ux.base + SEARCH_PAGE + "?q=" + quote(QUERY))
    wait_results(page, 10)
    open_filters(page)
    lai_chau = [doc for doc in ux.matching if doc.province == "Lai Châu"]
    page.locator("select[name=tinh]").select_option("Lai Châu")
    wait_results(page, len(lai_chau))
    page.locator(".kl-sort__select").select_option("cu-nhat")
    page.wait_for_function("() => location.search.includes('sap_xep')")
    page.go_back()
    page.wait_for_function("() => !location.search.includes('sap_xep')")
    assert page.locator(".kl-sort__select").input_value() == ""
    assert page.locator("select[name=tinh]").input_value() == "Lai Châu"
    page.go_back()
    page.wait_for_function("() => !location.search.includes('tinh')")
    assert page.locator("select[name=tinh]").input_value() == ""
    assert len(wait_results(page, 10)) == 10


def test_a_shared_link_restores_query_filters_and_order(page, ux: Corpus) -> None:
    page.goto(
        ux.base + SEARCH_PAGE + "?q=khoai+lang&tinh=%C4%90i%E1%BB%87n+Bi%C3%AAn&sap_xep=cu-nhat"
    )
    want = sorted((d for d in ux.matching if d.province == "Điện Biên"), key=lambda d: d.date.iso())
    assert wait_results(page, len(want)) == [path(doc) for doc in want]
    assert page.locator("#kl-search-page-q").input_value() == QUERY
    assert page.locator("select[name=tinh]").input_value() == "Điện Biên"
    assert page.locator(".kl-sort__select").input_value() == "cu-nhat"
    assert page.locator(".kl-filters").get_attribute("open") is not None


def box_results(page, base: str, query: str) -> list[str]:
    """Paste ``query`` into the header box; the results of its panel."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base)
    page.locator("#kl-search-box").fill(query)
    page.wait_for_function(
        "q => document.querySelector('.kl-search__panel')?.dataset.query === q", arg=query
    )
    return page.eval_on_selector_all(
        ".kl-search__panel .kl-result__title", "as => as.map(a => new URL(a.href).pathname)"
    )


def focused(page) -> str:
    return page.evaluate("(e => e.href ? new URL(e.href).pathname : e.id)(document.activeElement)")


def test_arrow_keys_and_enter_open_the_second_result(page, ux: Corpus) -> None:
    found = box_results(page, ux.base, QUERY)
    assert len(found) >= 2
    page.locator("#kl-search-box").press("ArrowDown")
    assert focused(page) == found[0]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert focused(page) == found[1]
    page.keyboard.press("Enter")
    page.wait_for_url(ux.base.rstrip("/") + found[1])


def test_arrow_up_from_the_first_result_returns_to_the_input(page, ux: Corpus) -> None:
    box_results(page, ux.base, QUERY)
    page.locator("#kl-search-box").press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert focused(page) == "kl-search-box"


def test_escape_closes_the_panel_back_to_the_input(page, ux: Corpus) -> None:
    box_results(page, ux.base, QUERY)
    page.locator("#kl-search-box").press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.tagName") == "A"
    page.keyboard.press("Escape")
    assert page.locator(".kl-search__panel").is_hidden()
    assert focused(page) == "kl-search-box"


def test_typing_on_a_result_goes_on_with_the_query(page, ux: Corpus) -> None:
    box_results(page, ux.base, QUERY)
    page.locator("#kl-search-box").press("ArrowDown")
    page.keyboard.type(" x")
    assert focused(page) == "kl-search-box"
    assert page.locator("#kl-search-box").input_value() == QUERY + " x"


def test_enter_without_a_chosen_result_opens_the_search_page(page, ux: Corpus) -> None:
    box_results(page, ux.base, QUERY)
    page.locator("#kl-search-box").press("Enter")
    page.wait_for_url("**/tra-cuu/?q=khoai+lang")
    assert len(wait_results(page, 10)) == 10


def test_search_page_results_are_links_reached_by_tab(page, ux: Corpus) -> None:
    page.goto(ux.base + SEARCH_PAGE + "?q=" + quote(QUERY))
    first = wait_results(page, 10)[0]
    page.locator(".kl-sort__select").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.kl-result') !== null"):
            break
    assert focused(page) == first


def test_slash_focuses_the_search_box_unless_typing(page, ux: Corpus) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(ux.base)
    page.locator("h1").click()
    page.keyboard.press("/")
    assert focused(page) == "kl-search-box"
    assert page.locator("#kl-search-box").input_value() == "", "the slash is not typed"
    page.keyboard.type("a/b")
    assert page.locator("#kl-search-box").input_value() == "a/b", "in a field: a slash"
    page.goto(ux.base + SEARCH_PAGE)
    page.locator("h1").click()
    page.keyboard.press("/")
    assert focused(page) == "kl-search-page-q"


CLS = """(counted) => new Promise((resolve) => {
  let score = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (counted === "all" || !entry.hadRecentInput) score += entry.value;
    }
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(score), 300);
})"""


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_no_layout_shift_on_screen_sizes(page, ux: Corpus, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    long = QUERY + " hàng hóa nông thôn"  # the status line wraps on a phone
    page.goto(ux.base + SEARCH_PAGE + "?q=" + quote(long))
    page.locator(".kl-search-page .kl-result").first.wait_for()
    assert page.evaluate(CLS, "all") < 0.01


def test_no_layout_shift_while_results_arrive(page, ux: Corpus) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(ux.base + SEARCH_PAGE + "?q=" + quote(QUERY))
    wait_results(page, 10)
    assert page.evaluate(CLS, "all") < 0.01
    page.goto(ux.base + SEARCH_PAGE + "?q=" + quote(QUERY) + "&nam=2024&sap_xep=moi-nhat")
    wait_results(page, len([doc for doc in ux.matching if doc.date.year == 2024]))
    assert page.evaluate(CLS, "all") < 0.01, "a link with filters: they open too"
    # The same measure sees a shift when something does move.
    page.goto(ux.base + SEARCH_PAGE + "?q=" + quote(QUERY))
    page.add_style_tag(content=".kl-search-page .kl-results { min-height: 0 !important }")
    wait_results(page, 10)
    page.evaluate(
        "document.querySelector('.kl-search-page__form').before(Object.assign("
        "document.createElement('div'), {style: 'height: 200px'}))"
    )
    assert page.evaluate(CLS, "all") >= 0.01, "the measure sees a shift"


def test_no_layout_shift_while_typing_in_the_header_box(page, ux: Corpus) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(ux.base + urls.PLACES)
    page.locator("#kl-search-box").press_sequentially(QUERY, delay=60)
    page.wait_for_function(
        "q => document.querySelector('.kl-search__panel')?.dataset.query === q", arg=QUERY
    )
    # Shifts right after typing are "recent input" to the browser: count them all.
    assert page.evaluate(CLS, "all") < 0.01


@pytest.mark.parametrize(
    ("place", "filters"),
    [
        ("district", {"tinh": "Bắc Giang", "huyen": "Sơn Động"}),
        ("province", {"tinh": "Bắc Giang"}),
    ],
)
def test_place_page_box_searches_that_place(page, ux: Corpus, place, filters) -> None:
    son_dong = next(doc for doc in ux.docs if doc.district == "Sơn Động")
    location = son_dong.location
    unit = location.district if place == "district" else location.province
    page.goto(ux.base + (urls.district(unit) if place == "district" else urls.province(unit)))
    form = page.locator("form.kl-place-search")
    hidden = form.locator("input[type=hidden]").evaluate_all(
        "inputs => inputs.map(i => [i.name, i.value])"
    )
    assert dict(hidden) == filters
    form.locator("input[type=search]").fill(QUERY)
    form.locator("button").click()
    page.wait_for_url("**/tra-cuu/?**")
    assert parse_qs(urlparse(page.url).query) == {
        "q": [QUERY],
        **{name: [value] for name, value in filters.items()},
    }
    within = [
        doc
        for doc in ux.matching
        if doc.location
        and doc.location.province == location.province
        and (place == "province" or doc.location.district == unit)
    ]
    assert sorted(wait_results(page, len(within))) == sorted(path(doc) for doc in within)
    for name, value in filters.items():
        assert page.locator(f"select[name={name}]").input_value() == value
