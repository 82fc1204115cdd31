"""Bytes per search query on a built site, cold, as a citizen's phone would fetch them.

``python benchmarks/queries.py SITE_DIR [--query Q ...] [--markdown]``

For each query: a fresh Chromium context (empty cache) opens ``/tra-cuu/?q=<query>``; every
response from then until the first page of results shows is counted (uncompressed: the
server does not compress), split into what search fetches (the engine: pagefind.js, its
wasm, our search scripts; the index: Pagefind's meta, chunks, filters and fragments, the
word index's files and records, manifests, number and title lookups) and the rest of the
page (HTML, theme CSS and scripts). Then "Xem thêm" is clicked once, when shown, and the
bytes of the second page are counted the same way. Prints one JSON line per query and,
with ``--markdown``, a table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlparse

from playwright.sync_api import sync_playwright
from search import CHROMIUM_ARGS, _Quiet

QUERIES = [
    "832-TB/TU",
    "832 TB/TU",
    "số 832/TB-TU",
    "832",
    "tam binh",
    "Tam Bình",
    "giai phong mat bang",
    "giải phóng mặt bằng",
    "hòa",
    "dang uy",
    "thoong baos kets luaanj",
    "thuỷ sản",
    "?q=hòa&nam=2024",
    "?nam=2024&loai=Kết luận",
]
"""The queries of issue 17's table, and the same documents asked other ways; one starting
with "?" is the search page's whole query string (filters: the page opens them, and counts
are waited for)."""

SEARCH_SCRIPTS = (
    "ketluan-search",  # and ketluan-search-engine
    "ketluan-query",
    "ketluan-numbers",
    "ketluan-titles",
    "ketluan-words",
)


def part(url: str) -> str:
    """Which part of the site a response belongs to."""
    path = urlparse(url).path
    if any(name in path for name in SEARCH_SCRIPTS) or "/pagefind/pagefind" in path:
        return "engine"
    if "wasm." in path:
        return "engine"
    if "/fragment/" in path or "/tra-cuu/vb/" in path:
        return "fragments"  # what results show: Pagefind's fragments, the word index's records
    if "/index/" in path or "/tra-cuu/tu/" in path:
        return "index"  # Pagefind's chunks, the word index's buckets and word files
    if "/filter/" in path:
        return "filters"
    if "pf_meta" in path or "pagefind-entry" in path:
        return "meta"
    if "/tra-cuu/so/" in path:
        return "numbers"
    if "/tra-cuu/tieu-de/" in path:
        return "titles"
    if path.endswith(".json"):
        return "manifest"
    return "page"


RESOURCES = """() => [
  [location.pathname, document.documentElement.outerHTML.length],
  ...performance.getEntriesByType("resource").map((e) => [e.name, e.decodedBodySize]),
]"""
"""Every resource the page fetched with its body size (the Resource Timing API, whose
buffer the init script enlarges): counted in the page, not from Playwright's response
events, which an earlier version of this script lost some of."""


BEFORE_RESULTS = """() => {
  const shown = performance.getEntriesByName("kl-results")[0];
  const all = performance.getEntriesByType("resource");
  return shown ? all.filter((e) => e.startTime < shown.startTime).length : all.length;
}"""
"""How many resources were requested before the first results showed (the search page
marks it): the filters' counts come after."""


def fetched(page) -> list[tuple[str, int]]:
    """(URL, bytes) of everything fetched so far, once nothing new arrived for a second."""
    seen: list[tuple[str, int]] = []
    quiet = 0
    while quiet < 4:
        page.wait_for_timeout(250)
        now = [tuple(entry) for entry in page.evaluate(RESOURCES)]
        quiet = quiet + 1 if now == seen else 0
        seen = now  # type: ignore[assignment]
    return seen


def by_part(entries: list[tuple[str, int]]) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for url, size in entries:
        sizes[part(url)] = sizes.get(part(url), 0) + size
    return sizes


def measure(browser, base: str, query: str) -> dict[str, object]:
    """Bytes of the first page of results of ``query`` and of one "Xem thêm"."""
    context = browser.new_context(locale="vi-VN")
    context.add_init_script("performance.setResourceTimingBufferSize(100000)")
    page = context.new_page()
    started = time.monotonic()
    filtered = query.startswith("?")
    page.goto(base + "tra-cuu/" + (quote(query, safe="?=&") if filtered else "?q=" + quote(query)))
    status = page.locator(".kl-search-page__status")
    page.wait_for_function(
        "() => { const s = document.querySelector('.kl-search-page__status');"
        " return s && /Tìm thấy|Không tìm thấy/.test(s.textContent); }",
        timeout=120_000,
    )
    seconds = time.monotonic() - started
    entries = fetched(page)
    counts_kb = None
    if filtered:  # the counts of the filters' values, shown after the results
        page.wait_for_function(
            "() => document.querySelector('.kl-filters[data-counted]') !== null",
            timeout=120_000,
        )
        counted = fetched(page)
        shown = 1 + page.evaluate(BEFORE_RESULTS)  # the page itself, then its resources
        counts_kb = round(sum(size for _, size in counted[shown:]) / 1024, 1)
        entries = counted[:shown]
    first = by_part(entries)
    top = page.locator(".kl-results .kl-result__title").first
    result: dict[str, object] = {
        "query": query,
        "status": status.inner_text(),
        "top": top.get_attribute("href") if top.count() else None,
        "first_kb": {k: round(v / 1024, 1) for k, v in sorted(first.items())},
        "first_search_kb": round(sum(v for k, v in first.items() if k != "page") / 1024, 1),
        "seconds": round(seconds, 2),
        "requests": len(entries),
    }
    if counts_kb is not None:
        result["counts_kb"] = counts_kb  # fetched after the results, for the filters' counts
    more = page.locator(".kl-results__more")
    if more.count() and more.is_visible():
        shown = page.locator(".kl-results .kl-result").count()
        more.click()
        page.wait_for_function(
            f"() => document.querySelectorAll('.kl-results .kl-result').length > {shown}",
            timeout=120_000,
        )
        after = fetched(page)
        seen = len(entries) + (len(counted) - len(entries) if filtered else 0)
        result["more_kb"] = round(sum(size for _, size in after[seen:]) / 1024, 1)
    context.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", action="append", help="instead of the default set")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    handler = functools.partial(_Quiet, directory=str(args.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for query in args.query or QUERIES:
            row = measure(browser, base, query)
            print(json.dumps(row, ensure_ascii=False), flush=True)
            rows.append(row)
        browser.close()
    server.shutdown()
    if args.markdown:
        print(
            "| query | results | search KB, first page (engine / meta / index / fragments "
            "/ other) | KB, next page | top result |"
        )
        print("|---|---|---|---|---|")
        for row in rows:
            kb: dict[str, float] = row["first_kb"]  # type: ignore[assignment]
            other = sum(
                v
                for k, v in kb.items()
                if k not in ("engine", "meta", "index", "fragments", "page")
            )
            parts = " / ".join(
                f"{kb.get(k, 0):.0f}" for k in ("engine", "meta", "index", "fragments")
            )
            counts = f"; then counts {row['counts_kb']}" if "counts_kb" in row else ""
            print(
                f"| `{row['query']}` | {row['status']} | **{row['first_search_kb']}** "
                f"({parts} / {other:.0f}){counts} | {row.get('more_kb', '–')} "
                f"| {row['top'] or '–'} |"
            )


if __name__ == "__main__":
    main()
