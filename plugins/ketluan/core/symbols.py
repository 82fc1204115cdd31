"""Số ký hiệu: the numbers of Party and State documents, and the kind each one names.

One matcher class per form of number (Party ``04-NQ/TU``, State ``45/2018/QĐ-UBND`` and
``03/CT-UBND``). The core owns them because a number is part of a document's identity:
front matter ``references:`` are checked with them, and the citation extractor
(``ketluan.citations``) finds them in prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from ketluan.core import kinds
from ketluan.core.kinds import KINDS as KINDS  # the catalogue's, re-exported
from ketluan.core.kinds import Kind as Kind
from ketluan.core.patterns import compiled_later
from ketluan.core.text import DASH, DASHES, UPPER, UPPER_CHARS, fold


@dataclass(frozen=True)
class Symbol:
    """A số ký hiệu found in text: its normalised spelling and the codes it is made of."""

    text: str
    """Spelling with stray spaces removed: ``TT- BXD`` -> ``TT-BXD``."""
    form: str
    """Name of the matcher class that found it."""
    type_code: str | None
    """Folded upper-case type code (``NQ``, ``QD``), None when the symbol has none."""
    issuer_code: str
    """Folded upper-case issuer code: ``TU``, ``HU``, ``TW``, ``UBND``, ``BXD``..."""
    year: int | None = None
    """Year part of a State number (``45/2018/QĐ-UBND`` -> 2018)."""

    @cached_property
    def key(self) -> str:
        """Comparable form: folded, upper case, no spaces (``96-QĐ/TW`` -> ``96-QD/TW``)."""
        return fold(self.text).upper().replace(" ", "")

    @property
    def party(self) -> bool:
        """True for Party symbols (number-TYPE/COMMITTEE) and the Party's documents cited by
        name (the Charter, congress resolutions: issuer ``TW``, no number)."""
        return self.form == PartySymbol.__name__ or (
            self.issuer_code == "TW" and self.type_code is None and self.year is None
        )


def _squeeze(value: str) -> str:
    """Stray spaces out, every dash spelt "-": ``TT– BXD`` -> ``TT-BXD``."""
    return re.sub(DASH, "-", re.sub(r"\s+", "", value))


def _code(value: str) -> str:
    return fold(value).upper()


class SymbolForm:
    """A form of số ký hiệu; subclasses give a regex (named groups prefixed by ``tag``)."""

    tag: ClassVar[str]
    pattern: ClassVar[str]

    @classmethod
    def symbol(cls, match: re.Match[str]) -> Symbol:
        raise NotImplementedError


_WRAP = r"[ \t]{0,3}(?:\n[ \t]{0,3})?"
"""Space around a dash or slash: a few blanks and at most one line break (``119/2026/ ⏎``)."""
_CODE = rf"{UPPER}{{2,8}}(?:(?<=QH)1\d)?"
"""A committee code; digits only for a term of the National Assembly (``ĐĐQH15``), so a
footnote number glued to the code (``NQ/TW1``) is not part of it."""
_STATE_PART = (
    rf"(?:UB{UPPER}{{1,7}}1\d(?![\d{UPPER_CHARS}])|{UPPER}{{1,8}}[a-zđ]?(?:&{UPPER}{{1,6}})?"
    rf"{UPPER}{{0,6}}(?:(?<=QH)1\d)?)"
)
"""One part of a State number: ``QĐ``, ``UBND``, ``TTr``, ``BNN&PTNT``; a term only after
the National Assembly or one of its committees (``QH15``, ``UBTVQH15``, ``UBPLTP15``)."""
_FOOTNOTE = r"(?=\d{1,2}(?![\w/]))"
"""A footnote number glued after a number (``NQ/TW1``): left out of the symbol."""


class PartySymbol(SymbolForm):
    """Party documents: number-TYPE/COMMITTEE.

    ``04-NQ/TU``, ``96-QĐ/TW``, ``16-ĐA/TU``, ``65-KH/TU``, ``120-KL/TU``, ``08-QĐi/TW``,
    ``27 - NQ/HU``, ``01-NQ/TƯ`` (TƯ is TW), ``3260-KH/ĐĐQH15`` (a term after QH),
    ``66-⏎NQ/TW`` (wrapped after the dash). A footnote number glued on (66-NQ/TW1) is left out.
    Not: ``Covid-19``, ``2021 - 2025``, ``T/M``.
    """

    tag = "p"
    pattern = (
        rf"(?P<p_n>\d{{1,4}}[a-z]?)\s{{0,2}}{DASH}{_WRAP}"
        rf"(?P<p_t>[A-ZĐ]{{1,3}}(?:i|r|ri)?)\s{{0,2}}/{_WRAP}(?P<p_i>{_CODE})"
    )

    @classmethod
    def symbol(cls, match: re.Match[str]) -> Symbol:
        issuer = re.sub("TƯ$", "TW", match["p_i"])  # Trung ương is spelt both ways
        text = f"{match['p_n']}-{match['p_t']}/{issuer}"
        return Symbol(text, cls.__name__, _code(match["p_t"]), _code(issuer))


class StateYearSymbol(SymbolForm):
    """State documents with the year in the number: number/year/TYPE-ISSUER.

    ``45/2018/QĐ-UBND``, ``04/2022/TT-BXD``, ``04/2022/TT- BXD``, ``05/2019/NQ-HĐND``,
    ``66.7/2025/NQ-CP``, ``76/2025/UBTVQH15``, ``59/2020/QH14``, ``119/2026/ ⏎UBTVQH15``,
    joint: ``06/2018/TTLT-VKSNDTC-TANDTC-BCA-BTP-BLĐTBXH``, ``01/2017/TTLT-BCA-BNN&PTNT``,
    ``02/2017/TTLT-⏎VKSNDTC-TANDTC``. A glued footnote number (NĐ-CP4) is left out.
    Not: ``21/4/2024`` (a date), ``12/17 chỉ tiêu``, ``06/2018`` (no code: a short form).
    """

    tag = "y"
    pattern = (
        rf"(?P<y_n>\d{{1,5}}(?:\.\d{{1,3}})?){_WRAP}/{_WRAP}(?P<y_y>(?:19|20)\d\d){_WRAP}/{_WRAP}"
        rf"(?P<y_c>{_STATE_PART}(?:{_WRAP}{DASH}{_WRAP}{_STATE_PART}){{0,7}})"
    )

    @classmethod
    def symbol(cls, match: re.Match[str]) -> Symbol:
        parts = [_code(p) for p in _squeeze(match["y_c"]).split("-")]
        type_code = parts[0] if len(parts) > 1 and kinds.is_state_code(parts[0]) else None
        issuer = "-".join(parts[1:] if type_code else parts)
        text = f"{match['y_n']}/{match['y_y']}/{_squeeze(match['y_c'])}"
        return Symbol(text, cls.__name__, type_code, issuer, int(match["y_y"]))


class StateSymbol(SymbolForm):
    """State documents without a year: number/TYPE-ISSUER, or number/ISSUER-UNIT (công văn).

    ``03/CT-UBND``, ``1360/UBND-NN``, ``123/QĐ-TTg``, ``45/TB-VPCP``, ``23/NQ-⏎CP``,
    ``429/BC-UBPLTP15``.
    Not: ``37/84 hộ``, ``6/2023``, ``13/16``, ``15/TB`` (no issuer part).
    """

    tag = "s"
    pattern = (
        rf"(?P<s_n>\d{{1,5}})[ \t]?/[ \t]?"
        rf"(?P<s_c>{_STATE_PART}(?:{_WRAP}{DASH}{_WRAP}{_STATE_PART}){{1,2}})"
    )

    @classmethod
    def symbol(cls, match: re.Match[str]) -> Symbol:
        parts = [_code(p) for p in _squeeze(match["s_c"]).split("-")]
        type_code = parts[0] if kinds.is_state_code(parts[0]) else None
        issuer = "-".join(parts[1:] if type_code else parts)
        text = f"{match['s_n']}/{_squeeze(match['s_c'])}"
        return Symbol(text, cls.__name__, type_code, issuer)


FORMS: tuple[type[SymbolForm], ...] = (PartySymbol, StateYearSymbol, StateSymbol)
SYMBOLS = compiled_later(
    # the lookahead first: most positions fail on it, before the slower lookbehinds;
    # "số357/TTr-CP": số glued to the number
    rf"(?=\d)(?:(?<![\w./{DASHES}])|(?<=[Ss][ốỐ]))(?:"
    + "|".join(f"(?P<{f.tag}>{f.pattern})" for f in FORMS)
    + rf")(?:{_FOOTNOTE}|(?![\w/]|{DASH}\w))"
)


def kind_of(word: str | None, symbol: Symbol) -> str:
    """The kind of a cited document: the symbol's type code decides (read in its system:
    ``TT`` is Thông tri in ``05-TT/TW``, Thông tư in ``04/2022/TT-BXD``), except that the
    word before the number tells Quyết định from Quy định (both QĐ); no code: the word
    decides, and a number of the National Assembly without one (``72/2025/QH15``) is a Luật."""
    from_word = kinds.by_word(word)
    from_code = kinds.by_code(symbol.type_code, symbol.party)
    if from_code == "quyet-dinh" and from_word == "quy-dinh":
        return from_word
    if from_code:
        return from_code
    if from_word and from_word != kinds.GENERIC:
        return from_word
    if symbol.year and re.fullmatch(r"QH\d*", symbol.issuer_code):
        return "luat"  # 72/2025/QH15: the National Assembly's numbers without a code are laws
    return "cong-van" if symbol.form == StateSymbol.__name__ else kinds.GENERIC


def parse_symbol(value: str) -> Symbol | None:
    """The symbol when ``value`` is exactly one (``"04-NQ/TU"``), else None."""
    match = SYMBOLS.fullmatch(value.strip())
    if match is None:
        return None
    form = next(f for f in FORMS if match[f.tag] is not None)
    return form.symbol(match)
