"""Two builds of one site at once (``make build`` while another build or ``mkdocs serve``
runs, a second build failing on a file saved mid-build): the second waits for the first,
and the site published after both is complete. Real ``mkdocs build`` processes."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from buildrun import start_build
from corpus_gen import generate

from conftest import Site, conclusion, search_records
from ketluan.build.locks import FolderLock
from ketluan.core.corpus import load_corpus
from ketluan.core.model import BUILTIN_TYPES
from ketluan.site import urls

DOCUMENTS = 600


@pytest.fixture
def project(tmp_path: Path) -> Site:
    site = Site(tmp_path / "project")
    generate(site.conclusions, DOCUMENTS)
    return site


def wait_for(pattern: str, site: Site, timeout: float = 180) -> None:
    """Wait until a path matching ``pattern`` (a glob under the project) exists."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(site.root.glob(pattern)):
            return
        time.sleep(0.02)
    raise AssertionError(f"nothing matched {pattern} within {timeout} s")


def finish(process, log: Path, timeout: float = 600) -> tuple[int, str]:
    code = process.wait(timeout=timeout)
    return code, log.read_text(encoding="utf-8", errors="replace")


def assert_complete(site: Site, documents: int, last: bool = True) -> None:
    """Every document page, the home page, the theme's assets, the manifest and the search
    index are published; after the ``last`` build nothing is left beside the site."""
    published = site.root / "site"
    corpus = load_corpus(site.root, "conclusions", BUILTIN_TYPES)
    assert len(corpus.documents) == documents
    pages = [urls.document(d) for d in corpus.documents]
    missing = [url for url in pages if not (published / url / "index.html").is_file()]
    assert missing == [], f"{len(missing)} document pages missing"
    assert (published / "index.html").is_file(), "the home page"
    assert list((published / "assets/javascripts").glob("bundle.*.min.js")), "the assets"
    assert len(search_records(site)) == documents, "the search index"
    manifest = json.loads((published / "api/documents.json").read_text(encoding="utf-8"))
    assert manifest["count"] == documents
    if not last:
        return
    beside = [p.name for p in site.root.iterdir() if p.name.startswith(".site.") and p.is_dir()]
    assert beside in ([], [".site.work"]), "no staging folder or replaced site is left"


def test_a_second_build_waits_for_the_first(project: Site, tmp_path: Path) -> None:
    config = project.write_config()
    first = start_build(config, tmp_path / "first.log")
    wait_for(".site.staging-*/van-ban/bac-giang", project)  # rendering document pages
    second = start_build(config, tmp_path / "second.log")
    first_code, first_log = finish(first, tmp_path / "first.log")
    assert first_code == 0, first_log
    assert_complete(project, DOCUMENTS, last=False)  # the first's site; the second runs
    second_code, second_log = finish(second, tmp_path / "second.log")
    assert second_code == 0, second_log
    assert f"is in use by the build of process {first.pid}; waiting" in second_log
    assert "Traceback" not in first_log + second_log
    assert_complete(project, DOCUMENTS)


def test_a_build_failing_midway_leaves_the_other_complete(project: Site, tmp_path: Path) -> None:
    config = project.write_config()
    first = start_build(config, tmp_path / "first.log")
    wait_for(".site.staging-*/van-ban/bac-giang", project)
    project.add("zz/hong.md", conclusion(date="27/3/2024"))  # saved while the first builds
    second = start_build(config, tmp_path / "second.log")
    first_code, first_log = finish(first, tmp_path / "first.log")
    assert first_code == 0, first_log
    second_code, second_log = finish(second, tmp_path / "second.log")
    assert second_code == 1, second_log
    assert "conclusions/zz/hong.md:5: date: expected YYYY-MM-DD" in second_log
    assert "Traceback" not in first_log + second_log
    (project.conclusions / "zz/hong.md").unlink()
    assert_complete(project, DOCUMENTS)


def test_two_cold_builds_at_once(project: Site, tmp_path: Path) -> None:
    config = project.write_config()
    first = start_build(config, tmp_path / "first.log")
    wait_for(".site.staging-*", project)  # the first has begun writing; no cache, no site
    second = start_build(config, tmp_path / "second.log")
    first_code, first_log = finish(first, tmp_path / "first.log")
    assert first_code == 0, first_log
    assert_complete(project, DOCUMENTS, last=False)
    second_code, second_log = finish(second, tmp_path / "second.log")
    assert second_code == 0, second_log
    assert "Traceback" not in first_log + second_log
    assert_complete(project, DOCUMENTS)


def test_a_build_waits_while_another_uses_the_cache(site: Site, tmp_path: Path) -> None:
    """``mkdocs serve`` writes its own temporary site but shares the cache: a build waits
    while the cache is in use (here the test holds its lock)."""
    site.add("a.md", conclusion(number="1-KL/HU"))
    site.build()
    lock = FolderLock(site.root / ".cache/ketluan/.lock", "the build cache")
    lock.acquire(lambda message: None)
    try:
        build = start_build(site.write_config(), tmp_path / "build.log")
        deadline = time.monotonic() + 120
        while "waiting" not in (tmp_path / "build.log").read_text() and build.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(1)
        assert build.poll() is None, "the build waits for the cache"
    finally:
        lock.release()
    code, log = finish(build, tmp_path / "build.log")
    assert code == 0, log
    assert (
        f"the build cache {site.root / '.cache/ketluan'} is in use by the build of process" in log
    )
