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
from ketluan.adapter.claims import mkdocs_claims, output_claims, unwritten
from ketluan.adapter.config import KetluanConfig
from ketluan.adapter.theme import material_config
from ketluan.build.cache.keys import AnalysisMemo
from ketluan.build.cache.localcode import local_code_digest
from ketluan.build.cache.store import CacheFolderError, PageCache
from ketluan.build.collisions import CollisionError, check_collisions
from ketluan.build.compact import compact_html
from ketluan.build.folders import Folder, cache_folder, misplaced, project_folders, site_folder
from ketluan.build.publish import AtomicOutput, OutputError
from ketluan.build.sanitize import body_id, clean_body
from ketluan.core.problems import ProblemsError
from ketluan.site import sitemap, urls
from ketluan.site.indexes import SiteIndexes
from ketluan.site.pages import PageConflict, SitePlan
from ketluan.site.plan import SiteOptions

log = get_plugin_logger(__name__)


class KetluanPlugin(BasePlugin[KetluanConfig]):
    """Compile ``conclusions/`` into document pages, lists and the open-data manifest."""

    def __init__(self) -> None:
        self.command: str | None = None
        self.output: AtomicOutput | None = None
        self.cache: PageCache | None = None
        self.complete = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.types = self.config.types()
        self.project = Path(config.config_file_path).parent
        self._finish()  # `serve --clean` starts a build before the last one shut down
        self._check_folders(config)
        self.cache = None
        try:
            self._begin(config)
        except OutputError as exc:
            raise PluginError(f"ketluan: {exc}") from None
        except CacheFolderError as exc:
            raise PluginError(
                f"ketluan: cache_dir: {exc}. The build deletes old entries in its cache folder, "
                "so it uses only a folder of its own: write e.g. 'cache_dir: .cache/ketluan' "
                "in mkdocs.yml (or 'cache: false')."
            ) from None
        except OSError as exc:
            raise PluginError(
                f"ketluan: cache_dir: cannot write the build cache: {exc.strerror}: "
                f"{exc.filename}. Make it writable by this user, set cache_dir to a folder you "
                "can write, or write 'cache: false' in mkdocs.yml."
            ) from None
        self.complete = False
        return config

    def _begin(self, config: MkDocsConfig) -> None:
        """Lock and stage the output (``build``; serve writes to its own temp dir), and lock
        the cache."""
        if self.command == "build":
            self.output = AtomicOutput.begin(Path(config.site_dir), log.info)
            config.site_dir = str(self.output.staging)
        if self.config.cache:
            self.cache = PageCache.claim(self.project / self.config.cache_dir)
            self.cache.lock.acquire(log.info)
            # Read extension and hook code now, as close as can be to when MkDocs loaded
            # it: the cache key must describe the code that runs (``localcode``).
            local_code_digest(config, self.project)

    def _check_folders(self, config: MkDocsConfig) -> None:
        """Refuse a site_dir or cache_dir that is, holds or lies in the project's sources."""
        custom = config.theme.custom_dir
        folders = project_folders(
            self.project,
            Path(config.docs_dir),
            self.project / self.config.conclusions_dir,
            Path(custom) if custom else None,
        )
        site = Path(config.site_dir)
        shown = site.relative_to(self.project) if site.is_relative_to(self.project) else site
        problems = misplaced(site_folder(shown.as_posix(), site), folders)
        if self.config.cache:
            cache = cache_folder(self.config.cache_dir, self.project / self.config.cache_dir)
            problems += misplaced(cache, [*folders, Folder(site, "site_dir (the built site)")])
        if problems:
            raise PluginError("ketluan: " + "\nketluan: ".join(problems))

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """The read, validate, model, cite, index and plan phases."""
        progress = lambda paths: tqdm(  # noqa: E731
            paths, desc="ketluan: reading", unit=" doc", disable=outputs.quiet(), leave=False
        )
        try:
            corpus = pipeline.read(self.project, self.config.conclusions_dir, self.types, progress)
            log.info(
                "%d documents read from %s", len(corpus.documents), self.config.conclusions_dir
            )
            self.analysis = pipeline.analyse(corpus)
        except ProblemsError as exc:
            raise PluginError(str(exc)) from None
        for note in sorted(self.analysis.relations.notes):
            log.info("%s", note)
        self.memo = AnalysisMemo(self.cache)
        shards = self.config.search_shard_size if self.config.search else None
        self.indexes: SiteIndexes = pipeline.index(self.analysis, shards, self.memo)
        options = SiteOptions(
            page_size=self.config.page_size,
            home_recent=self.config.home_recent,
            base_url=config.site_url or "/",
            feed_size=self.config.feed_size,
        )
        try:
            self.plan: SitePlan = pipeline.plan(self.analysis, self.indexes, options)
        except PageConflict as exc:
            raise PluginError(f"ketluan: {exc}") from None
        mkdocs_pages = sum(1 for f in files.documentation_pages() if f.inclusion.is_included())
        try:
            check_collisions(
                [*mkdocs_claims(files, self.project), *output_claims(self.plan, mkdocs_pages)]
            )
        except CollisionError as exc:
            raise PluginError(f"ketluan: {exc}") from None
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
            pages = outputs.mkdocs_sitemap(self.files)
            context.update(sitemap.sitemap_context(self.plan, config.site_url or "/", pages))
        return context

    def on_page_context(self, context: dict[str, Any], page: Page, **kwargs: Any) -> dict[str, Any]:
        return page_context(self.plan, page, context)

    def on_post_page(self, output: str, page: Page, **kwargs: Any) -> str:
        return compact_html(output)

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        self.env, self.files = env, files
        env.filters["kl_url"] = urls.of
        env.filters["kl_material_config"] = material_config
        theme_loader(env)
        return env

    def on_post_build(self, config: MkDocsConfig) -> None:
        """The render, write and index phases."""
        state = outputs.render_pages(
            self.plan, config, self.env, self.nav, self.cache, self.config.jobs, log.info
        )
        outputs.write_feeds(self.plan, self.env, config)
        outputs.write_task_outputs(self.plan, self.env, config)
        outputs.write_sitemap_parts(self.plan, self.env, config, outputs.mkdocs_sitemap(self.files))
        outputs.write_manifests(self.analysis, self.indexes, config)
        outputs.build_search_index(self.plan, self.analysis, self.env, config, log.info, state)
        if state:
            self.memo.save()
            state.sweep()
        if self.cache:
            self.cache.lock.release()
        missing = unwritten(self.plan, self.files, Path(config.site_dir))
        if missing:
            raise PluginError(
                f"ketluan: {len(missing)} file(s) this build wrote are missing from "
                f"{config.site_dir} (/{', /'.join(missing[:5])}); the site was not published. "
                "Another program deleted them while the build ran: build again."
            )
        self.complete = True

    def on_build_error(self, *, error: Exception) -> None:
        self.complete = False
        self._finish()

    def on_shutdown(self) -> None:
        # Strict-mode warnings abort the build after on_post_build, so publish only here,
        # once MkDocs has finished without error.
        try:
            self._finish()
        except OutputError as exc:
            raise PluginError(f"ketluan: {exc}") from None

    def _finish(self) -> None:
        """Publish the staging folder of a complete build (else drop it) and let the next
        build in."""
        output, self.output = self.output, None
        try:
            if output and self.complete:
                output.publish()
            elif output:
                output.discard()
        finally:
            self.complete = False
            if output:
                output.lock.release()
            if self.cache:
                self.cache.lock.release()
