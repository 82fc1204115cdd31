"""Every internal link and anchor in the built sample site resolves."""

from __future__ import annotations

from pathlib import Path

from linkcheck import broken_links

from conftest import Site


def test_sample_site_has_no_broken_links(sample_site: Site) -> None:
    assert broken_links(sample_site.root / "site") == []


def test_generated_site_has_no_broken_links(generated_site: Site) -> None:
    assert broken_links(generated_site.root / "site") == []


def test_link_checker_finds_broken_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="b/">missing</a><a href="#top">anchor</a>'
        '<a id="x" href="a/#nope">bad anchor</a><a href="https://example.org/">ext</a>',
        encoding="utf-8",
    )
    (tmp_path / "a" / "index.html").write_text('<p id="here">a</p>', encoding="utf-8")
    assert broken_links(tmp_path) == [
        "index.html: b/ (no such file)",
        "index.html: #top (no anchor #top)",
        "index.html: a/#nope (no anchor #nope)",
    ]
