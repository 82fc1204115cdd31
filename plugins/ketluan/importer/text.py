"""Clean published text for import: line endings, portal chrome, page breaks, footnotes.

Text copied from portals or exported from signed PDFs arrives with Windows line endings,
in NFC or NFD, with the portal's toolbar captions, related-news links at the end, paragraphs
cut in two where a page ended (``Công`` / ``tác giải quyết``) and footnotes (``¹ ...``)
printed in the middle of the text. Everything here works on plain strings; the tone
placement of the text is never changed (``hoà`` stays ``hoà``), only its Unicode form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ketluan.core.text import fold, nfc
from ketluan.importer.furniture import strip_furniture, unlayout, untab

CHROME = [
    re.compile(r"^\s*PublishingPortal\s*-.*$"),
    re.compile(r"^\s*Tăng cỡ chữ\s*Giảm cỡ chữ\s*$"),
    re.compile(r"^\s*(In bài viết|Gửi bài viết|Chia sẻ|Lượt xem:.*|Bản in)\s*$"),
]
"""Lines that belong to a web portal's page layout, never to the document."""

RELATED_LINK = re.compile(r"^[^|].*\S\s*\|\s*\|\s*$")
"""A related-news entry as copied from a portal list: ``Title | |`` (not a table row)."""
RELATED_HEADINGS = {"tin lien quan", "cac tin khac", "tin cung chuyen muc", "bai viet lien quan"}
"""A portal's heading over its related-news list, near the end of a copied page."""
RELATED_WINDOW = 15
"""Lines from the end in which such a heading is looked for."""

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
FOOTNOTE_LINE = re.compile(rf"^([{SUPERSCRIPTS}]+)\s*(.+)$")
_MARKER = re.compile(rf"(?<=\S)([{SUPERSCRIPTS}]+)")
_TERMINAL = ".!?:;…"
PAGE_LENGTH = 200
"""A paragraph at least this long that stops mid-sentence was cut by a page break."""

ROMAN = re.compile(r"^([IVX]+)[.-]\s+\S")
LEVEL1 = re.compile(r"^(\d+)([.-])\s+\S")
LEVEL2 = re.compile(r"^(\d+)\.(\d+)([.-])\s+\S")
HEADING_MAX = 150
"""Numbered lines longer than this are paragraphs that start with a number, not headings."""
CUT_NUMBER = re.compile(r"(?:\d|[A-ZĐ]{2,}|/[A-ZĐ]\w*)-$|\d/\d{4}/$")
"""A line ending inside a document number: ``09/2026/NĐ-``, ``số 66-``, ``TTLT-VKSNDTC-``,
``119/2026/`` (its code, ``UBTVQH15``, on the next line)."""
CODE_START = re.compile(r"^[A-ZĐ][A-ZĐa-z]*[/-]|^[A-ZĐ]{2,}\w*(?:\s|$)")
"""The rest of such a number on the next line: ``CP``, ``NQ/TW``, ``CTr/BCĐ``."""
_NUMBERED_DOT = re.compile(r"^(\d+(?:\.\d+)*)\.(\s)")
POINT_START = re.compile(r"^(?:[IVX]+[.-]|\d+(?:\.\d+)*[.)-]|[a-zđ]\)|[-+*•]|Điều \d)")
"""A line opening a numbered point, a list item or an article: never a wrapped line."""


@dataclass
class Cleaned:
    """Lines of the document after normalisation, and what was removed as page chrome."""

    lines: list[str]
    removed: list[str] = field(default_factory=list)


def normalise(raw: str) -> str:
    """NFC, LF line endings, no BOM, no trailing blanks; rows of tabs as Markdown tables,
    other tabs as line breaks; pandoc's layout tables as their columns."""
    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = unlayout(untab(nfc(text).split("\n")))
    return "\n".join(line.rstrip() for line in lines)


def strip_chrome(text: str) -> Cleaned:
    """Drop portal chrome lines anywhere and the related-links list at the end."""
    stripped = strip_furniture(text.split("\n"))
    lines, removed, links = [], stripped.removed, []
    for line in stripped.lines:
        if any(p.match(line) for p in CHROME):
            removed.append(f"portal chrome {line.strip()!r}")
        else:
            lines.append(line)
    while lines and (not lines[-1].strip() or RELATED_LINK.search(lines[-1])):
        line = lines.pop()
        if line.strip():
            links.append(f"related-news link {line.strip()!r}")
    links.reverse()
    heading = next(
        (
            i
            for i in range(max(0, len(lines) - RELATED_WINDOW), len(lines))
            if fold(lines[i].strip(" :*")) in RELATED_HEADINGS
        ),
        None,
    )
    if heading is not None:
        links[:0] = [f"related-news link {x.strip()!r}" for x in lines[heading:] if x.strip()]
        del lines[heading:]
    removed += links
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    return Cleaned(lines[first:], removed)


_ENDINGS = _TERMINAL + ")”\"'"


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence punctuation (emphasis markers ignored)."""
    stripped = text.rstrip().rstrip("*_").rstrip()
    return bool(stripped) and stripped[-1] in _ENDINGS


def _ends_sentence(parts: list[str]) -> bool:
    """``ends_sentence`` of the stripped ``parts`` joined by spaces, from the last two: a
    last part of only ``*``/``_`` is stripped up to the joining space, which ends the
    stripping, so the previous part's last character decides."""
    last = parts[-1].rstrip().rstrip("*_").rstrip()
    if last:
        return last[-1] in _ENDINGS
    return len(parts) > 1 and bool(parts[-2]) and parts[-2][-1] in _ENDINGS


def _starts_lower(text: str) -> bool:
    return bool(text) and text[0].isalpha() and text[0].islower()


def paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs: blank lines separate; inside a block a line is its own
    paragraph unless it is the soft-wrapped continuation of the previous one."""
    result: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line.strip())
            continue
        if block and all(item.startswith("|") for item in block):  # a Markdown table
            result.append("\n".join(block))
        else:
            result += _unwrap(block)
        block = []
    return result


def _open(parts: list[str]) -> bool:
    """A paragraph a lowercase line can continue: not ended, not an ALL-CAPS heading
    (``KẾT LUẬN`` / ``của Ban Thường vụ …`` are a heading and its subtitle)."""
    last = parts[-1]
    return not _ends_sentence(parts) and not (len(parts) == 1 and last.upper() == last)


SOFT_WRAP = 60
"""A line at least this long that ends mid-sentence on a lowercase word was wrapped by the
layout, whatever case the next line starts with ("… Điều 417 của Bộ luật" / "Tố tụng hình
sự …")."""


def _continues(last: str, item: str) -> bool:
    """True when ``item`` goes on the open paragraph whose last line is ``last``: it starts
    in lowercase, or ``last`` is a long line stopping on a lowercase word and ``item`` does
    not open a numbered point."""
    if _starts_lower(item):
        return True
    words = last.split()
    return (
        len(last) >= SOFT_WRAP
        and item[:1].isalpha()
        and bool(words)
        and words[-1][:1].isalpha()
        and words[-1][:1].islower()
        and not POINT_START.match(item)
    )


def _unwrap(block: list[str]) -> list[str]:
    """Paragraphs of a block of stripped lines; a line continues the paragraph when it
    is inside a bold run that spans lines, or when the paragraph stops mid-sentence and
    the line starts in lowercase. Linear: the paragraph is joined once, at its end."""
    result: list[str] = []
    parts: list[str] = []
    bold = False  # an odd number of ``**`` so far in the paragraph
    for item in block:
        if parts and CUT_NUMBER.search(parts[-1]) and CODE_START.match(item):
            parts[-1] += item  # 09/2026/NĐ- / CP: a number cut at its hyphen by a table cell
        elif parts and (bold or (_open(parts) and _continues(parts[-1], item))):
            parts.append(item)
        else:
            if parts:
                result.append(" ".join(parts))
            parts, bold = [item], False
        bold ^= item.count("**") % 2 == 1
    if parts:
        result.append(" ".join(parts))
    return result


def extract_footnotes(paras: list[str]) -> tuple[list[str], dict[int, str]]:
    """Take footnote lines (``¹ text``) out of the flow; returns the rest and the notes."""
    rest, notes = [], {}
    for para in paras:
        match = FOOTNOTE_LINE.match(para)
        if match:
            number = int(match.group(1).translate(_SUP_TO_DIGIT))
            if number not in notes:
                notes[number] = match.group(2).strip()
                continue
        rest.append(para)
    return rest, notes


def is_structural(para: str) -> bool:
    """Headings, list items and numbered items start a new paragraph, never continue one."""
    return bool(
        para.startswith(("#", "- ", "+ ", "|", "("))
        or LEVEL1.match(para)
        or LEVEL2.match(para)
        or ROMAN.match(para)
    )


def rejoin(paras: list[str]) -> list[str]:
    """Join paragraphs cut by a page break: the first stops mid-sentence and the second
    continues it in lowercase, or the first is a page-long paragraph stopping mid-sentence.
    Linear: what the rules ask of the paragraph being joined is kept up to date piece by
    piece (a chain of thousands of pieces is one paragraph, not thousands of copies)."""
    result: list[_Joined] = []
    for para in paras:
        if result and _page_break(result[-1], para):
            result[-1].add(para)
        else:
            result.append(_Joined(para))
    return [" ".join(joined.parts) for joined in result]


_PUNCTUATION = re.compile(r"[.:;] ")


class _Joined:
    """A paragraph joined from pieces, with what the page-break rules look at."""

    def __init__(self, first: str) -> None:
        self.parts = [first]
        self.length = len(first)
        self.upper = first.upper() == first
        self.punctuation = bool(_PUNCTUATION.search(first))

    def add(self, para: str) -> None:
        """Append the next piece, moving an italic aside's closing ``*`` to its ``)``."""
        before = len(self.parts[-1])
        self.parts[-1], para = _move_emphasis(self.parts[-1], para)
        self.length += len(self.parts[-1]) - before + 1 + len(para)
        self.punctuation = (
            self.punctuation
            or self.parts[-1][-1:] in (".", ":", ";")
            or bool(_PUNCTUATION.search(para))
        )
        self.upper = self.upper and para.upper() == para
        self.parts.append(para)

    def short_text(self) -> str | None:
        """The whole text when it is short enough to be a heading, else None (pieces are
        stripped paragraphs, so the length is that of the stripped text)."""
        return " ".join(self.parts) if self.length <= HEADING_MAX else None


def _page_break(previous: _Joined, para: str) -> bool:
    first = previous.parts[0]
    if _ends_sentence(previous.parts) or is_structural(para) or first.startswith(("#", "|")):
        return False
    short = previous.short_text()
    if short is not None and heading_level(short):
        return False
    return _starts_lower(para) or _prose(previous)


def _prose(text: _Joined) -> bool:
    """Running text rather than a title or caption: long, or with sentence punctuation inside
    (an ALL-CAPS line is a title whatever its punctuation)."""
    if text.upper:
        return False
    return text.length >= PAGE_LENGTH or text.punctuation


def _move_emphasis(previous: str, para: str) -> tuple[str, str]:
    """An italic aside ``(*...*`` closed at the page end continues to its ``)``."""
    if previous.endswith("*") and re.search(r"\(\*[^)*]*\*$", previous) and ")" in para:
        cut = para.index(")")
        return previous[:-1], para[:cut] + "*" + para[cut:]
    return previous, para


def heading_level(para: str, roman: bool = False) -> int:
    """Markdown level of a short numbered title: ``I. ...`` 2, ``1. Về ...`` 2 (3 under
    Roman parts), ``3.1- Đối với ...`` one deeper; 0 for anything else. Sub-level lines
    ending in ``:`` introduce a list and stay paragraphs."""
    text = para.strip()
    if len(text) > HEADING_MAX or text.endswith("."):
        return 0
    shift = 1 if roman else 0
    if LEVEL2.match(text):
        return 0 if text[-1] in _TERMINAL else 3 + shift
    if LEVEL1.match(text):
        return 2 + shift
    if ROMAN.match(text):
        return 2
    return 0


def render_body(paras: list[str], notes: dict[int, str], news: bool) -> str:
    """Markdown body: numbered titles as headings, other numbered paragraphs escaped so
    they are not lists, photo captions of news in italics, footnotes as ``[^n]``."""
    out = []
    roman = any(ROMAN.match(p) and heading_level(p) for p in paras)
    for para in paras:
        level = heading_level(para, roman)
        if para.startswith("#") or para.startswith("|"):
            text = para
        elif level:
            text = "#" * level + " " + para
        elif news and _is_caption(para):
            text = f"*{para}*"
        else:
            text = _NUMBERED_DOT.sub(r"\1\\.\2", para, count=1)
        out.append(_footnote_markers(text, notes))
    out += [f"[^{n}]: {_footnote_markers(notes[n], notes)}" for n in sorted(notes)]
    return "\n\n".join(out).strip() + "\n"


def _is_caption(para: str) -> bool:
    """A photo caption in a news report: a short line that is not a sentence."""
    if para.startswith(("*", "-", "+")) or len(para) > 120:
        return False
    if para.startswith("(") and para.endswith(")"):
        return True
    return para.rstrip()[-1] not in _TERMINAL


def _footnote_markers(text: str, notes: dict[int, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        number = int(match.group(1).translate(_SUP_TO_DIGIT))
        return f"[^{number}]" if number in notes else match.group(0)

    return _MARKER.sub(replace, text) if notes else text
