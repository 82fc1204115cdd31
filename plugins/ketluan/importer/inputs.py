"""The files given to ``ketluan import``: only regular files are read, sizes checked first.

A path may name anything: a folder, a FIFO (opening one waits for a writer, forever), a
device, a file of gigabytes, a Word file that is no zip. Each is looked at (``stat``) before
it is opened, opened without blocking, checked again on the open file and read up to its
limit and no further. Every refusal is an InputError whose message says what is wrong and
what to do; the importer reports it for that file and goes on with the next.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ketluan.core.frontmatter import MAX_BYTES, decode
from ketluan.importer.docx import docx_text
from ketluan.importer.docxzip import MAX_DOCX_BYTES, MAX_PARAGRAPHS, PackageError
from ketluan.importer.pdf import MAX_PDF_BYTES, PdfError, pdf_text

SUFFIXES = (".txt", ".docx", ".pdf")
LEGACY = {
    ".doc": "an old Word document (.doc), which is not read: open it in Word and save it as"
    " .docx (File > Save As > Word Document), then import the .docx",
    ".rtf": "a Rich Text file, which is not read: open it in Word and save it as .docx",
}
"""Formats an office holds that the importer does not read, with what to do instead."""
WORD_LOCK = "~$"
"""Word keeps ``~$name.docx`` beside a document while it is open: a lock, not a document."""


class InputError(ValueError):
    """A file that cannot be imported; the message says what is wrong and what to do."""


def expand(paths: list[Path]) -> list[Path]:
    """Files to import: the paths given, and what is named .txt/.docx/.pdf (or .doc, to be
    told what to do with it) under folders given
    (whatever it is: a folder or a FIFO so named is reported when it is read, not skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in (*SUFFIXES, *LEGACY))
        else:
            found.append(path)
    return found


def read_source(path: Path) -> str:
    """Text of a .docx, or of a .txt in UTF-8, UTF-16 with BOM (Notepad's "Unicode") or
    Windows-1258 (older Vietnamese Windows). InputError when it cannot be imported."""
    if path.suffix.lower() == ".pdf":
        try:
            return _fits(pdf_text(_read_regular(path, MAX_PDF_BYTES, PDF_LIMIT)))
        except PdfError as exc:
            raise InputError(str(exc)) from exc
    if path.suffix.lower() == ".docx":
        try:
            text = docx_text(_read_regular(path, MAX_DOCX_BYTES, DOCX_LIMIT))
        except PackageError as exc:
            raise InputError(str(exc)) from exc
        return _fits(text)
    text = _text(_read_regular(path, 2 * MAX_BYTES, TEXT_LIMIT), path)
    lines = sum(1 for line in text.split("\n") if line.strip())
    if lines > MAX_PARAGRAPHS:
        raise InputError(
            f"has {lines:,} lines of text, over the {MAX_PARAGRAPHS:,}-line limit of a"
            " document (a conclusion has a few thousand at most): is it the right file?"
            " Split it into several documents"
        )
    return text


def _fits(text: str) -> str:
    """The text read from a .docx or PDF, when it fits in a conclusion file."""
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise InputError(
            f"text is {size:,} bytes, over the {MAX_BYTES:,}-byte limit of a conclusion"
            " file: split the document into several"
        )
    return text


def _text(raw: bytes, path: Path) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 ({exc.reason}): save it as UTF-8") from exc
    if len(raw) > MAX_BYTES:
        raise InputError(_too_big(len(raw), TEXT_LIMIT))
    text, problems = decode(raw, str(path))
    if text is None and b"\x00" not in raw:
        try:
            return raw.decode("cp1258")
        except UnicodeDecodeError:
            pass
    if text is None:
        raise InputError("; ".join(p.message for p in problems))
    return text


DOCX_LIMIT = f"the {MAX_DOCX_BYTES:,}-byte limit of a .docx file"
PDF_LIMIT = f"the {MAX_PDF_BYTES:,}-byte limit of a PDF file"
TEXT_LIMIT = (
    f"the {MAX_BYTES:,}-byte limit of a conclusion file ({2 * MAX_BYTES:,} for UTF-16 text)"
)


def _too_big(size: int, limit: str) -> str:
    return (
        f"file is {size:,} bytes, over {limit}: is it the right file? Split it into several"
        " documents"
    )


_KINDS = {
    stat.S_IFDIR: "a folder, not a file; only .txt and .docx files are imported",
    stat.S_IFIFO: "a FIFO (named pipe), not a regular file; only regular files are read"
    " (a pipe would wait for a writer forever)",
    stat.S_IFSOCK: "a socket, not a regular file; only regular files are read",
    stat.S_IFCHR: "a device, not a regular file; only regular files are read",
    stat.S_IFBLK: "a device, not a regular file; only regular files are read",
}


def _check(info: os.stat_result, limit: int, shown: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise InputError("is " + _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file"))
    if info.st_size > limit:
        raise InputError(_too_big(info.st_size, shown))


def _read_regular(path: Path, limit: int, shown: str) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes: refused from ``stat`` before
    it is opened, opened without blocking, checked again on the open file."""
    try:
        _check(os.stat(path), limit, shown)
        flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
        fd = os.open(path, flags)
    except FileNotFoundError as exc:
        raise InputError("no such file: check the name and the folder") from exc
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror}") from exc
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        _check(info, limit, shown)  # replaced between stat and open
        try:  # read what stat says (a buffer of `limit` bytes would be allocated at once)
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:  # grew meanwhile
                data += handle.read(limit + 1 - len(data))
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}") from exc
    if len(data) > limit:
        raise InputError(_too_big(len(data), shown))
    return data
