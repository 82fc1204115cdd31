"""Publishing by changed files: the site folder and its work tree, swapped in one step.

A failed or killed build must leave the published site as it was, and publishing one new
document must not copy or remove the whole site. So the site has two trees, sharing every
unchanged file (hard links): the published folder ``site/`` and the work tree
``.site.work`` beside it, which holds the site of the build before. A build writes what it
renders into a staging folder; at the end the work tree is brought up to date (only the
files this build or the one before changed, and those a killed build may have touched),
then the two folders are exchanged in one ``renameat2(RENAME_EXCHANGE)``: the site
changes from the old version to the new one at once, and the old one becomes the work tree
of the next build. A build that cannot reuse the trees (the first one, a cold build) swaps
its staging folder in whole, as before.

What the trees hold is in the state (``state.outputs``, ``lag``); every path a build
touches in the work tree is written to the state before it is touched (the journal), and
the new outputs are written before the exchange (``pending``). A build killed at any moment
therefore leaves the published site intact and the next build knows which paths of the
work tree to repair (``recover``). Builds of one site hold its lock from start to publish
(``locks``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ketluan.build.locks import FolderLock
from ketluan.build.state import BuildState
from ketluan.build.treefiles import finish_swap, inode, link_tree, place, remove, swap

STAGING_MARKER = ".ketluan-staging"
"""File in a staging folder saying a ketluan build made it (removed before it is published)."""
TREE = "tree:{}"
"""State key of what is known of a target's two trees (inodes of site and work tree)."""
SWAPPING = "swapping:{}"
"""State key set while a target's trees are exchanged (see ``recover``)."""


class OutputError(RuntimeError):
    """The site folder or its parent cannot be written; the message says what to do."""


@dataclass
class Output:
    """One output of a build: a file."""

    kind: str
    key: str | None = None
    digest: str | None = None
    page: bytes | None = None
    body: str | None = None


@dataclass
class Changes:
    """What a build changes in the published site: outputs written into the staging folder
    (new or re-rendered; their bytes may equal the published ones), outputs no longer
    produced, and outputs whose state row changes without new bytes (a key)."""

    written: dict[str, Output] = field(default_factory=dict)
    removed: set[str] = field(default_factory=set)
    meta: dict[str, Any] = field(default_factory=dict)
    """State values describing the new site (``BuildState.put``), set when it is published."""
    sources: dict[str, tuple[Any, ...] | None] = field(default_factory=dict)
    """Changes to what the site was built from (``state.built``; None: no longer)."""
    words: dict[str, Any] = field(default_factory=dict)
    """Rows of the word index's table (``state`` ``words``): ``rows``, URL -> (number,
    value) or None (no longer), and ``whole``: the rows replace every row."""

    def __bool__(self) -> bool:
        return bool(self.written or self.removed)


@dataclass
class SiteTrees:
    """The published folder ``target``, its work tree, this build's ``staging`` folder and
    the lock this build holds; ``name`` keys the target's rows in the state."""

    target: Path
    staging: Path
    lock: FolderLock
    state: BuildState | None
    name: str
    reusable: bool = False
    """True when the published site and the work tree are the ones the state describes:
    the build may write only what changed."""

    @property
    def work(self) -> Path:
        return self.target.parent / f".{self.target.name}.work"

    @classmethod
    def begin(
        cls,
        target: Path,
        name: str,
        log: Callable[[str], None],
        staging: Path | None = None,
    ) -> SiteTrees:
        """Lock ``target`` (waiting for a build that holds it), clear what killed builds
        left, and make a fresh staging folder next to it; or use ``staging``, a folder
        MkDocs empties itself (``serve``'s: ``mark`` it once MkDocs has emptied it). Then
        ``attach`` the state."""
        target = target.resolve()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            lock = FolderLock(target.parent / f".{target.name}.lock", f"the site folder {target}")
            lock.acquire(log)
        except OSError as exc:
            raise _unwritable(target, exc) from None
        try:
            _clear_leftovers(target)
            trees = cls(target, staging or _staging(target), lock, None, name)
        except OSError as exc:
            lock.release()
            raise _unwritable(target, exc) from None
        except BaseException:
            lock.release()
            raise
        return trees

    def attach(self, state: BuildState | None) -> None:
        """Use ``state`` (None: no state, every build cold): finish or drop what a killed
        build left, and see whether the trees are reusable."""
        self.state = state
        self.reusable = self._recover()

    def _recover(self) -> bool:
        """Finish or drop an exchange a killed build left, and say whether the trees are
        the ones the state describes."""
        state = self.state
        if state is None:
            return False
        swapping = state.get(SWAPPING.format(self.name))
        if swapping is not None:
            finish_swap(self.target, self.work)
            if inode(self.target) == swapping["site"]:
                self._commit(swapping)  # the exchange happened; its commit did not
            else:
                state.put(SWAPPING.format(self.name), None)
                state.db.execute("DELETE FROM pending WHERE target = ?", (self.name,))
        known = state.get(TREE.format(self.name))
        return (
            known is not None
            and known["target"] == str(self.target)
            and inode(self.target) == known["site"]
            and inode(self.work) == known["work"]
        )

    def publish(self, changes: Changes, log: Callable[[str], None]) -> None:
        """Make the staged build the published site: by changed files when the trees are
        reusable, else by swapping the staging folder in whole."""
        marker = self.staging / STAGING_MARKER
        if not marker.is_file():
            raise OutputError(
                f"the staging folder {self.staging} of this build disappeared before it was "
                f"published; {self.target} was left as it was. Build again."
            )
        try:
            if self.reusable:
                self._publish_changes(changes)
            else:
                self._publish_whole(changes, log)
        except OSError as exc:
            raise OutputError(
                f"could not publish the site: {_reason(exc)}. {self.target} was left as it "
                f"was. Make {self.target} and {self.target.parent} writable by this user "
                "(check permissions and immutable attributes), then build again."
            ) from None

    def _publish_changes(self, changes: Changes) -> None:
        """Bring the work tree up to date (journaled), record the outputs, exchange."""
        assert self.state is not None
        state, name = self.state, self.name
        published = _published(state, name, [*changes.written, *changes.removed])
        differing = {
            path
            for path, out in changes.written.items()
            if out.digest is None or published.get(path) != out.digest
        }
        changed = differing | (changes.removed & set(published))
        if not changed:
            with state.transaction():  # keys and stored pages may change, files do not
                _pending(state, name, changes)
                _apply_pending(state, name)
                _describe(state, name, changes.meta, changes.sources, changes.words)
            return
        lag = {path for (path,) in state.rows("SELECT path FROM lag WHERE target = ?", [name])}
        touched = changed | lag
        with state.transaction():  # the journal: these paths of the work tree may change
            state.many("INSERT OR IGNORE INTO lag VALUES (?, ?)", ((name, p) for p in touched))
        now = _published(state, name, touched - changed)
        for path in sorted(touched):
            if path in differing:
                place(self.staging / path, self.work / path)
            elif path in now and path not in changes.removed:
                place(self.target / path, self.work / path)
            else:
                remove(self.work, path)
        swapping = {
            "site": inode(self.work),
            "work": inode(self.target),
            "lag": sorted(changed),
            "meta": changes.meta,
            "sources": changes.sources,
            "words": changes.words,
        }
        with state.transaction():
            _pending(state, name, changes)
            state.put(SWAPPING.format(name), swapping)
        swap(self.target, self.work)
        self._commit(swapping)

    def _commit(self, swapping: dict) -> None:
        """After the exchange: the pending outputs are the published ones; the work tree
        (the site before) lags behind at the paths that changed."""
        assert self.state is not None
        state, name = self.state, self.name
        with state.transaction():
            _apply_pending(state, name)
            state.db.execute("DELETE FROM lag WHERE target = ?", (name,))
            state.many("INSERT INTO lag VALUES (?, ?)", ((name, p) for p in swapping["lag"]))
            _describe(state, name, swapping["meta"], swapping["sources"], swapping["words"])
            tree = {"target": str(self.target), "site": swapping["site"]}
            state.put(TREE.format(name), {**tree, "work": swapping["work"]})
            state.put(SWAPPING.format(name), None)

    def _publish_whole(self, changes: Changes, log: Callable[[str], None]) -> None:
        """Swap the staging folder in whole (a cold build), then make the work tree."""
        marker = self.staging / STAGING_MARKER
        old = self.target.parent / f".{self.target.name}.old-{os.getpid()}"
        marker.unlink()
        if self.state is not None:
            with self.state.transaction():
                self.state.put(TREE.format(self.name), None)
                for table in ("outputs", "lag", "pending"):
                    self.state.db.execute(f"DELETE FROM {table} WHERE target = ?", (self.name,))
        staging = self.staging
        if staging.parent != self.target.parent:  # MkDocs' own folder (serve): linked
            staging = self.target.parent / f".{self.target.name}.staging-{os.getpid()}"
            shutil.rmtree(staging, ignore_errors=True)
            link_tree(self.staging, staging)
        if self.target.exists() or self.target.is_symlink():
            self.target.rename(old)
        try:
            staging.rename(self.target)
        except OSError:
            if old.exists():
                old.rename(self.target)
            raise
        shutil.rmtree(old, ignore_errors=True)
        shutil.rmtree(self.work, ignore_errors=True)
        if self.state is None:
            return
        link_tree(self.target, self.work)
        with self.state.transaction():
            _pending(self.state, self.name, changes)
            _apply_pending(self.state, self.name)
            _describe(self.state, self.name, changes.meta, changes.sources, changes.words)
            tree = {"target": str(self.target), "site": inode(self.target)}
            self.state.put(TREE.format(self.name), {**tree, "work": inode(self.work)})
        log(f"published {self.target}; its work tree {self.work.name} made for the next build")

    def mark(self) -> None:
        """Mark a staging folder given to ``begin`` as this build's."""
        self.staging.mkdir(parents=True, exist_ok=True)
        (self.staging / STAGING_MARKER).write_text(f"{os.getpid()}\n", encoding="ascii")

    def discard(self) -> None:
        """Drop the staging folder (a failed build, or after publishing by changes); a
        staging folder of MkDocs' own is only emptied of what this build added."""
        if self.staging.parent == self.target.parent:
            shutil.rmtree(self.staging, ignore_errors=True)
        else:
            (self.staging / STAGING_MARKER).unlink(missing_ok=True)


def _staging(target: Path) -> Path:
    staging = target.parent / f".{target.name}.staging-{os.getpid()}"
    staging.mkdir()
    (staging / STAGING_MARKER).write_text(f"{os.getpid()}\n", encoding="ascii")
    return staging


def _published(state: BuildState, name: str, paths: Iterable[str]) -> dict[str, str | None]:
    """Published digest of each of ``paths`` that the site holds."""
    found: dict[str, str | None] = {}
    wanted = list(paths)
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        marks = ",".join("?" * len(part))
        rows = state.rows(
            f"SELECT path, digest FROM outputs WHERE target = ? AND path IN ({marks})",
            [name, *part],
        )
        found.update(rows)
    return found


def _pending(state: BuildState, name: str, changes: Changes) -> None:
    """Write the outputs of ``changes`` as pending (inside a transaction)."""
    state.many(
        "INSERT OR REPLACE INTO pending VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
        (
            (name, path, o.kind, o.key, o.digest, o.page, o.body)
            for path, o in changes.written.items()
        ),
    )
    state.many(
        "INSERT OR REPLACE INTO pending VALUES (?, ?, '', NULL, NULL, NULL, NULL, 1)",
        ((name, path) for path in changes.removed),
    )


def _describe(
    state: BuildState,
    name: str,
    meta: dict[str, Any],
    sources: dict[str, Any],
    words: dict[str, Any],
) -> None:
    """Record what the new site was made from (inside a transaction)."""
    for key, value in meta.items():
        state.put(key, value)
    state.put_words(name, words.get("rows", {}), bool(words.get("whole")))
    state.many(
        "DELETE FROM built WHERE target = ? AND path = ?",
        ((name, source) for source, row in sources.items() if row is None),
    )
    state.many(
        "INSERT OR REPLACE INTO built VALUES (?, ?, ?, ?, ?, ?)",
        ((name, source, *row) for source, row in sources.items() if row is not None),
    )


def _apply_pending(state: BuildState, name: str) -> None:
    """The pending outputs become the published ones (inside a transaction)."""
    state.db.execute(
        "DELETE FROM outputs WHERE target = ? AND path IN "
        "(SELECT path FROM pending WHERE target = ? AND gone = 1)",
        (name, name),
    )
    state.db.execute(
        "INSERT OR REPLACE INTO outputs SELECT target, path, kind, key, digest, page, body"
        " FROM pending WHERE target = ? AND gone = 0",
        (name,),
    )
    state.db.execute("DELETE FROM pending WHERE target = ?", (name,))


def _clear_leftovers(target: Path) -> None:
    """Remove the staging folders (marked) and replaced sites of killed builds. Run with
    the lock held: no live build owns them."""
    for stale in target.parent.glob(f".{target.name}.staging-*"):
        if (stale / STAGING_MARKER).is_file():
            shutil.rmtree(stale, ignore_errors=True)
    for stale in target.parent.glob(f".{target.name}.old-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _unwritable(target: Path, exc: OSError) -> OutputError:
    return OutputError(
        f"cannot write beside the site folder {target}: {_reason(exc)}. The build writes a "
        f"staging folder and a lock file in {target.parent} and swaps the finished site in: "
        "make that folder writable by this user, or set site_dir to a folder you can write."
    )


def _reason(exc: OSError) -> str:
    """What went wrong, for a message: "Permission denied: /path"."""
    where = f": {exc.filename}" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"
