"""Word (.docx) to the plain text the importer reads, keeping what Markdown can say.

python-docx reads the document body in order; bold and italic runs become ``**`` and ``*``,
Heading 2/3 paragraphs become ``##``/``###``, hyperlinks Markdown links, superscript digits and
Word footnotes become ``¹ ² ³`` markers and ``¹ text`` lines (handled like those of copied
text; python-docx has no footnote API, so the footnotes part is read as XML), tables become
Markdown tables, except the borderless layout tables Word documents use to put the letterhead
or the recipients and signature side by side, whose cells are read as paragraphs.
Paragraphs are separated by a blank line.

The package is checked first (``docxzip``); then every step is linear in the size of
the document: style names are looked up once, tables are read from their XML row by row
(python-docx's own cell access walks merged cells up the column, quadratic in the rows),
and a document past ``docxzip.MAX_PARAGRAPHS``, MAX_RUNS or Word's own 63 table
columns is refused before its text is read.
"""

from __future__ import annotations

import io
import re

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl, CT_Tc
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from ketluan.importer.docxzip import MAX_PARAGRAPHS, RESAVE, PackageError, check_package, too_many

MAX_RUNS = 200_000
"""Most runs of formatted text (Word splits a paragraph into runs at every edit)."""
MAX_COLUMNS = 63
"""Most columns of a table, as in Word itself."""

_SUPER = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_RUN = qn("w:r")
_HYPERLINK = qn("w:hyperlink")
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


class _Footnotes:
    """Word footnotes, numbered in order of first reference, as copied text shows them."""

    def __init__(self, document: DocxDocument) -> None:
        self.texts: dict[str, str] = {}
        self.numbers: dict[str, int] = {}
        for rel in document.part.rels.values():
            if rel.reltype == _FOOTNOTES and not rel.is_external:
                root = parse_xml(rel.target_part.blob)
                for note in root.iter(qn("w:footnote")):
                    paragraphs = [
                        "".join(t.text or "" for t in p.iter(qn("w:t")))
                        for p in note.iter(qn("w:p"))
                    ]
                    self.texts[note.get(qn("w:id"), "")] = " ".join(" ".join(paragraphs).split())

    def marker(self, note_id: str) -> str:
        if note_id not in self.texts:
            return ""
        number = self.numbers.setdefault(note_id, len(self.numbers) + 1)
        return str(number).translate(_SUPER)

    def lines(self) -> list[str]:
        """``¹ text`` lines, which the text cleanup turns into Markdown footnotes."""
        return [f"{str(n).translate(_SUPER)} {self.texts[i]}" for i, n in self.numbers.items()]


class _Reader:
    """What reading one document's paragraphs needs: its footnotes and its paragraph style
    names, looked up once (python-docx's ``paragraph.style`` scans every style each time)."""

    def __init__(self, document: DocxDocument) -> None:
        self.notes = _Footnotes(document)
        self.styles = {
            style.style_id: style.name or ""
            for style in document.styles
            if style.type == WD_STYLE_TYPE.PARAGRAPH
        }

    def style(self, paragraph: Paragraph) -> str:
        properties = paragraph._p.pPr
        style_id = properties.style if properties is not None else None
        return self.styles.get(style_id or "", "")


def docx_text(data: bytes) -> str:
    """Text of a .docx file's bytes: paragraphs and tables in document order, then
    footnotes. PackageError when the file cannot or must not be read."""
    check_package(data)
    try:
        document: DocxDocument = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx on a damaged package raises anything
        raise PackageError(f"cannot read the Word file ({_what(exc)}): {RESAVE}") from exc
    try:
        _check_structure(document)
        return _text(document)
    except PackageError:
        raise
    except (ValueError, KeyError, AttributeError, TypeError, etree.LxmlError) as exc:
        raise PackageError(f"cannot read the Word file ({_what(exc)}): {RESAVE}") from exc


def _what(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _check_structure(document: DocxDocument) -> None:
    """Refuse a body with more paragraphs, table cells or runs than a document has."""
    body = document.element.body
    for tag, limit, what in [
        ("w:p", MAX_PARAGRAPHS, "paragraph"),
        ("w:tc", MAX_PARAGRAPHS, "table cell"),
        ("w:r", MAX_RUNS, "run"),
    ]:
        count = int(body.xpath(f"count(.//{tag})"))
        if count > limit:
            raise PackageError(too_many(count, limit, what))


def _text(document: DocxDocument) -> str:
    reader = _Reader(document)
    blocks = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = _paragraph(item, reader)
            if text.strip():
                blocks.append(text)
            continue
        grid = _grid(item._tbl)
        if _layout(grid):
            blocks += [t for t in _cells(grid, item, reader) if t.strip()]
        elif text := _table(grid):
            blocks.append(text)
    return "\n\n".join(blocks + reader.notes.lines()) + "\n"


def _runs(paragraph: Paragraph, reader: _Reader) -> list[tuple[str, str]]:
    """(emphasis marker, text) pieces; hyperlinks as Markdown links, footnote references
    and superscript digits as superscript digits. Runs of one marker are merged."""
    pieces: list[tuple[str, list[str]]] = []
    for child in paragraph._p:  # python-docx's iter_inner_content compiles an XPath each time
        if child.tag == _RUN:
            item: Run | Hyperlink = Run(child, paragraph)
        elif child.tag == _HYPERLINK:
            item = Hyperlink(child, paragraph)
        else:
            continue
        if isinstance(item, Hyperlink):
            text = item.text
            url = item.url if item.address else ""
            pieces.append(("", [f"[{text}]({url})" if url and text else text]))
            continue
        for ref in item._r.iter(qn("w:footnoteReference")):
            pieces.append(("", [reader.notes.marker(ref.get(qn("w:id"), ""))]))
        text = item.text
        if not text:
            continue
        if item.font.superscript and text.strip().isdigit():
            pieces.append(("", [text.strip().translate(_SUPER)]))
            continue
        marker = ("**" if item.bold else "") + ("*" if item.italic else "")
        if pieces and pieces[-1][0] == marker:
            pieces[-1][1].append(text)
        else:
            pieces.append((marker, [text]))
    return [(marker, "".join(texts)) for marker, texts in pieces]


def _paragraph(paragraph: Paragraph, reader: _Reader) -> str:
    text = "".join(_emphasis(marker, text) for marker, text in _runs(paragraph, reader))
    style = reader.style(paragraph)
    if style.startswith("Heading"):
        level = style.rpartition(" ")[2]
        text = text.replace("**", "")
        if level in ("2", "3", "4"):
            return "#" * min(int(level), 3) + " " + text.strip()
    return text


def _emphasis(marker: str, text: str) -> str:
    """Wrap ``text`` in ``marker`` with the spaces outside, as Markdown requires."""
    core = text.strip()
    if not marker or not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{marker}{core}{marker[::-1]}{trail}"


def _grid(tbl: CT_Tbl) -> list[list[CT_Tc]]:
    """Each row's cells, a cell spanning columns once per column and a vertically merged
    cell as the cell it continues (as python-docx's ``row.cells``, in linear time)."""
    rows: list[list[CT_Tc]] = []
    above: dict[int, CT_Tc] = {}
    for tr in tbl.tr_lst:
        row: list[CT_Tc] = []
        here: dict[int, CT_Tc] = {}
        offset = tr.grid_before
        for tc in tr.tc_lst:
            span = tc.grid_span
            if offset + span > MAX_COLUMNS:
                raise PackageError(
                    f"has a table row of {offset + span:,} columns, over Word's limit of"
                    f" {MAX_COLUMNS}: {RESAVE}"
                )
            owner = above.get(offset, tc) if tc.vMerge == "continue" else tc
            row += [owner] * span
            here[offset] = owner
            offset += span
        rows.append(row)
        above = here
    return rows


def _plain(tc: CT_Tc) -> str:
    return "\n".join(p.text for p in tc.p_lst)


_LAYOUT = re.compile(r"Nơi nhận|^Số\b|ĐẢNG CỘNG SẢN|^(T/M|T/L|K/T|TM\.|TL\.|KT\.)", re.MULTILINE)


def _layout(grid: list[list[CT_Tc]]) -> bool:
    """Word lays out the letterhead and the recipients/signature side by side in a table
    without borders: one row, or cells holding those lines. Its cells are text, not data."""
    return len(grid) == 1 or any(_LAYOUT.search(_plain(tc)) for tc in _distinct(grid))


def _distinct(grid: list[list[CT_Tc]]) -> list[CT_Tc]:
    """The cells of a table row by row, merged cells once."""
    seen: set[CT_Tc] = set()
    cells = []
    for row in grid:
        for tc in row:
            if tc not in seen:
                seen.add(tc)
                cells.append(tc)
    return cells


def _cells(grid: list[list[CT_Tc]], table: Table, reader: _Reader) -> list[str]:
    """Paragraphs of a layout table, cell by cell (left column first), merged cells once."""
    return [_paragraph(Paragraph(p, table), reader) for tc in _distinct(grid) for p in tc.p_lst]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(grid: list[list[CT_Tc]]) -> str:
    """A Markdown table; the first row is the header row."""
    rows = [[_cell(_plain(tc)) for tc in row] for row in grid]
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)
