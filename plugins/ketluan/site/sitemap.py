"""Sitemap entries of the generated pages, and the split into a sitemap index past the
sitemaps.org limit of one file."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from ketluan.site import urls
from ketluan.site.pages import SitePlan

SITEMAP_LIMIT = 50_000
"""Most URLs in one sitemap file (sitemaps.org); a bigger site gets a sitemap index."""

Entry = tuple[str, str]
"""(URL, last modified)."""


def entries(plan: SitePlan, base: str) -> list[Entry]:
    """Every page the plugin renders itself (the pages outside the navigation)."""
    return [
        (urljoin(base, page.url), page.updated or plan.updated)
        for page in plan.pages.values()
        if not page.in_nav
    ]


def sitemap_context(generated: list[Entry], base: str, updated: str) -> dict[str, Any]:
    """What templates/sitemap.xml needs of every entry (``generated``: the pages MkDocs
    renders first, then the plugin's): all of them when they fit in one sitemap; else the
    URLs of the parts of a sitemap index (``parts``), last modified ``updated``."""
    if len(generated) <= SITEMAP_LIMIT:
        return {"kl_sitemap": generated, "kl_sitemap_parts": None}
    count = -(-len(generated) // SITEMAP_LIMIT)
    found = [urljoin(base, urls.SITEMAP_PARTS.format(n)) for n in range(1, count + 1)]
    return {"kl_sitemap": None, "kl_sitemap_parts": [(url, updated) for url in found]}


def parts(every: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """(path, entries) of each part of a sitemap index; none when one sitemap holds all."""
    if len(every) <= SITEMAP_LIMIT:
        return []
    return [
        (urls.SITEMAP_PARTS.format(number), every[start : start + SITEMAP_LIMIT])
        for number, start in enumerate(range(0, len(every), SITEMAP_LIMIT), start=1)
    ]
