"""File operations on the site's trees: what a placement or removal leaves behind."""

from __future__ import annotations

import os
from pathlib import Path

from ketluan.build.treefiles import place, remove


def test_placing_a_file_the_work_tree_already_links_leaves_no_partial(tmp_path: Path) -> None:
    """A rename onto another link of the same file does nothing (POSIX): a path a killed
    build journaled but never changed is placed again as the file it already is."""
    source = tmp_path / "site" / "a" / "index.html"
    source.parent.mkdir(parents=True)
    source.write_text("<p>a</p>\n", encoding="utf-8")
    target = tmp_path / "work" / "a" / "index.html"
    target.parent.mkdir(parents=True)
    os.link(source, target)
    place(source, target)
    assert sorted(p.name for p in target.parent.iterdir()) == ["index.html"]
    assert os.path.samefile(source, target)


def test_removing_a_path_removes_what_a_killed_placement_left(tmp_path: Path) -> None:
    root = tmp_path / "work"
    (root / "a").mkdir(parents=True)
    (root / "a" / ".index.html.ketluan-partial").write_text("<p>a</p>\n", encoding="utf-8")
    remove(root, "a/index.html")
    assert list(root.iterdir()) == []
