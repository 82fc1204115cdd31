"""A document body cannot clobber or imitate the theme: its ids are namespaced, its classes
are the renderer's own, and every in-page link still reaches its heading or footnote."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import unquote

import pytest
from lxml import html
from payloads import CLOBBERING

from conftest import Site, conclusion, text_of
from ketluan.site.urls import BODY_ID_PREFIX

THEME_IDS = {
    *("__config", "__search", "__drawer", "__toc", "__consent", "__settings", "__palette_0"),
    *("kl-search-box", "kl-search-panel", "kl-search-page-q"),
    *("kl-van-ban-duoc-trich-dan", "kl-duoc-trich-dan-boi"),
}
"""Ids Material's templates and scripts and our own look up (Material's bundle reads
``#__config`` for its whole configuration; the toggles are labels ``for`` these ids)."""

BODY = """[TOC]

Nghị quyết có <span id="__config">{"features": ["content.tooltips"]}</span>
<span id="dieu-1" title="Điều &lt;1&gt;">Điều 1</span>, <span name="__search">tên</span>
<abbr title="Hội đồng nhân dân">HĐND</abbr>; thực hiện Kết luận số 900-KL/HU ngày 01/3/2024
của Huyện ủy Sơn Động[^1].

## Kết luận

Xem [Điều 1](#dieu-1), [chú thích](#fn:1), [lên đầu](#top) và [mục Kết luận](#ket-luan).
Mục <span id="ket-luan">trùng tên</span> với tiêu đề.

## KL search box

!!! warning md-dialog md-dialog--active "Lưu ý"
    Nội dung lưu ý.

## KL văn bản được trích dẫn

<span class="md-dialog md-dialog--active footnote kl-cite">giả hộp thoại</span>

[^1]: Chú thích.[^2]
[^2]: Chú thích thứ hai.
"""


def built(site: Site, body: str) -> html.HtmlElement:
    """Build ``body`` as document 901-KL/HU (with 900-KL/HU to cite) on a site with the
    extensions of the repository's mkdocs.yml; return the document page."""
    site.extensions = ["sane_lists", "admonition"]
    site.add("900.md", conclusion(number="900-KL/HU", date="2024-03-01", title="Kết luận gốc"))
    site.add("901.md", conclusion(body, number="901-KL/HU"))
    site.build()
    (folder,) = (site.root / "site/van-ban").rglob("901-kl-hu*")
    return site.page(folder.relative_to(site.root / "site").as_posix() + "/")


def body_of(page: html.HtmlElement) -> html.HtmlElement:
    (body,) = page.cssselect(".kl-document__body")
    return body


def ids(elements: Iterable[html.HtmlElement]) -> list[str]:
    return [e.get("id") for e in elements if e.get("id") is not None]


@pytest.fixture
def page(site: Site) -> html.HtmlElement:
    return built(site, BODY)


def test_body_ids_are_namespaced_and_never_the_themes(page: html.HtmlElement) -> None:
    body = body_of(page)
    inside = ids(body.iter())
    outside = ids(e for e in page.iter() if body not in e.iterancestors() and e is not body)
    assert inside, "headings and footnotes keep their ids"
    assert all(i.startswith(BODY_ID_PREFIX) for i in inside), inside
    assert not [i for i in outside if i.startswith(BODY_ID_PREFIX)], "the prefix is the body's"
    assert not THEME_IDS & set(inside)
    assert THEME_IDS & set(outside) >= {"__config", "kl-van-ban-duoc-trich-dan"}, "page as built"
    everything = inside + outside
    assert len(everything) == len(set(everything)), "every id once on the page"
    assert not body.xpath(".//*[@name]"), "no name attribute (named access on document)"


def test_every_in_page_link_reaches_its_target(page: html.HtmlElement) -> None:
    """Footnote references and backlinks, heading permalinks, the [TOC] block, the author's
    own #links and Material's table of contents all point at an id of the page."""
    present = set(ids(page.iter()))
    fragments = [a.get("href")[1:] for a in page.iter("a") if (a.get("href") or "").startswith("#")]
    assert fragments
    missing = [f for f in fragments if f and f != "top" and unquote(f) not in present]
    assert missing == []
    body = body_of(page)
    footnote = body.cssselect("a.footnote-ref")[0].get("href")[1:]
    assert body.xpath(f".//li[@id='{footnote}']"), "footnote reference -> footnote"
    backref = body.cssselect("a.footnote-backref")[0].get("href")[1:]
    assert body.xpath(f".//sup[@id='{backref}']"), "backlink -> reference"
    toc = page.cssselect("nav.md-nav--secondary a.md-nav__link")
    headings = {h.get("id"): text_of(h).rstrip("¶") for h in body.cssselect("h2")}
    assert [(a.get("href")[1:], text_of(a)) for a in toc] == list(headings.items())
    assert [a.get("href") for a in body.cssselect("div.toc a")] == [f"#{i}" for i in headings]
    links = {text_of(a): a.get("href") for a in body.cssselect("p a")}
    assert links["Điều 1"] == f"#{BODY_ID_PREFIX}dieu-1"
    assert links["chú thích"] == f"#{BODY_ID_PREFIX}fn:1"
    assert links["lên đầu"] == "#top", "the top of the page, as HTML defines it"


def test_body_classes_are_the_renderers_own(page: html.HtmlElement) -> None:
    body = body_of(page)
    classes = {c for e in body.iterdescendants() for c in (e.get("class") or "").split()}
    assert classes <= {
        *("footnote", "footnote-ref", "footnote-backref", "headerlink", "toc"),
        *("admonition", "admonition-title", "warning", "kl-cite", "kl-cite--corpus"),
    }, classes
    assert {"footnote-ref", "headerlink", "admonition", "warning", "kl-cite"} <= classes
    (fake,) = body.xpath(".//span[contains(., 'giả hộp thoại')]")
    assert fake.get("class") is None, "a raw span gets none of the classes"
    assert not body.cssselect(".md-dialog, .md-dialog--active")


def test_titles_are_text_that_cannot_become_markup(page: html.HtmlElement) -> None:
    """Material's tooltips put a title into innerHTML: no title of the body holds a '<'."""
    titles = {e.get("title") for e in body_of(page).iter() if e.get("title") is not None}
    assert "Hội đồng nhân dân" in titles
    assert "Điều ‹1>" in titles, "shown, with the '<' that would open a tag replaced"
    assert not [t for t in titles if "<" in t]
    cite = body_of(page).cssselect("a.kl-cite")[0]
    assert cite.get("title").startswith("Kết luận số 900-KL/HU")


@pytest.mark.parametrize("name", list(CLOBBERING))
def test_clobbering_payloads_keep_no_theme_id_or_class(site: Site, name: str) -> None:
    body = body_of(built(site, CLOBBERING[name]))
    assert all(i.startswith(BODY_ID_PREFIX) for i in ids(body.iter()))
    assert not body.cssselect("[class*='md-'], [class*='kl-tools'], [class*='kl-search']")


def test_a_body_mkdocs_renders_gets_the_same_policy() -> None:
    """Document pages are rendered by ``render``; should MkDocs render one (a page of the
    navigation with a document's body), ``on_page_content`` namespaces its ids and its table
    of contents alike."""
    from types import SimpleNamespace

    from mkdocs.structure.toc import get_toc

    from ketluan.adapter.plugin import KetluanPlugin
    from ketluan.core.dates import DocDate
    from ketluan.core.model import BUILTIN_TYPES, Document
    from ketluan.site.feeds import FeedLink
    from ketluan.site.pages import DocumentPage, Shared, SitePlan

    doc = Document(
        "x.md", "x", BUILTIN_TYPES["ket-luan"], "1-KL/HU", DocDate(2024, 1, 1), "Huyện ủy A",
        "Bắc Giang", None, "B",
    )  # fmt: skip
    plugin = KetluanPlugin()
    plugin.plan = SitePlan(Shared(FeedLink("van-ban/atom.xml", "x"), None), {})
    plugin.plan.add(DocumentPage(url="van-ban/x/", title="x", doc=doc, jsonld="", doc_links={}))
    heading_b = {"level": 3, "id": "b", "name": "B", "children": []}
    tokens = [{"level": 2, "id": "a", "name": "A", "children": [heading_b]}]
    page = SimpleNamespace(file=SimpleNamespace(src_uri="van-ban/x/index.md"), toc=get_toc(tokens))
    html = '<h2 id="a">A</h2><h3 id="b" class="md-dialog">B</h3><a href="#b">b</a>'
    assert plugin.on_page_content(html, page=page) == (
        '<h2 id="vb-a">A</h2><h3 id="vb-b">B</h3><a href="#vb-b" rel="noopener noreferrer">b</a>'
    )
    assert [(link.url, [c.url for c in link.children]) for link in page.toc] == [
        ("#vb-a", ["#vb-b"])
    ]
    page.file.src_uri = "huong-dan/soan-thao.md"
    assert plugin.on_page_content('<h2 id="a">A</h2>', page=page) == '<h2 id="a">A</h2>'
