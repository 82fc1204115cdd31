"""``ketluan import``: turn published documents (.txt, .docx) into conclusion files.

One document in, one Markdown file with front matter out, at the place the project's layout
expects (``<out>/<tỉnh>/<huyện>/<name>.md``). Fields the text does not state are written
empty and reported, so ``ketluan check`` points at them; text that is not placed in the
front matter stays in the body; an existing file is never overwritten without ``force``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ketluan.core.document_schema import ConclusionSchema
from ketluan.core.frontmatter import MAX_BYTES, decode, parse
from ketluan.core.model import TypeInfo
from ketluan.core.schema import Context
from ketluan.core.text import slugify
from ketluan.importer import fields as F
from ketluan.importer import tail as T
from ketluan.importer.casing import Casing
from ketluan.importer.existing import Existing, identity
from ketluan.importer.inputs import SUFFIXES, WORD_LOCK, InputError, expand, read_source
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
from ketluan.importer.write import OutFolder, WriteError

__all__ = ["convert", "expand", "import_files", "read_source", "render", "report"]

NEWS_FILE_WORDS = 5
"""Title words in the file name of a news report, after its date."""

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
        iso = date.isoformat() if isinstance(date, dt.date) else str(date or "khong-ro-ngay")
        if values.get("number"):
            return slugify(values["number"]) + ".md"
        if values.get("type") == "tin-bai":
            words = slugify(values.get("title") or "").split("-")[:NEWS_FILE_WORDS]
            return "-".join([iso, "tin-bai", *words]).strip("-") + ".md"
        return f"{iso}-{values.get('type') or 'van-ban'}.md"


def convert(
    raw: str,
    types: dict[str, TypeInfo],
    lookup: PlaceLookup = NO_PLACES,
    hints: Places | None = None,
) -> Conversion:
    """Convert the text of one published document; ``hints`` (the importing office's own
    province and district) fill only what the text leaves open."""
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
    news = not head.type_words and not head.number and "tin-bai" in types
    if news:
        info = types["tin-bai"]
    elif info is None:
        attention["type"] = f"no known type in the heading {' '.join(head.type_words)!r}"
    if news and tail.used_from is not None:  # news has no recipients or signer: keep as text
        after = cleaned.lines[tail.used_from :]
        tail = T.Tail()
    else:
        after = tail.after
    after_paras, after_notes = extract_footnotes(paragraphs(after))
    footnotes = {**after_notes, **footnotes}
    body_paras = paras[head.used :] + after_paras

    signature, author = tail.signature, None
    if not signature:  # signature (or a news byline) at the end of the text itself
        count = T.trailing_signature(body_paras, byline=news)
        found = [T.plain(p) for p in body_paras[len(body_paras) - count :]]
        del body_paras[len(body_paras) - count :]
        author, signature = (found[-1] if found else None, []) if news else (None, found)
    body_paras = rejoin(body_paras)
    body_text = "\n".join(T.plain(p) for p in body_paras).translate(NO_MARKERS)
    casing = Casing.from_body(body_text)

    title = F.title(head, casing)
    signer = T.signer(signature, casing) if signature else None
    if signature and signer is None:  # not a signature after all: keep its lines as text
        body_paras += signature
    notes += [f"dropped placeholder {line!r}" for line in signature if T.PLACEHOLDER.match(line)]
    letterhead = [F.letterhead(line, casing) for line in head.letterhead]
    notes += [f"letterhead {line!r} used for the issuer and its place" for line in head.letterhead]
    authority = (signer or {}).get("authority")
    issuer_body = F.issuing_body(title, body_text, authority, "\n".join(letterhead))
    unit = issuer_body.unit if issuer_body else F.number_unit(head.number)
    place_text = "\n".join([*letterhead, title or "", body_text, *tail.recipients])
    places = letterhead_places(letterhead, find_places(place_text, unit, lookup), lookup)
    notes += places.found + fill_from_hints(places, hints)
    attention.update(places.notes)
    issuer = _issuer(issuer_body, places, attention)
    meeting = F.meeting(title, body_paras, issuer_body)
    if news and not title and (title := F.news_title(meeting)):
        attention["title"] = f"the text has no title; proposed {title!r}, check it"
    if not title:
        attention["title"] = "the text has no title"

    values: dict[str, Any] = {"title": title, "type": info.slug if info else None}
    if not news:
        values["number"] = head.number
        if head.number is None:
            notes.append("no number line ('Số ...'): number written as null")
    date = _date(head.date or F.opening_date(body_paras), body_text, attention)
    values.update(date=date, issuer=issuer, province=places.province)
    optional = {"district": places.district, "meeting": meeting, "author": author}
    values.update({k: v for k, v in optional.items() if v})
    if "district" in attention:  # a district body's document: empty, so check points at it
        values["district"] = None
    if not news:
        values["signer"] = signer
        if signer is None:
            attention["signer"] = "no signature block found"
        if tail.recipients:
            values["recipients"] = tail.recipients
    body = render_body(body_paras, footnotes, news)
    return Conversion(_ordered(values), body, attention, notes)


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


def problems_of(text: str, rel: str, types: dict[str, TypeInfo]) -> list[tuple[str, str]]:
    """What ``ketluan check`` will say about a written file, as (field, message) pairs."""
    source = parse(text, rel)
    ctx = Context(rel, source, types)
    ConclusionSchema.validate(source.values, ctx)
    return [(p.field, str(p)) for p in source.problems + ctx.problems]


@dataclass
class Outcome:
    """What happened to one input file."""

    source: Path
    status: str  # imported, attention, skipped, failed
    target: Path | None = None
    messages: list[str] = field(default_factory=list)


def import_files(
    paths: list[Path],
    out: Path,
    types: dict[str, TypeInfo],
    *,
    dry_run: bool = False,
    force: bool = False,
    lookup: PlaceLookup = NO_PLACES,
    hints: Places | None = None,
    progress: Progress = lambda paths: paths,
) -> list[Outcome]:
    """Import every file; nothing is written when ``dry_run``, nothing overwritten unless
    ``force``, nothing written outside ``out`` or through a link; an unchanged target, or a
    document already in ``out`` under another name, is left alone and reported as skipped.
    A file that cannot be read or written is reported as failed and the others go on."""
    run = _Run(OutFolder(out), types, Existing.scan(out), dry_run=dry_run, force=force)
    outcomes = []
    for path in progress(expand(paths)):
        if path.name.startswith(WORD_LOCK):
            why = "Word's lock file of a document open in Word, not a document"
            outcomes.append(Outcome(path, "skipped", None, [why]))
        elif path.suffix.lower() not in SUFFIXES:
            why = "only .txt and .docx can be imported (save .doc and PDF files as .docx)"
            outcomes.append(Outcome(path, "failed", None, [why]))
        else:
            outcomes.append(run.one(path, lookup, hints))
    return outcomes


@dataclass
class _Run:
    """One ``import_files`` call: where it writes, what is there, what it has claimed."""

    folder: OutFolder
    types: dict[str, TypeInfo]
    existing: Existing
    dry_run: bool
    force: bool
    claimed: set[Path] = field(default_factory=set)

    def one(self, path: Path, lookup: PlaceLookup, hints: Places | None) -> Outcome:
        try:
            conversion = convert(read_source(path), self.types, lookup, hints)
        except InputError as exc:
            return Outcome(path, "failed", None, [str(exc)])
        except (OSError, ValueError, KeyError) as exc:
            return Outcome(path, "failed", None, [f"cannot read: {exc}"])
        conversion.suggested_tags = self.existing.suggest_tags(conversion.body)
        target = self.folder.root / conversion.relative_path
        try:
            target = self._target(target, conversion.values)
            self.claimed.add(target)
            if duplicate := self.existing.same_document(conversion.values, target):
                why = (
                    f"same document as {duplicate.as_posix()} "
                    "(same province, issuer, type, number and date)"
                )
                return Outcome(path, "skipped", target, [why])
            outcome = self._write(path, target, conversion)
        except WriteError as exc:
            return Outcome(path, "failed", target, [str(exc)])
        if outcome.status != "skipped":
            self.existing.add(target, conversion.values)
        return outcome

    def _write(self, source: Path, target: Path, conversion: Conversion) -> Outcome:
        text = render(conversion)
        data = text.encode("utf-8")
        if len(data) > MAX_BYTES:
            why = f"would be {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit of a file"
            return Outcome(source, "failed", target, [f"{why}: split the document"])
        present = self.folder.read(target, MAX_BYTES)
        if present is not None and (present == data or not self.force):
            reason = "unchanged" if present == data else "exists; use --force to overwrite"
            return Outcome(source, "skipped", target, [reason])
        messages = [f"{name}: {why}" for name, why in conversion.attention.items()]
        messages += conversion.notes
        if conversion.suggested_tags:
            messages.append(f"suggested tags: {', '.join(conversion.suggested_tags)}")
        messages += [
            problem
            for field_name, problem in problems_of(text, target.as_posix(), self.types)
            if field_name.split(".")[0] not in conversion.attention
        ]
        if self.dry_run:
            self.folder.check(target)
        else:
            self.folder.write(target, data)
        status = "attention" if conversion.attention else "imported"
        return Outcome(source, status, target, messages)

    def _target(self, target: Path, values: dict[str, Any]) -> Path:
        """The file to write: ``-2``, ``-3``... when another input of this run took the
        name or the file there holds a different document (two committees' notices of one
        day)."""
        candidate, n = target, 1
        while candidate in self.claimed or self._other_document(candidate, values):
            n += 1
            candidate = target.with_name(f"{target.stem}-{n}{target.suffix}")
        return candidate

    def _other_document(self, path: Path, values: dict[str, Any]) -> bool:
        data = self.folder.read(path, MAX_BYTES)
        if data is None:
            return False
        text, _ = decode(data, str(path))
        theirs = identity(parse(text, str(path)).values) if text else None
        ours = identity(values)
        return theirs is not None and ours is not None and theirs != ours


LABELS = {
    "imported": "imported",
    "attention": "needs attention",
    "skipped": "skipped",
    "failed": "failed",
}


def report(outcomes: list[Outcome], dry_run: bool = False) -> list[str]:
    """One line per file with its messages indented below, then the summary line."""
    lines = []
    for outcome in outcomes:
        arrow = f" -> {shown(outcome.target)}" if outcome.target else ""
        lines.append(f"{LABELS[outcome.status]}: {shown(outcome.source)}{arrow}")
        lines += [f"    {_printable(message)}" for message in outcome.messages]
    counts = {status: sum(o.status == status for o in outcomes) for status in LABELS}
    summary = ", ".join(f"{counts[s]} {label}" for s, label in LABELS.items())
    lines.append(f"{summary}{' (dry run: nothing written)' if dry_run else ''}")
    return lines


def shown(path: Path) -> str:
    """A path as it can be printed: a file name that is not UTF-8 (an old archive's Latin-1
    or Windows-1258 bytes) with U+FFFD for each byte that is not."""
    return _printable(path.as_posix())


def _printable(text: str) -> str:
    return os.fsencode(text).decode("utf-8", "replace") if not text.isascii() else text
