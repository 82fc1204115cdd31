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
from ketluan.importer import header as H
from ketluan.importer import tail as T
from ketluan.importer.casing import Casing
from ketluan.importer.issuers import Issuer, on_behalf, state_issuer
from ketluan.importer.keep import title_references
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
    sources: dict[str, str] = field(default_factory=dict)
    """Per field, the text it was read from (for the report's line numbers)."""

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
    head, notes, attention = read.head, read.notes, read.attention
    title = F.title(head, read.casing)
    signers = T.signers(read.signature, read.casing) if read.signature else []
    if read.signature and not signers:  # not a signature after all: keep its lines as text
        read.body_paras += read.signature
    notes += [f"dropped placeholder {x!r}" for x in read.signature if T.PLACEHOLDER.match(x)]
    values: dict[str, Any] = {"title": title, "type": read.info.slug if read.info else None}
    state = state_issuer(head.letterhead, read.casing, lookup)
    if state is not None:
        issuer_body = None
        state = on_behalf(state, _first_line(signers[0].get("authority")) if signers else None)
        values.update(_state_fields(state, hints, notes, attention))
    else:
        issuer_body, who = _party_fields(read, title, signers, lookup, hints)
        values.update(who)
    meeting = F.meeting(title, read.body_paras, issuer_body) if state is None else None
    if read.news and not title and (title := F.news_title(meeting)):
        values["title"] = title
        attention["title"] = f"the text has no title; proposed {title!r}, check it"
    if not title:
        attention["title"] = "the text has no title"
    if not read.news:
        values["number"] = head.number
        if head.blank_number:
            attention["number"] = f"the copy leaves the number blank ({head.number_line!r})"
        elif head.number is None:
            notes.append("no number line ('Số ...'): number written as null")
    values["date"] = _date(read, attention, notes)
    optional = {"meeting": meeting, "author": read.author}
    values.update({k: v for k, v in optional.items() if v})
    if not read.news:
        _signature_fields(values, signers, attention)
        if read.tail.recipients:
            values["recipients"] = read.tail.recipients
    body = render_body(read.body_paras, read.footnotes, read.news)
    if references := title_references(title, body):
        values["references"] = references
        notes.append(f"{len(references)} citation(s) of the title added to references")
    conversion = Conversion(_ordered(values), body, attention, notes, news=read.news)
    conversion.sources = _sources(read)
    return conversion


def _sources(read: _Read) -> dict[str, str]:
    """Per field, the text it was read from, for the report."""
    head = read.head
    found = {
        "number": head.number_line,
        "date": head.date_line,
        "type": head.type_words[0] if head.type_words else head.subject,
        "title": head.subtitle[0] if head.subtitle else head.subject or head.headline,
        "issuer": head.letterhead[0] if head.letterhead else None,
        "signer": read.signature[-1] if read.signature else None,
        "recipients": read.tail.recipients[0] if read.tail.recipients else None,
    }
    return {name: text for name, text in found.items() if text}


def _party_fields(
    read: _Read,
    title: str | None,
    signers: list[dict[str, Any]],
    lookup: PlaceLookup,
    hints: Places | None,
) -> tuple[F.Body | None, dict[str, Any]]:
    """Issuer, province and district of a Party committee's document (or an unknown
    issuer's), from its title, letterhead, text and signature."""
    letterhead = [F.letterhead(line, read.casing) for line in read.head.letterhead]
    read.notes.extend(
        f"letterhead {x!r} used for the issuer and its place" for x in read.head.letterhead
    )
    authority = _first_line(signers[0].get("authority")) if signers else None
    issuer_body = F.issuing_body(title, read.text, authority, "\n".join(letterhead))
    unit = issuer_body.unit if issuer_body else F.number_unit(read.head.number)
    place_text = "\n".join([*letterhead, title or "", read.text, *read.tail.recipients])
    places = letterhead_places(letterhead, find_places(place_text, unit, lookup), lookup)
    read.notes.extend(places.found + fill_from_hints(places, hints))
    read.attention.update(places.notes)
    who: dict[str, Any] = {
        "issuer": _issuer(issuer_body, places, read.attention),
        "province": places.province,
    }
    if places.district:
        who["district"] = places.district
    if "district" in read.attention:  # a district body's document: empty, so check points at it
        who["district"] = None
    return issuer_body, who


def _state_fields(
    state: Issuer, hints: Places | None, notes: list[str], attention: dict[str, str]
) -> dict[str, Any]:
    """Issuer(s), level and place of a central or State body's document, from its
    letterhead; a central body has no place, whatever places its text mentions."""
    notes.append(f"letterhead {' / '.join(state.lines)!r} read as the issuer")
    who: dict[str, Any] = {}
    if len(state.names) > 1:
        who["issuers"] = state.names
    else:
        who["issuer"] = state.names[0]
    if state.level:
        who["level"] = state.level
    if state.level == "trung-uong":
        return who
    province = state.province or (hints.province if hints else None)
    if province and not state.province:
        notes.append(f"province {province!r} from --province (the letterhead names none)")
    who["province"] = province
    if not province:
        attention["province"] = "the letterhead names no province; give it with --province"
    if state.district:
        who["district"] = state.district
    return who


def _first_line(authority: Any) -> str | None:
    return authority[0] if isinstance(authority, list) else authority


def _signature_fields(
    values: dict[str, Any], signers: list[dict[str, Any]], attention: dict[str, str]
) -> None:
    if len(signers) > 1:
        values["signers"] = signers
        return
    values["signer"] = signers[0] if signers else None
    if not signers:
        attention["signer"] = "no signature block found"


@dataclass
class _Read:
    """The text of a document cut into its parts: header, body, signature, recipients."""

    head: H.Header
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
        head = H.read_header(paras)
        notes += [f"removed {what}" for what in head.removed]
        if head.date_line:
            notes.append(f"date line {head.date_line!r} read as the date of issue")
        attention: dict[str, str] = {}
        info = F.doc_type(head, types)
        news_info = news_type(types)
        numbered = head.number or head.blank_number or head.subject
        news = not head.type_words and not numbered and news_info is not None
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
        span = None if signature or news else T.signature_span(body_paras)
        if span:  # a signature block in the text itself, maybe above an appendix
            signature = [T.plain(p) for p in body_paras[span[0] : span[1]]]
            del body_paras[span[0] : span[1]]
        elif not signature:  # a lone name (or a news byline) at the end of the text
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


def _date(read: _Read, attention: dict[str, str], notes: list[str]) -> dt.date | str | None:
    """The date of issue: the heading's date line, a news opening ``Ngày 23/7/2021``, the
    adoption date at the end of a resolution; the year alone of a blank date line; an
    undated text gets the year of its latest date, flagged."""
    head = read.head
    if isinstance(head.date, dt.date):
        return head.date
    if head.blank_date:
        attention["date"] = f"the copy leaves the date blank ({head.date_line!r})"
        return head.date
    if found := H.opening_date(read.body_paras):
        return found
    if adopted := H.adopted_date(read.text):
        notes.append(f"date of issue from {adopted[1]!r} (the heading has no date)")
        return adopted[0]
    if year := F.latest_year(read.text):
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
