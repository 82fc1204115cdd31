"""The index phase: the search index of the documents whose pages changed, as a delta
(``ketluan.build.searchstate``), or whole shards in a cold build or a compaction.

Pagefind reads the pages it indexes from a folder: the staging folder in a cold build;
otherwise a temporary folder of hard links to the pages of the documents concerned, each
taken from the staging folder when this build rendered it, else from the published site.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from tqdm import tqdm

from ketluan.adapter.engine import Engine
from ketluan.adapter.outputs import quiet, write_file
from ketluan.build.incremental import Mode
from ketluan.build.pagefind import (
    SearchIndexError,
    beside,
    build_pages,
    build_places,
    build_shards,
    page_ids,
)
from ketluan.build.publish import Output
from ketluan.build.refs import digest, dumps
from ketluan.build.searchstate import DELTA, Entry, SearchState
from ketluan.build.treefiles import link_or_copy
from ketluan.core.model import Document
from ketluan.site import urls
from ketluan.site.search import PLACE_RECORD_TEMPLATE, PLACES_FILE, place_record

SEARCH = "search"
"""State key (per target): the ``SearchState`` of the published index."""
MANIFEST = f"{urls.PAGEFIND}/{PLACES_FILE}"
COMPACT_FLOOR = 8
"""A delta of at most this many documents never forces a compaction (whatever the shard
size); beyond it, a planned build compacts when the delta, once entries identical to the
shards' are dropped, outgrows a quarter of a shard (or its candidates exceed a shard)."""


def build_search(engine: Engine, env: Environment, config: MkDocsConfig, log) -> None:
    """Index what changed (or everything), write the places manifest when it changed."""
    if engine.mode is Mode.NONE and engine.options.search and engine.has_stored(SEARCH):
        return  # (the published index's state is 8 MB at 10,000 documents: not read)
    published = engine.stored(SEARCH) if engine.mode is not Mode.COLD else None
    if not engine.options.search:
        if published is not None:
            engine.changes.removed |= set(_folders(published)) | {MANIFEST}
            engine.meta[SEARCH] = None
        return
    state: SearchState = published or SearchState()
    current = _current(engine, state)
    delta = state.changed(current)
    site = Path(config.site_dir)
    template = env.get_template(PLACE_RECORD_TEMPLATE)
    record_page = lambda record: template.render(record=record)  # noqa: E731
    threshold = max(COMPACT_FLOOR, engine.options.search_shard_size // 4)
    full = engine.mode is Mode.COLD or not state.shards
    full = full or (engine.mode is Mode.PLAN and len(delta) > engine.options.search_shard_size)
    try:  # a delta up to one shard is indexed first: entries identical to the shards' drop out
        if not full and not state.same_delta(delta):
            narrowed = _delta(engine, site, delta, state, record_page)
            full = engine.mode is Mode.PLAN and len(narrowed.delta) > threshold
            if full:  # compacted below: the delta just written is not published
                _drop_delta(engine, site)
            else:
                state = narrowed
                log(f"search: {len(state.delta)} documents in the delta index, shards unchanged")
        if full and engine.plan is not None and engine.plan.search is not None:
            state = _rebuild(engine, site, current, state, record_page, log)
    except SearchIndexError as exc:
        raise PluginError(f"ketluan: {exc}") from None
    state.live = set(current)
    engine.meta[SEARCH] = state
    if not state.shards and not state.delta:  # no document: no index, no manifest
        if engine.stored_key(MANIFEST) is not None:
            engine.changes.removed.add(MANIFEST)
        return
    text = json.dumps(state.manifest(current), ensure_ascii=False)
    key = digest(text)
    if engine.stored_key(MANIFEST) != key:
        write_file(engine, config, MANIFEST, text.encode("utf-8"), Output(SEARCH, key))


def _folders(state: SearchState) -> list[str]:
    """The index folders a search state publishes."""
    found = [*state.shards, *(f"{urls.SEARCH_PLACES}/{n}" for n in range(len(state.shards)))]
    if state.delta:
        found += [urls.SEARCH_DELTA, urls.SEARCH_PLACES_DELTA]
    return found


def _current(engine: Engine, state: SearchState) -> dict[str, Entry]:
    """Every document as the index must hold it now."""
    if engine.mode is Mode.LOCAL:
        found = {
            url: entry
            for url, entry in {**state.base, **state.delta}.items()
            if state.live is None or url in state.live
        }
        for source in engine.sources.changed if engine.sources else ():
            doc = engine.refs.document(source)
            url = f"/{urls.document(doc)}"
            page = urls.document(doc) + "index.html"
            named = list(filter(None, (engine.sources.current[source][3] or "").split("\n")))
            # a local change keeps the document's fields, citations, relations and tasks,
            # so its filters (status and tasks included) are those indexed before
            found[url] = _entry(engine, doc, named, page, found[url].facets)
        return found
    assert engine.built is not None and engine.indexes is not None
    search = engine.indexes.search
    assert search is not None
    found = {}
    for doc in engine.built.corpus.documents:
        page = urls.document(doc) + "index.html"
        named = engine.built.named[doc.source]
        found[f"/{urls.document(doc)}"] = _entry(engine, doc, named, page, search.facets(doc))
    return found


def _entry(
    engine: Engine, doc: Document, named: list[str], page: str, filters: dict[str, list[str]]
) -> Entry:
    record = place_record(doc, named, filters) if named else None
    key = engine.indexed_digest(page)
    places_key = digest(dumps(record))
    return Entry(DELTA, key, places_key, filters, sorted(named), page, record)


def _links(engine: Engine, site: Path, pages: list[str], folder: Path) -> None:
    """Hard links in ``folder`` to ``pages``: rendered by this build, else published."""
    for page in pages:
        source = site / page
        if not source.is_file():
            source = engine.trees.target / page
        target = folder / page
        target.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(source, target)


def _delta(engine: Engine, site: Path, delta: dict[str, Entry], state: SearchState, render):
    """Index the documents of ``delta`` into the delta index and its places index. A
    document whose entries come out identical to its shard's (its indexed region changed
    where Pagefind reads nothing: an excluded selector, a link's target) is not in the
    delta: its shard's entry stays live."""
    new = SearchState(state.shards, dict(state.base), {})
    while delta:
        ids, place_ids = _index_delta(engine, site, delta, render)
        same = {
            url
            for url in delta
            if url in new.base
            and (ids[url], place_ids.get(url, ""))
            == (new.base[url].page_id, new.base[url].place_id)
        }
        for url in same:
            new.base[url] = replace(
                new.base[url], key=delta[url].key, places_key=delta[url].places_key
            )
        if not same:
            for url, entry in delta.items():
                entry.page_id, entry.place_id = ids[url], place_ids.get(url, "")
            new.delta = delta
            break
        delta = {url: entry for url, entry in delta.items() if url not in same}
    folders = (urls.SEARCH_DELTA, urls.SEARCH_PLACES_DELTA)
    if new.delta:
        for folder in folders:
            key = digest(folder, *sorted(f"{u}={e.key}/{e.places_key}" for u, e in delta.items()))
            engine.changes.written[folder] = Output(SEARCH, key, key, tree=True)
    else:
        for folder in folders:
            shutil.rmtree(site / folder, ignore_errors=True)
        if state.delta:
            engine.changes.removed |= set(folders)
    return new


def _drop_delta(engine: Engine, site: Path) -> None:
    """Take the delta index this build wrote out of the staging folder and its outputs."""
    for folder in (urls.SEARCH_DELTA, urls.SEARCH_PLACES_DELTA):
        engine.changes.written.pop(folder, None)
        shutil.rmtree(site / folder, ignore_errors=True)


def _index_delta(
    engine: Engine, site: Path, delta: dict[str, Entry], render
) -> tuple[dict[str, str], dict[str, str]]:
    """Run Pagefind on the documents of ``delta``; their page ids in both indexes."""
    with tempfile.TemporaryDirectory(dir=site.parent, prefix=".ketluan-search-") as tmp:
        _links(engine, site, [e.page for e in delta.values()], Path(tmp))
        named = [e.record for e in delta.values() if e.record]
        records = {urls.SEARCH_PLACES_DELTA: named} if named else {}
        (site / urls.SEARCH_PLACES_DELTA).mkdir(parents=True, exist_ok=True)  # none: empty
        output = site / urls.SEARCH_DELTA
        beside(
            lambda: build_pages(Path(tmp), output, len(delta), "the search delta"),
            lambda: build_places(site, records, render),  # type: ignore[arg-type]
        )
    return page_ids(output), page_ids(site / urls.SEARCH_PLACES_DELTA)


def _rebuild(
    engine: Engine, site: Path, current: dict[str, Entry], state: SearchState, render, log
):
    """Every shard and places index anew (a cold build, or the delta compacted)."""
    plan = engine.plan.search  # type: ignore[union-attr]
    assert plan is not None and engine.built is not None
    documents = engine.built.corpus.documents
    records = {
        f"{urls.SEARCH_PLACES}/{n}": found for n, found in plan.place_records(documents).items()
    }
    bar = lambda shards: tqdm(shards, desc="ketluan: search index", unit=" shard", disable=quiet())  # noqa: E731
    with tempfile.TemporaryDirectory(dir=site.parent, prefix=".ketluan-search-") as tmp:
        pages = site
        if engine.mode is not Mode.COLD:
            pages = Path(tmp)
            _links(engine, site, [e.page for e in current.values()], pages)
        beside(
            lambda: build_shards(pages, site, plan.shards, bar, log),
            lambda: build_places(site, records, render, log),
        )
    new = SearchState([shard.path for shard in plan.shards])
    for number, shard in enumerate(plan.shards):
        ids = page_ids(site / shard.path)
        place_ids = page_ids(site / urls.SEARCH_PLACES / str(number))
        for url in ids:
            entry = current[url]
            entry.shard, entry.page_id = number, ids[url]
            entry.place_id = place_ids.get(url, "")  # a document naming no place has none
            entry.record = None
            new.base[url] = entry
    written = set(_folders(new))
    for folder in written:
        key = digest(folder, *sorted(f"{u}={e.key}/{e.places_key}" for u, e in current.items()))
        engine.changes.written[folder] = Output(SEARCH, key, key, tree=True)
    engine.changes.removed |= set(_folders(state)) - written
    return new
