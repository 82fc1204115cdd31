"""The summary and tables of ``queries.py``'s rows, against issue 17's bounds.

``python benchmarks/query_report.py ROWS.jsonl [--worst N] [--verbose]`` prints again
the markdown of a saved run (``queries.py``'s JSON lines: the run, the rows, the summary).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

FIRST_KB = 250
"""Issue 17: the first page of results, engine included, uncompressed, cold."""
MORE_KB = 100
"""Issue 17: each further page."""


def results(status: str) -> str:
    """How many results the status line gives ("0" for none; the line when it gives none)."""
    found = re.search(r"Tìm thấy ([\d.,]+)", status)
    return found.group(1) if found else "0" if status.startswith("Không") else status


def summary(rows: list[dict[str, Any]], worst: int) -> dict[str, object]:
    """Against issue 17's bounds: how many queries, how many over each, the largest, and the
    worst ``worst`` first pages."""
    done = [r for r in rows if "error" not in r]
    first = [r["first_search_kb"] for r in done]
    more = [r["more_kb"] for r in done if "more_kb" in r]
    ranked = sorted(done, key=lambda r: -r["first_search_kb"])
    return {
        "queries": len(rows),
        "errors": [r["query"] for r in rows if "error" in r],
        "first_over": sum(kb > FIRST_KB for kb in first),
        "first_max": max(first, default=None),
        "more_over": sum(kb > MORE_KB for kb in more),
        "more_max": max(more, default=None),
        "worst": [r["query"] for r in ranked[:worst]],
    }


def table(rows: list[dict[str, Any]], sources: bool) -> None:
    """The markdown rows: first page split by part, next page, top result."""
    print(
        f"| query |{' from |' if sources else ''} results | search KB, first page (engine / "
        "meta / index / records / other) | KB, next page | top result |"
    )
    print(f"|---|{'---|' if sources else ''}---|---|---|---|")
    for row in rows:
        if "error" in row:
            print(f"| `{row['query']}` | error: {row['error']} |")
            continue
        kb: dict[str, float] = row["first_kb"]
        named = ("engine", "meta", "index", "fragments", "page")
        other = sum(v for k, v in kb.items() if k not in named)
        parts = " / ".join(f"{kb.get(k, 0):.0f}" for k in named[:4])
        counts = f"; then counts {row['counts_kb']}" if "counts_kb" in row else ""
        origin = f" {row.get('from', '')} |" if sources else ""
        print(
            f"| `{row['query']}` |{origin} {results(row['status'])} | "
            f"**{row['first_search_kb']}** ({parts} / {other:.0f}){counts} "
            f"| {row.get('more_kb', '–')} | {row['top'] or '–'} |"
        )


KINDS = (
    ("scripts", re.compile(r"/assets/javascripts/ketluan")),
    ("places", re.compile(r"/tra-cuu/tu/dia-ban(\.json$|/)")),
    ("buckets", re.compile(r"/tra-cuu/tu/[0-9a-f]+\.json$")),
    ("word files", re.compile(r"/tra-cuu/tu/w/")),
    ("filters", re.compile(r"/tra-cuu/tu/loc/")),
    ("records", re.compile(r"/tra-cuu/vb/")),
    ("numbers", re.compile(r"/tra-cuu/so/")),
    ("titles", re.compile(r"/tra-cuu/tieu-de/")),
)
"""The search files by kind (the word index's layout: ketluan.site.words and friends)."""


def _name(path: str) -> str:
    """A word file's word ("x" and hex: the UTF-8 of a word with accents, "=về"), or the
    file's name."""
    stem = path.rsplit("/", 1)[-1].removesuffix(".json")
    told = " (described)" if stem.endswith("-t") else ""
    stem = stem.removesuffix("-t")
    if "/tu/w/" in path and stem.startswith("x"):
        try:
            return bytes.fromhex(stem[1:]).decode() + told
        except ValueError:
            pass
    return stem + told if "/tu/w/" in path else path.rsplit("/", 2)[-2] + "/" + stem


def breakdown(row: dict[str, Any], key: str, count: int = 6) -> str:
    """The search files of a row (``--verbose`` rows list them) by kind, largest kind first:
    how many, KB, and the largest few of the word files, numbers and titles."""
    kinds: dict[str, list[tuple[str, int]]] = {}
    for path, size in row.get(key, []):
        kind = next((k for k, pattern in KINDS if pattern.search(path)), None)
        if kind:
            kinds.setdefault(kind, []).append((path, size))
    parts = []
    for kind, entries in sorted(kinds.items(), key=lambda e: -sum(s for _, s in e[1])):
        text = f"{kind} {len(entries)}: {sum(s for _, s in entries) / 1024:.1f}"
        if kind in ("word files", "numbers", "titles"):
            named = ", ".join(f"{_name(p)} {s / 1024:.1f}" for p, s in entries[:count])
            text += f" ({named}{', …' if len(entries) > count else ''})"
        parts.append(text)
    return "; ".join(parts)


def over(row: dict[str, Any]) -> bool:
    return row.get("first_search_kb", 0) > FIRST_KB or row.get("more_kb", 0) > MORE_KB


def markdown(
    rows: list[dict[str, Any]], total: dict[str, Any], run: dict[str, Any], verbose: bool
) -> None:
    if run.get("relevance"):
        print(
            f"Relevance set on `generate.plan({run['relevance']}, {run['seed']})`: "
            f"{total['queries']} queries ({len(total['errors'])} failed); first page over "
            f"{FIRST_KB} KB: **{total['first_over']}** (largest {total['first_max']} KB); next "
            f"page over {MORE_KB} KB: **{total['more_over']}** (largest {total['more_max']} KB). "
            f"Search scripts: {run['assets']}."
        )
        if run["missing_picks"]:
            print(f"Picks that found nothing in this plan: {', '.join(run['missing_picks'])}.")
        print()
        shown = set(total["worst"])
        listed = [r for r in rows if "error" in r or r["query"] in shown or over(r)]
        table(sorted(listed, key=lambda r: -r.get("first_search_kb", 1e9)), sources=True)
    else:
        print(f"Search scripts: {run['assets']}.\n")
        table(rows, sources=False)
    if verbose and any(over(r) for r in rows):
        print("\nThe search files of the queries over a bound, by kind (how many: KB):\n")
        for row in (r for r in rows if over(r)):
            more = breakdown(row, "more_files")
            more = f". Next page: {more}" if more else ""
            print(f"- `{row['query']}`: {breakdown(row, 'first_files')}{more}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rows", type=Path)
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    lines = [json.loads(line) for line in args.rows.read_text(encoding="utf-8").splitlines()]
    run = next(line["run"] for line in lines if "run" in line)
    rows = [line for line in lines if "query" in line]
    worst = args.worst if run.get("relevance") else len(rows)
    markdown(rows, summary(rows, worst), run, args.verbose)


if __name__ == "__main__":
    main()
