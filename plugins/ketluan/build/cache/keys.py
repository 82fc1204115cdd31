"""What, besides its own planned data, every generated page is made from: the salt.

The key of an output (``ketluan.build.incremental``) is the digest of its planned data
with references (``ketluan.build.refs``), its page template and the page templates it
includes (``template_digests``: editing one re-renders only the pages using it), and a
salt covering this package's code, the installed versions, the project's extension and
hook code, the other files of the project's theme folders, the configuration (``salt``)
and the navigation as pages outside it render it (``nav_digest``).
"""

from __future__ import annotations

import hashlib
import sysconfig
import types
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import Environment, meta

from ketluan.build.cache.fingerprint import Fingerprinter
from ketluan.build.cache.localcode import local_code_digest
from ketluan.build.cache.store import code_salt
from ketluan.site.pages import Page, SitePlan

if TYPE_CHECKING:  # MkDocs objects are read, never imported: the adapter passes them
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation

VERSIONED = (
    *("mkdocs", "mkdocs-material", "markdown", "jinja2", "nh3", "pymdown-extensions"),
    "icalendar",
)
"""Packages whose version changes what an output looks like (calendars are written only
when their data or this salt changes)."""


def page_templates(plan: SitePlan | None = None) -> set[str]:
    """Names of the templates generated pages are rendered with: of ``plan``'s pages, or
    of every kind of page (a build that plans nothing still checks them)."""
    if plan is not None:
        return {page.template for page in plan.pages.values()}
    kinds, found = [Page], set()
    while kinds:
        kind = kinds.pop()
        kinds.extend(kind.__subclasses__())
        if "template" in vars(kind):
            found.add(kind.template)
    return found


def template_digests(
    env: Environment, names: set[str], known: dict[str, list[str]]
) -> tuple[dict[str, str], dict[str, list[str]]]:
    """For each page template, a fingerprint of itself and of the page templates it
    reaches by name (extends, include, import), so editing one page template re-renders
    only the pages using it. Every other theme file is in the ``salt`` of every page.
    ``known``: the names each template source refers to, by the digest of the source (and
    Jinja's version), as the last build found them: parsing the theme's 70 templates takes
    a build that does nothing a quarter of a second, so only changed sources are parsed.
    Returns the digests and the references of the sources met (for the next build)."""
    found: dict[str, set[str]] = {}
    met: dict[str, list[str]] = {}

    def reached(name: str) -> set[str]:
        if name not in found:
            found[name] = set()
            source = env.loader.get_source(env, name)[0] if env.loader else ""
            key = hashlib.blake2b(f"{jinja2.__version__}\n{source}".encode()).hexdigest()
            refs = known.get(key)
            if refs is None:
                parsed = meta.find_referenced_templates(env.parse(source))
                refs = sorted({ref for ref in parsed if ref is not None})
            met[key] = refs
            for ref in refs:
                found[name] |= {ref} | reached(ref)
        return found[name]

    digests = {}
    for name in names:
        parts = sorted({name} | (reached(name) & names))
        sources = [(part, env.loader.get_source(env, part)[0]) for part in parts]  # type: ignore[union-attr]
        digests[name] = Fingerprinter().hexdigest(sources)
    return digests, met


def salt(config: MkDocsConfig, page_templates: set[str]) -> str:
    """Fingerprint of everything outside the plan and the navigation that can change a
    page: this package's code, the installed versions, the code of the project's Markdown
    extensions and hooks (``localcode``), the files of the project's theme folders but the
    page templates (see ``template_digests``; a theme installed as a package, Material's
    14,000 files, counts by its version), and the configuration."""
    h = hashlib.blake2b(digest_size=20)
    h.update(code_salt().encode())
    h.update(local_code_digest(config, Path(config.config_file_path).parent).encode())
    for name in VERSIONED:
        try:
            h.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name}=none".encode())
    installed = {Path(p).resolve() for p in sysconfig.get_paths().values()}
    for folder in map(Path, config.theme.dirs):
        if any(folder.resolve().is_relative_to(root) for root in installed):
            h.update(f"installed theme folder {folder.name}".encode())
            continue
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if path.is_file() and "__pycache__" not in path.parts and name not in page_templates:
                h.update(name.encode())
                h.update(path.read_bytes())
    h.update(config_digest(config).encode())
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
