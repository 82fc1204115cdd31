"""The render, write and index phases: what a build writes after MkDocs' own pages (the
generated pages, feeds, sitemap parts, open-data manifests, the search index). Runs in
``on_post_build``, into the staging folder."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from tqdm import tqdm

from ketluan.adapter.render import PageError, Renderer, default_jobs, render_all
from ketluan.build.cache.keys import CacheState, cache_keys, page_templates, salt, template_digests
from ketluan.build.cache.store import PageCache
from ketluan.build.pagefind import SearchIndexError, build_index
from ketluan.pipeline import Analysis
from ketluan.site import sitemap, urls
from ketluan.site.feeds import atom_time, entry_id
from ketluan.site.indexes import SiteIndexes
from ketluan.site.manifest import documents_manifest, resolutions_manifest
from ketluan.site.pages import SitePlan
from ketluan.site.search import PLACE_RECORD_TEMPLATE

Log = Callable[[str], None]


def quiet() -> bool:
    """True under ``mkdocs build -q``: no progress bars."""
    return logging.getLogger("mkdocs").getEffectiveLevel() > logging.INFO


def render_pages(
    plan: SitePlan,
    config: MkDocsConfig,
    env: Environment,
    nav: Navigation,
    cache: PageCache | None,
    jobs: int,
    log: Log,
) -> CacheState | None:
    """Render every generated page outside the navigation (``render``), reusing ``cache``
    when there is one, on ``jobs`` processes (0: one per core). Returns what the search
    index and the end of the build need of the cache (None without one)."""
    started = time.monotonic()
    sources = [src for src, page in plan.pages.items() if not page.in_nav]
    state = None
    if cache:
        templates = page_templates(plan)
        build_salt = salt(config, nav, templates)
        keys = cache_keys(plan, sources, build_salt, template_digests(env, templates))
        state = CacheState(cache, build_salt, keys)
    renderer = Renderer(plan, config, env, nav, cache, state.keys if state else {})
    jobs = jobs or default_jobs()
    with tqdm(
        total=len(sources), desc="ketluan: rendering", unit=" page", disable=quiet(), leave=False
    ) as bar:
        try:
            stats = render_all(renderer, sources, jobs, bar.update)
        except PageError as exc:
            raise PluginError(f"ketluan: {exc}") from None
    log(
        f"{len(sources)} pages written in {time.monotonic() - started:.1f} s "
        f"({stats.rendered} rendered, {stats.cached} unchanged from the cache, {jobs} processes)"
    )
    return state


def mkdocs_sitemap(files: Files) -> list[sitemap.Entry]:
    """(URL, last modified) of the pages MkDocs renders, as its sitemap template lists them."""
    pages = [file.page for file in files.documentation_pages() if file.page is not None]
    return [
        (page.canonical_url or page.abs_url or "", page.update_date)
        for page in pages
        if not page.is_link and (page.canonical_url or page.abs_url)
    ]


def write_sitemap_parts(
    plan: SitePlan, env: Environment, config: MkDocsConfig, mkdocs_pages: list[sitemap.Entry]
) -> None:
    """The parts of a sitemap index (``site.sitemap``), with fragments/sitemap-part.html."""
    template = env.get_template("fragments/sitemap-part.html")
    for path, entries in sitemap.parts(plan, config.site_url or "/", mkdocs_pages):
        _write(config, path, template.render(entries=entries).strip() + "\n")


def write_feeds(plan: SitePlan, env: Environment, config: MkDocsConfig) -> None:
    """Render every planned Atom feed with ``templates/fragments/atom.html`` into the site."""
    template = env.get_template("fragments/atom.html")
    for feed in plan.feeds:
        text = template.render(feed=feed, config=config, entry_id=entry_id, atom_time=atom_time)
        _write(config, feed.path, text.strip() + "\n")


def write_task_outputs(plan: SitePlan, env: Environment, config: MkDocsConfig) -> None:
    """The agencies' Atom feeds (``templates/fragments/tasks-atom.html``), their calendars
    and ``api/tasks.json`` (planned as text by ``site.task_feeds``)."""
    template = env.get_template("fragments/tasks-atom.html")
    for feed in plan.task_feeds:
        text = template.render(feed=feed, config=config, atom_time=atom_time)
        _write(config, feed.path, text.strip() + "\n")
    for path, text in plan.files.items():
        _write(config, path, text)


def write_manifests(analysis: Analysis, indexes: SiteIndexes, config: MkDocsConfig) -> None:
    """``api/documents.json`` and ``api/resolutions.json`` (docs/du-lieu-mo.md)."""
    base_url = config.site_url or "/"
    citations, where, relations = indexes.citations, indexes.cited_urls, indexes.relations
    documents = analysis.corpus.documents
    manifest = documents_manifest(documents, base_url, citations, where, relations)
    _write(config, urls.DOCUMENTS_JSON, manifest)
    manifest = resolutions_manifest(base_url, citations, where, relations)
    _write(config, urls.RESOLUTIONS_JSON, manifest)


def _write(config: MkDocsConfig, path: str, text: str) -> None:
    target = Path(config.site_dir) / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def build_search_index(
    plan: SitePlan,
    analysis: Analysis,
    env: Environment,
    config: MkDocsConfig,
    log: Log,
    state: CacheState | None = None,
) -> None:
    """Run Pagefind over the written pages when search is on, reusing the shards of an
    earlier build whose pages are unchanged; a failure fails the build."""
    search = plan.search
    if search is None:
        return
    documents = analysis.corpus.documents
    record_page = env.get_template(PLACE_RECORD_TEMPLATE)
    records = search.place_records(documents)
    reuse = state.search_reuse(search, documents, records) if state else None
    try:
        build_index(
            Path(config.site_dir),
            search.shards,
            search.places_manifest(documents),
            records,
            lambda record: record_page.render(record=record),
            progress=lambda shards: tqdm(
                shards, desc="ketluan: search index", unit=" shard", disable=quiet()
            ),
            log=log,
            reuse=reuse,
        )
    except SearchIndexError as exc:
        raise PluginError(f"ketluan: {exc}") from None
