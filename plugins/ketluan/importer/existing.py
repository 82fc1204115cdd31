"""What the output folder already holds: document identities and the tags in use.

An import must not add a second file for a document that is already there under another
name (identity is ``ketluan.core.ids.DocumentKey``, as for the corpus), and
can suggest the tags editors already use when a tag's words recur in the new text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ketluan.core.dates import DateError, parse_doc_date
from ketluan.core.frontmatter import MAX_BYTES, decode, parse
from ketluan.core.ids import DocumentKey
from ketluan.core.levels import CENTRAL
from ketluan.core.model import TypeInfo
from ketluan.core.text import fold
from ketluan.importer.write import OutFolder, WriteError

TAG_MIN_COUNT = 3
"""Times a tag's words must occur in a text before it is suggested."""


def identity(values: dict[str, Any], types: dict[str, TypeInfo]) -> DocumentKey | None:
    """The document's key (``ketluan.core.ids``: province + issuer + type + number + date,
    + title for news), or None while the issuer, type or date is unknown."""
    issuer, doc_type, date = values.get("issuer"), values.get("type"), values.get("date")
    joint = values.get("issuers")
    if issuer is None and isinstance(joint, list) and joint:  # a joint document: the lead
        issuer = joint[0]
    if not isinstance(issuer, str) or not isinstance(doc_type, str) or date is None:
        return None
    try:
        when = parse_doc_date(date)
    except DateError:
        return None
    info = types.get(doc_type)
    return DocumentKey.of(
        province=None if values.get("level") == CENTRAL.slug else str(values.get("province") or ""),
        issuer=issuer,
        type_slug=doc_type,
        number=str(values.get("number") or ""),
        date=when,
        title=str(values.get("title") or ""),
        news=bool(info and info.news),
    )


@dataclass
class Existing:
    """Identities of the files under the output folder, and the tags they use."""

    types: dict[str, TypeInfo]
    identities: dict[DocumentKey, Path] = field(default_factory=dict)
    tags: Counter[str] = field(default_factory=Counter)

    @classmethod
    def scan(cls, root: Path, types: dict[str, TypeInfo]) -> Existing:
        """Read the regular files under ``root``: links, FIFOs and the like are never opened
        (the build and ``ketluan check`` report them), nor is a file over the size limit."""
        existing = cls(types)
        if not root.is_dir():
            return existing
        folder = OutFolder(root)
        for path in sorted(root.rglob("*.md")):
            try:
                data = folder.read(path, MAX_BYTES)
            except WriteError:
                continue
            text, _ = decode(data, str(path)) if data is not None else (None, [])
            values = parse(text, str(path)).values if text else {}
            existing.add(path, values)
        return existing

    def add(self, path: Path, values: dict[str, Any]) -> None:
        """Record a file (also each one this run writes)."""
        if key := self.identity(values):
            self.identities.setdefault(key, path)
        tags = values.get("tags")
        if isinstance(tags, list):
            self.tags.update(t for t in tags if isinstance(t, str))

    def same_document(self, values: dict[str, Any], target: Path) -> Path | None:
        """The file that already holds this document under another name, if any."""
        key = self.identity(values)
        found = self.identities.get(key) if key else None
        return found if found is not None and found != target else None

    def identity(self, values: dict[str, Any]) -> DocumentKey | None:
        """The key of a document's values (see ``identity``)."""
        return identity(values, self.types)

    def suggest_tags(self, body: str) -> list[str]:
        """Tags in use whose words occur at least TAG_MIN_COUNT times in ``body``."""
        words = " " + " ".join(re.findall(r"[\w-]+", fold(body))) + " "
        found = []
        for tag in sorted(self.tags):
            phrase = " ".join(re.findall(r"[\w-]+", fold(tag)))
            if phrase and words.count(f" {phrase} ") >= TAG_MIN_COUNT:
                found.append(tag)
        return found
