"""The read phase of an incremental build, and what it decides: how much to plan and render.

A build reads only the files whose analysis it does not have (``analysis``), then takes
one of four ways (``Mode``):

- **cold**: no published site the state describes (the first build, ``cache: false``, a
  new version of this package): everything is planned, rendered and published whole;
- **plan**: documents were added, removed or renamed, a field other pages show changed
  (front matter, citations, places named), or a template, the configuration or the code:
  every page is planned, and only those whose key (the digest of what it is made from,
  ``keys``) differs from the published one are rendered and written;
- **local**: only documents' own text changed (body and words, not their citations or
  the places they name): only their pages and word index entries are redone,
  from each page as the last plan made it (stored with the published outputs);
- **none**: nothing changed: nothing is planned or rendered.

Invariant (README, "Incremental builds"): what a page shows of another document goes
through that document's analysis; only its own page reads its body (``refs.UNREAD``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ketluan.build.analysis import (
    Analysed,
    Record,
    Scan,
    analyse,
    named_places,
    places_context,
    record_of,
    same_bytes,
    scan,
)
from ketluan.build.refs import Refs
from ketluan.build.state import BuildState
from ketluan.citations.resolve import Mention
from ketluan.citations.tasks import Task
from ketluan.core.corpus import Corpus, assemble
from ketluan.core.model import TypeInfo
from ketluan.core.problems import Problem
from ketluan.site.search import corpus_places
from ketluan.site.words import Words

PLACES = "places"
"""State key (per target) of the corpus's place names its stored places were found among."""
IDS = "ids"
"""State key (per target) of the ids ``core.corpus`` made unique, by source path."""

Snapshot = tuple[str, str | None, str | None, str | None]
"""What a site knows of one document: (content digest, digest of what other pages show
of it, digest of the place names its places were looked for among, those places)."""


class Mode(enum.Enum):
    """How much a build plans and renders (see the module docstring)."""

    COLD = "cold"
    PLAN = "plan"
    LOCAL = "local"
    NONE = "none"


@dataclass
class Sources:
    """The conclusion files of this build, against the analysis cache and against what
    the published site was built from."""

    scan: Scan
    analysed: dict[str, Analysed]
    """Files read this build (changed or new), valid or not."""
    touched: dict[str, tuple[int, int]]
    """Files with a new time or size but the same bytes: their new (mtime_ns, size)."""
    current: dict[str, Snapshot]
    """Every valid file as it is now."""
    built: dict[str, Snapshot]
    """Every document the published site was built from."""

    @property
    def problems(self) -> list[Problem]:
        """Every problem, in the order a cold read reports them."""
        found = list(self.scan.problems)
        for source in self.scan.order:
            if source in self.analysed:
                found.extend(self.analysed[source].problems)
        return found

    @property
    def changed(self) -> set[str]:
        """Documents added, removed or changed since the published site was built."""
        keys = set(self.current) | set(self.built)
        return {s for s in keys if self.current.get(s, (None,))[0] != self.built.get(s, (None,))[0]}

    def local(self) -> bool:
        """True when every changed document keeps what other pages show of it: the same
        fields, citations, tasks and places named (its body and words may differ)."""
        for source in self.changed:
            now, then = self.current.get(source), self.built.get(source)
            if now is None or then is None or now[1:] != then[1:] or now[1] is None:
                return False
        return True


def read(
    project: Path,
    conclusions_dir: str,
    types: dict[str, TypeInfo],
    state: BuildState | None,
    target: str,
    jobs: int,
    progress: Callable[[int], Any],
) -> Sources:
    """Walk the conclusions and analyse those the cache does not know as they are; the
    analyses are kept at once (they depend on the bytes only)."""
    found = scan(project, conclusions_dir, state)
    touched = same_bytes(found) if state is not None else {}
    todo = [
        (rel, found.paths[rel])
        for rel in found.order
        if rel not in found.unchanged and rel not in touched
    ]
    places = state.get(f"{PLACES}:{target}") if state is not None else None
    analysed = {a.source: a for a in analyse(todo, types, places, jobs, progress)}
    current: dict[str, Snapshot] = {}
    built: dict[str, Snapshot] = {}
    if state is not None:
        rows = state.rows("SELECT path, digest, shared, places_context, places FROM sources")
        current = {path: tuple(rest) for path, *rest in rows if path in found.paths}  # type: ignore[misc]
        rows = state.rows(
            "SELECT path, digest, shared, places_context, places FROM built WHERE target = ?",
            [target],
        )
        built = {path: tuple(rest) for path, *rest in rows}  # type: ignore[misc]
    for source, new in analysed.items():
        current.pop(source, None)
        if new.record is not None:
            current[source] = (new.digest, new.shared, new.places_context, _blob(new.places))
    sources = Sources(found, analysed, touched, current, built)
    if state is not None:
        save(sources, state)
    return sources


def decide(sources: Sources, reusable: bool, same_salt: bool) -> Mode:
    """How much this build must do (see ``Mode``)."""
    if not reusable:
        return Mode.COLD
    if sources.problems or not same_salt:
        return Mode.PLAN
    if not sources.changed:
        return Mode.NONE
    return Mode.LOCAL if sources.local() else Mode.PLAN


@dataclass
class Assembled:
    """The whole corpus of this build, from the cache and this build's analyses."""

    corpus: Corpus
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    named: dict[str, list[str]] = field(default_factory=dict)
    words: dict[str, Words] = field(default_factory=dict)
    """Source -> what the word index holds of the document (``site.words``)."""
    tasks: dict[str, list[Task]] = field(default_factory=dict)
    """Source -> the tasks the document assigns, as its front matter corrects them."""
    places: list[str] = field(default_factory=list)
    ids: dict[str, Any] = field(default_factory=dict)
    """Source -> id, for the documents whose id ``core.corpus`` made unique."""
    refs: Refs = field(default_factory=Refs)


def assemble_corpus(sources: Sources, state: BuildState | None, jobs: int) -> Assembled:
    """Every document of the corpus (raises ``ProblemsError`` as a cold read would), its
    mentions bound to the final documents, the places each names among the corpus's."""
    records = _records(sources, state)
    documents = [record.document for record in records.values()]
    corpus = assemble(documents, sources.problems)
    places = corpus_places(corpus.documents)
    context = places_context(places)
    stale = [doc for doc in corpus.documents if sources.current[doc.source][2] != context]
    fresh = named_places(
        [(doc, sources.scan.paths[doc.source], sources.current[doc.source][0]) for doc in stale],
        places,
        jobs,
    )
    for source, found in fresh.items():
        now = sources.current[source]
        sources.current[source] = (now[0], now[1], context, _blob(found))
    if state is not None and fresh:
        with state.transaction():
            state.many(
                "UPDATE sources SET places_context = ?, places = ? WHERE path = ?",
                ((context, _blob(found), source) for source, found in fresh.items()),
            )
    built = Assembled(corpus, places=places)
    for doc in corpus.documents:
        record = records[doc.source]
        mentions = record.mentions
        if record.document is not doc:  # its id was made unique: bind its mentions to it
            mentions = [replace(m, doc=doc) for m in mentions]
            built.ids[doc.source] = doc.doc_id
        built.mentions[doc.source] = mentions
        built.named[doc.source] = _unblob(sources.current[doc.source][3]) or []
        built.words[doc.source] = record.words
        built.tasks[doc.source] = record.tasks
        built.refs.add(doc, sources.current[doc.source][0], mentions)
    return built


def _records(sources: Sources, state: BuildState | None) -> dict[str, Record]:
    """The record of every valid file, in the order of the walk."""
    stored: dict[str, bytes] = {}
    if state is not None:
        for path, blob in state.rows("SELECT path, record FROM records"):
            if path in sources.current and path not in sources.analysed:
                stored[path] = blob
    found = {}
    for source in sources.scan.order:
        analysed = sources.analysed.get(source)
        blob = analysed.record if analysed is not None else stored.get(source)
        if blob is not None:
            found[source] = record_of(blob)
    return found


def save(sources: Sources, state: BuildState) -> None:
    """Keep this build's analyses (of valid files) and the new times of touched files."""
    valid = [a for a in sources.analysed.values() if a.record is not None]
    rows = [(a.source, a.mtime_ns, a.size, a.digest, a.shared, *_places(a)) for a in valid]
    invalid = [a.source for a in sources.analysed.values() if a.record is None]
    gone = [(p,) for p in [*sources.scan.removed, *invalid]]
    with state.transaction():
        state.many("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        state.many(
            "INSERT OR REPLACE INTO records VALUES (?, ?)", ((a.source, a.record) for a in valid)
        )
        state.many(
            "UPDATE sources SET mtime_ns = ?, size = ? WHERE path = ?",
            ((mtime, size, path) for path, (mtime, size) in sources.touched.items()),
        )
        state.many("DELETE FROM sources WHERE path = ?", gone)
        state.many("DELETE FROM records WHERE path = ?", gone)


def _places(found: Analysed) -> tuple[str | None, str | None]:
    return found.places_context, _blob(found.places)


def snapshot_changes(sources: Sources) -> dict[str, Snapshot | None]:
    """What to change in the target's record of what its site was built from."""
    found: dict[str, Snapshot | None] = {}
    for source in set(sources.current) | set(sources.built):
        now = sources.current.get(source)
        if now != sources.built.get(source):
            found[source] = now
    return found


def _blob(places: list[str] | None) -> str | None:
    return None if places is None else "\n".join(places)


def _unblob(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return value.split("\n") if value else []
