"""The bridge from the site plan to MkDocs: planned pages as ``File.generated`` files, their
page metadata and Markdown, and their template context."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page

from ketluan.build.sanitize import escape_raw_html
from ketluan.core.model import Document
from ketluan.site.pages import Page as PlannedPage
from ketluan.site.pages import SitePlan

DEFAULTS: dict[str, Any] = {"doc": None, "listing": None, "page_feed": None}
"""Context every page has, planned or hand-written (``main.html`` reads ``page_feed``)."""


def generated_files(plan: SitePlan, config: MkDocsConfig) -> list[File]:
    """``File.generated`` for the planned pages of the navigation: MkDocs renders them; the
    plugin renders every other planned page itself (``render``), so page size and memory
    do not grow with the corpus."""
    return [
        File.generated(config, src, content="", inclusion=InclusionLevel.UNDEFINED)
        for src, page in plan.pages.items()
        if page.in_nav
    ]


Bodies = Callable[[Document], str]
"""Reads the body of a document (the build holds none: ``ketluan.build.analysis``)."""


def source(planned: PlannedPage, body: Bodies | None = None) -> str:
    """A planned page's Markdown: the escaped body of its document (read by ``body``),
    or nothing."""
    doc = planned.body_of
    if doc is None:
        return ""
    return escape_raw_html(body(doc) if body is not None else doc.body)


def page_markdown(plan: SitePlan, page: Page, body: Bodies | None = None) -> str | None:
    """Markdown and metadata for a generated page, or None for a hand-written page.

    Values are HTML-escaped before they reach ``page.meta``: MkDocs' Jinja does not
    autoescape, and Material prints ``page.meta.title`` raw in <title> and the header.
    """
    planned = plan.pages.get(page.file.src_uri)
    page.update_date = (planned and planned.updated) or plan.updated
    if planned is None:
        return None
    page.meta = {"template": planned.template, "title": str(escape(planned.title))}
    if planned.description:
        page.meta["description"] = str(escape(planned.description))
    return source(planned, body)


def is_untrusted(plan: SitePlan, page: Page) -> bool:
    """True for pages whose body HTML comes from a document and must be sanitised."""
    planned = plan.pages.get(page.file.src_uri)
    return planned is not None and planned.body_of is not None


def page_context(plan: SitePlan, page: Page, context: dict[str, Any]) -> dict[str, Any]:
    """Add the shared data and the planned page's own context to Jinja's."""
    context.update(plan.shared.context())
    planned = plan.pages.get(page.file.src_uri)
    context.update(DEFAULTS)
    context.update(plan.handwritten if planned is None else planned.context())
    return context


THEME_PREFIX = "material"
"""Templates can reach Material's own files as ``material/partials/nav.html``, to wrap them
instead of copying them."""


def theme_loader(env: Environment) -> None:
    """Let templates include Material's files under ``THEME_PREFIX``."""
    material = FileSystemLoader(str(resources.files("material") / "templates"))
    assert env.loader is not None
    env.loader = ChoiceLoader([env.loader, PrefixLoader({THEME_PREFIX: material})])
