"""What a build writes besides pages, after they are written: feeds, open-data manifests
and the search index. Runs in ``on_post_build``, into the staging folder of the build."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from tqdm import tqdm

from .corpus import Corpus
from .feeds import atom_time, entry_id
from .manifest import documents_manifest, resolutions_manifest
from .pages import SitePlan
from .search import PLACE_RECORD_TEMPLATE, SearchIndexError, SearchPlan, build_index


def write_feeds(plan: SitePlan, env: Environment, config: MkDocsConfig) -> None:
    """Render every planned Atom feed with ``templates/atom.html`` into the site."""
    template = env.get_template("atom.html")
    for feed in plan.feeds:
        text = template.render(feed=feed, config=config, entry_id=entry_id, atom_time=atom_time)
        target = Path(config.site_dir) / feed.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text.strip() + "\n", encoding="utf-8")


def write_manifests(plan: SitePlan, corpus: Corpus, config: MkDocsConfig) -> None:
    """``api/documents.json`` and ``api/resolutions.json`` (docs/du-lieu-mo.md)."""
    base_url = config.site_url or "/"
    folder = Path(config.site_dir) / "api"
    folder.mkdir(parents=True, exist_ok=True)
    citations = plan.citations
    documents = corpus.documents
    (folder / "documents.json").write_text(
        documents_manifest(documents, base_url, citations), encoding="utf-8"
    )
    (folder / "resolutions.json").write_text(
        resolutions_manifest(documents, base_url, citations), encoding="utf-8"
    )


def build_search_index(
    plan: SitePlan,
    corpus: Corpus,
    env: Environment,
    config: MkDocsConfig,
    log: Callable[[str], None],
) -> None:
    """Run Pagefind over the written pages when search is on; a failure fails the build."""
    search: SearchPlan | None = plan.search
    if search is None:
        return
    quiet = logging.getLogger("mkdocs").getEffectiveLevel() > logging.INFO
    record_page = env.get_template(PLACE_RECORD_TEMPLATE)
    try:
        build_index(
            Path(config.site_dir),
            search.shards,
            search.places_manifest(corpus.documents),
            search.place_records(corpus.documents),
            lambda record: record_page.render(record=record),
            progress=lambda shards: tqdm(
                shards, desc="ketluan: search index", unit=" shard", disable=quiet
            ),
            log=log,
        )
    except SearchIndexError as exc:
        raise PluginError(f"ketluan: {exc}") from None
