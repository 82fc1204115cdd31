"""Place names in text: the one owner of how a province, district or commune name is found.

Two kinds of finding: names the gazetteer knows, found anywhere in a text (``PlaceMatcher``,
for search), and names read from the phrase that introduces them (``tỉnh Điện Biên``,
``Huyện ủy Sơn Động``, the place after an issuing body), for citations and the importer.
The gazetteer itself (both maps, validation) is ``ketluan.core.places``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ketluan.core.patterns import compiled_later
from ketluan.core.text import LOWER, UPPER, UPPER_CHARS

INLINE_SPACE = r"[ \t]"
"""Inline space only: masked Markdown markup (\\x1f) and line ends end a phrase."""
UY = "(?:ủy|uỷ)"
"""ủy in both tone placements."""

NAME_IN_ISSUER = (
    rf"((?<=[Qq]uận )\d{{1,2}}(?!\d)|{UPPER}[^\s,;.()]*(?:[ \t]+{UPPER}[^\s,;.()]*){{0,3}})"
)
"""Up to four capitalised words naming a place inside an issuer, captured:
``Sơn Động`` in ``Huyện ủy Sơn Động``; ``Bắc Giang`` in ``UBND tỉnh Bắc Giang``; ``Cư
M'gar``; the number of a numbered district (``1`` in ``Quận 1``, as the gazetteer names it)."""

PROVINCE_IN_ISSUER = compiled_later(
    rf"(?:[Tt]ỉnh(?:\s+{UY})?|Thành\s+{UY}(?:\s+[Tt]hành\s+phố)?|[Tt]hành\s+phố)\s+{NAME_IN_ISSUER}"
)
"""The province an issuer names: ``Tỉnh ủy Bắc Giang``, ``UBND tỉnh Điện Biên``,
``Thành ủy Hà Nội``, ``HĐND thành phố Hải Phòng``, ``Thành ủy Thành phố Hồ Chí Minh``,
``Ủy ban nhân dân Thành phố Hà Nội``. Not: ``Huyện ủy Sơn Động``."""

DISTRICT_IN_ISSUER = compiled_later(
    rf"(?:[Hh]uyện(?:\s+{UY})?|Quận\s+{UY}(?:\s+Quận)?|[Qq]uận)\s+{NAME_IN_ISSUER}"
)
"""The district an issuer names: ``Huyện ủy Sơn Động``, ``UBND huyện Tuần Giáo``,
``Quận ủy Ba Đình``, ``Quận ủy Quận 1`` (district ``1``), ``Huyện ủy Cư M'gar``.
Not: ``Tỉnh ủy Bắc Giang``."""

_NOT_PLACE = (
    r"(?!(?:Quy\s+(?:định|chế)|Nghị|Chỉ|Kết|Kế|Đề|Thông|Quyết|Về|Ban|Tại|Theo|Trong|Đối"
    r"|Giao|Bộ|Sở|Căn|Xét|Điều|Chương|Luật)\b)"
)
PLACE_WORD = rf"{UPPER}{LOWER}*(?:['’]{LOWER}+)?(?:-{UPPER}{LOWER}*)?"
"""One capitalised word of a place name: ``Sơn``, ``M'gar``, ``Ea-Kar``."""
PLACE_AFTER_BODY = (
    rf"(?:{INLINE_SPACE}(?:[Tt]ỉnh|[Hh]uyện|[Tt]hành\s+phố|[Tt]hị\s+xã|[Qq]uận(?:\s+\d{{1,2}}\b)?))?"
    rf"(?:{INLINE_SPACE}{_NOT_PLACE}{PLACE_WORD}){{0,3}}"
)
"""The place after an issuing body in a citation, not captured: `` tỉnh Bắc Giang`` in
``UBND tỉnh Bắc Giang``, `` Sơn Động`` in ``Huyện ủy Sơn Động``, `` Thành phố Hồ Chí Minh``,
`` Quận 1``, `` Cư M'gar``, `` Quy Nhơn``. Stops before the words that start the next phrase
(``Quyết định``, ``Quy định``, ``Về``, ``Theo``…)."""


NAME_WORD = rf"{UPPER}[^\s,.;:()*”“\"]*"
"""A capitalised syllable, as place names are written in running text."""
NAME = rf"({NAME_WORD}(?: {NAME_WORD}){{1,3}})"
"""A place name in running text, captured: two to four capitalised syllables
(``Điện Biên``, ``Bắc Giang``; not ``Quảng`` alone)."""

PROVINCE = compiled_later(rf"\btỉnh {NAME}")
"""``tỉnh Điện Biên``, ``tỉnh Bắc Kạn``. Not: ``Tỉnh ủy Điện Biên`` (see below)."""
PROVINCE_COMMITTEE = compiled_later(
    rf"(?<!thư )\bTỉnh {UY} ({NAME_WORD} {NAME_WORD})(?=\s+[^{UPPER_CHARS}\s]|[,.;:)]|$)"
)
"""``Tỉnh ủy Điện Biên làm việc``: two capitalised syllables then lowercase or punctuation.
Not: ``Bí thư Tỉnh ủy Trần Quốc Cường`` (a person's three syllables, after Bí thư)."""
DISTRICT = compiled_later(rf"(?:\b[hH]uyện|\bthị xã|\bthành phố) {NAME}")
"""``huyện Tuần Giáo``, ``thị xã Mường Lay``, ``thành phố Điện Biên Phủ``."""
DISTRICT_COMMITTEE = compiled_later(rf"\b(?:Huyện|Thành|Thị) {UY} {NAME}")
"""``Huyện ủy Sơn Động``, ``Thành ủy Bắc Giang``, ``Thị ủy Mường Lay``."""
COMMUNE = compiled_later(rf"(?:\bxã|\bthị trấn|\bphường) {NAME}")
"""``xã An Lạc``, ``thị trấn An Châu``, ``phường Mường Thanh``."""


class PlaceMatcher:
    """Finds known place names in ``spelling`` text: whole words, longest name first, left
    to right without overlaps, like one regex alternation of every name sorted longest
    first, but with the names merged into a trie, so the regex engine follows one branch
    per letter instead of trying hundreds of alternatives at each position.

    ``PlaceMatcher(["điện biên", "tuần giáo"]).find("huyện tuần giáo")`` -> {"tuần giáo"};
    not "diễn biến", not "tuần giáo" inside "tuần giáovn"."""

    def __init__(self, names: Iterable[str]) -> None:
        trie: dict[str, dict] = {}
        for name in names:
            if not name[:1].isalnum():
                raise ValueError(f"a place name must start with a letter: {name!r}")
            node = trie
            for char in name:
                node = node.setdefault(char, {})
            node[""] = {}
        first = re.escape("".join(sorted(trie)))
        # the lookahead first: most positions fail on it, before the slower lookbehind
        pattern = rf"(?=[{first}])(?<!\w)(?:{_trie_pattern(trie)})(?!\w)"
        self._regex = re.compile(pattern) if trie else None

    def find(self, text: str) -> set[str]:
        """Every name occurring in ``text`` as whole words."""
        return set(self._regex.findall(text)) if self._regex else set()


def _trie_pattern(node: dict[str, dict]) -> str:
    """Regex of the names below ``node``: longer continuations before the name ending here
    (backtracking then gives the longest name followed by a word boundary)."""
    branches = [
        re.escape(char) + _group(_trie_pattern(child))
        for char, child in sorted(node.items())
        if char
    ]
    if "" in node:
        branches.append("")
    return "|".join(branches)


def _group(pattern: str) -> str:
    return f"(?:{pattern})" if "|" in pattern else pattern
