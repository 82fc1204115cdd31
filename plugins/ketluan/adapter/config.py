"""The plugin's options in mkdocs.yml, as typed MkDocs ``Config`` classes (one docstring per
option); the CLI reads them through the same classes (``load``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig

from ketluan.core.kinds import KINDS, Kind, with_extra

PLUGIN = "ketluan"
REMOVED_SHARD_SIZE = (
    "removed: the search index is no longer built by Pagefind in shards (the word index "
    "needs no shard size). Delete '{}' from the ketluan plugin's options in mkdocs.yml"
)


class Count(c.Type[int]):
    """A whole number of at least ``minimum`` (``True`` is no number)."""

    def __init__(self, *, minimum: int, default: int, example: int) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum
        self.example = example

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise base.ValidationError(
                f"expected a whole number, got {value!r}. Set e.g. '{self.example}'"
            )
        if value < self.minimum:
            raise base.ValidationError(
                f"must be at least {self.minimum}, got {value}. Set e.g. '{self.example}'"
            )
        return value


class TypeConfig(base.Config):
    """An extra document type declared in mkdocs.yml (or a built-in one relabelled)."""

    label = c.Type(str)
    """Vietnamese name shown on pages, e.g. "Thông báo"."""
    abbr = c.Type(str)
    """Short lowercase code used in URLs of unnumbered documents, e.g. "tb"."""
    news = c.Type(bool, default=False)
    """True for news-like types: no number or signer, an optional author."""
    conclusion = c.Optional(c.Type(bool))
    """True for a kind of conclusion, listed on the home page and in the site feed; not
    set: as the built-in type of that slug says, else false."""


class KetluanConfig(base.Config):
    """Options of the ``ketluan`` plugin in mkdocs.yml."""

    conclusions_dir = c.Type(str, default="conclusions")
    """Folder of conclusion files, relative to mkdocs.yml."""
    page_size = Count(minimum=1, default=50, example=50)
    """Documents per page on every paginated list."""
    home_recent = Count(minimum=1, default=10, example=10)
    """How many of the newest documents the home page lists."""
    feed_size = Count(minimum=1, default=50, example=50)
    """How many of the newest documents each Atom feed lists (of the newest tasks, in an
    agency's feed of tasks)."""
    extra_types = c.DictOfItems(c.SubConfig(TypeConfig), default={})
    """More document types, keyed by the slug used in front matter."""
    search = c.Type(bool, default=True)
    """Build the word index of search, the header search box and the /tra-cuu/ page."""
    search_shard_size = c.Deprecated(removed=True, message=REMOVED_SHARD_SIZE)
    """Removed with Pagefind: setting it fails the build with ``REMOVED_SHARD_SIZE``."""
    cache = c.Type(bool, default=True)
    """Keep the build state (each file's analysis, each output's key, the word index's
    rows) between builds and redo only what changed (see README, "Incremental builds")."""
    cache_dir = c.Type(str, default=".cache/ketluan")
    """Folder of the build cache, relative to mkdocs.yml: a folder of its own (the build
    deletes old entries in it), never the project folder, docs_dir, conclusions_dir, the
    theme's custom_dir, site_dir or a folder holding one of them."""
    jobs = Count(minimum=0, default=0, example=2)
    """Processes rendering pages; 0: one per core this build may use."""

    def types(self) -> dict[str, Kind]:
        """The built-in document kinds (``ketluan.core.kinds``) and the configured ones."""
        return with_extra(
            {
                slug: Kind(slug, extra.label, extra.abbr, extra.news, _conclusion(slug, extra))
                for slug, extra in self.extra_types.items()
            }
        )


def _conclusion(slug: str, extra: TypeConfig) -> bool:
    """Whether a configured type is a conclusion: as configured, else as built in."""
    if extra.conclusion is not None:
        return bool(extra.conclusion)
    builtin = KINDS.get(slug)
    return builtin.conclusion if builtin else False


class ConfigProblem(Exception):
    """The site configuration cannot be read for ketluan; the message says what to do."""


def load(config_file: Path) -> KetluanConfig:
    """The plugin's options of the site configured in ``config_file``, validated as MkDocs
    validates them for a build."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    if not config_file.is_file():
        raise ConfigProblem(
            f"{config_file}: site configuration not found. Run ketluan in the folder of "
            "mkdocs.yml, or give it with -f"
        )
    try:
        config: MkDocsConfig = load_config(str(config_file))
    except ConfigurationError as exc:
        raise ConfigProblem(f"{config_file}: {exc}") from None
    plugin: Any = config.plugins.get(PLUGIN)
    if plugin is None:
        raise ConfigProblem(
            f"{config_file}: the site does not use the ketluan plugin. Add '- ketluan' "
            "under 'plugins:'"
        )
    return plugin.config
