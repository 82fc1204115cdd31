"""Incremental builds never publish a stale page: after each kind of edit (a document, a
document citing another, a template, mkdocs.yml) the incremental build equals a cold build
of the same inputs, byte for byte (the word index of search included), and pages
whose inputs did not change are not rendered again."""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

import pytest
from sitecompare import differences

from conftest import REPO, Site, conclusion, search_record
from ketluan.adapter import render
from ketluan.build.cache import keys
from ketluan.build.state import BuildState

CITED = conclusion("Nội dung kết luận.\n", title="Kết luận về giao thông nông thôn")
CITING = conclusion(
    "Tiếp tục thực hiện Kết luận số 604-KL/HU ngày 27/3/2024 của Huyện ủy.\n",
    title="Kết luận về xây dựng nông thôn mới",
    number="610-KL/HU",
    date="2024-05-06",
)
OTHER = conclusion(
    "Một văn bản không liên quan.\n",
    title="Kết luận về công tác cán bộ",
    number="12-KL/HU",
    date="2023-01-05",
    issuer="Huyện ủy Tuần Giáo",
    province="Điện Biên",
    district="Tuần Giáo",
)
CITED_PAGE = "van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/"
OTHER_PAGE = "van-ban/dien-bien/huyen-uy-tuan-giao/2023/12-kl-hu/"
COUNTS = re.compile(r"(\d+) rendered, (\d+) unchanged from the cache")


@pytest.fixture
def warm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Site:
    """A site with three documents (one citing another) and its own templates, built once
    so the cache is full; rendered by two workers in chunks of four pages, each chunk from
    its pages' bytes (the cold builds it is compared with render in this process)."""
    monkeypatch.setattr(render, "CHUNK", 4)
    site = Site(tmp_path / "warm")
    site.templates = site.root / "templates"
    shutil.copytree(REPO / "templates", site.templates)
    site.options["jobs"] = 2
    site.add("son-dong/604.md", CITED)
    site.add("son-dong/610.md", CITING)
    site.add("tuan-giao/12.md", OTHER)
    site.build()
    return site


def rebuild(site: Site, caplog: pytest.LogCaptureFixture) -> tuple[int, int]:
    """Build again; (pages rendered, pages from the cache)."""
    caplog.clear()
    with caplog.at_level(logging.INFO):
        site.build()
    (found,) = COUNTS.findall(caplog.text)
    return int(found[0]), int(found[1])


def assert_same_as_cold(site: Site, tmp_path: Path) -> None:
    """The warm site equals a build of a copy of the project with the cache off."""
    cold = Site.__new__(Site)
    cold.__dict__.update(site.__dict__)
    cold.root = tmp_path / "cold"
    shutil.rmtree(cold.root, ignore_errors=True)
    ignored = shutil.ignore_patterns(".cache", "site", ".site.*")
    shutil.copytree(site.root, cold.root, ignore=ignored)
    cold.conclusions = cold.root / "conclusions"
    if site.templates != REPO / "templates":
        cold.templates = cold.root / "templates"
    cold.options = {**site.options, "cache": "false", "jobs": 1}
    cold.build()
    assert differences(site.root / "site", cold.root / "site") == []


def test_unchanged_inputs_render_nothing(warm: Site, caplog, tmp_path: Path) -> None:
    rendered, cached = rebuild(warm, caplog)
    assert rendered == 0 and cached > 20
    assert ": none build" in caplog.text
    assert "search" not in caplog.text, "the search index is left as it is"
    assert_same_as_cold(warm, tmp_path)


def test_edited_document_shows_up_and_the_rest_is_reused(warm: Site, caplog, tmp_path) -> None:
    other = (warm.root / "site" / OTHER_PAGE / "index.html").read_bytes()
    warm.add("son-dong/604.md", CITED.replace("Nội dung kết luận.", "Nội dung đã sửa lại."))
    rendered, cached = rebuild(warm, caplog)
    assert "Nội dung đã sửa lại." in warm.page(CITED_PAGE).text_content()
    assert (warm.root / "site" / OTHER_PAGE / "index.html").read_bytes() == other
    assert rendered == 1 and cached > 20, "its own text only: its page alone"
    assert ": local build" in caplog.text
    assert search_record(warm, CITED_PAGE)["x"] == "Nội dung đã sửa lại.", "in search too"
    assert_same_as_cold(warm, tmp_path)


def test_edited_citing_document_updates_the_cited_page(warm: Site, caplog, tmp_path) -> None:
    warm.add("son-dong/610.md", CITING.replace("xây dựng nông thôn mới", "chuyển đổi số"))
    rebuild(warm, caplog)
    (citing,) = warm.page(CITED_PAGE).cssselect(".kl-cited-by__item .kl-item__title")
    assert citing.text_content() == "Kết luận về chuyển đổi số"
    assert_same_as_cold(warm, tmp_path)


def test_removed_citation_disappears_from_the_cited_page(warm: Site, caplog, tmp_path) -> None:
    warm.add("son-dong/610.md", CITING.replace("Kết luận số 604-KL/HU", "kết luận"))
    rebuild(warm, caplog)
    assert not warm.page(CITED_PAGE).cssselect(".kl-cited-by")
    assert_same_as_cold(warm, tmp_path)


def test_a_central_and_a_joint_document_update_the_pages_listing_them(
    warm: Site, caplog, tmp_path
) -> None:
    central = conclusion(
        title="Kết luận về sắp xếp tổ chức bộ máy",
        number="126-KL/TW",
        date="2025-02-14",
        issuer="Bộ Chính trị",
        level="trung-uong",
        province=None,
        district=None,
    )
    warm.add("trung-uong/126.md", central)
    joint = "issuers:\n  - Huyện ủy Tuần Giáo\n  - Ủy ban nhân dân huyện Tuần Giáo"
    warm.add("tuan-giao/12.md", OTHER.replace("issuer: Huyện ủy Tuần Giáo", joint))
    rebuild(warm, caplog)
    (line,) = warm.page("dia-ban/").cssselect(".kl-places__central a")
    assert line.get("href") == "trung-uong/"
    lookup = warm.page("danh-muc/co-quan/uy-ban-nhan-dan-huyen-tuan-giao/")
    assert [a.text_content() for a in lookup.cssselect(".kl-item__title")] == [
        "Kết luận về công tác cán bộ"
    ]
    assert_same_as_cold(warm, tmp_path)


def test_relation_stated_in_the_text_updates_the_other_end(warm: Site, caplog, tmp_path) -> None:
    """A replacement written into one document re-renders the replaced document's page
    (banner), its cited-document page, the lists showing its status and the browse page."""
    replacing = CITING.replace("Tiếp tục thực hiện Kết luận", "Kết luận này thay thế Kết luận")
    warm.add("son-dong/610.md", replacing)
    rebuild(warm, caplog)
    (banner,) = warm.page(CITED_PAGE).cssselect(".kl-status-banner")
    assert "được thay thế bởi Kết luận số 610-KL/HU" in banner.text_content()
    assert warm.page("danh-muc/hieu-luc/bi-thay-the/").cssselect(".kl-item")
    assert_same_as_cold(warm, tmp_path)


def test_relation_declared_and_withdrawn_in_front_matter(warm: Site, caplog, tmp_path) -> None:
    """A relation declared by document id in another province's document, then removed:
    each warm build equals a cold one."""
    amending = OTHER.replace(
        "signer:",
        "relations:\n  - kind: sua-doi\n    document: bac-giang/huyen-uy-son-dong/2024/604-kl-hu"
        "\nsigner:",
    )
    warm.add("tuan-giao/12.md", amending)
    rebuild(warm, caplog)
    (banner,) = warm.page(CITED_PAGE).cssselect(".kl-status-banner")
    assert "sửa đổi, bổ sung bởi Kết luận số 12-KL/HU" in banner.text_content()
    assert_same_as_cold(warm, tmp_path)
    warm.add("tuan-giao/12.md", OTHER)
    rebuild(warm, caplog)
    assert not warm.page(CITED_PAGE).cssselect(".kl-status-banner")
    assert_same_as_cold(warm, tmp_path)


def test_edited_template_changes_every_page_using_it(warm: Site, caplog, tmp_path) -> None:
    template = warm.templates / "conclusion.html"
    text = template.read_text(encoding="utf-8")
    marked = text.replace(
        '<dl class="kl-meta"', '<p class="kl-test-marker">M</p>\n  <dl class="kl-meta"'
    )
    assert marked != text
    template.write_text(marked, encoding="utf-8")
    rendered, cached = rebuild(warm, caplog)
    for url in (CITED_PAGE, OTHER_PAGE):
        assert warm.page(url).cssselect(".kl-test-marker")
    assert rendered == 3, "the three document pages, and no page of another template"
    assert cached > 0
    assert_same_as_cold(warm, tmp_path)


def test_edited_shared_partial_changes_every_page(warm: Site, caplog, tmp_path) -> None:
    partial = warm.templates / "partials" / "kl-macros.html"
    text = partial.read_text(encoding="utf-8")
    marked = text.replace('<li class="kl-item', '<li data-test-marker class="kl-item', 1)
    assert marked != text
    partial.write_text(marked, encoding="utf-8")
    rendered, cached = rebuild(warm, caplog)
    assert cached == 0 and rendered > 0
    assert warm.page("van-ban/").cssselect("li[data-test-marker]")
    assert_same_as_cold(warm, tmp_path)


def test_edited_config_changes_every_page(warm: Site, caplog, tmp_path) -> None:
    warm.extra_config = "site_name: Cổng thử nghiệm mới\n"
    rendered, cached = rebuild(warm, caplog)
    assert cached == 0 and rendered > 0
    assert "Cổng thử nghiệm mới" in warm.page(OTHER_PAGE).findtext(".//title")
    assert_same_as_cold(warm, tmp_path)


def test_rendered_bodies_of_old_builds_are_swept(warm: Site, caplog) -> None:
    state = BuildState(warm.root / ".cache/ketluan/state.sqlite", readonly=True)
    (before,) = state.rows("SELECT count(*) FROM bodies")[0]
    warm.add("son-dong/604.md", CITED.replace("Nội dung kết luận.", "Nội dung khác."))
    rebuild(warm, caplog)
    (after,) = state.rows("SELECT count(*) FROM bodies")[0]
    assert before == after == 3, "one body per document"


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_added_document_renders_only_the_pages_that_change(warm: Site, caplog, tmp_path) -> None:
    """Pagination shifts (two per page): the pages rendered are exactly the generated pages
    whose bytes changed or appeared, never an unchanged one."""
    warm.options["page_size"] = 2
    warm.build()
    before = _files(warm.root / "site")
    warm.add(
        "son-dong/611.md",
        conclusion("Văn bản mới.\n", title="Kết luận mới", number="611-KL/HU", date="2024-06-01"),
    )
    rendered, cached = rebuild(warm, caplog)
    after = _files(warm.root / "site")
    changed = {p for p, data in after.items() if p.endswith("index.html") and before.get(p) != data}
    assert "van-ban/bac-giang/huyen-uy-son-dong/2024/611-kl-hu/index.html" in changed
    grown = "danh-muc/co-quan/huyen-uy-son-dong/trang/2/index.html"
    assert grown in changed and grown not in before, "its committee's list grew a page"
    assert 0 < rendered <= len(changed) and cached > 0
    assert_same_as_cold(warm, tmp_path)


def test_deleted_document_leaves_no_trace(warm: Site, caplog, tmp_path) -> None:
    """Its page, and its entries in lists, feeds, sitemap, manifests and search, are gone."""
    (warm.conclusions / "tuan-giao/12.md").unlink()
    rebuild(warm, caplog)
    assert not (warm.root / "site" / OTHER_PAGE).exists()
    for path, data in _files(warm.root / "site").items():
        if not path.startswith("assets"):
            assert OTHER_PAGE.encode() not in data, f"{path} still names the deleted document"
    assert_same_as_cold(warm, tmp_path)


def _keys(site: Site) -> dict[str, str]:
    """Path -> key of every published page (the engine renders a page iff its key changed)."""
    state = BuildState(site.root / ".cache/ketluan/state.sqlite", readonly=True)
    rows = state.rows("SELECT path, key FROM outputs WHERE kind = 'page'")
    return dict(rows)


def test_new_citation_of_a_much_cited_document_leaves_the_other_citing_pages(
    warm: Site, caplog, tmp_path
) -> None:
    """A citing page links to what it cites without counting who else cites it: a new
    document citing Chỉ thị 05-CT/TW (and 604-KL/HU, in the corpus) changes the cited pages'
    counts, not the pages of the documents that already cite them."""
    directive = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"

    def citing(number: str, day: str) -> str:
        body = f"Thực hiện {directive} và Kết luận số 604-KL/HU ngày 27/3/2024 của Huyện ủy.\n"
        return conclusion(body, title=f"Kết luận {number}", number=number, date=day)

    warm.add("son-dong/611.md", citing("611-KL/HU", "2024-06-03"))
    warm.add("son-dong/612.md", citing("612-KL/HU", "2024-06-10"))
    warm.build()
    directive_page = "trich-dan/toan-quoc/chi-thi/2016/05-ct-tw/"
    heading = warm.page(directive_page).get_element_by_id("duoc-trich-dan-boi")
    assert heading.text_content() == "Được trích dẫn bởi 2 văn bản"
    others = [
        f"van-ban/bac-giang/huyen-uy-son-dong/2024/{n}-kl-hu/index.html"
        for n in ("610", "611", "612")
    ]
    site = warm.root / "site"
    keys = _keys(warm)
    inodes = {path: (site / path).stat().st_ino for path in others}
    (link,) = warm.page(others[1]).xpath(
        "//li[contains(@class, 'kl-cites__item')][.//a[contains(., '05-CT/TW')]]"
        "//a[@class='kl-cites__page']"
    )
    assert link.text_content() == "Các văn bản trích dẫn"
    assert link.get("href").endswith(directive_page)

    warm.add("son-dong/613.md", citing("613-KL/HU", "2024-06-17"))
    rebuild(warm, caplog)
    after = _keys(warm)
    for path in others:
        assert after[path] == keys[path], f"{path} was rendered again"
        assert (site / path).stat().st_ino == inodes[path], f"{path} was rewritten"
    heading = warm.page(directive_page).get_element_by_id("duoc-trich-dan-boi")
    assert heading.text_content() == "Được trích dẫn bởi 3 văn bản"
    cited_by = warm.page(CITED_PAGE).cssselect(".kl-cited-by__item .kl-item__title")
    assert [a.text_content() for a in cited_by][:2] == ["Kết luận 613-KL/HU", "Kết luận 612-KL/HU"]
    cited_page = "trich-dan/bac-giang/son-dong/ket-luan/2024/604-kl-hu/"
    heading = warm.page(cited_page).get_element_by_id("duoc-trich-dan-boi")
    assert heading.text_content() == "Được trích dẫn bởi 4 văn bản"
    assert_same_as_cold(warm, tmp_path)


def test_templates_are_parsed_again_only_when_edited(warm: Site, caplog, monkeypatch) -> None:
    """What each page template includes is kept by the digest of its source: a build that
    does nothing parses no template, and an edit parses the edited template alone."""
    parsed: list[object] = []
    real = keys.meta.find_referenced_templates

    def recording(ast: object) -> object:
        parsed.append(ast)
        return real(ast)  # type: ignore[arg-type]

    monkeypatch.setattr(keys.meta, "find_referenced_templates", recording)
    rendered, _ = rebuild(warm, caplog)
    assert rendered == 0 and parsed == []
    template = warm.templates / "conclusion.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace('<dl class="kl-meta"', '<dl data-edited class="kl-meta"'))
    rendered, _ = rebuild(warm, caplog)
    assert len(parsed) == 1 and rendered == 3
    assert warm.page(CITED_PAGE).cssselect("dl[data-edited]")


def test_workers_render_from_the_pages_bytes(tmp_path: Path, monkeypatch) -> None:
    """A worker given a chunk's pages as bytes renders from them, not from the plan it
    inherited (whose objects it would copy by touching them: BENCHMARKS.md, "Where the
    memory goes"); the site is the one a single process renders from the plan."""
    marks = tmp_path / "adopted"
    marks.mkdir()
    adopt = render.Renderer.adopt

    def noted(self: render.Renderer, blobs: list[tuple[str, bytes]]) -> None:
        (marks / f"{os.getpid()}-{blobs[0][0].replace('/', '_')}").write_text(str(len(blobs)))
        adopt(self, blobs)

    monkeypatch.setattr(render.Renderer, "adopt", noted)
    monkeypatch.setattr(render, "CHUNK", 4)
    site = Site(tmp_path / "project")
    site.options["jobs"] = 2
    site.add("son-dong/604.md", CITED)
    site.add("son-dong/610.md", CITING)
    site.add("tuan-giao/12.md", OTHER)
    site.build()
    workers = {mark.name.split("-")[0] for mark in marks.iterdir()}
    assert workers and str(os.getpid()) not in workers, "the workers adopted the bytes"
    pages = sum(int(mark.read_text()) for mark in marks.iterdir())
    assert pages > 20, "every page rendered went with its chunk"
    assert_same_as_cold(site, tmp_path)
