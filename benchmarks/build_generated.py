"""Build a site from N generated documents and report time and page sizes.

    .venv/bin/python benchmarks/build_generated.py 2000 10000

For each N: build time, number of pages, and the largest page of each kind (district list,
province page, lookup lists, /dia-ban/, /tra-cuu/). Goals and results: BENCHMARKS.md.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from corpus_gen import generate  # noqa: E402

from conftest import Site  # noqa: E402

KINDS = {
    "district (or 2025 province) page": "dia-ban/*/*/index.html",
    "province page": "dia-ban/*/index.html",
    "year list": "tra-cuu/nam/*/index.html",
    "issuer list": "tra-cuu/co-quan/*/index.html",
    "/dia-ban/": "dia-ban/index.html",
    "/tra-cuu/": "tra-cuu/index.html",
    "document page": "van-ban/*/*/*/*/index.html",
}


def run(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Site(Path(tmp) / "project")
        site.options["page_size"] = 50
        generate(site.conclusions, n)
        start = time.perf_counter()
        built = site.build()
        seconds = time.perf_counter() - start
        pages = sum(1 for _ in built.rglob("index.html"))
        print(f"N={n}: build {seconds:.1f} s, {pages} pages")
        for kind, pattern in KINDS.items():
            sizes = [p.stat().st_size for p in built.glob(pattern)]
            print(f"  largest {kind}: {max(sizes) / 1024:.1f} KiB ({len(sizes)} pages)")


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["2000"]:
        run(int(arg))
