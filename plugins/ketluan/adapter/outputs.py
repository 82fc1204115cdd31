"""The render and write phases: the generated pages, feeds, sitemap and open-data manifests
whose inputs changed, written into the staging folder (``on_post_build``).

Each output has a key: the digest of the salt (code, theme, configuration, navigation),
its template and its planned data with references (``ketluan.build.refs``). An output
whose key equals the published one's is not rendered; the others are, and publishing
compares their bytes (``ketluan.build.publish``).
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.utils import get_build_timestamp
from tqdm import tqdm

from ketluan.adapter.engine import Engine
from ketluan.adapter.render import PageError, Renderer, render_all
from ketluan.build import heap
from ketluan.build.incremental import Mode
from ketluan.build.publish import Output
from ketluan.build.refs import Refs, digest, dumps
from ketluan.site import sitemap, urls
from ketluan.site.feeds import atom_time, entry_id
from ketluan.site.manifest import documents_manifest, resolutions_manifest
from ketluan.site.pages import SitePlan

Log = Callable[[str], None]
SITEMAP = "sitemap"
"""State key (per target): the sitemap entries of the generated pages."""
SITEMAP_DIGEST = "sitemapdigest"
"""State key (per target): the digest of ``SITEMAP``'s entries, what a build that plans
nothing compares (the entries are 2.5 MB at 10,000 documents)."""
PAGES = "pages"
"""State key (per target): how many pages the plugin renders."""


def quiet() -> bool:
    """True under ``mkdocs build -q``: no progress bars."""
    return logging.getLogger("mkdocs").getEffectiveLevel() > logging.INFO


@dataclass(frozen=True)
class Planned:
    """A page to render: its key, its planned data as bytes, its body's key."""

    key: str
    blob: bytes
    body: str | None


def planned_pages(
    plan: SitePlan, sources: list[str], refs: Refs, salt: str, templates: dict[str, str]
) -> dict[str, Planned]:
    """Key, bytes and body key of each of ``sources``."""
    shared = dumps(plan.shared, refs)
    found = {}
    for src in sources:
        page = plan.pages[src]
        blob = dumps(page, refs)
        body = None
        if (doc := page.body_of) is not None:
            body = digest(salt, "body", refs.of(doc), dumps(getattr(page, "links", []), refs))
        found[src] = Planned(digest(salt, templates[page.template], shared, src, blob), blob, body)
    return found


def _dest(plan: SitePlan, src: str) -> str:
    return plan.pages[src].url + "index.html"


def stored_outputs(engine: Engine, kind: str) -> dict[str, str | None]:
    """Path -> key of the published outputs of ``kind``."""
    if engine.state is None or engine.mode is Mode.COLD:
        return {}
    rows = engine.state.rows(
        "SELECT path, key FROM outputs WHERE target = ? AND kind = ?", [engine.target, kind]
    )
    return dict(rows)


def pages_to_render(engine: Engine) -> tuple[dict[str, Planned], int]:
    """The pages whose key changed (all of them in a cold build), and how many pages the
    plugin renders in all; the pages no longer planned are removed."""
    plan = engine.plan
    assert plan is not None
    if engine.mode is Mode.NONE:
        return {}, engine.stored(PAGES) or 0
    if engine.mode is Mode.LOCAL:
        pages = engine.local_pages()
        plan.pages.update(pages)
        found = planned_pages(plan, list(pages), engine.refs, engine.salt, engine.templates)
        return found, engine.stored(PAGES) or 0
    sources = [src for src, page in plan.pages.items() if not page.in_nav]
    found = planned_pages(plan, sources, engine.refs, engine.salt, engine.templates)
    published = stored_outputs(engine, "page")
    engine.changes.removed |= set(published) - {_dest(plan, src) for src in sources}
    engine.meta[PAGES] = len(sources)
    todo = {src: p for src, p in found.items() if published.get(_dest(plan, src)) != p.key}
    return todo, len(sources)


def render_pages(
    engine: Engine,
    config: MkDocsConfig,
    env: Environment,
    nav: Navigation,
    log: Log,
    rebind: Callable[[SitePlan], None],
) -> None:
    """Render the pages whose inputs changed into the staging folder."""
    plan = engine.plan
    assert plan is not None
    started = time.monotonic()
    with heap.building():
        todo, total = pages_to_render(engine)
    state = engine.state
    renderer = Renderer(
        plan,
        config,
        env,
        nav,
        {src: p.body for src, p in todo.items()},
        engine.body,
        state.path if state is not None else None,
        blobs={src: job.blob for src, job in todo.items()} if state is not None else None,
        load=engine.load_into,
        rebind=rebind,
    )
    with tqdm(
        total=len(todo), desc="ketluan: rendering", unit=" page", disable=quiet(), leave=False
    ) as bar:

        def done(found: Any) -> None:
            if state is not None and found.bodies:
                with state.transaction():
                    state.save_bodies(found.bodies)
            bar.update(len(found.digests))

        try:
            rendered = render_all(renderer, sorted(todo), engine.jobs, done)
        except PageError as exc:
            raise PluginError(f"ketluan: {exc}") from None
    for src, job in todo.items():
        doc_page = plan.pages[src].body_of is not None
        path = _dest(plan, src)
        engine.changes.written[path] = Output(
            "page",
            job.key,
            rendered.digests[path],
            job.blob if doc_page else None,
            job.body,
        )
    log(
        f"{total} pages written in {time.monotonic() - started:.1f} s "
        f"({len(todo)} rendered, {total - len(todo)} unchanged from the cache, "
        f"{engine.jobs} processes; {rendered.converted} bodies converted; {engine.mode.value})"
    )


def write_file(engine: Engine, config: MkDocsConfig, path: str, data: bytes, out: Output) -> None:
    """Write one output into the staging folder and note it."""
    target = Path(config.site_dir) / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    out.digest = hashlib.blake2b(data, digest_size=20).hexdigest()
    engine.changes.written[path] = out


def write_feeds(engine: Engine, env: Environment, config: MkDocsConfig) -> None:
    """Render the planned Atom feeds whose entries changed (``fragments/atom.html``)."""
    plan = engine.plan
    if engine.mode not in (Mode.COLD, Mode.PLAN) or plan is None:
        return
    template = env.get_template("fragments/atom.html")
    published = stored_outputs(engine, "feed")
    for feed in plan.feeds:
        key = digest(engine.salt, "feed", dumps(feed, engine.refs))
        if published.get(feed.path) == key:
            continue
        text = template.render(feed=feed, config=config, entry_id=entry_id, atom_time=atom_time)
        write_file(engine, config, feed.path, (text.strip() + "\n").encode(), Output("feed", key))
    engine.changes.removed |= set(published) - {feed.path for feed in plan.feeds}


def write_text_outputs(engine: Engine, env: Environment, config: MkDocsConfig) -> None:
    """The agencies' Atom feeds (``templates/fragments/tasks-atom.html``) and calendars,
    each made and written only when its planned data changed, and the outputs planned as
    text (``SitePlan.files``: ``api/tasks.json``, the number lookups of search), each
    written when its bytes changed. They change only in a build that plans (task states
    follow the build day, which is in the engine's salt; a local change keeps a
    document's fields and citations)."""
    plan = engine.plan
    if engine.mode not in (Mode.COLD, Mode.PLAN) or plan is None:
        return
    published = write_changed(engine, config, "files", plan.files)
    template = env.get_template("fragments/tasks-atom.html")

    def feed_text(feed: Any) -> str:
        return template.render(feed=feed, config=config, atom_time=atom_time).strip() + "\n"

    made = set(plan.files)
    for name, planned, text_of in (
        ("task-feed", plan.task_feeds, feed_text),
        ("calendar", plan.calendars, lambda calendar: calendar.text()),
    ):
        for item in planned:
            made.add(item.path)
            key = digest(engine.salt, name, dumps(item))
            if published.get(item.path) != key:
                data = text_of(item).encode("utf-8")
                write_file(engine, config, item.path, data, Output("files", key))
    engine.changes.removed |= set(published) - made


def write_changed(
    engine: Engine, config: MkDocsConfig, kind: str, texts: dict[str, str]
) -> dict[str, str | None]:
    """Write each of ``texts`` (path -> text) whose bytes differ from the published output
    of ``kind``, keyed by its bytes; returns what was published."""
    published = stored_outputs(engine, kind)
    for path, text in texts.items():
        data = text.encode("utf-8")
        key = hashlib.blake2b(data, digest_size=20).hexdigest()
        if published.get(path) != key:
            write_file(engine, config, path, data, Output(kind, key))
    return published


def mkdocs_sitemap(files: Files) -> list[sitemap.Entry]:
    """(URL, last modified) of the pages MkDocs renders, as its sitemap template lists them."""
    pages = [file.page for file in files.documentation_pages() if file.page is not None]
    return [
        (page.canonical_url or page.abs_url or "", page.update_date)
        for page in pages
        if not page.is_link and (page.canonical_url or page.abs_url)
    ]


def write_sitemap(engine: Engine, env: Environment, config: MkDocsConfig, files: Files) -> None:
    """``sitemap.xml`` and ``sitemap.xml.gz`` (MkDocs' own are not written: the plugin's
    are), and the parts of a sitemap index past 50,000 URLs, when an entry changed."""
    plan = engine.plan
    assert plan is not None
    base = config.site_url or "/"
    generated: list[sitemap.Entry] | None = None
    if engine.mode in (Mode.COLD, Mode.PLAN):
        generated = engine.meta[SITEMAP] = sitemap.entries(plan, base)
        engine.meta[SITEMAP_DIGEST] = digest(dumps(generated))
    ours = engine.meta[SITEMAP_DIGEST] if generated is not None else engine.stored(SITEMAP_DIGEST)
    theirs = mkdocs_sitemap(files)
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    stamp = get_build_timestamp(pages=pages)
    key = digest(engine.salt, "sitemap", dumps((theirs, ours, plan.updated, stamp)))
    published = stored_outputs(engine, SITEMAP)
    if published and all(value == key for value in published.values()):
        return
    if generated is None:
        generated = engine.stored(SITEMAP) or []
    every = theirs + generated
    written: list[str] = []
    text = env.get_template("sitemap.xml").render(
        sitemap.sitemap_context(every, base, plan.updated)
    )
    data = text.encode("utf-8")
    write_file(engine, config, "sitemap.xml", data, Output(SITEMAP, key))
    write_file(engine, config, "sitemap.xml.gz", _gzipped(data, stamp), Output(SITEMAP, key))
    written += ["sitemap.xml", "sitemap.xml.gz"]
    part = env.get_template("fragments/sitemap-part.html")
    for path, entries in sitemap.parts(every):
        text = part.render(entries=entries).strip() + "\n"
        write_file(engine, config, path, text.encode("utf-8"), Output(SITEMAP, key))
        written.append(path)
    engine.changes.removed |= set(published) - set(written)


def _gzipped(data: bytes, stamp: int) -> bytes:
    """``data`` gzipped as MkDocs gzips its sitemap (file name and time in the header)."""
    import io

    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, filename="sitemap.xml.gz", mode="wb", mtime=stamp) as out:
        out.write(data)
    return buffer.getvalue()


def write_manifests(engine: Engine, config: MkDocsConfig) -> None:
    """``api/documents.json`` and ``api/resolutions.json`` (docs/du-lieu-mo.md), written
    when their text changed."""
    if engine.mode not in (Mode.COLD, Mode.PLAN):
        return
    assert engine.analysis is not None and engine.indexes is not None
    base_url = config.site_url or "/"
    indexes = engine.indexes
    citations, where, relations = indexes.citations, indexes.cited_urls, indexes.relations
    documents = engine.analysis.corpus.documents
    texts = {
        urls.DOCUMENTS_JSON: documents_manifest(documents, base_url, citations, where, relations),
        urls.RESOLUTIONS_JSON: resolutions_manifest(base_url, citations, where, relations),
    }
    write_changed(engine, config, "manifest", texts)
