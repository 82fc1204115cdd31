"""Search benchmarks: build time and peak memory, index size, bytes per cold query.

``python benchmarks/search.py 1000 10000 [--keep DIR]``

For each size: generate the corpus (benchmarks/generate.py), run ``mkdocs build`` while
sampling the resident memory of the whole process tree (mkdocs and its workers) every
0.1 s, measure the word index on disk, then serve the site and type a district name into the header
box of a fresh Chromium context (cold cache), summing the bytes of every response from the
first keystroke until the results show (Playwright network events); also on a cold load of
``/tra-cuu/?q=<district>`` and for a full-text query naming no place. Prints one JSON line
per size.
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

import psutil
from generate import district_of, generate
from playwright.sync_api import sync_playwright

TEXT_QUERY = "giải ngân vốn"
"""A full-text query naming no place."""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def build(config: Path) -> dict[str, float]:
    """Run ``mkdocs build``; peak RSS of the tree, and the time."""
    started = time.monotonic()
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
    process = psutil.Popen(mkdocs, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_tree = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            rss = {p.pid: p.memory_info().rss for p in tree if p.is_running()}
        except psutil.Error:
            continue
        peak_tree = max(peak_tree, sum(rss.values()))
        time.sleep(0.1)
    if process.returncode:
        raise SystemExit(process.stderr.read().decode()[-3000:])
    return {
        "build_s": time.monotonic() - started,
        "peak_tree_mb": peak_tree / 2**20,
    }


def index_size(site: Path) -> dict[str, float]:
    def files(*folders: str) -> list[Path]:
        found = [p for d in folders for p in (site / d).rglob("*")]
        return [p for p in found if p.is_file()]

    words = files("tra-cuu/tu")
    records = files("tra-cuu/vb")
    return {
        "index_mb": sum(p.stat().st_size for p in words) / 2**20,
        "index_files": len(words),
        "records_mb": sum(p.stat().st_size for p in records) / 2**20,
        "records_files": len(records),
    }


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map: dict[str, str] = {  # noqa: RUF012
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
    }

    def log_message(self, *args: object) -> None:
        pass


def kind(url: str) -> str:
    for key, name in (
        ("/tra-cuu/vb/", "records"),
        ("/tra-cuu/tu/loc/", "filters"),
        ("/tra-cuu/tu/", "index"),
        ("/tra-cuu/so/", "lookups"),
        ("/tra-cuu/tieu-de/", "lookups"),
        ("/javascripts/ketluan", "engine"),
    ):
        if key in url:
            return name
    return "other"


def cold_query(site: Path, query: str, search_page: bool = False) -> dict[str, object]:
    """Bytes fetched by one query on a cold cache, by kind of file."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    sizes: dict[str, int] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        context = browser.new_context()
        page = context.new_page()
        recording = [False]

        def count(response) -> None:
            if recording[0] and response.ok:
                body = len(response.body())
                sizes[kind(response.url)] = sizes.get(kind(response.url), 0) + body

        page.on("response", count)
        started = time.monotonic()
        if search_page:
            recording[0] = True
            page.goto(base + "tra-cuu/?q=" + query)
            page.locator(".kl-results .kl-result").first.wait_for(timeout=60_000)
        else:
            page.goto(base)
            page.wait_for_load_state("networkidle")
            recording[0] = True
            started = time.monotonic()
            page.locator("#kl-search-box").click()
            page.locator("#kl-search-box").press_sequentially(query)
            page.locator(".kl-search__panel .kl-result").first.wait_for(timeout=60_000)
        page.wait_for_load_state("networkidle")
        elapsed = time.monotonic() - started
        browser.close()
    server.shutdown()
    sizes.pop("other", None) if not search_page else None
    return {
        "kb": {k: round(v / 1024, 1) for k, v in sizes.items()},
        "total_kb": round(sum(sizes.values()) / 1024, 1),
        "seconds": round(elapsed, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--keep", type=Path, help="folder for the generated projects")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="ketluan-bench-"))
    for size in args.sizes:
        project = root / f"n{size}"
        config = generate(size, project)
        result: dict[str, object] = {"documents": size}
        result |= build(config)
        result |= index_size(project / "site")
        district = district_of(size)
        result["query"] = district
        result["box"] = cold_query(project / "site", district)
        result["search_page"] = cold_query(project / "site", district, search_page=True)
        result["text_query"] = TEXT_QUERY
        result["box_text"] = cold_query(project / "site", TEXT_QUERY)
        print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
