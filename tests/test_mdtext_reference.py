"""The linear-time masking (mdtext) and escaping (sanitize) give what the regexes they
replaced gave, on real bodies and on thousands of random ones.

The reference below is the regex implementation from before issue 12, kept as the
specification: each regex is short and clear, but several rescan the rest of the text from
every unclosed opener (quadratic), so it only runs here, on small inputs.
"""

from __future__ import annotations

import bisect
import random
import re

import pytest

from conftest import REPO
from ketluan.build.sanitize import RAW_ALLOWED, escape_raw_html
from ketluan.citations.matchers import extract
from ketluan.citations.prose import Prose, code_regions, prose
from ketluan.core.frontmatter import parse

_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})[^\n]*\n.*?(?:^(?P=fence)[ \t]*$|\Z)", re.M | re.S)
_CODE_SPAN = re.compile(r"(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)", re.S)
_RAW_LINK = re.compile(r"<a\b[^>]*>(?P<text>.*?)</a\s*>", re.S | re.I)
_TAG = re.compile(r"</?[A-Za-z][^>\n]*>|<!--.*?-->", re.S)
_LINK = re.compile(r"(?<!\\)\[(?P<text>[^\]\n]*)\](?P<target>\([^)\n]*\)|\[[^\]\n]*\])")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\n]+\](?!:)")
_FOOTNOTE_DEF = re.compile(r"^\[\^[^\]\n]+\]:", re.M)
_MARKERS = re.compile(r"[*_\\]")
_BLOCK_TAGS = (
    "address|article|aside|blockquote|center|del|details|div|dl|fieldset|figcaption|figure"
    "|footer|form|h[1-6]|header|hgroup|ins|main|nav|noscript|ol|p|section|table|ul"
)
_RAW_BLOCK = re.compile(
    rf"^ {{0,3}}<(?P<tag>{_BLOCK_TAGS})\b[^>]*>.*?(?:</(?P=tag)\s*>[^\n]*|\Z)", re.M | re.S | re.I
)
_RAW_CODE = re.compile(
    r"^ {0,3}<(?P<tag>pre|script|style)\b.*?(?:</(?P=tag)\s*>|\Z)", re.M | re.S | re.I
)
_RAW = re.compile(r"<(?:(/?)([A-Za-z][A-Za-z0-9-]*)(?![A-Za-z0-9-]*[:@])|!|\?)")


def _spaces(value: str) -> str:
    return re.sub(r"[^\n]", " ", value)


def _blank(match: re.Match[str]) -> str:
    return _spaces(match[0])


def reference_prose(markdown: str) -> tuple[str, list[tuple[int, int]]]:
    from ketluan.citations.prose import _indented_code

    text = markdown
    for regex in (_FENCE, _RAW_CODE):
        text = regex.sub(_blank, text)
    for start, end in _indented_code(text):
        text = text[:start] + _spaces(text[start:end]) + text[end:]
    text = _CODE_SPAN.sub(_blank, text)
    links = [m.span() for m in _RAW_BLOCK.finditer(text)]
    links += [m.span("text") for m in _RAW_LINK.finditer(text)]
    for regex in (_TAG, _FOOTNOTE_REF, _FOOTNOTE_DEF):
        text = regex.sub(_blank, text)
    links += [m.span("text") for m in _LINK.finditer(text)]
    text = _LINK.sub(lambda m: " " + m["text"] + _spaces(m["target"]) + " ", text)
    return _MARKERS.sub("\x1f", text), sorted(links)


def reference_code(markdown: str) -> set[int]:
    """Offsets inside code: fences, indented code, code spans not starting in either."""
    from ketluan.citations.prose import _indented_code

    spans = [m.span() for m in _FENCE.finditer(markdown)] + _indented_code(markdown)
    spans += [
        m.span()
        for m in _CODE_SPAN.finditer(markdown)
        if not any(start <= m.start() < end for start, end in spans)
    ]
    return {i for start, end in spans for i in range(start, end)}


def reference_escape(markdown: str) -> str:
    code = reference_code(markdown)
    out, last = [], 0
    for match in _RAW.finditer(markdown):
        name = match.group(2)
        if match.start() in code or (name and name.lower() in RAW_ALLOWED):
            continue
        out.append(markdown[last : match.start()] + "&lt;")
        last = match.start() + 1
    return "".join(out) + markdown[last:]


def reference_in_link(links: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in links)


ATOMS = [
    *("[", "]", "(", ")", "^", "`", "``", "```", "~~~", "<", ">", "<a", "</a>", "<a href='x'>"),
    *("<div>", "</div>", "<DIV", "</Div >", "<pre>", "</pre>", "<!--", "-->", "\n", "\n\n"),
    *("    ", "\t", "- ", "1. ", "*", "_", "\\", ":", "x", "ab", " ", "  ", "1-NQ/TU", "."),
    *("<b>", "<span ", "đ", "[^1]", "[^1]:", "](", "][", "!", "<p", "<h2>", "</h2>", "<a:"),
]


def random_bodies(count: int, seed: int = 12) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(ATOMS, k=rng.randint(0, 40))) for _ in range(count)]


def real_bodies() -> list[str]:
    files = sorted((REPO / "conclusions").rglob("*.md"))
    bodies = [parse(p.read_text(encoding="utf-8"), p.name).body for p in files]
    return bodies + [p.read_text(encoding="utf-8") for p in (REPO / "tests/data").rglob("*.txt")]


def covered(spans: list[tuple[int, int]]) -> set[int]:
    return {i for start, end in spans for i in range(start, end)}


@pytest.mark.parametrize("bodies", ["real", "random"])
def test_prose_and_code_regions_are_unchanged(bodies: str) -> None:
    for body in real_bodies() if bodies == "real" else random_bodies(3000):
        found = prose(body)
        text, links = reference_prose(body)
        assert (found.text, sorted(found.links)) == (text, links), body
        assert covered(code_regions(body)) == reference_code(body), body


def test_escape_raw_html_is_unchanged() -> None:
    for body in real_bodies() + random_bodies(3000, seed=13):
        assert escape_raw_html(body) == reference_escape(body), body


def test_in_link_and_sentences_are_unchanged() -> None:
    """``in_link`` as the scan over every link; ``sentence`` as when it read the whole
    sentence (a middle longer than the limit now keeps no left context: it kept all)."""
    for body in random_bodies(1500, seed=14):
        found = prose(body)
        text, links = reference_prose(body)
        slow = Prose(text, tuple(links))
        for start in range(0, len(text), 3):
            for end in range(start, min(len(text), start + 12), 4):
                assert found.in_link(start, end) == reference_in_link(links, start, end)
                assert found.sentence(start, end, 40) == reference_sentence(slow, start, end, 40)


def reference_sentence(body: Prose, start: int, end: int, limit: int) -> str:
    from ketluan.citations.prose import _SPACE_BEFORE_PUNCTUATION, _clean

    ends = body._boundaries
    first_index = bisect.bisect_right(ends, start) - 1
    first = ends[first_index] if first_index >= 0 else 0
    after = bisect.bisect_left(ends, end + 1)
    last = ends[after] if after < len(ends) else len(body.text)
    left = _clean(body.text[first:start])
    middle = _clean(body.text[start:end])
    right = _clean(body.text[end:last])
    room = max(0, limit - len(middle))
    if len(left) > room // 2:
        left = "…" + (left[-(room // 2) :] if room // 2 else "").lstrip()
    if len(right) > room - len(left):
        right = right[: max(0, room - len(left))].rstrip() + "…"
    joined = " ".join(f"{left} {middle} {right}".split())
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", joined).lstrip("-#> ").strip()


def test_a_long_sentence_is_read_around_the_citation_only() -> None:
    """Thousands of citations in one sentence: each reads a few hundred characters."""
    body = prose("Theo " + "Nghị quyết số 1-NQ/TU, " * 3000 + "của Tỉnh ủy.")
    citations = extract(body.text)
    assert len(citations) == 3000
    first, last = citations[0], citations[-1]
    assert body.sentence(first.start, first.tail).startswith("Theo Nghị quyết số 1-NQ/TU,")
    assert body.sentence(last.start, last.tail).endswith("Nghị quyết số 1-NQ/TU, của Tỉnh ủy.")
    assert all(len(body.sentence(c.start, c.tail)) < 330 for c in citations)
