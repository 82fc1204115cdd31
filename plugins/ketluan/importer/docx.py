"""Word (.docx) to the plain text the importer reads, keeping what Markdown can say.

python-docx reads the document body in order; bold and italic runs become ``**`` and ``*``,
Heading 2/3 paragraphs become ``##``/``###``, hyperlinks Markdown links, superscript digits and
Word footnotes become ``¹ ² ³`` markers and ``¹ text`` lines (handled like those of copied
text; python-docx has no footnote API, so the footnotes part is read as XML), tables become
Markdown tables, except the borderless layout tables Word documents use to put the letterhead
or the recipients and signature side by side, whose cells are read as paragraphs.
Paragraphs are separated by a blank line.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph

_SUPER = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


class _Footnotes:
    """Word footnotes, numbered in order of first reference, as copied text shows them."""

    def __init__(self, document: DocxDocument) -> None:
        self.texts: dict[str, str] = {}
        self.order: list[str] = []
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
        if note_id not in self.order:
            self.order.append(note_id)
        return str(self.order.index(note_id) + 1).translate(_SUPER)

    def lines(self) -> list[str]:
        """``¹ text`` lines, which the text cleanup turns into Markdown footnotes."""
        return [f"{str(n).translate(_SUPER)} {self.texts[i]}" for n, i in enumerate(self.order, 1)]


def docx_text(path: Path) -> str:
    """Text of a .docx file: paragraphs and tables in document order, then footnotes."""
    document: DocxDocument = docx.Document(str(path))
    notes = _Footnotes(document)
    blocks = []
    for item in document.iter_inner_content():
        if isinstance(item, Table) and _layout(item):
            blocks += [text for text in _cells(item, notes) if text.strip()]
            continue
        text = _table(item) if isinstance(item, Table) else _paragraph(item, notes)
        if text.strip():
            blocks.append(text)
    return "\n\n".join(blocks + notes.lines()) + "\n"


def _runs(paragraph: Paragraph, notes: _Footnotes) -> list[tuple[str, str]]:
    """(emphasis marker, text) pieces; hyperlinks as Markdown links, footnote references
    and superscript digits as superscript digits."""
    pieces: list[tuple[str, str]] = []
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            text = item.text
            url = item.url if item.address else ""
            pieces.append(("", f"[{text}]({url})" if url and text else text))
            continue
        for ref in item._r.iter(qn("w:footnoteReference")):
            pieces.append(("", notes.marker(ref.get(qn("w:id"), ""))))
        text = item.text
        if not text:
            continue
        if item.font.superscript and text.strip().isdigit():
            pieces.append(("", text.strip().translate(_SUPER)))
            continue
        marker = ("**" if item.bold else "") + ("*" if item.italic else "")
        if pieces and pieces[-1][0] == marker:
            pieces[-1] = (marker, pieces[-1][1] + text)
        else:
            pieces.append((marker, text))
    return pieces


def _paragraph(paragraph: Paragraph, notes: _Footnotes) -> str:
    text = "".join(_emphasis(marker, text) for marker, text in _runs(paragraph, notes))
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
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


_LAYOUT = re.compile(r"Nơi nhận|^Số\b|ĐẢNG CỘNG SẢN|^(T/M|T/L|K/T|TM\.|TL\.|KT\.)", re.MULTILINE)


def _layout(table: Table) -> bool:
    """Word lays out the letterhead and the recipients/signature side by side in a table
    without borders: one row, or cells holding those lines. Its cells are text, not data."""
    return len(table.rows) == 1 or any(
        _LAYOUT.search(cell.text) for row in table.rows for cell in row.cells
    )


def _cells(table: Table, notes: _Footnotes) -> list[str]:
    """Paragraphs of a layout table, cell by cell (left column first), merged cells once."""
    seen: set[int] = set()
    texts = []
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            texts += [_paragraph(p, notes) for p in cell.paragraphs]
    return texts


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(table: Table) -> str:
    """A Markdown table; the first row is the header row."""
    rows = [[_cell(cell.text) for cell in row.cells] for row in table.rows]
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)
