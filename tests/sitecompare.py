"""Two built sites compared as readers see them: every file byte for byte (the word index
and the lookups of search included)."""

from __future__ import annotations

from pathlib import Path


def site_files(folder: Path) -> dict[str, bytes]:
    """Every file of a built site, with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def differences(first: Path, second: Path) -> list[str]:
    """What differs between two built sites (empty: a reader cannot tell them apart)."""
    a, b = site_files(first), site_files(second)
    found = [f"only in {first.name}: {p}" for p in sorted(set(a) - set(b))]
    found += [f"only in {second.name}: {p}" for p in sorted(set(b) - set(a))]
    found += [f"differs: {p}" for p in sorted(set(a) & set(b)) if a[p] != b[p]]
    return found
