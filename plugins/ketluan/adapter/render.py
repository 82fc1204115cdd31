"""Renders the generated pages outside MkDocs' page loop: streamed, cached, on every core.

MkDocs keeps every page's HTML in memory until all are rendered, builds a Markdown parser
per page and uses one core; at 50,000 documents (about 95,000 pages) that is most of the
build. Here each page is rendered with the same theme environment, context and plugin
events (``page_context``, ``post_page``) as MkDocs would, written at once and forgotten;
worker processes forked from the build share the plan; and a page whose inputs have not
changed since the last build is linked from the cache instead of rendered (``pagecache``).

A page's cache key is the fingerprint (``fingerprint``) of everything its template can
reach: the planned page (its template, title, context, Markdown), the data shared by every
page, and a salt covering the code, the installed versions, every theme file and the
configuration (``salt``). Pages in the navigation stay with MkDocs.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markdown import Markdown
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from ketluan.adapter.bridge import page_markdown
from ketluan.adapter.linking import CitationLinker
from ketluan.build.cache.store import PageCache
from ketluan.build.sanitize import body_toc, clean_body
from ketluan.site.pages import SitePlan

CHUNK = 200
"""Pages per task handed to a worker: big enough to amortise, small for even progress."""


class PageError(RuntimeError):
    """A page failed to render; the message names it (raised across processes)."""


@dataclass
class RenderStats:
    """What a render pass did."""

    rendered: int = 0
    cached: int = 0


@dataclass
class Renderer:
    """Everything a page render needs; forked workers inherit it whole."""

    plan: SitePlan
    config: MkDocsConfig
    env: Environment
    nav: Navigation
    cache: PageCache | None
    keys: dict[str, tuple[str, str | None]]
    """Cache keys by source path: (page key, body key or None for a page without body)."""
    fragments: dict[str, str] = field(default_factory=dict)
    """Theme fragments that are the same on every page outside the navigation with one
    ``fragment_scope`` (the navigation and tabs: templates/partials/kl-fragment.html)."""
    _nav_depth: int | None = None
    _folders: set[Path] = field(default_factory=set)
    _md: tuple[Markdown, CitationLinker] | None = None

    def render(self, src: str) -> bool:
        """Write the page planned at ``src``; True when it came from the cache."""
        try:
            return self._render(src)
        except Exception as exc:
            raise PageError(f"error building page /{src}: {type(exc).__name__}: {exc}") from exc

    def _render(self, src: str) -> bool:
        config = self.config
        file = File.generated(config, src, content="")
        target = Path(file.abs_dest_path)
        page_key, body_key = self.keys.get(src, ("", None))
        self._folder(target.parent)
        if self.cache and page_key and self.cache.fetch("pages", page_key, target):
            return True
        page = Page(None, file, config)
        page.markdown = page_markdown(self.plan, page)
        page.content, toc = self.body(src, page, body_key)
        page.toc = get_toc(toc)
        config._current_page = page
        try:
            context = get_context(self.nav, [], config, page)
            context = config.plugins.on_page_context(
                context, page=page, config=config, nav=self.nav
            )
            context["kl_fragments"] = self.fragments
            context["kl_fragment_scope"] = self.fragment_scope(page.url)
            output = self.env.get_template(page.meta["template"]).render(context)
            output = config.plugins.on_post_page(output, page=page, config=config)
        finally:
            config._current_page = None
        target.write_bytes(output.encode("utf-8", errors="xmlcharrefreplace"))
        if self.cache and page_key:
            self.cache.store("pages", page_key, target)
        return False

    def body(self, src: str, page: Page, key: str | None) -> tuple[str, list[Any]]:
        """HTML and headings of the page's Markdown, from the cache when rendered before."""
        if not page.markdown:
            return "", []
        cached = self.cache.load("bodies", key) if self.cache and key else None
        if cached is not None:
            return cached["html"], cached["toc"]
        planned = self.plan.pages[src]
        md, linker = self._markdown()
        page_url = page.url
        links = getattr(planned, "links", None)
        linker.use(links, lambda url: get_relative_url(url, page_url))
        try:
            html = md.reset().convert(page.markdown)
        finally:
            linker.use(None)
        toc = getattr(md, "toc_tokens", [])
        if planned.body_of is not None:
            html, toc = clean_body(html), body_toc(toc)
        if self.cache and key:
            self.cache.save("bodies", key, {"html": html, "toc": toc})
        return html, toc

    def _folder(self, folder: Path) -> None:
        """Create a page's folder once per process (MkDocs' ``write_file`` asks the disk for
        every folder of every page: a second per 4,000 pages here)."""
        if folder not in self._folders:
            folder.mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)

    def fragment_scope(self, url: str) -> str:
        """What the navigation of a page outside it depends on: its relative links to the
        navigation's pages, so the page's folder depth and the first folders of its URL
        (as many as the deepest navigation URL has): "3:danh-muc/co-quan"."""
        if self._nav_depth is None:
            self._nav_depth = max((u.count("/") for u in nav_urls(self.nav.items)), default=0)
        folders = url.split("/")
        return f"{url.count('/')}:{'/'.join(folders[: self._nav_depth])}"

    def _markdown(self) -> tuple[Markdown, CitationLinker]:
        """One parser per process (MkDocs builds one per page), reset between pages, with
        the configured extensions and the citation linker."""
        if self._md is None:
            linker = CitationLinker()
            md = Markdown(
                extensions=[*self.config.markdown_extensions, linker],
                extension_configs=self.config.mdx_configs or {},
            )
            # Only document bodies reach this parser, every block-level tag in them escaped
            # (sanitize.escape_raw_html): the raw-HTML block preprocessor has nothing to keep,
            # and its html.parser takes time quadratic in unclosed tags (Python 3.11).
            if "html_block" in md.preprocessors:
                md.preprocessors.deregister("html_block")
            self._md = (md, linker)
        return self._md


def nav_urls(items: Iterable[Any]) -> Iterator[str]:
    """Site-relative URLs of the navigation's pages and sections (not external links)."""
    for item in items:
        url = getattr(item, "url", None)
        if url is not None and "://" not in url and not url.startswith("/"):
            yield url
        yield from nav_urls(item.children or [])


_RENDERER: Renderer | None = None
_PARENT = 0


def _render_chunk(chunk: list[str]) -> tuple[int, int]:
    assert _RENDERER is not None
    hits = 0
    for src in chunk:
        if _PARENT and os.getppid() != _PARENT:
            os._exit(1)  # the build was killed: write nothing more into its staging folder
        hits += _RENDERER.render(src)
    return len(chunk) - hits, hits


def _die_with_parent() -> None:
    """Worker start: ask Linux to kill this worker when the build process dies, so a killed
    build leaves no worker writing into a staging folder the next build removes."""
    global _PARENT
    _PARENT = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the check in _render_chunk remains
        pass


PR_SET_PDEATHSIG = 1


def render_all(
    renderer: Renderer,
    sources: list[str],
    jobs: int,
    progress: Callable[[int], Any] = lambda done: None,
) -> RenderStats:
    """Render ``sources`` with ``jobs`` processes (1: in this one); ``progress`` is called
    with the number of pages done after each chunk."""
    global _RENDERER
    stats = RenderStats()
    chunks = [sources[i : i + CHUNK] for i in range(0, len(sources), CHUNK)]
    _RENDERER = renderer
    try:
        for rendered, cached in _map(chunks, jobs):
            stats.rendered += rendered
            stats.cached += cached
            progress(rendered + cached)
    finally:
        _RENDERER = None
    return stats


def _map(chunks: list[list[str]], jobs: int) -> Iterator[tuple[int, int]]:
    if jobs <= 1 or len(chunks) <= 1:
        yield from map(_render_chunk, chunks)
        return
    # fork: workers inherit the plan, theme environment and config without pickling
    context = multiprocessing.get_context("fork")
    with context.Pool(min(jobs, len(chunks)), initializer=_die_with_parent) as pool:
        yield from pool.imap_unordered(_render_chunk, chunks)


def default_jobs() -> int:
    """Processes to render with: the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
