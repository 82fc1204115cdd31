"""The build's persistent state: one SQLite file in the cache folder.

What a build knows when it starts: every conclusion file's size, time and content digest
with the analysis made of it (``analysis``), every output of the published site with the
key of its inputs and the digest of its bytes (``incremental``), the work tree's lag behind
the published site and the paths a killed build may have touched (``trees``), what the
word index holds of each document (``adapter.words``), and rendered bodies by key.

SQLite from the standard library: one file, transactions that a killed process cannot
leave half-done, many readers (render workers read what they render) and one writer. The
state is a cache of what the inputs produce, never a source: deleting the cache folder
makes the next build cold, and a state written by another version of this package (schema
or code salt) is dropped whole.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

FILE = "state.sqlite"
"""The state's file in the cache folder (with SQLite's ``-wal`` and ``-shm`` beside it)."""
SCHEMA = 5
"""Version of the tables below; another version's state is dropped, never migrated."""

TABLES = (
    "CREATE TABLE meta(name TEXT PRIMARY KEY, value BLOB)",
    # one row per conclusion file: what a stat and a read told, and the digests of its
    # analysis; the analysis itself (8 KB a document) in ``records``, so that the walk of
    # a build that reads nothing scans a small table
    "CREATE TABLE sources(path TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER,"
    " digest TEXT, shared TEXT, places_context TEXT, places BLOB)",
    "CREATE TABLE records(path TEXT PRIMARY KEY, record BLOB)",
    # what the published site of a target was built from: each document's digests
    "CREATE TABLE built(target TEXT, path TEXT, digest TEXT, shared TEXT,"
    " places_context TEXT, places BLOB, PRIMARY KEY(target, path)) WITHOUT ROWID",
    # one row per file (or folder) of a published site (target: build or serve)
    "CREATE TABLE outputs(target TEXT, path TEXT, kind TEXT, key TEXT, digest TEXT,"
    " page BLOB, body TEXT, PRIMARY KEY(target, path)) WITHOUT ROWID",
    # the outputs of one kind, without reading the rows (their pages: 3 KB each)
    "CREATE INDEX outputs_kind ON outputs(target, kind, key)",
    # the outputs a build is about to publish: moved into outputs once it is published
    "CREATE TABLE pending(target TEXT, path TEXT, kind TEXT, key TEXT, digest TEXT,"
    " page BLOB, body TEXT, gone INTEGER, PRIMARY KEY(target, path))"
    " WITHOUT ROWID",
    # paths where the work tree may differ from the published site (trees)
    "CREATE TABLE lag(target TEXT, path TEXT, PRIMARY KEY(target, path)) WITHOUT ROWID",
    # one row per document of the published word index (adapter.words): its number and
    # what the index holds of it, read back for the documents a local build changes
    "CREATE TABLE words(target TEXT, url TEXT, number INTEGER, value BLOB,"
    " PRIMARY KEY(target, url)) WITHOUT ROWID",
    # rendered Markdown bodies (HTML and headings) by key (analysis of render)
    "CREATE TABLE bodies(key TEXT PRIMARY KEY, value BLOB)",
)


class BuildState:
    """The state file of one cache folder; one build at a time writes it (the cache lock),
    render workers open their own read-only connection."""

    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = path
        uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
        self.db = sqlite3.connect(uri, uri=True, timeout=60, isolation_level=None)
        self.db.execute("PRAGMA busy_timeout = 60000")
        if not readonly:
            # WAL: readers never block the writer; NORMAL: a killed process loses nothing
            # committed (a power cut may lose the last commits, never corrupt the file).
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")

    @classmethod
    def open(cls, folder: Path, salt: str) -> BuildState:
        """The state in ``folder``, created when missing; a state of another schema or
        code ``salt`` is dropped (the next build is cold)."""
        state = cls(folder / FILE)
        if state.get("schema") != SCHEMA or state.get("salt") != salt:
            state.reset(salt)
        return state

    def reset(self, salt: str) -> None:
        """Drop every table and start empty for ``salt``."""
        with self.transaction():
            names = self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            for (name,) in names.fetchall():
                self.db.execute(f"DROP TABLE {name}")
            for table in TABLES:
                self.db.execute(table)
        self.put("schema", SCHEMA)
        self.put("salt", salt)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic change: all of it is committed, or (killed, failed) none of it."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def get(self, name: str) -> Any:
        """A value of the ``meta`` table (None when absent, or before the tables exist)."""
        try:
            row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        except sqlite3.OperationalError:  # no table yet
            return None
        return pickle.loads(row[0]) if row else None

    def has(self, name: str) -> bool:
        """True when the ``meta`` table holds ``name`` (without reading its value)."""
        try:
            row = self.db.execute("SELECT 1 FROM meta WHERE name = ?", (name,)).fetchone()
        except sqlite3.OperationalError:  # no table yet
            return False
        return row is not None

    def put(self, name: str, value: Any) -> None:
        """Set a value of the ``meta`` table (None deletes it)."""
        if value is None:
            self.db.execute("DELETE FROM meta WHERE name = ?", (name,))
            return
        blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, blob))

    def put_words(self, target: str, rows: dict[str, Any], whole: bool) -> None:
        """Set rows of the ``words`` table (URL -> (number, value), None deletes one);
        ``whole``: they replace every row of ``target``."""
        if whole:
            self.db.execute("DELETE FROM words WHERE target = ?", (target,))
        gone = [(target, url) for url, row in rows.items() if row is None]
        self.many("DELETE FROM words WHERE target = ? AND url = ?", gone)
        self.many(
            "INSERT OR REPLACE INTO words VALUES (?, ?, ?, ?)",
            ((target, url, *row) for url, row in rows.items() if row is not None),
        )

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        return self.db.execute(sql, tuple(params)).fetchall()

    def many(self, sql: str, rows: Iterable[Iterable[Any]]) -> None:
        self.db.executemany(sql, (tuple(row) for row in rows))

    def body(self, key: str) -> Any | None:
        """A rendered body kept by an earlier build, None if absent."""
        row = self.db.execute("SELECT value FROM bodies WHERE key = ?", (key,)).fetchone()
        return pickle.loads(row[0]) if row else None

    def save_bodies(self, bodies: Iterable[tuple[str, Any]]) -> None:
        """Keep rendered bodies by key (idempotent: a key names one value)."""
        self.many(
            "INSERT OR IGNORE INTO bodies VALUES (?, ?)",
            ((key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) for key, value in bodies),
        )

    def sweep_bodies(self) -> int:
        """Delete the bodies no output of any published site uses."""
        cursor = self.db.execute(
            "DELETE FROM bodies WHERE key NOT IN (SELECT body FROM outputs WHERE body IS NOT NULL)"
        )
        return cursor.rowcount
