"""A small link checker over parsed HTML: every internal link and anchor must resolve."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html

ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src"}


def _target(site: Path, page: Path, reference: str) -> tuple[Path, str] | None:
    """File a site-relative reference points to, and its fragment; None when external."""
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc or reference.startswith("//"):
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    base = site if parts.path.startswith("/") else page.parent
    target = (base / unquote(parts.path.lstrip("/"))).resolve()
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    """Every internal reference in every page of ``site`` that does not resolve."""
    ids: dict[Path, set[str]] = {}
    trees: dict[Path, html.HtmlElement] = {}
    for page in sorted(site.rglob("*.html")):
        tree = html.fromstring(page.read_bytes())
        trees[page.resolve()] = tree
        ids[page.resolve()] = set(tree.xpath("//@id")) | set(tree.xpath("//a/@name"))
    problems = []
    for page, tree in trees.items():
        for tag, attribute in ATTRIBUTES.items():
            for element in tree.iter(tag):
                reference = element.get(attribute)
                if not reference:
                    continue
                found = _target(site.resolve(), page, reference)
                if found is None:
                    continue
                target, fragment = found
                where = f"{page.relative_to(site.resolve())}: {reference}"
                if not target.is_file():
                    problems.append(f"{where} (no such file)")
                elif fragment and target.suffix == ".html" and fragment not in ids.get(target, ()):
                    problems.append(f"{where} (no anchor #{fragment})")
    return problems
