"""Bytes per search query on a built site, cold, as a citizen's phone would fetch them.

``python benchmarks/queries.py SITE_DIR [--query Q ... | --relevance COUNT [--seed S]]
[--assets DIR] [--markdown [--worst N]] [--verbose]``

For each query: a fresh Chromium context (empty cache) opens ``/tra-cuu/?q=<query>``; every
response from then until the first page of results shows is counted (uncompressed: the
server does not compress), split into what search fetches (the engine: our search scripts;
the index: the word index's buckets, word and filter files, its records, the number and
title lookups) and the rest of the page (HTML, theme CSS and scripts). Pagefind's parts
(pagefind.js, its wasm, meta, chunks and fragments) are still classified, so that runs on
sites built before it was removed read the same. Then "Xem thêm" is clicked once, when
shown, and the bytes of the second page are counted the same way. Prints one JSON line per
query and, with ``--markdown``, a table for BENCHMARKS.md.

``--relevance COUNT``: instead of the issue's queries, those of the relevance set
(``relevance_queries.py``), its generated ones picked from ``generate.plan(COUNT, S)``: the
plan the measured site was generated from (``--seed``, default generate.py's). Then the
summary against issue 17's bounds (first page ≤ 250 KB, next page ≤ 100 KB) and the table
of the worst ``--worst`` queries (default 10) and of every query over a bound.
``--assets DIR``: ``assets/javascripts/<name>`` is served from DIR when DIR has that file
(a checkout's ``templates/assets/javascripts``, ours minified as a build ships them): a
built site measured with other search scripts, left as it is. ``--verbose``: each row
lists the files fetched (path, bytes).
The first JSON line describes the run (site, assets, queries); the last is the summary.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlparse

import generate
from playwright.sync_api import sync_playwright
from query_report import FIRST_KB, MORE_KB, markdown, summary
from search import CHROMIUM_ARGS, _Quiet

SCRIPTS = "/assets/javascripts/"

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


class _Handler(_Quiet):
    """The site, but ``assets/javascripts/<name>`` from ``assets`` when it has the file."""

    def __init__(self, *args: Any, assets: Path | None = None, **kwargs: Any) -> None:
        self.assets = assets  # before the base class handles the request
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        local = urlparse(path).path
        if self.assets is not None and local.startswith(SCRIPTS):
            own = self.assets / unquote(local.removeprefix(SCRIPTS))
            if own.is_file():
                return str(own)
        return super().translate_path(path)


def shipped(assets: Path) -> Path:
    """A folder of ``assets``'s scripts as a build ships them (``build.scripts``: ours
    minified), so that DIR's are measured as a rebuilt site would serve them."""
    from ketluan.build.scripts import minified, ours

    folder = Path(tempfile.mkdtemp(prefix="ketluan-assets-"))
    for file in sorted(assets.iterdir()):
        if file.is_file():
            text = file.read_bytes()
            if ours(f"assets/javascripts/{file.name}"):
                text = minified(text.decode("utf-8")).encode("utf-8")
            (folder / file.name).write_bytes(text)
    return folder


def describe_assets(assets: Path | None, site: Path) -> str:
    """Which search scripts are served: the site's, or DIR's (its commit, and which files
    differ from the site's copies)."""
    if assets is None:
        return "the site's own"
    git = ["git", "-C", str(assets)]
    commit = subprocess.run([*git, "log", "-1", "--format=%h"], capture_output=True, text=True)
    dirty = subprocess.run([*git, "status", "--porcelain", "--", "."], capture_output=True)
    where = f"commit {commit.stdout.strip()}" if commit.returncode == 0 else "no git"
    if commit.returncode == 0 and dirty.stdout.strip():
        where += ", with uncommitted changes"
    differ = [
        f.name
        for f in sorted(shipped(assets).iterdir())
        if f.is_file()
        and (
            not (site / SCRIPTS[1:] / f.name).is_file()
            or (site / SCRIPTS[1:] / f.name).read_bytes() != f.read_bytes()
        )
    ]
    return f"{assets} ({where}); differing from the site's: {', '.join(differ) or 'none'}"


def files(entries: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """(path, bytes) of each response, largest first (``--verbose``)."""
    return sorted(((urlparse(u).path, size) for u, size in entries), key=lambda e: -e[1])


def measure(browser, base: str, query: str, verbose: bool = False) -> dict[str, object]:
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
    if verbose:
        result["first_files"] = files(entries)
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
        if verbose:
            result["more_files"] = files(after[seen:])
    context.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", action="append", help="instead of the default set")
    parser.add_argument("--relevance", type=int, metavar="COUNT", help="the relevance set")
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument("--assets", type=Path, help="serve assets/javascripts/* from here")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--worst", type=int, default=10, help="rows of --markdown's table")
    parser.add_argument("--verbose", action="store_true", help="list each file fetched")
    args = parser.parse_args()
    run: dict[str, Any] = {"site": str(args.site.resolve())}
    run["assets"] = describe_assets(args.assets and args.assets.resolve(), args.site)
    if args.relevance:
        from relevance_queries import relevance_queries

        chosen, run["missing_picks"] = relevance_queries(args.relevance, args.seed)
        run |= {"relevance": args.relevance, "seed": args.seed}
    else:
        chosen = [(q, "") for q in args.query or QUERIES]
    run["queries"] = len(chosen)
    print(json.dumps({"run": run}, ensure_ascii=False), flush=True)
    served = shipped(args.assets) if args.assets else None
    handler = functools.partial(_Handler, directory=str(args.site), assets=served)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows: list[dict[str, Any]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for number, (query, origin) in enumerate(chosen, 1):
            try:
                row = measure(browser, base, query, args.verbose)
            except Exception as error:  # one query's failure is a row, not the end
                row = {"query": query, "error": str(error).splitlines()[0]}
            if origin:
                row["from"] = origin
            print(json.dumps(row, ensure_ascii=False), flush=True)
            print(
                f"[{number}/{len(chosen)}] {query}: {row.get('first_search_kb', 'error')} KB, "
                f"next {row.get('more_kb', '–')} KB",
                file=sys.stderr,
                flush=True,
            )
            rows.append(row)
        browser.close()
    server.shutdown()
    total = summary(rows, args.worst if args.relevance else len(rows))
    print(json.dumps({"summary": total}, ensure_ascii=False), flush=True)
    print(
        f"{total['queries']} queries, {len(total['errors'])} failed; first page > {FIRST_KB} "
        f"KB: {total['first_over']} (max {total['first_max']}); next page > {MORE_KB} KB: "
        f"{total['more_over']} (max {total['more_max']})",
        file=sys.stderr,
    )
    if args.markdown:
        markdown(rows, total, run, args.verbose)


if __name__ == "__main__":
    main()
