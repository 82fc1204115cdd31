"""The word index phase: the files of ``site.words``, written where they changed.

A build that planned the site recomputes the index from every document's words (from
its analysis). A build that changed only documents' text (``Mode.LOCAL``) patches the
published files of the words those documents gained or lost (``site.wordpatch``), with
their words of before from the state's ``words`` table (each document's number and
``Indexed``, compressed: a local build reads and writes only its documents' rows). Files
whose text did not change are not written again; files no longer made are removed.
"""

from __future__ import annotations

import pickle
import zlib

from mkdocs.config.defaults import MkDocsConfig

from ketluan.adapter.engine import Engine
from ketluan.adapter.outputs import stored_outputs, write_changed
from ketluan.build.incremental import Assembled, Mode
from ketluan.core.model import Document
from ketluan.site import urls
from ketluan.site.search import SearchPlan
from ketluan.site.wordpatch import patch_files
from ketluan.site.words import Indexed, indexed, word_files

WORDS = "words"
"""State key (per target): how many documents the published index holds (its rows are in
the ``words`` table); also the kind of the index's outputs."""


def pack(item: Indexed) -> bytes:
    return zlib.compress(pickle.dumps(item, pickle.HIGHEST_PROTOCOL), 1)


def unpack(value: bytes) -> Indexed:
    return pickle.loads(zlib.decompress(value))


def write_words(engine: Engine, config: MkDocsConfig) -> None:
    """Write the word index of this build's documents (nothing when nothing changed)."""
    if engine.mode is Mode.NONE and engine.has_stored(WORDS):
        return
    if not engine.options.search:
        engine.changes.removed |= set(stored_outputs(engine, WORDS))
        engine.meta[WORDS] = None
        engine.changes.words = {"whole": True, "rows": {}}
        return
    removed: set[str] | None = None  # a planned build: every file not made now
    if engine.mode is Mode.LOCAL and engine.built is None and engine.has_stored(WORDS):
        files, removed = _patched(engine)
    else:
        documents = sorted(_documents(engine), key=lambda item: item.order)
        files = word_files(documents)
        rows = {item.record["url"]: (n, pack(item)) for n, item in enumerate(documents)}
        engine.changes.words = {"whole": True, "rows": rows}
        engine.meta[WORDS] = len(documents)
    published = write_changed(engine, config, WORDS, files)
    gone = set(published) - set(files) if removed is None else removed
    engine.changes.removed |= gone & set(published)


def _patched(engine: Engine) -> tuple[dict[str, str], set[str]]:
    """The files a local change rewrites, and the rows of its documents."""
    assert engine.state is not None and engine.sources is not None
    changes, rows = [], {}
    for source in engine.sources.changed:
        doc = engine.refs.document(source)
        url = urls.document(doc)
        ((number, value),) = engine.state.rows(
            "SELECT number, value FROM words WHERE target = ? AND url = ?", [engine.target, url]
        )
        old = unpack(value)
        named = filter(None, (engine.sources.current[source][3] or "").split("\n"))
        # a local change keeps the document's fields, relations and tasks: its filters
        new = indexed(doc, engine.words[source], named, old.facets)
        changes.append((number, old, new))
        rows[url] = (number, pack(new))
    engine.changes.words = {"whole": False, "rows": rows}
    return patch_files(lambda path: _read(engine, path), changes, engine.stored(WORDS))


def _read(engine: Engine, path: str) -> str | None:
    """A published file's text."""
    target = engine.trees.target / path if engine.trees is not None else None
    return target.read_text("utf-8") if target is not None and target.is_file() else None


def _documents(engine: Engine) -> list[Indexed]:
    """Every document as the index holds it now (a planned build)."""
    built = engine.built
    assert built is not None
    search = engine.indexes.search if engine.indexes is not None else None
    return [_indexed(doc, built, search) for doc in built.corpus.documents]


def _indexed(doc: Document, built: Assembled, search: SearchPlan | None) -> Indexed:
    facets = search.facets(doc) if search is not None else None
    return indexed(doc, built.words[doc.source], built.named[doc.source], facets)
