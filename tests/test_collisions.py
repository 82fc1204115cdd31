"""Every output has one source: a hand-written page at a generated address, or two
documents whose pages fall on one address, fail the build naming both, never overwrite."""

from __future__ import annotations

import pytest
from buildrun import assert_fails_clearly, mkdocs_build

from conftest import Site, conclusion
from ketluan.build.collisions import Claim, collisions

DOC_PAGE = "van-ban/bac-giang/huyen-uy-son-dong/2024/1-kl-hu"

HANDWRITTEN = {
    "dia-ban/bac-giang.md": "/dia-ban/bac-giang/: docs/dia-ban/bac-giang.md and the generated "
    "page 'Tỉnh Bắc Giang' would both be written there.",
    f"{DOC_PAGE}.md": f"/{DOC_PAGE}/: docs/{DOC_PAGE}.md and the page of conclusions/a.md "
    "would both be written there.",
    f"{DOC_PAGE}/index.md": f"/{DOC_PAGE}/: docs/{DOC_PAGE}/index.md and the page of "
    "conclusions/a.md would both be written there.",
    "van-ban/index.md": "/van-ban/: docs/van-ban/index.md and the generated page 'Tất cả văn "
    "bản' would both be written there.",
    "api/documents.json": "/api/documents.json: docs/api/documents.json and the open-data "
    "manifest of the documents would both be written there.",
    "van-ban/atom.xml": "/van-ban/atom.xml: docs/van-ban/atom.xml and the Atom feed 'Văn bản "
    "mới' would both be written there.",
    "dia-ban/bac-giang/index.html": "/dia-ban/bac-giang/: docs/dia-ban/bac-giang/index.html "
    "and the generated page 'Tỉnh Bắc Giang' would both be written there.",
}


@pytest.mark.parametrize("rel", list(HANDWRITTEN))
def test_handwritten_file_at_a_generated_address(site: Site, rel: str) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    (site.root / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
    (site.root / "docs" / rel).write_text("# Trang viết tay\n", encoding="utf-8")
    result = mkdocs_build(site)
    assert_fails_clearly(
        result,
        "ketluan: 1 output path(s) claimed by two sources:\n" + HANDWRITTEN[rel],
        f"Rename or move docs/{rel}: the build generates this address.",
    )
    assert not (site.root / "site").exists()


def test_handwritten_pages_beside_generated_ones_are_kept(site: Site) -> None:
    site.add("a.md", conclusion(number="1-KL/HU"))
    for rel in ("dia-ban/huong-dan.md", "api/README.txt", "van-ban/ghi-chu.md"):
        (site.root / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (site.root / "docs" / rel).write_text("# Trang viết tay\n", encoding="utf-8")
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    assert site.page("dia-ban/huong-dan/").findtext(".//h1") == "Trang viết tay"
    assert (site.root / "site/api/README.txt").is_file()
    assert (site.root / "site/api/documents.json").is_file()


def test_documents_whose_numbers_give_one_address(site: Site) -> None:
    site.add("a.md", conclusion(number="604-KL/HU"))
    site.add("b.md", conclusion(number="604 KL HU"))
    site.add("c.md", conclusion(number="604-KL/HU-2024-03-27-1"))
    result = mkdocs_build(site)
    assert_fails_clearly(result, "conclusions/c.md")
    assert "conclusions/a.md" in result.stderr or "conclusions/b.md" in result.stderr
    assert not (site.root / "site").exists()


def claims(*specs: str) -> list[Claim]:
    """Claims on files."""
    return [Claim(s, s) for s in specs]


@pytest.mark.parametrize(
    ("specs", "expected"),
    [
        (("a/index.html", "a/index.html"), [("a/index.html", "same")]),
        (("a/index.html", "a/b/index.html"), []),
        (("a", "a/index.html"), [("a", "folder")]),
        (("a/index.html", "a"), [("a", "folder")]),
        (("a/index.html", "a-b/index.html", "a.html"), []),
        (("api/documents.json", "api/resolutions.json", "api/README.txt"), []),
    ],
)
def test_collision_rules(specs: tuple[str, ...], expected: list[tuple[str, str]]) -> None:
    assert [(c.path, c.kind) for c in collisions(claims(*specs))] == expected
