"""What the published search index holds, and what a build changes in it: the delta.

Re-indexing a shard of 2,000 documents for one edit takes Pagefind seconds, so a build
indexes only the documents changed or added since the shards were built into one small
delta index (``urls.SEARCH_DELTA``, with its places index), which the browser merges like
one more shard. The shards' entries of those documents (and of documents removed) are
*superseded*: the places manifest lists their Pagefind page ids, and the browser drops
them from results and from filter counts (``ketluan-search-engine.js``). A build that plans
every page compacts the delta into new shards when it outgrows a threshold
(``adapter.searching.COMPACT_FLOOR``); a cold build always does. Whatever the split, the
documents found by a query and what each result shows are those of a cold index, but for
the known gap of words only superseded entries hold (README, "Incremental builds";
``tests/browser/test_search_delta.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ketluan.core.text import fold
from ketluan.site import urls
from ketluan.site.search import PlaceRecord

DELTA = -1
"""Shard number of the entries of the delta index."""


@dataclass
class Entry:
    """One document in the search index: where, made from what, and what the manifest
    and the browser need of it."""

    shard: int
    key: str
    """Digest of what Pagefind reads of its page (``pagefind.indexed_digest``): a page
    whose indexed text or values changed is indexed again, no other."""
    places_key: str
    """Digest of its places record."""
    facets: dict[str, list[str]]
    names: list[str]
    """Places it names (``site.search.spelling``), for the manifest."""
    page: str
    """Site path of its page."""
    record: PlaceRecord | None = None
    """Its places record (kept for the entries of the delta, rebuilt from them)."""
    page_id: str = ""
    place_id: str = ""


@dataclass
class SearchState:
    """The search index of a published site: the shards' folders and entries, and the
    delta's entries."""

    shards: list[str] = field(default_factory=list)
    """Folder of each full-text shard, by shard number (its places index:
    ``urls.SEARCH_PLACES``/number)."""
    base: dict[str, Entry] = field(default_factory=dict)
    delta: dict[str, Entry] = field(default_factory=dict)
    live: set[str] | None = None
    """URLs of the documents the site holds (the shards keep removed ones until compaction;
    a build that plans nothing must not bring them back); None: every entry."""

    def superseded(self, current: dict[str, Entry]) -> set[str]:
        """URLs of the shards' entries that are no longer what the site shows."""
        return {
            url
            for url, entry in self.base.items()
            if url not in current or _made(current[url]) != _made(entry)
        }

    def changed(self, current: dict[str, Entry]) -> dict[str, Entry]:
        """The documents the delta must hold: new, or changed since the shards."""
        gone = self.superseded(current)
        return {url: e for url, e in current.items() if url not in self.base or url in gone}

    def same_delta(self, delta: dict[str, Entry]) -> bool:
        """True when the delta index already holds ``delta`` as it is."""
        return delta.keys() == self.delta.keys() and all(
            _made(entry) == _made(self.delta[url]) for url, entry in delta.items()
        )

    def manifest(self, current: dict[str, Entry]) -> dict[str, object]:
        """Contents of the places manifest (``site.search.PLACES_FILE``): the shards and
        their places indexes (the delta last), for each folded place name the shards
        holding the live entries of documents naming it, and the superseded page ids
        with the filter values to take off the counts."""
        shards = [f"{path}/" for path in self.shards]
        place_shards = [f"{urls.SEARCH_PLACES}/{n}/" for n in range(len(self.shards))]
        if self.delta:
            shards.append(f"{urls.SEARCH_DELTA}/")
            place_shards.append(f"{urls.SEARCH_PLACES_DELTA}/")
        place_at: dict[str, set[int]] = {}
        spellings: dict[str, set[str]] = {}
        for url, entry in current.items():
            live = self.delta.get(url) or self.base[url]
            index = len(self.shards) if live.shard == DELTA else live.shard
            for name in entry.names:
                place_at.setdefault(fold(name), set()).add(index)
                spellings.setdefault(fold(name), set()).add(name)
        superseded = self.superseded(current)
        kept_ids = {e.page_id for e in self.delta.values()}
        kept_places = {e.place_id for e in self.delta.values()}
        gone = [self.base[url] for url in sorted(superseded)]
        return {
            "shards": shards,
            "place_shards": place_shards,
            "places": {name: sorted(place_at[name]) for name in sorted(place_at)},
            "spellings": {name: sorted(spellings[name]) for name in sorted(spellings)},
            "superseded": {e.page_id: e.facets for e in gone if e.page_id not in kept_ids},
            "superseded_places": {
                e.place_id: e.facets for e in gone if e.place_id not in kept_places
            },
        }


def _made(entry: Entry) -> tuple[str, str]:
    return entry.key, entry.places_key
