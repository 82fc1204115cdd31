"""File operations on the site's trees: hard links, atomic replacement, the exchange."""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
from pathlib import Path


def place(source: Path, target: Path) -> None:
    """Make ``target`` (in the work tree) the file ``source``, by a hard link."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = _partial(target)
    link_or_copy(source, partial)
    os.replace(partial, target)
    # a rename onto another link of the same file does nothing (POSIX): the partial stays
    # when the work tree already had this file (a path a killed build journaled, unchanged)
    partial.unlink(missing_ok=True)


def _partial(target: Path) -> Path:
    """Where ``place`` links a file before renaming it over ``target``."""
    return target.with_name(f".{target.name}.ketluan-partial")


def remove(root: Path, path: str) -> None:
    """Remove ``path`` from the tree ``root`` (with what a killed ``place`` of it left),
    and the folders it leaves empty."""
    target = root / path
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target, ignore_errors=True)
    else:
        target.unlink(missing_ok=True)
    _partial(target).unlink(missing_ok=True)
    folder = target.parent
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:
            break
        folder = folder.parent


def link_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, copy_function=link_or_copy, symlinks=True)


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """Hard-link ``source`` at ``target``, else copy it (another disk, no links)."""
    try:
        os.link(source, target)
    except FileExistsError:
        os.unlink(target)
        link_or_copy(source, target)
    except FileNotFoundError:
        raise
    except OSError:
        shutil.copy2(source, target)


def inode(path: Path) -> int | None:
    try:
        return path.lstat().st_ino
    except OSError:
        return None


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def swap(site: Path, work: Path) -> None:
    """Exchange the two folders in one step (Linux ``renameat2``); where the system has
    no such call, three renames (the site is missing for that moment)."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        done = renameat2(_AT_FDCWD, bytes(site), _AT_FDCWD, bytes(work), _RENAME_EXCHANGE)
        if done == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            raise OSError(code, os.strerror(code), str(site))
    middle = site.with_name(f".{site.name}.swap")
    site.rename(middle)
    work.rename(site)
    middle.rename(work)


def finish_swap(site: Path, work: Path) -> None:
    """Complete the three renames of a swap without ``renameat2`` that a killed build
    left half done (the state says it was swapping)."""
    middle = site.with_name(f".{site.name}.swap")
    if not middle.exists():
        return
    if not site.exists():
        work.rename(site)
    middle.rename(work)
