"""The MkDocs plugin: event handlers that run the build's phases and hand MkDocs what it
renders itself (``ketluan.pipeline`` for the pure phases, ``engine`` for what an
incremental build reads and plans, ``outputs`` and ``words`` for what it writes)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from tqdm import tqdm

from ketluan.adapter import outputs
from ketluan.adapter.bridge import (
    generated_files,
    is_untrusted,
    page_context,
    page_markdown,
    theme_loader,
)
from ketluan.adapter.claims import mkdocs_claims, output_claims
from ketluan.adapter.config import KetluanConfig
from ketluan.adapter.engine import SALT, Engine
from ketluan.adapter.publishing import check_written, publish
from ketluan.adapter.theme import material_config
from ketluan.adapter.words import write_words
from ketluan.build import heap, scripts
from ketluan.build.cache.keys import nav_digest
from ketluan.build.cache.localcode import local_code_digest
from ketluan.build.cache.store import CacheFolder, CacheFolderError, code_salt
from ketluan.build.collisions import CollisionError, check_collisions
from ketluan.build.compact import compact_html
from ketluan.build.folders import Folder, cache_folder, misplaced, project_folders, site_folder
from ketluan.build.incremental import Mode
from ketluan.build.publish import OutputError, SiteTrees
from ketluan.build.refs import digest
from ketluan.build.sanitize import body_id, clean_body
from ketluan.build.state import BuildState
from ketluan.core.problems import ProblemsError
from ketluan.site import urls
from ketluan.site.pages import PageConflict, SitePlan

log = get_plugin_logger(__name__)
CLAIMS = "claims"
"""State key (per target): digest of what MkDocs writes, to check collisions when it
changes."""


class KetluanPlugin(BasePlugin[KetluanConfig]):
    """Compile ``conclusions/`` into document pages, lists and the open-data manifest."""

    def __init__(self) -> None:
        self.command: str | None = None
        self.trees: SiteTrees | None = None
        self.cache: CacheFolder | None = None
        self.state: BuildState | None = None
        self.engine: Engine | None = None
        self.plan: SitePlan | None = None
        """What MkDocs' events read of the plan (the engine's)."""
        self.serve_root: Path | None = None
        self.complete = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.project = Path(config.config_file_path).parent
        self._finish()  # `serve --clean` starts a build before the last one shut down
        self._check_folders(config)
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
        # The plugin writes the sitemap itself, only when an entry changed.
        config.theme.static_templates.discard("sitemap.xml")
        self.complete = False
        return config

    def _begin(self, config: MkDocsConfig) -> None:
        """Lock the site, clear what killed builds left, and stage the output (``serve``
        stages in MkDocs' own folder and publishes into a site of its own in the cache,
        which ``on_serve`` serves); lock the cache and open the build state."""
        self.cache, self.state = None, None
        if self.command != "serve":
            self.trees = SiteTrees.begin(Path(config.site_dir), "build", log.info)
            config.site_dir = str(self.trees.staging)
        if self.config.cache:
            self.cache = CacheFolder.claim(self.project / self.config.cache_dir)
            self.cache.lock.acquire(log.info)
            self.cache.sweep_legacy()
            self.state = BuildState.open(self.cache.root, code_salt())
            # Read extension and hook code now, as close as can be to when MkDocs loaded
            # it: the salt must describe the code that runs (``localcode``).
            local_code_digest(config, self.project)
        if self.command == "serve":
            if self.serve_root is None:
                parent = self.cache.root if self.cache else Path(tempfile.mkdtemp())
                self.serve_root = parent / "serve" / "site"
            staging = Path(config.site_dir)
            self.trees = SiteTrees.begin(self.serve_root, "serve", log.info, staging)
        assert self.trees is not None
        self.trees.attach(self.state)

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
        """Read what changed, decide how much to do, plan (``engine``)."""
        assert self.trees is not None
        if self.command == "serve":
            self.trees.mark()
        theme_sitemap = files.get_file_from_path("sitemap.xml")
        if theme_sitemap is not None and theme_sitemap.generated_by is None:
            files.remove(theme_sitemap)  # a template (on_config), not a file to copy
        for file in files.media_files():
            if scripts.ours(file.src_uri) and file.generated_by is None:
                file.content_string = scripts.minified(file.content_string)
        engine = self.engine = Engine(self.project, self.config, self.state, self.trees, log.info)
        with tqdm(
            desc="ketluan: reading", unit=" doc", disable=outputs.quiet(), leave=False
        ) as bar:
            try:
                engine.prepare(config, bar.update)
            except ProblemsError as exc:
                raise PluginError(str(exc)) from None
            except PageConflict as exc:
                raise PluginError(f"ketluan: {exc}") from None
        if engine.analysis is not None:
            for note in sorted(engine.analysis.relations.notes):
                log.info("%s", note)
        self._check_collisions(files)
        self.plan = engine.plan
        assert self.plan is not None
        log.info(
            "%d documents (%d changed since the published site) read from %s: %s build",
            len(engine.sources.current) if engine.sources else 0,
            len(engine.sources.changed) if engine.sources else 0,
            self.config.conclusions_dir,
            engine.mode.value,
        )
        for file in generated_files(self.plan, config):
            files.append(file)
        return files

    def _check_collisions(self, files: Files) -> None:
        """Every output has one source: checked in every build that plans all pages, and in
        one that plans none when the files MkDocs writes changed (it plans all then)."""
        engine = self.engine
        assert engine is not None
        mkdocs = mkdocs_claims(files, self.project)
        engine.meta[CLAIMS] = digest(*sorted(f"{c.path} {c.source}" for c in mkdocs))
        if engine.mode in (Mode.NONE, Mode.LOCAL) and engine.meta[CLAIMS] != engine.stored(CLAIMS):
            engine.mode = Mode.PLAN
            engine.plan_all()
        if engine.mode in (Mode.NONE, Mode.LOCAL):
            return
        pages = sum(1 for f in files.documentation_pages() if f.inclusion.is_included())
        assert engine.plan is not None
        try:
            check_collisions([*mkdocs, *output_claims(engine.plan, pages)])
        except CollisionError as exc:
            raise PluginError(f"ketluan: {exc}") from None

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

    def _rebind(self, plan: SitePlan) -> None:
        """Render worker: page events read ``plan`` (the chunk's) from now on."""
        self.plan = plan

    def on_page_context(self, context: dict[str, Any], page: Page, **kwargs: Any) -> dict[str, Any]:
        return page_context(self.plan, page, context)

    def on_post_page(self, output: str, page: Page, **kwargs: Any) -> str:
        return compact_html(output)

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        self.env, self.files = env, files
        env.filters["kl_url"] = urls.of
        env.filters["kl_material_config"] = material_config
        theme_loader(env)
        if self.cache is not None:  # compiled templates kept between builds (by source)
            env.bytecode_cache = FileSystemBytecodeCache(str(self.cache.jinja()))
        return env

    def on_post_build(self, config: MkDocsConfig) -> None:
        """The render, write and index phases (of what changed)."""
        engine = self.engine
        assert engine is not None
        engine.salt = digest(engine.base, nav_digest(self.nav))
        if engine.mode in (Mode.NONE, Mode.LOCAL) and engine.salt != engine.stored(SALT):
            engine.mode = Mode.PLAN  # the navigation changed: every page shows it
            engine.plan_all()
        outputs.render_pages(engine, config, self.env, self.nav, log.info, self._rebind)
        with heap.building():  # rendering collects: its workers make cycles page by page
            outputs.write_feeds(engine, self.env, config)
            outputs.write_text_outputs(engine, self.env, config)
            outputs.write_sitemap(engine, self.env, config, self.files)
            outputs.write_manifests(engine, config)
            write_words(engine, config)
            check_written(engine, self.files, Path(config.site_dir))
        engine.finish_meta()
        self.complete = True
        if self.command == "serve":
            self._finish()

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Serve the site ``serve`` publishes (MkDocs' folder is only its staging)."""
        if self.trees is not None and self.serve_root is not None:
            server.root = str(self.serve_root)
        return server

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
        trees, self.trees = self.trees, None
        try:
            if trees and self.complete and self.engine is not None:
                publish(self.engine, trees, log.info)
            elif trees:
                trees.discard()
        finally:
            self.complete = False
            heap.release()
            if trees:
                trees.lock.release()
            if self.cache:
                self.cache.lock.release()
