"""The build's pure phases, in a fixed order: read → validate → model → cite → index → plan.

Each phase takes what the earlier ones produced and returns something new; none changes
an earlier phase's output. The MkDocs adapter runs these, then the rendering, writing and
publishing phases (``ketluan.adapter``); ``ketluan check`` runs them up to the index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ketluan.citations.index import CitationIndex
from ketluan.citations.relations import RelationIndex, relation_mentions
from ketluan.citations.resolve import Mention, document_mentions
from ketluan.citations.task_overrides import document_tasks
from ketluan.citations.tasks import Task
from ketluan.core.corpus import Corpus, load_corpus
from ketluan.core.dates import build_day
from ketluan.core.model import TypeInfo
from ketluan.core.problems import ProblemsError
from ketluan.site import urls
from ketluan.site.indexes import SiteIndexes, build_indexes
from ketluan.site.numbers import number_files
from ketluan.site.pages import SitePlan
from ketluan.site.plan import SiteOptions, plan_site
from ketluan.site.search import Memo, SearchPlan, corpus_places
from ketluan.site.task_feeds import plan_task_outputs
from ketluan.site.tasks import task_facets
from ketluan.site.titles import title_files

Progress = Callable[[list[Path]], Iterable[Path]]


def read(
    project: Path, conclusions_dir: str, types: dict[str, TypeInfo], progress: Progress
) -> Corpus:
    """Read, validate and model every conclusion; raises ``ProblemsError`` with every
    problem of every file."""
    return load_corpus(project, conclusions_dir, types, progress=progress)


def cite(corpus: Corpus, kept: dict[str, list[Mention]] | None = None) -> dict[str, list[Mention]]:
    """Extract the citations of every document, once per build, by source path (or take
    ``kept``, each document's own from an earlier build: the build state keeps them), with
    a declared citation for each relation its front matter names and its text does not
    (these depend on the other documents, so they are never kept)."""
    found = {}
    for doc in corpus.documents:
        mentions = kept[doc.source] if kept is not None else document_mentions(doc)
        found[doc.source] = mentions + relation_mentions(doc, mentions, corpus.by_id)
    return found


@dataclass(frozen=True)
class Analysis:
    """What the read, cite and index phases know of the corpus."""

    corpus: Corpus
    citations: CitationIndex
    relations: RelationIndex
    tasks: dict[str, list[Task]] = field(default_factory=dict)
    """The tasks each document assigns, by source path (``citations.tasks``)."""
    as_of: dt.date = field(default_factory=lambda: build_day())
    """The day statuses and task states are relative to (``build_day``)."""


def assign(corpus: Corpus, kept: dict[str, list[Task]] | None = None) -> dict[str, list[Task]]:
    """The tasks of every document, by source path, as front matter corrects them (or
    ``kept``, from the build state, whose reading found their problems); raises
    ``ProblemsError`` when a ``tasks:`` item names no task or several."""
    if kept is not None:
        return {doc.source: kept[doc.source] for doc in corpus.documents}
    found, problems = {}, []
    for doc in corpus.documents:
        found[doc.source], more = document_tasks(doc)
        problems += more
    if problems:
        raise ProblemsError(problems)
    return found


def analyse(
    corpus: Corpus,
    as_of: dt.date | None = None,
    mentions: dict[str, list[Mention]] | None = None,
    tasks: dict[str, list[Task]] | None = None,
) -> Analysis:
    """Cite (unless ``mentions`` are each document's, from an earlier cite phase: the build
    state keeps them), then resolve every citation and relation against the corpus and read
    the tasks; statuses are as of ``as_of`` (default: ``build_day()``)."""
    day = as_of or build_day()
    citations = CitationIndex(corpus.documents, cite(corpus, mentions))
    relations = RelationIndex(corpus.documents, citations, day)
    return Analysis(corpus, citations, relations, assign(corpus, tasks), day)


def index(analysis: Analysis, search: bool, memo: Memo | None = None) -> SiteIndexes:
    """Every index the site's pages read, complete: groupings, cited URLs and, when search
    is on, each document's search data (the places it names, its filter values)."""
    documents = analysis.corpus.documents
    plan = None
    if search:
        statuses = {source: force.label for source, force in analysis.relations.forces().items()}
        plan = SearchPlan(len(documents), urls.SEARCH, corpus_places(documents), statuses)
        plan.index(documents, memo)
        plan.more_facets = {src: task_facets(found) for src, found in analysis.tasks.items()}
    return build_indexes(documents, analysis.citations, plan, analysis.relations)


def plan(analysis: Analysis, indexes: SiteIndexes, options: SiteOptions) -> SitePlan:
    """Every generated page, each assembled once, the task pages and feeds included."""
    site = plan_site(analysis.corpus, indexes, options)
    documents = analysis.corpus.documents
    plan_task_outputs(site, documents, analysis.tasks, analysis.as_of, options)
    if indexes.search is not None:
        site.files.update(number_files(documents, analysis.citations, indexes.cited_urls))
        site.files.update(title_files(documents))
    return site
