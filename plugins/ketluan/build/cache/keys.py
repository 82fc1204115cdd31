"""Cache keys: what each cached page, body and search index is named by.

A cached page may be reused only if everything its template can reach is unchanged, so a
page's key is the fingerprint of the planned page (its template's fields, the document,
what it cites…), the data every page shares, its page template and the page templates it
includes, and a salt covering this package's code, the installed versions, every other
file of the theme folders, the configuration and the navigation. A body's key covers its
Markdown, its citation links and the salt; a search shard's the keys of its pages.
"""

from __future__ import annotations

import hashlib
import types
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, meta

from ketluan.build.cache.fingerprint import Fingerprinter
from ketluan.build.cache.localcode import local_code_digest
from ketluan.build.cache.store import PageCache, code_salt
from ketluan.build.pagefind import Reuse
from ketluan.core.model import Document
from ketluan.site import urls
from ketluan.site.pages import SitePlan
from ketluan.site.search import PlaceRecord, SearchPlan

if TYPE_CHECKING:  # MkDocs objects are read, never imported: the adapter passes them
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation

VERSIONED = (
    *("mkdocs", "mkdocs-material", "markdown", "jinja2", "nh3", "pymdown-extensions"),
    *("pagefind", "pagefind-bin"),
)
"""Packages whose version changes what a page looks like."""


def cache_keys(
    plan: SitePlan, sources: Iterable[str], salt: str, templates: dict[str, str]
) -> dict[str, tuple[str, str | None]]:
    """Page and body keys of ``sources``: a page key covers the planned page, the shared
    data, its page template (``templates``) and the salt; a body key the Markdown, its
    citation links and the salt."""
    fp = Fingerprinter()
    shared = fp.digest(plan.shared).hex()
    keys: dict[str, tuple[str, str | None]] = {}
    for src in sources:
        planned = plan.pages[src]
        body = None
        if (doc := planned.body_of) is not None:
            body = fp.hexdigest(salt, "body", src, doc.body, getattr(planned, "links", []))
        template = templates[planned.template]
        keys[src] = (fp.hexdigest(salt, "page", shared, template, src, planned), body)
    return keys


def page_templates(plan: SitePlan) -> set[str]:
    """Names of the templates generated pages are rendered with."""
    return {page.template for page in plan.pages.values()}


def template_digests(env: Environment, names: set[str]) -> dict[str, str]:
    """For each page template, a fingerprint of itself and of the page templates it
    reaches by name (extends, include, import), so editing one page template re-renders
    only the pages using it. Every other theme file is in the ``salt`` of every page."""
    found: dict[str, set[str]] = {}

    def reached(name: str) -> set[str]:
        if name not in found:
            found[name] = set()
            source = env.loader.get_source(env, name)[0] if env.loader else ""
            for ref in meta.find_referenced_templates(env.parse(source)):
                if ref is not None:
                    found[name] |= {ref} | reached(ref)
        return found[name]

    digests = {}
    for name in names:
        parts = sorted({name} | (reached(name) & names))
        sources = [(part, env.loader.get_source(env, part)[0]) for part in parts]  # type: ignore[union-attr]
        digests[name] = Fingerprinter().hexdigest(sources)
    return digests


def salt(config: MkDocsConfig, nav: Navigation, page_templates: set[str]) -> str:
    """Fingerprint of everything outside the plan that can change a page: this package's
    code, the installed versions, the code of the project's Markdown extensions and hooks
    (``localcode``), the files of the theme folders (templates, overrides and assets) but
    the page templates (see ``template_digests``), the configuration and the navigation."""
    h = hashlib.blake2b(digest_size=20)
    h.update(code_salt().encode())
    h.update(local_code_digest(config, Path(config.config_file_path).parent).encode())
    for name in VERSIONED:
        try:
            h.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name}=none".encode())
    for folder in map(Path, config.theme.dirs):
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if path.is_file() and "__pycache__" not in path.parts and name not in page_templates:
                h.update(name.encode())
                h.update(path.read_bytes())
    h.update(config_digest(config).encode())
    h.update(nav_digest(nav).encode())
    return h.hexdigest()


UNRENDERED = ("site_dir", "plugins", "hooks", "markdown_extensions", "theme", "watch")
"""Config keys handled apart (the objects; hooks are plugins, their code in ``salt``) or
that never reach a page (where the site is written, which folders ``serve`` watches)."""


def config_digest(config: MkDocsConfig) -> str:
    """Fingerprint of the configuration as pages see it."""
    fp = Fingerprinter()
    parts: list[object] = []
    for key, value in sorted(config.items()):
        if key not in UNRENDERED:
            parts.append((key, _digestible(fp, value)))
    parts.append(("theme", config.theme.name, dict(config.theme), config.theme.dirs))
    parts.append(
        (
            "markdown_extensions",
            [e if isinstance(e, str) else type(e).__qualname__ for e in config.markdown_extensions],
        )
    )
    parts.append(("plugins", [(n, _plugin_options(p)) for n, p in config.plugins.items()]))
    return fp.hexdigest(*(_digestible(fp, part) for part in parts))


def _plugin_options(plugin: object) -> object:
    """A plugin's options; a hook (a module among the plugins) has none: its code is in
    the salt (``localcode``)."""
    if isinstance(plugin, types.ModuleType):
        return ("hook", plugin.__name__)
    return dict(plugin.config)  # type: ignore[attr-defined]


def _digestible(fp: Fingerprinter, value: object) -> object:
    """``value`` if it can be fingerprinted, else its repr (which may hold an address:
    then the cache misses every time, which is slow but never stale)."""
    try:
        fp.digest(value)
    except TypeError:
        return repr(value)
    return value


def nav_digest(nav: Navigation) -> str:
    """Fingerprint of the navigation as a page outside it renders it."""

    def walk(items: Iterable[Any]) -> list[object]:
        return [
            (
                type(item).__name__,
                item.title,
                getattr(item, "url", None),
                getattr(item, "meta", None),
                walk(item.children or []),
            )
            for item in items
        ]

    return Fingerprinter().hexdigest(walk(nav.items))


@dataclass
class CacheState:
    """The cache of this build: its folder, salt and the key of every generated page."""

    cache: PageCache
    salt: str
    keys: dict[str, tuple[str, str | None]]
    search_keys: set[str] = field(default_factory=set)

    def search_reuse(
        self,
        search: SearchPlan,
        documents: list[Document],
        records: dict[int, list[PlaceRecord]],
    ) -> Reuse:
        """Keys of the search index folders: a shard's covers the keys of its pages (so
        their HTML); a places index's its records and the salt (template included)."""
        fp = Fingerprinter()
        keys = {
            path: fp.hexdigest("pagefind", [self.keys[_source(d)][0] for d in docs])
            for path, docs in search.shard_documents(documents).items()
        }
        for index, shard_records in records.items():
            keys[f"{urls.SEARCH_PLACES}/{index}"] = fp.hexdigest("places", self.salt, shard_records)
        self.search_keys = set(keys.values())
        return Reuse(self.cache, keys)

    def sweep(self) -> None:
        """Drop the entries no page, body or index folder of this build uses."""
        self.cache.sweep("pages", (page for page, _ in self.keys.values()))
        self.cache.sweep("bodies", (body for _, body in self.keys.values() if body))
        self.cache.sweep("search", self.search_keys)
        self.cache.sweep("analysis", [code_salt()])


class AnalysisMemo:
    """Per-document analysis of the last build (places named, search terms), by fingerprint
    of the document and of the context it was computed in; this build's results are kept
    for the next (``PageCache`` kind "analysis", one entry per code version)."""

    def __init__(self, cache: PageCache | None) -> None:
        self.cache = cache
        self.known: dict[str, Any] = (cache.load("analysis", code_salt()) if cache else None) or {}
        self.found: dict[str, Any] = {}
        self._fp = Fingerprinter()
        self._contexts: dict[int, bytes] = {}

    def recall(self, context: object, doc: Document, compute: Any) -> Any:
        """``compute()`` for ``doc`` in ``context``, from the last build when known."""
        digest = self._contexts.get(id(context))
        if digest is None:
            digest = self._contexts[id(context)] = self._fp.digest(context)
        key = self._fp.hexdigest(digest, doc)
        value = self.known.get(key) or compute()
        self.found[key] = value
        return value

    def save(self) -> None:
        """Keep this build's results for the next build."""
        if self.cache:
            self.cache.save("analysis", code_salt(), self.found)


def _source(doc: Document) -> str:
    return urls.source(urls.document(doc))
