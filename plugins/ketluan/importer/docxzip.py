"""Checks on a Word (.docx) package before python-docx opens it.

A .docx is a zip archive of XML parts. A hostile or damaged one may be no zip at all (an old
.doc, an RTF or a PDF renamed), a zip bomb (a few hundred KB that unpack to gigabytes:
python-docx reads every part into memory), or carry a DOCTYPE with entity declarations
(an external entity reads a local file, nested ones expand exponentially: "billion laughs").
python-docx parses without resolving entities and libxml2 caps entity expansion, so such a
part either loses text silently or fails with a parser error; Word never writes a DOCTYPE,
so any part that declares one is refused outright, whatever its encoding.

Sizes come from the zip's central directory; ``zipfile`` never unpacks more than a part
declares (a part that would is cut there and fails its CRC check), so checking the declared
sizes bounds the memory of everything that follows.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

MAX_DOCX_BYTES = 20_000_000
"""Largest .docx file read (pictures included; the text of a conclusion is far smaller)."""
MAX_UNPACKED_BYTES = 50_000_000
"""Largest total unpacked size of a .docx's parts (a 2 MB text is about 20 MB of XML)."""
MAX_PARTS = 2_000
"""Most parts in a .docx (a Word document has a few dozen)."""
MAX_PARAGRAPHS = 50_000
"""Most paragraphs read from one document (a long conclusion has a few thousand)."""
_PARAGRAPH_TAGS = (b"<w:p>", b"<w:p ")
"""A paragraph's start tag as Word writes it, counted in the XML before it is parsed
(python-docx counts again on the parsed tree, whatever the prefix)."""
_CHUNK = 65_536
_MARKERS = [
    word.encode(codec)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("ascii", "utf-16-le", "utf-16-be")
]


class PackageError(ValueError):
    """A .docx that must not be opened; the message says what is wrong and what to do."""


RESAVE = "open it in Word and save it as .docx (Word Document) again"


def check_package(data: bytes) -> None:
    """PackageError unless ``data`` is a zip archive within the size limits whose parts
    declare no DOCTYPE."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise PackageError(
            f"not a Word .docx file ({exc}; an old .doc, an RTF, a PDF or a password-protected"
            f" file renamed?): {RESAVE}"
        ) from exc
    with archive:
        _check_sizes(archive.infolist())
        paragraphs = 0
        for info in archive.infolist():
            if info.is_dir():
                continue
            doctype, count = _scan(archive, info)
            if doctype:
                raise PackageError(
                    f"{info.filename} has a DOCTYPE declaration, which Word never writes"
                    " (entity declarations can read local files or expand without end);"
                    f" not imported. If the file is genuine, {RESAVE}"
                )
            paragraphs += count
            if paragraphs > MAX_PARAGRAPHS:
                raise PackageError(too_many(paragraphs, MAX_PARAGRAPHS, "paragraph"))


def too_many(count: int, limit: int, what: str) -> str:
    """The message for a document with more paragraphs, cells or runs than ``limit``."""
    return (
        f"has {count:,} {what}s, over the {limit:,}-{what}"
        " limit of a document (a conclusion has a few thousand at most): is it the right"
        " file? Split it into several documents"
    )


def _check_sizes(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_PARTS:
        raise PackageError(
            f"has {len(infos):,} parts, over the {MAX_PARTS:,}-part limit of a .docx: {RESAVE}"
        )
    total = 0
    for info in infos:
        total += info.file_size
        if total > MAX_UNPACKED_BYTES:
            raise PackageError(
                f"{info.filename} unpacks to {info.file_size:,} bytes (the parts to"
                f" {total:,} so far), over the {MAX_UNPACKED_BYTES:,}-byte limit of a .docx"
                f" (a zip bomb, or a document full of pictures): {RESAVE} without them"
            )


def _scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[bool, int]:
    """Whether the part is XML with a DOCTYPE, and its paragraph start tags, in one pass
    over the unpacked part. The DOCTYPE is read by libxml2 up to the root element's start
    tag, in any encoding it knows; a part that is not XML (a picture) stops at its first
    bytes, and damaged XML is left to python-docx, which reports it."""
    parser = etree.XMLPullParser(
        events=("start",), resolve_entities=False, no_network=True, load_dtd=False
    )
    head, tail, started, count = b"", b"", False, 0
    try:
        with archive.open(info) as part:
            while chunk := part.read(_CHUNK):
                window = tail + chunk  # a tag cut between two chunks is counted once
                count += sum(window.count(tag) for tag in _PARAGRAPH_TAGS)
                tail = window[-4:]
                if not started:
                    head = head[-_CHUNK:] + chunk
                    parser.feed(chunk)
                    for _event, element in parser.read_events():
                        docinfo = element.getroottree().docinfo
                        if docinfo.doctype or docinfo.internalDTD is not None:
                            return True, count
                        started = True
                        break
    except etree.XMLSyntaxError:  # a broken declaration is still a declaration
        return any(marker in head for marker in _MARKERS), 0
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError, NotImplementedError):
        return False, 0  # unreadable: python-docx fails on it and the importer reports that
    return False, count
