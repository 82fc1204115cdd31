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

from .atomic import AtomicOutput, OutputError
from .collisions import CollisionError, check_collisions
from .corpus import Corpus, load_corpus
from .folders import Folder, cache_folder, misplaced, project_folders, site_folder
from .localcode import local_code_digest
from .model import BUILTIN_TYPES, TypeInfo
from .outputs import (
    build_search_index,
    mkdocs_claims,
    mkdocs_sitemap,
    output_claims,
    quiet,
    render_pages,
    sitemap_context,
    unwritten,
    write_feeds,
    write_manifests,
    write_sitemap_parts,
)
from .pagecache import CacheFolderError, PageCache, code_salt
from .pages import (
    PageConflict,
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
    """Folder of the build cache, relative to mkdocs.yml: a folder of its own (the build
    deletes old entries in it), never the project folder, docs_dir, conclusions_dir, the
    theme's custom_dir, site_dir or a folder holding one of them."""
    jobs = c.Type(int, default=0)
    """Processes rendering pages; 0: one per core this build may use."""


class KetluanPlugin(BasePlugin[KetluanConfig]):
    """Compile ``conclusions/`` into document pages, lists and the open-data manifest."""

    def __init__(self) -> None:
        self.plan = SitePlan()
        self.corpus = Corpus([])
        self.command: str | None = None
        self.output: AtomicOutput | None = None
        self.cache: PageCache | None = None
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
        self._finish()  # `serve --clean` starts a build before the last one shut down
        self._check_folders(config)
        self.cache = None
        try:
            if self.command == "build":  # serve writes to its own temp dir; gh-deploy pushes it
                self.output = AtomicOutput.begin(Path(config.site_dir), log.info)
                config.site_dir = str(self.output.staging)
            if self.config.cache:
                self.cache = PageCache.claim(self.project / self.config.cache_dir)
                self.cache.lock.acquire(log.info)
                # Read extension and hook code now, as close as can be to when MkDocs loaded
                # it: the cache key must describe the code that runs (``localcode``).
                local_code_digest(config, self.project)
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
        options = SiteOptions(
            page_size=self.config.page_size,
            home_recent=self.config.home_recent,
            base_url=config.site_url or "/",
            feed_size=self.config.feed_size,
            search_shard_size=self.config.search_shard_size if self.config.search else None,
            known=self.cache.load("analysis", code_salt()) if self.cache else None,
        )
        try:
            self.plan = plan_site(corpus, options)
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
