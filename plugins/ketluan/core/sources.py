"""Find and read conclusion files: every file that looks like one is read or reported.

Nothing under ``conclusions/`` is skipped without a word: a link to a folder, a Markdown
file with another extension, a name that is not UTF-8 or a file that is no regular file
(a named pipe would block the build forever) is a problem naming the path. Files are
opened only once known to be regular files under the size limit.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ketluan.core.frontmatter import MAX_BYTES, oversize
from ketluan.core.problems import Problem

MARKDOWN_SUFFIXES = frozenset(
    {".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext"}
)
"""Extensions editors and other generators give Markdown; only ``.md`` is read."""


@dataclass
class Sources:
    """Conclusion files in a stable order, and the problems met while walking."""

    files: list[str] = field(default_factory=list)
    """The files as strings (no path object per file: a build that reads nothing walks
    10,000), in the order of their paths."""
    problems: list[Problem] = field(default_factory=list)

    @property
    def paths(self) -> list[Path]:
        return [Path(file) for file in self.files]


def relative(path: Path | str, project: Path) -> str:
    """``path`` as written in problems: relative to the project, with / separators."""
    text, base = str(path), f"{project}{os.sep}"
    if text.startswith(base):  # the usual case, without path arithmetic (10,000 per build)
        return text[len(base) :].replace(os.sep, "/")
    try:
        return Path(path).relative_to(project).as_posix()
    except ValueError:
        return Path(path).as_posix()


def find_sources(root: Path, project: Path) -> Sources:
    """Walk ``root`` (a resolved folder); README files are documentation, not documents."""
    found = Sources()
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:
            found.problems.append(
                Problem(
                    relative(folder, project),
                    0,
                    "",
                    f"cannot read folder ({exc.strerror})",
                    "Check that it exists and is readable",
                )
            )
            continue
        for entry in entries:  # names and types from the listing: no call per file
            is_folder = entry.is_dir(follow_symlinks=False)
            stem, suffix = (entry.name, "") if is_folder else os.path.splitext(entry.name)
            looks_markdown = suffix.lower() in MARKDOWN_SUFFIXES and stem.lower() != "readme"
            if not (is_folder or looks_markdown or entry.is_symlink()):
                continue
            problem = _problem(entry, suffix, root, project, is_folder, looks_markdown)
            if problem is not None:
                found.problems.append(problem)
            elif is_folder:
                folders.append(Path(entry.path))
            elif suffix == ".md":
                found.files.append(entry.path)
    # as paths sort, part by part: a separator sorts before every character of a name
    found.files.sort(key=lambda file: file.replace(os.sep, "\0"))
    return found


def _problem(
    entry: os.DirEntry[str],
    suffix: str,
    root: Path,
    project: Path,
    is_folder: bool,
    looks_markdown: bool,
) -> Problem | None:
    """What is wrong with a folder, a file that looks like Markdown or a link, or None."""
    try:
        entry.name.encode("utf-8")
    except UnicodeEncodeError as exc:
        byte = ord(entry.name[exc.start]) - 0xDC00
        what = "folder" if is_folder else "file"
        return Problem(
            relative(entry.path, project),
            0,
            "",
            f"the {what} name is not valid UTF-8 (a byte 0x{byte:02X} cannot be read)",
            "Rename it, typing the name again",
        )
    if entry.is_symlink():
        return _link_problem(Path(entry.path), root, relative(entry.path, project), looks_markdown)
    if looks_markdown and suffix != ".md":
        return Problem(
            relative(entry.path, project),
            0,
            "",
            "only files ending in .md are read, so this document would not be published",
            f"Rename it to {Path(entry.name).stem}.md",
        )
    return None


def _link_problem(path: Path, root: Path, rel: str, looks_markdown: bool) -> Problem | None:
    if path.is_dir():
        return Problem(
            rel,
            0,
            "",
            "is a link to a folder; links to folders are not followed, so its documents "
            "would not be published",
            "Move or copy the folder into conclusions/ instead of linking it",
        )
    if not looks_markdown:
        return None
    if not path.exists():
        return Problem(
            rel,
            0,
            "",
            "is a link to a file that does not exist",
            "Remove the link, or copy the file into the folder instead of linking it",
        )
    if not path.resolve().is_relative_to(root):
        return Problem(
            rel,
            0,
            "",
            "links to a file outside the conclusions folder",
            "Copy the file into the folder instead of linking it",
        )
    return None


_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFDIR: "a folder",
}


def read_source(path: Path, rel: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file of at most MAX_BYTES, or the problem: the size and kind
    are read from the file system first, so a named pipe is never opened and a 1 GB file
    never read (and the open file is checked again, in case it was swapped meanwhile)."""
    try:
        info = path.stat()
        if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_BYTES:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(fd, "rb") as handle:
                info = os.fstat(handle.fileno())
                if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_BYTES:
                    return handle.read(MAX_BYTES + 1), []
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
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a file")
        return None, [
            Problem(
                rel,
                0,
                "",
                f"is not a regular file ({kind})",
                "Replace it with an ordinary file saved from your editor",
            )
        ]
    return None, [oversize(rel, info.st_size)]
