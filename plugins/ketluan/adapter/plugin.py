"""The MkDocs plugin: event handlers that run the build's phases and hand MkDocs what it
renders itself (``ketluan.pipeline`` for the pure phases, ``outputs`` for the rest)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from tqdm import tqdm

from ketluan import pipeline
from ketluan.adapter import outputs
from ketluan.adapter.bridge import (
    generated_files,
    is_untrusted,
    page_context,
    page_markdown,
    theme_loader,
)
from ketluan.adapter.config import KetluanConfig
from ketluan.build.cache.keys import AnalysisMemo
from ketluan.build.cache.store import PageCache
from ketluan.build.publish import AtomicOutput
from ketluan.build.sanitize import clean_body
from ketluan.core.problems import ProblemsError
from ketluan.site import sitemap, urls
from ketluan.site.indexes import SiteIndexes
from ketluan.site.pages import SitePlan
from ketluan.site.plan import SiteOptions

log = get_plugin_logger(__name__)


class KetluanPlugin(BasePlugin[KetluanConfig]):
    """Compile ``conclusions/`` into document pages, lists and the open-data manifest."""

    def __init__(self) -> None:
        self.command: str | None = None
        self.output: AtomicOutput | None = None
        self.complete = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.types = self.config.types()
        self.project = Path(config.config_file_path).parent
        self.cache = PageCache(self.project / self.config.cache_dir) if self.config.cache else None
        if self.command == "build":  # serve writes to its own temp dir; gh-deploy pushes it
            self.output = AtomicOutput.begin(Path(config.site_dir))
            config.site_dir = str(self.output.staging)
        self.complete = False
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """The read, validate, model, cite, index and plan phases."""
        progress = lambda paths: tqdm(  # noqa: E731
            paths, desc="ketluan: reading", unit=" doc", disable=outputs.quiet(), leave=False
        )
        try:
            corpus = pipeline.read(self.project, self.config.conclusions_dir, self.types, progress)
        except ProblemsError as exc:
            raise PluginError(str(exc)) from None
        log.info("%d documents read from %s", len(corpus.documents), self.config.conclusions_dir)
        self.analysis = pipeline.analyse(corpus)
        self.memo = AnalysisMemo(self.cache)
        shards = self.config.search_shard_size if self.config.search else None
        self.indexes: SiteIndexes = pipeline.index(self.analysis, shards, self.memo)
        options = SiteOptions(
            page_size=self.config.page_size,
            home_recent=self.config.home_recent,
            base_url=config.site_url or "/",
            feed_size=self.config.feed_size,
        )
        self.plan: SitePlan = pipeline.plan(self.analysis, self.indexes, options)
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
        return clean_body(html) if is_untrusted(self.plan, page) else html

    def on_template_context(
        self, context: dict[str, Any], template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        if template_name == "sitemap.xml":
            pages = outputs.mkdocs_sitemap(self.files)
            context.update(sitemap.sitemap_context(self.plan, config.site_url or "/", pages))
        return context

    def on_page_context(self, context: dict[str, Any], page: Page, **kwargs: Any) -> dict[str, Any]:
        return page_context(self.plan, page, context)

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        self.env, self.files = env, files
        env.filters["kl_url"] = urls.of
        theme_loader(env)
        return env

    def on_post_build(self, config: MkDocsConfig) -> None:
        """The render, write and index phases."""
        state = outputs.render_pages(
            self.plan, config, self.env, self.nav, self.cache, self.config.jobs, log.info
        )
        outputs.write_feeds(self.plan, self.env, config)
        outputs.write_sitemap_parts(self.plan, self.env, config, outputs.mkdocs_sitemap(self.files))
        outputs.write_manifests(self.analysis, self.indexes, config)
        outputs.build_search_index(self.plan, self.analysis, self.env, config, log.info, state)
        if state:
            self.memo.save()
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
