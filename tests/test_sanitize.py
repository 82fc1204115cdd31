"""Raw HTML in bodies: allowed inline tags stay, every other tag becomes text, code is code."""

from __future__ import annotations

import pytest

from ketluan.build.sanitize import clean_body, escape_raw_html

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
        '<p>a<a rel="noopener noreferrer">x</a><sup id="fnref:1"><a class="footnote-ref" '
        'href="#fn:1" rel="noopener noreferrer">1</a></sup></p>'
    )
