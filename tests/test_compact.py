"""Whitespace of rendered pages (build/compact.py): runs spanning lines become one line
break, the text a reader or the search sees is unchanged, preformatted text is kept."""

from __future__ import annotations

import doctest
import random
import re

import pytest
from lxml import html

from conftest import Site, conclusion
from ketluan.build import compact
from ketluan.build.compact import compact_html

CASES = [
    ("<ul>\n    <li>a</li>\n\n    <li>b</li>\n</ul>", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
    ("<p>a  b</p>", "<p>a  b</p>"),  # no line break: left as written
    ("a \t\r\n \f\n b", "a\nb"),
    ("\n\n", "\n"),
    ("x\u00a0\n\u00a0y", "x\u00a0\n\u00a0y"),  # a no-break space is text, not whitespace
    ("<pre>  x\n\n  y</pre>\n  <p>", "<pre>  x\n\n  y</pre>\n<p>"),
    ("<PRE class=x>\n\n</PRE>", "<PRE class=x>\n\n</PRE>"),
    ("<textarea>\n  a\n</textarea>", "<textarea>\n  a\n</textarea>"),
    ("<script>var a = 1;\n\n  b()</script>", "<script>var a = 1;\n\n  b()</script>"),
    ("<code>a\n   b</code> <kbd>\n  k</kbd>", "<code>a\n   b</code> <kbd>\n  k</kbd>"),
    (
        "<pre><code>a\n\n b</code></pre>\n\n<code>c\n  d</code>",
        "<pre><code>a\n\n b</code></pre>\n<code>c\n  d</code>",
    ),
    ("<preface>\n  x</preface>", "<preface>\nx</preface>"),
    ('<div class="a"\n     id="b">', '<div class="a"\nid="b">'),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_runs_with_a_line_break_become_one(source: str, expected: str) -> None:
    assert compact_html(source) == expected


def test_docstring_examples() -> None:
    assert doctest.testmod(compact).failed == 0


def _visible(page: str) -> tuple[str, list[str]]:
    """Text as a browser lays it out (runs of whitespace as one space) and the exact text
    of every preformatted element."""
    root = html.fromstring(page)
    kept = [e.text_content() for e in root.iter("pre", "textarea", "code", "kbd", "script")]
    return re.sub(r"[ \t\r\n\f]+", " ", root.text_content()), kept


def _random_page(rng: random.Random) -> str:
    spaces = [" ", "\n", "  \n    ", "\t", "\r\n", "\n\n\n  ", "", "\u00a0"]
    pieces = ["<div>"]
    for _ in range(rng.randrange(5, 40)):
        choice = rng.random()
        if choice < 0.15:
            tag = rng.choice(["pre", "code", "textarea", "kbd", "script"])
            inner = "".join(rng.choice(["a", "b", *spaces]) for _ in range(8))
            pieces.append(f"<{tag}>{inner}</{tag}>")
        elif choice < 0.5:
            tag = rng.choice(["p", "span", "li", "a", "em"])
            pieces.append(f"<{tag}>{rng.choice(['chữ', 'x y', ' z'])}</{tag}>")
        else:
            pieces.append(rng.choice(spaces) + rng.choice(["từ", "", "đ"]))
    return "".join(pieces) + "</div>"


def test_text_and_preformatted_text_unchanged_on_random_pages() -> None:
    rng = random.Random(16)
    for _ in range(500):
        page = _random_page(rng)
        assert _visible(compact_html(page)) == _visible(page), page


def test_built_pages_have_no_blank_or_indented_lines(site: Site) -> None:
    site.add(
        "a.md",
        conclusion("Đoạn một.\n\n```\n  mã   giữ nguyên\n\n  dòng hai\n```\n\nĐoạn `a   b`.\n"),
    )
    out = site.build()
    page = next(out.glob("van-ban/*/*/*/*/index.html")).read_text(encoding="utf-8")
    outside = compact.KEPT.sub("<kept>", page)
    assert not re.search(r"\n[ \t]|[ \t]\n|\n\n", outside)
    root = html.fromstring(page)
    assert root.xpath("//pre/code")[0].text == "  mã   giữ nguyên\n\n  dòng hai\n"
    assert "a   b" in [code.text for code in root.iter("code")]
    home = (out / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"\n[ \t]|[ \t]\n|\n\n", compact.KEPT.sub("<kept>", home))
