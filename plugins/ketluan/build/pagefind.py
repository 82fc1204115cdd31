"""Running Pagefind: one run per full-text shard, the places indexes beside them, and the
one-run delta index of the documents changed since (``searchstate`` says which). What goes
into the index (shards, terms, place tokens) is planned in ``site.search``."""

from __future__ import annotations

import functools
import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ketluan.build.refs import digest
from ketluan.site.search import PlaceRecord, Shard

EXCLUDE_SELECTORS = (".kl-letterhead", ".kl-meta", ".kl-recipients__label", ".headerlink")
"""Repeated chrome inside the document region: its values are indexed as metadata instead."""


KEEP_IN_SHARD = ("pagefind-entry.json", "index", "fragment", "filter", "wasm.unknown.pagefind")
"""Files a shard needs (the wasm too: a shard can be the first index of a query); the UI
bundles and web worker (we search on the main thread) are deleted."""


KEEP_IN_PRIMARY = (*KEEP_IN_SHARD, "pagefind.js")
FRAGMENT_PREFIX = b"pagefind_dcd"
"""What Pagefind writes before the JSON of a fragment (after gzip)."""


BODY = b"data-pagefind-body"
VALUES = (
    "//*[@data-pagefind-meta or @data-pagefind-filter or @data-pagefind-sort"
    " or @data-pagefind-default-meta]"
)
"""Elements whose attribute or text is a value of the index (read in ignored regions too)."""


@functools.cache
def _values() -> Any:
    """``VALUES`` compiled (lxml is imported by the builds that write pages, not the others)."""
    from lxml import etree

    return etree.XPath(VALUES)


def indexed_digest(data: bytes) -> str | None:
    """Digest of what Pagefind reads of the page ``data``, None when it indexes none of it:
    every metadata, filter and sort value (read inside ignored regions too), and the markup
    and text of the ``data-pagefind-body`` regions without the regions marked
    ``data-pagefind-ignore``, with the page's language and title. A superset of what goes
    into the index: pages with the same digest have the same index entry, so a page that
    changed outside it (the documents citing it, the diagram of its relations) is not
    indexed again."""
    if BODY not in data:
        return None
    from lxml import etree, html

    root = html.fromstring(data)
    regions = root.xpath("//*[@data-pagefind-body]")
    if not regions:
        return None
    title = root.find("head/title")
    parts = [root.get("lang") or "", title.text_content() if title is not None else ""]
    parts += [etree.tostring(e, encoding="unicode", with_tail=False) for e in _values()(root)]
    for ignored in root.xpath("//*[@data-pagefind-body]//*[@data-pagefind-ignore]"):
        tail, attributes = ignored.tail, dict(ignored.attrib)
        ignored.clear()  # its values are among the parts already; its text is not indexed
        ignored.tail = tail
        ignored.attrib.update(attributes)
    parts += [etree.tostring(r, encoding="unicode", with_tail=False) for r in regions]
    return digest(*parts)


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message says which shard and what Pagefind printed."""


def pagefind_command(site_dir: Path, output: Path, glob: str | None = None) -> list[str]:
    """The Pagefind CLI call (from the ``pagefind[bin]`` wheel) that indexes the document
    pages of ``site_dir`` (those matching ``glob``) into ``output``."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    if glob is not None:
        command += ["--glob", glob]
    return [
        *command,
        "--output-path",
        str(output),
        "--force-language",
        "vi",
        "--exclude-selectors",
        ", ".join(EXCLUDE_SELECTORS),
    ]


def places_command(source: Path, output: Path) -> list[str]:
    """The Pagefind CLI call that builds one places index from its record pages."""
    return [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(output)]


def build_shards(
    site_dir: Path,
    output: Path,
    shards: list[Shard],
    progress: Callable[[list[Shard]], Iterable[Shard]] = iter,
    log: Callable[[str], None] = lambda message: None,
) -> None:
    """Run Pagefind once per shard over the pages of ``site_dir``, one after another
    (memory is per run), into ``output / shard.path``."""
    for shard in progress(shards):
        started = time.monotonic()
        folder = output / shard.path
        what = f"search shard {shard.name}"
        _run(pagefind_command(site_dir, folder, shard.glob()), folder, what, shard.documents)
        log(
            f"search shard {shard.name}: {shard.documents} documents indexed into "
            f"{shard.path}/ in {time.monotonic() - started:.1f} s"
        )
        _trim(folder, KEEP_IN_PRIMARY if shard.name == "0" else KEEP_IN_SHARD)


def build_pages(site_dir: Path, output: Path, count: int, what: str) -> None:
    """One Pagefind run over every page of ``site_dir`` (the delta's folder of links)."""
    _run(pagefind_command(site_dir, output), output, what, count)
    _trim(output, KEEP_IN_SHARD)


def build_places(
    output: Path,
    place_records: dict[str, list[PlaceRecord]],
    render_record: Callable[[PlaceRecord], str],
    log: Callable[[str], None] = lambda message: None,
) -> None:
    """Build each places index (by its folder under ``output``) from one tiny page per
    document (``render_record``: Pagefind's Python API takes ~0.1 s per custom record,
    its CLI a second for 10,000)."""
    for path, records in sorted(place_records.items()):
        folder = output / path
        with tempfile.TemporaryDirectory(prefix="ketluan-places-") as source:
            for record in records:
                page = Path(source) / record.url.strip("/") / "index.html"
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(render_record(record), encoding="utf-8")
            what = f"the places index {path}"
            _run(places_command(Path(source), folder), folder, what, len(records))
        _trim(folder, KEEP_IN_SHARD)
    if place_records:
        log(f"places indexes: {sum(map(len, place_records.values()))} documents")


def beside(first: Callable[[], None], second: Callable[[], None]) -> None:
    """Run ``first`` here and ``second`` on another thread (the other core: Pagefind is a
    process of its own), and wait for both."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        done = pool.submit(second)
        first()
        done.result()


def page_ids(folder: Path) -> dict[str, str]:
    """URL -> Pagefind page id (``result.id`` in the browser) of every page of an index."""
    found = {}
    for fragment in (folder / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        if data.startswith(FRAGMENT_PREFIX):
            data = data[len(FRAGMENT_PREFIX) :]
        found[json.loads(data)["url"]] = fragment.stem
    return found


def _run(command: list[str], output: Path, what: str, expected: int) -> None:
    """Run one Pagefind build; any failure or miscount raises with Pagefind's output."""
    shutil.rmtree(output, ignore_errors=True)
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
