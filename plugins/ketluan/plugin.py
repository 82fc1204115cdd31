"""The MkDocs plugin: thin event handlers that call the core and ``pages``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from tqdm import tqdm

from .atomic import AtomicOutput
from .corpus import Corpus, load_corpus
from .model import BUILTIN_TYPES, TypeInfo
from .outputs import (
    build_search_index,
    mkdocs_sitemap,
    quiet,
    render_pages,
    sitemap_context,
    write_feeds,
    write_manifests,
    write_sitemap_parts,
)
from .pagecache import PageCache, code_salt
from .pages import (
    SiteOptions,
    SitePlan,
    generated_files,
    is_untrusted,
    page_context,
    page_markdown,
    plan_site,
)
from .problems import ProblemsError
from .sanitize import body_id, clean_body

log = get_plugin_logger(__name__)


class TypeConfig(base.Config):
    """An extra document type declared in mkdocs.yml."""

    label = c.Type(str)
    """Vietnamese name shown on pages, e.g. "Thông báo"."""
    abbr = c.Type(str)
    """Short lowercase code used in URLs of unnumbered documents, e.g. "tb"."""
    news = c.Type(bool, default=False)
    """True for news-like types: no number or signer, an optional author."""


class KetluanConfig(base.Config):
    """Options of the ``ketluan`` plugin in mkdocs.yml."""

    conclusions_dir = c.Type(str, default="conclusions")
    """Folder of conclusion files, relative to mkdocs.yml."""
    page_size = c.Type(int, default=50)
    """Documents per page on every paginated list."""
    home_recent = c.Type(int, default=10)
    """How many of the newest documents the home page lists."""
    feed_size = c.Type(int, default=50)
    """How many of the newest documents each Atom feed lists."""
    extra_types = c.DictOfItems(c.SubConfig(TypeConfig), default={})
    """More document types, keyed by the slug used in front matter."""
    search = c.Type(bool, default=True)
    """Build the Pagefind search index, the header search box and the /tra-cuu/ page."""
    search_shard_size = c.Type(int, default=2000)
    """Most documents per Pagefind index shard: Pagefind's memory grows with one index's
    size (about 0.45 GB per 1,000 documents of 3-25 KB), so the corpus is split and the
    shards merged in the browser (see BENCHMARKS.md)."""
    cache = c.Type(bool, default=True)
    """Keep rendered pages, bodies, search shards and search data between builds and reuse
    those whose inputs are unchanged (see README, "Build cache")."""
    cache_dir = c.Type(str, default=".cache/ketluan")
    """Folder of the build cache, relative to mkdocs.yml."""
    jobs = c.Type(int, default=0)
    """Processes rendering pages; 0: one per core this build may use."""


class KetluanPlugin(BasePlugin[KetluanConfig]):
    """Compile ``conclusions/`` into document pages, lists and the open-data manifest."""

    def __init__(self) -> None:
        self.plan = SitePlan()
        self.corpus = Corpus([])
        self.command: str | None = None
        self.output: AtomicOutput | None = None
        self.complete = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.jobs < 0:
            raise PluginError(
                f"ketluan: jobs must be 0 (one per core) or more, got {self.config.jobs}. "
                "Set e.g. 'jobs: 2' in mkdocs.yml."
            )
        for name in ("page_size", "home_recent", "feed_size", "search_shard_size"):
            if self.config[name] < 1:
                raise PluginError(
                    f"ketluan: {name} must be at least 1, got "
                    f"{self.config[name]}. Set e.g. '{name}: 50' in mkdocs.yml."
                )
        self.types = dict(BUILTIN_TYPES)
        for slug, extra in self.config.extra_types.items():
            self.types[slug] = TypeInfo(slug, extra.label, extra.abbr, extra.news)
        self.project = Path(config.config_file_path).parent
        self.cache = PageCache(self.project / self.config.cache_dir) if self.config.cache else None
        if self.command == "build":  # serve writes to its own temp dir; gh-deploy pushes it
            self.output = AtomicOutput.begin(Path(config.site_dir))
            config.site_dir = str(self.output.staging)
        self.complete = False
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        try:
            corpus = load_corpus(
                self.project,
                self.config.conclusions_dir,
                self.types,
                progress=lambda paths: tqdm(
                    paths, desc="ketluan: reading", unit=" doc", disable=quiet(), leave=False
                ),
            )
        except ProblemsError as exc:
            raise PluginError(str(exc)) from None
        log.info("%d documents read from %s", len(corpus.documents), self.config.conclusions_dir)
        self.corpus = corpus
        self.plan = plan_site(
            corpus,
            SiteOptions(
                page_size=self.config.page_size,
                home_recent=self.config.home_recent,
                base_url=config.site_url or "/",
                feed_size=self.config.feed_size,
                search_shard_size=self.config.search_shard_size if self.config.search else None,
                known=self.cache.load("analysis", code_salt()) if self.cache else None,
            ),
        )
        for file in generated_files(self.plan, config):
            files.append(file)
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_page_markdown(self, markdown: str, page: Page, **kwargs: Any) -> str:
        generated = page_markdown(self.plan, page)
        return markdown if generated is None else generated

    def on_page_content(self, html: str, page: Page, **kwargs: Any) -> str:
        if not is_untrusted(self.plan, page):
            return html
        links = list(page.toc)
        while links:  # the table of contents follows the body's namespaced ids
            link = links.pop()
            link.id = body_id(link.id)
            links.extend(link.children)
        return clean_body(html)

    def on_template_context(
        self, context: dict[str, Any], template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        if template_name == "sitemap.xml":
            context.update(sitemap_context(self.plan, config, mkdocs_sitemap(self.files)))
        return context

    def on_page_context(self, context: dict[str, Any], page: Page, **kwargs: Any) -> dict[str, Any]:
        return page_context(self.plan, page, context)

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        self.env, self.files = env, files
        return env

    def on_post_build(self, config: MkDocsConfig) -> None:
        jobs = self.config.jobs
        state = render_pages(self.plan, config, self.env, self.nav, self.cache, jobs, log.info)
        write_feeds(self.plan, self.env, config)
        write_sitemap_parts(self.plan, self.env, config, mkdocs_sitemap(self.files))
        write_manifests(self.plan, self.corpus, config)
        build_search_index(self.plan, self.corpus, self.env, config, log.info, state)
        if state:
            state.cache.save("analysis", code_salt(), self.plan.known)
            state.sweep()
        self.complete = True

    def on_build_error(self, *, error: Exception) -> None:
        self.complete = False
        if self.output:
            self.output.discard()

    def on_shutdown(self) -> None:
        # Strict-mode warnings abort the build after on_post_build, so publish only here,
        # once MkDocs has finished without error.
        if self.output and self.complete:
            self.output.publish()
        self.output = None
