"""Renders the generated pages outside MkDocs' page loop: streamed, on every core.

MkDocs keeps every page's HTML in memory until all are rendered, builds a Markdown parser
per page and uses one core; at 50,000 documents (about 95,000 pages) that is most of the
build. Here each page is rendered with the same theme environment, context and plugin
events (``page_context``, ``post_page``) as MkDocs would, written at once and forgotten,
in worker processes forked from the build, each chunk rendered from its pages' bytes
(``Renderer.adopt``) rather than from the plan the worker inherited. Which pages to render
is the build's decision (``ketluan.build.incremental``); a document's body is read from
disk by the page that shows it, and its HTML is kept in the build state by the key of its
Markdown and links, so a page re-rendered for another reason (a list of citing documents,
a template) does not convert its Markdown again. Pages in the navigation stay with MkDocs.
"""

from __future__ import annotations

import ctypes
import hashlib
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
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

from ketluan.adapter.bridge import Bodies, page_markdown
from ketluan.adapter.linking import CitationLinker
from ketluan.build.refs import Refs, loads, resolving
from ketluan.build.sanitize import body_toc, clean_body
from ketluan.build.state import BuildState
from ketluan.site.pages import SitePlan

CHUNK = 200
"""Pages per task handed to a worker: big enough to amortise, small for even progress."""
DOCUMENTS_KEPT = 2000
"""Documents a worker keeps loaded between chunks (``Renderer.adopt``): the pages come
sorted by path, so the next chunk shows many of the same; past this many it starts
afresh, so a worker's memory stays bounded whatever the size of the corpus."""


class PageError(RuntimeError):
    """A page failed to render; the message names it (raised across processes)."""


@dataclass
class Rendered:
    """What rendering some pages gave: each page's digest (of the bytes written) and the
    bodies converted anew, by key (the build keeps them)."""

    digests: dict[str, str] = field(default_factory=dict)
    bodies: list[tuple[str, Any]] = field(default_factory=list)
    converted: int = 0


@dataclass
class Renderer:
    """Everything a page render needs; forked workers inherit it whole."""

    plan: SitePlan
    config: MkDocsConfig
    env: Environment
    nav: Navigation
    body_keys: dict[str, str | None]
    """Source path -> key of the page's rendered body (None: a page without body)."""
    bodies: Bodies
    state: Path | None
    """The build state's file, where bodies of earlier builds are looked up."""
    fragments: dict[str, str] = field(default_factory=dict)
    """Theme fragments that are the same on every page outside the navigation with one
    ``fragment_scope`` (the navigation and tabs: templates/fragments/once.html)."""
    blobs: Mapping[str, bytes] | None = None
    """The planned pages as bytes with references (``refs.dumps``): given with ``load``
    and ``rebind``, a forked worker renders each chunk from its pages' bytes, sent with
    the chunk, instead of touching the plan it inherited (see ``_render_chunk``)."""
    load: Callable[[Refs, str, BuildState | None], None] | None = None
    """Adds a document to references as the plan has it (``Engine.load_into``)."""
    rebind: Callable[[SitePlan], None] | None = None
    """Points the plugin's page events at the plan of the chunk being rendered."""
    _refs: Refs | None = None
    """In a worker, the documents loaded for the chunks rendered so far (``adopt``)."""
    _nav_depth: int | None = None
    _folders: set[Path] = field(default_factory=set)
    _md: tuple[Markdown, CitationLinker] | None = None
    _db: tuple[int, BuildState] | None = None

    def render(self, src: str, out: Rendered) -> None:
        """Write the page planned at ``src``; its digest and new body go to ``out``."""
        try:
            self._render(src, out)
        except Exception as exc:
            raise PageError(f"error building page /{src}: {type(exc).__name__}: {exc}") from exc

    def _render(self, src: str, out: Rendered) -> None:
        config = self.config
        file = File.generated(config, src, content="")
        target = Path(file.abs_dest_path)
        self._folder(target.parent)
        page = Page(None, file, config)
        page.markdown = page_markdown(self.plan, page, self.bodies)
        page.content, toc = self.body(src, page, out)
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
        data = output.encode("utf-8", errors="xmlcharrefreplace")
        target.write_bytes(data)
        out.digests[file.dest_uri] = hashlib.blake2b(data, digest_size=20).hexdigest()

    def adopt(self, blobs: list[tuple[str, bytes]]) -> None:
        """Render from now on the pages of ``blobs`` (source, bytes), read back against
        documents loaded for them alone, in a plan that shares nothing else it holds
        with the inherited one but its small parts."""
        assert self.load is not None and self.rebind is not None
        if not _INHERITED:  # never freed here: freeing it would write to all of it
            _INHERITED.append(self.plan)
        refs = self._refs
        if refs is None or len(refs.documents) > DOCUMENTS_KEPT:
            load, state = self.load, self._state()
            refs = self._refs = Refs(load=lambda source: load(refs, source, state))
        with resolving(refs):
            pages = {src: loads(blob) for src, blob in blobs}
        self.plan = replace(_INHERITED[0], pages=pages)
        self.rebind(self.plan)

    def body(self, src: str, page: Page, out: Rendered) -> tuple[str, list[Any]]:
        """HTML and headings of the page's Markdown, from the state when rendered before."""
        if not page.markdown:
            return "", []
        key = self.body_keys.get(src)
        state = self._state()
        cached = state.body(key) if state is not None and key else None
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
        out.converted += 1
        if key:
            out.bodies.append((key, {"html": html, "toc": toc}))
        return html, toc

    def _state(self) -> BuildState | None:
        """This process's read-only connection to the state (a connection does not survive
        a fork)."""
        if self.state is None:
            return None
        if self._db is None or self._db[0] != os.getpid():
            self._db = (os.getpid(), BuildState(self.state, readonly=True))
        return self._db[1]

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
_INHERITED: list[SitePlan] = []
"""In a worker, the plan it was forked with (kept: see ``Renderer.adopt``)."""


def _render_chunk(task: tuple[list[str], list[tuple[str, bytes]] | None]) -> Rendered:
    """Render one chunk. A forked worker given the chunk's pages as bytes renders from
    them: CPython writes a reference count into every object it touches, so a worker
    reading the inherited plan ends up copying it (a worker's own memory neared the build
    process's at 10,000 and 50,000 documents: BENCHMARKS.md, "Where the memory goes")."""
    assert _RENDERER is not None
    chunk, blobs = task
    if blobs is not None:
        _RENDERER.adopt(blobs)
    out = Rendered()
    for src in chunk:
        if _PARENT and os.getppid() != _PARENT:
            os._exit(1)  # the build was killed: write nothing more into its staging folder
        _RENDERER.render(src, out)
    return out


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
    progress: Callable[[Rendered], Any] = lambda done: None,
) -> Rendered:
    """Render ``sources`` with ``jobs`` processes (1: in this one); ``progress`` is called
    with what each chunk gave (the build stores its bodies as they come)."""
    global _RENDERER
    total = Rendered()
    chunks = [sources[i : i + CHUNK] for i in range(0, len(sources), CHUNK)]
    _RENDERER = renderer
    try:
        for found in _map(chunks, jobs, renderer.blobs):
            total.digests.update(found.digests)
            total.converted += found.converted
            progress(found)
    finally:
        _RENDERER = None
    return total


def _map(
    chunks: list[list[str]], jobs: int, blobs: Mapping[str, bytes] | None
) -> Iterator[Rendered]:
    if jobs <= 1 or len(chunks) <= 1:
        yield from map(_render_chunk, ((chunk, None) for chunk in chunks))
        return
    # fork: workers inherit the theme environment and config without pickling; the pages
    # of each chunk go with it as bytes when known (``Renderer.adopt``)
    tasks = ((c, None if blobs is None else [(s, blobs[s]) for s in c]) for c in chunks)
    context = multiprocessing.get_context("fork")
    with context.Pool(min(jobs, len(chunks)), initializer=_die_with_parent) as pool:
        yield from pool.imap_unordered(_render_chunk, tasks)


def default_jobs() -> int:
    """Processes to render with: the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
