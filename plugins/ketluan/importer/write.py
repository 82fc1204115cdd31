"""Writing under ``--out`` only: never through a symbolic link, never half a file.

``--out`` itself is resolved once (a link there is the user's own choice of folder). Below
it, every folder of a target path and the target itself is opened relative to its parent
with ``O_NOFOLLOW``: a link anywhere under ``--out`` (to a folder or a file, dangling or
not) is refused with a message, even one put there while the import runs, so nothing is
ever written, overwritten or read outside. A file is written to a fresh temporary file in
its own folder and renamed over the target (``os.replace``, atomic on one file system): a
crash or a full disk leaves the old file or the new one, never a mix, and a hard link to the
old file elsewhere keeps the old text.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
_NEW_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
NEVER_THROUGH = (
    "ketluan import writes only inside --out and never writes through a link:"
    " replace the link by a real folder or file, or import into another --out"
)


class WriteError(OSError):
    """A target that must not be read or written; the message says what to do."""


class OutFolder:
    """The ``--out`` folder; targets are paths under it."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def read(self, target: Path, limit: int) -> bytes | None:
        """The bytes of the regular file at ``target`` (at most ``limit`` + 1: a longer one
        is no file the importer wrote), None when there is none; WriteError when the target
        or a folder above it is a link, a folder or anything but a regular file."""
        parts = self._parts(target)
        with self._folder(parts[:-1], create=False) as folder:
            if folder is None or self._kind(folder, parts[-1], target) is None:
                return None
            try:
                fd = os.open(parts[-1], _READ_FLAGS, dir_fd=folder)
            except OSError as exc:
                raise WriteError(f"cannot read {target}: {exc.strerror}") from exc
            with os.fdopen(fd, "rb") as handle:
                if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced since the stat
                    raise WriteError(f"{target} is not a regular file; {NEVER_THROUGH}")
                return handle.read(min(os.fstat(fd).st_size, limit) + 1)

    def check(self, target: Path) -> None:
        """WriteError unless ``target`` could be written (nothing is created)."""
        parts = self._parts(target)
        with self._folder(parts[:-1], create=False) as folder:
            if folder is not None:
                self._kind(folder, parts[-1], target)

    def write(self, target: Path, data: bytes) -> None:
        """Write ``data`` to ``target`` atomically, creating the folders above it."""
        parts = self._parts(target)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except FileExistsError as exc:
            raise WriteError(self._not_folder(self.root)) from exc
        except OSError as exc:
            raise WriteError(f"cannot create {self.root}: {exc.strerror}") from exc
        with self._folder(parts[:-1], create=True) as folder:
            if folder is None:
                raise WriteError(f"cannot create the folder of {target}")
            self._kind(folder, parts[-1], target)
            temporary = f".{parts[-1]}.{secrets.token_hex(6)}.tmp"
            try:
                fd = os.open(temporary, _NEW_FLAGS, 0o666, dir_fd=folder)
                try:
                    with os.fdopen(fd, "wb") as handle:
                        handle.write(data)
                    os.replace(temporary, parts[-1], src_dir_fd=folder, dst_dir_fd=folder)
                except BaseException:
                    os.unlink(temporary, dir_fd=folder)
                    raise
            except OSError as exc:
                raise WriteError(f"cannot write {target}: {exc.strerror}") from exc

    def _parts(self, target: Path) -> tuple[str, ...]:
        try:
            parts = target.relative_to(self.root).parts
        except ValueError:
            parts = ()
        if not parts or any(part in ("", ".", "..") for part in parts):
            raise WriteError(f"{target} is not a file inside {self.root}")
        return parts

    @staticmethod
    def _not_folder(path: Path) -> str:
        return f"{path} is a file, not a folder: remove it or import into another --out"

    @contextmanager
    def _folder(self, parts: tuple[str, ...], *, create: bool) -> Iterator[int | None]:
        """A descriptor of the folder ``root/parts``, each step opened without following
        a link (created when ``create``); None when it does not exist and not ``create``."""
        try:
            fd: int | None = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except FileNotFoundError as exc:
            if create:  # removed again since it was made
                raise WriteError(f"cannot open {self.root}: {exc.strerror}") from exc
            fd = None
        except NotADirectoryError as exc:
            raise WriteError(self._not_folder(self.root)) from exc
        except OSError as exc:
            raise WriteError(f"cannot open {self.root}: {exc.strerror}") from exc
        path = self.root
        try:
            for part in parts:
                if fd is None:
                    break
                path = path / part
                parent, fd = fd, None
                try:
                    fd = self._step(parent, part, path, create)
                finally:
                    os.close(parent)
            yield fd
        finally:
            if fd is not None:
                os.close(fd)

    def _step(self, parent: int, name: str, path: Path, create: bool) -> int | None:
        """Open (or create, then open) the folder ``name`` in ``parent``, never a link."""
        for attempt in range(2):
            try:
                return os.open(name, _DIR_FLAGS, dir_fd=parent)
            except FileNotFoundError:
                if not create or attempt:
                    return None
            except OSError as exc:  # a link (ELOOP), a file (ENOTDIR), no permission
                self._kind(parent, name, path, folder_wanted=True)
                raise WriteError(f"cannot open the folder {path}: {exc.strerror}") from exc
            try:
                os.mkdir(name, 0o777, dir_fd=parent)
            except FileExistsError:
                pass  # made meanwhile by another process: opened next, still never a link
            except OSError as exc:
                raise WriteError(f"cannot create the folder {path}: {exc.strerror}") from exc
        return None

    @staticmethod
    def _kind(folder: int, name: str, path: Path, *, folder_wanted: bool = False) -> int | None:
        """The file type of ``name`` in ``folder`` (None when absent); WriteError for a
        link, and for anything but a folder (``folder_wanted``) or a regular file."""
        try:
            info = os.stat(name, dir_fd=folder, follow_symlinks=False)
        except FileNotFoundError:
            return None
        mode = stat.S_IFMT(info.st_mode)
        if mode == stat.S_IFLNK:
            link = os.readlink(name, dir_fd=folder)
            raise WriteError(f"{path} is a symbolic link (to {link}); {NEVER_THROUGH}")
        if folder_wanted and mode != stat.S_IFDIR:
            raise WriteError(f"{path} is a file, not a folder: move it away or import elsewhere")
        if not folder_wanted and mode == stat.S_IFDIR:
            raise WriteError(
                f"{path} is a folder, not a file: move it away or import into another --out"
            )
        if not folder_wanted and mode != stat.S_IFREG:
            raise WriteError(f"{path} is not a regular file: move it away")
        return mode
