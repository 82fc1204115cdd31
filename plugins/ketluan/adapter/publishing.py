"""The end of a build: every file written is still there, and the staged build published
by changed files (``ketluan.build.publish``), MkDocs' own files compared by their bytes."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from ketluan.adapter.engine import Engine
from ketluan.build.incremental import Mode
from ketluan.build.publish import STAGING_MARKER, Output, SiteTrees


def check_written(engine: Engine, files: Files, site_dir: Path) -> None:
    """Every file this build wrote is in ``site_dir``: a staged build missing any of them
    (another program deleted it) is never published."""
    expected = [file.dest_uri for file in files if file.inclusion.is_included()]
    expected += list(engine.changes.written)
    missing = [path for path in expected if not (site_dir / path).is_file()]
    if missing:
        raise PluginError(
            f"ketluan: {len(missing)} file(s) this build wrote are missing from "
            f"{site_dir} (/{', /'.join(missing[:5])}); the site was not published. "
            "Another program deleted them while the build ran: build again."
        )


def publish(engine: Engine, trees: SiteTrees, log: Callable[[str], None]) -> None:
    """Add MkDocs' files (and other plugins') to the build's changes and publish."""
    changes = engine.changes
    staged = _mkdocs_files(trees.staging, changes.written)
    for path, digest in staged.items():
        changes.written[path] = Output("mkdocs", None, digest)
    if engine.state is not None and engine.mode is not Mode.COLD:
        rows = engine.state.rows(
            "SELECT path FROM outputs WHERE target = ? AND kind = 'mkdocs'", [trees.name]
        )
        changes.removed |= {path for (path,) in rows} - set(staged)
    changes.removed -= set(changes.written)
    try:
        trees.publish(changes, log)
    finally:
        trees.discard()
    # a build that plans nothing replaces no output using a body (MkDocs' files are the
    # ones of the build before: the same claims), and a scan of the bodies costs 0.06 s
    if engine.state is not None and changes.written and engine.mode is not Mode.NONE:
        with engine.state.transaction():
            engine.state.sweep_bodies()


def _mkdocs_files(staging: Path, ours: dict[str, Output]) -> dict[str, str]:
    """Path -> digest of every file in the staging folder the plugin did not write."""
    found = {}
    for folder, _, names in os.walk(staging):
        relative = Path(folder).relative_to(staging).as_posix()
        relative = "" if relative == "." else relative + "/"
        for name in names:
            path = relative + name
            if path == STAGING_MARKER or path in ours:
                continue
            data = Path(folder, name).read_bytes()
            found[path] = hashlib.blake2b(data, digest_size=20).hexdigest()
    return found
