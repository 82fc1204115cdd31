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


def sitemap_context(plan: SitePlan, base: str, mkdocs_pages: list[Entry]) -> dict[str, Any]:
    """What templates/sitemap.xml needs: the generated pages' entries when everything fits
    in one sitemap; else the URLs of the parts of a sitemap index (``parts``), the pages
    MkDocs rendered going into the first part."""
    generated = entries(plan, base)
    if len(mkdocs_pages) + len(generated) <= SITEMAP_LIMIT:
        return {"kl_sitemap": mkdocs_pages + generated, "kl_sitemap_parts": None}
    count = -(-(len(mkdocs_pages) + len(generated)) // SITEMAP_LIMIT)
    found = [urljoin(base, urls.SITEMAP_PARTS.format(n)) for n in range(1, count + 1)]
    return {"kl_sitemap": None, "kl_sitemap_parts": [(url, plan.updated) for url in found]}


def parts(plan: SitePlan, base: str, mkdocs_pages: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """(path, entries) of each part of a sitemap index; none when one sitemap holds all."""
    every = mkdocs_pages + entries(plan, base)
    if len(every) <= SITEMAP_LIMIT:
        return []
    return [
        (urls.SITEMAP_PARTS.format(number), every[start : start + SITEMAP_LIMIT])
        for number, start in enumerate(range(0, len(every), SITEMAP_LIMIT), start=1)
    ]
