"""Read every conclusion file, validate it and return the corpus, or every problem at once."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ketluan.core.document_schema import ConclusionSchema
from ketluan.core.frontmatter import decode, parse
from ketluan.core.ids import DocumentKey, disambiguate
from ketluan.core.model import Document, TypeInfo, build_document
from ketluan.core.places import check_place
from ketluan.core.problems import Problem, ProblemsError
from ketluan.core.schema import Context

Progress = Callable[[list[Path]], Iterable[Path]]


@dataclass
class Corpus:
    """All documents, newest first, and a lookup by id."""

    documents: list[Document]

    def __post_init__(self) -> None:
        self.by_id = {doc.id: doc for doc in self.documents}


def find_sources(root: Path) -> list[Path]:
    """Markdown files under ``root`` in a stable order (README files are documentation)."""
    return sorted(p for p in root.rglob("*.md") if p.name.lower() != "readme.md")


def read_document(
    path: Path, rel: str, types: dict[str, TypeInfo]
) -> tuple[Document | None, list[Problem]]:
    """Read and validate one file; returns the document or the problems found in it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [
            Problem(
                rel,
                0,
                "",
                f"cannot read file ({exc.strerror})",
                "Check that it exists and is readable",
            )
        ]
    text, problems = decode(raw, rel)
    if text is None:
        return None, problems
    source = parse(text, rel)
    if source.problems:
        return None, source.problems
    ctx = Context(rel, source, types)
    cleaned = ConclusionSchema.validate(source.values, ctx)
    check_place(cleaned, ctx)
    if not source.body.strip():
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
    return build_document(rel, cleaned, types, source.body, source.body_line), []


def load_corpus(
    project: Path,
    conclusions_dir: str,
    types: dict[str, TypeInfo],
    progress: Progress = lambda paths: paths,
) -> Corpus:
    """Read all conclusions; raise ProblemsError listing every problem in every file."""
    project = project.resolve()
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
    documents: list[Document] = []
    problems: list[Problem] = []
    for path in progress(find_sources(root)):
        rel = _relative(path, project)
        if not path.resolve().is_relative_to(root):
            problems.append(
                Problem(
                    rel,
                    0,
                    "",
                    "links to a file outside the conclusions folder",
                    "Copy the file into the folder instead of linking it",
                )
            )
            continue
        document, found = read_document(path, rel, types)
        problems.extend(found)
        if document is not None:
            documents.append(document)
    problems.extend(_duplicates(documents))
    if problems:
        raise ProblemsError(problems)
    ids = disambiguate(documents)
    documents = [
        doc if doc.doc_id == ids[doc.source] else replace(doc, doc_id=ids[doc.source])
        for doc in documents
    ]
    documents.sort(key=Document.sort_key)
    return Corpus(documents)


def _relative(path: Path, project: Path) -> str:
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()


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
