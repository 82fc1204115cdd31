"""The build deletes only in folders of its own: a cache_dir or site_dir that is, holds or
lies in the project's sources is refused before anything is written, the cache sweep leaves
what it did not write, and a folder that cannot be written gives one clear message."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from buildrun import assert_fails_clearly, mkdocs_build

from conftest import REPO, Site, conclusion

PROJECT_FILES = ("pages/ghi-chu/quan-trong.txt", "analysis/2024/bao-cao.csv", "docs/ghi-chu.md")
"""Files of the project that are not the build's (two of them where cache kinds would be)."""
BESIDE = "../ben-canh/ghi-chu.txt"
"""A file beside the project (``..`` holds it)."""


@pytest.fixture
def project(site: Site) -> Site:
    site.add("a.md", conclusion(number="1-KL/HU"))
    site.templates = site.root / "templates"
    shutil.copytree(REPO / "templates", site.templates)
    for rel in (*PROJECT_FILES, BESIDE):
        (site.root / rel).parent.mkdir(parents=True, exist_ok=True)
        (site.root / rel).write_text("giữ lại\n", encoding="utf-8")
    return site


def sources(site: Site) -> dict[str, bytes]:
    """Every file of the project and beside it but what builds write."""
    top = site.root.parent
    return {
        p.relative_to(top).as_posix(): p.read_bytes()
        for p in sorted(top.rglob("*"))
        if p.is_file() and not {"site", ".cache"} & set(p.relative_to(top).parts)
    }


CACHE_DIRS = {
    ".": "is the project folder (where mkdocs.yml is)",
    "..": "contains the project folder (where mkdocs.yml is)",
    "docs": "is docs_dir (the hand-written pages)",
    "docs/.cache": "is inside docs_dir (the hand-written pages)",
    "conclusions": "is conclusions_dir (the documents)",
    "templates": "is the theme's custom_dir (the templates)",
    "site": "is site_dir (the built site)",
}


@pytest.mark.parametrize("value", list(CACHE_DIRS))
def test_cache_dir_of_the_project_is_refused(project: Site, value: str) -> None:
    project.options["cache_dir"] = value
    project.write_config()
    before = sources(project)
    result = mkdocs_build(project)
    assert_fails_clearly(
        result,
        f"ketluan: cache_dir: '{value}' {CACHE_DIRS[value]}. Each build deletes the entries "
        "of earlier builds in cache_dir, so it must be a folder of its own. Write e.g. "
        "'cache_dir: .cache/ketluan' in mkdocs.yml.",
    )
    assert sources(project) == before, "no project file deleted or written"
    assert not (project.root / "site").exists()


SITE_DIRS = {
    "conclusions": "ketluan: site_dir: 'conclusions' is conclusions_dir (the documents).",
    "conclusions/site": "ketluan: site_dir: 'conclusions/site' is inside conclusions_dir",
    "templates": "ketluan: site_dir: 'templates' is the theme's custom_dir (the templates).",
    ".": "The 'docs_dir' should not be within the 'site_dir'",  # MkDocs' own check
    "..": "The 'docs_dir' should not be within the 'site_dir'",
}


@pytest.mark.parametrize("value", list(SITE_DIRS))
def test_site_dir_of_the_project_is_refused(project: Site, value: str) -> None:
    project.extra_config = f"site_dir: {value}\n"
    project.write_config()
    before = sources(project)
    result = mkdocs_build(project)
    assert_fails_clearly(result, SITE_DIRS[value])
    if value.startswith(("conclusions", "templates")):
        assert "Write e.g. 'site_dir: site' in mkdocs.yml." in result.stderr
    assert sources(project) == before, "no project file deleted or written"


def test_a_folder_that_is_not_a_cache_is_refused(project: Site) -> None:
    project.options["cache_dir"] = "pages"
    result = mkdocs_build(project)
    assert_fails_clearly(
        result,
        f"ketluan: cache_dir: {project.root / 'pages'} holds files the build did not write "
        "(ghi-chu) and no .ketluan-cache file.",
        "write e.g. 'cache_dir: .cache/ketluan' in mkdocs.yml (or 'cache: false').",
    )
    assert (project.root / PROJECT_FILES[0]).is_file()


def test_a_cache_of_an_earlier_version_is_adopted(project: Site) -> None:
    old = project.root / ".cache/ketluan/pages/ab"
    old.mkdir(parents=True)
    (old / ("ab" + "0" * 38)).write_text("cũ", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert (project.root / ".cache/ketluan/.ketluan-cache").is_file()
    assert not (old / ("ab" + "0" * 38)).exists(), "its old entries are swept"


def test_the_sweep_deletes_only_what_the_cache_wrote(project: Site) -> None:
    assert mkdocs_build(project).returncode == 0
    cache = project.root / ".cache/ketluan"
    kept = [cache / "pages/ab/ghi-chu.txt", cache / "pages/ghi-chu/x.txt", cache / "khac/y.txt"]
    stale = [cache / "pages/ab" / ("ab" + "1" * 38), cache / "bodies/cd" / ("cd" + "2" * 38)]
    for path in kept + stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert [p.exists() for p in kept] == [True] * len(kept)
    assert [p.exists() for p in stale] == [False] * len(stale)
    for rel in PROJECT_FILES:
        assert (project.root / rel).is_file()


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` cannot be written or renamed, even by root (an immutable attribute)."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: cannot make a folder read-only")
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"chattr +i failed: {made.stderr.decode(errors='replace')}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_read_only_parent_folder(project: Site) -> None:
    project.write_config()
    with read_only(project.root):
        result = mkdocs_build(project)
    assert_fails_clearly(
        result,
        f"ketluan: cannot write beside the site folder {project.root / 'site'}: ",
        "make that folder writable by this user, or set site_dir to a folder you can write.",
    )
    assert not (project.root / "site").exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="a read-only folder can still be renamed")
def test_read_only_site_folder(project: Site) -> None:
    assert mkdocs_build(project).returncode == 0
    before = sorted(p.name for p in (project.root / "site").iterdir())
    project.add("b.md", conclusion(number="2-KL/HU"))  # something to publish
    with read_only(project.root / "site"):
        result = mkdocs_build(project)
    assert_fails_clearly(
        result,
        "ketluan: could not publish the site: Operation not permitted: ",
        f"{project.root / 'site'} was left as it was.",
    )
    assert sorted(p.name for p in (project.root / "site").iterdir()) == before
    beside = [p.name for p in project.root.glob(".site.*") if p.is_dir()]
    assert beside == [".site.work"], "no staging folder left; the work tree stays"
