"""The citation treeprocessor on its own (Python-Markdown, no MkDocs): what it links where."""

from __future__ import annotations

import markdown
from lxml import html
from mkdocs.utils import get_relative_url

from ketluan.adapter.linking import CitationLinker
from ketluan.citations.index import CitationIndex
from ketluan.core.dates import DocDate
from ketluan.core.model import BUILTIN_TYPES, Document
from ketluan.site.cited import CitedUrls, body_links

URL = "van-ban/bac-giang/huyen-uy-son-dong/2024/1-kl-hu/"


def render(body: str) -> html.HtmlElement:
    doc = Document(
        "a.md", "t", BUILTIN_TYPES["ket-luan"], "1-KL/HU", DocDate(2024, 3, 27),
        "Huyện ủy Sơn Động", "Bắc Giang", "Sơn Động", body,
    )  # fmt: skip
    linker = CitationLinker()
    index = CitationIndex([doc])
    links = body_links(index, CitedUrls(index), doc)
    linker.use(links, lambda url: get_relative_url(url, URL))
    md = markdown.Markdown(extensions=[linker, "footnotes", "tables", "toc"])
    return html.fromstring(f"<div>{md.convert(body)}</div>")


def targets(root: html.HtmlElement) -> list[tuple[str, str]]:
    return [(a.text_content(), a.get("href")) for a in root.cssselect("a.kl-cite")]


def test_same_number_with_two_dates_links_each_in_order() -> None:
    root = render(
        "Nghị quyết số 27-NQ/HU ngày 24/02/2021 thay Nghị quyết số 27-NQ/HU ngày 05/01/2016.\n"
    )
    assert [href.split("/")[-3] for _, href in targets(root)] == ["2021", "2016"]


def test_author_links_are_kept_and_do_not_shift_later_links() -> None:
    root = render(
        'Xem <a href="https://example.gov.vn/x">Nghị quyết số 27-NQ/HU ngày 05/01/2016</a> '
        "và [Nghị quyết số 27-NQ/HU](https://example.gov.vn/y). "
        "Nay thực hiện Nghị quyết số 27-NQ/HU ngày 24/02/2021.\n"
    )
    assert [(t, h.split("/")[-3]) for t, h in targets(root)] == [("Nghị quyết số 27-NQ/HU", "2021")]
    assert [a.get("href") for a in root.cssselect("a:not(.kl-cite)")] == [
        "https://example.gov.vn/x",
        "https://example.gov.vn/y",
    ]
    assert not root.xpath("//a//a")


def test_links_are_written_by_the_href_function_of_the_page() -> None:
    (link,) = targets(render("Theo Chỉ thị số 26-CT/TU ngày 02/6/2023 của Tỉnh ủy.\n"))
    assert link[1] == "../../../../../trich-dan/bac-giang/chi-thi/2023/26-ct-tu/"


def test_pages_without_links_are_left_alone() -> None:
    linker = CitationLinker()
    md = markdown.Markdown(extensions=[linker])
    assert "kl-cite" not in md.convert("Nghị quyết số 27-NQ/HU.")


def test_raw_html_blocks_count_but_are_not_linked_and_indented_code_is_not_a_citation() -> None:
    body = (
        "<table><tr><td>Nghị quyết số 27-NQ/HU ngày 05/01/2016</td></tr>\n\n</table>\n\n"
        "    Chỉ thị số 6-CT/TU trong mã thụt lề\n\n"
        "- Mục danh sách\n\n    Đoạn tiếp theo nhắc Kết luận số 7-KL/TU.\n\n"
        "Nay thực hiện Nghị quyết số 27-NQ/HU ngày 24/02/2021.\n"
    )
    root = render(body)
    assert [(t, h.split("/")[-3]) for t, h in targets(root)] == [
        ("Kết luận số 7-KL/TU", "khong-ro-nam"),
        ("Nghị quyết số 27-NQ/HU", "2021"),
    ]
    assert root.xpath("//li//a[@class='kl-cite']"), "a list item's continuation is prose"
    assert not root.xpath("//pre//a | //table//a")


def test_own_number_is_not_linked_and_does_not_shift_links() -> None:
    root = render(
        "Kết luận số 1-KL/HU này thay Kết luận số 1-KL/HU ngày 05/01/2016 của Huyện ủy.\n"
    )
    assert [(t, h.split("/")[-3]) for t, h in targets(root)] == [("Kết luận số 1-KL/HU", "2016")]
    assert root.text_content().startswith("Kết luận số 1-KL/HU này")
