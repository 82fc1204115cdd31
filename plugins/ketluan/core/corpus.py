"""Read every conclusion file, validate it and return the corpus, or every problem at once."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from difflib import get_close_matches
from pathlib import Path

from ketluan.core.bodylimits import body_problems
from ketluan.core.document_schema import ConclusionSchema
from ketluan.core.frontmatter import control_characters, decode, parse
from ketluan.core.ids import DocumentKey, disambiguate
from ketluan.core.model import Document, TypeInfo, build_document
from ketluan.core.places import check_place, unchecked_commune
from ketluan.core.problems import Problem, ProblemsError
from ketluan.core.schema import Context
from ketluan.core.sources import find_sources, read_source, relative
from ketluan.core.text import is_blank

Progress = Callable[[list[Path]], Iterable[Path]]

log = logging.getLogger("mkdocs.plugins.ketluan.corpus")
"""Notes go to the build log as information (MkDocs and ProperDocs show records of loggers
under ``mkdocs``; ``--strict`` fails on warnings only); ``ketluan check`` prints them itself."""


@dataclass
class Corpus:
    """All documents, newest first, a lookup by id, and warnings that fail nothing."""

    documents: list[Document]
    notes: list[Problem] = field(default_factory=list)
    """Warnings (a date after the build date): ``ketluan check`` prints them, the build logs
    them as information, so ``mkdocs build --strict`` still passes."""

    def __post_init__(self) -> None:
        self.by_id = {doc.id: doc for doc in self.documents}


def read_document(
    path: Path, rel: str, types: dict[str, TypeInfo]
) -> tuple[Document | None, list[Problem]]:
    """Read and validate one file; returns the document or the problems found in it."""
    raw, problems = read_source(path, rel)
    return (None, problems) if raw is None else parse_document(raw, rel, types)


def parse_document(
    raw: bytes, rel: str, types: dict[str, TypeInfo]
) -> tuple[Document | None, list[Problem]]:
    """Validate the bytes ``raw`` of the file ``rel``; the document or its problems."""
    text, problems = decode(raw, rel)
    if text is None:
        return None, problems
    if problems := control_characters(text, rel):
        return None, problems
    source = parse(text, rel)
    if source.problems:
        return None, source.problems
    ctx = Context(rel, source, types)
    cleaned = ConclusionSchema.validate(source.values, ctx)
    check_place(cleaned, ctx)
    ctx.problems += body_problems(source.body, rel, source.body_line)
    if is_blank(source.body):
        ctx.problems.append(
            Problem(
                rel,
                source.body_line,
                "",
                "the document has no text",
                "Paste the text of the document below the closing '---'",
            )
        )
    if ctx.problems:
        return None, ctx.problems
    document = build_document(rel, cleaned, types, source.body, source.body_line, source.lines)
    for name, message, fix in document.url_problems():
        ctx.report(name, message, fix)
    return (None, ctx.problems) if ctx.problems else (document, [])


def conclusions_root(project: Path, conclusions_dir: str) -> Path:
    """The folder of conclusions (resolved); a ``ProblemsError`` when it is missing."""
    root = (project / conclusions_dir).resolve()
    if not root.is_dir():
        raise ProblemsError(
            [
                Problem(
                    conclusions_dir,
                    0,
                    "",
                    "folder of conclusions not found",
                    "Create it or set 'conclusions_dir' in mkdocs.yml",
                )
            ]
        )
    return root


def load_corpus(
    project: Path,
    conclusions_dir: str,
    types: dict[str, TypeInfo],
    progress: Progress = lambda paths: paths,
    today: dt.date | None = None,
) -> Corpus:
    """Read all conclusions; raise ProblemsError listing every problem in every file.
    Dates after ``today`` (default: the build date) are warnings: see ``Corpus.notes``."""
    project = project.resolve()
    root = conclusions_root(project, conclusions_dir)
    documents: list[Document] = []
    sources = find_sources(root, project)
    problems = list(sources.problems)
    for path in progress(sources.paths):
        document, found = read_document(path, relative(path, project), types)
        problems.extend(found)
        if document is not None:
            documents.append(document)
    return assemble(documents, problems, today)


def assemble(
    documents: list[Document], problems: list[Problem], today: dt.date | None = None
) -> Corpus:
    """The corpus of the files read (``documents``, and the ``problems`` of the others):
    duplicates refused, ids made unique, newest first; raises ``ProblemsError`` with every
    problem. The one step that looks across files, so an incremental build that reads only
    changed files (``ketluan.build``) runs it over every document as a cold build does."""
    problems = [*problems, *_duplicates(documents)]
    if problems:
        raise ProblemsError(problems)
    ids = disambiguate(documents)
    documents = [
        doc if doc.doc_id == ids[doc.source] else replace(doc, doc_id=ids[doc.source])
        for doc in documents
    ]
    if problems := _same_urls(documents) + unknown_targets(documents):
        raise ProblemsError(problems)
    documents.sort(key=Document.sort_key)
    notes = _future_dates(documents, today or dt.date.today()) + _unchecked_communes(documents)
    for note in notes:
        log.info("ketluan: %s", note)
    return Corpus(documents, notes)


def _duplicates(documents: list[Document]) -> list[Problem]:
    seen: dict[DocumentKey, Document] = {}
    problems = []
    for doc in documents:
        first = seen.setdefault(doc.identity, doc)
        if first is not doc:
            problems.append(
                Problem(
                    doc.source,
                    1,
                    "",
                    f"same document as {first.source} "
                    "(same province, issuer, type, number and date)",
                    "Remove one of the two files, or correct the field that differs",
                )
            )
    return problems


def _collisions(documents: list[Document]) -> list[list[Document]]:
    by_id: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        by_id[doc.id].append(doc)
    return [group for group in by_id.values() if len(group) > 1]


def _same_urls(documents: list[Document]) -> list[Problem]:
    """Documents that still share a URL once reused numbers got their date and counter:
    a number that spells another's suffixed URL (604-KL/HU-2024-03-27-1)."""
    problems = []
    for group in _collisions(documents):
        first, *others = sorted(group, key=lambda d: d.source)
        for doc in others:
            where = "title" if doc.type.news else "number" if doc.number else "date"
            problems.append(
                Problem(
                    doc.source,
                    doc.lines.get(where, 1),
                    where,
                    f"gets the same web address as {first.source} ({doc.id})",
                    f"Correct the {where} as printed; if both files hold the same document, "
                    "remove one",
                )
            )
    return problems


def _future_dates(documents: list[Document], today: dt.date) -> list[Problem]:
    """A date after the build date is most often a typo in the year: worth a warning."""
    return [
        Problem(
            doc.source,
            doc.lines.get("date", 1),
            "date",
            f"warning: {doc.date.iso()} is after today ({today.isoformat()})",
            "Check the year; the document is published with this date",
        )
        for doc in sorted(documents, key=lambda d: d.source)
        if doc.date.after(today)
    ]


def _unchecked_communes(documents: list[Document]) -> list[Problem]:
    """A commune the gazetteer cannot check (the packaged data has no communes) is published
    as written: worth a warning, so a misspelt name is looked at."""
    found = []
    for doc in sorted(documents, key=lambda d: d.source):
        if message := unchecked_commune(doc):
            fix = "Check its spelling against the decision that established it"
            found.append(Problem(doc.source, doc.lines.get("commune", 1), "commune", message, fix))
    return found


def unknown_targets(documents: list[Document]) -> list[Problem]:
    """Relations naming a document id that no document of the corpus has (or its own)."""
    ids = {doc.id for doc in documents}
    problems = []
    for doc in documents:
        for relation in doc.relations:
            target = relation.document
            if target is None or (target in ids and target != doc.id):
                continue
            if target == doc.id:
                what, fix = "names this document itself", "Write the id of the other document"
            else:
                close = get_close_matches(target, sorted(ids), n=1)
                what = f"no document has the id {target!r}"
                fix = f"Did you mean '{close[0]}'?" if close else (
                    "Write the id of a document of the portal (its 'id' in the open data), "
                    "or name it by 'number:'"
                )  # fmt: skip
            line = doc.lines.get(relation.where, 1)
            problems.append(Problem(doc.source, line, f"{relation.where}.document", what, fix))
    return problems
