"""The build's pure phases, in a fixed order: read → validate → model → cite → index → plan.

Each phase takes what the earlier ones produced and returns something new; none changes
an earlier phase's output. The MkDocs adapter runs these, then the rendering, writing and
publishing phases (``ketluan.adapter``); ``ketluan check`` runs them up to the index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ketluan.citations.index import CitationIndex
from ketluan.citations.resolve import Mention, document_mentions
from ketluan.core.corpus import Corpus, load_corpus
from ketluan.core.model import Document, TypeInfo
from ketluan.site import urls
from ketluan.site.indexes import SiteIndexes, build_indexes
from ketluan.site.pages import SitePlan
from ketluan.site.plan import SiteOptions, plan_site
from ketluan.site.search import Memo, SearchPlan, corpus_places, plan_shards

Progress = Callable[[list[Path]], Iterable[Path]]


def read(
    project: Path, conclusions_dir: str, types: dict[str, TypeInfo], progress: Progress
) -> Corpus:
    """Read, validate and model every conclusion; raises ``ProblemsError`` with every
    problem of every file."""
    return load_corpus(project, conclusions_dir, types, progress=progress)


def cite(corpus: Corpus) -> dict[str, list[Mention]]:
    """Extract the citations of every document, once per build, by source path."""
    return {doc.source: document_mentions(doc) for doc in corpus.documents}


@dataclass(frozen=True)
class Analysis:
    """What the read, cite and index phases know of the corpus."""

    corpus: Corpus
    citations: CitationIndex


def analyse(corpus: Corpus, mentions: dict[str, list[Mention]] | None = None) -> Analysis:
    """Cite (unless ``mentions`` are each document's, from an earlier cite phase: the build
    state keeps them), then resolve every citation against the corpus."""
    found = cite(corpus) if mentions is None else mentions
    return Analysis(corpus, CitationIndex(corpus.documents, found))


def index(analysis: Analysis, shard_size: int | None, memo: Memo | None = None) -> SiteIndexes:
    """Every index the site's pages read, complete: groupings, cited URLs and, when search
    is on (``shard_size``), the search shards and each document's search data."""
    documents = analysis.corpus.documents
    search = _search(documents, shard_size, memo) if shard_size is not None else None
    return build_indexes(documents, analysis.citations, search)


def _search(documents: list[Document], shard_size: int, memo: Memo | None) -> SearchPlan:
    search = SearchPlan(plan_shards(documents, shard_size), urls.SEARCH, corpus_places(documents))
    search.index(documents, memo)
    return search


def plan(analysis: Analysis, indexes: SiteIndexes, options: SiteOptions) -> SitePlan:
    """Every generated page, each assembled once."""
    return plan_site(analysis.corpus, indexes, options)
