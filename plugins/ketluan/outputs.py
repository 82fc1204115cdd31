"""What a build writes after MkDocs' own pages: the generated pages, feeds, open-data
manifests and the search index. Runs in ``on_post_build``, into the staging folder."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from tqdm import tqdm

from .collisions import Claim
from .corpus import Corpus
from .feeds import atom_time, entry_id
from .fingerprint import Fingerprinter
from .manifest import documents_manifest, resolutions_manifest
from .model import Document
from .pagecache import PageCache, code_salt
from .pages import SitePlan
from .render import (
    PageError,
    Renderer,
    cache_keys,
    default_jobs,
    page_templates,
    render_all,
    salt,
    template_digests,
)
from .search import PAGEFIND_DIR, PLACE_RECORD_TEMPLATE, PLACES_DIR, SHARDS_DIR, SearchPlan
from .search_build import Reuse, SearchIndexError, build_index


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
    log: Callable[[str], None],
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


@dataclass
class CacheState:
    """The cache of this build: its folder, salt and the key of every generated page."""

    cache: PageCache
    salt: str
    keys: dict[str, tuple[str, str | None]]
    search_keys: set[str] = field(default_factory=set)

    def search_reuse(
        self, search: SearchPlan, documents: list[Document], records: dict[int, list[Any]]
    ) -> Reuse:
        """Keys of the search index folders: a shard's covers the keys of its pages (so
        their HTML); a places index's its records and the salt (template included)."""
        fp = Fingerprinter()
        keys = {
            path: fp.hexdigest("pagefind", [self.keys[d.url + "index.md"][0] for d in docs])
            for path, docs in search.shard_documents(documents).items()
        }
        for index, shard_records in records.items():
            keys[f"{PLACES_DIR}/{index}"] = fp.hexdigest("places", self.salt, shard_records)
        self.search_keys = set(keys.values())
        return Reuse(self.cache, keys)

    def sweep(self) -> None:
        """Drop the entries no page, body or index folder of this build uses."""
        self.cache.sweep("pages", (page for page, _ in self.keys.values()))
        self.cache.sweep("bodies", (body for _, body in self.keys.values() if body))
        self.cache.sweep("search", self.search_keys)
        self.cache.sweep("analysis", [code_salt()])


SITEMAP_LIMIT = 50_000
"""Most URLs in one sitemap file (sitemaps.org); a bigger site gets a sitemap index."""
SITEMAP_PARTS = "sitemaps/{}.xml"
"""Where the parts of a sitemap index go, numbered from 1."""


def sitemap_entries(plan: SitePlan, config: MkDocsConfig) -> list[tuple[str, str]]:
    """(URL, last modified) of every page ``render_pages`` writes, for sitemap.xml."""
    base = config.site_url or "/"
    return [
        (urljoin(base, src.removesuffix("index.md")), page.updated or plan.updated)
        for src, page in plan.pages.items()
        if not page.in_nav
    ]


def sitemap_context(
    plan: SitePlan, config: MkDocsConfig, mkdocs_pages: list[tuple[str, str]]
) -> dict[str, Any]:
    """What templates/sitemap.xml needs: the generated pages' entries when everything fits
    in one sitemap; else the URLs of the parts of a sitemap index (``write_sitemap_parts``),
    the pages MkDocs rendered (``mkdocs_sitemap``) going into the first part."""
    entries = sitemap_entries(plan, config)
    if len(mkdocs_pages) + len(entries) <= SITEMAP_LIMIT:
        return {"kl_sitemap": entries, "kl_sitemap_parts": None}
    base = config.site_url or "/"
    count = -(-(len(mkdocs_pages) + len(entries)) // SITEMAP_LIMIT)
    parts = [urljoin(base, SITEMAP_PARTS.format(n)) for n in range(1, count + 1)]
    return {"kl_sitemap": None, "kl_sitemap_parts": [(url, plan.updated) for url in parts]}


def mkdocs_sitemap(files: Files) -> list[tuple[str, str]]:
    """(URL, last modified) of the pages MkDocs renders, as its sitemap template lists them."""
    pages = [file.page for file in files.documentation_pages() if file.page is not None]
    return [
        (page.canonical_url or page.abs_url or "", page.update_date)
        for page in pages
        if not page.is_link and (page.canonical_url or page.abs_url)
    ]


def write_sitemap_parts(
    plan: SitePlan, env: Environment, config: MkDocsConfig, mkdocs_pages: list[tuple[str, str]]
) -> None:
    """The parts of a sitemap index (see ``sitemap_context``), with templates/kl-sitemap.html."""
    entries = mkdocs_pages + sitemap_entries(plan, config)
    if len(entries) <= SITEMAP_LIMIT:
        return
    template = env.get_template("kl-sitemap.html")
    for number, start in enumerate(range(0, len(entries), SITEMAP_LIMIT), start=1):
        target = Path(config.site_dir) / SITEMAP_PARTS.format(number)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = template.render(entries=entries[start : start + SITEMAP_LIMIT])
        target.write_text(text.strip() + "\n", encoding="utf-8")


def write_feeds(plan: SitePlan, env: Environment, config: MkDocsConfig) -> None:
    """Render every planned Atom feed with ``templates/atom.html`` into the site."""
    template = env.get_template("atom.html")
    for feed in plan.feeds:
        text = template.render(feed=feed, config=config, entry_id=entry_id, atom_time=atom_time)
        target = Path(config.site_dir) / feed.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text.strip() + "\n", encoding="utf-8")


DOCUMENTS_MANIFEST = "api/documents.json"
RESOLUTIONS_MANIFEST = "api/resolutions.json"


def write_manifests(plan: SitePlan, corpus: Corpus, config: MkDocsConfig) -> None:
    """``api/documents.json`` and ``api/resolutions.json`` (docs/du-lieu-mo.md)."""
    base_url = config.site_url or "/"
    site = Path(config.site_dir)
    (site / DOCUMENTS_MANIFEST).parent.mkdir(parents=True, exist_ok=True)
    citations = plan.citations
    documents = corpus.documents
    (site / DOCUMENTS_MANIFEST).write_text(
        documents_manifest(documents, base_url, citations), encoding="utf-8"
    )
    (site / RESOLUTIONS_MANIFEST).write_text(
        resolutions_manifest(documents, base_url, citations), encoding="utf-8"
    )


def build_search_index(
    plan: SitePlan,
    corpus: Corpus,
    env: Environment,
    config: MkDocsConfig,
    log: Callable[[str], None],
    state: CacheState | None = None,
) -> None:
    """Run Pagefind over the written pages when search is on, reusing the shards of an
    earlier build whose pages are unchanged; a failure fails the build."""
    search: SearchPlan | None = plan.search
    if search is None:
        return
    record_page = env.get_template(PLACE_RECORD_TEMPLATE)
    records = search.place_records(corpus.documents)
    reuse = state.search_reuse(search, corpus.documents, records) if state else None
    try:
        build_index(
            Path(config.site_dir),
            search.shards,
            search.places_manifest(corpus.documents),
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


def output_claims(plan: SitePlan, mkdocs_pages: int) -> list[Claim]:
    """Every path this build writes besides MkDocs' files (``collisions``): the planned
    pages, feeds, manifests, sitemap parts and search index folders. ``mkdocs_pages``: the
    pages MkDocs renders (the sitemap index counts them too)."""
    claims = [Claim(src.removesuffix(".md") + ".html", p.origin()) for src, p in plan.pages.items()]
    claims += [Claim(feed.path, f"the Atom feed '{feed.title}'") for feed in plan.feeds]
    claims.append(Claim(DOCUMENTS_MANIFEST, "the open-data manifest of the documents"))
    claims.append(Claim(RESOLUTIONS_MANIFEST, "the open-data manifest of cited documents"))
    total = mkdocs_pages + sum(1 for page in plan.pages.values() if not page.in_nav)
    if total > SITEMAP_LIMIT:
        parts = range(1, -(-total // SITEMAP_LIMIT) + 1)
        claims += [Claim(SITEMAP_PARTS.format(n), "a part of the sitemap index") for n in parts]
    if plan.search is not None:
        for folder in (PAGEFIND_DIR, SHARDS_DIR, PLACES_DIR):
            claims.append(Claim(folder, "the search index (rebuilt whole)", tree=True))
    return claims


def mkdocs_claims(files: Files, project: Path) -> list[Claim]:
    """The outputs of the files MkDocs writes (hand-written pages, assets, theme files),
    each named by its file relative to the project."""
    claims = []
    for file in files:
        if not file.inclusion.is_included():
            continue
        if file.generated_by:
            source, handwritten = f"a file added by {file.generated_by}", False
        else:
            source, handwritten = _shown(Path(file.abs_src_path or file.src_uri), project), True
        claims.append(Claim(file.dest_uri, source, handwritten=handwritten))
    return claims


def _shown(path: Path, project: Path) -> str:
    """``path`` relative to the project when inside it (``docs/a.md``), else absolute."""
    return path.relative_to(project).as_posix() if path.is_relative_to(project) else str(path)


def unwritten(plan: SitePlan, files: Files, site_dir: Path) -> list[str]:
    """Site-relative paths this build wrote and that are missing from ``site_dir`` now: a
    site missing any of them is never published."""
    expected = [file.dest_uri for file in files if file.inclusion.is_included()]
    expected += [src.removesuffix(".md") + ".html" for src in plan.pages]
    expected += [feed.path for feed in plan.feeds]
    expected += [DOCUMENTS_MANIFEST, RESOLUTIONS_MANIFEST]
    if plan.search is not None:
        expected += [f"{shard.path}/pagefind-entry.json" for shard in plan.search.shards]
    return [path for path in expected if not (site_dir / path).is_file()]
