"""The end of a published document: recipients after ``Nơi nhận:`` and the signature block.

``T/M HUYỆN ỦY`` / ``PHÓ BÍ THƯ`` / ``(Đã ký)`` / ``Đỗ Văn Cẩm``: authority, title, a
placeholder for the handwritten signature, then the name, in any case. Lines that do not form
such a block are handed back so the importer keeps them as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ketluan.core.text import fold
from ketluan.importer.casing import Casing, is_upper


def plain(text: str) -> str:
    """Text without Markdown emphasis markers and surrounding blanks."""
    return " ".join(text.replace("**", " ").replace("*", "").split())


AUTHORITY = re.compile(r"^(T/M|T/L|K/T|TM\.?|TL\.?|KT\.?|Q\.)\s+(.+)$", re.IGNORECASE)
"""Line of authority: on behalf of (T/M), by order of (T/L), deputising (K/T) + the body."""
TITLE_WORDS = re.compile(r"\b(bi thu|chu tich|chanh|uy vien|truong|pho|thuong truc|ban)\b")
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
    index = start + 1
    while index < len(lines):
        line = lines[index].strip()
        if line and line[0] in "-+•":
            tail.recipients.append(line.lstrip("-+• ").rstrip(",.;").strip())
        elif line:
            break
        index += 1
    rest = lines[index:]
    end = _signature_end(rest)
    tail.signature = [plain(x) for x in rest[:end] if plain(x)]
    tail.after = rest[end:]
    return tail


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


def signer(lines: list[str], casing: Casing) -> dict[str, str] | None:
    """Authority (``T/M Huyện ủy``), title (``Phó Bí thư``) and name of a signature block;
    placeholder lines such as ``(Handwritten signature)`` are dropped."""
    lines = [line for line in lines if not PLACEHOLDER.match(line)]
    if not lines or not name_like(lines[-1]):
        return None
    if is_upper(lines[-1]) and TITLE_WORDS.search(fold(lines[-1])):
        return None  # the block ends with a title: the name is missing
    name = lines[-1]
    if is_upper(name):
        name = " ".join(w.capitalize() for w in name.split())
    result: dict[str, str] = {}
    titles = []
    for line in lines[:-1]:
        if match := AUTHORITY.match(line):
            prefix = match.group(1).upper().replace(".", "")
            prefix = prefix if "/" in prefix else f"{prefix[0]}/{prefix[1:]}"
            result["authority"] = f"{prefix} {casing.sentence_case(match.group(2))}"
        else:
            titles.append(casing.sentence_case(line))
    if titles:
        result["title"] = " ".join(titles)
    result["name"] = name
    return result
