"""Read every conclusion file, validate it and return the corpus, or every problem at once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .bodylimits import body_problems
from .document_schema import ConclusionSchema
from .frontmatter import decode, parse
from .model import Document, TypeInfo, build_document
from .places import check_place
from .problems import Problem, ProblemsError
from .schema import Context

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
    ctx.problems += body_problems(source.body, rel, source.body_line)
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
    _disambiguate_urls(documents)
    documents.sort(key=Document.sort_key)
    return Corpus(documents)


def _relative(path: Path, project: Path) -> str:
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()


def _duplicates(documents: list[Document]) -> list[Problem]:
    seen: dict[tuple[str, ...], Document] = {}
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


def _disambiguate_urls(documents: list[Document]) -> None:
    """Distinct documents sharing a URL (a number reused in one year) get their date added,
    then, if still shared, a counter in file order."""
    for group in _collisions(documents):
        for doc in group:
            doc.url_suffix = f"-{doc.date.iso()}"
    for group in _collisions(documents):
        for index, doc in enumerate(sorted(group, key=lambda d: d.source), start=1):
            doc.url_suffix += f"-{index}"


def _collisions(documents: list[Document]) -> list[list[Document]]:
    by_id: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        by_id[doc.id].append(doc)
    return [group for group in by_id.values() if len(group) > 1]
