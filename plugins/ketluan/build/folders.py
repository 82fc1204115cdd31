"""The folders a build deletes in are its own, never the project's sources.

Each build replaces ``site_dir`` whole and deletes old entries in ``cache_dir``: pointed at
the project folder, ``docs/``, ``conclusions/`` or the theme folder (or a folder holding one
of them), it would delete the project. Such settings are refused before anything is written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Folder:
    """A folder of the project, as messages name it."""

    path: Path
    name: str
    inside_ok: bool = False
    """True when a build folder may lie inside it (the project folder)."""


@dataclass(frozen=True)
class BuildFolder:
    """A folder the build deletes in: its option, the value as written and an example."""

    option: str
    value: str
    path: Path
    example: str
    why: str


def project_folders(
    project: Path, docs_dir: Path, conclusions_dir: Path, custom_dir: Path | None
) -> list[Folder]:
    """The folders no build folder may be, contain or (but the project) lie inside."""
    folders = [
        Folder(project, "the project folder (where mkdocs.yml is)", inside_ok=True),
        Folder(docs_dir, "docs_dir (the hand-written pages)"),
        Folder(conclusions_dir, "conclusions_dir (the documents)"),
    ]
    if custom_dir is not None:
        folders.append(Folder(custom_dir, "the theme's custom_dir (the templates)"))
    return folders


def site_folder(value: str, path: Path) -> BuildFolder:
    return BuildFolder(
        "site_dir", value, path, "site", "Each build replaces site_dir whole with the new site"
    )


def cache_folder(value: str, path: Path) -> BuildFolder:
    return BuildFolder(
        "cache_dir",
        value,
        path,
        ".cache/ketluan",
        "Each build deletes the entries of earlier builds in cache_dir",
    )


def misplaced(build: BuildFolder, folders: list[Folder]) -> list[str]:
    """What is wrong with ``build``'s place among ``folders``: the first clash (the project
    folder first), saying which option, why and what to write instead; [] if none."""
    problems = []
    mine = _real(build.path)
    for folder in folders:
        theirs = _real(folder.path)
        if mine == theirs:
            relation = "is"
        elif theirs.is_relative_to(mine):
            relation = "contains"
        elif mine.is_relative_to(theirs) and not folder.inside_ok:
            relation = "is inside"
        else:
            continue
        problems.append(
            f"{build.option}: '{build.value}' {relation} {folder.name}. {build.why}, so it "
            f"must be a folder of its own. Write e.g. '{build.option}: {build.example}' in "
            "mkdocs.yml."
        )
    return problems[:1]


def _real(path: Path) -> Path:
    """``path`` absolute, symlinks and ``..`` resolved (the folder the disk will use)."""
    return Path(os.path.realpath(path))
