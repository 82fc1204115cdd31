"""The word index phase: the files of ``site.words``, written where they changed.

A build that planned the site recomputes the index from every document's words (from
its analysis). A build that changed only documents' text (``Mode.LOCAL``) patches the
published files of the words those documents gained or lost (``site.wordpatch``), with
their words of before from the state value ``WORDS`` (every document's ``Indexed``,
compressed, and its number). Files whose text did not change are not written again;
files no longer made are removed.
"""

from __future__ import annotations

import pickle
import zlib
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig

from ketluan.adapter.engine import Engine
from ketluan.adapter.outputs import stored_outputs, write_file
from ketluan.build.incremental import Assembled, Mode
from ketluan.build.publish import Output
from ketluan.build.refs import digest
from ketluan.core.model import Document
from ketluan.site import urls
from ketluan.site.search import SearchPlan
from ketluan.site.wordpatch import patch_files
from ketluan.site.words import Indexed, indexed, word_files

WORDS = "words"
"""State key (per target): the ``Published`` index; also the kind of its outputs."""


@dataclass
class Published:
    """Every document of the published index: its number and its ``Indexed``, pickled and
    compressed (about a third of the size: read whole by every build that changes text)."""

    numbers: dict[str, int] = field(default_factory=dict)
    packed: dict[str, bytes] = field(default_factory=dict)

    def get(self, url: str) -> Indexed:
        return pickle.loads(zlib.decompress(self.packed[url]))

    def set(self, url: str, item: Indexed) -> None:
        self.packed[url] = zlib.compress(pickle.dumps(item, pickle.HIGHEST_PROTOCOL), 1)


def write_words(engine: Engine, config: MkDocsConfig) -> None:
    """Write the word index of this build's documents (nothing when nothing changed)."""
    if engine.mode is Mode.NONE and engine.has_stored(WORDS):
        return
    published = stored_outputs(engine, WORDS)
    if not engine.options.search:
        engine.changes.removed |= set(published)
        engine.meta[WORDS] = None
        return
    before: Published | None = engine.stored(WORDS) if engine.mode is Mode.LOCAL else None
    if before is not None and engine.built is None:
        files, removed = _patched(engine, before)
        engine.meta[WORDS] = before
    else:
        documents = _documents(engine)
        files, removed = word_files(documents), set()
        engine.meta[WORDS] = _published(documents)
        removed = set(published) - set(files)
    for path, text in files.items():
        key = digest(text)
        if published.get(path) != key:
            write_file(engine, config, path, text.encode("utf-8"), Output(WORDS, key))
    engine.changes.removed |= removed & set(published)


def _patched(engine: Engine, before: Published) -> tuple[dict[str, str], set[str]]:
    """The files a local change rewrites; ``before`` updated with the changed documents."""
    changes = []
    for source in engine.sources.changed if engine.sources else ():
        doc = engine.refs.document(source)
        url = urls.document(doc)
        old = before.get(url)
        named = filter(None, (engine.sources.current[source][3] or "").split("\n"))
        # a local change keeps the document's fields, relations and tasks: its filters
        new = indexed(doc, engine.words[source], named, old.facets)
        changes.append((before.numbers[url], old, new))
        before.set(url, new)
    return patch_files(lambda path: _read(engine, path), changes)


def _read(engine: Engine, path: str) -> str | None:
    """A published file's text."""
    target = engine.trees.target / path if engine.trees is not None else None
    return target.read_text("utf-8") if target is not None and target.is_file() else None


def _published(documents: list[Indexed]) -> Published:
    found = Published()
    for number, item in enumerate(sorted(documents, key=lambda item: item.order)):
        url = item.record["url"]
        found.numbers[url] = number
        found.set(url, item)
    return found


def _documents(engine: Engine) -> list[Indexed]:
    """Every document as the index holds it now (a planned build)."""
    built = engine.built
    assert built is not None
    search = engine.indexes.search if engine.indexes is not None else None
    return [_indexed(doc, built, search) for doc in built.corpus.documents]


def _indexed(doc: Document, built: Assembled, search: SearchPlan | None) -> Indexed:
    facets = search.facets(doc) if search is not None else None
    return indexed(doc, built.words[doc.source], built.named[doc.source], facets)
