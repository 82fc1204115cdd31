"""Markdown source read as prose: markup hidden, offsets kept, sentences found.

Citations are extracted from the Markdown source (before rendering, because the pages
of cited documents must be planned first). Markup would break the phrases the matchers
read (``Nghị quyết số **27-NQ/HU**``), so it is masked with characters of the same length:
code and link targets become spaces, emphasis markers become ``\\x1f`` (whitespace to the
regex engine, but a phrase boundary for issuer and place names).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

MARK = "\x1f"
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
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])[ \t]")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?…])")
_BOUNDARY = re.compile(r"[.!?…](?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|#|\|))")


@dataclass(frozen=True)
class Prose:
    """The masked text of a Markdown body, and the spans that are never linked: the text of
    links the author wrote and raw HTML blocks (Markdown passes them through untouched)."""

    text: str
    links: tuple[tuple[int, int], ...]

    def in_link(self, start: int, end: int) -> bool:
        """True when ``start..end`` lies inside the text of a link the author wrote."""
        return any(a <= start and end <= b for a, b in self.links)

    @cached_property
    def _boundaries(self) -> list[int]:
        return [m.end() for m in _BOUNDARY.finditer(self.text)]

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts."""
        index = bisect.bisect_right(self._boundaries, pos) - 1
        return self._boundaries[index] if index >= 0 else 0

    def sentence(self, start: int, end: int, limit: int = 320) -> str:
        """The sentence around ``start..end``, markup removed, shortened around the span."""
        ends = self._boundaries
        first_index = bisect.bisect_right(ends, start) - 1
        first = ends[first_index] if first_index >= 0 else 0
        after = bisect.bisect_left(ends, end + 1)
        last = ends[after] if after < len(ends) else len(self.text)
        left = _clean(self.text[first:start])
        middle = _clean(self.text[start:end])
        right = _clean(self.text[end:last])
        room = max(0, limit - len(middle))
        if len(left) > room // 2:
            left = "…" + left[-(room // 2) :].lstrip()
        if len(right) > room - len(left):
            right = right[: max(0, room - len(left))].rstrip() + "…"
        joined = " ".join(f"{left} {middle} {right}".split())
        return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", joined).lstrip("-#> ").strip()


def _clean(value: str) -> str:
    return " ".join(value.replace(MARK, "").split())


def prose(markdown: str) -> Prose:
    """Mask ``markdown`` so that only its prose remains, at the same offsets."""
    text = markdown
    for regex in (_FENCE, _RAW_CODE):
        text = regex.sub(_blank, text)
    for start, end in _indented_code(text):
        text = text[:start] + _spaces(text[start:end]) + text[end:]
    text = _CODE_SPAN.sub(_blank, text)
    # Raw HTML blocks are passed through, not parsed: their citations count but are not linked.
    links = [m.span() for m in _RAW_BLOCK.finditer(text)]
    links += [m.span("text") for m in _RAW_LINK.finditer(text)]
    for regex in (_TAG, _FOOTNOTE_REF, _FOOTNOTE_DEF):
        text = regex.sub(_blank, text)
    links += [m.span("text") for m in _LINK.finditer(text)]
    text = _LINK.sub(lambda m: " " + m["text"] + _spaces(m["target"]) + " ", text)
    return Prose(_MARKERS.sub(MARK, text), tuple(links))


def _spaces(value: str) -> str:
    """Spaces in place of ``value``, newlines kept: offsets and lines stay where they were."""
    return re.sub(r"[^\n]", " ", value)


def _blank(match: re.Match[str]) -> str:
    return _spaces(match[0])


def _indented_code(markdown: str) -> list[tuple[int, int]]:
    """Spans of indented code blocks: lines indented by four spaces (or a tab) after a blank
    line, outside lists (where such lines continue a list item)."""
    spans = []
    offset = 0
    in_list = False
    previous_blank = True
    in_code = False
    for line in markdown.splitlines(keepends=True):
        blank = not line.strip()
        indented = line.startswith(("    ", "\t"))
        if not blank and not indented:
            in_list = bool(_LIST_ITEM.match(line)) or (in_list and not previous_blank)
        in_code = indented and not blank and not in_list and (previous_blank or in_code)
        if in_code:
            spans.append((offset, offset + len(line)))
        if not blank:
            in_code = in_code and indented
        previous_blank = blank
        offset += len(line)
    return spans


def code_regions(markdown: str) -> list[tuple[int, int]]:
    """Spans of fenced code, indented code and code spans: text Markdown shows verbatim."""
    spans = [m.span() for m in _FENCE.finditer(markdown)] + _indented_code(markdown)
    spans += [
        m.span()
        for m in _CODE_SPAN.finditer(markdown)
        if not any(start <= m.start() < end for start, end in spans)
    ]
    return sorted(spans)
