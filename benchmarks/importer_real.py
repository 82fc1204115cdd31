"""Importer field accuracy and citation keeping on the 21 real texts (issue 15).

    .venv/bin/python benchmarks/importer_real.py          # table per document, both shares
    .venv/bin/python benchmarks/importer_real.py --json   # the same as JSON

Each text of ``tests/data/real/texts`` is converted as ``ketluan import`` converts it (with the
project's gazetteer) and its front matter compared, field by field, with the hand labels of
``tests/data/real/fields``: a field is right only when it is exactly the label. Texts listed in
``tests/data/real/split.json`` were kept out of tuning; the two shares are reported apart.
Citations: every citation the extractor finds in the raw text (the document's own number
aside) must still be found in the imported body.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from ketluan.citations.matchers import extract
from ketluan.citations.prose import prose
from ketluan.core.model import BUILTIN_TYPES
from ketluan.core.text import fold
from ketluan.importer.convert import Conversion, convert
from ketluan.importer.inputs import read_source
from ketluan.importer.places import default_lookup

REAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"
FIELDS = (
    "title",
    "type",
    "number",
    "date",
    "issuer",
    "level",
    "province",
    "signer",
    "recipients",
)
"""Fields labelled per text; ``issuer`` and ``signer`` stand for their joint lists too."""


def texts() -> list[Path]:
    return sorted((REAL / "texts").iterdir())


def held_out() -> set[str]:
    return set(json.loads((REAL / "split.json").read_text(encoding="utf-8"))["held_out"])


def convert_file(path: Path) -> Conversion:
    """The conversion ``ketluan import`` makes of a file (``.md`` copies read as text)."""
    raw = read_source(path) if path.suffix != ".md" else path.read_text(encoding="utf-8")
    return convert(raw, dict(BUILTIN_TYPES), default_lookup())


def _signer(block: Any) -> Any:
    if not isinstance(block, dict):
        return block
    found = dict(block)
    if isinstance(found.get("authority"), str):
        found["authority"] = [found["authority"]]
    return found


def comparable(values: dict[str, Any]) -> dict[str, Any]:
    """The labelled fields of front matter values, in the form labels are written."""
    date = values.get("date")
    signers = values.get("signers")
    return {
        "title": values.get("title"),
        "type": values.get("type"),
        "number": values.get("number"),
        "date": date.isoformat() if isinstance(date, dt.date) else date,
        "issuer": values.get("issuers") or values.get("issuer"),
        "level": values.get("level"),
        "province": values.get("province"),
        "signer": [_signer(s) for s in signers] if signers else _signer(values.get("signer")),
        "recipients": values.get("recipients"),
    }


def score(path: Path) -> dict[str, Any]:
    """Right and wrong fields of one text, with the value found where it is wrong."""
    label = comparable(json.loads((REAL / "fields" / f"{path.name}.json").read_text("utf-8")))
    found = comparable(convert_file(path).values)
    wrong = {f: {"label": label[f], "found": found[f]} for f in FIELDS if label[f] != found[f]}
    return {
        "text": path.name,
        "right": len(FIELDS) - len(wrong),
        "fields": len(FIELDS),
        "wrong": wrong,
    }


def _keys(text: str) -> Counter[str]:
    return Counter(c.symbol.key for c in extract(text))


def lost_citations(path: Path) -> list[str]:
    """Citations of the raw text not found in the imported body (the own number aside)."""
    conversion = convert_file(path)
    values = conversion.values
    before = _keys(path.read_text(encoding="utf-8"))
    own = [key for key in before if values.get("number") and _own(key, values["number"])]
    for key in own:  # the document's own number (maybe cut short by the extractor)
        before[key] -= 1
    before.subtract(_keys(values.get("title") or ""))  # the trích yếu, now in title:
    after = _keys(prose(conversion.body).text)
    after.update(fold(r["number"]).upper().replace(" ", "") for r in values.get("references", []))
    lost = before - after
    for key in list(lost):  # cut short in the raw text (``02/2017/TTLT-⏎VKSNDTC``), whole now
        longer = [k for k in after if k.startswith(f"{key}-") and after[k] > before[k]]
        lost[key] -= sum(after[k] - max(before[k], 0) for k in longer)
    return sorted(lost.elements())


def _own(key: str, number: str) -> bool:
    return fold(number).upper().replace(" ", "").startswith(key)


def measure() -> dict[str, Any]:
    """Per text and per share: fields right of labelled, citations lost."""
    out = set(held_out())
    rows = []
    for path in texts():
        row = score(path)
        row["share"] = "held-out" if path.name in out else "tuning"
        row["lost"] = lost_citations(path)
        rows.append(row)
    shares = {}
    for share in ("tuning", "held-out"):
        mine = [r for r in rows if r["share"] == share]
        right, total = sum(r["right"] for r in mine), sum(r["fields"] for r in mine)
        lost = sum(len(r["lost"]) for r in mine)
        shares[share] = {"texts": len(mine), "right": right, "fields": total, "lost": lost}
    return {"rows": rows, "shares": shares}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = measure()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    for row in result["rows"]:
        lost = f", lost {', '.join(row['lost'])}" if row["lost"] else ""
        print(f"{row['share']:8} {row['text']:28} {row['right']}/{row['fields']}{lost}")
        for name, diff in row["wrong"].items():
            print(f"           {name}: label {diff['label']!r}\n{'':18}found {diff['found']!r}")
    for share, s in result["shares"].items():
        pct = 100 * s["right"] / s["fields"]
        print(
            f"{share}: {s['right']}/{s['fields']} fields right ({pct:.1f}%),"
            f" {s['lost']} citations lost"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
