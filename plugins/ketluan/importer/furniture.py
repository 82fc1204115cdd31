"""What belongs to the printed page, not to the document: gazette running headers, page
numbers, digital-signature stamps; and layouts that flatten badly into text.

Copies of the official gazette (Công báo) made from its PDFs carry ``CÔNG BÁO/Số 271/Ngày
12-05-2026`` and the page number at the top of every page, ``Ký bởi: … / Cơ quan: … /
Ngày ký: …`` where the gazette signed the file, and ``[`` where a signature image was.
Word tables copied as text arrive with tabs between cells; pandoc's Markdown writes the
two-column letterhead and signature block as a table. Each is turned back into what was
printed: furniture removed (and listed), tab rows into Markdown tables, layout tables into
their columns one after the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

GAZETTE_HEADER = re.compile(
    r"^\s*CÔNG BÁO\s*/\s*Số\s+[\d\s+]+/\s*Ngày\s+\d{1,2}\s*-\s*\d{1,2}\s*-\s*\d{4}\s*$",
    re.IGNORECASE,
)
"""The gazette's running header: ``CÔNG BÁO/Số 261 + 262/Ngày 06-3-2022``."""
GAZETTE_SECTION = re.compile(r"^\s*VĂN BẢN QUY PHẠM PHÁP LUẬT\s*$")
"""The gazette's section title printed above the first page of a legal document."""
PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*$|^\s*Trang\s+\d{1,4}\s*$")
"""A page number alone on its line: ``84``, ``- 3 -``, ``Trang 3``."""
STAMP_FIRST = re.compile(r"^\s*Ký bởi\s*:")
STAMP_NEXT = re.compile(r"^\s*(?:Cơ quan|Ngày ký|Thời gian ký|Email)\s*:")
"""A digital-signature stamp: ``Ký bởi: …`` then ``Cơ quan: …``, ``Ngày ký: …``."""
STRAY = re.compile(r"^\s*[\[\]]\s*$")
"""``[`` left on its line where a signature image was."""
NEAR = 3
"""Lines (blank ones not counted) around a running header where its page number is."""


@dataclass
class Stripped:
    """Lines without the page's furniture, and what was removed."""

    lines: list[str]
    removed: list[str] = field(default_factory=list)


def strip_furniture(lines: list[str]) -> Stripped:
    """Remove running headers with their page numbers and section title, signature stamps
    and stray brackets; a number alone on a line elsewhere (a table cell) stays."""
    drop: set[int] = set()
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for pos, i in enumerate(filled):
        line = lines[i]
        if GAZETTE_HEADER.match(line):
            drop.add(i)
            around = filled[max(0, pos - NEAR) : pos] + filled[pos + 1 : pos + 1 + NEAR]
            drop.update(j for j in around if PAGE_NUMBER.match(lines[j]))
            drop.update(j for j in filled[pos + 1 : pos + 3] if GAZETTE_SECTION.match(lines[j]))
        elif STAMP_FIRST.match(line):
            drop.add(i)
            for j in filled[pos + 1 : pos + 4]:
                if not STAMP_NEXT.match(lines[j]):
                    break
                drop.add(j)
        elif STRAY.match(line):
            drop.add(i)
    removed = [f"page furniture {lines[i].strip()!r}" for i in sorted(drop)]
    return Stripped([x for i, x in enumerate(lines) if i not in drop], removed)


def untab(lines: list[str]) -> list[str]:
    """Tabs of Word tables: two or more consecutive rows with the same number of cells
    become a Markdown table, or their columns one after the other when they are the page's
    layout (letterhead, signature: ``LAYOUT_WORDS``); a single tabbed line (a letterhead's
    two columns, ``Số 17-KL/TU<TAB>ĐẢNG CỘNG SẢN VIỆT NAM``) becomes one line per cell."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        cells = _cells(lines[index])
        end = index + 1
        while cells and end < len(lines) and len(_cells(lines[end])) == len(cells):
            end += 1
        if len(cells) >= 2 and end - index >= 2:
            rows = [_cells(line) for line in lines[index:end]]
            layout = LAYOUT_WORDS.search("\n".join(lines[index:end]))
            out += (
                [x for column in zip(*rows, strict=True) for x in column]
                if layout
                else _table(rows)
            )
            index = end
            continue
        out += cells if len(cells) >= 2 else [lines[index].replace("\t", " ")]
        index += 1
    return out


def _cells(line: str) -> list[str]:
    if "\t" not in line.strip():
        return []
    return [cell.strip() for cell in re.split(r"\t+", line.strip())]


def _table(rows: list[list[str]]) -> list[str]:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return ["", row(rows[0]), "|" + "---|" * len(rows[0]), *map(row, rows[1:]), ""]


_SIMPLE_RULE = re.compile(r"^\s*-{3,}(?:\s+-{3,})+\s*$")
_GRID_RULE = re.compile(r"^\s*\+[-:=]+(?:\+[-:=]+)+\+\s*$")
LAYOUT_WORDS = re.compile(
    r"Nơi nhận|\bSố:?\s*\d|T/M|TM\.|KT\.|Độc lập|CỘNG H[OÒ][AÀ]|ĐẢNG CỘNG SẢN"
)
"""A table holding these is the page's layout (letterhead, signature), not data."""


def unlayout(lines: list[str]) -> list[str]:
    """Pandoc's layout tables (simple tables between dash rules, grid tables between
    ``+---+`` rules) as their columns one after the other, left column first."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        rule = lines[index]
        kind = _SIMPLE_RULE if _SIMPLE_RULE.match(rule) else _GRID_RULE
        end = _table_end(lines, index, kind)
        if end is None:
            out.append(lines[index])
            index += 1
            continue
        if not LAYOUT_WORDS.search("\n".join(lines[index:end])):  # a data table: as it is
            out += lines[index : end + 1]
            index = end + 1
            continue
        spans = [m.span() for m in re.finditer(r"[-:=]{3,}", rule)]
        body = [x for x in lines[index + 1 : end] if not kind.match(x)]
        out += ["", *_columns(body, spans), ""]
        index = end + 1
    return out


def _table_end(lines: list[str], start: int, kind: re.Pattern[str]) -> int | None:
    """Index of the closing rule of a table opened at ``start``, or None."""
    if not kind.match(lines[start]):
        return None
    last = None
    for index in range(start + 1, min(len(lines), start + 200)):
        if kind.match(lines[index]):
            last = index
        elif _outside(lines[index], kind, last is not None):
            break
    return last


def _outside(line: str, kind: re.Pattern[str], closed: bool) -> bool:
    """A line that cannot be inside the table: a blank after a simple table's closing
    rule, anything but a row in a grid table."""
    if kind is _SIMPLE_RULE:
        return closed and not line.strip()
    return not line.lstrip().startswith("|")


def _columns(rows: list[str], spans: list[tuple[int, int]]) -> list[str]:
    columns: list[list[str]] = [[] for _ in spans]
    bounds = [(start, spans[k + 1][0] if k + 1 < len(spans) else None) for k, (start, _) in
              enumerate(spans)]  # fmt: skip
    bounds[0] = (0, bounds[0][1])
    for row in rows:
        for k, (start, stop) in enumerate(bounds):
            cell = row[start:stop].strip().strip("|").strip()
            # bold or italic runs span a cell's lines: the layout's lines are fields, plain
            cell = re.sub(r"\\$", "", cell.replace("*", "").strip()).strip()
            if cell:
                columns[k].append(cell.replace("\\-", "-"))
    return [line for column in columns for line in [*column, ""]]
