"""Citations of Party and State documents in body text: one matcher class per form.

A citation is found from its số ký hiệu (the symbol, the one part that is never prose),
then read outwards: the type word and "số" before it, the date and the issuer after it.
Everything here is plain text in, spans out; resolving what a citation points to is
``resolve``'s job, because that needs the citing document and the corpus.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ketluan.citations import named as by_name
from ketluan.citations.issuers import ISSUER, IssuerBefore, IssuerPhrase, clean
from ketluan.core.dates import DocDate
from ketluan.core.kinds import cited_words
from ketluan.core.patterns import compiled_later
from ketluan.core.symbols import FORMS, SYMBOLS, Symbol, kind_of

__all__ = ["Citation", "DatePhrase", "IssuerPhrase", "TypePrefix", "extract"]

_LABELS = sorted(
    (re.escape(label).replace(r"\ ", r"\s+") for label in cited_words()),
    key=len,
    reverse=True,
)
_TYPE_WORD = "|".join([*_LABELS, r"V[aă]n\s+b[aả]n"])


class TypePrefix:
    """What stands before the number: type word, an issuer before "số", "số:".

    ``Nghị quyết số ``, ``Chỉ thị ``, ``Công văn số: ``, ``Quyết định của Bộ Chính trị số ``,
    ``số ``, ``nghị quyết số ``, ``Nghị Quyết số ``, ``THÔNG TƯ SỐ ``, ``Quyết ⏎định số ``,
    ``Bộ Chính trị đã ban hành Nghị quyết số `` (the issuer before the word).
    Not: ``Nghị quyết Đại hội ``, ``tháng ``.
    """

    pattern = compiled_later(
        rf"(?:(?<!\w)(?P<word>(?i:{_TYPE_WORD}))(?:\s+của\s+(?P<issuer>{ISSUER}))?\s+"
        r"(?:(?i:số)\s*:?\s*)?|(?<!\w)(?i:số)\s*:?\s*)\Z"
    )
    by = compiled_later(rf"(?<!\w)(?P<issuer>{ISSUER})\s+(?:đã\s+)?ban\s+hành\s+\Z")
    window = 90

    @classmethod
    def match(cls, text: str, start: int) -> re.Match[str] | None:
        """The prefix ending right at ``start``, if any."""
        offset = max(0, start - cls.window)
        return cls.pattern.search(text, offset, start)

    @classmethod
    def issued_by(cls, text: str, word_start: int) -> str | None:
        """The body that "ban hành" the document, written before its type word."""
        if "hành" not in text[max(0, word_start - 12) : word_start]:
            return None  # the long issuer pattern runs only where "ban hành" stands
        found = cls.by.search(text, max(0, word_start - cls.window), word_start)
        return clean(found["issuer"]) if found else None


class DatePhrase:
    """The date after the number: ``, ngày 07/5/2021``, ``ngày 02/6/2023``,
    ``ngày 01-10-1997``, ``ngày 12 tháng 6 năm 2025``, ``ban hành ngày 2.2.2023``,
    ``(ngày 07/5/2021``, ``ngày 09tháng 5 năm 2025``, ``NGÀY 15 THÁNG 11 NĂM 2024``.
    Not: ``năm 2024`` (a year alone), ``ngày 31/02/2024`` (no such day)."""

    # Runs of spaces are read possessively (``\s*+``): never split between two quantifiers,
    # which would take time quadratic in the length of a long run of blanks.
    pattern = compiled_later(
        r"\s*+(?:[,(]\s*+)?(?:ban\s++hành\s++)?ngày\s*+(?:(?P<d>\d{1,2})\s*+[/.-]\s*+"
        r"(?P<m>\d{1,2})\s*+[/.-]\s*+(?P<y>(?:19|20)\d\d)|(?P<d2>\d{1,2})\s*+tháng\s++"
        r"(?P<m2>\d{1,2})(?:\s*+,\s++|\s++)năm\s++(?P<y2>(?:19|20)\d\d))(?!\d)",
        re.IGNORECASE,
    )

    @classmethod
    def match(cls, text: str, pos: int) -> tuple[DocDate, int] | None:
        """The date starting at ``pos`` and where it ends, if any."""
        found = cls.pattern.match(text, pos)
        if not found:
            return None
        day, month, year = (int(found[g] or found[g + "2"]) for g in ("d", "m", "y"))
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
        return DocDate(year, month, day), found.end()


_JOINER = compiled_later(r"\s*(?:,|;|và|,\s*và)\s*\Z", re.IGNORECASE)


@dataclass(frozen=True)
class Citation:
    """One citation in a text: the linked span (type word to symbol) and what it says."""

    start: int
    end: int
    """Span linked in the page: from the type word (when present) to the end of the symbol."""
    symbol: Symbol
    kind: str
    """Kind slug: the word before the number decides, else the type code of the symbol."""
    word: str | None
    date: DocDate | None
    issuer: str | None
    tail: int
    """End of the date and issuer that follow the symbol."""
    in_link: bool = False
    """True when the citation is the text of a link the author wrote (it is not re-linked)."""
    symbol_start: int = -1
    """Where the symbol itself starts (``start`` when there is no type word)."""


def extract(text: str) -> list[Citation]:
    """Every citation in ``text`` in order: numbers, short forms the text defines and
    documents cited by name. An issuer after a list applies to all of it; one written
    before (``của Bộ Y tế tại Tờ trình số …``) to each number it sent."""
    found = [_numbered(text, match) for match in SYMBOLS.finditer(text)]
    found = _share_issuers(text, _issuers_before(text, found))
    found += _short_forms(text, found)
    found += _named(text, found)
    return sorted(found, key=lambda c: c.symbol_start)


def _numbered(text: str, match: re.Match[str]) -> Citation:
    """The citation of the number ``match`` found: type word, date and issuer around it."""
    form = next(f for f in FORMS if match[f.tag] is not None)
    symbol = form.symbol(match)
    prefix = TypePrefix.match(text, match.start())
    word = clean(prefix["word"]) if prefix and prefix["word"] else None
    issuer = clean(prefix["issuer"]) if prefix and prefix["issuer"] else None
    tail = match.end()
    date = None
    if dated := DatePhrase.match(text, tail):
        date, tail = dated
    if not issuer and (after := IssuerPhrase.match(text, tail, symbol)):
        issuer, tail = after
    if not issuer and prefix and prefix["word"]:
        issuer = TypePrefix.issued_by(text, prefix.start("word"))
    start = prefix.start("word") if prefix and prefix["word"] else match.start()
    kind = kind_of(word, symbol)
    return Citation(
        start, match.end(), symbol, kind, word, date, issuer, tail, False, match.start()
    )


def _issuers_before(text: str, found: list[Citation]) -> list[Citation]:
    """Citations without an issuer of their own take the one written before them."""
    for start, end, issuer in IssuerBefore.spans(text):
        for index, citation in enumerate(found):
            if citation.issuer is None and start <= citation.symbol_start < end:
                found[index] = replace(citation, issuer=issuer)
    return found


def _short_forms(text: str, found: list[Citation]) -> list[Citation]:
    """Each use of a short form the text defines, as the citation it stands for."""
    uses: list[Citation] = []
    for definition in by_name.ShortForm.definition.finditer(text):
        before = [c for c in found if c.symbol_start < definition.start()]
        if not before:
            continue
        meant = before[-1]
        for use in by_name.ShortForm.uses(text, definition["short"], definition.start()):
            at = use.start("short")
            prefix = TypePrefix.match(text, at)
            start = prefix.start("word") if prefix and prefix["word"] else use.start()
            uses.append(replace(meant, start=start, end=use.end(), tail=use.end(), symbol_start=at))
    return uses


_YEAR = compiled_later(r"[ \t]*+năm[ \t]++(?P<year>(?:19|20)\d\d)(?!\d)")


def _named(text: str, found: list[Citation]) -> list[Citation]:
    """Documents cited by name, outside the citations of numbers."""
    taken = [(c.start, c.tail) for c in found]
    out = []
    for doc in by_name.named(text):
        if any(a < doc.end and doc.start < b for a, b in taken):
            continue
        symbol = Symbol(doc.name, by_name.FORM, None, doc.issuer_code)
        date, tail = doc.date, doc.end
        if dated := DatePhrase.match(text, tail):
            date, tail = dated
        elif date is None and (year := _YEAR.match(text, tail)):
            date, tail = DocDate(int(year["year"])), year.end()
        kind = kind_of(doc.word, symbol)
        out.append(
            Citation(doc.start, doc.end, symbol, kind, doc.word, date, None, tail, False, doc.start)
        )
    return out


def _share_issuers(text: str, found: list[Citation]) -> list[Citation]:
    """``Chỉ thị số 35-CT/TW, ngày ... và Kết luận số 118-KL/TW ... của Bộ Chính trị``:
    a citation without issuer joined to the next (same committee code) by a comma, ";" or
    "và" takes its issuer."""
    for index in range(len(found) - 2, -1, -1):
        current, following = found[index], found[index + 1]
        if current.issuer or not following.issuer:
            continue
        if current.symbol.issuer_code != following.symbol.issuer_code:
            continue  # "1-NQ/TW; 2-CT/TU của Tỉnh ủy": the issuer is the second one's only
        if (
            _JOINER.match(text[current.tail : following.start])
            or not text[current.tail : following.start].strip()
        ):
            found[index] = replace(current, issuer=following.issuer)
    return found
