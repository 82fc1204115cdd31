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
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?…])")
_BOUNDARY = re.compile(r"[.!?…](?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|#|\|))")


@dataclass(frozen=True)
class Prose:
    """The masked text of a Markdown body and the spans that are the text of a link."""

    text: str
    links: tuple[tuple[int, int], ...]

    def in_link(self, start: int, end: int) -> bool:
        """True when ``start..end`` lies inside the text of a link the author wrote."""
        return any(a <= start and end <= b for a, b in self.links)

    @cached_property
    def _boundaries(self) -> list[int]:
        return [m.end() for m in _BOUNDARY.finditer(self.text)]

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
    chars = list(markdown)

    def blank(start: int, end: int, keep_newlines: bool = True) -> None:
        for i in range(start, end):
            if not (keep_newlines and chars[i] == "\n"):
                chars[i] = " "

    for match in _FENCE.finditer(markdown):
        blank(match.start(), match.end())
    text = "".join(chars)
    for match in _CODE_SPAN.finditer(text):
        blank(match.start(), match.end())
    links: list[tuple[int, int]] = []
    text = "".join(chars)
    for match in _RAW_LINK.finditer(text):
        links.append(match.span("text"))
    for match in _TAG.finditer(text):
        blank(match.start(), match.end())
    text = "".join(chars)
    for regex in (_FOOTNOTE_REF, _FOOTNOTE_DEF):
        for match in regex.finditer(text):
            blank(match.start(), match.end())
    text = "".join(chars)
    for match in _LINK.finditer(text):
        links.append(match.span("text"))
        blank(match.start(), match.start() + 1)
        blank(match.end("text"), match.end())
    text = "".join(chars)
    text = _MARKERS.sub(MARK, text)
    return Prose(text, tuple(links))
