"""``ketluan import`` of a batch of files: where each goes, what is already there, what
was written, skipped or failed, and the report. One bad input never stops the batch."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ketluan.core.document_schema import ConclusionSchema
from ketluan.core.frontmatter import MAX_BYTES, decode, parse
from ketluan.core.model import TypeInfo
from ketluan.core.schema import Context
from ketluan.importer.convert import Conversion, convert, render
from ketluan.importer.existing import Existing
from ketluan.importer.inputs import (
    LEGACY,
    SUFFIXES,
    WORD_LOCK,
    InputError,
    expand,
    read_source,
)
from ketluan.importer.places import NO_PLACES, PlaceLookup, Places
from ketluan.importer.report import attention_counts, field_report, write_report
from ketluan.importer.write import OutFolder, WriteError

Progress = Callable[[list[Path]], Iterable[Path]]


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
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per front matter field: value, line read from, why it needs attention (report)."""


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
    run = _Run(OutFolder(out), types, Existing.scan(out, types), dry_run=dry_run, force=force)
    outcomes = []
    for path in progress(expand(paths)):
        if path.name.startswith(WORD_LOCK):
            why = "Word's lock file of a document open in Word, not a document"
            outcomes.append(Outcome(path, "skipped", None, [why]))
        elif path.suffix.lower() in LEGACY:
            outcomes.append(Outcome(path, "failed", None, [LEGACY[path.suffix.lower()]]))
        elif path.suffix.lower() not in SUFFIXES:
            why = "only .txt, .docx and .pdf files can be imported (save others as .docx)"
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
            text = read_source(path)
            conversion = convert(text, self.types, lookup, hints)
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
        outcome.fields = field_report(conversion, text)
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
        theirs = self.existing.identity(parse(text, str(path)).values) if text else None
        ours = self.existing.identity(values)
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
    if fields := _attention(outcomes):
        ranked = ", ".join(f"{name} {n}" for name, n in sorted(fields.items(), key=_most))
        lines.append(f"fields needing attention: {ranked}")
    counts = {status: sum(o.status == status for o in outcomes) for status in LABELS}
    summary = ", ".join(f"{counts[s]} {label}" for s, label in LABELS.items())
    lines.append(f"{summary}{' (dry run: nothing written)' if dry_run else ''}")
    return lines


def _attention(outcomes: list[Outcome]) -> dict[str, int]:
    """Per field, how many documents written (or, in a dry run, to be written) need it
    checked."""
    return dict(
        attention_counts([{"fields": o.fields} for o in outcomes if o.status == "attention"])
    )


def _most(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def report_json(outcomes: list[Outcome], path: Path, dry_run: bool = False) -> None:
    """``--report FILE.json``: every document with its status, target, messages and fields
    (value, line, attention), and the summary with counts per field needing attention."""
    documents = [
        {
            "source": shown(o.source),
            "status": o.status,
            "target": shown(o.target) if o.target else None,
            "messages": [_printable(m) for m in o.messages],
            "fields": o.fields,
        }
        for o in outcomes
    ]
    summary: dict[str, Any] = {
        status: sum(o.status == status for o in outcomes) for status in LABELS
    }
    summary["dry_run"] = dry_run
    summary["fields_needing_attention"] = _attention(outcomes)
    write_report(path, documents, summary)


def shown(path: Path) -> str:
    """A path as it can be printed: a file name that is not UTF-8 (an old archive's Latin-1
    or Windows-1258 bytes) with U+FFFD for each byte that is not."""
    return _printable(path.as_posix())


def _printable(text: str) -> str:
    return os.fsencode(text).decode("utf-8", "replace") if not text.isascii() else text
