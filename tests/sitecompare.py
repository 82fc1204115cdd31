"""Two built sites compared as readers see them: every file byte for byte, but the search
index, which is compared by what a query can find (the records Pagefind indexed, minus
the superseded ones, and where each place's queries are routed)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from ketluan.build.pagefind import FRAGMENT_PREFIX
from ketluan.site.search import place_token

INDEX_FOLDERS = ("pagefind", "pagefind-shards", "pagefind-places", "pagefind-delta")
"""First folders of the search index (``pagefind-places-delta`` starts like one)."""


def site_files(folder: Path) -> dict[str, bytes]:
    """Every file of a built site but the search index, with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.relative_to(folder).parts[0].startswith(INDEX_FOLDERS)
    }


def _fragments(folder: Path, dropped: set[str]) -> dict[str, dict[str, Any]]:
    """URL -> record of every fragment of the index ``folder`` not ``dropped``."""
    found = {}
    for fragment in sorted((folder / "fragment").glob("*.pf_fragment")):
        if fragment.stem in dropped:
            continue
        data = gzip.decompress(fragment.read_bytes()).removeprefix(FRAGMENT_PREFIX)
        record = json.loads(data)
        found[record["url"]] = record
    return found


def search_view(folder: Path) -> dict[str, Any]:
    """What a site's search can find: each live record of the full text and of the places
    indexes, and for each place name the documents its queries reach (places-only queries:
    the places indexes of the shards the manifest lists; others: their full text)."""
    manifest_file = folder / "pagefind" / "ketluan-places.json"
    if not manifest_file.is_file():
        return {}
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    dropped = set(manifest.get("superseded", {}))
    dropped_places = set(manifest.get("superseded_places", {}))
    text = [_fragments(folder / path, dropped) for path in manifest["shards"]]
    places = [_fragments(folder / path, dropped_places) for path in manifest["place_shards"]]
    reach = {}
    for name, shards in manifest["places"].items():
        token = place_token(name)
        by_places = {u for n in shards for u, r in places[n].items() if token in r["content"]}
        by_text = {
            u for n in shards for u, r in text[n].items() if token in r["meta"].get("terms", "")
        }
        reach[name] = (sorted(by_places), sorted(by_text))
    return {
        "text": {url: r for shard in text for url, r in shard.items()},
        "places": {url: r for shard in places for url, r in shard.items()},
        "reach": reach,
        "spellings": manifest["spellings"],
    }


def differences(first: Path, second: Path) -> list[str]:
    """What differs between two built sites (empty: a reader cannot tell them apart)."""
    a, b = site_files(first), site_files(second)
    found = [f"only in {first.name}: {p}" for p in sorted(set(a) - set(b))]
    found += [f"only in {second.name}: {p}" for p in sorted(set(b) - set(a))]
    found += [f"differs: {p}" for p in sorted(set(a) & set(b)) if a[p] != b[p]]
    sa, sb = search_view(first), search_view(second)
    for part in ("text", "places", "reach", "spellings"):
        left, right = sa.get(part, {}), sb.get(part, {})
        for key in sorted(set(left) | set(right)):
            if left.get(key) != right.get(key):
                found.append(f"search {part} differs: {key}")
    return found
