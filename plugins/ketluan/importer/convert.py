"""``ketluan import``: turn published documents (.txt, .docx) into conclusion files.

One document in, one Markdown file with front matter out, at the place the project's layout
expects (``<out>/<tỉnh>/<huyện>/<name>.md``). Fields the text does not state are written
empty and reported, so ``ketluan check`` points at them; text that is not placed in the
front matter stays in the body; an existing file is never overwritten without ``force``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ketluan.core.document_schema import ConclusionSchema
from ketluan.core.ids import file_name
from ketluan.core.model import TypeInfo
from ketluan.core.text import slugify
from ketluan.importer import fields as F
from ketluan.importer import tail as T
from ketluan.importer.casing import Casing
from ketluan.importer.places import (
    NO_PLACES,
    PlaceLookup,
    Places,
    fill_from_hints,
    find_places,
    letterhead_places,
)
from ketluan.importer.text import (
    SUPERSCRIPTS,
    extract_footnotes,
    normalise,
    paragraphs,
    rejoin,
    render_body,
    strip_chrome,
)

__all__ = ["Conversion", "convert", "news_type", "render"]

NO_MARKERS = str.maketrans("", "", SUPERSCRIPTS)
"""Footnote markers removed from the text that fields are read from (``Bắc Giang¹``)."""
Progress = Callable[[list[Path]], Iterable[Path]]


@dataclass
class Conversion:
    """A converted document: front matter values in schema order, body, and what to check."""

    values: dict[str, Any]
    body: str
    attention: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    suggested_tags: list[str] = field(default_factory=list)
    news: bool = False
    """True when the document is of a news type (no number, no signer)."""

    @property
    def relative_path(self) -> Path:
        """``<province>/<district>/<name>.md`` (province-level documents under the province)."""
        folders = []
        if self.values.get("province"):
            places = (self.values["province"], self.values.get("district"))
            folders = [slugify(v) for v in places if v]
        return Path(*folders, self._file_name())

    def _file_name(self) -> str:
        values = self.values
        date = values.get("date")
        return file_name(
            number=values.get("number"),
            type_slug=values.get("type"),
            date=date.isoformat() if isinstance(date, dt.date) else (str(date) if date else None),
            title=values.get("title"),
            news=self.news,
        )


def news_type(types: dict[str, TypeInfo]) -> TypeInfo | None:
    """The type a text without type heading and number is given: the first news type."""
    return next((info for info in types.values() if info.news), None)


def convert(
    raw: str,
    types: dict[str, TypeInfo],
    lookup: PlaceLookup = NO_PLACES,
    hints: Places | None = None,
) -> Conversion:
    """Convert the text of one published document; ``hints`` (the importing office's own
    province and district) fill only what the text leaves open."""
    read = _Read.of(raw, types)
    title = F.title(read.head, read.casing)
    signer = T.signer(read.signature, read.casing) if read.signature else None
    if read.signature and signer is None:  # not a signature after all: keep its lines as text
        read.body_paras += read.signature
    notes = read.notes
    notes += [f"dropped placeholder {x!r}" for x in read.signature if T.PLACEHOLDER.match(x)]
    letterhead = [F.letterhead(line, read.casing) for line in read.head.letterhead]
    notes += [f"letterhead {x!r} used for the issuer and its place" for x in read.head.letterhead]
    authority = (signer or {}).get("authority")
    issuer_body = F.issuing_body(title, read.text, authority, "\n".join(letterhead))
    unit = issuer_body.unit if issuer_body else F.number_unit(read.head.number)
    place_text = "\n".join([*letterhead, title or "", read.text, *read.tail.recipients])
    places = letterhead_places(letterhead, find_places(place_text, unit, lookup), lookup)
    notes += places.found + fill_from_hints(places, hints)
    attention = read.attention
    attention.update(places.notes)
    issuer = _issuer(issuer_body, places, attention)
    meeting = F.meeting(title, read.body_paras, issuer_body)
    if read.news and not title and (title := F.news_title(meeting)):
        attention["title"] = f"the text has no title; proposed {title!r}, check it"
    if not title:
        attention["title"] = "the text has no title"
    values: dict[str, Any] = {"title": title, "type": read.info.slug if read.info else None}
    if not read.news:
        values["number"] = read.head.number
        if read.head.number is None:
            notes.append("no number line ('Số ...'): number written as null")
    date = _date(read.head.date or F.opening_date(read.body_paras), read.text, attention)
    values.update(date=date, issuer=issuer, province=places.province)
    optional = {"district": places.district, "meeting": meeting, "author": read.author}
    values.update({k: v for k, v in optional.items() if v})
    if "district" in attention:  # a district body's document: empty, so check points at it
        values["district"] = None
    if not read.news:
        values["signer"] = signer
        if signer is None:
            attention["signer"] = "no signature block found"
        if read.tail.recipients:
            values["recipients"] = read.tail.recipients
    body = render_body(read.body_paras, read.footnotes, read.news)
    return Conversion(_ordered(values), body, attention, notes, news=read.news)


@dataclass
class _Read:
    """The text of a document cut into its parts: header, body, signature, recipients."""

    head: F.Header
    tail: T.Tail
    info: TypeInfo | None
    news: bool
    body_paras: list[str]
    footnotes: dict[int, str]
    signature: list[str]
    author: str | None
    text: str
    """The body as plain text, footnote markers removed: what fields are read from."""
    casing: Casing
    notes: list[str]
    attention: dict[str, str]

    @classmethod
    def of(cls, raw: str, types: dict[str, TypeInfo]) -> _Read:
        cleaned = strip_chrome(normalise(raw))
        notes = [f"removed {what}" for what in cleaned.removed]
        tail = T.read_tail(cleaned.lines)
        main = cleaned.lines if tail.used_from is None else cleaned.lines[: tail.used_from]
        paras, footnotes = extract_footnotes(paragraphs(main))
        head = F.read_header(paras)
        if head.date_line:
            notes.append(f"date line {head.date_line!r} read as the date of issue")
        attention: dict[str, str] = {}
        info = F.doc_type(head, types)
        news_info = news_type(types)
        news = not head.type_words and not head.number and news_info is not None
        if news:
            info = news_info
        elif info is None:
            attention["type"] = f"no known type in the heading {' '.join(head.type_words)!r}"
        if news and tail.used_from is not None:  # news has no recipients or signer: text
            after = cleaned.lines[tail.used_from :]
            tail = T.Tail()
        else:
            after = tail.after
        after_paras, after_notes = extract_footnotes(paragraphs(after))
        body_paras = paras[head.used :] + after_paras
        signature, author = tail.signature, None
        if not signature:  # signature (or a news byline) at the end of the text itself
            count = T.trailing_signature(body_paras, byline=news)
            found = [T.plain(p) for p in body_paras[len(body_paras) - count :]]
            del body_paras[len(body_paras) - count :]
            author, signature = (found[-1] if found else None, []) if news else (None, found)
        body_paras = rejoin(body_paras)
        text = "\n".join(T.plain(p) for p in body_paras).translate(NO_MARKERS)
        return cls(
            head, tail, info, news, body_paras, {**after_notes, **footnotes}, signature,
            author, text, Casing.from_body(text), notes, attention,
        )  # fmt: skip


def _issuer(body: F.Body | None, places: Places, attention: dict[str, str]) -> str | None:
    """The committee with its place (``Thường trực Tỉnh ủy Điện Biên``), or None and why."""
    if body is None:
        attention["issuer"] = "the text does not say which committee issued it"
        return None
    where = places.province if body.level == "tinh" else places.district
    if not where:
        attention["issuer"] = f"{body.name} of which place? (see province/district)"
        return None
    return f"{body.name} {where}"


def _date(found: dt.date | None, text: str, attention: dict[str, str]) -> dt.date | str | None:
    """The date of issue; an undated text gets the year of its latest date, flagged."""
    if found:
        return found
    if year := F.latest_year(text):
        attention["date"] = f"no date of issue; only the year {year} (latest date in the text)"
        return str(year)
    attention["date"] = "no date of issue in the text"
    return None


def _ordered(values: dict[str, Any]) -> dict[str, Any]:
    order = ConclusionSchema.fields()
    return {k: values[k] for k in sorted(values, key=order.index)}


class _Dumper(yaml.SafeDumper):
    """Safe YAML with list items indented under their key, as in the authoring guide."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


def render(conversion: Conversion) -> str:
    """The conclusion file: a comment naming what to fill in, front matter, body."""
    front = yaml.dump(
        conversion.values,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,
    )
    todo = "".join(
        f"# ketluan import: cần kiểm tra '{name}': {why}\n"
        for name, why in conversion.attention.items()
    )
    if conversion.suggested_tags:
        todo += f"# ketluan import: gợi ý tags: {', '.join(conversion.suggested_tags)}\n"
    return f"---\n{todo}{front}---\n\n{conversion.body}"
