"""Every file a build writes has one source: a hand-written page at a generated address is an
error naming both, never silently replaced.

A build writes MkDocs' files (``docs/``, the theme) and then its own: document and list
pages, feeds, the open-data manifests, lookups and sitemap parts. Each output is a
``Claim`` on a site-relative path; two claims on one path, or a file where another claim
needs a folder, is a collision.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

SHOWN = 20
"""Most collisions listed in one error (the rest are counted)."""


@dataclass(frozen=True)
class Claim:
    """A site-relative output ``path`` and who writes it (``source``, as messages say it):
    ``Claim("api/documents.json", "the open-data manifest")``."""

    path: str
    source: str
    handwritten: bool = False
    """True for the project's own files (``docs/``): the ones to move."""


@dataclass(frozen=True)
class Collision:
    """Two claims that cannot both be written: at one ``path`` ("same"), or a file where
    another needs a folder ("folder"; ``first`` is the file)."""

    path: str
    first: Claim
    second: Claim
    kind: str

    def __str__(self) -> str:
        where = "/" + self.path.removesuffix("index.html")
        first, second = self.first.source, self.second.source
        if self.kind == "folder":
            text = f"{where}: {first} would be a file where {second} needs a folder."
        else:
            text = f"{where}: {first} and {second} would both be written there."
        moved = next((c for c in (self.second, self.first) if c.handwritten), None)
        if moved is not None:
            return f"{text} Rename or move {moved.source}: the build generates this address."
        return f"{text} Change one of them so that their addresses differ."


class CollisionError(RuntimeError):
    """Two outputs at one path; the message names both sources of each collision."""


def check_collisions(claims: Iterable[Claim]) -> None:
    """Raise ``CollisionError`` listing every collision among ``claims``."""
    found = collisions(claims)
    if not found:
        return
    lines = [str(clash) for clash in found[:SHOWN]]
    if len(found) > SHOWN:
        lines.append(f"… and {len(found) - SHOWN} more.")
    head = f"{len(found)} output path(s) claimed by two sources:"
    raise CollisionError("\n".join([head, *lines]))


def collisions(claims: Iterable[Claim]) -> list[Collision]:
    """Every collision among ``claims``. Collisions: two claims on ``a/index.html``; a
    file ``a`` and a file ``a/index.html`` (a file where a folder must be). Not one:
    ``a/index.html`` and ``a/b/index.html``."""
    files: dict[str, Claim] = {}
    folders: dict[str, Claim] = {}
    found: list[Collision] = []
    for claim in claims:
        if claim.path in files:
            found.append(Collision(claim.path, files[claim.path], claim, "same"))
            continue
        files[claim.path] = claim
        for folder in _folders(claim.path):
            if folder in folders:
                break  # and so are the folders above it
            folders[folder] = claim
    for path, claim in files.items():
        if path in folders:
            found.append(Collision(path, claim, folders[path], "folder"))
    return found


def _folders(path: str) -> Iterator[str]:
    """The folders ``path`` lies in: "a/b/c.html" gives "a/b", "a"."""
    while "/" in path:
        path = path.rsplit("/", 1)[0]
        yield path
