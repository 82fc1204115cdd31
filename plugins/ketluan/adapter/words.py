"""The word index phase: the files of ``site.words``, written where they changed.

Every build that changed a document recomputes the index from what each document holds
(its ``Words``, from its analysis): a build that planned the site has them all; a build
that changed only documents' text (``Mode.LOCAL``) takes the others from the state value
``WORDS`` the last build left. Files whose text did not change are not written again;
files no longer made are removed.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from ketluan.adapter.engine import Engine
from ketluan.adapter.outputs import stored_outputs, write_file
from ketluan.build.incremental import Assembled, Mode
from ketluan.build.publish import Output
from ketluan.build.refs import digest
from ketluan.core.model import Document
from ketluan.site import urls
from ketluan.site.search import SearchPlan
from ketluan.site.words import Indexed, indexed, word_files

WORDS = "words"
"""State key (per target): URL -> ``Indexed`` of every document of the published index;
also the kind of the index's outputs."""


def write_words(engine: Engine, config: MkDocsConfig) -> None:
    """Write the word index of this build's documents (nothing when nothing changed)."""
    if engine.mode is Mode.NONE and engine.has_stored(WORDS):
        return
    published = stored_outputs(engine, WORDS)
    if not engine.options.search:
        engine.changes.removed |= set(published)
        engine.meta[WORDS] = None
        return
    documents = _documents(engine)
    engine.meta[WORDS] = documents
    files = word_files(documents.values())
    for path, text in files.items():
        key = digest(text)
        if published.get(path) != key:
            write_file(engine, config, path, text.encode("utf-8"), Output(WORDS, key))
    engine.changes.removed |= set(published) - set(files)


def _documents(engine: Engine) -> dict[str, Indexed]:
    """URL -> every document as the index holds it now."""
    if engine.mode is Mode.LOCAL or engine.built is None:
        found: dict[str, Indexed] = dict(engine.stored(WORDS) or {})
        for source in engine.sources.changed if engine.sources else ():
            doc = engine.refs.document(source)
            named = filter(None, (engine.sources.current[source][3] or "").split("\n"))
            # a local change keeps the document's fields, relations and tasks: its filters
            before = found.get(urls.document(doc))
            facets = before.facets if before is not None else None
            item = indexed(doc, engine.words[source], named, facets)
            found[item.record["url"]] = item
        return found
    built = engine.built
    search = engine.indexes.search if engine.indexes is not None else None
    return {
        (item := _indexed(doc, built, search)).record["url"]: item for doc in built.corpus.documents
    }


def _indexed(doc: Document, built: Assembled, search: SearchPlan | None) -> Indexed:
    facets = search.facets(doc) if search is not None else None
    return indexed(doc, built.words[doc.source], built.named[doc.source], facets)
