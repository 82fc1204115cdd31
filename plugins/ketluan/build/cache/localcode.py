"""Fingerprint of the Python code a site's configuration brings in: Markdown extensions and
MkDocs hooks, for the salt of every generated page.

A page rendered by a project-local extension (``markdown_extensions: - localext``) changes
when the extension's code changes, not its name; so the salt covers the source of every
module of an extension or hook that is not from an installed distribution, and of every
loaded module inside the project folder; an installed one counts by its file's path, size
and time (another version is another file; asking every installed distribution which one
holds it took a second per build). Each file is read once per process, like
``code_salt``: the code that runs is the code that was loaded (``mkdocs serve`` does not
reload an edited extension, so its pages must keep the old key until it restarts).
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import sysconfig
import types
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

OWN = "ketluan"
"""This package: its code is in ``code_salt`` already."""


def local_code_digest(config: MkDocsConfig, project: Path) -> str:
    """Fingerprint of the extension and hook modules of ``config`` and of the modules
    loaded from ``project`` (``.venv`` and other install folders excepted)."""
    tops = {name.split(".")[0] for name in extension_modules(config.markdown_extensions)}
    hooks = {hook.__name__ for hook in (config.hooks or {}).values()}
    h = hashlib.blake2b(digest_size=20)
    for name, module in sorted(_loaded()):
        top = name.split(".")[0]
        file = _source(module)
        if top == OWN or file is None:
            continue
        installed = _is_installed(file)
        if top in tops and installed:
            h.update(f"{name}={_installed(file)};".encode())
        elif (top in tops or name in hooks or file.is_relative_to(project)) and not installed:
            h.update(f"{name}={_file_digest(file)};".encode())
    return h.hexdigest()


def extension_modules(extensions: Iterable[object]) -> Iterator[str]:
    """Module names of Markdown extensions as mkdocs.yml names them: an entry point name
    ("toc"), a module ("localext", "pkg.ext:Class") or an ``Extension`` object."""
    points = _entry_points()
    for extension in extensions:
        if isinstance(extension, str):
            yield points.get(extension, extension).split(":")[0]
        else:
            yield type(extension).__module__


def _loaded() -> list[tuple[str, types.ModuleType]]:
    return [(n, m) for n, m in list(sys.modules.items()) if isinstance(m, types.ModuleType)]


def _source(module: types.ModuleType) -> Path | None:
    file = getattr(module, "__file__", None)
    return _resolved(file) if isinstance(file, str) else None


@functools.cache
def _resolved(file: str) -> Path:
    return Path(file).resolve()


@functools.cache
def _installed(file: Path) -> str:
    """An installed module's file as the build saw it first: path, size and time."""
    try:
        info = file.stat()
    except OSError:
        return f"{file}:missing"
    return f"{file}:{info.st_size}:{info.st_mtime_ns}"


@functools.cache
def _file_digest(file: Path) -> str:
    """Digest of ``file`` as first read in this process (see the module docstring)."""
    try:
        return hashlib.blake2b(file.read_bytes(), digest_size=20).hexdigest()
    except OSError:
        return "unreadable"


@functools.cache
def _is_installed(file: Path) -> bool:
    """True for a file under an install folder (both resolved: a prefix of the path)."""
    return str(file).startswith(tuple(f"{folder}{os.sep}" for folder in _installed_folders()))


@functools.cache
def _installed_folders() -> tuple[Path, ...]:
    paths = sysconfig.get_paths()
    names = ("stdlib", "platstdlib", "purelib", "platlib")
    return tuple(Path(paths[name]).resolve() for name in names if name in paths)


@functools.cache
def _entry_points() -> dict[str, str]:
    return {ep.name: ep.value for ep in metadata.entry_points(group="markdown.extensions")}
