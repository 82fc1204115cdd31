"""Search after incremental builds, read in Chromium through the search page: the word index
a build patched (a body edited: a local build) or planned again (a document added, another
removed) finds the new words, no longer the removed ones, and never a removed document.
That each such index equals a cold build's, file for file, is checked without a browser by
``tests/test_incremental.py`` (random steps) and ``tests/test_words.py``."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from browser.test_search import every_result
from conftest import REPO, Site, conclusion

ADDED = "bac-giang/son-dong/700.md"
ADDED_URL = "/van-ban/bac-giang/huyen-uy-son-dong/2024/700-kl-hu/"
LATER = "bac-giang/son-dong/701.md"
LATER_URL = "/van-ban/bac-giang/huyen-uy-son-dong/2024/701-kl-hu/"
REMOVED = "dien-bien/tuan-giao/2021-07-23-thong-bao-ket-luan.md"
GONE = "/van-ban/dien-bien/thuong-truc-tinh-uy-dien-bien/2021/tbkl-2021-07-23/"


def document(body: str, number: str, date: str) -> str:
    return conclusion(body, title=f"Kết luận về cây ăn quả số {number}", number=number, date=date)


class _Modes(logging.Handler):
    """The kind of each build (``…; local)``), from the plugin's log."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "pages written in" in message:
            self.seen.append(message.rsplit("; ", 1)[-1].rstrip(")"))


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The samples with one more document, built; then its body edited (a local build);
    then a document added and another removed (a planned build). A copy of the site after
    each build."""
    root = tmp_path_factory.mktemp("delta")
    site = Site(root / "project")
    shutil.rmtree(site.conclusions)
    shutil.copytree(REPO / "conclusions", site.conclusions)
    modes = _Modes()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(modes)
    level = logger.level
    logger.setLevel(logging.INFO)
    copies = {}
    try:
        site.add(ADDED, document("Phát triển vùng trồng chôm chôm.\n", "700-KL/HU", "2024-08-02"))
        site.build()
        copies["first"] = shutil.copytree(site.root / "site", root / "first")
        site.add(ADDED, document("Phát triển vùng trồng sầu riêng.\n", "700-KL/HU", "2024-08-02"))
        site.build()
        copies["edited"] = shutil.copytree(site.root / "site", root / "edited")
        (site.conclusions / REMOVED).unlink()
        site.add(LATER, document("Phát triển vùng trồng măng cụt.\n", "701-KL/HU", "2024-09-03"))
        site.build()
        copies["changed"] = shutil.copytree(site.root / "site", root / "changed")
    finally:
        logger.removeHandler(modes)
        logger.setLevel(level)
    assert modes.seen[1:] == ["local", "plan"], modes.seen
    return copies


def test_a_local_edit_is_found_and_its_removed_words_are_not(page, serve, sites) -> None:
    first, edited = serve(sites["first"]), serve(sites["edited"])
    assert every_result(page, first, "chôm chôm") == [ADDED_URL]
    assert every_result(page, first, "sầu riêng") == []
    assert every_result(page, edited, "sầu riêng") == [ADDED_URL]
    assert every_result(page, edited, "chôm chôm") == []
    assert every_result(page, edited, "chom chom") == [], "nor without its accents"


def test_an_added_document_is_found_and_a_removed_one_never(page, serve, sites) -> None:
    edited, changed = serve(sites["edited"]), serve(sites["changed"])
    assert GONE in every_result(page, edited, "Mùa A Sơn")
    assert every_result(page, changed, "măng cụt") == [LATER_URL]
    assert every_result(page, changed, "Mùa A Sơn") == [], "words only the removed document had"
    for query in ("Tuần Giáo", "thông báo kết luận", "cây ăn quả"):
        assert GONE not in every_result(page, changed, query), query
    assert {ADDED_URL, LATER_URL} <= set(every_result(page, changed, "cây ăn quả"))
