"""The cache key covers the project's own code: a hook in mkdocs.yml works with the cache on,
and editing a hook or a project-local Markdown extension changes the pages it renders."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from buildrun import mkdocs_build

from conftest import Site, conclusion, text_of

DOC_PAGE = "van-ban/bac-giang/huyen-uy-son-dong/2024/1-kl-hu/"
COUNTS = re.compile(r"\((\d+) rendered, (\d+) unchanged from the cache")

EXTENSION = textwrap.dedent("""\
    from markdown.extensions import Extension
    from markdown.postprocessors import Postprocessor


    class Mark(Postprocessor):
        def run(self, text):
            return text + "<p>dấu của phần mở rộng: MARK</p>"


    class LocalExtension(Extension):
        def extendMarkdown(self, md):
            md.postprocessors.register(Mark(md), "localext", 0)


    def makeExtension(**kwargs):
        return LocalExtension(**kwargs)
    """)

HOOK = textwrap.dedent("""\
    def on_post_page(output, page, config):
        return output.replace("</body>", "<!-- hook: MARK --></body>")
    """)


def build(site: Site, config: Path) -> tuple[int, int]:
    """Build in a process of its own (which loads the project's code afresh); (pages
    rendered, pages from the cache)."""
    result = mkdocs_build(site, config=config)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    rendered, cached = COUNTS.search(result.stderr).groups()  # type: ignore[union-attr]
    return int(rendered), int(cached)


def test_edited_local_extension_changes_the_pages(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    config = site.write_config()
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - tables\n", "  - tables\n  - localext\n"),
        encoding="utf-8",
    )
    extension = site.root / "localext.py"
    extension.write_text(EXTENSION.replace("MARK", "một"), encoding="utf-8")
    build(site, config)
    assert "dấu của phần mở rộng: một" in text_of(site.page(DOC_PAGE))
    assert build(site, config)[0] == 0, "unchanged code: every page from the cache"
    extension.write_text(EXTENSION.replace("MARK", "hai"), encoding="utf-8")
    rendered, _ = build(site, config)
    body = text_of(site.page(DOC_PAGE))
    assert "dấu của phần mở rộng: hai" in body
    assert "dấu của phần mở rộng: một" not in body
    assert rendered > 0


def test_hook_with_the_cache_on_and_edited(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    site.extra_config = "hooks:\n  - hooks/mark.py\n"
    hook = site.root / "hooks/mark.py"
    hook.parent.mkdir()
    hook.write_text(HOOK.replace("MARK", "một"), encoding="utf-8")
    config = site.write_config()
    build(site, config)
    page = (site.root / "site" / DOC_PAGE / "index.html").read_text(encoding="utf-8")
    assert "<!-- hook: một -->" in page
    assert build(site, config)[0] == 0, "unchanged code: every page from the cache"
    hook.write_text(HOOK.replace("MARK", "hai"), encoding="utf-8")
    build(site, config)
    page = (site.root / "site" / DOC_PAGE / "index.html").read_text(encoding="utf-8")
    assert "<!-- hook: hai -->" in page
