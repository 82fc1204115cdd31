"""Postings as text: the document numbers of a word, as the word index stores them.

Each list is the shortest of a few encodings (``encode``), all base64 so that they sit in
JSON. A word as written with its accents ("=thiên") is held by a subset of the documents
holding its folded form ("thien"): ``encode_within`` stores it as positions in that list
(``r`` and an encoding of the positions), which the browser decodes with the folded list
it has already read for the query. At 50,000 documents the accented postings of a long
pasted title took 114 KB as their own lists and take 32 KB so (BENCHMARKS.md). The
browser side is ``decode`` in ketluan-words.js.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

WITHIN = "r"
"""Prefix of a list stored as positions in another (``encode_within``)."""


def encode(numbers: list[int], total: int = 0) -> str:
    """Ascending document numbers as text, the shortest of: ``L`` and the gaps as base64
    varints; ``B`` and a base64 bitmap (bit ``n % 8`` of byte ``n // 8``); ``C`` and, as
    varints, ``total`` (the number of documents) then the gaps of those *not* listed, for
    a word in nearly every document (a 62-byte list instead of a 6 KB bitmap at 50,000).

    >>> encode([0, 1, 2, 300])
    'LAAAAqQI='
    >>> encode(list(range(40)))
    'B//////8='
    >>> encode([n for n in range(1000) if n != 7], 1000)
    'C6AcH'
    >>> evens = list(range(0, 64, 2))
    >>> decode(encode([5, 6, 70000])), decode(encode(evens)) == evens
    ([5, 6, 70000], True)
    >>> decode(encode(list(range(1, 2000)), 2000)) == list(range(1, 2000))
    True
    """
    if not numbers:
        return ""
    options = ["L" + _b64(_gaps(numbers))]
    bitmap = bytearray(numbers[-1] // 8 + 1)
    if len(bitmap) < len(options[0]):
        for number in numbers:
            bitmap[number >> 3] |= 1 << (number & 7)
        options.append("B" + _b64(bitmap))
    if 2 * len(numbers) > total >= numbers[-1] + 1:
        held = set(numbers)
        missing = [n for n in range(total) if n not in held]
        options.append("C" + _b64(_varint(total) + _gaps(missing)))
    return min(options, key=len)


def encode_within(numbers: list[int], base: Sequence[int] | None, total: int) -> str:
    """``numbers`` as ``encode`` writes them among ``total`` documents or, when shorter and
    every one of them is in ``base`` (ascending), as their positions in ``base``.

    >>> base = list(range(0, 3000, 3))
    >>> encode_within(base[:-1], base, 3000)
    'rC6AfnBw=='
    >>> len(encode(base[:-1], 3000)) > 100
    True
    >>> decode(encode_within(base[:-1], base, 3000), base) == base[:-1]
    True
    >>> encode_within([1, 2], base, 3000), encode_within([3], None, 3000)
    ('LAQA=', 'LAw==')
    """
    plain = encode(numbers, total)
    if base is None or not numbers:
        return plain
    at = {number: position for position, number in enumerate(base)}
    if any(number not in at for number in numbers):
        return plain
    within = WITHIN + encode([at[number] for number in numbers], len(base))
    return within if len(within) < len(plain) else plain


def _b64(data: bytes | bytearray) -> str:
    return base64.b64encode(bytes(data)).decode("ascii")


def _varint(value: int) -> bytearray:
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return out


def _gaps(numbers: list[int]) -> bytearray:
    """Ascending, distinct numbers as varints of the gaps between them."""
    out = bytearray()
    last = -1
    for number in numbers:
        out += _varint(number - last - 1)
        last = number
    return out


def decode(value: str, base: Sequence[int] | None = None) -> list[int]:
    """The numbers ``encode`` (or ``encode_within``, given the same ``base``) wrote."""
    if not value:
        return []
    if value[0] == WITHIN:
        if base is None:
            raise ValueError("postings stored within another list: give that list")
        return [base[position] for position in decode(value[1:])]
    data = base64.b64decode(value[1:])
    if value[0] == "B":
        return [8 * i + bit for i, byte in enumerate(data) for bit in range(8) if byte >> bit & 1]
    raw, number, shift = [], 0, 0
    for byte in data:
        number |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            raw.append(number)
            number, shift = 0, 0
    if value[0] == "C":
        left_out = set(_ascending(raw[1:]))
        return [n for n in range(raw[0]) if n not in left_out]
    return _ascending(raw)


def _ascending(gaps: list[int]) -> list[int]:
    numbers, last = [], -1
    for gap in gaps:
        last += gap + 1
        numbers.append(last)
    return numbers
