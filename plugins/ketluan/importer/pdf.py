"""Text of a PDF as published on government portals and in the gazette: its text layer.

pdfminer.six lays each page out into text boxes, so the two columns of a letterhead
(``CHÍNH PHỦ`` / ``Số: …`` beside the motto and the date) come out one after the other
instead of interleaved line by line, as the importer reads a copied text. Lines repeated at
the top or bottom of most pages (a running header or footer, ``Trang 3``, ``- 3 -``) are
removed; a page number alone at the top or bottom of a page too. A PDF without a text layer
(a scan) is refused with what to do: the importer does not guess text from images.
"""

from __future__ import annotations

import re
from collections import Counter
from io import BytesIO

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTPage, LTTextContainer
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException

from ketluan.importer.furniture import PAGE_NUMBER

MAX_PDF_BYTES = 20_000_000
"""Largest PDF read (a gazette issue of a few hundred pages is a few MB)."""
MAX_PAGES = 1_000
"""Most pages read: a document, not a whole gazette volume."""
EDGE = 2
"""Lines at the top and at the bottom of a page where running headers and footers are."""


class PdfError(ValueError):
    """A PDF that cannot be imported; the message says what to do."""


def pdf_text(data: bytes) -> str:
    """The text of a PDF, page by page, text boxes separated by blank lines, running
    headers, footers and page numbers removed. PdfError for a scan, an encrypted or a
    damaged file."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise PdfError("is not a PDF file (no %PDF header): is it the right file?")
    pages: list[list[str]] = []
    try:
        for page in extract_pages(BytesIO(data), laparams=LAParams(), maxpages=MAX_PAGES + 1):
            pages.append(_page_lines(page))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise PdfError(
            "is password-protected: open it, print it to a PDF without a password (or save"
            " it as .docx) and import that"
        ) from exc
    except (PDFException, PSException, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PdfError(
            f"cannot be read as a PDF ({type(exc).__name__}): it is damaged or truncated;"
            " download it again or save it as .docx"
        ) from exc
    if len(pages) > MAX_PAGES:
        raise PdfError(f"has more than {MAX_PAGES:,} pages: is it one document? Split it")
    if not any(line.strip() for page in pages for line in page):
        raise PdfError(
            "has no text layer: it is a scanned image. Run text recognition (OCR) on it, or"
            " ask the issuing office for the Word file, and import the .docx or .txt"
        )
    return "\n\n".join("\n".join(page) for page in _without_running(pages)).strip() + "\n"


def _page_lines(page: LTPage) -> list[str]:
    """Lines of one page top to bottom (boxes whose tops are level: left to right); a blank
    line where the gap above a text box is taller than one of its lines (a paragraph
    break, not a wrapped line)."""
    lines: list[str] = []
    bottom = None
    for element in _reading_order(page):
        text = [" ".join(line.split()) for line in element.get_text().splitlines()]
        text = [line for line in text if line]
        if not text:
            continue
        height = element.height / len(text)
        if bottom is not None and not -LEVEL <= bottom - element.y1 <= height:  # or up: a column
            lines.append("")
        lines += text
        bottom = element.y0
    return lines


LEVEL = 3.0
"""Points within which the tops of two text boxes are on one row (two columns)."""


def _reading_order(page: LTPage) -> list[LTTextContainer]:
    """Text boxes top to bottom; where boxes stand side by side (a letterhead, recipients
    beside the signature) the rows that follow while no box crosses between the columns
    are read column by column, left first, as the importer reads a copied text."""
    boxes = sorted((e for e in page if isinstance(e, LTTextContainer)), key=lambda e: (-e.y1, e.x0))
    rows: list[list[LTTextContainer]] = []
    for box in boxes:
        if rows and rows[-1][0].y1 - box.y1 <= LEVEL:
            rows[-1].append(box)
        else:
            rows.append([box])
    order: list[LTTextContainer] = []
    index = 0
    while index < len(rows):
        row = sorted(rows[index], key=lambda e: e.x0)
        if len(row) < 2:
            order += row
            index += 1
            continue
        split = (row[0].x1 + row[1].x0) / 2
        left: list[LTTextContainer] = []
        right: list[LTTextContainer] = []
        while index < len(rows) and all(b.x1 <= split or b.x0 >= split for b in rows[index]):
            for box in sorted(rows[index], key=lambda e: e.x0):
                (left if box.x1 <= split else right).append(box)
            index += 1
        order += left + right
    return order


def _shape(line: str) -> str:
    """A line with its digits hidden: ``Trang 3`` and ``Trang 4`` are one running line."""
    return re.sub(r"\d+", "#", line.strip().lower())


def _edges(page: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(page) if line.strip()]
    return sorted(set(filled[:EDGE] + filled[-EDGE:]))


def _page_number(page: list[str], index: int) -> bool:
    return index in _edges(page) and bool(PAGE_NUMBER.match(page[index]))


def _without_running(pages: list[list[str]]) -> list[list[str]]:
    """Remove lines at a page's top or bottom repeated on at least half of the pages (and
    two), and page numbers alone there when the document has several pages."""
    if len(pages) < 2:  # nothing repeats: only a page number at the top or bottom goes
        return [[x for i, x in enumerate(p) if not _page_number(p, i)] for p in pages]
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_shape(page[i]) for i in _edges(page)})
    running = {shape for shape, n in counts.items() if n >= max(2, len(pages) / 2)}
    out = []
    for page in pages:
        drop = {i for i in _edges(page) if _shape(page[i]) in running or _page_number(page, i)}
        out.append([line for i, line in enumerate(page) if i not in drop])
    return out
