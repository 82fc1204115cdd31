"""What a built site is made of: bytes by page kind, and bytes by part of a page.

``python benchmarks/output_size.py SITE [--documents N] [--sample K] [--json]``

The output of a portal has to fit a static host (GitHub Pages: 1 GB), so this says where
its bytes go. First every file of ``SITE`` by kind (document pages, list pages, place pages,
lookups, cited-document pages, the search index, the rest), in total and per document
(``--documents``, else the number of document pages). Then, for up to ``K`` pages of each
HTML kind spread over the kind (every n-th in path order), the mean bytes of each part of
a page as lxml serialises it: Material's head, header, tabs, navigation, table of contents,
footer and scripts; ours: JSON-LD, breadcrumbs, letterhead, metadata panel, body, closing,
citations; and across parts the inline SVG icons and the whitespace between
tags. Parts are measured apart from one another (a part inside another is not counted in
it), so a page's parts add up to its size but for the serialiser's rounding ("other").
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

from lxml import etree, html

KINDS: tuple[tuple[str, Callable[[Path], bool]], ...] = (
    ("document", lambda p: p.parts[0] == "van-ban" and len(p.parts) == 6),
    ("document list", lambda p: p.parts[0] == "van-ban" and p.suffix == ".html"),
    ("place", lambda p: p.parts[0] == "dia-ban"),
    ("lookup", lambda p: p.parts[0] == "danh-muc"),
    ("cited document", lambda p: p.parts[0] == "trich-dan"),
    ("search index", lambda p: p.parts[0] == "tra-cuu" and p.suffix == ".json"),
    (
        "open data, feeds, sitemaps",
        lambda p: p.parts[0] in ("api", "sitemaps") or p.suffix in (".xml", ".gz"),
    ),
    ("assets", lambda p: p.parts[0] == "assets"),
)
"""Page kinds by the first folders of their path, first match wins; the rest is "other"."""

PARTS: tuple[tuple[str, str], ...] = (
    ("JSON-LD", "//script[@type='application/ld+json']"),
    ("head", "/html/head"),
    ("header", "//header[contains(@class,'md-header')]"),
    ("tabs", "//nav[contains(@class,'md-tabs')]"),
    ("navigation", "//div[contains(@class,'md-sidebar--primary')]"),
    ("table of contents", "//div[contains(@class,'md-sidebar--secondary')]"),
    ("breadcrumbs", "//nav[contains(@class,'kl-breadcrumbs')]"),
    ("reading tools", "//div[contains(@class,'kl-tools')]"),
    ("letterhead", "//header[contains(@class,'kl-letterhead')]"),
    ("metadata panel", "//dl[contains(@class,'kl-meta')]"),
    ("document body", "//div[contains(@class,'kl-document__body')]"),
    ("closing", "//footer[contains(@class,'kl-closing')]"),
    ("citations", "//section[contains(@class,'kl-cites') or contains(@class,'kl-cited-by')]"),
    ("footer", "//footer[contains(@class,'md-footer')]"),
    ("scripts", "/html/body//script"),
    ("content", "//article"),
    ("page", "/html"),
)
"""Parts of a page, innermost first: each is measured without the parts found before it."""

_BLANK = re.compile(rb">\s+<")


def kind_of(path: Path) -> str:
    return next((name for name, test in KINDS if test(path)), "other")


def files(site: Path) -> Iterator[tuple[Path, int]]:
    for path in sorted(site.rglob("*")):
        if path.is_file():
            yield path.relative_to(site), path.stat().st_size


def _size(element: etree._Element) -> int:
    return len(etree.tostring(element, encoding="utf-8", with_tail=False))


def parts(page: bytes) -> dict[str, int]:
    """Bytes of each part of one page; ``svg`` and ``whitespace`` are across parts."""
    root = html.fromstring(page)
    sizes: dict[str, int] = {
        "svg": sum(_size(svg) for svg in root.iter("{http://www.w3.org/2000/svg}svg", "svg")),
        "whitespace": sum(len(m.group()) - 2 for m in _BLANK.finditer(page)),
    }
    for name, path in PARTS:
        found = root.xpath(path)
        sizes[name] = sum(_size(element) for element in found)
        for element in found:
            if element.getparent() is not None:
                element.getparent().remove(element)  # not counted again by an outer part
            else:
                element.clear()
    return sizes


def measure(site: Path, documents: int | None, sample: int) -> dict[str, object]:
    by_kind: dict[str, list[tuple[Path, int]]] = defaultdict(list)
    for path, size in files(site):
        by_kind[kind_of(path)].append((path, size))
    pages = documents or len(by_kind["document"])
    total = sum(size for found in by_kind.values() for _, size in found)
    result: dict[str, object] = {
        "documents": pages,
        "total_bytes": total,
        "bytes_per_document": round(total / pages),
        "kinds": {
            name: {
                "files": len(found),
                "bytes": sum(size for _, size in found),
                "bytes_per_document": round(sum(size for _, size in found) / pages),
                "mean_page": round(sum(size for _, size in found) / len(found)),
            }
            for name, found in sorted(by_kind.items())
        },
    }
    anatomy = {}
    for name, found in by_kind.items():
        pages_of_kind = [p for p, _ in found if p.suffix == ".html"]
        if name in ("search index", "assets") or not pages_of_kind:
            continue
        step = max(1, len(pages_of_kind) // sample)
        chosen = pages_of_kind[::step][:sample]
        totals: dict[str, int] = defaultdict(int)
        for path in chosen:
            data = (site / path).read_bytes()
            totals["file"] += len(data)
            for part, size in parts(data).items():
                totals[part] += size
        anatomy[name] = {part: round(size / len(chosen)) for part, size in totals.items()}
    result["anatomy"] = anatomy
    return result


def report(result: dict[str, object]) -> str:
    """Markdown tables of the result."""
    lines = [
        f"{result['total_bytes'] / 2**20:,.1f} MB, {result['bytes_per_document'] / 1024:,.1f} KB "
        f"per document ({result['documents']:,} documents)",
        "",
        "| kind | files | MB | KB per document | mean file KB |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, kind in result["kinds"].items():  # type: ignore[union-attr]
        lines.append(
            f"| {name} | {kind['files']:,} | {kind['bytes'] / 2**20:,.1f} | "
            f"{kind['bytes_per_document'] / 1024:,.1f} | {kind['mean_page'] / 1024:,.1f} |"
        )
    anatomy: dict[str, dict[str, int]] = result["anatomy"]  # type: ignore[assignment]
    names = [n for n in anatomy]
    columns = ["file", *[p for p, _ in PARTS], "svg", "whitespace"]
    lines += ["", "| part (mean bytes) | " + " | ".join(names) + " |"]
    lines.append("|---|" + "---:|" * len(names))
    for column in columns:
        cells = [f"{anatomy[n].get(column, 0):,}" for n in names]
        lines.append(f"| {column} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--documents", type=int, help="documents of the corpus")
    parser.add_argument("--sample", type=int, default=200, help="pages per kind to dissect")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    args = parser.parse_args()
    result = measure(args.site, args.documents, args.sample)
    print(json.dumps(result) if args.json else report(result))


if __name__ == "__main__":
    main()
