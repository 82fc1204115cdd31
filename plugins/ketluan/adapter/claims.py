"""What a build writes, as claims on site paths (``ketluan.build.collisions``): checked
against each other before anything is written, and checked present before publishing."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import Files

from ketluan.build.collisions import Claim
from ketluan.site import urls
from ketluan.site.pages import SitePlan
from ketluan.site.sitemap import SITEMAP_LIMIT


def output_claims(plan: SitePlan, mkdocs_pages: int) -> list[Claim]:
    """Every path this build writes besides MkDocs' files: the planned pages, feeds,
    manifests, lookups and sitemap parts. ``mkdocs_pages``: the pages MkDocs renders (the
    sitemap index counts them too)."""
    claims = [Claim(page.url + "index.html", page.origin()) for page in plan.pages.values()]
    claims += [Claim(feed.path, f"the Atom feed '{feed.title}'") for feed in plan.feeds]
    claims.append(Claim(urls.DOCUMENTS_JSON, "the open-data manifest of the documents"))
    claims.append(Claim(urls.RESOLUTIONS_JSON, "the open-data manifest of cited documents"))
    claims += [Claim(feed.path, f"the Atom feed '{feed.title}'") for feed in plan.task_feeds]
    claims += [Claim(cal.path, f"the calendar '{cal.name}'") for cal in plan.calendars]
    claims += [Claim(path, "a manifest of tasks or a number lookup") for path in plan.files]
    total = mkdocs_pages + sum(1 for page in plan.pages.values() if not page.in_nav)
    if total > SITEMAP_LIMIT:
        parts = range(1, -(-total // SITEMAP_LIMIT) + 1)
        claims += [
            Claim(urls.SITEMAP_PARTS.format(n), "a part of the sitemap index") for n in parts
        ]
    return claims


def mkdocs_claims(files: Files, project: Path) -> list[Claim]:
    """The outputs of the files MkDocs writes (hand-written pages, assets, theme files),
    each named by its file relative to the project."""
    claims = []
    for file in files:
        if not file.inclusion.is_included():
            continue
        if file.generated_by:
            source, handwritten = f"a file added by {file.generated_by}", False
        else:
            source, handwritten = _shown(Path(file.abs_src_path or file.src_uri), project), True
        claims.append(Claim(file.dest_uri, source, handwritten=handwritten))
    return claims


def _shown(path: Path, project: Path) -> str:
    """``path`` relative to the project when inside it (``docs/a.md``), else absolute."""
    return path.relative_to(project).as_posix() if path.is_relative_to(project) else str(path)
