"""One build, incremental: read what changed, plan what is needed, render and write what
changed, publish by changed files (``ketluan.build.incremental`` says how much).

The engine lives from ``on_files`` (read, decide, plan) through ``on_post_build``
(render, write) to the end of the build (publish); ``mkdocs serve`` runs the same
engine on every rebuild, into a site of its own in the cache folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from tqdm import tqdm

from ketluan.adapter.bridge import theme_loader
from ketluan.adapter.config import KetluanConfig
from ketluan.build import heap
from ketluan.build.analysis import cpu_jobs, read_body, record_of
from ketluan.build.cache.keys import page_templates, salt, template_digests
from ketluan.build.incremental import (
    IDS,
    PLACES,
    Assembled,
    Mode,
    Sources,
    assemble_corpus,
    decide,
    read,
    snapshot_changes,
)
from ketluan.build.publish import Changes, SiteTrees
from ketluan.build.refs import Refs, digest, dumps, loads, resolving
from ketluan.build.state import BuildState
from ketluan.core.dates import build_day
from ketluan.core.model import Document
from ketluan.site import urls
from ketluan.site.pages import SitePlan
from ketluan.site.plan import SiteOptions
from ketluan.site.words import Words

if TYPE_CHECKING:  # imported by the builds that plan (a fifth of a second): ``plan_all``
    from ketluan import pipeline
    from ketluan.site.indexes import SiteIndexes

Log = Callable[[str], None]
INPUTS = "inputs"
"""State key (per target): digest of the code, theme, templates and configuration."""
SALT = "salt"
"""State key (per target): ``INPUTS`` and the navigation."""
NAV_PLAN = "navplan"
"""State key (per target): the planned pages MkDocs renders and the data every page
shares, for a build that plans nothing."""
TEMPLATE_REFS = "templaterefs"
"""State key (per target): the templates each template source names (``template_digests``)."""
DECLARED = "declared"
"""State key: source -> the citations its declared relations add (``pipeline.cite``), as the
last plan made them, for the documents a local build reads back."""


@dataclass
class Engine:
    """The incremental side of one build (see the module docstring)."""

    project: Path
    options: KetluanConfig
    state: BuildState | None
    trees: SiteTrees
    log: Log
    mode: Mode = Mode.COLD
    sources: Sources | None = None
    built: Assembled | None = None
    analysis: pipeline.Analysis | None = None
    indexes: SiteIndexes | None = None
    plan: SitePlan | None = None
    refs: Refs = field(default_factory=Refs)
    base: str = ""
    """Digest of the code, theme (but page templates) and configuration."""
    inputs: str = ""
    """``base``, the page templates and the build day: what may change pages a build plans
    nothing for."""
    salt: str = ""
    """``base`` and the navigation: in every page's key (its template's digest too)."""
    templates: dict[str, str] = field(default_factory=dict)
    """Digest of each page template and the page templates it includes."""
    words: dict[str, Words] = field(default_factory=dict)
    """What the word index holds of the documents read from the state (``Mode.LOCAL``)."""
    _ids: dict[str, Any] | None = None
    _declared: dict[str, bytes] | None = None
    site_options: SiteOptions | None = None
    changes: Changes = field(default_factory=Changes)
    meta: dict[str, Any] = field(default_factory=dict)
    """State values describing the site this build publishes (committed with it)."""

    @property
    def target(self) -> str:
        return self.trees.name

    def stored(self, name: str) -> Any:
        """A state value of this target, as the published site left it."""
        return self.state.get(f"{name}:{self.target}") if self.state is not None else None

    def has_stored(self, name: str) -> bool:
        """True when the published site left a state value ``name`` (not read)."""
        return self.state is not None and self.state.has(f"{name}:{self.target}")

    def prepare(self, config: MkDocsConfig, progress: Callable[[int], Any]) -> SitePlan:
        """Read the conclusions, decide how much to do, plan (``on_files``)."""
        env = config.theme.get_env()
        theme_loader(env)
        names = page_templates()
        digests, parsed = template_digests(env, names, self.stored(TEMPLATE_REFS) or {})
        self.meta[TEMPLATE_REFS] = parsed
        self.base = salt(config, names)
        # the build day too: statuses and task states are relative to it, so a new day
        # plans again (pages whose context is unchanged keep their key and are not rendered)
        day = f"day={build_day().isoformat()}"
        self.inputs = digest(self.base, day, *sorted(f"{k}={v}" for k, v in digests.items()))
        self.templates = digests
        self.site_options = SiteOptions(
            page_size=self.options.page_size,
            home_recent=self.options.home_recent,
            base_url=config.site_url or "/",
            feed_size=self.options.feed_size,
        )
        sources = read(
            self.project,
            self.options.conclusions_dir,
            self.options.types(),
            self.state,
            self.target,
            self.jobs,
            progress,
        )
        self.sources = sources
        same = self.inputs == self.stored(INPUTS)
        self.mode = decide(sources, self.trees.reusable, same)
        if self.mode in (Mode.COLD, Mode.PLAN) or not self._plan_nav():
            self.mode = self.mode if self.mode is Mode.COLD else Mode.PLAN
            self.plan_all()
        assert self.plan is not None
        return self.plan

    @property
    def jobs(self) -> int:
        return self.options.jobs or cpu_jobs()

    def plan_all(self) -> None:
        """Plan every page from the whole corpus (the pure phases, ``pipeline``), the
        collector paused (``build.heap``)."""
        with heap.building():
            self._plan_all()

    def _plan_all(self) -> None:
        from ketluan import pipeline

        assert self.sources is not None and self.site_options is not None
        self.built = built = assemble_corpus(self.sources, self.state, self.jobs)
        self.refs = built.refs
        memo = _Memo(built.named)
        cited = pipeline.cite(built.corpus, built.mentions)
        declared = {}  # the citations relations declare: they depend on other documents
        for doc in built.corpus.documents:
            more = cited[doc.source][len(built.mentions[doc.source]) :]
            if more:
                self.refs.add(doc, self.sources.current[doc.source][0], cited[doc.source])
                declared[doc.source] = dumps(more)
        self.meta[DECLARED] = declared
        self.analysis = pipeline.analyse(built.corpus, mentions=cited, tasks=built.tasks)
        self.indexes = pipeline.index(self.analysis, self.options.search, memo)
        self.plan = pipeline.plan(self.analysis, self.indexes, self.site_options)
        self.meta[PLACES] = built.places
        self.meta[IDS] = built.ids
        self._ids = self._declared = None  # documents load with this plan's ids from now
        nav = {src: page for src, page in self.plan.pages.items() if page.in_nav}
        self.meta[NAV_PLAN] = dumps(
            (self.plan.shared, self.plan.handwritten, self.plan.updated, nav), self.refs
        )

    def _plan_nav(self) -> bool:
        """Plan only what MkDocs renders, from the last plan (a build with nothing, or only
        documents' own text, changed); False when the state has no such plan."""
        blob = self.stored(NAV_PLAN)
        if blob is None:
            return False
        assert self.sources is not None
        self.refs = Refs(load=self._load)
        for source in self.sources.changed:
            self._load(source)
        with resolving(self.refs):
            shared, handwritten, updated, pages = loads(blob)
        self.plan = SitePlan(shared, handwritten, updated, pages)
        return True

    def _load(self, source: str) -> None:
        """Add the document of ``source`` to the references, from this build's analysis
        or the state's, with the id the last full plan gave it."""
        self.load_into(self.refs, source)

    def load_into(self, refs: Refs, source: str, state: BuildState | None = None) -> None:
        """Add the document of ``source`` to ``refs`` as the plan has it: from this
        build's analysis or the state's (``state``: this process's connection), with the
        id and declared citations of this build's plan, else of the last one."""
        assert self.sources is not None
        found = self.sources.analysed.get(source)
        if found is not None and found.record is not None:
            blob = found.record
        else:
            state = state or self.state
            assert state is not None
            (blob,) = state.rows("SELECT record FROM records WHERE path = ?", [source])[0]
        record = record_of(blob)
        doc, mentions = record.document, record.mentions
        if self._ids is None or self._declared is None:  # once: a plan names many documents
            planned = IDS in self.meta  # planned by this build: its own, not the last ones
            self._ids = self.meta[IDS] if planned else self.stored(IDS) or {}
            self._declared = self.meta[DECLARED] if planned else self.stored(DECLARED) or {}
        ids, declared = self._ids, self._declared.get(source)
        if declared is not None:  # as the last plan added them (nothing they depend on changed)
            mentions = mentions + loads(declared)
        if source in ids or declared is not None:
            doc = replace(doc, doc_id=ids.get(source, doc.doc_id))
            mentions = [replace(m, doc=doc) for m in mentions]
        refs.add(doc, self.sources.current[source][0], mentions)
        self.words[source] = record.words

    def stored_key(self, path: str) -> str | None:
        """The key of a published output."""
        if self.state is None or self.mode is Mode.COLD:
            return None
        rows = self.state.rows(
            "SELECT key FROM outputs WHERE target = ? AND path = ?", [self.target, path]
        )
        return rows[0][0] if rows else None

    def local_pages(self) -> dict[str, Any]:
        """The pages of the documents whose own text changed, as the last plan made them
        with the document of now (``Mode.LOCAL``)."""
        assert self.sources is not None and self.state is not None
        pages = {}
        for source in sorted(self.sources.changed):
            doc = self.refs.document(source)
            path = urls.document(doc) + "index.html"
            rows = self.state.rows(
                "SELECT page FROM outputs WHERE target = ? AND path = ?", [self.target, path]
            )
            if not rows or rows[0][0] is None:
                return {}
            with resolving(self.refs):
                page = loads(rows[0][0])
            pages[urls.source(page.url)] = replace(page, doc=doc)
        return pages

    def body(self, doc: Document) -> str:
        """The body of ``doc``, from disk, as analysed."""
        assert self.sources is not None
        path = self.sources.scan.paths[doc.source]
        return read_body(path, doc.source, self.sources.current[doc.source][0], doc.body_line)

    def finish_meta(self) -> None:
        """The state values of this build's site, committed when it is published."""
        assert self.sources is not None
        self.meta[INPUTS] = self.inputs
        self.meta[SALT] = self.salt
        self.changes.meta = {f"{k}:{self.target}": v for k, v in self.meta.items()}
        self.changes.sources = snapshot_changes(self.sources)


class _Memo:
    """The places every document names, from the build state (``site.search.Memo``)."""

    def __init__(self, named: dict[str, list[str]]) -> None:
        self.named = named

    def recall(self, context: object, doc: Document, compute: Any) -> list[str]:
        return self.named[doc.source]


def progress_bar(total: int, what: str, quiet: bool) -> Any:
    return tqdm(total=total, desc=f"ketluan: {what}", unit=" doc", disable=quiet, leave=False)
