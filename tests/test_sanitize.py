"""Raw HTML in bodies: allowed inline tags stay, every other tag becomes text, code is code."""

from __future__ import annotations

import pytest

from ketluan.build.sanitize import body_href, body_toc, clean_body, escape_raw_html

CASES = [
    ("a <script>x</script> b", "a &lt;script>x&lt;/script> b"),
    ("<details open>\n\nrest", "&lt;details open>\n\nrest"),
    ("<plaintext>rest", "&lt;plaintext>rest"),
    ("<table><tr><td>1</td></tr></table>", "&lt;table>&lt;tr>&lt;td>1&lt;/td>&lt;/tr>&lt;/table>"),
    ("<!-- note --> <![CDATA[x]]> <?php ?>", "&lt;!-- note --> &lt;![CDATA[x]]> &lt;?php ?>"),
    ("<b>đậm</b> <sup>1</sup> <br>", "<b>đậm</b> <sup>1</sup> <br>"),
    ("<STRONG>x</STRONG>", "<STRONG>x</STRONG>"),
    ("`<script>` in code", "`<script>` in code"),
    ("```\n<div>fenced</div>\n```", "```\n<div>fenced</div>\n```"),
    ("para\n\n    <div>indented code</div>\n", "para\n\n    <div>indented code</div>\n"),
    ("<https://vbpl.vn/> <vanphong@tinhuy.vn>", "<https://vbpl.vn/> <vanphong@tinhuy.vn>"),
    ("x < 5, 3 <b and a<-b", "x < 5, 3 <b and a<-b"),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_escape_raw_html(source: str, expected: str) -> None:
    assert escape_raw_html(source) == expected


def test_clean_body_keeps_markdown_output_and_drops_handlers() -> None:
    html = (
        '<p onclick="x">a<a href="javascript:alert(1)">x</a><sup id="fnref:1">'
        '<a class="footnote-ref" href="#fn:1">1</a></sup></p>'
    )
    assert clean_body(html) == (
        '<p>a<a rel="noopener noreferrer">x</a><sup id="vb-fnref:1"><a class="footnote-ref" '
        'href="#vb-fn:1" rel="noopener noreferrer">1</a></sup></p>'
    )


BODY_CASES = [
    ('<span id="__config">{}</span>', '<span id="vb-__config">{}</span>'),
    (
        '<h2 id="ket-luan">K</h2><span id="ket-luan">x</span>',
        '<h2 id="vb-ket-luan">K</h2><span>x</span>',
    ),
    ('<span id="">x</span>', "<span>x</span>"),
    ('<span name="__search">x</span>', "<span>x</span>"),
    ('<span class="md-dialog md-dialog--active">x</span>', "<span>x</span>"),
    (
        '<div class="admonition warning md-dialog">x</div>',
        '<div class="admonition warning">x</div>',
    ),
    ('<p class="admonition-title footnote">x</p>', '<p class="admonition-title">x</p>'),
    ('<span class="footnote-ref kl-cite">x</span>', "<span>x</span>"),
    ('<div class="footnote"><hr></div>', '<div class="footnote"><hr></div>'),
    (
        '<span title="&lt;img src=x onerror=alert(1)&gt;">x</span>',
        '<span title="\u2039img src=x onerror=alert(1)&gt;">x</span>',
    ),
    ('<abbr title="Hội đồng nhân dân">HĐND</abbr>', '<abbr title="Hội đồng nhân dân">HĐND</abbr>'),
]


@pytest.mark.parametrize(("source", "expected"), BODY_CASES)
def test_clean_body_namespaces_ids_and_keeps_only_our_classes(source: str, expected: str) -> None:
    assert clean_body(source) == expected


def test_citation_links_keep_their_classes_and_a_text_title() -> None:
    html = '<a class="kl-cite kl-cite--corpus md-button" href="../x/" title="Kết luận <b>">K</a>'
    assert clean_body(html) == (
        '<a class="kl-cite kl-cite--corpus" href="../x/" title="Kết luận \u2039b&gt;" '
        'rel="noopener noreferrer">K</a>'
    )


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("#fn:1", "#vb-fn:1"),
        ("#fnref2:1", "#vb-fnref2:1"),
        ("#%C4%91ieu-1", "#vb-%C4%91ieu-1"),
        ("#vb-x", "#vb-vb-x"),
        ("#", "#"),
        ("#top", "#top"),
        ("#TOP", "#TOP"),
        ("../605-kl-hu/#dieu-1", "../605-kl-hu/#dieu-1"),
        ("https://vbpl.vn/#x", "https://vbpl.vn/#x"),
    ],
)
def test_body_href_namespaces_in_page_fragments_only(href: str, expected: str) -> None:
    assert body_href(href) == expected


def test_body_toc_matches_the_heading_ids() -> None:
    tokens = [{"id": "a", "name": "A", "children": [{"id": "b", "name": "B", "children": []}]}]
    assert body_toc(tokens) == [
        {"id": "vb-a", "name": "A", "children": [{"id": "vb-b", "name": "B", "children": []}]}
    ]
    assert tokens[0]["id"] == "a", "Markdown's own tokens are left alone"
