"""Per-document analysis kept between builds: a file whose size and time (or, those
changed, whose bytes) are as at the last build is not read again.

The analysis of a file is everything the build derives from it alone: its validated
document (without its body, which stays on disk: ``refs.UNREAD``), its citations with
their spans and sentences, its words for search, and the places its text names among
the places of the corpus (a context: recomputed when the corpus's places change). It is
a pure function of the file's bytes, this package's code and the configured types, all
in the key of the stored record (``state.records``; the state is dropped with the code).

Files are analysed in worker processes when there are many (a cold build: both cores).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ketluan.build.refs import UNREAD, digest, dumps, loads
from ketluan.build.state import BuildState
from ketluan.citations.resolve import Mention, document_mentions
from ketluan.citations.task_overrides import document_tasks
from ketluan.citations.tasks import Task
from ketluan.core.corpus import conclusions_root, parse_document
from ketluan.core.frontmatter import body_at, decode
from ketluan.core.model import Document, TypeInfo
from ketluan.core.problems import Problem
from ketluan.core.sources import find_sources, read_source, relative
from ketluan.site.search import SearchPlan
from ketluan.site.words import Words, document_words

PARALLEL_FROM = 64
"""Fewer changed files than this are analysed in the build process (a pool costs more)."""
RACY_NS = 2_000_000_000
"""A file modified this close to the scan that recorded it is read again next time: its
time could repeat for a second change of the same size (as git treats "racy" entries)."""


@dataclass
class Analysed:
    """The analysis of one file (a document, or the problems that make it invalid)."""

    source: str
    mtime_ns: int
    size: int
    digest: str
    problems: list[Problem] = field(default_factory=list)
    record: bytes | None = None
    """``refs.dumps((document, mentions, tasks, words))``: the document without its
    body."""
    shared: str | None = None
    """Digest of what other pages can show of the document: everything but its body
    and its words (see ``incremental``)."""
    places_context: str | None = None
    places: list[str] | None = None
    """Places the document names among those of ``places_context``, sorted."""


@dataclass
class Record:
    """A stored analysis, read back: the document (body unread), its mentions, the tasks
    it assigns (``citations.task_overrides``) and its words (``site.words``)."""

    document: Document
    mentions: list[Mention]
    tasks: list[Task]
    words: Words


def record_of(blob: bytes) -> Record:
    return Record(*loads(blob))


@dataclass
class Scan:
    """The conclusion files on disk against the state: which need no reading."""

    order: list[str]
    """Source paths in the order ``core.sources`` walks them (problems are in this order)."""
    paths: dict[str, str]
    """Source path -> the file (as a string: no path object per file)."""
    problems: list[Problem]
    known: dict[str, tuple[int, int, str]]
    """Source -> (mtime_ns, size, digest) of the state's row."""
    unchanged: set[str]
    started_ns: int

    @property
    def removed(self) -> set[str]:
        return set(self.known) - set(self.paths)


def scan(project: Path, conclusions_dir: str, state: BuildState | None) -> Scan:
    """Walk the conclusions; a file whose size and time equal its row's (and were not
    recorded racily) is unchanged without being read."""
    started = time.time_ns()
    project = project.resolve()
    sources = find_sources(conclusions_root(project, conclusions_dir), project)
    known: dict[str, tuple[int, int, str]] = {}
    if state is not None:
        rows = state.rows("SELECT path, mtime_ns, size, digest FROM sources")
        known = {path: (mtime, size, value) for path, mtime, size, value in rows}
    paths = {relative(file, project): file for file in sources.files}
    unchanged = set()
    for rel, file in paths.items():
        row = known.get(rel)
        if row is None or row[0] < 0:
            continue
        try:
            info = os.stat(file)  # not Path.stat: 10,000 calls in a build that does nothing
        except OSError:
            continue
        if (info.st_mtime_ns, info.st_size) == row[:2]:
            unchanged.add(rel)
    return Scan(list(paths), paths, list(sources.problems), known, unchanged, started)


def same_bytes(scan: Scan) -> dict[str, tuple[int, int]]:
    """Files whose time or size changed but whose bytes did not (a checkout, ``touch``):
    source -> their new (mtime_ns, size)."""
    found = {}
    for rel in set(scan.paths) - scan.unchanged:
        row = scan.known.get(rel)
        if row is None:
            continue
        path = Path(scan.paths[rel])
        try:
            info = path.stat()
            raw = path.read_bytes()
        except OSError:
            continue
        if digest(raw) == row[2]:
            found[rel] = (_trusted(info.st_mtime_ns, scan.started_ns), info.st_size)
    return found


def analyse(
    files: list[tuple[str, str]],
    types: dict[str, TypeInfo],
    places: list[str] | None,
    jobs: int,
    progress: Callable[[int], Any] = lambda done: None,
) -> list[Analysed]:
    """Analyse ``files`` (source, path), naming ``places`` (None: not yet known), on
    ``jobs`` processes when there are many."""
    global _TYPES, _PLACES
    _TYPES, _PLACES = types, places
    tasks = [(rel, str(path)) for rel, path in files]
    results: list[Analysed] = []
    for found in _map(_analyse_chunk, _chunks(tasks, 100), jobs, len(tasks)):
        results.extend(found)
        progress(len(found))
    return results


def named_places(
    files: list[tuple[Document, str, str]], places: list[str], jobs: int
) -> dict[str, list[str]]:
    """Places named by the documents of ``files`` (document, path, digest) among
    ``places``, their bodies read again: the corpus's places changed since they were
    analysed."""
    global _PLACES, _DOCS
    _PLACES, _DOCS = places, {doc.source: doc for doc, _, _ in files}
    tasks = [(doc.source, str(path), value) for doc, path, value in files]
    found: dict[str, list[str]] = {}
    try:
        for chunk in _map(_places_chunk, _chunks(tasks, 200), jobs, len(tasks)):
            found.update(chunk)
    finally:
        _DOCS = {}
    return found


def places_context(places: list[str]) -> str:
    """Digest of a corpus's place names, the context of ``Analysed.places``."""
    return digest(*places)


class SourceChanged(RuntimeError):
    """A file changed while the build ran; the message says to build again."""


def read_body(path: Path | str, source: str, expected: str, body_line: int) -> str:
    """The body of a document as its analysis read it, from disk; ``SourceChanged`` when
    the file is no longer the file analysed."""
    raw = Path(path).read_bytes()
    if digest(raw) != expected:
        raise SourceChanged(
            f"{source} changed while the site was being built; build again to publish it"
        )
    text, _ = decode(raw, source)
    assert text is not None  # it was decoded once already, same bytes
    return body_at(text, body_line)


_TYPES: dict[str, TypeInfo] = {}
_PLACES: list[str] | None = None
_MATCHERS: dict[int, SearchPlan] = {}


def _matcher(places: list[str]) -> SearchPlan:
    """A search plan naming ``places`` (its place matcher), one per process and list."""
    found = _MATCHERS.get(id(places))
    if found is None:
        found = _MATCHERS[id(places)] = SearchPlan(0, "", places)
    return found


def _analyse_chunk(tasks: list[tuple[str, str]]) -> list[Analysed]:
    return [_analyse_one(rel, Path(path)) for rel, path in tasks]


def _analyse_one(rel: str, path: Path) -> Analysed:
    started = time.time_ns()
    try:
        info = path.stat()
    except OSError:
        info = None
    raw, problems = read_source(path, rel)
    mtime = _trusted(info.st_mtime_ns, started) if info else -1
    size = info.st_size if info else -1
    if raw is None:
        return Analysed(rel, mtime, size, "", problems)
    value = digest(raw)
    doc, problems = parse_document(raw, rel, _TYPES)
    if doc is None:
        return Analysed(rel, mtime, size, value, problems)
    unread = replace(doc, body=UNREAD)
    mentions = [replace(m, doc=unread) for m in document_mentions(doc)]
    # what other pages show of it: its fields, citations (with the relations their clauses
    # state) and the tasks it assigns (agency pages, feeds), with their problems
    tasks, task_problems = document_tasks(doc)
    if task_problems:  # a ``tasks:`` item naming no task or several: the file is invalid
        return Analysed(rel, mtime, size, value, task_problems)
    shared = digest(dumps((unread, mentions, tasks)))
    record = dumps((unread, mentions, tasks, document_words(doc)))
    found = Analysed(rel, mtime, size, value, [], record)
    found.shared = shared
    if _PLACES is not None:
        found.places_context = places_context(_PLACES)
        found.places = sorted(_matcher(_PLACES).named_places(doc))
    return found


def _places_chunk(tasks: list[tuple[str, str, str]]) -> dict[str, list[str]]:
    assert _PLACES is not None
    matcher = _matcher(_PLACES)
    found = {}
    for rel, path, value in tasks:
        doc = _DOCS[rel]
        body = read_body(Path(path), rel, value, doc.body_line)
        found[rel] = sorted(matcher.named_places(replace(doc, body=body)))
    return found


_DOCS: dict[str, Document] = {}
"""Documents whose places are recomputed (set before the workers fork)."""


def _trusted(mtime_ns: int, scanned_ns: int) -> int:
    """The time to record, or -1 when it is too close to the scan to be trusted."""
    return mtime_ns if mtime_ns < scanned_ns - RACY_NS else -1


def _chunks(tasks: list[Any], size: int) -> list[list[Any]]:
    return [tasks[i : i + size] for i in range(0, len(tasks), size)]


def _map(function: Callable[[Any], Any], chunks: list[Any], jobs: int, count: int) -> Iterator[Any]:
    """``function`` over ``chunks``: forked workers when worth it, else here, in order."""
    if jobs <= 1 or count < PARALLEL_FROM or len(chunks) <= 1:
        yield from map(function, chunks)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(min(jobs, len(chunks))) as pool:
        yield from pool.imap(function, chunks)


def load_records(state: BuildState, sources: Iterable[str]) -> dict[str, Record]:
    """The stored records of ``sources``."""
    wanted = set(sources)
    rows = state.rows("SELECT path, record FROM records")
    return {path: record_of(blob) for path, blob in rows if path in wanted}


def cpu_jobs() -> int:
    """Processes to use: the cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
