"""Citations in small built corpora: identity in context, ambiguity, links that never break
Markdown, front matter references, pagination, escaping and HTML validity."""

from __future__ import annotations

import json
from urllib.parse import urljoin

from test_citation_site import cite_links

from conftest import Site, conclusion, text_of
from ketluan.build.sanitize import body_id
from ketluan.core.text import heading_slug


def district_doc(district: str, number: str, body: str, **fields: str) -> str:
    return conclusion(
        body, issuer=f"Huyện ủy {district}", district=district, number=number, **fields
    )


def test_two_districts_each_cite_their_own_27_nq_hu(site: Site) -> None:
    site.add(
        "a.md", district_doc("Sơn Động", "1-KL/HU", "Theo Nghị quyết số 27-NQ/HU của Huyện ủy.\n")
    )
    site.add(
        "b.md", district_doc("Lục Ngạn", "2-KL/HU", "Theo Nghị quyết số 27-NQ/HU của Huyện ủy.\n")
    )
    site.build()
    pages = sorted(
        p.parent.relative_to(site.root / "site").as_posix()
        for p in (site.root / "site" / "trich-dan").rglob("27-nq-hu/index.html")
    )
    assert pages == [
        "trich-dan/bac-giang/luc-ngan/nghi-quyet/khong-ro-nam/27-nq-hu",
        "trich-dan/bac-giang/son-dong/nghi-quyet/khong-ro-nam/27-nq-hu",
    ]
    for district, slug in (("Sơn Động", "son-dong"), ("Lục Ngạn", "luc-ngan")):
        page = site.page(f"trich-dan/bac-giang/{slug}/nghi-quyet/khong-ro-nam/27-nq-hu/")
        citing = [text_of(e) for e in page.cssselect(".kl-citing__item .kl-item__issuer")]
        assert citing == [f"Huyện ủy {district}"]


def test_undated_citation_with_two_candidates_is_ambiguous(site: Site) -> None:
    site.add(
        "a.md", district_doc("Sơn Động", "1-KL/HU", "Nghị quyết số 27-NQ/HU ngày 24/02/2021.\n")
    )
    site.add(
        "b.md", district_doc("Sơn Động", "2-KL/HU", "Nghị quyết số 27-NQ/HU ngày 05/01/2016.\n")
    )
    site.add("c.md", district_doc("Sơn Động", "3-KL/HU", "Thực hiện Nghị quyết số 27-NQ/HU.\n"))
    site.build()
    url = "van-ban/bac-giang/huyen-uy-son-dong/2024/3-kl-hu/"
    (link,) = site.page(url).cssselect(".kl-document__body a.kl-cite")
    assert "kl-cite--ambiguous" in link.get("class")
    target = urljoin("/" + url, link.get("href"))
    assert target == "/trich-dan/bac-giang/son-dong/nghi-quyet/khong-ro-nam/27-nq-hu/"
    page = site.page(target.lstrip("/"))
    assert page.cssselect(".kl-ambiguous")
    candidates = [text_of(a) for a in page.cssselect(".kl-candidates a")]
    assert candidates == [
        "Nghị quyết số 27-NQ/HU ngày 05/01/2016 (Huyện ủy Sơn Động)",
        "Nghị quyết số 27-NQ/HU ngày 24/02/2021 (Huyện ủy Sơn Động)",
    ]
    # A dated mention in the same document settles an undated one: no ambiguity there.
    assert not site.page("van-ban/bac-giang/huyen-uy-son-dong/2024/1-kl-hu/").cssselect(
        ".kl-cite--ambiguous"
    )


def test_undated_citation_with_one_candidate_resolves_to_it(site: Site) -> None:
    site.add(
        "a.md", district_doc("Sơn Động", "1-KL/HU", "Nghị quyết số 27-NQ/HU ngày 24/02/2021.\n")
    )
    site.add("b.md", district_doc("Sơn Động", "2-KL/HU", "Theo Nghị quyết số 27-NQ/HU.\n"))
    site.build()
    url = "van-ban/bac-giang/huyen-uy-son-dong/2024/2-kl-hu/"
    (link,) = site.page(url).cssselect(".kl-document__body a.kl-cite")
    assert urljoin("/" + url, link.get("href")).endswith("/nghi-quyet/2021/27-nq-hu/")


def test_citation_of_a_corpus_document_links_to_its_full_text(site: Site) -> None:
    site.add("a.md", district_doc("Sơn Động", "604-KL/HU", "Nội dung.\n", date="2024-03-27"))
    site.add(
        "b.md",
        district_doc(
            "Sơn Động",
            "700-KL/HU",
            "Tiếp tục thực hiện Kết luận số 604-KL/HU ngày 27/3/2024 của Huyện ủy. Hết.\n",
            date="2024-06-01",
        ),
    )
    site.build()
    citing = "van-ban/bac-giang/huyen-uy-son-dong/2024/700-kl-hu/"
    cited = "van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/"
    (link,) = site.page(citing).cssselect(".kl-document__body a.kl-cite")
    assert urljoin("/" + citing, link.get("href")) == "/" + cited
    section = site.page(cited).cssselect(".kl-cited-by")[0]
    assert text_of(section.cssselect("h2")[0]) == "Được trích dẫn bởi"
    assert text_of(section.cssselect(".kl-sentence")[0]) == (
        "Tiếp tục thực hiện Kết luận số 604-KL/HU ngày 27/3/2024 của Huyện ủy."
    )
    page = site.page("trich-dan/bac-giang/son-dong/ket-luan/2024/604-kl-hu/")
    fulltext = page.cssselect(".kl-resolution__fulltext")[0]
    assert urljoin("/trich-dan/a/b/c/d/e/", fulltext.get("href")) == "/" + cited


BODY = """\
## Thực hiện Nghị quyết số 27-NQ/HU ngày 24/02/2021

Xem [Nghị quyết số 27-NQ/HU](https://example.gov.vn/nq27) và `Chỉ thị số 26-CT/TU` trong mã.

```text
Kết luận số 120-KL/TU
```

Theo **Chỉ thị số 19-CT/TU** ngày 11/6/2020 của BTV Tỉnh ủy và *Kết luận số 120-KL/TU*.

| Văn bản | Ghi chú |
|---|---|
| Nghị quyết số 04-NQ/TU | trong bảng[^1] |

[^1]: Chú thích nhắc Kế hoạch số 65-KH/TU.
"""


def test_links_never_nest_or_break_links_code_and_headings(site: Site) -> None:
    site.add("a.md", conclusion(BODY))
    site.build()
    page = site.page("van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/")
    body = page.cssselect(".kl-document__body")[0]
    assert not body.xpath(".//a//a"), "no nested links"
    assert not body.xpath(".//code//a | .//pre//a"), "code is never linked"
    (existing,) = body.xpath(".//a[@href='https://example.gov.vn/nq27']")
    assert text_of(existing) == "Nghị quyết số 27-NQ/HU"
    assert "kl-cite" not in (existing.get("class") or "")
    heading = body.cssselect("h2")[0]
    assert heading.get("id") == body_id(heading_slug(BODY.splitlines()[0].removeprefix("## ")))
    assert heading.cssselect("a.headerlink")
    assert text_of(heading).startswith("Thực hiện Nghị quyết số 27-NQ/HU ngày 24/02/2021")
    assert [text_of(a) for a in body.cssselect("a.kl-cite")] == [
        "Nghị quyết số 27-NQ/HU",
        "Chỉ thị số 19-CT/TU",
        "Kết luận số 120-KL/TU",
        "Nghị quyết số 04-NQ/TU",
        "Kế hoạch số 65-KH/TU",
    ]
    assert body.cssselect("strong > a.kl-cite") and body.cssselect("em > a.kl-cite")
    assert body.cssselect("td > a.kl-cite") and body.cssselect(".footnote a.kl-cite")
    assert [text_of(c) for c in body.cssselect("code")] == [
        "Chỉ thị số 26-CT/TU",
        "Kết luận số 120-KL/TU",
    ]


def test_front_matter_references_add_correct_and_ignore(site: Site) -> None:
    refs = (
        "references:\n"
        "  - 99-NQ/TU\n"
        "  - number: 27-NQ/HU\n    date: 2021-02-24\n"
        "  - number: 120-KL/TU\n    ignore: true\n"
    )
    body = "Theo Nghị quyết số 27-NQ/HU và Kết luận số 120-KL/TU.\n"
    site.add("x.md", conclusion(body) + "")
    text = (site.conclusions / "x.md").read_text("utf-8").replace("---\n\n", refs + "---\n\n", 1)
    (site.conclusions / "x.md").write_text(text, "utf-8")
    site.build()
    url = "van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/"
    links = cite_links(site, url)
    assert links == [
        ("Nghị quyết số 27-NQ/HU", "/trich-dan/bac-giang/son-dong/nghi-quyet/2021/27-nq-hu/")
    ]
    cites = [text_of(a) for a in site.page(url).cssselect(".kl-cites .kl-item__title")]
    assert cites == ["Nghị quyết số 27-NQ/HU", "Nghị quyết số 99-NQ/TU"]
    documents = json.loads((site.root / "site/api/documents.json").read_text("utf-8"))
    refs_out = documents["documents"][0]["references"]
    assert [(r["number"], r["declared"]) for r in refs_out] == [
        ("27-NQ/HU", True),
        ("99-NQ/TU", True),
    ]


def test_sentences_are_escaped(site: Site) -> None:
    body = 'Theo Nghị quyết số 1-NQ/TU về "5 &lt; 6" &amp; <b>đậm</b> <script>x</script>.\n'
    site.add("a.md", district_doc("Sơn Động", "1-KL/HU", body))
    site.build()
    page = site.page("trich-dan/bac-giang/nghi-quyet/khong-ro-nam/1-nq-tu/")
    assert not page.xpath("//b[text()='đậm']") and "alert" not in page.text_content()
    sentence = page.cssselect(".kl-sentence")[0]
    assert not len(sentence), "the sentence is text, without elements"
    assert text_of(sentence).startswith('Theo Nghị quyết số 1-NQ/TU về "5 &lt; 6" &amp; đậm')


def test_much_cited_document_paginates_its_citing_documents(site: Site) -> None:
    site.options["page_size"] = 5
    site.add("a.md", district_doc("Sơn Động", "604-KL/HU", "Nội dung.\n", date="2024-03-27"))
    for n in range(1, 13):
        body = f"Thực hiện Kết luận số 604-KL/HU ngày 27/3/2024 của Huyện ủy (lần {n}).\n"
        site.add(f"c{n}.md", district_doc("Sơn Động", f"{n}-TB/HU", body, date="2024-05-01"))
    site.build()
    base = "trich-dan/bac-giang/son-dong/ket-luan/2024/604-kl-hu/"
    first, last = site.page(base), site.page(base + "trang/3/")
    assert len(first.cssselect(".kl-citing__item")) == 5
    assert len(last.cssselect(".kl-citing__item")) == 2
    assert text_of(first.cssselect("h2#duoc-trich-dan-boi")[0]) == "Được trích dẫn bởi 12 văn bản"
    assert first.cssselect(".kl-pagination a[rel=next]")
    doc_page = site.page("van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/")
    assert len(doc_page.cssselect(".kl-cited-by__item")) == 10
    more = doc_page.cssselect("a.kl-cited-by__all")[0]
    assert text_of(more) == "Xem tất cả 12 văn bản trích dẫn"
    directory = site.page("trich-dan/")
    assert [text_of(c) for c in directory.cssselect(".kl-cited__count")] == ["12 văn bản trích dẫn"]


def province_doc(number: str, body: str) -> str:
    return conclusion(body, issuer="Ban Thường vụ Tỉnh ủy Bắc Giang", district=None, number=number)


def test_district_left_out_by_a_province_document_is_found_or_flagged(site: Site) -> None:
    site.add(
        "a.md", district_doc("Sơn Động", "1-KL/HU", "Nghị quyết số 27-NQ/HU ngày 24/02/2021.\n")
    )
    site.add(
        "b.md", district_doc("Lục Ngạn", "2-KL/HU", "Nghị quyết số 27-NQ/HU ngày 10/3/2021.\n")
    )
    site.add("c.md", province_doc("5-KL/TU", "Theo Nghị quyết số 27-NQ/HU ngày 24/02/2021.\n"))
    site.add("d.md", province_doc("6-KL/TU", "Theo Nghị quyết số 27-NQ/HU của huyện.\n"))
    site.build()
    base = "van-ban/bac-giang/ban-thuong-vu-tinh-uy-bac-giang/2024/"
    assert cite_links(site, base + "5-kl-tu/") == [
        ("Nghị quyết số 27-NQ/HU", "/trich-dan/bac-giang/son-dong/nghi-quyet/2021/27-nq-hu/")
    ]
    (link,) = site.page(base + "6-kl-tu/").cssselect(".kl-document__body a.kl-cite")
    assert "kl-cite--ambiguous" in link.get("class")
    target = urljoin("/" + base + "6-kl-tu/", link.get("href"))
    assert target == "/trich-dan/bac-giang/huyen-chua-ro/nghi-quyet/khong-ro-nam/27-nq-hu/"
    page = site.page(target.lstrip("/"))
    assert [text_of(a) for a in page.cssselect(".kl-candidates a")] == [
        "Nghị quyết số 27-NQ/HU ngày 10/03/2021 (Huyện ủy Lục Ngạn)",
        "Nghị quyết số 27-NQ/HU ngày 24/02/2021 (Huyện ủy Sơn Động)",
    ]


def test_declared_issuer_is_inert_everywhere(site: Site) -> None:
    payload = "X<script>alert(1)</script><img src=x onerror=alert(2)>"
    refs = f"references:\n  - number: 7-NQ/HU\n    issuer: 'Huyện ủy {payload}'\n"
    signer = "signer:\n  name: Đỗ Văn Cẩm\n" + refs
    site.add("a.md", conclusion("Theo Nghị quyết số 7-NQ/HU.\n", signer=signer))
    site.build()
    pages = [
        "van-ban/bac-giang/huyen-uy-son-dong/2024/604-kl-hu/",
        "trich-dan/",
        "trich-dan/nhieu-nhat/",
    ]
    (cited_dir,) = (site.root / "site" / "trich-dan" / "bac-giang").glob("*/nghi-quyet")
    pages.append(cited_dir.relative_to(site.root / "site").as_posix() + "/khong-ro-nam/7-nq-hu/")
    for url in pages:
        page = site.page(url)
        assert not page.xpath("//*[@onerror]"), url
        code = [s for s in page.iter("script") if s.get("type") != "application/ld+json"]
        assert "alert" not in " ".join(s.text or "" for s in code), url
        for data in page.xpath("//script[@type='application/ld+json']"):
            assert "<" not in data.text, "JSON-LD cannot close its script element"
    group = site.page(pages[1]).cssselect("h2.kl-group")[0]
    assert text_of(group).startswith("Huyện ủy X<script>")


def test_every_kind_of_citation_page_is_valid_html(site: Site) -> None:
    from test_html_valid import vnu_errors

    site.options["page_size"] = 2
    site.add(
        "a.md", district_doc("Sơn Động", "1-KL/HU", "Nghị quyết số 27-NQ/HU ngày 24/02/2021.\n")
    )
    site.add(
        "b.md", district_doc("Sơn Động", "2-KL/HU", "Nghị quyết số 27-NQ/HU ngày 05/01/2016.\n")
    )
    site.add("c.md", district_doc("Sơn Động", "3-KL/HU", "Theo Nghị quyết số 27-NQ/HU.\n"))
    for n in (4, 5, 6):
        body = "Theo Kết luận số 1-KL/HU ngày 27/3/2024; Chỉ thị số 2-CT/TW.\n"
        site.add(f"{n}.md", district_doc("Sơn Động", f"{n}-KL/HU", body))
    site.build()
    built = site.root / "site" / "trich-dan"
    assert (built / "bac-giang/son-dong/nghi-quyet/khong-ro-nam/27-nq-hu/index.html").is_file()
    assert (built / "bac-giang/son-dong/ket-luan/2024/1-kl-hu/trang/2/index.html").is_file()
    assert (built / "nhieu-nhat/trang/2/index.html").is_file()
    assert vnu_errors(str(built)) == []
