"""Building the search index with Pagefind: one run per full-text shard, the places
indexes beside them, unchanged shards reused from the build cache. What goes into the index
(shards, terms, place tokens) is planned in ``search``."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ketluan.site import urls
from ketluan.site.search import PLACES_FILE, PlaceRecord, Shard

EXCLUDE_SELECTORS = (".kl-letterhead", ".kl-meta", ".kl-recipients__label", ".headerlink")
"""Repeated chrome inside the document region: its values are indexed as metadata instead."""


KEEP_IN_SHARD = ("pagefind-entry.json", "index", "fragment", "filter", "wasm.unknown.pagefind")
"""Files a shard needs (the wasm too: a shard can be the first index of a query); the UI
bundles and web worker (we search on the main thread) are deleted."""


KEEP_IN_PRIMARY = (*KEEP_IN_SHARD, "pagefind.js")


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message says which shard and what Pagefind printed."""


def pagefind_command(site_dir: Path, shard: Shard) -> list[str]:
    """The Pagefind CLI call (from the ``pagefind[bin]`` wheel) that builds one shard."""
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--glob",
        shard.glob(),
        "--output-path",
        str(site_dir / shard.path),
        "--force-language",
        "vi",
        "--exclude-selectors",
        ", ".join(EXCLUDE_SELECTORS),
    ]


def places_command(source: Path, output: Path) -> list[str]:
    """The Pagefind CLI call that builds one places index from its record pages."""
    return [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(output)]


class IndexCache(Protocol):
    """Where finished index folders are kept between builds (``pagecache.PageCache``)."""

    def fetch_tree(self, kind: str, key: str, target: Path) -> bool: ...
    def store_tree(self, kind: str, key: str, written: Path) -> None: ...


@dataclass
class Reuse:
    """Index folders of earlier builds to reuse: ``keys`` names each folder by the
    fingerprint of what goes into it (see ``plugin``); a missing key builds afresh."""

    cache: IndexCache
    keys: dict[str, str]

    def fetch(self, name: str, target: Path) -> bool:
        key = self.keys.get(name)
        return key is not None and self.cache.fetch_tree("search", key, target)

    def store(self, name: str, written: Path) -> None:
        if (key := self.keys.get(name)) is not None:
            self.cache.store_tree("search", key, written)


def build_index(
    site_dir: Path,
    shards: list[Shard],
    places: dict[str, object],
    place_records: dict[int, list[PlaceRecord]],
    render_record: Callable[[PlaceRecord], str],
    progress: Callable[[list[Shard]], Iterable[Shard]] = iter,
    log: Callable[[str], None] = lambda message: None,
    reuse: Reuse | None = None,
) -> None:
    """Run Pagefind once per shard, one after another (memory is per run), then trim; then
    the places index of each shard, from one tiny page per document (``render_record``:
    Pagefind's Python API takes ~0.1 s per custom record, its CLI a second for 10,000).
    A shard whose pages are unchanged since an earlier build is taken from ``reuse``."""
    for stale in (
        site_dir / urls.PAGEFIND,
        site_dir / urls.SEARCH_SHARDS,
        site_dir / urls.SEARCH_PLACES,
    ):
        shutil.rmtree(stale, ignore_errors=True)
    # The places indexes are small: built beside the full-text shards, on the other core.
    with ThreadPoolExecutor(max_workers=1) as beside:
        places_done = beside.submit(
            _build_places, site_dir, place_records, render_record, log, reuse
        )
        _build_shards(site_dir, shards, progress, log, reuse)
        places_done.result()
    if shards:
        places_file = site_dir / urls.PAGEFIND / PLACES_FILE
        places_file.write_text(json.dumps(places, ensure_ascii=False), encoding="utf-8")


def _build_shards(
    site_dir: Path,
    shards: list[Shard],
    progress: Callable[[list[Shard]], Iterable[Shard]],
    log: Callable[[str], None],
    reuse: Reuse | None,
) -> None:
    """Run Pagefind once per full-text shard, one after another (memory is per run)."""
    for shard in progress(shards):
        started = time.monotonic()
        output = site_dir / shard.path
        if reuse and reuse.fetch(shard.path, output):
            log(f"search shard {shard.name}: unchanged, reused from the cache")
            continue
        what = f"search shard {shard.name}"
        _run(pagefind_command(site_dir, shard), output, what, shard.documents)
        log(
            f"search shard {shard.name}: {shard.documents} documents indexed into "
            f"{shard.path}/ in {time.monotonic() - started:.1f} s"
        )
        _trim(output, KEEP_IN_PRIMARY if shard.name == "0" else KEEP_IN_SHARD)
        if reuse:
            reuse.store(shard.path, output)


def _build_places(
    site_dir: Path,
    place_records: dict[int, list[PlaceRecord]],
    render_record: Callable[[PlaceRecord], str],
    log: Callable[[str], None],
    reuse: Reuse | None,
) -> None:
    """Build the places index of each shard from one tiny page per document."""
    for index, records in sorted(place_records.items()):
        output = site_dir / urls.SEARCH_PLACES / str(index)
        if reuse and reuse.fetch(f"{urls.SEARCH_PLACES}/{index}", output):
            continue
        with tempfile.TemporaryDirectory(prefix="ketluan-places-") as source:
            for record in records:
                page = Path(source) / record.url.strip("/") / "index.html"
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(render_record(record), encoding="utf-8")
            what = f"the places index of shard {index}"
            _run(places_command(Path(source), output), output, what, len(records))
        _trim(output, KEEP_IN_SHARD)
        if reuse:
            reuse.store(f"{urls.SEARCH_PLACES}/{index}", output)
    if place_records:
        log(f"places indexes: {sum(map(len, place_records.values()))} documents")


def _run(command: list[str], output: Path, what: str, expected: int) -> None:
    """Run one Pagefind build; any failure or miscount raises with Pagefind's output."""
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (output / "pagefind-entry.json").exists():
        printed = (result.stderr.strip() or result.stdout.strip())[-2000:]
        raise SearchIndexError(
            f"Pagefind failed on {what} ({expected} documents, exit code "
            f"{result.returncode}):\n{printed}\n"
            "Check that pagefind[bin] is installed (make setup) and the site built."
        )
    indexed = re.search(r"Indexed (\d+) pages", result.stdout)
    if indexed and int(indexed.group(1)) != expected:
        raise SearchIndexError(
            f"Pagefind indexed {indexed.group(1)} pages in {what}, expected {expected}: "
            "a document page lacks data-pagefind-body."
        )


def _trim(bundle: Path, keep: tuple[str, ...]) -> None:
    """Delete the Pagefind UI bundles we do not serve (we ship our own small UI)."""
    for entry in bundle.iterdir():
        if entry.name not in keep and not entry.name.endswith(".pf_meta"):
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
