"""The end of a published document: recipients after ``Nơi nhận:`` and the signature block.

``T/M HUYỆN ỦY`` / ``PHÓ BÍ THƯ`` / ``(Đã ký)`` / ``Đỗ Văn Cẩm``: authority, title, a
placeholder for the handwritten signature, then the name, in any case. Lines that do not form
such a block are handed back so the importer keeps them as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ketluan.core.text import fold
from ketluan.importer.casing import Casing, is_upper


def plain(text: str) -> str:
    """Text without Markdown emphasis markers and surrounding blanks."""
    return " ".join(text.replace("**", " ").replace("*", "").split())


AUTHORITY = re.compile(r"^(T\s*/\s*M|T/L|K/T|TM\.?|TL\.?|KT\.?|Q\.)\s+(.+)$")
"""Line of authority: on behalf of (T/M), by order of (T/L), deputising (K/T) + the body."""
TITLE_WORDS = re.compile(
    r"\b(bi thu|chu tich|chanh|uy vien|truong|pho|thuong truc|ban|thu tuong|chu nhiem)\b"
)
"""Words of a signer's title, which an ALL-CAPS name never contains."""
PLACEHOLDER = re.compile(r"^\(.*(signature|ký|dấu|sign).*\)$", re.IGNORECASE)
"""Where the handwritten signature was: ``(Đã ký)``, ``(Handwritten signature)``."""


@dataclass
class Tail:
    """Recipients and the signature lines found at the end of the document."""

    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    """Lines after the signature (an appendix, a note): they go back into the body."""
    used_from: int | None = None


def read_tail(lines: list[str]) -> Tail:
    """``Nơi nhận:`` with its ``- item`` lines, then the signature block after them."""
    tail = Tail()
    start = next(
        (i for i in range(len(lines) - 1, -1, -1) if re.match(r"^\W*Nơi nhận\W*$", lines[i])),
        None,
    )
    if start is None:
        return tail
    tail.used_from = start
    index, last, gap = start + 1, "", False
    while index < len(lines):
        line = lines[index].strip()
        if ITEM.match(line):
            last, gap = ITEM.sub("", line), False
            tail.recipients.append(last.rstrip(",.;").strip())
        elif line and tail.recipients and not gap and _wrapped(last, line):
            last = f"{last} {line}"  # the item's own commas kept: ``ngang Bộ, cơ quan …``
            tail.recipients[-1] = last.rstrip(",.;").strip()
        elif line:
            break
        gap = gap or not line
        index += 1
    rest = lines[index:]
    end = _signature_end(rest)
    tail.signature = [plain(x) for x in rest[:end] if plain(x)]
    tail.after = rest[end:]
    return tail


ITEM = re.compile(r"^(?:[-+•]|\*(?=\s))\s*")
"""A recipient item: ``- Như trên;``, ``• …``, Markdown's ``*   …``."""


def _wrapped(previous: str, line: str) -> bool:
    """A line that continues the recipient above it (``- Ủy ban TW Mặt trận Tổ`` /
    ``quốc Việt Nam;``): no blank line between, not a signature line, and either in lower
    case or under an item that did not end with ``;`` or ``.``."""
    if AUTHORITY.match(plain(line)) or is_upper(line):
        return False
    return line[:1].islower() or plain(previous)[-1:] not in (";", ".")


def _signature_end(lines: list[str]) -> int:
    """Lines of the signature block at the start of ``lines`` (authority, ALL-CAPS titles,
    placeholders, then the name); 0 when they do not form one."""
    shouted = None  # last ALL-CAPS line that could be a name written in capitals
    for index, line in enumerate(lines):
        text = plain(line)
        if not text or AUTHORITY.match(text) or PLACEHOLDER.match(text):
            continue
        if is_upper(text) and len(text) <= 60:
            shouted = index if name_like(text) and not TITLE_WORDS.search(fold(text)) else None
            continue
        if name_like(text):
            return index + 1
        break
    return shouted + 1 if shouted is not None else 0


def name_like(text: str) -> bool:
    """A person's name: two to five capitalised words, no digits or punctuation."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(
        w[0].isupper() and w.replace("-", "").isalpha() for w in words
    )


def trailing_signature(paras: list[str], byline: bool) -> int:
    """How many paragraphs at the end form a signature block (authority, title,
    placeholder, name) or, for news, a byline; 0 when the text ends otherwise."""
    last = plain(paras[-1]) if paras else ""
    if not name_like(last) or (is_upper(last) and TITLE_WORDS.search(fold(last))):
        return 0
    count = 1
    while not byline and count < len(paras) and count < 6:
        line = plain(paras[-count - 1])
        if not (
            AUTHORITY.match(line) or PLACEHOLDER.match(line) or (is_upper(line) and len(line) <= 60)
        ):
            break
        count += 1
    return count


RANK = re.compile(r"^(?:Đại|Thượng|Trung|Thiếu) (?:tướng|tá|úy|uý)\s+(?=\S)", re.IGNORECASE)
"""A military or police rank printed before a signer's name: ``Trung tướng Nguyễn Duy Ngọc``."""
BODY_LINE = re.compile(
    r"^(?:ỦY BAN|UỶ BAN|BỘ|BAN|VĂN PHÒNG|VIỆN|TÒA ÁN|TOÀ ÁN|CHÍNH PHỦ|QUỐC HỘI|HỘI ĐỒNG"
    r"|ĐẢNG ĐOÀN|ĐẢNG ỦY|ĐẢNG UỶ|TỈNH|HUYỆN|THÀNH PHỐ|THÀNH ỦY|THÀNH UỶ|THỊ ỦY|THỊ UỶ|SỞ|CỤC)\b"
)
"""An ALL-CAPS line under an authority line that continues it (``KT. CHÁNH ÁN`` / ``TÒA ÁN
NHÂN DÂN TỐI CAO``) rather than giving the signer's title."""


def signer_name(line: str) -> str | None:
    """The name of a name line (rank dropped), or None when the line is no name."""
    text = RANK.sub("", line)
    if not name_like(text) or (is_upper(text) and TITLE_WORDS.search(fold(text))):
        return None
    return " ".join(w.capitalize() for w in text.split()) if is_upper(text) else text


def signers(lines: list[str], casing: Casing) -> list[dict[str, Any]]:
    """Each signature block of ``lines``: authority chain (``TM. Chính phủ`` / ``KT. Thủ
    tướng``, prefixes as printed), title and name; several blocks for a joint document.
    Placeholders such as ``(Đã ký)`` are dropped; [] when the lines end without a name."""
    lines = [line for line in lines if not PLACEHOLDER.match(line)]
    found: list[dict[str, Any]] = []
    block: list[str] = []
    for line in lines:
        name = signer_name(line)
        if name is None:
            block.append(line)
            continue
        found.append(_block(block, name, casing))
        block = []
    return found if found and not block else []


def _block(lines: list[str], name: str, casing: Casing) -> dict[str, Any]:
    authority: list[str] = []
    titles: list[str] = []
    for line in lines:
        if match := AUTHORITY.match(line):
            prefix = re.sub(r"\s+", "", match.group(1)).upper()
            authority.append(f"{prefix} {_case(match.group(2), casing)}")
        elif authority and not titles and BODY_LINE.match(line):
            authority[-1] += " " + _case(line, casing)
        else:
            titles.append(_case(line, casing))
    result: dict[str, Any] = {}
    if authority:
        result["authority"] = authority[0] if len(authority) == 1 else authority
    if titles:
        result["title"] = " ".join(titles)
    result["name"] = name
    return result


def _case(line: str, casing: Casing) -> str:
    """Sentence case of each comma-separated part: ``BỘ TRƯỞNG, CHỦ NHIỆM`` -> ``Bộ trưởng,
    Chủ nhiệm``."""
    return ", ".join(casing.sentence_case(part) for part in line.split(", "))


def signature_span(paras: list[str]) -> tuple[int, int] | None:
    """Where the last signature block(s) of ``paras`` are (start, end), wherever they stand:
    at the end, or before an appendix. A name counts only under an authority line or a
    signer's title in capitals; blocks directly above it are joint signers."""
    for end in range(len(paras) - 1, -1, -1):
        if signer_name(plain(paras[end])) and (start := _block_start(paras, end)) is not None:
            while start > 0 and signer_name(plain(paras[start - 1])):
                above = _block_start(paras, start - 1)
                if above is None:
                    break
                start = above
            return start, end + 1
    return None


def _block_start(paras: list[str], name: int) -> int | None:
    """First paragraph of the block above the name at ``name``, None when none is there."""
    index, titled = name, False
    while index > 0 and name - index < 6:
        line = plain(paras[index - 1])
        if AUTHORITY.match(line):
            titled = True
        elif is_upper(line) and len(line) <= 80 and not PLACEHOLDER.match(line):
            titled = titled or bool(TITLE_WORDS.search(fold(line)))
        elif not PLACEHOLDER.match(line):
            break
        index -= 1
    return index if titled else None
