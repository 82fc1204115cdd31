"""Markdown source read as prose: markup hidden, offsets kept, sentences found.

Citations are extracted from the Markdown source (before rendering, because the pages
of cited documents must be planned first). Markup would break the phrases the matchers
read (``Nghị quyết số **27-NQ/HU**``), so it is masked with characters of the same length:
code and link targets become spaces, emphasis markers become ``\\x1f`` (whitespace to the
regex engine, but a phrase boundary for issuer and place names).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cached_property

MARK = "\x1f"
# Every finder here takes time linear in the text (bodies come from anywhere): a construct
# whose end is searched for (a closing bracket, tag or fence) is found with ``_Next``, which
# remembers the last answer, never by a regex that rescans the rest of the text from each of
# thousands of unclosed openers. Regexes left alone have bounded or possessive repetitions.
_FENCE = re.compile(r"^(?P<fence>`{3,}+|~{3,}+)[^\n]*+\n.*?(?:^(?P=fence)[ \t]*$|\Z)", re.M | re.S)
_RAW_CODE = re.compile(
    r"^ {0,3}<(?P<tag>pre|script|style)\b.*?(?:</(?P=tag)\s*>|\Z)", re.M | re.S | re.I
)
_BACKTICKS = re.compile(r"`+")
_BLOCK_TAGS = (
    "address|article|aside|blockquote|center|del|details|div|dl|fieldset|figcaption|figure"
    "|footer|form|h[1-6]|header|hgroup|ins|main|nav|noscript|ol|p|section|table|ul"
)
_RAW_BLOCK_OPEN = re.compile(rf"^ {{0,3}}<(?P<tag>{_BLOCK_TAGS})\b", re.M | re.I)
_RAW_LINK_OPEN = re.compile(r"<a\b", re.I)
_RAW_LINK_CLOSE = re.compile(r"</a\s*>", re.I)
_TAG_OPEN = re.compile(r"</?[A-Za-z]|<!--")
_COMMENT_END = re.compile(r"-->")
_GT = re.compile(r">")
_GT_OR_NEWLINE = re.compile(r"[>\n]")
_LINK_OPEN = re.compile(r"(?<!\\)\[")
_FOOTNOTE_OPEN = re.compile(r"\[\^")
_BRACKET_END = re.compile(r"[\]\n]")
_PAREN_END = re.compile(r"[)\n]")
_FOOTNOTE_DEF = re.compile(r"^\[\^[^\]\n]+\]:", re.M)
_MARKERS = re.compile(r"[*_\\]")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])[ \t]")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?…])")
_BOUNDARY = re.compile(r"[.!?…](?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|#|\|))")
Span = tuple[int, int]


@dataclass(frozen=True)
class Prose:
    """The masked text of a Markdown body, and the spans that are never linked: the text of
    links the author wrote and raw HTML blocks (Markdown passes them through untouched)."""

    text: str
    links: tuple[Span, ...]

    @cached_property
    def _links_by_start(self) -> tuple[list[int], list[int]]:
        """Starts of the link spans in order, and the furthest end reached up to each."""
        ordered = sorted(self.links)
        return [a for a, _ in ordered], list(itertools.accumulate((b for _, b in ordered), max))

    def in_link(self, start: int, end: int) -> bool:
        """True when ``start..end`` lies inside the text of a link the author wrote."""
        starts, reach = self._links_by_start
        index = bisect.bisect_right(starts, start)
        return index > 0 and reach[index - 1] >= end

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
        middle = _clean(self.text[start:end])
        room = max(0, limit - len(middle))
        keep = room // 2
        left, cut = _clean_tail(self.text, first, start, keep)
        if cut:
            left = "…" + (left[-keep:] if keep else "").lstrip()
        keep = room - len(left)
        right, cut = _clean_head(self.text, end, last, max(0, keep))
        if cut or len(right) > keep:
            right = right[: max(0, keep)].rstrip() + "…"
        joined = " ".join(f"{left} {middle} {right}".split())
        return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", joined).lstrip("-#> ").strip()


def _clean(value: str) -> str:
    return " ".join(value.replace(MARK, "").split())


def _clean_tail(text: str, first: int, stop: int, keep: int) -> tuple[str, bool]:
    """``_clean(text[first:stop])`` when at most ``keep`` characters long, else (True) a
    string ending with its last ``keep`` characters: only the end of a long sentence is read,
    never all of it for each of its citations."""
    width = 2 * keep + 64
    while True:
        low = max(first, stop - width)
        words = text[low:stop].replace(MARK, "").split()
        if low == first:
            cleaned = " ".join(words)
            return cleaned, len(cleaned) > keep
        whole = " ".join(words[1:])  # the first word may be cut by the window
        if len(whole) > keep:
            return whole, True
        width *= 2


def _clean_head(text: str, start: int, last: int, keep: int) -> tuple[str, bool]:
    """``_clean(text[start:last])`` when at most ``keep`` characters long, else (True) a
    string starting with its first ``keep`` characters (see ``_clean_tail``)."""
    width = 2 * keep + 64
    while True:
        high = min(last, start + width)
        words = text[start:high].replace(MARK, "").split()
        if high == last:
            cleaned = " ".join(words)
            return cleaned, len(cleaned) > keep
        whole = " ".join(words[:-1])  # the last word may be cut by the window
        if len(whole) > keep:
            return whole, True
        width *= 2


def prose(markdown: str) -> Prose:
    """Mask ``markdown`` so that only its prose remains, at the same offsets."""
    text = markdown
    for regex in (_FENCE, _RAW_CODE):
        text = regex.sub(_blank, text)
    text = _blank_spans(text, _indented_code(text))
    text = _blank_spans(text, _code_spans(text))
    # Raw HTML blocks are passed through, not parsed: their citations count but are not linked.
    links = _raw_blocks(text) + _raw_link_texts(text)
    text = _blank_spans(text, _tags(text))
    text = _blank_spans(text, _footnote_refs(text))
    text = _FOOTNOTE_DEF.sub(_blank, text)
    found = _links(text)
    links += [(start + 1, close) for start, close, _ in found]
    pieces = []
    last = 0
    for start, close, end in found:
        pieces += [text[last:start], " ", text[start + 1 : close], _spaces(text[close + 1 : end])]
        pieces.append(" ")
        last = end
    pieces.append(text[last:])
    return Prose(_MARKERS.sub(MARK, "".join(pieces)), tuple(links))


def _spaces(value: str) -> str:
    """Spaces in place of ``value``, newlines kept: offsets and lines stay where they were."""
    return re.sub(r"[^\n]", " ", value)


def _blank(match: re.Match[str]) -> str:
    return _spaces(match[0])


def _blank_spans(text: str, spans: list[Span]) -> str:
    """``text`` with the (ordered, disjoint) ``spans`` blanked by ``_spaces``, in one pass."""
    pieces = []
    last = 0
    for start, end in spans:
        pieces += [text[last:start], _spaces(text[start:end])]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


class _Next:
    """The first match of ``pattern`` in ``text`` at or after a position, remembered: asked
    at positions that never go back, it reads the text once in all."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern = pattern
        self.text = text
        self.asked = len(text) + 1
        self.found: re.Match[str] | None = None

    def at(self, pos: int) -> re.Match[str] | None:
        if not (self.asked <= pos and (self.found is None or self.found.start() >= pos)):
            self.asked = pos
            self.found = self.pattern.search(self.text, pos)
        return self.found


def _indented_code(markdown: str) -> list[Span]:
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


def _code_spans(text: str) -> list[Span]:
    """Code spans as Python-Markdown reads them (``(`+)(.+?)(?<!`)\\1(?!`)``): an opener is
    the rest of a run of backticks, closed by the next run of exactly its length. Runs are
    grouped by length, so an opener never rereads the text after it."""
    runs = [(m.start(), m.end() - m.start()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (_, length) in enumerate(runs):
        by_length.setdefault(length, []).append(index)
    spans = []
    index = 0
    while index < len(runs):
        start, length = runs[index]
        index += 1
        for skip in range(length):  # the leftmost opener that has a closer wins
            later = by_length.get(length - skip, [])
            closer = bisect.bisect_left(later, index)
            if closer < len(later):
                close_start, close_length = runs[later[closer]]
                spans.append((start + skip, close_start + close_length))
                index = later[closer] + 1
                break
    return spans


def _raw_blocks(text: str) -> list[Span]:
    """Raw HTML blocks: a line opening a block tag, to its closing tag's line end (or the
    end of the text); a tag never closed by ``>`` is text."""
    spans = []
    gt = _Next(_GT, text)
    closers: dict[str, _Next] = {}
    pos = 0
    while opener := _RAW_BLOCK_OPEN.search(text, pos):
        if (end_of_tag := gt.at(opener.end())) is None:
            break  # no ">" anywhere after: no later opener is a tag either
        tag = opener["tag"].lower()
        if tag not in closers:
            closers[tag] = _Next(re.compile(rf"</{tag}\s*>[^\n]*", re.I), text)
        closer = closers[tag].at(end_of_tag.end())
        pos = closer.end() if closer else len(text)
        spans.append((opener.start(), pos))
    return spans


def _raw_link_texts(text: str) -> list[Span]:
    """The text of raw ``<a …>…</a>`` links."""
    spans = []
    gt = _Next(_GT, text)
    close = _Next(_RAW_LINK_CLOSE, text)
    pos = 0
    while opener := _RAW_LINK_OPEN.search(text, pos):
        end_of_tag = gt.at(opener.end())
        closer = close.at(end_of_tag.end()) if end_of_tag else None
        if end_of_tag is None or closer is None:
            break  # unclosed: so is every later one
        spans.append((end_of_tag.end(), closer.start()))
        pos = closer.end()
    return spans


def _tags(text: str) -> list[Span]:
    """Inline tags (``</?name …>`` on one line) and comments (``<!-- … -->``)."""
    spans = []
    tag_end = _Next(_GT_OR_NEWLINE, text)
    comment_end = _Next(_COMMENT_END, text)
    pos = 0
    while opener := _TAG_OPEN.search(text, pos):
        if opener[0] == "<!--":
            end = comment_end.at(opener.end())
        else:
            end = tag_end.at(opener.end())
            end = end if end and end[0] == ">" else None
        if end is None:
            pos = opener.start() + 1
            continue
        spans.append((opener.start(), end.end()))
        pos = end.end()
    return spans


def _footnote_refs(text: str) -> list[Span]:
    """Footnote references ``[^label]`` (not a definition's ``[^label]:``)."""
    spans = []
    bracket = _Next(_BRACKET_END, text)
    pos = 0
    while opener := _FOOTNOTE_OPEN.search(text, pos):
        end = bracket.at(opener.end())
        closed = end is not None and end[0] == "]" and end.start() > opener.end()
        if closed and text[end.end() : end.end() + 1] != ":":
            spans.append((opener.start(), end.end()))
            pos = end.end()
        else:
            pos = opener.start() + 1
    return spans


def _links(text: str) -> list[tuple[int, int, int]]:
    """Links ``[text](target)`` and ``[text][label]`` on one line (not after a backslash):
    the positions of ``[``, of ``]`` and of the end of the target."""
    found = []
    text_end = _Next(_BRACKET_END, text)
    label_end = _Next(_BRACKET_END, text)
    target_end = _Next(_PAREN_END, text)
    pos = 0
    while opener := _LINK_OPEN.search(text, pos):
        pos = opener.start() + 1
        close = text_end.at(opener.end())
        if close is None or close[0] != "]":
            continue
        after = text[close.end() : close.end() + 1]
        finder = target_end if after == "(" else label_end if after == "[" else None
        end = finder.at(close.end() + 1) if finder else None
        if end is None or end[0] == "\n":
            continue
        found.append((opener.start(), close.start(), end.end()))
        pos = end.end()
    return found


def code_regions(markdown: str) -> list[Span]:
    """Spans of fenced code, indented code and code spans: text Markdown shows verbatim;
    ordered and merged where they overlap (an indented line inside a fence)."""
    blocks = _merged([m.span() for m in _FENCE.finditer(markdown)] + _indented_code(markdown))
    starts = [start for start, _ in blocks]
    spans = list(blocks)
    for span in _code_spans(markdown):
        index = bisect.bisect_right(starts, span[0]) - 1
        if index < 0 or span[0] >= blocks[index][1]:
            spans.append(span)
    return _merged(spans)


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
