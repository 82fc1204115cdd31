"""Build real sites in tmp_path and parse their HTML."""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pytest
from lxml import html

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

DEFAULT_FIELDS = {
    "title": "Kết luận của Ban Chấp hành Đảng bộ huyện tại kỳ họp thứ 22",
    "type": "ket-luan",
    "number": "604-KL/HU",
    "date": "2024-03-27",
    "issuer": "Huyện ủy Sơn Động",
    "province": "Bắc Giang",
    "district": "Sơn Động",
}


def conclusion(
    body: str = "Nội dung kết luận.\n", signer: str | None = None, **fields: str | None
) -> str:
    """Text of a conclusion file: defaults overridden by ``fields`` (None removes one)."""
    merged = {**DEFAULT_FIELDS, **fields}
    lines = ["---"]
    lines += [f"{key}: {value}" for key, value in merged.items() if value is not None]
    if signer is None and merged.get("type") != "tin-bai":
        signer = "signer:\n  authority: T/M Huyện ủy\n  title: Phó Bí thư\n  name: Đỗ Văn Cẩm"
    if signer:
        lines.append(signer)
    lines += ["---", "", body]
    return "\n".join(lines)


class Site:
    """A throwaway MkDocs project using the repository's templates and plugin."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.conclusions = root / "conclusions"
        self.conclusions.mkdir(parents=True)
        (root / "docs").mkdir()
        (root / "docs" / "index.md").write_text(
            "---\ntemplate: home.html\n---\n\n# Trang chủ\n", encoding="utf-8"
        )
        self.options: dict[str, object] = {"page_size": 50, "home_recent": 10}
        self.extra_config = ""
        """More top-level mkdocs.yml lines, e.g. 'site_url: https://example.org/'."""
        self.templates = REPO / "templates"
        """The theme's custom_dir: copy it into the project before editing a template."""
        self.features: list[str] = []
        """Material theme features, e.g. "content.tooltips"."""
        self.extensions: list[str] = []
        """Markdown extensions besides footnotes, tables and toc, e.g. "admonition"."""

    def add(self, rel: str, text: str | bytes) -> Path:
        """Write a conclusion file at ``conclusions/rel``."""
        path = self.conclusions / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def write_config(self) -> Path:
        options = "\n".join(f"      {k}: {v}" for k, v in self.options.items())
        features = f"\n  features: [{', '.join(self.features)}]" if self.features else ""
        extensions = "".join(f"\n  - {extension}" for extension in self.extensions)
        config = textwrap.dedent(f"""\
            site_name: Thử nghiệm
            theme:
              name: material
              language: vi
              custom_dir: {self.templates}
              font: false{{features}}
            plugins:
              - ketluan:
            {{options}}
            markdown_extensions:
              - footnotes
              - tables
              - toc:
                  permalink: true
                  slugify: !!python/name:ketluan.core.text.heading_slug{{extensions}}
            nav:
              - Trang chủ: index.md
              - Văn bản: van-ban/index.md
              - Địa bàn: dia-ban/index.md
              - Danh mục: danh-muc/index.md
            """)
        config = config.replace("{options}", options).replace("{features}", features)
        config = config.replace("{extensions}", extensions)
        path = self.root / "mkdocs.yml"
        path.write_text(config + self.extra_config, encoding="utf-8")
        return path

    def build(self, strict: bool = True) -> Path:
        """Build in-process like ``mkdocs build --strict``; returns the site folder."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config = load_config(
            str(self.write_config()), strict=strict, site_dir=str(self.root / "site")
        )
        # Mirror `mkdocs build`: startup and shutdown events frame the build.
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        return self.root / "site"

    def page(self, url: str) -> html.HtmlElement:
        """Parsed HTML of the built page at site-relative ``url``."""
        path = (
            self.root / "site" / url / "index.html"
            if url.endswith("/") or not url
            else (self.root / "site" / url)
        )
        return html.fromstring(path.read_bytes())


@pytest.fixture
def site(tmp_path: Path) -> Site:
    """An empty site; add conclusions, then build."""
    return Site(tmp_path / "project")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The repository's own sample corpus, built once for the session."""
    root = tmp_path_factory.mktemp("sample") / "project"
    built = Site(root)
    shutil.rmtree(built.conclusions)
    shutil.copytree(REPO / "conclusions", built.conclusions)
    built.build()
    return built


@pytest.fixture(scope="session")
def generated_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """2,000 generated documents (tests/corpus_gen.py), page size 20, built once."""
    from corpus_gen import generate

    built = Site(tmp_path_factory.mktemp("generated") / "project")
    built.options["page_size"] = 20
    generate(built.conclusions, 2000)
    built.build()
    return built


@pytest.fixture(scope="session")
def levels_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """Documents of every issuer level, joint documents and signing chains
    (tests/corpus_levels.py), built once."""
    from corpus_levels import FILES

    built = Site(tmp_path_factory.mktemp("levels") / "project")
    for rel, text in FILES.items():
        built.add(rel, text)
    built.build()
    return built


def site_snapshot(folder: Path) -> dict[str, str]:
    """Every file of a built site with the hash of its bytes."""
    import hashlib

    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def text_of(element: html.HtmlElement) -> str:
    """Visible text with whitespace collapsed."""
    return " ".join(element.text_content().split())


def search_records(site: Site) -> list[dict[str, str]]:
    """What a search result shows of each document (the word index's records files), by
    document number (oldest first)."""
    import json

    from ketluan.site import urls

    folder = site.root / "site" / urls.RECORDS
    groups = sorted(folder.glob("*.json"), key=lambda path: int(path.stem))
    return [record for path in groups for record in json.loads(path.read_text("utf-8"))]


def search_record(site: Site, url: str) -> dict[str, str]:
    """What a search result shows of the document whose page is ``url``."""
    (found,) = [record for record in search_records(site) if record["url"] == url]
    return found


def search_facets(site: Site, url: str) -> dict[str, list[str]]:
    """The filter values of the document whose page is ``url``, as the search page filters
    and counts them: the values of the word index's filter files listing it."""
    import json

    from ketluan.site import urls
    from ketluan.site.postings import decode

    out = site.root / "site"
    (number,) = [n for n, r in enumerate(search_records(site)) if r["url"] == url]
    names = json.loads((out / urls.WORD_FACETS).read_text("utf-8"))["values"]
    found: dict[str, list[str]] = {}
    for name in names:
        values = json.loads((out / urls.word_facet(name)).read_text("utf-8"))["v"]
        chosen = [value for value, postings in values.items() if number in decode(postings)]
        if chosen:
            found[name] = chosen
    return found


def all_places(built: Path) -> dict[str, list[str]]:
    """Every place name of the word index with its spellings (all its place files)."""
    import json

    from ketluan.site import urls

    found: dict[str, list[str]] = {}
    for path in sorted((built / urls.WORD_PLACES).glob("*.json")):
        found.update(json.loads(path.read_text("utf-8")))
    return found
