"""``ketluan import --report FILE.json``: per document and field, the value written and the
line of the input it was read from, so that office staff review a batch of thousands by the
fields that need it instead of opening every file.

Line numbers count lines of the text the importer read: the file itself for ``.txt``, the
text extracted from a ``.docx`` or PDF otherwise (the same text ``--dry-run`` works on).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from ketluan.core.text import nfc
from ketluan.importer.convert import Conversion

SOURCE_OF = {"level": "issuer", "province": "issuer", "issuers": "issuer", "signers": "signer"}
"""Fields read together with another: the line of that one is theirs."""


def field_report(conversion: Conversion, text: str) -> dict[str, dict[str, Any]]:
    """Each front matter field: its value, the line (1-based) and text it came from when
    known, and why it needs attention when it does."""
    lines = [" ".join(nfc(line).replace("*", " ").split()) for line in text.splitlines()]
    found: dict[str, dict[str, Any]] = {}
    names = list(conversion.values) + [
        n for n in conversion.attention if n not in conversion.values
    ]
    for name in names:
        source = conversion.sources.get(SOURCE_OF.get(name, name))
        entry: dict[str, Any] = {"value": _plain(conversion.values.get(name))}
        entry["line"] = _line_of(source, lines) if source else None
        entry["text"] = source
        if name in conversion.attention:
            entry["attention"] = conversion.attention[name]
        found[name] = entry
    return found


def _line_of(source: str, lines: list[str]) -> int | None:
    """The first line holding the start of ``source`` (a field read from lines joined, as
    a number wrapped after a hyphen, starts on the first of them)."""
    text = " ".join(source.replace("*", " ").split())
    for needle in (text[:60], text[:20]):
        if found := next((i + 1 for i, line in enumerate(lines) if needle in line), None):
            return found
    return None


def _plain(value: Any) -> Any:
    """A value as JSON writes it (dates as ISO text)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def attention_counts(reports: list[dict[str, Any]]) -> Counter[str]:
    """How many documents need attention for each field."""
    return Counter(
        name
        for report in reports
        for name, entry in report.get("fields", {}).items()
        if "attention" in entry
    )


def write_report(path: Path, documents: list[dict[str, Any]], summary: dict[str, Any]) -> None:
    """Write the report as UTF-8 JSON, replacing the file whole (a temporary file beside it
    renamed over it: an interrupted run never leaves half a report)."""
    data = json.dumps({"summary": summary, "documents": documents}, ensure_ascii=False, indent=1)
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(data + "\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
