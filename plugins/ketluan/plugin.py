"""The MkDocs plugin: thin event handlers that call the core and ``pages``."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from tqdm import tqdm

from .corpus import Corpus, load_corpus
from .manifest import documents_manifest
from .model import BUILTIN_TYPES, TypeInfo
from .pages import (
    SitePlan,
    generated_files,
    is_untrusted,
    page_context,
    page_markdown,
    plan_site,
)
from .problems import ProblemsError
from .sanitize import clean_body
from .search import PLACE_RECORD_TEMPLATE, SearchIndexError, SearchPlan, build_index

log = get_plugin_logger(__name__)


class TypeConfig(base.Config):
    """An extra document type declared in mkdocs.yml."""

    label = c.Type(str)
    """Vietnamese name shown on pages, e.g. "Thông báo"."""
    abbr = c.Type(str)
    """Short lowercase code used in URLs of unnumbered documents, e.g. "tb"."""
    news = c.Type(bool, default=False)
    """True for news-like types: no number or signer, an optional author."""


class KetluanConfig(base.Config):
    """Options of the ``ketluan`` plugin in mkdocs.yml."""

    conclusions_dir = c.Type(str, default="conclusions")
    """Folder of conclusion files, relative to mkdocs.yml."""
    page_size = c.Type(int, default=50)
    """Documents per page on every paginated list."""
    home_recent = c.Type(int, default=10)
    """How many of the newest documents the home page lists."""
    extra_types = c.DictOfItems(c.SubConfig(TypeConfig), default={})
    """More document types, keyed by the slug used in front matter."""
    search = c.Type(bool, default=True)
    """Build the Pagefind search index, the header search box and the /tra-cuu/ page."""
    search_shard_size = c.Type(int, default=5000)
    """Most documents per Pagefind index shard: Pagefind's memory grows with one index's
    size, so the corpus is split and the shards merged in the browser (see BENCHMARKS.md)."""


class KetluanPlugin(BasePlugin[KetluanConfig]):
    """Compile ``conclusions/`` into document pages, lists and the open-data manifest."""

    def __init__(self) -> None:
        self.plan = SitePlan()
        self.corpus = Corpus([])

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        for name in ("page_size", "home_recent", "search_shard_size"):
            if self.config[name] < 1:
                raise PluginError(
                    f"ketluan: {name} must be at least 1, got "
                    f"{self.config[name]}. Set e.g. '{name}: 50' in mkdocs.yml."
                )
        self.types = dict(BUILTIN_TYPES)
        for slug, extra in self.config.extra_types.items():
            self.types[slug] = TypeInfo(slug, extra.label, extra.abbr, extra.news)
        self.project = Path(config.config_file_path).parent
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        quiet = logging.getLogger("mkdocs").getEffectiveLevel() > logging.INFO
        try:
            corpus = load_corpus(
                self.project,
                self.config.conclusions_dir,
                self.types,
                progress=lambda paths: tqdm(
                    paths, desc="ketluan: reading", unit=" doc", disable=quiet, leave=False
                ),
            )
        except ProblemsError as exc:
            raise PluginError(str(exc)) from None
        log.info("%d documents read from %s", len(corpus.documents), self.config.conclusions_dir)
        self.corpus = corpus
        self.plan = plan_site(
            corpus,
            self.config.page_size,
            self.config.home_recent,
            self.config.search_shard_size if self.config.search else None,
        )
        for file in generated_files(self.plan, config):
            files.append(file)
        return files

    def on_page_markdown(self, markdown: str, page: Page, **kwargs: Any) -> str:
        generated = page_markdown(self.plan, page)
        return markdown if generated is None else generated

    def on_page_content(self, html: str, page: Page, **kwargs: Any) -> str:
        return clean_body(html) if is_untrusted(self.plan, page) else html

    def on_page_context(self, context: dict[str, Any], page: Page, **kwargs: Any) -> dict[str, Any]:
        return page_context(self.plan, page, context)

    def on_post_build(self, config: MkDocsConfig) -> None:
        base_url = config.site_url or "/"
        documents = self.corpus.documents
        target = Path(config.site_dir) / "api" / "documents.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(documents_manifest(documents, base_url), encoding="utf-8")
        search = self.plan.shared.get("kl_search")
        if search is not None:
            self.build_search_index(search, config)

    def build_search_index(self, search: SearchPlan, config: MkDocsConfig) -> None:
        """Run Pagefind over the written pages; a failure fails the build."""
        quiet = logging.getLogger("mkdocs").getEffectiveLevel() > logging.INFO
        record_page = config.theme.get_env().get_template(PLACE_RECORD_TEMPLATE)
        try:
            build_index(
                Path(config.site_dir),
                search.shards,
                search.places_manifest(),
                search.place_records(self.corpus.documents),
                lambda record: record_page.render(record=record),
                progress=lambda shards: tqdm(
                    shards, desc="ketluan: search index", unit=" shard", disable=quiet
                ),
                log=log.info,
            )
        except SearchIndexError as exc:
            raise PluginError(f"ketluan: {exc}") from None
