"""Word (.docx) to the plain text the importer reads, keeping what Markdown can say.

python-docx reads the document body in order; bold and italic runs become ``**`` and ``*``,
Heading 2/3 paragraphs become ``##``/``###``, superscript digits become ``¹ ² ³`` (so footnote
markers and footnote-like lines are handled like those of copied text), tables become
Markdown tables, except the borderless layout tables Word documents use to put the letterhead
or the recipients and signature side by side, whose cells are read as paragraphs.
Paragraphs are separated by a blank line.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

_SUPER = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def docx_text(path: Path) -> str:
    """Text of a .docx file: paragraphs and tables in document order."""
    document: DocxDocument = docx.Document(str(path))
    blocks = []
    for item in document.iter_inner_content():
        if isinstance(item, Table) and _layout(item):
            blocks += [text for text in _cells(item) if text.strip()]
            continue
        text = _table(item) if isinstance(item, Table) else _paragraph(item)
        if text.strip():
            blocks.append(text)
    return "\n\n".join(blocks) + "\n"


def _paragraph(paragraph: Paragraph) -> str:
    pieces: list[tuple[str, str]] = []  # (marker, text) with runs of equal style merged
    for run in paragraph.runs:
        text = run.text
        if not text:
            continue
        if run.font.superscript and text.strip().isdigit():
            pieces.append(("", text.strip().translate(_SUPER)))
            continue
        marker = ("**" if run.bold else "") + ("*" if run.italic else "")
        if pieces and pieces[-1][0] == marker:
            pieces[-1] = (marker, pieces[-1][1] + text)
        else:
            pieces.append((marker, text))
    text = "".join(_emphasis(marker, text) for marker, text in pieces)
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


def _cells(table: Table) -> list[str]:
    """Paragraphs of a layout table, cell by cell (left column first), merged cells once."""
    seen: set[int] = set()
    texts = []
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            texts += [_paragraph(p) for p in cell.paragraphs]
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
